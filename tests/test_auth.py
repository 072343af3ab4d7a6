"""Who is looking (ui/auth.py), through the whole app: the sign-in page, the "ask an admin" page, the
menu each role gets, and an app with no sign-in: marked open, and served on loopback only."""

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from conftest import ROOT, as_read, sign_in
from ui.auth import OPEN_MARK


def run(page: str = "board", email: str | None = "cxo@example.com", *, signed: bool = True, **user) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if signed:
        sign_in(at, email, "Casey Xu")
        at.user.update(user)
    at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def text(at: AppTest) -> str:
    return as_read("\n".join(e.value for kind in ("markdown", "title", "caption", "warning", "error", "info")
                              for e in getattr(at, kind)))


@pytest.fixture(autouse=True)
def app_files(db_path, roles_file):
    """The app's store and roles file are the test's own."""


def test_signed_out_sees_only_the_sign_in_page():
    at = run("data", None)
    assert [b.label for b in at.button] == ["Sign in"]
    assert "Sign in to see the board" in text(at)
    assert "How customers feel" not in text(at) and "Load a sheet" not in text(at)


def test_someone_signed_in_without_a_role_is_asked_to_see_an_admin_and_nothing_else():
    at = run("board", "stranger@elsewhere.example")
    assert "nobody has given you a role" in text(at) and "stranger@elsewhere.example" in text(at)
    assert [b.label for b in at.button] == ["Sign out"]
    assert "How customers feel" not in text(at)


def test_an_unverified_address_gets_no_role_even_when_listed():
    at = run("board", "dana@example.com", email_verified=False)
    assert "not verified" in text(at) and "How customers feel" not in text(at)


def test_a_viewer_opening_the_data_page_gets_the_board_instead():
    at = run("data", "cxo@example.com")
    assert "How customers feel" in text(at) and "Load a sheet" not in text(at)
    assert any("Signed in as **Casey Xu (cxo@example.com)** · viewer" in as_read(c.value) for c in at.sidebar.caption)


def test_a_product_lead_is_told_their_scope():
    at = run("board", "sam@example.com")
    assert any("product lead · only segment SMB" in as_read(c.value) for c in at.sidebar.caption)


def test_a_broken_roles_file_lets_nobody_in(roles_file):
    roles_file.write_text('[people]\n"a@x.com" = "boss"\n')
    at = run("board", "ada@example.com")
    assert "The roles file cannot be used" in text(at) and "How customers feel" not in text(at)


def test_without_sign_in_every_page_says_the_app_is_open():
    for page in ("board", "segments", "data"):
        at = run(page, signed=False)
        assert OPEN_MARK in text(at)
        assert not [b for b in at.sidebar.button if b.label == "Sign out"]


@pytest.fixture
def listening_on():
    before = config.get_option("server.address")
    yield lambda address: config.set_option("server.address", address)
    config.set_option("server.address", before)


def test_without_sign_in_the_app_refuses_to_serve_a_network_address(listening_on, monkeypatch):
    monkeypatch.delenv("EMPATHY_OPEN", raising=False)
    listening_on("0.0.0.0")
    at = run("board", signed=False)
    assert "not served on 0.0.0.0 without sign-in" in text(at) and "How customers feel" not in text(at)
    monkeypatch.setenv("EMPATHY_OPEN", "1")  # an open board on the network, on purpose
    assert "How customers feel" in text(run("board", signed=False))
    listening_on("127.0.0.1")
    monkeypatch.delenv("EMPATHY_OPEN")
    assert "How customers feel" in text(run("board", signed=False))


def test_the_demo_banner_says_what_each_role_can_do_about_it():
    banner = {email: next(i.value for i in run("board", email).info if "Demo data." in i.value)
              for email in ("cxo@example.com", "dana@example.com", "ada@example.com")}
    assert banner["cxo@example.com"].endswith("The board's analysts load the real data.")
    assert banner["dana@example.com"].endswith("on the **Data** page; an admin clears the demo data.")
    assert banner["ada@example.com"].endswith("and clear the demo data, on the **Data** page.")
