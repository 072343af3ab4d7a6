"""The Data page, run through the whole app (app.py routes to it) on the demo data."""

import csv
import io
import os
import signal
import tomllib

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import ADMIN, ANALYST, FIXTURES, ROOT, as_read, cut_off_xlsx, large_calls_sheet, scoring_workers, zip_bomb
from empathy import language
from empathy.loading.demo_generator import DEMO_DIR
from empathy.loading.sheet import load_sheet
from empathy.meeting.export import to_csv
from empathy.sheets.schema import LAYOUTS
from empathy.sheets.templates import TITLES
from empathy.store import Store
from sentiment.scoring import PARALLEL_MIN_TEXTS, Scoring
from sheets_api import KEY, SERVICE_ACCOUNT
from ui.load_view import error_rows


@pytest.fixture
def app(open_page):
    return open_page("data", as_user=ANALYST)


def loaded_table(at):
    frame = at.table[0].value
    return {table: int(rows.replace(",", "")) for table, rows in frame["Rows"].items()}


def test_first_run_loads_the_demo_and_says_so(app):
    assert app.title[0].value == "Data"
    assert any("Demo data" in info.value for info in app.info)
    csv_rows = lambda name: len(pd.read_csv(DEMO_DIR / name, keep_default_na=False))  # noqa: E731
    calls = pd.read_csv(DEMO_DIR / "calls.csv", keep_default_na=False)
    turns = int(calls["transcript"].str.count(r"(?m)^(?:\[[\d:]+\] )?(?:Customer|Agent): ").sum())
    assert loaded_table(app) == {
        "Accounts": csv_rows("accounts.csv"), "Survey responses": csv_rows("survey_responses.csv"),
        "Participation (invited / responded)": csv_rows("participation.csv"),
        "Calls": csv_rows("calls.csv"), "Call turns": turns, "Renewals": csv_rows("renewals.csv")}


def test_date_ranges_match_the_demo_files(app):
    frame = app.table[0].value
    surveys = pd.read_csv(DEMO_DIR / "survey_responses.csv", parse_dates=["submitted_at"])
    assert frame.loc["Survey responses", "From"] == f"{surveys['submitted_at'].min():%Y-%m-%d}"
    assert frame.loc["Survey responses", "To"] == f"{surveys['submitted_at'].max():%Y-%m-%d}"


def test_batch_history_lists_every_batch(app):
    history = app.dataframe[0].value
    assert sorted(history["kind"]) == ["accounts", "calls", "participation", "renewals", "survey answers"]
    assert history["demo"].all() and not history["undone"].any()


def test_undo_asks_first_then_takes_the_batch_out(app):
    calls_batch = int(app.dataframe[0].value.set_index("kind").loc["calls", "batch_id"])
    selectbox(app, "Batch to undo").select(calls_batch).run()
    app.button(key="undo").click().run()
    assert loaded_table(app)["Calls"] > 0  # nothing happens before the confirmation
    app.button(key="confirm-undo").click().run()
    assert not app.exception
    assert loaded_table(app)["Calls"] == 0
    assert any(f"Batch {calls_batch} was undone" in s.value for s in app.success)
    history = app.dataframe[0].value.set_index("batch_id")
    assert bool(history.loc[calls_batch, "undone"])


def test_an_analyst_cannot_clear_the_demo_but_an_admin_can(app, open_page):
    assert not any(b.key in ("clear-demo", "load-demo") for b in app.button)
    assert any("an admin can load or clear it" in m.value for m in app.markdown)
    app = open_page("data", as_user=ADMIN)
    app.button(key="clear-demo").click().run()
    app.button(key="confirm-clear-demo").click().run()
    assert not any("Demo data" in info.value for info in app.info)
    assert set(loaded_table(app).values()) == {0}
    app.button(key="load-demo").click().run()
    assert loaded_table(app)["Accounts"] == 120


def test_new_data_shows_without_a_restart(app, db_path):
    store = Store.open(db_path)
    load_sheet(store, user=ANALYST, data=b"account_id,segment\nNEW-1,SMB\nNEW-2,SMB\n", source="new.csv")
    app.run()
    assert loaded_table(app)["Accounts"] == 122
    assert "new.csv" in app.dataframe[0].value["source"].tolist()


