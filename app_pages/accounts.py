"""Accounts: the early-warning list (red, yellow, green, and why), thresholds an analyst can change,
and one account's story: its answers, calls, participation and themes."""

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from empathy.figures import accounts, explore, renewals, search
from empathy.figures.board import data_days
from empathy.figures.metrics import Window
from empathy.figures.rules import Thresholds, account_signals, flag_accounts, judge, rule_counts
from empathy.figures.scope import Scope
from empathy.figures.settings import SettingsError, save_thresholds
from empathy.meeting.charts import answers_chart, calls_chart, participation_chart
from empathy.meeting.wording import money
from ui.actions_view import follow_up_list, record_form
from ui.auth import current_user
from ui.common import action_list, cached, chart_spec, get_settings, get_store, window_or_stop
from ui.explore_view import call_html
from ui.text import literal
from ui.url_state import one_of, publish, seed, some_of

STATUSES = ("red", "yellow", "green")
MARKS = {"red": "● red", "yellow": "● yellow", "green": "● green"}
user = current_user()
store, settings = get_store(user), get_settings()
window = window_or_stop(store, settings, "Accounts")
thresholds = settings.early_warning
flags = cached(flag_accounts, store, window.end, thresholds, settings.timezone)
seed("accounts", {"account": ("acc-account", one_of(flags["account_id"].tolist())),
                  "status": ("acc-status", some_of(STATUSES)),
                  "segment": ("acc-segment", one_of(sorted(flags["segment"].dropna().unique()))),
                  "owner": ("acc-owner", one_of(sorted(flags["owner"].dropna().unique()))), "call": ("acc-call", str)})


def open_account(account_id: str | None) -> None:
    st.session_state["acc-account"] = account_id


def show_list() -> None:
    st.title("Accounts")
    st.caption(f"Early warning over the {thresholds.days} days ending {window.end:%a %d %b %Y}: every flag says "
               "which rule raised it. Click a column header to sort.")
    chosen = st.columns([3, 2, 2, 3])
    statuses = chosen[0].multiselect("Status", STATUSES, default=["red", "yellow"], key="acc-status",
                                     format_func=MARKS.get)
    segment = chosen[1].selectbox("Segment", sorted(flags["segment"].dropna().unique()), index=None,
                                  key="acc-segment", placeholder="any segment")
    owner = chosen[2].selectbox("Owner", sorted(flags["owner"].dropna().unique()), index=None, key="acc-owner",
                                placeholder="any owner")
    words = chosen[3].text_input("Name or id contains", key="acc-words")
    shown = flags[flags["status"].isin(statuses or STATUSES)]
    if segment:
        shown = shown[shown["segment"] == segment]
    if owner:
        shown = shown[shown["owner"] == owner]
    if words:
        shown = shown[shown["account_name"].fillna("").str.contains(words, case=False, regex=False)
                      | shown["account_id"].str.contains(words, case=False, regex=False)]
    counts = " · ".join(f"{(shown['status'] == s).sum()} {s} ({money(shown.loc[shown['status'] == s, 'arr'].sum())} ARR)"
                        for s in STATUSES if s in (statuses or STATUSES))
    st.markdown(f"**{len(shown)} accounts** · {counts}")
    table = shown.assign(status=shown["status"].map(MARKS), reasons=shown["reasons"].map("; ".join),
                         red_first=shown["status"].map({s: i for i, s in enumerate(STATUSES)}))
    table = table.sort_values(["red_first", "arr"], ascending=[True, False])
    st.dataframe(table[["status", "account_name", "account_id", "segment", "arr", "owner", "last_contact", "reasons"]],
                 hide_index=True, width="stretch", column_config={
                     "status": "Status", "account_name": "Account", "account_id": "Id", "segment": "Segment",
                     "arr": st.column_config.NumberColumn("ARR", format="dollar"), "owner": "Owner",
                     "last_contact": st.column_config.DatetimeColumn("Last call", format="YYYY-MM-DD"),
                     "reasons": st.column_config.TextColumn("Why", width="large")})
    names = dict(zip(table["account_id"], table["account_name"].fillna(table["account_id"])))
    st.selectbox("Open an account's story", list(names), index=None, key="acc-open",
                 format_func=lambda a: f"{names[a]} ({a})", placeholder="pick an account",
                 on_change=lambda: open_account(st.session_state["acc-open"]))
    if user.may("edit_thresholds"):
        edit_thresholds()
    publish("accounts", {"status": ",".join(statuses), "segment": segment, "owner": owner, "account": None,
                         "call": None})


