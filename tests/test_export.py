"""Exports cannot carry spreadsheet formulas: checked by reading the files back as a spreadsheet would."""

import csv
import io

import openpyxl
import pandas as pd

from empathy.meeting.export import to_csv, to_xlsx

DANGEROUS = ['=HYPERLINK("http://evil.example","refund")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def frame():
    return pd.DataFrame({"text": [*DANGEROUS, "fine - really", None],
                         "compound": [-0.5, 0.1, -0.2, 0.0, 0.3, 0.4, 0.9, 0.2],
                         "themes": [["billing"], [], ["=x", "pricing"], None, [], [], ["a"], []]})


def test_csv_cells_that_a_spreadsheet_would_evaluate_start_with_an_apostrophe():
    data = to_csv(frame())
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [r["text"] for r in rows[:6]] == ["'" + text for text in DANGEROUS]
    assert rows[6]["text"] == "fine - really" and rows[7]["text"] == ""
    assert rows[0]["compound"] == "-0.5"  # numbers stay numbers, signs and all
    assert rows[2]["themes"] == "'=x, pricing" and rows[0]["themes"] == "billing"


def test_xlsx_has_no_formula_cells_and_keeps_numbers():
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame()))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    expected = ["'" + text for text in DANGEROUS]  # openpyxl with lxml (python-pptx needs it) keeps \r as _x000D_
    assert [sheet.cell(row=r, column=1).value for r in range(2, 8)] == expected
    assert sheet.cell(row=2, column=2).value == -0.5 and sheet.cell(row=2, column=2).data_type == "n"


def test_pandas_alone_would_have_written_a_formula():
    """Why export.py exists: the same frame through `to_excel` carries a live formula."""
    buffer = io.BytesIO()
    frame().to_excel(buffer, index=False)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    assert sheet["A2"].data_type == "f"


def test_hostile_values_leave_as_written_with_formulas_made_text():
    from conftest import HOSTILE
    expected = ["'" + value if value.startswith(("=", "+", "-", "@")) else value for value in HOSTILE]
    rows = list(csv.DictReader(io.StringIO(to_csv(pd.DataFrame({"text": HOSTILE})).decode("utf-8-sig"), newline="")))
    assert [row["text"] for row in rows] == expected
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(pd.DataFrame({"text": HOSTILE})))).active
    cells = [sheet.cell(row=r, column=1) for r in range(2, len(HOSTILE) + 2)]
    assert [cell.value for cell in cells] == expected and not [c for c in cells if c.data_type == "f"]
