"""Downloads of customer data (the board pack, exports, a sheet's problems), served through the app's
own path `/downloads/<token>` (`serve.py`) rather than Streamlit's `/media/`, which hands any file to
anyone who has its address, an address made from the file's content.

A page offers a download with `download_button`: a random token, made for this person in this session
and good for OFFER_MINUTES, behind a link-styled button. Fetching it needs that person's sign-in (the
cookie's signature, the store's sign-outs), makes the file then, and is audited, refusals included.
Without sign-in configured (one person's own app on this machine) the random token alone opens it."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from streamlit.runtime.scriptrunner import get_script_run_ctx

from empathy import language
from empathy.access.roles import STRANGER, User
from empathy.language import _
from empathy.store import Store, StoreError
from ui.auth import sign_in_configured, sign_in_of, signed_out_session

OFFER_MINUTES = 60  # long enough for a meeting with the page open, short of "for as long as the server runs"
ROUTE = "downloads/{token}"


@dataclass(frozen=True)
class Offer:
    user: User
    make: Callable[[], bytes]
    file_name: str
    mime: str
    until: float  # time.monotonic() after which the link is refused
    language: str  # the page's, when it offered the file: a file is made in its reader's language
    button: tuple[str, str]  # (session, button key) it was offered for


# Oldest first: an offer made again moves to the end, and every one is good for as long, so the
# expired ones are at the front (`_forget_expired` looks at those alone).
_offers: OrderedDict[str, Offer] = OrderedDict()
_tokens: dict[tuple[str, str], str] = {}  # (session, button key) -> its token, so a rerun keeps the link
_lock = threading.Lock()


def offer(key: str, user: User, make: Callable[[], bytes], file_name: str, mime: str) -> str:
    """The address (a path on this server) of a download made by `make` for `user` when fetched."""
    session = get_script_run_ctx().session_id if get_script_run_ctx() else "no session"
    now = time.monotonic()
    with _lock:
        _forget_expired(now)
        token = _tokens.get((session, key))
        if token not in _offers:
            token = _tokens[(session, key)] = secrets.token_urlsafe(32)
        _offers[token] = Offer(user, make, file_name, mime, now + OFFER_MINUTES * 60, language.current(),
                               (session, key))
        _offers.move_to_end(token)
    base = st.get_option("server.baseUrlPath").strip("/")
    return "/" + "/".join(part for part in (base, ROUTE.format(token=token)) if part)


def _forget_expired(now: float) -> None:
    """Drop the expired offers and their buttons' tokens. Every page view offers its buttons again, so
    a server that ran a day held every session's tokens (never dropped) and looked through every live
    offer at each button (2% of a warm board view's CPU a few hundred views after it started)."""
    while _offers and next(iter(_offers.values())).until <= now:
        token, found = _offers.popitem(last=False)
        if _tokens.get(found.button) == token:
            del _tokens[found.button]


def download_button(label: str, key: str, user: User, make: Callable[[], bytes], file_name: str, mime: str, *,
                    where=st, help: str = "", disabled: bool = False) -> None:
    """A button (in `where`: the page, the sidebar, a column) that downloads what `make` returns, through
    this server's checked path."""
    where.link_button(label, offer(key, user, make, file_name, mime), icon=":material/download:", help=help,
                      disabled=disabled, width="stretch")


async def serve(request: Request) -> Response:
    """`GET /downloads/<token>`: the file, for the person it was made for, signed in; else nothing."""
    found = _offers.get(request.path_params["token"])
    if found is not None and found.until <= time.monotonic():
        found = None
    if sign_in_configured():
        sign_in = sign_in_of(request.cookies)
        asker = found.user if found is not None and sign_in and sign_in.email == found.user.identity else None
        refusal = ("no sign-in" if sign_in is None else
                   "an unknown or expired link" if found is None else
                   "a link made for someone else" if asker is None else
                   "a sign-in that was signed out" if signed_out_session(sign_in) else None)
        if refusal:
            who = asker or (User(sign_in.email, STRANGER.role, sign_in.email) if sign_in else STRANGER)
            await run_in_threadpool(_audit, who, found.file_name if found else "a download", "refused", refusal)
            with language.speaking(found.language if found else None):
                said = _("Sign in to the board, then download from its page.")
            return PlainTextResponse(said, status_code=403)
    elif found is None:
        return PlainTextResponse("This download link has expired: download again from the page.", status_code=404)
    data = await run_in_threadpool(_made, found)
    disposition = f"attachment; filename*=utf-8''{quote(found.file_name, safe='')}"
    return Response(data, media_type=found.mime,
                    headers={"Content-Disposition": disposition, "Cache-Control": "no-store"})


def _made(found: Offer) -> bytes:
    with language.speaking(found.language):
        return found.make()


def _audit(user: User, file_name: str, outcome: str, detail: str) -> None:
    try:
        Store.open().audit(user, "download", file_name, outcome, detail)
    except StoreError:
        pass  # a store that cannot be written still refuses the download
