"""The demo data must tell the stories a board would act on; each is checked here from the CSVs."""

import re

import pandas as pd
import pytest

from conftest import demo_story_accounts, tag_texts
from empathy.loading.demo_generator import DEMO_DIR, KOREAN_ACCOUNTS, generate
from empathy.loading.themes import read_taxonomy
from sentiment.calls import analyze_transcript
from sentiment.scoring import score_text

LAST_DAY = pd.Timestamp("2026-11-22 23:59:59")
BILLING = re.compile(r"bill|invoice|charge|refund|prorat|VAT", re.IGNORECASE)
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def demo():
    read = lambda name, **kw: pd.read_csv(DEMO_DIR / name, keep_default_na=False, **kw)  # noqa: E731
    return {
        "accounts": read("accounts.csv"),
        "surveys": read("survey_responses.csv", parse_dates=["submitted_at"]),
        "participation": read("participation.csv", parse_dates=["period_start"]),
        "calls": read("calls.csv", parse_dates=["started_at"]),
        "renewals": read("renewals.csv", parse_dates=["renewal_date"]),
    }


def test_the_generator_reproduces_the_committed_files(tmp_path):
    generate(tmp_path)
    for name in ("accounts.csv", "survey_responses.csv", "participation.csv", "calls.csv", "renewals.csv"):
        assert (tmp_path / name).read_bytes() == (DEMO_DIR / name).read_bytes(), name


def test_size_and_shape(demo):
    assert sum(p.stat().st_size for p in DEMO_DIR.glob("*.csv")) < 10 * 2**20
    accounts = demo["accounts"]
    assert len(accounts) == 120
    assert set(accounts["segment"]) == {"Enterprise", "Mid-Market", "SMB"}
    assert (accounts["customer_type"] == "internal").sum() >= 2
    assert set(demo["surveys"]["respondent_role"]) == {"decision maker", "administrator", "end user"}
    assert 2000 <= len(demo["calls"]) <= 5000
    weeks = demo["surveys"]["submitted_at"].dt.to_period("W-SUN").nunique()
    assert weeks == 52


def test_smb_billing_complaints_rise_over_the_last_two_months(demo):
    surveys = demo["surveys"].merge(demo["accounts"][["account_id", "segment"]], on="account_id")
    smb = surveys[(surveys["segment"] == "SMB") & (surveys["comment"] != "")]
    recent = smb["submitted_at"] > LAST_DAY - pd.Timedelta(weeks=9)
    share = lambda part: part["comment"].str.contains(BILLING).mean()  # noqa: E731
    assert share(smb[recent]) >= 2.5 * share(smb[~recent])
    other = surveys[(surveys["segment"] != "SMB") & (surveys["comment"] != "")]
    other_recent = other["submitted_at"] > LAST_DAY - pd.Timedelta(weeks=9)
    assert share(other[other_recent]) < 1.5 * share(other[~other_recent])  # it is an SMB story


def test_some_enterprise_accounts_disengage_while_their_scores_look_fine(demo):
    """Response rates halve and answers are rushed, yet the NPS they do give stays high."""
    cutoff = LAST_DAY - pd.Timedelta(weeks=4)
    enterprise = demo["accounts"].query("segment == 'Enterprise'")["account_id"]
    part = demo["participation"][demo["participation"]["account_id"].isin(enterprise)]
    rate = lambda p: p.groupby("account_id")[["responded", "invited"]].sum().eval("responded / invited")  # noqa: E731
    rate_before, rate_after = rate(part[part["period_start"] < cutoff]), rate(part[part["period_start"] >= cutoff])
    surveys = demo["surveys"][demo["surveys"]["account_id"].isin(enterprise)]
    recent = surveys["submitted_at"] >= cutoff
    duration_before = surveys[~recent].groupby("account_id")["duration_seconds"].median()
    duration_after = surveys[recent].groupby("account_id")["duration_seconds"].median()
    nps_after = surveys[recent & (surveys["metric"] == "nps")].groupby("account_id")["score"].mean()
    disengaging = [a for a in enterprise
                   if rate_after[a] < 0.5 * rate_before[a]
                   and duration_after.get(a, 99) < 0.25 * duration_before[a]
                   and nps_after.get(a, 0) >= 8]
    assert 3 <= len(disengaging) <= 8


def test_a_few_accounts_call_support_every_week(demo):
    calls = demo["calls"][demo["calls"]["call_type"] == "support"]
    last_four = calls[calls["started_at"] > LAST_DAY - pd.Timedelta(weeks=4)]
    weeks_with_calls = last_four.groupby("account_id")["started_at"].apply(
        lambda s: s.dt.to_period("W-SUN").nunique())
    assert 3 <= (weeks_with_calls == 4).sum() <= 10


