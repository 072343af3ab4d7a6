"""The board while others change the data: a load from the command line shows on the open board at its
next run, a presented board stays as presented while late answers land (and its pack downloads), two app
servers on one shared lake."""

import json
import subprocess

import pytest
from playwright.sync_api import expect

from browsing import app_server, board_open, nps_sample, pick, settled, tile
from conftest import FIXTURES, empathy

pytestmark = pytest.mark.browser


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
