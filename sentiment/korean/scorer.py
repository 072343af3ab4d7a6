"""A Korean text's scores on VADER's compound scale, from the lexicon, the rules and the convolution: the
package's entry point (`score`, `score_many`)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from vaderSentiment.vaderSentiment import normalize

from .analyser import kiwi, lemmas, morphemes
from .convolution import SYLLABLE_WEIGHT, SYLLABLES, syllable_logits
from .counts import SYLLABLE_COUNT, syllable_features, word_features
from .grammar import CONTENT, says_any
from .weights import CX_WORDS, LEXICON, lexicon
from .words import ASKED, REQUEST_DONE

# The regression learned from opinionated reviews only, so on talk that gives no opinion (네 알겠습니다,
# 잠시만요, 네 안녕하세요) it still leans one way by chance, 0.2-0.9 either side, mostly by its syllables
# (^안 in 안녕). A reading that weak (|z| < WEAK_SCORE), or whose words as Kiwi reads them say next to
# nothing (their part of z under WEAK_WORDS), is no `leaning`: a call's dissatisfaction takes it as
# neutral, as it takes VADER's 0 for English without an opinion word (bench/README.md: 4% and 6% of
# the product reviews read that weakly, most hand-written call chatter does).
WEAK_SCORE, WEAK_WORDS = 1.5, 0.5
# z to VADER's scale: x / sqrt(x^2 + 15) of x = s x z, so that a Korean sentence reads about as strong as the
# same sentence in English reads to VADER. Chosen on 102 customer sentences written in both languages
# (bench/README.md), on the 56 pairs VADER reads as an opinion (|compound| >= 0.2) with the Korean sign
# agreeing. One scale for both signs differed least at 0.5 (0.205 a sentence; the regression's probability,
# tanh(z / 2), 0.342), but read Korean praise a quarter weaker than VADER reads the English (0.43 against
# 0.57 on average): the reviews' log-odds weigh praise less than VADER's valences do, and the bias leans
# every reading towards complaint. So praise and complaint each get the scale they differ least at: praise
# 0.6-0.8 (0.183-0.184 a sentence; 0.7, the middle), complaints 0.4-0.5 (0.210-0.225; 0.5, whose mean
# strength, 0.42 against VADER's 0.47, is the nearest).
PRAISE_SCALE, COMPLAINT_SCALE = 0.7, 0.5
# What a stored Korean score means, kept by a store (`meta`): 1 the regression's probability, 2 VADER's scale
# at 0.5 for both signs, 3 PRAISE_SCALE and COMPLAINT_SCALE. A store whose Korean texts were scored by an
# earlier one has them scored again (`empathy.loading.rescore`), so that their weeks compare with today's.
SCORER_VERSION = 3
# A survey's "anything else?" answered with nothing: 없음, 특별히 없습니다, 해당 없음, 잘 모르겠어요. Said with
# only these words (and 없다 or 모르다 among them), a comment is neutral, as VADER reads "N/A" and
# "nothing": the scorer would lean on 없 and 모르 as the reviews used them (없음 read -0.63).
NOTHING_TO_SAY = {("없", "VA"), ("모르", "VV"), ("그냥", "MAG"), ("특별히", "MAG"), ("딱히", "MAG"), ("별로", "MAG"),
                  ("전혀", "MAG"), ("잘", "MAG"), ("더", "MAG"), ("해당", "NNG"), ("기타", "NNG"), ("의견", "NNG"),
                  ("이상", "NNG"), ("특이", "NNG"), ("사항", "NNG"), ("특이사항", "NNG"), ("건의", "NNG")}
NOTHING_SAID = frozenset({"없", "모르"})  # one of them said: "nothing", "don't know"


class Korean(NamedTuple):
    compound: float
    pos: float
    neu: float
    neg: float
    lemmas: str  # the text's content morphemes, "form/TAG" joined by spaces: what themes match on
    leaning: float  # the compound a call's dissatisfaction reads: 0 for a weak reading (WEAK_SCORE, WEAK_WORDS)
    met: bool = False  # a request (REQUESTS) done for the customer: no failure in a call's dissatisfaction


def score(text: str) -> Korean:
    """One text's scores (`score_many` for a list)."""
    return score_many([text])[0]


