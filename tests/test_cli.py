import json
import os
import pwd

import pytest

from conftest import FIXTURES, ROOT, empathy
from empathy.store import Store
from sheets_api import KEY, SERVICE_ACCOUNT


def test_load_json_and_exit_code_when_the_batch_lands(db_path):
    result = empathy("load", FIXTURES / "surveys_basic.csv", "--json", db_path=db_path)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert {k: payload[k] for k in ("batch_id", "kind", "source", "rows_new", "rows_duplicate",
                                    "rows_rejected", "errors")} == {
        "batch_id": 1, "kind": "surveys", "source": "surveys_basic.csv", "rows_new": 3,
        "rows_duplicate": 0, "rows_rejected": 0, "errors": []}


def test_rejected_sheet_exits_1_and_lists_every_bad_row(db_path):
    result = empathy("load", FIXTURES / "surveys_ragged.csv", "--json", db_path=db_path)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["batch_id"] is None and payload["rows_new"] == 0
    assert {(e["row"], e["column"]) for e in payload["errors"]} >= {(4, "score"), (5, "submitted_at")}
    assert all(set(e) == {"row", "sheet_row", "column", "value", "message"} for e in payload["errors"])
    assert all(e["sheet_row"] == e["row"] + 1 for e in payload["errors"])  # the header is the sheet's row 1
    batches = json.loads(empathy("batches", "--json", db_path=db_path).stdout)
    assert batches == []


