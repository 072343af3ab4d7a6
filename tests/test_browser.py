"""The main flows in a real browser: the board on the demo data, presentation mode on a projector-sized
screen, an analyst undoing a batch, a load from the command line while the board is open, the board
presented and kept so while late answers land, its pack downloaded, and two app servers on one
shared lake."""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

import openpyxl
import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import BEACON, FIXTURES, HOSTILE, ROOT, empathy, free_port

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]



@contextmanager
def app_server(tmp_path, port: int | None = None, args: tuple = (), env: dict | None = None, root=ROOT,
               script: str = "serve.py"):
    """The app (of the project at `root`) served as `make run` serves it, on a free loopback port, on a
    store of the test's own."""
    port = port or free_port()
    env = {**os.environ, "EMPATHY_DB": str(tmp_path / "browser.duckdb"), **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(root / script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", *args],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


@pytest.fixture
def server(tmp_path):
    with app_server(tmp_path) as url:
        yield url


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
    page.goto(f"{server}/data")
    expect(page.get_by_text("Demo data.", exact=False).first).to_be_visible(timeout=60_000)
    expect(page.get_by_role("heading", name="What is loaded")).to_be_visible()
    assert loaded_rows(page, "Accounts") == "120"
    assert loaded_rows(page, "Calls") != "0"

    pick(page, "Batch to undo", "4 — calls")
    settled(page)
    page.get_by_role("button", name="Undo…").click()
    expect(page.get_by_text("Its rows leave every page")).to_be_visible()
    page.get_by_role("button", name="Undo batch").click()
    expect(page.get_by_text("Batch 4 was undone.")).to_be_visible(timeout=30_000)
    assert loaded_rows(page, "Calls") == "0"

    page.reload()
    expect(page.get_by_role("heading", name="What is loaded")).to_be_visible(timeout=60_000)
    expect(page.locator("table tr", has_text="Calls").locator("td").first).to_have_text("0")
    assert loaded_rows(page, "Accounts") == "120"

    page.get_by_role("link", name="Board", exact=True).click()  # the board has no calls to show any more
    expect(tile(page, "Call sentiment").locator(".tile-value")).to_have_text("–", timeout=60_000)
    expect(tile(page, "NPS").locator(".tile-value")).not_to_have_text("–")


def tile(page, title: str):
    return page.locator(".tile", has=page.locator(".tile-title", has_text=title))


def test_board_loads_with_figures_and_fits_a_projector_in_presentation_mode(server, page, tmp_path):
    page.goto(server)
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=60_000)
    for title in ("NPS", "CSAT", "CES", "Call sentiment", "Participation"):
        expect(tile(page, title).locator(".tile-value")).not_to_have_text("–")
    expect(page.locator(".alerts")).to_contain_text("Redbrook Capital")

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{server}/?present=1")
    quote = page.locator(".voice .quote")
    expect(quote).to_be_visible(timeout=60_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    page.wait_for_timeout(1500)  # let the trend charts draw before the picture
    tiles = page.locator(".tile").all()
    assert len(tiles) == 5
    for element in [*tiles, quote, page.locator(".voice figcaption")]:
        box = element.bounding_box()
        assert box and box["y"] + box["height"] <= 1080, "part of the board is below the fold"
    shot = tmp_path / "board-presentation.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


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


def test_drill_from_the_board_into_a_segment_and_one_call_and_reload_restores_it(server, page):
    page.goto(f"{server}/?window=2026-W47&weeks=1")
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    settled(page)
    page.get_by_role("link", name="By segment").click()
    expect(page.get_by_role("heading", name="Segments")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("2026-W47 (16 Nov to 22 Nov 2026)")).to_be_visible()
    expect(page.locator("[data-testid=stDataFrame]").first).to_be_visible()

    pick(page, "Drill into a segment", "SMB")
    expect(page.get_by_role("heading", name="SMB", exact=True)).to_be_visible(timeout=30_000)
    settled(page)
    page.get_by_role("tab", name="Calls").click()
    pick(page, "Open a call", "C002014")
    expect(page.get_by_text("Brightbrook Freight · success call")).to_be_visible(timeout=30_000)
    customer_turns = page.locator(".turn.customer")
    expect(customer_turns.first).to_be_visible()
    turns = customer_turns.count()
    assert turns > 0
    expect(page).to_have_url(re.compile(r"call=C002014"))  # written at the end of the run
    assert "dim=segment" in page.url and "value=SMB" in page.url

    page.reload()  # the URL alone brings the same view back
    expect(page.get_by_role("heading", name="SMB", exact=True)).to_be_visible(timeout=60_000)
    settled(page)
    page.get_by_role("tab", name="Calls").click()
    expect(page.get_by_text("Brightbrook Freight · success call")).to_be_visible(timeout=30_000)
    assert page.locator(".turn.customer").count() == turns

    page.go_back()  # the view before the call was opened
    expect(page.get_by_text("Brightbrook Freight · success call")).to_be_hidden(timeout=30_000)
    assert "call=" not in page.url and "value=SMB" in page.url


def nps_sample(page) -> int:
    text = tile(page, "NPS").locator(".tile-n .n").inner_text()
    return int(re.search(r"n = ([\d,]+)", text).group(1).replace(",", ""))


def test_an_analyst_uploads_a_sheet_maps_a_column_confirms_sees_the_board_change_and_undoes_it(server, page):
    page.goto(server)
    expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
    settled(page)
    nps_before, n_before = tile(page, "NPS").locator(".tile-value").inner_text(), nps_sample(page)

    page.get_by_role("link", name="Data").click()
    expect(page.get_by_role("heading", name="Load a sheet")).to_be_visible(timeout=60_000)
    settled(page)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(FIXTURES / "upload_surveys.csv")
    expect(page.get_by_text("Required columns not mapped: submitted_at")).to_be_visible(timeout=60_000)
    pick(page, "submitted_at *", "Answered on")
    expect(page.get_by_text("Problems — 1")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("'eleven' is not a whole number")).to_be_attached()  # in the grid's cells
    expect(page.get_by_role("button", name="Load 5 rows")).to_be_disabled()
    page.get_by_text("Load the valid rows, leave out the bad ones").click()
    settled(page)
    page.get_by_role("button", name="Load 5 rows").click()
    expect(page.get_by_text("batch 6 loaded as surveys — 5 new, 0 updated, 0 already loaded, 1 rejected")
           ).to_be_visible(timeout=60_000)
    expect(page.locator("[data-testid=stDataFrame]").last).to_contain_text("upload_surveys.csv")

    page.get_by_role("link", name="Board", exact=True).click()
    expect(tile(page, "NPS").locator(".tile-n")).to_contain_text(f"n = {n_before + 5:,} answers", timeout=60_000)
    assert tile(page, "NPS").locator(".tile-value").inner_text() != nps_before  # five detractors more

    page.get_by_role("link", name="Data").click()
    expect(page.get_by_role("heading", name="Batch history")).to_be_visible(timeout=60_000)
    pick(page, "Batch to undo", "6 — surveys, upload_surveys.csv (5 rows)")
    settled(page)
    page.get_by_role("button", name="Undo…").click()
    expect(page.get_by_text("Its rows leave every page")).to_be_visible()
    page.get_by_role("button", name="Undo batch").click()
    expect(page.get_by_text("Batch 6 was undone.")).to_be_visible(timeout=30_000)

    page.get_by_role("link", name="Board", exact=True).click()
    expect(tile(page, "NPS").locator(".tile-n")).to_contain_text(f"n = {n_before:,} answers", timeout=60_000)
    expect(tile(page, "NPS").locator(".tile-value")).to_have_text(nps_before)


def test_a_pages_folder_still_breaks_a_deep_link_on_a_fresh_server(tmp_path, page):
    """Why the pages live in app_pages/: the same app with the folder named pages/ runs a fresh
    server's first session the pre-`st.navigation` way, so a deep link runs the page file without
    app.py (no sign-in check there, no menu of ours, no open mark). When a Streamlit upgrade makes
    this test fail, pages/ works: move to it (docs/architecture.md, UI)."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "*.duckdb*", "__pycache__"))
    (copy / "app_pages").rename(copy / "pages")
    for source in [copy / "app.py", *(copy / "ui").glob("*.py"), *(copy / "pages").glob("*.py")]:
        source.write_text(source.read_text().replace("app_pages/", "pages/"))
    with app_server(tmp_path, root=copy, script="app.py") as url:
        page.goto(f"{url}/segments")
        expect(page.get_by_role("heading", name="Segments")).to_be_visible(timeout=90_000)
        menu = page.locator('[data-testid="stSidebarNav"]').inner_text().split()
        assert "app" in menu and "Board" not in menu  # Streamlit's own file list, not the app's menu
        assert not page.get_by_text("Open: no sign-in configured").count()  # app.py never ran


@contextmanager
def board_open(tmp_path, page):
    """The app on a store of the test's own, its board open in the browser: the board's NPS n."""
    with app_server(tmp_path) as url:
        page.goto(url)
        expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=90_000)
        settled(page)
        yield nps_sample(page)


def test_a_load_from_the_command_line_shows_on_the_open_board_at_its_next_run(tmp_path, page):
    with board_open(tmp_path, page) as n_before:
        store = tmp_path / "browser.duckdb"
        loaded = empathy("load", FIXTURES / "late_answers_w47.csv", "--json", db_path=store)
        assert loaded.returncode == 0, loaded.stderr  # the app is running on that file
        batch = json.loads(loaded.stdout)["batch_id"]

        page.get_by_role("link", name="Segments").click()  # the same browser session, a new run
        page.get_by_role("link", name="Board", exact=True).click()
        expect(tile(page, "NPS").locator(".tile-n")).to_contain_text(f"n = {n_before + 4:,} answers", timeout=60_000)

        assert empathy("undo", batch, db_path=store).returncode == 0
        page.get_by_role("link", name="Segments").click()
        page.get_by_role("link", name="Board", exact=True).click()
        expect(tile(page, "NPS").locator(".tile-n")).to_contain_text(f"n = {n_before:,} answers", timeout=60_000)


def test_the_cxo_presents_the_board_late_answers_leave_it_as_presented_and_the_pack_downloads(tmp_path, page):
    with board_open(tmp_path, page) as presented_n:
        page.get_by_role("button", name="Present this window").click()
        expect(page.get_by_text("The board of 2026-W47 is kept as presented.")).to_be_visible(timeout=60_000)
        expect(page.locator(".presented")).to_contain_text("As presented on")
        assert empathy("load", FIXTURES / "late_answers_w47.csv", db_path=tmp_path / "browser.duckdb").returncode == 0

        page.get_by_role("link", name="Segments").click()  # a new run of the same session
        page.get_by_role("link", name="Board", exact=True).click()
        expect(page.locator(".since")).to_contain_text("4 late answers since: NPS would now be", timeout=60_000)
        assert nps_sample(page) == presented_n
        settled(page)
        with page.expect_download(timeout=90_000) as download:
            page.get_by_role("link", name="Board pack (PDF)").click()
        pdf = tmp_path / download.value.suggested_filename
        download.value.save_as(pdf)
        assert pdf.name == "board-pack-2026-W47.pdf" and pdf.read_bytes()[:5] == b"%PDF-"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "As presented on" in text and f"{presented_n} answers" in text


def test_two_app_servers_on_one_lake_a_load_through_one_shows_on_the_other_and_undo_there_takes_it_out(
        lake, tmp_path, page):
    with app_server(tmp_path, env={"EMPATHY_DB": lake}) as first:
        page.goto(first)  # the first server's first page puts the demo into the new lake
        expect(page.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=120_000)
        settled(page)
        n_before = nps_sample(page)
        with app_server(tmp_path, env={"EMPATHY_DB": lake}) as second:
            other = page.context.browser.new_page(viewport={"width": 1440, "height": 900})
            other.goto(second)
            expect(other.get_by_text("How customers feel · 2026-W47")).to_be_visible(timeout=120_000)
            expect(tile(other, "NPS").locator(".tile-n")).to_contain_text(f"n = {n_before:,} answers")

            page.get_by_role("link", name="Data").click()
            expect(page.get_by_role("heading", name="Load a sheet")).to_be_visible(timeout=60_000)
            settled(page)
            page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
                FIXTURES / "late_answers_w47.csv")
            page.get_by_role("button", name="Load 4 rows").click(timeout=60_000)
            expect(page.get_by_text("batch 6 loaded as surveys — 4 new")).to_be_visible(timeout=60_000)

            other.get_by_role("link", name="Segments").click()  # the other server, its next run
            other.get_by_role("link", name="Board", exact=True).click()
            expect(tile(other, "NPS").locator(".tile-n")).to_contain_text(f"n = {n_before + 4:,} answers",
                                                                         timeout=60_000)
            other.get_by_role("link", name="Data").click()
            expect(other.get_by_role("heading", name="Batch history")).to_be_visible(timeout=60_000)
            pick(other, "Batch to undo", "6 — surveys, late_answers_w47.csv (4 rows)")
            settled(other)
            other.get_by_role("button", name="Undo…").click()
            other.get_by_role("button", name="Undo batch").click()
            expect(other.get_by_text("Batch 6 was undone.")).to_be_visible(timeout=30_000)

        page.get_by_role("link", name="Board", exact=True).click()
        expect(tile(page, "NPS").locator(".tile-n")).to_contain_text(f"n = {n_before:,} answers", timeout=60_000)


WORKSHEET = "_it_ $x$ <b> ~~s~~ `c`"  # what a worksheet may be called (no : / ? * [ ])
STRONG = "I hate this, it is awful and terrible."  # strong enough to be the voice of the week


def hostile_sheets(folder, beacon: str) -> list:
    """An account, answers and a call whose every text is hostile (conftest.HOSTILE), in week 47."""
    def sheet(name: str, rows: list[list]) -> object:
        path = folder / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        return path
    accounts = sheet("accounts.csv", [["account_id", "account_name", "segment", "owner", "arr"],
                                      ["H1", HOSTILE[1], "SMB", HOSTILE[2], 5000]])
    answers = [["response_id", "account_id", "respondent_role", "submitted_at", "metric", "score", "comment"],
               ["R1", "H1", "end user", "2026-11-18 09:00", "nps", 0, beacon],
               ["V1", "H1", "end user", "2026-11-19 09:00", "nps", 0, f"{STRONG} {beacon}"]]
    answers += [[f"R{i}", "H1", "end user", f"2026-11-1{7 + i % 3} 10:00", "nps", i % 3, text]
                for i, text in enumerate(HOSTILE[1:], start=2)]
    turns = f"Customer _Zed_ & (a/b): {beacon}\nAgent: I am sorry, let me check :red[that] for you."
    calls = sheet("calls.csv", [["call_id", "account_id", "started_at", "call_type", "transcript"],
                                ["C1", "H1", "2026-11-18 11:00", "support", turns]])
    return [accounts, sheet("answers.csv", answers), calls]


def assert_nothing_rendered_from_data(page, where: str) -> None:
    main = page.locator("[data-testid=stMain]")
    assert main.locator("img").count() == 0, where
    assert main.locator("a[href^='javascript'], a[href*='example.com'], a[href*='pixel']").count() == 0, where
    assert page.get_by_text("SHOUT", exact=True).count() == 0, where  # :red[SHOUT] drawn as a coloured span
    assert main.locator(".katex").count() == 0 and main.locator("strong", has_text="bold").count() == 0, where
    assert "home" not in main.locator("[data-testid=stIconMaterial]").all_inner_texts(), where


def test_hostile_values_read_as_written_on_every_page_and_call_nobody(tmp_path, page, httpserver):
    httpserver.expect_request("/pixel.png").respond_with_data(b"", content_type="image/png")
    beacon = BEACON.replace("http://127.0.0.1:8599/pixel.png", httpserver.url_for("/pixel.png"))
    store = tmp_path / "browser.duckdb"
    for sheet in hostile_sheets(tmp_path, beacon):
        loaded = empathy("load", sheet, db_path=store)
        assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    workbook = tmp_path / "hostile.xlsx"
    book = openpyxl.Workbook()
    book.active.title = WORKSHEET
    book.active.append(["account_id", "segment"])
    book.active.append(["H2", "SMB"])
    book.save(workbook)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    with app_server(tmp_path) as url:
        visits = {"board": "", "projector": "?present=1", "segments": "segments?dim=segment&value=SMB",
                  "account": "accounts?account=H1", "voices": "voices?q=zzmark&pick=comment:R1", "themes": "themes",
                  "data": "data", "admin": "admin"}
        for name, path in visits.items():
            page.goto(f"{url}/{path}")
            page.wait_for_selector("[data-testid=stMain]", timeout=90_000)
            if name in ("board", "projector"):  # the first board of a new server takes its time: wait for its end
                expect(page.locator(".voice .quote")).to_have_text(f"“{STRONG} {beacon}”", timeout=90_000)
            settled(page)
            page.wait_for_timeout(1000)
            assert_nothing_rendered_from_data(page, name)
            if name == "account":
                expect(page.locator("h1").first).to_have_text(HOSTILE[1])
                facts = page.locator("[data-testid=stMarkdown]", has_text="owner").first.inner_text()
                assert f"owner {HOSTILE[2]}" in facts.replace("\u2060", "")  # links broken by an invisible joiner
            if name == "voices":
                expect(page.locator("blockquote.answer")).to_have_text(beacon)  # the comment, character for character
        page.goto(f"{url}/data")
        expect(page.get_by_role("heading", name="Load a sheet")).to_be_visible(timeout=60_000)
        settled(page)
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(workbook)
        expect(page.get_by_text(f"worksheet {WORKSHEET}")).to_be_visible(timeout=60_000)
        assert_nothing_rendered_from_data(page, "upload")
    assert httpserver.log == []  # nobody's browser asked for the beacon
    assert sorted(set(address for address in requests if not address.startswith(url))) == []
