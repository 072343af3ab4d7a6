"""The board pack sent before the Monday meeting: the board of a window (as presented, if it was) as
pages of real text, tables and charts, written as PDF (reportlab, for e-mail) or PPTX (python-pptx,
for the CXO to edit).

`pack_pages` says what the pack holds, once, as plain pages; `write_pdf` and `write_pptx` only lay those
pages out. Charts are the board's own Altair trend charts, drawn offline by vl-convert.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import vl_convert
from pptx import Presentation as Deck
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from empathy.access.roles import DataScope, User
from empathy.figures import explore
from empathy.figures.board import Board, at_risk, build_board
from empathy.figures.metrics import Window
from empathy.figures.renewals import RENEWAL_DAYS
from empathy.figures.scope import Scope
from empathy.figures.settings import Settings
from empathy.loading.demo import has_demo
from empathy.meeting import actions
from empathy.meeting.charts import trend_chart
from empathy.meeting.presented import Presentation, as_presented
from empathy.meeting.wording import (
    TILES,
    attribution,
    change_text,
    counted,
    live_text,
    main_value,
    margin_text,
    money,
    renewing_text,
    side_value,
    whose,
)
from empathy.store import Store, presentations as kept_boards

FORMATS = ("pdf", "pptx")
MIME = {"pdf": "application/pdf",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
AT_RISK_ROWS = 12  # the accounts at risk a page lists (red first, then by ARR); the rest are counted
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/dejavu"),)


@dataclass(frozen=True)
class Text:
    text: str
    style: str = "body"  # title, subtitle, body, quote, caption, warning


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # shares of the page's width


@dataclass(frozen=True)
class Charts:
    images: list[tuple[str, bytes]]  # caption, PNG


@dataclass
class Page:
    title: str
    blocks: list = field(default_factory=list)


@dataclass(frozen=True)
class PackData:
    """Everything a pack shows, gathered once."""

    board: Board
    presentation: Presentation | None
    data_as_of: datetime | None  # when the last batch landed
    demo: bool
    impact: pd.DataFrame
    follow_up: actions.FollowUp
    open_actions: pd.DataFrame
    segments: pd.DataFrame | None  # the five figures per segment, when asked
    made_by: str
    made_at: datetime
    scope: DataScope  # whose figures: the company's, or a limited product lead's part
    company_presented: tuple | None  # when and by whom the company's board of the window was presented


def gather(store: Store, window: Window, settings: Settings, user: User, *, by_segment: bool = False,
           today: date | None = None) -> PackData:
    """The window's board (frozen if it was presented) and what the pack adds to it."""
    today = today or date.today()
    presentation = as_presented(store, window)
    board = presentation.frozen() if presentation else build_board(store, window, settings)
    loads = store.batches()
    loads = loads[~loads["undone"]]
    segments = explore.segment_figures(store, window, Scope("segment"), settings) if by_segment else None
    return PackData(board, presentation, None if loads.empty else loads["loaded_at"].max().to_pydatetime(),
                    has_demo(store), explore.theme_impact(store, window, settings.timezone),
                    actions.follow_up(store, window, today), actions.listed(store, today, open_only=True),
                    segments, user.shown, datetime.now(), user.scope,
                    kept_boards.company_presented(store, window.label))


def pack_pages(data: PackData) -> list[Page]:
    """Every page titled with whose figures it has, since pages travel alone (a slide, a printout)."""
    pages = [_title_page(data), _figures_page(data), _voice_page(data), _risk_page(data), _themes_page(data),
             _actions_page(data)]
    if data.segments is not None:
        pages += [_segment_page(data, segment, rows) for segment, rows in data.segments.groupby("value", sort=True)]
    for page in pages[1:]:
        page.title += whose(data.scope)
    return pages


