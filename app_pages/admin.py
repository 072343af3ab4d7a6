"""Admin: who has which role (the roles file, edited here), and the audit log of everything anyone
did that changed something or took customer data away."""

from datetime import date, datetime, time, timedelta

import pandas as pd
import streamlit as st

from empathy.access.roles import RolesError, read_roles, roles_path, roles_text
from empathy.meeting.export import export_for
from empathy.store import StoreError, audit, people
from ui.auth import current_user
from ui.common import get_store
from ui.downloads import download_button
from ui.text import literal

user = current_user()
store = get_store(user)
st.title("Admin")
roles_tab, audit_tab = st.tabs(["Roles", "Audit log"])


def grants_table() -> pd.DataFrame:
    roles = read_roles()
    rows = [{"Who": who, "Role": role.label, "Limited to": scope.describe() or "everything"}
            for who, (role, scope) in roles.people.items()]
    rows += [{"Who": f"anyone @{domain}", "Role": role.label, "Limited to": scope.describe() or "everything"}
             for domain, (role, scope) in roles.domains.items()]
    rows += [{"Who": f"command line as OS user {name}", "Role": role.label, "Limited to": "everything"}
             for name, role in roles.command_line.items()]
    return pd.DataFrame(rows, columns=["Who", "Role", "Limited to"])


with roles_tab:
    if message := st.session_state.pop("roles-saved", None):
        st.success(message)
    st.caption(f"`{roles_path()}`. A person's own entry wins over their domain's. Roles, each including the one "
               "before: **viewer** (board and Explore), **product lead** (may be limited with "
               '`segments = ["SMB"]` or `regions = [...]`), **analyst** (loads, undo, Google Sheets, taxonomy, '
               "thresholds, voice pins), **admin** (this page, the demo data). Anyone signed in but not listed "
               "is asked to see an admin.")
    st.dataframe(grants_table(), hide_index=True, width="stretch")
    with st.form("roles"):
        text = st.text_area("The roles file", value=roles_text(), height=320, key="roles-text")
        if st.form_submit_button("Save roles", type="primary"):
            try:
                people.save_roles(store, user, text)
            except (RolesError, PermissionError) as error:
                st.error(f"**Not saved; nothing changed.** {literal(error)}")
            else:
                st.session_state["roles-saved"] = ("Saved. New roles apply on each person's next click; anyone "
                                                   "taken out of the file is signed out everywhere.")
                st.rerun()
    st.markdown("**Sign someone out everywhere** — every browser where they are signed in now must sign in "
                "again (a lost laptop, a shared cookie). Their role stays as the file gives it.")
    known = sorted(set(read_roles().people) | {who for who in audit.log(store, user=user)["who"] if "@" in who})
    person, go = st.columns([4, 1], vertical_alignment="bottom")
    leaving = person.selectbox("Person", known, index=None, accept_new_options=True, key="sign-out-who",
                               placeholder="an e-mail address")
    if go.button("Sign out everywhere", key="sign-out-everywhere", disabled=not leaving):
        try:
            people.sign_out_everywhere(store, [leaving.strip().lower()], user=user, why="by an admin")
        except (StoreError, PermissionError) as error:
            st.error(f"**Not signed out.** {literal(error)}")
        else:
            st.success(f"{literal(leaving)} is signed out everywhere: their next click asks them to sign in.")

with audit_tab:
    pick = st.columns([2, 2, 3, 2])
    since = pick[0].date_input("From", value=date.today() - timedelta(days=30), key="audit-since")
    log = audit.log(store, user=user, since=datetime.combine(since, time()))
    who = pick[1].selectbox("Who", sorted(log["who"].unique()), index=None, placeholder="anyone", key="audit-who")
    actions = pick[2].multiselect("What", sorted(log["action"].unique()), key="audit-actions")
    outcomes = pick[3].multiselect("Outcome", sorted(log["outcome"].unique()), key="audit-outcomes")
    shown = log[(log["who"] == who if who else True) & log["action"].isin(actions or log["action"])
                & log["outcome"].isin(outcomes or log["outcome"])]
    st.markdown(f"**{len(shown):,} entries** since {since:%d %b %Y}, newest first.")
    download_button("Export CSV", "audit-csv", user, lambda: export_for(store, user, shown, "csv", "audit log"),
                    "audit.csv", "text/csv", disabled=shown.empty)
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "entry": st.column_config.NumberColumn("#", format="%d"),
        "happened_at": st.column_config.DatetimeColumn("When (UTC)", format="YYYY-MM-DD HH:mm:ss"),
        "who": "Who", "role": "Role", "action": "What", "object": "On", "outcome": "Outcome",
        "detail": st.column_config.TextColumn("Detail", width="large")})
