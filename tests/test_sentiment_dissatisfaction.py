"""The dissatisfaction score, worked out by hand from its documented formula with VADER itself."""

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from sentiment.dissatisfaction import phrase_groups
from sentiment.scoring import score_text

VADER = SentimentIntensityAnalyzer()


def by_hand(groups: int, text: str) -> float:
    c = VADER.polarity_scores(text)["compound"]
    return min(1.0, 0.35 * min(groups, 2) + 0.5 * max(0.0, -c) + 0.15 * (1 - max(0.0, c)))


def test_a_polite_rejection_vader_calls_positive_is_dissatisfied():
    text = "No, that doesn't work for me. Thanks anyway, great."
    assert VADER.polarity_scores(text)["compound"] > 0  # what the board showed before
    assert phrase_groups(text) == 2  # "No," and "doesn't work"
    score = score_text(text)
    assert score.compound == VADER.polarity_scores(text)["compound"]  # VADER's own score is kept as it is
    assert score.dissatisfaction == pytest.approx(by_hand(2, text))
    assert score.dissatisfaction >= 0.7


@pytest.mark.parametrize(("text", "groups"), [
    ("I am still waiting for my refund.", 3), ("There are no trains available at that time.", 1),
    ("My parcel never arrived.", 1), ("Please find something else, instead of that one.", 2),
])
def test_service_failures_and_rejections_are_read(text, groups):
    assert phrase_groups(text) == groups
    assert score_text(text).dissatisfaction == pytest.approx(by_hand(groups, text))


def test_a_happy_turn_scores_near_zero_and_an_unscored_one_none():
    happy = score_text("Great, that works perfectly, thank you!").dissatisfaction
    assert happy == pytest.approx(by_hand(0, "Great, that works perfectly, thank you!")) and happy < 0.05
    assert score_text("[noise]").dissatisfaction is None
    assert score_text("La factura está mal otra vez y nadie responde nuestras llamadas.").dissatisfaction is None


@pytest.mark.parametrize(("text", "groups"), [
    ("아직도 안 됐어요", 2), ("몇 번을 말씀드려야 하나요?", 1), ("해지하겠습니다.", 1), ("환불해 주세요.", 1),
    ("이미 말씀드렸는데 아직 연락이 없어요", 2), ("정말 감사합니다, 잘 해결됐어요", 0),
])
def test_korean_rejections_and_failures_count_as_english_ones_do(text, groups):
    """The same formula over the Korean scorer's compound: a Korean call's dissatisfaction means what an
    English one's does."""
    score = score_text(text)
    assert (score.language, phrase_groups(text)) == ("ko", groups)
    c = score.compound
    assert score.dissatisfaction == pytest.approx(min(1.0, 0.35 * min(groups, 2) + 0.5 * max(0.0, -c)
                                                      + 0.15 * (1 - max(0.0, c))))
    assert (score.dissatisfaction >= 0.5) == (groups > 0)
