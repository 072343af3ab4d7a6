"""Actions from the meeting: recorded by those allowed, followed up, and carried into next week's board."""

import json
from datetime import date

import pytest

from conftest import ADMIN, ANALYST, SMB_LEAD, VIEWER, empathy, load_text
from empathy.access.roles import Role, User
from empathy.figures.metrics import iso_week
from empathy.meeting.actions import follow_up, listed
from empathy.store import StoreError, audit
from empathy.store import actions as kept_actions

W46, W47 = iso_week("2026-W46"), iso_week("2026-W47")
TODAY = date(2026, 11, 25)
LEAD = User("lee@example.com", Role.PRODUCT_LEAD, "Lee")


def action(what: str, due: date, window: str = "2026-W46", kind: str | None = None, link: str | None = None) -> dict:
    return {"what": what, "owner": "Dana", "due": due, "window_label": window, "link_kind": kind, "link": link}


@pytest.fixture
def raised(store):
    """Four actions from the W46 meeting and one from W47: one done, one dropped, one overdue, one open."""
    load_text(store, "account_id,account_name,segment\nA1,Acme,SMB\nB1,Big Co,Enterprise\n", "accounts.csv")
    ids = [kept_actions.record(store, action("Call Acme's sponsor", date(2026, 11, 20), kind="account", link="A1"), user=LEAD),
           kept_actions.record(store, action("Fix the report timeout", date(2026, 11, 30), kind="voice", link="2026-W46"),
                               user=ANALYST),
           kept_actions.record(store, action("Review billing errors", date(2026, 11, 18), kind="theme", link="billing"),
                               user=ANALYST),
           kept_actions.record(store, action("Send a survey reminder", date(2026, 11, 30)), user=ANALYST),
           kept_actions.record(store, action("Talk to Big Co", date(2026, 12, 2), "2026-W47", "account", "B1"), user=ANALYST)]
    kept_actions.update(store, ids[0], "done", "Called on Thursday", user=LEAD)
    kept_actions.update(store, ids[1], "done", "Timeout raised; shipped 19 Nov", user=ANALYST)
    kept_actions.update(store, ids[3], "dropped", "Covered by the new invitation flow", user=ANALYST)
    return ids


def test_last_weeks_actions_on_this_weeks_board(store, raised):
    went = follow_up(store, W47, TODAY)
    # W46: 2 done, 1 dropped, 1 open and due 18 Nov (overdue on the 25th); the W47 action is not last week's
    assert (went.done, went.dropped, went.open, went.overdue) == (2, 1, 0, 1)
    assert went.describe() == "Actions from 2026-W46: 2 done, 1 overdue, 1 dropped"
    assert went.voice[["what", "status", "note"]].values.tolist() == [
        ["Fix the report timeout", "done", "Timeout raised; shipped 19 Nov"]]
    assert follow_up(store, iso_week("2026-W48"), TODAY).describe() == \
        "Actions from 2026-W47: 1 open"
    assert follow_up(store, W46, TODAY).describe() == "No actions were recorded on the board of 2026-W45"


def test_listing_open_overdue_and_by_account(store, raised):
    assert listed(store, TODAY, open_only=True)["what"].tolist() == ["Talk to Big Co", "Review billing errors"]
    assert listed(store, TODAY)["overdue"].tolist() == [False, False, True, False, False]
    assert listed(store, TODAY, account_id="A1")["note"].tolist() == ["Called on Thursday"]


def test_an_action_needs_what_who_and_when(store):
    with pytest.raises(StoreError, match="say what is to be done; say who owns it; give a due date"):
        kept_actions.record(store, {"what": " ", "owner": "", "due": None, "window_label": "2026-W47"}, user=ANALYST)
    with pytest.raises(StoreError, match="link it to one of account, theme, voice"):
        kept_actions.record(store, action("x", TODAY, kind="planet", link="Mars"), user=ANALYST)
    with pytest.raises(StoreError, match="not a status"):
        kept_actions.update(store, kept_actions.record(store, action("x", TODAY), user=ANALYST), "finished", "", user=ANALYST)
    with pytest.raises(StoreError, match="There is no action 99"):
        kept_actions.update(store, 99, "done", "", user=ANALYST)


def test_who_may_record_and_follow_up(store, raised):
    with pytest.raises(PermissionError, match="may not record or follow up actions"):
        kept_actions.record(store, action("x", TODAY), user=VIEWER)
    scoped = store.scoped(SMB_LEAD.scope)
    assert set(kept_actions.every(scoped)["link"]) == {"A1"}  # only actions on the scope's accounts
    with pytest.raises(PermissionError, match="records actions on its own accounts only"):
        kept_actions.record(scoped, action("x", TODAY, kind="account", link="B1"), user=SMB_LEAD)
    with pytest.raises(PermissionError, match="not on an account of segment SMB"):
        kept_actions.update(scoped, raised[4], "done", "", user=SMB_LEAD)
    mine = kept_actions.record(scoped, action("Visit Acme", TODAY, kind="account", link="A1"), user=SMB_LEAD)
    kept_actions.update(scoped, mine, "done", "Visited", user=SMB_LEAD)
    assert kept_actions.every(store).set_index("action_id").loc[mine, "status"] == "done"
    log = audit.log(store, user=ADMIN)
    assert log[log["action"] == "record_action"]["outcome"].value_counts().to_dict() == {"done": 6, "refused": 2}
    refused = log[(log["outcome"] == "refused") & (log["who"] == SMB_LEAD.identity)]
    assert refused[["action", "object"]].values.tolist() == [["update_action", f"action {raised[4]}"],
                                                             ["record_action", "x"]]
    assert "own accounts only" in refused["detail"].iloc[1]


def test_the_command_line_lists_actions(db_path, store, raised):
    store.close()
    found = empathy("actions", "--open", "--json", db_path=db_path)
    assert found.returncode == 0, found.stderr
    assert [a["what"] for a in json.loads(found.stdout)] == ["Talk to Big Co", "Review billing errors"]
    shown = empathy("actions", db_path=db_path).stdout
    assert "Dana: Call Acme's sponsor [account A1] — Called on Thursday" in shown
    assert "overdue" in shown  # the billing review was due 18 Nov
