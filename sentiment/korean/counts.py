"""What the regression counts in a text: each content morpheme signed and weighted by where it stands (negated,
intensified, before or after a contrast, in the closing clause, in a question), pairs of neighbouring words,
emoticons, points given, and runs of syllables. `bench/build_korean_lexicon.py` learns on exactly these."""

from __future__ import annotations

import re

from .contrast import WORRIES, last_contrast, only_then, what_was_feared, worry_overturned
from .grammar import (CONTENT, INTENSIFIERS, NEGATORS_BEFORE, clause_start, explained_from, final_clause, intensified,
                      questions, says_any)
from .negation import ALMOST, NEGATIVE_POLARITY, negation_follows, negation_scope, said_of_a_noun
from .rewrites import REWRITES
from .weights import CX_WORDS
from .words import HOW, PROMISED, SAID_BY_HOW, TRYING

# A negated word counts the other way, as strongly (VADER's -0.74 read fewer negated rewrites right on
# a validation tenth of the build rows: 0.53 against 0.60); the closing clause 2.5 times (1.5: 0.47).
NEGATION_SCALE = -1.0
INTENSITY = 1.5
BEFORE_CONTRAST, AFTER_CONTRAST = 0.5, 1.5
FINAL_CLAUSE = 2.5
# A question asks more than it tells (해결 방법이 있을까요?): its words count a third, and the stance is
# read from the last sentence that is not one, unless it asks why (왜 이렇게 느린가요?), a complaint.
QUESTION = 0.3
EASE = {"편하", "쉽", "좋", "어렵", "힘들", "불편", "편리", "간편", "까다롭", "번거롭", "괜찮", "나쁘", "싫"}  # 기다리기 편하다
# How a thing felt, said before what was done (`felt_as`: 기분 좋게 탔어요, 즐겁게 놀았어요, 불쾌하게 끊었어요)
FELT = {"좋", "편하", "편리", "간편", "괜찮", "나쁘", "불편", "즐겁", "맛있", "행복", "편안", "기쁘", "알차", "유익", "찝찝",
        "불쾌", "속상", "황당"}
DONE, DONE_WITH_EASE = ("하", "XSV"), {"쉽", "어렵"}  # a noun and 하다, a thing done (조립하다), `felt_as`
EMOTICONS = (("EMO/sad", re.compile(r"[ㅠㅜ]{1,}|T[._]T|ㅡ[._]ㅡ")), ("EMO/annoyed", re.compile(r"ㅡㅡ|;;+|-_-")),
             ("EMO/laugh", re.compile(r"[ㅋㅎ]{2,}")), ("EMO/smile", re.compile(r"\^\^|\^_\^|:\)|:D")),
             ("EMO/rude", re.compile(r"ㅗ+")))  # the jamo ㅗ drawn as a raised finger (최악이다 ㅗㅗ)
HANGUL_SYLLABLES = re.compile(r"[\uac00-\ud7a3]+")
# Points given (10점 드립니다, 닥치고 1점): each number of points up to 10 a word of its own, whose weight the
# reviews teach; given out of a stated top (5점 만점에 2점), as so many out of 10, the top and its 만점
# ("full marks") counted as no praise.
POINTS = re.compile(r"(?<![\d.])(\d{1,2})\s*점(?!\s*만점)")
POINTS_OUT_OF = re.compile(r"(?<![\d.])(\d{1,3})\s*점\s*만점\s*(?:에서|에|중)?\s*(?:는\s*)?(\d{1,3})\s*점")
# A run of syllables counts half a word (`syllable_features`): whole words say more than their letters.
SYLLABLE_COUNT = 0.5


def features(text: str, found: list[tuple[str, str]]) -> dict[str, float]:
    """The text's counts as the lexicon learns them: its `word_features` and its `syllable_features`, each
    SYLLABLE_COUNT."""
    counted = word_features(text, found)
    for key in syllable_features(text):
        counted[key] = counted.get(key, 0.0) + SYLLABLE_COUNT
    return counted


def syllable_features(text: str) -> list[str]:
    """Each pair and run of three neighbouring syllables, spaces left out (what Kiwi splits wrongly, spacing
    errors: 재미없다 and 재미 없다 share 재미, 미없; on held-out reviews movies 0.804 -> 0.830, products 0.935 ->
    0.941, negated 0.852 -> 0.872), and each word's first and last syllable as such (^안, 다$: word stems and
    endings Kiwi leaves unknown; with the runs of three, validation tenth 0.843 -> 0.850), once for each time
    it occurs. Apart from the words: no rule changes what they count, so the scorer sums their weights straight."""
    words = HANGUL_SYLLABLES.findall(text)
    letters = "".join(words)
    marked = [f"^{word}$" for word in words]
    return ([letters[i:i + 2] + "/CH" for i in range(len(letters) - 1)]
            + [letters[i:i + 3] + "/C3" for i in range(len(letters) - 2)]
            + [word[i:i + 2] + "/SB" for word in marked for i in range(len(word) - 1)])


