"""What every page shares: the signed-in person, the store as they may see it, its frames cached on
its version, the demo banner.

The store is a `cache_resource` (one per process; it visits the file only while it reads, see
`empathy/store/connections.py`, and is never mutated by the cache);
frames are `cache_data` keyed on the store's version, so every page shows new data the moment a
load or undo lands, and never re-reads an unchanged store. A product lead limited to some segments
gets a scoped store; every cached read hashes the store by `Store.cache_key` (file and scope), so a
cache never hands one scope's figures to another.
"""

from __future__ import annotations

import importlib
from datetime import date

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from empathy import language
from empathy.access.roles import User
from empathy.figures import voice as voices
from empathy.figures.board import Board, board_figures, build_board, data_days, latest_complete_week, trend_of
from empathy.figures.metrics import Figure, Window
from empathy.figures.settings import Settings, SettingsError, read_settings
from empathy.figures.voice import VoiceRule
from empathy.language import _
from empathy.loading.demo import ensure_demo, has_demo
from empathy.meeting import charts
from empathy.meeting.actions import FollowUp, follow_up, listed
from empathy.meeting.presented import Presentation, Since, as_presented, presentations, since
from empathy.meeting.wording import TILES
from empathy.store import ScopedStore, Store, StoreError, store_location
from empathy.store import presentations as kept_boards
from ui.auth import current_user
from ui.board_view import panels, tile_html
from ui.text import literal
from ui.warming import Warming, board_day, versions_of
from ui.window_picker import pick_window

# What identifies a cached read's arguments: the store by its file and scope (never left out of the
# key); settings, rules, windows and days by their text (repr, every field), since Streamlit hashed these
# by pickling them: 0.4 ms for the settings, for each of the dozen cached reads of every board view.
KEYS = {Store: lambda store: store.cache_key, ScopedStore: lambda store: store.cache_key,
        Settings: repr, VoiceRule: repr, Window: repr, date: repr}


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Store:
    """Opened once per process; a brand-new store gets the demo data then, not on every render."""
    store = Store.open(path)
    ensure_demo(store)
    return store


def get_store(user: User | None = None) -> Store:
    """The store as the signed-in person may see it (their scope only, for a limited product lead),
    or a clear message and a stopped page when the file cannot be opened."""
    user = user or current_user()
    try:
        return _open_store(store_location()).scoped(user.scope)
    except StoreError as error:
        st.error("**" + _("The data store cannot be opened.") + f"** {literal(error)}")
        st.stop()


def get_settings() -> Settings:
    """The settings file, or a clear message naming the wrong setting and a stopped page."""
    try:
        return read_settings()
    except SettingsError as error:
        st.error("**" + _("The settings cannot be used.") + f"** {literal(error)}")
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


@st.cache_resource(show_spinner=False, max_entries=256, hash_funcs=KEYS)
def latest_week(store: Store, version: int, timezone: str, today: date) -> Window | None:
    """A shared entry (a frozen Window, never changed): read twice a board view (the window picker,
    `keep_board_made`) without unpickling it each time."""
    return latest_complete_week(store, timezone, today)


