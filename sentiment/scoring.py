"""VADER scores for turns: whole turns as VADER was validated on, long monologues in blocks, and
text VADER cannot judge marked unscored rather than counted as neutral.

Large batches are scored on every core, with the analyzer built once per worker process.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import re
from dataclasses import dataclass

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# A turn longer than this many sentences is scored in blocks (see bench/saturation.py and
# bench/README.md for the measurement behind the number).
LONG_TURN_SENTENCES = 6
BLOCK_SENTENCES = 3
PARALLEL_MIN_TEXTS = 4000
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[a-z']+")
# Words nearly every English sentence of five words or more contains; a long Latin-script text with
# none of them is another language (Spanish, German, ...), which VADER's English lexicon cannot judge.
ENGLISH_FUNCTION_WORDS = frozenset(
    "a an the and or but if of to in on at for with from by about as is are was were be been am i "
    "you he she it we they me my your our their this that these those not no do does did have has "
    "had can could will would should so just there here what when why how all any very too".split())


@dataclass(frozen=True)
class Score:
    compound: float | None
    pos: float | None
    neu: float | None
    neg: float | None
    scored: bool


UNSCORED = Score(None, None, None, None, False)
_analyzer: SentimentIntensityAnalyzer | None = None


def analyzer() -> SentimentIntensityAnalyzer:
    """The process's one analyzer: building it reads the lexicon, so it is built once."""
    global _analyzer
    if _analyzer is None:
        _analyzer = SentimentIntensityAnalyzer()
    return _analyzer


def judgeable(text: str) -> bool:
    """Whether VADER's English lexicon can say anything true about this text."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    if sum(1 for c in letters if c.isascii()) < 0.5 * len(letters):
        return False  # mostly another script: Korean, Japanese, Cyrillic, ...
    words = WORD.findall(text.lower())
    return len(words) < 5 or any(word in ENGLISH_FUNCTION_WORDS for word in words)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def score_text(text: str) -> Score:
    if not text or not judgeable(text):
        return UNSCORED
    parts = sentences(text)
    if len(parts) <= LONG_TURN_SENTENCES:
        found = analyzer().polarity_scores(text)
        return Score(found["compound"], found["pos"], found["neu"], found["neg"], True)
    return _score_in_blocks(parts)


def _score_in_blocks(parts: list[str]) -> Score:
    """A long monologue's compound saturates towards +-1; blocks of a few sentences do not, and
    their length-weighted mean keeps a long turn on the same scale as a short one."""
    blocks = [" ".join(parts[i:i + BLOCK_SENTENCES]) for i in range(0, len(parts), BLOCK_SENTENCES)]
    weights = [len(block) for block in blocks]
    found = [analyzer().polarity_scores(block) for block in blocks]
    total = sum(weights)
    mean = {key: sum(w * f[key] for w, f in zip(weights, found)) / total
            for key in ("compound", "pos", "neu", "neg")}
    return Score(mean["compound"], mean["pos"], mean["neu"], mean["neg"], True)


def _score_chunk(texts: list[str]) -> list[Score]:
    return [score_text(text) for text in texts]


def score_texts(texts: list[str], workers: int | None = None) -> list[Score]:
    """Scores in input order; a large list is spread over `workers` processes (default: all cores)."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(texts) < PARALLEL_MIN_TEXTS:
        return _score_chunk(texts)
    size = math.ceil(len(texts) / (workers * 4))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    # forkserver: workers start from a clean process, never a fork of a threaded server
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["sentiment.scoring"])
    with context.Pool(workers, initializer=analyzer) as pool:
        return [score for chunk in pool.map(_score_chunk, chunks) for score in chunk]
