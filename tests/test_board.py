"""The board as data: window choice, alerts and who is newly red, growing complaints, the JSON."""

import json
from datetime import date

import pytest
from scipy import stats

from conftest import load_text as load
from empathy.figures.board import Board, alerts, build_board, growing_themes, latest_complete_week
from empathy.figures.metrics import iso_week, window_figures
from empathy.figures.renewals import next_renewals
from empathy.figures.rules import Thresholds
from empathy.figures.settings import Settings
from empathy.meeting.wording import renewing_text

W37 = iso_week("2026-W37")  # 2026-09-07 .. 2026-09-13
SETTINGS = Settings(min_n=2, early_warning=Thresholds(days=7))


def test_latest_complete_week_has_ended_in_the_boards_timezone(store):
    assert latest_complete_week(store, "UTC", date(2026, 9, 14)) is None
    load(store, "call_id,started_at\nK1,2026-09-13 23:30\n", "calls.csv")  # Sunday night UTC
    assert latest_complete_week(store, "UTC", date(2026, 9, 14)).label == "2026-W37"
    assert latest_complete_week(store, "UTC", date(2026, 9, 13)).label == "2026-W36"  # W37 not over yet
    # in Seoul that call is on Monday 2026-09-14, in a week that has not ended on the 15th
    assert latest_complete_week(store, "Asia/Seoul", date(2026, 9, 15)).label == "2026-W37"


@pytest.fixture
def flagged(store):
    load(store, "account_id,account_name,arr\nNEW,Newly Red,100\nOLD,Red Both Weeks,500\nYEL,Calls A Lot,900\n"
                "OK,Fine,50\n", "accounts.csv")
    calls = ["call_id,account_id,started_at,call_type,escalated"]
    calls += ["O1,OLD,2026-09-02,support,yes", "O2,OLD,2026-09-03,support,yes",  # red at the end of W36 ...
              "O3,OLD,2026-09-08,support,yes", "O4,OLD,2026-09-09,support,yes"]  # ... and of W37
    calls += ["N1,NEW,2026-09-10,support,yes", "N2,NEW,2026-09-11,support,yes"]  # red in W37 only
    calls += [f"Y{i},YEL,2026-09-{8 + i:02d},support,no" for i in range(4)]
    load(store, "\n".join(calls), "calls.csv")
    return alerts(store, W37, SETTINGS)


def test_alert_counts_arr_and_newly_red(flagged):
    assert (flagged.count("red"), flagged.arr("red")) == (2, 600.0)
    assert (flagged.count("yellow"), flagged.arr("yellow")) == (1, 900.0)
    assert flagged.newly_red["account_id"].tolist() == ["NEW"]


def test_top_accounts_are_red_first_then_by_arr(flagged):
    assert flagged.top["account_id"].tolist() == ["OLD", "NEW", "YEL"]
    assert flagged.top["reasons"].tolist()[2] == ["4 support calls in 7 days, none in the 180 days before"]


def test_flagged_accounts_up_for_renewal_within_90_days(store, flagged):
    # W37 ends Sun 13 Sep: 90 days reach 12 Dec. OLD renewed on 1 Oct 2025 (next: 1 Oct 2026); NEW has one
    # recorded for 20 Nov; YEL's next is 1 Mar 2027; OK is green.
    load(store, "account_id,renewal_date,outcome,arr_before,arr_after\nOLD,2025-10-01,renewed,500,500\n"
                "NEW,2025-11-20,expanded,50,100\nNEW,2026-11-20,renewed,100,100\nYEL,2026-03-01,renewed,900,900\n"
                "OK,2025-10-02,renewed,50,50\n", "renewals.csv")
    renewing = alerts(store, W37, SETTINGS).renewing
    assert renewing[["account_id", "next_renewal"]].values.tolist() == [["OLD", date(2026, 10, 1)],
                                                                          ["NEW", date(2026, 11, 20)]]
    assert renewing_text(renewing, 90) == ("$600 ARR up for renewal in the next 90 days across 2 red or yellow "
                                           "accounts: Red Both Weeks (red, 01 Oct), Newly Red (red, 20 Nov).")


def test_an_account_that_churned_has_no_next_renewal(store):
    load(store, "account_id,renewal_date,outcome\nGONE,2026-01-10,churned\nSTAY,2026-01-10,downgraded\n",
         "renewals.csv")
    assert next_renewals(store, date(2026, 9, 13)).values.tolist() == [["STAY", date(2027, 1, 10)]]


