"""Every customer voice, searchable: survey comments and the customer's turns of calls, by words,
theme, sentiment, segment, account and date. Text is redacted before it leaves this module.

Words are matched case-insensitively anywhere in the text, all of them; a phrase in double quotes
("renewal date") must appear as written.

A result's `context` is where it was said, as data, not words: a comment's metric and score ("NPS 3"),
a call's type ("support"); the page words it in its reader's language.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

import pandas as pd

from empathy.figures.metrics import Window, utc_bounds
from empathy.figures.redact import redact, split_contacts
from empathy.figures.scope import Scope
from empathy.figures.voice import VoiceRule
from empathy.store import Store

SHOWN = 200  # results a page shows at once
EXPORTED = 5000  # results an export carries (each is redacted, about a millisecond apiece)


@dataclass(frozen=True)
class VoiceQuery:
    words: str = ""
    themes: tuple[str, ...] = ()  # any of them
    sentiment: tuple[float, float] = (-1.0, 1.0)
    scope: Scope = Scope()  # segment, account and other dimension filters
    window: Window | None = None
    sources: tuple[str, ...] = ("comment", "call")

    def terms(self) -> list[str]:
        try:
            terms = shlex.split(self.words)
        except ValueError:  # an unbalanced quote: the words as typed
            terms = self.words.replace('"', " ").split()
        return [term.lower() for term in terms if term.strip()]


@dataclass
class Found:
    rows: pd.DataFrame  # the first matches, newest first, redacted
    total: int  # every match


def search(store: Store, query: VoiceQuery, timezone: str, rule: VoiceRule, limit: int = SHOWN) -> Found:
    parts, params = [], []
    dates = list(utc_bounds(query.window, timezone)) if query.window else []
    def between(column: str) -> str:
        return f" AND {column} >= ? AND {column} < ?" if dates else ""
    if "comment" in query.sources and query.scope.applies_to("surveys"):
        joins, _, where, bound = query.scope.source("surveys")
        parts.append(f"""
            SELECT 'comment' AS source, s.response_id AS ref_id, NULL::INTEGER AS turn, s.comment AS text,
                   s.sentiment AS compound, s.submitted_at AS said_at, s.account_id,
                   s.respondent_role AS who, upper(s.metric) || ' ' || s.score AS context, s.themes
            FROM {joins}
            WHERE s.superseded_by IS NULL AND s.comment IS NOT NULL AND trim(s.comment) <> ''
              {between("s.submitted_at")}{where}""")
        params += [*dates, *bound]
    if "call" in query.sources and query.scope.applies_to("calls"):
        joins, _, where, bound = query.scope.source("calls")
        parts.append(f"""
            SELECT 'call' AS source, c.call_id AS ref_id, u.turn, u.text,
                   CASE WHEN u.scored THEN u.compound END AS compound, c.started_at AS said_at, c.account_id,
                   u.speaker AS who, coalesce(c.call_type, 'support') AS context, u.themes
            FROM {joins} JOIN utterances u ON u.call_id = c.call_id AND u.transcript_hash = c.transcript_hash
            WHERE c.superseded_by IS NULL AND u.role = 'customer'
              {between("c.started_at")}{where}""")
        params += [*dates, *bound]
    if not parts:
        return Found(_redacted(pd.DataFrame(columns=RESULT_COLUMNS), rule), 0)
    conditions = ["contains(lower(q.text), ?)" for _ in query.terms()]
    params += query.terms()
    if query.themes:
        conditions.append("list_has_any(q.themes, ?)")
        params.append(list(query.themes))
    if tuple(query.sentiment) != (-1.0, 1.0):
        conditions.append("q.compound BETWEEN ? AND ?")
        params += list(query.sentiment)
    where = " AND ".join(conditions) or "TRUE"
    found = store.query(f"""
        SELECT q.*, a.account_name, a.segment, a.contacts, count(*) OVER () AS total
        FROM ({" UNION ALL ".join(parts)}) q
        LEFT JOIN accounts a ON a.account_id = q.account_id AND a.superseded_by IS NULL
        WHERE {where}
        ORDER BY q.said_at DESC, q.ref_id, q.turn LIMIT ?""", [*params, limit])
    total = int(found["total"].iloc[0]) if not found.empty else 0
    return Found(_redacted(found.drop(columns="total"), rule), total)


RESULT_COLUMNS = ["source", "ref_id", "turn", "text", "compound", "said_at", "account_id", "who", "context",
                  "themes", "account_name", "segment", "contacts"]


def _redacted(found: pd.DataFrame, rule: VoiceRule) -> pd.DataFrame:
    texts = [redact(text, split_contacts(None if pd.isna(contacts) else contacts), rule.phone_regions)
             for text, contacts in zip(found["text"], found["contacts"])]
    return found.drop(columns="contacts").assign(text=texts)


def call_turns(store: Store, call_id: str, rule: VoiceRule) -> pd.DataFrame:
    """Every turn of a call, redacted, with who spoke, their role and the turn's sentiment and dissatisfaction."""
    found = store.query("""
        SELECT u.turn, u.speaker, u.role, u.text, u.compound, u.scored, u.dissatisfaction, u.themes, u.offset_s,
               a.contacts
        FROM calls c JOIN utterances u ON u.call_id = c.call_id AND u.transcript_hash = c.transcript_hash
        LEFT JOIN accounts a ON a.account_id = c.account_id AND a.superseded_by IS NULL
        WHERE c.superseded_by IS NULL AND c.call_id = ? ORDER BY u.turn""", [call_id])
    return _redacted(found, rule)


def call_header(store: Store, call_id: str) -> dict | None:
    """What is known about a call: when, with whom, its type and its sentiment."""
    found = store.query("""
        SELECT c.call_id, c.started_at, c.account_id, a.account_name, a.segment,
               coalesce(c.call_type, 'support') AS call_type, c.channel, c.agent, c.escalated, c.resolved,
               c.sentiment_mean, c.sentiment_min, c.sentiment_shift, c.customer_turns, c.unscored_turns,
               c.dissatisfaction, c.unhappy
        FROM calls c LEFT JOIN accounts a ON a.account_id = c.account_id AND a.superseded_by IS NULL
        WHERE c.superseded_by IS NULL AND c.call_id = ?""", [call_id])
    return None if found.empty else found.iloc[0].to_dict()


def comment(store: Store, response_id: str, rule: VoiceRule) -> dict | None:
    """A whole survey answer, its comment redacted."""
    found = store.query("""
        SELECT s.response_id, s.submitted_at, s.account_id, a.account_name, a.segment, s.respondent_role,
               s.metric, s.score, s.comment AS text, s.sentiment, s.themes, s.channel, a.contacts
        FROM survey_responses s LEFT JOIN accounts a ON a.account_id = s.account_id AND a.superseded_by IS NULL
        WHERE s.superseded_by IS NULL AND s.response_id = ?""", [response_id])
    return None if found.empty else _redacted(found, rule).iloc[0].to_dict()
