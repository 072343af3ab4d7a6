"""The board's five figures for a window, each beside the window before it, with honest statistics.

Everything is aggregated in DuckDB (counts, sums, variances), so any number of windows over a
million survey answers costs one query per table; the statistics then work on those few numbers.
Windows are calendar days in the board's timezone; the store keeps UTC.

- NPS: promoters 9-10, detractors 0-6; NPS = 100 (p_pro - p_det); its standard error is
  100 sqrt((p_pro + p_det - (p_pro - p_det)^2) / n) and the 95% margin of error 1.96 times that.
  A change is significant when |NPS1 - NPS0| / sqrt(SE1^2 + SE0^2) > 1.96.
- CSAT % (share of 4-5), call sentiment (the share of scored calls with an unhappy customer:
  sentiment/dissatisfaction.py) and participation (responded / invited): two-proportion z-test, pooled.
- CES mean: Welch's t-test from the windows' means, variances and n. The calls' mean VADER compound
  stays beside the call figure (its details' `compound`), with the share of negative calls.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pandas as pd
from scipy import stats

from empathy.figures.scope import NOT_SET, Scope
from empathy.store import Store, undone

Z_95 = 1.96  # the margin of error as the metric definitions give it
WORSE_WHEN_UP = ("sentiment",)  # a rise in the share of calls with an unhappy customer is bad news


@dataclass(frozen=True)
class Window:
    start: date  # first day
    end: date  # last day, inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        if self.start.isoweekday() != 1 or self.days % 7:
            return f"{self.start:%Y-%m-%d} to {self.end:%Y-%m-%d}"
        first = f"{self.start.isocalendar().year}-W{self.start.isocalendar().week:02d}"
        last = f"{self.end.isocalendar().year}-W{self.end.isocalendar().week:02d}"
        return first if first == last else f"{first} to {last}"

    def previous(self) -> Window:
        """The window of the same length just before this one."""
        return Window(self.start - timedelta(days=self.days), self.start - timedelta(days=1))


def iso_week(label: str) -> Window:
    """`2026-W39` -> Monday to Sunday of that ISO week; a label that is not one raises ValueError."""
    year, week = label.strip().upper().split("-W")
    monday = date.fromisocalendar(int(year), int(week), 1)
    return Window(monday, monday + timedelta(days=6))


def weeks_ending(week: Window, count: int) -> Window:
    """`count` ISO weeks ending with `week` (4 weeks, 13 weeks for a quarter)."""
    return Window(week.end - timedelta(days=7 * count - 1), week.end)


@dataclass(frozen=True)
class Test:
    """A comparison of this window with the previous one."""

    delta: float | None
    p_value: float | None

    @property
    def significant(self) -> bool:
        return bool(self.p_value is not None and self.p_value < 0.05)


NO_TEST = Test(None, None)


def _two_sided(z: float) -> float:
    """2 P(Z > |z|) for a standard normal Z: erfc(|z| / sqrt 2), the same value as scipy's
    2 norm.sf(|z|) at a thirtieth of its cost (a board makes 48 tests for its trends)."""
    return math.erfc(abs(z) / math.sqrt(2))


def nps_value(promoters: int, detractors: int, n: int) -> tuple[float, float]:
    """NPS and its standard error, both in points."""
    p_pro, p_det = promoters / n, detractors / n
    se = 100 * math.sqrt((p_pro + p_det - (p_pro - p_det) ** 2) / n)
    return 100 * (p_pro - p_det), se


def nps_test(now: tuple[int, int, int], before: tuple[int, int, int]) -> Test:
    """(promoters, detractors, n) of each window."""
    if not now[2] or not before[2]:
        return NO_TEST
    (value_now, se_now), (value_before, se_before) = nps_value(*now), nps_value(*before)
    spread = math.hypot(se_now, se_before)
    if spread == 0:
        return Test(value_now - value_before, None)
    return Test(value_now - value_before, _two_sided((value_now - value_before) / spread))


def proportion_test(hits_now: int, n_now: int, hits_before: int, n_before: int) -> Test:
    """Two-proportion z-test with the pooled proportion; delta in percentage points."""
    if not n_now or not n_before:
        return NO_TEST
    delta = 100 * (hits_now / n_now - hits_before / n_before)
    pooled = (hits_now + hits_before) / (n_now + n_before)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n_now + 1 / n_before))
    if spread == 0:
        return Test(delta, None)
    return Test(delta, _two_sided(delta / 100 / spread))


def mean_test(now: tuple[float, float, int], before: tuple[float, float, int]) -> Test:
    """Welch's t-test from (mean, sample variance, n) of each window."""
    (mean_now, var_now, n_now), (mean_before, var_before, n_before) = now, before
    if n_now < 2 or n_before < 2:
        return NO_TEST if not n_now or not n_before else Test(mean_now - mean_before, None)
    if var_now == 0 and var_before == 0:
        return Test(mean_now - mean_before, None)
    result = stats.ttest_ind_from_stats(mean_now, math.sqrt(var_now), n_now,
                                        mean_before, math.sqrt(var_before), n_before, equal_var=False)
    return Test(mean_now - mean_before, float(result.pvalue))


