"""Actions from the meeting on a page: the form that records one, and the list where each is followed
up (open, done, dropped, with a note). The store checks the role of every write; these only show
what the person may do."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from empathy.access import User
from empathy.metrics import Window
from empathy.store import ACTION_STATUSES, Store, StoreError
from ui.common import as_text

NO_LINK = "nothing in particular"


def record_form(store: Store, user: User, window: Window, links: dict[str, tuple[str, str]], key: str) -> None:
    """What, who, by when, and what it is about (`links`: label -> (kind, id)), raised in `window`."""
    with st.form(f"{key}-form", clear_on_submit=True):
        what = st.text_input("What is to be done", placeholder="e.g. call Bluebay's sponsor about month-end reports")
        row = st.columns(3)
        owner = row[0].text_input("Owner", placeholder="a name or e-mail")
        due = row[1].date_input("Due", value=date.today() + timedelta(days=7), format="YYYY-MM-DD")
        about = row[2].selectbox("About", [NO_LINK, *links])
        if st.form_submit_button("Record the action", type="primary"):
            kind, link = links.get(about, (None, None))
            try:
                number = store.record_action({"what": what, "owner": owner, "due": due, "link_kind": kind,
                                              "link": link, "window_label": window.label}, user=user)
            except (StoreError, PermissionError) as error:
                st.error(f"**Not recorded.** {error}")
            else:
                st.toast(f"Action {number} recorded.", icon=":material/task_alt:")


def follow_up_list(store: Store, user: User, found: pd.DataFrame, key: str) -> None:
    """Each action with its state; people allowed to follow up change the status and say what happened."""
    if found.empty:
        st.caption("No actions yet.")
        return
    editing = user.may("record_action")
    for action in found.itertuples():
        about = f" · about {action.link_kind} {action.link}" if action.link_kind else ""
        state = "overdue" if action.overdue else action.status
        line, change = st.columns([5, 2], vertical_alignment="center")
        line.markdown(f"**#{action.action_id} {as_text(action.what)}** · {as_text(action.owner)} · due "
                      f"{action.due:%d %b %Y} · **{state}**{as_text(about)}"
                      + (f"  \n{as_text(action.note)}" if action.note else ""))
        if editing:
            with change.popover("Follow up", width="stretch"):
                with st.form(f"{key}-{action.action_id}"):
                    status = st.radio("Status", ACTION_STATUSES, index=ACTION_STATUSES.index(action.status),
                                      horizontal=True)
                    note = st.text_input("What happened", value=action.note or "")
                    if st.form_submit_button("Save"):
                        _save(store, user, action.action_id, status, note)


def _save(store: Store, user: User, action_id: int, status: str, note: str) -> None:
    try:
        store.update_action(action_id, status, note, user=user)
    except (StoreError, PermissionError) as error:
        st.error(f"**Not saved.** {error}")
    else:
        st.rerun()