def test_a_batch_that_just_landed_is_the_one_offered_for_undo(app, db_path):
    selectbox(app, "Batch to undo").select(1).run()
    load_sheet(Store.open(db_path), user=ANALYST, data=b"account_id,segment\nNEW-1,SMB\n", source="new.csv")
    app.run()
    newest = int(history_of(app)["batch_id"].max())
    assert selectbox(app, "Batch to undo").value == newest == 6
    assert selectbox(app, "Batch to undo").options[0] == "6 — accounts, new.csv (1 row)"


def test_cancelling_an_undo_changes_nothing(app, db_path):
    version = Store.open(db_path).version()
    app.button(key="undo").click().run()
    app.button(key="cancel-undo").click().run()
    assert Store.open(db_path).version() == version
    assert not app.warning  # the confirmation is gone


def history_of(at) -> pd.DataFrame:
    return next(frame.value for frame in at.dataframe if "batch_id" in frame.value.columns)


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def selectbox(at, label: str):
    return next(box for box in at.selectbox if box.label == label)


def upload(at, name: str, data: bytes):
    at.file_uploader(key="uploads").set_value((name, data, "application/octet-stream")).run()
    assert not at.exception, at.exception
    return at


def test_an_upload_is_reviewed_mapped_by_hand_and_lands_only_when_confirmed(app, db_path):
    surveys_before = loaded_table(app)["Survey responses"]
    upload(app, "upload_surveys.csv", (FIXTURES / "upload_surveys.csv").read_bytes())
    assert selectbox(app, "Kind of sheet").value == "surveys"
    assert any("submitted_at" in e.value and "not mapped" in e.value for e in app.error)
    selectbox(app, "submitted_at *").select("Answered on").run()
    assert not app.error
    # 6 rows: "eleven" is not a score; the other 5 are new answers
    assert (metric(app, "New rows"), metric(app, "Already loaded"), metric(app, "Rows with errors")) == ("5", "0", "1")
    problems = next(frame.value for frame in app.dataframe if "Problem" in frame.value.columns)
    assert problems.values.tolist() == [[6, "Likelihood to recommend", "eleven", "'eleven' is not a whole number"]]
    confirm = next(b for b in app.button if b.label == "Load 5 rows")
    assert confirm.disabled  # any bad row rejects the sheet until the analyst chooses otherwise
    assert loaded_table(app)["Survey responses"] == surveys_before

    app.radio[0].set_value("skip").run()
    next(b for b in app.button if b.label == "Load 5 rows").click().run()
    assert not app.exception
    assert any("5 new, 0 updated, 0 already loaded, 1 rejected" in s.value for s in app.success)
    assert loaded_table(app)["Survey responses"] == surveys_before + 5
    newest = history_of(app).iloc[0]
    assert (newest["source"], newest["rows_new"], newest["rows_rejected"], newest["loaded_by"]) == \
        ("upload_surveys.csv", 5, 1, "dana@example.com")
    stored = Store.open(db_path).query(
        "SELECT account_id, metric, score, submitted_at FROM survey_responses WHERE batch_id = ? ORDER BY 1",
        [int(newest["batch_id"])])
    sheet = pd.read_csv(FIXTURES / "upload_surveys.csv", parse_dates=["Answered on"])
    valid = sheet[sheet["Likelihood to recommend"] != "eleven"]
    assert stored.values.tolist() == [[a, "nps", int(s), t] for a, s, t in
                                      zip(valid["Account ID"], valid["Likelihood to recommend"], valid["Answered on"])]


def test_a_renewals_sheet_names_its_bad_rows_then_lands_and_shows_on_the_account(app, db_path, open_page):
    renewals_before = loaded_table(app)["Renewals"]
    upload(app, "renewals_bad_rows.csv", (FIXTURES / "renewals_bad_rows.csv").read_bytes())
    assert selectbox(app, "Kind of sheet").value == "renewals"
    assert (metric(app, "New rows"), metric(app, "Rows with errors")) == ("2", "3")
    problems = next(frame.value for frame in app.dataframe if "Problem" in frame.value.columns)
    assert problems.values.tolist() == [
        [4, "Contract end", "31/02/2026", "'31/02/2026' is not a date or time this app can read"],
        [5, "Result", "paused", "'paused' is not one of: churned, downgraded, expanded, renewed"],
        [6, "New ARR", "-5", "'-5' is not a number of at least 0"]]
    assert next(b for b in app.button if b.label == "Load 2 rows").disabled
    app.radio[0].set_value("skip").run()
    next(b for b in app.button if b.label == "Load 2 rows").click().run()
    assert loaded_table(app)["Renewals"] == renewals_before + 2
    stored = Store.open(db_path).query("SELECT account_id, renewal_date::VARCHAR, outcome, arr_after FROM renewals "
                                       "WHERE batch_id = (SELECT max(batch_id) FROM batches) ORDER BY 1")
    assert stored.values.tolist() == [["A1001", "2026-10-31", "renewed", 961000.0],
                                      ["A1002", "2026-11-02", "churned", 0.0]]
    story = open_page("accounts", window="2026-W47", weeks="1", account="A1002")
    assert story.dataframe[1].value["outcome"].iloc[0] == "churned"  # newest first
    assert not any(m.value.startswith("**Next renewal:**") for m in story.markdown)  # it churned