def edit_thresholds() -> None:
    with st.expander("Early-warning thresholds (saved to the settings file, for everyone)"):
        st.caption("Change a setting to see at once how many accounts it would flag on "
                   f"{window.end:%d %b %Y}; nothing changes for anyone until you save.")
        t = thresholds
        row = st.columns(2)
        days = row[0].number_input("Period (days)", 1, 365, t.days, key="thr-days")
        baseline = row[1].number_input("The account's usual: days before the period", 1, 730, t.baseline_days,
                                       key="thr-baseline")
        signals = cached(account_signals, store, window.end, replace(t, days=int(days), baseline_days=int(baseline)),
                         settings.timezone)
        rules = {
            "support calls": (("Support calls in the period, at least", 1, 1000, t.frequent_support_calls, 1, None),
                              ("... and times the account's usual, at least", 1.0, 50.0, t.contact_rise, 0.5, "%.1f")),
            "NPS drop": (("NPS answers in the period, at least", 1, 1000, t.nps_answers, 1, None),
                         ("... NPS points below the account's usual, at least", 1.0, 200.0, t.nps_drop, 5.0, "%.0f")),
            "negative calls": (("Mean call sentiment at or below", -1.0, 1.0, t.negative_sentiment, 0.05, "%.2f"),
                               ("... over scored calls, at least", 1, 1000, t.sentiment_calls, 1, None)),
            "participation drop": (("Response rate at or below this share of the usual", 0.05, 1.0,
                                    t.participation_drop, 0.05, "%.2f"),
                                   ("... from invitations in the period, at least", 1, 10000,
                                    t.participation_invited, 1, None)),
            "escalations": (("Red: escalated calls in the period, at least", 1, 1000, t.red_escalations, 1, None),),
            "several signs": (("Red: yellow signs at once, at least", 1, 4, t.red_signs, 1, None),),
        }
        values, spots = {}, {}
        for rule, inputs in rules.items():
            row = st.columns([2, 2, 1])
            values[rule] = [row[i].number_input(label, low, high, value, step=step, format=shown, key=f"thr-{rule}-{i}")
                            for i, (label, low, high, value, step, shown) in enumerate(inputs)]
            spots[rule] = row[2].empty()
        (calls, rise), (answers, drop), (sentiment, scored), (share, invited) = \
            values["support calls"], values["NPS drop"], values["negative calls"], values["participation drop"]
        new = Thresholds(int(days), int(baseline), int(calls), float(rise), int(answers), float(drop), float(sentiment),
                         int(scored), float(share), int(invited), int(values["escalations"][0]),
                         int(values["several signs"][0]))
        judged = judge(signals, new)
        for rule, count in rule_counts(judged).items():
            spots[rule].metric(f"Flagged by {rule}", count)
        red, yellow = (int((judged["status"] == s).sum()) for s in ("red", "yellow"))
        share_of = lambda n: f"{n / max(len(judged), 1):.0%}"  # noqa: E731
        st.markdown(f"With these thresholds: **{red} red** ({share_of(red)}) and **{yellow} yellow** "
                    f"({share_of(yellow)}) of {len(judged)} accounts; saved now: "
                    f"{(flags['status'] == 'red').sum()} red, {(flags['status'] == 'yellow').sum()} yellow.")
        if st.button("Save thresholds", type="primary", key="thr-save"):
            try:
                save_thresholds(store, user, new)
            except (SettingsError, OSError, PermissionError) as error:
                st.error(f"**Not saved.** {literal(error)}")
            else:
                st.session_state["acc-saved"] = True
                st.rerun()
        if st.session_state.pop("acc-saved", False):
            st.success("Saved. The list above uses the new thresholds, and so does the board.")


