"""One account's story: profile, timeline of answers and calls (redacted), participation by week."""

import pytest

from conftest import load_text as load
from empathy.figures.accounts import directory, participation_history, profile, timeline
from empathy.figures.voice import VoiceRule


@pytest.fixture
def account(store):
    load(store, "account_id,account_name,segment,arr,contacts\nA1,Acme,SMB,1200,Jo Bloggs\nB2,Other,SMB,5,\n",
         "accounts.csv")
    load(store, "account_id,submitted_at,metric,score,comment\nA1,2026-09-02,nps,3,Jo Bloggs is furious about it\n"
                "A1,2026-09-09,csat,5,\nB2,2026-09-03,nps,10,\n", "surveys.csv")
    load(store, "call_id,account_id,started_at,escalated,agent,transcript\n"
                'K1,A1,2026-09-05 10:00,yes,Sam,"Agent: Hi\nCustomer: It is broken again."\n', "calls.csv")
    load(store, "period_start,account_id,invited,responded\n2026-09-01,A1,4,1\n2026-09-03,A1,4,2\n"
                "2026-09-08,A1,5,5\n2026-09-01,B2,9,9\n", "participation.csv")
    return store


def test_profile_leaves_the_contacts_out(account):
    found = profile(account, "A1")
    assert (found["account_name"], found["segment"], found["arr"], found["customer_type"]) == \
        ("Acme", "SMB", 1200.0, "external")
    assert "contacts" not in found and profile(account, "nope") is None


def test_timeline_holds_answers_and_calls_in_order_redacted(account):
    found = timeline(account, "A1", VoiceRule())
    assert found["kind"].tolist() == ["NPS", "call", "CSAT"]
    assert found["text"][0] == "[name] is furious about it"
    assert (found["escalated"][1], found["call_type"][1], found["who"][1]) == (True, "support", "Sam")
    assert found["sentiment"][1] < 0


def test_participation_is_summed_by_iso_week(account):
    found = participation_history(account, "A1")
    assert [str(w)[:10] for w in found["week"]] == ["2026-08-31", "2026-09-07"]
    assert found["invited"].tolist() == [8, 5] and found["responded"].tolist() == [3, 5]
    assert found["rate"].tolist() == pytest.approx([3 / 8, 1.0])


def test_the_directory_lists_accounts_by_name_an_unnamed_one_by_its_id(account):
    load(account, "account_id,segment\nZ9,SMB\n", "more_accounts.csv")
    found = directory(account)
    assert found["account_name"].tolist() == ["Acme", "Other", "Z9"]
    assert found["segment"].tolist() == ["SMB", "SMB", "SMB"]
