"""Accounts: the early-warning list (red, yellow, green, and why), thresholds an analyst can change,
and one account's story: its answers, calls, participation and themes."""

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from empathy.figures import accounts, explore, renewals, search
from empathy.figures.board import data_days
from empathy.figures.metrics import Window
from empathy.figures.rules import RULE_NAMES, Thresholds, account_signals, flag_accounts, judge, rule_counts
from empathy.figures.scope import Scope
from empathy.figures.settings import SettingsError, save_thresholds
from empathy.meeting.charts import answers_chart, calls_chart, participation_chart
from empathy.language import _, day, long_day, short_day
from empathy.meeting.wording import coded, money, money_column, named_themes, status_word
from ui.actions_view import follow_up_list, record_form
from ui.auth import current_user
from ui.common import action_list, cached, chart_spec, get_settings, get_store, window_or_stop
from ui.explore_view import call_html, worded_timeline
from ui.text import literal
from ui.url_state import one_of, publish, seed, some_of

STATUSES = ("red", "yellow", "green")
user = current_user()
store, settings = get_store(user), get_settings()
window = window_or_stop(store, settings, _("Accounts"))
thresholds = settings.early_warning
flags = cached(flag_accounts, store, window.end, thresholds, settings.timezone)
seed("accounts", {"account": ("acc-account", one_of(flags["account_id"].tolist())),
                  "status": ("acc-status", some_of(STATUSES)),
                  "segment": ("acc-segment", one_of(sorted(flags["segment"].dropna().unique()))),
                  "owner": ("acc-owner", one_of(sorted(flags["owner"].dropna().unique()))), "call": ("acc-call", str)})


def mark(status: str) -> str:
    return "● " + status_word(status)


def open_account(account_id: str | None) -> None:
    st.session_state["acc-account"] = account_id


def show_list() -> None:
    st.title(_("Accounts"))
    st.caption(_("Early warning over the {days} days ending {day}: every flag says which rule raised it. Click a column "
                 "header to sort.").format(days=thresholds.days, day=day(window.end)))
    chosen = st.columns([3, 2, 2, 3])
    statuses = chosen[0].multiselect(_("Status"), STATUSES, default=["red", "yellow"], key="acc-status",
                                     format_func=mark, placeholder=_("any status"))
    segment = chosen[1].selectbox(_("Segment"), sorted(flags["segment"].dropna().unique()), index=None,
                                  key="acc-segment", placeholder=_("any segment"))
    owner = chosen[2].selectbox(_("Owner"), sorted(flags["owner"].dropna().unique()), index=None, key="acc-owner",
                                placeholder=_("any owner"))
    words = chosen[3].text_input(_("Name or id contains"), key="acc-words")
    shown = flags[flags["status"].isin(statuses or STATUSES)]
    if segment:
        shown = shown[shown["segment"] == segment]
    if owner:
        shown = shown[shown["owner"] == owner]
    if words:
        shown = shown[shown["account_name"].fillna("").str.contains(words, case=False, regex=False)
                      | shown["account_id"].str.contains(words, case=False, regex=False)]
    counts = " · ".join(f"{(shown['status'] == s).sum()} {status_word(s)} "
                        f"({money(shown.loc[shown['status'] == s, 'arr'].sum())} ARR)"
                        for s in STATUSES if s in (statuses or STATUSES))
    st.markdown(_("**{n} accounts**").format(n=len(shown)) + f" · {counts}")
    table = shown.assign(status=shown["status"].map(mark), reasons=shown["reasons"].map("; ".join),
                         red_first=shown["status"].map({s: i for i, s in enumerate(STATUSES)}))
    table = table.sort_values(["red_first", "arr"], ascending=[True, False])
    st.dataframe(table[["status", "account_name", "account_id", "segment", "arr", "owner", "last_contact", "reasons"]],
                 hide_index=True, width="stretch", column_config={
                     "status": _("Status"), "account_name": _("Account"), "account_id": "ID", "segment": _("Segment"),
                     "arr": st.column_config.NumberColumn("ARR", format=money_column()), "owner": _("Owner"),
                     "last_contact": st.column_config.DatetimeColumn(_("Last call"), format="YYYY-MM-DD"),
                     "reasons": st.column_config.TextColumn(_("Why"), width="large")})
    names = dict(zip(table["account_id"], table["account_name"].fillna(table["account_id"])))
    st.selectbox(_("Open an account's story"), list(names), index=None, key="acc-open",
                 format_func=lambda a: f"{names[a]} ({a})", placeholder=_("pick an account"),
                 on_change=lambda: open_account(st.session_state["acc-open"]))
    if user.may("edit_thresholds"):
        edit_thresholds()
    publish("accounts", {"status": ",".join(statuses), "segment": segment, "owner": owner, "account": None,
                         "call": None})


