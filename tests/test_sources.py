import io
import re
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from conftest import FIXTURES, ROOT, SURVEY_ROWS, cut_off_xlsx, rewritten_sheet, xlsx_bytes, zip_bomb
from empathy import language
from empathy.sheets.sources import SheetError, read_path, read_sheet


def test_utf8_with_bom_reads_clean_headers():
    sheet = read_path(FIXTURES / "surveys_utf8_bom.csv")
    assert sheet.encoding == "utf-8-sig"
    assert sheet.headers[0] == "Response ID"  # no BOM glued to the first header
    assert sheet.frame.loc[1, "Comment"] == "Très bien — café"


def test_cp949_korean_excel_export():
    sheet = read_path(FIXTURES / "accounts_cp949.csv")
    assert sheet.encoding == "cp949"
    assert sheet.frame["Account Name"].tolist() == ["한빛 물류", "서울 모빌리티"]


def test_cp1252_western_excel_export():
    sheet = read_path(FIXTURES / "surveys_cp1252.csv")
    assert sheet.encoding == "cp1252"
    assert sheet.frame.loc[2, "Comment"] == "Naïve pricing; €40 too much"


def test_utf16_unicode_text_with_tabs_and_crlf():
    sheet = read_path(FIXTURES / "surveys_utf16.txt")
    assert (sheet.encoding, sheet.delimiter) == ("utf-16", "\t")
    assert sheet.frame.loc[1, "Comment"] == "Très bien — café"
    assert not any("\r" in h for h in sheet.headers)


def test_utf16_without_bom_is_recognised_by_its_nul_bytes():
    data = "account_id,segment\nA1,SMB\n".encode("utf-16-le")
    sheet = read_sheet(data, "nobom.csv")
    assert sheet.encoding == "utf-16-le"
    assert sheet.frame.loc[1, "segment"] == "SMB"


def test_semicolon_delimiter_and_crlf_line_ends():
    sheet = read_path(FIXTURES / "accounts_semicolon_crlf.csv")
    assert sheet.delimiter == ";"
    assert sheet.frame.loc[1, "Customer Type"] == "external"  # no trailing \r
    assert sheet.frame.loc[1, "ARR"] == "1.234.567,50"  # text until the schema types it


def test_tab_delimiter():
    assert read_path(FIXTURES / "calls_tab.tsv").delimiter == "\t"


def test_header_below_title_rows_is_found_and_rows_count_from_it():
    sheet = read_path(FIXTURES / "surveys_title_rows.csv")
    assert sheet.header_row == 4
    assert sheet.headers[:3] == ["Account ID", "Submitted At", "Likelihood to recommend"]
    assert sheet.frame.loc[1, "Account ID"] == "A1"  # row 1 = first row under the header


def test_ids_and_literal_na_answers_stay_text():
    sheet = read_path(FIXTURES / "surveys_basic.csv")
    assert sheet.frame["account_id"].tolist() == ["00123", "00124", "00125"]
    assert sheet.frame["comment"].tolist()[1:] == ["NA", "None"]


def test_ragged_rows_are_reported_by_row():
    sheet = read_path(FIXTURES / "surveys_ragged.csv")
    ragged = {p["row"]: p["message"] for p in sheet.problems}
    assert set(ragged) == {2, 3}
    assert "6 values but the header has 5" in ragged[2]
    assert "3 values but the header has 5" in ragged[3]


def test_xlsx_picks_the_worksheet_whose_headers_fit():
    sheet = read_path(FIXTURES / "workbook_multi.xlsx")
    assert sheet.worksheet == "Responses"
    assert sheet.header_row == 3


def test_xlsx_named_worksheet_is_read():
    sheet = read_path(FIXTURES / "workbook_multi.xlsx", worksheet="Accounts")
    assert sheet.frame.loc[1, "Account ID"] == "00123"
    assert sheet.frame.loc[1, "ARR"] == "12000"


def test_xlsx_unknown_worksheet_lists_the_real_ones():
    with pytest.raises(SheetError, match="no worksheet named 'Nope'.*Notes, Responses, Accounts"):
        read_path(FIXTURES / "workbook_multi.xlsx", worksheet="Nope")


