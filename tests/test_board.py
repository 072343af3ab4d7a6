"""The board as data: window choice, alerts and who is newly red, growing complaints, the JSON."""

import json
import random
from datetime import date, datetime, timedelta

import pytest
from scipy import stats

from conftest import ANALYST, EXECUTIVE
from conftest import load_text as load
from empathy import language
from empathy.access.roles import DataScope
from empathy.figures import voice as voices
from empathy.figures.board import (Board, alerts, build_board, growing_themes, kept_board, latest_complete_week,
                                   work_out_board)
from empathy.figures.metrics import iso_week, window_figures
from empathy.figures.renewals import next_renewals
from empathy.figures.rules import Thresholds
from empathy.figures.settings import Settings, read_settings
from empathy.meeting import presented
from empathy.store import core
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


# Comments strong enough and long enough to be the voice, and with the taxonomy's words for themes.
COMMENTS = ["The invoice was wrong again and nobody answered our support tickets for days, awful.",
            "Great support team, they fixed the export bug the same afternoon, thank you so much!",
            "The new dashboard is slow and confusing and the reports keep failing for the whole team.",
            "Honestly the best onboarding we have had, clear steps and a really helpful manager.", ""]


def same_boards(store, window, settings) -> Board:
    """The kept board, which must read as the one worked out from the data in every language, words
    and all."""
    for speaking in language.LANGUAGES:
        with language.speaking(speaking):
            kept, fresh = kept_board(store, window, settings), work_out_board(store, window, settings)
            assert kept is not None
            assert json.dumps(kept.as_json(), sort_keys=True) == json.dumps(fresh.as_json(), sort_keys=True)
            assert (kept.voice, kept.shortlist) == (fresh.voice, fresh.shortlist)
    return kept


@pytest.mark.parametrize(("seed", "timezone"), [(1, "UTC"), (2, "UTC"), (6, "Asia/Seoul")])
def test_the_kept_board_is_the_one_worked_out_through_random_loads_and_undos(store, own_settings_and_themes, seed,
                                                                              timezone):
    """Every load and undo keeps the latest complete week's board in its own transaction; after each,
    the board a view reads is the one worked out from the data, in English and in Korean (and in a
    Korean company's own time, where a week ends nine hours before UTC's)."""
    settings_file = own_settings_and_themes / "settings.toml"
    settings_file.write_text(settings_file.read_text().replace('timezone = "UTC"', f'timezone = "{timezone}"'))
    assert read_settings().timezone == timezone
    rng = random.Random(seed)
    load(store, "account_id,account_name,segment,arr,contacts\n" + "".join(
        f"A{n},Account {n},{rng.choice(['SMB', 'Enterprise'])},{1000 * n},Mina Park\n" for n in range(1, 9)),
        "accounts.csv")
    loaded, seen = [], {"flagged": 0, "voice": 0, "shortlist": 0, "themes": 0}
    for step in range(14):
        if loaded and rng.random() < 0.25:
            store.undo(loaded.pop(rng.randrange(len(loaded))), user=ANALYST)
        else:
            def day() -> str:
                return (datetime(2026, 8, 24) + timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 23))).isoformat(" ")
            kind = rng.choice(["calls", "surveys", "surveys", "renewals", "accounts"])
            if kind == "calls":
                text = "call_id,account_id,started_at,call_type,escalated\n" + "\n".join(
                    f"C{n},A{rng.randint(1, 9)},{day()},support,{rng.choice(['yes', 'no'])}"
                    for n in rng.sample(range(1, 30), 6))
            elif kind == "surveys":
                text = "response_id,account_id,submitted_at,metric,score,comment\n" + "\n".join(
                    f'R{n},A{rng.randint(1, 9)},{day()},nps,{rng.randint(0, 10)},"{rng.choice(COMMENTS)}"'
                    for n in rng.sample(range(1, 40), 8))
            elif kind == "renewals":
                text = "account_id,renewal_date,outcome,arr_before,arr_after\n" + "\n".join(
                    f"A{n},2025-{rng.randint(9, 12)}-01,renewed,100,100" for n in rng.sample(range(1, 9), 3))
            else:
                text = f"account_id,account_name,segment,arr\nA{rng.randint(1, 9)},Renamed {step},SMB,{rng.randint(1, 9)}\n"
            report = load(store, text, f"{kind} {step}.csv")
            if report.batch_id is not None:
                loaded.append(report.batch_id)
        settings = read_settings()
        window = latest_complete_week(store, settings.timezone)
        if window is None:
            continue
        kept = same_boards(store, window, settings)
        seen["flagged"] += bool(kept.alerts.count("red") + kept.alerts.count("yellow"))
        seen["voice"] += kept.voice is not None
        seen["shortlist"] += bool(kept.shortlist)
        seen["themes"] += not kept.themes.empty
    assert min(seen.values()) >= 2, seen  # what the comparisons compared


