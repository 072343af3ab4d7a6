"""The demo data's life in the store: loaded on an empty store's first run, reloaded, cleared.

Demo batches are flagged, so the app can say "demo data" for as long as any of it is loaded, and an
analyst can take all of it out in one go without touching their own batches.
"""

from __future__ import annotations

from empathy.access.roles import SYSTEM, User
from empathy.loading.demo_generator import DEMO_DIR
from empathy.loading.sheet import LoadReport, load_sheet
from empathy.store import Store

DEMO_FILES = (("accounts.csv", "accounts"), ("survey_responses.csv", "surveys"),
              ("participation.csv", "participation"), ("calls.csv", "calls"), ("renewals.csv", "renewals"))


def load_demo(store: Store, user: User) -> list[LoadReport]:
    return [load_sheet(store, path=DEMO_DIR / name, kind=kind, demo=True, user=user) for name, kind in DEMO_FILES]


def ensure_demo(store: Store) -> list[LoadReport]:
    """Fill a brand-new store (no batch ever loaded) with the demo data, as the app itself; leave
    any other alone."""
    if not store.batches().empty:
        return []
    return load_demo(store, SYSTEM)


def clear_demo(store: Store, user: User) -> int:
    """Undo every demo batch still loaded; returns how many were undone."""
    store.authorize(user, "manage_demo", "demo data")
    batch_ids = store.active_batches(demo=True)
    for batch_id in batch_ids:
        store.undo(batch_id, user=user)
    return len(batch_ids)


def reload_demo(store: Store, user: User) -> list[LoadReport]:
    clear_demo(store, user)
    return load_demo(store, user)


def has_demo(store: Store) -> bool:
    return bool(store.active_batches(demo=True))
