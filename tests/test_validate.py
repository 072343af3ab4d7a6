import hashlib
from datetime import datetime

import pandas as pd
import pytest

from conftest import FIXTURES
from empathy.loading.sheet import prepare
from empathy.sheets.schema import INVITATIONS, PARTICIPATION_COUNTS, SURVEYS, map_columns
from empathy.sheets.sources import read_path
from empathy.sheets.validate import content_hash, parse_numbers, parse_timestamps, validate


def text(*values):
    return pd.Series(list(values), dtype="str")


@pytest.mark.parametrize("raw, expected", [
    ("1,234", 1234.0), ("1,234,567.5", 1234567.5), ("1.234.567,5", 1234567.5), ("12,5", 12.5),
    ("$ 1 200", 1200.0), ("1'200", 1200.0), ("-3", -3.0), ("4.5", 4.5), ("1.234", 1.234),
])
def test_numbers_as_people_type_them(raw, expected):
    assert parse_numbers(text(raw))[0] == pytest.approx(expected)


@pytest.mark.parametrize("raw, expected", [("250.000", 250000.0), ("1.234,5", 1234.5), ("4,5", 4.5)])
def test_numbers_in_a_decimal_comma_sheet(raw, expected):
    assert parse_numbers(text(raw), decimal_comma=True)[0] == pytest.approx(expected)


def test_unreadable_number_is_missing():
    assert parse_numbers(text("seven")).isna().all()


def test_timestamps_become_naive_utc():
    parsed = parse_timestamps(text("2026-09-01T10:00:00+02:00", "2026-09-01 10:00", "09/03/2026",
                                   "46268", "not a date"))
    assert parsed[0] == datetime(2026, 9, 1, 8, 0)
    assert parsed[1] == datetime(2026, 9, 1, 10, 0)
    assert parsed[2] == datetime(2026, 9, 3)  # month first
    assert parsed[3] == datetime(2026, 9, 3)  # Excel serial day 46268 = 2026-09-03
    assert pd.isna(parsed[4])


def prepared(name, **kwargs):
    return prepare(read_path(FIXTURES / name), **kwargs)


def test_thousands_separators_in_a_survey_duration():
    rows = prepared("surveys_title_rows.csv").validated.rows
    assert rows["duration_seconds"].tolist() == [1234.0, 4.0]


def test_extra_columns_are_ignored_and_named():
    validated = prepared("surveys_title_rows.csv").validated
    assert validated.ignored_columns == ["Browser"]


def test_metric_implied_by_the_score_header():
    rows = prepared("surveys_title_rows.csv").validated.rows
    assert rows["metric"].tolist() == ["nps", "nps"]


def test_every_bad_cell_is_named_by_row_column_and_value():
    errors = prepared("surveys_ragged.csv").validated.errors
    by_row = {(e["row"], e["column"]): e for e in errors}
    assert by_row[(4, "score")]["message"] == "NPS score 11 is outside 0-10"
    assert by_row[(5, "submitted_at")]["value"] == "yesterday-ish"
    assert by_row[(3, "score")]["message"] == "score is required and is empty"
    assert {e["row"] for e in errors} == {2, 3, 4, 5}


def test_only_valid_rows_are_kept():
    rows = prepared("surveys_ragged.csv").validated.rows
    assert rows.index.tolist() == [1]
    assert rows["account_id"].tolist() == ["A1"]


@pytest.mark.parametrize("metric, score, ok", [
    ("nps", "0", True), ("nps", "10", True), ("nps", "11", False), ("csat", "0", False),
    ("csat", "5", True), ("csat", "6", False), ("ces", "7", True), ("ces", "8", False), ("ces", "0", False),
])
def test_score_ranges_depend_on_the_metric(metric, score, ok):
    frame = pd.DataFrame({"submitted_at": ["2026-01-05"], "metric": [metric], "score": [score]},
                         dtype="str", index=pd.Index([1], name="row"))
    result = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS))
    assert (not result.errors) is ok


def test_metric_spellings_and_unknown_metric():
    frame = pd.DataFrame({"submitted_at": ["2026-01-05"] * 3, "metric": ["NPS", "Customer Effort", "mood"],
                          "score": ["5", "5", "5"]}, dtype="str", index=pd.Index([1, 2, 3], name="row"))
    result = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS))
    assert result.rows["metric"].tolist() == ["nps", "ces"]
    assert result.errors[0]["row"] == 3
    assert "is not one of: ces, csat, nps" in result.errors[0]["message"]


def test_a_score_with_a_fraction_is_refused():
    frame = pd.DataFrame({"submitted_at": ["2026-01-05"], "metric": ["nps"], "score": ["7.5"]},
                         dtype="str", index=pd.Index([1], name="row"))
    result = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS))
    assert "is not a whole number" in result.errors[0]["message"]


