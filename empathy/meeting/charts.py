"""Chart builders: each takes a frame and returns an Altair chart, nothing else."""

from __future__ import annotations

import altair as alt
import pandas as pd

from empathy.language import _, current
from empathy.meeting.wording import named_themes

INK, MUTED, ACCENT = "#1f2937", "#9ca3af", "#2563eb"


def _days(year: bool = False) -> str:
    """A date axis's d3 format in the reader's language: 16 Nov (2026) / 11월 16일 / 2026년 11월 16일."""
    if current() == "ko":
        return "%Y년 %-m월 %-d일" if year else "%-m월 %-d일"
    return "%d %b %Y" if year else "%d %b"


def _switch(channel: type, cases: dict[str, object], otherwise: object):
    """A channel's value by the first test a datum passes, else `otherwise`: Altair's `alt.when` says the
    same, but checks it against Vega-Lite's schema as it is made (6 ms each, half a tile's trend chart,
    made five times for every new board)."""
    return channel(value=otherwise, condition=[{"test": test, "value": value} for test, value in cases.items()])


def trend_chart(trend: pd.DataFrame, value_format: str, height: int = 70, axes: bool = False) -> alt.Chart:
    """A figure over its last windows (window, start, value, n, low_n): a line whose last point, the
    window on the board, is marked; windows below the minimum n are hollow points. A tile's trend has
    no axes; a drill-down's has them, to read since when."""
    frame = trend.assign(current=trend["start"] == trend["start"].max(),
                         sample=trend["low_n"].map({True: _("low n"), False: _("enough answers")}))
    base = alt.Chart(frame).encode(
        x=alt.X("start:T", axis=alt.Axis(title=None, format=_days(), labelAngle=0) if axes else None),
        y=alt.Y("value:Q", axis=alt.Axis(title=None, format=value_format, tickCount=4) if axes else None,
                scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("window:N", title=_("Window")),
                 alt.Tooltip("value:Q", title=_("Value"), format=value_format),
                 alt.Tooltip("n:Q", title="n"), alt.Tooltip("sample:N", title=_("Sample"))])
    line = base.mark_line(color=MUTED, strokeWidth=2)
    stroke = _switch(alt.StrokeValue, {"datum.current": ACCENT}, MUTED)
    fill = _switch(alt.FillValue, {"datum.low_n": "white", "datum.current": ACCENT}, MUTED)
    points = base.mark_point(size=60, strokeWidth=2, filled=True).encode(stroke=stroke, fill=fill)
    return (line + points).properties(height=height).configure_view(stroke=None)


def segment_chart(rows: pd.DataFrame, value_format: str, title: str) -> alt.Chart:
    """One figure for each value of a dimension (value, figure, margin_of_error, n, low_n), in the
    rows' order (what hurts most on top): a bar per value with its 95% margin of error as a line;
    values with too few answers to judge are pale."""
    frame = rows.assign(low=rows["figure"] - rows["margin_of_error"].fillna(0),
                        high=rows["figure"] + rows["margin_of_error"].fillna(0),
                        sample=rows["low_n"].map({True: _("low n"), False: _("enough answers")}))
    y = alt.Y("value:N", sort=rows["value"].tolist(), title=None, axis=alt.Axis(labelLimit=260, labelFontSize=13))
    opacity = _switch(alt.OpacityValue, {"datum.low_n": 0.3}, 0.9)
    bars = alt.Chart(frame).mark_bar(color=ACCENT).encode(
        y=y, x=alt.X("figure:Q", title=title, axis=alt.Axis(format=value_format)), opacity=opacity,
        tooltip=[alt.Tooltip("value:N", title=_("Value")), alt.Tooltip("figure:Q", title=title, format=value_format),
                 alt.Tooltip("margin_of_error:Q", title=_("± margin of error"), format=".1f"),
                 alt.Tooltip("n:Q", title="n"), alt.Tooltip("sample:N", title=_("Sample"))])
    margins = alt.Chart(frame).mark_rule(color=INK, strokeWidth=2).encode(y=y, x="low:Q", x2="high:Q")
    return (bars + margins).properties(height=alt.Step(34)).configure_view(stroke=None)


def answers_chart(timeline: pd.DataFrame) -> alt.Chart:
    """An account's survey answers over time (said_at, kind, score): one row of points per survey, each
    on its own scale (NPS 0-10, CSAT 1-5, CES 1-7)."""
    answers = timeline[timeline["kind"] != "call"]
    return alt.Chart(answers).mark_point(filled=True, size=80, color=ACCENT).encode(
        x=alt.X("said_at:T", title=None, axis=alt.Axis(format=_days(year=True))),
        y=alt.Y("score:Q", title=_("Score"), scale=alt.Scale(zero=True)),
        row=alt.Row("kind:N", title=None, header=alt.Header(labelFontSize=13, labelAngle=0, labelAlign="left")),
        tooltip=[alt.Tooltip("said_at:T", title=_("When"), format="%Y-%m-%d %H:%M"),
                 alt.Tooltip("kind:N", title=_("Kind")), alt.Tooltip("score:Q", title=_("Score")),
                 alt.Tooltip("who:N", title=_("Who"))],
    ).properties(height=90).resolve_scale(y="independent")


