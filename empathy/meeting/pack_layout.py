"""The board pack's pages, and their layout: a page is a title and blocks of text, tables and charts
(said once, by `pack.pack_pages`), laid out as PDF by reportlab (landscape A4, DejaVu Sans with Hangul
in Nanum Gothic, tables as real text) or as PPTX by python-pptx (16:9, every word editable, Korean in
a Korean font, charts as pictures)."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation as Deck
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

FONT_FOLDERS = (Path("/usr/share/fonts/truetype/dejavu"),)
# DejaVu has no Hangul: Korean runs are set in Nanum Gothic (Debian's fonts-nanum, which the Makefile
# installs), embedded like DejaVu. Where it is missing, Korean would print as boxes.
KOREAN_FONTS = (Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
                Path("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"))
# The PPTX names fonts rather than embedding them: Malgun Gothic is Windows' and Office's Korean font;
# PowerPoint on a Mac and LibreOffice put their own Korean font in its place.
PPTX_KOREAN_FONT = "Malgun Gothic"
HANGUL_RUN = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+(?:[ \d.,!?~()%-]*[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+)*")


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


# ---- PDF (reportlab): one landscape A4 page per pack page -------------------------------------------

def write_pdf(pages: list[Page]) -> bytes:
    regular, bold = _pdf_fonts()
    korean = _pdf_korean_fonts()
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
        hangul = korean and korean[styles[style].fontName == bold]
        return Paragraph(_pdf_markup(text, hangul), styles[style])

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


def _pdf_korean_fonts() -> tuple[str, str] | None:
    """Nanum Gothic and its bold, registered once; None where the machine has no Nanum."""
    if not all(path.is_file() for path in KOREAN_FONTS):
        return None
    names = ("PackKorean", "PackKorean-Bold")
    for name, path in zip(names, KOREAN_FONTS):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return names


def _pdf_markup(text: str, hangul: str | None) -> str:
    """reportlab's paragraphs read a little markup: data must read as written, and reportlab does not
    fall back from one font to another, so each run of Hangul is set in `hangul` (lines still break
    only at spaces, so a Korean word is never split)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if hangul:
        escaped = HANGUL_RUN.sub(lambda found: f'<font name="{hangul}">{found.group()}</font>', escaped)
    return escaped.replace("\n", "<br/>")


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
            _korean_capable(run)
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
                    _korean_capable(run)
    return top + Emu(sum(heights)) + Inches(0.2)


def _korean_capable(run) -> None:
    """The run's East Asian font named (python-pptx names only the Latin one), after its other
    properties, as the schema orders them."""
    properties = run._r.get_or_add_rPr()
    east_asian = properties.find(qn("a:ea"))
    if east_asian is None:
        east_asian = properties.makeelement(qn("a:ea"), {})
        properties.append(east_asian)
    east_asian.set("typeface", PPTX_KOREAN_FONT)


def _lines(text: str, size, width) -> int:
    """How many lines `text` wraps to in a box `width` wide at `size` (an average letter is about
    half as wide as the type is tall; a Hangul syllable, like other wide letters, as wide as tall)."""
    per_line = max(1, int(width / (size * 0.5)))
    return sum(max(1, -(-_half_widths(line) // per_line)) for line in text.split("\n"))


def _half_widths(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(letter) in "WF" else 1 for letter in line)
