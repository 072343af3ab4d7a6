"""Read the sheets people really export (CSV in any common encoding and delimiter, XLSX) as text.

Every cell comes back as text, exactly as written, so ids like `00123` and answers like "NA" survive;
turning text into typed values is the schema's job. Problems that belong to one row (ragged rows)
are reported with the row, and problems that make the whole file unreadable raise `SheetError`
with a message a person can act on.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import charset_normalizer
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from empathy.language import N_, _
from empathy.sheets.schema import detect_layout, header_matches, layout_fit

HEADER_SEARCH_ROWS = 20
DELIMITERS = (",", ";", "\t", "|")
# A cell longer than this is a row's error wherever it stands (a long call transcript fits; a
# missing closing quote that swallows the rest of the file does not).
MAX_CELL_CHARACTERS = 200_000
# Python's csv module refuses fields over 131,072 characters by default; the limit above is ours.
csv.field_size_limit(2**31 - 1)
# Control bytes (NUL and the like) in more than this share of a file's start make it a binary file; a
# stray one is its row's error.
CONTROL_BYTES = b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f"
BINARY_SHARE = 0.01
SHOWN_VALUE = 200  # characters of a bad row's text a problem quotes
# What reading a worksheet may hold, whatever size the file declares (its <dimension>, a stray cell
# at XFD1048576): cells counted to each row's last one.
XLSX_MAX_CELLS = 20_000_000
# An XLSX is a zip of XML: these bound what opening one may cost before a single cell is read.
XLSX_MAX_ENTRIES = 10_000
XLSX_MAX_UNCOMPRESSED = 300 * 1024 * 1024
XLSX_MAX_RATIO = 100
XLSX_RATIO_CHECKED_ABOVE = 5 * 1024 * 1024

BINARY_SIGNATURES = {
    b"%PDF": N_("a PDF document"),
    b"\x89PNG": N_("a PNG image"),
    b"\xff\xd8\xff": N_("a JPEG image"),
    b"GIF8": N_("a GIF image"),
    b"\xd0\xcf\x11\xe0": N_("an old-style Excel .xls (or other Office 97) file; save it as .xlsx or CSV"),
    b"\x1f\x8b": N_("a gzip archive"),
    b"Rar!": N_("a RAR archive"),
}


class SheetError(Exception):
    """A file that cannot be read as a sheet at all; the message says what to do about it."""


@dataclass
class RawSheet:
    source: str
    frame: pd.DataFrame  # text cells, columns as in the header, index = data row (1 = under header)
    worksheet: str | None = None
    header_row: int = 1
    encoding: str | None = None
    delimiter: str | None = None
    problems: list[dict] = field(default_factory=list)
    worksheets: list[str] = field(default_factory=list)  # every worksheet of a workbook

    @property
    def headers(self) -> list[str]:
        return list(self.frame.columns)


def read_sheet(data: bytes, source: str, worksheet: str | None = None) -> RawSheet:
    """Read a CSV or XLSX given as bytes; `source` names it in messages."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise SheetError(_("{source} is empty: there is no header and no data in it.").format(source=source))
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, source, worksheet)
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise SheetError(_("{source} is {what}, not a sheet. Upload a CSV or XLSX file.").format(
                source=source, what=_(what)))
    text, encoding = decode_text(data, source)
    sheet = _read_csv_text(text, source, encoding)
    sheet.problems += _cells_with(sheet.frame, "\x00", _("holds a NUL character (byte 0x00), which no text has; "
                                                        "remove it, or export the sheet again")) if "\x00" in text else []
    if "\ufffd" in text and text.count("\ufffd") > data.count("\ufffd".encode()):
        sheet.problems += _cells_with(sheet.frame, "\ufffd", _("holds bytes that are not UTF-8 text (shown as \ufffd); "
                                                            "fix the cell, or save the sheet as 'CSV UTF-8'"))
    sheet.problems.sort(key=lambda problem: problem["row"])
    return sheet


