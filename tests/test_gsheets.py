import time

import pytest

from conftest import ANALYST, SUPPORT_SHEET_ROWS
from empathy import language
from empathy.loading.sheet import load_sheet
from empathy.sheets.gsheets import GoogleSheets, SheetsError, service_account_info, sheet_ref, shown_address
from sheets_api import KEY, SERVICE_ACCOUNT

URL = f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=1"
FAST = (0.01, 0.02, 0.04)


def client():
    return GoogleSheets(service_account_info(), retry_waits=FAST)


def test_a_url_or_a_bare_key_names_the_sheet_and_a_gid_its_worksheet():
    assert sheet_ref(URL).key == KEY and sheet_ref(URL).gid == 1
    assert sheet_ref(f"  {KEY} ") == sheet_ref(f"https://docs.google.com/spreadsheets/d/{KEY}")
    with pytest.raises(SheetsError, match="not a Google Sheet's address"):
        sheet_ref("https://example.com/report.xlsx")
    with pytest.raises(SheetsError, match="not a Google Sheet's address"):
        sheet_ref(f"http://127.0.0.1:9/spreadsheets/d/{KEY}/edit")  # a key, but not Google's address
    with pytest.raises(SheetsError, match="user name or password") as refused:
        sheet_ref(f"https://me:S3cret@docs.google.com/spreadsheets/d/{KEY}/edit")
    assert "S3cret" not in str(refused.value)
    assert shown_address(f"https://me:S3cret@docs.google.com/spreadsheets/d/{KEY}") == \
        f"https://docs.google.com/spreadsheets/d/{KEY}"


def test_opening_suggests_the_worksheet_that_fits_and_reads_it_in_three_requests(google_sheets):
    sheets = client()
    workbook = sheets.open(sheet_ref(KEY))
    assert (workbook.title, workbook.worksheets, workbook.suggested) == ("Support NPS", ["Read me", "Answers"], "Answers")
    sheet = sheets.read(workbook, "Answers")
    assert sheet.headers == SUPPORT_SHEET_ROWS[0]
    assert sheet.frame.loc[2].tolist() == ["A2", "2026-11-17 10:00", "3", "", ""]  # padded, not ragged
    assert not sheet.problems
    assert sheet.frame.loc[3, "Comment"] == "=great"  # a cell's text, never evaluated
    assert len(google_sheets.requests) == 3  # metadata, one batchGet of both tabs' heads, the values
    assert "ranges=" in google_sheets.requests[1] and google_sheets.requests[1].count("ranges=") == 2


def test_a_url_with_a_gid_opens_that_worksheet_without_reading_heads(google_sheets):
    workbook = client().open(sheet_ref(URL.replace("gid=1", "gid=0")))
    assert workbook.suggested == "Read me"
    assert len(google_sheets.requests) == 1


def test_a_google_sheet_loads_as_a_batch(google_sheets, store):
    sheets = client()
    workbook = sheets.open(sheet_ref(KEY))
    report = load_sheet(store, sheets.read(workbook, workbook.suggested), user=ANALYST)
    assert not report.rejected, report.errors
    assert (report.kind, report.rows_new) == ("surveys", 3)
    assert store.batches()["source"].tolist() == ["Support NPS (Google Sheet) [Answers]"]
    scores = store.query("SELECT account_id, metric, score FROM survey_responses ORDER BY account_id")
    assert scores.values.tolist() == [["A1", "nps", 9], ["A2", "nps", 3], ["A3", "nps", 10]]


def test_not_shared_names_the_service_account_to_share_with(google_sheets):
    google_sheets.failures = [403]
    with pytest.raises(SheetsError) as raised:
        client().open(sheet_ref(KEY))
    assert f"not shared with the service account {SERVICE_ACCOUNT}" in str(raised.value)
    assert len(google_sheets.requests) == 1  # a 403 is not retried


def test_a_sheet_not_shared_is_explained_in_the_readers_language(google_sheets):
    google_sheets.failures = [403]
    with language.speaking("ko"), pytest.raises(SheetsError) as raised:
        client().open(sheet_ref(KEY))
    assert str(raised.value) == (f"Google 시트 {KEY}이(가) 서비스 계정 {SERVICE_ACCOUNT}과(와) 공유되어 있지 않습니다. "
                                 f"Google 시트에서 공유를 눌러 {SERVICE_ACCOUNT}을(를) 뷰어로 추가한 뒤 다시 시도하세요.")


def test_an_unknown_key_is_not_found(google_sheets):
    with pytest.raises(SheetsError, match="There is no Google Sheet with the key 1Zz"):
        client().open(sheet_ref("1Zz" + KEY[3:]))


def test_quota_is_retried_with_backoff_and_then_explained(google_sheets):
    google_sheets.failures = [429, 429]
    assert client().open(sheet_ref(URL)).suggested == "Answers"  # third try answers
    assert len(google_sheets.requests) == 3

    google_sheets.requests.clear()
    google_sheets.failures = [429] * 10
    with pytest.raises(SheetsError, match="read quota is used up .* after 4 tries"):
        client().open(sheet_ref(URL))
    assert len(google_sheets.requests) == 4  # bounded: never more than three retries


def test_server_errors_are_retried_then_explained(google_sheets):
    google_sheets.failures = [503] * 4
    with pytest.raises(SheetsError, match="having trouble \\(HTTP 503, 4 tries"):
        client().open(sheet_ref(KEY))


def test_no_network_is_explained(google_sheets, monkeypatch):
    monkeypatch.setenv("EMPATHY_SHEETS_API", "http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(SheetsError, match="could not be reached"):
        client().open(sheet_ref(KEY))


def test_a_stalled_server_hits_the_timeout(google_sheets, httpserver):
    httpserver.clear()
    httpserver.expect_request("/v4/spreadsheets/" + KEY).respond_with_handler(stall)
    google_sheets.install(httpserver)
    sheets = GoogleSheets(service_account_info(), timeout=(1, 0.5), retry_waits=FAST)
    with pytest.raises(SheetsError, match="did not answer within 0.5 seconds"):
        sheets.open(sheet_ref(KEY))


def stall(request):
    time.sleep(2)


def test_missing_credentials_say_how_to_add_them(tmp_path, monkeypatch):
    monkeypatch.setenv("EMPATHY_SECRETS", str(tmp_path / "absent.toml"))
    with pytest.raises(SheetsError, match=r"No Google service account is configured.*\[connections.gsheets\]"):
        service_account_info()
    public_only = tmp_path / "secrets.toml"
    public_only.write_text('[connections.gsheets]\nspreadsheet = "https://docs.google.com/x"\n')
    monkeypatch.setenv("EMPATHY_SECRETS", str(public_only))
    with pytest.raises(SheetsError, match="not a service account"):
        service_account_info()


def test_credentials_google_refuses_are_explained(google_sheets, httpserver):
    httpserver.clear()
    httpserver.expect_request("/token", method="POST").respond_with_json(
        {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}, status=400)
    with pytest.raises(SheetsError, match=f"Google refused the service account {SERVICE_ACCOUNT}"):
        client().open(sheet_ref(KEY))