@st.cache_resource(show_spinner=False, max_entries=256, hash_funcs=KEYS)
def first_day(store: Store, version: int, timezone: str) -> date | None:
    days = data_days(store, timezone)
    return None if days is None else days[0]


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def figures_now(store: Store, version: int, window: Window,
                settings: Settings) -> tuple[dict[str, Figure], pd.DataFrame]:
    """The window's figures and trends (`board_figures`): the page shows its tiles while the rest of
    the board is made."""
    return board_figures(store, window, settings)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def board(store: Store, version: int, voices_version: int, window: Window, settings: Settings,
          language: str) -> Board:
    """Keyed on the data's version and on the voices' (a pin changes the voice, not the figures), and
    on the reader's language (`empathy.language.current()`): the accounts' reasons are in words.
    One board object for every session that asks (pages only read it): a `cache_data` entry was
    unpickled afresh for each view, a sixth of a warm view's server CPU (bench/bench_viewers.py)."""
    return build_board(store, window, settings, figures_now(store, version, window, settings))


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def board_tiles(store: Store, version: int, window: Window, settings: Settings, language: str) -> dict:
    """Each tile as HTML and its trend chart (`tiles`), made once for every view: finding the charts by
    their trend's frame (hashing five frames) took 12 ms of a warm view's server CPU."""
    return tiles(*figures_now(store, version, window, settings), settings.min_n)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def board_panels(store: Store, version: int, voices_version: int, window: Window, settings: Settings,
                 language: str) -> dict:
    """`board`'s panels as HTML (ui/board_view.py's `panels`), made with it: the alerts' amounts and
    words, made afresh, took 3 ms of every warm view's server CPU."""
    return panels(board(store, version, voices_version, window, settings, language))


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def presented_tiles(store: Store, meeting_version: int, window: Window, settings: Settings, language: str) -> dict:
    """`board_tiles` of the window's board as presented."""
    frozen = presented_board(store, meeting_version, window).frozen()
    return tiles(frozen.figures, frozen.trends, settings.min_n)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def presented_panels(store: Store, meeting_version: int, window: Window, language: str) -> dict:
    """`board_panels` of the window's board as presented."""
    return panels(presented_board(store, meeting_version, window).frozen())


def tiles(figures: dict[str, Figure], trends: pd.DataFrame, min_n: int) -> dict[str, tuple[str, dict | None]]:
    """Each figure's tile as HTML and its trend chart as a Vega-Lite spec (None without a trend); the
    charts are not checked against Vega-Lite's schema each time (a quarter of their making:
    tests/test_charts.py checks them)."""
    return {name: (tile_html(name, figure, min_n),
                   None if (trend := trend_of(trends, name)).empty else
                   arrow_datasets(charts.trend_chart(trend, TILES[name][2]).to_dict(validate=False)))
            for name, figure in figures.items()}


def arrow_datasets(spec: dict) -> dict:
    """The spec with its datasets already in Arrow's bytes, as `st.altair_chart` hands them over:
    given rows, `st.vega_lite_chart` turns each dataset into a frame and then into Arrow on every view
    (8 ms of a warm board view's server CPU, for its five charts)."""
    return {**spec, "datasets": {name: dataframe_util.convert_anything_to_arrow_bytes(pd.DataFrame(rows))
                                 for name, rows in spec.get("datasets", {}).items()}}


@st.cache_data(show_spinner=False, hash_funcs=KEYS)
def presented_board(store: Store, meeting_version: int, window: Window) -> Presentation | None:
    """The window's board as last presented; keyed on the meetings' version (a new presentation)."""
    return as_presented(store, window)


@st.cache_data(show_spinner=False, hash_funcs=KEYS)
def company_presented(store: Store, meeting_version: int, window: Window) -> tuple | None:
    """When and by whom the company's board of the window was presented (a limited view says so)."""
    return kept_boards.company_presented(store, window.label)


@st.cache_data(show_spinner=False, hash_funcs=KEYS)
def presented_boards(store: Store, meeting_version: int) -> list[Presentation]:
    return presentations(store)


@st.cache_data(show_spinner=False, hash_funcs=KEYS)
def changed_since(store: Store, version: int, presentation: Presentation, settings: Settings) -> Since:
    """What the data says now beside the presented board: recomputed when a load or undo lands."""
    return since(store, presentation, settings)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def actions_follow_up(store: Store, meeting_version: int, window: Window, today: date) -> FollowUp:
    """Shared by every session, like `voice_context` (pages only show it)."""
    return follow_up(store, window, today)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def action_list(store: Store, meeting_version: int, today: date, window: Window | None = None,
                account_id: str | None = None) -> pd.DataFrame:
    """Shared by every session, like `voice_context`."""
    return listed(store, today, window=window, account_id=account_id)


def chart_spec(builder, frame: pd.DataFrame, *args) -> dict:
    """The Vega-Lite spec of `builder(frame, *args)` (a chart builder of empathy/meeting/charts.py), made once per
    frame and arguments: building an Altair chart costs about 40 ms, too much for every rerun."""
    return _chart_spec(builder.__name__, frame, args, language.current())


