"""Calls from transcript to figures: turns, roles, scores, and the per-call sentiment figures.

Many calls are worked on at once, as columns: a load of 12,000 calls is about 90,000 turns, and
building an object per turn cost a calls load more than its parsing did. Only the words that can be
the customer's are scored (customer turns, and turns of speakers no rule placed, who may be placed
as the customer later); the agent's turns count in no figure and are left unscored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

import pandas as pd

from sentiment.dissatisfaction import UNHAPPY_CALL_AT
from sentiment.parse import Turn, parse_transcript
from sentiment.roles import assign_roles
from sentiment.scoring import Score, Scoring, score_texts

NEGATIVE_AT_OR_BELOW = -0.05
SCORE_FIELDS = Score._fields  # compound, pos, neu, neg, scored, dissatisfaction, language
FIGURES = ("mean", "min", "shift", "negative", "dissatisfaction", "unhappy", "customer_turns", "scored_turns",
           "unscored_turns", "language")


class ScoredTurn(NamedTuple):
    turn: int
    speaker: str
    role: str
    text: str
    offset_s: float | None
    compound: float | None
    pos: float | None
    neu: float | None
    neg: float | None
    scored: bool
    dissatisfaction: float | None = None
    language: str | None = None  # "en" or "ko" as scored, or the language it was left unscored in
    lemmas: str | None = None  # a Korean turn's content morphemes, what its themes matched on


@dataclass(frozen=True)
class PlacedCalls:
    """Every call's turns as one frame, with their roles and not yet their scores (`call` is the
    call's position in the input), and by call position the speakers no rule placed and those the
    rules disagreed about (label -> why)."""

    turns: pd.DataFrame
    unmapped: dict[int, list[str]]
    doubts: dict[int, dict[str, str]]


def scored_role(role: str) -> bool:
    """Whether a turn of this role is scored: words that are, or may yet be placed as, the customer's."""
    return role != "agent"


def place_calls(calls: list[tuple[list[Turn], str | None]], roles: dict[str, str] | None = None) -> PlacedCalls:
    """The speakers of many calls placed, each call given as (its turns, the agent's name or None);
    `roles` (label -> role) wins over every rule."""
    columns = {name: [] for name in ("call", "turn", "speaker", "role", "text", "offset_s")}
    unmapped, doubts = {}, {}
    for position, (turns, agent) in enumerate(calls):
        found = assign_roles([t.speaker for t in turns], agent, roles)
        columns["call"] += [position] * len(turns)
        columns["turn"] += [t.turn for t in turns]
        columns["speaker"] += [t.speaker for t in turns]
        columns["role"] += [found[t.speaker] for t in turns]
        columns["text"] += [t.text for t in turns]
        columns["offset_s"] += [t.offset_s for t in turns]
        if found.unmapped:
            unmapped[position] = found.unmapped
        if found.doubts:
            doubts[position] = {label: why if found[label] == "other" else
                                f"{why}; placed as {found[label]} by the other speaker's role"
                                for label, why in found.doubts.items()}
    return PlacedCalls(pd.DataFrame(columns), unmapped, doubts)


def with_scores(turns: pd.DataFrame, workers: int | None = None, meanwhile: Callable[[], object] | None = None,
                started: Scoring | None = None) -> pd.DataFrame:
    """The turns (role, text) with their score columns: the scored roles' turns scored, the agent's
    left unscored; `meanwhile` done while the workers score, `started` ahead (`score_texts`)."""
    wanted = turns["role"].map(scored_role).astype(bool)
    scores = score_texts(turns.loc[wanted, "text"].tolist(), workers, meanwhile=meanwhile, started=started,
                         plain=True)
    values = list(zip(*scores)) if scores else [[] for _ in SCORE_FIELDS]
    found = pd.DataFrame(dict(zip(SCORE_FIELDS, values)), index=turns.index[wanted], columns=list(SCORE_FIELDS))
    found = found.reindex(turns.index)
    return turns.assign(
        **{name: found[name].astype("float64") for name in ("compound", "pos", "neu", "neg", "dissatisfaction")},
        scored=found["scored"].eq(True), language=found["language"].astype("object"),
        lemmas=found["lemmas"].astype("object"))


