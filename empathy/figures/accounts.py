"""One account's story: who they are, what they answered and said, how their calls went and whether
they still answer surveys. Text is redacted before it leaves this module."""

from __future__ import annotations

import pandas as pd

from empathy.figures.redact import redact, split_contacts
from empathy.figures.voice import VoiceRule, account_contacts
from empathy.store import Store


def directory(store: Store) -> pd.DataFrame:
    """Every current account's id, name and segment, by name: what a filter offers."""
    return store.query("""
        SELECT account_id, coalesce(account_name, account_id) AS account_name, segment FROM accounts
        WHERE superseded_by IS NULL ORDER BY account_name, account_id""")


def profile(store: Store, account_id: str) -> dict | None:
    """The account's row from the accounts sheet, without its contacts' names."""
    found = store.query("""
        SELECT account_id, account_name, segment, region, industry, plan, arr, owner,
               coalesce(customer_type, 'external') AS customer_type
        FROM accounts WHERE superseded_by IS NULL AND account_id = ?""", [account_id])
    return None if found.empty else found.iloc[0].to_dict()


def timeline(store: Store, account_id: str, rule: VoiceRule) -> pd.DataFrame:
    """Every survey answer and call of the account, oldest first: when, what (the metric, NPS/CSAT/CES, or
    call), its score or call sentiment, who answered or the call's agent, the comment (redacted), and a
    call's type and whether it was escalated. Codes, not words: the page words them in its reader's
    language, and a cached timeline serves every language."""
    found = store.query("""
        SELECT s.submitted_at AS said_at, upper(s.metric) AS kind, s.score, s.sentiment, s.response_id AS ref_id,
               s.respondent_role AS who, s.comment AS text, NULL::VARCHAR AS call_type, NULL::BOOLEAN AS escalated
        FROM survey_responses s WHERE s.superseded_by IS NULL AND s.account_id = ?
        UNION ALL
        SELECT c.started_at, 'call', NULL, c.sentiment_mean, c.call_id, c.agent, NULL,
               coalesce(c.call_type, 'support'), coalesce(c.escalated, FALSE)
        FROM calls c WHERE c.superseded_by IS NULL AND c.account_id = ?
        ORDER BY said_at, ref_id""", [account_id, account_id])
    names = split_contacts(account_contacts(store, account_id))
    return found.assign(text=[None if pd.isna(text) else redact(text, names, rule.phone_regions)
                              for text in found["text"]])


def participation_history(store: Store, account_id: str) -> pd.DataFrame:
    """Invited, responded and the response rate per ISO week (Monday) for the account."""
    return store.query("""
        SELECT date_trunc('week', period_start)::DATE AS week, sum(invited) AS invited,
               sum(responded) AS responded, sum(responded) / nullif(sum(invited), 0) AS rate
        FROM participation WHERE superseded_by IS NULL AND account_id = ?
        GROUP BY ALL ORDER BY week""", [account_id])