def test_skip_invalid_lands_the_valid_rows(db_path):
    result = empathy("load", FIXTURES / "surveys_ragged.csv", "--skip-invalid", "--json", db_path=db_path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["rows_new"] == 1


def test_several_files_give_a_list(db_path):
    result = empathy("load", FIXTURES / "accounts_cp949.csv", FIXTURES / "calls_tab.tsv", "--json",
                     db_path=db_path)
    assert result.returncode == 0
    assert [(p["kind"], p["rows_new"]) for p in json.loads(result.stdout)] == [("accounts", 2), ("calls", 2)]


def test_named_worksheet_and_kind(db_path):
    result = empathy("load", FIXTURES / "workbook_multi.xlsx", "--sheet", "Accounts", "--kind", "accounts",
                     "--json", db_path=db_path)
    assert json.loads(result.stdout)["rows_new"] == 1


def test_usage_errors_exit_2(db_path):
    assert empathy("load", db_path=db_path).returncode == 2
    assert empathy("load", FIXTURES / "surveys_basic.csv", "--kind", "weather", db_path=db_path).returncode == 2
    assert empathy("frobnicate", db_path=db_path).returncode == 2


def test_batches_and_undo(db_path):
    empathy("load", FIXTURES / "surveys_basic.csv", db_path=db_path)
    listed = json.loads(empathy("batches", "--json", db_path=db_path).stdout)
    assert [(b["batch_id"], b["kind"], b["source"], b["rows"], b["undone"]) for b in listed] == \
        [(1, "surveys", "surveys_basic.csv", 3, False)]
    assert set(listed[0]) == {"batch_id", "kind", "source", "rows", "loaded_at", "undone"}
    undone = empathy("undo", "1", db_path=db_path)
    assert undone.returncode == 0 and "Batch 1 undone" in undone.stdout
    assert json.loads(empathy("batches", "--json", db_path=db_path).stdout)[0]["undone"] is True
    again = empathy("undo", "1", db_path=db_path)
    assert again.returncode == 1 and "already undone" in again.stderr


def test_human_messages_name_row_and_column(db_path):
    result = empathy("load", FIXTURES / "surveys_ragged.csv", db_path=db_path)
    assert "not loaded, nothing changed" in result.stdout
    assert "sheet row 5, column 'score': NPS score 11 is outside 0-10" in result.stdout  # 4th row under the header


def test_a_renewals_sheet_with_bad_rows_is_refused_whole_then_lands_its_good_rows_and_undoes(db_path):
    sheet = FIXTURES / "renewals_bad_rows.csv"
    refused = empathy("load", sheet, db_path=db_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert ("sheet row 5, column 'Result': 'paused' is not one of: churned, downgraded, expanded, renewed"
            in refused.stdout)
    assert "sheet row 4, column 'Contract end': '31/02/2026' is not a date" in refused.stdout
    assert json.loads(empathy("batches", "--json", db_path=db_path).stdout) == []
    landed = json.loads(empathy("load", sheet, "--kind", "renewals", "--skip-invalid", "--json",
                                db_path=db_path).stdout)
    assert (landed["kind"], landed["rows_new"], landed["rows_rejected"]) == ("renewals", 2, 3)
    assert empathy("undo", str(landed["batch_id"]), db_path=db_path).returncode == 0
    assert [b["undone"] for b in json.loads(empathy("batches", "--json", db_path=db_path).stdout)] == [True]


def test_missing_file_is_a_rejection_not_a_traceback(db_path):
    result = empathy("load", "/nonexistent/file.csv", db_path=db_path)
    assert result.returncode == 1
    assert "does not exist" in result.stdout and "Traceback" not in result.stderr


def test_demo_command_loads_the_demo_as_flagged_batches(db_path):
    result = empathy("demo", db_path=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("loaded as") == 5
    listed = json.loads(empathy("batches", "--json", db_path=db_path).stdout)
    assert sorted(b["kind"] for b in listed) == ["accounts", "calls", "participation", "renewals", "surveys"]
    human = empathy("batches", db_path=db_path).stdout
    assert human.count("[demo]") == 5


def test_load_places_transcript_speakers_by_hand(db_path, tmp_path):
    sheet = tmp_path / "calls.csv"
    sheet.write_text('call_id,started_at,transcript\nC5,2026-09-05,"Dana Lee: Hi\nSam Park: This is awful."\n')
    result = empathy("load", sheet, "--role", "Sam Park=customer", "--role", "Dana Lee=agent", "--json",
                     db_path=db_path)
    assert result.returncode == 0, result.stderr
    assert not any("have speakers" in note for note in json.loads(result.stdout)["notes"])
    assert empathy("load", sheet, "--role", "Sam=boss", db_path=db_path).returncode == 2


def test_role_after_a_load_places_the_stored_calls_without_scoring_them_again(db_path, tmp_path):
    sheet = tmp_path / "calls.csv"
    sheet.write_text('call_id,started_at,transcript\nC9,2026-09-08,"Emma: This is awful, it broke again.\n'
                     'Dana Lee: I am sorry about that."\n')
    first = json.loads(empathy("load", sheet, "--json", db_path=db_path).stdout)
    assert "Place them with --role" in first["notes"][0]
    store = Store.open(db_path)
    compounds = store.query("SELECT speaker, compound FROM utterances ORDER BY turn")
    store.close()
    again = empathy("load", sheet, "--role", "Emma=customer", db_path=db_path)
    assert again.returncode == 0
    assert "nothing new — all 1 rows are already loaded; 2 call turns placed anew." in again.stdout
    assert "nothing was scored again" in again.stdout
    store = Store.open(db_path)
    turns = store.query("SELECT speaker, role, compound FROM utterances ORDER BY turn")
    # Dana Lee by the two-speaker rule
    assert turns[["speaker", "role"]].values.tolist() == [["Emma", "customer"], ["Dana Lee", "agent"]]
    assert turns["compound"].tolist() == compounds["compound"].tolist()
    call = store.query("SELECT sentiment_mean, customer_turns, scored_turns FROM calls").iloc[0]
    assert (call["sentiment_mean"], call["customer_turns"]) == (compounds["compound"][0], 1)
    assert len(store.batches()) == 1  # no new batch
    store.close()
    board = json.loads(empathy("board", "--window", "2026-W37", "--json", db_path=db_path).stdout)
    assert board["metrics"]["sentiment"]["n"] == 1
    # "awful" is a failure phrase and the compound is negative: an unhappy customer, in 1 call of 1
    assert board["metrics"]["sentiment"]["value"] == 100.0
    assert board["metrics"]["sentiment"]["compound"] == pytest.approx(compounds["compound"][0])


def test_a_load_names_the_languages_it_left_unscored(db_path, tmp_path):
    sheet = tmp_path / "calls.csv"
    sheet.write_text('call_id,started_at,transcript\nC5,2026-09-05,"Agent: Hello\nCustomer: La factura está mal '
                     'otra vez y nadie responde nuestras llamadas\nCustomer: video failed after 3 weeks."\n',
                     encoding="utf-8")
    result = json.loads(empathy("load", sheet, "--json", db_path=db_path).stdout)
    assert "1 turns in other languages were left unscored (es 1): English and Korean are scored, other languages " \
           "not yet." in result["notes"]
    turns = Store.open(db_path).query("SELECT scored, coalesce(language, '-') AS language FROM utterances "
                                      "WHERE role = 'customer' ORDER BY turn")
    assert turns.values.tolist() == [[False, "es"], [True, "en"]]


def test_a_load_reports_speakers_the_rules_disagree_about(db_path, tmp_path):
    sheet = tmp_path / "calls.csv"
    sheet.write_text('call_id,started_at,agent,transcript\nC7,2026-09-05,Robert,"Robert: Hello, Robert here.\n'
                     'Robert Miller: My order never came, this is awful.\nRobert: Sorry, let me look."\n'
                     'C8,2026-09-06,Robert,"Customer Service: Hello.\nJane: It still does not work."\n')
    result = json.loads(empathy("load", sheet, "--json", db_path=db_path).stdout)
    assert result["rows_new"] == 2
    assert result["notes"] == ["1 calls have speakers the rules disagree about (C7: 'Robert Miller' starts with the "
                               "agent's first name (Robert) but names someone else; placed as customer by the other "
                               "speaker's role). Check them, and place them with --role LABEL=customer|agent|other if "
                               "they are wrong."]
    turns = Store.open(db_path).query("SELECT call_id, speaker, role FROM utterances ORDER BY call_id, turn")
    assert turns.values.tolist() == [["C7", "Robert", "agent"], ["C7", "Robert Miller", "customer"],
                                     ["C7", "Robert", "agent"], ["C8", "Customer Service", "agent"],
                                     ["C8", "Jane", "customer"]]


def test_board_json_for_a_week_and_a_range(demo_copy):
    db_path = demo_copy
    result = empathy("board", "--window", "2026-W47", "--json", db_path=db_path)  # the demo's stories' last week
    assert result.returncode == 0, result.stderr
    board = json.loads(result.stdout)
    assert board["window"] == {"start": "2026-11-16", "end": "2026-11-22", "label": "2026-W47"}
    assert board["previous"]["label"] == "2026-W46"
    scores = [int(line.split(",")[5]) for line in (ROOT / "data/demo/survey_responses.csv").read_text().splitlines()[1:]
              if ",nps," in line and "2026-11-16" <= line.split(",")[3][:10] <= "2026-11-22"]
    nps = board["metrics"]["nps"]
    assert nps["n"] == len(scores)
    assert nps["value"] == pytest.approx(100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores))
    assert {"value", "n", "previous", "delta", "significant", "low_n", "moe"} <= set(nps)
    assert {"text", "source", "account_id"} <= set(board["voice"])
    assert {a["account_id"] for a in board["alerts"]["red"]} and all(a["reasons"] for a in board["alerts"]["red"])
    ranged = json.loads(empathy("board", "--from", "2026-07-01", "--to", "2026-09-30", "--json", db_path=db_path).stdout)
    assert ranged["previous"] == {"start": "2026-03-31", "end": "2026-06-30", "label": "2026-03-31 to 2026-06-30"}


def test_board_usage_errors_exit_2(db_path):
    for args in (["--window", "2026-W99"], ["--from", "2026-07-01"], ["--window", "2026-W39", "--from", "2026-07-01",
                                                                     "--to", "2026-07-02"]):
        result = empathy("board", *args, db_path=db_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr, args


def test_load_a_google_sheet_by_url_then_again_adds_nothing(db_path, google_sheets):
    url = f"https://docs.google.com/spreadsheets/d/{KEY}/edit"
    first = empathy("load", url, "--json", db_path=db_path)
    assert first.returncode == 0, first.stdout + first.stderr
    payload = json.loads(first.stdout)
    assert (payload["kind"], payload["rows_new"], payload["source"]) == ("surveys", 3, "Support NPS (Google Sheet)")
    again = empathy("load", url, db_path=db_path)
    assert again.returncode == 0 and "nothing new" in again.stdout


def test_load_a_google_sheet_not_shared_says_whom_to_share_with(db_path, google_sheets):
    google_sheets.failures = [403]
    result = empathy("load", f"https://docs.google.com/spreadsheets/d/{KEY}", db_path=db_path)
    assert result.returncode == 1
    assert f"add {SERVICE_ACCOUNT} as a Viewer" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_address_with_a_password_is_refused_and_the_password_never_printed_or_kept(db_path, google_sheets):
    result = empathy("load", f"https://u:S3cret@docs.google.com/spreadsheets/d/{KEY}/edit", db_path=db_path)
    assert result.returncode == 1 and "user name or password" in result.stdout
    assert "S3cret" not in result.stdout + result.stderr
    log = empathy("audit", "--json", db_path=db_path).stdout
    assert "S3cret" not in log
    assert [e["object"] for e in json.loads(log)] == [f"https://docs.google.com/spreadsheets/d/{KEY}/edit"]
    assert not google_sheets.requests  # nothing was asked of Google


def test_an_address_that_is_not_a_google_sheets_is_named_so_not_looked_for_as_a_file(db_path):
    result = empathy("load", "http://127.0.0.1:9/spreadsheets/d/abc/edit", db_path=db_path)
    assert result.returncode == 1
    assert "is not a Google Sheet's address" in result.stdout and "does not exist" not in result.stdout


OS_USER = pwd.getpwuid(os.getuid()).pw_name  # who the command line runs as (no USER in its environment)


def test_the_audit_log_lists_what_the_command_line_did_as_the_os_user(db_path):
    empathy("load", FIXTURES / "surveys_basic.csv", db_path=db_path)
    empathy("load", FIXTURES / "surveys_ragged.csv", db_path=db_path)
    entries = json.loads(empathy("audit", "--json", db_path=db_path).stdout)
    me = f"os:{OS_USER}"
    assert [(e["who"], e["role"], e["action"], e["outcome"]) for e in entries] == \
        [(me, "admin", "load", "rejected"), (me, "admin", "load", "done")]
    assert entries[1]["detail"].startswith("batch 1 as surveys: 3 new")
    assert "Nothing in the audit log since 2999-01-01" in empathy("audit", "--since", "2999-01-01", db_path=db_path).stdout


def test_on_a_team_server_the_command_line_is_an_analyst_unless_the_roles_file_says(db_path, tmp_path, monkeypatch):
    secrets, roles = tmp_path / "secrets.toml", tmp_path / "roles.toml"
    secrets.write_text('[auth]\nclient_id = "board"\n')
    roles.write_text("")
    monkeypatch.setenv("EMPATHY_SECRETS", str(secrets))
    monkeypatch.setenv("EMPATHY_ROLES", str(roles))
    assert empathy("load", FIXTURES / "surveys_basic.csv", db_path=db_path).returncode == 0
    refused = empathy("audit", db_path=db_path)
    assert refused.returncode == 1
    assert f"os:{OS_USER} has the analyst role and may not read the audit log" in refused.stderr
    roles.write_text(f'[command_line]\n"{OS_USER}" = "admin"\n')
    allowed = empathy("audit", db_path=db_path)
    assert allowed.returncode == 0 and f"os:{OS_USER} (analyst)  load surveys_basic.csv: done" in allowed.stdout


def test_a_korean_tools_cp949_sheets_load_with_korean_headers_scored_and_themed(db_path):
    """응답 ID, 고객사 ID, 제출 일시, 추천 의향, 의견; 통화 ID, 상담원, 이관 여부, 녹취: the canonical columns."""
    for name in ("korean_survey_cp949.csv", "korean_calls_cp949.csv"):
        result = json.loads(empathy("load", FIXTURES / name, "--json", db_path=db_path).stdout)
        assert (result["rows_rejected"], result["errors"]) == (0, [])
    store = Store.open(db_path)
    answers = store.query("SELECT response_id, account_id, metric, score, channel, sentiment, language, themes "
                          "FROM survey_responses ORDER BY response_id")
    assert answers[["response_id", "account_id", "metric", "score", "channel"]].values.tolist() == [
        ["K-001", "A1012", "nps", 9, "이메일"], ["K-002", "A1012", "nps", 3, "웹"],
        ["K-003", "A1033", "nps", 6, "웹"], ["K-004", "A1033", "nps", 10, "앱"]]
    assert answers["language"].fillna("-").tolist() == ["ko", "ko", "ko", "-"]
    assert answers["sentiment"][0] > 0.5 and answers["sentiment"][1] < -0.5  # thanks; too slow to use
    assert [list(t) for t in answers["themes"]][1:3] == [["performance"], ["billing"]]
    calls = store.query("SELECT call_id, agent, escalated, negative, language, dissatisfaction FROM calls "
                        "ORDER BY call_id")
    assert calls[["call_id", "agent", "escalated", "negative", "language"]].values.tolist() == [
        ["KC-01", "이수진", False, True, "ko"], ["KC-02", "박지훈", True, False, "ko"]]
    assert calls["dissatisfaction"][0] > 0.7 > calls["dissatisfaction"][1]  # "해지하겠습니다" after a repeat
