import os
import signal
import time

import pytest
from conftest import scoring_workers
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from sentiment.scoring import (
    KIWI_START_COST,
    KOREAN_COST,
    LONG_TURN_SENTENCES,
    PARALLEL_MIN_TEXTS,
    _POOL,
    Scoring,
    _chunks,
    _levelled,
    _Worker,
    idle_workers,
    judgeable,
    score_chunk,
    score_text,
    score_texts,
)

VADER = SentimentIntensityAnalyzer()


@pytest.mark.parametrize("text", [
    "Our invoice is wrong again and I am really annoyed.",
    "Great, thank you, that is a relief.",
    "I called on Tuesday.",
    "This is awful. Nothing works! Why?",
])
def test_an_ordinary_turn_is_scored_whole_exactly_as_vader_scores_it(text):
    expected = VADER.polarity_scores(text)
    score = score_text(text)
    assert score.scored
    assert (score.compound, score.pos, score.neu, score.neg) == \
        (expected["compound"], expected["pos"], expected["neu"], expected["neg"])


@pytest.mark.parametrize("text", ["請求書が間違っています", "12345 !!! ???",
                                  "La factura está mal otra vez y nadie responde nuestras llamadas"])
def test_text_vader_cannot_judge_is_unscored_not_zero(text):
    score = score_text(text)
    assert not score.scored and score.compound is None
    assert not judgeable(text)


@pytest.mark.parametrize(("text", "said"), [
    ("(laughs) It still does not work [inaudible] and I am annoyed.", "It still does not work and I am annoyed."),
    ("<unk> great <unk>, thanks", "great , thanks"),
    ("[noise] Fine. [Background noise]", "Fine."),
])
def test_non_speech_tags_are_not_scored_as_words(text, said):
    expected = VADER.polarity_scores(said)
    assert score_text(text).compound == expected["compound"]


@pytest.mark.parametrize("text", ["[noise]", "<unk>", "(laughs)", "[inaudible] [crosstalk]", "  (Sighs)  "])
def test_a_turn_of_tags_only_is_unscored_not_zero(text):
    score = score_text(text)
    assert not score.scored and score.compound is None


def test_parentheses_that_are_speech_are_kept():
    text = "The invoice (the one from May) is wrong."
    assert score_text(text).compound == VADER.polarity_scores(text)["compound"]


@pytest.mark.parametrize(("text", "language"), [
    ("La factura está mal otra vez y nadie responde nuestras llamadas", "es"),
    ("Die Rechnung ist schon wieder falsch und niemand antwortet", "de"),
    ("Je veux annuler mon abonnement, rien ne marche depuis hier", "fr"),
])
def test_another_language_is_unscored_and_named(text, language):
    score = score_text(text)
    assert (score.scored, score.compound, score.language) == (False, None, language)


@pytest.mark.parametrize("text", ["video failed after 3 weeks.", "looks great, works like crap.",
                                  "Stupid rain. Stupid treadmill hell.", "Thanks!", "ok"])
def test_short_english_without_function_words_is_scored(text):
    score = score_text(text)
    assert score.scored and score.language == "en"
    assert score.compound == VADER.polarity_scores(text)["compound"]


def test_a_long_monologue_is_scored_in_blocks_weighted_by_length():
    sentences = ["I love the new dashboard.", "The reports are great.", "Support was helpful.",
                 "But billing is a disaster.", "We were overcharged again.", "I am furious about it.",
                 "Nobody answers our emails."]
    assert len(sentences) > LONG_TURN_SENTENCES
    text = " ".join(sentences)
    blocks = [" ".join(sentences[0:3]), " ".join(sentences[3:6]), sentences[6]]
    expected = sum(len(b) * VADER.polarity_scores(b)["compound"] for b in blocks) / sum(len(b) for b in blocks)
    assert score_text(text).compound == pytest.approx(expected)
    assert abs(score_text(text).compound) < abs(VADER.polarity_scores(text)["compound"])


def test_parallel_scoring_gives_the_same_scores_in_the_same_order():
    texts = [f"Turn {i}: the service was {'great' if i % 3 else 'terrible'} today." for i in range(5000)]
    texts[17] = "이번 달 청구서가 틀렸습니다."
    assert score_texts(texts, workers=2) == [score_text(t) for t in texts]


def test_comments_can_be_scored_without_their_dissatisfaction_in_workers_too():
    texts = [f"Comment {i}: the invoice is {'fine' if i % 2 else 'wrong again, this is awful'}." for i in range(4500)]
    for workers in (1, 2):
        scores = score_texts(texts, workers=workers, with_dissatisfaction=False)
        assert [s.dissatisfaction for s in scores] == [None] * len(texts)
        assert [s.compound for s in scores] == [VADER.polarity_scores(t)["compound"] for t in texts]
    assert score_texts(texts[:1])[0].dissatisfaction is not None


