"""What the browser tests share: the app served as `make run` serves it, on a store of the test's own
(a copy of the demo store unless the test names another), and the ways a user waits, picks and reads."""

import getpass
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

import pandas as pd
import pytest
from playwright.sync_api import expect

from conftest import ROOT, demo_frame, demo_store_file, free_port


@contextmanager
def app_server(tmp_path, port: int | None = None, args: tuple = (), env: dict | None = None, root=ROOT,
               script: str = "serve.py"):
    """The app (of the project at `root`) served as `make run` serves it, on a free loopback port, on a
    store of the test's own; what it prints goes to `tmp_path / "server.log"`."""
    port = port or free_port()
    env = {**os.environ, "EMPATHY_DB": str(tmp_path / "browser.duckdb"), **(env or {})}
    if env["EMPATHY_DB"] == str(tmp_path / "browser.duckdb") and not (tmp_path / "browser.duckdb").exists():
        shutil.copy(demo_store_file(), tmp_path / "browser.duckdb")  # the demo, as a first run would load it
    with open(tmp_path / "server.log", "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(root / script), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", *args],
            cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
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
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def board_open(tmp_path, page):
    """The app on a store of the test's own, its board open in the browser: the board's NPS n."""
    with app_server(tmp_path) as url:
        page.goto(url)
        expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
        settled(page)
        yield nps_sample(page)


def settled(page) -> None:
    """Wait until the app has finished its run (its elements are inert while it runs)."""
    page.wait_for_timeout(500)
    page.wait_for_selector("[data-testid=stStatusWidget]", state="detached", timeout=90_000)


def pick(page, label: str, option: str) -> None:
    """Choose an option of a Streamlit select box by its label, as a user does."""
    settled(page)
    box = page.locator("[data-testid=stSelectbox]", has_text=label)
    box.scroll_into_view_if_needed()  # a click that scrolls the page first closes the list it opens
    page.wait_for_timeout(300)
    box.click()
    page.get_by_role("option", name=option).first.click()


def tile(page, title: str):
    return page.locator(".tile", has=page.locator(".tile-title", has_text=title))


def nps_sample(page) -> int:
    text = tile(page, "NPS").locator(".tile-n .n").inner_text()
    return int(re.search(r"n = ([\d,]+)", text).group(1).replace(",", ""))


PAGES = ("", "segments", "accounts", "backtest", "voices", "themes", "data", "admin")
# Abbreviations teams say in English, file formats, brands, the language switch's own name, the role names
# the roles file is written in, and the words of Streamlit's own file uploader, which the app cannot change
SAID_IN_ENGLISH = {"NPS", "CSAT", "CES", "ARR", "UTC", "CSV", "TSV", "TXT", "XLS", "XLSX", "PDF", "PPTX", "URL",
                   "Google", "Sheets", "English", "VADER", "Kiwi", "OIDC", "viewer", "product", "lead", "analyst",
                   "admin"}


def data_words() -> set[str]:
    """Words the demo's data holds (names, segments, regions, plans, roles, channels; the themes file, as the
    Themes page's editor shows it): shown as written."""
    frames = [demo_frame("accounts")[["account_name", "segment", "region", "industry", "plan", "owner", "contacts"]],
              demo_frame("survey_responses")[["respondent_role", "channel"]],
              demo_frame("calls")[["call_type", "channel", "agent"]],
              pd.read_csv(ROOT / "data" / "themes.csv")]
    return {word for frame in frames for value in frame.astype("str").to_numpy().ravel()
            for word in re.findall(r"[A-Za-z]+", value)}


def english_on_page(page, allowed: set[str]) -> set[str]:
    """The English words a page shows that are not the customers' (quotes, calls, names and other data
    values), icons' names, code, or SAID_IN_ENGLISH: what a Korean reader would see untranslated."""
    shown = " ".join(page.locator("[data-testid=stApp]").inner_text().split())
    for selector in (".voice .quote", ".call", "code", "textarea", "blockquote"):
        for said in page.locator(selector).all_inner_texts():
            said = " ".join((said or "").split())
            shown = shown.replace(said, " ") if said else shown
    icons = {word for said in page.locator("[data-testid*=Icon]").all_inner_texts()
             for word in re.findall(r"[A-Za-z]+", said or "")}
    words = set(re.findall(r"[A-Za-z]{3,}", shown.replace("Skip to main content", " ")))
    return words - icons - allowed - SAID_IN_ENGLISH - {getpass.getuser()}


def walk_in_korean(page, url: str) -> dict[str, set[str]]:
    """Every page with ?lang=ko: the English words each shows that are the board's own."""
    allowed = data_words()
    found = {}
    for path in PAGES:
        page.goto(f"{url}/{path}?lang=ko")
        expect(page.locator("h1, .board-title").first).to_be_visible(timeout=90_000)
        settled(page)
        found[path or "board"] = english_on_page(page, allowed)
    return found
