"""Boards kept as presented: numbered, kept only at the data version they were computed from, the
window's voice kept with them; a limited view has none but can tell when the company's was presented."""

from datetime import date

from conftest import EXECUTIVE, SMB_LEAD, load_text
from empathy.store import presentations as kept_boards
from empathy.store import voices as kept_voices

FROZEN = {"window_label": "2026-W47", "window_start": date(2026, 11, 16), "window_end": date(2026, 11, 22),
          "inputs_hash": "h", "board": "{}"}
VOICE = {"window_label": "2026-W47", "window_start": date(2026, 11, 16), "window_end": date(2026, 11, 22),
         "source": "comment", "ref_id": "R1", "turn": None, "text_hash": "h1", "pinned": False}


def test_a_board_is_kept_with_its_voice_only_at_the_version_it_was_computed_from(store):
    load_text(store, "account_id,segment\nA1,SMB\n", "accounts.csv")
    version = store.version()
    assert kept_boards.present(store, FROZEN, data_version=version - 1, user=EXECUTIVE) is None  # data moved on
    assert kept_boards.listed(store).empty and kept_voices.kept(store).empty
    assert kept_boards.present(store, FROZEN, data_version=version, user=EXECUTIVE, voice=VOICE) == 1
    assert kept_boards.present(store, FROZEN, data_version=version, user=EXECUTIVE) == 2
    found = kept_boards.listed(store, window_label="2026-W47")
    assert found["presentation"].tolist() == [2, 1] and set(found["last_batch"]) == {1}
    assert found["presenter"].tolist() == ["Erin Exec", "Erin Exec"]
    assert kept_voices.kept(store)["ref_id"].tolist() == ["R1"]
    limited = store.scoped(SMB_LEAD.scope)
    assert kept_boards.listed(limited).empty  # the company's board, not a scope's
    presented_at, presenter = kept_boards.company_presented(limited, "2026-W47")
    assert presenter == "Erin Exec" and presented_at == found["presented_at"].iloc[0]
    assert kept_boards.company_presented(store, "2026-W46") is None
