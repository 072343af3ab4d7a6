"""Segments: where a figure comes from. Every value of a dimension side by side, what hurts most on
top; then one value drilled into: its trend, its themes, what its customers said, its calls."""

import streamlit as st

from empathy.figures import explore, search
from empathy.figures.scope import Scope
from empathy.figures.search import VoiceQuery
from empathy.meeting.charts import segment_chart, trend_chart
from empathy.meeting.wording import TILES, language_mix
from ui.common import cached, chart_spec, get_settings, get_store, window_or_stop
from ui.explore_view import QUOTE_COLUMNS, SPLITS, call_html, dimension_label, segment_table, voices_params
from ui.text import literal
from ui.url_state import one_of, publish, seed
from ui.window_picker import window_params

NONE = ""
store, settings = get_store(), get_settings()
window = window_or_stop(store, settings, "Segments")
seed("segments", {"dim": ("seg-dim", one_of(list(SPLITS))), "and": ("seg-and", one_of(list(SPLITS))),
                  "is": ("seg-is", str), "sort": ("seg-sort", one_of(list(TILES))), "value": ("seg-value", str),
                  "call": ("seg-call", str)})

st.title("Segments")
st.caption(f"{window.label} ({window.start:%d %b} to {window.end:%d %b %Y}), against {window.previous().label}. "
           "Each figure with its 95% margin of error, its n and its change; “real” marks a change beyond noise.")
choose = st.columns(4)
dimension = choose[0].selectbox("Split by", SPLITS, format_func=dimension_label, key="seg-dim")
narrow_by = choose[1].selectbox("Narrow to", [NONE, *[d for d in SPLITS if d != dimension]], key="seg-and",
                                format_func=lambda d: "everyone" if d == NONE else dimension_label(d))
filters = ()
if narrow_by:
    narrow_values = sorted(set(cached(explore.segment_figures, store, window, Scope(narrow_by), settings)["value"]))
    narrow_to = choose[2].selectbox(dimension_label(narrow_by), narrow_values, key="seg-is")
    filters = ((narrow_by, narrow_to),) if narrow_to is not None else ()
scope = Scope(dimension, filters)
figures = explore.measured(scope)
if not figures:
    st.info(f"{dimension_label(dimension)} and {dimension_label(narrow_by)} are never known together: "
            "no figure can be split that way.")
    st.stop()
sort = choose[3].selectbox("Hurting most on", figures, key="seg-sort", format_func=lambda f: TILES[f][0])

frame = cached(explore.segment_figures, store, window, scope, settings)
if frame.empty:
    st.info("Nothing in this window for that choice. Pick another week or widen the filter.")
    st.stop()
order = explore.hurting_first(frame, sort)
st.dataframe(segment_table(frame, order, figures), hide_index=True, width="stretch")
rows = frame[frame["metric"] == sort].set_index("value").reindex(order).dropna(subset=["figure"]).reset_index()
if not rows.empty:
    title, _, value_format = TILES[sort]
    st.vega_lite_chart(spec=chart_spec(segment_chart, rows, value_format, f"{title} ± 95% margin of error"), width="stretch")

st.divider()
value = st.selectbox(f"Drill into a {dimension_label(dimension).lower()}", [NONE, *order], key="seg-value",
                     format_func=lambda v: "pick one" if v == NONE else v)
call_id = None
if value:
    drilled = Scope(None, (*filters, (dimension, value)))
    st.header(" × ".join(literal(v) for _, v in drilled.filters))
    if mix := language_mix(cached(explore.languages_said, store, window, drilled, settings.timezone)):
        st.caption(f"In {window.label}: {literal(mix)}.")
    trend_tab, themes_tab, said_tab, calls_tab = st.tabs(["Trend", "Themes", "What they said", "Calls"])
    with trend_tab:
        trends = cached(explore.value_trends, store, window, drilled, settings)
        shown = [name for name in figures if name in explore.measured(drilled)]
        for column, name in zip(st.columns(len(shown)), shown):
            title, _, value_format = TILES[name]
            column.markdown(f"**{title}**")
            trend = trends[(trends["metric"] == name) & trends["value"].notna()]
            if trend.empty:
                column.caption("No data in these weeks.")
            else:
                column.vega_lite_chart(spec=chart_spec(trend_chart, trend, value_format, 160, True), width="stretch")
        st.caption(f"The {settings.trend_windows} windows ending with {window.label}; hollow points have fewer "
                   f"than {settings.min_n} answers or calls.")
    with themes_tab:
        st.dataframe(cached(explore.theme_mentions, store, window, drilled, settings.timezone), hide_index=True,
                     width="stretch", column_config={
                         "theme": "Theme", "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
                         "sentiment": st.column_config.NumberColumn("Mean sentiment", format="%+.2f"),
                         "negative": st.column_config.NumberColumn("Negative mentions", format="%d")})
        st.caption("Survey comments and customer turns of calls in this window that mention each theme.")
    with said_tab:
        found = cached(search.search, store, VoiceQuery(scope=drilled, window=window), settings.timezone,
                       settings.voice, 50)
        st.caption(f"{found.total} comments and customer turns in this window, the newest {len(found.rows)} "
                   "here; personal details are redacted.")
        st.dataframe(found.rows[["said_at", "text", "compound", "account_name", "who", "context"]], hide_index=True,
                     width="stretch", column_config=QUOTE_COLUMNS)
        st.page_link("app_pages/voices.py", label="Search all of them on the Voices page", icon=":material/search:",
                     query_params=voices_params(drilled.filters, window_params()))
    with calls_tab:
        calls = cached(explore.calls_in_scope, store, window, drilled, settings.timezone)
        if calls.empty:
            st.caption("No calls in this window for this choice.")
        else:
            labels = {row.call_id: f"{row.call_id} · {row.started_at:%a %d %b} · {row.account_name or row.account_id} · "
                                   f"{row.call_type} · sentiment {row.sentiment_mean:+.2f}"
                      if row.sentiment_mean == row.sentiment_mean else f"{row.call_id} · not scored"
                      for row in calls.itertuples()}
            call_id = st.selectbox("Open a call (most negative first)", [NONE, *labels], key="seg-call",
                                   format_func=lambda c: "pick one" if c == NONE else labels[c])
            if call_id:
                header = cached(search.call_header, store, call_id)
                st.markdown(f"**{literal(header['account_name'] or header['account_id'])}** · "
                            f"{literal(header['call_type'])} call · {header['started_at']:%a %d %b %Y %H:%M} UTC · "
                            f"agent {literal(header['agent'] or 'unknown')}"
                            + (" · escalated" if header["escalated"] else ""))
                st.markdown(call_html(cached(search.call_turns, store, call_id, settings.voice)), unsafe_allow_html=True)
                st.page_link("app_pages/accounts.py", label="This account's story", icon=":material/person:",
                             query_params={**window_params(), "account": header["account_id"]})

publish("segments", {"dim": dimension, "and": narrow_by or None, "is": filters[0][1] if filters else None,
                     "sort": sort, "value": value or None, "call": call_id or None})