@dataclass
class Figure:
    value: float | None
    n: int
    previous: float | None
    test: Test
    low_n: bool
    details: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"value": self.value, "n": self.n, "previous": self.previous, "delta": self.test.delta,
                "significant": self.test.significant, "p_value": self.test.p_value, "low_n": self.low_n,
                **self.details}

    @classmethod
    def from_json(cls, found: dict) -> Figure:
        """Back from `as_json` (a board kept as presented)."""
        plain = {"value", "n", "previous", "delta", "significant", "p_value", "low_n", "moe"}
        return cls(found["value"], found["n"], found["previous"], Test(found["delta"], found["p_value"]),
                   found["low_n"], {key: value for key, value in found.items() if key not in plain})


def utc_bounds(window: Window, timezone: str) -> tuple[datetime, datetime]:
    """The window's first and after-last instants, midnight in the board's timezone, as the naive
    UTC the store keeps."""
    zone = ZoneInfo(timezone)
    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(), zone).astimezone(UTC).replace(tzinfo=None)
    return midnight(window.start), midnight(window.end + timedelta(days=1))


def utc_offsets(timezone: str, first: datetime, last: datetime) -> list[tuple[datetime, int]]:
    """The timezone's offsets from UTC (seconds) between two naive UTC instants, each with the instant
    it starts from (the first from `first`): read a day at a time and, where a day's offset changes,
    found to the quarter hour, on which every offset and change of the tz database lies. A row's local
    day is then its instant plus its period's offset: a store-side sum (`keep_days`) a tenth the cost
    of converting every row with DuckDB's ICU."""
    zone = ZoneInfo(timezone)
    def offset(at: datetime) -> int:
        return int(at.replace(tzinfo=UTC).astimezone(zone).utcoffset().total_seconds())
    periods = [(first, offset(first))]
    day = first
    while day < last:
        following = min(day + timedelta(days=1), last)
        if offset(following) != periods[-1][1]:
            low, high = day, following  # the change lies after low, at or before high
            while high - low > timedelta(minutes=15):
                middle = low + (high - low) / 2
                middle -= timedelta(minutes=middle.minute % 15, seconds=middle.second, microseconds=middle.microsecond)
                if middle <= low:
                    middle = low + timedelta(minutes=15)
                low, high = (low, middle) if offset(middle) != periods[-1][1] else (middle, high)
            periods.append((high, offset(high)))
        day = following
    return periods