def test_speakers_no_rule_placed_are_placed_on_the_page_and_the_figures_follow(app, db_path):
    load_sheet(Store.open(db_path), user=ANALYST, source="odd.csv", data=(
        'call_id,started_at,transcript\nX1,2026-11-17,"Emma: This is awful, it broke again.\nDana Lee: Sorry."\n'
        'X2,2026-11-18,"Emma: Still broken, terrible.\nSam Park: Let me look."\n').encode())
    app.run()
    panel = next(e for e in app.expander if e.label.startswith("Call speakers no rule placed"))
    assert panel.label == "Call speakers no rule placed (3)"
    unplaced = next(f.value for f in app.dataframe if "speaker" in f.value.columns)
    assert unplaced.values.tolist() == [["Emma", 2, 2], ["Dana Lee", 1, 1], ["Sam Park", 1, 1]]
    app.selectbox(key="place-label").select("Emma").run()
    app.radio(key="place-role").set_value("customer").run()
    next(b for b in app.button if b.label == "Place on every stored call").click().run()
    assert [as_read(s.value) for s in app.success] == [
        "Emma placed as customer: 4 turns of 2 calls; nothing was scored again."]
    assert not any(e.label.startswith("Call speakers no rule placed") for e in app.expander)  # the others: agents
    calls = Store.open(db_path).query("SELECT call_id, customer_turns, sentiment_mean FROM calls "
                                      "WHERE call_id LIKE 'X%' ORDER BY 1")
    assert calls["customer_turns"].tolist() == [1, 1] and calls["sentiment_mean"].notna().all()


def test_korean_comments_stored_unscored_are_offered_and_scored_on_the_page(app, db_path):
    store = Store.open(db_path)
    load_sheet(store, user=ANALYST, path=FIXTURES / "korean_survey_cp949.csv")
    store.write(lambda cursor: cursor.execute("UPDATE survey_responses SET sentiment = NULL "
                                              "WHERE response_id LIKE 'K-%'"), "version")
    app.run()
    assert [i.value for i in app.info if "Korean" in i.value] == [
        "3 Korean comments and 0 Korean call turns were stored before the board scored Korean: they count in no "
        "sentiment figure yet."]
    next(b for b in app.button if b.label == "Score them now").click().run()
    assert [as_read(s.value) for s in app.success] == [
        "Scored 3 Korean comments and 0 call turns; the figures of 0 calls were worked out again."]
    assert not any("Korean" in i.value for i in app.info)
    scores = store.query("SELECT response_id, sentiment FROM survey_responses WHERE response_id LIKE 'K-%' ORDER BY 1")
    assert scores["sentiment"].notna().tolist() == [True, True, True, False]  # K-004 has no comment


def test_korean_scored_by_an_earlier_scorer_is_offered_and_scored_again_on_the_page(app, db_path):
    store = Store.open(db_path)
    load_sheet(store, user=ANALYST, path=FIXTURES / "korean_survey_cp949.csv")
    today = store.query("SELECT response_id, sentiment FROM survey_responses WHERE response_id LIKE 'K-%' ORDER BY 1")

    def earlier(cursor):
        cursor.execute("UPDATE survey_responses SET sentiment = sign(sentiment) * 0.99 WHERE language = 'ko'")
        cursor.execute("DELETE FROM meta WHERE key = 'korean_scorer'")
    store.write(earlier, "version")
    korean = store.query("SELECT (SELECT count(*) FROM survey_responses WHERE language = 'ko' AND sentiment IS NOT NULL)"
                         " + (SELECT count(*) FROM utterances WHERE language = 'ko' AND scored) AS n")["n"][0]
    app.run()
    assert [i.value for i in app.info if "earlier version" in i.value] == [
        f"{korean:,} Korean comments and call turns were scored by an earlier version of the Korean scorer, on "
        "another scale than today's: score them again so that their weeks compare with today's."]
    comments = store.query("SELECT count(*) AS n FROM survey_responses WHERE language = 'ko' AND sentiment IS NOT NULL")
    next(b for b in app.button if b.label == "Score them now").click().run()
    assert as_read(app.success[0].value).startswith(f"Scored {comments['n'][0]:,} Korean comments and ")
    assert not any("earlier version" in i.value for i in app.info)
    after = store.query("SELECT response_id, sentiment FROM survey_responses WHERE response_id LIKE 'K-%' ORDER BY 1")
    pd.testing.assert_frame_equal(after, today)


