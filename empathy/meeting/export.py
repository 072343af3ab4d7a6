"""Exports a spreadsheet cannot turn against its reader.

A customer can write `=HYPERLINK("http://evil", "refund")` in a comment; opened in Excel or Sheets, a
CSV or XLSX cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is a live
formula, and `pandas.to_excel` writes such a string as one. Every text cell that starts with one of
these characters gets a leading apostrophe, as OWASP advises, so it is shown as the text it is.
"""

from __future__ import annotations

import csv
import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells as plain text: lists joined with ", ", formula-like text prefixed with `'`."""
    def cell(value):
        if pd.api.types.is_list_like(value):
            value = ", ".join(str(item) for item in value)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
        return value
    text = frame.select_dtypes(exclude=["number", "bool", "datetime"]).columns
    return frame.assign(**{column: frame[column].map(cell, na_action="ignore").astype("object")
                           for column in text})


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, which Excel needs to read anything but ASCII; every text cell
    quoted (pandas leaves a lone carriage return unquoted, which splits the row in a reader)."""
    return neutralise(frame).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str = "voices") -> bytes:
    buffer = io.BytesIO()
    neutralise(frame).to_excel(buffer, index=False, sheet_name=sheet, engine="openpyxl")
    return buffer.getvalue()


def export_for(store, user, frame: pd.DataFrame, file_format: str, what: str) -> bytes:
    """An export a person asked for: their role checked, the file made, and who took how many rows
    written to the audit log."""
    store.authorize(user, "export", what)
    data = to_csv(frame) if file_format == "csv" else to_xlsx(frame)
    store.audit(user, "export", what, "done", f"{len(frame)} rows as {file_format.upper()}")
    return data
