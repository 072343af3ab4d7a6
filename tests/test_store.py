import ast
import random
import threading
from contextlib import contextmanager

import pandas as pd
import pytest

from conftest import ANALYST, ROOT
from empathy.loading.sheet import load_sheet
from empathy.store import StoreError
from sentiment.korean import SCORER_VERSION

ACCOUNTS_V1 = "account_id,account_name,segment,arr\nA1,Acme,SMB,1000\nA2,Globex,Enterprise,500000\n"
ACCOUNTS_V2 = "account_id,account_name,segment,arr\nA1,Acme,Mid-Market,90000\nA3,Initech,SMB,2000\n"


def test_the_store_imports_nothing_of_the_layers_above_it():
    """Data flows from sheets through scoring into the store, never back (../shared/DESIGN.md): the store
    knows the canonical tables (`sheets.schema`), who may write (`access`) and the words it says, nothing of
    how texts are scored, loaded or shown (a scorer's reading is handed to it by a load: `Store.load`)."""
    allowed = ("empathy.store", "empathy.sheets.schema", "empathy.access", "empathy.language")
    for path in (ROOT / "empathy" / "store").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names] \
            + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0]
        ours = [name for name in modules if name.split(".")[0] in ("empathy", "sentiment", "ui", "app_pages")
                and name != "empathy"]
        assert [name for name in ours if not name.startswith(allowed)] == [], path.name


def load_text(store, text, name="sheet.csv", **kwargs):
    return load_sheet(store, user=ANALYST, data=text.encode(), source=name, **kwargs)


def current_accounts(store):
    frame = store.query("SELECT account_id, segment, arr FROM accounts WHERE superseded_by IS NULL "
                        "ORDER BY account_id")
    return {r.account_id: (r.segment, r.arr) for r in frame.itertuples()}


def test_loading_the_same_sheet_twice_adds_nothing(store):
    first = load_text(store, ACCOUNTS_V1)
    version = store.version()
    second = load_text(store, ACCOUNTS_V1)
    assert (first.rows_new, first.batch_id) == (2, 1)
    assert (second.rows_new, second.rows_duplicate, second.batch_id, second.rejected) == (0, 2, None, False)
    assert store.version() == version  # nothing changed, so caches stay valid
    assert len(store.batches()) == 1


def test_a_changed_row_replaces_the_old_one_and_undo_brings_it_back(store):
    load_text(store, ACCOUNTS_V1)
    second = load_text(store, ACCOUNTS_V2)
    assert (second.rows_new, second.rows_updated) == (1, 1)
    assert current_accounts(store) == {"A1": ("Mid-Market", 90000.0), "A2": ("Enterprise", 500000.0),
                                       "A3": ("SMB", 2000.0)}
    store.undo(second.batch_id, user=ANALYST)
    assert current_accounts(store) == {"A1": ("SMB", 1000.0), "A2": ("Enterprise", 500000.0)}


def test_undoing_an_older_batch_keeps_the_newer_version(store):
    first = load_text(store, ACCOUNTS_V1)
    second = load_text(store, ACCOUNTS_V2)
    third = load_text(store, "account_id,account_name,segment,arr\nA1,Acme,Enterprise,300000\n")
    store.undo(second.batch_id, user=ANALYST)  # A1's v2 goes; v3 (from batch 3) must stay the only current A1
    assert current_accounts(store) == {"A1": ("Enterprise", 300000.0), "A2": ("Enterprise", 500000.0)}
    store.undo(third.batch_id, user=ANALYST)  # now v1 is the one left
    assert current_accounts(store) == {"A1": ("SMB", 1000.0), "A2": ("Enterprise", 500000.0)}
    store.undo(first.batch_id, user=ANALYST)
    assert current_accounts(store) == {}


def test_every_load_and_undo_changes_the_version(store):
    versions = [store.version()]
    report = load_text(store, ACCOUNTS_V1)
    versions.append(store.version())
    store.undo(report.batch_id, user=ANALYST)
    versions.append(store.version())
    assert versions[0] < versions[1] < versions[2]
    assert store.counters() == {"version": versions[2], "voices_version": store.voices_version(),
                                "meeting_version": store.meeting_version(), "writes": store.counters()["writes"],
                                "korean_scorer": SCORER_VERSION}
    assert store.counters()["writes"] >= 2  # the load and the undo


def test_undo_twice_or_unknown_batch_is_refused_with_a_reason(store):
    report = load_text(store, ACCOUNTS_V1)
    store.undo(report.batch_id, user=ANALYST)
    with pytest.raises(StoreError, match="already undone"):
        store.undo(report.batch_id, user=ANALYST)
    with pytest.raises(StoreError, match="There is no batch 99"):
        store.undo(99, user=ANALYST)