def read_path(path: str | Path, worksheet: str | None = None) -> RawSheet:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SheetError(_("{path} does not exist.").format(path=path)) from None
    except IsADirectoryError:
        raise SheetError(_("{path} is a folder, not a sheet.").format(path=path)) from None
    except PermissionError:
        raise SheetError(_("{path} cannot be read: permission denied.").format(path=path)) from None
    return read_sheet(data, path.name, worksheet)


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode a text sheet: BOMs first, then UTF-16 by its NUL bytes, UTF-8, then CP949 / CP1252.

    Text that is UTF-8 but for a few bytes stays UTF-8, those bytes replaced by U+FFFD (which the
    reader reports row by row): read as a legacy code page instead, every other row's accents and
    Hangul would turn silently into mojibake."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_or_fail(data, "utf-16", source), "utf-16"
    head = data[:4096]
    even_nuls, odd_nuls = head[0::2].count(0), head[1::2].count(0)
    if max(even_nuls, odd_nuls) >= len(head) // 4:
        encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        return _decode_or_fail(data, encoding, source), encoding
    if sum(head.count(byte) for byte in CONTROL_BYTES) > len(head) * BINARY_SHARE:
        raise SheetError(_("{source} is a binary file, not a sheet. Upload a CSV or XLSX file.").format(source=source))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    if len(text) - len(text.encode("ascii", errors="ignore")) - replaced > replaced:
        return text, "utf-8"
    best = charset_normalizer.from_bytes(data, cp_isolation=["cp949", "cp1252"]).best()
    if best is None:
        raise SheetError(_("{source}: could not tell its text encoding (tried UTF-8, UTF-16, CP949 and CP1252). Save it "
                           "from your spreadsheet as 'CSV UTF-8'.").format(source=source))
    return str(best), best.encoding


def _decode_or_fail(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SheetError(_("{source} looks like {encoding} text but byte {byte} does not decode. Save it from your "
                           "spreadsheet as 'CSV UTF-8'.").format(source=source, encoding=encoding.upper(),
                                                                  byte=error.start)) from None


def _read_csv_text(text: str, source: str, encoding: str) -> RawSheet:
    delimiter = sniff_delimiter(text)
    sheet = _read_clean_csv(text, source, delimiter)
    if sheet is None:  # some row is ragged: the slower reader names every one of them
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        sheet = sheet_from_records(records, source)
    sheet.encoding, sheet.delimiter = encoding, delimiter
    return sheet


def _read_clean_csv(text: str, source: str, delimiter: str) -> RawSheet | None:
    """Arrow's C++ reader for the usual sheet whose rows all have the header's width (several
    times faster than Python's csv module at a million rows); None when a row does not."""
    buffer = io.StringIO(text, newline="")
    reader = csv.reader(buffer, delimiter=delimiter)
    head = list(itertools.islice(reader, HEADER_SEARCH_ROWS))
    header_index = find_header_row(head)
    if header_index is None:
        raise SheetError(_("{source} is empty: there is no header and no data in it.").format(source=source))
    buffer.seek(0)
    for skipped in range(header_index + 1):
        next(reader)
    body = text[buffer.tell():]
    headers = unique_headers(head[header_index])
    if not body.strip():
        raise SheetError(_("{source} has a header row but no data rows under it.").format(source=source))
    try:
        table = pacsv.read_csv(
            io.BytesIO(body.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=headers, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in headers},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pa.ArrowInvalid:
        return None
    frame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=float("nan"))}.get)
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="row")
    frame = frame[frame.apply(lambda column: column.str.strip().ne("")).any(axis=1)]
    if frame.empty:
        raise SheetError(_("{source} has a header row but no data rows under it.").format(source=source))
    longest = max(pc.max(pc.binary_length(column)).as_py() or 0 for column in table.columns)
    problems = _long_cells(frame) if longest > MAX_CELL_CHARACTERS else []
    return RawSheet(source=source, frame=frame, header_row=header_index + 1, problems=problems)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the most of the first lines into the same number (>1) of fields."""
    sample = text[:65536]
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts:
            continue
        width = max(set(counts), key=counts.count)
        score = counts.count(width) if width > 1 else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def sheet_from_records(records: list[list[str]], source: str, trailing_blanks_dropped: bool = False) -> RawSheet:
    """Rows of cells as a sheet, each ragged row named. `trailing_blanks_dropped` is for sources
    that leave out a row's empty cells at its end (the Google Sheets API does): such rows are not ragged."""
    header_index = find_header_row(records)
    if header_index is None:
        raise SheetError(_("{source} is empty: there is no header and no data in it.").format(source=source))
    headers = unique_headers(records[header_index])
    width = len(headers)
    rows: list[list[str]] = []
    numbers: list[int] = []
    problems: list[dict] = []
    for number, record in enumerate(records[header_index + 1:], start=1):
        if not any(cell.strip() for cell in record):
            continue
        if trailing_blanks_dropped and len(record) < width:
            record = record + [""] * (width - len(record))
        if len(record) != width:
            extra = [cell for cell in record[width:] if cell.strip()]
            if len(record) < width or extra:
                problems.append({
                    "row": number, "column": None, "value": shown_value(" | ".join(record[:width + 1])),
                    "message": _("this row has {values} values but the header has {columns} columns (a text cell with "
                                 "an unquoted delimiter, or a cut-off row)").format(values=len(record), columns=width),
                })
            record = (record + [""] * width)[:width]
        rows.append(record)
        numbers.append(number)
    if not rows:
        raise SheetError(_("{source} has a header row but no data rows under it.").format(source=source))
    frame = pd.DataFrame(rows, columns=headers, dtype="str", index=pd.Index(numbers, name="row"))
    return RawSheet(source=source, frame=frame, header_row=header_index + 1,
                    problems=sorted(problems + _long_cells(frame), key=lambda problem: problem["row"]))


