"""The window the board shows: 1, 4 or 13 ISO weeks ending with a chosen week, or any range of days.

The choice is kept in the URL (`?window=2026-W39&weeks=4`, or `?from=2026-07-01&to=2026-09-30`) so a
board can be bookmarked and sent; a URL value that is not a valid choice falls back to the default.
"""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from empathy.metrics import Window, iso_week, weeks_ending

SPANS = {"1 week": 1, "4 weeks": 4, "Quarter (13 weeks)": 13, "Custom range": None}


def week_labels(latest: Window, first: date) -> list[str]:
    """ISO weeks from the latest complete one back to the one holding the first data."""
    labels, week = [], latest
    while week.end >= first:
        labels.append(week.label)
        week = week.previous()
    return labels or [latest.label]


def _from_url(labels: list[str]) -> None:
    """Seed the widgets from the URL once per session."""
    if "window-span" in st.session_state:
        return
    params = st.query_params
    try:
        start, end = date.fromisoformat(params["from"]), date.fromisoformat(params["to"])
        if start <= end:
            st.session_state["window-span"] = "Custom range"
            st.session_state["window-range"] = (start, end)
            return
    except (KeyError, ValueError):
        pass
    weeks = {str(n): span for span, n in SPANS.items() if n}.get(params.get("weeks", "1"), "1 week")
    st.session_state["window-span"] = weeks
    if params.get("window") in labels:
        st.session_state["window-week"] = params["window"]


def pick_window(latest: Window, first: date) -> Window:
    labels = week_labels(latest, first)
    _from_url(labels)
    span = st.sidebar.radio("Window", list(SPANS), key="window-span")
    weeks = SPANS[span]
    if weeks:
        label = st.sidebar.selectbox("Ending with the week", labels, key="window-week")
        window = weeks_ending(iso_week(label), weeks)
        _to_url(window=label, weeks=str(weeks))
        return window
    default = (weeks_ending(latest, 4).start, latest.end)
    chosen = st.sidebar.date_input("From and to (both days included)", value=default, key="window-range",
                                   max_value=latest.end + timedelta(days=7), format="YYYY-MM-DD")
    if len(chosen) != 2:
        st.sidebar.caption("Pick the last day too; until then the board shows the default range.")
        chosen = default
    window = Window(*chosen)
    _to_url(**{"from": window.start.isoformat(), "to": window.end.isoformat()})
    return window


def _to_url(**values: str) -> None:
    for key in ("window", "weeks", "from", "to"):
        if key not in values:
            st.query_params.pop(key, None)
    for key, value in values.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
