"""What every page shares: the store, its frames cached on its version, the demo banner.

The store is a `cache_resource` (one DuckDB connection per process, never mutated by the cache);
frames are `cache_data` keyed on the store's version, so every page shows new data the moment a
load or undo lands, and never re-reads an unchanged store.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from empathy import voice as voices
from empathy.board import Board, build_board, data_days, latest_complete_week
from empathy.demo import ensure_demo, has_demo
from empathy.metrics import Window
from empathy.settings import Settings, SettingsError, read_settings
from empathy.store import Store, StoreError, store_path
from empathy.voice import VoiceRule
from ui import charts
from ui.window_picker import pick_window


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    """Opened once per process; a brand-new store gets the demo data then, not on every render."""
    store = Store.open(path)
    ensure_demo(store)
    return store


def get_store() -> Store:
    """The store, or a clear message and a stopped page when the file cannot be opened."""
    try:
        return _open_store(str(store_path()))
    except StoreError as error:
        st.error(f"**The data store cannot be opened.** {error}")
        st.stop()


def get_settings() -> Settings:
    """The settings file, or a clear message naming the wrong setting and a stopped page."""
    try:
        return read_settings()
    except SettingsError as error:
        st.error(f"**The settings cannot be used.** {error}")
        st.stop()


def presenting() -> bool:
    """Presentation mode lives in the URL (`?present=1`), so a bookmark opens the board ready to show."""
    return st.query_params.get("present") == "1"


def set_presenting(on: bool) -> None:
    """Into or out of presentation mode, from the sidebar toggle or the button that leaves it."""
    st.session_state["present-toggle"] = on
    if on:
        st.query_params["present"] = "1"
    else:
        st.query_params.pop("present", None)


@st.cache_data(show_spinner=False)
def latest_week(_store: Store, version: int, timezone: str, today: date) -> Window | None:
    return latest_complete_week(_store, timezone, today)


@st.cache_data(show_spinner=False)
def first_day(_store: Store, version: int, timezone: str) -> date | None:
    days = data_days(_store, timezone)
    return None if days is None else days[0]


@st.cache_data(show_spinner=False, max_entries=64)
def board(_store: Store, version: int, voices_version: int, window: Window, settings: Settings) -> Board:
    """Keyed on the data's version and on the voices' (a pin changes the voice, not the figures)."""
    return build_board(_store, window, settings)


def chart_spec(builder, frame: pd.DataFrame, *args) -> dict:
    """The Vega-Lite spec of `builder(frame, *args)` (a chart builder of ui/charts.py), made once per
    frame and arguments: building an Altair chart costs about 40 ms, too much for every rerun."""
    return _chart_spec(builder.__name__, frame, args)


@st.cache_data(show_spinner=False, max_entries=256)
def _chart_spec(builder: str, frame: pd.DataFrame, args: tuple) -> dict:
    return getattr(charts, builder)(frame, *args).to_dict()


def cached(function, store: Store, *args):
    """`function(store, *args)` from the core, computed once per version of the store and arguments:
    every page shows new data the moment a load or undo lands, and never recomputes otherwise."""
    return _cached(f"{function.__module__}:{function.__qualname__}", store, store.version(), args)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, _store: Store, version: int, args: tuple):
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)(_store, *args)


def window_or_stop(store: Store, settings: Settings, title: str) -> Window:
    """The window the sidebar's picker chose, or the page's title, a word on what to do, and a stop
    when nothing is loaded yet."""
    version = store.version()
    today = datetime.now(ZoneInfo(settings.timezone)).date()
    latest = latest_week(store, version, settings.timezone, today)
    if latest is None:
        st.title(title)
        st.info("No survey answers or calls are loaded yet. Load sheets on the **Data** page.")
        st.stop()
    return pick_window(latest, first_day(store, version, settings.timezone))


@st.cache_data(show_spinner=False, max_entries=64)
def voice_context(_store: Store, version: int, voice: dict, rule: VoiceRule) -> pd.DataFrame:
    return voices.context(_store, voice, rule)


@st.cache_data(show_spinner=False)
def voice_history(_store: Store, version: int, voices_version: int, rule: VoiceRule) -> pd.DataFrame:
    return voices.history(_store, rule)


@st.cache_data(show_spinner=False)
def demo_loaded(_store: Store, version: int) -> bool:
    return has_demo(_store)


def demo_banner(store: Store) -> None:
    """Shown on every page while any demo data is loaded, so nobody mistakes it for real figures
    (in presentation mode as a small line the board shows itself)."""
    if demo_loaded(store, store.version()) and not presenting():
        st.info("**Demo data.** These figures come from a fictional company's customers. "
                "Load your own sheets, and clear the demo data, on the **Data** page.", icon=":material/science:")


@st.cache_data(show_spinner=False)
def table_summary(_store: Store, version: int) -> pd.DataFrame:
    return _store.table_summary()


@st.cache_data(show_spinner=False)
def batches(_store: Store, version: int) -> pd.DataFrame:
    return _store.batches()
