import os
import signal

from conftest import ADMIN, ANALYST, FIXTURES, large_calls_sheet, load_text, scoring_workers
from empathy import language
from empathy.loading.sheet import (
    LoadReport,
    early_comment_scores,
    expected_counts,
    land,
    load_google_sheet,
    load_sheet,
    plan,
    prepare,
    remember_google_sheet,
)
from empathy.loading.themes import lemma_pattern
from empathy.loading.transcripts import BLOCK_CALLS
from empathy.sheets.gsheets import sheet_ref
from empathy.sheets.schema import SURVEYS, map_columns
from empathy.sheets.sources import read_sheet
from empathy.store import audit, kept_sheets
from sentiment import score_text
from sentiment.korean import analyser, scorer
from sentiment.scoring import PARALLEL_MIN_TEXTS, Scoring, ScoringFailed, _Worker


def test_any_bad_row_rejects_the_whole_sheet_and_changes_nothing(store):
    version = store.version()
    report = load_sheet(store, user=ANALYST, path=FIXTURES / "surveys_ragged.csv")
    assert report.rejected and report.batch_id is None
    assert report.rows_rejected == 4
    assert store.version() == version
    assert store.query("SELECT count(*) AS n FROM survey_responses")["n"][0] == 0


def test_skip_invalid_lands_the_valid_rows_and_reports_the_rest(store):
    report = load_sheet(store, user=ANALYST, path=FIXTURES / "surveys_ragged.csv", skip_invalid=True)
    assert not report.rejected
    assert (report.rows_new, report.rows_rejected) == (1, 4)
    assert {e["row"] for e in report.errors} == {2, 3, 4, 5}
    assert store.query("SELECT account_id FROM survey_responses")["account_id"].tolist() == ["A1"]


def test_survey_rows_for_unknown_accounts_are_accepted(store):
    load_sheet(store, user=ANALYST, data=b"account_id,segment\nA1,SMB\n", source="accounts.csv")
    report = load_sheet(store, user=ANALYST, path=FIXTURES / "surveys_basic.csv")
    assert report.rows_new == 3
    segments = store.query("""
        SELECT s.account_id, coalesce(a.segment, 'Unknown') AS segment
        FROM survey_responses s LEFT JOIN accounts a USING (account_id) ORDER BY 1""")
    assert segments["segment"].tolist() == ["Unknown", "Unknown", "Unknown"]


def test_a_missing_required_column_is_named(store):
    report = load_sheet(store, user=ANALYST, data=b"Call ID,Agent,Escalated\nC1,Mei,yes\n", source="calls.csv")
    assert report.rejected
    assert report.errors[0]["column"] == "started_at"
    assert "no column maps to the required 'started_at'" in report.errors[0]["message"]


def test_an_unreadable_file_is_reported_not_raised(store):
    report = load_sheet(store, user=ANALYST, path=FIXTURES / "not_a_sheet.csv")
    assert report.rejected
    assert report.errors == [{"row": None, "column": None, "value": "",
                              "message": "not_a_sheet.csv is a binary file, not a sheet. Upload a CSV or XLSX file."}]


def test_the_kind_can_be_named(store):
    report = load_sheet(store, user=ANALYST, data=b"account_id,segment\nA1,SMB\n", source="x.csv", kind="accounts")
    assert report.kind == "accounts" and report.rows_new == 1


def test_xlsx_formula_text_lands_as_text(store):
    load_sheet(store, user=ANALYST, path=FIXTURES / "workbook_multi.xlsx")
    comments = store.query("SELECT comment FROM survey_responses ORDER BY response_id")["comment"].tolist()
    assert comments == ['=HYPERLINK("http://evil","click")', "=1+1", "Easy"]


def test_every_encoding_fixture_lands_the_same_rows(store):
    for name in ("surveys_cp1252.csv", "surveys_utf8_bom.csv", "surveys_utf16.txt"):
        load_sheet(store, user=ANALYST, path=FIXTURES / name)
    rows = store.query("SELECT response_id, comment FROM survey_responses WHERE superseded_by IS NULL "
                       "ORDER BY response_id")
    assert rows["comment"].tolist() == ["Très bien — café", "Naïve pricing; €40 too much"]
    assert len(store.batches()) == 1  # the second and third files brought nothing new


def test_participation_counts_and_invitations_share_one_table(store):
    load_sheet(store, user=ANALYST, data=b"week,account_id,metric,invited,responded\n2026-01-05,A1,nps,10,4\n", source="c.csv")
    load_sheet(store, user=ANALYST, data=b"account_id,metric,sent_at,responded_at\nA1,nps,2026-01-06 09:00,\n"
                           b"A1,nps,2026-01-07 09:00,2026-01-07 10:00\n", source="i.csv")
    totals = store.query("SELECT sum(invited) AS invited, sum(responded) AS responded FROM participation")
    assert (totals["invited"][0], totals["responded"][0]) == (12, 5)


