"""The board's five figures for a window, each beside the window before it, with honest statistics.

Everything is aggregated in DuckDB (counts, sums, variances), so a window over a million survey
answers costs one query per table; the statistics then work on those few numbers.

- NPS: promoters 9-10, detractors 0-6; NPS = 100 (p_pro - p_det); its standard error is
  100 sqrt((p_pro + p_det - (p_pro - p_det)^2) / n) and the 95% margin of error 1.96 times that.
  A change is significant when |NPS1 - NPS0| / sqrt(SE1^2 + SE0^2) > 1.96.
- CSAT % (share of 4-5) and participation (responded / invited): two-proportion z-test, pooled.
- CES mean and call sentiment mean: Welch's t-test from the windows' means, variances and n.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from scipy import stats

from empathy.store import Store

Z_95 = 1.96  # the margin of error as the metric definitions give it


@dataclass(frozen=True)
class Window:
    start: date  # first day
    end: date  # last day, inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        year, week, weekday = self.start.isocalendar()
        if weekday == 1 and self.days == 7:
            return f"{year}-W{week:02d}"
        return f"{self.start:%Y-%m-%d} to {self.end:%Y-%m-%d}"

    def previous(self) -> Window:
        """The window of the same length just before this one."""
        return Window(self.start - timedelta(days=self.days), self.start - timedelta(days=1))


def iso_week(label: str) -> Window:
    """`2026-W39` -> Monday to Sunday of that ISO week."""
    year, week = label.upper().split("-W")
    monday = date.fromisocalendar(int(year), int(week), 1)
    return Window(monday, monday + timedelta(days=6))


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
    return float(2 * stats.norm.sf(abs(z)))


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


def survey_aggregates(store: Store, window: Window, speeder_seconds: float) -> dict[str, dict]:
    frame = store.query("""
        SELECT metric, count(*) AS n,
               count(*) FILTER (WHERE score >= 9) AS promoters,
               count(*) FILTER (WHERE score <= 6) AS detractors,
               count(*) FILTER (WHERE score >= 4) AS top_two,
               count(*) FILTER (WHERE score >= 5) AS easy,
               avg(score) AS mean, coalesce(var_samp(score), 0) AS variance,
               count(duration_seconds) AS timed,
               count(*) FILTER (WHERE duration_seconds < ?) AS speeders
        FROM survey_responses
        WHERE superseded_by IS NULL AND submitted_at >= ? AND submitted_at < ?
        GROUP BY metric""", [speeder_seconds, window.start, window.end + timedelta(days=1)])
    return {row["metric"]: row for row in frame.to_dict("records")}


def participation_aggregates(store: Store, window: Window) -> tuple[int, int]:
    frame = store.query("""
        SELECT coalesce(sum(invited), 0) AS invited, coalesce(sum(responded), 0) AS responded
        FROM participation WHERE superseded_by IS NULL AND period_start BETWEEN ? AND ?""",
                        [window.start, window.end])
    return int(frame["invited"][0]), int(frame["responded"][0])


def sentiment_aggregates(store: Store, window: Window) -> dict:
    frame = store.query("""
        SELECT count(sentiment_mean) AS n, avg(sentiment_mean) AS mean,
               coalesce(var_samp(sentiment_mean), 0) AS variance,
               count(*) FILTER (WHERE negative) AS negative
        FROM calls WHERE superseded_by IS NULL AND started_at >= ? AND started_at < ?""",
                        [window.start, window.end + timedelta(days=1)])
    return frame.to_dict("records")[0]


def window_figures(store: Store, window: Window, *, min_n: int = 30,
                   speeder_seconds: float = 5.0) -> dict[str, Figure]:
    """NPS, CSAT, CES, call sentiment and participation for a window against the one before."""
    before = window.previous()
    surveys_now = survey_aggregates(store, window, speeder_seconds)
    surveys_before = survey_aggregates(store, before, speeder_seconds)
    empty = {"n": 0, "promoters": 0, "detractors": 0, "top_two": 0, "easy": 0, "mean": None,
             "variance": 0.0, "timed": 0, "speeders": 0}
    nps_now, nps_before = surveys_now.get("nps", empty), surveys_before.get("nps", empty)
    csat_now, csat_before = surveys_now.get("csat", empty), surveys_before.get("csat", empty)
    ces_now, ces_before = surveys_now.get("ces", empty), surveys_before.get("ces", empty)
    figures = {
        "nps": _nps_figure(nps_now, nps_before, min_n),
        "csat": _share_figure(csat_now, csat_before, "top_two", min_n,
                              mean=csat_now["mean"], previous_mean=csat_before["mean"]),
        "ces": _mean_figure(ces_now, ces_before, min_n, easy_pct=_pct(ces_now["easy"], ces_now["n"])),
    }
    calls_now, calls_before = sentiment_aggregates(store, window), sentiment_aggregates(store, before)
    figures["sentiment"] = _mean_figure(calls_now, calls_before, min_n,
                                        negative_pct=_pct(calls_now["negative"], calls_now["n"]))
    invited, responded = participation_aggregates(store, window)
    invited_before, responded_before = participation_aggregates(store, before)
    timed = sum(s["timed"] for s in surveys_now.values())
    speeders = sum(s["speeders"] for s in surveys_now.values())
    figures["participation"] = Figure(
        _pct(responded, invited), invited, _pct(responded_before, invited_before),
        proportion_test(responded, invited, responded_before, invited_before), invited < min_n,
        {"responded": responded, "speeders_pct": _pct(speeders, timed), "timed_answers": timed})
    return figures


def _pct(hits: int, n: int) -> float | None:
    return 100 * hits / n if n else None


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
                  now["n"] < min_n, details)


def _mean_figure(now: dict, before: dict, min_n: int, **details) -> Figure:
    test = mean_test((now["mean"], now["variance"], now["n"]), (before["mean"], before["variance"], before["n"]))
    return Figure(now["mean"], now["n"], before["mean"], test, now["n"] < min_n, details)
