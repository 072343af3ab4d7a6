"""The language a person reads the board in. In order: `?lang=ko` in the URL (a shared link keeps its
language), the sidebar's switch, the browser's language (`st.context.locale`), and the deployment's
default (`[display] language` in data/settings.toml). Set once at the top of every run (`app.py`),
before anything is written, so the menu and every page below read in it."""

from __future__ import annotations

import streamlit as st

from empathy import language
from empathy.figures.settings import SettingsError, read_display
from empathy.language import _
from ui.text import literal
from ui.url_state import one_of, publish, seed

KEY = "lang-switch"


def choose_language() -> str:
    seed("lang", {"lang": (KEY, one_of(list(language.LANGUAGES)))}, keep_missing=True)
    if KEY not in st.session_state:
        st.session_state[KEY] = language.supported(st.context.locale) or _default()
    return language.use(st.session_state[KEY])


def _default() -> str:
    try:
        return read_display().language
    except SettingsError as error:
        st.error("**" + _("The settings cannot be used.") + f"** {literal(error)}")
        return language.DEFAULT


def language_switch() -> None:
    """The sidebar's choice between 한국어 and English; the URL follows it."""
    st.sidebar.radio(_("Language"), list(language.LANGUAGES), key=KEY, format_func=language.LANGUAGES.get,
                     horizontal=True)
    publish("lang", {"lang": language.current()})