def _title_page(data: PackData) -> Page:
    board, window = data.board, data.board.window
    page = Page(f"Customer board · {window.label}{whose(data.scope)}", [
        Text(f"{window.start:%a %d %b %Y} to {window.end:%a %d %b %Y} ({board.timezone}), "
             f"against {window.previous().label}", "subtitle")])
    if data.presentation:
        p = data.presentation
        page.blocks.append(Text(f"As presented on {p.presented_at:%a %d %b %Y %H:%M} by {p.presenter}: these "
                                "figures stay as they were shown, whatever is loaded later."))
    else:
        page.blocks.append(Text(live_text(data.scope, data.company_presented)))
    if data.data_as_of:
        page.blocks.append(Text(f"Data as of {data.data_as_of:%a %d %b %Y %H:%M} UTC (the last load)."))
    if data.demo:
        page.blocks.append(Text("DEMO DATA: these figures come from a fictional company's customers.", "warning"))
    page.blocks.append(Text(f"Made {data.made_at:%d %b %Y %H:%M} by {data.made_by}.", "caption"))
    return page


def _figures_page(data: PackData) -> Page:
    board = data.board
    rows = [[TILES[name][0], main_value(name, figure.value), margin_text(name, figure.details.get("margin_of_error")),
             f"{figure.n:,} {counted(name)}" + (" (low sample)" if figure.low_n else ""),
             change_text(name, figure), _also(name, figure)]
            for name, figure in board.figures.items()]
    table = Table(["Figure", "Value", "± margin", "n", f"Change from {board.window.previous().label}", "Also"],
                  rows, [0.15, 0.1, 0.1, 0.17, 0.27, 0.21])
    charts = [(f"{TILES[name][0]}, last {trend['window'].nunique()} windows", _trend_png(trend, TILES[name][2]))
              for name in board.figures
              if not (trend := board.trends[(board.trends["metric"] == name) & board.trends["value"].notna()]).empty]
    return Page("How customers feel", [table, Charts(charts)])


def _also(name: str, figure) -> str:
    """What the tile's second line says, but the margin, which has its column."""
    d = figure.details
    if name != "nps":
        return side_value(name, figure)
    return "" if d.get("promoters_pct") is None else \
        f"{d['promoters_pct']:.0f}% promoters, {d['detractors_pct']:.0f}% detractors"


def _trend_png(trend: pd.DataFrame, value_format: str) -> bytes:
    chart = trend_chart(trend, value_format, height=110, axes=True).properties(width=300) \
        .configure_axisX(labelOverlap="greedy", tickCount=4)
    return vl_convert.vegalite_to_png(json.dumps(chart.to_dict(), default=str), scale=2)


def _voice_page(data: PackData) -> Page:
    voice = data.board.voice
    page = Page("Customer voice of the week")
    if voice is None:
        page.blocks.append(Text("No comment or customer turn in this window has the strong feeling and "
                                "readable length the rule asks for."))
    else:
        page.blocks += [Text(f"“{voice['text']}”", "quote"), Text(attribution(voice), "subtitle"),
                        Text("Why this one: " + "; ".join(voice.get("reasons") or []) + ".", "caption")]
    done = data.follow_up.voice
    if not done.empty:
        page.blocks += [Text(f"What was done about the voice of {data.follow_up.window_label}:"),
                        _actions_table(done.assign(action_id="", link_kind="voice", link=""))]
    return page


def _risk_page(data: PackData) -> Page:
    a = data.board.alerts
    newly = ", ".join(a.newly_red["account_name"].fillna(a.newly_red["account_id"])) or "none"
    flagged = at_risk(a.flags)
    rows = [[r.status, str(r.account_name or r.account_id), money(0 if pd.isna(r.arr) else r.arr), "; ".join(r.reasons)]
            for r in flagged.head(AT_RISK_ROWS).itertuples()]
    blocks = [Text(f"{a.count('red')} red ({money(a.arr('red'))} ARR) · {a.count('yellow')} yellow "
                   f"({money(a.arr('yellow'))} ARR) · newly red: {newly}"),
              Text(renewing_text(a.renewing, RENEWAL_DAYS)),
              Table(["Status", "Account", "ARR", "Why"], rows, [0.09, 0.25, 0.1, 0.56])]
    if len(flagged) > AT_RISK_ROWS:
        blocks.append(Text(f"and {len(flagged) - AT_RISK_ROWS} more flagged accounts (the Accounts page lists "
                           "them all).", "caption"))
    return Page("Accounts at risk", blocks)  # each reason says over how many days


