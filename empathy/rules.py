"""Early warning: which accounts are red or yellow over a trailing period, and why, in words.

Yellow: frequent support contact, a detractor answer, negative call sentiment, or survey
participation down by half against the period before. Red: repeated escalations, or the most
escalations of any account. The thresholds live in `data/settings.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from empathy.metrics import Window, utc_bounds
from empathy.store import Store

@dataclass(frozen=True)
class Thresholds:
    days: int = 30
    frequent_support_calls: int = 3
    detractor_answers: int = 1
    negative_sentiment: float = -0.05
    participation_drop: float = 0.5
    red_escalations: int = 2


def account_signals(store: Store, as_of: date, days: int, timezone: str = "UTC") -> pd.DataFrame:
    """Per account, the counts the rules read, over the `days` days ending with `as_of` (calendar
    days in the board's timezone) and, for participation, the period before."""
    period = Window(as_of - timedelta(days=days - 1), as_of)
    start, end = utc_bounds(period, timezone)
    first_day, prior_day = period.start, period.previous().start
    return store.query("""
        WITH calls_now AS (
            SELECT account_id,
                   count(*) FILTER (WHERE coalesce(call_type, 'support') = 'support') AS support_calls,
                   count(*) FILTER (WHERE escalated) AS escalations,
                   avg(sentiment_mean) AS sentiment, max(started_at) AS last_call
            FROM calls WHERE superseded_by IS NULL AND started_at >= ? AND started_at < ?
            GROUP BY account_id),
        detractors AS (
            SELECT account_id, count(*) AS detractors, min(score) AS lowest_nps
            FROM survey_responses
            WHERE superseded_by IS NULL AND metric = 'nps' AND score <= 6
              AND submitted_at >= ? AND submitted_at < ?
            GROUP BY account_id),
        participation_rates AS (
            SELECT account_id,
                   sum(responded) FILTER (WHERE period_start >= ?) / nullif(sum(invited) FILTER (WHERE period_start >= ?), 0) AS rate_now,
                   sum(responded) FILTER (WHERE period_start < ?) / nullif(sum(invited) FILTER (WHERE period_start < ?), 0) AS rate_before
            FROM participation
            WHERE superseded_by IS NULL AND account_id IS NOT NULL AND period_start >= ? AND period_start <= ?
            GROUP BY account_id),
        contacts AS (
            SELECT account_id, max(started_at) AS last_contact FROM calls
            WHERE superseded_by IS NULL AND started_at < ? GROUP BY account_id)
        SELECT a.account_id, a.account_name, a.segment, a.arr, a.owner, lc.last_contact,
               coalesce(c.support_calls, 0) AS support_calls, coalesce(c.escalations, 0) AS escalations,
               c.sentiment, c.last_call, coalesce(d.detractors, 0) AS detractors, d.lowest_nps,
               a.contacts, a.customer_type, p.rate_now, p.rate_before
        FROM accounts a
        LEFT JOIN calls_now c USING (account_id)
        LEFT JOIN detractors d USING (account_id)
        LEFT JOIN participation_rates p USING (account_id)
        LEFT JOIN contacts lc USING (account_id)
        WHERE a.superseded_by IS NULL
        ORDER BY a.account_id""",
                       [start, end, start, end, first_day, first_day, first_day, first_day, prior_day,
                        as_of, end])


def flag_accounts(store: Store, as_of: date, thresholds: Thresholds | None = None,
                  timezone: str = "UTC") -> pd.DataFrame:
    """Every account with its status (red, yellow, green) and the reasons, in words."""
    t = thresholds or Thresholds()
    signals = account_signals(store, as_of, t.days, timezone)
    most = signals["escalations"].max() if not signals.empty else 0
    statuses, reasons = [], []
    for s in signals.itertuples(index=False):
        red, yellow = _red_reasons(s, t, most), _yellow_reasons(s, t)
        statuses.append("red" if red else "yellow" if yellow else "green")
        reasons.append(red + yellow)
    return signals.assign(status=statuses, reasons=reasons)


def _red_reasons(s, t: Thresholds, most: int) -> list[str]:
    if s.escalations >= t.red_escalations:
        return [f"{s.escalations} escalated calls in {t.days} days"]
    if most and s.escalations == most:
        return [f"the most escalations of any account ({s.escalations} in {t.days} days)"]
    return []


def _yellow_reasons(s, t: Thresholds) -> list[str]:
    reasons = []
    if s.support_calls >= t.frequent_support_calls:
        reasons.append(f"{s.support_calls} support calls in {t.days} days")
    if s.detractors >= t.detractor_answers:
        answers = "answer" if s.detractors == 1 else "answers"
        reasons.append(f"{s.detractors} detractor {answers} (lowest NPS {int(s.lowest_nps)})")
    if pd.notna(s.sentiment) and s.sentiment <= t.negative_sentiment:
        reasons.append(f"negative call sentiment (mean {s.sentiment:+.2f})")
    if pd.notna(s.rate_now) and pd.notna(s.rate_before) and s.rate_before > 0 \
            and s.rate_now <= t.participation_drop * s.rate_before:
        reasons.append(f"survey participation down from {s.rate_before:.0%} to {s.rate_now:.0%}")
    return reasons