def local_day(column: str, offsets: list[tuple[datetime, int]]) -> tuple[str, list]:
    """SQL for the local day of a naive UTC timestamp column, and its parameters (`utc_offsets`)."""
    shifts = " ".join(f"WHEN {column} < ? THEN ?" for _ in offsets[1:])
    params = [value for (_, before), (start, _) in pairwise(offsets) for value in (start, before)]
    if not shifts:
        return f"({column} + to_seconds(?::BIGINT))::DATE", [offsets[0][1]]
    return f"({column} + to_seconds((CASE {shifts} ELSE ? END)::BIGINT))::DATE", [*params, offsets[-1][1]]


def run_of_windows(window: Window, count: int) -> list[Window]:
    """`count` windows of the same length ending with `window`, oldest first."""
    windows = [window]
    while len(windows) < count:
        windows.insert(0, windows[0].previous())
    return windows


def aggregates(store: Store, windows: list[Window], timezone: str = "UTC", speeder_seconds: float = 5.0,
               scope: Scope = Scope()) -> list[dict]:
    """Per window, the counts, sums and variances every figure is computed from: one query per table
    for all the windows together. The windows follow each other, oldest first (`run_of_windows`)."""
    return grouped_aggregates(store, windows, timezone, speeder_seconds, scope).get(None) or _empty(windows)


# What a window's figures are made from, per table: sums that add up over any rows, so that the days
# a write keeps (`keep_days`) add up to a window's as its rows do. Means and variances are worked out
# from them in Python (`_survey`, `_calls`), the same way whichever rows were summed: a survey's
# from exact integer sums of its scores. The speeders' `?` is the speeder line, bound as a parameter.
SURVEY_SUMS = {"n": "count(*)", "promoters": "count(*) FILTER (WHERE score >= 9)",
               "detractors": "count(*) FILTER (WHERE score <= 6)", "top_two": "count(*) FILTER (WHERE score >= 4)",
               "easy": "count(*) FILTER (WHERE score >= 5)", "score_sum": "sum(score)",
               "score_squares": "sum(score * score)", "timed": "count(duration_seconds)",
               "speeders": "count(*) FILTER (WHERE duration_seconds < ?)"}
CALL_SUMS = {"n": "count(unhappy)", "unhappy": "count(*) FILTER (WHERE unhappy)",
             "sentiment_sum": "sum(sentiment_mean)", "sentiment_n": "count(sentiment_mean)",
             "negative": "count(*) FILTER (WHERE negative)", "dissatisfaction_sum": "sum(dissatisfaction)",
             "dissatisfaction_n": "count(dissatisfaction)"}
PARTICIPATION_SUMS = {"invited": "sum(invited)", "responded": "sum(responded)"}
FLOAT_SUMS = ("sentiment_sum", "dissatisfaction_sum")


def _summed(sums: dict[str, str]) -> str:
    """The sums over rows, each cast so that it reads the same however many rows it added."""
    return ", ".join(f"({expression})::{'DOUBLE' if name in FLOAT_SUMS else 'BIGINT'} AS {name}"
                     for name, expression in sums.items())


def _resummed(sums: dict[str, str]) -> str:
    """The same sums over kept days."""
    return ", ".join(f"sum({name})::{'DOUBLE' if name in FLOAT_SUMS else 'BIGINT'} AS {name}" for name in sums)


def _bucket(column: str, ends: list, inclusive: bool) -> str:
    """The index of the window a row falls in, given each window's end (bound as parameters)."""
    compare = "<=" if inclusive else "<"
    return "CASE " + " ".join(f"WHEN {column} {compare} ? THEN {i}" for i in range(len(ends))) + " END"


