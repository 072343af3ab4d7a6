"""Board figures against values worked out by hand (and scipy on the raw answers for Welch)."""

import math
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import duckdb
import pandas as pd
import pytest
from scipy import stats
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import ANALYST
from conftest import load_text as load
from empathy.access.roles import DataScope
from empathy.figures import metrics
from empathy.figures.metrics import (
    Window,
    aggregates,
    figure_trends,
    grouped_aggregates,
    iso_week,
    local_day,
    mean_test,
    nps_test,
    proportion_test,
    utc_bounds,
    utc_offsets,
    weeks_ending,
    window_figures,
)
from empathy.figures.scope import NOT_SET, Scope
from empathy.loading.sheet import load_sheet

NOW = iso_week("2026-W37")  # Mon 2026-09-07 .. Sun 2026-09-13
NPS_NOW, NPS_BEFORE = [10, 9, 9, 8, 7, 6, 3, 0, 10, 5], [10, 10, 10, 9, 9, 8, 8, 7, 6, 2]
CSAT_NOW, CSAT_BEFORE = [5, 5, 4, 3, 2], [5, 4, 4, 4, 4]
CES_NOW, CES_BEFORE = [7, 6, 5, 2], [4, 4, 5, 3]


def survey_sheet():
    lines = ["account_id,submitted_at,metric,score,duration_seconds"]
    for day, metric, scores in [("2026-09-08", "nps", NPS_NOW), ("2026-09-01", "nps", NPS_BEFORE),
                                ("2026-09-13 23:59", "csat", CSAT_NOW), ("2026-09-06 23:00", "csat", CSAT_BEFORE),
                                ("2026-09-07 00:00", "ces", CES_NOW), ("2026-08-31", "ces", CES_BEFORE)]:
        for i, score in enumerate(scores):
            duration = 3 if (metric == "nps" and day == "2026-09-08" and i < 4) else 60
            lines.append(f"A{i},{day},{metric},{score},{duration}")
    lines.append("A0,2026-09-14,nps,0,60")  # the Monday after: in neither window
    return "\n".join(lines).encode()


@pytest.fixture
def figures(store):
    load_sheet(store, user=ANALYST, data=survey_sheet(), source="surveys.csv")
    load_sheet(store, user=ANALYST, data=b"week,segment,metric,invited,responded\n2026-09-07,SMB,nps,40,10\n"
                           b"2026-08-31,SMB,nps,40,20\n", source="participation.csv")
    return window_figures(store, NOW, min_n=8)


def test_windows():
    assert (NOW.start, NOW.end, NOW.label) == (date(2026, 9, 7), date(2026, 9, 13), "2026-W37")
    assert NOW.previous() == iso_week("2026-W36")
    quarter = Window(date(2026, 7, 1), date(2026, 9, 30))
    assert quarter.previous() == Window(date(2026, 3, 31), date(2026, 6, 30))  # 92 days before


def test_nps_with_its_margin_of_error(figures):
    nps = figures["nps"]
    # now: 4 promoters, 4 detractors of 10 -> 0; before: 5 and 2 of 10 -> 30
    assert (nps.value, nps.previous, nps.n) == (pytest.approx(0), pytest.approx(30), 10)
    assert nps.details["margin_of_error"] == pytest.approx(1.96 * 100 * math.sqrt(0.08))  # 55.44
    assert nps.test.delta == pytest.approx(-30)
    z = -30 / math.sqrt(800 + 610)  # SE^2 = 100^2 * 0.08 and 100^2 * (0.7 - 0.09) / 10
    assert nps.test.p_value == pytest.approx(2 * stats.norm.sf(abs(z)))
    assert not nps.test.significant and not nps.low_n


def test_csat_top_two_box_and_mean(figures):
    csat = figures["csat"]
    assert (csat.value, csat.previous) == (pytest.approx(60), pytest.approx(100))
    assert (csat.details["mean"], csat.details["previous_mean"]) == (pytest.approx(3.8), pytest.approx(4.2))
    z = (0.6 - 1.0) / math.sqrt(0.8 * 0.2 * (1 / 5 + 1 / 5))
    assert csat.test.p_value == pytest.approx(2 * stats.norm.sf(abs(z)))
    assert csat.low_n  # 5 answers, below the minimum of 8


