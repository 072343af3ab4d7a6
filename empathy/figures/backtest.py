"""Does the early warning foretell churn? For every renewal on record, the account's flag as it stood
`horizon` days before the renewal, against what came of it.

The flag is worked out from events dated up to that day only (empathy/figures/rules.py reads nothing later,
the account's usual included), so a later answer or call cannot leak into it. A renewal whose flag day
comes before a whole period of data is left out: its account would look green for want of data.

For each group (red, yellow, green, red or yellow, and each rule alone): n, how many churned or
downgraded, that share with its 95% Wilson interval, and the lift = share / base rate (the share over
all renewals counted), its interval the share's divided by the base rate. Fisher's exact test of the
group against the other renewals says whether the difference is more than chance.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta

import pandas as pd
from scipy import stats

from empathy.figures.board import data_days
from empathy.figures.renewals import BAD_OUTCOMES
from empathy.figures.rules import RULES, Thresholds, checkpoint_signals, judge
from empathy.store import Store

HORIZON = 90  # days before the renewal at which the flag is read


@dataclass(frozen=True)
class Group:
    name: str
    n: int
    bad: int
    share: float | None
    low: float | None
    high: float | None
    lift: float | None
    lift_low: float | None
    lift_high: float | None
    p_value: float | None  # Fisher's exact test, this group against the other renewals


@dataclass(frozen=True)
class Backtest:
    horizon: int
    renewals: int  # counted
    left_out: int  # flag day before a whole period of data
    base: Group
    statuses: list[Group]  # red, yellow, green, red or yellow
    rules: list[Group]  # each rule alone
    checked: pd.DataFrame  # one row per renewal counted: its flag day, status, rules and outcome

    def as_json(self) -> dict:
        return {"horizon": self.horizon, "renewals": self.renewals, "left_out": self.left_out,
                "base": asdict(self.base), "statuses": [asdict(g) for g in self.statuses],
                "rules": [asdict(g) for g in self.rules]}


def backtest(store: Store, horizon: int = HORIZON, thresholds: Thresholds | None = None,
             timezone: str = "UTC") -> Backtest:
    t = thresholds or Thresholds()
    renewals = store.query("""
        SELECT account_id, renewal_date::DATE AS renewal_date, outcome FROM renewals
        WHERE superseded_by IS NULL ORDER BY renewal_date, account_id""")
    renewals = renewals.assign(as_of=[day.date() - timedelta(days=horizon) for day in renewals["renewal_date"]])
    days = data_days(store, timezone)
    first_flag_day = days[0] + timedelta(days=t.days - 1) if days else date.max
    counted = renewals[renewals["as_of"] >= first_flag_day].reset_index(drop=True)
    judged = judge(checkpoint_signals(store, counted[["account_id", "as_of"]], t, timezone), t)
    checked = counted.assign(status=judged["status"].to_numpy(), rules=judged["rules"].to_numpy(),
                             reasons=judged["reasons"].to_numpy(), bad=counted["outcome"].isin(BAD_OUTCOMES))
    base_rate = checked["bad"].mean() if len(checked) else None
    def group(name: str, members: pd.Series) -> Group:
        return _group(name, checked["bad"], members.astype(bool), base_rate)
    statuses = [group(s, checked["status"] == s) for s in ("red", "yellow", "green")]
    statuses.append(group("red or yellow", checked["status"] != "green"))
    rules = [group(rule, checked["rules"].map(lambda fired, rule=rule: rule in fired)) for rule in RULES]
    base = replace(group("all renewals", pd.Series(True, index=checked.index)), lift=None, lift_low=None,
                   lift_high=None)
    return Backtest(horizon, len(checked), len(renewals) - len(checked), base, statuses, rules, checked)


def _group(name: str, bad: pd.Series, members: pd.Series, base_rate: float | None) -> Group:
    n, hits = int(members.sum()), int(bad[members].sum())
    if n == 0:
        return Group(name, 0, 0, None, None, None, None, None, None, None)
    interval = stats.binomtest(hits, n).proportion_ci(confidence_level=0.95, method="wilson")
    share = hits / n
    others, other_hits = int((~members).sum()), int(bad[~members].sum())
    p_value = float(stats.fisher_exact([[hits, n - hits], [other_hits, others - other_hits]]).pvalue) \
        if others else None
    lift = (lambda x: x / base_rate) if base_rate else (lambda x: None)
    return Group(name, n, hits, share, float(interval.low), float(interval.high), lift(share),
                 lift(float(interval.low)), lift(float(interval.high)), p_value)
