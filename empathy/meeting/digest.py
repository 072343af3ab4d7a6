"""The weekly digest: the board's headline figures, the voice, the red accounts and the open actions
by e-mail, with a link to the board and the board pack attached; for a scheduler to run after the
data of the week has landed (`python -m empathy digest`).

The mail server is the `[digest]` section of the secrets file (`.streamlit/secrets.toml`):
host, port (587), starttls (true), user and password (if the server asks), sender, recipients (a
list), board_url (the app's address, for the link).
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlencode

import pandas as pd

from empathy.access.roles import User
from empathy.access.secrets import configured_section
from empathy.figures.renewals import RENEWAL_DAYS
from empathy.language import _, day, long_day, short_day, week
from empathy.meeting.pack import PackData, file_name, write
from empathy.meeting.wording import (
    attribution,
    change_text,
    counted,
    main_value,
    margin_text,
    money,
    renewing_text,
    title,
)

TIMEOUT_SECONDS = 30
EXAMPLE = """[digest]
host = "smtp.example.com"
port = 587
starttls = true
user = "board@example.com"
password = "..."
sender = "Customer board <board@example.com>"
recipients = ["cxo@example.com", "exec-team@example.com"]
board_url = "https://board.example.com"
"""


class DigestError(ValueError):
    """The digest cannot be configured or sent; the message says what to change."""


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    starttls: bool
    user: str
    password: str
    sender: str
    recipients: tuple[str, ...]
    board_url: str


MAIL_KEYS = ("host", "port", "starttls", "user", "password", "sender", "recipients", "board_url")


def mail_server() -> MailServer:
    """The `[digest]` section of the secrets, checked."""
    found = configured_section("digest", DigestError, "No mail server is configured for the digest. Add a [digest] "
                               "section to .streamlit/secrets.toml, like this:\n" + EXAMPLE)
    return mail_server_from(*found, "digest")


def mail_server_from(path, section: dict, name: str, other_keys: tuple[str, ...] = ()) -> MailServer:
    """A mail server from the secrets section `[name]` of `path` (the digest's, the alerts'), checked;
    `other_keys` are the section's settings that are not the mail server's."""
    unknown = sorted(set(section) - set(MAIL_KEYS) - set(other_keys))
    if unknown:
        raise DigestError(f"[{name}] in {path}: unknown setting '{unknown[0]}'.")
    recipients = section.get("recipients")
    if isinstance(recipients, str):
        recipients = [recipients]
    missing = [key for key in ("host", "sender") if not str(section.get(key) or "").strip()]
    if not recipients or not all(isinstance(r, str) and "@" in r for r in recipients):
        missing.append("recipients (a list of e-mail addresses)")
    if missing:
        raise DigestError(f"[{name}] in {path}: give {', '.join(missing)}.\n"
                          + EXAMPLE.replace("[digest]", f"[{name}]"))
    port = section.get("port", 587)
    if not isinstance(port, int) or not 0 < port < 65536:
        raise DigestError(f"[{name}] in {path}: port {port!r} is not a port number.")
    return MailServer(section["host"], port, bool(section.get("starttls", True)), section.get("user", ""),
                      section.get("password", ""), section["sender"], tuple(recipients),
                      section.get("board_url", "").rstrip("/"))


def board_link(board_url: str, window_label: str) -> str:
    """The board of that window in the app (the week picker reads `window` and `weeks`)."""
    return f"{board_url or 'http://localhost:8501'}/?{urlencode({'window': window_label, 'weeks': 1})}"


def compose(data: PackData, server: MailServer) -> EmailMessage:
    """The digest of the pack's window, with the PDF pack attached."""
    board = data.board
    label = board.window.label
    nps = board.figures["nps"]
    message = EmailMessage()
    message["Subject"] = _("Customer board {window}: NPS {nps} (n {n:,}), {red} red accounts").format(
        window=week(label), nps=main_value("nps", nps.value), n=nps.n, red=board.alerts.count("red")) \
        + (_(" [demo data]") if data.demo else "")
    message["From"] = server.sender
    message["To"] = ", ".join(server.recipients)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="empathy-board")
    message.set_content(digest_text(data, board_link(server.board_url, label)))
    message.add_attachment(write(data, "pdf"), maintype="application", subtype="pdf",
                           filename=file_name(board.window, "pdf"))
    return message