def edit_thresholds() -> None:
    with st.expander(_("Early-warning thresholds (saved to the settings file, for everyone)")):
        st.caption(_("Change a setting to see at once how many accounts it would flag on {day}; nothing changes for "
                     "anyone until you save.").format(day=long_day(window.end)))
        t = thresholds
        row = st.columns(2)
        days = row[0].number_input(_("Period (days)"), 1, 365, t.days, key="thr-days")
        baseline = row[1].number_input(_("The account's usual: days before the period"), 1, 730, t.baseline_days,
                                       key="thr-baseline")
        signals = cached(account_signals, store, window.end, replace(t, days=int(days), baseline_days=int(baseline)),
                         settings.timezone)
        rules = {
            "support calls": ((_("Support calls in the period, at least"), 1, 1000, t.frequent_support_calls, 1, None),
                              (_("... and times the account's usual, at least"), 1.0, 50.0, t.contact_rise, 0.5,
                               "%.1f")),
            "NPS drop": ((_("NPS answers in the period, at least"), 1, 1000, t.nps_answers, 1, None),
                         (_("... NPS points below the account's usual, at least"), 1.0, 200.0, t.nps_drop, 5.0,
                          "%.0f")),
            "unhappy calls": ((_("Share of calls with an unhappy customer, at least"), 0.05, 1.0, t.unhappy_share, 0.05,
                               "%.2f"),
                              (_("... over scored calls, at least"), 1, 1000, t.sentiment_calls, 1, None)),
            "participation drop": ((_("Response rate at or below this share of the usual"), 0.05, 1.0,
                                    t.participation_drop, 0.05, "%.2f"),
                                   (_("... from invitations in the period, at least"), 1, 10000,
                                    t.participation_invited, 1, None)),
            "escalations": ((_("Red: escalated calls in the period, at least"), 1, 1000, t.red_escalations, 1, None),),
            "several signs": ((_("Red: yellow signs at once, at least"), 1, 4, t.red_signs, 1, None),),
        }
        values, spots = {}, {}
        for rule, inputs in rules.items():
            row = st.columns([2, 2, 1])
            values[rule] = [row[i].number_input(label, low, high, value, step=step, format=shown, key=f"thr-{rule}-{i}")
                            for i, (label, low, high, value, step, shown) in enumerate(inputs)]
            spots[rule] = row[2].empty()
        (calls, rise), (answers, drop), (unhappy, scored), (share, invited) = \
            values["support calls"], values["NPS drop"], values["unhappy calls"], values["participation drop"]
        new = Thresholds(int(days), int(baseline), int(calls), float(rise), int(answers), float(drop), float(unhappy),
                         int(scored), float(share), int(invited), int(values["escalations"][0]),
                         int(values["several signs"][0]))
        judged = judge(signals, new)
        for rule, count in rule_counts(judged).items():
            spots[rule].metric(_("Flagged by {rule}").format(rule=_(RULE_NAMES[rule])), count)
        red, yellow = (int((judged["status"] == s).sum()) for s in ("red", "yellow"))
        share_of = lambda n: f"{n / max(len(judged), 1):.0%}"  # noqa: E731
        st.markdown(_("With these thresholds: **{red} red** ({red_share}) and **{yellow} yellow** ({yellow_share}) of "
                      "{n} accounts; saved now: {red_now} red, {yellow_now} yellow.").format(
            red=red, red_share=share_of(red), yellow=yellow, yellow_share=share_of(yellow), n=len(judged),
            red_now=(flags["status"] == "red").sum(), yellow_now=(flags["status"] == "yellow").sum()))
        if st.button(_("Save thresholds"), type="primary", key="thr-save"):
            try:
                save_thresholds(store, user, new)
            except (SettingsError, OSError, PermissionError) as error:
                st.error("**" + _("Not saved.") + f"** {literal(error)}")
            else:
                st.session_state["acc-saved"] = True
                st.rerun()
        if st.session_state.pop("acc-saved", False):
            st.success(_("Saved. The list above uses the new thresholds, and so does the board."))


