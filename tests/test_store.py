import threading
from contextlib import contextmanager

import pandas as pd
import pytest

from conftest import ADMIN, ANALYST, SMB_LEAD
from empathy.access.roles import DataScope, Role, User
from empathy.loading.sheet import load_sheet
from empathy.store import StoreError, audit, people
from empathy.store import voices as kept_voices

ACCOUNTS_V1 = "account_id,account_name,segment,arr\nA1,Acme,SMB,1000\nA2,Globex,Enterprise,500000\n"
ACCOUNTS_V2 = "account_id,account_name,segment,arr\nA1,Acme,Mid-Market,90000\nA3,Initech,SMB,2000\n"


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


def test_a_scoped_store_reads_only_its_accounts_rows_and_changes_nothing(store):
    load_text(store, ACCOUNTS_V1 + "A4,O'Brien & Co,SMB,3000\n")
    load_text(store, ACCOUNTS_V2)  # A1 moved from SMB to Mid-Market: it leaves the SMB scope
    load_text(store, "response_id,account_id,submitted_at,metric,score\nR1,A1,2026-09-01,nps,9\n"
                     "R2,A3,2026-09-01,nps,3\nR3,A2,2026-09-01,nps,10\nR4,,2026-09-01,nps,0\n")
    load_text(store, "week,segment,metric,invited,responded\n2026-09-07,SMB,nps,40,10\n2026-09-07,Enterprise,nps,9,9\n")
    load_text(store, 'call_id,account_id,started_at,transcript\nC1,A3,2026-09-01,"Customer: slow again"\n'
                     'C2,A2,2026-09-01,"Customer: all good"\n')
    smb = store.scoped(DataScope(("SMB",)))
    assert store.scoped(DataScope()) is store
    assert set(smb.query("SELECT account_id FROM accounts WHERE superseded_by IS NULL")["account_id"]) == {"A3", "A4"}
    assert smb.query("SELECT response_id FROM survey_responses")["response_id"].tolist() == ["R2"]
    assert smb.query("SELECT sum(invited) AS n FROM participation")["n"][0] == 40
    assert set(smb.query("SELECT call_id FROM utterances")["call_id"]) == {"C1"}
    emea = store.scoped(DataScope(("SMB",), ("EMEA",)))  # no SMB account is in EMEA
    assert emea.query("SELECT count(*) AS n FROM participation")["n"][0] == 0
    assert store.query("SELECT count(*) AS n FROM survey_responses")["n"][0] == 4  # the store itself is whole
    version = store.version()
    with pytest.raises(PermissionError, match="limited to segment SMB cannot change data"):
        smb.undo(1, user=ANALYST)
    with pytest.raises(PermissionError, match="limited to segment SMB cannot change data"):
        kept_voices.pin(smb, {"window_label": "2026-W36"}, user=ANALYST)
    assert store.version() == version and smb.cache_key != store.cache_key
    log = audit.log(store, user=ADMIN)
    refused = log[log["outcome"] == "refused"]
    assert refused[["who", "action", "object"]].values.tolist() == [
        [ANALYST.identity, "pin_voice", "2026-W36"], [ANALYST.identity, "undo", "batch 1"]]


def test_what_a_scoped_reader_exports_is_audited_in_the_store(store):
    from empathy.meeting.export import export_for
    smb = store.scoped(SMB_LEAD.scope)
    export_for(smb, SMB_LEAD, pd.DataFrame({"text": ["slow again"]}), "csv", "voices")
    log = audit.log(store, user=ADMIN)
    assert log[["who", "action", "outcome", "detail"]].values.tolist() == [
        [SMB_LEAD.identity, "export", "done", "1 rows as CSV"]]


def test_a_sign_out_ends_that_sign_in_and_everywhere_ends_every_earlier_one(store):
    from datetime import datetime, timedelta, timezone
    issued = datetime(2026, 12, 1, 9, 0, 0, tzinfo=timezone.utc)
    assert not people.signed_out(store, "cxo@example.com", "laptop", issued)
    people.sign_out(store, User("cxo@example.com", Role.VIEWER), "laptop")
    assert people.signed_out(store, "cxo@example.com", "laptop", issued)  # that cookie, wherever it is shown
    assert not people.signed_out(store, "cxo@example.com", "phone", issued)  # the same person's other browser
    assert not people.signed_out(store, "dana@example.com", "laptop", issued)
    with pytest.raises(PermissionError, match="may not change who has which role"):
        people.sign_out_everywhere(store, ["cxo@example.com"], user=ANALYST, why="lost phone")
    people.sign_out_everywhere(store, ["cxo@example.com"], user=ADMIN, why="lost phone")
    now = datetime.now(timezone.utc)
    assert people.signed_out(store, "cxo@example.com", "phone", now - timedelta(seconds=2))  # made before: refused
    assert not people.signed_out(store, "cxo@example.com", "tablet", now + timedelta(seconds=2))  # signed in again after
    log = audit.log(store, user=ADMIN)
    assert log[["who", "action", "object", "outcome"]].values.tolist()[:3] == [
        [ADMIN.identity, "sign_out_everywhere", "cxo@example.com", "done"],
        [ANALYST.identity, "edit_roles", "cxo@example.com", "refused"],
        ["cxo@example.com", "sign_out", "cxo@example.com", "done"]]
