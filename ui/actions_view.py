"""Actions from the meeting on a page: the form that records one, and the list where each is followed
up (open, done, dropped, with a note). The store checks the role of every write; these only show
what the person may do. Both write in the form's callback, before the page runs, so the page shows
the action at once."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from empathy.access.roles import User
from empathy.figures.metrics import Window
from empathy.language import N_, _, day
from empathy.meeting.wording import coded
from empathy.store import Store, StoreError
from empathy.store import actions as kept_actions
from ui.text import literal

NO_LINK = N_("nothing in particular")
LINK_KINDS = {"account": N_("account"), "theme": N_("theme"), "voice": N_("voice")}  # what an action is about


def record_form(store: Store, user: User, window: Window, links: dict[str, tuple[str, str]], key: str, *,
                about_first: bool = False) -> None:
    """What, who, by when, and what it is about (`links`: label -> (kind, id), the first one chosen
    when `about_first`), raised in `window`."""
    with st.form(f"{key}-form", clear_on_submit=True):
        st.text_input(_("What is to be done"), key=f"{key}-what",
                      placeholder=_("e.g. call the sponsor about month-end reports"))
        row = st.columns(3)
        row[0].text_input(_("Owner"), key=f"{key}-owner", placeholder=_("a name or e-mail"))
        row[1].date_input(_("Due"), value=date.today() + timedelta(days=7), format="YYYY-MM-DD", key=f"{key}-due")
        row[2].selectbox(_("About"), [*links, NO_LINK] if about_first else [NO_LINK, *links], key=f"{key}-about",
                         format_func=lambda about: _(NO_LINK) if about == NO_LINK else about)
        st.form_submit_button(_("Record the action"), type="primary", on_click=_record,
                              args=(store, user, window, links, key))
    _show_outcome(key)


def _record(store: Store, user: User, window: Window, links: dict[str, tuple[str, str]], key: str) -> None:
    kind, link = links.get(st.session_state[f"{key}-about"], (None, None))
    try:
        number = kept_actions.record(store, {"what": st.session_state[f"{key}-what"],
                                      "owner": st.session_state[f"{key}-owner"], "due": st.session_state[f"{key}-due"],
                                      "link_kind": kind, "link": link, "window_label": window.label}, user=user)
    except (StoreError, PermissionError) as error:
        st.session_state[f"{key}-outcome"] = ("error", "**" + _("Not recorded.") + f"** {literal(error)}")
    else:
        st.session_state[f"{key}-outcome"] = ("success", _("Action {number} recorded.").format(number=number))


def follow_up_list(store: Store, user: User, found: pd.DataFrame, key: str) -> None:
    """Each action with its state; people allowed to follow up change the status and say what happened."""
    _show_outcome(key)
    if found.empty:
        st.caption(_("No actions yet."))
        return
    editing = user.may("record_action")
    for action in found.itertuples():
        about = _(" · about {kind} {link}").format(
            kind=_(LINK_KINDS.get(action.link_kind, action.link_kind)),
            link=coded(action.link_kind, action.link)) if action.link_kind else ""
        state = _("overdue") if action.overdue else _(action.status)
        line, change = st.columns([5, 2], vertical_alignment="center")
        line.markdown(f"**#{action.action_id} {literal(action.what)}** · {literal(action.owner)} · "
                      + _("due {day}").format(day=day(action.due)) + f" · **{state}**{literal(about)}"
                      + (f"  \n{literal(action.note)}" if action.note else ""))
        if editing:
            with change.popover(_("Follow up"), width="stretch"), st.form(f"{key}-{action.action_id}"):
                fields = f"{key}-{action.action_id}"
                st.radio(_("Status"), kept_actions.STATUSES, index=kept_actions.STATUSES.index(action.status),
                         horizontal=True, key=f"{fields}-status", format_func=_)
                st.text_input(_("What happened"), value=action.note or "", key=f"{fields}-note")
                st.form_submit_button(_("Save"), on_click=_follow_up, args=(store, user, action.action_id, fields, key))


def _follow_up(store: Store, user: User, action_id: int, fields: str, key: str) -> None:
    try:
        kept_actions.update(store, action_id, st.session_state[f"{fields}-status"], st.session_state[f"{fields}-note"],
                            user=user)
    except (StoreError, PermissionError) as error:
        st.session_state[f"{key}-outcome"] = ("error", "**" + _("Not saved.") + f"** {literal(error)}")


def _show_outcome(key: str) -> None:
    if outcome := st.session_state.pop(f"{key}-outcome", None):
        kind, said = outcome
        (st.error if kind == "error" else st.success)(said)
