"""Hostile values in every field a sheet can carry, walked through every page in a real browser: each
reads as written, nothing renders as Markdown or HTML, and no browser calls anybody."""

import csv

import openpyxl
import pytest
from playwright.sync_api import expect

from browsing import app_server, settled
from conftest import BEACON, HOSTILE, empathy

pytestmark = pytest.mark.browser


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