def calls_chart(timeline: pd.DataFrame) -> alt.Chart:
    """An account's calls over time (said_at, sentiment, escalated, who = the agent): each call's mean
    customer sentiment, escalated calls in red, with the neutral line at 0."""
    calls = timeline[timeline["kind"] == "call"]
    color = _switch(alt.ColorValue, {"datum.escalated": "#b91c1c"}, ACCENT)
    points = alt.Chart(calls).mark_point(filled=True, size=80).encode(
        x=alt.X("said_at:T", title=None, axis=alt.Axis(format=_days(year=True))),
        y=alt.Y("sentiment:Q", title=_("Sentiment"), scale=alt.Scale(domain=[-1, 1])), color=color,
        tooltip=[alt.Tooltip("said_at:T", title=_("When"), format="%Y-%m-%d %H:%M"),
                 alt.Tooltip("ref_id:N", title=_("Call")), alt.Tooltip("sentiment:Q", title=_("Sentiment"), format="+.2f"),
                 alt.Tooltip("who:N", title=_("Agent")), alt.Tooltip("escalated:N", title=_("Escalated"))])
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color=MUTED, strokeDash=[4, 4]).encode(y="y:Q")
    return (zero + points).properties(height=160)


def participation_chart(history: pd.DataFrame) -> alt.Chart:
    """An account's survey response rate per week (week, invited, responded, rate)."""
    return alt.Chart(history).mark_line(point=True, color=ACCENT).encode(
        x=alt.X("week:T", title=None, axis=alt.Axis(format=_days())),
        y=alt.Y("rate:Q", title=_("Response rate"), axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("week:T", title=_("Week of"), format="%Y-%m-%d"),
                 alt.Tooltip("invited:Q", title=_("Invited")), alt.Tooltip("responded:Q", title=_("Responded")),
                 alt.Tooltip("rate:Q", title=_("Rate"), format=".0%")],
    ).properties(height=160)


def impact_chart(impact: pd.DataFrame) -> alt.Chart:
    """Each theme's effect on the overall NPS (theme, effect, significant), the most costly on top;
    effects that could be noise are pale."""
    opacity = _switch(alt.OpacityValue, {"datum.significant": 0.9}, 0.3)
    color = _switch(alt.ColorValue, {"datum.effect < 0": "#b91c1c"}, "#15803d")
    impact = named_themes(impact)
    return alt.Chart(impact).mark_bar().encode(
        y=alt.Y("theme:N", sort=impact["theme"].tolist(), title=None, axis=alt.Axis(labelLimit=260, labelFontSize=13)),
        x=alt.X("effect:Q", title=_("NPS points the theme moves the overall score")), color=color, opacity=opacity,
        tooltip=[alt.Tooltip("theme:N", title=_("Theme")), alt.Tooltip("effect:Q", title=_("Effect"), format="+.1f"),
                 alt.Tooltip("gap:Q", title=_("Gap"), format="+.1f"),
                 alt.Tooltip("n:Q", title=_("Answers mentioning it"))],
    ).properties(height=alt.Step(30)).configure_view(stroke=None)


def backtest_chart(groups: pd.DataFrame, base_rate: float) -> alt.Chart:
    """Share of renewals churned or downgraded per group (name, share, low, high, n), with its 95%
    interval, against the base rate over all renewals (the dashed line)."""
    frame = groups.dropna(subset=["share"])
    y = alt.Y("name:N", sort=frame["name"].tolist(), title=None, axis=alt.Axis(labelLimit=220, labelFontSize=14))
    x = alt.X("share:Q", title=_("churned or downgraded"), axis=alt.Axis(format="%", labelFontSize=13),
              scale=alt.Scale(domain=[0, 1]))
    tooltip = [alt.Tooltip("name:N", title=_("Group")), alt.Tooltip("share:Q", title=_("Share"), format=".0%"),
               alt.Tooltip("low:Q", title=_("95% CI from"), format=".0%"), alt.Tooltip("high:Q", title=_("to"), format=".0%"),
               alt.Tooltip("n:Q", title=_("Renewals"))]
    bars = alt.Chart(frame).mark_bar(color=ACCENT, opacity=0.85).encode(y=y, x=x, tooltip=tooltip)
    spread = alt.Chart(frame).mark_rule(color=INK, strokeWidth=2).encode(y=y, x="low:Q", x2="high:Q")
    base = alt.Chart(pd.DataFrame({"base": [base_rate]})).mark_rule(color=INK, strokeDash=[6, 4]).encode(x="base:Q")
    return (bars + spread + base).properties(height=alt.Step(40)).configure_view(stroke=None)
