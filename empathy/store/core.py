"""The store: versioned rows, batches that land whole or not at all, and undo.

Rows are never changed in place. A load inserts new rows and new versions of changed rows, and marks
the versions they replace as `superseded_by` that batch; undoing a batch deletes its rows and hands
the replaced versions back. "Current" data is every row whose `superseded_by` is NULL.

The store is an embedded DuckDB file by default, or a DuckLake on PostgreSQL shared by a team's
servers; `connections.py` says how a process reaches either, and the store's SQL is the one place
that knows the difference (a lake has no keys or constraints, and needs no checkpoints). Each
operation takes its own cursor; writes are serialised in the process by a lock, and across processes
by the file's writer lock or, on a lake, by every write updating the one `writes` row of `meta`, so
two at once collide at commit and the later one runs again.

Every write takes the acting user and checks their role (`Store.authorize`), and leaves a row in the
append-only `audit` table, refusals included. The other jobs of the store (voices kept, Google Sheets
kept, actions, presented boards, alerts sent, sign-outs, stored texts) are modules beside this one
that take the store and write through `Store.write`. A product lead limited to some segments reads
through `Store.scoped` (`scoped.py`): the same queries, on their accounts only.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from empathy import DATA
from empathy.access.roles import DataScope, User, require
from empathy.language import _, moment
from empathy.sheets.schema import DERIVED_COLUMNS, TABLE_COLUMNS, TABLE_DATES, TABLE_KEYS
from empathy.store import audit, tables
from empathy.store.connections import FileAccess, LakeAccess, is_lake, open_access
from empathy.store.faults import DamageMark, StoreDamagedError, StoreError, StoreReadOnlyError, fault_of
from empathy.store.tables import SET_TURN_TIMES, TURN_TIME, UTTERANCE_COLUMNS

DEFAULT_PATH = DATA / "empathy.duckdb"
WRITE_ATTEMPTS = 8
# What a write that moves the data's version works out again in its own transaction, after the rows
# and the counters: small tables of what every board view would otherwise work out from the rows
# (`keeps`; empathy/figures/board.py registers the days' sums and the early warning's signals). A
# reader takes a kept table only where it was made for the version it reads, so a keeper that did not
# run (a process that never imported it) costs time, never a wrong figure.
KEEPERS: list[Callable[[duckdb.DuckDBPyConnection], None]] = []
# The same for a write that moves the voices' version and not the data's (a pin, a presentation):
# what is kept of the voice of the week (`keeps_voices`; empathy/figures/board.py keeps the board again).
VOICE_KEEPERS: list[Callable[[duckdb.DuckDBPyConnection], None]] = []


def keeps(keeper: Callable[[duckdb.DuckDBPyConnection], None]) -> Callable[[duckdb.DuckDBPyConnection], None]:
    """Register `keeper(cursor)`, run inside every write that moves the version (its rows visible)."""
    if keeper not in KEEPERS:
        KEEPERS.append(keeper)
    return keeper


def keeps_voices(keeper: Callable[[duckdb.DuckDBPyConnection], None]) -> Callable[[duckdb.DuckDBPyConnection], None]:
    """Register `keeper(cursor)`, run inside every write that moves the voices' version and not the data's."""
    if keeper not in VOICE_KEEPERS:
        VOICE_KEEPERS.append(keeper)
    return keeper


def _keepers(counters: tuple[str, ...]) -> list[Callable[[duckdb.DuckDBPyConnection], None]]:
    """The keepers a write that moves these counters runs: the data's, else the voices'."""
    return KEEPERS if "version" in counters else VOICE_KEEPERS if "voices_version" in counters else []


class _NothingNew(Exception):
    """Raised inside a load's transaction to roll it back when every row is already stored."""

    def __init__(self, duplicates: int):
        self.duplicates = duplicates


@dataclass(frozen=True)
class BatchResult:
    batch_id: int | None  # None when every row was already stored: no batch was made
    rows_new: int
    rows_updated: int
    rows_duplicate: int


def store_location() -> str:
    """EMPATHY_DB: a DuckDB file (the default, under data/) or `ducklake:postgres:<connection>`."""
    return os.environ.get("EMPATHY_DB") or str(DEFAULT_PATH)


_open_stores: dict[str, Store] = {}
_open_lock = threading.Lock()


