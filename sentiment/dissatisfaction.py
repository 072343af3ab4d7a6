"""How unhappy a customer turn is, from 0 (not at all) to 1: a score beside the compound (VADER's for
English, the Korean scorer's for Korean), which stays as it is.

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
# The same in Korean, so a Korean call's dissatisfaction means what an English one's does: rejections
# and corrections (아니요, 그게 아니라, 몇 번을 말씀드려야, 이미 말씀드렸는데, 다른 거요) and failures
# (아직도 안 됐어요, 안 돼요, 해지/환불/취소, 기다리고 있어요, 고장/오류/먹통, 최악/엉망/불친절).
KOREAN = (
    (("아니",), r"(?:^|[\s.,!?])아니(?:요|에요|예요|오|라)|그(?:게|거|건) 아니"),
    (("말씀", "말했", "얘기했", "말했잖"), r"몇 ?번(?:을|이나|째)? ?(?:말씀|말|얘기)|(?:이미|벌써|아까|분명히?) ?(?:말씀 ?드렸|말했|얘기했)"),
    (("다른",), r"다른 (?:걸|거|것|방법|분|제품|상품|날|시간|곳)"),
    (("아직",), r"아직(?:도|까지)? ?(?:안|못|처리|해결|연락|답|소식)"),
    (("안",), r"안 ?(?:돼|되|됐|됩|와|왔|옵|나와|나옵)|안 ?(?:열려|열리|켜|켜지)"),
    (("해지", "환불", "취소", "반품"), r"해지|환불|취소|반품"),
    (("기다",), r"기다리(?:고|는|다|라)|기다렸"),
    (("고장", "오류", "에러", "먹통", "장애", "불량", "누락"), r"고장|오류|에러|먹통|장애|불량|누락"),
    (("최악", "엉망", "불친절", "짜증", "답답", "황당", "어이없", "실망"), r"최악|엉망|불친절|짜증|답답|황당|어이없|실망"),
)
PHRASES = tuple((frozenset(needles), re.compile(pattern)) for needles, pattern in REJECTIONS + FAILURES + KOREAN)
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
