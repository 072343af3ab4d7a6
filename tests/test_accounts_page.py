"""The Accounts page on the demo data: the early-warning list against pandas over the demo CSVs, an
account's story from a shared URL, and thresholds saved from the page."""

import pandas as pd

from conftest import SMB_LEAD, demo_frame
from empathy.store import Store
from empathy.store import actions as kept_actions

END = pd.Timestamp("2026-11-23")  # the 30 days ending Sun 22 Nov, W47's last day


def escalations_in_30_days() -> pd.Series:
    calls = demo_frame("calls", parse_dates=["started_at"])
    recent = calls[(calls["started_at"] >= END - pd.Timedelta(days=30)) & (calls["started_at"] < END)]
    return recent[recent["escalated"] == "yes"].groupby("account_id").size()


def test_red_accounts_are_those_with_two_escalations(open_page):
    at = open_page("accounts", window="2026-W47", weeks="1", status="red")
    escalations = escalations_in_30_days()
    expected = set(escalations[escalations >= 2].index)  # on the demo, no account shows three yellow signs
    table = at.dataframe[0].value
    assert set(table["account_id"]) == expected and set(table["status"]) == {"● red"}
    arr = demo_frame("accounts").set_index("account_id")["arr"]
    assert table["arr"].tolist() == sorted(arr[list(expected)], reverse=True)  # the most ARR first
    assert at.multiselect(key="acc-status").value == ["red"]


def test_an_accounts_story_opens_from_a_shared_url(open_page):
    at = open_page("accounts", window="2026-W47", weeks="1", account="A1087")
    accounts = demo_frame("accounts").set_index("account_id")
    assert [t.value for t in at.title] == [accounts.loc["A1087", "account_name"]]
    answers = demo_frame("survey_responses")
    calls = demo_frame("calls")
    timeline = at.dataframe[2].value
    renewals = demo_frame("renewals").query("account_id == 'A1087'")
    shown = at.dataframe[1].value
    assert shown["outcome"].tolist() == renewals["outcome"].tolist()
    assert (shown["arr_after"] - shown["arr_before"]).tolist() == shown["change"].tolist()
    next_renewal = pd.Timestamp(renewals["renewal_date"].iloc[0]) + pd.DateOffset(years=1)
    assert f"**Next renewal:** {next_renewal:%a %d %b %Y}." in [m.value for m in at.markdown]
    assert len(timeline) == (answers["account_id"] == "A1087").sum() + (calls["account_id"] == "A1087").sum()
    assert (timeline["kind"] == "call").sum() == (calls["account_id"] == "A1087").sum()
    at.selectbox(key="acc-call").select(timeline.loc[timeline["kind"] == "call", "ref_id"].iloc[0]).run()
    assert 'class="turn customer' in "\n".join(m.value for m in at.markdown)
    at.button(key="acc-back").click().run()
    assert [t.value for t in at.title] == ["Accounts"] and "account" not in at.query_params


def test_in_korean_an_accounts_timeline_says_what_each_line_is_in_korean(open_page):
    at = open_page("accounts", window="2026-W47", weeks="1", account="A1108", lang="ko")
    calls = demo_frame("calls").query("account_id == 'A1108'").set_index("call_id")
    answers = demo_frame("survey_responses").query("account_id == 'A1108'").set_index("response_id")
    timeline = at.dataframe[2].value.set_index("ref_id")
    kinds = {"support": "지원", "sales": "영업", "success": "고객 성공"}
    said = timeline.loc[calls.index]
    assert (said["kind"] == "통화").all()
    assert said["who"].tolist() == [f"{kinds[c.call_type]} 통화 · 상담원 {c.agent}" for c in calls.itertuples()]
    assert said["text"].eq("에스컬레이션됨").tolist() == calls["escalated"].eq("yes").tolist()
    assert timeline.loc[answers.index, "kind"].tolist() == [f"{m.upper()} 응답" for m in answers["metric"]]
    assert " · 외부 · id A1108" in at.markdown[1].value  # the customer type
    outcomes = {"renewed": "갱신", "churned": "이탈", "downgraded": "축소", "expanded": "확대"}
    renewed = demo_frame("renewals").query("account_id == 'A1108'")["outcome"]
    assert at.dataframe[1].value["outcome"].tolist() == [outcomes[o] for o in renewed]


def test_thresholds_show_what_they_would_flag_then_save_to_the_file(open_page, own_settings_and_themes):
    at = open_page("accounts", window="2026-W47", weeks="1", status="red")
    escalations = escalations_in_30_days()
    flagged = {m.label: int(m.value) for m in at.metric}
    assert flagged["Flagged by escalations"] == (escalations >= 2).sum()
    at.number_input(key="thr-escalations-0").set_value(6).run()
    at.number_input(key="thr-several signs-0").set_value(4).run()
    flagged = {m.label: int(m.value) for m in at.metric}
    assert flagged["Flagged by escalations"] == (escalations >= 6).sum() and flagged["Flagged by several signs"] == 0
    assert f"**{(escalations >= 6).sum()} red**" in " ".join(m.value for m in at.markdown)
    assert set(at.dataframe[0].value["account_id"]) == set(escalations[escalations >= 2].index)  # not saved yet
    at.button(key="thr-save").click().run()
    assert "red_escalations = 6" in (own_settings_and_themes / "settings.toml").read_text(encoding="utf-8")
    assert set(at.dataframe[0].value["account_id"]) == set(escalations[escalations >= 6].index)
    assert any("Saved" in s.value for s in at.success)


def test_a_product_lead_limited_to_smb_sees_smb_accounts_and_no_other_story(open_page):
    accounts = demo_frame("accounts").set_index("account_id")
    outside = accounts.index[accounts["segment"] != "SMB"][0]
    at = open_page("accounts", as_user=SMB_LEAD, window="2026-W47", weeks="1", status="red,yellow,green",
                   account=outside)
    assert [t.value for t in at.title] == ["Accounts"]  # a link to another segment's account opens nothing
    table = at.dataframe[0].value
    assert set(table["account_id"]) == set(accounts.index[accounts["segment"] == "SMB"])
    assert not any("thresholds" in e.label for e in at.expander)  # analysts change them


def test_an_action_on_an_account_story_by_its_product_lead(open_page, db_path):
    smb = demo_frame("accounts")
    account = smb[smb["segment"] == "SMB"]["account_id"].iloc[0]
    at = open_page("accounts", as_user=SMB_LEAD, account=account)
    at.text_input(key="acc-action-what").input("Offer a training session")
    at.text_input(key="acc-action-owner").input("Sam Lee")
    at.button(key=next(b.key for b in at.button if b.label == "Record the action")).click().run()
    assert [s.value for s in at.success] == ["Action 1 recorded."]
    assert "**#1 Offer a training session** · Sam Lee" in "".join(m.value for m in at.markdown)
    found = kept_actions.every(Store.open(db_path))
    assert found[["link_kind", "link", "created_by"]].values.tolist() == [["account", account, SMB_LEAD.identity]]