class Store:
    """The connection, its transactions, batches and undo: one class, over 200 lines, because each
    of these is one of the others' preconditions (a load is a batch is a transaction on a cursor)."""

    limited = False  # a view of some accounts only (`scoped.ScopedStore`)

    def __init__(self, location: str, access: FileAccess | LakeAccess):
        self.location = location
        self.access = access
        self._write_lock = threading.Lock()
        self._scopes: dict[DataScope, Store] = {}
        self.damage_mark = DamageMark(None if access.lake else access.path)
        self._create_tables()

    @classmethod
    def open(cls, location: str | Path | None = None) -> Store:
        """The process's one store for that file or lake, reached (and created) on first use."""
        location = str(location or store_location())
        location = location if is_lake(location) else str(Path(location).resolve())
        with _open_lock:
            if location not in _open_stores:
                if not is_lake(location):
                    Path(location).parent.mkdir(parents=True, exist_ok=True)
                _open_stores[location] = cls(location, open_access(location))
            return _open_stores[location]

    def close(self) -> None:
        with _open_lock:
            _open_stores.pop(self.location, None)
            self.access.close()

    @property
    def description(self) -> str:
        """The file, or the lake's kind, as a person may be shown it (never a connection's password)."""
        return self.access.description

    @property
    def whole(self) -> Store:
        """The store of every account (a limited view's is the one it looks into)."""
        return self

    @property
    def cache_key(self) -> str:
        """What the UI's caches tell stores apart by: the file or lake, and the scope when limited."""
        return self.location

    def scoped(self, scope: DataScope) -> Store:
        """The store as a product lead limited to `scope` sees it (this store when unlimited)."""
        from empathy.store.scoped import ScopedStore
        if scope.everything:
            return self
        if scope not in self._scopes:  # made once per scope: the views' SQL is fixed for the process
            self._scopes[scope] = ScopedStore(self, scope)
        return self._scopes[scope]

    @contextmanager
    def cursor(self, *, write: bool = False, done: str = "changed"):
        """A cursor of its own; a damaged file, a full disk or a read-only one is said as such (`done`:
        what a write was doing, for "nothing was ..."), and a damaged file is marked so that no write
        goes into it."""
        try:
            with self.access.connection(write) as connection:
                cursor = connection.cursor()
                try:
                    self.access.prepare(cursor)
                    yield cursor
                finally:
                    cursor.close()
        except (duckdb.Error, OSError) as error:
            fault = fault_of(error, self.description, None if self.access.lake else self.access.path, done)
            if fault is None:
                raise
            if isinstance(fault, StoreDamagedError):
                self.damage_mark.found(fault)
            raise fault from None

    @contextmanager
    def reading(self):
        """A cursor whose reads all see the store as it was when the first one ran (a reader that
        checks a mark and then reads what it marks)."""
        with self.cursor() as cursor:
            cursor.begin()
            try:
                yield cursor
            finally:
                cursor.rollback()

    def write(self, work: Callable[[duckdb.DuckDBPyConnection], object], *counters: str, done: str = "changed"):
        """One serialised write: everything `work` does lands together with the counters it moves,
        or nothing does. On a lake, a write that collided with another process's runs again. Never
        into a file found damaged."""
        if damage := self.damage_mark.what():
            raise StoreDamagedError(damage)
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._write_lock, self.cursor(write=True, done=done) as cursor:
                    cursor.begin()
                    try:
                        result = work(cursor)
                        for counter in ("writes", *counters):
                            cursor.execute("UPDATE meta SET value = value + 1 WHERE key = ?", [counter])
                        for keeper in _keepers(counters):
                            keeper(cursor)
                    except BaseException as failed:
                        _roll_back(cursor, failed)
                        raise
                    cursor.commit()
                    return result
            except duckdb.TransactionException as error:
                if not self.access.lake or "conflict" not in str(error).lower() or attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(random.uniform(0.02, 0.1) * attempt)

    def _create_tables(self) -> None:
        """Make the tables and columns that are missing (a new store, or one made before a column was
        added); a store that has them all is only read."""
        with self.cursor(write=self.access.new) as cursor:
            statements = tables.missing(cursor, keyed=not self.access.lake)
        if statements:
            try:
                self.write(lambda cursor: tables.create(cursor, statements))
            except StoreReadOnlyError as refused:
                raise StoreReadOnlyError(f"{refused} It was made by an earlier version of the board and needs "
                                         "new tables: open it once where it can be written.") from None

    def keep(self, user: User) -> None:
        """Make again what the keepers keep (`keeps`), for the data as it stands: after the settings they
        read changed (new thresholds, which only those who may edit them change), so the boards read
        them again without waiting for a load. A write that moves no version."""
        self.authorize(user, "edit_thresholds", "kept tables")
        self.write(lambda cursor: [keeper(cursor) for keeper in KEEPERS])

    def version(self) -> int:
        """Changes on every load and undo: the UI's caches key on it."""
        return self._counter("version")

    def voices_version(self) -> int:
        """Changes whenever a voice of the week is kept or pinned (not a change of the data)."""
        return self._counter("voices_version")

    def meeting_version(self) -> int:
        """Changes whenever a board is presented or an action is recorded or followed up."""
        return self._counter("meeting_version")

    def _counter(self, name: str) -> int:
        with self.cursor() as cursor:
            return scalar(cursor, "SELECT value FROM meta WHERE key = ?", [name])

    def counters(self) -> dict[str, int]:
        """`version`, `voices_version`, `meeting_version`, `writes` and `korean_scorer` in one read, for a
        page that keys on several (each read is a visit to the store: about a millisecond)."""
        with self.cursor() as cursor:
            return dict(cursor.execute("SELECT key, value FROM meta").fetchall())

    def authorize(self, user: User, action: str, target: str = "") -> None:
        """The role check every write makes first; a refusal is itself written to the audit log."""
        try:
            require(user, action)
        except PermissionError as refusal:
            self.audit(user, action, target, "refused", str(refusal))
            raise

    def refuse(self, user: User, action: str, target: str, message: str):
        """Refuse what the store cannot do for this person, with the refusal in the audit log."""
        self.audit(user, action, target, "refused", message)
        raise PermissionError(message)

    def audit(self, user: User, action: str, target: str, outcome: str, detail: str = "") -> None:
        """Append one row to the audit log (nothing in the app updates or deletes them)."""
        self.write(lambda cursor: audit.append(cursor, user, action, target, outcome, detail))

    def load(self, table: str, rows: pd.DataFrame, *, kind: str, layout: str, source: str, user: User,
             rows_rejected: int = 0, demo: bool = False,
             utterances: pd.DataFrame | None = None, turn_themes: tuple[str, list] | None = None,
             comment_themes: tuple[str, list] | None = None, scorer: tuple[str, int] | None = None) -> BatchResult:
        """Land rows as one batch: new keys insert, changed rows supersede, identical rows are skipped.

        `utterances` (scored turns of the calls' transcripts) land in the same transaction, and so
        does the audit row; `turn_themes` (SQL over `text` and its parameters, from
        `themes.themes_expression`) tags their customer turns as they are inserted, in place of a
        themes column of their own (in Python this took 0.77 s of a 12,000-call load, in SQL 0.1 s);
        `comment_themes` (SQL over `comment` and `lemmas`) tags a survey sheet's new rows so (at
        1,000,000 answers, the themes as Python lists and back took 1.5 s of CPU).
        A sheet that brings nothing new makes no batch and leaves the version as it was. Demo batches
        are the admin's (or the app's, on a brand-new store). Rows land in date order, so that a
        week's query reads only the blocks holding its days: DuckDB skips a block whose dates all lie
        outside (the voice of a week of 10,000,000 answers loaded in one batch read its answers in 0.64 s,
        in date order in 0.02 s). `scorer` (a key of `meta` in `tables.SCORED_BEFORE`, the reading the rows
        were scored by) is stamped on a store that has none and holds no text that reading scores: a store
        scored before the reading was kept keeps none, so that its texts wait to be scored again."""
        self.authorize(user, "manage_demo" if demo else "load", source)
        try:
            return self._load(table, rows, kind, layout, source, rows_rejected, demo, user, utterances, turn_themes,
                              comment_themes, scorer)
        except _NothingNew as nothing:
            self.audit(user, "load", source, "nothing new", f"{nothing.duplicates} rows already loaded")
            return BatchResult(None, 0, 0, nothing.duplicates)

    def _load(self, table, rows, kind, layout, source, rows_rejected, demo, user, utterances,
              turn_themes, comment_themes, scorer) -> BatchResult:
        key = TABLE_KEYS[table]
        tagged = comment_themes is not None and "themes" in DERIVED_COLUMNS.get(table, {})
        derived = [name for name in DERIVED_COLUMNS.get(table, {}) if name in rows or (tagged and name == "themes")]
        columns = [*TABLE_COLUMNS[table], *derived, "row_hash"]
        incoming = rows[[name for name in columns if not (tagged and name == "themes")]].reset_index(drop=True)
        values = ", ".join(f"{comment_themes[0]} AS themes" if tagged and name == "themes" else name for name in columns)
        params = comment_themes[1] if tagged else []

        def land(cursor):
            batch_id = scalar(cursor, "SELECT coalesce(max(batch_id), 0) + 1 FROM batches")
            cursor.register("incoming", _arrow(incoming))
            counts = _status_counts(cursor, table)
            if not counts["new"] and not counts["updated"]:
                raise _NothingNew(counts["duplicate"])
            if scorer is not None:
                _stamp(cursor, *scorer)
            cursor.execute(f"""
                UPDATE {table} SET superseded_by = ? FROM incoming i
                WHERE {table}.{key} = i.{key} AND {table}.superseded_by IS NULL
                  AND {table}.row_hash <> i.row_hash""", [batch_id])
            names = ", ".join(columns)
            cursor.execute(f"""
                INSERT INTO {table} ({names}, batch_id)
                SELECT {values}, ? FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM {table} t
                                  WHERE t.{key} = i.{key} AND t.superseded_by IS NULL)
                ORDER BY {TABLE_DATES.get(table, key)}""", [*params, batch_id])
            cursor.unregister("incoming")
            if utterances is not None and not utterances.empty:
                _insert_utterances(cursor, utterances, batch_id, turn_themes)
            if table == "calls":  # turns stored before, now of one of this batch's call rows with another start
                cursor.execute(SET_TURN_TIMES + " AND c.batch_id = ?", [batch_id])
            result = BatchResult(batch_id, counts["new"], counts["updated"], counts["duplicate"])
            cursor.execute("""INSERT INTO batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?,
                              NULL, ?)""",
                           [batch_id, kind, layout, source, result.rows_new, result.rows_updated,
                            result.rows_duplicate, rows_rejected, user.identity, demo])
            audit.append(cursor, user, "load", source, "done",
                          f"batch {batch_id} as {kind}{' (demo)' if demo else ''}: {result.rows_new} new, "
                          f"{result.rows_updated} updated, {result.rows_duplicate} already loaded, "
                          f"{rows_rejected} rejected")
            return result
        return self.write(land, "version", done="loaded")

    def compare(self, table: str, rows: pd.DataFrame) -> dict[str, int]:
        """How many of these rows would be new, would update a current row, or are already stored:
        what a load would do, without doing it."""
        with self.cursor() as cursor:
            cursor.register("incoming", rows[[TABLE_KEYS[table], "row_hash"]].reset_index(drop=True))
            return _status_counts(cursor, table)

    def undo(self, batch_id: int, *, user: User) -> None:
        """Take a batch's rows out and put back the versions it had replaced."""
        self.authorize(user, "undo", f"batch {batch_id}")
        try:
            self._undo(batch_id, user)
        except StoreError as error:
            self.audit(user, "undo", f"batch {batch_id}", "failed", str(error))
            raise

    def _undo(self, batch_id: int, user: User) -> None:
        def take_out(cursor):
            found = cursor.execute("SELECT undone_at FROM batches WHERE batch_id = ?", [batch_id]).fetchall()
            if not found:
                raise StoreError(_("There is no batch {batch}. `python -m empathy batches` lists them.").format(
                    batch=batch_id))
            if found[0][0] is not None:
                raise StoreError(_("Batch {batch} was already undone on {when}.").format(batch=batch_id,
                                                                                         when=moment(found[0][0])))
            cursor.execute("CREATE OR REPLACE TEMP TABLE undone_batch AS SELECT batch_id, kind FROM batches "
                           "WHERE batch_id = ?", [batch_id])
            for table, key in TABLE_KEYS.items():
                dated = f", {TABLE_DATES[table]}" if table in TABLE_DATES else ""
                cursor.execute(f"""
                    CREATE OR REPLACE TEMP TABLE {undone(table)} AS
                    SELECT batch_id, superseded_by, account_id{dated}
                    FROM {table} WHERE batch_id = ? OR superseded_by = ?""", [batch_id, batch_id])
                cursor.execute(f"""
                    UPDATE {table} SET superseded_by = b.superseded_by
                    FROM (SELECT {key} AS k, superseded_by FROM {table} WHERE batch_id = ?) b
                    WHERE {table}.{key} = b.k AND {table}.superseded_by = ?""", [batch_id, batch_id])
                cursor.execute(f"DELETE FROM {table} WHERE batch_id = ?", [batch_id])
            cursor.execute("""
                DELETE FROM utterances u WHERE batch_id = ? AND NOT EXISTS (
                    SELECT 1 FROM calls c WHERE c.call_id = u.call_id AND c.transcript_hash = u.transcript_hash)""",
                           [batch_id])
            cursor.execute(SET_TURN_TIMES)
            cursor.execute("UPDATE batches SET undone_at = now()::TIMESTAMP WHERE batch_id = ?", [batch_id])
            audit.append(cursor, user, "undo", f"batch {batch_id}", "done")
        self.write(take_out, "version")

    def current_rows(self, table: str, keys: list[str]) -> pd.DataFrame:
        """The current rows of a table for those keys, with their sheet and derived columns."""
        key = TABLE_KEYS[table]
        with self.cursor() as cursor:
            cursor.register("wanted_keys", pd.DataFrame({key: keys}, dtype="str"))
            return cursor.execute(f"""
                SELECT t.* EXCLUDE (row_hash, batch_id, superseded_by) FROM {table} t
                JOIN wanted_keys USING ({key}) WHERE t.superseded_by IS NULL""").df()

    def query(self, sql: str, params: list | dict | None = None,
              frames: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
        """`frames` are data frames the SQL reads by name, as if they were tables."""
        with self.cursor() as cursor:
            for name, frame in (frames or {}).items():
                cursor.register(name, frame)
            return cursor.execute(sql, params or []).df()

    def batches(self) -> pd.DataFrame:
        return self.query("""SELECT batch_id, kind, source, rows_new + rows_updated AS rows, rows_new,
                                    rows_updated, rows_duplicate, rows_rejected, loaded_at, loaded_by,
                                    undone_at IS NOT NULL AS undone, undone_at, demo
                             FROM batches ORDER BY batch_id DESC""")

    def active_batches(self, demo: bool) -> list[int]:
        found = self.query("SELECT batch_id FROM batches WHERE undone_at IS NULL AND demo = ? "
                           "ORDER BY batch_id DESC", [demo])
        return found["batch_id"].tolist()

    def table_summary(self) -> pd.DataFrame:
        """Each table's current rows and the dates they span."""
        parts = []
        for table in TABLE_COLUMNS:
            date = TABLE_DATES.get(table)
            span = f"min({date})::DATE, max({date})::DATE" if date else "NULL::DATE, NULL::DATE"
            parts.append(f"SELECT '{table}' AS table_name, count(*) AS rows, {span} "
                         f"FROM {table} WHERE superseded_by IS NULL")
        parts.append("SELECT 'utterances', count(*), min(c.started_at)::DATE, max(c.started_at)::DATE "
                     "FROM utterances u JOIN calls c USING (call_id, transcript_hash) "
                     "WHERE c.superseded_by IS NULL")
        summary = self.query(" UNION ALL ".join(parts))
        summary.columns = ["table", "rows", "first", "last"]
        return summary


def undone(table: str) -> str:
    """Inside an undo's transaction, for its keepers (`keeps`): the temporary table of the rows of
    `table` the undone batch had added or replaced (their batch, what replaced them, account and time),
    taken before the undo moved them; `undone_batch` names the batch (its id and kind)."""
    return f"undone_{table}"


def _roll_back(cursor: duckdb.DuckDBPyConnection, failed: BaseException) -> None:
    """Undo what a failed write did. Where DuckDB cannot (its rollback has failed after a full disk
    stopped a large write, the file's opening then unusable: it is closed as every write's is), what
    stopped the write is what is said: nothing was committed either way."""
    try:
        cursor.rollback()
    except duckdb.Error:
        raise failed from None


class InTransaction:
    """The store as a write's own transaction sees it, for a keeper that reads with the functions
    every view reads with (`Store.query`, `Store.reading`): its rows are not committed yet, so no other
    cursor would see them."""
    limited = False

    def __init__(self, cursor: duckdb.DuckDBPyConnection):
        self._cursor = cursor

    def query(self, sql: str, params: list | dict | None = None,
              frames: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
        for name, frame in (frames or {}).items():
            self._cursor.register(name, frame)
        try:
            return self._cursor.execute(sql, params or []).df()
        finally:
            for name in frames or {}:
                self._cursor.unregister(name)

    @contextmanager
    def reading(self):
        yield self._cursor


def _stamp(cursor: duckdb.DuckDBPyConnection, key: str, reading: int) -> None:
    """`Store.load`'s `scorer`: the reading in `meta`, unless it has one or the store holds texts scored before."""
    if not scalar(cursor, "SELECT count(*) FROM meta WHERE key = ?", [key]) \
            and not scalar(cursor, tables.SCORED_BEFORE[key]):
        cursor.execute("INSERT INTO meta VALUES (?, ?)", [key, reading])


def _status_counts(cursor: duckdb.DuckDBPyConnection, table: str) -> dict[str, int]:
    """The registered `incoming` rows against the current rows, by key and row hash."""
    key = TABLE_KEYS[table]
    counts = dict(cursor.execute(f"""
        SELECT CASE WHEN c.{key} IS NULL THEN 'new'
                    WHEN c.row_hash = i.row_hash THEN 'duplicate' ELSE 'updated' END AS status,
               count(*)
        FROM incoming i
        LEFT JOIN (SELECT {key}, row_hash FROM {table} WHERE superseded_by IS NULL) c USING ({key})
        GROUP BY status""").fetchall())
    return {status: counts.get(status, 0) for status in ("new", "updated", "duplicate")}


def _arrow(frame: pd.DataFrame) -> pa.Table:
    """The frame as an Arrow table for DuckDB to read: from a pandas frame DuckDB first turns every
    string column into Python objects (a quarter of a calls load's landing), from Arrow it reads them
    as they are."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def _insert_utterances(cursor: duckdb.DuckDBPyConnection, utterances: pd.DataFrame, batch_id: int,
                       turn_themes: tuple[str, list] | None) -> None:
    """Turns of transcript versions not stored yet (a concurrent load may have just stored them), each
    with its call's start (`TURN_TIME`), in that order."""
    names = ", ".join(UTTERANCE_COLUMNS)
    given = [name for name in UTTERANCE_COLUMNS if name != "themes" or turn_themes is None]
    values = ", ".join(f"CASE WHEN n.role = 'customer' THEN {turn_themes[0]} END AS themes"
                       if name == "themes" and turn_themes else f"n.{name}" for name in UTTERANCE_COLUMNS)
    params = turn_themes[1] if turn_themes else []
    cursor.register("new_turns", _arrow(utterances[given]))
    cursor.execute(f"""
        INSERT INTO utterances ({names}, batch_id, {TURN_TIME})
        SELECT {values}, ?, c.started_at FROM new_turns n
        LEFT JOIN calls c ON c.call_id = n.call_id AND c.transcript_hash = n.transcript_hash AND c.superseded_by IS NULL
        WHERE NOT EXISTS (
            SELECT 1 FROM utterances u WHERE u.call_id = n.call_id AND u.transcript_hash = n.transcript_hash)
        ORDER BY c.started_at, n.call_id, n.turn""", [*params, batch_id])
    cursor.unregister("new_turns")


def scalar(cursor: duckdb.DuckDBPyConnection, sql: str, params: list | None = None):
    """DuckDB wants every result read to its end before the cursor does anything else."""
    return cursor.execute(sql, params or []).fetchall()[0][0]


def merge(cursor: duckdb.DuckDBPyConnection, table: str, key: list[str], names: list[str], values: list,
           replace: bool, stamp: str = "chosen_at") -> None:
    """Insert a row, or (with `replace`) update the row with its key: the one upsert both kinds of
    store take (a lake has no keys for ON CONFLICT). `stamp` is set to now either way."""
    given = ", ".join(f"? AS {name}" for name in names)
    matched = ("WHEN MATCHED THEN UPDATE SET " + ", ".join(
        f"{name} = given.{name}" for name in [*names, stamp] if name not in key)) if replace else ""
    columns = [*names, stamp]
    cursor.execute(f"""MERGE INTO {table} USING (SELECT {given}, now()::TIMESTAMP AS {stamp}) given
                       ON {' AND '.join(f'{table}.{name} = given.{name}' for name in key)}
                       {matched}
                       WHEN NOT MATCHED THEN INSERT ({', '.join(columns)})
                       VALUES ({', '.join(f'given.{name}' for name in columns)})""", values)
