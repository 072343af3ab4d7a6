"""The Segments page on the demo data, with its state in the URL, against pandas over the demo CSVs."""

import json
import re

import pandas as pd
import pyarrow as pa
import pytest

from conftest import demo_frame, first_demo_call

W47 = ("2026-11-16", "2026-11-23")


def nps_by(column: str, start: str, end: str, **only) -> pd.DataFrame:
    answers = demo_frame("survey_responses", parse_dates=["submitted_at"]).merge(
        demo_frame("accounts"), on="account_id", how="left")
    answers = answers[(answers["metric"] == "nps") & (answers["submitted_at"] >= start) & (answers["submitted_at"] < end)]
    for key, value in only.items():
        answers = answers[answers[key] == value]
    return answers.groupby(column)["score"].agg(
        nps=lambda s: 100 * ((s >= 9).mean() - (s <= 6).mean()), n="size")


def test_nps_by_segment_hurting_most_first(open_page):
    at = open_page("segments", dim="segment", window="2026-W47", weeks="1")
    table = at.dataframe[0].value
    expected = nps_by("segment", *W47)
    assert set(table["Value"]) == set(expected.index)
    for row in table.itertuples():
        assert row.NPS.startswith(f"{expected.loc[row.Value, 'nps']:+.0f} ±")
        assert f"· n {expected.loc[row.Value, 'n']}" in row.NPS
    judged = expected[expected["n"] >= 30].sort_values("nps").index.tolist()
    assert table["Value"].tolist()[:len(judged)] == judged
    chart = at.get("vega_lite_chart")[0]
    spec = json.loads(chart.proto.spec)
    assert spec["layer"][0]["encoding"]["x"]["title"] == "NPS ± 95% margin of error"
    bars = pa.ipc.open_stream(chart.proto.datasets[0].data.data).read_all().to_pandas()
    assert bars.set_index("value")["figure"].to_dict() == pytest.approx(expected["nps"].to_dict())


def test_in_korean_a_split_kept_as_codes_reads_in_korean_and_still_drills_down(open_page):
    at = open_page("segments", dim="customer_type", window="2026-W47", weeks="1", lang="ko")
    expected = nps_by("customer_type", *W47)
    words = {"external": "외부", "internal": "내부"}
    table = at.dataframe[0].value
    assert {value: nps.split(" ±")[0] for value, nps in zip(table.iloc[:, 0], table.iloc[:, 1])} == \
        {words[kind]: f"{nps:+.0f}" for kind, nps in expected["nps"].items()}
    drilled = open_page("segments", dim="customer_type", value="external", window="2026-W47", weeks="1", lang="ko")
    assert [h.value for h in drilled.header] == ["외부"] and drilled.selectbox(key="seg-value").value == "external"


def test_respondent_role_has_no_call_figures(open_page):
    at = open_page("segments", dim="respondent_role", window="2026-W47", weeks="1")
    table = at.dataframe[0].value
    assert list(table.columns) == ["Value", "NPS", "CSAT", "CES"]
    expected = nps_by("respondent_role", *W47)
    assert {row.Value: row.NPS.split(" ±")[0] for row in table.itertuples()} == \
        {role: f"{nps:+.0f}" for role, nps in expected["nps"].items()}


def test_a_shared_url_opens_the_drill_down_and_the_call(open_page):
    call = first_demo_call("SMB", *W47)
    at = open_page("segments", dim="segment", value="SMB", window="2026-W47", weeks="1", call=call["call_id"])
    assert [h.value for h in at.header] == ["SMB"]
    assert at.selectbox(key="seg-value").value == "SMB" and at.selectbox(key="seg-call").value == call["call_id"]
    calls = demo_frame("calls", parse_dates=["started_at"]).merge(demo_frame("accounts"), on="account_id")
    smb_calls = calls[(calls["segment"] == "SMB") & (calls["started_at"] >= W47[0]) & (calls["started_at"] < W47[1])]
    offered = {option.split(" · ")[0] for option in at.selectbox(key="seg-call").options if option != "pick one"}
    assert offered == set(smb_calls["call_id"])
    customer_lines = re.findall(r"(?m)^(?:\[[\d:]+\] )?Customer:", call["transcript"])  # stamped or not
    page = "\n".join(m.value for m in at.markdown)
    assert page.count('class="turn customer') == len(customer_lines)
    assert call["account_name"] in page


def test_narrowing_to_a_theme_and_the_url_follows_the_widgets(open_page):
    at = open_page("segments", dim="segment", window="2026-W47", weeks="1", **{"and": "theme", "is": "billing"})
    assert at.selectbox(key="seg-is").value == "billing"
    at.selectbox(key="seg-value").select("SMB").run()
    assert at.query_params["value"] == "SMB" and at.query_params["is"] == "billing"
    assert [h.value for h in at.header] == ["billing × SMB"]
    at.selectbox(key="seg-dim").select("region").run()
    assert at.query_params["dim"] == "region" and "value" not in at.query_params  # SMB is not a region


def test_a_drilled_segment_says_how_many_calls_and_comments_are_in_each_language(open_page):
    """Worked out from the demo CSVs: Hangul in a comment (or a call's customer lines) makes it Korean. The
    week is the last of the demo's in which Enterprise accounts both wrote and spoke Korean."""
    accounts = demo_frame("accounts")
    enterprise = set(accounts.loc[accounts["segment"] == "Enterprise", "account_id"])
    hangul = "[가-힣]"
    answers = demo_frame("survey_responses", parse_dates=["submitted_at"])
    answers = answers[answers["account_id"].isin(enterprise) & answers["comment"].notna()]
    calls = demo_frame("calls", parse_dates=["started_at"])
    calls = calls[calls["account_id"].isin(enterprise)]
    said = calls["transcript"].map(lambda t: "\n".join(re.findall(r"(?m)^(?:\[[\d:]+\] )?Customer:.*$", t)))
    korean_weeks = set(calls.loc[said.str.contains(hangul), "started_at"].dt.strftime("%G-W%V")) \
        & set(answers.loc[answers["comment"].str.contains(hangul), "submitted_at"].dt.strftime("%G-W%V"))
    week = max(korean_weeks)
    at = open_page("segments", dim="segment", value="Enterprise", window=week, weeks="1")
    comments = answers.loc[answers["submitted_at"].dt.strftime("%G-W%V") == week, "comment"]
    in_week = calls["started_at"].dt.strftime("%G-W%V") == week
    korean_calls = int(said[in_week].str.contains(hangul).sum())
    korean_comments = int(comments.str.contains(hangul).sum())
    calls = calls[in_week]
    expected = (f"In {week}: {korean_calls} Korean, {len(calls) - korean_calls} English calls; "
                f"{korean_comments} Korean, {len(comments) - korean_comments} English comments.")
    assert expected in [caption.value for caption in at.caption]
