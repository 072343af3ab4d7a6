"""The embedded DuckDB store: versioned rows, batches that land whole or not at all, and undo.

Rows are never changed in place. A load inserts new rows and new versions of changed rows, and marks
the versions they replace as `superseded_by` that batch; undoing a batch deletes its rows and hands
the replaced versions back. "Current" data is every row whose `superseded_by` is NULL.

One DuckDB connection per process and file (DuckDB locks the file to one process); each operation
takes its own cursor, and writes are serialised by a lock so Streamlit sessions can share a store.

Every write takes the acting user and checks their role here (`empathy/access.py`), and leaves a row
in the append-only `audit` table, refusals included. A product lead limited to some segments reads
through `Store.scoped`: the same queries, on their accounts only.
"""

from __future__ import annotations

import json
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from empathy.access import DataScope, User, require
from empathy.schema import DERIVED_COLUMNS, TABLE_COLUMNS, TABLE_DATES, TABLE_KEYS

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "empathy.duckdb"
SQL_TYPES = {"text": "VARCHAR", "text[]": "VARCHAR[]", "int": "BIGINT", "float": "DOUBLE", "timestamp": "TIMESTAMP",
             "date": "DATE", "bool": "BOOLEAN"}
# One row per turn of one version of a call's transcript (call_id, transcript_hash): a version is
# scored once, and its turns stay as long as any stored call row points at it.
UTTERANCE_COLUMNS = {"call_id": "VARCHAR", "transcript_hash": "VARCHAR", "turn": "INTEGER",
                     "speaker": "VARCHAR", "role": "VARCHAR", "text": "VARCHAR", "offset_s": "DOUBLE",
                     "compound": "DOUBLE", "pos": "DOUBLE", "neu": "DOUBLE", "neg": "DOUBLE",
                     "scored": "BOOLEAN", "themes": "VARCHAR[]"}
VOICE_COLUMNS = ("window_label", "window_start", "window_end", "source", "ref_id", "turn", "text_hash",
                 "pinned")
VOICE_DEFS = """window_label VARCHAR, window_start DATE, window_end DATE, source VARCHAR, ref_id VARCHAR,
                turn INTEGER, text_hash VARCHAR, pinned BOOLEAN, chosen_at TIMESTAMP, chosen_by VARCHAR"""


class StoreError(Exception):
    """A store operation a person asked for that cannot be done; the message says why."""


class StoreLockedError(StoreError):
    pass


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


def store_path() -> Path:
    return Path(os.environ.get("EMPATHY_DB") or DEFAULT_PATH)


_open_stores: dict[Path, Store] = {}
_open_lock = threading.Lock()


