"""The data contract: canonical tables, their columns, header aliases and value rules.

Sheets arrive with whatever headers their tool wrote. Everything downstream speaks the canonical
names below, so this module is the one place that knows how a header maps to a column and what a
valid value looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("accounts", "surveys", "participation", "calls", "renewals")

METRIC_RANGES = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "text"  # text | int | float | timestamp | date | bool
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: dict[str, str] | None = None  # accepted spelling (normalised) -> canonical value
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Layout:
    """One way a kind of sheet can be laid out. `table` names the rows it validates into: a stored
    table, or `utterance_rows`, turns that become the transcripts of stored calls; `key` is their key."""

    kind: str
    name: str
    table: str
    key: str
    columns: tuple[Column, ...]
    identifying: tuple[str, ...] = ()  # columns whose presence says "this is that layout"

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


def normalise_header(header: object) -> str:
    """`Account ID`, `account-id` and ` ACCOUNT_ID ` all become `account_id`."""
    text = str(header).strip().lower().replace("%", " pct ").replace("#", " number ")
    return re.sub(r"[^0-9a-z\uac00-\ud7a3]+", "_", text).strip("_")


METRIC_CHOICES = {
    "nps": "nps", "net_promoter": "nps", "net_promoter_score": "nps", "ltr": "nps",
    "likelihood_to_recommend": "nps",
    "csat": "csat", "satisfaction": "csat", "customer_satisfaction": "csat",
    "ces": "ces", "effort": "ces", "customer_effort": "ces", "customer_effort_score": "ces",
    # as Korean survey tools and teams write them
    "순추천지수": "nps", "추천_의향": "nps", "추천지수": "nps", "고객만족도": "csat", "만족도": "csat",
    "고객노력지수": "ces", "노력_점수": "ces", "고객노력": "ces",
}

ACCOUNT_ID = Column(
    "account_id",
    aliases=("account", "account_number", "acct_id", "customer_id", "company_id", "client_id",
             "org_id", "organisation_id", "organization_id",
             "고객사_id", "고객_id", "고객사_코드", "고객_코드", "고객번호", "고객사번호", "거래처_코드"),
)

ACCOUNTS = Layout(
    kind="accounts",
    name="accounts",
    table="accounts",
    key="account_id",
    identifying=("account_name", "segment", "arr", "plan", "industry", "owner"),
    columns=(
        Column("account_id", required=True, aliases=ACCOUNT_ID.aliases),
        Column("account_name", aliases=("name", "company", "company_name", "customer_name",
                                        "client_name", "organisation", "organization",
                                        "고객사", "고객사명", "회사명", "고객명", "거래처명")),
        Column("segment", aliases=("customer_segment", "tier", "market_segment", "세그먼트", "고객_세그먼트",
                                   "고객군", "등급")),
        Column("region", aliases=("geo", "territory", "country_region", "지역", "권역")),
        Column("industry", aliases=("vertical", "sector", "업종", "산업")),
        Column("plan", aliases=("product_plan", "subscription", "edition", "package", "요금제", "플랜")),
        Column("arr", "float", minimum=0,
               aliases=("annual_recurring_revenue", "arr_usd", "arr_eur", "revenue", "contract_value",
                        "연간_반복_매출", "연간_계약_금액", "계약_금액", "연매출")),
        Column("owner", aliases=("account_owner", "csm", "customer_success_manager", "am",
                                 "account_manager", "담당자", "영업_담당자", "고객_담당자")),
        Column("customer_type", choices={"external": "external", "internal": "internal",
                                         "ext": "external", "int": "internal"},
               aliases=("type", "internal_external", "customer_kind", "고객_유형")),
        # The customer's own people, names separated by ";" (or ","): redacted from quotes shown.
        Column("contacts", aliases=("contact", "contact_name", "contact_names", "key_contacts",
                                    "primary_contact", "main_contact", "stakeholders", "연락처_이름",
                                    "고객_담당자명", "주요_연락처", "담당자명")),
    ),
)

SURVEYS = Layout(
    kind="surveys",
    name="surveys",
    table="survey_responses",
    key="response_id",
    identifying=("score", "metric", "submitted_at", "respondent_role", "comment"),
    columns=(
        Column("response_id", aliases=("response", "responseid", "survey_response_id", "answer_id",
                                       "응답_id", "응답_번호", "응답번호", "응답id")),
        Column("account_id", aliases=ACCOUNT_ID.aliases),
        Column("respondent_role", aliases=("role", "respondent_type", "persona", "job_role", "응답자_역할",
                                           "응답자_유형", "직무", "역할")),
        Column("submitted_at", "timestamp", required=True,
               aliases=("submitted", "submitted_on", "submission_date", "response_date", "date",
                        "recorded_date", "end_date", "completed_at", "timestamp", "created_at",
                        "제출_일시", "제출일시", "제출일", "응답_일시", "응답일시", "응답일", "작성일", "일시", "날짜")),
        Column("metric", required=True, choices=METRIC_CHOICES,
               aliases=("survey", "survey_type", "question_type", "measure", "지표", "설문_유형", "설문_종류")),
        Column("score", "int", required=True,
               aliases=("rating", "answer", "value", "nps_score", "csat_score", "ces_score",
                        "likelihood_to_recommend", "how_likely_are_you_to_recommend_us",
                        "satisfaction", "effort", "점수", "평점", "추천_의향", "추천_점수", "만족도",
                        "만족도_점수", "노력_점수")),
        Column("comment", aliases=("comments", "feedback", "verbatim", "why", "reason",
                                   "open_text", "text", "free_text", "의견", "코멘트", "주관식_응답",
                                   "자유_의견", "기타_의견", "피드백", "이유")),
        Column("duration_seconds", "float", minimum=0,
               aliases=("duration", "duration_s", "duration_sec", "duration_in_seconds",
                        "time_taken", "response_time_seconds", "seconds", "소요_시간", "응답_시간_초")),
        Column("channel", aliases=("source", "survey_channel", "distribution_channel", "채널", "응답_채널",
                                   "수집_채널")),
    ),
)

# A score column whose header names its metric, as survey tools export it, implies the metric.
METRIC_FROM_SCORE_HEADER = {
    "likelihood_to_recommend": "nps", "how_likely_are_you_to_recommend_us": "nps",
    "nps_score": "nps", "nps": "nps",
    "csat_score": "csat", "csat": "csat", "satisfaction": "csat",
    "ces_score": "ces", "ces": "ces", "effort": "ces",
    "추천_의향": "nps", "추천_점수": "nps", "만족도": "csat", "만족도_점수": "csat", "노력_점수": "ces",
}

INVITATIONS = Layout(
    kind="participation",
    name="invitations",
    table="participation",
    key="participation_id",
    identifying=("sent_at", "responded_at"),
    columns=(
        Column("invitation_id", aliases=("invite_id", "invitation")),
        Column("account_id", required=True, aliases=ACCOUNT_ID.aliases),
        Column("metric", choices=METRIC_CHOICES, aliases=("survey", "survey_type")),
        Column("sent_at", "timestamp", required=True,
               aliases=("sent", "invited_at", "invitation_date", "sent_date", "date_sent")),
        Column("responded_at", "timestamp",
               aliases=("responded", "response_date", "answered_at", "completed_at")),
    ),
)

PARTICIPATION_COUNTS = Layout(
    kind="participation",
    name="counts",
    table="participation",
    key="participation_id",
    identifying=("invited", "responded", "period_start"),
    columns=(
        Column("period_start", "date", required=True,
               aliases=("period", "week", "week_start", "week_of", "month", "date", "start_date")),
        Column("account_id", aliases=ACCOUNT_ID.aliases),
        Column("segment", aliases=("customer_segment", "tier")),
        Column("metric", choices=METRIC_CHOICES, aliases=("survey", "survey_type")),
        Column("invited", "int", required=True, minimum=0,
               aliases=("invitations", "invites", "sent", "surveys_sent", "number_invited")),
        Column("responded", "int", required=True, minimum=0,
               aliases=("responses", "responded_count", "completed", "surveys_completed",
                        "number_responded")),
    ),
)

CALLS = Layout(
    kind="calls",
    name="calls",
    table="calls",
    key="call_id",
    identifying=("call_id", "transcript", "started_at", "call_type", "agent", "escalated"),
    columns=(
        Column("call_id", required=True, aliases=("call", "conversation_id", "ticket_id",
                                                  "interaction_id", "recording_id", "통화_id", "통화_번호",
                                                  "통화번호", "상담_id", "상담_번호", "상담번호", "녹취_id")),
        Column("account_id", aliases=ACCOUNT_ID.aliases),
        Column("started_at", "timestamp", required=True,
               aliases=("start", "start_time", "started", "call_date", "date", "call_start",
                        "timestamp", "created_at", "통화_일시", "통화일시", "통화_시작", "상담_일시", "상담일시",
                        "시작_시각", "일시", "날짜")),
        Column("call_type", choices={"support": "support", "sales": "sales", "success": "success",
                                     "customer_success": "success", "cs": "success",
                                     "지원": "support", "기술지원": "support", "고객지원": "support",
                                     "영업": "sales", "고객성공": "success", "고객_성공": "success"},
               aliases=("type", "category", "queue", "통화_유형", "상담_유형", "유형", "분류")),
        Column("channel", aliases=("medium", "source", "채널", "상담_채널")),
        Column("agent", aliases=("agent_name", "rep", "owner", "handled_by", "advisor", "상담원", "상담사",
                                 "상담원명", "담당_상담원")),
        Column("escalated", "bool", aliases=("escalation", "is_escalated", "에스컬레이션", "이관", "이관_여부")),
        Column("resolved", "bool", aliases=("is_resolved", "solved", "해결", "해결_여부")),
        Column("transcript", aliases=("text", "conversation", "call_transcript", "notes", "녹취", "녹취록",
                                      "통화_내용", "상담_내용", "대화_내용")),
    ),
)

# A call's transcript as one row per turn (call platforms export this). The turns become the
# transcript of a call already loaded from a calls sheet.
UTTERANCE_ROWS = Layout(
    kind="calls",
    name="utterance rows",
    table="utterance_rows",
    key="utterance_key",
    identifying=("turn", "speaker", "text", "offset_s"),
    columns=(
        Column("call_id", required=True, aliases=CALLS.columns[0].aliases),
        Column("turn", "int", required=True, minimum=0, aliases=("turn_number", "sequence", "seq", "line")),
        Column("speaker", required=True, aliases=("speaker_name", "participant", "role", "who")),
        Column("text", required=True, aliases=("utterance", "message", "transcript", "words", "content")),
        Column("offset_s", "float", minimum=0, aliases=("offset", "start", "start_s", "start_seconds",
                                                        "seconds", "time")),
    ),
)

# An account's renewal and what came of it; one row per account and renewal date.
RENEWALS = Layout(
    kind="renewals",
    name="renewals",
    table="renewals",
    key="renewal_id",
    identifying=("renewal_date", "outcome", "arr_before", "arr_after"),
    columns=(
        Column("account_id", required=True, aliases=ACCOUNT_ID.aliases),
        Column("renewal_date", "date", required=True,
               aliases=("renewal", "renewed_on", "renewal_due", "contract_end", "contract_end_date", "term_end",
                        "end_date", "date")),
        Column("outcome", required=True, aliases=("result", "renewal_outcome", "status", "renewal_status"),
               choices={"renewed": "renewed", "renew": "renewed", "churned": "churned", "churn": "churned",
                        "lost": "churned", "cancelled": "churned", "canceled": "churned",
                        "downgraded": "downgraded", "downgrade": "downgraded", "contracted": "downgraded",
                        "expanded": "expanded", "expansion": "expanded", "upsell": "expanded",
                        "upgraded": "expanded"}),
        Column("arr_before", "float", minimum=0, aliases=("previous_arr", "old_arr", "arr_prior", "arr_at_renewal")),
        Column("arr_after", "float", minimum=0, aliases=("new_arr", "renewed_arr", "arr_new")),
    ),
)

LAYOUTS = (ACCOUNTS, SURVEYS, INVITATIONS, PARTICIPATION_COUNTS, CALLS, UTTERANCE_ROWS, RENEWALS)

# What each stored table holds beyond its sheet columns (participation unifies both layouts).
TABLE_COLUMNS = {
    "accounts": {c.name: c.type for c in ACCOUNTS.columns},
    "survey_responses": {c.name: c.type for c in SURVEYS.columns},
    "participation": {"participation_id": "text", "period_start": "date", "account_id": "text",
                      "segment": "text", "metric": "text", "invited": "int", "responded": "int"},
    "calls": {c.name: c.type for c in CALLS.columns},
    "renewals": {"renewal_id": "text", **{c.name: c.type for c in RENEWALS.columns}},
}
# Figures worked out at load time and stored beside the row, not part of its content (or its hash).
DERIVED_COLUMNS = {
    "survey_responses": {"themes": "text[]", "sentiment": "float", "language": "text", "lemmas": "text"},
    "calls": {"transcript_hash": "text", "sentiment_mean": "float", "sentiment_min": "float",
              "sentiment_shift": "float", "negative": "bool", "customer_turns": "int",
              "scored_turns": "int", "unscored_turns": "int", "dissatisfaction": "float", "unhappy": "bool",
              "language": "text"},
}
TABLE_KEYS = {"accounts": "account_id", "survey_responses": "response_id",
              "participation": "participation_id", "calls": "call_id", "renewals": "renewal_id"}
# Rows as validated, for stored tables and for sheets that become another table's rows.
ROW_COLUMNS = {**TABLE_COLUMNS, "utterance_rows": {"utterance_key": "text", "call_id": "text", "turn": "int",
                                                   "speaker": "text", "text": "text", "offset_s": "float"}}
# The column each table's date range is read from.
TABLE_DATES = {"survey_responses": "submitted_at", "participation": "period_start",
               "calls": "started_at", "renewals": "renewal_date"}


def layout_named(name: str) -> Layout:
    return next(layout for layout in LAYOUTS if layout.name == name)


def layouts_for(kind: str) -> tuple[Layout, ...]:
    return tuple(layout for layout in LAYOUTS if layout.kind == kind)


def map_columns(headers: list[str], layout: Layout) -> dict[str, str]:
    """Canonical column -> the sheet header it comes from, by exact name first, then by alias."""
    by_normalised: dict[str, str] = {}
    for header in headers:
        by_normalised.setdefault(normalise_header(header), header)
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for column in layout.columns:
        if column.name in by_normalised:
            mapping[column.name] = by_normalised[column.name]
            taken.add(column.name)
    for column in layout.columns:
        if column.name in mapping:
            continue
        for alias in column.aliases:
            if alias in by_normalised and alias not in taken:
                mapping[column.name] = by_normalised[alias]
                taken.add(alias)
                break
    return mapping


def layout_fit(headers: list[str], layout: Layout) -> float:
    """How well headers fit a layout: required columns found count most, identifying ones next."""
    mapping = map_columns(headers, layout)
    if not mapping:
        return 0.0
    required_found = sum(1 for name in layout.required if name in mapping)
    identifying_found = sum(1 for name in layout.identifying if name in mapping)
    missing = len(layout.required) - required_found
    if layout is SURVEYS and "metric" not in mapping and implied_metric(mapping):
        missing -= 1
    return required_found * 2 + identifying_found + len(mapping) * 0.1 - missing * 3


def implied_metric(mapping: dict[str, str]) -> str | None:
    """The metric a survey sheet without a metric column implies by its score header."""
    score_header = mapping.get("score")
    return METRIC_FROM_SCORE_HEADER.get(normalise_header(score_header)) if score_header else None


def detect_layout(headers: list[str], kind: str | None = None) -> Layout | None:
    """The layout whose columns the headers fit best, among those of `kind` when it is given."""
    candidates = layouts_for(kind) if kind else LAYOUTS
    scored = sorted(((layout_fit(headers, layout), i, layout) for i, layout in enumerate(candidates)),
                    key=lambda item: (-item[0], item[1]))
    best_score, _, best = scored[0]
    if kind:
        return best
    return best if best_score > 1 else None


def header_matches(cells: list[str]) -> int:
    """How many cells of a row look like a header of any known layout (to find the header row)."""
    known: set[str] = set()
    for layout in LAYOUTS:
        for column in layout.columns:
            known.add(column.name)
            known.update(column.aliases)
    return sum(1 for cell in cells if cell and normalise_header(cell) in known)
