"""The dissatisfaction score, worked out by hand from its documented formula with VADER itself, and
each of its rules with a turn it must catch and a turn it must leave alone."""

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from sentiment import korean
from sentiment.dissatisfaction import is_closing, said_phrases
from sentiment.scoring import score_text

VADER = SentimentIntensityAnalyzer()


def compound(text: str) -> float:
    return VADER.polarity_scores(text)["compound"]


def by_hand(phrases: int, c: float) -> float:
    return min(1.0, 0.5 * (1 - c) + 0.35 * min(phrases, 2))


def test_a_polite_rejection_vader_calls_positive_is_read_without_its_thanks():
    text = "No, that doesn't work for me. Thanks anyway, great."
    assert compound(text) > 0  # what the board showed before #16
    assert said_phrases(text) == ["no", "does not work"]
    score = score_text(text)
    assert score.compound == compound(text)  # VADER's own score is kept as it is
    assert score.dissatisfaction == pytest.approx(by_hand(2, compound("No, that doesn't work for me. anyway, great.")))
    assert score.dissatisfaction > 0.85


def test_a_long_polite_rejection_is_read_again_in_blocks_without_its_thanks():
    """Scored in blocks of three sentences (a turn of more than five), read again without its thanks;
    the same sentences in another order are other blocks, each turn read from its own."""
    said = ["I called on Monday about the invoice.", "The amount is higher again.", "It should be half of that.",
            "I asked for a corrected copy.", "Nothing came.", "No, that doesn't work for me.", "Thanks anyway, great."]

    def by_blocks(sentences: list[str]) -> float:
        blocks = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        return sum(len(b) * compound(b) for b in blocks) / sum(len(b) for b in blocks)

    polite_last, polite_first = " ".join(said), " ".join([said[-1], *said[:-1]])
    assert said_phrases(polite_last) == said_phrases(polite_first) == ["does not work"]
    assert score_text(polite_last).dissatisfaction == pytest.approx(by_hand(1, by_blocks([*said[:-1], "anyway, great."])))
    assert score_text(polite_first).dissatisfaction == pytest.approx(by_hand(1, by_blocks(["anyway, great.", *said[:-1]])))
    assert score_text(polite_last).dissatisfaction != pytest.approx(score_text(polite_first).dissatisfaction)


def test_thanks_with_a_but_is_read_without_the_thanks_and_plain_thanks_is_not():
    text = "Thank you, but the price seems high."
    assert said_phrases(text) == []
    assert score_text(text).dissatisfaction == pytest.approx(by_hand(0, compound("the price seems high.")))
    assert score_text(text).dissatisfaction > by_hand(0, compound(text))
    glad = "Thanks, that works great."
    assert score_text(glad).dissatisfaction == pytest.approx(by_hand(0, compound(glad)))
    assert score_text(glad).dissatisfaction < 0.15


def test_no_thanks_thats_all_is_a_closing_not_a_rejection():
    done = "No thanks, that's all."
    assert compound(done) < 0 and said_phrases(done) == []
    assert score_text(done).dissatisfaction == pytest.approx(by_hand(0, 0.0)) == 0.5
    for text in ("Nope, I'm all set. Appreciate it.", "I don't need anything else, bye."):
        assert score_text(text).dissatisfaction <= 0.5, text
    wrong = "No, that's the wrong time."  # a "no" that is not a closing still counts
    assert said_phrases(wrong) == ["no", "wrong"]
    assert score_text(wrong).dissatisfaction == pytest.approx(by_hand(2, compound(wrong)))