@pytest.fixture
def kept_week(store):
    """A store whose last write kept the board of its latest complete week, with a voice."""
    load(store, "account_id,account_name,segment,arr,contacts\nA1,One,SMB,100,Mina Park\nA2,Two,Enterprise,900,\n",
         "accounts.csv")
    load(store, "call_id,account_id,started_at,escalated\n" + "".join(f"C{n},A1,2026-09-0{n},yes\n" for n in range(1, 4)),
         "calls.csv")
    load(store, "response_id,account_id,submitted_at,metric,score,comment\n" + "".join(
        f'R{n},A{1 + n % 2},2026-09-{6 + n:02d},nps,{n},"{COMMENTS[n % 4]}"\n' for n in range(1, 8)), "surveys.csv")
    settings = read_settings()
    return latest_complete_week(store, settings.timezone), settings


def test_a_kept_board_is_read_in_the_readers_language(store, kept_week):
    window, settings = kept_week
    same_boards(store, window, settings)
    english = build_board(store, window, settings)
    with language.speaking("ko"):
        korean = build_board(store, window, settings)
    assert english.alerts.top["reasons"].tolist()[0] == ["3 escalated calls in 30 days"]
    assert korean.alerts.top["reasons"].tolist()[0] == ["30일 동안 에스컬레이션된 통화 3건"]
    assert english.voice["reasons"][0].startswith("strong") and not korean.voice["reasons"][0].startswith("strong")


def test_other_settings_a_limited_view_and_a_write_that_kept_nothing_work_it_out(store, kept_week, monkeypatch):
    """The kept board is for the data's version, the voices' version and the settings it was kept
    with, and for the whole store: a load or a pin by a process that keeps nothing shows at once."""
    window, settings = kept_week
    board = build_board(store, window, settings)
    assert kept_board(store, window, settings) is not None
    assert kept_board(store, window, Settings(min_n=2)) is None
    assert kept_board(store.scoped(DataScope(segments=("SMB",))), window, settings) is None
    monkeypatch.setattr(core, "VOICE_KEEPERS", [])
    voices.pin(store, ANALYST, window, board.shortlist[0])
    assert kept_board(store, window, settings) is None
    pinned = build_board(store, window, settings)
    assert pinned.voice["ref_id"] == board.shortlist[0]["ref_id"] and pinned.voice["pinned"]
    load(store, "call_id,account_id,started_at,escalated\nC8,A2,2026-09-12,yes\n", "calls.csv")
    assert kept_board(store, window, settings) is not None  # kept again by the load, with the pin
    monkeypatch.setattr(core, "KEEPERS", [])
    load(store, "call_id,account_id,started_at,escalated\nC9,A2,2026-09-13,yes\n", "calls.csv")
    assert kept_board(store, window, settings) is None
    assert build_board(store, window, settings).alerts.top["account_id"].tolist() == ["A2", "A1"]  # C8, C9: red


def test_a_board_that_cannot_be_worked_out_does_not_stop_a_load(store, kept_week, monkeypatch):
    """The keeper keeps no board, and the load lands; the view works the board out and meets the
    fault itself."""
    window, settings = kept_week
    def broken(*args):
        raise ValueError("a voice the rule cannot read")
    monkeypatch.setattr(voices, "choose", broken)
    report = load(store, "call_id,account_id,started_at,escalated\nC9,A2,2026-09-12,yes\n", "calls.csv")
    assert report.batch_id is not None
    assert store.query("SELECT count(*) AS n FROM calls WHERE call_id = 'C9' AND superseded_by IS NULL")["n"][0] == 1
    assert kept_board(store, window, settings) is None
    with pytest.raises(ValueError):
        build_board(store, window, settings)


def test_a_pin_an_unpin_and_a_presentation_keep_the_board_again_with_their_voice(store, kept_week):
    window, settings = kept_week
    board = build_board(store, window, settings)
    voices.pin(store, ANALYST, window, board.shortlist[1])
    kept = same_boards(store, window, settings)
    assert kept.voice["ref_id"] == board.shortlist[1]["ref_id"] and kept.voice["pinned"]
    voices.unpin(store, ANALYST, window)
    assert same_boards(store, window, settings).voice["ref_id"] == board.voice["ref_id"]
    presented.present(store, window, settings, EXECUTIVE)
    kept = same_boards(store, window, settings)
    assert kept.voice["ref_id"] == board.voice["ref_id"] and not kept.voice["pinned"]
