"""Alerts as sent: one row per alert and channel until cleared."""

from conftest import ADMIN, ANALYST
from empathy.store import audit, sent_alerts

RED = {"key": "red:A1", "kind": "red", "subject": "Acme turned red", "message": "2 escalations"}


def test_an_alert_is_kept_per_channel_until_cleared(store):
    sent_alerts.record(store, RED, "slack", user=ANALYST)
    sent_alerts.record(store, RED, "email", user=ANALYST)
    sent_alerts.record(store, {**RED, "key": "nps:2026-W47", "kind": "figure"}, "slack", user=ANALYST)
    assert sorted(map(tuple, sent_alerts.listed(store)[["alert_key", "channel"]].values.tolist())) == [
        ("nps:2026-W47", "slack"), ("red:A1", "email"), ("red:A1", "slack")]
    sent_alerts.clear(store, ["red:A1"], user=ANALYST)
    assert sent_alerts.listed(store)["alert_key"].tolist() == ["nps:2026-W47"]
    assert audit.log(store, user=ADMIN)["action"].tolist() == ["clear_alerts", "send_alert", "send_alert", "send_alert"]
