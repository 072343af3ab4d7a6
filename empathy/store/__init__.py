"""The store: versioned rows in DuckDB (a file, or a DuckLake on PostgreSQL), batches that land whole
or not at all, undo, the audit log and the jobs kept beside the data (core.py); how a process reaches
the file or the lake (connections.py); its upkeep (check, repair, backup). Imports access and
sheets.schema only."""

from empathy.store.connections import StoreBusyError, StoreError
from empathy.store.core import ACTION_STATUSES, UTTERANCE_COLUMNS, BatchResult, ScopedStore, Store, store_location

__all__ = ["ACTION_STATUSES", "UTTERANCE_COLUMNS", "BatchResult", "ScopedStore", "Store", "StoreBusyError",
           "StoreError", "store_location"]
