"""Board: how customers feel this window, whether it changed, who is at risk, and one customer's words."""

import streamlit as st

from empathy import voice as voices
from ui.board_view import (PRESENTATION_STYLE, STYLE, TILES, alerts_html, help_text, themes_html, tile_html,
                           voice_html)
from ui.charts import trend_chart
from ui.explore_view import dimension_label
from ui.window_picker import window_params
from ui.auth import current_user
from ui.common import (board, chart_spec, demo_loaded, get_settings, get_store, presenting, set_presenting,
                       voice_context, voice_history, window_or_stop)

user = current_user()
store, settings = get_store(user), get_settings()
version = store.version()
window = window_or_stop(store, settings, "Board")
st.sidebar.toggle("Presentation mode", value=presenting(), key="present-toggle",
                  on_change=lambda: set_presenting(st.session_state["present-toggle"]),
                  help="Hides the menus and enlarges the type for a projector. Also opens with ?present=1.")
shown = board(store, version, store.voices_version(), window, settings)
present = presenting()
st.markdown(STYLE + (PRESENTATION_STYLE if present else ""), unsafe_allow_html=True)

demo = " · demo data" if present and demo_loaded(store, version) else ""
st.markdown(f'<div class="board-title">How customers feel · {window.label}</div>'
            f'<div class="board-subtitle">{window.start:%a %d %b %Y} to {window.end:%a %d %b %Y} ({settings.timezone}), '
            f'against {window.previous().label}{demo}</div>', unsafe_allow_html=True)

for column, (name, figure) in zip(st.columns(5), shown.figures.items()):
    with column.container(border=True):
        st.markdown(tile_html(name, figure, settings.min_n), unsafe_allow_html=True)
        trend = shown.trends[(shown.trends["metric"] == name) & shown.trends["value"].notna()]
        if not trend.empty:
            st.vega_lite_chart(spec=chart_spec(trend_chart, trend, TILES[name][2]), width="stretch")

voice_column, alerts_column = st.columns([3, 2], gap="large")
with voice_column:
    st.markdown('<div class="section-title">Customer voice of the week</div>', unsafe_allow_html=True)
    if shown.voice is None:
        st.markdown("No comment or customer turn in this window has the strong feeling and readable "
                    "length the rule asks for.")
    else:
        st.markdown(voice_html(shown.voice), unsafe_allow_html=True)
        with st.expander("Context: the turns around it" if shown.voice["source"] == "call" else "Context: the whole answer"):
            st.dataframe(voice_context(store, version, shown.voice, settings.voice), hide_index=True, width="stretch")
            st.caption("Why this one: " + "; ".join(shown.voice["reasons"]) + ".")
    st.markdown('<div class="section-title">Complaints growing</div>', unsafe_allow_html=True)
    st.markdown(themes_html(shown.themes), unsafe_allow_html=True)
with alerts_column:
    st.markdown('<div class="section-title">Accounts at risk (30 days)</div>', unsafe_allow_html=True)
    a = shown.alerts
    st.markdown(alerts_html(a.count("red"), a.arr("red"), a.count("yellow"), a.arr("yellow"), a.newly_red, a.top),
                unsafe_allow_html=True)
    if not present:
        for account in a.top.itertuples():
            st.page_link("app_pages/accounts.py", label=f"{account.account_name or account.account_id}: the story",
                         icon=":material/person:", query_params={**window_params(), "account": account.account_id})

if present:
    st.button("Leave presentation mode", key="leave-present", on_click=set_presenting, args=(False,))
    st.stop()

st.markdown("**Where is it coming from?**")
for column, dimension in zip(st.columns(6), ("segment", "theme", "respondent_role", "region", "plan", "call_type")):
    column.page_link("app_pages/segments.py", label=f"By {dimension_label(dimension).lower()}",
                     icon=":material/stacked_bar_chart:", query_params={**window_params(), "dim": dimension})

st.divider()
st.subheader("Next candidates for the voice")
pinning = user.may("pin_voice")
if pinning and shown.voice is not None and shown.voice["pinned"]:
    st.button("Back to the rule's choice", key="unpin", on_click=voices.unpin, args=(store, user, window))
for i, candidate in enumerate(shown.shortlist):
    quote, action = st.columns([6, 1], vertical_alignment="center")
    quote.markdown(voice_html(candidate, small=True), unsafe_allow_html=True)
    quote.caption("; ".join(candidate["reasons"]))
    if pinning:
        action.button("Pin", key=f"pin-{i}", help="Make this the voice of this window instead", on_click=voices.pin,
                      args=(store, user, window, candidate))
if not shown.shortlist:
    st.caption("No other candidate in this window.")

st.subheader("Past voices")
st.dataframe(voice_history(store, version, store.voices_version(), settings.voice), hide_index=True, width="stretch",
             column_config={"text": st.column_config.TextColumn("Quote", width="large")})

with st.expander("How these figures are computed"):
    st.markdown(help_text(settings))
