"""The customer voice of the week: one customer's own words, chosen by a rule anyone can read.

The rule (`VoiceRule`, settings in `data/settings.toml` [voice]):
1. Candidates are survey comments and customer turns of calls in the window, from external
   customers, that were scored (VADER, or the Korean scorer), with strong sentiment
   (|compound| >= min_strength) and a readable length (min_words..max_words words; a Korean text's
   words are its content morphemes, since one spaced Korean word often says what two or three English
   ones do). Quotes are whole comments or whole turns, never cut.
2. Each is ranked by |compound| + red_weight if the account is red (yellow_weight if yellow)
   + arr_weight x the account's ARR percentile + theme_weight if it mentions the theme whose negative
   mentions grew most; ties go to the most recent, then by id.
3. A quote featured for another window is never chosen again.
The rule's choice is worked out afresh on every read (reading never writes) until the window's board
is presented, which keeps it: from then on it is the window's voice, never featured again. An analyst
can pin another candidate from the shortlist, or go back to the rule's.
Text is redacted (empathy/figures/redact.py) before it leaves this module.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from empathy.access.roles import User
from empathy.figures.metrics import Window, utc_bounds
from empathy.figures.redact import PHONE_REGIONS, redact, split_contacts
from empathy.language import _, theme_name
from empathy.store import Store
from empathy.store import voices as kept_voices

# What a voice's reasons (`reasons`) are made of beyond what it shows: kept with a board kept without
# its words (empathy/figures/board.py), which each reader gets in their own language.
REASON_INPUTS = ("arr_percentile", "mentions_top_theme")
CONTEXT_TURNS = 3  # turns shown either side of a quoted turn
PREFIX = 8  # `candidates` keeps one quote per text among this many times the quotes it is asked for


@dataclass(frozen=True)
class VoiceRule:
    min_words: int = 8
    max_words: int = 60
    min_strength: float = 0.5
    red_weight: float = 1.0
    yellow_weight: float = 0.5
    arr_weight: float = 0.5
    theme_weight: float = 0.5
    shortlist: int = 5
    phone_regions: tuple[str, ...] = PHONE_REGIONS


def candidates(store: Store, window: Window, timezone: str, rule: VoiceRule, statuses: dict[str, str],
               top_theme: str | None, keep_first: pd.Series | None = None, limit: int | None = None) -> pd.DataFrame:
    """The strong quotes of the window (step 1), best first (step 2), with their rank score and
    whether they are `readable` (of a length the rule takes); one per text, none featured for another
    window (step 3). `keep_first`: the window's kept voice (source, ref_id, turn), put first where it is
    still a quote of the window. `limit`: so many best texts (None: all).

    The ranking is the store's, so that a week of a million answers hands over a few rows, not every
    strong one (1.8 s of a 3.3 s board at 10,000,000 answers); their length is read here, on those
    rows: said in the query, DuckDB counted the words of every strong turn ever stored before joining
    them to the window's calls.

    One per text is kept among the PREFIX x `limit` best quotes only, which gives the same texts
    whenever those hold `limit` texts (the best row of a text is its first in the order, so the first
    `limit` texts all begin within the prefix); otherwise among all. Hashing and keeping one per text
    of a week's 150,000 strong quotes was 0.2 s of the board at 10,000,000 answers."""
    if limit is not None:  # the best quotes first; all of them only if a few texts fill the prefix
        found = _candidates(store, window, timezone, rule, statuses, top_theme, keep_first, limit, PREFIX * limit)
        if len(found) == limit:
            return found
    return _candidates(store, window, timezone, rule, statuses, top_theme, keep_first, limit, None)