class Store:
    def __init__(self, path: Path, connection: duckdb.DuckDBPyConnection):
        self.path = path
        self._connection = connection
        self._write_lock = threading.Lock()
        self._scopes: dict[DataScope, ScopedStore] = {}
        self._create_tables()

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """The process's one store for that file, opened (and created) on first use."""
        resolved = Path(path or store_path()).resolve()
        with _open_lock:
            if resolved not in _open_stores:
                resolved.parent.mkdir(parents=True, exist_ok=True)
                _open_stores[resolved] = cls(resolved, _connect(resolved))
            return _open_stores[resolved]

    def close(self) -> None:
        with _open_lock:
            _open_stores.pop(self.path, None)
            self._connection.close()

    @contextmanager
    def cursor(self):
        cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def _transaction(self):
        """One serialised write: everything inside lands together, or nothing does."""
        with self._write_lock, self.cursor() as cursor:
            cursor.begin()
            try:
                yield cursor
                cursor.execute("UPDATE meta SET value = value + 1 WHERE key = 'version'")
                cursor.commit()
            except BaseException:
                cursor.rollback()
                raise
            _checkpoint(cursor)

    def _create_tables(self) -> None:
        with self._write_lock, self.cursor() as cursor:
            for table, columns in TABLE_COLUMNS.items():
                columns = {**columns, **DERIVED_COLUMNS.get(table, {})}
                defs = ", ".join(f"{name} {SQL_TYPES[kind]}" for name, kind in columns.items())
                cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} ({defs}, row_hash VARCHAR, "
                               "batch_id BIGINT NOT NULL, superseded_by BIGINT)")
                for name, kind in columns.items():  # a store made before a column was added
                    cursor.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {SQL_TYPES[kind]}")
            defs = ", ".join(f"{name} {kind}" for name, kind in UTTERANCE_COLUMNS.items())
            cursor.execute(f"CREATE TABLE IF NOT EXISTS utterances ({defs}, batch_id BIGINT NOT NULL)")
            cursor.execute("""CREATE TABLE IF NOT EXISTS batches (
                batch_id BIGINT PRIMARY KEY, kind VARCHAR, layout VARCHAR, source VARCHAR,
                rows_new BIGINT, rows_updated BIGINT, rows_duplicate BIGINT, rows_rejected BIGINT,
                loaded_at TIMESTAMP, loaded_by VARCHAR, undone_at TIMESTAMP, demo BOOLEAN)""")
            cursor.execute(f"CREATE TABLE IF NOT EXISTS voices ({VOICE_DEFS}, PRIMARY KEY (window_label))")
            cursor.execute(f"""CREATE TABLE IF NOT EXISTS scope_voices (scope VARCHAR, {VOICE_DEFS},
                               PRIMARY KEY (scope, window_label))""")
            cursor.execute("""CREATE TABLE IF NOT EXISTS audit (
                entry BIGINT PRIMARY KEY, happened_at TIMESTAMP, who VARCHAR, role VARCHAR, action VARCHAR,
                object VARCHAR, outcome VARCHAR, detail VARCHAR)""")
            cursor.execute("""CREATE TABLE IF NOT EXISTS sheet_sources (
                spreadsheet_key VARCHAR, worksheet VARCHAR, title VARCHAR, layout VARCHAR,
                mapping VARCHAR, skip_invalid BOOLEAN, loaded_at TIMESTAMP, loaded_by VARCHAR,
                last_batch BIGINT, PRIMARY KEY (spreadsheet_key, worksheet))""")
            cursor.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value BIGINT)")
            cursor.execute("INSERT INTO meta VALUES ('version', 0) ON CONFLICT DO NOTHING")
            cursor.execute("INSERT INTO meta VALUES ('voices_version', 0) ON CONFLICT DO NOTHING")

    def version(self) -> int:
        """Changes on every load and undo: the UI's caches key on it."""
        with self.cursor() as cursor:
            return _scalar(cursor, "SELECT value FROM meta WHERE key = 'version'")

    def voices_version(self) -> int:
        """Changes whenever a voice of the week is recorded or pinned (not a change of the data)."""
        with self.cursor() as cursor:
            return _scalar(cursor, "SELECT value FROM meta WHERE key = 'voices_version'")

    def voices(self) -> pd.DataFrame:
        """The voice featured for each window, newest window first."""
        return self.query("SELECT * FROM voices ORDER BY window_start DESC, window_end DESC")

    def keep_voice(self, voice: dict, *, replace: bool) -> None:
        """Keep the rule's choice for a window, so the board shows it all week. Without `replace`, a
        voice already kept for that window (chosen by another session a moment ago, or pinned) stays.
        The rule's own doing, so no one's permission is asked."""
        self._record_voice(voice, replace=replace, chosen_by="the rule")

    def pin_voice(self, voice: dict, *, user: User) -> None:
        """A person's pick for the window, in place of whatever was kept."""
        self.authorize(user, "pin_voice", voice["window_label"])
        self._record_voice(voice, replace=True, chosen_by=user.identity)
        self.audit(user, "pin_voice", voice["window_label"], "done", f"{voice['source']} {voice['ref_id']}")

    def _record_voice(self, voice: dict, *, replace: bool, chosen_by: str, scope: str | None = None) -> None:
        """Into `voices`, or for a scope into `scope_voices` under its key."""
        conflict = "DO UPDATE SET " + ", ".join(f"{name} = excluded.{name}" for name in VOICE_COLUMNS[1:]) \
            if replace else "DO NOTHING"
        table, key, first = ("voices", "window_label", []) if scope is None else \
            ("scope_voices", "scope, window_label", [scope])
        names = ", ".join(["scope"] * bool(first) + list(VOICE_COLUMNS))
        values = first + [voice[name] for name in VOICE_COLUMNS] + [chosen_by]
        with self._write_lock, self.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table} ({names}, chosen_at, chosen_by) "
                           f"VALUES ({', '.join('?' for _ in values[:-1])}, now()::TIMESTAMP, ?) "
                           f"ON CONFLICT ({key}) {conflict}", values)
            cursor.execute("UPDATE meta SET value = value + 1 WHERE key = 'voices_version'")
            _checkpoint(cursor)

    def forget_voice(self, window_label: str, *, user: User) -> None:
        """Drop a window's kept voice, so the selection rule chooses again."""
        self.authorize(user, "pin_voice", window_label)
        with self._write_lock, self.cursor() as cursor:
            cursor.execute("DELETE FROM voices WHERE window_label = ?", [window_label])
            cursor.execute("UPDATE meta SET value = value + 1 WHERE key = 'voices_version'")
            _checkpoint(cursor)
        self.audit(user, "unpin_voice", window_label, "done", "back to the rule's choice")

    def authorize(self, user: User, action: str, target: str = "") -> None:
        """The role check every write makes first; a refusal is itself written to the audit log."""
        try:
            require(user, action)
        except PermissionError as refusal:
            self.audit(user, action, target, "refused", str(refusal))
            raise

    def audit(self, user: User, action: str, target: str, outcome: str, detail: str = "") -> None:
        """Append one row to the audit log (nothing in the app updates or deletes them)."""
        with self._write_lock, self.cursor() as cursor:
            _append_audit(cursor, user, action, target, outcome, detail)
            _checkpoint(cursor)

    def audit_log(self, *, user: User, since=None) -> pd.DataFrame:
        """The audit log, newest first, from `since` (a date or time) on."""
        require(user, "read_audit")
        return self.query("SELECT entry, happened_at, who, role, action, object, outcome, detail FROM audit "
                          "WHERE happened_at >= coalesce(?::TIMESTAMP, '-infinity'::TIMESTAMP) ORDER BY entry DESC",
                          [since])

    def scoped(self, scope: DataScope) -> Store:
        """The store as a product lead limited to `scope` sees it (this store when unlimited)."""
        if scope.everything:
            return self
        if scope not in self._scopes:  # made once per scope: the views' SQL is fixed for the process
            self._scopes[scope] = ScopedStore(self, scope)
        return self._scopes[scope]

    @property
    def cache_key(self) -> str:
        """What the UI's caches tell stores apart by: the file, and the scope when limited."""
        return str(self.path)

    def load(self, table: str, rows: pd.DataFrame, *, kind: str, layout: str, source: str, user: User,
             rows_rejected: int = 0, demo: bool = False,
             utterances: pd.DataFrame | None = None) -> BatchResult:
        """Land rows as one batch: new keys insert, changed rows supersede, identical rows are skipped.

        `utterances` (scored turns of the calls' transcripts) land in the same transaction, and so
        does the audit row. A sheet that brings nothing new makes no batch and leaves the version as
        it was. Demo batches are the admin's (or the app's, on a brand-new store)."""
        self.authorize(user, "manage_demo" if demo else "load", source)
        try:
            return self._load(table, rows, kind, layout, source, rows_rejected, demo, user, utterances)
        except _NothingNew as nothing:
            self.audit(user, "load", source, "nothing new", f"{nothing.duplicates} rows already loaded")
            return BatchResult(None, 0, 0, nothing.duplicates)

    def _load(self, table, rows, kind, layout, source, rows_rejected, demo, user, utterances) -> BatchResult:
        key = TABLE_KEYS[table]
        derived = [name for name in DERIVED_COLUMNS.get(table, {}) if name in rows]
        columns = [*TABLE_COLUMNS[table], *derived, "row_hash"]
        incoming = rows[columns].reset_index(drop=True)
        with self._transaction() as cursor:
            batch_id = _scalar(cursor, "SELECT coalesce(max(batch_id), 0) + 1 FROM batches")
            cursor.register("incoming", incoming)
            counts = _status_counts(cursor, table)
            if not counts["new"] and not counts["updated"]:
                raise _NothingNew(counts["duplicate"])
            cursor.execute(f"""
                UPDATE {table} SET superseded_by = ? FROM incoming i
                WHERE {table}.{key} = i.{key} AND {table}.superseded_by IS NULL
                  AND {table}.row_hash <> i.row_hash""", [batch_id])
            names = ", ".join(columns)
            cursor.execute(f"""
                INSERT INTO {table} ({names}, batch_id)
                SELECT {names}, ? FROM incoming i
                WHERE NOT EXISTS (SELECT 1 FROM {table} t
                                  WHERE t.{key} = i.{key} AND t.superseded_by IS NULL)""", [batch_id])
            cursor.unregister("incoming")
            if utterances is not None and not utterances.empty:
                _insert_utterances(cursor, utterances, batch_id)
            result = BatchResult(batch_id, counts["new"], counts["updated"], counts["duplicate"])
            cursor.execute("""INSERT INTO batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?,
                              NULL, ?)""",
                           [batch_id, kind, layout, source, result.rows_new, result.rows_updated,
                            result.rows_duplicate, rows_rejected, user.identity, demo])
            _append_audit(cursor, user, "load", source, "done",
                          f"batch {batch_id} as {kind}{' (demo)' if demo else ''}: {result.rows_new} new, "
                          f"{result.rows_updated} updated, {result.rows_duplicate} already loaded, "
                          f"{rows_rejected} rejected")
        return result

    def remember_sheet(self, source: dict, *, user: User) -> None:
        """Keep how a Google Sheet's worksheet was loaded (layout, mapping, bad-row choice), so it can
        be refreshed the same way; loading it again replaces what was kept."""
        names = ("spreadsheet_key", "worksheet", "title", "layout", "mapping", "skip_invalid", "last_batch")
        values = [json.dumps(source[n]) if n == "mapping" else source[n] for n in names]
        updates = ", ".join(f"{n} = excluded.{n}" for n in (*names[2:], "loaded_at", "loaded_by"))
        self.authorize(user, "load", source["title"])
        with self._write_lock, self.cursor() as cursor:
            cursor.execute(f"INSERT INTO sheet_sources ({', '.join(names)}, loaded_at, loaded_by) "
                           f"VALUES ({', '.join('?' for _ in names)}, now()::TIMESTAMP, ?) "
                           f"ON CONFLICT (spreadsheet_key, worksheet) DO UPDATE SET {updates}",
                           [*values, user.identity])
            _checkpoint(cursor)

    def sheet_sources(self) -> list[dict]:
        """The Google Sheets loaded so far, most recently loaded first."""
        found = self.query("SELECT * FROM sheet_sources ORDER BY loaded_at DESC")
        return [{**row, "mapping": json.loads(row["mapping"])} for row in found.to_dict("records")]

    def sheet_source(self, spreadsheet_key: str, worksheet: str) -> dict | None:
        return next((source for source in self.sheet_sources()
                     if (source["spreadsheet_key"], source["worksheet"]) == (spreadsheet_key, worksheet)), None)

    def forget_sheet(self, spreadsheet_key: str, worksheet: str, *, user: User) -> None:
        target = f"{spreadsheet_key} [{worksheet}]"
        self.authorize(user, "google_sheets", target)
        with self._write_lock, self.cursor() as cursor:
            cursor.execute("DELETE FROM sheet_sources WHERE spreadsheet_key = ? AND worksheet = ?",
                           [spreadsheet_key, worksheet])
            _append_audit(cursor, user, "forget_sheet", target, "done")
            _checkpoint(cursor)

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
        with self._transaction() as cursor:
            found = cursor.execute("SELECT undone_at FROM batches WHERE batch_id = ?", [batch_id]).fetchall()
            if not found:
                raise StoreError(f"There is no batch {batch_id}. `python -m empathy batches` lists them.")
            if found[0][0] is not None:
                raise StoreError(f"Batch {batch_id} was already undone on {found[0][0]:%Y-%m-%d %H:%M}.")
            for table, key in TABLE_KEYS.items():
                cursor.execute(f"""
                    UPDATE {table} SET superseded_by = b.superseded_by
                    FROM (SELECT {key} AS k, superseded_by FROM {table} WHERE batch_id = ?) b
                    WHERE {table}.{key} = b.k AND {table}.superseded_by = ?""", [batch_id, batch_id])
                cursor.execute(f"DELETE FROM {table} WHERE batch_id = ?", [batch_id])
            cursor.execute("""
                DELETE FROM utterances u WHERE batch_id = ? AND NOT EXISTS (
                    SELECT 1 FROM calls c WHERE c.call_id = u.call_id AND c.transcript_hash = u.transcript_hash)""",
                           [batch_id])
            cursor.execute("UPDATE batches SET undone_at = now()::TIMESTAMP WHERE batch_id = ?", [batch_id])
            _append_audit(cursor, user, "undo", f"batch {batch_id}", "done")

    def retag(self, comments: tuple[str, list], turns: tuple[str, list], *, user: User) -> int:
        """Set every survey comment's and customer turn's themes anew (after the taxonomy changed),
        from SQL expressions over `comment` and `text`; returns how many texts now have a theme."""
        self.authorize(user, "edit_taxonomy", "stored comments and turns")
        with self._transaction() as cursor:
            cursor.execute(f"UPDATE survey_responses SET themes = {comments[0]}", comments[1])
            cursor.execute(f"UPDATE utterances SET themes = {turns[0]} WHERE role = 'customer'", turns[1])
            tagged = _scalar(cursor, """
                SELECT (SELECT count(*) FROM survey_responses WHERE len(themes) > 0)
                     + (SELECT count(*) FROM utterances WHERE len(themes) > 0)""")
            _append_audit(cursor, user, "retag", "stored comments and turns", "done", f"{tagged} tagged")
            return tagged

    def scored_transcripts(self, calls: pd.DataFrame) -> pd.DataFrame:
        """The stored turns of those (call_id, transcript_hash) pairs that were scored before."""
        with self.cursor() as cursor:
            cursor.register("wanted", calls[["call_id", "transcript_hash"]].drop_duplicates())
            return cursor.execute("""
                SELECT u.* EXCLUDE (batch_id) FROM utterances u
                JOIN wanted w USING (call_id, transcript_hash) ORDER BY u.call_id, u.turn""").df()

    def current_rows(self, table: str, keys: list[str]) -> pd.DataFrame:
        """The current rows of a table for those keys, with their sheet and derived columns."""
        key = TABLE_KEYS[table]
        with self.cursor() as cursor:
            cursor.register("wanted_keys", pd.DataFrame({key: keys}, dtype="str"))
            return cursor.execute(f"""
                SELECT t.* EXCLUDE (row_hash, batch_id, superseded_by) FROM {table} t
                JOIN wanted_keys USING ({key}) WHERE t.superseded_by IS NULL""").df()

    def query(self, sql: str, params: list | None = None) -> pd.DataFrame:
        with self.cursor() as cursor:
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


