"""Looking after the store: a full read that finds a damaged file (`check`), the space a killed load
left taken back (`check --repair`), and a consistent copy made while the app serves (`backup`).

DuckDB checks each block's checksum as it reads it, so damage shows only when something reads the
damaged block: `check` reads every column of every table. A damaged file is marked (`<file>.damaged`)
by whichever process finds it, and nothing writes into it until `check` reads it whole again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from empathy.access.roles import User
from empathy.language import _
from empathy.store.core import Store
from empathy.store.faults import StoreDamagedError, StoreError, fault_of


@dataclass(frozen=True)
class Checked:
    rows: dict[str, int]  # every table read whole, and its rows
    damage: str | None  # what was found wrong, with the table
    dead_bytes: int | None  # space a killed write left in the file (None on a lake)
    reclaimed: tuple[int, int] | None = None  # the file's size before and after `repair`

    @property
    def sound(self) -> bool:
        return self.damage is None


def check(store: Store, *, user: User, repair: bool = False) -> Checked:
    """Read every column of every table; on a sound file, clear any damage mark and (with `repair`,
    an admin's) rewrite the file without its dead space."""
    if repair:
        store.authorize(user, "maintain_store", store.description)
    rows = {}
    for table in tables(store):
        try:
            rows[table] = int(store.query(f'SELECT count(*) AS n, bit_xor(hash(COLUMNS(*))) FROM "{table}"')
                              .iloc[0, 0])
        except StoreDamagedError as fault:  # marked damaged now; nothing can write, an audit row neither
            return Checked(rows, f"table {table}: {fault}", None)
    store.damage_mark.clear()
    dead = dead_bytes(store)
    reclaimed = _compact(store) if repair and dead else None
    if repair:
        store.audit(user, "check", store.description, "done",
                    f"{len(rows)} tables sound; " + (f"{reclaimed[0] - reclaimed[1]:,} bytes taken back"
                                                     if reclaimed else "no dead space"))
    return Checked(rows, None, dead_bytes(store) if reclaimed else dead, reclaimed)


def backup(store: Store, target: Path, *, user: User) -> int:
    """A consistent copy of the store's file at `target` (made beside it first, then moved into
    place), its size in bytes. A lake is backed up with PostgreSQL's and the data folder's own tools."""
    store.authorize(user, "maintain_store", str(target))
    if store.access.lake:
        raise StoreError(
            f"{store.description} is a DuckLake: back up its catalog with `pg_dump` of its PostgreSQL database, "
            "then its data folder (EMPATHY_DATA_PATH; its Parquet files are only ever added), and restore both "
            "together. Nothing was written.")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        store.access.copy_to(partial)
        partial.replace(target)
    except (duckdb.Error, OSError) as error:
        fault = fault_of(error, store.description, store.access.path, "written")
        if isinstance(fault, StoreDamagedError):
            store.damage_mark.found(fault)
        raise StoreError(_("The backup could not be written to {target}: {error}. Nothing was written.").format(
            target=target, error=fault or error)) from None
    finally:
        partial.unlink(missing_ok=True)
    store.audit(user, "backup", str(target), "done", f"{target.stat().st_size:,} bytes")
    return target.stat().st_size


def tables(store: Store) -> list[str]:
    """Every table of the store, by name."""
    return store.query("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = 'main' ORDER BY table_name")["table_name"].tolist()


def dead_bytes(store: Store) -> int | None:
    """Space in the file that holds nothing (None on a lake)."""
    if store.access.lake:
        return None
    with store.cursor() as cursor:
        return store.access.dead_bytes(cursor)


def _compact(store: Store) -> tuple[int, int]:
    """The file rewritten without dead space while nobody else has it open; its sizes before and after."""
    try:
        return store.access.compact()
    except (duckdb.Error, OSError) as error:
        raise fault_of(error, store.description, store.access.path) or error from None
