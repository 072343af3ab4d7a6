"""Customer Empathy Board: who is looking, then the pages their role opens, grouped by who uses them."""

from pathlib import Path

import streamlit as st

from empathy.language import _
from empathy.store.connections import StoreBusyError, StoreError
from ui.auth import current_user, identity_panel
from ui.common import demo_banner, get_store
from ui.language import choose_language, language_switch
from ui.text import literal

choose_language()
# The icon is the app's own file: a Material icon here would be fetched from Google by every browser.
st.set_page_config(page_title=_("Customer Empathy Board"), page_icon=str(Path(__file__).parent / "ui" / "favicon.png"),
                   layout="wide")

user = current_user()
store = get_store(user)

pages = {
    _("Board room"): [st.Page("app_pages/board.py", title=_("Board"), icon=":material/co_present:", url_path="board",
                              default=True)],
    _("Explore"): [
        st.Page("app_pages/segments.py", title=_("Segments"), icon=":material/stacked_bar_chart:", url_path="segments"),
        st.Page("app_pages/accounts.py", title=_("Accounts"), icon=":material/apartment:", url_path="accounts"),
        st.Page("app_pages/backtest.py", title=_("Backtest"), icon=":material/fact_check:", url_path="backtest"),
        st.Page("app_pages/voices.py", title=_("Voices"), icon=":material/record_voice_over:", url_path="voices"),
        st.Page("app_pages/themes.py", title=_("Themes"), icon=":material/sell:", url_path="themes"),
    ],
}
if user.may("load"):
    pages[_("Data")] = [st.Page("app_pages/data.py", title=_("Data"), icon=":material/database:", url_path="data")]
if user.may("read_audit"):
    pages.setdefault(_("Data"), []).append(
        st.Page("app_pages/admin.py", title=_("Admin"), icon=":material/admin_panel_settings:", url_path="admin"))
navigation = st.navigation(pages)
identity_panel(user)
language_switch()
try:
    demo_banner(store, user)
    navigation.run()
except StoreBusyError as busy:  # another program has been writing for longer than a page waits
    st.warning("**" + _("The data is being changed by another program.") + f"** {literal(busy)}",
               icon=":material/hourglass_top:")
except StoreError as fault:  # a damaged file, a full or read-only disk: what it is and what to do
    st.error("**" + _("The data store cannot be used.") + f"** {literal(fault)}", icon=":material/error:")
