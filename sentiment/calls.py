"""One call from transcript to figures: turns, roles, scores, and the per-call sentiment figures."""

from __future__ import annotations

from dataclasses import dataclass

from sentiment.parse import Turn
from sentiment.roles import RoleMap
from sentiment.scoring import Score

NEGATIVE_AT_OR_BELOW = -0.05


@dataclass(frozen=True)
class ScoredTurn:
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
    language: str | None = None  # of a turn left unscored for being in another language

    def as_dict(self) -> dict:
        """A shallow copy of the fields (`dataclasses.asdict` deep-copies, a third of a calls load)."""
        return dict(vars(self))


def combine(turns: list[Turn], roles: RoleMap, scores: list[Score]) -> list[ScoredTurn]:
    return [ScoredTurn(t.turn, t.speaker, roles[t.speaker], t.text, t.offset_s,
                       s.compound, s.pos, s.neu, s.neg, s.scored, s.dissatisfaction, s.language)
            for t, s in zip(turns, scores)]


def call_figures(turns: list[ScoredTurn]) -> dict:
    """Customer turns only; unscored turns are counted but enter no average.

    shift = mean of the last third of scored customer turns minus the mean of the first third
    (a third is n // 3 turns, at least one; no shift with fewer than two scored turns).
    dissatisfaction = the mean of the scored customer turns' dissatisfaction (sentiment/dissatisfaction.py).
    """
    customer = [t for t in turns if t.role == "customer"]
    values = [t.compound for t in customer if t.scored]
    figures = {"mean": None, "min": None, "shift": None, "negative": None, "dissatisfaction": None,
               "customer_turns": len(customer), "scored_turns": len(values),
               "unscored_turns": len(customer) - len(values)}
    if not values:
        return figures
    mean = sum(values) / len(values)
    figures.update(mean=mean, min=min(values), negative=mean <= NEGATIVE_AT_OR_BELOW)
    unhappy = [t.dissatisfaction for t in customer if t.scored and t.dissatisfaction is not None]
    if unhappy:
        figures["dissatisfaction"] = sum(unhappy) / len(unhappy)
    if len(values) >= 2:
        third = max(1, len(values) // 3)
        figures["shift"] = sum(values[-third:]) / third - sum(values[:third]) / third
    return figures
