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

from empathy.figures.metrics import BATCH_TABLES, NO_DAYS, Change, Window, utc_bounds
from empathy.language import N_, _
from empathy.store import InTransaction, Store

# Rule names, as the backtest and the alerts call them.
RED_RULES = ("escalations", "several signs")
YELLOW_RULES = ("support calls", "NPS drop", "unhappy calls", "participation drop")
RULES = RED_RULES + YELLOW_RULES
RULE_NAMES = {"escalations": N_("escalations"), "several signs": N_("several signs"),
              "support calls": N_("support calls"), "NPS drop": N_("NPS drop"), "unhappy calls": N_("unhappy calls"),
              "participation drop": N_("participation drop")}  # as people read them: _(RULE_NAMES[rule])
# A checkpoint's bounds (`_bounds`): the period's and the baseline's, as instants and as days.
BOUNDS = ("since", "until", "base_from", "first_day", "base_day", "last_day")
# What kept signals are kept for, beside the data's version (`keep_signals`).
KEPT_BY = ("as_of", "days", "baseline_days", "timezone", "version")
# The counts a rule's words read (`judge`): its signals without the account's names and times.
COUNTS = ("support_calls", "support_calls_before", "escalations", "scored_calls", "unhappy_calls", "nps_answers",
          "promoters", "detractors", "nps_answers_before", "promoters_before", "detractors_before", "invited",
          "responded", "invited_before", "responded_before")


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
           for name in BOUNDS}})
    found = store.query(_signals_sql(per_point=True), frames={"points": points})
    return found.drop(columns="point").set_index(checkpoints.index)


def account_signals(store: Store, as_of: date, t: Thresholds, timezone: str = "UTC") -> pd.DataFrame:
    """The signals of every current account on one day (they depend on `t.days` and `t.baseline_days`
    only): as kept by the last write for this data version (`keep_signals`), or worked out. The same
    counts as `checkpoint_signals`, but with one day's bounds as constants each table is grouped by
    account straight away, with no join of every account to its events first: 9 ms against 70 ms at
    100,000 calls and 1,000,000 answers."""
    kept = store.query(f"""
        SELECT * EXCLUDE ({", ".join(KEPT_BY)}) FROM kept_signals
        WHERE as_of = $as_of AND days = $days AND baseline_days = $baseline_days AND timezone = $timezone
          AND version = (SELECT value FROM meta WHERE key = 'version')
        ORDER BY account_id""", _kept_key(as_of, t, timezone))
    if not kept.empty:
        return kept
    bounds = _bounds(as_of, t, timezone)
    return store.query(_signals_sql(per_point=False), {name: bounds[name] for name in BOUNDS})


def keep_signals(cursor, days: list[date], t: Thresholds, timezone: str, batch: Change | None = None) -> None:
    """Inside a write that moved the data's version (`empathy.store.keeps`): every account's signals on
    these days, kept for `account_signals` to read instead of working them out (at 1,000,000 answers
    the board's two took half its time), for this version only. Where the write only added or took
    out `batch` (`metrics.batch_changed`) to what the write before kept for the same days and
    thresholds, only the accounts of its rows (and of the rows it replaced) are worked out again."""
    version = cursor.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0]
    before = set(cursor.execute("SELECT DISTINCT as_of, days, baseline_days, timezone, version FROM kept_signals")
                 .fetchall())
    added = batch is not None and before == {(day, t.days, t.baseline_days, timezone, version - 1) for day in days}
    if added and batch.kind in NO_DAYS:
        cursor.execute("UPDATE kept_signals SET version = ?", [version])  # a renewals batch changes no signal
        return
    if added and batch.kind in BATCH_TABLES:
        rows = batch.rows(BATCH_TABLES[batch.kind])
        cursor.execute(f"""CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT account_id FROM {rows}
                           WHERE batch_id = ? OR superseded_by = ?""", [batch.batch_id, batch.batch_id])
        cursor.execute("DELETE FROM kept_signals WHERE account_id IN (SELECT account_id FROM touched)")
        cursor.execute("UPDATE kept_signals SET version = ?", [version])
        _keep_checkpoints(cursor, days, t, timezone, version)  # a few accounts, every day in one pass
        return
    cursor.execute("DELETE FROM kept_signals")
    for as_of in days:
        bounds = _bounds(as_of, t, timezone)
        cursor.execute(f"""
            INSERT INTO kept_signals BY NAME
            SELECT $as_of AS as_of, $days AS days, $baseline_days AS baseline_days, $timezone AS timezone,
                   $version AS version, *
            FROM ({_signals_sql(per_point=False)})""",
                       {**_kept_key(as_of, t, timezone), "version": version, **{name: bounds[name] for name in BOUNDS}})


