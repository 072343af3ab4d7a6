"""The voices of the week kept per window: the rule's choice once the window is presented, or an
analyst's pin. The rule itself is `figures/voice.py`; this keeps what it chose."""

from __future__ import annotations

import duckdb
import pandas as pd

from empathy.access.roles import User
from empathy.store import audit
from empathy.store.core import merge

COLUMNS = ("window_label", "window_start", "window_end", "source", "ref_id", "turn", "text_hash", "pinned")


def kept(store) -> pd.DataFrame:
    """The voice featured for each window, newest window first."""
    return store.query("SELECT * FROM voices ORDER BY window_start DESC, window_end DESC")


def pin(store, voice: dict, *, user: User) -> None:
    """A person's pick for the window, in place of whatever was kept."""
    store.authorize(user, "pin_voice", voice["window_label"])

    def write(cursor):
        keep(cursor, voice, replace=True, chosen_by=user.identity)
        audit.append(cursor, user, "pin_voice", voice["window_label"], "done", f"{voice['source']} {voice['ref_id']}")
    store.write(write, "voices_version")


def forget(store, window_label: str, *, user: User) -> None:
    """Drop a window's kept voice, so the rule chooses again."""
    store.authorize(user, "pin_voice", window_label)

    def write(cursor):
        cursor.execute("DELETE FROM voices WHERE window_label = ?", [window_label])
        audit.append(cursor, user, "unpin_voice", window_label, "done", "back to the rule's choice")
    store.write(write, "voices_version")


def keep(cursor: duckdb.DuckDBPyConnection, voice: dict, *, replace: bool, chosen_by: str) -> None:
    """Within a write: keep `voice` for its window; without `replace`, a voice kept already stays."""
    merge(cursor, "voices", ["window_label"], [*COLUMNS, "chosen_by"], [*(voice[name] for name in COLUMNS), chosen_by],
          replace)
