"""What the store's faults are called: damage, a full disk, a read-only one; the mark a damaged file
carries for every process. (The faults made for real, with the command line: test_store_upkeep.py.)"""

from pathlib import Path

from empathy import language
from empathy.store.faults import (
    DamageMark,
    StoreDamagedError,
    StoreFullError,
    StoreReadOnlyError,
    fault_of,
    mount_of,
)


def test_duckdb_and_os_errors_are_named_for_what_to_do():
    damaged = fault_of(OSError("IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2"),
                       "/srv/x.duckdb", None)
    assert isinstance(damaged, StoreDamagedError) and "restore it from a backup" in str(damaged)
    full = fault_of(OSError(28, "No space left on device"), "/tmp/x.duckdb", Path("/tmp/x.duckdb"), "loaded")
    assert isinstance(full, StoreFullError)
    assert str(full).startswith(f"There is no space left on {mount_of(Path('/tmp'))} (where the data store "
                                "/tmp/x.duckdb is): nothing was loaded.")
    read_only = fault_of(OSError(30, "Read-only file system"), "/ro/x.duckdb", None, "loaded")
    assert isinstance(read_only, StoreReadOnlyError) and "nothing was loaded, and reading it works" in str(read_only)
    assert fault_of(ValueError("Binder Error: no such column"), "x", None) is None


def test_a_fault_is_said_in_the_readers_language():
    with language.speaking("ko"):
        full = fault_of(OSError(28, "No space left on device"), "/tmp/x.duckdb", Path("/tmp/x.duckdb"), "loaded")
    assert str(full) == (f"{mount_of(Path('/tmp'))}(데이터 저장소 /tmp/x.duckdb이(가) 있는 곳)에 남은 공간이 없어 "
                         "아무것도 불러오지 않았습니다. 공간을 확보한 뒤 다시 시도하세요.")


def test_a_damage_mark_is_seen_by_a_new_reader_until_cleared(tmp_path):
    store_file = tmp_path / "empathy.duckdb"
    DamageMark(store_file).found(StoreDamagedError("the data store is damaged"))
    later = DamageMark(store_file)  # another process
    assert later.what() == "the data store is damaged"
    later.clear()
    assert DamageMark(store_file).what() is None and not (tmp_path / "empathy.duckdb.damaged").exists()
