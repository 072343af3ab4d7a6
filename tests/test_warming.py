"""Boards made ahead (ui/warming.py): after a load, the boards people looked at are made again for the
new data, each for its own scope, before anyone asks; and the board page remembers the boards it shows."""

import dataclasses
import logging
import time

import pytest

from conftest import SMB_LEAD, load_text
from empathy.figures.board import build_board, latest_complete_week
from empathy.figures.settings import read_settings
from empathy.store import Store
from ui import common, warming
from ui.warming import Warming, versions_now


@pytest.fixture
def demo(demo_copy):
    opened = Store.open(demo_copy)
    yield opened
    opened.close()


def made_board(store, settings):
    """The board the page reads for the latest week now, from the shared cache only: building it
    again fails the test."""
    counters = store.counters()
    window = latest_complete_week(store, settings.timezone)
    return common.board(store, counters["version"], counters["voices_version"], window, settings, "en")


def one_more_detractor(store, settings, account_id: str) -> None:
    day = latest_complete_week(store, settings.timezone).end
    load_text(store, "response_id,account_id,submitted_at,metric,score\n"
                     f"WARM-1,{account_id},{day} 10:00,nps,2\n", "one more answer.csv")


def smb_account(store) -> str:
    return store.query("SELECT min(account_id) AS a FROM accounts WHERE segment = 'SMB' "
                       "AND superseded_by IS NULL")["a"][0]


def test_a_load_makes_the_remembered_board_again_for_the_new_data(demo, monkeypatch):
    settings = read_settings()
    made = Warming(common.make_board)
    made.saw(demo, settings, versions_now(demo, settings))
    assert made.make_moved() == 0  # nothing moved since the page showed it
    before = made_board(demo, settings).figures["nps"].n
    one_more_detractor(demo, settings, smb_account(demo))
    assert made.make_moved() == 1
    assert made.make_moved() == 0  # made once for the new version, not on every look

    def built_again(*args, **kwargs):
        raise AssertionError("the board was built again: it was not made ahead")

    monkeypatch.setattr(common, "build_board", built_again)
    monkeypatch.setattr(common, "board_figures", built_again)
    assert made_board(demo, settings).figures["nps"].n == before + 1


def test_each_scope_gets_its_own_board_made(demo):
    settings = read_settings()
    lead = demo.scoped(SMB_LEAD.scope)
    made = Warming(common.make_board)
    for store in (demo, lead):
        made.saw(store, settings, versions_now(store, settings))
    one_more_detractor(demo, settings, smb_account(demo))
    assert made.make_moved() == 2
    window = latest_complete_week(demo, settings.timezone)
    for store in (demo, lead):
        assert made_board(store, settings).figures["nps"].n == build_board(store, window, settings).figures["nps"].n
    assert made_board(lead, settings).figures["nps"].n < made_board(demo, settings).figures["nps"].n


def test_in_the_server_a_thread_makes_it_within_seconds_and_ends_when_no_board_is_left(demo, monkeypatch):
    settings = read_settings()
    monkeypatch.setattr(warming, "POLL_SECONDS", 0.05)
    made = Warming(common.make_board)
    made.saw(demo, settings, versions_now(demo, settings))
    made.start()
    one_more_detractor(demo, settings, smb_account(demo))
    moved = versions_now(demo, settings)
    deadline = time.monotonic() + 30
    while made.remembered()[0].made_for != moved and time.monotonic() < deadline:
        time.sleep(0.05)
    assert made.remembered()[0].made_for == moved and made.running
    monkeypatch.setattr(warming, "IDLE_SECONDS", 0.0)
    deadline = time.monotonic() + 10
    while made.running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not made.running


def test_boards_nobody_looked_at_for_an_hour_and_the_oldest_past_the_bound_are_forgotten(demo, monkeypatch):
    settings = read_settings()
    made = Warming(common.make_board)
    versions = versions_now(demo, settings)
    for min_n in range(warming.MAX_BOARDS + 1):
        made.saw(demo, dataclasses.replace(settings, min_n=min_n), versions)
    kept = made.remembered()
    assert len(kept) == warming.MAX_BOARDS and {seen.settings.min_n for seen in kept} == set(range(1, 17))
    monkeypatch.setattr(warming, "IDLE_SECONDS", 0.0)
    assert made.remembered() == []


def test_a_store_that_cannot_be_read_is_left_for_its_next_viewer(demo_copy, caplog):
    settings = read_settings()
    store = Store.open(demo_copy)
    made = Warming(common.make_board)
    made.saw(store, settings, versions_now(store, settings))
    store.close()
    demo_copy.write_bytes(b"not a store")
    with caplog.at_level(logging.WARNING, logger="ui.warming"):
        assert made.make_moved() == 0
    assert "could not be made ahead" in caplog.text
    assert made.remembered() == []  # until someone looks at it again


def test_the_board_page_remembers_the_latest_weeks_board_not_a_picked_one(open_page, demo_copy, monkeypatch):
    monkeypatch.setattr(common, "WARMING", Warming(common.make_board))
    open_page("board", window="2026-W46", weeks="1")
    assert common.WARMING.remembered() == []
    open_page("board", lang="ko")
    [seen] = common.WARMING.remembered()
    assert seen.language == "ko" and seen.store.cache_key == Store.open(demo_copy).cache_key