def show_account(account_id: str) -> None:
    st.button(_("All accounts"), icon=":material/arrow_back:", key="acc-back", on_click=open_account, args=(None,))
    about = cached(accounts.profile, store, account_id)
    flag = flags[flags["account_id"] == account_id].iloc[0]
    st.title(literal(about["account_name"] or account_id))
    facts = [about["segment"] or _("no segment"), about["region"] or _("no region"),
             about["industry"] or _("no industry"), about["plan"] or _("no plan"),
             f"{money(about['arr'])} ARR" if pd.notna(about["arr"]) else _("no ARR"),
             _("owner {name}").format(name=about["owner"] or _("unknown")),
             coded("customer_type", about["customer_type"]), f"id {account_id}"]
    st.markdown(" · ".join([mark(flag["status"]), *(literal(fact) for fact in facts)]))
    if flag["reasons"]:
        st.markdown(_("**Why:** {reasons} (the {days} days ending {day}).").format(
            reasons=literal("; ".join(flag["reasons"])), days=thresholds.days, day=short_day(window.end)))
    story = cached(accounts.timeline, store, account_id, settings.voice)
    left, right = st.columns(2)
    with left:
        st.subheader(_("Survey answers"))
        if (story["kind"] != "call").any():
            st.vega_lite_chart(spec=chart_spec(answers_chart, story), width="stretch")
        else:
            st.caption(_("No survey answers."))
        st.subheader(_("Participation"))
        history = cached(accounts.participation_history, store, account_id)
        if history.empty:
            st.caption(_("No survey invitations recorded."))
        else:
            st.vega_lite_chart(spec=chart_spec(participation_chart, history), width="stretch")
    with right:
        st.subheader(_("Calls"))
        if (story["kind"] == "call").any():
            st.vega_lite_chart(spec=chart_spec(calls_chart, story), width="stretch")
            st.caption(_("Each call's mean customer sentiment; escalated calls in red."))
        else:
            st.caption(_("No calls."))
        st.subheader(_("Themes"))
        days = cached(data_days, store, settings.timezone)
        everything = Window(days[0], days[1])
        mentions = cached(explore.theme_mentions, store, everything, Scope(None, (("account_id", account_id),)),
                          settings.timezone)
        st.dataframe(named_themes(mentions), hide_index=True, width="stretch",
                     column_config={"theme": _("Theme"), "mentions": _("Mentions"),
                                    "sentiment": st.column_config.NumberColumn(_("Mean sentiment"), format="%+.2f"),
                                    "negative": _("Negative")})
    st.subheader(_("Renewals"))
    show_renewals(account_id)
    st.subheader(_("Actions"))
    if user.may("record_action"):
        with st.expander(_("Record an action on this account"), icon=":material/add_task:"):
            record_form(store, user, window, {_("This account ({name})").format(name=about["account_name"] or account_id):
                                              ("account", account_id)}, "acc-action", about_first=True)
    follow_up_list(store, user, action_list(store, store.meeting_version(), date.today(), account_id=account_id),
                   "acc-actions")
    st.subheader(_("Timeline"))
    shown = worded_timeline(story)
    st.dataframe(shown.sort_values("said_at", ascending=False)[["said_at", "kind", "score", "sentiment", "who", "text", "ref_id"]],
                 hide_index=True, width="stretch", column_config={
                     "said_at": st.column_config.DatetimeColumn(_("When (UTC)"), format="YYYY-MM-DD HH:mm"),
                     "kind": _("Kind"), "score": _("Score"),
                     "sentiment": st.column_config.NumberColumn(_("Sentiment"), format="%+.2f"),
                     "who": _("Who"), "text": st.column_config.TextColumn(_("Comment"), width="large"), "ref_id": "Id"})
    calls = shown[story["kind"] == "call"].sort_values("said_at", ascending=False)
    call_id = None
    if not calls.empty:
        labels = {r.ref_id: f"{r.ref_id} · {day(r.said_at)} · {r.who}"
                  + (_(" · sentiment {value:+.2f}").format(value=r.sentiment) if pd.notna(r.sentiment)
                     else _(" · not scored"))
                  for r in calls.itertuples()}
        call_id = st.selectbox(_("Open a call"), list(labels), index=None, key="acc-call", format_func=labels.get,
                               placeholder=_("pick a call, newest first"))
        if call_id:
            st.markdown(call_html(cached(search.call_turns, store, call_id, settings.voice)), unsafe_allow_html=True)
    publish("accounts", {"account": account_id, "call": call_id, "status": None, "segment": None, "owner": None})


def show_renewals(account_id: str) -> None:
    past = cached(renewals.history, store, account_id)
    upcoming = cached(renewals.next_renewals, store, window.end)
    upcoming = upcoming.loc[upcoming["account_id"] == account_id, "next_renewal"]
    if past.empty:
        st.caption(_("No renewal on record: load a renewals sheet on the Data page."))
        return
    if not upcoming.empty:
        st.markdown(_("**Next renewal:** {day}.").format(day=day(upcoming.iloc[0])))
    st.dataframe(past.assign(outcome=[coded("outcome", outcome) for outcome in past["outcome"]]), hide_index=True,
                 width="stretch", column_config={
        "renewal_date": st.column_config.DateColumn(_("Renewal"), format="YYYY-MM-DD"), "outcome": _("Outcome"),
        "arr_before": st.column_config.NumberColumn(_("ARR before"), format=money_column()),
        "arr_after": st.column_config.NumberColumn(_("ARR after"), format=money_column()),
        "change": st.column_config.NumberColumn(_("Change"), format=money_column())})


opened = st.session_state.get("acc-account")
if opened:
    show_account(opened)
else:
    show_list()
