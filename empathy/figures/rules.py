"""Early warning: which accounts are red or yellow over a trailing period, and why, in words.

Each rule reads one signal over the last `days` days and, where a fixed line would flag every
account of a noisy segment, compares the account with its own usual: the `baseline_days` days
before the period. Yellow: support calls well above the account's usual, NPS far below its usual,
calls with an unhappy customer, or survey participation far below its usual. Red: repeated
escalations, or several yellow signs at once. The thresholds live in `data/settings.toml`; every flag
names its rule.

Signals are worked out for any set of (account, day) checkpoints in one query, from events dated up
to that day only: the board asks for every account today, the backtest for each renewal's account on
a day before its renewal (empathy/figures/backtest.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from empathy.figures.metrics import Window, utc_bounds
from empathy.language import N_, _
from empathy.store import Store

# Rule names, as the backtest and the alerts call them.
RED_RULES = ("escalations", "several signs")
YELLOW_RULES = ("support calls", "NPS drop", "unhappy calls", "participation drop")
RULES = RED_RULES + YELLOW_RULES
RULE_NAMES = {"escalations": N_("escalations"), "several signs": N_("several signs"),
              "support calls": N_("support calls"), "NPS drop": N_("NPS drop"), "unhappy calls": N_("unhappy calls"),
              "participation drop": N_("participation drop")}  # as people read them: _(RULE_NAMES[rule])


@dataclass(frozen=True)
class Thresholds:
    days: int = 30
    baseline_days: int = 180
    frequent_support_calls: int = 4
    contact_rise: float = 2.0
    nps_answers: int = 5
    nps_drop: float = 40.0
    unhappy_share: float = 0.5
    sentiment_calls: int = 3
    participation_drop: float = 0.5
    participation_invited: int = 10
    red_escalations: int = 2
    red_signs: int = 3


def checkpoint_signals(store: Store, checkpoints: pd.DataFrame, t: Thresholds, timezone: str = "UTC") -> pd.DataFrame:
    """Per checkpoint (account_id, as_of), the counts the rules read: over the `t.days` days ending
    with `as_of` (calendar days in the board's timezone) and over the `t.baseline_days` before them."""
    bounds = {day: _bounds(day, t, timezone) for day in checkpoints["as_of"].drop_duplicates()}
    points = pd.DataFrame({
        "point": range(len(checkpoints)), "account_id": checkpoints["account_id"].astype("str").to_numpy(),
        **{name: pd.to_datetime(pd.Series([bounds[day][name] for day in checkpoints["as_of"]], dtype="object"))
           for name in ("since", "until", "base_from", "first_day", "base_day", "last_day")}})
    found = store.query("""
        WITH calls_at AS (
            SELECT p.point,
                   count(*) FILTER (WHERE c.started_at >= p.since AND coalesce(c.call_type, 'support') = 'support')
                       AS support_calls,
                   count(*) FILTER (WHERE c.started_at < p.since AND coalesce(c.call_type, 'support') = 'support')
                       AS support_calls_before,
                   count(*) FILTER (WHERE c.started_at >= p.since AND c.escalated) AS escalations,
                   count(c.unhappy) FILTER (WHERE c.started_at >= p.since) AS scored_calls,
                   count(*) FILTER (WHERE c.started_at >= p.since AND c.unhappy) AS unhappy_calls
            FROM points p JOIN calls c ON c.account_id = p.account_id AND c.superseded_by IS NULL
                 AND c.started_at >= p.base_from AND c.started_at < p.until
            GROUP BY p.point),
        nps_at AS (
            SELECT p.point,
                   count(*) FILTER (WHERE s.submitted_at >= p.since) AS nps_answers,
                   count(*) FILTER (WHERE s.submitted_at >= p.since AND s.score >= 9) AS promoters,
                   count(*) FILTER (WHERE s.submitted_at >= p.since AND s.score <= 6) AS detractors,
                   count(*) FILTER (WHERE s.submitted_at < p.since) AS nps_answers_before,
                   count(*) FILTER (WHERE s.submitted_at < p.since AND s.score >= 9) AS promoters_before,
                   count(*) FILTER (WHERE s.submitted_at < p.since AND s.score <= 6) AS detractors_before
            FROM points p JOIN survey_responses s ON s.account_id = p.account_id AND s.superseded_by IS NULL
                 AND s.metric = 'nps' AND s.submitted_at >= p.base_from AND s.submitted_at < p.until
            GROUP BY p.point),
        participation_at AS (
            SELECT p.point,
                   sum(x.invited) FILTER (WHERE x.period_start >= p.first_day) AS invited,
                   sum(x.responded) FILTER (WHERE x.period_start >= p.first_day) AS responded,
                   sum(x.invited) FILTER (WHERE x.period_start < p.first_day) AS invited_before,
                   sum(x.responded) FILTER (WHERE x.period_start < p.first_day) AS responded_before
            FROM points p JOIN participation x ON x.account_id = p.account_id AND x.superseded_by IS NULL
                 AND x.period_start >= p.base_day AND x.period_start <= p.last_day
            GROUP BY p.point),
        contact_at AS (
            SELECT p.point, max(c.started_at) AS last_contact
            FROM points p JOIN calls c ON c.account_id = p.account_id AND c.superseded_by IS NULL
                 AND c.started_at < p.until
            GROUP BY p.point)
        SELECT p.point, p.account_id, a.account_name, a.segment, a.arr, a.owner, a.contacts, a.customer_type,
               k.last_contact, coalesce(c.support_calls, 0) AS support_calls,
               coalesce(c.support_calls_before, 0) AS support_calls_before,
               coalesce(c.escalations, 0) AS escalations, coalesce(c.scored_calls, 0) AS scored_calls,
               coalesce(c.unhappy_calls, 0) AS unhappy_calls,
               coalesce(n.nps_answers, 0) AS nps_answers, coalesce(n.promoters, 0) AS promoters,
               coalesce(n.detractors, 0) AS detractors, coalesce(n.nps_answers_before, 0) AS nps_answers_before,
               coalesce(n.promoters_before, 0) AS promoters_before,
               coalesce(n.detractors_before, 0) AS detractors_before,
               coalesce(x.invited, 0)::BIGINT AS invited, coalesce(x.responded, 0)::BIGINT AS responded,
               coalesce(x.invited_before, 0)::BIGINT AS invited_before,
               coalesce(x.responded_before, 0)::BIGINT AS responded_before
        FROM points p
        LEFT JOIN accounts a ON a.account_id = p.account_id AND a.superseded_by IS NULL
        LEFT JOIN calls_at c USING (point) LEFT JOIN nps_at n USING (point)
        LEFT JOIN participation_at x USING (point) LEFT JOIN contact_at k USING (point)
        ORDER BY p.point""", frames={"points": points})
    return found.drop(columns="point").set_index(checkpoints.index)


def _bounds(as_of: date, t: Thresholds, timezone: str) -> dict:
    period = Window(as_of - timedelta(days=t.days - 1), as_of)
    baseline = Window(period.start - timedelta(days=t.baseline_days), period.start - timedelta(days=1))
    since, until = utc_bounds(period, timezone)
    return {"since": since, "until": until, "base_from": utc_bounds(baseline, timezone)[0],
            "first_day": period.start, "base_day": baseline.start, "last_day": as_of}


def judge(signals: pd.DataFrame, t: Thresholds) -> pd.DataFrame:
    """The signals with each checkpoint's status (red, yellow, green), the reasons in words and the
    rules that fired (names from RULES)."""
    statuses, reasons, fired = [], [], []
    for s in signals.itertuples(index=False):
        yellow = _yellow(s, t)
        red = _red(s, t, len(yellow))
        statuses.append("red" if red else "yellow" if yellow else "green")
        reasons.append([text for rule, text in red + yellow])
        fired.append([rule for rule, text in red + yellow])
    return signals.assign(status=statuses, reasons=reasons, rules=fired)


def account_signals(store: Store, as_of: date, t: Thresholds, timezone: str = "UTC") -> pd.DataFrame:
    """The signals of every current account on one day (they depend on `t.days` and `t.baseline_days` only)."""
    accounts = store.query("SELECT account_id FROM accounts WHERE superseded_by IS NULL ORDER BY account_id")
    return checkpoint_signals(store, accounts.assign(as_of=as_of), t, timezone)


def flag_accounts(store: Store, as_of: date, thresholds: Thresholds | None = None,
                  timezone: str = "UTC") -> pd.DataFrame:
    """Every current account with its status (red, yellow, green) and the reasons, in words."""
    t = thresholds or Thresholds()
    return judge(account_signals(store, as_of, t, timezone), t)


def rule_counts(judged: pd.DataFrame) -> dict[str, int]:
    """How many accounts each rule flags (an account can be flagged by several)."""
    return {rule: int(judged["rules"].map(lambda fired: rule in fired).sum()) for rule in RULES}


def _red(s, t: Thresholds, signs: int) -> list[tuple[str, str]]:
    found = []
    if s.escalations >= t.red_escalations:
        found.append(("escalations", _("{n} escalated calls in {days} days").format(n=s.escalations, days=t.days)))
    if signs >= t.red_signs:
        found.append(("several signs", _("{n} warning signs at once").format(n=signs)))
    return found


def _yellow(s, t: Thresholds) -> list[tuple[str, str]]:
    found = []
    usual_calls = s.support_calls_before * t.days / t.baseline_days
    if s.support_calls >= t.frequent_support_calls and s.support_calls >= t.contact_rise * usual_calls:
        usual = _("{rise:.1f}× its usual {usual:.1f}").format(rise=s.support_calls / usual_calls, usual=usual_calls) \
            if usual_calls else _("none in the {days} days before").format(days=t.baseline_days)
        found.append(("support calls", _("{n} support calls in {days} days, {usual}").format(
            n=s.support_calls, days=t.days, usual=usual)))
    if s.nps_answers >= t.nps_answers and s.nps_answers_before:
        nps = 100 * (s.promoters - s.detractors) / s.nps_answers
        usual = 100 * (s.promoters_before - s.detractors_before) / s.nps_answers_before
        if usual - nps >= t.nps_drop:
            found.append(("NPS drop", _("NPS {nps:+.0f} from {n} answers, {drop:.0f} points below its usual "
                                        "{usual:+.0f}").format(nps=nps, n=s.nps_answers, drop=usual - nps,
                                                               usual=usual)))
    if s.scored_calls >= t.sentiment_calls and s.unhappy_calls >= t.unhappy_share * s.scored_calls:
        found.append(("unhappy calls", _("{unhappy} of {n} calls with an unhappy customer").format(
            unhappy=s.unhappy_calls, n=s.scored_calls)))
    if s.invited >= t.participation_invited and s.invited_before:
        rate, usual = s.responded / s.invited, s.responded_before / s.invited_before
        if usual and rate <= t.participation_drop * usual:
            found.append(("participation drop", _("survey participation {rate:.0%} of {n} invitations, against "
                                                  "its usual {usual:.0%}").format(rate=rate, n=s.invited,
                                                                                  usual=usual)))
    return found
