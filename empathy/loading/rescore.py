"""Texts stored before the board scored them as it does now, scored again, so that older weeks get
what a load today gives:
- Korean comments and call turns stored before the board could read Korean were left unscored (their
  language identified, then skipped): each gets its score, language, lemmas and themes;
- calls whose figures were worked out before the board counted calls with an unhappy customer (#28)
  have no such flag, and their turns' dissatisfaction is on the old scale: their customer turns are
  scored again and the calls' figures worked out again;
- Korean comments and turns scored by an earlier reading of the Korean scorer (the store's
  `korean_scorer` below `sentiment.korean.SCORER_VERSION`: 1, the regression's probability rather than
  VADER's scale; 2, one scale for praise and complaint) are scored again, with their calls' figures.
English text scored before keeps its compound (VADER gives it the same again)."""

from __future__ import annotations

import pandas as pd

from empathy.loading.sheet import comment_scores
from empathy.loading.themes import read_taxonomy, themes_expression
from empathy.loading.transcripts import FIGURE_COLUMNS
from empathy.store import Store, texts
from empathy.store.tables import KOREAN_SCORER
from sentiment import ScoredTurn, figures_by_call, korean, scored_role, with_scores
from sentiment.calls import SCORE_FIELDS

HANGUL = "[\uac00-\ud7a3]"
UNSCORED_COMMENTS = "FROM survey_responses WHERE sentiment IS NULL AND regexp_matches(comment, ?)"
UNSCORED_TURNS = "FROM utterances w WHERE w.role <> 'agent' AND NOT w.scored AND regexp_matches(w.text, ?)"
OLD_CALLS = "FROM calls o WHERE o.unhappy IS NULL AND o.scored_turns > 0"
# Korean scored by an earlier reading of the scorer (`_earlier`: only while the store's `korean_scorer` is older)
EARLIER_COMMENTS = "FROM survey_responses WHERE {} AND language = 'ko' AND sentiment IS NOT NULL"
EARLIER_TURNS = "FROM utterances w WHERE {} AND w.language = 'ko' AND w.scored"
KEYS = ("comments", "turns", "calls", "earlier_korean")


def waiting_to_score(store: Store) -> dict[str, int]:
    """How many stored Korean comments and call turns wait to be scored, how many calls wait for their
    figures to be worked out as the board does now, and how many Korean comments and turns were scored
    by an earlier reading of the Korean scorer."""
    comments, turns = _earlier(store)
    found = store.query(f"SELECT (SELECT count(*) {UNSCORED_COMMENTS}) AS comments, "
                        f"(SELECT count(*) {UNSCORED_TURNS}) AS turns, "
                        f"(SELECT count(DISTINCT (o.call_id, o.transcript_hash)) {OLD_CALLS}) AS calls, "
                        f"(SELECT count(*) {comments}) + (SELECT count(*) {turns}) AS earlier_korean",
                        [HANGUL, HANGUL])
    return {name: int(found[name].iloc[0]) for name in KEYS}


def _earlier(store: Store) -> tuple[str, str]:
    """EARLIER_COMMENTS and EARLIER_TURNS, selecting nothing (and reading no table) when the store's Korean
    was scored as today."""
    older = (store.counters().get(KOREAN_SCORER) or 0) < korean.SCORER_VERSION
    return EARLIER_COMMENTS.format(str(older).lower()), EARLIER_TURNS.format(str(older).lower())


def score_again(store: Store, user) -> dict[str, int]:
    """Score what waits (`waiting_to_score`), in one transaction (a new data version); how many
    comments and turns were scored and how many calls' figures worked out again."""
    store.authorize(user, "load", "texts stored before today's scoring")
    earlier_comments, earlier_turns = _earlier(store)
    stored = store.query(f"SELECT comment {UNSCORED_COMMENTS} UNION ALL SELECT comment {earlier_comments}",
                         [HANGUL])["comment"]
    comments = stored.drop_duplicates().to_frame()
    comments = pd.concat([comments, comment_scores(comments["comment"])], axis=1)
    turns = store.query(f"""
        SELECT call_id, transcript_hash, {", ".join(ScoredTurn._fields)} FROM utterances u
        WHERE EXISTS (SELECT 1 {UNSCORED_TURNS} AND w.call_id = u.call_id AND w.transcript_hash = u.transcript_hash)
           OR EXISTS (SELECT 1 {earlier_turns} AND w.call_id = u.call_id AND w.transcript_hash = u.transcript_hash)
           OR EXISTS (SELECT 1 {OLD_CALLS} AND o.call_id = u.call_id AND o.transcript_hash = u.transcript_hash)
        ORDER BY call_id, transcript_hash, turn""", [HANGUL])
    again = turns["role"].map(scored_role).astype(bool)
    turns = pd.concat([turns[~again], with_scores(turns[again])]).sort_index()
    calls = figures_by_call(turns, ["call_id", "transcript_hash"]).rename(columns=FIGURE_COLUMNS).reset_index() \
        if not turns.empty else pd.DataFrame(columns=["call_id", "transcript_hash"])
    changed = turns.loc[again, ["call_id", "transcript_hash", "turn", "text", "role", *SCORE_FIELDS]]
    taxonomy = read_taxonomy()
    texts.score_again(store, comments, changed, calls, user=user,
                      comment_themes=themes_expression(taxonomy, "f.comment", "f.lemmas"),
                      turn_themes=themes_expression(taxonomy, "p.text", "p.lemmas"),
                      scorer=(KOREAN_SCORER, korean.SCORER_VERSION))
    judged = set(comments.loc[comments["sentiment"].notna(), "comment"])
    return {"comments": int(stored.isin(judged).sum()), "turns": int(changed["scored"].sum()), "calls": len(calls)}
