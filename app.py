"""Customer Empathy Board: routes to the pages, grouped by who uses them."""

import streamlit as st

from ui.common import demo_banner, get_store

st.set_page_config(page_title="Customer Empathy Board", page_icon=":material/groups:", layout="wide")

store = get_store()

navigation = st.navigation({
    "Board room": [st.Page("app_pages/board.py", title="Board", icon=":material/co_present:", url_path="board",
                           default=True)],
    "Explore": [
        st.Page("app_pages/segments.py", title="Segments", icon=":material/stacked_bar_chart:", url_path="segments"),
        st.Page("app_pages/accounts.py", title="Accounts", icon=":material/apartment:", url_path="accounts"),
        st.Page("app_pages/voices.py", title="Voices", icon=":material/record_voice_over:", url_path="voices"),
        st.Page("app_pages/themes.py", title="Themes", icon=":material/sell:", url_path="themes"),
    ],
    "Data": [st.Page("app_pages/data.py", title="Data", icon=":material/database:", url_path="data")],
})
demo_banner(store)
navigation.run()
