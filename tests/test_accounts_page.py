"""The Accounts page on the demo data: the early-warning list against pandas over the demo CSVs, an
account's story from a shared URL, and thresholds saved from the page."""

import pandas as pd

from conftest import SMB_LEAD, demo_frame
from empathy.store import Store

END = pd.Timestamp("2026-11-23")  # the 30 days ending Sun 22 Nov, W47's last day


def escalations_in_30_days() -> pd.Series:
    calls = demo_frame("calls", parse_dates=["started_at"])
    recent = calls[(calls["started_at"] >= END - pd.Timedelta(days=30)) & (calls["started_at"] < END)]
    return recent[recent["escalated"] == "yes"].groupby("account_id").size()


def test_red_accounts_are_those_with_two_escalations_or_the_most(open_page):
    at = open_page("accounts", window="2026-W47", weeks="1", status="red")
    escalations = escalations_in_30_days()
    expected = set(escalations[(escalations >= 2) | (escalations == escalations.max())].index)
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
    timeline = at.dataframe[1].value
    assert len(timeline) == (answers["account_id"] == "A1087").sum() + (calls["account_id"] == "A1087").sum()
    assert (timeline["kind"] == "call").sum() == (calls["account_id"] == "A1087").sum()
    at.selectbox(key="acc-call").select(timeline.loc[timeline["kind"] == "call", "ref_id"].iloc[0]).run()
    assert 'class="turn customer' in "\n".join(m.value for m in at.markdown)
    at.button(key="acc-back").click().run()
    assert [t.value for t in at.title] == ["Accounts"] and "account" not in at.query_params


def test_thresholds_saved_on_the_page_change_the_list_and_the_file(open_page, own_settings_and_themes):
    at = open_page("accounts", window="2026-W47", weeks="1", status="red")
    [red] = [n for n in at.number_input if n.label == "Red: escalated calls in the period, at least"]
    red.set_value(100)
    at.button[-1].click().run()  # the form's "Save thresholds"
    assert "red_escalations = 100" in (own_settings_and_themes / "settings.toml").read_text(encoding="utf-8")
    escalations = escalations_in_30_days()
    table = at.dataframe[0].value  # only the account with the most escalations stays red
    assert set(table["account_id"]) == set(escalations[escalations == escalations.max()].index)
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
    found = Store.open(db_path).actions()
    assert found[["link_kind", "link", "created_by"]].values.tolist() == [["account", account, SMB_LEAD.identity]]
