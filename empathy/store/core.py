"""The store: versioned rows, batches that land whole or not at all, and undo.

Rows are never changed in place. A load inserts new rows and new versions of changed rows, and marks
the versions they replace as `superseded_by` that batch; undoing a batch deletes its rows and hands
the replaced versions back. "Current" data is every row whose `superseded_by` is NULL.

The store is an embedded DuckDB file by default, or a DuckLake on PostgreSQL shared by a team's
servers; `empathy/store/connections.py` says how a process reaches either, and this module is the one place
whose SQL knows the difference (a lake has no keys or constraints, and needs no checkpoints). Each
operation takes its own cursor; writes are serialised in the process by a lock, and across processes
by the file's writer lock or, on a lake, by every write updating the one `writes` row of `meta`, so
two at once collide at commit and the later one runs again.

Every write takes the acting user and checks their role here (`empathy/access/roles.py`), and leaves a row
in the append-only `audit` table, refusals included. A product lead limited to some segments reads
through `Store.scoped`: the same queries, on their accounts only.
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from empathy import DATA
from empathy.access.roles import DataScope, User, require
from empathy.sheets.schema import DERIVED_COLUMNS, TABLE_COLUMNS, TABLE_DATES, TABLE_KEYS
from empathy.store.connections import (
    FileAccess,
    LakeAccess,
    StoreDamagedError,
    StoreError,
    StoreReadOnlyError,
    fault_of,
    is_lake,
    open_access,
    sql_literal,
)

DEFAULT_PATH = DATA / "empathy.duckdb"
SQL_TYPES = {"text": "VARCHAR", "text[]": "VARCHAR[]", "int": "BIGINT", "float": "DOUBLE", "timestamp": "TIMESTAMP",
             "date": "DATE", "bool": "BOOLEAN"}
# One row per turn of one version of a call's transcript (call_id, transcript_hash): a version is
# scored once, and its turns stay as long as any stored call row points at it.
UTTERANCE_COLUMNS = {"call_id": "VARCHAR", "transcript_hash": "VARCHAR", "turn": "INTEGER",
                     "speaker": "VARCHAR", "role": "VARCHAR", "text": "VARCHAR", "offset_s": "DOUBLE",
                     "compound": "DOUBLE", "pos": "DOUBLE", "neu": "DOUBLE", "neg": "DOUBLE",
                     "scored": "BOOLEAN", "themes": "VARCHAR[]", "dissatisfaction": "DOUBLE", "language": "VARCHAR"}
VOICE_COLUMNS = ("window_label", "window_start", "window_end", "source", "ref_id", "turn", "text_hash",
                 "pinned")
# Tables other than the data tables, with their keys (enforced by an embedded file; a lake has none,
# and the writes below never rely on them).
OTHER_TABLES = {
    "utterances": (", ".join(f"{name} {kind}" for name, kind in UTTERANCE_COLUMNS.items())
                   + ", batch_id BIGINT NOT NULL", None),
    "batches": ("""batch_id BIGINT, kind VARCHAR, layout VARCHAR, source VARCHAR, rows_new BIGINT,
                   rows_updated BIGINT, rows_duplicate BIGINT, rows_rejected BIGINT, loaded_at TIMESTAMP,
                   loaded_by VARCHAR, undone_at TIMESTAMP, demo BOOLEAN""", "batch_id"),
    "voices": ("""window_label VARCHAR, window_start DATE, window_end DATE, source VARCHAR, ref_id VARCHAR,
                  turn INTEGER, text_hash VARCHAR, pinned BOOLEAN, chosen_at TIMESTAMP, chosen_by VARCHAR""",
               "window_label"),
    "audit": ("""entry BIGINT, happened_at TIMESTAMP, who VARCHAR, role VARCHAR, action VARCHAR,
                 object VARCHAR, outcome VARCHAR, detail VARCHAR""", "entry"),
    "sheet_sources": ("""spreadsheet_key VARCHAR, worksheet VARCHAR, title VARCHAR, layout VARCHAR,
                         mapping VARCHAR, skip_invalid BOOLEAN, loaded_at TIMESTAMP, loaded_by VARCHAR,
                         last_batch BIGINT""", "spreadsheet_key, worksheet"),
    "meta": ("key VARCHAR, value BIGINT", "key"),
    # A board as presented: its JSON, frozen, with the data version, the last batch and a hash of
    # the inputs it was computed from.
    "presented": ("""presentation BIGINT, window_label VARCHAR, window_start DATE, window_end DATE,
                     presented_at TIMESTAMP, presented_by VARCHAR, presenter VARCHAR, data_version BIGINT,
                     last_batch BIGINT, inputs_hash VARCHAR, board VARCHAR""", "presentation"),
    # Actions from the meeting: raised in a window, linked to an account, a theme or that window's voice.
    "actions": ("""action_id BIGINT, window_label VARCHAR, what VARCHAR, owner VARCHAR, due DATE,
                   link_kind VARCHAR, link VARCHAR, status VARCHAR, note VARCHAR, created_at TIMESTAMP,
                   created_by VARCHAR, updated_at TIMESTAMP, updated_by VARCHAR""", "action_id"),
    # Alerts sent, one row per alert and channel: what makes each go out once. An account's "turned red"
    # alert is cleared when it is red no more, so turning red again is news again.
    "alerts": ("""alert_key VARCHAR, channel VARCHAR, kind VARCHAR, subject VARCHAR, message VARCHAR,
                  sent_at TIMESTAMP, sent_by VARCHAR, cleared_at TIMESTAMP""", None),
    # Sign-outs: one browser's sign-in (`session`, a fingerprint of its signed cookie), or, with no
    # session, every sign-in of that person made before `signed_out_at` (an admin's doing).
    "sign_outs": ("who VARCHAR, session VARCHAR, signed_out_at TIMESTAMP, signed_out_by VARCHAR", None),
}
# Counters in `meta`: the data's version, the voices', the presented boards' and actions', and the one
# every write bumps.
COUNTERS = ("version", "voices_version", "meeting_version", "writes")
ACTION_STATUSES = ("open", "done", "dropped")
ACTION_LINKS = ("account", "theme", "voice")
WRITE_ATTEMPTS = 8


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
    def __init__(self, location: str, access: FileAccess | LakeAccess):
        self.location = location
        self._access = access
        self._write_lock = threading.Lock()
        self._scopes: dict[DataScope, ScopedStore] = {}
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
            self._access.close()

    @property
    def description(self) -> str:
        """The file, or the lake's kind, as a person may be shown it (never a connection's password)."""
        return self._access.description

    @contextmanager
    def cursor(self, *, write: bool = False, done: str = "changed"):
        """A cursor of its own; a damaged file, a full disk or a read-only one is said as such (`done`:
        what a write was doing, for "nothing was ..."), and a damaged file is marked so that no write
        goes into it."""
        try:
            with self._access.connection(write) as connection:
                cursor = connection.cursor()
                try:
                    self._access.prepare(cursor)
                    yield cursor
                finally:
                    cursor.close()
        except (duckdb.Error, OSError) as error:
            fault = fault_of(error, self.description, self._file, done)
            if fault is None:
                raise
            if isinstance(fault, StoreDamagedError):
                self._mark_damaged(fault)
            raise fault from None

    @property
    def _file(self) -> Path | None:
        return None if self._access.lake else self._access.path

    @property
    def _damage_mark(self) -> Path | None:
        """Beside a file found damaged: every process refuses to write into it until `check` passes."""
        return None if self._file is None else self._file.with_name(self._file.name + ".damaged")

    def _mark_damaged(self, fault: StoreDamagedError) -> None:
        self._damaged = str(fault)
        try:
            if self._damage_mark is not None:
                self._damage_mark.write_text(str(fault) + "\n", encoding="utf-8")
        except OSError:
            pass  # a read-only or full disk: this process still remembers

    def damage(self) -> str | None:
        """What was found wrong with the file (here or by another process), until `check` finds it sound."""
        if self._damage_mark is not None and self._damage_mark.exists():
            return self._damage_mark.read_text(encoding="utf-8").strip()
        return getattr(self, "_damaged", None)

    @property
    def lake(self) -> bool:
        return self._access.lake

    def tables(self) -> list[str]:
        """Every table of the store, by name."""
        return self.query("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                          "AND schema_name = 'main' ORDER BY table_name")["table_name"].tolist()

    def dead_bytes(self) -> int | None:
        """Space in the file that holds nothing (None on a lake)."""
        if self._access.lake:
            return None
        with self.cursor() as cursor:
            return self._access.dead_bytes(cursor)

    def copy_to(self, target: Path) -> None:
        """A consistent copy of the store's file, made while others read on."""
        try:
            self._access.copy_to(target)
        except (duckdb.Error, OSError) as error:
            raise fault_of(error, self.description, self._file, "written") or error from None

    def compact(self) -> tuple[int, int]:
        """The file rewritten without dead space (nobody else has it open meanwhile); sizes before, after."""
        if damage := self.damage():
            raise StoreDamagedError(damage)
        with self._write_lock:
            try:
                return self._access.compact()
            except (duckdb.Error, OSError) as error:
                raise fault_of(error, self.description, self._file) or error from None

    def mark_sound(self) -> None:
        """A full read found nothing wrong (`python -m empathy check`): writes are allowed again."""
        self._damaged = None
        if self._damage_mark is not None:
            self._damage_mark.unlink(missing_ok=True)

    def _write(self, work: Callable[[duckdb.DuckDBPyConnection], object], *counters: str, done: str = "changed"):
        """One serialised write: everything `work` does lands together with the counters it moves,
        or nothing does. On a lake, a write that collided with another process's runs again. Never
        into a file found damaged."""
        if damage := self.damage():
            raise StoreDamagedError(damage)
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._write_lock, self.cursor(write=True, done=done) as cursor:
                    cursor.begin()
                    try:
                        result = work(cursor)
                        for counter in ("writes", *counters):
                            cursor.execute("UPDATE meta SET value = value + 1 WHERE key = ?", [counter])
                    except BaseException:
                        cursor.rollback()
                        raise
                    cursor.commit()
                    return result
            except duckdb.TransactionException as error:
                if not self._access.lake or "conflict" not in str(error).lower() or attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(random.uniform(0.02, 0.1) * attempt)

    def _create_tables(self) -> None:
        """Make the tables and columns that are missing (a new store, or one made before a column was
        added); a store that has them all is only read."""
        statements = self._missing_tables_and_columns()
        if statements:
            def create(cursor):
                for statement in statements:
                    cursor.execute(statement)
                for counter in COUNTERS:
                    cursor.execute("INSERT INTO meta SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = ?)",
                                   [counter, counter])
            try:
                self._write(create)
            except StoreReadOnlyError as refused:
                raise StoreReadOnlyError(f"{refused} It was made by an earlier version of the board and needs "
                                         "new tables: open it once where it can be written.") from None

    def _missing_tables_and_columns(self) -> list[str]:
        """As statements that do nothing if another process has just run them (a write that
        collided runs again)."""
        with self.cursor(write=self._access.new) as cursor:
            found = cursor.execute("SELECT table_name, column_name FROM duckdb_columns() "
                                   "WHERE database_name = current_database() AND schema_name = 'main'").fetchall()
        existing = {(table, column) for table, column in found} | {(table, None) for table, _ in found}
        keyed = not self._access.lake
        statements = []
        for table, columns in TABLE_COLUMNS.items():
            columns = {**columns, **DERIVED_COLUMNS.get(table, {})}
            if (table, None) not in existing:
                defs = ", ".join(f"{name} {SQL_TYPES[kind]}" for name, kind in columns.items())
                statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({defs}, row_hash VARCHAR, "
                                  "batch_id BIGINT NOT NULL, superseded_by BIGINT)")
            statements += [f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {SQL_TYPES[kind]}"
                           for name, kind in columns.items()
                           if (table, None) in existing and (table, name) not in existing]
        statements += [f"CREATE TABLE IF NOT EXISTS {table} ({defs}{f', PRIMARY KEY ({key})' if key and keyed else ''})"
                       for table, (defs, key) in OTHER_TABLES.items() if (table, None) not in existing]
        statements += [f"ALTER TABLE utterances ADD COLUMN IF NOT EXISTS {name} {kind}"
                       for name, kind in UTTERANCE_COLUMNS.items()
                       if ("utterances", None) in existing and ("utterances", name) not in existing]
        return statements

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

    def pin_voice(self, voice: dict, *, user: User) -> None:
        """A person's pick for the window, in place of whatever was kept."""
        self.authorize(user, "pin_voice", voice["window_label"])
        self._record_voice(voice, replace=True, chosen_by=user.identity)
        self.audit(user, "pin_voice", voice["window_label"], "done", f"{voice['source']} {voice['ref_id']}")

    def _record_voice(self, voice: dict, *, replace: bool, chosen_by: str) -> None:
        self._write(lambda cursor: _keep_voice(cursor, voice, replace, chosen_by), "voices_version")

    def forget_voice(self, window_label: str, *, user: User) -> None:
        """Drop a window's kept voice, so the selection rule chooses again."""
        self.authorize(user, "pin_voice", window_label)
        self._write(lambda cursor: cursor.execute("DELETE FROM voices WHERE window_label = ?", [window_label]),
                    "voices_version")
        self.audit(user, "unpin_voice", window_label, "done", "back to the rule's choice")

    def meeting_version(self) -> int:
        """Changes whenever a board is presented or an action is recorded or followed up."""
        with self.cursor() as cursor:
            return _scalar(cursor, "SELECT value FROM meta WHERE key = 'meeting_version'")

    def present(self, frozen: dict, *, data_version: int, user: User, voice: dict | None = None) -> int | None:
        """Keep a board as presented (`frozen`: window_label, window_start, window_end, inputs_hash and
        the board's JSON text) with the last batch loaded; its number. None, and nothing kept, when
        the data has moved on from `data_version`, the version the board was computed from. The rule's
        `voice` for the window is kept with it (a pinned one stays), so it is never featured again."""
        self.authorize(user, "present", frozen["window_label"])

        def keep(cursor):
            if _scalar(cursor, "SELECT value FROM meta WHERE key = 'version'") != data_version:
                return None
            number = _scalar(cursor, "SELECT coalesce(max(presentation), 0) + 1 FROM presented")
            last_batch = _scalar(cursor, "SELECT coalesce(max(batch_id), 0) FROM batches")
            cursor.execute("INSERT INTO presented VALUES (?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?)",
                           [number, frozen["window_label"], frozen["window_start"], frozen["window_end"],
                            user.identity, user.name or user.identity, data_version, last_batch,
                            frozen["inputs_hash"], frozen["board"]])
            _append_audit(cursor, user, "present", frozen["window_label"], "done",
                          f"presentation {number}: data version {data_version}, batches up to {last_batch}")
            if voice is not None:
                _keep_voice(cursor, voice, replace=False, chosen_by="the rule")
            return number
        return self._write(keep, "meeting_version", "voices_version")

    def presentations(self, *, window_label: str | None = None, number: int | None = None) -> pd.DataFrame:
        """The boards presented (of one window, or the one with that number), newest first, with their
        frozen JSON."""
        return self.query("""SELECT * FROM presented WHERE window_label = coalesce(?, window_label)
                             AND presentation = coalesce(?, presentation) ORDER BY presentation DESC""",
                          [window_label, number])

    def company_presented(self, window_label: str) -> tuple | None:
        """When and by whom the company's board of the window was last presented (None if never)."""
        found = self.query("SELECT presented_at, presenter FROM presented WHERE window_label = ? "
                           "ORDER BY presentation DESC LIMIT 1", [window_label])
        return None if found.empty else (found.iloc[0]["presented_at"], found.iloc[0]["presenter"])

    def record_action(self, action: dict, *, user: User) -> int:
        """A new open action from the meeting (what, owner, due, window_label, link_kind, link); its id."""
        self.authorize(user, "record_action", action.get("what") or "an action")
        problems = _action_problems(action)
        if problems:
            raise StoreError("The action was not recorded: " + "; ".join(problems) + ".")

        def add(cursor):
            action_id = _scalar(cursor, "SELECT coalesce(max(action_id), 0) + 1 FROM actions")
            cursor.execute("""INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?, ?, 'open', '', now()::TIMESTAMP, ?,
                              now()::TIMESTAMP, ?)""",
                           [action_id, action["window_label"], action["what"].strip(), action["owner"].strip(),
                            action["due"], action.get("link_kind"), action.get("link"), user.identity,
                            user.identity])
            _append_audit(cursor, user, "record_action", f"action {action_id}", "done", action["what"].strip())
            return action_id
        return self._write(add, "meeting_version")

    def update_action(self, action_id: int, status: str, note: str, *, user: User) -> None:
        """An action followed up: open, done or dropped, with a note saying what happened."""
        self.authorize(user, "record_action", f"action {action_id}")
        if status not in ACTION_STATUSES:
            raise StoreError(f"'{status}' is not a status of an action; use {', '.join(ACTION_STATUSES)}.")

        def follow_up(cursor):
            if not cursor.execute("SELECT 1 FROM actions WHERE action_id = ?", [action_id]).fetchall():
                raise StoreError(f"There is no action {action_id}. `python -m empathy actions` lists them.")
            cursor.execute("UPDATE actions SET status = ?, note = ?, updated_at = now()::TIMESTAMP, updated_by = ? "
                           "WHERE action_id = ?", [status, note.strip(), user.identity, action_id])
            _append_audit(cursor, user, "update_action", f"action {action_id}", "done", f"{status}: {note.strip()}")
        self._write(follow_up, "meeting_version")

    def actions(self) -> pd.DataFrame:
        """Every action, the newest first."""
        return self.query("SELECT * FROM actions ORDER BY action_id DESC")

    def alerts_sent(self) -> pd.DataFrame:
        """The alerts sent and not cleared, one row per channel, the newest first."""
        return self.query("SELECT * FROM alerts WHERE cleared_at IS NULL ORDER BY sent_at DESC, alert_key, channel")

    def record_alert(self, alert: dict, channel: str, *, user: User) -> None:
        """That `alert` (key, kind, subject, message) went out through `channel`."""
        self.authorize(user, "send_alerts", alert["key"])

        def keep(cursor):
            cursor.execute("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP, ?, NULL)",
                           [alert["key"], channel, alert["kind"], alert["subject"], alert["message"], user.identity])
            _append_audit(cursor, user, "send_alert", alert["key"], "done", f"{channel}: {alert['subject']}")
        self._write(keep)

    def clear_alerts(self, keys: list[str], *, user: User) -> None:
        """Those alerts are over (the account is red no more): the next one is news again."""
        self.authorize(user, "send_alerts", ", ".join(keys))

        def clear(cursor):
            cursor.execute("UPDATE alerts SET cleared_at = now()::TIMESTAMP WHERE cleared_at IS NULL AND "
                           "list_contains(?, alert_key)", [keys])
            _append_audit(cursor, user, "clear_alerts", ", ".join(keys), "done")
        self._write(clear)

    def authorize(self, user: User, action: str, target: str = "") -> None:
        """The role check every write makes first; a refusal is itself written to the audit log."""
        try:
            require(user, action)
        except PermissionError as refusal:
            self.audit(user, action, target, "refused", str(refusal))
            raise

    def sign_out(self, user: User, session: str) -> None:
        """That browser's sign-in of the person is over: its cookie, even copied elsewhere, is refused."""
        def keep(cursor):
            cursor.execute("INSERT INTO sign_outs VALUES (?, ?, now()::TIMESTAMP, ?)",
                           [user.identity, session, user.identity])
            _append_audit(cursor, user, "sign_out", user.identity, "done")
        self._write(keep)

    def sign_out_everywhere(self, identities: list[str], *, user: User, why: str) -> None:
        """Every sign-in these people made so far is over (an admin's, or a change of the roles file)."""
        self.authorize(user, "edit_roles", ", ".join(identities))

        def keep(cursor):
            for identity in identities:
                cursor.execute("INSERT INTO sign_outs VALUES (?, NULL, now()::TIMESTAMP, ?)", [identity, user.identity])
            _append_audit(cursor, user, "sign_out_everywhere", ", ".join(identities), "done", why)
        if identities:
            self._write(keep)

    def signed_out(self, identity: str, session: str, issued_at: datetime) -> bool:
        """Whether a sign-in (its cookie's fingerprint and the moment it was issued, in UTC) has been
        ended: by its own sign-out, or by signing its person out everywhere after it was made. Cookie
        times are whole seconds, so a sign-in in the same second as the sign-out everywhere counts."""
        return not self.query("""SELECT 1 FROM sign_outs WHERE who = ? AND (session = ?
                                     OR (session IS NULL AND ? < date_trunc('second', signed_out_at))) LIMIT 1""",
                              [identity, session, issued_at.replace(tzinfo=None)]).empty

    def audit(self, user: User, action: str, target: str, outcome: str, detail: str = "") -> None:
        """Append one row to the audit log (nothing in the app updates or deletes them)."""
        self._write(lambda cursor: _append_audit(cursor, user, action, target, outcome, detail))

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
        """What the UI's caches tell stores apart by: the file or lake, and the scope when limited."""
        return self.location

    def load(self, table: str, rows: pd.DataFrame, *, kind: str, layout: str, source: str, user: User,
             rows_rejected: int = 0, demo: bool = False,
             utterances: pd.DataFrame | None = None, turn_themes: tuple[str, list] | None = None) -> BatchResult:
        """Land rows as one batch: new keys insert, changed rows supersede, identical rows are skipped.

        `utterances` (scored turns of the calls' transcripts) land in the same transaction, and so
        does the audit row; `turn_themes` (SQL over `text` and its parameters, from
        `themes.themes_expression`) tags their customer turns as they are inserted, in place of a
        themes column of their own (in Python this took 0.77 s of a 12,000-call load, in SQL 0.1 s).
        A sheet that brings nothing new makes no batch and leaves the version as it was. Demo batches
        are the admin's (or the app's, on a brand-new store)."""
        self.authorize(user, "manage_demo" if demo else "load", source)
        try:
            return self._load(table, rows, kind, layout, source, rows_rejected, demo, user, utterances, turn_themes)
        except _NothingNew as nothing:
            self.audit(user, "load", source, "nothing new", f"{nothing.duplicates} rows already loaded")
            return BatchResult(None, 0, 0, nothing.duplicates)

    def _load(self, table, rows, kind, layout, source, rows_rejected, demo, user, utterances,
              turn_themes) -> BatchResult:
        key = TABLE_KEYS[table]
        derived = [name for name in DERIVED_COLUMNS.get(table, {}) if name in rows]
        columns = [*TABLE_COLUMNS[table], *derived, "row_hash"]
        incoming = rows[columns].reset_index(drop=True)

        def land(cursor):
            batch_id = _scalar(cursor, "SELECT coalesce(max(batch_id), 0) + 1 FROM batches")
            cursor.register("incoming", _arrow(incoming))
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
                _insert_utterances(cursor, utterances, batch_id, turn_themes)
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
        return self._write(land, "version", done="loaded")

    def remember_sheet(self, source: dict, *, user: User) -> None:
        """Keep how a Google Sheet's worksheet was loaded (layout, mapping, bad-row choice), so it can
        be refreshed the same way; loading it again replaces what was kept."""
        names = ["spreadsheet_key", "worksheet", "title", "layout", "mapping", "skip_invalid", "last_batch"]
        values = [json.dumps(source[n]) if n == "mapping" else source[n] for n in names]
        self.authorize(user, "load", source["title"])
        self._write(lambda cursor: _merge(cursor, "sheet_sources", ["spreadsheet_key", "worksheet"],
                                          [*names, "loaded_by"], [*values, user.identity], replace=True,
                                          stamp="loaded_at"))

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

        def forget(cursor):
            cursor.execute("DELETE FROM sheet_sources WHERE spreadsheet_key = ? AND worksheet = ?",
                           [spreadsheet_key, worksheet])
            _append_audit(cursor, user, "forget_sheet", target, "done")
        self._write(forget)

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
        self._write(take_out, "version")

    def place_speakers(self, turns: pd.DataFrame, calls: pd.DataFrame, detail: str, *, user: User,
                       turn_themes: tuple[str, list]) -> None:
        """Turns of stored calls placed anew (call_id, transcript_hash, turn, text, then role and the
        score columns; customer turns tagged by `turn_themes`, as `load` tags them) and those calls'
        figures worked out again from their turns (call_id, transcript_hash, figure columns), in one
        transaction: a new data version, so every page shows the calls as placed."""
        self.authorize(user, "load", "speaker roles")
        keys = ("call_id", "transcript_hash", "turn", "text")
        figures = [name for name in calls.columns if name not in keys]
        values = [f"{name} = p.{name}" for name in turns.columns if name not in keys]
        themes, params = turn_themes

        def place(cursor):
            cursor.register("placed_turns", turns)
            cursor.register("placed_calls", calls)
            cursor.execute(f"""UPDATE utterances u SET {", ".join(values)},
                                   themes = CASE WHEN p.role = 'customer' THEN {themes} END
                               FROM placed_turns p
                               WHERE u.call_id = p.call_id AND u.transcript_hash = p.transcript_hash
                                 AND u.turn = p.turn""", params)
            cursor.execute(f"""UPDATE calls c SET {", ".join(f"{name} = p.{name}" for name in figures)}
                               FROM placed_calls p
                               WHERE c.call_id = p.call_id AND c.transcript_hash = p.transcript_hash""")
            _append_audit(cursor, user, "place_speakers", detail, "done",
                          f"{len(turns)} turns of {len(calls)} calls")
        self._write(place, "version")

    def retag(self, comments: tuple[str, list], turns: tuple[str, list], *, user: User) -> int:
        """Set every survey comment's and customer turn's themes anew (after the taxonomy changed),
        from SQL expressions over `comment` and `text`; returns how many texts now have a theme."""
        self.authorize(user, "edit_taxonomy", "stored comments and turns")

        def tag(cursor):
            cursor.execute(f"UPDATE survey_responses SET themes = {comments[0]}", comments[1])
            cursor.execute(f"UPDATE utterances SET themes = {turns[0]} WHERE role = 'customer'", turns[1])
            tagged = _scalar(cursor, """
                SELECT (SELECT count(*) FROM survey_responses WHERE len(themes) > 0)
                     + (SELECT count(*) FROM utterances WHERE len(themes) > 0)""")
            _append_audit(cursor, user, "retag", "stored comments and turns", "done", f"{tagged} tagged")
            return tagged
        return self._write(tag, "version")

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

    def query(self, sql: str, params: list | None = None,
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


def _changes_nothing(action: str):
    """A write of the whole store, which a limited view refuses (and audits) whoever asks."""
    def refuse(self: ScopedStore, *args, user: User, **kwargs):
        self._refuse(user, action, self.scope.describe(), f"A view limited to {self.scope.describe()} cannot change data.")
    return refuse


class ScopedStore(Store):
    """The store as a product lead limited to some segments or regions reads it: every cursor shows
    temporary views named like the data tables, holding only the rows of accounts in the scope, so
    every query of the core (board, explore, search, accounts) runs unchanged on their part alone.
    Its voice of the week is the rule's among its own quotes (the company's pinned or presented voice
    when that one is theirs). It changes no data."""

    def __init__(self, base: Store, scope: DataScope):
        self.location, self.scope, self._base = base.location, scope, base
        self._access, self._write_lock = base._access, base._write_lock
        self._views = _scope_views(self._catalog(), scope)

    def _catalog(self) -> str:
        with super().cursor() as cursor:
            return _scalar(cursor, "SELECT current_database()")

    @contextmanager
    def cursor(self, *, write: bool = False):
        with super().cursor(write=write) as cursor:
            cursor.execute(self._views)
            yield cursor

    @property
    def cache_key(self) -> str:
        return f"{self.location}|{self.scope.key}"

    def scoped(self, scope: DataScope) -> Store:
        return self._base.scoped(scope)

    def _refuse(self, user: User, action: str, target: str, message: str):
        """Every refusal is written to the audit log, as a role's refusal is."""
        self.audit(user, action, target, "refused", message)
        raise PermissionError(message)

    def audit(self, user: User, action: str, target: str, outcome: str, detail: str = "") -> None:
        """A limited view changes no data, but what its reader does (exports, refusals) is audited."""
        self._base.audit(user, action, target, outcome, detail)

    def record_action(self, action: dict, *, user: User) -> int:
        """A product lead limited to a scope records actions on the scope's accounts only."""
        if action.get("link_kind") != "account" or not self._has_account(action.get("link")):
            self._refuse(user, "record_action", action.get("what") or "an action",
                         f"A view limited to {self.scope.describe()} records actions on its own accounts only: "
                         "link the action to one of them.")
        return self._base.record_action(action, user=user)

    def update_action(self, action_id: int, status: str, note: str, *, user: User) -> None:
        if action_id not in set(self.actions()["action_id"]):
            self._refuse(user, "update_action", f"action {action_id}",
                         f"Action {action_id} is not on an account of {self.scope.describe()}.")
        self._base.update_action(action_id, status, note, user=user)

    def company_presented(self, window_label: str) -> tuple | None:
        """The company's board, not this view's (which is never presented): a fact, not a figure."""
        return self._base.company_presented(window_label)

    def _has_account(self, account_id: str | None) -> bool:
        return not self.query("SELECT 1 FROM accounts WHERE account_id = ? AND superseded_by IS NULL",
                              [account_id]).empty

    def _write(self, *args, **kwargs):
        raise PermissionError(f"A view limited to {self.scope.describe()} cannot change data.")

    load, undo, retag = _changes_nothing("load"), _changes_nothing("undo"), _changes_nothing("retag")
    remember_sheet, forget_sheet = _changes_nothing("remember_sheet"), _changes_nothing("forget_sheet")
    pin_voice, forget_voice = _changes_nothing("pin_voice"), _changes_nothing("unpin_voice")
    present, place_speakers = _changes_nothing("present"), _changes_nothing("place_speakers")
    record_alert, clear_alerts = _changes_nothing("send_alert"), _changes_nothing("clear_alerts")


def _scope_views(catalog: str, scope: DataScope) -> str:
    """Temporary views over `catalog`'s tables, limited to the accounts (current version) of the
    scope; rows with no account count only where their own segment is named (participation counts
    by segment) and no region limit applies."""
    def listed(column: str, values: tuple[str, ...]) -> str:
        return f"{column} IN ({', '.join(sql_literal(v) for v in values)})"
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
        "renewals": f"SELECT * FROM {base}.renewals WHERE account_id IN ({accounts})",
        "participation": f"SELECT * FROM {base}.participation WHERE account_id IN ({accounts}){unowned}",
        "utterances": f"SELECT * FROM {base}.utterances WHERE call_id IN (SELECT call_id FROM calls)",
        "presented": f"SELECT * FROM {base}.presented WHERE false",  # the company's board, not a scope's
        "actions": f"SELECT * FROM {base}.actions WHERE link_kind = 'account' AND link IN ({accounts})",
        "alerts": f"SELECT * FROM {base}.alerts WHERE false",  # the company's alerts, not a scope's
    }
    return "; ".join(f"CREATE OR REPLACE TEMP VIEW {name} AS {sql}" for name, sql in views.items())



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
    """Turns of transcript versions not stored yet (a concurrent load may have just stored them)."""
    names = ", ".join(UTTERANCE_COLUMNS)
    given = [name for name in UTTERANCE_COLUMNS if name != "themes" or turn_themes is None]
    values = ", ".join(f"CASE WHEN role = 'customer' THEN {turn_themes[0]} END AS themes"
                       if name == "themes" and turn_themes else name for name in UTTERANCE_COLUMNS)
    params = turn_themes[1] if turn_themes else []
    cursor.register("new_turns", _arrow(utterances[given]))
    cursor.execute(f"""
        INSERT INTO utterances ({names}, batch_id)
        SELECT {values}, ? FROM new_turns n WHERE NOT EXISTS (
            SELECT 1 FROM utterances u WHERE u.call_id = n.call_id AND u.transcript_hash = n.transcript_hash)""",
                   [*params, batch_id])
    cursor.unregister("new_turns")