def test_xlsx_dates_become_iso_text_and_formulas_stay_text():
    frame = read_path(FIXTURES / "workbook_multi.xlsx").frame
    assert frame.loc[1, "Submitted At"] == "2026-09-01 10:30:00"
    assert frame.loc[2, "Submitted At"] == "46268"  # a serial day number, typed by the schema
    assert frame.loc[1, "Comment"] == '=HYPERLINK("http://evil","click")'
    assert frame.loc[2, "Comment"] == "=1+1"


@pytest.mark.parametrize("name, message", [
    ("empty.csv", "is empty"),
    ("header_only.csv", "has a header row but no data rows"),
    ("not_a_sheet.csv", "is a binary file, not a sheet"),
])
def test_unreadable_files_get_a_clear_error(name, message):
    with pytest.raises(SheetError, match=message):
        read_path(FIXTURES / name)


def test_a_pdf_renamed_to_csv_is_named_for_what_it_is():
    with pytest.raises(SheetError, match="is a PDF document, not a sheet"):
        read_sheet(b"%PDF-1.7\n%binary", "report.csv")


def test_missing_file():
    with pytest.raises(SheetError, match="does not exist"):
        read_path(FIXTURES / "nope.csv")


def test_zip_bomb_xlsx_is_refused_before_it_is_opened():
    data = zip_bomb()
    assert len(data) < 200_000  # a small file ...
    with pytest.raises(SheetError, match="zip bomb"):  # ... that would expand 20 MB
        read_sheet(data, "bomb.xlsx")


def test_a_zip_that_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(SheetError, match="not an Excel workbook"):
        read_sheet(out.getvalue(), "photos.xlsx")


def test_a_damaged_xlsx():
    with pytest.raises(SheetError, match="damaged"):
        read_sheet(xlsx_bytes([["account_id", "segment"], ["A1", "SMB"]])[:300], "cut.xlsx")


def test_openpyxl_parses_with_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_rows_keep_their_numbers_across_blank_lines_and_quoted_line_breaks():
    text = ('Title of the export\naccount_id,comment\nA1,"first line\nsecond line"\n\nA3,"said ""hi"", left"\n'
            'A4,plain\n')
    sheet = read_sheet(text.encode(), "notes.csv")
    assert sheet.frame.index.tolist() == [1, 3, 4]
    assert sheet.frame.loc[1, "comment"] == "first line\nsecond line"
    assert sheet.frame.loc[3, "comment"] == 'said "hi", left'
    assert str(sheet.frame["comment"].dtype) == "str"
    assert sheet.problems == []


def test_trailing_empty_cells_beyond_the_header_are_not_a_problem():
    sheet = read_sheet(b"account_id,segment,region\nA1,SMB,EMEA,,\nA2,Enterprise\n", "trailing.csv")
    assert sheet.frame["region"].tolist() == ["EMEA", ""]
    assert [p["row"] for p in sheet.problems] == [2]  # the short row is still named