def test_a_few_accounts_have_by_far_the_most_escalations(demo):
    calls = demo["calls"]
    recent = calls[(calls["started_at"] > LAST_DAY - pd.Timedelta(days=30)) & (calls["escalated"] == "yes")]
    counts = recent.groupby("account_id").size().sort_values(ascending=False).tolist()
    assert counts[2] >= 4  # the top three have at least four each ...
    assert counts[3] <= 2  # ... and nobody else comes close


def test_some_customers_write_and_speak_korean(demo):
    assert demo["surveys"]["comment"].str.contains(HANGUL).sum() >= 50
    assert demo["calls"]["transcript"].str.contains(HANGUL).sum() >= 20


def test_korean_calls_are_the_calls_english_ones_are(demo):
    """The Korean accounts' calls in Korean come in every kind, and have an unhappy customer about as often as
    their calls in English do (they all did when every Korean call was a complaint and a thank-you)."""
    korean_accounts = demo["accounts"].loc[demo["accounts"]["account_name"].isin(KOREAN_ACCOUNTS), "account_id"]
    calls = demo["calls"][demo["calls"]["account_id"].isin(korean_accounts)]
    in_korean = calls["transcript"].str.contains(HANGUL)
    assert set(calls.loc[in_korean, "call_type"]) == {"support", "success", "sales"}
    unhappy = calls["transcript"].map(lambda text: analyze_transcript(text).figures["unhappy"])
    korean_share, english_share = unhappy[in_korean].mean(), unhappy[~in_korean].mean()
    assert in_korean.sum() >= 20 and (~in_korean).sum() >= 20
    assert 0.1 < korean_share < 0.6 and abs(korean_share - english_share) < 0.25


def test_comments_read_like_people_not_a_template(demo):
    comments = demo["surveys"].loc[demo["surveys"]["comment"] != "", "comment"]
    assert comments.nunique() / len(comments) > 0.4
    assert comments.value_counts().iloc[0] / len(comments) < 0.02


def test_korean_comments_read_like_people_and_speak_of_every_theme(demo):
    """As the English ones do: they were eight lines (five complaints, three of praise) for 239 comments."""
    comments = demo["surveys"]["comment"]
    korean = comments[comments.str.contains(HANGUL)]
    assert korean.nunique() / len(korean) > 0.4
    distinct = korean.drop_duplicates().tolist()
    themes = tag_texts(distinct, read_taxonomy(), [score_text(text).lemmas for text in distinct])
    assert set().union(*themes) == set(read_taxonomy())


def test_calls_are_multi_turn_customer_agent_conversations(demo):
    turns = demo["calls"]["transcript"].str.count(r"(?m)^(?:\[\d\d:\d\d:\d\d\] )?(?:Customer|Agent):")
    assert turns.min() >= 4
    assert demo["calls"]["transcript"].str.contains("Customer:").all()
    assert demo["calls"]["transcript"].str.contains(r"^\[\d\d:\d\d:\d\d\]").mean() > 0.3


def test_renewals_follow_trouble_noisily(demo):
    """Accounts with a run of support calls (4 or more in a month) in the 45-100 days before their renewal churn or
    downgrade far more often than the others; but not all of them, and some calm accounts leave too."""
    renewals, calls = demo["renewals"], demo["calls"]
    assert set(renewals["outcome"]) == {"renewed", "churned", "downgraded", "expanded"}
    paying = demo["accounts"].query("customer_type == 'external'")["account_id"]
    assert sorted(renewals["account_id"]) == sorted(paying)  # one each this year
    def troubled(r) -> bool:
        before = calls[(calls["account_id"] == r.account_id) & (calls["call_type"] == "support")
                       & (calls["started_at"] >= r.renewal_date - pd.Timedelta(days=130))
                       & (calls["started_at"] < r.renewal_date - pd.Timedelta(days=30))]
        return before.set_index("started_at").resample("30D").size().max() >= 4 if len(before) else False
    marked = renewals.assign(troubled=[troubled(r) for r in renewals.itertuples()],
                             bad=renewals["outcome"].isin(["churned", "downgraded"]))
    share = marked.groupby("troubled")["bad"].mean()
    assert share[True] >= 2 * share[False] and share[True] < 1 and share[False] > 0


def test_an_account_that_churned_goes_quiet(demo):
    churned = demo["renewals"].query("outcome == 'churned'")
    assert len(churned) >= 1
    for r in churned.itertuples():
        assert not (demo["surveys"].query("account_id == @r.account_id")["submitted_at"] > r.renewal_date
                    + pd.Timedelta(days=1)).any()
        assert not (demo["calls"].query("account_id == @r.account_id")["started_at"] > r.renewal_date
                    + pd.Timedelta(days=1)).any()


def test_most_story_accounts_are_up_for_renewal_soon(demo):
    """Their last renewal was in the first months, so the next falls within 90 days of the data's end."""
    story = demo_story_accounts()
    due = demo["renewals"].query("account_id in @story")["renewal_date"] + pd.DateOffset(years=1)
    assert (due <= LAST_DAY + pd.Timedelta(days=90)).sum() >= len(story) / 2
