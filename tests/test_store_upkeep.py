"""The store under faults, as an operator meets them: a damaged file, a read-only or full disk, a
load killed mid-write; and the tools for them, `check`, `check --repair` and `backup`. The read-only
and full disks are real: a read-only bind mount and a small tmpfs, in a mount namespace of the test's
own (`unshare -m`, as root)."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, empathy

BLOCK, HEADER = 262_144, 3 * 4096
needs_mounts = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"),
                                  reason="a read-only or full disk is made with unshare -m and mount, as root")


def scribble_on(path, table: str, column: str) -> None:
    """64 KB of noise in the middle of a data block of that table's column, as a failing disk leaves."""
    with duckdb.connect(str(path), read_only=True) as connection:
        block = connection.execute(f"SELECT block_id FROM pragma_storage_info('{table}') WHERE column_name = ? "
                                   "AND block_id >= 0 ORDER BY row_group_id LIMIT 1", [column]).fetchone()[0]
    with open(path, "r+b") as file:
        file.seek(HEADER + block * BLOCK + BLOCK // 2)
        file.write(os.urandom(65_536))


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sheet(tmp_path, rows: int = 3):
    path = tmp_path / "answers.csv"
    path.write_text("response_id,account_id,submitted_at,metric,score,comment\n" + "".join(
        f"F{n},ACC-001,2026-11-18 10:00,nps,{n % 11},the export was slow again\n" for n in range(rows)))
    return path


def test_a_damaged_file_is_named_refuses_every_write_and_check_finds_it(demo_copy, tmp_path):
    scribble_on(demo_copy, "survey_responses", "score")
    board = empathy("board", "--json", db_path=demo_copy, process=True)
    assert board.returncode == 1 and "Traceback" not in board.stderr
    assert f"The data store {demo_copy} is damaged" in board.stderr and "restore it from a backup" in board.stderr
    before = digest(demo_copy)
    load = empathy("load", sheet(tmp_path), db_path=demo_copy, process=True)
    assert load.returncode == 1 and "is damaged" in load.stderr
    assert digest(demo_copy) == before  # nothing was written into it
    checked = empathy("check", db_path=demo_copy, process=True)
    assert checked.returncode == 1 and "table survey_responses" in checked.stderr


def test_the_page_names_a_damaged_store_instead_of_a_traceback(demo_copy):
    scribble_on(demo_copy, "survey_responses", "score")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert "The data store cannot be used" in error and "is damaged" in error and "restore it from a backup" in error


def test_a_restored_file_is_checked_sound_and_takes_writes_again(demo_copy, tmp_path):
    good = tmp_path / "good.duckdb"
    shutil.copy(demo_copy, good)
    scribble_on(demo_copy, "survey_responses", "score")
    assert empathy("check", db_path=demo_copy, process=True).returncode == 1
    shutil.copy(good, demo_copy)  # restored from the backup; the damage mark is still there
    assert "is damaged" in empathy("load", sheet(tmp_path), db_path=demo_copy, process=True).stderr
    checked = empathy("check", "--json", db_path=demo_copy, process=True)
    assert checked.returncode == 0 and json.loads(checked.stdout)["sound"]
    with duckdb.connect(str(good), read_only=True) as connection:
        tables = dict(connection.execute("SELECT table_name, estimated_size FROM duckdb_tables()").fetchall())
        answers = connection.execute("SELECT count(*) FROM survey_responses").fetchone()[0]
    found = json.loads(checked.stdout)["rows"]
    assert set(found) == set(tables) and found["survey_responses"] == answers
    assert empathy("load", sheet(tmp_path), db_path=demo_copy, process=True).returncode == 0


def test_a_backup_is_consistent_while_the_app_reads(demo_copy, tmp_path):
    reader = subprocess.Popen([sys.executable, "-c", f"""
import time
from empathy.store import Store
store = Store.open({str(demo_copy)!r})
print(store.query("SELECT count(*) AS n FROM survey_responses WHERE superseded_by IS NULL")["n"][0], flush=True)
while True:  # as an app server does, page after page
    store.query("SELECT count(*) FROM survey_responses")"""], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        answers = int(reader.stdout.readline())
        made = empathy("backup", "--out", tmp_path / "copy.duckdb", db_path=demo_copy, process=True)
        assert made.returncode == 0, made.stderr
    finally:
        reader.kill()
    assert "consistent as of now" in made.stdout
    for table in ("accounts", "survey_responses", "participation", "calls", "utterances", "renewals", "batches"):
        assert fingerprint(tmp_path / "copy.duckdb", table) == fingerprint(demo_copy, table), table
    with duckdb.connect(str(tmp_path / "copy.duckdb"), read_only=True) as copy:
        assert copy.execute("SELECT count(*) FROM survey_responses WHERE superseded_by IS NULL").fetchone()[0] == answers
    with duckdb.connect(str(demo_copy), read_only=True) as source:
        assert source.execute("SELECT action, outcome FROM audit ORDER BY entry DESC LIMIT 1").fetchone() == \
            ("backup", "done")


def fingerprint(path, table: str) -> tuple:
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(f"SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM {table}").fetchone()


def test_a_load_killed_mid_write_leaves_dead_space_that_check_repair_takes_back(demo_copy, tmp_path):
    size = demo_copy.stat().st_size
    loader = empathy("load", sheet(tmp_path, 150_000), db_path=demo_copy, wait=False)
    while loader.poll() is None and demo_copy.stat().st_size < size + 2**20:
        time.sleep(0.005)
    loader.kill()
    loader.wait()
    batches = json.loads(empathy("batches", "--json", db_path=demo_copy).stdout)
    assert len(batches) == 5  # the killed load left no batch ...
    dead = json.loads(empathy("check", "--json", db_path=demo_copy).stdout)["dead_bytes"]
    assert dead >= 2**20  # ... but its blocks in the file
    repaired = empathy("check", "--repair", db_path=demo_copy)
    assert repaired.returncode == 0 and "Dead space taken back" in repaired.stdout
    assert demo_copy.stat().st_size <= size
    assert json.loads(empathy("check", "--json", db_path=demo_copy).stdout)["dead_bytes"] == 0
    assert empathy("load", sheet(tmp_path), db_path=demo_copy).returncode == 0


def confined(mount: str, *args, db_path) -> subprocess.CompletedProcess:
    """The command line run in a mount namespace of its own, after `mount` (a shell command)."""
    command = " ".join(f"'{arg}'" for arg in (sys.executable, "-m", "empathy", *map(str, args)))
    return subprocess.run(["unshare", "-m", "sh", "-c", f"{mount} && exec {command}"], cwd=ROOT,
                          env={"EMPATHY_DB": str(db_path), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
                          timeout=120)


@needs_mounts
def test_a_read_only_store_is_read_and_a_load_says_it_cannot_write(demo_copy, tmp_path):
    for announcement in demo_copy.parent.glob("*.writer"):
        announcement.unlink()  # none there, and none can be made: reading needs none
    read_only = f"mount --bind -o ro {demo_copy.parent} {demo_copy.parent}"
    board = confined(read_only, "board", "--window", "2026-W47", "--json", db_path=demo_copy)
    assert board.returncode == 0, board.stderr
    assert json.loads(board.stdout)["voice"]["text"]  # the voice, chosen without writing it
    load = confined(read_only, "load", sheet(tmp_path), db_path=demo_copy)
    assert load.returncode == 1 and "Traceback" not in load.stderr
    assert f"The data store {demo_copy} cannot be written here" in load.stderr and "nothing was loaded" in load.stderr


@needs_mounts
def test_a_full_disk_is_said_plainly_and_nothing_is_loaded(demo_copy, tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    size = demo_copy.stat().st_size
    mount = f"mount -t tmpfs -o size={size + 3 * 2**20} tmpfs {small} && cp {demo_copy} {small}/store.duckdb"
    script = f"{mount} && {sys.executable} -m empathy load {sheet(tmp_path, 300_000)}; echo exit=$?; " \
             f"{sys.executable} -m empathy batches --json"
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={"EMPATHY_DB": str(small / "store.duckdb"), "PATH": "/usr/bin:/bin"})
    assert "exit=1" in done.stdout and "Traceback" not in done.stderr
    assert f"There is no space left on {small} (where the data store {small}/store.duckdb is): nothing was " \
           "loaded." in done.stderr
    assert len(json.loads(done.stdout.split("exit=1", 1)[1])) == 5  # the five demo batches, none more
