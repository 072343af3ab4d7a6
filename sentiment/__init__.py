"""Call transcripts parsed into turns and scored with VADER, customer turns only in the figures.

Usable without the app: `analyze_transcript(text)` for one call, `place_calls`, `with_scores` and
`figures_by_call` for many,
`score_texts` for many texts.

The names of `sentiment.calls` load on first use: every scoring worker process imports this package,
and `sentiment.calls` brings pandas (0.8 s of a worker's start) that scoring does not need.
"""

from __future__ import annotations

import importlib

from sentiment.parse import Turn, TranscriptError, parse_transcript, turns_from_rows
from sentiment.roles import RoleMap, assign_roles
from sentiment.scoring import Score, score_text, score_texts

CALLS_NAMES = ("CallAnalysis", "PlacedCalls", "ScoredTurn", "analyze_transcript", "analyze_turns", "figures_by_call",
               "place_calls", "scored_role", "with_scores")

__all__ = ["Score", "TranscriptError", "Turn", "RoleMap", "assign_roles", "parse_transcript", "score_text",
           "score_texts", "turns_from_rows", *CALLS_NAMES]


def __getattr__(name: str):
    if name in CALLS_NAMES:
        return getattr(importlib.import_module("sentiment.calls"), name)
    raise AttributeError(f"module 'sentiment' has no attribute '{name}'")
