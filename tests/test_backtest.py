"""The backtest against outcomes worked out by hand: six renewals counted, one left out, and a flag
that must not see an escalation dated after its day."""

import json
import math

import pytest

from conftest import empathy
from conftest import load_text as load
from empathy.figures.backtest import backtest


def wilson(hits: int, n: int) -> tuple[float, float]:
    z, p = 1.959963984540054, hits / n
    centre, spread = (p + z * z / (2 * n)), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n)


@pytest.fixture
def renewals(store):
    load(store, "account_id\nA\nB\nC\nD\nE\nF\nG\n", "accounts.csv")
    load(store, "account_id,submitted_at,metric,score\nD,2026-01-01,nps,9\n", "surveys.csv")  # data from 1 Jan
    load(store, "call_id,account_id,started_at,call_type,escalated\n"
                "A1,A,2026-06-20,support,yes\nA2,A,2026-06-25,support,yes\n"  # before A's flag day: red
                "B1,B,2026-07-10,support,yes\nB2,B,2026-07-11,support,yes\n"  # after B's flag day (2 Jul): unseen
                "C1,C,2026-07-01,support,no\nC2,C,2026-07-02,support,no\nC3,C,2026-07-03,support,no\n"
                "C4,C,2026-07-04,support,no\n", "calls.csv")  # C: 4 support calls, none usual: yellow
    load(store, "account_id,renewal_date,outcome\nA,2026-09-30,churned\nB,2026-09-30,downgraded\n"
                "C,2026-10-15,renewed\nD,2026-08-01,renewed\nE,2026-08-01,renewed\nF,2026-08-01,expanded\n"
                "G,2026-02-01,churned\n", "renewals.csv")  # G's flag day (3 Nov 2025) is before any data
    return store


def test_each_renewal_is_judged_on_its_flag_day(renewals):
    found = backtest(renewals)
    assert (found.renewals, found.left_out) == (6, 1)
    flags = found.checked.set_index("account_id")
    assert flags["status"].to_dict() == {"A": "red", "B": "green", "C": "yellow", "D": "green", "E": "green",
                                         "F": "green"}
    assert str(flags.loc["A", "as_of"]) == "2026-07-02"  # 90 days before 30 September


def test_shares_intervals_and_lifts_equal_a_hand_computation(renewals):
    found = backtest(renewals)
    base = 2 / 6  # A churned, B downgraded
    assert (found.base.n, found.base.bad, found.base.share) == (6, 2, pytest.approx(base))
    groups = {g.name: g for g in [*found.statuses, *found.rules]}
    for name, (n, bad) in {"red": (1, 1), "yellow": (1, 0), "green": (4, 1), "red or yellow": (2, 1),
                           "escalations": (1, 1), "support calls": (1, 0)}.items():
        g = groups[name]
        assert (g.n, g.bad) == (n, bad), name
        assert (g.low, g.high) == pytest.approx(wilson(bad, n)), name
        assert (g.lift, g.lift_low, g.lift_high) == pytest.approx(
            (bad / n / base, wilson(bad, n)[0] / base, wilson(bad, n)[1] / base)), name
    # Fisher, red against the rest: [[1, 0], [1, 4]]; only the table seen is as likely: C(2,1)C(4,0)/C(6,1).
    assert groups["red"].p_value == pytest.approx(math.comb(2, 1) * math.comb(4, 0) / math.comb(6, 1))
    assert groups["NPS drop"].n == 0 and groups["NPS drop"].share is None


def test_a_later_answer_changes_no_flag(renewals):
    before = backtest(renewals).checked["status"].tolist()
    load(renewals, "call_id,account_id,started_at,call_type,escalated\nD1,D,2026-07-20,support,yes\n"
                   "D2,D,2026-07-21,support,yes\n", "late.csv")  # after D's renewal and flag day
    assert backtest(renewals).checked["status"].tolist() == before


def test_the_horizon_moves_the_flag_day(renewals):
    # 70 days before 30 September is 22 July: B's escalations of 10 and 11 July are then seen.
    assert backtest(renewals, horizon=70).checked.set_index("account_id").loc["B", "status"] == "red"


def test_command_line_json_and_text(renewals, db_path):
    renewals.close()
    payload = json.loads(empathy("backtest", "--json", db_path=db_path).stdout)
    assert (payload["renewals"], payload["left_out"], payload["base"]["bad"]) == (6, 1, 2)
    assert {g["name"]: g["n"] for g in payload["statuses"]} == {"red": 1, "yellow": 1, "green": 4, "red or yellow": 2}
    text = empathy("backtest", "--horizon", "70", db_path=db_path).stdout
    assert "each account's flag 70 days before it" in text
    assert "red                 100% of 1 (1; 95% CI" in text  # B; A's escalations of June are 32 days old
    assert empathy("backtest", "--horizon", "0", db_path=db_path).returncode == 2
