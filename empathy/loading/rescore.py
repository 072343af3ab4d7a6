"""Korean comments and call turns stored before the board could read Korean were left unscored
(their language identified, then skipped), so a Korean company's earlier weeks have no comment
sentiment, no call figures and themes matched on raw fragments. Scoring them now gives those weeks
what a load today gives: each comment its score, language, lemmas and themes; each turn the same;
each call's figures worked out again from its turns. Text scored before is left as it is."""

from __future__ import annotations

import pandas as pd

from empathy.loading.sheet import comment_scores
from empathy.loading.themes import read_taxonomy, themes_expression
from empathy.loading.transcripts import FIGURE_COLUMNS
from empathy.store import Store, texts
from sentiment import ScoredTurn, figures_by_call, scored_role, with_scores
from sentiment.calls import SCORE_FIELDS

HANGUL = "[\uac00-\ud7a3]"
UNSCORED_COMMENTS = "FROM survey_responses WHERE sentiment IS NULL AND regexp_matches(comment, ?)"
UNSCORED_TURNS = "FROM utterances w WHERE w.role <> 'agent' AND NOT w.scored AND regexp_matches(w.text, ?)"


def unscored_korean(store: Store) -> dict[str, int]:
    """How many stored comments and call turns in Korean wait to be scored."""
    found = store.query(f"SELECT (SELECT count(*) {UNSCORED_COMMENTS}) AS comments, "
                        f"(SELECT count(*) {UNSCORED_TURNS}) AS turns", [HANGUL, HANGUL])
    return {"comments": int(found["comments"].iloc[0]), "turns": int(found["turns"].iloc[0])}


def score_unscored_korean(store: Store, user) -> dict[str, int]:
    """Score the Korean comments and turns stored unscored, in one transaction (a new data version);
    how many comments, turns and calls changed."""
    store.authorize(user, "load", "Korean texts stored unscored")
    comments = store.query(f"SELECT DISTINCT comment {UNSCORED_COMMENTS}", [HANGUL])
    comments = pd.concat([comments, comment_scores(comments["comment"])], axis=1)
    turns = store.query(f"""
        SELECT call_id, transcript_hash, {", ".join(ScoredTurn._fields)} FROM utterances u
        WHERE EXISTS (SELECT 1 {UNSCORED_TURNS} AND w.call_id = u.call_id AND w.transcript_hash = u.transcript_hash)
        ORDER BY call_id, transcript_hash, turn""", [HANGUL])
    waiting = (turns["role"].map(scored_role).astype(bool) & ~turns["scored"].astype(bool)
               & turns["text"].str.contains(HANGUL, regex=True))
    turns = pd.concat([turns[~waiting], with_scores(turns[waiting])]).sort_index()
    calls = figures_by_call(turns, ["call_id", "transcript_hash"]).rename(columns=FIGURE_COLUMNS).reset_index() \
        if not turns.empty else pd.DataFrame(columns=["call_id", "transcript_hash"])
    changed = turns.loc[waiting, ["call_id", "transcript_hash", "turn", "text", "role", *SCORE_FIELDS]]
    taxonomy = read_taxonomy()
    texts.score_korean(store, comments, changed, calls, user=user,
                       comment_themes=themes_expression(taxonomy, "f.comment", "f.lemmas"),
                       turn_themes=themes_expression(taxonomy, "p.text", "p.lemmas"))
    return {"comments": int(comments["sentiment"].notna().sum()), "turns": int(changed["scored"].sum()),
            "calls": len(calls)}
