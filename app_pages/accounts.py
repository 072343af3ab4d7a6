"""Accounts: the early-warning list (red, yellow, green, and why), thresholds an analyst can change,
and one account's story: its answers, calls, participation and themes."""

from datetime import date

import pandas as pd
import streamlit as st

from empathy import accounts, explore, search
from empathy.board import data_days
from empathy.metrics import Window
from empathy.rules import Thresholds, flag_accounts
from empathy.scope import Scope
from empathy.settings import SettingsError, save_thresholds
from empathy.wording import money
from empathy.charts import answers_chart, calls_chart, participation_chart
from ui.auth import current_user
from ui.actions_view import follow_up_list, record_form
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
        with st.form("thresholds"):
            row = st.columns(3)
            days = row[0].number_input("Period (days)", 1, 365, thresholds.days)
            support = row[1].number_input("Yellow: support calls in the period, at least", 1, 1000,
                                          thresholds.frequent_support_calls)
            detractors = row[2].number_input("Yellow: detractor answers (NPS 0-6), at least", 1, 1000,
                                             thresholds.detractor_answers)
            row = st.columns(3)
            sentiment = row[0].number_input("Yellow: mean call sentiment at or below", -1.0, 1.0,
                                            thresholds.negative_sentiment, step=0.05, format="%.2f")
            drop = row[1].number_input("Yellow: response rate at or below this share of the period before",
                                       0.05, 1.0, thresholds.participation_drop, step=0.05, format="%.2f")
            escalations = row[2].number_input("Red: escalated calls in the period, at least", 1, 1000,
                                              thresholds.red_escalations)
            if st.form_submit_button("Save thresholds", type="primary"):
                new = Thresholds(int(days), int(support), int(detractors), float(sentiment), float(drop),
                                 int(escalations))
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


opened = st.session_state.get("acc-account")
if opened:
    show_account(opened)
else:
    show_list()
