"""Figures by dimension and filter, a value's themes and calls, theme impact, untagged phrases:
each against figures worked out by hand for a small store."""

import math

import pandas as pd
import pytest

from conftest import load_text as load
from conftest import tag_texts
from empathy import language
from empathy.figures.explore import (
    calls_in_scope,
    hurting_first,
    languages_said,
    measured,
    segment_figures,
    theme_impact,
    theme_mentions,
    untagged_phrases,
    value_trends,
)
from empathy.figures.metrics import iso_week, weeks_ending
from empathy.figures.scope import NOT_SET, Scope
from empathy.figures.settings import Settings
from empathy.figures.voice import VoiceRule
from empathy.meeting.wording import language_mix
from sentiment.scoring import score_text

W37 = iso_week("2026-W37")  # 2026-09-07 .. 2026-09-13
SETTINGS = Settings(min_n=3, trend_windows=3)
BILL = "The invoice is wrong again and nobody answers us."
SLOW = "Reports are slow every single morning."


@pytest.fixture
def small(store):
    load(store, "account_id,segment,customer_type\nS1,SMB,external\nS2,SMB,\nE1,Enterprise,external\n"
                "I1,Enterprise,internal\nX1,,external\n", "accounts.csv")
    rows = ["response_id,account_id,respondent_role,submitted_at,metric,score,comment"]
    rows += [  # W37: SMB 10, 9, 2, 5 (2 promoters, 2 detractors of 4); Enterprise 10, 8, 7; no segment 0
        "R1,S1,admin,2026-09-07,nps,10,Great product",
        f"R2,S1,end user,2026-09-08,nps,9,\"{SLOW}\"",
        f"R3,S2,end user,2026-09-09,nps,2,\"{BILL}\"",
        f"R4,S2,admin,2026-09-10,nps,5,\"{BILL}\"",
        "R5,E1,admin,2026-09-08,nps,10,", "R6,E1,end user,2026-09-09,nps,8,", "R7,I1,admin,2026-09-10,nps,7,",
        "R8,X1,admin,2026-09-11,nps,0,Nothing works and nobody told us",
        # W36: SMB 10, 10, 3 -> NPS 33.3
        "R9,S1,admin,2026-09-01,nps,10,", "R10,S1,admin,2026-09-02,nps,10,", "R11,S2,admin,2026-09-03,nps,3,",
        "R12,S1,admin,2026-09-08,csat,5,", "R13,S2,admin,2026-09-08,csat,2,",
    ]
    load(store, "\n".join(rows), "surveys.csv")
    load(store, "call_id,account_id,started_at,call_type,transcript\n"
                f'K1,S1,2026-09-08 10:00,support,"Agent: Hello\nCustomer: {BILL}\nAgent: Sorry"\n'
                'K2,E1,2026-09-09 10:00,sales,"Agent: Hello\nCustomer: Thanks, this is wonderful, we love it."\n'
                'K3,S2,2026-09-10 10:00,support,"Agent: Hello\nCustomer: Okay."\n', "calls.csv")
    return store


def nps(*scores):
    return 100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores)


def row(frame, value, metric):
    found = frame[(frame["value"] == value) & (frame["metric"] == metric)]
    assert len(found) == 1, (value, metric)
    return found.iloc[0]


def test_nps_by_segment_with_n_margin_and_change(small):
    frame = segment_figures(small, W37, Scope("segment"), SETTINGS)
    smb = row(frame, "SMB", "nps")
    assert smb["figure"] == pytest.approx(nps(10, 9, 2, 5)) and smb["n"] == 4
    p_pro, p_det = 2 / 4, 2 / 4
    assert smb["margin_of_error"] == pytest.approx(1.96 * math.sqrt((p_pro + p_det - (p_pro - p_det) ** 2) / 4) * 100)
    assert smb["previous"] == pytest.approx(nps(10, 10, 3))
    assert smb["delta"] == pytest.approx(nps(10, 9, 2, 5) - nps(10, 10, 3))
    assert not smb["low_n"]
    enterprise = row(frame, "Enterprise", "nps")
    assert enterprise["figure"] == pytest.approx(nps(10, 8, 7)) and enterprise["n"] == 3
    assert row(frame, NOT_SET, "nps")["figure"] == -100 and row(frame, NOT_SET, "nps")["low_n"]
    csat = row(frame, "SMB", "csat")
    assert csat["figure"] == 50 and csat["margin_of_error"] == pytest.approx(100 * 1.96 * math.sqrt(0.25 / 2))