def _keep_checkpoints(cursor, days: list[date], t: Thresholds, timezone: str, version: int) -> None:
    """The signals of the `touched` accounts that are current, on each of the days, kept: the
    backtest's query of checkpoints, which reads each table once for them all (at 10,000,000 answers
    a one-answer load's three days took 145 ms as three one-day queries)."""
    accounts = cursor.execute("""SELECT account_id FROM accounts WHERE superseded_by IS NULL
                                 AND account_id IN (SELECT account_id FROM touched) ORDER BY account_id""").df()
    if accounts.empty:
        return
    checkpoints = accounts.merge(pd.DataFrame({"as_of": days}), how="cross")
    found = checkpoint_signals(InTransaction(cursor), checkpoints, t, timezone).assign(
        as_of=checkpoints["as_of"].to_numpy(), days=t.days, baseline_days=t.baseline_days, timezone=timezone,
        version=version)
    cursor.register("found_signals", found)
    try:
        cursor.execute("INSERT INTO kept_signals BY NAME SELECT * FROM found_signals")
    finally:
        cursor.unregister("found_signals")


def _kept_key(as_of: date, t: Thresholds, timezone: str) -> dict:
    return {"as_of": as_of, "days": t.days, "baseline_days": t.baseline_days, "timezone": timezone}


def _signals_sql(per_point: bool) -> str:
    """The signals' one query, per checkpoint (each with its own bounds: the backtest) or per account
    on one day (the bounds given as parameters: the board)."""
    def table(name: str, alias: str, within: str) -> str:
        """Rows of a table within a checkpoint's bounds, with the key they are counted by."""
        if per_point:
            return (f"p.point AS key FROM points p JOIN {name} {alias} ON {alias}.account_id = p.account_id "
                    f"AND {alias}.superseded_by IS NULL AND {within}")
        return f"{alias}.account_id AS key FROM {name} {alias} WHERE {alias}.superseded_by IS NULL AND {within}"
    bound = "p.{}".format if per_point else "${}".format
    since, until, base_from = bound("since"), bound("until"), bound("base_from")
    first_day, base_day, last_day = bound("first_day"), bound("base_day"), bound("last_day")
    support = "coalesce(c.call_type, 'support') = 'support'"
    return f"""
        WITH calls_at AS (
            SELECT count(*) FILTER (WHERE c.started_at >= {since} AND {support}) AS support_calls,
                   count(*) FILTER (WHERE c.started_at < {since} AND {support}) AS support_calls_before,
                   count(*) FILTER (WHERE c.started_at >= {since} AND c.escalated) AS escalations,
                   count(c.unhappy) FILTER (WHERE c.started_at >= {since}) AS scored_calls,
                   count(*) FILTER (WHERE c.started_at >= {since} AND c.unhappy) AS unhappy_calls,
                   {table("calls", "c", f"c.started_at >= {base_from} AND c.started_at < {until}")}
            GROUP BY key),
        nps_at AS (
            SELECT count(*) FILTER (WHERE s.submitted_at >= {since}) AS nps_answers,
                   count(*) FILTER (WHERE s.submitted_at >= {since} AND s.score >= 9) AS promoters,
                   count(*) FILTER (WHERE s.submitted_at >= {since} AND s.score <= 6) AS detractors,
                   count(*) FILTER (WHERE s.submitted_at < {since}) AS nps_answers_before,
                   count(*) FILTER (WHERE s.submitted_at < {since} AND s.score >= 9) AS promoters_before,
                   count(*) FILTER (WHERE s.submitted_at < {since} AND s.score <= 6) AS detractors_before,
                   {table("survey_responses", "s", f"s.metric = 'nps' AND s.submitted_at >= {base_from} "
                          f"AND s.submitted_at < {until}")}
            GROUP BY key),
        participation_at AS (
            SELECT sum(x.invited) FILTER (WHERE x.period_start >= {first_day}) AS invited,
                   sum(x.responded) FILTER (WHERE x.period_start >= {first_day}) AS responded,
                   sum(x.invited) FILTER (WHERE x.period_start < {first_day}) AS invited_before,
                   sum(x.responded) FILTER (WHERE x.period_start < {first_day}) AS responded_before,
                   {table("participation", "x", f"x.period_start >= {base_day} AND x.period_start <= {last_day}")}
            GROUP BY key),
        contact_at AS (
            SELECT max(c.started_at) AS last_contact, {table("calls", "c", f"c.started_at < {until}")}
            GROUP BY key),
        keys AS ({"SELECT point AS key, point, account_id FROM points" if per_point else
                  "SELECT account_id AS key, account_id FROM accounts WHERE superseded_by IS NULL"})
        SELECT {"k.point, " if per_point else ""}k.account_id, a.account_name, a.segment, a.arr, a.owner, a.contacts,
               a.customer_type, t.last_contact, coalesce(c.support_calls, 0) AS support_calls,
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
        FROM keys k
        LEFT JOIN accounts a ON a.account_id = k.account_id AND a.superseded_by IS NULL
        LEFT JOIN calls_at c USING (key) LEFT JOIN nps_at n USING (key)
        LEFT JOIN participation_at x USING (key) LEFT JOIN contact_at t USING (key)
        ORDER BY k.key"""


