from conftest import FIXTURES
from empathy.loading import load_sheet


def test_any_bad_row_rejects_the_whole_sheet_and_changes_nothing(store):
    version = store.version()
    report = load_sheet(store, path=FIXTURES / "surveys_ragged.csv")
    assert report.rejected and report.batch_id is None
    assert report.rows_rejected == 4
    assert store.version() == version
    assert store.query("SELECT count(*) AS n FROM survey_responses")["n"][0] == 0


def test_skip_invalid_lands_the_valid_rows_and_reports_the_rest(store):
    report = load_sheet(store, path=FIXTURES / "surveys_ragged.csv", skip_invalid=True)
    assert not report.rejected
    assert (report.rows_new, report.rows_rejected) == (1, 4)
    assert {e["row"] for e in report.errors} == {2, 3, 4, 5}
    assert store.query("SELECT account_id FROM survey_responses")["account_id"].tolist() == ["A1"]


def test_survey_rows_for_unknown_accounts_are_accepted(store):
    load_sheet(store, data=b"account_id,segment\nA1,SMB\n", source="accounts.csv")
    report = load_sheet(store, path=FIXTURES / "surveys_basic.csv")
    assert report.rows_new == 3
    segments = store.query("""
        SELECT s.account_id, coalesce(a.segment, 'Unknown') AS segment
        FROM survey_responses s LEFT JOIN accounts a USING (account_id) ORDER BY 1""")
    assert segments["segment"].tolist() == ["Unknown", "Unknown", "Unknown"]


def test_a_missing_required_column_is_named(store):
    report = load_sheet(store, data=b"Call ID,Agent,Escalated\nC1,Mei,yes\n", source="calls.csv")
    assert report.rejected
    assert report.errors[0]["column"] == "started_at"
    assert "no column maps to the required 'started_at'" in report.errors[0]["message"]


def test_an_unreadable_file_is_reported_not_raised(store):
    report = load_sheet(store, path=FIXTURES / "not_a_sheet.csv")
    assert report.rejected
    assert report.errors == [{"row": None, "column": None, "value": "",
                              "message": "not_a_sheet.csv is a binary file, not a sheet. Upload a CSV or XLSX file."}]


def test_the_kind_can_be_named(store):
    report = load_sheet(store, data=b"account_id,segment\nA1,SMB\n", source="x.csv", kind="accounts")
    assert report.kind == "accounts" and report.rows_new == 1


def test_xlsx_formula_text_lands_as_text(store):
    load_sheet(store, path=FIXTURES / "workbook_multi.xlsx")
    comments = store.query("SELECT comment FROM survey_responses ORDER BY response_id")["comment"].tolist()
    assert comments == ['=HYPERLINK("http://evil","click")', "=1+1", "Easy"]


def test_every_encoding_fixture_lands_the_same_rows(store):
    for name in ("surveys_cp1252.csv", "surveys_utf8_bom.csv", "surveys_utf16.txt"):
        load_sheet(store, path=FIXTURES / name)
    rows = store.query("SELECT response_id, comment FROM survey_responses WHERE superseded_by IS NULL "
                       "ORDER BY response_id")
    assert rows["comment"].tolist() == ["Très bien — café", "Naïve pricing; €40 too much"]
    assert len(store.batches()) == 1  # the second and third files brought nothing new


def test_participation_counts_and_invitations_share_one_table(store):
    load_sheet(store, data=b"week,account_id,metric,invited,responded\n2026-01-05,A1,nps,10,4\n", source="c.csv")
    load_sheet(store, data=b"account_id,metric,sent_at,responded_at\nA1,nps,2026-01-06 09:00,\n"
                           b"A1,nps,2026-01-07 09:00,2026-01-07 10:00\n", source="i.csv")
    totals = store.query("SELECT sum(invited) AS invited, sum(responded) AS responded FROM participation")
    assert (totals["invited"][0], totals["responded"][0]) == (12, 5)