def test_the_same_upload_again_has_nothing_new_to_load(app):
    data = b"account_id,account_name,segment\nA9001,Quill & Co,SMB\n"
    upload(app, "new-account.csv", data)
    assert (metric(app, "New rows"), metric(app, "Already loaded")) == ("1", "0")
    before = len(history_of(app))
    next(b for b in app.button if b.label == "Load 1 row").click().run()
    assert len(history_of(app)) == before + 1
    upload(app, "new-account.csv", data)  # a new upload of the same file
    assert (metric(app, "New rows"), metric(app, "Already loaded")) == ("0", "1")
    assert next(b for b in app.button if b.label == "Load 0 rows").disabled
    assert any("Nothing new to load" in c.value for c in app.caption)


@pytest.mark.parametrize("name, data, message", [
    ("report.csv", b"%PDF-1.7\n%binary", "is a PDF document, not a sheet"),
    ("bomb.xlsx", zip_bomb(), "looks like a zip bomb"),
    ("empty.csv", b"", "is empty"),
    ("cut.xlsx", cut_off_xlsx(), "is damaged or cut off after row 0"),
])
def test_a_file_that_is_not_a_sheet_gets_a_clear_message_and_changes_nothing(app, db_path, name, data, message):
    version = Store.open(db_path).version()
    upload(app, name, data)
    assert any(message in e.value and "Nothing was loaded" in e.value for e in app.error)
    assert Store.open(db_path).version() == version


def test_a_workbook_offers_its_worksheets_and_keeps_formulas_as_text(app):
    upload(app, "workbook_multi.xlsx", (FIXTURES / "workbook_multi.xlsx").read_bytes())
    worksheet = selectbox(app, "Worksheet")
    assert worksheet.options == ["Notes", "Responses", "Accounts"] and worksheet.value == "Responses"
    preview = next(frame.value for frame in app.dataframe if "Comment" in frame.value.columns)
    assert '=HYPERLINK("http://evil","click")' in preview["Comment"].tolist()
    worksheet.select("Accounts").run()
    assert selectbox(app, "Kind of sheet").value == "accounts"


def test_problem_rows_are_numbered_as_the_spreadsheet_numbers_them():
    errors = [{"row": 1, "column": "score", "value": "x", "message": "bad"},
              {"row": None, "column": "started_at", "value": "", "message": "not mapped"}]
    table = error_rows(errors, header_row=3)  # two title rows above the header
    assert table["Sheet row"].tolist() == [4, pd.NA]


def test_the_problems_download_keeps_a_formula_like_value_as_text():
    errors = [{"row": 2, "column": "comment", "value": '=HYPERLINK("http://evil","x")', "message": "too long"}]
    rows = list(csv.reader(io.StringIO(to_csv(error_rows(errors, header_row=1)).decode("utf-8-sig"))))
    assert rows == [["Sheet row", "Column", "Value", "Problem"],
                    ["3", "comment", '\'=HYPERLINK("http://evil","x")', "too long"]]


def test_the_upload_limit_is_the_configured_one_and_the_page_says_it(app):
    limit = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    assert f"up to {limit:,} MB each" in app.file_uploader(key="uploads").label


def test_every_kind_has_a_template_to_download(app):
    labels = {button.proto.label for button in app.get("download_button")}
    assert labels >= {TITLES[layout.name] for layout in LAYOUTS}
    assert len(LAYOUTS) == 7