def _action_problems(action: dict) -> list[str]:
    problems = [f"say {what}" for what, key in (("what is to be done", "what"), ("who owns it", "owner"))
                if not str(action.get(key) or "").strip()]
    if action.get("due") is None:
        problems.append("give a due date")
    if action.get("link_kind") not in (None, *ACTION_LINKS):
        problems.append(f"link it to one of {', '.join(ACTION_LINKS)}, not '{action['link_kind']}'")
    elif action.get("link_kind") and not str(action.get("link") or "").strip():
        problems.append(f"name the {action['link_kind']} it is about")
    if not action.get("window_label"):
        problems.append("name the window it was raised in")
    return problems


def _scalar(cursor: duckdb.DuckDBPyConnection, sql: str, params: list | None = None):
    """DuckDB wants every result read to its end before the cursor does anything else."""
    return cursor.execute(sql, params or []).fetchall()[0][0]


def _append_audit(cursor: duckdb.DuckDBPyConnection, user: User, action: str, target: str, outcome: str,
                  detail: str = "") -> None:
    cursor.execute("""INSERT INTO audit SELECT coalesce(max(entry), 0) + 1, now()::TIMESTAMP, ?, ?, ?, ?, ?, ?
                      FROM audit""", [user.identity, user.role.label, action, target, outcome, detail])


def _keep_voice(cursor: duckdb.DuckDBPyConnection, voice: dict, replace: bool, chosen_by: str) -> None:
    _merge(cursor, "voices", ["window_label"], [*VOICE_COLUMNS, "chosen_by"],
           [*(voice[name] for name in VOICE_COLUMNS), chosen_by], replace)


def _merge(cursor: duckdb.DuckDBPyConnection, table: str, key: list[str], names: list[str], values: list,
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
