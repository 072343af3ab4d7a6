"""The audit log: one row per thing anyone did that changed something or took customer data away,
refusals included. Rows are only ever appended, inside the transaction of what they record."""

from __future__ import annotations

import duckdb
import pandas as pd

from empathy.access.roles import User, require


def append(cursor: duckdb.DuckDBPyConnection, user: User, action: str, target: str, outcome: str,
           detail: str = "") -> None:
    cursor.execute("""INSERT INTO audit SELECT coalesce(max(entry), 0) + 1, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?
                      FROM audit""", [user.identity, user.role.label, action, target, outcome, detail])


def log(store, *, user: User, since=None) -> pd.DataFrame:
    """The audit log, newest first, from `since` (a date or time) on: an admin's to read."""
    require(user, "read_audit")
    return store.query("SELECT entry, happened_at, who, role, action, object, outcome, detail FROM audit "
                       "WHERE happened_at >= coalesce(?::TIMESTAMP, '-infinity'::TIMESTAMP) ORDER BY entry DESC",
                       [since])