def digest_text(data: PackData, link: str) -> str:
    board = data.board
    window = board.window
    lines = [_("How customers feel, {window} ({start} to {end}), against {before}.").format(
        window=week(window.label), start=short_day(window.start), end=long_day(window.end),
        before=week(window.previous().label))]
    if data.presentation:
        lines.append(_("As presented on {when} by {presenter}.").format(when=day(data.presentation.presented_at),
                                                                       presenter=data.presentation.presenter))
    if data.demo:
        lines.append(_("DEMO DATA: these figures come from a fictional company's customers."))
    lines.append("")
    low = _(" · low sample")
    for name, figure in board.figures.items():
        margin = figure.details.get("margin_of_error")
        spread = "" if margin is None else " " + margin_text(name, margin)
        lines.append(f"  {title(name)}: {main_value(name, figure.value)}{spread} (n {figure.n:,} {counted(name)})"
                     f" · {change_text(name, figure)}" + (low if figure.low_n else ""))
    lines.append("")
    if board.voice:
        lines += [_("Customer voice of the week:"), f"  “{board.voice['text']}”", f"  {attribution(board.voice)}", ""]
    alerts = board.alerts
    red = alerts.flags[alerts.flags["status"] == "red"].sort_values("arr", ascending=False)
    lines.append(_("Red accounts: {red} ({red_arr} ARR); yellow: {yellow} ({yellow_arr} ARR).").format(
        red=len(red), red_arr=money(alerts.arr("red")), yellow=alerts.count("yellow"),
        yellow_arr=money(alerts.arr("yellow"))))
    lines.append(renewing_text(alerts.renewing, RENEWAL_DAYS))
    lines += [f"  {r.account_name or r.account_id} ({money(0 if pd.isna(r.arr) else r.arr)}): {'; '.join(r.reasons)}"
              for r in red.itertuples()]
    lines += ["", data.follow_up.describe() + "."]
    if data.open_actions.empty:
        lines.append(_("No open actions."))
    else:
        lines.append(_("Open actions:"))
        overdue = _(", overdue")
        lines += [f"  #{r.action_id} {r.what} ({r.owner}, " + _("due {day}").format(day=short_day(r.due))
                  + (overdue if r.overdue else "") + ")" for r in data.open_actions.itertuples()]
    lines += ["", _("The board: {link}").format(link=link), _("The board pack is attached (PDF).")]
    return "\n".join(lines) + "\n"


def send_digest(store, user: User, window_label: str, message: EmailMessage, server: MailServer) -> None:
    """Send the digest as `user` (an analyst's), audited whether it went or not, with the reason."""
    store.authorize(user, "send_digest", window_label)
    try:
        send(message, server)
    except DigestError as error:
        store.audit(user, "send_digest", window_label, "failed", str(error))
        raise
    store.audit(user, "send_digest", window_label, "done", f"to {', '.join(server.recipients)}")


def send(message: EmailMessage, server: MailServer) -> None:
    """Over SMTP, upgraded to TLS first when `starttls` (the certificate checked), logged in if a user
    is given; a refusal or an unreachable server is a DigestError saying which."""
    try:
        with smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS) as smtp:
            if server.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if server.user:
                smtp.login(server.user, server.password)
            smtp.send_message(message, to_addrs=list(server.recipients))
    except (OSError, smtplib.SMTPException) as error:
        raise DigestError(f"The digest was not sent: the mail server {server.host}:{server.port} "
                          f"answered {error!r}. Check the [digest] section of the secrets.") from None