@pytest.mark.parametrize(("text", "found"), [
    ("As I mentioned, I need it for four people.", ["i told you"]),
    ("Can you show me more options?", ["more options"]),
    ("I am still waiting for my refund.", ["still", "cancel", "waiting"]),
    ("There are no trains available at that time.", ["not available"]),
    ("My parcel never arrived.", ["never came"]),
    ("Please find something else, instead of that one.", ["something else", "instead"]),
    ("I want to speak to your manager.", ["a manager"]), ("Can you put me through to a supervisor?", ["a manager"]),
    ("Can I speak to someone more senior?", ["a manager"]), ("I want to speak to someone who can actually fix this.", ["a manager"]), ("That's not what the last agent told me.", ["not right"]),
    ("This is the third time I've called about this.", ["again and again"]),
    ("I was promised a callback yesterday and nobody called.", ["not right", "never came"]),
    ("Nobody told me about the fee.", ["never came"]),
    ("You should have told me that when I signed up.", ["not right"]),
    ("I've sent three emails and got no reply.", ["never came"]), ("I've been on hold for forty minutes.", ["waiting"]),
    ("I'd like to close my account.", ["cancel"]),
    ("Honestly, I'm thinking of switching to another provider.", ["cancel"]),
    ("Your app logs me out every single time I open it.", ["keeps failing"]),
    ("I'm going to file a complaint.", ["a complaint"]), ("This doesn't make any sense.", ["not right"]),
    ("I've explained this to three different people already.", ["i told you"]),
    ("Every time I call I get a different answer.", ["not right"]),
    ("I was told it would be fixed by Monday.", ["not right"]), ("I want my money back.", ["cancel"]),
    ("I'm going to take my business elsewhere.", ["cancel"]),
    ("If this goes on we'll have to reconsider our contract.", ["cancel"]),  # as Korean's 계약을 다시 생각해 볼
    ("We're already looking at other vendors.", ["cancel"]),
    ("They said it was fixed, I tried it again and it's the same.", ["still"]),
    ("Same problem as before.", ["still"]), ("Book it for the same day, please.", []),
    ("The chatbot just goes round in circles.", ["keeps failing"]),
    ("I can't believe I have to go through this again.", ["angry words"]),
    ("So what am I supposed to do now?", ["angry words"]),
    ("In the end we fixed it ourselves.", ["fixed it ourselves"]),
    ("I had to figure it out on my own.", ["fixed it ourselves"]), ("I can do it myself, thanks.", []),
    ("I found myself laughing at the end.", []),
])
def test_service_failures_and_rejections_are_read(text, found):
    assert said_phrases(text) == found
    assert score_text(text).dissatisfaction == pytest.approx(by_hand(len(found), compound(text)))


@pytest.mark.parametrize("text", ["The refund came through fast.", "I got my refund yesterday, thanks.",
                                  "My refund has been processed.", "You already refunded me, great.",
                                  "Thanks for cancelling it for me.", "Thank you for the quick refund!",
                                  "Great, the refund shows up now."])
def test_a_request_met_is_no_failure(text):
    """A refund received or a cancellation done for the customer is the call's good news: the request's
    own group does not count, and no other group is said."""
    assert said_phrases(text) == []
    assert score_text(text).dissatisfaction == pytest.approx(by_hand(0, compound(text)))
    assert score_text(text).dissatisfaction <= 0.5


@pytest.mark.parametrize("text", ["I want a refund.", "Did you get my refund request?", "I was refunded twice?",
                                  "They cancelled my flight without asking.", "I need you to cancel it for me.",
                                  "Thanks for the refund info, but I need it now."])
def test_a_request_asked_for_refused_or_done_to_the_customer_still_counts(text):
    assert "cancel" in said_phrases(text)
    assert score_text(text).dissatisfaction > 0.5


def test_a_korean_request_met_is_no_failure_as_the_korean_scorer_reads_it():
    """The Korean scorer says whether a request was done (환불해 주셨어요: its verb in the past, for the
    customer); its text alone says 환불 as a request would."""
    for text in ("환불해 주셨어요", "환불이 빨리 됐어요", "환불 받았어요", "해지 처리 됐어요 감사합니다", "환불 들어온 거 확인했어요"):
        score = score_text(text)
        assert korean.score(text).met and said_phrases(text) == ["해지"], text
        assert score.dissatisfaction == pytest.approx(by_hand(0, korean.score(text).leaning)), text
        assert score.dissatisfaction <= 0.5, text
    for text in ("환불해 주세요", "환불 처리 됐나요?", "해지하겠습니다."):
        assert not korean.score(text).met and score_text(text).dissatisfaction > 0.5, text