@st.cache_resource(show_spinner=False, max_entries=256)
def _chart_spec(builder: str, frame: pd.DataFrame, args: tuple, reader_language: str) -> dict:
    """Keyed on the reader's language too: a chart's titles and dates are in words. One spec for
    every session (`st.vega_lite_chart` copies a spec before it adds to it): a `cache_data` entry
    was unpickled afresh for each chart of each view."""
    return getattr(charts, builder)(frame, *args).to_dict()


def cached(function, store: Store, *args):
    """`function(store, *args)` from the core, computed once per version of the store and arguments:
    every page shows new data the moment a load or undo lands, and never recomputes otherwise."""
    return _cached(f"{function.__module__}:{function.__qualname__}", store, store.version(), args)


@st.cache_data(show_spinner=False, max_entries=512, hash_funcs=KEYS)
def _cached(name: str, store: Store, version: int, args: tuple):
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)(store, *args)


def make_board(store: Store, settings: Settings, versions: tuple) -> None:
    """What the board page reads from the caches for the latest week at these versions (`WARMING`)."""
    version, voices_version, today = versions
    window = latest_week(store, version, settings.timezone, today)
    if window is not None:
        first_day(store, version, settings.timezone)
        board_tiles(store, version, window, settings, language.current())
        board_panels(store, version, voices_version, window, settings, language.current())
        voice_history(store, version, voices_version, settings.voice)


WARMING = Warming(make_board)


def keep_board_made(store: Store, settings: Settings, window: Window, counters: dict) -> None:
    """The board page showed this live board: if it is the latest week's, `WARMING` makes it again
    whenever its data moves, before its next viewer asks."""
    versions = versions_of(counters, settings)
    if window == latest_week(store, versions[0], settings.timezone, versions[2]):
        WARMING.saw(store, settings, versions)


def window_or_stop(store: Store, settings: Settings, title: str, version: int | None = None) -> Window:
    """The window the sidebar's picker chose, or the page's title, a word on what to do, and a stop
    when nothing is loaded yet (`version`: the store's, where the page has read it already)."""
    version = store.version() if version is None else version
    latest = latest_week(store, version, settings.timezone, board_day(settings))
    if latest is None:
        st.title(title)
        st.info("No survey answers or calls are loaded yet. Load sheets on the **Data** page.")
        st.stop()
    return pick_window(latest, first_day(store, version, settings.timezone))


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def voice_context(store: Store, version: int, voice: dict, rule: VoiceRule) -> pa.Table:
    """Shared by every session, like `board` (pages only show it): not unpickled afresh for each view.
    As Arrow, which `st.dataframe` sends as it is (a pandas frame it converts on every view)."""
    return pa.Table.from_pandas(voices.context(store, voice, rule), preserve_index=False)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=KEYS)
def voice_history(store: Store, version: int, voices_version: int, rule: VoiceRule) -> pa.Table:
    """Shared by every session, as Arrow, like `voice_context`."""
    return pa.Table.from_pandas(voices.history(store, rule), preserve_index=False)


@st.cache_data(show_spinner=False, hash_funcs=KEYS)
def demo_loaded(store: Store, version: int) -> bool:
    return has_demo(store)


def demo_banner(store: Store, user: User) -> None:
    """Shown on every page while any demo data is loaded, so nobody mistakes it for real figures
    (in presentation mode as a small line the board shows itself); what to do next, by role."""
    if demo_loaded(store, store.version()) and not presenting():
        next_step = (_("Load your own sheets, and clear the demo data, on the **Data** page.")
                     if user.may("manage_demo")
                     else _("Load your own sheets on the **Data** page; an admin clears the demo data.")
                     if user.may("load") else _("The board's analysts load the real data."))
        st.info(_("**Demo data.** These figures come from a fictional company's customers. {next_step}").format(
            next_step=next_step), icon=":material/science:")


@st.cache_data(show_spinner=False, hash_funcs=KEYS)
def table_summary(store: Store, version: int) -> pd.DataFrame:
    return store.table_summary()


@st.cache_data(show_spinner=False, hash_funcs=KEYS)
def batches(store: Store, version: int) -> pd.DataFrame:
    return store.batches()
