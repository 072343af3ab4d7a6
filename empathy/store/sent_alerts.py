"""Alerts as sent: one row per alert and channel, what makes each go out once; an account's "turned
red" alert is cleared when it is red no more, so turning red again is news again. Which alerts are due
and how they go out is `meeting/alerts.py`."""

from __future__ import annotations

import pandas as pd

from empathy.access.roles import User
from empathy.store import audit


def listed(store) -> pd.DataFrame:
    """The alerts sent and not cleared, one row per channel, the newest first."""
    return store.query("SELECT * FROM alerts WHERE cleared_at IS NULL ORDER BY sent_at DESC, alert_key, channel")


def record(store, alert: dict, channel: str, *, user: User) -> None:
    """That `alert` (key, kind, subject, message) went out through `channel`."""
    store.authorize(user, "send_alerts", alert["key"])

    def keep(cursor):
        cursor.execute("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP, ?, NULL)",
                       [alert["key"], channel, alert["kind"], alert["subject"], alert["message"], user.identity])
        audit.append(cursor, user, "send_alert", alert["key"], "done", f"{channel}: {alert['subject']}")
    store.write(keep)


def clear(store, keys: list[str], *, user: User) -> None:
    """Those alerts are over (the account is red no more): the next one is news again."""
    store.authorize(user, "send_alerts", ", ".join(keys))

    def write(cursor):
        cursor.execute("UPDATE alerts SET cleared_at = now()::TIMESTAMP WHERE cleared_at IS NULL AND "
                       "list_contains(?, alert_key)", [keys])
        audit.append(cursor, user, "clear_alerts", ", ".join(keys), "done")
    store.write(write)
