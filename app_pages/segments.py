"""Segments: where a figure comes from. Every value of a dimension side by side, what hurts most on
top; then one value drilled into: its trend, its themes, what its customers said, its calls."""

import streamlit as st

from empathy.figures import explore, search
from empathy.figures.scope import Scope
from empathy.figures.search import VoiceQuery
from empathy.meeting.charts import segment_chart, trend_chart
from empathy.language import _, long_day, short_day, week
from empathy.meeting.wording import TILES, coded, language_mix, named_themes, title
from ui.common import cached, chart_spec, get_settings, get_store, window_or_stop
from ui.explore_view import (
    SPLITS,
    call_html,
    call_line,
    dimension_label,
    quote_columns,
    segment_table,
    voices_params,
    worded_places,
)
from ui.text import literal
from ui.url_state import one_of, publish, seed
from ui.window_picker import window_params

NONE = ""
store, settings = get_store(), get_settings()
window = window_or_stop(store, settings, _("Segments"))
seed("segments", {"dim": ("seg-dim", one_of(list(SPLITS))), "and": ("seg-and", one_of(list(SPLITS))),
                  "is": ("seg-is", str), "sort": ("seg-sort", one_of(list(TILES))), "value": ("seg-value", str),
                  "call": ("seg-call", str)})

st.title(_("Segments"))
st.caption(_("{window} ({start} to {end}), against {before}. Each figure with its 95% margin of error, its n and its "
             "change; “real” marks a change beyond noise.").format(
    window=week(window.label), start=short_day(window.start), end=long_day(window.end),
    before=week(window.previous().label)))
choose = st.columns(4)
dimension = choose[0].selectbox(_("Split by"), SPLITS, format_func=dimension_label, key="seg-dim")
narrow_by = choose[1].selectbox(_("Narrow to"), [NONE, *[d for d in SPLITS if d != dimension]], key="seg-and",
                                format_func=lambda d: _("everyone") if d == NONE else dimension_label(d))
filters = ()
if narrow_by:
    narrow_values = sorted(set(cached(explore.segment_figures, store, window, Scope(narrow_by), settings)["value"]))
    narrow_to = choose[2].selectbox(dimension_label(narrow_by), narrow_values, key="seg-is")
    filters = ((narrow_by, narrow_to),) if narrow_to is not None else ()
scope = Scope(dimension, filters)
figures = explore.measured(scope)
if not figures:
    st.info(_("{one} and {other} are never known together: no figure can be split that way.").format(
        one=dimension_label(dimension), other=dimension_label(narrow_by)))
    st.stop()
sort = choose[3].selectbox(_("Hurting most on"), figures, key="seg-sort", format_func=title)

frame = cached(explore.segment_figures, store, window, scope, settings)
if frame.empty:
    st.info(_("Nothing in this window for that choice. Pick another week or widen the filter."))
    st.stop()
order = explore.hurting_first(frame, sort)
st.dataframe(segment_table(frame, order, figures, dimension), hide_index=True, width="stretch")
rows = frame[frame["metric"] == sort].set_index("value").reindex(order).dropna(subset=["figure"]).reset_index()
rows = rows.assign(value=[coded(dimension, value) for value in rows["value"]])
if not rows.empty:
    axis = _("{figure} ± 95% margin of error").format(figure=title(sort))
    st.vega_lite_chart(spec=chart_spec(segment_chart, rows, TILES[sort][2], axis), width="stretch")

st.divider()
value = st.selectbox(_("Drill into a {dimension}").format(dimension=dimension_label(dimension).lower()), [NONE, *order],
                     key="seg-value", format_func=lambda v: _("pick one") if v == NONE else coded(dimension, v))
call_id = None
if value:
    drilled = Scope(None, (*filters, (dimension, value)))
    st.header(" × ".join(literal(coded(dimension_name, v)) for dimension_name, v in drilled.filters))
    if mix := language_mix(cached(explore.languages_said, store, window, drilled, settings.timezone)):
        st.caption(_("In {window}: {mix}.").format(window=week(window.label), mix=literal(mix)))
    trend_tab, themes_tab, said_tab, calls_tab = st.tabs([_("Trend"), _("Themes"), _("What they said"), _("Calls")])
    with trend_tab:
        trends = cached(explore.value_trends, store, window, drilled, settings)
        shown = [name for name in figures if name in explore.measured(drilled)]
        for column, name in zip(st.columns(len(shown)), shown):
            column.markdown(f"**{title(name)}**")
            trend = trends[(trends["metric"] == name) & trends["value"].notna()]
            if trend.empty:
                column.caption(_("No data in these weeks."))
            else:
                column.vega_lite_chart(spec=chart_spec(trend_chart, trend, TILES[name][2], 160, True), width="stretch")
        st.caption(_("The {n} windows ending with {window}; hollow points have fewer than {min_n} answers or calls.")
                   .format(n=settings.trend_windows, window=week(window.label), min_n=settings.min_n))
    with themes_tab:
        mentions = cached(explore.theme_mentions, store, window, drilled, settings.timezone)
        st.dataframe(named_themes(mentions), hide_index=True, width="stretch", column_config={
                         "theme": _("Theme"), "mentions": st.column_config.NumberColumn(_("Mentions"), format="%d"),
                         "sentiment": st.column_config.NumberColumn(_("Mean sentiment"), format="%+.2f"),
                         "negative": st.column_config.NumberColumn(_("Negative mentions"), format="%d")})
        st.caption(_("Survey comments and customer turns of calls in this window that mention each theme."))
    with said_tab:
        found = cached(search.search, store, VoiceQuery(scope=drilled, window=window), settings.timezone,
                       settings.voice, 50)
        st.caption(_("{total} comments and customer turns in this window, the newest {shown} here; personal details are "
                     "redacted.").format(total=found.total, shown=len(found.rows)))
        st.dataframe(worded_places(found.rows)[["said_at", "text", "compound", "account_name", "who", "context"]],
                     hide_index=True, width="stretch", column_config=quote_columns())
        st.page_link("app_pages/voices.py", label=_("Search all of them on the Voices page"), icon=":material/search:",
                     query_params=voices_params(drilled.filters, window_params()))
    with calls_tab:
        calls = cached(explore.calls_in_scope, store, window, drilled, settings.timezone)
        if calls.empty:
            st.caption(_("No calls in this window for this choice."))
        else:
            labels = {row.call_id: _("{call} · {day} · {account} · {kind} · sentiment {sentiment:+.2f}").format(
                          call=row.call_id, day=short_day(row.started_at), account=row.account_name or row.account_id,
                          kind=coded("call_type", row.call_type), sentiment=row.sentiment_mean)
                      if row.sentiment_mean == row.sentiment_mean else _("{call} · not scored").format(call=row.call_id)
                      for row in calls.itertuples()}
            call_id = st.selectbox(_("Open a call (most negative first)"), [NONE, *labels], key="seg-call",
                                   format_func=lambda c: _("pick one") if c == NONE else labels[c])
            if call_id:
                header = cached(search.call_header, store, call_id)
                st.markdown(call_line(header))
                st.markdown(call_html(cached(search.call_turns, store, call_id, settings.voice)), unsafe_allow_html=True)
                st.page_link("app_pages/accounts.py", label=_("This account's story"), icon=":material/person:",
                             query_params={**window_params(), "account": header["account_id"]})

publish("segments", {"dim": dimension, "and": narrow_by or None, "is": filters[0][1] if filters else None,
                     "sort": sort, "value": value or None, "call": call_id or None})
