"""A limited product lead's view: only their accounts' rows, no write, every refusal audited."""

import pandas as pd
import pytest

from conftest import ADMIN, ANALYST, SMB_LEAD
from empathy.access.roles import DataScope
from empathy.meeting.export import export_for
from empathy.store import audit
from empathy.store import voices as kept_voices
from test_store import ACCOUNTS_V1, ACCOUNTS_V2, load_text


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
    smb = store.scoped(SMB_LEAD.scope)
    export_for(smb, SMB_LEAD, pd.DataFrame({"text": ["slow again"]}), "csv", "voices")
    log = audit.log(store, user=ADMIN)
    assert log[["who", "action", "outcome", "detail"]].values.tolist() == [
        [SMB_LEAD.identity, "export", "done", "1 rows as CSV"]]