def _themes_page(data: PackData) -> Page:
    growing = data.board.themes
    blocks = [Text("Complaints growing: negative comments and customer turns per theme, against the window before.")]
    if growing.empty:
        blocks.append(Text("No theme has more complaints than the window before.", "caption"))
    else:
        blocks.append(Table(["Theme", "This window", "Before", "Change"],
                            [[t.theme, f"{t.now}", f"{t.before}",
                              f"+{t.change} · {'a real rise' if t.significant else 'within noise'}"]
                             for t in growing.itertuples()], [0.4, 0.15, 0.15, 0.3]))
    blocks.append(Text("Theme impact on NPS: the NPS of answers mentioning a theme against those that don't, "
                       "and the points it takes off the overall NPS."))
    impact = data.impact.head(8)
    if impact.empty:
        blocks.append(Text("No NPS answer in this window mentions a theme.", "caption"))
    else:
        blocks.append(Table(["Theme", "Answers", "NPS with", "NPS without", "Points on NPS", "Gap"],
                            [[t.theme, f"{t.n}", f"{t.nps:+.0f}", f"{t.nps_without:+.0f}", f"{t.effect:+.1f}",
                              "real at 95%" if t.significant else "within noise"] for t in impact.itertuples()],
                            [0.3, 0.12, 0.13, 0.15, 0.15, 0.15]))
    return Page("Themes", blocks)


def _actions_page(data: PackData) -> Page:
    blocks = [Text(data.follow_up.describe() + ".")]
    if data.open_actions.empty:
        blocks.append(Text("No open actions.", "caption"))
    else:
        blocks += [Text("Open actions:"), _actions_table(data.open_actions)]
    return Page("Actions", blocks)


def _actions_table(rows: pd.DataFrame) -> Table:
    def about(r) -> str:
        return f"{r.link_kind} {r.link}".strip() if r.link_kind else ""
    def status(r) -> str:
        late = " (overdue)" if getattr(r, "overdue", False) else ""
        return f"{r.status}{late}" + (f": {r.note}" if r.note else "")
    return Table(["#", "What", "Owner", "Due", "About", "Status"],
                 [[str(r.action_id), r.what, r.owner, f"{r.due:%d %b %Y}", about(r), status(r)]
                  for r in rows.itertuples()], [0.05, 0.35, 0.15, 0.11, 0.14, 0.2])


def _segment_page(data: PackData, segment: str, rows: pd.DataFrame) -> Page:
    table = [[TILES[r.metric][0], main_value(r.metric, None if pd.isna(r.figure) else r.figure),
              margin_text(r.metric, None if pd.isna(r.margin_of_error) else r.margin_of_error),
              f"{r.n:,} {counted(r.metric)}" + (" (low sample)" if r.low_n else ""),
              "no earlier window" if pd.isna(r.delta) else
              f"{r.delta:+.2f} · {'a real change' if r.significant else 'within noise'}"]
             for r in rows.itertuples()]
    return Page(f"Segment: {segment}", [Table(["Figure", "Value", "± margin", "n", "Change"], table,
                                              [0.2, 0.15, 0.15, 0.2, 0.3])])


