"""Streamlit helpers shared by the pages: the cached store and the cached reads keyed on its version."""