def test_a_failure_midway_leaves_the_store_as_it_was(store, monkeypatch):
    load_text(store, ACCOUNTS_V1)
    before = (current_accounts(store), store.version(), len(store.batches()))
    original = store.cursor

    class FailingInsert:
        """Lets the superseding UPDATE run, then fails the INSERT that follows it."""

        def __init__(self, cursor):
            self._cursor = cursor

        def __getattr__(self, name):
            return getattr(self._cursor, name)

        def execute(self, sql, *args):
            if sql.lstrip().startswith("INSERT INTO accounts"):
                raise RuntimeError("disk full")
            return self._cursor.execute(sql, *args)

    @contextmanager
    def failing_cursor(**kwargs):
        with original(**kwargs) as cursor:
            yield FailingInsert(cursor)

    monkeypatch.setattr(store, "cursor", failing_cursor)
    with pytest.raises(RuntimeError, match="disk full"):
        load_text(store, ACCOUNTS_V2)
    monkeypatch.setattr(store, "cursor", original)
    assert (current_accounts(store), store.version(), len(store.batches())) == before


def test_values_are_bound_not_formatted_into_sql(store):
    report = load_text(store, "account_id,account_name\nA1,x'); DROP TABLE accounts; --\n",
                       name="O'Brien's accounts.csv")
    assert store.query("SELECT account_name FROM accounts")["account_name"].tolist() == \
        ["x'); DROP TABLE accounts; --"]
    assert store.batches()["source"].tolist() == ["O'Brien's accounts.csv"]
    assert report.batch_id == 1


def test_sessions_loading_at_once_all_land(store):
    sheets = [f"account_id,segment\nT{i}-1,SMB\nT{i}-2,SMB\n" for i in range(8)]
    reports = []

    def load(text):
        reports.append(load_text(store, text))

    threads = [threading.Thread(target=load, args=(s,)) for s in sheets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.batch_id for r in reports) == list(range(1, 9))
    assert len(current_accounts(store)) == 16


def test_table_summary_counts_current_rows_and_dates(store):
    load_text(store, "account_id,submitted_at,metric,score\nA1,2026-01-05,nps,9\nA2,2026-03-01,nps,4\n")
    summary = store.table_summary().set_index("table")
    assert summary.loc["survey_responses", "rows"] == 2
    assert summary.loc["survey_responses", "first"] == pd.Timestamp("2026-01-05")
    assert summary.loc["survey_responses", "last"] == pd.Timestamp("2026-03-01")
    assert summary.loc["accounts", "rows"] == 0


TRANSCRIPTS = ('"Agent: Hello, how can I help?\nCustomer: The export is broken again and I am furious."',
               '"Agent: Hi there.\nCustomer: Thanks, everything works great now."',
               '"Agent: Good morning.\nCustomer: The invoice is wrong.\nAgent: Sorry.\nCustomer: Please fix it."')


def turn_times_against_a_rebuild(store) -> pd.DataFrame:
    """Each current call's turns whose stored time is not what the call rows say now (none, when
    the store kept it right)."""
    return store.query("""
        SELECT c.call_id, u.turn, c.started_at, u.said_at FROM calls c
        JOIN utterances u ON u.call_id = c.call_id AND u.transcript_hash = c.transcript_hash
        WHERE c.superseded_by IS NULL AND u.said_at IS DISTINCT FROM c.started_at""")


def test_a_call_moved_to_another_day_and_back_takes_its_turns_along(store):
    def load_call(day: str):
        return load_sheet(store, user=ANALYST, source="calls.csv", data=(
            f"call_id,account_id,started_at,transcript\nK1,A1,{day},{TRANSCRIPTS[0]}\n").encode())
    load_call("2026-09-01 10:00")
    moved = load_call("2026-09-05 15:00")  # the same transcript: its turns are not stored again
    times = store.query("SELECT DISTINCT said_at::VARCHAR AS said_at FROM utterances")["said_at"].tolist()
    assert times == ["2026-09-05 15:00:00"]
    store.undo(moved.batch_id, user=ANALYST)
    times = store.query("SELECT DISTINCT said_at::VARCHAR AS said_at FROM utterances")["said_at"].tolist()
    assert times == ["2026-09-01 10:00:00"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_turn_times_stay_those_of_the_current_calls_through_random_loads_and_undos(store, seed):
    """Loads that add calls, move a call to another day with the same transcript (its turns are kept,
    not stored again), change its transcript; undos of any batch, in a random order."""
    rng = random.Random(seed)
    loaded = []
    for _ in range(12):
        if loaded and rng.random() < 0.35:
            batch = loaded.pop(rng.randrange(len(loaded)))
            store.undo(batch, user=ANALYST)
        else:
            rows = [f"K{k},A1,2026-09-{rng.randint(1, 28):02d} {rng.randint(8, 17)}:00,support,"
                    f"{rng.choice(TRANSCRIPTS[:2])}" for k in rng.sample(range(1, 4), rng.randint(1, 3))]
            report = load_sheet(store, user=ANALYST, source="calls.csv",
                                data=("call_id,account_id,started_at,call_type,transcript\n" + "\n".join(rows)).encode())
            assert not report.rejected, report.errors
            if report.batch_id is not None:
                loaded.append(report.batch_id)
        assert turn_times_against_a_rebuild(store).empty
    assert store.query("SELECT count(*) AS n FROM calls WHERE superseded_by IS NULL")["n"][0] > 0