class ScopedStore(Store):
    """The store as a product lead limited to some segments or regions reads it: every cursor shows
    temporary views named like the data tables, holding only the rows of accounts in the scope, so
    every query of the core (board, explore, search, accounts) runs unchanged on their part alone.
    Its voice of the week is kept per scope, apart from everyone's. It changes no data."""

    def __init__(self, base: Store, scope: DataScope):
        self.path, self.scope, self._base = base.path, scope, base
        self._connection, self._write_lock = base._connection, base._write_lock
        self._views = _scope_views(self._catalog(), scope)

    def _catalog(self) -> str:
        with super().cursor() as cursor:
            return _scalar(cursor, "SELECT current_database()")

    @contextmanager
    def cursor(self):
        with super().cursor() as cursor:
            cursor.execute(self._views)
            yield cursor

    @property
    def cache_key(self) -> str:
        return f"{self.path}|{self.scope.key}"

    def scoped(self, scope: DataScope) -> Store:
        return self._base.scoped(scope)

    def keep_voice(self, voice: dict, *, replace: bool) -> None:
        """The rule's choice for this scope's board, kept beside everyone's, never in its place."""
        self._base._record_voice(voice, replace=replace, chosen_by="the rule", scope=self.scope.key)

    def _refuse(self, *args, **kwargs):
        raise PermissionError(f"A view limited to {self.scope.describe()} cannot change data.")

    _transaction = load = undo = retag = remember_sheet = forget_sheet = pin_voice = \
        forget_voice = _refuse