def test_same_id_twice_with_different_values_is_an_error_and_exact_repeats_are_duplicates():
    frame = pd.DataFrame({
        "response_id": ["R1", "R1", "R2", "R2"], "submitted_at": ["2026-01-05"] * 4,
        "metric": ["nps"] * 4, "score": ["9", "9", "3", "4"]}, dtype="str",
        index=pd.Index([1, 2, 3, 4], name="row"))
    result = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS))
    assert result.duplicates_in_sheet == 1
    assert result.rows["response_id"].tolist() == ["R1", "R2"]
    assert result.errors == [{"row": 4, "column": "response_id", "value": "R2",
                              "message": "response_id R2 appears again with different values (first at sheet row 4)"}]
    titled = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS), header_row=3)
    assert titled.errors[0]["message"].endswith("(first at sheet row 6)")  # two title rows above the header


def test_sheets_without_ids_get_ids_from_their_content():
    frame = pd.DataFrame({"account_id": ["A1", "A1", "A2"], "submitted_at": ["2026-01-05"] * 3,
                          "metric": ["nps"] * 3, "score": ["9", "9", "9"]}, dtype="str",
                         index=pd.Index([1, 2, 3], name="row"))
    result = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS))
    assert result.duplicates_in_sheet == 1  # rows 1 and 2 are the same answer
    again = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS))
    assert result.rows["response_id"].tolist() == again.rows["response_id"].tolist()


def test_invitations_become_counts_of_one():
    frame = pd.DataFrame({"account_id": ["A1", "A1"], "metric": ["nps", "nps"],
                          "sent_at": ["2026-01-05 09:00", "2026-01-06 09:00"],
                          "responded_at": ["2026-01-05 12:00", ""]}, dtype="str",
                         index=pd.Index([1, 2], name="row"))
    rows = validate(frame, INVITATIONS, map_columns(list(frame.columns), INVITATIONS)).rows
    assert rows["invited"].tolist() == [1, 1]
    assert rows["responded"].tolist() == [1, 0]
    assert rows["period_start"].tolist() == [datetime(2026, 1, 5), datetime(2026, 1, 6)]


def test_participation_counts_rules():
    frame = pd.DataFrame({"period_start": ["2026-01-05"] * 3, "segment": ["SMB", "SMB", ""],
                          "metric": ["nps", "csat", "nps"], "invited": ["10", "5", "3"],
                          "responded": ["4", "6", "1"]}, dtype="str", index=pd.Index([1, 2, 3], name="row"))
    result = validate(frame, PARTICIPATION_COUNTS, map_columns(list(frame.columns), PARTICIPATION_COUNTS))
    messages = {e["row"]: e["message"] for e in result.errors}
    assert messages[2] == "responded (6) is more than invited (5)"
    assert messages[3] == "a participation count needs an account_id or a segment"
    assert result.rows["invited"].tolist() == [10]


def test_booleans_in_their_usual_spellings():
    rows = prepared("calls_tab.tsv").validated.rows
    assert rows["escalated"].tolist() == [True, False]
    assert rows["started_at"].tolist()[0] == datetime(2026, 9, 1, 8, 0)  # +02:00 -> UTC


def test_a_date_far_from_now_is_refused_as_a_typo():
    """A survey answered in 1970 (an empty cell a spreadsheet made a date) or in 9999 (a typo) is named,
    row by row; 1990 and 2099 still land."""
    frame = pd.DataFrame({"submitted_at": ["1970-01-01", "9999-12-31", "1990-01-01", "2099-12-31 23:59"],
                          "metric": ["nps"] * 4, "score": ["5"] * 4}, dtype="str", index=pd.Index([1, 2, 3, 4], name="row"))
    result = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS))
    assert [(e["row"], e["message"]) for e in result.errors] == [
        (1, "'1970-01-01' is before 1990 or after 2099: a typo, or an empty cell turned into a date?"),
        (2, "'9999-12-31' is before 1990 or after 2099: a typo, or an empty cell turned into a date?")]
    assert result.rows.index.tolist() == [3, 4]
    frame.loc[1, "submitted_at"] = "yesterday-ish"
    result = validate(frame, SURVEYS, map_columns(list(frame.columns), SURVEYS))
    assert result.errors[0]["message"] == ("'yesterday-ish' is not a date or time this app can read, or is before "
                                           "1990 or after 2099")


def test_a_content_hash_is_the_md5_of_the_values_as_written():
    """Ids and row hashes already stored depend on this text: it must never change with a library."""
    frame = pd.DataFrame({
        "when": pd.Series([datetime(2026, 9, 1, 8, 30), pd.NaT], dtype="datetime64[us]"),
        "score": pd.Series([7, pd.NA], dtype="Int64"),
        "seconds": pd.Series([120.0, 2.5], dtype="Float64"),
        "comment": pd.Series(["계산서 틀림", None], dtype="str"),
    }).set_axis([2, 3])
    micros = int((datetime(2026, 9, 1, 8, 30) - datetime(1970, 1, 1)).total_seconds()) * 1_000_000
    written = [f"{micros}\x1f7\x1f120.0\x1f계산서 틀림", "\x00\x1f\x00\x1f2.5\x1f\x00"]
    expected = [hashlib.md5(text.encode()).hexdigest()[:24] for text in written]
    hashes = content_hash(frame, ["when", "score", "seconds", "comment"])
    assert hashes.to_dict() == {2: expected[0], 3: expected[1]}