def test_sentiment_by_call_type_and_figures_a_dimension_cannot_have(small):
    assert measured(Scope("respondent_role")) == ["nps", "csat", "ces"]
    assert measured(Scope("call_type")) == ["sentiment"]
    assert measured(Scope("theme")) == ["nps", "csat", "ces", "sentiment"]
    roles = segment_figures(small, W37, Scope("respondent_role"), SETTINGS)
    assert set(roles["metric"]) == {"nps", "csat", "ces"}
    assert row(roles, "end user", "nps")["figure"] == pytest.approx(nps(9, 2, 8))
    types = segment_figures(small, W37, Scope("call_type"), SETTINGS)
    assert set(types["value"]) == {"support", "sales"} and row(types, "support", "sentiment")["n"] == 2


def test_customer_type_counts_an_empty_type_as_external(small):
    frame = segment_figures(small, W37, Scope("customer_type"), SETTINGS)
    assert row(frame, "internal", "nps")["n"] == 1
    assert row(frame, "external", "nps")["n"] == 7


def test_a_second_filter_narrows_smb_to_billing(small):
    scope = Scope("theme", (("segment", "SMB"),))
    frame = segment_figures(small, W37, scope, SETTINGS)
    billing = row(frame, "billing", "nps")
    assert billing["figure"] == pytest.approx(nps(2, 5)) and billing["n"] == 2
    assert row(frame, "billing", "sentiment")["n"] == 1  # K1: an SMB call whose customer mentions the invoice
    assert row(frame, "performance", "nps")["n"] == 1


def test_values_are_ordered_by_what_hurts_most(small):
    frame = segment_figures(small, W37, Scope("segment"), SETTINGS)
    # SMB 0 and Enterprise 33 have enough answers; (not set) has 1 (low n) so it comes after them
    assert hurting_first(frame, "nps") == ["SMB", "Enterprise", NOT_SET]


def test_on_call_sentiment_the_highest_share_of_unhappy_calls_hurts_most():
    frame = pd.DataFrame({"value": ["calm", "angry", "few"], "metric": "sentiment", "figure": [10.0, 60.0, 90.0],
                          "low_n": [False, False, True]})
    assert hurting_first(frame, "sentiment") == ["angry", "calm", "few"]


def test_trend_of_one_value_over_the_trend_windows(small):
    trend = value_trends(small, W37, Scope(None, (("segment", "SMB"),)), SETTINGS)
    smb = trend[trend["metric"] == "nps"]
    assert smb["window"].tolist() == ["2026-W35", "2026-W36", "2026-W37"]
    assert smb["value"].tolist()[1:] == pytest.approx([nps(10, 10, 3), nps(10, 9, 2, 5)])
    assert math.isnan(smb["value"].tolist()[0])


def test_theme_mentions_count_comments_and_customer_turns_in_scope(small):
    found = theme_mentions(small, W37, Scope(None, (("segment", "SMB"),)), "UTC").set_index("theme")
    assert found.loc["billing", "mentions"] == 3  # R3, R4 and K1's customer turn
    assert found.loc["billing", "negative"] == 3
    assert found.loc["performance", "mentions"] == 1


def test_calls_in_scope_most_negative_first(small):
    calls = calls_in_scope(small, W37, Scope(None, (("segment", "SMB"),)), "UTC")
    assert calls["call_id"].tolist() == ["K1", "K3"]
    assert calls_in_scope(small, W37, Scope(None, (("respondent_role", "admin"),)), "UTC").empty


def test_theme_impact_is_the_gap_and_its_weight_in_the_overall_score(small):
    impact = theme_impact(small, W37, "UTC").set_index("theme")
    all_scores = [10, 9, 2, 5, 10, 8, 7, 0]
    billing, rest = [2, 5], [10, 9, 10, 8, 7, 0]
    assert impact.loc["billing", "n"] == 2 and impact.loc["billing", "n_without"] == 6
    assert impact.loc["billing", "gap"] == pytest.approx(nps(*billing) - nps(*rest))
    assert impact.loc["billing", "effect"] == pytest.approx(nps(*all_scores) - nps(*rest))
    assert impact.loc["billing", "effect"] == pytest.approx(2 / 8 * (nps(*billing) - nps(*rest)))
    assert impact.index[0] == "billing"  # the most costly first


