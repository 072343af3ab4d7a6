"""Search over every customer voice: words, phrases, theme, sentiment, segment, account, date, and
the redaction of what it shows."""

import pytest

from conftest import load_text as load
from empathy.figures.metrics import iso_week
from empathy.figures.scope import Scope
from empathy.figures.search import VoiceQuery, call_header, call_turns, comment, search
from empathy.figures.voice import VoiceRule

RULE = VoiceRule()


@pytest.fixture
def voices(store):
    load(store, "account_id,segment,contacts\nS1,SMB,Mina Park\nE1,Enterprise,\n", "accounts.csv")
    load(store, "response_id,account_id,submitted_at,metric,score,comment\n"
                "R1,S1,2026-09-08,nps,2,\"Mina here: the invoice was wrong, call me on +1 415 555 2671.\"\n"
                "R2,E1,2026-09-09,nps,9,The renewal date moved and I love the new invoice page.\n"
                "R3,E1,2026-08-01,nps,3,Our invoice date is wrong and this is awful.\n"
                "R4,S1,2026-09-10,nps,8,\n", "surveys.csv")
    load(store, "call_id,account_id,started_at,transcript\n"
                'K1,S1,2026-09-09 10:00,"Agent: Your invoice is ready.\nCustomer: The invoice total is terrible.\nAgent: Sorry"\n',
         "calls.csv")
    return store


def refs(found):
    return sorted(f"{s}:{r}" for s, r in zip(found.rows["source"], found.rows["ref_id"]))


def test_words_match_comments_and_customer_turns_only(voices):
    found = search(voices, VoiceQuery(words="INVOICE"), "UTC", RULE)
    assert found.total == 4 and refs(found) == ["call:K1", "comment:R1", "comment:R2", "comment:R3"]
    assert found.rows["turn"].dropna().tolist() == [2]  # the customer's turn, not the agent's


def test_every_word_must_appear_and_a_quoted_phrase_as_written(voices):
    assert refs(search(voices, VoiceQuery(words="invoice wrong"), "UTC", RULE)) == ["comment:R1", "comment:R3"]
    assert refs(search(voices, VoiceQuery(words='"renewal date"'), "UTC", RULE)) == ["comment:R2"]
    assert refs(search(voices, VoiceQuery(words='"invoice date'), "UTC", RULE)) == ["comment:R2", "comment:R3"]  # as two words


def test_theme_sentiment_segment_account_and_date(voices):
    week = iso_week("2026-W37")
    negative = VoiceQuery(words="invoice", sentiment=(-1.0, -0.05), window=week)
    assert refs(search(voices, negative, "UTC", RULE)) == ["call:K1", "comment:R1"]
    smb = VoiceQuery(themes=("billing",), scope=Scope(None, (("segment", "SMB"),)))
    assert refs(search(voices, smb, "UTC", RULE)) == ["call:K1", "comment:R1"]
    account = VoiceQuery(scope=Scope(None, (("account_id", "E1"),)))
    assert refs(search(voices, account, "UTC", RULE)) == ["comment:R2", "comment:R3"]
    only_calls = VoiceQuery(words="invoice", sources=("call",))
    assert refs(search(voices, only_calls, "UTC", RULE)) == ["call:K1"]


def test_results_are_redacted_newest_first_and_limited(voices):
    found = search(voices, VoiceQuery(words="invoice"), "UTC", RULE, limit=2)
    assert found.total == 4 and len(found.rows) == 2
    assert found.rows["ref_id"].tolist() == ["K1", "R2"]  # 9 Sep 10:00, then 9 Sep 00:00
    mina = search(voices, VoiceQuery(words="call me"), "UTC", RULE).rows["text"].tolist()
    assert mina == ["[name] here: the invoice was wrong, call me on [phone]."]


def test_the_context_of_a_result_is_the_whole_call_or_answer(voices):
    turns = call_turns(voices, "K1", RULE)
    assert turns["role"].tolist() == ["agent", "customer", "agent"]
    assert turns["scored"].tolist() == [False, True, False] and turns.loc[1, "compound"] < 0  # the customer's
    assert call_header(voices, "K1")["segment"] == "SMB"
    answer = comment(voices, "R1", RULE)
    assert (answer["score"], answer["metric"]) == (2, "nps") and "[phone]" in answer["text"]
    assert call_header(voices, "nope") is None and comment(voices, "nope", RULE) is None