@pytest.mark.parametrize(("text", "sign"), [
    ("이번 달 청구서가 틀렸습니다. 확인 부탁드립니다.", -1), ("상담원분이 정말 친절하게 해결해 주셨어요", 1),
    ("UI가 너무 slow해요", -1), ("Thanks 김민지, that fixed it", 1),
])
def test_korean_and_mixed_korean_english_text_is_scored_on_the_compound_scale_and_named(text, sign):
    score = score_text(text)
    assert score.scored and score.language == "ko" and judgeable(text)
    assert -1 < score.compound < 1 and score.compound * sign > 0.1
    assert score.lemmas and abs(score.pos + score.neu + score.neg - 1) < 0.01


def test_english_keeps_its_language_and_vaders_scores():
    score = score_text("The invoice is wrong again.")
    assert score.language == "en" and score.lemmas is None
    assert score.compound == VADER.polarity_scores("The invoice is wrong again.")["compound"]


def test_a_few_korean_texts_go_to_one_worker_and_many_to_all():
    """A text costs its length, a Korean one 35 times it, and Kiwi's start in a worker 2,000,000
    characters: a few Korean texts go to one worker, with English ones beside them up to an equal
    share; many are spread over every worker, each starting Kiwi."""
    english = [f"Order {i:05d} arrived late." for i in range(60_000)]  # 25 characters each
    few = [f"주문 {i:03d}번이 늦게 왔어요." for i in range(100)]  # 16 each
    # Korean 100 * 16 * 35 + 2,000,000 = 2,056,000, more than a share of (1,500,000 + 2,056,000) / 2:
    # the Korean alone in one worker (2,056,000) beats spreading (2,000,000 + 1,556,000 / 2)
    one, other = _chunks(english[:500] + few + english[500:], 2)
    assert one == few and len(other) == 60_000
    # three times the English: a share of (4,500,000 + 2,056,000) / 2 = 3,278,000, the Korean worker
    # 1,222,000 / 25 = 48,880 English texts beside its own
    one, other = _chunks(few + english * 3, 2)
    assert (len(one), len(other)) == (100 + 48_880, 180_000 - 48_880) and one[:100] == few
    # the first worker started Kiwi ahead of its texts (`Scoring(korean=True)`): its Korean costs
    # 56,000 alone, a share (4,500,000 + 56,000) / 2 = 2,278,000, so 2,222,000 / 25 = 88,880 English beside
    one, other = _chunks(few + english * 3, 2, kiwi_started=True)
    assert (len(one), len(other)) == (100 + 88_880, 180_000 - 88_880)
    assert [len(chunk) for chunk in _chunks(english, 3)] == [20_000, 20_000, 20_000]
    many = [f"주문 {i:03d}번이 늦게 왔어요." for i in range(5_000)]
    # 5,000 * 16 * 35 + 2,000,000 = 4,800,000 alone, against 2,000,000 + (2,800,000 + 100,000) / 2 spread
    assert [sum("주문" in text for text in chunk) for chunk in _chunks(many + english[:4_000], 2)] == [2_500, 2_500]


def test_what_each_worker_was_sent_before_is_evened_out():
    """Water-filling: the ones owing least are raised to the next one's level until the amount runs out."""
    assert _levelled(10, [4, 0, 1]) == [1, 5, 4]  # all raised to (10 + 5) / 3 = 5
    assert _levelled(3, [4, 0, 1]) == [0, 2, 1]  # 0 and 1 raised to (3 + 1) / 2 = 2; 4 stays above
    english = [f"Order {i:05d} arrived late." for i in range(1000)]  # 25 characters each: 25,000
    assert [len(chunk) for chunk in _chunks(english, 2, owed=[30_000, 0])] == [0, 1000]  # the first busy
    assert [len(chunk) for chunk in _chunks(english, 2, owed=[10_000, 0])] == [300, 700]  # 7,500 + 10,000 = 17,500


def test_a_worker_starting_kiwi_gets_no_english_until_the_other_has_as_much_to_do():
    """A new process's first Korean load: the first worker starts Kiwi (counted as KIWI_START_COST), so a
    block's English goes to the other until both have as much to do; the Korean goes to the first."""
    for earlier in _POOL.take(len(idle_workers())):  # no waiting worker with Kiwi started already
        earlier.end()
        earlier.close()
    scoring = Scoring(workers=2, korean=True)
    english = [f"Order {i:05d} arrived late." for i in range(1000)]  # 25,000 characters' time
    scoring.send(english[:500] + ["청구서가 또 틀렸어요."] + english[500:])
    assert scoring.chunks[0] == ["청구서가 또 틀렸어요."] and len(scoring.chunks[1]) == 1000
    assert scoring._owed == [KIWI_START_COST + 12 * KOREAN_COST, 25_000]  # 12 characters of Korean
    texts = english + ["청구서가 또 틀렸어요."]
    assert scoring.scores() == dict(zip(texts, score_chunk(texts)))