def _scope_views(catalog: str, scope: DataScope) -> str:
    """Temporary views over `catalog`'s tables, limited to the accounts (current version) of the
    scope; rows with no account count only where their own segment is named (participation counts
    by segment) and no region limit applies."""
    def listed(column: str, values: tuple[str, ...]) -> str:
        return f"{column} IN ({', '.join(_literal(v) for v in values)})"
    base = f'"{catalog.replace(chr(34), chr(34) * 2)}".main'
    limits = [listed("segment", scope.segments)] if scope.segments else []
    limits += [listed("region", scope.regions)] if scope.regions else []
    accounts = (f"SELECT account_id FROM {base}.accounts WHERE superseded_by IS NULL AND " + " AND ".join(limits))
    unowned = f" OR (account_id IS NULL AND {listed('segment', scope.segments)})" \
        if scope.segments and not scope.regions else ""
    views = {
        "accounts": f"SELECT * FROM {base}.accounts WHERE account_id IN ({accounts})",
        "survey_responses": f"SELECT * FROM {base}.survey_responses WHERE account_id IN ({accounts})",
        "calls": f"SELECT * FROM {base}.calls WHERE account_id IN ({accounts})",
        "participation": f"SELECT * FROM {base}.participation WHERE account_id IN ({accounts}){unowned}",
        "utterances": f"SELECT * FROM {base}.utterances WHERE call_id IN (SELECT call_id FROM calls)",
        "voices": f"SELECT * EXCLUDE (scope) FROM {base}.scope_voices WHERE scope = {_literal(scope.key)}",
    }
    return "; ".join(f"CREATE OR REPLACE TEMP VIEW {name} AS {sql}" for name, sql in views.items())


