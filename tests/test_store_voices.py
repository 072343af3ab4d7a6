"""Voices kept per window: a pin replaces what was kept, a kept voice stays without one, forgetting
goes back to the rule, and each moves the voices' version (not the data's)."""

from datetime import date

import pytest

from conftest import ADMIN, ANALYST, VIEWER
from empathy.store import audit
from empathy.store import voices as kept_voices

VOICE = {"window_label": "2026-W47", "window_start": date(2026, 11, 16), "window_end": date(2026, 11, 22),
         "source": "comment", "ref_id": "R1", "turn": None, "text_hash": "h1", "pinned": False}


def test_a_pin_replaces_a_kept_voice_and_forgetting_goes_back_to_the_rule(store):
    data, voices = store.version(), store.voices_version()
    store.write(lambda cursor: kept_voices.keep(cursor, VOICE, replace=False, chosen_by="the rule"))
    store.write(lambda cursor: kept_voices.keep(cursor, {**VOICE, "ref_id": "R2"}, replace=False, chosen_by="x"))
    assert kept_voices.kept(store)[["ref_id", "chosen_by"]].values.tolist() == [["R1", "the rule"]]
    kept_voices.pin(store, {**VOICE, "ref_id": "R3", "pinned": True}, user=ANALYST)
    assert kept_voices.kept(store)[["ref_id", "pinned", "chosen_by"]].values.tolist() == [["R3", True, ANALYST.identity]]
    kept_voices.forget(store, "2026-W47", user=ANALYST)
    assert kept_voices.kept(store).empty
    assert store.version() == data and store.voices_version() == voices + 2
    log = audit.log(store, user=ADMIN)
    assert log[["action", "object", "detail"]].values.tolist() == [
        ["unpin_voice", "2026-W47", "back to the rule's choice"], ["pin_voice", "2026-W47", "comment R3"]]


def test_only_an_analyst_pins(store):
    with pytest.raises(PermissionError, match="may not pin the voice of the week"):
        kept_voices.pin(store, VOICE, user=VIEWER)
    assert kept_voices.kept(store).empty