def _bounds(as_of: date, t: Thresholds, timezone: str) -> dict:
    period = Window(as_of - timedelta(days=t.days - 1), as_of)
    baseline = Window(period.start - timedelta(days=t.baseline_days), period.start - timedelta(days=1))
    since, until = utc_bounds(period, timezone)
    return {"since": since, "until": until, "base_from": utc_bounds(baseline, timezone)[0],
            "first_day": period.start, "base_day": baseline.start, "last_day": as_of}


def judge(signals: pd.DataFrame, t: Thresholds) -> pd.DataFrame:
    """The signals with each checkpoint's status (red, yellow, green), the reasons in words and the
    rules that fired (names from RULES). Each rule is read for every checkpoint at once; words are
    made only for the ones it flags, from their counts alone (5,000 accounts, 865 flagged: 64 ms a row
    at a time, 33 ms with a dict of every column, 10 ms so)."""
    fired, signs = _fired(signals, t)
    statuses = _statuses(fired, signs)
    rules, reasons = [[] for _ in signals.index], [[] for _ in signals.index]
    for rule, fires in fired.items():
        for position in fires.to_numpy().nonzero()[0]:
            rules[position].append(rule)
    flagged = (statuses != "green").to_numpy().nonzero()[0]
    counts = signals.columns.intersection(COUNTS).tolist()
    for position, values in zip(flagged, signals[counts].to_numpy(dtype="int64")[flagged].tolist()):
        reasons[position] = reasons_of(dict(zip(counts, values)), rules[position], t)
    return signals.assign(status=statuses.to_numpy(), reasons=reasons, rules=rules)


def reasons_of(counts: dict, rules: list[str], t: Thresholds) -> list[str]:
    """What each rule that fired says of a checkpoint, in words, from its counts (COUNTS) alone: made
    again in each reader's language from a board kept without words (empathy/figures/board.py)."""
    counts = {**counts, "signs": sum(rule in YELLOW for rule in rules)}
    return [(YELLOW[rule][1] if rule in YELLOW else RED_WORDS[rule])(counts, t) for rule in rules]


def red_accounts(store: Store, as_of: date, t: Thresholds, timezone: str = "UTC") -> set[str]:
    """The accounts that are red on a day, without the words of why (the board's window before)."""
    signals = account_signals(store, as_of, t, timezone)
    return set(signals.loc[(_statuses(*_fired(signals, t)) == "red").to_numpy(), "account_id"].tolist())


def _fired(signals: pd.DataFrame, t: Thresholds) -> tuple[dict[str, pd.Series], pd.Series]:
    """Whether each rule fires for each checkpoint, red rules first, and how many yellow ones do."""
    fired = {rule: rule_fires(signals, t) for rule, (rule_fires, _words) in YELLOW.items()}
    signs = sum(fired.values(), pd.Series(0, index=signals.index))
    return {"escalations": signals["escalations"] >= t.red_escalations, "several signs": signs >= t.red_signs,
            **fired}, signs