def _candidates(store: Store, window: Window, timezone: str, rule: VoiceRule, statuses: dict[str, str],
                top_theme: str | None, keep_first: pd.Series | None, limit: int | None,
                prefix: int | None) -> pd.DataFrame:
    lo, hi = utc_bounds(window, timezone)
    kept = {"source": None, "ref_id": None, "turn": None} if keep_first is None else keep_first
    flagged = pd.DataFrame({"account_id": list(statuses), "status": list(statuses.values())},
                           columns=["account_id", "status"]).astype("str")
    found = store.query("""
        WITH quotes AS (
            SELECT 'comment' AS source, response_id AS ref_id, NULL::INTEGER AS turn, comment AS text,
                   sentiment AS compound, submitted_at AS said_at, account_id, respondent_role AS who,
                   NULL AS call_type, channel, metric, score, themes, lemmas
            FROM survey_responses
            WHERE superseded_by IS NULL AND submitted_at >= $lo AND submitted_at < $hi
              AND abs(sentiment) >= $strength
            UNION ALL
            SELECT 'call', c.call_id, u.turn, u.text, u.compound, c.started_at, c.account_id,
                   NULL, coalesce(c.call_type, 'support'), c.channel, NULL, NULL, u.themes,
                   u.lemmas
            FROM utterances u JOIN calls c USING (call_id, transcript_hash)
            WHERE c.superseded_by IS NULL AND c.started_at >= $lo AND c.started_at < $hi
              AND u.said_at >= $lo AND u.said_at < $hi  -- the week's blocks of turns only
              AND u.role = 'customer' AND u.scored AND abs(u.compound) >= $strength),
        ranked_accounts AS (
            SELECT *, percent_rank() OVER (ORDER BY coalesce(arr, 0)) AS arr_percentile
            FROM accounts WHERE superseded_by IS NULL),
        ranked AS (
            SELECT q.*, a.account_name, a.segment, a.arr, a.contacts,
                   coalesce(a.arr_percentile, 0) AS arr_percentile, coalesce(f.status, 'green') AS status,
                   coalesce(list_contains(q.themes, $top_theme), false) AS mentions_top_theme,
                   coalesce((q.source, q.ref_id, coalesce(q.turn, -1))
                            = ($kept_source, $kept_ref, coalesce($kept_turn, -1)), false) AS is_kept
            FROM quotes q LEFT JOIN ranked_accounts a USING (account_id) LEFT JOIN flagged f USING (account_id)
            WHERE coalesce(a.customer_type, 'external') <> 'internal'),
        scored AS (
            SELECT *, abs(compound) + CASE status WHEN 'red' THEN $red WHEN 'yellow' THEN $yellow ELSE 0 END
                      + $arr_weight * arr_percentile + $theme_weight * mentions_top_theme::INTEGER AS rank_score
            FROM ranked
            ORDER BY is_kept DESC, rank_score DESC, said_at DESC, ref_id, turn NULLS LAST
            LIMIT $prefix),
        new_texts AS (
            SELECT *, md5(text) AS text_hash FROM scored
            WHERE is_kept OR NOT EXISTS (SELECT 1 FROM voices v
                                         WHERE v.window_label <> $label AND v.text_hash = md5(scored.text)))
        SELECT * EXCLUDE (is_kept), is_kept FROM new_texts
        QUALIFY row_number() OVER (PARTITION BY text_hash
                                   ORDER BY is_kept DESC, rank_score DESC, said_at DESC, ref_id, turn) = 1
        ORDER BY is_kept DESC, rank_score DESC, said_at DESC, ref_id, turn NULLS LAST
        LIMIT $limit""", {
        "lo": lo, "hi": hi, "strength": rule.min_strength, "top_theme": top_theme, "label": window.label,
        "kept_source": kept["source"], "kept_ref": kept["ref_id"],
        "kept_turn": None if pd.isna(kept["turn"]) else int(kept["turn"]), "red": rule.red_weight,
        "yellow": rule.yellow_weight, "arr_weight": rule.arr_weight, "theme_weight": rule.theme_weight,
        "limit": limit, "prefix": prefix}, frames={"flagged": flagged})
    words = pd.Series([len(str(said).split()) for said in found["lemmas"].fillna(found["text"])], dtype="int64")
    return found.assign(readable=words.between(rule.min_words, rule.max_words).to_numpy())


def reasons(row: pd.Series, top_theme: str | None) -> list[str]:
    """Why a candidate ranks where it does, in words (for the few shown, not every candidate)."""
    feeling = _("strong negative sentiment ({compound:+.2f})") if row["compound"] < 0 else \
        _("strong positive sentiment ({compound:+.2f})")
    found = [feeling.format(compound=row["compound"])]
    if row["status"] != "green":
        found.append(_("red account") if row["status"] == "red" else _("yellow account"))
    if pd.notna(row["arr"]) and row["arr_percentile"] >= 0.5:
        top = max(1, round(100 * (1 - row["arr_percentile"])))
        found.append(_("ARR in the top {share} of accounts").format(share=f"{top}%"))
    if row["mentions_top_theme"]:
        found.append(_("mentions {theme}, the theme whose complaints grew most").format(theme=theme_name(top_theme)))
    return found


