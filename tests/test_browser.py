"""The main flow in a real browser: the app starts on the demo data, an analyst undoes a batch."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {**os.environ, "EMPATHY_DB": str(tmp_path / "browser.duckdb")}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        process.terminate()
        pytest.fail("the app did not start within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1440, "height": 900})
        yield tab
        browser.close()


def loaded_rows(page, table: str) -> str:
    return page.locator("table tr", has_text=table).locator("td").first.inner_text()


def test_app_starts_on_the_demo_data_and_undo_takes_a_batch_out(server, page):
    page.goto(server)
    expect(page.get_by_text("Demo data.", exact=False).first).to_be_visible(timeout=60_000)
    expect(page.get_by_role("heading", name="What is loaded")).to_be_visible()
    assert loaded_rows(page, "Accounts") == "120"
    assert loaded_rows(page, "Calls") != "0"

    page.get_by_role("button", name="Undo…").click()
    expect(page.get_by_text("Its rows leave every page")).to_be_visible()
    page.get_by_role("button", name="Undo batch").click()
    expect(page.get_by_text("Batch 4 was undone.")).to_be_visible(timeout=30_000)
    assert loaded_rows(page, "Calls") == "0"

    page.reload()
    expect(page.get_by_role("heading", name="What is loaded")).to_be_visible(timeout=60_000)
    expect(page.locator("table tr", has_text="Calls").locator("td").first).to_have_text("0")
    assert loaded_rows(page, "Accounts") == "120"
