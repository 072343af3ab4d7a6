"""Several processes on one store file: the command line loads while the app reads, two loads at once
both land, and a writer that holds the file too long ends the others' wait with a clear message."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

from conftest import ADMIN, ANALYST, EXECUTIVE, FIXTURES, empathy, load_text
from empathy.access.roles import DataScope
from empathy.figures import board
from empathy.figures.board import kept_board, latest_complete_week, work_out_board
from empathy.figures.rules import Thresholds, account_signals
from empathy.figures.settings import read_settings
from empathy.store import Store, audit, kept_sheets
from empathy.store import presentations as kept_boards
from empathy.store import voices as kept_voices
from empathy.store.connections import LINGER_SECONDS

ACCOUNTS = "account_id,account_name,segment\n{0}-1,First,SMB\n{0}-2,Second,Enterprise\n{0}-3,Third,SMB\n"


def current_ids(store) -> set[str]:
    return set(store.query("SELECT account_id FROM accounts WHERE superseded_by IS NULL")["account_id"])


def test_the_command_line_loads_and_undoes_while_this_process_keeps_reading(store, db_path):
    load_text(store, ACCOUNTS.format("APP"), "app.csv")
    version = store.version()
    reads, stop = [], threading.Event()

    def keep_reading():  # an app serving pages: a query every few milliseconds
        while not stop.is_set():
            reads.append(len(current_ids(store)))
            time.sleep(0.005)

    reader = threading.Thread(target=keep_reading)
    reader.start()
    try:
        loaded = empathy("load", FIXTURES / "surveys_basic.csv", "--json", db_path=db_path, process=True)
        batches = empathy("batches", "--json", db_path=db_path, process=True)
    finally:
        stop.set()
        reader.join()
    assert loaded.returncode == 0, loaded.stderr
    assert [batch["batch_id"] for batch in json.loads(batches.stdout)] == [2, 1]
    assert reads and set(reads) == {3}  # every read was answered while the other process wrote
    assert store.version() > version  # this process sees the load on its next read, no reopening
    assert store.query("SELECT count(*) AS n FROM survey_responses")["n"][0] == 3

    undone = empathy("undo", "2", db_path=db_path, process=True)
    assert undone.returncode == 0, undone.stderr
    assert store.query("SELECT count(*) AS n FROM survey_responses")["n"][0] == 0


def load_at_once(folder: Path, store_location, names: tuple[str, ...]) -> None:
    """One command-line load of an accounts sheet per name, all started together; each must land."""
    sheets = []
    for name in names:
        sheet = folder / f"{name}.csv"
        sheet.write_text(ACCOUNTS.format(name.upper()))
        sheets.append(sheet)
    running = [empathy("load", sheet, "--kind", "accounts", db_path=store_location, wait=False) for sheet in sheets]
    for process in running:
        _, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr


def test_two_loads_at_once_from_two_processes_both_land_whole(store, db_path, tmp_path):
    load_at_once(tmp_path, db_path, ("east", "west"))
    batches = store.batches()
    assert sorted(batches["batch_id"]) == [1, 2] and batches["rows_new"].tolist() == [3, 3]
    assert current_ids(store) == {f"{side}-{i}" for side in ("EAST", "WEST") for i in (1, 2, 3)}
    assert sorted(store.query("SELECT batch_id, count(*) AS n FROM accounts GROUP BY ALL")["n"]) == [3, 3]


def test_a_writer_holding_the_file_too_long_ends_the_wait_with_a_clear_message(store, db_path):
    with store.cursor(write=True):  # a write that does not end (here: this process's)
        result = empathy("batches", db_path=db_path, env={"EMPATHY_BUSY_SECONDS": "1"}, process=True)
    assert result.returncode == 1
    assert f"The data store {db_path} is busy" in result.stderr and "EMPATHY_BUSY_SECONDS" in result.stderr
    assert "Traceback" not in result.stderr
    assert empathy("batches", db_path=db_path, process=True).returncode == 0  # the write over, the file is free again


def test_the_file_is_let_go_soon_after_the_last_read(store, db_path):
    load_text(store, ACCOUNTS.format("A"), "a.csv")
    assert current_ids(store)
    time.sleep(LINGER_SECONDS * 3)
    # A program that knows nothing of the writer's announcement can now open the file for writing.
    opened = subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({str(db_path)!r}).close()"],
                            capture_output=True, text=True, timeout=60)
    assert opened.returncode == 0, opened.stderr
    assert len(current_ids(store)) == 3 and store.batches()["loaded_by"].tolist() == [ANALYST.identity]


ACCOUNTS_V1 = "account_id,account_name,segment,arr\nA1,Acme,SMB,1000\nA2,Globex,Enterprise,500000\n"
ACCOUNTS_V2 = "account_id,account_name,segment,arr\nA1,Acme,Mid-Market,90000\nA3,Initech,SMB,2000\n"
VOICE = {"window_label": "2026-W47", "window_start": date(2026, 11, 16), "window_end": date(2026, 11, 22),
         "source": "survey", "ref_id": "R1", "turn": None, "text_hash": "h1", "pinned": False}


def accounts_by_id(store) -> dict[str, tuple]:
    frame = store.query("SELECT account_id, segment, arr FROM accounts WHERE superseded_by IS NULL")
    return {row.account_id: (row.segment, row.arr) for row in frame.itertuples()}


def test_a_lake_keeps_versions_undo_voices_sheets_scopes_and_the_audit_as_a_file_does(lake, monkeypatch):
    store = Store.open(lake)
    first, second = load_text(store, ACCOUNTS_V1, "v1.csv"), load_text(store, ACCOUNTS_V2, "v2.csv")
    assert (first.batch_id, first.rows_new, second.batch_id, second.rows_new, second.rows_updated) == (1, 2, 2, 1, 1)
    assert accounts_by_id(store) == {"A1": ("Mid-Market", 90000), "A2": ("Enterprise", 500000),
                                     "A3": ("SMB", 2000)}
    assert load_text(store, ACCOUNTS_V2, "again.csv").batch_id is None  # nothing new, no batch
    store.undo(2, user=ANALYST)
    assert accounts_by_id(store) == {"A1": ("SMB", 1000), "A2": ("Enterprise", 500000)}

    frozen = {"window_label": VOICE["window_label"], "window_start": VOICE["window_start"],
              "window_end": VOICE["window_end"], "inputs_hash": "h", "board": "{}"}
    kept_boards.present(store, frozen, data_version=store.version(), user=EXECUTIVE, voice=VOICE)
    kept_boards.present(store, frozen, data_version=store.version(), user=EXECUTIVE, voice={**VOICE, "ref_id": "R2"})
    assert kept_voices.kept(store)["ref_id"].tolist() == ["R1"]  # kept already: the first stays
    kept_voices.pin(store, {**VOICE, "ref_id": "R3", "pinned": True}, user=ANALYST)
    assert kept_voices.kept(store)[["ref_id", "pinned", "chosen_by"]].values.tolist() == [["R3", True, ANALYST.identity]]

    sheet = {"spreadsheet_key": "k1", "worksheet": "Sheet1", "title": "Survey", "layout": "wide",
             "mapping": {"Score": "score"}, "skip_invalid": False, "last_batch": 1}
    kept_sheets.remember(store, sheet, user=ANALYST)
    kept_sheets.remember(store, {**sheet, "last_batch": 3, "skip_invalid": True}, user=ANALYST)
    assert [(s["last_batch"], s["skip_invalid"]) for s in kept_sheets.every(store)] == [(3, True)]

    smb = store.scoped(DataScope(("SMB",)))
    assert set(smb.query("SELECT account_id FROM accounts")["account_id"]) == {"A1"}
    entries = audit.log(store, user=ADMIN)
    assert entries["entry"].tolist() == list(range(len(entries), 0, -1))  # newest first, none twice
    assert entries["action"].tolist()[::-1] == ["load", "load", "load", "undo", "present", "present", "pin_voice"]

    load_text(store, "call_id,account_id,started_at,escalated\nC1,A1,2026-09-02,yes\n", "calls.csv")
    kept = store.query("SELECT as_of, account_id FROM kept_signals WHERE as_of = ?", [date(2026, 9, 6)])
    assert sorted(kept["account_id"]) == ["A1", "A2"]  # the load kept the signals of its week's Sunday
    assert account_signals(store, date(2026, 9, 6), Thresholds())["escalations"].tolist() == [1, 0]
    assert account_signals(smb, date(2026, 9, 6), Thresholds())["account_id"].tolist() == ["A1"]

    more = load_text(store, "call_id,account_id,started_at,escalated\nC2,A1,2026-09-03,yes\n", "more calls.csv")
    changes = []
    batch_changed = board.batch_changed
    monkeypatch.setattr(board, "batch_changed", lambda cursor: changes.append(batch_changed(cursor)) or changes[-1])
    store.undo(more.batch_id, user=ANALYST)  # kept again for its batch's days and accounts only, on the lake too
    assert changes == [(more.batch_id, "calls", True)]
    version = store.version()
    assert store.query("SELECT DISTINCT version FROM kept_signals")["version"].tolist() == [version]
    assert account_signals(store, date(2026, 9, 6), Thresholds())["escalations"].tolist() == [1, 0]
    settings = read_settings()
    week = latest_complete_week(store, settings.timezone)
    kept = kept_board(store, week, settings)
    assert kept is not None and kept.as_json() == work_out_board(store, week, settings).as_json()


def test_three_processes_load_into_one_lake_at_once_and_every_batch_lands_whole(lake, tmp_path):
    load_at_once(tmp_path, lake, ("east", "west", "north"))
    store = Store.open(lake)
    assert sorted(store.batches()["batch_id"]) == [1, 2, 3]
    assert sorted(store.query("SELECT batch_id, count(*) AS n FROM accounts GROUP BY ALL")["n"]) == [3, 3, 3]
    assert len(current_ids(store)) == 9
    loads = audit.log(store, user=ADMIN).query("action == 'load'")
    assert len(loads) == 3 and audit.log(store, user=ADMIN)["entry"].is_unique


def test_a_loader_killed_mid_load_leaves_no_partial_batch_in_the_lake(lake, tmp_path):
    store = Store.open(lake)
    load_text(store, ACCOUNTS.format("A"), "before.csv")
    rows = 200_000
    sheet = tmp_path / "big.csv"
    sheet.write_text("response_id,account_id,submitted_at,metric,score\n" + "".join(
        f"R{i},A-1,2026-09-01,nps,{i % 11}\n" for i in range(rows)))
    answers_folder = Path(os.environ["EMPATHY_DATA_PATH"]) / "main" / "survey_responses"
    loader = empathy("load", sheet, db_path=lake, wait=False)
    while loader.poll() is None and not list(answers_folder.glob("*.parquet")):
        time.sleep(0.002)
    loader.send_signal(signal.SIGKILL)  # its answers are being written: the batch is not committed yet
    loader.wait(timeout=30)
    assert loader.returncode == -signal.SIGKILL and list(answers_folder.glob("*.parquet"))
    assert store.batches()["batch_id"].tolist() == [1]
    assert store.query("SELECT count(*) AS n FROM survey_responses")["n"][0] == 0
    assert set(audit.log(store, user=ADMIN)["action"]) == {"load"} and len(audit.log(store, user=ADMIN)) == 1
    again = load_text(store, "response_id,account_id,submitted_at,metric,score\nR1,A-1,2026-09-01,nps,9\n",
                      "after.csv")
    assert again.batch_id == 2 and store.query("SELECT count(*) AS n FROM survey_responses")["n"][0] == 1
