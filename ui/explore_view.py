"""Explore's pieces: a dimension's values as a table of strings that read at a glance, and a call
with each turn coloured by its sentiment. Every value that comes from the data is escaped."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from empathy.figures.scope import DIMENSIONS
from empathy.language import _, moment
from empathy.meeting.wording import coded, main_value, title
from sentiment.dissatisfaction import UNHAPPY_CALL_AT
from ui.text import literal, literal_html

SPLITS = ("segment", "region", "industry", "plan", "respondent_role", "customer_type", "theme", "call_type")
NEGATIVE, POSITIVE = -0.05, 0.05  # VADER's usual cut-offs for a negative and a positive text


def dimension_label(name: str) -> str:
    return _(DIMENSIONS[name].label)


def figure_cell(name: str, row) -> str:
    """`-53 ±21 · n 36 · ▲ 17.8 real`: the value with its margin of error, n, and the change against
    the window before (`real` when significant at 95%); `low n` when the sample is too small to judge."""
    if pd.isna(row["figure"]):
        return f"– · n {int(row['n'])}"
    margin = "" if pd.isna(row["margin_of_error"]) else f" ±{_number(name, row['margin_of_error'])}"
    small = _(" · low n") if row["low_n"] else ""
    return f"{main_value(name, float(row['figure']))}{margin} · n {int(row['n'])}{small}{change(name, row)}"


def change(name: str, row) -> str:
    if pd.isna(row["delta"]):
        return ""
    arrow = "▲" if row["delta"] > 0 else "▼" if row["delta"] < 0 else "="
    return f" · {arrow} {_number(name, abs(row['delta']))}" + (_(" real") if row["significant"] else "")


def _number(name: str, value: float) -> str:
    return f"{value:.2f}" if name == "ces" else f"{value:.0f}"


def segment_table(frame: pd.DataFrame, order: list[str], figures: list[str], dimension: str) -> pd.DataFrame:
    """One row per value of `dimension` in `order`: for each figure its value ±margin · n · change."""
    rows = []
    for value in order:
        mine = frame[frame["value"] == value].set_index("metric")
        cells = {title(name): figure_cell(name, mine.loc[name]) if name in mine.index else "–" for name in figures}
        rows.append({_("Value"): coded(dimension, value), **cells})
    return pd.DataFrame(rows)


def turn_class(scored: bool, compound: float | None) -> str:
    if not scored or compound is None or pd.isna(compound):
        return "unscored"
    return "negative" if compound <= NEGATIVE else "positive" if compound >= POSITIVE else "neutral"


def call_html(turns: pd.DataFrame) -> str:
    """The whole call as a conversation: the customer on the left, the agent on the right, each turn
    coloured by its sentiment, turns VADER could not judge marked as such; the agent's turns, which
    are not scored, plain. The customer's unhappy moments (dissatisfaction above a neutral turn's) are
    marked: they are what makes a call count as having an unhappy customer."""
    lines = []
    sides = {"customer": _("customer"), "agent": _("agent")}
    for turn in turns.itertuples():
        side = "customer" if turn.role == "customer" else "agent"
        kind = turn_class(bool(turn.scored), turn.compound)
        if kind == "unscored" and turn.role == "agent":
            kind, score = "plain", ""
        else:
            score = _(" · not scored") if kind == "unscored" else f" · {turn.compound:+.2f}"
        unhappy = turn.role == "customer" and pd.notna(turn.dissatisfaction) and turn.dissatisfaction > UNHAPPY_CALL_AT
        if unhappy:
            kind += " unhappy"
            score += _(" · unhappy moment ({value:.2f})").format(value=turn.dissatisfaction)
        who = sides[side] if str(turn.speaker).lower() == side else f"{turn.speaker} · {sides[side]}"
        lines.append(f'<div class="turn {side} {kind}"><div class="who">{literal_html(who)}{score}</div>'
                     f'{literal_html(str(turn.text))}</div>')
    return CALL_STYLE + '<div class="call">' + "".join(lines) + "</div>" + legend()


def legend() -> str:
    kinds = (("negative", _("negative (≤ −0.05)")), ("neutral", _("neutral")), ("positive", _("positive (≥ +0.05)")),
             ("unscored", _("not scored (e.g. another language)")), ("plain", _("the agent (not scored)")),
             ("unhappy", _("an unhappy moment (dissatisfaction above 0.5)")))
    return '<div class="legend">' + "".join(f'<span class="turn {kind}">{literal_html(said)}</span>'
                                            for kind, said in kinds) + "</div>"

CALL_STYLE = """<style>
.call { display: flex; flex-direction: column; gap: .4rem; max-width: 60rem; }
.turn { padding: .5rem .8rem; border-radius: .6rem; max-width: 75%; font-size: 1.05rem; line-height: 1.4; }
.turn .who { font-size: .8rem; color: #4b5563; margin-bottom: .15rem; }
.turn.customer { align-self: flex-start; border-left: 5px solid #1f4e79; }
.turn.agent { align-self: flex-end; border-right: 5px solid #9ca3af; }
.turn.negative { background: #fde2e1; }
.turn.positive { background: #dcfce7; }
.turn.neutral { background: #f3f4f6; }
.turn.unhappy { border-left: 9px solid #b91c1c; }
.turn.plain { background: #fff; border-top: 1px solid #e5e7eb; border-bottom: 1px solid #e5e7eb; }
.turn.unscored { background: repeating-linear-gradient(45deg, #fff, #fff 6px, #f3f4f6 6px, #f3f4f6 12px);
                 border: 1px dashed #9ca3af; }
.legend { display: flex; gap: .5rem; margin-top: .6rem; font-size: .85rem; }
.legend .turn { max-width: none; padding: .15rem .5rem; }
</style>"""


def worded_places(rows: pd.DataFrame) -> pd.DataFrame:
    """Search results with a call's type worded as where it was said ("support call"): the search
    returns the type as stored, and its cache serves readers of every language."""
    return rows.assign(context=[_("{kind} call").format(kind=coded("call_type", place)) if source == "call"
                                else place for source, place in zip(rows["source"], rows["context"])])


def worded_timeline(story: pd.DataFrame) -> pd.DataFrame:
    """An account's timeline in the reader's language: "NPS answer" or "call", a call's type and agent
    ("support call with Sam"), an escalated call marked so."""
    calls = story["kind"].eq("call")
    return story.assign(
        kind=[_("call") if call else _("{metric} answer").format(metric=kind)
              for call, kind in zip(calls, story["kind"])],
        who=[_("{kind} call with {agent}").format(kind=coded("call_type", kind),
                                                  agent=who if pd.notna(who) else _("an agent"))
             if call else who for call, kind, who in zip(calls, story["call_type"], story["who"])],
        text=[(_("escalated") if escalated else None) if call else text
              for call, escalated, text in zip(calls, story["escalated"], story["text"])])


def call_line(header: dict) -> str:
    """A call's header as Markdown: account, kind, when, agent, escalated."""
    line = _("**{account}** · {kind} call · {when} UTC · agent {agent}").format(
        account=literal(header["account_name"] or header["account_id"]),
        kind=literal(coded("call_type", header["call_type"])), when=moment(header["started_at"]),
        agent=literal(header["agent"] or _("unknown")))
    line += _(" · escalated") if header["escalated"] else ""
    if pd.notna(header.get("unhappy")):
        line += (_(" · **an unhappy customer** (dissatisfaction {value:.2f})") if header["unhappy"] else
                 _(" · no unhappy customer (dissatisfaction {value:.2f})")).format(value=header["dissatisfaction"])
    return line


def quote_columns() -> dict:
    """The columns of a table of quotes, in the reader's language."""
    return {"said_at": st.column_config.DatetimeColumn(_("When (UTC)"), format="YYYY-MM-DD HH:mm"),
            "text": st.column_config.TextColumn(_("What they said"), width="large"),
            "compound": st.column_config.NumberColumn(_("Sentiment"), format="%+.2f"),
            "account_name": _("Account"), "segment": _("Segment"), "who": _("Who"), "context": _("Where")}


def voices_params(filters: tuple[tuple[str, str], ...], window: dict[str, str]) -> dict:
    """The Voices page's URL for what the filters hold, in the window: segment, theme and account in
    its own fields, any other dimension as `narrow=dimension:value`."""
    params: dict = {**window, "when": "window"}
    fields = {"segment": "segment", "theme": "themes", "account_id": "account"}
    narrow = [f"{d}:{v}" for d, v in filters if d not in fields]
    params.update({fields[d]: v for d, v in filters if d in fields})
    return {**params, "narrow": narrow} if narrow else params