def test_the_callers_other_work_is_done_while_the_workers_score():
    """`meanwhile` (a load starting Kiwi for its themes) runs with the scoring processes at work, not
    before them, where it would hold them back, nor after."""
    running = []
    texts = [f"Order {i} arrived late and the box was damaged." for i in range(PARALLEL_MIN_TEXTS)]
    scores = score_texts(texts, workers=2, meanwhile=lambda: running.append(len(scoring_workers())))
    assert running == [2]
    assert scores == score_chunk(texts)

    def failing():
        raise OSError("the taxonomy could not be read")

    with pytest.raises(OSError):
        score_texts(texts, workers=2, meanwhile=failing)
    assert scoring_workers() == []  # none left scoring for nobody


def test_plain_scores_are_the_scores_as_tuples_in_their_order():
    """A load takes the workers' scores apart into columns: as plain tuples, without a Score made for each."""
    texts = [f"Ticket {i}: the refund never came." for i in range(PARALLEL_MIN_TEXTS)] + ["청구서가 또 틀렸어요."]
    plain = score_texts(texts, workers=2, plain=True)
    assert type(plain[0]) is tuple and plain == [tuple(score) for score in score_chunk(texts)]


def test_the_scoring_processes_wait_for_the_next_load_with_kiwi_started():
    """The app server's second load finds the processes of its first, Kiwi's among them."""
    texts = [f"Order {i} arrived late and the box was damaged." for i in range(PARALLEL_MIN_TEXTS)]
    texts += ["청구서가 또 틀렸어요."]
    assert score_texts(texts, workers=2) == score_chunk(texts)
    waiting = idle_workers()
    assert len(waiting) == 2 and scoring_workers() == []
    scoring = Scoring(texts, workers=2)
    assert scoring.chunks[0][0] == "청구서가 또 틀렸어요."  # to the worker with Kiwi, not counted as its start
    assert len(scoring.chunks[0]) > len(texts) / 2 - 100
    assert {text: score for text, score in scoring.scores().items()} == dict(zip(texts, score_chunk(texts)))
    assert sorted(idle_workers()) == sorted(waiting)


def test_a_waiting_process_killed_by_the_system_is_replaced_and_a_busy_one_stopped_is_killed():
    texts = [f"Order {i} arrived late and the box was damaged." for i in range(PARALLEL_MIN_TEXTS)]
    score_texts(texts, workers=2)
    killed = idle_workers()[0]
    os.kill(killed, signal.SIGKILL)
    time.sleep(0.2)
    assert score_texts(texts, workers=2) == score_chunk(texts)
    assert killed not in idle_workers() and len(idle_workers()) == 2
    busy = Scoring(texts * 20, workers=2)
    taken = [worker.process.pid for worker in busy._workers]
    assert idle_workers() == [] and sorted(scoring_workers()) == sorted(taken)
    busy.stop()
    assert idle_workers() == [] and scoring_workers() == []  # killed: nobody will read their scores


def test_a_process_left_waiting_ends_by_itself_and_the_next_load_starts_another():
    """An app server keeps no idle Kiwi (260 MB) for ever: a worker waits `idle` seconds for work."""
    for earlier in _POOL.take(len(idle_workers())):  # the pool keeps one a core: room for this one
        earlier.end()
        earlier.close()
    waiting = _Worker(idle=0.5)
    assert waiting.score(["The order came late."], True) == [tuple(score_text("The order came late."))]
    _POOL.give_back([waiting])
    assert waiting.process.pid in idle_workers()
    waiting.process.wait(timeout=5)  # ended by itself, half a second after its last work
    texts = [f"Order {i} arrived late and the box was damaged." for i in range(PARALLEL_MIN_TEXTS)]
    assert score_texts(texts, workers=2) == score_chunk(texts)
    assert waiting.process.pid not in idle_workers() and len(idle_workers()) == 2


def test_processes_killed_by_the_system_before_their_texts_came_fail_plainly_and_the_next_load_scores():
    scoring = Scoring(workers=2)
    for worker in scoring._workers:
        os.kill(worker.process.pid, signal.SIGKILL)
    time.sleep(0.2)
    with pytest.raises(RuntimeError, match="a sentiment worker failed: exit code -9"):
        scoring.send(["The order came late.", "Thanks!"]).plain_scores()
    texts = [f"Order {i} arrived late and the box was damaged." for i in range(PARALLEL_MIN_TEXTS)]
    assert score_texts(texts, workers=2) == score_chunk(texts)


def test_scores_of_texts_split_over_workers_come_back_in_order():
    texts = [f"Order {i} arrived late and the box was damaged." for i in range(PARALLEL_MIN_TEXTS)]
    texts[1000:1000] = [f"주문 {i}번이 늦게 왔고 상자가 찢어졌어요." for i in range(40)]
    scores = score_texts(texts, workers=2)
    assert scores == score_chunk(texts)
    assert [s.language for s in scores[1000:1040]] == ["ko"] * 40 and scores[0].language == "en"