def choose(store: Store, window: Window, timezone: str, rule: VoiceRule, statuses: dict[str, str],
           top_theme: str | None) -> tuple[dict | None, list[dict]]:
    """The window's voice (kept when presented, or pinned; else the rule's choice now, worked out the
    same way on every read: reading never writes) and the shortlist. The best few texts are asked
    for, and more only where too many of them are too short or too long to be read."""
    this_window = kept_voices.kept(store).query("window_label == @window.label")
    mine = None if this_window.empty else this_window.iloc[0]
    wanted = rule.shortlist + 1
    limit = 4 * wanted
    while True:
        found = candidates(store, window, timezone, rule, statuses, top_theme, mine, limit)
        readable = found[found["readable"]]
        if len(readable) >= wanted or len(found) < limit:
            break
        limit *= 4
    if readable.empty:
        return None, []
    chosen, pinned = readable.iloc[0], bool(readable["is_kept"].iloc[0]) and bool(mine["pinned"])
    shortlist = readable.iloc[1:wanted]
    return (_shown(chosen, rule, pinned, timezone, top_theme),
            [_shown(row, rule, False, timezone, top_theme) for index, row in shortlist.iterrows()])


def pin(store: Store, user: User, window: Window, voice: dict) -> None:
    """The CXO's own pick for the window, in place of the rule's."""
    kept_voices.pin(store, kept(window, voice, pinned=True), user=user)


def unpin(store: Store, user: User, window: Window) -> None:
    """Back to the rule's choice for the window (chosen afresh, never one featured elsewhere)."""
    kept_voices.forget(store, window.label, user=user)


def kept(window: Window, voice, *, pinned: bool) -> dict:
    """A voice as the store keeps it for the window."""
    turn = voice["turn"]
    return {"window_label": window.label, "window_start": window.start, "window_end": window.end,
            "source": voice["source"], "ref_id": voice["ref_id"],
            "turn": None if pd.isna(turn) else int(turn), "text_hash": voice["text_hash"], "pinned": pinned}


def _shown(row: pd.Series, rule: VoiceRule, pinned: bool, timezone: str, top_theme: str | None) -> dict:
    """A voice as the board and the command line show it: redacted, attributed, explained."""
    names = split_contacts(row["contacts"] if pd.notna(row["contacts"]) else None)
    at = pd.Timestamp(row["said_at"]).tz_localize("UTC").tz_convert(timezone)
    return {
        "text": redact(row["text"], names, rule.phone_regions), "source": row["source"],
        "ref_id": row["ref_id"], "turn": None if pd.isna(row["turn"]) else int(row["turn"]),
        "text_hash": row["text_hash"], "account_id": row["account_id"],
        "account_name": None if pd.isna(row["account_name"]) else row["account_name"],
        "segment": None if pd.isna(row["segment"]) else row["segment"],
        "arr": None if pd.isna(row["arr"]) else float(row["arr"]),
        "who": None if pd.isna(row["who"]) else row["who"],
        "call_type": None if pd.isna(row["call_type"]) else row["call_type"],
        "channel": None if pd.isna(row["channel"]) else row["channel"],
        "date": at.strftime("%Y-%m-%d"), "compound": float(row["compound"]), "status": row["status"],
        "themes": [] if row["themes"] is None else list(row["themes"]),
        "reasons": reasons(row, top_theme), "pinned": pinned,
        "arr_percentile": float(row["arr_percentile"]), "mentions_top_theme": bool(row["mentions_top_theme"]),
    }


def context(store: Store, voice: dict, rule: VoiceRule) -> pd.DataFrame:
    """What surrounds the quote, redacted: the turns around it in its call, or the whole answer. Looked
    for first on the quote's day (a day either side, for the board's timezone): at 10,000,000 answers
    that reads a day's blocks, not every call's and answer's; everywhere only if its row has moved."""
    names = split_contacts(account_contacts(store, voice["account_id"]))
    day = pd.Timestamp(voice["date"])
    frame = _context(store, voice, day - pd.Timedelta(days=1), day + pd.Timedelta(days=2))
    if frame.empty:
        frame = _context(store, voice, pd.Timestamp.min, pd.Timestamp.max)
    return frame.assign(text=[redact(t, names, rule.phone_regions) for t in frame["text"]])