def test_the_next_renewal_is_the_first_anniversary_after_the_day_or_one_on_record(store):
    load(store, "account_id,renewal_date,outcome\nLEAP,2024-02-29,renewed\nOLD,2023-05-01,expanded\n"
                "TODAY,2025-09-13,renewed\nBOOKED,2026-01-10,renewed\nBOOKED,2026-10-01,renewed\n", "renewals.csv")
    assert next_renewals(store, date(2026, 9, 13)).values.tolist() == [
        ["BOOKED", date(2026, 10, 1)],  # on record before its anniversary (10 Jan 2027)
        ["LEAP", date(2027, 2, 28)],  # 29 February's anniversary in a year without one
        ["OLD", date(2027, 5, 1)],  # three years on, still the first anniversary after the day
        ["TODAY", date(2027, 9, 13)]]  # an anniversary on the day itself is not after it


def test_growing_themes_count_negative_mentions_and_test_the_rise(store):
    bad_bill = "The invoice is wrong again, this is terrible."
    bad_slow = "Everything is so slow, it is awful."
    rows = ["submitted_at,metric,score,comment"]
    rows += [f"2026-09-{7 + i:02d},nps,2,\"{bad_bill}\"" for i in range(6)]  # billing: 6 now ...
    rows += [f"2026-09-0{1 + i},nps,2,\"{bad_slow}\"" for i in range(3)]  # performance: 3 before ...
    rows += ["2026-09-08,nps,2,Everything is so slow and awful here."]  # ... 1 now
    rows += ["2026-09-09,nps,10,I love the new invoice layout!"]  # positive: not a complaint
    load(store, "\n".join(rows), "surveys.csv")
    load(store, 'call_id,started_at,transcript\nK1,2026-09-09,"Agent: Hi\nCustomer: Your invoice is a terrible mess."\n',
         "calls.csv")  # a customer turn counts too: billing 7 now
    themes = growing_themes(store, W37, "UTC")
    assert themes[["theme", "now", "before", "change"]].values.tolist() == [["billing", 7, 0, 7]]
    assert themes["p_value"][0] == pytest.approx(0.5 ** 7)  # all 7 in this window if it were a coin toss
    assert themes["significant"][0]
    assert stats.binomtest(7, 7, 0.5, alternative="greater").pvalue == pytest.approx(0.5 ** 7)


def test_board_json_carries_the_same_figures(store):
    load(store, "submitted_at,metric,score\n2026-09-08,nps,10\n2026-09-08,nps,9\n2026-09-09,nps,3\n"
                "2026-09-01,nps,10\n", "surveys.csv")
    board = build_board(store, W37, SETTINGS).as_json()
    assert board["window"] == {"start": "2026-09-07", "end": "2026-09-13", "label": "2026-W37"}
    assert board["previous"]["label"] == "2026-W36"
    nps = board["metrics"]["nps"]
    assert (nps["value"], nps["n"], nps["previous"], nps["delta"]) == (pytest.approx(100 / 3), 3, 100.0,
                                                                        pytest.approx(100 / 3 - 100))
    assert nps["moe"] == pytest.approx(window_figures(store, W37, min_n=2)["nps"].details["margin_of_error"])
    assert set(board["metrics"]) == {"nps", "csat", "ces", "sentiment", "participation"}
    assert {"significant", "low_n"} <= set(nps)
    assert board["alerts"] == {"red": [], "yellow": [], "red_arr": 0.0, "yellow_arr": 0.0, "newly_red": [],
                               "renewal_days": 90, "renewing": []}
    assert board["voice"] is None  # no comments at all


def test_a_board_presented_before_the_call_figure_changed_shows_no_call_figure(store):
    load(store, 'call_id,started_at,transcript\nC1,2026-09-08,"Agent: Hi\nCustomer: This is awful."\n', "calls.csv")
    board = build_board(store, W37, SETTINGS)
    assert Board.from_json(json.loads(json.dumps(board.as_json(), default=str))).figures["sentiment"].value == 100.0
    older = json.loads(json.dumps(board.as_json(), default=str))
    del older["metrics"]["sentiment"]["compound"]  # its value was a mean compound then, not a share
    older["metrics"]["sentiment"]["value"] = -0.62
    kept = Board.from_json(older)
    assert kept.figures["sentiment"].value is None and kept.figures["nps"] == board.figures["nps"]
    assert "sentiment" not in set(kept.trends["metric"])