def make_pack(store: Store, window: Window, settings: Settings, user: User, kind: str, *,
              by_segment: bool = False) -> tuple[bytes, PackData]:
    """The pack file of a window for this person: the board's quotes leave the app, so it is an
    export, checked and audited like one."""
    target = f"board pack {window.label}"
    store.authorize(user, "export", target)
    data = gather(store, window, settings, user, by_segment=by_segment)
    made = write(data, kind)
    store.audit(user, "export", target, "done", kind + (" by segment" if by_segment else ""))
    return made, data


def write(data: PackData, kind: str) -> bytes:
    """The pack as a PDF or PPTX file's bytes."""
    return {"pdf": write_pdf, "pptx": write_pptx}[kind](pack_pages(data))


def file_name(window: Window, kind: str) -> str:
    return f"board-pack-{window.label.replace(' ', '')}.{kind}"


# ---- PDF (reportlab): one landscape A4 page per pack page -------------------------------------------

def write_pdf(pages: list[Page]) -> bytes:
    regular, bold = _pdf_fonts()
    size = landscape(A4)
    width = size[0] - 3 * cm
    styles = {
        "page": ParagraphStyle("page", fontName=bold, fontSize=24, leading=30, spaceAfter=12),
        "title": ParagraphStyle("title", fontName=bold, fontSize=30, leading=36, spaceAfter=14),
        "subtitle": ParagraphStyle("subtitle", fontName=regular, fontSize=15, leading=20, spaceAfter=10,
                                   textColor=colors.HexColor("#4b5563")),
        "body": ParagraphStyle("body", fontName=regular, fontSize=13, leading=18, spaceAfter=8),
        "quote": ParagraphStyle("quote", fontName=regular, fontSize=22, leading=30, spaceAfter=10, leftIndent=14,
                                borderPadding=(0, 0, 0, 10), borderColor=colors.HexColor("#2563eb"),
                                borderWidth=0),
        "caption": ParagraphStyle("caption", fontName=regular, fontSize=10, leading=13, spaceAfter=6,
                                  textColor=colors.HexColor("#6b7280")),
        "warning": ParagraphStyle("warning", fontName=bold, fontSize=15, leading=20, spaceAfter=10,
                                  textColor=colors.HexColor("#92400e"), backColor=colors.HexColor("#fef3c7"),
                                  borderPadding=6),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=11, leading=14),
        "head": ParagraphStyle("head", fontName=bold, fontSize=11, leading=14),
    }

    def paragraph(text: str, style: str) -> Paragraph:
        return Paragraph(_pdf_escape(text), styles[style])

    story = []
    for number, page in enumerate(pages):
        if number:
            story.append(PageBreak())
        story.append(paragraph(page.title, "title" if number == 0 else "page"))
        for block in page.blocks:
            if isinstance(block, Text):
                story.append(paragraph(block.text, block.style))
            elif isinstance(block, Table):
                cells = [[paragraph(h, "head") for h in block.header]]
                cells += [[paragraph(value, "cell") for value in row] for row in block.rows]
                table = PdfTable(cells, colWidths=[share * width for share in block.widths], repeatRows=1)
                table.setStyle(TableStyle([
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e5e7eb")),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#d1d5db")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP")]))
                story += [table, Spacer(1, 10)]
            elif isinstance(block, Charts):
                cells, row = [], []
                for caption, png in block.images:
                    row.append([paragraph(caption, "caption"), Image(io.BytesIO(png), width=width / 3 - 12,
                                                                     height=(width / 3 - 12) * 0.42)])
                    if len(row) == 3:
                        cells.append(row)
                        row = []
                if row:
                    cells.append(row + [""] * (3 - len(row)))
                if cells:
                    story.append(PdfTable(cells, colWidths=[width / 3] * 3))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=size, leftMargin=1.5 * cm, rightMargin=1.5 * cm, topMargin=1.2 * cm,
                      bottomMargin=1.2 * cm, title=pages[0].title, author="Customer Empathy Board").build(story)
    return out.getvalue()


def _pdf_fonts() -> tuple[str, str]:
    """DejaVu Sans where the machine has it (arrows, accents, most scripts but CJK), else reportlab's
    own Vera, which it ships."""
    for folder in FONT_FOLDERS:
        if (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file():
            names = (("PackSans", folder / "DejaVuSans.ttf"), ("PackSans-Bold", folder / "DejaVuSans-Bold.ttf"))
            break
    else:
        names = (("PackSans", "Vera.ttf"), ("PackSans-Bold", "VeraBd.ttf"))
    for name, path in names:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return names[0][0], names[1][0]


def _pdf_escape(text: str) -> str:
    """reportlab's paragraphs read a little markup: data must read as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


# ---- PPTX (python-pptx): one 16:9 slide per pack page, every word as editable text -----------------

def write_pptx(pages: list[Page]) -> bytes:
    deck = Deck()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]
    left, width = Inches(0.5), Inches(12.333)
    sizes = {"title": 36, "subtitle": 18, "body": 16, "quote": 26, "caption": 12, "warning": 18}
    grey, warn = RGBColor(0x4B, 0x55, 0x63), RGBColor(0x92, 0x40, 0x0E)

    for number, page in enumerate(pages):
        slide = deck.slides.add_slide(blank)
        top = Inches(0.35)
        top = _pptx_text(slide, page.title, left, top, width, Pt(36 if number == 0 else 28), bold=True)
        for block in page.blocks:
            if isinstance(block, Text):
                color = grey if block.style in ("subtitle", "caption") else warn if block.style == "warning" else None
                top = _pptx_text(slide, block.text, left, top, width, Pt(sizes[block.style]), color=color,
                                 bold=block.style == "warning", italic=block.style == "quote")
            elif isinstance(block, Table):
                top = _pptx_table(slide, block, left, top, width)
            elif isinstance(block, Charts):
                chart_width = Inches(4)
                for i, (caption, png) in enumerate(block.images):
                    x = left + (chart_width + Inches(0.15)) * (i % 3)
                    y = top + Inches(1.95) * (i // 3)
                    _pptx_text(slide, caption, x, y, chart_width, Pt(12), color=grey)
                    slide.shapes.add_picture(io.BytesIO(png), x, y + Inches(0.3), width=chart_width)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _pptx_text(slide, text: str, left, top, width, size, *, color=None, bold=False, italic=False):
    """A text box holding `text`; returns where the next block starts."""
    height = Emu(int(size * 1.35 * _lines(text, size, width)))
    box = slide.shapes.add_textbox(left, top, width, height)
    box.text_frame.word_wrap = True
    box.text_frame.text = text
    for paragraph in box.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.italic = size, bold, italic
            if color is not None:
                run.font.color.rgb = color
    return top + height + Emu(int(size * 0.5))


def _pptx_table(slide, block: Table, left, top, width):
    """A table of real text, each row as tall as its longest cell wraps to; returns where the next
    block starts."""
    values = [block.header, *block.rows]
    size = Pt(12 if len(values) > 8 else 14)
    padding = Pt(8)
    heights = [Emu(int(size * 1.2 * max(_lines(value, size, width * share - Pt(10))
                                        for value, share in zip(row, block.widths)) + padding)) for row in values]
    shape = slide.shapes.add_table(len(values), len(block.header), left, top, width, Emu(sum(heights)))
    for column, share in enumerate(block.widths):
        shape.table.columns[column].width = Emu(int(width * share))
    for r, row in enumerate(values):
        shape.table.rows[r].height = heights[r]
        for c, value in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size, run.font.bold = size, r == 0
    return top + Emu(sum(heights)) + Inches(0.2)


def _lines(text: str, size, width) -> int:
    """How many lines `text` wraps to in a box `width` wide at `size` (an average letter is about
    half as wide as the type is tall)."""
    per_line = max(1, int(width / (size * 0.5)))
    return sum(max(1, -(-len(line) // per_line)) for line in text.split("\n"))