def _context(store: Store, voice: dict, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.DataFrame:
    if voice["source"] == "call":
        return store.query("""
            SELECT u.turn, u.speaker, u.role, u.text, u.compound FROM utterances u
            JOIN calls c USING (call_id, transcript_hash)
            WHERE c.superseded_by IS NULL AND c.call_id = ? AND u.turn BETWEEN ? AND ?
              AND c.started_at >= ? AND c.started_at < ? AND u.said_at >= ? AND u.said_at < ?
            ORDER BY u.turn""", [voice["ref_id"], voice["turn"] - CONTEXT_TURNS, voice["turn"] + CONTEXT_TURNS,
                                 lo, hi, lo, hi])
    return store.query("""
        SELECT metric, score, respondent_role, channel, duration_seconds, comment AS text
        FROM survey_responses WHERE superseded_by IS NULL AND response_id = ?
          AND submitted_at >= ? AND submitted_at < ?""", [voice["ref_id"], lo, hi])


def account_contacts(store: Store, account_id: str | None) -> str | None:
    """The `contacts` cell of the account: the names its quotes are redacted of."""
    found = store.query("SELECT contacts FROM accounts WHERE superseded_by IS NULL AND account_id = ?", [account_id])
    return None if found.empty or pd.isna(found["contacts"][0]) else found["contacts"][0]


def history(store: Store, rule: VoiceRule, limit: int = 12) -> pd.DataFrame:
    """The voices featured for windows so far, newest first, redacted, with who chose them and when.

    A quote was said within its window: its text is looked for among the rows of those windows' days
    first (a day either side, for the board's timezone), which at 10,000,000 answers reads a few
    weeks' blocks instead of every answer and turn (0.4 s); only if one is not found there (its row
    moved to another date, or is gone) is everything read."""
    windows = store.query("SELECT min(window_start) AS first, max(window_end) AS last FROM "
                          "(SELECT window_start, window_end FROM voices ORDER BY window_start DESC, window_label LIMIT ?)",
                          [limit])
    first, last = windows["first"][0], windows["last"][0]
    days = (pd.Timestamp(first) - pd.Timedelta(days=1), pd.Timestamp(last) + pd.Timedelta(days=2)) \
        if not pd.isna(first) else (pd.Timestamp(0), pd.Timestamp(0))  # no voice yet: nothing to read
    found = _history(store, limit, *days)
    if found["text"].isna().any():
        found = _history(store, limit, pd.Timestamp.min, pd.Timestamp.max)
    texts = [None if pd.isna(text) else redact(text, split_contacts(None if pd.isna(c) else c), rule.phone_regions)
             for text, c in zip(found["text"], found["contacts"])]
    return found.drop(columns="contacts").assign(text=texts)


def _history(store: Store, limit: int, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.DataFrame:
    return store.query("""
        SELECT v.window_label, v.window_start, v.source, v.ref_id, v.turn, v.pinned, v.chosen_at, v.chosen_by,
               coalesce(s.comment, u.text) AS text, coalesce(s.account_id, c.account_id) AS account_id,
               a.account_name, a.contacts
        FROM voices v
        LEFT JOIN survey_responses s ON v.source = 'comment' AND s.response_id = v.ref_id AND s.superseded_by IS NULL
             AND s.submitted_at >= $lo AND s.submitted_at < $hi
        LEFT JOIN calls c ON v.source = 'call' AND c.call_id = v.ref_id AND c.superseded_by IS NULL
             AND c.started_at >= $lo AND c.started_at < $hi
        LEFT JOIN utterances u ON u.call_id = c.call_id AND u.transcript_hash = c.transcript_hash AND u.turn = v.turn
             AND u.said_at >= $lo AND u.said_at < $hi
        LEFT JOIN accounts a ON a.account_id = coalesce(s.account_id, c.account_id) AND a.superseded_by IS NULL
        ORDER BY v.window_start DESC, v.window_label LIMIT $limit""", {"lo": lo, "hi": hi, "limit": limit})
