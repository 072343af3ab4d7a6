"""The window the board shows: 1, 4 or 13 ISO weeks ending with a chosen week, or any range of days.

The choice is kept in the URL (`?window=2026-W39&weeks=4`, or `?from=2026-07-01&to=2026-09-30`) so a
view can be bookmarked and sent; a URL value that is not a valid choice falls back to the default.
Every page shows the same window picker, and links between pages carry the window (`window_params`).
"""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from empathy import language
from empathy.figures.metrics import Window, iso_week, weeks_ending
from empathy.language import N_, _
from ui.url_state import one_of, publish, seed

SPANS = {N_("1 week"): 1, N_("4 weeks"): 4, N_("Quarter (13 weeks)"): 13, N_("Custom range"): None}


def week_labels(latest: Window, first: date) -> list[str]:
    """ISO weeks from the latest complete one back to the one holding the first data."""
    labels, week = [], latest
    while week.end >= first:
        labels.append(week.label)
        week = week.previous()
    return labels or [latest.label]


def _seed_from_url(labels: list[str]) -> None:
    """The widgets take the URL's window when the URL is new (a link, a bookmark, the back button)."""
    if not seed("window", {"window": ("window-week", one_of(labels)), "weeks": ("window-span", _span),
                           "from": ("window-from", date.fromisoformat), "to": ("window-to", date.fromisoformat)},
                keep_missing=True):
        return
    start, end = st.session_state.pop("window-from", None), st.session_state.pop("window-to", None)
    if start and end and start <= end and "from" in st.query_params:
        st.session_state["window-span"] = "Custom range"
        st.session_state["window-range"] = (start, end)


def _span(weeks: str) -> str:
    return {str(n): span for span, n in SPANS.items() if n}[weeks]


def pick_window(latest: Window, first: date) -> Window:
    labels = week_labels(latest, first)
    _seed_from_url(labels)
    span = st.sidebar.radio(_("Window"), list(SPANS), key="window-span", format_func=_)
    weeks = SPANS[span]
    if weeks:
        label = st.sidebar.selectbox(_("Ending with the week"), labels, key="window-week", format_func=language.week)
        window = weeks_ending(iso_week(label), weeks)
        publish("window", {"window": label, "weeks": str(weeks), "from": None, "to": None})
        return window
    default = (weeks_ending(latest, 4).start, latest.end)
    chosen = st.sidebar.date_input(_("From and to (both days included)"), value=default, key="window-range",
                                   max_value=latest.end + timedelta(days=7), format="YYYY-MM-DD")
    if len(chosen) != 2:
        st.sidebar.caption(_("Pick the last day too; until then the board shows the default range."))
        chosen = default
    window = Window(*chosen)
    publish("window", {"window": None, "weeks": None, "from": window.start.isoformat(), "to": window.end.isoformat()})
    return window


def window_params() -> dict[str, str]:
    """The window's URL parameters, for a link to another page showing the same window."""
    return {key: st.query_params[key] for key in ("window", "weeks", "from", "to") if key in st.query_params}


def params_of(window: Window) -> dict[str, str]:
    """The URL parameters that open `window` (weeks ending with a week, or a range of days)."""
    if window.start.isoweekday() == 1 and window.days % 7 == 0:
        last = window.end.isocalendar()
        return {"window": f"{last.year}-W{last.week:02d}", "weeks": str(window.days // 7)}
    return {"from": window.start.isoformat(), "to": window.end.isoformat()}