def test_a_plan_counts_what_would_land_and_changes_nothing(store):
    load_text(store, "account_id,segment,arr\nA1,SMB,100\nA2,SMB,200\n", "accounts.csv")
    version = store.version()
    sheet = read_sheet(b"account_id,segment,arr\nA1,SMB,100\nA2,MM,200\nA3,ENT,x\nA4,ENT,400\nA4,ENT,400\n",
                       "accounts2.csv")
    planned = plan(store, prepare(sheet))
    # A1 unchanged, A2 changed segment, A3 bad arr, A4 new (its repeat within the sheet is a duplicate)
    assert expected_counts(store, planned) == {"new": 1, "updated": 1, "duplicate": 2}
    assert planned.rows_rejected == 1 and planned.errors[0]["row"] == 3
    assert store.version() == version


def test_a_load_counts_against_the_store_as_it_is_when_it_lands(store):
    """Two analysts preview overlapping sheets; both land, and the second finds the first's rows."""
    first = prepare(read_sheet(b"account_id,segment\nA1,SMB\nA2,SMB\n", "mine.csv"))
    second = prepare(read_sheet(b"account_id,segment\nA2,SMB\nA3,MM\n", "theirs.csv"))
    assert expected_counts(store, plan(store, second))["new"] == 2
    assert land(store, first, user=ANALYST).rows_new == 2
    report = land(store, second, user=ANALYST)
    assert (report.rows_new, report.rows_duplicate) == (1, 1)
    assert store.query("SELECT count(*) AS n FROM accounts")["n"][0] == 3


def test_a_mapping_chosen_by_hand_is_used_and_a_required_column_left_unmapped_is_named(store):
    sheet = read_sheet(b"Customer,When,Rating\nA1,2026-11-16,9\n", "odd.csv")
    unmapped = prepare(sheet, layout=SURVEYS, mapping={"account_id": "Customer", "score": "Rating"})
    assert unmapped.missing_required == ["submitted_at", "metric"]
    mapped = prepare(sheet, layout=SURVEYS, mapping={"account_id": "Customer", "submitted_at": "When",
                                                     "score": "Rating", "metric": "Rating"})
    assert mapped.missing_required == []
    assert "not one of" in plan(store, mapped).errors[0]["message"]  # "9" is not a metric name


def test_a_google_sheet_loaded_once_is_refreshed_with_the_mapping_kept(store, google_sheets):
    from empathy.sheets.gsheets import GoogleSheets, service_account_info
    from sheets_api import KEY
    sheets = GoogleSheets(service_account_info())
    workbook = sheets.open(sheet_ref(KEY))
    sheet = sheets.read(workbook, "Answers")
    mapping = {**map_columns(sheet.headers, SURVEYS), "respondent_role": "Comment", "comment": "Role"}
    prepared = prepare(sheet, mapping=mapping, layout=SURVEYS)
    report = land(store, prepared, user=ANALYST, skip_invalid=True)
    remember_google_sheet(store, workbook, prepared, True, report, ANALYST)
    kept = kept_sheets.one(store, KEY, "Answers")
    assert (kept["title"], kept["layout"], kept["skip_invalid"], kept["last_batch"]) == \
        ("Support NPS", "surveys", True, report.batch_id)
    google_sheets.spreadsheets[KEY]["worksheets"]["Answers"].append(["A4", "2026-11-19 12:00", "7", "ok", "admin"])
    google_sheets.requests.clear()
    refreshed = load_google_sheet(store, KEY, user=ANALYST, worksheet="Answers", sheets=sheets)
    assert len(google_sheets.requests) == 2  # the worksheets, then that worksheet's values
    assert (refreshed.rows_new, refreshed.rows_duplicate) == (1, 3)
    roles = store.query("SELECT respondent_role FROM survey_responses WHERE account_id = 'A4'")
    assert roles["respondent_role"].tolist() == ["ok"]  # the kept (swapped) mapping, not the detected one


def test_thousands_of_unused_columns_are_counted_not_listed(store):
    headers = ["account_id", "submitted_at", "metric", "score"] + [f"extra {n}" for n in range(2_000)]
    text = ",".join(headers) + "\n" + ",".join(["A1", "2026-11-16", "nps", "9"] + [""] * 2_000) + "\n"
    report = load_sheet(store, user=ANALYST, data=text.encode(), source="wide.csv")
    [note] = [note for note in report.notes if note.startswith("Columns not used")]
    assert note == ("Columns not used (no canonical column maps to them): 2,000: extra 0, extra 1, extra 2, extra 3, "
                    "extra 4, extra 5, extra 6, extra 7, extra 8, extra 9, extra 10, extra 11 and 1,988 more.")