def score_many(texts: list[str], lexicon_file: Path = LEXICON, syllables_file: Path = SYLLABLES,
               syllable_weight: float = SYLLABLE_WEIGHT) -> list[Korean]:
    """Scores of Korean texts, tokenized as one batch (other files than the shipped ones: bench/bench_korean.py's
    siblings learned without the rows it reports on; a weight of 0 for the convolution: the lexicon and the rules
    alone). The character convolution reads only the texts its logit joins (not those a rule read, a third of the
    movie reviews, nor those that say nothing)."""
    weights, bias = lexicon(lexicon_file)
    sums: list[list] = []  # each text's positive, negative, words' part, lemmas, and whether a request was met
    unruled: list[int] = []
    for text, found in zip(texts, kiwi().tokenize(texts)):
        said = morphemes(found)
        if _says_nothing(said):
            sums.append([0.0, 0.0, 0.0, lemmas(said), False])
            continue
        counted = word_features(text, said)
        positive = negative = 0.0
        for key, value in counted.items():
            if part := weights.get(key, 0.0) * value:
                if part > 0:
                    positive += part
                else:
                    negative -= part
        words = positive - negative
        for weight in filter(None, map(weights.get, syllable_features(text))):
            if weight > 0:
                positive += SYLLABLE_COUNT * weight
            else:
                negative -= SYLLABLE_COUNT * weight
        if (positive or negative) and not _ruled(counted):
            unruled.append(len(sums))
        sums.append([positive, negative, words, lemmas(said), REQUEST_DONE in counted])
    for i, logit in zip(unruled, syllable_logits([texts[i] for i in unruled], syllables_file) if syllable_weight else ()):
        if (part := syllable_weight * logit) > 0:
            sums[i][0] += part
        else:
            sums[i][1] -= part
    return [_reading(bias, *found) for found in sums]


def _reading(bias: float, positive: float, negative: float, words: float, said: str, met: bool) -> Korean:
    """A text's Korean scores from its weights' sums: z on VADER's scale (PRAISE_SCALE, COMPLAINT_SCALE), and
    no leaning where it reads weakly (WEAK_SCORE, WEAK_WORDS)."""
    z = bias + positive - negative if positive or negative else 0.0
    total = positive + negative + 1.0
    compound = round(normalize((PRAISE_SCALE if z > 0 else COMPLAINT_SCALE) * z), 4)
    leaning = 0.0 if abs(z) < WEAK_SCORE or abs(words) < WEAK_WORDS else compound
    return Korean(compound, round(positive / total, 3), round(1 / total, 3), round(negative / total, 3), said, leaning, met)


READ_BY_RULES = frozenset(CX_WORDS) | ASKED


def _ruled(counted: dict[str, float]) -> bool:
    """Whether a rule of Korean read the text: a word negated, a customer-service word (the rules' own words
    among them) or a request (확인 부탁드립니다, 바랍니다). There the rule's reading stands: the convolution,
    learned from reviews, reads 아쉬운 점이 하나도 없어요 by its 아쉬운, 택배가 왔어요 by the films' 왔어요, and a
    customer's closing request as a review's polite close (청구서가 틀렸습니다. 확인 부탁드립니다. -0.11 -> -0.08)."""
    return min(counted.values(), default=0.0) < 0 or not READ_BY_RULES.isdisjoint(counted)


def _says_nothing(found: list[tuple[str, str]]) -> bool:
    if not says_any(found, NOTHING_SAID):
        return False
    said = {morpheme for morpheme in found if morpheme[1] in CONTENT + ("NNB",)}
    return bool(said) and said <= NOTHING_TO_SAY and bool(said & {("없", "VA"), ("모르", "VV")})