def _long_cells(frame: pd.DataFrame) -> list[dict]:
    """Cells over MAX_CELL_CHARACTERS, each its row's error."""
    problems = []
    for header in frame.columns:
        lengths = frame[header].str.len()
        problems += [{"row": row, "column": header, "value": shown_value(frame.at[row, header]),
                      "message": _("this cell holds {n:,} characters; a cell may hold at most {most:,} (is a closing "
                                   "quote missing?)").format(n=length, most=MAX_CELL_CHARACTERS)}
                     for row, length in lengths[lengths > MAX_CELL_CHARACTERS].items()]
    return problems


def _cells_with(frame: pd.DataFrame, character: str, why: str) -> list[dict]:
    """Cells holding `character`, each its row's error, naming where in the cell it stands."""
    problems = []
    for header in frame.columns:
        found = frame[header].str.find(character)
        problems += [{"row": row, "column": header, "value": shown_value(frame.at[row, header]),
                      "message": _("character {position} of this cell {why}").format(position=position + 1, why=why)}
                     for row, position in found[found >= 0].items()]
    return problems


def shown_value(text: str) -> str:
    """A cell or row as a problem quotes it: its start, when it is long."""
    return text if len(text) <= SHOWN_VALUE else text[:SHOWN_VALUE] + f"… ({len(text):,} characters)"


def find_header_row(records: list[list[str]]) -> int | None:
    """Title rows often sit above the header: take the row that looks most like known headers."""
    candidates = [(i, r) for i, r in enumerate(records[:HEADER_SEARCH_ROWS]) if any(c.strip() for c in r)]
    if not candidates:
        return None
    matches = [(header_matches([c.strip() for c in r]), i) for i, r in candidates]
    best_matches = max(m for m, _ in matches)
    if best_matches >= 2:
        return next(i for m, i in matches if m == best_matches)
    widest = max(sum(1 for c in r if c.strip()) for _, r in candidates)
    return next(i for i, r in candidates if sum(1 for c in r if c.strip()) == widest)


def unique_headers(cells: list[str]) -> list[str]:
    headers: list[str] = []
    for position, cell in enumerate(cells, start=1):
        name = cell.strip() or f"column {position}"
        candidate, n = name, 2
        while candidate in headers:
            candidate, n = f"{name} ({n})", n + 1
        headers.append(candidate)
    return headers