def test_a_row_with_a_bad_byte_rejects_the_sheet_naming_it_and_is_audited(store):
    data = "account_id,account_name\nA1,Bäckerei Müller\n".encode() + b"A2,Caf\xe9\n"
    report = load_sheet(store, user=ANALYST, data=data, source="accounts.csv")
    assert report.rejected and store.version() == 0
    assert [(e["row"], e["column"], e["message"][:38]) for e in report.errors] == [
        (2, "account_name", "character 4 of this cell holds bytes t")]
    entry = audit.log(store, user=ADMIN).iloc[0]
    assert (entry["action"], entry["outcome"]) == ("load", "rejected") and "not UTF-8" in entry["detail"]
    landed = load_sheet(store, user=ANALYST, data=data, source="accounts.csv", skip_invalid=True)
    assert landed.rows_new == 1
    assert store.query("SELECT account_name FROM accounts")["account_name"].tolist() == ["Bäckerei Müller"]


def _large_survey_sheet(rows: int = PARALLEL_MIN_TEXTS, bad_row: bool = False) -> bytes:
    """Enough distinct comments (PARALLEL_MIN_TEXTS) for the load to score them from the moment it reads the sheet."""
    moods = ["The invoices are wrong again and nobody answers", "Great support, they fixed it in minutes",
             "Setup took a while but it works"]
    lines = [f"R{i},A1,2026-11-0{1 + i % 9},nps,{i % 11},\"{moods[i % 3]} (ref {i})\"" for i in range(rows)]
    if bad_row:
        lines[-1] = lines[-1].replace(",nps,", ",npx,")
    return ("response_id,account_id,submitted_at,metric,score,comment\n" + "\n".join(lines) + "\n").encode()


def test_a_large_sheets_comments_scored_while_it_is_checked_score_as_they_would_alone(store):
    report = load_sheet(store, user=ANALYST, data=_large_survey_sheet(), source="large.csv")
    assert report.rows_new == PARALLEL_MIN_TEXTS
    found = store.query("SELECT comment, sentiment, language FROM survey_responses WHERE response_id IN "
                        "('R0', 'R1', 'R2', 'R3999')")
    assert found["sentiment"].tolist() == [score_text(comment).compound for comment in found["comment"]]
    assert set(found["language"]) == {"en"}
    assert scoring_workers() == []


def test_a_large_sheet_rejected_after_its_scoring_began_stops_the_scoring(store):
    """Its bad row is found long before 30,000 comments are scored: the workers are stopped then."""
    report = load_sheet(store, user=ANALYST, data=_large_survey_sheet(30_000, bad_row=True), source="large.csv")
    assert report.rejected and report.rows_rejected == 1
    assert scoring_workers() == []
    assert store.query("SELECT count(*) AS n FROM survey_responses")["n"][0] == 0