@pytest.mark.parametrize("text", ["I mentioned it to my wife, she loves it.",
                                  "I'd like more information about the hotel.", "That works, see you then.",
                                  "My manager asked me to book a table.", "No worries, take your time.",
                                  "Alright, I'll wait for the confirmation text.", "What times are available on Friday?"])
def test_words_near_a_phrase_are_not_one(text):
    assert said_phrases(text) == []


def test_a_happy_turn_scores_near_zero_a_neutral_one_half_and_an_unscored_one_none():
    happy = "Great, that works perfectly, thank you!"
    assert score_text(happy).dissatisfaction == pytest.approx(by_hand(0, compound(happy)))
    assert score_text(happy).dissatisfaction < 0.05
    assert compound("A table for two at seven.") == 0
    assert score_text("A table for two at seven.").dissatisfaction == pytest.approx(0.5)
    assert score_text("[noise]").dissatisfaction is None
    assert score_text("La factura está mal otra vez y nadie responde nuestras llamadas.").dissatisfaction is None


@pytest.mark.parametrize(("text", "found"), [
    ("아직도 안 됐어요", ["아직도 안 됐어요", "안 돼요"]), ("몇 번을 말씀드려야 하나요?", ["몇 번을 말씀드려야"]),
    ("해지하겠습니다.", ["해지"]), ("환불해 주세요.", ["해지"]),
    ("이미 말씀드렸는데 아직 연락이 없어요", ["몇 번을 말씀드려야", "아직도 안 됐어요"]), ("정말 감사합니다, 잘 해결됐어요", []),
    ("아니요, 그게 아니라 다른 거요", ["아니요", "다른 거요"]), ("청구서가 또 틀렸어요", ["틀렸어요"]),
    ("금액이 잘못 청구됐어요", ["틀렸어요"]), ("고객센터가 전화를 안 받아요", ["안 돼요"]),
    ("화면이 멈춰서 일을 할 수가 없어요", ["안 돼요", "고장"]), ("전에 통화한 분이랑 말이 다르네요", ["말이 다르네요"]),
    ("인터넷이 자꾸 끊겨요", ["고장"]), ("말할 수 없이 좋아요", []), ("이제 멈추지 않고 잘 돼요", []),
    ("아까 다른 상담원한테 다 말씀드렸는데요", ["몇 번을 말씀드려야"]), ("그건 제가 물어본 게 아니고요", ["아니요"]),
    ("요금이 왜 이렇게 많이 나왔는지 모르겠어요", ["최악"]), ("기사님이 오신다고 해 놓고 안 오셨어요", ["안 돼요"]),
    ("이러면 저는 다른 통신사로 옮길 수밖에 없어요", ["해지"]), ("책임자 좀 바꿔 주세요", ["책임자 바꿔 주세요"]), ("해결할 수 있는 분으로 바꿔 주세요", ["책임자 바꿔 주세요"]),
    ("처리해 준다고 한 지 일주일이 넘었어요", ["아직도 안 됐어요"]), ("회원 가입한 지 3년 됐어요", []),
    ("문의한 지 얼마 안 됐는데 답이 왔어요", []),
    ("그 말씀은 아까도 하셨잖아요", ["몇 번을 말씀드려야"]), ("계속 같은 말만 반복하시네요", ["몇 번을 말씀드려야"]),
    ("이런 식이면 소비자원에 신고할 거예요", ["소비자원에 신고"]), ("제 돈은 언제 돌려받을 수 있는 거예요", ["아직도 안 됐어요"]),
    ("설명을 들어도 이해가 안 가요", ["안 돼요"]), ("이 정도면 사기 아닌가요", ["최악"]), ("지금 장난하시는 거예요", ["최악"]),
    ("어제 통화한 분은 된다고 하셨거든요", ["말이 다르네요"]), ("고소하고 맛있어요", []), ("분실 신고하려고요", []),
    ("이해가 잘 됐어요", []), ("지난주에 분명히 처리해 주신다고 하셨잖아요", ["말이 다르네요"]),
    ("저 지금 세 시간째 이것 때문에 아무것도 못 하고 있어요", ["아직도 안 됐어요"]),
    ("배송 완료라고 뜨는데 물건은 못 받았어요", ["아직도 안 됐어요"]), ("설명서대로 했는데도 전원이 안 들어와요", ["안 돼요"]),
    ("문자로 안내받은 거랑 금액이 다르게 빠져나갔어요", ["틀렸어요"]), ("이번이 두 번째 구매예요", []),
    ("네 기다릴게요 천천히 확인해 주세요", []), ("아 이제 화면이 정상적으로 나와요", []),
    ("같은 일로 전화드리는 게 벌써 세 번째예요", ["몇 번을 말씀드려야"]), ("수리 기사님이 다섯 번이나 오셨어요", ["몇 번을 말씀드려야"]),
    ("교체했다는데 여전히 그대로예요", ["아직도 안 됐어요"]),
    ("상급자분이랑 통화하게 해 주세요", ["책임자 바꿔 주세요"]), ("관리비가 두 번 출금됐어요", ["틀렸어요"]),
    ("이 손해는 누가 책임지실 거예요?", ["최악"]), ("정말 더는 못 참겠어요", ["최악"]),
    ("가입할 때 위약금 안내는 전혀 못 들었어요", ["말이 다르네요"]), ("참 친절하세요", []),
    ("약관에 그런 내용이 있다는 걸 가입할 때 전혀 못 들었어요", ["말이 다르네요"]),
    ("이럴 거면 처음부터 안 된다고 말씀해 주시지 그러셨어요", ["말이 다르네요"]),
    ("대체편 안내를 아무도 안 해 줬어요", ["아직도 안 됐어요"]), ("아무도 모르는 맛집이에요", []),
    ("기사님이 오시자마자 고쳐 주셨어요", []),
    ("세 번째 상품으로 주문할게요", []),
    ("그 말은 아까 상담원분도 똑같이 하셨어요", ["몇 번을 말씀드려야"]), ("앱을 켜면 계속 서버 점검 중이라고 떠요", ["고장"]),
    ("전원 버튼을 눌러도 아무 반응이 없어요", ["안 돼요"]), ("상담원분이 엉뚱한 답변만 하세요", ["틀렸어요"]),
    ("옆 사람도 똑같이 하셨어요", []), ("반응이 좋아서 또 주문했어요", []),
    ("긴급 문의를 남겼는데 3일째 답변이 없어요", ["아직도 안 됐어요"]), ("메일을 보냈는데 회신이 안 와요", ["아직도 안 됐어요", "안 돼요"]),
    ("2주째 소식이 없네요", ["아직도 안 됐어요"]), ("답변 빨리 주셔서 좋았어요", []), ("3일 만에 답이 왔어요", []),
    ("카드 결제가 계속 실패해요", ["고장"]), ("내보내기가 세 번이나 실패했어요", ["몇 번을 말씀드려야", "고장"]),
    ("티켓 번호까지 드렸는데 처음 듣는다고 하시네요", ["몇 번을 말씀드려야"]), ("처음 듣는 노래인데 좋네요", []),
    ("매번 확인해 보겠다고만 하시고 진전이 없어요", ["아직도 안 됐어요"]), ("이번 주에 진전이 많았어요", []),
    ("매번 확인해 보겠다고만 하시잖아요", ["아직도 안 됐어요"]), ("약속하신 날짜가 벌써 지났어요", ["아직도 안 됐어요"]),
    ("그건 저번에도 들은 얘기예요", ["몇 번을 말씀드려야"]), ("약속 시간 지나서 죄송해요", []),
    ("매번 확인해 보겠다는 말씀만 하시잖아요", ["아직도 안 됐어요"]), ("맛있다는 말만 들었어요", []),
    ("지난주에 분명히 처리됐다고 하셨거든요", ["말이 다르네요"]),
    ("연체료를 제가 왜 내야 하는지 모르겠어요", ["최악"]), ("왜 그런지 모르겠지만 좋아요", []),
    ("이렇게 대응하시면 저희도 계약을 다시 생각해 볼 수밖에 없어요", ["해지"]), ("다른 업체를 알아봐야겠어요", ["해지"]),
    ("그 부분은 다시 생각해 볼게요", []),
    ("고쳐졌다고 해서 다시 써 봤는데 똑같아요", ["아직도 안 됐어요"]), ("다시 해 봤는데 잘 되네요", []),
    ("이 문제 때문에 저희 직원들이 하루 종일 일을 못 했어요", ["안 돼요"]), ("오늘은 일이 일찍 끝났어요", []),
    ("결국 저희가 직접 해결했어요", ["직접 해결했어요"]), ("기사님이 직접 와서 해결해 주셨어요", []),
    ("정산 금액이 안 맞아요", ["틀렸어요"]), ("합계가 맞지 않네요", ["틀렸어요"]), ("금액이 딱 맞아요", []),
    ("바꾼 카드 말고 옛날 카드로 또 결제됐어요", ["틀렸어요"]), ("너무 좋아서 또 결제했어요", []),
    ("변경됐다고 분명히 들었는데 요금이 그대로 나갔어요", ["말이 다르네요"]), ("맛있다고 들었는데 정말 맛있네요", []),
    ("갈 때마다 처음부터 다시 접수해야 해요", ["몇 번을 말씀드려야"]), ("처음부터 다시 설명해 주셔서 이해가 잘 됐어요", []),
    ("솔직히 이번이 마지막이라고 생각하고 연락드렸어요", ["해지"]), ("내년 예산에서 빼자는 얘기가 나왔어요", ["해지"]),
    ("이번이 마지막 단계예요", []),
    ("제 자료가 왜 삭제됐는지 설명해 주세요", ["최악"]), ("왜 그런지 설명해 주셔서 감사해요", []),
    ("번호 변경을 요청했는데도 예전 번호로 문자가 와요", ["아직도 안 됐어요"]),
    ("늦게 연락했는데도 친절하게 받아 주셨어요", []),
    ("환불 처리됐다고 문자가 왔는데 돈이 안 들어왔어요", ["해지"]),  # said to be done: no request met
    ("저번 상담원분은 된다고 하셨거든요", ["말이 다르네요"]),  # the last agent said otherwise
])
def test_korean_rejections_and_failures_count_as_english_ones_do(text, found):
    """The same formula over the Korean scorer's leaning (its compound, or 0 for a weak reading): a
    Korean call's dissatisfaction means what an English one's does."""
    score = score_text(text)
    assert (score.language, said_phrases(text)) == ("ko", found)
    assert score.dissatisfaction == pytest.approx(by_hand(len(found), korean.score(text).leaning))
    assert (score.dissatisfaction > 0.5) == bool(found)


