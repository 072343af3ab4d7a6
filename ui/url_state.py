"""A page's choices kept in the URL, so a view can be bookmarked, sent, and reached with the browser's
back button.

The URL holds plain strings only (never anything unpickled or evaluated). Before its widgets, a page
seeds them from the URL when the URL is not what the page itself last wrote: a link someone sent, a
bookmark, or the back button. After its widgets, it writes their values back.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st


def seed(group: str, fields: dict[str, tuple[str, Callable[[str], object]]], keep_missing: bool = False) -> bool:
    """`fields`: URL parameter -> (widget key, parse). A value that does not parse, or is not a
    choice the widget offers (parse raises ValueError), is ignored. A parameter the new URL lacks
    puts its widget back to its default (the back button to a view without it), unless
    `keep_missing` (the window, which a page opened from the menu keeps). True when the URL was new."""
    current = {param: st.query_params.get(param) for param in fields}
    if st.session_state.get(f"url-{group}") == current:
        return False
    for param, (key, parse) in fields.items():
        if current[param] is None:
            if not keep_missing:
                st.session_state.pop(key, None)
            continue
        try:
            st.session_state[key] = parse(current[param])
        except (ValueError, KeyError):
            pass
    return True


def publish(group: str, values: dict[str, str | None]) -> None:
    """Write the page's choices to the URL (None or "" removes a parameter); what changed is set in one
    update, one message to the browser rather than one a parameter."""
    changed = {param: value for param, value in values.items()
               if value not in (None, "") and st.query_params.get(param) != value}
    for param, value in values.items():
        if value in (None, ""):
            st.query_params.pop(param, None)
    if changed:
        st.query_params.update(changed)
    st.session_state[f"url-{group}"] = {param: st.query_params.get(param) for param in values}


def one_of(options: list[str]) -> Callable[[str], str]:
    """A parser that accepts only one of the widget's options."""
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(text)
        return text
    return parse


def some_of(options: list[str]) -> Callable[[str], list[str]]:
    """A parser of a comma-separated list, each item one of the widget's options."""
    def parse(text: str) -> list[str]:
        chosen = [part for part in text.split(",") if part]
        if not set(chosen) <= set(options):
            raise ValueError(text)
        return chosen
    return parse
