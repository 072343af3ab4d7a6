"""Alerts that reach people: an account that turned red, or a board figure that changed beyond noise,
as a Slack message (incoming webhook) and/or an e-mail, each alert once per channel.

For a scheduler: `python -m empathy alerts --send` looks at the latest complete week (or `--window`),
sends what has not gone out yet and remembers it in the store (the `alerts` table). An account's red
alert is cleared once the account is red no more, so turning red again is news again; a figure's
alert belongs to its window. A channel that fails is tried again on the next run; the others are not.

Configured in the `[alerts]` section of the secrets file (`.streamlit/secrets.toml`):
`slack_webhook` (the incoming webhook's URL) and/or a mail server as the digest's (host, port,
starttls, user, password, sender, recipients), and `board_url` for the links.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlencode

import pandas as pd

from empathy.access.roles import User
from empathy.access.secrets import configured_section
from empathy.figures.metrics import Window, window_figures
from empathy.figures.rules import flag_accounts
from empathy.figures.settings import Settings
from empathy.language import _, day, week
from empathy.loading.demo import has_demo
from empathy.meeting.digest import DigestError, MailServer, board_link, mail_server_from, send
from empathy.meeting.wording import change_text, counted, main_value, money, title
from empathy.store import Store, sent_alerts

TIMEOUT_SECONDS = 15
EXAMPLE = """[alerts]
slack_webhook = "https://hooks.slack.com/services/T000/B000/XXXX"
# and/or e-mail, with a mail server as in [digest]:
host = "smtp.example.com"
port = 587
sender = "Customer board <board@example.com>"
recipients = ["cs-leads@example.com"]
board_url = "https://board.example.com"
"""


class AlertError(ValueError):
    """Alerts cannot be configured or sent; the message says what to change."""


@dataclass(frozen=True)
class Channels:
    slack_webhook: str | None
    mail: MailServer | None
    board_url: str

    @property
    def names(self) -> list[str]:
        return [name for name, on in (("slack", self.slack_webhook), ("email", self.mail)) if on]


def channels() -> Channels:
    """The `[alerts]` section of the secrets, checked."""
    path, section = configured_section("alerts", AlertError, "No channel is configured for alerts. Add an [alerts] "
                                       "section to .streamlit/secrets.toml, like this:\n" + EXAMPLE)
    webhook = section.get("slack_webhook")
    if webhook is not None and (not isinstance(webhook, str) or not webhook.startswith(("https://", "http://"))):
        raise AlertError(f"[alerts] in {path}: slack_webhook must be the webhook's http(s) address.")
    mail_keys = {key: value for key, value in section.items() if key not in ("slack_webhook", "board_url")}
    try:
        mail = mail_server_from(path, section, "alerts", ("slack_webhook",)) if mail_keys else None
    except DigestError as error:
        raise AlertError(str(error)) from None
    if not webhook and mail is None:
        raise AlertError(f"[alerts] in {path}: give slack_webhook and/or a mail server.\n" + EXAMPLE)
    return Channels(webhook, mail, str(section.get("board_url", "")).rstrip("/"))


def due(store: Store, window: Window, settings: Settings, board_url: str) -> tuple[list[dict], list[str]]:
    """The alerts of the window (key, kind, subject, message), and the red alerts to clear: accounts
    red no more."""
    flags = flag_accounts(store, window.end, settings.early_warning, settings.timezone)
    red = flags[flags["status"] == "red"].sort_values("arr", ascending=False)
    found = [_red_alert(r, window, board_url) for r in red.itertuples()]
    figures = window_figures(store, window, timezone=settings.timezone, min_n=settings.min_n,
                             speeder_seconds=settings.speeder_seconds)
    found += [_figure_alert(name, figure, window, board_url) for name, figure in figures.items()
              if figure.test.significant]
    if has_demo(store):
        demo = _("[demo data]")
        found = [{**alert, "subject": f"{demo} {alert['subject']}"} for alert in found]
    red_keys = {f"red:{account_id}" for account_id in red["account_id"]}
    sent = sent_alerts.listed(store)
    over = sorted(set(sent.loc[sent["kind"] == "red", "alert_key"]) - red_keys)
    return found, over


def unsent(store: Store, found: list[dict], names: list[str]) -> list[tuple[dict, str]]:
    """Each alert with each channel it has not gone out through yet."""
    sent = sent_alerts.listed(store)
    sent = set(zip(sent["alert_key"], sent["channel"]))
    return [(alert, channel) for alert in found for channel in names if (alert["key"], channel) not in sent]


def send_alerts(store: Store, window: Window, settings: Settings, user: User, *, dry_run: bool = False) -> dict:
    """Send what is due and not sent; remember each alert per channel once it went out. What was sent,
    what failed (channel and why) and which red alerts were cleared."""
    if not dry_run:
        store.authorize(user, "send_alerts", window.label)
    configured = channels()
    found, over = due(store, window, settings, configured.board_url)
    pending = unsent(store, found, configured.names)
    if dry_run:
        return {"sent": [], "would_send": [_report(alert, channel) for alert, channel in pending], "failed": [],
                "cleared": over}
    sent, failed = [], []
    for alert, channel in pending:
        try:
            _deliver(alert, channel, configured)
        except AlertError as error:
            failed.append({**_report(alert, channel), "error": str(error)})
            continue
        sent_alerts.record(store, alert, channel, user=user)
        sent.append(_report(alert, channel))
    if over:
        sent_alerts.clear(store, over, user=user)
    return {"sent": sent, "would_send": [], "failed": failed, "cleared": over}


def _report(alert: dict, channel: str) -> dict:
    return {"key": alert["key"], "channel": channel, "subject": alert["subject"], "message": alert["message"]}


def _red_alert(account, window: Window, board_url: str) -> dict:
    name = account.account_name if isinstance(account.account_name, str) else account.account_id
    arr = "" if pd.isna(account.arr) else f", {money(account.arr)} ARR"
    link = f"{board_url or 'http://localhost:8501'}/accounts?" + urlencode(
        {"window": window.label, "weeks": 1, "account": account.account_id})
    return {"key": f"red:{account.account_id}", "kind": "red",
            "subject": _("{name} turned red").format(name=name),
            "message": _("{name} ({segment}{arr}) is red as of {day}: {reasons}.\nThe account's story: {link}").format(
                name=name, segment=account.segment or _("no segment"), arr=arr, day=day(window.end),
                reasons="; ".join(account.reasons), link=link)}


def _figure_alert(name: str, figure, window: Window, board_url: str) -> dict:
    return {"key": f"figure:{name}:{window.label}", "kind": "figure",
            "subject": _("{figure} {change} in {window}").format(figure=title(name), change=change_text(name, figure),
                                                                 window=week(window.label)),
            "message": _("{figure} in {window} is {value} (n = {n:,} {counted}) against {before} the week before: "
                         "{change} (p = {p:.3f}).\nThe board: {link}").format(
                figure=title(name), window=week(window.label), value=main_value(name, figure.value), n=figure.n,
                counted=counted(name), before=main_value(name, figure.previous), change=change_text(name, figure),
                p=figure.test.p_value, link=board_link(board_url, window.label))}


def _deliver(alert: dict, channel: str, configured: Channels) -> None:
    if channel == "slack":
        _post_to_slack(configured.slack_webhook, f"*{alert['subject']}*\n{alert['message']}")
        return
    server = configured.mail
    message = EmailMessage()
    message["Subject"], message["From"] = alert["subject"], server.sender
    message["To"] = ", ".join(server.recipients)
    message["Date"], message["Message-ID"] = formatdate(localtime=False), make_msgid(domain="empathy-board")
    message.set_content(alert["message"] + "\n")
    try:
        send(message, server)
    except DigestError as error:
        raise AlertError(str(error)) from None


def _post_to_slack(webhook: str, text: str) -> None:
    request = urllib.request.Request(webhook, data=json.dumps({"text": text}).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            response.read()
    except urllib.error.HTTPError as error:
        raise AlertError(f"Slack refused the alert ({error.code}: {error.read()[:200].decode(errors='replace')})") \
            from None
    except (urllib.error.URLError, OSError) as error:
        raise AlertError(f"Slack could not be reached at its webhook ({getattr(error, 'reason', error)})") from None