def test_untagged_phrases_come_from_negative_verbatims_without_a_theme(small):
    load(small, "submitted_at,metric,score,comment\n"
                "2026-09-08,nps,1,The export wizard keeps losing my columns. Awful.\n"
                "2026-09-09,nps,2,Terrible: the export wizard keeps losing columns.\n"
                "2026-09-09,nps,10,The export wizard keeps losing columns but I love you anyway!\n", "more.csv")
    phrases = untagged_phrases(small, weeks_ending(W37, 1), "UTC", VoiceRule())
    counts = dict(zip(phrases["phrase"], phrases["verbatims"]))
    assert counts["export wizard keeps"] == 2 and counts["wizard keeps losing"] == 2  # not the positive one
    assert "export wizard" not in counts  # inside a longer phrase found as often
    assert "the export" not in counts and "invoice is wrong" not in counts  # a common word at the edge; tagged
    assert phrases["example"][0].startswith(("The export wizard keeps losing my", "Terrible"))


def test_untagged_korean_phrases_are_listed_by_lemma(small):
    """늦게 와요, 늦게 옵니다 and 늦게 와서 are one phrase, 알림 늦다 오다: what a person adds to the taxonomy,
    which then matches every form of it."""
    load(small, "submitted_at,metric,score,comment\n"
                "2026-09-08,nps,1,모바일 알림이 너무 늦게 와요. 최악이에요.\n"
                "2026-09-09,nps,2,모바일 알림이 정말 늦게 옵니다.\n"
                "2026-09-10,nps,3,모바일 알림이 늦게 와서 짜증나요.\n", "korean.csv")
    counts = dict(untagged_phrases(small, weeks_ending(W37, 1), "UTC", VoiceRule())[["phrase", "verbatims"]]
                  .itertuples(index=False))
    assert counts["모바일 알림 늦다"] == 3 and counts["알림 늦다 오다"] == 3
    assert not any(word in phrase for phrase in counts for word in ("와요", "옵니다", "너무", "정말", "알림이"))
    taxonomy = {"notifications": ["알림 늦다"]}
    later = "알림이 또 늦게 왔어요"
    assert tag_texts([later], taxonomy, [score_text(later).lemmas]) == [["notifications"]]


def test_languages_said_counts_calls_and_comments_by_language(small):
    load(small, "account_id,submitted_at,metric,score,comment\n"
                "S1,2026-09-08,nps,1,결제가 또 안 돼요. 정말 최악이에요.\n"
                "S1,2026-09-09,nps,9,지원팀이 빠르게 해결해 주셨어요.\n"
                "S2,2026-09-09,nps,3,La factura está mal otra vez y nadie responde nuestras llamadas.\n"
                "E1,2026-09-09,nps,3,결제가 안 돼요.\n", "more.csv")
    load(small, "call_id,account_id,started_at,transcript\n"
                'K4,S2,2026-09-11 10:00,"상담원: 안녕하세요\n고객: 청구서가 틀렸어요. 확인 부탁드립니다."\n', "calls.csv")
    smb = Scope(None, (("segment", "SMB"),))
    counts = languages_said(small, weeks_ending(W37, 1), smb, "UTC")
    # SMB in W37: comments R1, R2, R3, R4 in English, two Korean, one Spanish (E1 is Enterprise); calls
    # K1 and K3 in English (too short for CLD2 to tell, "Okay." is VADER's), K4 in Korean
    assert {(row.kind, row.language): row.n for row in counts.itertuples()} == {
        ("comment", "en"): 4, ("comment", "ko"): 2, ("comment", "es"): 1, ("call", "en"): 2, ("call", "ko"): 1}
    assert language_mix(counts) == "1 Korean, 2 English calls; 2 Korean, 4 English comments " \
                                   "(1 in other languages, not scored)"
    with language.speaking("ko"):
        assert language_mix(counts) == "통화 한국어 1건, 영어 2건; 의견 한국어 2건, 영어 4건 (다른 언어 1건, 채점 안 함)"
        assert language_mix(counts[counts["language"] == "es"]) == "다른 언어 의견 1건, 채점 안 함"
