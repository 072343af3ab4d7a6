"""Call transcripts parsed into turns and scored with VADER, customer turns only in the figures.

Usable without the app: `analyze_transcript(text)` for one call, `score_texts` for many turns.
"""

from __future__ import annotations

from dataclasses import dataclass

from sentiment.calls import ScoredTurn, call_figures, combine
from sentiment.parse import Turn, TranscriptError, parse_transcript, turns_from_rows
from sentiment.roles import RoleMap, assign_roles
from sentiment.scoring import Score, score_text, score_texts

__all__ = ["CallAnalysis", "Score", "ScoredTurn", "TranscriptError", "Turn", "RoleMap",
           "analyze_transcript", "analyze_turns", "assign_roles", "call_figures", "parse_transcript",
           "score_text", "score_texts", "turns_from_rows"]


@dataclass(frozen=True)
class CallAnalysis:
    turns: list[ScoredTurn]
    figures: dict
    unmapped: list[str]
    doubts: dict[str, str]  # label -> why the rules disagreed about it (placed only by the two-speaker rule, if at all)


def analyze_turns(turns: list[Turn], agent_name: str | None = None,
                  roles: dict[str, str] | None = None, scores: list[Score] | None = None) -> CallAnalysis:
    """Roles, scores (computed here unless given) and figures for one call's turns."""
    role_map = assign_roles([t.speaker for t in turns], agent_name, roles)
    scores = scores if scores is not None else [score_text(t.text) for t in turns]
    scored = combine(turns, role_map, scores)
    return CallAnalysis(scored, call_figures(scored), role_map.unmapped, role_map.doubts)


def analyze_transcript(text: str, agent_name: str | None = None,
                       roles: dict[str, str] | None = None) -> CallAnalysis:
    return analyze_turns(parse_transcript(text), agent_name, roles)
