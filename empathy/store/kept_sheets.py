"""Google Sheets kept for refresh: how each worksheet was loaded (kind, layout, column mapping, the
bad-row choice), so a refresh loads it the same way; loading it again replaces what was kept."""

from __future__ import annotations

import json

from empathy.access.roles import User
from empathy.store import audit
from empathy.store.core import merge


def remember(store, source: dict, *, user: User) -> None:
    """Keep a worksheet's way of loading (spreadsheet_key, worksheet, title, layout, mapping,
    skip_invalid, last_batch)."""
    names = ["spreadsheet_key", "worksheet", "title", "layout", "mapping", "skip_invalid", "last_batch"]
    values = [json.dumps(source[n]) if n == "mapping" else source[n] for n in names]
    store.authorize(user, "load", source["title"])
    store.write(lambda cursor: merge(cursor, "sheet_sources", ["spreadsheet_key", "worksheet"], [*names, "loaded_by"],
                                     [*values, user.identity], replace=True, stamp="loaded_at"))


def every(store) -> list[dict]:
    """The Google Sheets loaded so far, most recently loaded first."""
    found = store.query("SELECT * FROM sheet_sources ORDER BY loaded_at DESC")
    return [{**row, "mapping": json.loads(row["mapping"])} for row in found.to_dict("records")]


def one(store, spreadsheet_key: str, worksheet: str) -> dict | None:
    return next((source for source in every(store)
                 if (source["spreadsheet_key"], source["worksheet"]) == (spreadsheet_key, worksheet)), None)


def forget(store, spreadsheet_key: str, worksheet: str, *, user: User) -> None:
    """Stop offering a refresh of that worksheet (its batches stay)."""
    target = f"{spreadsheet_key} [{worksheet}]"
    store.authorize(user, "google_sheets", target)

    def write(cursor):
        cursor.execute("DELETE FROM sheet_sources WHERE spreadsheet_key = ? AND worksheet = ?",
                       [spreadsheet_key, worksheet])
        audit.append(cursor, user, "forget_sheet", target, "done")
    store.write(write)
