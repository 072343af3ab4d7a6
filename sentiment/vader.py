"""VADER's scores (vaderSentiment 3.3.2, MIT licence, Hutto & Gilbert 2014), the library's rules worked
out over each text's lowered words once.

The library lowers every word of a text again for each rule it checks (a text's words lowered about
fifty times), builds its negation list for every word it tests, and copies the text character by
character to find emoji. The rules, lexicon, boosters and special cases here are the library's own
(imported, not copied); only the bookkeeping differs, and the scores are the library's to the last
digit, quirks included: tests/test_sentiment_vader.py compares them on every rule and on random
texts, bench/bench_sentiment.py on VADER's four rated data sets and on the service dialogues. A
comment costs about a third of the library's time (bench/README.md), which is what lets a load's
scoring workers finish before the bare one-core VADER loop would.
"""

from __future__ import annotations

import math
import string

from vaderSentiment import vaderSentiment as library

NEGATIONS = frozenset(library.NEGATE)
# the words of the special cases and the boosters of more than one word: a sequence can match only
# where all of its words are among them
IDIOM_WORDS = frozenset(word for phrase in [*library.SPECIAL_CASES, *library.BOOSTER_DICT] if " " in phrase
                        for word in phrase.split())
SO_OR_THIS = ("so", "this")