@pytest.mark.parametrize("text", ["네", "네 알겠습니다", "잠시만요", "네 지금 확인해 볼게요", "카드로 결제했어요",
                                  "아 그렇군요 그럼 다음 주까지 기다려 볼게요"])
def test_korean_talk_that_gives_no_opinion_reads_neutral_as_english_does(text):
    """The Korean scorer learned from reviews, all opinionated: its weak leanings on a call's chatter
    are chance, and the call takes them as VADER's 0 for "A table for two at seven"."""
    score = score_text(text)
    assert score.language == "ko" and score.dissatisfaction == pytest.approx(0.5)


def test_that_s_all_closes_a_korean_call_but_asked_is_no_closing():
    assert is_closing("네 오늘은 그게 다예요") and is_closing("아니요, 그게 전부입니다. 감사합니다")
    assert not is_closing("보상이 그게 다예요?")  # "is that all (you offer)?"


@pytest.mark.parametrize("text", ["아니요, 괜찮습니다. 감사합니다.", "네 더 궁금한 건 없어요", "아니요, 그거면 충분해요. 고마워요.",
                                  "아니요 이제 다 됐어요", "아니요, 그게 다예요. 다시 한번 감사합니다!"])
def test_a_korean_closing_is_not_a_rejection(text):
    score = score_text(text)
    assert said_phrases(text) == []
    assert score.dissatisfaction == pytest.approx(by_hand(0, max(score.compound, 0.0)))
    assert score.dissatisfaction <= 0.5
