"""The main flows in a real browser: the board on the demo data, presentation mode on a projector-sized
screen, a drill into a segment and a call, an analyst's upload mapped by hand and undone, undo on the
Data page. (The board while others change the data: test_browser_sharing.py; hostile values:
test_browser_hostile.py; sign-in: test_browser_sign_in.py.)"""

import re
import shutil

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from browsing import PAGES, app_server, data_words, english_on_page, nps_sample, pick, settled, tile, walk_in_korean
from conftest import FIXTURES, ROOT, demo_frame, first_demo_call

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path):
    """A server of the test's own, for a test that changes the data."""
    with app_server(tmp_path) as url:
        yield url


@pytest.fixture(scope="module")
def reading_server(tmp_path_factory):
    """One server for the tests that only read the demo data."""
    with app_server(tmp_path_factory.mktemp("reading")) as url:
        yield url


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


def test_board_loads_with_figures_and_fits_a_projector_in_presentation_mode(reading_server, page, tmp_path):
    server = reading_server
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


def test_drill_from_the_board_into_a_segment_and_one_call_and_reload_restores_it(reading_server, page):
    server = reading_server
    call = first_demo_call("SMB", "2026-11-16", "2026-11-23")
    heading = f"{call['account_name']} · {call['call_type']} call"
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
    pick(page, "Open a call", call["call_id"])
    expect(page.get_by_text(heading)).to_be_visible(timeout=30_000)
    customer_turns = page.locator(".turn.customer")
    expect(customer_turns.first).to_be_visible()
    turns = customer_turns.count()
    assert turns > 0
    expect(page).to_have_url(re.compile(f"call={call['call_id']}"))  # written at the end of the run
    assert "dim=segment" in page.url and "value=SMB" in page.url

    page.reload()  # the URL alone brings the same view back
    expect(page.get_by_role("heading", name="SMB", exact=True)).to_be_visible(timeout=60_000)
    settled(page)
    page.get_by_role("tab", name="Calls").click()
    expect(page.get_by_text(heading)).to_be_visible(timeout=30_000)
    assert page.locator(".turn.customer").count() == turns

    page.go_back()  # the view before the call was opened
    expect(page.get_by_text(heading)).to_be_hidden(timeout=30_000)
    assert "call=" not in page.url and "value=SMB" in page.url


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
    expect(page.locator("[data-testid=stSelectbox]", has_text="Batch to undo").locator("input")).to_have_value(
        "6 — surveys, upload_surveys.csv (5 rows)")  # the batch that just landed is the one offered

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




def test_a_korean_tools_cp949_calls_sheet_loads_with_its_hangul_intact(server, page):
    page.goto(f"{server}/data")
    expect(page.get_by_role("heading", name="Load a sheet")).to_be_visible(timeout=60_000)
    settled(page)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(FIXTURES / "korean_calls_cp949.csv")
    expect(page.get_by_role("button", name="Load 2 rows")).to_be_enabled(timeout=60_000)  # 통화 ID, 녹취 … mapped
    expect(page.get_by_text("이수진").first).to_be_attached()  # CP949 read as such, not as mojibake
    page.get_by_role("button", name="Load 2 rows").click()
    expect(page.get_by_text("batch 6 loaded as calls — 2 new")).to_be_visible(timeout=60_000)


def test_presentation_mode_reads_in_korean_on_a_projector(reading_server, page, tmp_path):
    """?lang=ko: every word of the board's own is Korean; what stays English is the customers' (the
    quote, names, segments, channels) and the abbreviations teams say (NPS, ARR); the growing themes, the
    ones the board ships, read in Korean too.
    The tiles keep one height at 1920x1080 (the picture was looked at)."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{reading_server}/?present=1&lang=ko")
    expect(page.get_by_text("고객은 어떻게 느끼는가 · 2026년 47주차")).to_be_visible(timeout=60_000)
    expect(tile(page, "순추천지수(NPS)").locator(".tile-value")).not_to_have_text("–")
    settled(page)
    page.wait_for_timeout(1500)
    heights = {round(element.bounding_box()["height"]) for element in page.locator(".tile").all()}
    assert len(heights) == 1, heights
    page.screenshot(path=str(tmp_path / "board-presentation-ko.png"))
    main = page.locator("[data-testid=stMain]")
    customers = [main.locator(".voice").inner_text(), *demo_frame("accounts")["account_name"],
                 "keyboard_arrow_right"]  # the expander's icon, by name
    board_words = main.inner_text()
    for said in customers:
        board_words = board_words.replace(said, " ")
    english = set(re.findall(r"[A-Za-z]{3,}", board_words)) - {"NPS", "CSAT", "CES", "ARR", "UTC"}
    assert english == set(), english


def test_every_page_reads_in_korean(reading_server, page):
    """The walk: each page with ?lang=ko shows no English word of the board's own."""
    assert walk_in_korean(page, reading_server) == {path or "board": set() for path in PAGES}


def test_the_walk_finds_a_translation_taken_out(tmp_path, page):
    """A catalog without the Korean for "within noise": the board shows it in English, and the walk says so."""
    folder = tmp_path / "locales" / "ko" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(ROOT / "locales" / "ko" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle, locale="ko")
    catalog["within noise"].string = ""
    with open(folder / "messages.mo", "wb") as handle:
        write_mo(handle, catalog)
    with app_server(tmp_path, env={"EMPATHY_LOCALES": str(tmp_path / "locales")}) as url:
        page.goto(f"{url}/?lang=ko")
        expect(page.get_by_text("고객은 어떻게 느끼는가").first).to_be_visible(timeout=90_000)
        settled(page)
        assert {"within", "noise"} <= english_on_page(page, data_words())
