"""Admin: who has which role (the roles file, edited here), and the audit log of everything anyone
did that changed something or took customer data away."""

from datetime import date, datetime, time, timedelta

import pandas as pd
import streamlit as st

from empathy.access.roles import RolesError, read_roles, roles_path, roles_text
from empathy.language import _, long_day
from empathy.meeting.export import export_for
from empathy.store import StoreError, audit, people
from ui.auth import current_user
from ui.common import get_store
from ui.downloads import download_button
from ui.text import literal

user = current_user()
store = get_store(user)
st.title(_("Admin"))
roles_tab, audit_tab = st.tabs([_("Roles"), _("Audit log")])


def grants_table() -> pd.DataFrame:
    roles = read_roles()
    who, role_, limited, everything = _("Who"), _("Role"), _("Limited to"), _("everything")
    rows = [{who: person, role_: role.label, limited: scope.describe() or everything}
            for person, (role, scope) in roles.people.items()]
    rows += [{who: _("anyone @{domain}").format(domain=domain), role_: role.label, limited: scope.describe() or everything}
             for domain, (role, scope) in roles.domains.items()]
    rows += [{who: _("command line as OS user {name}").format(name=name), role_: role.label, limited: everything}
             for name, role in roles.command_line.items()]
    return pd.DataFrame(rows, columns=[who, role_, limited])


with roles_tab:
    if message := st.session_state.pop("roles-saved", None):
        st.success(message)
    st.caption(f"`{roles_path()}`. " + _("A person's own entry wins over their domain's. Roles, each including the one "
                                         "before: **viewer** (board and Explore), **product lead** (may be limited with "
                                         '`segments = ["SMB"]` or `regions = [...]`), **analyst** (loads, undo, Google '
                                         "Sheets, taxonomy, thresholds, voice pins), **admin** (this page, the demo "
                                         "data). Anyone signed in but not listed is asked to see an admin."))
    st.dataframe(grants_table(), hide_index=True, width="stretch")
    with st.form("roles"):
        text = st.text_area(_("The roles file"), value=roles_text(), height=320, key="roles-text")
        if st.form_submit_button(_("Save roles"), type="primary"):
            try:
                people.save_roles(store, user, text)
            except (RolesError, PermissionError) as error:
                st.error("**" + _("Not saved; nothing changed.") + f"** {literal(error)}")
            else:
                st.session_state["roles-saved"] = _("Saved. New roles apply on each person's next click; anyone taken "
                                                    "out of the file is signed out everywhere.")
                st.rerun()
    st.markdown(_("**Sign someone out everywhere** — every browser where they are signed in now must sign in again (a "
                  "lost laptop, a shared cookie). Their role stays as the file gives it."))
    known = sorted(set(read_roles().people) | {who for who in audit.log(store, user=user)["who"] if "@" in who})
    person, go = st.columns([4, 1], vertical_alignment="bottom")
    leaving = person.selectbox(_("Person"), known, index=None, accept_new_options=True, key="sign-out-who",
                               placeholder=_("an e-mail address"))
    if go.button(_("Sign out everywhere"), key="sign-out-everywhere", disabled=not leaving):
        try:
            people.sign_out_everywhere(store, [leaving.strip().lower()], user=user, why="by an admin")
        except (StoreError, PermissionError) as error:
            st.error("**" + _("Not signed out.") + f"** {literal(error)}")
        else:
            st.success(_("{person} is signed out everywhere: their next click asks them to sign in.").format(
                person=literal(leaving)))

with audit_tab:
    pick = st.columns([2, 2, 3, 2])
    since = pick[0].date_input(_("From"), value=date.today() - timedelta(days=30), key="audit-since")
    log = audit.log(store, user=user, since=datetime.combine(since, time()))
    who = pick[1].selectbox(_("Who"), sorted(log["who"].unique()), index=None, placeholder=_("anyone"), key="audit-who")
    actions = pick[2].multiselect(_("Action"), sorted(log["action"].unique()), key="audit-actions",
                                  placeholder=_("any action"))
    outcomes = pick[3].multiselect(_("Outcome"), sorted(log["outcome"].unique()), key="audit-outcomes",
                                   placeholder=_("any outcome"))
    shown = log[(log["who"] == who if who else True) & log["action"].isin(actions or log["action"])
                & log["outcome"].isin(outcomes or log["outcome"])]
    st.markdown(_("**{n:,} entries** since {day}, newest first.").format(n=len(shown), day=long_day(since)))
    download_button(_("Export CSV"), "audit-csv", user, lambda: export_for(store, user, shown, "csv", "audit log"),
                    "audit.csv", "text/csv", disabled=shown.empty)
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "entry": st.column_config.NumberColumn("#", format="%d"),
        "happened_at": st.column_config.DatetimeColumn(_("When (UTC)"), format="YYYY-MM-DD HH:mm:ss"),
        "who": _("Who"), "role": _("Role"), "action": _("Action"), "object": _("On"), "outcome": _("Outcome"),
        "detail": st.column_config.TextColumn(_("Detail"), width="large")})