def grouped_aggregates(store: Store, windows: list[Window], timezone: str = "UTC", speeder_seconds: float = 5.0,
                       scope: Scope = Scope()) -> dict[str | None, list[dict]]:
    """`aggregates` for each value of the scope's group (`None` when it has none). A table the scope
    cannot be read from (calls by respondent role) adds nothing, so its figure stays empty. The whole
    store's figures (no group, no filter) come from the days the last write kept where it kept them
    for this timezone and speeder line (`keep_days`), and so do its splits and filters by segment and
    region, which the kept days carry."""
    if (kept := _kept_aggregates(store, windows, timezone, speeder_seconds, scope)) is not None:
        return kept
    bounds = [utc_bounds(w, timezone) for w in windows]
    after = [hi for _, hi in bounds]  # each window's after-last instant, in order
    last_days = [w.end for w in windows]
    found, windows_of = _by_value(scope, windows)
    if scope.applies_to("surveys"):
        joins, value, where, params = scope.source("surveys")
        surveys = store.query(f"""
            SELECT {_bucket("submitted_at", after, False)} AS i, value, metric, {_summed(SURVEY_SUMS)}
            FROM (SELECT s.submitted_at, s.metric, s.score, s.duration_seconds, {value} AS value FROM {joins}
                  WHERE s.superseded_by IS NULL AND s.submitted_at >= ? AND s.submitted_at < ?{where})
            GROUP BY ALL""", [*after, speeder_seconds, bounds[0][0], after[-1], *params])
        for row in surveys.to_dict("records"):
            window = windows_of(row.pop("value"))[row.pop("i")]
            window["surveys"][row["metric"]] = _survey(row)
    if scope.applies_to("calls"):
        joins, value, where, params = scope.source("calls")
        calls = store.query(f"""
            SELECT {_bucket("started_at", after, False)} AS i, value, {_summed(CALL_SUMS)}
            FROM (SELECT c.started_at, c.sentiment_mean, c.negative, c.dissatisfaction, c.unhappy, {value} AS value
                  FROM {joins}
                  WHERE c.superseded_by IS NULL AND c.started_at >= ? AND c.started_at < ?{where})
            GROUP BY ALL""", [*after, bounds[0][0], after[-1], *params])
        for row in calls.to_dict("records"):
            window = windows_of(row.pop("value"))[row.pop("i")]
            window["calls"] = _calls(row)
    if scope.applies_to("participation"):
        joins, value, where, params = scope.source("participation")
        participation = store.query(f"""
            SELECT {_bucket("period_start", last_days, True)} AS i, value, {_summed(PARTICIPATION_SUMS)}
            FROM (SELECT p.period_start, p.invited, p.responded, {value} AS value FROM {joins}
                  WHERE p.superseded_by IS NULL AND p.period_start BETWEEN ? AND ?{where})
            GROUP BY ALL""", [*last_days, windows[0].start, last_days[-1], *params])
        for row in participation.to_dict("records"):
            windows_of(row["value"])[row["i"]]["participation"] = _participation(row)
    return found


# Each data table's kept days: the table they are kept in, the row's time (participation: its day),
# the columns they are grouped by besides the day, the sums, the row's columns the sums read.
KEPT_DAYS = {
    "survey_responses": ("kept_survey_days", "s", "submitted_at", ("metric",), SURVEY_SUMS,
                         "s.metric, s.score, s.duration_seconds"),
    "calls": ("kept_call_days", "c", "started_at", (), CALL_SUMS,
              "c.sentiment_mean, c.negative, c.dissatisfaction, c.unhappy"),
    "participation": ("kept_participation_days", "p", None, ("no_account", "row_segment"), PARTICIPATION_SUMS,
                      ("p.period_start AS day, p.invited, p.responded, p.account_id IS NULL AS no_account, "
                       "p.segment AS row_segment")),
}
BATCH_TABLES = {"surveys": "survey_responses", "calls": "calls", "participation": "participation"}
NO_DAYS = ("renewals",)  # batches of these kinds are in no figure's days


class Change(NamedTuple):
    """The one batch a write added to, or took out of, what the write before it kept (`batch_changed`)."""
    batch_id: int
    kind: str
    undone: bool

    def rows(self, table: str) -> str:
        """Where the rows the batch touched are found (`batch_id` or `superseded_by` is the batch): the
        table itself after a load, the undo's copy of them after an undo (the table no longer has them)."""
        return undone(table) if self.undone else table