def show_account(account_id: str) -> None:
    st.button("All accounts", icon=":material/arrow_back:", key="acc-back", on_click=open_account, args=(None,))
    about = cached(accounts.profile, store, account_id)
    flag = flags[flags["account_id"] == account_id].iloc[0]
    st.title(literal(about["account_name"] or account_id))
    facts = [about["segment"] or "no segment", about["region"] or "no region", about["industry"] or "no industry",
             about["plan"] or "no plan", f"{money(about['arr']) if pd.notna(about['arr']) else 'no'} ARR",
             f"owner {about['owner'] or 'unknown'}", about["customer_type"], f"id {account_id}"]
    st.markdown(" · ".join([MARKS[flag["status"]], *(literal(fact) for fact in facts)]))
    if flag["reasons"]:
        st.markdown("**Why:** " + literal("; ".join(flag["reasons"]))
                    + f" (the {thresholds.days} days ending {window.end:%d %b}).")
    story = cached(accounts.timeline, store, account_id, settings.voice)
    left, right = st.columns(2)
    with left:
        st.subheader("Survey answers")
        if (story["kind"] != "call").any():
            st.vega_lite_chart(spec=chart_spec(answers_chart, story), width="stretch")
        else:
            st.caption("No survey answers.")
        st.subheader("Participation")
        history = cached(accounts.participation_history, store, account_id)
        if history.empty:
            st.caption("No survey invitations recorded.")
        else:
            st.vega_lite_chart(spec=chart_spec(participation_chart, history), width="stretch")
    with right:
        st.subheader("Calls")
        if (story["kind"] == "call").any():
            st.vega_lite_chart(spec=chart_spec(calls_chart, story), width="stretch")
            st.caption("Each call's mean customer sentiment; escalated calls in red.")
        else:
            st.caption("No calls.")
        st.subheader("Themes")
        days = cached(data_days, store, settings.timezone)
        everything = Window(days[0], days[1])
        st.dataframe(cached(explore.theme_mentions, store, everything, Scope(None, (("account_id", account_id),)),
                            settings.timezone), hide_index=True, width="stretch",
                     column_config={"theme": "Theme", "mentions": "Mentions",
                                    "sentiment": st.column_config.NumberColumn("Mean sentiment", format="%+.2f"),
                                    "negative": "Negative"})
    st.subheader("Renewals")
    show_renewals(account_id)
    st.subheader("Actions")
    if user.may("record_action"):
        with st.expander("Record an action on this account", icon=":material/add_task:"):
            record_form(store, user, window, {f"This account ({about['account_name'] or account_id})":
                                              ("account", account_id)}, "acc-action", about_first=True)
    follow_up_list(store, user, action_list(store, store.meeting_version(), date.today(), account_id=account_id),
                   "acc-actions")
    st.subheader("Timeline")
    st.dataframe(story.sort_values("said_at", ascending=False)[["said_at", "kind", "score", "sentiment", "who", "text", "ref_id"]],
                 hide_index=True, width="stretch", column_config={
                     "said_at": st.column_config.DatetimeColumn("When (UTC)", format="YYYY-MM-DD HH:mm"),
                     "kind": "What", "score": "Score", "sentiment": st.column_config.NumberColumn("Sentiment", format="%+.2f"),
                     "who": "Who", "text": st.column_config.TextColumn("Comment", width="large"), "ref_id": "Id"})
    calls = story[story["kind"] == "call"].sort_values("said_at", ascending=False)
    call_id = None
    if not calls.empty:
        labels = {r.ref_id: f"{r.ref_id} · {r.said_at:%a %d %b %Y} · {r.who}"
                  + (f" · sentiment {r.sentiment:+.2f}" if pd.notna(r.sentiment) else " · not scored")
                  for r in calls.itertuples()}
        call_id = st.selectbox("Open a call", list(labels), index=None, key="acc-call", format_func=labels.get,
                               placeholder="pick a call, newest first")
        if call_id:
            st.markdown(call_html(cached(search.call_turns, store, call_id, settings.voice)), unsafe_allow_html=True)
    publish("accounts", {"account": account_id, "call": call_id, "status": None, "segment": None, "owner": None})


def show_renewals(account_id: str) -> None:
    past = cached(renewals.history, store, account_id)
    upcoming = cached(renewals.next_renewals, store, window.end)
    upcoming = upcoming.loc[upcoming["account_id"] == account_id, "next_renewal"]
    if past.empty:
        st.caption("No renewal on record: load a renewals sheet on the Data page.")
        return
    if not upcoming.empty:
        st.markdown(f"**Next renewal:** {upcoming.iloc[0]:%a %d %b %Y}.")
    st.dataframe(past, hide_index=True, width="stretch", column_config={
        "renewal_date": st.column_config.DateColumn("Renewal", format="YYYY-MM-DD"), "outcome": "Outcome",
        "arr_before": st.column_config.NumberColumn("ARR before", format="dollar"),
        "arr_after": st.column_config.NumberColumn("ARR after", format="dollar"),
        "change": st.column_config.NumberColumn("Change", format="dollar")})


opened = st.session_state.get("acc-account")
if opened:
    show_account(opened)
else:
    show_list()
