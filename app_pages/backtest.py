"""Backtest: of the accounts flagged red, yellow or green some days before their renewal, how many
churned or downgraded, against the base rate, for each status and each rule alone."""

import pandas as pd
import streamlit as st

from empathy.figures.backtest import HORIZON, backtest
from empathy.figures.rules import RULE_NAMES
from empathy.language import N_, _
from empathy.meeting.charts import backtest_chart
from empathy.meeting.wording import group_text
from ui.auth import current_user
from ui.common import cached, chart_spec, get_settings, get_store

def columns() -> dict:
    return {"name": _("Group"), "n": _("Renewals"), "bad": _("Churned or downgraded"),
            "share": st.column_config.NumberColumn(_("Share"), format="%.0f%%"),
            "low": st.column_config.NumberColumn(_("95% CI from"), format="%.0f%%"),
            "high": st.column_config.NumberColumn(_("to"), format="%.0f%%"),
            "lift": st.column_config.NumberColumn(_("Lift"), format="%.1f×"),
            "lift_low": st.column_config.NumberColumn(_("Lift from"), format="%.1f×"),
            "lift_high": st.column_config.NumberColumn(_("to") + " ", format="%.1f×"),
            "p_value": st.column_config.NumberColumn(_("p (Fisher)"), format="%.3f")}


def group_name(name: str) -> str:
    """red, yellow, a rule's name, "red or yellow": in the reader's language."""
    return _({**RULE_NAMES, "red or yellow": N_("red or yellow")}.get(name, name))


user = current_user()
store, settings = get_store(user), get_settings()

st.title(_("Backtest"))
st.caption(_("Does the early warning foretell churn? For every renewal on record: the account's flag as it stood some "
             "days before the renewal, worked out only from answers and calls dated up to that day, against what came "
             "of the renewal. Thresholds as in the settings file."))
horizon = st.number_input(_("Days before the renewal the flag is read"), 1, 365, HORIZON, step=15, key="bt-horizon")
found = cached(backtest, store, int(horizon), settings.early_warning, settings.timezone)
if not found.renewals:
    st.info(_("No renewal can be judged yet: load a **renewals** sheet (account, renewal date, outcome) on the Data page. "
              "A renewal whose flag day comes before a whole period of answers and calls is left out ({n} so far).")
            .format(n=found.left_out))
    st.stop()

st.markdown(_("**{renewals} renewals** judged on each account's flag {horizon} days before · {left_out} left out (too "
              "early: less than a whole period of data before the flag day).").format(
    renewals=found.renewals, horizon=found.horizon, left_out=found.left_out))
st.markdown(_("Churned or downgraded overall (the base rate): **{group}**.").format(group=group_text(found.base)))
statuses = pd.DataFrame([vars(g) for g in found.statuses]).assign(name=lambda groups: groups["name"].map(group_name))
rules = pd.DataFrame([vars(g) for g in found.rules]).assign(name=lambda groups: groups["name"].map(group_name))
left, right = st.columns(2)
with left:
    st.subheader(_("By flag"))
    st.vega_lite_chart(spec=chart_spec(backtest_chart, statuses, found.base.share), width="stretch")
with right:
    st.subheader(_("By rule alone"))
    st.vega_lite_chart(spec=chart_spec(backtest_chart, rules, found.base.share), width="stretch")
st.caption(_("Bars: share churned or downgraded, with its 95% Wilson interval; dashed line: the base rate. Lift = share "
             "/ base rate. p: Fisher's exact test of the group against the other renewals; with few renewals in a "
             "group, read it as a hint."))
table = pd.concat([statuses, rules])
table[["share", "low", "high"]] *= 100
st.dataframe(table, hide_index=True, width="stretch", column_config=columns())
