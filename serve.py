"""The server: the app (`app.py`) as Streamlit serves it, plus the app's own download path, which
checks who asks (ui/downloads.py), and the boards made again in the background when their data moves
(ui/warming.py). `streamlit run serve.py` finds `app` and serves it. The modules the pages run on are
imported here, before the first page asks for them, and set aside from the garbage collector."""

import logging

import streamlit as st
from starlette.routing import Route

# The pages' cached functions are declared below, before Streamlit's runtime starts: each would warn on the
# console that it checked its cache's settings against a stand-in (its cache is the runtime's, made at its
# first call).
logging.getLogger("streamlit.runtime.caching.cache_data_api").addFilter(
    lambda record: not record.getMessage().startswith("No runtime found"))

from empathy.runtime import set_aside_imports  # noqa: E402
from ui import common, load_view, warming  # noqa: E402, F401 (common, load_view: the pages' modules, set aside below)
from ui.downloads import ROUTE, serve  # noqa: E402

base = st.get_option("server.baseUrlPath").strip("/")
app = st.App("app.py", routes=[Route("/" + "/".join(part for part in (base, ROUTE) if part), serve)])
warming.serve()
set_aside_imports()