def figures_by_call(turns: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Each call's figures (one row per distinct `by`, its columns FIGURES), from its turns in speaking
    order. Customer turns only; unscored turns are counted but enter no average.

    mean, min = of the scored customer turns' compound; negative = mean <= -0.05;
    shift = mean of the last third of scored customer turns minus the mean of the first third
    (a third is n // 3 turns, at least one; no shift with fewer than two scored turns);
    dissatisfaction = the mean of the scored customer turns' dissatisfaction (sentiment/dissatisfaction.py);
    unhappy = that mean is above UNHAPPY_CALL_AT: the call had an unhappy customer;
    language = the language most of them are in ("en", "ko").
    """
    calls = pd.MultiIndex.from_frame(turns[by].drop_duplicates()) if len(by) > 1 else \
        pd.Index(turns[by[0]].drop_duplicates(), name=by[0])
    customer = turns[turns["role"] == "customer"]
    scored = customer[customer["scored"].astype(bool)]
    values = scored.groupby(by, sort=False)["compound"]
    n = values.transform("size")
    place = values.cumcount()
    third = (n // 3).clip(lower=1)
    first = scored[place < third].groupby(by, sort=False)["compound"].mean()
    last = scored[place >= n - third].groupby(by, sort=False)["compound"].mean()
    figures = pd.DataFrame({
        "mean": values.mean(), "min": values.min(),
        "dissatisfaction": scored.groupby(by, sort=False)["dissatisfaction"].mean(),
        "scored_turns": values.size(), "shift": (last - first).where(values.size() >= 2)}).reindex(calls)
    figures["customer_turns"] = customer.groupby(by, sort=False).size().reindex(calls).fillna(0).astype("int64")
    figures["scored_turns"] = figures["scored_turns"].fillna(0).astype("int64")
    figures["unscored_turns"] = figures["customer_turns"] - figures["scored_turns"]
    figures["negative"] = (figures["mean"] <= NEGATIVE_AT_OR_BELOW).astype("boolean").where(figures["mean"].notna())
    figures["unhappy"] = (figures["dissatisfaction"] > UNHAPPY_CALL_AT).astype("boolean") \
        .where(figures["dissatisfaction"].notna())
    figures["language"] = _most_said(scored, by).reindex(calls)
    return figures[list(FIGURES)]


def _most_said(scored: pd.DataFrame, by: list[str]) -> pd.Series:
    """The language most of each call's scored customer turns are in (on a tie, the one said first),
    counted for all calls at once."""
    counts = scored.groupby([*by, "language"], sort=False).size().rename("n").reset_index()
    most = counts.sort_values("n", ascending=False, kind="stable").drop_duplicates(by)
    return most.set_index(by)["language"]


def scored_turns(turns: pd.DataFrame) -> list[ScoredTurn]:
    """One call's turn rows as `ScoredTurn`s, with None for what is missing."""
    rows = turns[list(ScoredTurn._fields)].astype("object")
    return [ScoredTurn(*row) for row in rows.where(rows.notna(), None).itertuples(index=False)]


def plain_figures(figures: pd.Series) -> dict:
    """One call's row of `figures_by_call` as plain Python values, None for what is missing."""
    return {name: None if pd.isna(value) else getattr(value, "item", lambda: value)()
            for name, value in figures.items()}


@dataclass(frozen=True)
class CallAnalysis:
    turns: list[ScoredTurn]
    figures: dict
    unmapped: list[str]
    doubts: dict[str, str]  # label -> why the rules disagreed about it (placed only by the two-speaker rule, if at all)


def analyze_turns(turns: list[Turn], agent_name: str | None = None,
                  roles: dict[str, str] | None = None) -> CallAnalysis:
    """Roles, scores and figures for one call's turns."""
    placed = place_calls([(turns, agent_name)], roles)
    scored = with_scores(placed.turns, workers=1)
    return CallAnalysis(scored_turns(scored), plain_figures(figures_by_call(scored, ["call"]).iloc[0]),
                        placed.unmapped.get(0, []), placed.doubts.get(0, {}))


def analyze_transcript(text: str, agent_name: str | None = None,
                       roles: dict[str, str] | None = None) -> CallAnalysis:
    return analyze_turns(parse_transcript(text), agent_name, roles)
