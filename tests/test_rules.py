from datetime import date

import pandas as pd
import pytest

from conftest import load_text as load
from empathy.rules import Thresholds, flag_accounts

AS_OF = date(2026, 9, 30)  # the trailing 30 days: 2026-09-01 .. 2026-09-30


@pytest.fixture
def flags(store):
    load(store, "account_id,account_name,arr\nCALLER,Calls A Lot,10\nESC,Escalates,20\nMOST,Most Escalations,30\n"
                "SAD,Unhappy,40\nQUIET,Stopped Answering,50\nFINE,All Good,60\n", "accounts.csv")
    calls = ["call_id,account_id,started_at,call_type,escalated,transcript"]
    calls += [f"K{i},CALLER,2026-09-{10 + i},support,no,\"Agent: hi\nCustomer: thanks, all good\"" for i in range(3)]
    calls += ["K9,CALLER,2026-09-12,sales,no,", "K8,FINE,2026-08-15,support,yes,"]  # sales and old calls don't count
    calls += ["E1,ESC,2026-09-03,support,yes,", "E2,ESC,2026-09-04,support,yes,", "E3,ESC,2026-09-05,support,yes,"]
    calls += ["M1,MOST,2026-09-03,support,yes,", "M2,MOST,2026-09-04,support,yes,", "M3,MOST,2026-09-05,support,yes,"]
    calls += ['S1,SAD,2026-09-20,support,no,"Agent: hello\nCustomer: This is awful and broken."']
    load(store, "\n".join(calls), "calls.csv")
    load(store, "account_id,submitted_at,metric,score\nSAD,2026-09-21,nps,4\nFINE,2026-09-21,nps,9\n"
                "FINE,2026-08-20,nps,2\n", "surveys.csv")
    load(store, "period_start,account_id,metric,invited,responded\n"
                "2026-08-10,QUIET,nps,10,8\n2026-09-10,QUIET,nps,10,4\n"
                "2026-08-10,FINE,nps,10,8\n2026-09-10,FINE,nps,10,5\n", "participation.csv")
    return flag_accounts(store, AS_OF, Thresholds()).set_index("account_id")


def test_statuses(flags):
    assert flags["status"].to_dict() == {"CALLER": "yellow", "ESC": "red", "MOST": "red", "SAD": "yellow",
                                         "QUIET": "yellow", "FINE": "green"}


def test_every_flag_says_why(flags):
    assert flags.loc["CALLER", "reasons"] == ["3 support calls in 30 days"]
    assert flags.loc["ESC", "reasons"][0] == "3 escalated calls in 30 days"
    assert flags.loc["QUIET", "reasons"] == ["survey participation down from 80% to 40%"]
    sad = flags.loc["SAD", "reasons"]
    assert sad[0] == "1 detractor answer (lowest NPS 4)"
    assert sad[1].startswith("negative call sentiment (mean -")
    assert flags.loc["FINE", "reasons"] == []  # 80% -> 50% is not half; the detractor is from August


def test_the_account_with_the_most_escalations_is_red_even_below_the_threshold(store):
    load(store, "account_id\nONE\nNONE\n", "accounts.csv")
    load(store, "call_id,account_id,started_at,escalated\nX1,ONE,2026-09-10,yes\n", "calls.csv")
    flags = flag_accounts(store, AS_OF, Thresholds()).set_index("account_id")
    assert flags.loc["ONE", "status"] == "red"
    assert flags.loc["ONE", "reasons"] == ["the most escalations of any account (1 in 30 days)"]
    assert flags.loc["NONE", "status"] == "green"


def test_last_contact_is_the_latest_call_before_the_end_of_the_period(flags):
    assert str(flags.loc["CALLER", "last_contact"]) == "2026-09-12 00:00:00"  # a sales call is contact too
    assert str(flags.loc["FINE", "last_contact"]) == "2026-08-15 00:00:00"  # outside the 30 days, still the last
    assert pd.isna(flags.loc["QUIET", "last_contact"])
