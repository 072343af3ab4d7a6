"""The app's own download path, over HTTP (Starlette's test client, the real route and handler): a
download needs the sign-in of the person it was made for, and every refusal is audited."""

import json
import time
from unittest import mock

import pytest
from itsdangerous import URLSafeTimedSerializer
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient
from streamlit.web.server.server_util import get_cookie_secret

from conftest import ADMIN, ANALYST, VIEWER
from empathy import language
from empathy.language import _
from empathy.store import audit, people
from ui import downloads

PDF = b"%PDF-1.7 the company's board pack"


def cookie(email: str, issued_at: float | None = None) -> dict:
    """A request's header with a sign-in cookie as Streamlit signs it (salted with its name, time-stamped)."""
    signer = URLSafeTimedSerializer(get_cookie_secret(), salt="_streamlit_user")
    with mock.patch("itsdangerous.timed.time.time", return_value=issued_at or time.time()):
        value = signer.dumps(json.dumps({"email": email, "is_logged_in": True, "origin": "http://127.0.0.1"}))
    return {"Cookie": f"_streamlit_user={value}"}


@pytest.fixture
def client(store, monkeypatch):
    monkeypatch.setattr(downloads, "sign_in_configured", lambda: True)
    with TestClient(Starlette(routes=[Route("/" + downloads.ROUTE, downloads.serve)])) as client:
        yield client


def test_the_person_it_was_made_for_gets_it_and_nobody_else(client, store):
    address = downloads.offer("pack", VIEWER, lambda: PDF, "board-pack-2026-W47.pdf", "application/pdf")
    assert address.startswith("/downloads/") and len(address) == len("/downloads/") + 43
    anonymous = client.get(address)
    assert anonymous.status_code == 403 and PDF not in anonymous.content
    other = client.get(address, headers=cookie(ANALYST.identity))
    assert other.status_code == 403 and PDF not in other.content
    mine = client.get(address, headers=cookie(VIEWER.identity))
    assert mine.status_code == 200 and mine.content == PDF
    assert mine.headers["content-disposition"] == "attachment; filename*=utf-8''board-pack-2026-W47.pdf"
    assert mine.headers["cache-control"] == "no-store"
    refused = audit.log(store, user=ADMIN)
    assert refused[["who", "action", "object", "outcome", "detail"]].values.tolist() == [
        [ANALYST.identity, "download", "board-pack-2026-W47.pdf", "refused", "a link made for someone else"],
        ["anonymous", "download", "board-pack-2026-W47.pdf", "refused", "no sign-in"]]


def test_a_file_is_made_in_the_language_of_the_page_that_offered_it(client):
    with language.speaking("ko"):
        address = downloads.offer("export", VIEWER, lambda: _("Board").encode(), "quotes.csv", "text/csv")
        refused = client.get(address)
    assert refused.status_code == 403 and refused.text == "보드에 로그인한 뒤 페이지에서 내려받으세요."
    assert language.current() == "en"  # this thread, as before: the file is made on a server thread
    assert client.get(address, headers=cookie(VIEWER.identity)).content == "보드".encode()


def test_a_link_is_new_for_each_session_kept_for_its_reruns_and_short_lived(client, monkeypatch):
    first = downloads.offer("pack", VIEWER, lambda: PDF, "p.pdf", "application/pdf")
    assert downloads.offer("pack", VIEWER, lambda: PDF, "p.pdf", "application/pdf") == first  # a rerun
    assert downloads.offer("other", VIEWER, lambda: PDF, "p.pdf", "application/pdf") != first
    later = time.monotonic() + downloads.OFFER_MINUTES * 60 + 1
    monkeypatch.setattr(downloads.time, "monotonic", lambda: later)
    assert client.get(first, headers=cookie(VIEWER.identity)).status_code == 403  # expired
    assert downloads.offer("pack", VIEWER, lambda: PDF, "p.pdf", "application/pdf") != first


def test_expired_links_are_forgotten_with_their_buttons_tokens(client, monkeypatch):
    """Every view offers its buttons again; what expired is dropped, tokens and all, so a server that
    runs for weeks does not keep every session it ever had."""
    now = [time.monotonic()]
    monkeypatch.setattr(downloads.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(downloads, "_offers", downloads.OrderedDict())
    monkeypatch.setattr(downloads, "_tokens", {})
    sessions = iter(range(1000))
    monkeypatch.setattr(downloads, "get_script_run_ctx", lambda: mock.Mock(session_id=f"session {next(sessions)}"))
    early = [downloads.offer("pack", VIEWER, lambda: PDF, "p.pdf", "application/pdf") for _ in range(50)]
    now[0] += downloads.OFFER_MINUTES * 60 / 2
    late = [downloads.offer("pack", VIEWER, lambda: PDF, "p.pdf", "application/pdf") for _ in range(30)]
    assert (len(downloads._offers), len(downloads._tokens)) == (80, 80)
    now[0] += downloads.OFFER_MINUTES * 60 / 2 + 1  # the first 50 have expired, the last 30 not
    fresh = downloads.offer("pack", VIEWER, lambda: PDF, "p.pdf", "application/pdf")
    assert (len(downloads._offers), len(downloads._tokens)) == (31, 31)
    assert client.get(early[0], headers=cookie(VIEWER.identity)).status_code == 403
    assert client.get(late[0], headers=cookie(VIEWER.identity)).content == PDF
    assert client.get(fresh, headers=cookie(VIEWER.identity)).content == PDF


def test_a_signed_out_sign_in_cannot_download(client, store):
    address = downloads.offer("pack", VIEWER, lambda: PDF, "p.pdf", "application/pdf")
    people.sign_out_everywhere(store, [VIEWER.identity], user=ADMIN, why="lost laptop")
    refused = client.get(address, headers=cookie(VIEWER.identity, issued_at=time.time() - 60))
    assert refused.status_code == 403 and PDF not in refused.content
    assert audit.log(store, user=ADMIN)["detail"].iloc[0] == "a sign-in that was signed out"


def test_without_sign_in_configured_the_random_link_alone_opens_it(store, monkeypatch):
    monkeypatch.setattr(downloads, "sign_in_configured", lambda: False)
    with TestClient(Starlette(routes=[Route("/" + downloads.ROUTE, downloads.serve)])) as client:
        address = downloads.offer("pack", ADMIN, lambda: PDF, "p.pdf", "application/pdf")
        assert client.get(address).content == PDF
        assert client.get("/downloads/" + "x" * 43).status_code == 404
