"""Google Sheets kept for refresh: one row per worksheet, replaced when loaded again, forgotten on request."""

import pytest

from conftest import ADMIN, ANALYST, VIEWER
from empathy.store import audit, kept_sheets

SOURCE = {"spreadsheet_key": "k1", "worksheet": "Answers", "title": "Support NPS", "layout": "wide",
          "mapping": {"score": "Likelihood to recommend"}, "skip_invalid": False, "last_batch": 1}


def test_a_worksheet_is_kept_once_replaced_when_loaded_again_and_forgotten(store):
    kept_sheets.remember(store, SOURCE, user=ANALYST)
    kept_sheets.remember(store, {**SOURCE, "last_batch": 3, "skip_invalid": True}, user=ANALYST)
    kept_sheets.remember(store, {**SOURCE, "worksheet": "Notes", "last_batch": 4}, user=ANALYST)
    assert [(s["worksheet"], s["last_batch"], s["skip_invalid"]) for s in kept_sheets.every(store)] == [
        ("Notes", 4, False), ("Answers", 3, True)]
    assert kept_sheets.one(store, "k1", "Answers")["mapping"] == {"score": "Likelihood to recommend"}
    assert kept_sheets.one(store, "k1", "Elsewhere") is None
    kept_sheets.forget(store, "k1", "Notes", user=ANALYST)
    assert [s["worksheet"] for s in kept_sheets.every(store)] == ["Answers"]
    assert audit.log(store, user=ADMIN).iloc[0][["action", "object"]].tolist() == ["forget_sheet", "k1 [Notes]"]


def test_a_viewer_keeps_and_forgets_nothing(store):
    for write in (lambda: kept_sheets.remember(store, SOURCE, user=VIEWER),
                  lambda: kept_sheets.forget(store, "k1", "Answers", user=VIEWER)):
        with pytest.raises(PermissionError):
            write()
    assert kept_sheets.every(store) == []