def batch_changed(cursor) -> Change | None:
    """The batch this write added (a load) or took out (an undo), where that is all it did to what
    the write before it kept: every write that moves the data's version moves it by one, only a load
    adds a batch, and only an undo leaves `undone_batch` in its transaction (`store.undone`). None for
    any other write, or where the write before kept nothing."""
    last_kept = "SELECT * FROM kept_days_for WHERE version = (SELECT value FROM meta WHERE key = 'version') - 1"
    found = cursor.execute(f"""
        SELECT b.batch_id, b.kind FROM ({last_kept}) k, batches b
        WHERE b.batch_id = k.last_batch + 1 AND b.batch_id = (SELECT max(batch_id) FROM batches)
          AND b.undone_at IS NULL""").fetchall()
    if found:
        return Change(*found[0], undone=False)
    undoing = cursor.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = 'undone_batch'")
    if not undoing.fetchone()[0]:
        return None
    found = cursor.execute(f"SELECT u.batch_id, u.kind FROM undone_batch u, ({last_kept}) k").fetchall()
    return Change(*found[0], undone=True) if found else None


def keep_days(cursor, timezone: str, speeder_seconds: float, span: tuple[datetime, datetime] | None,
              batch: Change | None) -> None:
    """Inside a write that moved the data's version (`empathy.store.keeps`): each table's sums per day
    (in the board's timezone), metric, and the segment and region of the row's current account, which
    add up to any window's figures in a few rows instead of a window's every row (and, by account,
    to a limited view's: empathy/store/scoped.py), for this version, timezone and speeder line.
    `span`: the first and last instant of the survey answers and calls (UTC, naive).

    A write that only added or took out a batch of answers, calls or participation (`batch_changed`)
    to the days kept for this timezone and speeder line makes again only the days that batch's rows
    (and the rows it replaced) fall on; any other write (accounts, scores made again) makes every day
    again."""
    same_line = cursor.execute("SELECT count(*) FROM kept_days_for WHERE timezone = ? AND speeder_seconds = ?",
                               [timezone, speeder_seconds]).fetchone()[0]
    kind = batch.kind if batch and same_line else None
    if kind in BATCH_TABLES:
        _keep_batch_days(cursor, BATCH_TABLES[kind], batch, timezone, speeder_seconds)
    elif kind not in NO_DAYS:  # accounts (every row's segment and region), scores made again
        for table in ("kept_survey_days", "kept_call_days", "kept_participation_days"):
            cursor.execute(f"DELETE FROM {table}")
        offsets = utc_offsets(timezone, *span) if span else [(datetime.min, 0)]
        for table in KEPT_DAYS:
            _keep_table_days(cursor, table, offsets, speeder_seconds)
    cursor.execute("DELETE FROM kept_days_for")
    cursor.execute("""INSERT INTO kept_days_for SELECT (SELECT value FROM meta WHERE key = 'version'), ?, ?,
                      (SELECT coalesce(max(batch_id), 0) FROM batches)""", [timezone, speeder_seconds])


def _keep_table_days(cursor, table: str, offsets: list[tuple[datetime, int]], speeder_seconds: float,
                     where: str = "", params: list | None = None) -> None:
    """The table's current rows (those `where` picks, with its `params`) summed into its kept days."""
    kept, alias, at, extra, sums, columns = KEPT_DAYS[table]
    day, day_params = ("", []) if at is None else local_day(f"{alias}.{at}", offsets)
    cursor.execute(f"""
        INSERT INTO {kept} BY NAME
        SELECT day, {"".join(f"{column}, " for column in extra)}segment, region, owned, {_summed(sums)}
        FROM (SELECT {f"{day} AS day, " if day else ""}{columns}, a.segment, a.region, a.account_id IS NOT NULL AS owned
              FROM {table} {alias} LEFT JOIN accounts a ON a.account_id = {alias}.account_id AND a.superseded_by IS NULL
              WHERE {alias}.superseded_by IS NULL{where})
        GROUP BY ALL""", [*([speeder_seconds] if sums is SURVEY_SUMS else []), *day_params, *(params or [])])


