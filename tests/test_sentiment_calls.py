import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import FIXTURES
from sentiment import analyze_transcript

VADER = SentimentIntensityAnalyzer()


def compound(text):
    return VADER.polarity_scores(text)["compound"]


def test_figures_use_customer_turns_only():
    analysis = analyze_transcript((FIXTURES / "call_labelled.txt").read_text())
    customer = [t.text for t in analysis.turns if t.role == "customer"]
    values = [compound(t) for t in customer]
    assert analysis.figures["mean"] == pytest.approx(sum(values) / 2)
    assert analysis.figures["min"] == pytest.approx(min(values))
    assert analysis.figures["shift"] == pytest.approx(values[1] - values[0])
    assert analysis.figures["customer_turns"] == 2
    # the agent's "I'm so sorry about that!" (VADER: negative) is kept as said, but not scored: it is
    # in no customer figure
    agent = next(t for t in analysis.turns if t.text.startswith("I'm so sorry"))
    assert compound(agent.text) < -0.05
    assert (agent.role, agent.compound, agent.scored) == ("agent", None, False)


def test_unscored_turns_are_left_out_of_every_average():
    analysis = analyze_transcript((FIXTURES / "call_turns.json").read_text())
    caller = [t for t in analysis.turns if t.role == "customer"]
    assert [t.scored for t in caller] == [True, False]
    only = compound("The new pricing is a disaster for us.")
    assert analysis.figures == {"mean": pytest.approx(only), "min": pytest.approx(only), "shift": None,
                                "negative": True, "customer_turns": 2, "scored_turns": 1,
                                "unscored_turns": 1, "dissatisfaction": pytest.approx(0.5 * (1 - only)),
                                "unhappy": True, "language": "en"}  # no phrase group: the compound alone


def test_shift_compares_the_last_third_with_the_first_third():
    lines = ["Customer: This is terrible.", "Agent: ok", "Customer: Still bad.", "Customer: Fine.",
             "Customer: Okay I guess.", "Customer: Good.", "Customer: Great, thanks a lot!"]
    analysis = analyze_transcript("\n".join(lines))
    values = [compound(l.split(": ", 1)[1]) for l in lines if l.startswith("Customer")]
    assert len(values) == 6  # a third is two turns
    expected = (values[-2] + values[-1]) / 2 - (values[0] + values[1]) / 2
    assert analysis.figures["shift"] == pytest.approx(expected)


def test_negative_is_a_mean_at_or_below_minus_0_05():
    analysis = analyze_transcript("Agent: hello\nCustomer: The dashboard is awful and slow.")
    assert analysis.figures["negative"] is True
    happy = analyze_transcript("Agent: hello\nCustomer: Thanks, all good now.")
    assert happy.figures["negative"] is False


def test_two_speaker_rule_finds_the_customer_by_name():
    analysis = analyze_transcript((FIXTURES / "call_untimed.txt").read_text())
    assert {t.speaker: t.role for t in analysis.turns} == {"Rep": "agent", "Jordan Blake": "customer"}
    assert analysis.figures["customer_turns"] == 2


def test_a_call_with_no_known_customer_has_no_figures_and_says_who_is_unmapped():
    analysis = analyze_transcript((FIXTURES / "call_zoom.vtt").read_text())
    assert analysis.figures["mean"] is None and analysis.figures["customer_turns"] == 0
    assert analysis.unmapped == ["Dana Lee", "Sam Park"]
    named = analyze_transcript((FIXTURES / "call_zoom.vtt").read_text(), agent_name="Dana Lee")
    assert named.figures["customer_turns"] == 2


def test_a_korean_call_has_figures_like_an_english_one():
    lines = ["상담원: 안녕하세요, 무엇을 도와드릴까요?", "고객: 결제가 또 안 돼요. 정말 최악이네요.",
             "상담원: 죄송합니다.", "고객: 몇 번을 말씀드려야 하나요? 해지하겠습니다.", "고객: OK thanks."]
    analysis = analyze_transcript("\n".join(lines))
    caller = [t for t in analysis.turns if t.role == "customer"]
    assert [(t.scored, t.language) for t in caller] == [(True, "ko"), (True, "ko"), (True, "en")]
    assert caller[0].compound < -0.05 and caller[1].compound < -0.05
    assert analysis.figures["mean"] == pytest.approx(sum(t.compound for t in caller) / 3)
    assert analysis.figures["negative"] is True
    assert analysis.figures["language"] == "ko"  # two of the three scored turns


def test_a_korean_call_of_plain_answers_had_no_unhappy_customer_and_one_with_failures_did():
    plain = analyze_transcript("\n".join(["상담원: 안녕하세요, 고객센터입니다.", "고객: 네 안녕하세요.", "상담원: 성함이 어떻게 되세요?",
                                           "고객: 김지수입니다.", "상담원: 확인되었습니다.", "고객: 네 알겠습니다.",
                                           "고객: 그럼 그렇게 해 주세요."]))
    assert plain.figures["unhappy"] is False
    upset = analyze_transcript("\n".join(["상담원: 안녕하세요, 고객센터입니다.", "고객: 네 안녕하세요.",
                                           "고객: 로그인이 아직도 안 돼요.", "고객: 네 알겠습니다.",
                                           "고객: 청구서도 또 틀렸어요."]))
    assert upset.figures["unhappy"] is True


def test_a_call_had_an_unhappy_customer_when_its_turns_read_unhappier_than_neutral_on_balance():
    neutral = analyze_transcript("Agent: hello\nCustomer: A table for two at seven.\nCustomer: At the usual place.")
    assert neutral.figures["dissatisfaction"] == pytest.approx(0.5) and neutral.figures["unhappy"] is False
    upset = analyze_transcript("Agent: hello\nCustomer: A table for two at seven.\nCustomer: Still waiting, awful.")
    assert upset.figures["dissatisfaction"] > 0.5 and upset.figures["unhappy"] is True