def _literal(value: str) -> str:
    """A SQL string literal (views take no bound parameters); the values come from the roles file."""
    return "'" + value.replace("'", "''") + "'"


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


def _insert_utterances(cursor: duckdb.DuckDBPyConnection, utterances: pd.DataFrame, batch_id: int) -> None:
    """Turns of transcript versions not stored yet (a concurrent load may have just stored them)."""
    names = ", ".join(UTTERANCE_COLUMNS)
    cursor.register("new_turns", utterances[list(UTTERANCE_COLUMNS)])
    cursor.execute(f"""
        INSERT INTO utterances ({names}, batch_id)
        SELECT {names}, ? FROM new_turns n WHERE NOT EXISTS (
            SELECT 1 FROM utterances u WHERE u.call_id = n.call_id AND u.transcript_hash = n.transcript_hash)""",
                   [batch_id])
    cursor.unregister("new_turns")


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path))
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise StoreLockedError(
                f"The data store {path} is in use by another program (DuckDB allows one at a time). "
                "Stop the other app or command, or point EMPATHY_DB at another file."
            ) from None
        raise StoreError(f"The data store {path} could not be opened: {error}") from None


def _scalar(cursor: duckdb.DuckDBPyConnection, sql: str, params: list | None = None):
    """DuckDB wants every result read to its end before the cursor does anything else."""
    return cursor.execute(sql, params or []).fetchall()[0][0]


def _checkpoint(cursor: duckdb.DuckDBPyConnection) -> None:
    """Fold the write-ahead log into the file; a reader mid-query can block that, which is harmless
    (DuckDB checkpoints again on its own), so it is tried, not required."""
    try:
        cursor.execute("CHECKPOINT")
    except duckdb.TransactionException:
        pass


def _append_audit(cursor: duckdb.DuckDBPyConnection, user: User, action: str, target: str, outcome: str,
                  detail: str = "") -> None:
    cursor.execute("""INSERT INTO audit SELECT coalesce(max(entry), 0) + 1, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?
                      FROM audit""", [user.identity, user.role.label, action, target, outcome, detail])
