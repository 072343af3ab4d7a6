"""The store: versioned rows in DuckDB (a file, or a DuckLake on PostgreSQL), batches that land whole
or not at all, undo, and the audit log (core.py); how a process reaches the file or the lake
(connections.py); a limited product lead's view (scoped.py); each other job on its own (voices kept,
Google Sheets kept, actions, presented boards, alerts sent, sign-outs, stored texts); and its upkeep
(check, repair, backup). Imports access and sheets.schema only."""

from empathy.store.core import BatchResult, InTransaction, Store, keeps, keeps_voices, store_location, undone
from empathy.store.faults import StoreBusyError, StoreError
from empathy.store.scoped import ScopedStore

__all__ = ["BatchResult", "InTransaction", "ScopedStore", "Store", "StoreBusyError", "StoreError", "keeps", "keeps_voices", "store_location",
           "undone"]
