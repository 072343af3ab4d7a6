"""Sign-outs (one browser, or every earlier sign-in of a person) and the roles file saved by an admin."""

from datetime import datetime, timedelta, timezone

import pytest

from conftest import ADMIN, ANALYST, ROLES_TOML
from empathy.access.roles import Role, RolesError, User, read_roles
from empathy.store import audit, people


def test_a_sign_out_ends_that_sign_in_and_everywhere_ends_every_earlier_one(store):
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


def test_taking_a_person_out_of_the_roles_file_signs_them_out_everywhere(store, roles_file):
    before = datetime.now(timezone.utc) - timedelta(seconds=2)
    people.save_roles(store, ADMIN, ROLES_TOML.replace('"dana@example.com" = "analyst"\n', ""))
    assert read_roles().user_for("dana@example.com") is None
    assert people.signed_out(store, "dana@example.com", "any browser", before)
    assert not people.signed_out(store, "cxo@example.com", "any browser", before)  # still in the file


def test_an_admin_saves_the_roles_file_and_the_audit_says_who_changed(store, roles_file):
    people.save_roles(store, ADMIN, ROLES_TOML.replace('"cxo@example.com" = "viewer"', '"cxo@example.com" = "analyst"'))
    assert read_roles().user_for("cxo@example.com").role is Role.ANALYST
    entry = audit.log(store, user=ADMIN).iloc[0]
    assert (entry["who"], entry["action"], entry["outcome"]) == ("ada@example.com", "edit_roles", "done")
    assert entry["detail"] == "cxo@example.com viewer -> analyst"


def test_a_wrong_roles_file_saves_nothing(store, roles_file):
    with pytest.raises(RolesError):
        people.save_roles(store, ADMIN, '[people]\n"a@x.com" = "boss"\n')
    assert roles_file.read_text() == ROLES_TOML
