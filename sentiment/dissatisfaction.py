"""How unhappy a customer turn is, from 0 (not at all) to 1: a score beside VADER's compound, which
stays as it is.

VADER reads "No, that doesn't work. Thanks anyway, great." as positive: the polite words around a
failure outweigh it. Service conversations say dissatisfaction in phrases VADER's lexicon does not
hold: a rejection or correction ("no, that's not right", "something else", "instead", "won't
work") and a failure ("still waiting", "no trains available", "never arrived", "cancel"). So:

    dissatisfaction = min(1, 0.35 x (phrase groups matched, at most 2) + 0.5 x max(0, -c) + 0.15 x (1 - max(0, c)))

where c is VADER's compound of the turn: a neutral turn without such phrases scores 0.15, a glowing
one near 0, a polite rejection ("No, that doesn't work for me. Thanks anyway.") 0.7 or more whatever
VADER makes of the thanks. (Scoring the turn again without "thank you", "please", "sorry" was tried:
no better on the development set, and a second VADER pass over most turns.) Weights chosen on the development set of
../shared/data/service-dialogues (bench/bench_dialogues.py measures it beside plain VADER).
"""

from __future__ import annotations

import re

# (words one of which the phrase must contain, the phrase): the words are a quick test on the lowered
# text, so the phrase's regular expression runs only on the few turns that could say it.
REJECTIONS = (
    (("no", "nah", "negative", "wrong"), r"^\W*(?:no|nope|nah|negative|wrong)\b"),
    (("not",), r"\bnot (?:quite )?(?:right|correct|what i)"),
    (("wrong",), r"\bwrong\b"),
    (("work", "suit", "help"),
     r"\b(?:won'?t|doesn'?t|does not|will not|didn'?t|did not|isn'?t|is not) (?:work|suit|help)"),
    (("interested",), r"\bnot interested\b"),
    (("else",), r"\b(?:something|anything|somewhere|someone) else\b"),
    (("other",), r"\b(?:another|other) (?:one|option|place|time|date|flight|restaurant|hotel|car|events?"
                 r"|recommendations?|options|places|ones)\b"),
    (("instead",), r"\binstead\b"),
    (("don", "do not"), r"\bi (?:don'?t|do not) (?:like|want|need|think)"),
    (("again", "one more time"), r"\btry again\b|\bone more time\b|\bsearch again\b|\bfind again\b"),
    (("other", "else"), r"\b(?:any|anything) (?:other|else)\b"),
    (("said", "already", "told"), r"\bi said\b|\bi already\b|\bi told you\b"),
)
FAILURES = (
    (("still",), r"\bstill\b"),
    (("available", "left"), r"\b(?:no|not any|none) \w+ (?:available|left)\b|\bnot available\b|\bunavailable\b"),
    (("broken", "down", "missing", "fail", "error"), r"\b(?:broken|down|missing|failed|fails|error)\b"),
    (("never",), r"\bnever (?:arrived|came|received|got|showed)\b"),
    (("cancel", "refund"), r"\b(?:cancel\w*|refund\w*)\b"),
    (("wait",), r"\bwait(?:ing|ed)?\b"),
    (("mess",), r"\bmess\b"),
    (("frustrat", "annoy", "disappoint", "useless", "ridiculous", "unacceptable", "terrible", "awful", "horrible"),
     r"\b(?:frustrat\w*|annoy\w*|disappoint\w*|useless|ridiculous|unacceptable|terrible|awful|horrible)\b"),
)
PHRASES = tuple((frozenset(needles), re.compile(pattern)) for needles, pattern in REJECTIONS + FAILURES)
NEEDLES = tuple(sorted(set().union(*(needles for needles, _ in PHRASES))))


def phrase_groups(text: str) -> int:
    """How many of the rejection and failure phrase groups the text says (in any case)."""
    lowered = text.lower()
    present = {needle for needle in NEEDLES if needle in lowered}
    if not present:
        return 0
    return sum(1 for needles, phrase in PHRASES if not present.isdisjoint(needles) and phrase.search(lowered))


def dissatisfaction(text: str, compound: float) -> float:
    """The turn's dissatisfaction from its text and VADER's compound of it."""
    return min(1.0, 0.35 * min(phrase_groups(text), 2) + 0.5 * max(0.0, -compound) + 0.15 * (1 - max(0.0, compound)))
