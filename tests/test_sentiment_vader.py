import random

import pytest
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

from sentiment.vader import Vader

LIBRARY = SentimentIntensityAnalyzer()
OURS = Vader()

# One sentence or more for each of the library's rules, and for its quirks.
RULES = [
    "", "   ", "!!!", "ok", "The invoice arrived.",  # no words, no lexicon words
    "Great product", "Billing is a mess, invoice wrong again", "Support was slow this week.",
    "The support is GREAT but the app is slow", "GREAT GOOD NICE",  # capitals among others, and all capitals
    "The app is very good", "The app is VERY good", "It is extremely bad", "It is slightly good",  # boosters
    "It is kind of good", "It is sort of bad", "It was just enough good",  # boosters of two words
    "It is not good", "It isn't good", "It is not very good", "never so good", "never this bad",
    "I am without doubt happy", "without a doubt happy", "no good", "no problem", "not bad, not good",
    "no fun or joy", "no fun nor joy", "least good", "at least good", "very least good", "the least bad",
    "He is the shit", "it was the bomb", "a bad ass car", "yeah right great", "kiss of death sadly",
    "a cake to die for", "the bus stop is nice",  # special cases
    "good but bad", "good but good but bad", "good good but bad bad", "bad but", "but good",  # 'but', repeated values
    "Good!", "Good!!", "Good!!!!!!", "Good??", "Good????", "bad!?", "good, bad!!",  # emphasis
    "ez ez fubar!!", "ez ez fubar??", "good bad!!", "love hate!!!",  # emphasis where the sum is 0 (1.5 + 1.5 - 3.0) and near it
    ":) thanks", ":-( no", ":D", "<3 it", "what a day :/",  # emoticons
    "I love it 😀", "ok😀", "😡😡 angry", "café is nice", "naïve but kind",  # emoji and other non-ASCII
    "Good.", "'good'", "(bad)", "\"great\" service", "a...", "it's fine", "can't complain, it's good",
]


@pytest.mark.parametrize("text", RULES)
def test_each_rule_scores_as_the_library_does(text):
    assert OURS.polarity_scores(text) == LIBRARY.polarity_scores(text)


def test_random_texts_of_rule_words_score_as_the_library_does():
    """Texts drawn from the words every rule looks at, so rules meet each other in every order."""
    rng = random.Random(7)
    words = (list(LIBRARY.lexicon)[::7] + list(BOOSTER_DICT) * 3 + NEGATE * 3
             + [word for phrase in SPECIAL_CASES for word in phrase.split()] * 3
             + ["but", "But", "BUT", "no", "No", "least", "at", "very", "kind", "of", "never", "so", "this",
                "without", "doubt", "or", "nor", "the", "it", "is"] * 10
             + ["!", "?", "!!", "???", ":)", ":-(", "GREAT", "BAD", "Good!", "bad.", "don't", "😀", "😡", "ok😀"] * 5)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    different = [text for text in texts if OURS.polarity_scores(text) != LIBRARY.polarity_scores(text)]
    assert different == []


def test_scores_are_not_all_alike():
    """The comparison means something only if the texts are scored at all."""
    compounds = {OURS.polarity_scores(text)["compound"] for text in RULES}
    assert len(compounds) > 30
    assert OURS.polarity_scores("The app is very good")["compound"] > OURS.polarity_scores("The app is good")["compound"] > 0