def test_a_large_calls_sheet_is_scored_by_processes_started_before_its_transcripts_are_parsed(store, monkeypatch):
    """The first started with Kiwi (a Korean call among them), sent each block of calls' customer turns as
    the block is parsed; every turn as it scores alone."""
    sent, send = [], Scoring.send
    monkeypatch.setattr(Scoring, "send", lambda scoring, texts: sent.append(len(texts)) or send(scoring, texts))
    scored, score = [], _Worker.score
    monkeypatch.setattr(_Worker, "score", lambda worker, texts, *rest: scored.append(len(texts)) or score(worker, texts, *rest))
    report = load_sheet(store, user=ANALYST, data=large_calls_sheet(korean=True), source="calls.csv")
    assert report.rows_new == PARALLEL_MIN_TEXTS
    # one customer turn a call: block by block as parsed, then all asked for at once, none scored twice
    assert sent == [BLOCK_CALLS] * (PARALLEL_MIN_TEXTS // BLOCK_CALLS) + [PARALLEL_MIN_TEXTS]
    assert sum(scored) == PARALLEL_MIN_TEXTS
    found = store.query("SELECT call_id, text, compound, language FROM utterances WHERE role = 'customer' "
                        "AND call_id IN ('C0', 'C1', 'C2', 'C3999') ORDER BY call_id")
    assert found["compound"].tolist() == [score_text(text).compound for text in found["text"]]
    assert found["language"].tolist() == ["ko", "en", "en", "en"] and found["compound"][0] < -0.3
    assert scoring_workers() == []


def test_a_korean_calls_load_has_its_scoring_process_read_the_taxonomys_korean_phrases(store, monkeypatch):
    """A new process's first Korean load: the loading process does not start Kiwi of its own (0.85 s
    beside the workers); its themes still match Korean words through their lemmas (튕기다 finds 튕겨요)."""
    monkeypatch.setattr(analyser, "_remembered", {})
    lemma_pattern.cache_clear()

    def no_kiwi():
        raise AssertionError("Kiwi started in the loading process")

    for module in (analyser, scorer):  # where Kiwi is started, and where the scorer calls it
        monkeypatch.setattr(module, "kiwi", no_kiwi)
    data = large_calls_sheet(korean=True).replace("청구서가 또 틀렸어요. 정말 최악이에요.".encode(), "앱이 자꾸 튕겨요.".encode())
    report = load_sheet(store, user=ANALYST, data=data, source="calls.csv")
    assert report.rows_new == PARALLEL_MIN_TEXTS
    found = store.query("SELECT text, themes FROM utterances WHERE call_id = 'C0' AND role = 'customer'")
    assert found["text"].tolist() == ["앱이 자꾸 튕겨요."] and list(found["themes"][0]) == ["reliability"]


def test_a_large_calls_sheet_rejected_stops_the_processes_started_for_it(store):
    report = load_sheet(store, user=ANALYST, data=large_calls_sheet(PARALLEL_MIN_TEXTS + 10, bad_call=True),
                        source="calls.csv")
    assert report.rejected and report.errors[0]["column"] == "transcript"
    assert scoring_workers() == []
    assert store.query("SELECT count(*) AS n FROM utterances")["n"][0] == 0


def test_a_calls_load_whose_scoring_processes_were_killed_scores_its_turns_with_new_ones(store, monkeypatch):
    """The processes started for the sheet killed by the system (short of memory, say) before its turns came:
    new ones score them, and the sheet lands as it would have."""
    def killed(prepared):
        scoring = Scoring(workers=2)
        for worker in scoring._workers:
            os.kill(worker.process.pid, signal.SIGKILL)
            worker.process.wait()
        return scoring

    monkeypatch.setattr("empathy.loading.sheet.transcript_scoring", killed)
    report = load_sheet(store, user=ANALYST, data=large_calls_sheet(), source="calls.csv")
    assert not report.rejected and report.rows_new == PARALLEL_MIN_TEXTS
    found = store.query("SELECT text, compound FROM utterances WHERE role = 'customer' AND call_id IN ('C1', 'C2')")
    assert len(found) == 2 and found["compound"].tolist() == [score_text(text).compound for text in found["text"]]
    assert scoring_workers() == []


def test_a_sheet_whose_texts_cannot_be_scored_is_rejected_with_what_to_do(store, monkeypatch):
    """Every scoring process fails, the new ones too: nothing lands, and the report says what happened
    and what to do, without the processes' own words (a traceback, it may be)."""
    def fails(worker, texts, with_dissatisfaction):
        raise ScoringFailed("a sentiment worker failed: Traceback (most recent call last): ...")

    monkeypatch.setattr(_Worker, "score", fails)
    report = load_sheet(store, user=ANALYST, data=large_calls_sheet(), source="calls.csv")
    assert report.rejected and report.batch_id is None
    assert "could not be scored" in report.summary() and "load the sheet again" in report.summary()
    assert "Traceback" not in report.summary()
    assert store.query("SELECT count(*) AS n FROM calls")["n"][0] == 0
    assert audit.log(store, user=ADMIN)["outcome"].iloc[0] == "rejected"
    assert scoring_workers() == []


def test_a_sheet_whose_early_scoring_failed_is_scored_when_it_lands(store):
    """A worker of the scoring begun at the review killed (by the system, say): the load scores the
    comments itself instead of failing."""
    sheet = read_sheet(_large_survey_sheet(), "large.csv")
    early = early_comment_scores(sheet)
    early.stop()  # its workers killed before they finished
    report = land(store, prepare(sheet), user=ANALYST, early=early)
    assert report.rows_new == PARALLEL_MIN_TEXTS
    found = store.query("SELECT comment, sentiment FROM survey_responses WHERE response_id IN ('R0', 'R1', 'R2')")
    assert found["sentiment"].tolist() == [score_text(comment).compound for comment in found["comment"]]


def test_a_load_summary_counts_with_thousands_separators_in_either_language():
    report = LoadReport(source="big.csv", kind="surveys", batch_id=7, rows_new=6000, rows_updated=1234,
                        rows_duplicate=0, rows_rejected=2, rejected=False)
    assert report.summary() == ("big.csv: batch 7 loaded as surveys — 6,000 new, 1,234 updated, 0 already loaded, "
                                "2 rejected.")
    with language.speaking("ko"):
        assert "새 행 6,000, 바뀐 행 1,234" in report.summary()
    nothing = LoadReport(source="again.csv", kind="surveys", rows_duplicate=12000, rejected=False)
    assert "all 12,000 rows are already loaded" in nothing.summary()