def test_a_google_sheet_is_opened_reviewed_loaded_and_refreshed(app, google_sheets):
    app.text_input(key="gsheet-address").input(f"https://docs.google.com/spreadsheets/d/{KEY}/edit").run()
    app.button(key="gsheet-open").click().run()
    assert not app.error, [e.value for e in app.error]
    assert selectbox(app, "Worksheet").value == "Answers"  # the notes tab is skipped
    assert metric(app, "New rows") == "3"
    next(b for b in app.button if b.label == "Load 3 rows").click().run()
    assert any("Support NPS (Google Sheet): batch" in as_read(s.value) and "3 new" in s.value for s in app.success)
    assert history_of(app).iloc[0]["source"] == "Support NPS (Google Sheet) [Answers]"
    assert any("Google Sheets loaded before" in m.value for m in app.markdown)

    google_sheets.spreadsheets[KEY]["worksheets"]["Answers"].append(["A9", "2026-11-20 08:00", "6", "meh", "admin"])
    next(b for b in app.button if b.label == "Refresh").click().run()
    assert any("1 new, 0 updated, 3 already loaded" in as_read(s.value) for s in app.success)


@pytest.mark.parametrize("failure, message", [
    (403, f"add {SERVICE_ACCOUNT} as a Viewer"),
    (404, "There is no Google Sheet with the key"),
])
def test_google_sheet_errors_are_explained_on_the_page(app, google_sheets, failure, message):
    google_sheets.failures = [failure]
    address = KEY if failure == 403 else "1Zz" + KEY[3:]
    app.text_input(key="gsheet-address").input(address).run()
    app.button(key="gsheet-open").click().run()
    assert any(message in as_read(e.value) for e in app.error)
    assert not any(box.label == "Worksheet" for box in app.selectbox)


def test_without_credentials_the_page_says_how_to_add_them(app, tmp_path, monkeypatch):
    monkeypatch.setenv("EMPATHY_SECRETS", str(tmp_path / "none.toml"))
    app.text_input(key="gsheet-address").input(KEY).run()
    app.button(key="gsheet-open").click().run()
    assert any("No Google service account is configured" in as_read(e.value) for e in app.error)


def test_removing_an_upload_forgets_what_the_session_kept_of_it(app):
    upload(app, "upload_surveys.csv", (FIXTURES / "upload_surveys.csv").read_bytes())
    kept = lambda: [key for key in app.session_state.keys() if key.startswith("upload:")]  # noqa: E731
    assert kept()
    app.file_uploader(key="uploads").clear().run()
    assert not app.exception and kept() == []


def test_opening_a_google_sheet_again_reads_it_afresh(app, google_sheets):
    app.text_input(key="gsheet-address").input(KEY).run()
    app.button(key="gsheet-open").click().run()
    next(b for b in app.button if b.label == "Load 3 rows").click().run()
    google_sheets.spreadsheets[KEY]["worksheets"]["Answers"].append(["A9", "2026-11-20 08:00", "6", "meh", "admin"])
    app.button(key="gsheet-open").click().run()
    assert (metric(app, "New rows"), metric(app, "Already loaded")) == ("1", "3")
    assert selectbox(app, "Kind of sheet").value == "surveys"
    assert any("as loaded last time" in c.value for c in app.caption)


def test_a_sheet_of_unknown_columns_asks_for_its_kind(app):
    upload(app, "mystery.csv", b"foo,bar\n1,2\n")
    assert any("Could not tell the kind of sheet" in w.value for w in app.warning)
    assert any("account_id" in e.value and "not mapped" in e.value for e in app.error)


def test_a_sheet_reviewed_in_korean_reads_in_korean_down_to_its_errors(open_page):
    """The review of an upload in Korean: the kind of sheet, the columns left unmapped and each bad
    date's reason (a typo in 1970 and in 9999), none left in English."""
    app = open_page("data", as_user=ANALYST, lang="ko")
    language.use("ko")  # AppTest formats the widgets' values again in this thread, outside the page's run
    upload(app, "far.csv", b"response_id,account_id,submitted_at,metric,score\n"
                           b"R901,A1,1970-01-01,nps,9\nR902,A1,2026-11-20,nps,3\nR903,A1,9999-12-31,nps,5\n")
    assert selectbox(app, "시트 종류").options[1] == "설문 응답: NPS, CSAT, CES 응답 하나에 한 행"
    assert selectbox(app, "comment").value == "(not mapped)"
    assert "(연결 안 함)" in selectbox(app, "comment").options
    problems = next(frame.value for frame in app.dataframe if "문제" in frame.value.columns)
    assert problems["문제"].tolist() == [
        "'1970-01-01' 은(는) 1990년 이전이거나 2099년 이후입니다: 오타이거나, 빈 칸이 날짜로 바뀐 것은 아닌가요?",
        "'9999-12-31' 은(는) 1990년 이전이거나 2099년 이후입니다: 오타이거나, 빈 칸이 날짜로 바뀐 것은 아닌가요?"]


