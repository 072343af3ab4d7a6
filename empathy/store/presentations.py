"""Boards as presented: each kept with the data version, the last batch and a hash of the inputs it
was computed from, and the window's voice kept with it. What a frozen board means is
`meeting/presented.py`; this keeps and finds them."""

from __future__ import annotations

import pandas as pd

from empathy.access.roles import User
from empathy.store import audit, voices
from empathy.store.core import scalar


def present(store, frozen: dict, *, data_version: int, user: User, voice: dict | None = None) -> int | None:
    """Keep a board as presented (`frozen`: window_label, window_start, window_end, inputs_hash and the
    board's JSON text) with the last batch loaded; its number. None, and nothing kept, when the data
    has moved on from `data_version`, the version the board was computed from. The rule's `voice` for
    the window is kept with it (a pinned one stays), so it is never featured again."""
    store.authorize(user, "present", frozen["window_label"])

    def keep(cursor):
        if scalar(cursor, "SELECT value FROM meta WHERE key = 'version'") != data_version:
            return None
        number = scalar(cursor, "SELECT coalesce(max(presentation), 0) + 1 FROM presented")
        last_batch = scalar(cursor, "SELECT coalesce(max(batch_id), 0) FROM batches")
        cursor.execute("INSERT INTO presented VALUES (?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?)",
                       [number, frozen["window_label"], frozen["window_start"], frozen["window_end"],
                        user.identity, user.name or user.identity, data_version, last_batch,
                        frozen["inputs_hash"], frozen["board"]])
        audit.append(cursor, user, "present", frozen["window_label"], "done",
                     f"presentation {number}: data version {data_version}, batches up to {last_batch}")
        if voice is not None:
            voices.keep(cursor, voice, replace=False, chosen_by="the rule")
        return number
    return store.write(keep, "meeting_version", "voices_version")


def listed(store, *, window_label: str | None = None, number: int | None = None) -> pd.DataFrame:
    """The boards presented (of one window, or the one with that number), newest first, with their
    frozen JSON. A limited view has none: a presented board is the company's."""
    return store.query("""SELECT * FROM presented WHERE window_label = coalesce(?, window_label)
                          AND presentation = coalesce(?, presentation) ORDER BY presentation DESC""",
                       [window_label, number])


def company_presented(store, window_label: str) -> tuple | None:
    """When and by whom the company's board of the window was last presented (None if never): a fact a
    limited view may tell, not a figure."""
    found = store.whole.query("SELECT presented_at, presenter FROM presented WHERE window_label = ? "
                              "ORDER BY presentation DESC LIMIT 1", [window_label])
    return None if found.empty else (found.iloc[0]["presented_at"], found.iloc[0]["presenter"])
