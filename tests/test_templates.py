import csv
import io

from conftest import ANALYST
from empathy.loading.sheet import load_sheet
from empathy.sheets.schema import ACCOUNTS, LAYOUTS, UTTERANCE_ROWS
from empathy.sheets.templates import template_csv, template_file_name


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_each_template_has_every_column_of_its_layout_and_one_example_row():
    for layout in LAYOUTS:
        header, *examples = rows_of(template_csv(layout))
        assert header == [column.name for column in layout.columns]
        assert len(examples) == 1
        example = dict(zip(header, examples[0]))
        assert all(example[name] for name in layout.required), layout.name


def test_each_template_loads_as_its_own_layout(store):
    """Calls first: a sheet of call turns adds transcripts to calls already loaded."""
    ordered = [layout for layout in LAYOUTS if layout is not UTTERANCE_ROWS] + [UTTERANCE_ROWS]
    for layout in ordered:
        report = load_sheet(store, user=ANALYST, data=template_csv(layout), source=template_file_name(layout))
        assert not report.rejected, (layout.name, report.errors)
        assert report.layout == layout.name
        assert report.rows_new + report.rows_updated == 1
    call = store.query("SELECT transcript, customer_turns FROM calls WHERE superseded_by IS NULL")
    assert call["customer_turns"].tolist() == [1]  # the turns sheet replaced the three-turn transcript


def test_template_names():
    assert template_file_name(ACCOUNTS) == "template-accounts.csv"
    assert template_file_name(UTTERANCE_ROWS) == "template-utterance-rows.csv"