def _keep_batch_days(cursor, table: str, batch: Change, timezone: str, speeder_seconds: float) -> None:
    """The kept days of the batch's rows, and of the rows it replaced, made again from the rows."""
    kept, alias, at, _, _, _ = KEPT_DAYS[table]
    batch_id = batch.batch_id
    touched = f"FROM {batch.rows(table)} {alias} WHERE {alias}.batch_id = ? OR {alias}.superseded_by = ?"
    if at is None:
        days = [day for (day,) in cursor.execute(f"SELECT DISTINCT {alias}.period_start {touched}",
                                                 [batch_id, batch_id]).fetchall()]
        where, params = f" AND {alias}.period_start IN ({', '.join('?' for _ in days)})", days
    else:
        first, last = cursor.execute(f"SELECT min({alias}.{at}), max({alias}.{at}) {touched}",
                                     [batch_id, batch_id]).fetchone()
        day, day_params = local_day(f"{alias}.{at}", utc_offsets(timezone, first, last))
        days = [found for (found,) in cursor.execute(f"SELECT DISTINCT {day} {touched}",
                                                     [*day_params, batch_id, batch_id]).fetchall()]
        lo, hi = utc_bounds(Window(min(days), max(days)), timezone)
        offsets = utc_offsets(timezone, lo, hi)  # every row of those days, not only the batch's
        day, day_params = local_day(f"{alias}.{at}", offsets)
        where = f" AND {alias}.{at} >= ? AND {alias}.{at} < ? AND {day} IN ({', '.join('?' for _ in days)})"
        params = [lo, hi, *day_params, *days]
    cursor.execute(f"DELETE FROM {kept} WHERE day IN ({', '.join('?' for _ in days)})", days)
    _keep_table_days(cursor, table, [(datetime.min, 0)] if at is None else offsets, speeder_seconds, where, params)


# The dimensions the kept days carry, as each kept table reads them (the rows' own: `scope.DIMENSIONS`).
KEPT_DIMENSIONS = {"segment": {"kept_survey_days": "segment", "kept_call_days": "segment",
                               "kept_participation_days": "coalesce(segment, row_segment)"},
                   "region": {"kept_survey_days": "region", "kept_call_days": "region",
                              "kept_participation_days": "region"}}


def _kept_aggregates(store: Store, windows: list[Window], timezone: str, speeder_seconds: float,
                     scope: Scope) -> dict[str | None, list[dict]] | None:
    """`grouped_aggregates` from the kept days, read in one transaction with the mark of what they
    were kept for; None where they were kept for another version, timezone or speeder line, or the
    scope reads a dimension they do not carry."""
    if any(dimension.name not in KEPT_DIMENSIONS for dimension in scope.dimensions()):
        return None
    last_days, first = [w.end for w in windows], windows[0].start
    found, windows_of = _by_value(scope, windows)
    with store.reading() as cursor:
        kept = cursor.execute("""
            SELECT count(*) FROM kept_days_for WHERE timezone = ? AND speeder_seconds = ?
              AND version = (SELECT value FROM meta WHERE key = 'version')""", [timezone, speeder_seconds])
        if not kept.fetchone()[0]:
            return None
        for table, sums, extra in (("kept_survey_days", SURVEY_SUMS, ", metric"), ("kept_call_days", CALL_SUMS, ""),
                                   ("kept_participation_days", PARTICIPATION_SUMS, "")):
            value = KEPT_DIMENSIONS[scope.group][table] if scope.group else "NULL"
            where, params = "", []
            for name, wanted in scope.filters:
                expression = KEPT_DIMENSIONS[name][table]
                where += f" AND {expression} IS NULL" if wanted == NOT_SET else f" AND {expression} = ?"
                params += [] if wanted == NOT_SET else [wanted]
            rows = cursor.execute(f"""
                SELECT {_bucket("day", last_days, True)} AS i, {value} AS value{extra}, {_resummed(sums)} FROM {table}
                WHERE day BETWEEN ? AND ?{where} GROUP BY ALL""", [*last_days, first, last_days[-1], *params]).df()
            for row in rows.to_dict("records"):
                window = windows_of(row.pop("value"))[row.pop("i")]
                if table == "kept_survey_days":
                    window["surveys"][row["metric"]] = _survey(row)
                elif table == "kept_call_days":
                    window["calls"] = _calls(row)
                else:
                    window["participation"] = _participation(row)
    return found