def test_ces_mean_with_welch(figures):
    ces = figures["ces"]
    assert (ces.value, ces.previous, ces.details["easy_pct"]) == (5.0, 4.0, 75.0)
    expected = stats.ttest_ind(CES_NOW, CES_BEFORE, equal_var=False)
    assert ces.test.p_value == pytest.approx(expected.pvalue)


def test_participation_and_speeders(figures):
    part = figures["participation"]
    assert (part.value, part.previous, part.n) == (25.0, 50.0, 40)
    z = -0.25 / math.sqrt(0.375 * 0.625 * (1 / 40 + 1 / 40))
    assert part.test.p_value == pytest.approx(2 * stats.norm.sf(abs(z)))
    assert part.test.significant
    assert part.details["speeders_pct"] == pytest.approx(100 * 4 / 19)  # 4 of the 19 timed answers


def test_call_sentiment_is_the_share_of_calls_with_an_unhappy_customer(store):
    vader = SentimentIntensityAnalyzer()
    load_sheet(store, user=ANALYST, data=('call_id,started_at,transcript\n'
                            'C1,2026-09-08,"Agent: Hi!\nCustomer: This is awful.\nCustomer: Truly terrible."\n'
                            'C2,2026-09-09,"Agent: Hello\nCustomer: Thanks, great help."\n'
                            'C3,2026-09-02,"Agent: Hi\nCustomer: Fine."\n').encode(), source="calls.csv")

    def unhappiness(phrases: int, text: str) -> float:  # sentiment/dissatisfaction.py, by hand
        return min(1.0, 0.5 * (1 - vader.polarity_scores(text)["compound"]) + 0.35 * phrases)
    # "awful" and "terrible" are failure words (one phrase group each); the others say none
    d1 = (unhappiness(1, "This is awful.") + unhappiness(1, "Truly terrible.")) / 2
    d2, d3 = unhappiness(0, "Thanks, great help."), unhappiness(0, "Fine.")
    assert d1 > 0.5 > d2 and d3 < 0.5  # C1 had an unhappy customer; C2 and last week's C3 did not
    sentiment = window_figures(store, NOW, min_n=1)["sentiment"]
    assert (sentiment.value, sentiment.n, sentiment.previous) == (50.0, 2, 0.0)
    assert sentiment.details["margin_of_error"] == pytest.approx(100 * 1.96 * (0.5 * 0.5 / 2) ** 0.5)
    c1 = (vader.polarity_scores("This is awful.")["compound"]
          + vader.polarity_scores("Truly terrible.")["compound"]) / 2
    c2 = vader.polarity_scores("Thanks, great help.")["compound"]
    assert sentiment.details["compound"] == pytest.approx((c1 + c2) / 2)  # VADER's stays beside it
    assert sentiment.details["negative_pct"] == 50.0
    assert sentiment.details["dissatisfaction"] == pytest.approx((d1 + d2) / 2)


def test_tests_without_enough_data_say_nothing():
    assert nps_test((1, 0, 1), (0, 0, 0)).p_value is None
    assert proportion_test(0, 0, 1, 2).delta is None
    assert mean_test((5.0, 0.0, 1), (4.0, 1.0, 3)).p_value is None


def test_windows_are_days_in_the_boards_timezone(store):
    # 2026-09-06 20:00 UTC is Monday 2026-09-07 05:00 in Seoul: in W37 there, in W36 in UTC
    load_sheet(store, user=ANALYST, data=b"submitted_at,metric,score\n2026-09-06 20:00,nps,10\n2026-09-07 10:00,nps,0\n",
               source="s.csv")
    assert utc_bounds(NOW, "Asia/Seoul") == (datetime(2026, 9, 6, 15), datetime(2026, 9, 13, 15))
    assert window_figures(store, NOW, timezone="UTC", min_n=1)["nps"].n == 1
    seoul = window_figures(store, NOW, timezone="Asia/Seoul", min_n=1)["nps"]
    assert (seoul.n, seoul.value) == (2, 0.0)  # one promoter, one detractor


