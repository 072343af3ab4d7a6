"""The stored texts' derived columns, changed in place of a new batch: the turns of stored calls
scored before (read back so a transcript is never scored twice), speakers placed anew, Korean texts
and calls stored before the board scored them as it does now scored again, and every comment's and
customer turn's themes set again after the taxonomy changed. Each is a new data version."""

from __future__ import annotations

import pandas as pd

from empathy.access.roles import User
from empathy.store import audit
from empathy.store.core import scalar


def scored_transcripts(store, calls: pd.DataFrame) -> pd.DataFrame:
    """The stored turns of those (call_id, transcript_hash) pairs that were scored before."""
    with store.cursor() as cursor:
        cursor.register("wanted", calls[["call_id", "transcript_hash"]].drop_duplicates())
        return cursor.execute("""
            SELECT u.* EXCLUDE (batch_id, said_at) FROM utterances u
            JOIN wanted w USING (call_id, transcript_hash) ORDER BY u.call_id, u.turn""").df()


def place_speakers(store, turns: pd.DataFrame, calls: pd.DataFrame, detail: str, *, user: User,
                   turn_themes: tuple[str, list]) -> None:
    """Turns of stored calls placed anew (call_id, transcript_hash, turn, text, then role and the score
    columns; customer turns tagged by `turn_themes`, as a load tags them) and those calls' figures
    worked out again from their turns (call_id, transcript_hash, figure columns), in one transaction."""
    store.authorize(user, "load", "speaker roles")

    def place(cursor):
        _set_turns(cursor, turns, calls, turn_themes)
        audit.append(cursor, user, "place_speakers", detail, "done", f"{len(turns)} turns of {len(calls)} calls")
    store.write(place, "version")


def score_again(store, comments: pd.DataFrame, turns: pd.DataFrame, calls: pd.DataFrame, *, user: User,
                comment_themes: tuple[str, list], turn_themes: tuple[str, list], scorer: tuple[str, int]) -> None:
    """Texts stored before the board scored them as it does now, scored again, in one transaction:
    every stored comment left unscored or in Korean with one of these texts (comment, sentiment,
    language, lemmas; tagged by `comment_themes` over `f.comment` and `f.lemmas`), and turns with their
    calls' figures as `place_speakers` takes them; `scorer` (a key of `meta`, its value) is then what
    every stored Korean text was scored by."""
    store.authorize(user, "load", "texts stored before today's scoring")

    def score(cursor):
        cursor.register("scored_comments", comments)
        cursor.execute(f"""UPDATE survey_responses s SET sentiment = f.sentiment, language = f.language,
                               lemmas = f.lemmas, themes = {comment_themes[0]}
                           FROM scored_comments f
                           WHERE s.comment = f.comment AND (s.sentiment IS NULL OR s.language = 'ko')""",
                       comment_themes[1])
        _set_turns(cursor, turns, calls, turn_themes)
        cursor.execute("DELETE FROM meta WHERE key = ?", [scorer[0]])
        cursor.execute("INSERT INTO meta VALUES (?, ?)", list(scorer))
        audit.append(cursor, user, "score_again", "stored comments and turns", "done",
                     f"{len(comments)} comments, {len(turns)} turns of {len(calls)} calls")
    store.write(score, "version")


def _set_turns(cursor, turns: pd.DataFrame, calls: pd.DataFrame, turn_themes: tuple[str, list]) -> None:
    keys = ("call_id", "transcript_hash", "turn", "text")
    figures = [name for name in calls.columns if name not in keys]
    values = [f"{name} = p.{name}" for name in turns.columns if name not in keys]
    themes, params = turn_themes
    cursor.register("placed_turns", turns)
    cursor.register("placed_calls", calls)
    cursor.execute(f"""UPDATE utterances u SET {", ".join(values)},
                           themes = CASE WHEN p.role = 'customer' THEN {themes} END
                       FROM placed_turns p
                       WHERE u.call_id = p.call_id AND u.transcript_hash = p.transcript_hash
                         AND u.turn = p.turn""", params)
    if figures:
        cursor.execute(f"""UPDATE calls c SET {", ".join(f"{name} = p.{name}" for name in figures)}
                           FROM placed_calls p
                           WHERE c.call_id = p.call_id AND c.transcript_hash = p.transcript_hash""")


def retag(store, comments: tuple[str, list], turns: tuple[str, list], *, user: User) -> int:
    """Set every survey comment's and customer turn's themes anew from SQL expressions over `comment`
    and `text` (`loading/themes.py`); how many texts now have a theme."""
    store.authorize(user, "edit_taxonomy", "stored comments and turns")

    def tag(cursor):
        cursor.execute(f"UPDATE survey_responses SET themes = {comments[0]}", comments[1])
        cursor.execute(f"UPDATE utterances SET themes = {turns[0]} WHERE role = 'customer'", turns[1])
        tagged = scalar(cursor, """
            SELECT (SELECT count(*) FROM survey_responses WHERE len(themes) > 0)
                 + (SELECT count(*) FROM utterances WHERE len(themes) > 0)""")
        audit.append(cursor, user, "retag", "stored comments and turns", "done", f"{tagged} tagged")
        return tagged
    return store.write(tag, "version")