def _survey(row: dict) -> dict:
    """A window's survey sums as the figures read them: the mean and sample variance of the scores
    from their exact sums."""
    n, total, squares = int(row["n"]), int(row.pop("score_sum")), int(row.pop("score_squares"))
    return {**{key: int(value) if key != "metric" else value for key, value in row.items()},
            "mean": total / n, "variance": (n * squares - total * total) / (n * (n - 1)) if n > 1 else 0.0}


def _calls(row: dict) -> dict:
    def mean(total, count) -> float | None:
        return float(total) / int(count) if count else None
    return {"n": int(row["n"]), "unhappy": int(row["unhappy"]), "negative": int(row["negative"]),
            "mean": mean(row["sentiment_sum"], row["sentiment_n"]),
            "dissatisfaction": mean(row["dissatisfaction_sum"], row["dissatisfaction_n"])}


def _participation(row: dict) -> tuple[int, int]:
    return (0 if pd.isna(row["invited"]) else int(row["invited"]), 0 if pd.isna(row["responded"]) else int(row["responded"]))


def _by_value(scope: Scope, windows: list[Window]) -> tuple[dict[str | None, list[dict]], Callable]:
    """Each value of the scope's group with its windows (None: no group), and the function that finds
    a value's windows, made empty on first use (an empty value is NOT_SET)."""
    found: dict[str | None, list[dict]] = {}
    def windows_of(value) -> list[dict]:
        key = None if scope.group is None else (NOT_SET if value is None or pd.isna(value) else value)
        return found.setdefault(key, _empty(windows))
    return found, windows_of


def _empty(windows: list[Window]) -> list[dict]:
    return [{"surveys": {}, "calls": dict(EMPTY_CALLS), "participation": (0, 0)} for _ in windows]


EMPTY_SURVEY = {"n": 0, "promoters": 0, "detractors": 0, "top_two": 0, "easy": 0, "mean": None,
                "variance": 0.0, "timed": 0, "speeders": 0}
EMPTY_CALLS = {"n": 0, "unhappy": 0, "mean": None, "negative": 0, "dissatisfaction": None}


def compare(now: dict, before: dict, min_n: int) -> dict[str, Figure]:
    """The five figures of one window's aggregates against the window before's."""
    def survey(aggs: dict, metric: str) -> dict:
        return aggs["surveys"].get(metric, EMPTY_SURVEY)
    csat_now, csat_before = survey(now, "csat"), survey(before, "csat")
    ces_now = survey(now, "ces")
    (invited, responded), (invited_before, responded_before) = now["participation"], before["participation"]
    timed = sum(s["timed"] for s in now["surveys"].values())
    speeders = sum(s["speeders"] for s in now["surveys"].values())
    return {
        "nps": _nps_figure(survey(now, "nps"), survey(before, "nps"), min_n),
        "csat": _share_figure(csat_now, csat_before, "top_two", min_n,
                              mean=csat_now["mean"], previous_mean=csat_before["mean"]),
        "ces": _mean_figure(ces_now, survey(before, "ces"), min_n, easy_pct=_pct(ces_now["easy"], ces_now["n"])),
        "sentiment": _share_figure(now["calls"], before["calls"], "unhappy", min_n,
                                   compound=_number(now["calls"]["mean"]),
                                   negative_pct=_pct(now["calls"]["negative"], now["calls"]["n"]),
                                   dissatisfaction=_number(now["calls"]["dissatisfaction"])),
        "participation": Figure(
            _pct(responded, invited), invited, _pct(responded_before, invited_before),
            proportion_test(responded, invited, responded_before, invited_before), invited < min_n,
            {"responded": responded, "speeders_pct": _pct(speeders, timed), "timed_answers": timed,
             "margin_of_error": _share_margin(responded, invited)}),
    }