def test_trends_hold_each_windows_figure(store):
    # NPS by week: W35 two promoters -> 100; W36 none; W37 a promoter and a detractor -> 0
    load_sheet(store, user=ANALYST, data=b"submitted_at,metric,score\n2026-08-25,nps,9\n2026-08-26,nps,10\n"
                           b"2026-09-08,nps,10\n2026-09-09,nps,3\n", source="s.csv")
    figures, trend = figure_trends(store, NOW, 3, min_n=2)
    nps = trend[trend["metric"] == "nps"]
    assert nps["window"].tolist() == ["2026-W35", "2026-W36", "2026-W37"]
    assert nps["value"].tolist()[0] == 100.0 and pd.isna(nps["value"].tolist()[1]) and nps["value"].tolist()[2] == 0.0
    assert nps["n"].tolist() == [2, 0, 2]
    assert figures["nps"].value == 0.0 and figures["nps"].previous is None


def test_window_labels():
    assert weeks_ending(NOW, 4).label == "2026-W34 to 2026-W37"
    assert weeks_ending(NOW, 4).start == date(2026, 8, 17)
    assert Window(date(2026, 9, 1), date(2026, 9, 30)).label == "2026-09-01 to 2026-09-30"
    with pytest.raises(ValueError):
        iso_week("2026-W99")


# Splits and filters by segment and region, which the kept days carry.
SPLITS = (Scope(group="segment"), Scope(group="region"), Scope(group="region", filters=(("segment", "SMB"),)),
          Scope(group="segment", filters=(("region", NOT_SET),)), Scope(filters=(("segment", NOT_SET),)))


def kept_then_rebuilt(store, windows: list[Window], timezone: str, speeder: float, monkeypatch,
                      scope: Scope | None = None) -> tuple:
    """The windows' aggregates from the days the last write kept, then from the rows (by the values of
    the scope's split, when given)."""
    assert store.query("SELECT timezone, speeder_seconds FROM kept_days_for "
                       "WHERE version = (SELECT value FROM meta WHERE key = 'version')").values.tolist() \
        == [[timezone, speeder]]
    def read():
        return aggregates(store, windows, timezone, speeder) if scope is None else \
            grouped_aggregates(store, windows, timezone, speeder, scope)
    kept = read()
    with monkeypatch.context() as rows_only:
        rows_only.setattr(metrics, "_kept_aggregates", lambda *args: None)
        return kept, read()