def check_xlsx_archive(data: bytes, source: str) -> None:
    """Refuse zip bombs before any XML is parsed: entry count, total size and compression ratio."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise SheetError(_("{source} is a damaged or unfinished XLSX (zip) file.").format(source=source)) from None
    entries = archive.infolist()
    if len(entries) > XLSX_MAX_ENTRIES:
        raise SheetError(_("{source} has {n:,} parts inside; an XLSX sheet has far fewer. It was not opened.").format(
            source=source, n=len(entries)))
    total = sum(entry.file_size for entry in entries)
    if total > XLSX_MAX_UNCOMPRESSED:
        raise SheetError(_("{source} would expand to {size:,.0f} MB when opened (the limit is {limit:,.0f} MB). Split it "
                           "or save it as CSV.").format(source=source, size=total / 2**20,
                                                        limit=XLSX_MAX_UNCOMPRESSED / 2**20))
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > XLSX_RATIO_CHECKED_ABOVE and ratio > XLSX_MAX_RATIO:
            raise SheetError(_("{source} is compressed {ratio:,.0f} to 1 inside ({part}), which real sheets never are: "
                               "it looks like a zip bomb and was not opened.").format(source=source, ratio=ratio,
                                                                                     part=entry.filename))
    if "xl/workbook.xml" not in archive.namelist():
        raise SheetError(_("{source} is a zip file but not an Excel workbook (.xlsx).").format(source=source))


def _read_xlsx(data: bytes, source: str, worksheet: str | None) -> RawSheet:
    import openpyxl  # imported here: CSV-only use should not pay for it

    check_xlsx_archive(data, source)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise SheetError(_("{source} could not be opened as an Excel workbook: {error}").format(
            source=source, error=error)) from None
    try:
        names = book.sheetnames
        if worksheet is not None and worksheet not in names:
            raise SheetError(_("{source} has no worksheet named '{worksheet}'. Its worksheets are: {names}.").format(
                source=source, worksheet=worksheet, names=", ".join(names)))
        chosen = worksheet or (names[0] if len(names) == 1 else
                               best_worksheet({name: _head_rows(book[name], source) for name in names}))
        records = _worksheet_records(book[chosen], source)
    finally:
        book.close()
    sheet = sheet_from_records(records, f"{source} [{chosen}]", trailing_blanks_dropped=True)
    sheet.source, sheet.worksheet, sheet.worksheets = source, chosen, names
    return sheet


def _worksheet_records(worksheet, source: str, max_rows: int | None = None) -> list[list[str]]:
    """The worksheet's rows as text, each as long as its own last cell, read as the XML streams:
    never padded out to the size the file declares, and stopped at XLSX_MAX_CELLS."""
    worksheet.reset_dimensions()
    records: list[list[str]] = []
    cells, blank = 0, []  # the rows the XML leaves out share one empty record
    try:
        for row in worksheet.iter_rows(max_row=max_rows, values_only=True):
            if not row:
                records.append(blank)
                continue
            cells += len(row)
            if cells > XLSX_MAX_CELLS:
                raise SheetError(_(
                    "{source} [{worksheet}] holds more than {most:,} cells (counted to each row's last cell; row {row} "
                    "reaches column {column:,}). Delete stray cells far below or right of the data, split the sheet, "
                    "or save it as CSV.").format(source=source, worksheet=worksheet.title, most=XLSX_MAX_CELLS,
                                                 row=len(records) + 1, column=len(row)))
            records.append([cell_text(value) for value in row])
    except SheetError:
        raise
    except Exception as error:  # the XML of a damaged or cut-off worksheet: expat's errors, openpyxl's
        raise SheetError(_("{source}: the worksheet '{worksheet}' is damaged or cut off after row {row} ({error}). Save "
                           "the workbook again from Excel, or as CSV.").format(source=source, worksheet=worksheet.title,
                                                                               row=len(records), error=error)) from None
    return records


def _head_rows(worksheet, source: str) -> list[list[str]]:
    return _worksheet_records(worksheet, source, HEADER_SEARCH_ROWS)


def best_worksheet(heads: dict[str, list[list[str]]]) -> str:
    """Of several worksheets (name -> its first rows), the one whose headers fit a layout best."""
    names = list(heads)
    best_name, best_fit = names[0], float("-inf")
    for name, head in heads.items():
        index = find_header_row(head)
        if index is None:
            continue
        headers = [c for c in head[index] if c]
        layout = detect_layout(headers)
        fit = layout_fit(headers, layout) if layout else 0.0
        if fit > best_fit:
            best_name, best_fit = name, fit
    return best_name


def cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV export would hold (dates as ISO, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