def large_survey_sheet(rows: int) -> bytes:
    """A survey sheet with a distinct comment a row: enough to be scored on every core."""
    frame = pd.DataFrame({"Response ID": [f"EARLY{i:06d}" for i in range(rows)], "Account ID": "A1001",
                          "Submitted At": "2026-11-10 10:00", "Metric": "nps", "Score": "7",
                          "Comment": [f"Invoice {i} was wrong again, support was slow" if i % 2 else
                                      f"Setup {i} was easy and the team was great" for i in range(rows)]})
    return frame.to_csv(index=False).encode()


def early_scoring(at) -> list:
    return [at.session_state[key] for key in at.session_state.keys() if ":early:" in str(key)]


def test_a_large_survey_sheet_is_scored_while_it_is_reviewed_and_the_scores_land(app, db_path):
    upload(app, "large.csv", large_survey_sheet(PARALLEL_MIN_TEXTS + 500))
    scoring = early_scoring(app)
    assert len(scoring) == 1 and isinstance(scoring[0], Scoring)  # started by the review, before any click
    next(b for b in app.button if b.label == f"Load {PARALLEL_MIN_TEXTS + 500:,} rows").click().run()
    assert not app.exception and early_scoring(app) == []  # used, then let go
    stored = Store.open(db_path).query(
        "SELECT comment, sentiment FROM survey_responses WHERE response_id IN ('EARLY000000', 'EARLY000001')")
    analyzer = SentimentIntensityAnalyzer()
    assert sorted(stored.itertuples(index=False)) == sorted(
        (text, analyzer.polarity_scores(text)["compound"]) for text in stored["comment"])
    assert len(stored) == 2


def test_a_large_calls_sheet_has_its_scoring_processes_started_while_it_is_reviewed(app, db_path):
    """Started by the review, before any click (Kiwi in the first, for the Korean call), so that the load
    does not wait for them; the load sends them its turns, then lets them go."""
    upload(app, "calls.csv", large_calls_sheet(korean=True))
    [scoring] = early_scoring(app)
    assert isinstance(scoring, Scoring) and not scoring.sent and scoring_workers() != []
    next(b for b in app.button if b.label == f"Load {PARALLEL_MIN_TEXTS:,} rows").click().run()
    assert not app.exception and early_scoring(app) == []  # used, then let go
    assert scoring.sent and scoring_workers() == []
    stored = Store.open(db_path).query("SELECT call_id, text, compound, language FROM utterances "
                                       "WHERE role = 'customer' AND call_id IN ('C0', 'C1', 'C2') ORDER BY call_id")
    analyzer = SentimentIntensityAnalyzer()
    assert stored["language"].tolist() == ["ko", "en", "en"] and stored["compound"][0] < -0.3
    english = stored.iloc[1:]
    assert english["compound"].tolist() == [analyzer.polarity_scores(text)["compound"] for text in english["text"]]


def test_a_calls_sheet_reviewed_longer_than_its_scoring_processes_wait_still_lands_scored(app, db_path):
    """The processes started at the review end before the click (they wait IDLE_SECONDS, or the system
    killed them): the load scores the turns with new ones."""
    upload(app, "calls.csv", large_calls_sheet())
    started = scoring_workers()
    for pid in started:
        os.kill(pid, signal.SIGKILL)
    assert started and scoring_workers() == []
    next(b for b in app.button if b.label == f"Load {PARALLEL_MIN_TEXTS:,} rows").click().run()
    assert not app.exception and f"{PARALLEL_MIN_TEXTS:,} new" in " ".join(s.value for s in app.success)
    stored = Store.open(db_path).query("SELECT text, compound FROM utterances WHERE role = 'customer' "
                                       "AND call_id IN ('C1', 'C2') ORDER BY call_id")
    analyzer = SentimentIntensityAnalyzer()
    assert stored["compound"].tolist() == [analyzer.polarity_scores(text)["compound"] for text in stored["text"]]
    assert len(stored) == 2 and scoring_workers() == []


def test_removing_a_large_upload_stops_its_scoring(app):
    upload(app, "large.csv", large_survey_sheet(60_000))
    [scoring] = early_scoring(app)
    app.file_uploader(key="uploads").clear().run()
    assert not app.exception and early_scoring(app) == []
    assert scoring_workers() == []  # none left scoring for nobody
