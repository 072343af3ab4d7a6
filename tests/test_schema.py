import pytest

from empathy.sheets.schema import (
    ACCOUNTS,
    CALLS,
    INVITATIONS,
    PARTICIPATION_COUNTS,
    SURVEYS,
    detect_layout,
    implied_metric,
    map_columns,
    normalise_header,
)


@pytest.mark.parametrize("header", ["Account ID", "account-id", " ACCOUNT_ID ", "Account  Id"])
def test_headers_normalise_to_the_canonical_name(header):
    assert normalise_header(header) == "account_id"


def test_duration_header_with_unit_in_brackets():
    assert normalise_header("Duration (seconds)") == "duration_seconds"


def test_aliases_map_to_canonical_columns():
    headers = ["Customer ID", "Submitted At", "Likelihood to recommend", "Feedback", "Role"]
    assert map_columns(headers, SURVEYS) == {
        "account_id": "Customer ID", "submitted_at": "Submitted At",
        "score": "Likelihood to recommend", "comment": "Feedback", "respondent_role": "Role",
    }


def test_korean_headers_map_like_english_aliases():
    assert map_columns(["응답 ID", "고객사 ID", "제출 일시", "추천 의향", "의견"], SURVEYS) == {
        "response_id": "응답 ID", "account_id": "고객사 ID", "submitted_at": "제출 일시", "score": "추천 의향",
        "comment": "의견"}
    assert implied_metric({"score": "추천 의향"}) == "nps" and implied_metric({"score": "점수"}) is None
    assert map_columns(["통화 ID", "고객사 ID", "통화 일시", "상담원", "이관 여부", "녹취"], CALLS) == {
        "call_id": "통화 ID", "account_id": "고객사 ID", "started_at": "통화 일시", "agent": "상담원",
        "escalated": "이관 여부", "transcript": "녹취"}


def test_exact_canonical_name_wins_over_an_alias():
    # "date" is an alias of submitted_at, but a real submitted_at column must be used
    mapping = map_columns(["date", "submitted_at", "metric", "score"], SURVEYS)
    assert mapping["submitted_at"] == "submitted_at"


def test_score_header_implies_the_metric():
    assert implied_metric({"score": "Likelihood to recommend"}) == "nps"
    assert implied_metric({"score": "CSAT"}) == "csat"
    assert implied_metric({"score": "Score"}) is None


@pytest.mark.parametrize("headers, layout", [
    (["Account ID", "Account Name", "Segment", "ARR", "Owner"], ACCOUNTS),
    (["Response ID", "Account", "Submitted At", "Metric", "Score", "Comment"], SURVEYS),
    (["Account ID", "Submitted", "Likelihood to recommend"], SURVEYS),
    (["Account ID", "Metric", "Sent At", "Responded At"], INVITATIONS),
    (["Week", "Segment", "Metric", "Invited", "Responded"], PARTICIPATION_COUNTS),
    (["Call ID", "Account ID", "Started At", "Agent", "Escalated", "Transcript"], CALLS),
    (["응답 ID", "고객사 ID", "제출 일시", "지표", "점수", "의견"], SURVEYS),
    (["통화 ID", "고객사 ID", "통화 일시", "상담원", "녹취"], CALLS),
    (["고객사 ID", "고객사명", "세그먼트", "담당자"], ACCOUNTS),
])
def test_the_kind_of_sheet_is_detected_from_its_columns(headers, layout):
    assert detect_layout(headers) is layout


def test_unrecognisable_columns_are_not_guessed():
    assert detect_layout(["Foo", "Bar", "Baz"]) is None


def test_naming_the_kind_picks_its_best_layout():
    assert detect_layout(["period_start", "account_id", "invited", "responded"], "participation") \
        is PARTICIPATION_COUNTS
