"""The Backtest page on the demo data: the renewals it counts and its base rate against pandas over the
demo CSVs; the horizon moves the flag day."""

import pandas as pd

from conftest import demo_frame


def expected(horizon: int) -> tuple[int, int, int]:
    """Renewals counted (flag day on or after the first data day + 29), left out, and churned or downgraded."""
    answers = demo_frame("survey_responses", parse_dates=["submitted_at"])
    calls = demo_frame("calls", parse_dates=["started_at"])
    first = min(answers["submitted_at"].min(), calls["started_at"].min()).normalize()
    renewals = demo_frame("renewals", parse_dates=["renewal_date"])
    counted = renewals[renewals["renewal_date"] - pd.Timedelta(days=horizon) >= first + pd.Timedelta(days=29)]
    return len(counted), len(renewals) - len(counted), int(counted["outcome"].isin(["churned", "downgraded"]).sum())


def text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_page_counts_the_demo_renewals_and_their_base_rate(open_page):
    at = open_page("backtest")
    n, left_out, bad = expected(90)
    assert f"**{n} renewals** judged on each account's flag 90 days before · {left_out} left out" in text(at)
    assert f"**{bad / n:.0%} of {n} ({bad};" in text(at)
    table = at.dataframe[0].value.set_index("name")
    assert table.loc[["red", "yellow", "green"], "n"].sum() == n
    assert table.loc[["red", "yellow", "green"], "bad"].sum() == bad
    assert table.loc["red or yellow", "n"] == table.loc[["red", "yellow"], "n"].sum()


def test_a_shorter_horizon_counts_more_renewals(open_page):
    at = open_page("backtest")
    at.number_input(key="bt-horizon").set_value(30).run()
    n, left_out, _ = expected(30)
    assert f"**{n} renewals** judged on each account's flag 30 days before · {left_out} left out" in text(at)