def _statuses(fired: dict[str, pd.Series], signs: pd.Series) -> pd.Series:
    red = fired["escalations"] | fired["several signs"]
    return pd.Series("green", index=signs.index).mask(signs > 0, "yellow").mask(red, "red")


def flag_accounts(store: Store, as_of: date, thresholds: Thresholds | None = None,
                  timezone: str = "UTC") -> pd.DataFrame:
    """Every current account with its status (red, yellow, green) and the reasons, in words."""
    t = thresholds or Thresholds()
    return judge(account_signals(store, as_of, t, timezone), t)


def rule_counts(judged: pd.DataFrame) -> dict[str, int]:
    """How many accounts each rule flags (an account can be flagged by several)."""
    return {rule: int(judged["rules"].map(lambda fired: rule in fired).sum()) for rule in RULES}


def _support_calls(f: pd.DataFrame, t: Thresholds) -> pd.Series:
    usual = f["support_calls_before"] * t.days / t.baseline_days
    return (f["support_calls"] >= t.frequent_support_calls) & (f["support_calls"] >= t.contact_rise * usual)


def _support_calls_words(s: dict, t: Thresholds) -> str:
    usual_calls = s["support_calls_before"] * t.days / t.baseline_days
    usual = _("{rise:.1f}× its usual {usual:.1f}").format(rise=s["support_calls"] / usual_calls, usual=usual_calls) \
        if usual_calls else _("none in the {days} days before").format(days=t.baseline_days)
    return _("{n} support calls in {days} days, {usual}").format(n=s["support_calls"], days=t.days, usual=usual)


def _nps(f: pd.DataFrame | dict, before: str = "") -> pd.Series | float:
    return 100 * (f[f"promoters{before}"] - f[f"detractors{before}"]) / f[f"nps_answers{before}"]


def _nps_drop(f: pd.DataFrame, t: Thresholds) -> pd.Series:
    counted = (f["nps_answers"] >= t.nps_answers) & (f["nps_answers_before"] > 0)
    return counted & (_nps(f, "_before") - _nps(f) >= t.nps_drop)


def _nps_drop_words(s: dict, t: Thresholds) -> str:
    nps, usual = _nps(s), _nps(s, "_before")
    return _("NPS {nps:+.0f} from {n} answers, {drop:.0f} points below its usual {usual:+.0f}").format(
        nps=nps, n=s["nps_answers"], drop=usual - nps, usual=usual)


def _unhappy_calls(f: pd.DataFrame, t: Thresholds) -> pd.Series:
    return (f["scored_calls"] >= t.sentiment_calls) & (f["unhappy_calls"] >= t.unhappy_share * f["scored_calls"])


def _unhappy_calls_words(s: dict, t: Thresholds) -> str:
    return _("{unhappy} of {n} calls with an unhappy customer").format(unhappy=s["unhappy_calls"], n=s["scored_calls"])


def _participation_drop(f: pd.DataFrame, t: Thresholds) -> pd.Series:
    counted = (f["invited"] >= t.participation_invited) & (f["invited_before"] > 0)
    usual = f["responded_before"] / f["invited_before"].where(counted)
    return counted & (usual > 0) & (f["responded"] / f["invited"].where(counted) <= t.participation_drop * usual)


def _participation_drop_words(s: dict, t: Thresholds) -> str:
    return _("survey participation {rate:.0%} of {n} invitations, against its usual {usual:.0%}").format(
        rate=s["responded"] / s["invited"], n=s["invited"], usual=s["responded_before"] / s["invited_before"])


# Each yellow rule: whether it fires, for every checkpoint at once, and what it says of one.
YELLOW = {"support calls": (_support_calls, _support_calls_words), "NPS drop": (_nps_drop, _nps_drop_words),
          "unhappy calls": (_unhappy_calls, _unhappy_calls_words),
          "participation drop": (_participation_drop, _participation_drop_words)}
RED_WORDS = {
    "escalations": lambda s, t: _("{n} escalated calls in {days} days").format(n=s["escalations"], days=t.days),
    "several signs": lambda s, t: _("{n} warning signs at once").format(n=s["signs"])}