def window_figures(store: Store, window: Window, *, timezone: str = "UTC", min_n: int = 30,
                   speeder_seconds: float = 5.0, scope: Scope = Scope()) -> dict[str, Figure]:
    """NPS, CSAT, CES, call sentiment and participation for a window against the one before."""
    before, now = aggregates(store, [window.previous(), window], timezone, speeder_seconds, scope)
    return compare(now, before, min_n)


def figure_trends(store: Store, window: Window, count: int, *, timezone: str = "UTC", min_n: int = 30,
                  speeder_seconds: float = 5.0, scope: Scope = Scope()) -> tuple[dict[str, Figure], pd.DataFrame]:
    """The figures of `window` and a frame of each figure over the `count` windows ending with it
    (window, start, metric, value, n, low_n): what the board's tiles and their trends show."""
    windows = run_of_windows(window, count + 1)
    found = aggregates(store, windows, timezone, speeder_seconds, scope)
    rows = []
    figures = {}
    for i in range(1, len(windows)):
        figures = compare(found[i], found[i - 1], min_n)
        rows += [{"window": windows[i].label, "start": windows[i].start, "metric": metric,
                  "value": figure.value, "n": figure.n, "low_n": figure.low_n}
                 for metric, figure in figures.items()]
    return figures, pd.DataFrame(rows)


def _pct(hits: int, n: int) -> float | None:
    return 100 * hits / n if n else None


def _number(value) -> float | None:
    """A mean from the store, None where there was nothing to average (NULL, NaN)."""
    return None if value is None or pd.isna(value) else float(value)


def _nps_figure(now: dict, before: dict, min_n: int) -> Figure:
    value, se = nps_value(now["promoters"], now["detractors"], now["n"]) if now["n"] else (None, None)
    previous = nps_value(before["promoters"], before["detractors"], before["n"])[0] if before["n"] else None
    test = nps_test((now["promoters"], now["detractors"], now["n"]),
                    (before["promoters"], before["detractors"], before["n"]))
    return Figure(value, now["n"], previous, test, now["n"] < min_n,
                  {"margin_of_error": None if se is None else Z_95 * se,
                   "promoters_pct": _pct(now["promoters"], now["n"]),
                   "detractors_pct": _pct(now["detractors"], now["n"])})


def _share_figure(now: dict, before: dict, hits: str, min_n: int, **details) -> Figure:
    test = proportion_test(now[hits], now["n"], before[hits], before["n"])
    return Figure(_pct(now[hits], now["n"]), now["n"], _pct(before[hits], before["n"]), test,
                  now["n"] < min_n, {**details, "margin_of_error": _share_margin(now[hits], now["n"])})


def _mean_figure(now: dict, before: dict, min_n: int, **details) -> Figure:
    test = mean_test((now["mean"], now["variance"], now["n"]), (before["mean"], before["variance"], before["n"]))
    margin = Z_95 * math.sqrt(now["variance"] / now["n"]) if now["n"] >= 2 else None
    return Figure(now["mean"], now["n"], before["mean"], test, now["n"] < min_n,
                  {**details, "margin_of_error": margin})


def _share_margin(hits: int, n: int) -> float | None:
    """95% margin of error of a share, in percentage points (normal approximation)."""
    if not n:
        return None
    p = hits / n
    return 100 * Z_95 * math.sqrt(p * (1 - p) / n)
