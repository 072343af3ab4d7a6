"""How a process reaches the store: an embedded DuckDB file it only visits, or a DuckLake shared by a
team's servers.

A DuckDB file can be written by one process, or read by several, never both at once. So no process
owns the file: it opens it read-only while it reads (the sessions of an app share that opening, kept
half a second after the last read so a page's queries pay for one opening, not one each), and opens
it for writing only for the moment a write takes. A writer first announces itself by an exclusive
lock on the file `<store>.writer` beside it; readers that see the announcement let go of the file as
soon as their current query ends and new ones wait for the write to finish. Nobody waits longer than
`EMPATHY_BUSY_SECONDS` (60 by default): after that the wait ends with a message naming the file and
that setting.

A DuckLake (`EMPATHY_DB=ducklake:postgres:<libpq connection string>`) keeps its catalog in
PostgreSQL and its data as Parquet files under `EMPATHY_DATA_PATH`; any number of processes attach
it at once and keep that attachment. Its extensions are loaded from their pip packages
(`duckdb-ext-ducklake`, `duckdb-ext-postgres`), never downloaded.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from empathy.language import _
from empathy.store.faults import StoreBusyError, StoreError, fault_of

LAKE_PREFIX = "ducklake:"
LINGER_SECONDS = 0.5
POLL_SECONDS = 0.05
ATTACH_ATTEMPTS = 5
LAKE_EXTENSIONS = ("ducklake", "postgres")
HEADER_BYTES = 3 * 4096  # a DuckDB file's main header and its two database headers
REMOTE_SCHEMES = ("s3://", "gs://", "gcs://", "r2://", "az://", "abfss://", "http://", "https://")


def busy_seconds() -> float:
    return float(os.environ.get("EMPATHY_BUSY_SECONDS") or 60)


def is_lake(location: str) -> bool:
    return location.startswith(LAKE_PREFIX)


def open_access(location: str) -> FileAccess | LakeAccess:
    return LakeAccess(location) if is_lake(location) else FileAccess(Path(location))


class FileAccess:
    """Short visits to an embedded DuckDB file, shared by the threads of this process. Over 200 lines
    on purpose: it is one state machine (readers, writers waiting, the writer's announcement, the
    lingering close) under one lock, and its invariants read best in one place."""

    lake = False

    def __init__(self, path: Path):
        self.path = path
        self.description = str(path)
        self._announcement = path.with_name(path.name + ".writer")
        self._state = threading.Condition()
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._writable = False
        self._writer_lock: int | None = None
        self._users = 0
        self._writers_waiting = 0
        self._last_release = 0.0
        self._holding = threading.local()
        self._closer: threading.Thread | None = None
        self._closed = False

    @contextmanager
    def connection(self, write: bool):
        """The process's opening of the file, for writing if `write`; released on leaving."""
        if getattr(self._holding, "depth", 0) and write and not self._writable:
            raise RuntimeError("A write was asked for while this thread reads the store: read first, then write.")
        connection = self._acquire(write)
        self._holding.depth = getattr(self._holding, "depth", 0) + 1
        try:
            yield connection
        finally:
            self._holding.depth -= 1
            self._release()

    @property
    def new(self) -> bool:
        """No file yet: only a write can make it."""
        return not self.path.exists()

    def prepare(self, cursor: duckdb.DuckDBPyConnection) -> None:
        """Nothing to set: a file's cursor reads the file's own catalog."""

    def close(self) -> None:
        with self._state:
            self._closed = True
            self._close_file()
            self._state.notify_all()

    def copy_to(self, target: Path) -> None:
        """A consistent, compact copy of the store in a new file `target`, made while others read on
        (a writer waits until it is done); the copy reads every block, so damage stops it."""
        with self.connection(write=False) as connection:
            _copy_database(connection, target)

    def compact(self) -> tuple[int, int]:
        """Take back the space a killed write left in the file: the file rewritten by a copy made while
        nobody else has it open (the writer's announcement held), moved into its place. Sizes before
        and after."""
        rewritten = self.path.with_name(self.path.name + ".compact")
        deadline = time.monotonic() + busy_seconds()
        with self._state:
            self._writers_waiting += 1
            try:
                while self._users:
                    if not self._state.wait(timeout=max(0.0, deadline - time.monotonic())):
                        raise self._busy()
                self._close_file()
                self._writer_lock = self._lock_announcement(fcntl.LOCK_EX, deadline)
                try:
                    before = self.path.stat().st_size
                    connection = self._connect(True, deadline)
                    try:
                        _copy_database(connection, rewritten)
                    finally:
                        connection.close()
                    os.replace(rewritten, self.path)
                    return before, self.path.stat().st_size
                finally:
                    rewritten.unlink(missing_ok=True)
                    self._drop_writer_lock()
            finally:
                self._writers_waiting -= 1
                self._state.notify_all()

    def dead_bytes(self, cursor: duckdb.DuckDBPyConnection) -> int:
        """Bytes of the file DuckDB does not count as its blocks (a killed write leaves them)."""
        blocks, block_size = cursor.execute("SELECT total_blocks, block_size FROM pragma_database_size()").fetchone()
        return max(0, self.path.stat().st_size - HEADER_BYTES - blocks * block_size)

    def _acquire(self, write: bool) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + busy_seconds()
        with self._state:
            self._writers_waiting += write
            try:
                while not self._may_share(write):
                    if not self._users:
                        self._close_file()
                    elif not self._state.wait(timeout=max(0.0, deadline - time.monotonic())):
                        raise self._busy()
                if self._connection is None:
                    self._open_file(write, deadline)
                self._users += 1
                return self._connection
            finally:
                self._writers_waiting -= write

    def _may_share(self, write: bool) -> bool:
        if self._connection is None:
            return True
        if write or self._writable:
            return self._writable
        return not self._writers_waiting and not self._writer_elsewhere()

    def _release(self) -> None:
        with self._state:
            self._users -= 1
            self._last_release = time.monotonic()
            if not self._users:
                if self._writable or self._writers_waiting or self._writer_elsewhere():
                    self._close_file()
                else:
                    self._start_closer()
            self._state.notify_all()

    def _open_file(self, write: bool, deadline: float) -> None:
        """Open read-only, or announce a write and open for writing, waiting for others until the deadline."""
        if write:
            self._writer_lock = self._lock_announcement(fcntl.LOCK_EX, deadline)
        elif (shared := self._lock_announcement(fcntl.LOCK_SH, deadline)) is not None:
            os.close(shared)
        try:
            self._connection = self._connect(write, deadline)
        except BaseException:
            self._drop_writer_lock()
            raise
        self._writable = write

    def _lock_announcement(self, kind: int, deadline: float) -> int | None:
        """The announcement file locked as `kind`. A reader opens it read-only; where it does not exist
        and cannot be made (a read-only disk), nobody can write either, and None is returned."""
        try:
            handle = os.open(self._announcement, os.O_RDONLY) if kind == fcntl.LOCK_SH else None
        except FileNotFoundError:
            handle = None
        if handle is None:
            try:
                handle = os.open(self._announcement, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                if kind == fcntl.LOCK_SH:
                    return None
                raise  # the store says what it means for the write (`fault_of`)
        while True:
            try:
                fcntl.flock(handle, kind | fcntl.LOCK_NB)
                return handle
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(handle)
                    raise self._busy() from None
                time.sleep(POLL_SECONDS)

    def _connect(self, write: bool, deadline: float) -> duckdb.DuckDBPyConnection:
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=not write)
            except duckdb.IOException as error:
                if fault_of(error, self.description, self.path) is not None:
                    raise  # a damaged file, a full or read-only disk: the store says so
                if "lock" not in str(error).lower():
                    raise StoreError(_("The data store {store} could not be opened: {error}").format(
                        store=self.path, error=error)) from None
                if time.monotonic() > deadline:
                    raise self._busy() from None
                time.sleep(POLL_SECONDS)

    def _writer_elsewhere(self) -> bool:
        """Whether another process has announced a write (holds the announcement exclusively)."""
        try:
            handle = os.open(self._announcement, os.O_RDONLY)
        except FileNotFoundError:
            return False
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return False
        except BlockingIOError:
            return True
        finally:
            os.close(handle)

    def _close_file(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection, self._writable = None, False
        self._drop_writer_lock()

    def _drop_writer_lock(self) -> None:
        if self._writer_lock is not None:
            os.close(self._writer_lock)
            self._writer_lock = None

    def _start_closer(self) -> None:
        if self._closer is None or not self._closer.is_alive():
            self._closer = threading.Thread(target=self._close_when_idle, daemon=True, name="store-closer")
            self._closer.start()

    def _close_when_idle(self) -> None:
        """Let go of the file once nobody has read for LINGER_SECONDS (the caller holds no lock)."""
        with self._state:
            while self._connection is not None and not self._closed:
                idle = time.monotonic() - self._last_release
                if not self._users and idle >= LINGER_SECONDS:
                    self._close_file()
                    self._state.notify_all()
                    return
                self._state.wait(timeout=LINGER_SECONDS - idle if not self._users else LINGER_SECONDS)

    def _busy(self) -> StoreBusyError:
        return StoreBusyError(_(
            "The data store {store} is busy: another program (a load or an undo from the command line, or another "
            "app) has been writing to it for over {seconds} s. Try again when it has finished; EMPATHY_BUSY_SECONDS "
            "sets how long to wait.").format(store=self.path, seconds=f"{busy_seconds():.0f}"))


class LakeAccess:
    """One attachment of the DuckLake per process, kept open; its cursors are told to use it."""

    lake = True
    new = False  # an empty lake can be read

    def __init__(self, location: str):
        catalog = location.removeprefix(LAKE_PREFIX)
        self.description = LAKE_PREFIX + catalog.split(":", 1)[0]
        self._connection = _attach_lake(location, os.environ.get("EMPATHY_DATA_PATH", ""), self.description)

    @contextmanager
    def connection(self, write: bool):
        yield self._connection

    def prepare(self, cursor: duckdb.DuckDBPyConnection) -> None:
        cursor.execute("USE lake")

    def close(self) -> None:
        self._connection.close()


def _copy_database(connection: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Every table of the connection's database, with its keys, into a new DuckDB file."""
    source = connection.execute("SELECT current_database()").fetchone()[0]
    connection.execute(f"ATTACH {sql_literal(str(target))} AS copy_target (READ_ONLY false)")
    try:
        connection.execute(f'COPY FROM DATABASE "{source}" TO copy_target')
    finally:
        connection.execute("DETACH copy_target")


def _attach_lake(location: str, data_path: str, description: str) -> duckdb.DuckDBPyConnection:
    """A connection with the lake attached as `lake`. Servers starting at once on a brand-new lake
    race to create its catalog; the ones that lose attach the catalog the winner made."""
    options = f" (DATA_PATH {sql_literal(data_path)})" if data_path else ""
    extensions = LAKE_EXTENSIONS + (("httpfs",) if data_path.startswith(REMOTE_SCHEMES) else ())
    config = {"extension_directory": str(_extension_directory()), "autoinstall_known_extensions": False}
    for attempt in range(1, ATTACH_ATTEMPTS + 1):
        connection = duckdb.connect(config=config)
        try:
            for extension in extensions:
                connection.execute(f"LOAD {extension}")
            connection.execute(f"ATTACH {sql_literal(location)} AS lake{options}")
            return connection
        except duckdb.Error as error:
            connection.close()
            if attempt < ATTACH_ATTEMPTS and "already exists" in str(error):
                time.sleep(POLL_SECONDS * attempt)
                continue
            raise StoreError(_("The shared store {store} could not be opened: {error} Check EMPATHY_DB "
                               "(ducklake:postgres:<libpq connection string>) and, for a new lake, "
                               "EMPATHY_DATA_PATH.").format(store=description, error=error)) from None


def _extension_directory() -> Path:
    """Where the pip packages `duckdb-ext-*` put their extensions, laid out as DuckDB expects."""
    found = importlib.util.find_spec("duckdb_ext")
    if found is None or not found.submodule_search_locations:
        raise StoreError(_("The shared store needs the packages duckdb-ext-ducklake and duckdb-ext-postgres "
                           "(pip install -r requirements.txt)."))
    return Path(list(found.submodule_search_locations)[0]) / "extensions"


def sql_literal(value: str) -> str:
    """A SQL string literal, for the statements (ATTACH, views) that take no bound parameters."""
    return "'" + value.replace("'", "''") + "'"
