import shutil
from pathlib import Path

import pytest
import streamlit as st

from empathy.loading import load_sheet
from empathy.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def fresh_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def own_settings_and_themes(tmp_path, monkeypatch):
    """Copies of the settings and themes files: a test that saves them never touches the project's."""
    folder = tmp_path / "config"
    folder.mkdir()
    for name, variable in (("settings.toml", "EMPATHY_SETTINGS"), ("themes.csv", "EMPATHY_THEMES")):
        shutil.copy(ROOT / "data" / name, folder / name)
        monkeypatch.setenv(variable, str(folder / name))
    return folder


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    """A store file of the test's own, also what the app and the command line open."""
    path = tmp_path / "empathy.duckdb"
    monkeypatch.setenv("EMPATHY_DB", str(path))
    return path


@pytest.fixture
def store(db_path):
    opened = Store.open(db_path)
    yield opened
    opened.close()


def load_text(store, text: str, name: str) -> None:
    """Land a small sheet written in the test; it must be accepted."""
    report = load_sheet(store, data=text.encode(), source=name)
    assert not report.rejected, report.errors
