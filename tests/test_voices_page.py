"""The Voices page on the demo data: search from a shared URL against pandas, redaction, the whole
context of a result, and exports that go only through the page's own safe buttons."""

import re
import tomllib

import pandas as pd

from conftest import ROOT, SMB_LEAD, demo_frame

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def test_a_word_search_over_comments_counts_what_pandas_counts(open_page):
    at = open_page("voices", q="invoice", sources="comment")
    comments = demo_frame("survey_responses")["comment"].dropna()
    expected = comments.str.lower().str.contains("invoice", regex=False).sum()
    assert any(m.value.startswith(f"**{expected:,} found**") for m in at.markdown)
    shown = at.dataframe[0].value
    assert shown["text"].str.lower().str.contains("invoice").all()
    assert shown["said_at"].is_monotonic_decreasing


def test_results_are_redacted_like_the_board(open_page):
    at = open_page("voices", q="@", sources="comment")  # comments that held an e-mail address
    comments = demo_frame("survey_responses")["comment"].dropna()
    assert comments.str.contains(EMAIL).any()
    texts = at.dataframe[0].value["text"]
    assert not texts.str.contains(EMAIL).any()
    assert texts.str.contains(r"\[email\]", regex=True).any()


def test_negative_billing_comments_in_a_segment_and_a_window(open_page):
    at = open_page("voices", themes="billing", sentiment="-1.0,-0.05", segment="SMB", when="window",
                   window="2026-W47", weeks="1")
    shown = at.dataframe[0].value
    assert not shown.empty and (shown["segment"] == "SMB").all() and (shown["compound"] <= -0.05).all()
    assert shown["said_at"].min() >= pd.Timestamp("2026-11-16") and shown["said_at"].max() < pd.Timestamp("2026-11-23")
    assert at.query_params["sentiment"] == "-1.0,-0.05"  # the slider kept the range it was given


def test_a_result_opens_in_its_whole_call(open_page):
    calls = demo_frame("calls", parse_dates=["started_at"]).sort_values("started_at", ascending=False)
    call_id, transcript, turn = next(
        (row.call_id, row.transcript, number) for row in calls.itertuples()
        for number, line in enumerate(str(row.transcript).splitlines(), start=1)
        if "] Customer:" in line and "invoice" in line.lower())
    at = open_page("voices", q="invoice", sources="call", pick=f"call:{call_id}:{turn}")
    assert at.selectbox(key="v-pick").value == f"call:{call_id}:{turn}"
    page = "\n".join(m.value for m in at.markdown)
    assert f"The whole call {call_id}" in page and f"turn {turn} is the quote" in page
    assert page.count('class="turn customer') + page.count('class="turn agent') == len(transcript.splitlines())
    agent_turns = sum(1 for line in transcript.splitlines() if "] Agent:" in line)
    assert agent_turns and page.count('class="turn agent plain"') == agent_turns  # the agent's words: no score
    assert page.count('class="turn customer plain"') == 0


def test_exports_are_the_pages_own_and_streamlits_table_download_is_off(open_page):
    at = open_page("voices", q="invoice")
    labels = [button.proto.label for button in at.get("link_button")]
    assert labels == ["Export CSV", "Export XLSX"]
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


def test_a_product_lead_limited_to_smb_finds_and_exports_smb_voices_only(open_page):
    accounts = demo_frame("accounts").set_index("account_id")
    outside = accounts.index[accounts["segment"] != "SMB"][0]
    at = open_page("voices", as_user=SMB_LEAD, q="invoice", sources="comment", account=outside)
    answers = demo_frame("survey_responses")
    smb = answers[answers["account_id"].map(accounts["segment"]) == "SMB"]
    expected = smb["comment"].dropna().str.lower().str.contains("invoice", regex=False).sum()
    assert any(m.value.startswith(f"**{expected:,} found**") for m in at.markdown)  # the other account's id is ignored
    shown = at.dataframe[0].value
    assert not shown.empty and (shown["segment"] == "SMB").all()
    assert outside not in at.selectbox(key="v-account").options


def test_a_calls_place_is_worded_in_the_readers_language(open_page):
    english, korean = ({"support": "support call", "sales": "sales call", "success": "success call"},
                       {"support": "지원 통화", "sales": "영업 통화", "success": "고객 성공 통화"})
    places = {lang: open_page("voices", sources="call", lang=lang).dataframe[0].value["context"].tolist()
              for lang in ("en", "ko")}
    call_type = {said: kind for kind, said in english.items()}
    assert len(set(places["en"])) > 1 and set(places["en"]) <= set(english.values())
    assert places["ko"] == [korean[call_type[said]] for said in places["en"]]


def test_in_korean_a_korean_word_finds_the_korean_comments_and_every_box_reads_in_korean(open_page):
    at = open_page("voices", q="연동", sources="comment", lang="ko")
    comments = demo_frame("survey_responses")["comment"].dropna()
    expected = comments.str.contains("연동", regex=False).sum()
    assert expected > 0 and any(m.value.startswith(f"**{expected:,}건 찾음**") for m in at.markdown)
    assert at.dataframe[0].value["text"].str.contains("연동").all()
    assert at.multiselect(key="v-themes").proto.placeholder == "모든 주제"  # not Streamlit's "Choose options"