class Vader:
    """`polarity_scores` as the library's `SentimentIntensityAnalyzer` gives it."""

    def __init__(self) -> None:
        analyzer = library.SentimentIntensityAnalyzer()
        self.lexicon = analyzer.lexicon
        self.emojis = analyzer.emojis

    def polarity_scores(self, text: str) -> dict[str, float]:
        text = (text if text.isascii() else self._emoji_described(text)).strip()
        # a token stripped of its punctuation, unless that leaves two characters or fewer (an emoticon)
        words = [stripped if len(stripped := token.strip(string.punctuation)) > 2 else token for token in text.split()]
        lowered = [word.lower() for word in words]
        capitals = sum(map(str.isupper, words))
        is_cap_diff = 0 < len(words) - capitals < len(words)
        lexicon, boosters = self.lexicon, library.BOOSTER_DICT
        sentiments = [self._valence(words, lowered, i, is_cap_diff) if word in lexicon and word not in boosters else 0
                      for i, word in enumerate(lowered)]
        if "but" in lowered:
            sentiments = _but_check(lowered.index("but"), sentiments)
        return _score_valence(sentiments, text)

    def _emoji_described(self, text: str) -> str:
        """Each emoji replaced by its description, spaced as the library spaces it."""
        described = []
        prev_space = True
        for character in text:
            if character in self.emojis:
                if not prev_space:
                    described.append(" ")
                described.append(self.emojis[character])
                prev_space = False
            else:
                described.append(character)
                prev_space = character == " "
        return "".join(described)

    def _valence(self, words: list[str], lowered: list[str], i: int, is_cap_diff: bool) -> float:
        """A lexicon word's valence (0 for any other word) with the rules of the words around it applied."""
        word = lowered[i]
        lexicon = self.lexicon
        if word == "kind" and i < len(words) - 1 and lowered[i + 1] == "of":
            return 0
        valence = lexicon[word]
        if word == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lowered[i - 1] == "no") or (i > 1 and lowered[i - 2] == "no") or \
                (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor")):
            valence = lexicon[word] * library.N_SCALAR
        if is_cap_diff and words[i].isupper():
            valence = valence + library.C_INCR if valence > 0 else valence - library.C_INCR
        for start_i in range(3):
            if i > start_i and lowered[i - (start_i + 1)] not in lexicon:
                scalar = _scalar_inc_dec(words[i - (start_i + 1)], lowered[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and scalar != 0:
                    scalar = scalar * 0.95
                if start_i == 2 and scalar != 0:
                    scalar = scalar * 0.9
                valence = _negation_check(valence + scalar, lowered, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lowered, i)
        if i > 0 and lowered[i - 1] == "least" and "least" not in lexicon and \
                (i == 1 or lowered[i - 2] not in ("at", "very")):
            valence = valence * library.N_SCALAR
        return valence


def _negated(word: str) -> bool:
    return word in NEGATIONS or "n't" in word


def _scalar_inc_dec(word: str, lowered: str, valence: float, is_cap_diff: bool) -> float:
    if lowered not in library.BOOSTER_DICT:
        return 0.0
    scalar = library.BOOSTER_DICT[lowered]
    if valence < 0:
        scalar *= -1
    if word.isupper() and is_cap_diff:
        scalar = scalar + library.C_INCR if valence > 0 else scalar - library.C_INCR
    return scalar


def _negation_check(valence: float, lowered: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lowered[i - 1]):
            valence = valence * library.N_SCALAR
    elif start_i == 1:
        if lowered[i - 2] == "never" and lowered[i - 1] in SO_OR_THIS:
            valence = valence * 1.25
        elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            pass
        elif _negated(lowered[i - 2]):
            valence = valence * library.N_SCALAR
    else:
        if (lowered[i - 3] == "never" and lowered[i - 2] in SO_OR_THIS) or lowered[i - 1] in SO_OR_THIS:
            valence = valence * 1.25
        elif lowered[i - 3] == "without" and (lowered[i - 2] == "doubt" or lowered[i - 1] == "doubt"):
            pass
        elif _negated(lowered[i - 3]):
            valence = valence * library.N_SCALAR
    return valence


def _special_idioms_check(valence: float, lowered: list[str], i: int) -> float:
    if IDIOM_WORDS.isdisjoint(lowered[i - 2:i + 2]):  # every sequence below has a word in i-2..i+1
        return valence
    onezero = f"{lowered[i - 1]} {lowered[i]}"
    twoonezero = f"{lowered[i - 2]} {lowered[i - 1]} {lowered[i]}"
    twoone = f"{lowered[i - 2]} {lowered[i - 1]}"
    threetwoone = f"{lowered[i - 3]} {lowered[i - 2]} {lowered[i - 1]}"
    threetwo = f"{lowered[i - 3]} {lowered[i - 2]}"
    for sequence in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if sequence in library.SPECIAL_CASES:
            valence = library.SPECIAL_CASES[sequence]
            break
    if len(lowered) - 1 > i:
        zeroone = f"{lowered[i]} {lowered[i + 1]}"
        if zeroone in library.SPECIAL_CASES:
            valence = library.SPECIAL_CASES[zeroone]
    if len(lowered) - 1 > i + 1:
        zeroonetwo = f"{lowered[i]} {lowered[i + 1]} {lowered[i + 2]}"
        if zeroonetwo in library.SPECIAL_CASES:
            valence = library.SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in library.BOOSTER_DICT:
            valence = valence + library.BOOSTER_DICT[n_gram]
    return valence


def _but_check(but_at: int, sentiments: list[float]) -> list[float]:
    """The library's loop as it is: it finds each value by `index`, so a value that comes twice is
    weighted at its first place only, and the list changes under the loop."""
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < but_at:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > but_at:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _score_valence(sentiments: list[float], text: str) -> dict[str, float]:
    if not sentiments:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    sum_s = float(sum(sentiments))
    questions = text.count("?")
    emphasis = min(text.count("!"), 4) * 0.292 + ((questions * 0.18 if questions <= 3 else 0.96) if questions > 1 else 0)
    if sum_s > 0:
        sum_s += emphasis
    elif sum_s < 0:
        sum_s -= emphasis
    compound = library.normalize(sum_s)
    pos_sum = neg_sum = 0.0
    laden = [sentiment for sentiment in sentiments if sentiment]
    neu_count = len(sentiments) - len(laden)
    for sentiment in laden:
        if sentiment > 0:
            pos_sum += float(sentiment) + 1
        else:
            neg_sum += float(sentiment) - 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= emphasis
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {"neg": round(math.fabs(neg_sum / total), 3), "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3), "compound": round(compound, 4)}