def same_aggregates(kept: list[dict], rebuilt: list[dict]) -> None:
    for window_kept, window_rebuilt in zip(kept, rebuilt, strict=True):
        assert window_kept["participation"] == window_rebuilt["participation"]
        assert window_kept["surveys"].keys() == window_rebuilt["surveys"].keys()
        for metric, sums in window_kept["surveys"].items():
            assert sums == pytest.approx(window_rebuilt["surveys"][metric]), metric
        assert window_kept["calls"] == pytest.approx(window_rebuilt["calls"])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kept_days_add_up_to_the_rows_through_random_loads_and_undos(store, own_settings_and_themes, seed,
                                                                      monkeypatch):
    """Every load and undo keeps each table's sums per day in the board's timezone (here one with
    summer time) and its speeder line, a load of answers, calls or participation only the days its
    batch touched; after each, the figures' aggregates of random windows, for the whole store and for
    a limited view, equal those worked out from the rows."""
    batches_kept = []
    keep_batch_days = metrics._keep_batch_days
    monkeypatch.setattr(metrics, "_keep_batch_days", lambda *args: batches_kept.append(args[2]) or keep_batch_days(*args))
    settings = own_settings_and_themes / "settings.toml"
    settings.write_text(settings.read_text().replace('timezone = "UTC"', 'timezone = "America/New_York"')
                        .replace("speeder_seconds = 5", "speeder_seconds = 20"))
    rng = random.Random(seed)
    load(store, "account_id,segment,region\nA1,SMB,EMEA\nA2,Enterprise,EMEA\nA3,SMB,APAC\n", "accounts.csv")
    loaded, compared, split = [], 0, 0
    for step in range(12):
        if step == 11 and (days_kind := [b for b in loaded if b[1] != "accounts"]):  # one undo of their days at least
            loaded.remove(days_kind[-1])
            store.undo(days_kind[-1][0], user=ANALYST)
        elif loaded and rng.random() < 0.3:
            store.undo(loaded.pop(rng.randrange(len(loaded)))[0], user=ANALYST)
        else:
            def moment() -> str:  # late evenings too: another day in New York than in UTC
                return f"{date(2026, 10, 1) + timedelta(days=rng.randint(0, 60))} {rng.choice(['02:30', '12:00', '23:45'])}"
            def account() -> str:
                return rng.choice(["A1", "A2", "A3", "A4"])  # A4: a row of no listed account
            kind = rng.choice(["calls", "surveys", "surveys", "participation", "accounts"])
            if kind == "calls":
                text = "call_id,account_id,started_at,transcript\n" + "\n".join(
                    f"C{n},{account()},{moment()},\"Customer: {rng.choice(['This is awful.', 'Great, thanks!'])}\""
                    for n in rng.sample(range(1, 10), 3))
            elif kind == "surveys":
                text = "response_id,account_id,submitted_at,metric,score,duration_seconds\n" + "\n".join(
                    f"R{n},{account()},{moment()},{rng.choice(['nps', 'csat', 'ces'])},{rng.randint(1, 5)},"
                    f"{rng.choice([3, 30, ''])}" for n in rng.sample(range(1, 15), 6))
            elif kind == "participation":
                text = "period_start,account_id,segment,metric,invited,responded\n" + "\n".join(
                    f"{moment()[:10]},{who},SMB,nps,{rng.randint(5, 20)},{rng.randint(0, 5)}"
                    for who in rng.sample(["A1", "A2", "A4", ""], 2))
            else:
                text = f"account_id,segment,region\nA{rng.randint(1, 4)},{rng.choice(['SMB', 'Enterprise'])},EMEA\n"
            report = load(store, text, f"{kind} {step}.csv")
            if report.batch_id is not None:
                loaded.append((report.batch_id, kind))
        length = rng.choice([1, 7, 28])
        end = date(2026, 10, 1) + timedelta(days=rng.randint(0, 60))
        windows = [Window(end - timedelta(days=(k + 1) * length - 1), end - timedelta(days=k * length))
                   for k in reversed(range(rng.randint(2, 5)))]
        for view in (store, store.scoped(DataScope(segments=("SMB",))), store.scoped(DataScope(regions=("EMEA",)))):
            kept, rebuilt = kept_then_rebuilt(view, windows, "America/New_York", 20.0, monkeypatch)
            same_aggregates(kept, rebuilt)
            compared += sum(1 for window in rebuilt if window["surveys"] or window["calls"]["n"] or window["participation"][0])
        for scope in SPLITS:  # a product lead's splits and filters by what the kept days carry
            kept, rebuilt = kept_then_rebuilt(store, windows, "America/New_York", 20.0, monkeypatch, scope)
            assert kept.keys() == rebuilt.keys(), scope
            for value in kept:
                same_aggregates(kept[value], rebuilt[value])
            split += len(rebuilt)
    assert compared >= 10  # windows with figures in them, compared both ways
    assert split >= 12  # values of the splits compared
    assert sum(not batch.undone for batch in batches_kept) >= 4  # loads that made only their own days again
    assert sum(batch.undone for batch in batches_kept) >= 1  # undos that did


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "America/Santiago", "Asia/Kolkata", "Australia/Lord_Howe",
                                  "Pacific/Chatham"])
def test_a_rows_local_day_from_the_offsets_is_the_zones_own(zone):
    """Every quarter hour (and a minute either side) over fourteen months, in zones with summer time
    (changing at 2:00 and, in Santiago, at midnight), a half-hour offset, a half-hour change of offset
    and a 45-minute one: the day `local_day` gives in DuckDB is the calendar day zoneinfo gives."""
    first, last = datetime(2025, 12, 30, 13, 7), datetime(2027, 2, 28)
    offsets = utc_offsets(zone, first, last)
    instants = []
    at = datetime(2025, 12, 31)
    while at < last:
        instants += [at - timedelta(minutes=1), at, at + timedelta(minutes=1)]
        at += timedelta(minutes=15)
    instants = [first] + [moment for moment in instants if moment >= first]
    expected = [moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).date() for moment in instants]
    sql, params = local_day("t", offsets)
    connection = duckdb.connect()
    connection.register("instants", pd.DataFrame({"i": range(len(instants)), "t": instants}))
    found = connection.execute(f"SELECT {sql} AS day FROM instants ORDER BY i", params).df()["day"]
    assert [day.date() for day in found] == expected
    assert len(offsets) == {"UTC": 1, "Asia/Kolkata": 1}.get(zone, 3)  # summer time begins and ends once a year
