"""The meeting's actions as kept: what, owner, due date, linked to an account, a theme or a window's
voice; open, done or dropped with a note. Their follow-up (overdue, last week's) is
`meeting/actions.py`. A product lead limited to a scope records and follows up actions on the scope's
accounts only."""

from __future__ import annotations

import pandas as pd

from empathy.access.roles import User
from empathy.language import N_, _
from empathy.store import audit
from empathy.store.core import scalar
from empathy.store.faults import StoreError

STATUSES = ("open", "done", "dropped")
LINKS = ("account", "theme", "voice")


def record(store, action: dict, *, user: User) -> int:
    """A new open action from the meeting (what, owner, due, window_label, link_kind, link); its id."""
    what = action.get("what") or "an action"
    store.authorize(user, "record_action", what)
    problems = _problems(action)
    if problems:
        raise StoreError(_("The action was not recorded: {problems}.").format(problems="; ".join(problems)))
    if store.limited and (action.get("link_kind") != "account" or not _in_scope(store, action.get("link"))):
        store.refuse(user, "record_action", what, _("A view limited to {scope} records actions on its own accounts "
                                                    "only: link the action to one of them.").format(
            scope=store.scope.describe()))

    def add(cursor):
        action_id = scalar(cursor, "SELECT coalesce(max(action_id), 0) + 1 FROM actions")
        cursor.execute("""INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?, ?, 'open', '', now()::TIMESTAMP, ?,
                          now()::TIMESTAMP, ?)""",
                       [action_id, action["window_label"], action["what"].strip(), action["owner"].strip(),
                        action["due"], action.get("link_kind"), action.get("link"), user.identity, user.identity])
        audit.append(cursor, user, "record_action", f"action {action_id}", "done", action["what"].strip())
        return action_id
    return store.whole.write(add, "meeting_version")


def update(store, action_id: int, status: str, note: str, *, user: User) -> None:
    """An action followed up: open, done or dropped, with a note saying what happened."""
    store.authorize(user, "record_action", f"action {action_id}")
    if status not in STATUSES:
        raise StoreError(_("'{status}' is not a status of an action; use {statuses}.").format(
            status=status, statuses=", ".join(STATUSES)))
    if store.limited and action_id not in set(every(store)["action_id"]):
        store.refuse(user, "update_action", f"action {action_id}",
                     _("Action {action} is not on an account of {scope}.").format(action=action_id,
                                                                                  scope=store.scope.describe()))

    def follow_up(cursor):
        if not cursor.execute("SELECT 1 FROM actions WHERE action_id = ?", [action_id]).fetchall():
            raise StoreError(_("There is no action {action}. `python -m empathy actions` lists them.").format(
                action=action_id))
        cursor.execute("UPDATE actions SET status = ?, note = ?, updated_at = now()::TIMESTAMP, updated_by = ? "
                       "WHERE action_id = ?", [status, note.strip(), user.identity, action_id])
        audit.append(cursor, user, "update_action", f"action {action_id}", "done", f"{status}: {note.strip()}")
    store.whole.write(follow_up, "meeting_version")


def every(store) -> pd.DataFrame:
    """Every action (a limited view's: on its accounts), the newest first."""
    return store.query("SELECT * FROM actions ORDER BY action_id DESC")


def _in_scope(store, account_id: str | None) -> bool:
    return not store.query("SELECT 1 FROM accounts WHERE account_id = ? AND superseded_by IS NULL",
                           [account_id]).empty


def _problems(action: dict) -> list[str]:
    problems = [_(problem) for problem, key in ((N_("say what is to be done"), "what"), (N_("say who owns it"), "owner"))
                if not str(action.get(key) or "").strip()]
    if action.get("due") is None:
        problems.append(_("give a due date"))
    if action.get("link_kind") not in (None, *LINKS):
        problems.append(_("link it to one of {links}, not '{link}'").format(links=", ".join(LINKS),
                                                                           link=action["link_kind"]))
    elif action.get("link_kind") and not str(action.get("link") or "").strip():
        problems.append(_("name the {link} it is about").format(link=_(action["link_kind"])))
    if not action.get("window_label"):
        problems.append(_("name the window it was raised in"))
    return problems
