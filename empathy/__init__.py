"""Customer Empathy Board's core: everything but the pages, importable without Streamlit.

Folders, each importing only those listed before it (docs/architecture.md has the map):
access (who may do what) · sheets (reading sheets in) · store (the data, its batches and undo) ·
loading (landing sheets as batches) · figures (what people read) · meeting (the Monday meeting) ·
cli.py on top.
"""

from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"  # settings, themes, roles, the demo and the store