def word_features(text: str, found: list[tuple[str, str]]) -> dict[str, float]:
    """The text's signed morpheme counts: each content morpheme 1, negated NEGATION_SCALE, after an
    intensifier INTENSITY times, before a contrast BEFORE_CONTRAST and after it AFTER_CONTRAST times,
    in the last clause FINAL_CLAUSE times (Korean says its stance in the closing predicate), in a
    question QUESTION times;
    idioms (마음에 들다) as one word; each pair of neighbouring content morphemes as a word of its own;
    emoticons and jamo as words too."""
    for rewrite in REWRITES:
        found = rewrite(found)
    counted: dict[str, float] = {}
    contrast = last_contrast(found)
    feared = what_was_feared(found, contrast)
    asked = questions(found)
    told = min(max((i for i in range(len(found)) if i not in asked), default=len(found) - 1) + 1, explained_from(found))
    final = final_clause(found[:told])
    felt = None
    if final < told and (found[final][1] == "VV" or found[final + 1:final + 2] == [DONE]) and felt_as(found, final):
        felt, final = final, clause_start(found, final - 1)  # 기분 좋게 탔어요: how it felt closes the text
    negated = negation_scope(found) ^ only_then(found)
    intensifying = says_any(found, INTENSIFIERS)
    previous = None
    for i, (form, tag) in enumerate(found):
        if tag not in CONTENT or (form, tag) in NEGATORS_BEFORE or form in INTENSIFIERS or i in feared:
            continue
        if tag == "VA" and form == "없" and said_of_a_noun(found, i):
            continue  # "문제(가) 없어요": the noun is negated below, 없다 itself says nothing more
        if form in NEGATIVE_POLARITY and negation_follows(found, i):
            continue
        if (form, tag) == ALMOST and found[i + 1:i + 2] == [("없", "VA")] and said_of_a_noun(found, i + 1):
            continue  # 소음이 거의 없어요: next to none of the noise, said by the noun turned round
        if form in WORRIES and i + 3 < len(found) and worry_overturned(found, i + 3):
            continue  # 걱정했는데 괜찮네요: the worry is what came to nothing
        if (form, tag) in SAID_BY_HOW and i and found[i - 1] in HOW or i == felt:
            continue  # 빠르게 왔어요, 간단하게 끝났어요: how it came or ended says it (the reviews' 오다 -0.7, 끝나다 -0.3)
        if form == "기다리" and (found[i + 1:i + 2] in PROMISED or found[i + 1:i + 3] == TRYING
                                 and found[i + 3:i + 4] in PROMISED):
            continue  # 기다릴게요, 기다리겠습니다, 기다려 볼게요: "I'll wait", no complaint of waiting
        if f"{form}/{tag}" in CX_WORDS and found[i + 1:i + 2] == [("기", "ETN")] and found[i + 2:i + 3] \
                and found[i + 2][0] in EASE:
            continue  # 기다리기 편했어요: what was easy or hard to do; the adjective says how it went
        key = f"{form.lower() if tag == 'SL' else form}/{tag}"
        value = NEGATION_SCALE if i in negated else 1.0
        if intensifying and intensified(found, i):
            value *= INTENSITY
        if contrast is not None:
            value *= BEFORE_CONTRAST if i < contrast else AFTER_CONTRAST
        if final <= i < told:
            value *= FINAL_CLAUSE
        if i in asked:
            value *= QUESTION
        counted[key] = counted.get(key, 0.0) + value
        if previous is not None:
            pair = f"{previous}+{key}"
            counted[pair] = counted.get(pair, 0.0) + value
        previous = key
    for name, pattern in EMOTICONS:
        if found_here := len(pattern.findall(text)):
            counted[name] = counted.get(name, 0.0) + found_here
    if "점" in text:
        _count_points(text, counted)
    return counted


def felt_as(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the verb at `i` is said with how it felt, -게 after an adjective of it (기분 좋게 탔어요, 맛있게 먹었어요,
    편하게 쉬었어요, 불편하게 앉아 왔어요): closing the text, the adjective says it, not the verb (the films' 타다 and 먹다
    lean against). 쉽게 and 어렵게 only before a thing done, a noun and 하다 (설명서 없이도 쉽게 조립했어요, 어렵게
    가입했어요), not before what happens (쉽게 벗겨집니다: what happens easily is the verb); nor 재밌게 (the films' 재밌게
    봤다 weighs 보다 as praise)."""
    if i < 2 or found[i - 1] != ("게", "EC"):
        return False
    stem = found[i - 3] if found[i - 2] == ("하", "XSA") and i > 2 else found[i - 2]
    return stem[0] in FELT or (stem[0] in DONE_WITH_EASE and found[i + 1:i + 2] == [DONE])


def _count_points(text: str, counted: dict[str, float]) -> None:
    """The points a text gives (POINTS), as words "N점/PT", N out of 10."""
    given = []
    for top, points in POINTS_OUT_OF.findall(text):
        if 0 < int(points) <= int(top):
            given.append(round(10 * int(points) / int(top)))
            counted.pop("만점/NNG", None)
    given += [int(points) for points in POINTS.findall(POINTS_OUT_OF.sub(" ", text)) if int(points) <= 10]
    for points in given:
        counted[f"{points}점/PT"] = counted.get(f"{points}점/PT", 0.0) + 1.0
