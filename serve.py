"""The server: the app (`app.py`) as Streamlit serves it, plus the app's own download path, which
checks who asks (ui/downloads.py), and the boards made again in the background when their data moves
(ui/warming.py). `streamlit run serve.py` finds `app` and serves it."""

import streamlit as st
from starlette.routing import Route

from ui import warming
from ui.downloads import ROUTE, serve

base = st.get_option("server.baseUrlPath").strip("/")
app = st.App("app.py", routes=[Route("/" + "/".join(part for part in (base, ROUTE) if part), serve)])
warming.serve()
