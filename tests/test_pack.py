"""The board pack: every figure of `board --json` read back from the PDF (poppler) and the PPTX
(python-pptx), pages counted and rendered, the frozen board used once presented."""

import io
import json
import re
import shutil
import subprocess
from datetime import date

import pytest
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from conftest import ANALYST, FIXTURES, SMB_LEAD, THEMES_IN_KOREAN, demo_store_file, empathy
from empathy.figures.metrics import iso_week
from empathy.figures.settings import read_settings
from empathy.figures.voice import VoiceRule, candidates, pin
from empathy.meeting.pack import make_pack
from empathy.store import Store
from empathy.store import actions as kept_actions

PAGES = 6  # title, figures, voice, accounts at risk, themes, actions
TITLES = {"nps": "NPS", "csat": "CSAT", "ces": "CES", "sentiment": "Call sentiment", "participation": "Participation"}


def expected_cells(name: str, figure: dict) -> list[str]:
    """Figure, value, margin and n as the pack must print them, formatted here from the JSON."""
    value, margin, n = figure["value"], figure["margin_of_error"], figure["n"]
    shown = {"nps": f"{value:+.0f}", "csat": f"{value:.0f}%", "ces": f"{value:.1f}", "sentiment": f"{value:.0f}%",
             "participation": f"{value:.0f}%"}[name]
    spread = f"± {margin:.2f}" if name == "ces" else f"± {margin:.1f}"
    counted = {"sentiment": "calls", "participation": "invited"}.get(name, "answers")
    return [TITLES[name], shown, spread, f"{n:,} {counted}"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo data in a store of this module's own, and its latest week's board as `board --json` says it."""
    db_path = tmp_path_factory.mktemp("pack") / "empathy.duckdb"
    shutil.copy(demo_store_file(), db_path)
    board = json.loads(empathy("board", "--json", db_path=db_path).stdout)
    return db_path, board


def pack(db_path, tmp_path, kind: str, *more) -> bytes:
    out = tmp_path / f"pack.{kind}"
    made = empathy("pack", "--window", "2026-W47", "--format", kind, "--out", out, *more, db_path=db_path)
    assert made.returncode == 0, made.stderr
    return out


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_holds_every_board_figure_and_renders(demo, tmp_path):
    db_path, board = demo
    assert board["window"]["label"] == "2026-W47"
    path = pack(db_path, tmp_path, "pdf")
    text = pdf_text(path)
    for name, figure in board["metrics"].items():
        cells = expected_cells(name, figure)
        assert re.search(r"\s+".join(map(re.escape, cells)), text), (name, cells)
    assert "DEMO DATA" in text and "Live figures: this window has not been presented yet" in flat(text)
    assert flat(board["voice"]["text"]) in flat(text)
    for account in board["alerts"]["red"]:
        assert account["account_name"] in text
    assert f"{len(board['alerts']['red'])} red" in text and f"{len(board['alerts']['yellow'])} yellow" in text
    for theme in board["themes"]:
        assert theme["theme"] in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Pages:\s+{PAGES}\n", info)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == PAGES
    for page in pages:  # every page has ink on it: text, tables, charts
        grey = Image.open(page).convert("L")
        dark = sum(grey.histogram()[:128])
        assert dark > 500, page.name
    # the figures page holds the trend charts, accent blue points: at 40 dpi a point is less than a pixel
    subprocess.run(["pdftoppm", "-r", "100", "-f", "2", "-l", "2", "-png", str(path), str(tmp_path / "figures")],
                   check=True)
    charts = Image.open(next(tmp_path.glob("figures*.png"))).convert("RGB")
    assert any(r < 80 and g < 140 and b > 200 for _, (r, g, b) in charts.getcolors(maxcolors=1 << 20))


def test_the_pptx_is_real_text_with_every_figure(demo, tmp_path):
    db_path, board = demo
    deck = Presentation(pack(db_path, tmp_path, "pptx"))
    assert len(deck.slides) == PAGES
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    rows = [[cell.text for cell in row.cells] for table in tables for row in table.rows]
    for name, figure in board["metrics"].items():
        assert expected_cells(name, figure) in [row[:4] for row in rows], name
    words = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert flat(board["voice"]["text"]) in flat(words)
    assert "DEMO DATA" in words
    pictures = [shape for shape in deck.slides[1].shapes if shape.shape_type == 13]
    assert len(pictures) == 5  # one trend chart per figure, beside the table of real text


def test_a_page_per_segment_when_asked(demo, tmp_path):
    db_path, _ = demo
    text = pdf_text(pack(db_path, tmp_path, "pdf", "--by", "segment"))
    segments = ["Enterprise", "Mid-Market", "SMB"]
    assert [s for s in segments if f"Segment: {s}" in text] == segments
    assert text.count("\f") == PAGES + len(segments)


def test_a_presented_board_packs_as_presented(demo_copy, tmp_path):
    db_path = demo_copy
    assert empathy("present", "--window", "2026-W47", db_path=db_path).returncode == 0
    frozen = json.loads(empathy("board", "--window", "2026-W47", "--json", db_path=db_path).stdout)
    assert empathy("load", FIXTURES / "late_answers_w47.csv", db_path=db_path).returncode == 0
    text = pdf_text(pack(db_path, tmp_path, "pdf"))
    nps = frozen["metrics"]["nps"]
    assert re.search(r"\s+".join(map(re.escape, expected_cells("nps", nps))), text)
    assert f"{nps['n'] + 4} answers" not in text
    assert "As presented on" in text


def test_a_limited_leads_pack_of_a_presented_week_says_whose_figures_it_has(demo_copy, tmp_path):
    assert empathy("present", "--window", "2026-W47", db_path=demo_copy).returncode == 0
    store = Store.open(demo_copy)
    try:
        lead_store = store.scoped(SMB_LEAD.scope)
        pdf, data = make_pack(lead_store, iso_week("2026-W47"), read_settings(), SMB_LEAD, "pdf")
        pptx, _ = make_pack(lead_store, iso_week("2026-W47"), read_settings(), SMB_LEAD, "pptx")
    finally:
        store.close()
    (tmp_path / "lead.pdf").write_bytes(pdf)
    text = flat(pdf_text(tmp_path / "lead.pdf"))
    assert "Customer board · 2026-W47 · segment SMB only" in text
    assert "Live figures for segment SMB only, from the data as it stands now. The company's board of this window " \
           "was presented on" in text
    assert "has not been presented" not in text and "As presented on" not in text
    deck = Presentation(io.BytesIO(pptx))
    titles = [slide.shapes.title.text if slide.shapes.title else slide.shapes[0].text_frame.text
              for slide in deck.slides]
    assert len(titles) == PAGES and all(title.endswith("segment SMB only") for title in titles), titles


def korean_voice_pack(db_path, tmp_path) -> tuple[str, bytes, bytes]:
    """The latest demo week with a Korean customer among its voice's candidates, that customer's words
    pinned as its voice, packed both ways."""
    store = Store.open(db_path)
    try:
        window = iso_week("2026-W47")
        found = candidates(store, window, "UTC", VoiceRule(), {}, None)
        while not (found["readable"] & found["text"].str.contains("[가-힣]")).any():
            window = window.previous()
            found = candidates(store, window, "UTC", VoiceRule(), {}, None)
        voice = found[found["readable"] & found["text"].str.contains("[가-힣]")].iloc[0]
        pin(store, ANALYST, window, voice.to_dict())
        pdf, data = make_pack(store, window, read_settings(), ANALYST, "pdf")
        pptx, _ = make_pack(store, window, read_settings(), ANALYST, "pptx")
    finally:
        store.close()
    assert data.board.voice["text"] == voice["text"]
    return voice["text"], pdf, pptx


def test_a_korean_voice_is_set_in_a_hangul_font(demo_copy, tmp_path):
    said, pdf, pptx = korean_voice_pack(demo_copy, tmp_path)
    path = tmp_path / "korean.pdf"
    path.write_bytes(pdf)
    assert said in flat(pdf_text(path))  # the glyphs are there, and read back as the same Hangul
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"NanumGothic\s.*\byes\s+yes\b", fonts), fonts  # embedded (subset)
    subprocess.run(["pdftoppm", "-r", "60", "-f", "3", "-l", "3", "-png", str(path), str(tmp_path / "voice")], check=True)
    page = Image.open(next(tmp_path.glob("voice-*.png"))).convert("L")
    assert sum(page.histogram()[:128]) > 2000  # the quote is ink, not empty boxes (looked at by eye too)
    deck = Presentation(io.BytesIO(pptx))
    runs = [run for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    quoted = [run for run in runs if "가" <= run.text[:1] <= "힣" or said in run.text]
    assert quoted and all(run._r.rPr.find(qn("a:ea")).get("typeface") == "Malgun Gothic" for run in quoted)


def test_a_korean_pack_with_lang_ko(demo, tmp_path):
    db_path, board = demo
    path = pack(db_path, tmp_path, "pdf", "--lang", "ko")
    text = pdf_text(path)
    for name, title in (("nps", "순추천지수(NPS)"), ("csat", "고객만족도(CSAT)"), ("sentiment", "통화 감성")):
        figure = board["metrics"][name]
        assert re.search(re.escape(title) + r"\s+" + re.escape(expected_cells(name, figure)[1]), text), name
    assert "고객 보드 · 2026년 47주차" in flat(text) and "위험 고객사" in text and "이번 주 고객의 목소리" in text
    assert "How customers feel" not in text and "Accounts at risk" not in text
    growing = board["themes"]
    assert growing and all(re.search(rf"{korean}\s+{row['now']}\s+{row['before']}", text)
                           for row in growing for korean in [THEMES_IN_KOREAN[row["theme"]]])
    subprocess.run(["pdftoppm", "-r", "50", "-f", "2", "-l", "2", "-png", str(path), str(tmp_path / "ko")], check=True)
    assert next(tmp_path.glob("ko-*.png")).stat().st_size > 20_000  # drawn (looked at: Hangul, not boxes)


def test_an_action_about_a_theme_the_board_ships_names_it_in_korean_in_a_korean_pack(demo_copy, tmp_path):
    store = Store.open(demo_copy)
    try:
        kept_actions.record(store, {"what": "청구서 오류 원인 찾기", "owner": "김민지", "due": date(2026, 12, 4),
                                    "window_label": "2026-W47", "link_kind": "theme", "link": "billing"}, user=ANALYST)
    finally:
        store.close()
    text = flat(pdf_text(pack(demo_copy, tmp_path, "pdf", "--lang", "ko")))
    assert re.search(r"청구서 오류 원인 찾기 김민지 .{0,40}주제 청구", text), text[-600:]
