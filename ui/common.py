"""What every page shares: the store, its frames cached on its version, the demo banner.

The store is a `cache_resource` (one DuckDB connection per process, never mutated by the cache);
frames are `cache_data` keyed on the store's version, so every page shows new data the moment a
load or undo lands, and never re-reads an unchanged store.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from empathy.demo import ensure_demo, has_demo
from empathy.store import Store, StoreError, store_path


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


@st.cache_data(show_spinner=False)
def demo_loaded(_store: Store, version: int) -> bool:
    return has_demo(_store)


def demo_banner(store: Store) -> None:
    """Shown on every page while any demo data is loaded, so nobody mistakes it for real figures."""
    if demo_loaded(store, store.version()):
        st.info("**Demo data.** These figures come from a fictional company's customers. "
                "Load your own sheets, and clear the demo data, on the **Data** page.", icon=":material/science:")


@st.cache_data(show_spinner=False)
def table_summary(_store: Store, version: int) -> pd.DataFrame:
    return _store.table_summary()


@st.cache_data(show_spinner=False)
def batches(_store: Store, version: int) -> pd.DataFrame:
    return _store.batches()