def peak_memory_of(read) -> int:
    import tracemalloc
    tracemalloc.start()
    try:
        read()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_stray_cell_at_the_last_cell_of_the_grid_costs_no_memory(tmp_path):
    book = openpyxl.Workbook()
    for row in SURVEY_ROWS:
        book.active.append(row)
    book.active["XFD1048576"] = "x"
    book.save(tmp_path / "stray.xlsx")
    assert (tmp_path / "stray.xlsx").stat().st_size < 10_000
    # Read in a process allowed 1 GB of address space: the grid padded out would need terabytes.
    read = subprocess.run([sys.executable, "-c", f"""
import resource
resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))
from empathy.sheets.sources import read_path
sheet = read_path({str(tmp_path / "stray.xlsx")!r})
print(sheet.frame["account_id"].tolist(), [(p["row"], p["message"][:40]) for p in sheet.problems])"""],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == ("['A1', 'A2', ''] [(1048575, 'this row has 16384 values but the header')]")


def test_a_declared_dimension_of_the_whole_grid_is_not_read_as_cells():
    data = rewritten_sheet(xlsx_bytes(SURVEY_ROWS), lambda xml: re.sub(r'<dimension ref="[^"]*"',
                                                                        '<dimension ref="A1:XFD1048576"', xml))
    assert 'A1:XFD1048576' in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert peak_memory_of(lambda: read_sheet(data, "declared.xlsx")) < 20 * 2**20
    assert read_sheet(data, "declared.xlsx").frame["score"].tolist() == ["9", "3"]


def test_reading_a_worksheet_stops_at_its_cell_limit_with_a_message(monkeypatch):
    from empathy.sheets import sources
    monkeypatch.setattr(sources, "XLSX_MAX_CELLS", 1000)
    rows = SURVEY_ROWS + [[f"A{n}", "2026-11-17", "nps", 5] for n in range(300)]
    with pytest.raises(SheetError, match=r"holds more than 1,000 cells .* row 251 reaches column 4\)\. Delete stray"):
        read_sheet(xlsx_bytes(rows), "big.xlsx")


def test_a_worksheet_cut_off_after_its_dimension_is_a_clear_rejection():
    with pytest.raises(SheetError, match=r"cut.xlsx: the worksheet 'Sheet' is damaged or cut off after row 0 \(.*\)\. "
                                         "Save the workbook again"):
        read_sheet(cut_off_xlsx(), "cut.xlsx")


@pytest.mark.parametrize("row", [3, 40])
def test_a_long_cell_reads_the_same_wherever_it_stands(row):
    def sheet_with(cell: str) -> bytes:
        lines = ["account_id,submitted_at,metric,score,comment"]
        lines += [f"A{n},2026-11-16,nps,9,{cell if n == row else 'fine'}" for n in range(1, 60)]
        return "\n".join(lines).encode()
    long_but_fine = read_sheet(sheet_with("a" * 131_073), "long.csv")
    assert long_but_fine.frame.loc[row, "comment"] == "a" * 131_073 and not long_but_fine.problems
    too_long = read_sheet(sheet_with("b" * 250_000), "long.csv")
    assert [(p["row"], p["column"], p["message"]) for p in too_long.problems] == [
        (row, "comment", "this cell holds 250,000 characters; a cell may hold at most 200,000 "
                         "(is a closing quote missing?)")]
    assert too_long.problems[0]["value"].endswith("… (250,000 characters)")


def test_one_bad_byte_in_utf8_text_is_its_rows_error_and_the_rest_stays_utf8():
    data = ("account_id,account_name,comment\nA1,Bäckerei Müller,좋아요\nA2,Café Zoë,ok\n".encode()
            + b"A3,Bad \xe4 byte,fine\n" + "A4,Ünïcode,한국어\n".encode())
    sheet = read_sheet(data, "accounts.csv")
    assert sheet.encoding == "utf-8"
    assert sheet.frame["account_name"].tolist() == ["Bäckerei Müller", "Café Zoë", "Bad \ufffd byte", "Ünïcode"]
    assert sheet.frame.loc[1, "comment"] == "좋아요"
    assert [(p["row"], p["column"], p["message"][:45]) for p in sheet.problems] == [
        (3, "account_name", "character 5 of this cell holds bytes that are")]


@pytest.mark.parametrize("row", [2, 300])
def test_a_nul_byte_is_its_rows_error_wherever_it_stands(row):
    lines = [b"account_id,submitted_at,metric,score,comment"]
    lines += [f"A{n},2026-11-16,nps,9,".encode() + (b"fi\x00ne" if n == row else b"fine") for n in range(1, 400)]
    sheet = read_sheet(b"\n".join(lines), "nul.csv")
    assert [(p["row"], p["column"], p["message"][:40]) for p in sheet.problems] == [
        (row, "comment", "character 3 of this cell holds a NUL cha")]


def test_a_file_that_is_not_a_sheet_is_told_in_the_readers_language():
    with language.speaking("ko"), pytest.raises(SheetError) as refused:
        read_sheet(b"%PDF-1.7 ...", "board.pdf")
    assert str(refused.value) == "board.pdf은(는) 시트가 아니라 PDF 문서입니다. CSV나 XLSX 파일을 올리세요."
    with language.speaking("ko"):
        sheet = read_sheet(("a,b\n" + "1,plain text\n" * 200 + "2,x\x00y\n").encode(), "nul.csv")
    assert sheet.problems[0]["message"].startswith("이 셀의 2번째 문자에 NUL 문자(바이트 0x00)가 있습니다")
