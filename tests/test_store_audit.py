"""The audit log: appended inside the transaction of what it records, read by admins, newest first."""

from datetime import datetime, timedelta

import pytest

from conftest import ADMIN, ANALYST, VIEWER
from empathy.store import audit


def test_rows_are_numbered_in_order_and_read_newest_first_from_a_moment(store):
    store.audit(VIEWER, "export", "voices", "done", "3 rows as CSV")
    store.write(lambda cursor: audit.append(cursor, ANALYST, "undo", "batch 7", "done"))
    log = audit.log(store, user=ADMIN)
    assert log[["entry", "who", "role", "action", "object"]].values.tolist() == [
        [2, ANALYST.identity, "analyst", "undo", "batch 7"], [1, VIEWER.identity, "viewer", "export", "voices"]]
    assert audit.log(store, user=ADMIN, since=datetime.now() + timedelta(days=1)).empty


def test_a_write_that_fails_takes_its_audit_row_with_it(store):
    def failing(cursor):
        audit.append(cursor, ANALYST, "undo", "batch 7", "done")
        raise RuntimeError("the disk went away")
    with pytest.raises(RuntimeError):
        store.write(failing)
    assert audit.log(store, user=ADMIN).empty


def test_only_an_admin_reads_it(store):
    with pytest.raises(PermissionError, match="may not read the audit log"):
        audit.log(store, user=ANALYST)
