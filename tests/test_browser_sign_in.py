"""Signing in for real: the app's OIDC sign-in against a local OpenID Connect provider
(oidc-provider-mock, a real provider server started here), in Debian's Chromium, as each role."""

import re
import urllib.error
import urllib.request

import pytest
from oidc_provider_mock import run_server_in_thread
from playwright.sync_api import expect

from browsing import app_server, pick, settled
from conftest import ROLES_TOML, free_port

pytestmark = pytest.mark.browser


def address(email: str) -> re.Pattern:
    """An e-mail address as a page shows it: with the invisible joiner ui/text.py puts before the @ so
    Markdown does not make it a link."""
    local, domain = email.split("@")
    return re.compile(f"{re.escape(local)}\u2060?@{re.escape(domain)}")


@pytest.fixture(scope="module")
def provider():
    """A local OpenID Connect provider: its sign-in form takes any subject, whose e-mail it is."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain http on loopback only
        with run_server_in_thread(port=free_port()) as server:
            yield f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def team_server(tmp_path_factory, provider):
    """The app with sign-in configured (the secrets as docs/sign-in-and-roles.md says) and the test team's roles, one
    for the module: each test signs in afresh in a browser of its own."""
    tmp_path, port = tmp_path_factory.mktemp("team"), free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f"""[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "a long random string for the test"
client_id = "empathy-board"
client_secret = "test-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"
""", encoding="utf-8")
    roles = tmp_path / "roles.toml"
    roles.write_text(ROLES_TOML, encoding="utf-8")
    env = {"EMPATHY_SECRETS": str(secrets), "EMPATHY_ROLES": str(roles)}
    with app_server(tmp_path, port, ("--secrets.files", str(secrets)), env) as url:
        yield url


def sign_in(page, url: str, email: str) -> None:
    """As a person does: the app's sign-in button, the provider's form, back to the app."""
    page.goto(url)
    expect(page.get_by_text("Sign in to see the board")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").fill(email)  # the provider's own sign-in form
    page.get_by_role("button", name="Authorize").click()


def sign_out(page) -> None:
    """The app's sign-out, then the provider's end-of-session page (RP-initiated logout), back to the app."""
    settled(page)
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click(timeout=60_000)
    expect(page.get_by_text("Sign in to see the board")).to_be_visible(timeout=60_000)


def menu(page) -> list[str]:
    links = page.locator('[data-testid="stSidebarNav"] a')
    return [text.split("\n")[-1].strip() for text in links.all_inner_texts()]  # after the icon's name


def test_signed_out_sees_only_the_sign_in_page(team_server, page):
    page.goto(team_server)
    expect(page.get_by_text("Sign in to see the board")).to_be_visible(timeout=60_000)
    assert not page.locator(".tile").count() and not menu(page)
    page.goto(f"{team_server}/data")  # a deep link is no way round
    expect(page.get_by_text("Sign in to see the board")).to_be_visible(timeout=60_000)
    assert not page.get_by_role("heading", name="Load a sheet").count()


def test_a_viewer_signs_in_sees_the_board_read_only_and_signs_out(team_server, page):
    sign_in(page, team_server, "cxo@example.com")
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    signed_in = page.get_by_text("Signed in as Casey", exact=False)
    expect(signed_in.or_(page.get_by_text(address("cxo@example.com")))
           .first).to_be_visible()
    settled(page)
    assert menu(page) == ["Board", "Segments", "Accounts", "Backtest", "Voices", "Themes"]
    assert not page.get_by_role("button", name="Pin").count()
    page.goto(f"{team_server}/data")  # not in a viewer's menu, so not served to them
    expect(page.get_by_text("Page not found")).to_be_visible(timeout=60_000)
    page.keyboard.press("Escape")
    expect(page.get_by_text("How customers feel")).to_be_visible(timeout=60_000)
    assert not page.get_by_role("heading", name="Load a sheet").count()

    sign_out(page)
    page.goto(team_server)
    expect(page.get_by_text("Sign in to see the board")).to_be_visible(timeout=60_000)


def test_an_analyst_has_the_data_page_and_an_admin_the_admin_page(team_server, page):
    sign_in(page, team_server, "dana@example.com")
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    settled(page)
    assert menu(page) == ["Board", "Segments", "Accounts", "Backtest", "Voices", "Themes", "Data"]
    pin = page.get_by_role("button", name="Pin").first  # an analyst may pin the voice of the week
    pin.scroll_into_view_if_needed()  # a click that has to scroll first can land while the page moves
    settled(page)
    pin.click()
    expect(page.get_by_role("button", name="Back to the rule's choice")).to_be_visible(timeout=60_000)
    page.get_by_role("link", name="Data").click()
    expect(page.get_by_text("recorded as loaded by", exact=False)).to_contain_text(address("dana@example.com"),
                                                                                  timeout=60_000)
    sign_out(page)

    sign_in(page, team_server, "ada@example.com")
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    settled(page)
    assert menu(page) == ["Board", "Segments", "Accounts", "Backtest", "Voices", "Themes", "Data", "Admin"]
    page.get_by_role("link", name="Admin").click()
    page.get_by_role("tab", name="Audit log").click()
    grid = page.locator("[data-testid=stDataFrame]").last
    expect(grid).to_contain_text("dana@example.comanalystpin_voice2026-W47done", timeout=60_000)  # her pin, in the log
    expect(grid).to_contain_text("systemadminloadaccounts.csv")  # and the demo the app loaded on first run


def test_a_product_lead_sees_only_their_segment(team_server, page):
    sign_in(page, team_server, "sam@example.com")
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("only segment SMB")).to_be_visible()
    settled(page)
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{team_server}/?present=1")  # projected: no sidebar, so the heading says whose figures these are
    expect(page.locator(".board-title")).to_have_text("How customers feel · 2026-W47 · segment SMB only",
                                                      timeout=90_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    page.goto(team_server)
    expect(page.get_by_role("link", name="By segment")).to_be_visible(timeout=90_000)
    settled(page)
    page.get_by_role("link", name="By segment").click()
    expect(page.get_by_role("heading", name="Segments")).to_be_visible(timeout=60_000)
    grid = page.locator("[data-testid=stDataFrame]").first
    expect(grid).to_contain_text("SMB")
    for other in ("Enterprise", "Mid-Market"):
        expect(grid).not_to_contain_text(other)


def test_someone_without_a_role_is_asked_to_see_an_admin(team_server, page):
    sign_in(page, team_server, "stranger@elsewhere.example")
    expect(page.get_by_text("nobody has given you a role")).to_be_visible(timeout=60_000)
    expect(page.get_by_text(address("stranger@elsewhere.example"))).to_be_visible()
    assert not page.locator(".tile").count() and not menu(page)


@pytest.mark.parametrize(("path", "status", "reveals"), [
    ("/_stcore/health", 200, "ok"),
    ("/_stcore/host-config", 200, "allowedOrigins"),
    ("/_stcore/metrics", 200, None),
    ("/media/0123456789abcdef.csv", 404, None),
    ("/_stcore/agent/openapi.json", 200, "the API is switched off"),
])
def test_what_streamlits_own_endpoints_answer_without_sign_in(team_server, path, status, reveals):
    """None of them reveals a figure, a quote or an account: docs/security.md lists them."""
    try:
        with urllib.request.urlopen(f"{team_server}{path}", timeout=10) as response:
            code, body = response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        code, body = error.code, error.read().decode("utf-8", "replace")
    assert code == status
    if reveals:
        assert reveals in body
    for secret in ("Redbrook", "A1001", "@example.com", "nps", "cookie_secret", "test-secret"):
        assert secret not in body


def cookie_header(page) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())


def fetch(url: str, cookies: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookies} if cookies else {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def signed_in_tab(page, team_server: str, email: str):
    """Another browser (its own cookies) with `email` signed in, on the board."""
    tab = page.context.browser.new_context(viewport={"width": 1440, "height": 900}).new_page()  # its own cookies
    sign_in(tab, team_server, email)
    expect(tab.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    settled(tab)
    return tab


def test_a_download_is_the_signed_in_askers_alone_and_a_stranger_gets_nothing(team_server, page):
    sign_in(page, team_server, "erin@example.com")
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    settled(page)
    link = page.get_by_role("link", name="Board pack (PDF)")
    address = team_server + link.get_attribute("href")
    with page.expect_download(timeout=90_000) as download:
        link.click()
    assert download.value.suggested_filename == "board-pack-2026-W47.pdf"
    status, body = fetch(address)  # no cookie: a link copied out of the browser, a proxy's log
    assert status == 403 and b"%PDF" not in body and b"Redbrook" not in body
    status, body = fetch(address, cookie_header(page))  # the sign-in that asked for it
    assert status == 200 and body[:5] == b"%PDF-"
    other = signed_in_tab(page, team_server, "cxo@example.com")
    status, body = fetch(address, cookie_header(other))  # someone else signed in: not their link
    assert status == 403 and b"%PDF" not in body
    status, _ = fetch(f"{team_server}/downloads/{'A' * 43}", cookie_header(page))
    assert status == 403


def test_a_signed_out_cookie_is_refused_wherever_it_was_copied_to(team_server, page):
    sign_in(page, team_server, "cxo@example.com")
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    kept = page.context.cookies()
    sign_out(page)
    thief = page.context.browser.new_context(viewport={"width": 1440, "height": 900})
    thief.add_cookies(kept)
    tab = thief.new_page()
    tab.goto(team_server)
    expect(tab.get_by_text("You were signed out")).to_be_visible(timeout=60_000)
    assert not tab.locator(".tile").count() and not menu(tab)


def test_an_admin_signs_a_person_out_everywhere(team_server, page):
    sign_in(page, team_server, "cxo@example.com")
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    admin = signed_in_tab(page, team_server, "ada@example.com")
    admin.get_by_role("link", name="Admin").click()
    expect(admin.get_by_text("Sign someone out everywhere")).to_be_visible(timeout=60_000)
    pick(admin, "Person", "cxo@example.com")
    admin.get_by_role("button", name="Sign out everywhere").click()
    expect(admin.get_by_text("is signed out everywhere")).to_be_visible(timeout=60_000)
    page.reload()
    expect(page.get_by_text("You were signed out")).to_be_visible(timeout=60_000)
    assert not page.locator(".tile").count()
