"""The lexicon's weights: learned ones from `korean_lexicon.tsv` (`bench/build_korean_lexicon.py`), and the
hand-written customer-service words (`CX_WORDS`) the reviews lack or under-weigh, which take precedence."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

LEXICON = Path(__file__).resolve().parent / "korean_lexicon.tsv"
# Customer-service words the reviews lack or under-weigh, in the regression's units (a weight of 2 on a lone
# word reads about ±0.6: 만족해요 +0.69, 실망이에요 -0.62). They take precedence over the learned weights.
CX_WORDS = {
    "별로/MAG": -2.0, "최악/NNG": -3.0, "불친절/NNG": -2.5, "친절/NNG": 1.5, "엉망/NNG": -2.5, "엉망/XR": -2.5,
    "해지/NNG": -1.2, "환불/NNG": -1.0, "추천/NNG": 1.5, "먹통/NNG": -2.0, "오류/NNG": -1.2, "에러/NNG": -1.2,
    "장애/NNG": -1.5, "고장/NNG": -1.5, "불편/NNG": -1.5, "불편/XR": -1.5, "답답/XR": -2.0, "짜증/NNG": -2.0,
    "실망/NNG": -2.0, "만족/NNG": 2.0, "감사/NNG": 1.0, "고맙/VA": 1.0, "느리/VA": -1.5, "빠르/VA": 1.0,
    "지연/NNG": -1.2, "누락/NNG": -1.2, "중복/NNG": -0.8, "항의/NNG": -1.5, "취소/NNG": -0.8, "반품/NNG": -1.0, "교환/NNG": -0.8, "해결/NNG": 1.0,
    "편하/VA": 1.2, "편리/NNG": 1.5, "편리/XR": 1.5, "쉽/VA": 1.0, "어렵/VA": -1.0, "복잡/XR": -1.2,
    "비싸/VA": -1.2, "저렴/XR": 1.0, "황당/XR": -2.0, "어이없/VA": -2.0, "최고/NNG": 2.5, "훌륭/XR": 2.0,
    # English words Korean speakers mix in (UI가 너무 slow해요) that VADER's lexicon does not weigh
    "slow/SL": -1.5, "lag/SL": -1.5, "bug/SL": -1.2, "error/SL": -1.2, "crash/SL": -1.5, "delay/SL": -1.2,
    "refund/SL": -1.0, "cancel/SL": -0.8, "fast/SL": 1.0, "easy/SL": 1.0, "smooth/SL": 1.0, "simple/SL": 0.8,
    "intuitive/SL": 1.0, "buggy/SL": -1.5, "laggy/SL": -1.5,
    "불만/NNG": -1.5, "문제없/VA": 1.5,  # 불만 없어요 (negated by 없다) and 문제 없어요 read as praise
    "네/IC": 0.0, "예/IC": 0.0,  # "yes", "okay": a call's most common turn says no stance (the reviews' 네 was irony)
    "덕분/NNG": 1.5, "늦/VA": -1.2, "늦어지/VV": -1.2, "기다리/VV": -0.8, "어려워하/VV": -1.2, "끊기/VV": -1.2, "끊어지/VV": -1.2,
    "멈추/VV": -1.0, "튕기/VV": -1.2, "안정/NNG": 1.0, "신속/XR": 1.2, "꼼꼼/XR": 1.2, "유용/XR": 1.2,
    "유용/NNG": 1.2, "꼼꼼/MAG": 1.2,  # 유용해요, 꼼꼼해요: Kiwi reads them as a noun or an adverb before 하다
    "금방/MAG": 0.5,  # soon, as a customer means it (금방 해결됐어요); the films' "soon forgotten" weighed -1.3
    "쏠쏠/XR": 1.2,  # rewarding (혜택이 쏠쏠했어요)
    "풍성/XR": 1.0, "시들/VV": -1.2, "빼먹/VV": -1.2,  # abundant, wilted, skipped (수업을 빼먹으셨어요)
    "쾌적/XR": 1.2, "덜덜/MAG": -1.0, "덜컹/MAG": -1.0,  # pleasant (쾌적해요); a rattle (덜덜거리는 소리가 나요)
    # a noise (이상한 소리가 나요), where the films' 소리 나게 웃다 leaned it to praise; no sound at all (the idiom of
    # 스피커에서 소리가 안 나요; 소리가 거의 안 나요, quiet, is the noise negated)
    "소리/NNG+나/VV": -1.0, "소리안남/VV": -1.2,
    "원망/NNG": -1.5, "지금처럼만/MAG": 1.5, "영아님/VA": -1.5,  # resentment; keep it up; not good at all (idioms)
    "전기먹음/VV": -1.2, "크래시/NNG": -1.5, "크래시/NNP": -1.5, "timeout/SL": -1.2, "fail/SL": -1.2,  # used up; a crash
    "과도/NNG": -1.2, "인상적/XR": 1.5, "즉각/NNG": 1.0,  # excessive; impressive (the idiom); immediate
    "한눈에보임/VV": 1.2, "망설이/VV": -1.0, "머리카락/NNG": -1.0,  # seen at a glance (the idiom); hesitating; a hair
    "척함/VV": -1.2, "딴짓/NNG": -1.2, "끈적끈적/MAG": -1.0, "흥건/XR": -1.0,  # pretending, minding else (idioms); sticky
    "괜한걱정/NNG": 1.2, "긁/VV": -1.0,  # worried for nothing (괜히 걱정했네요); scratching (계속 몸을 긁어요)
    "여기뿐/NNG": 1.5, "멀쩡하/VA": 1.0, "일방/NNG": -1.2,  # only here, none to match it (idioms); intact; one-sided
    # shoppers' slang for value: 혜자 (generous), 창렬 (overpriced), 갓성비 (갓 + 성비: great value for money)
    "혜자/NNP": 1.5, "혜자/NNG": 1.5, "창렬/NNG": -1.5, "창렬/NNP": -1.5, "성비/NNG": 1.0,
    "인생템/NNG": 2.0, "꿀템/NNG": 1.5, "개꿀템/NNG": 1.5, "득템/NNG": 1.2,  # the find of a lifetime, a sweet find
    # to find fault, to fall short, a bother: 나무랄 데가 없어요, 아쉬움이 없어요, 번거로움이 없어요 praise
    "나무라/VV": -1.0, "아쉽/VA": -1.0, "아쉬움/NNG": -1.0, "번거롭/VA": -1.2,
    # a business customer's words (운영에 지장이 있어요, 응답 속도가 들쭉날쭉해요, 일정이 미뤄졌어요, 유연하게 응해 주셨어요)
    "지장/NNG": -1.2, "차질/NNG": -1.2, "손실/NNG": -1.2, "들쭉날쭉/MAG": -1.0, "미루/VV": -1.0, "유연/XR": 1.0, "신속/NNG": 1.2,
    "수수료/NNG": -1.0, "위약금/NNG": -1.2,  # a fee, a penalty (수수료가 없어서 자주 이용합니다 is praise)
    "반품비/NNG": -1.0, "교환비/NNG": -1.0,  # a return's charge (반품비를 내래요; 반품비 없이 처리해 주셨어요 is praise)
    "꼬박꼬박/MAG": 1.0, "빠짐없이/MAG": 1.0,  # without fail (알림이 꼬박꼬박 와요); nothing left out
    "여유/NNG": 1.0,  # room to spare (여유 있게 도착했어요; 여유가 없어요 is a complaint)
    "비추천/VV": -2.0, "남는장사/NNG": 1.5,  # the idiom above: not recommended (비추할 이유가 없어요 is praise: the reason turned round)
    "대기/NNG": -1.2,  # waiting, as 기다리다 (대기가 너무 길어요; 대기 시간 없이 is praise)
    "지키/VV": 1.0,  # a promise or a date kept (약속을 지키지 않았어요 is a complaint; the reviews weighed it little)
    "아프/VA": -1.2, "따갑/VA": -1.2,  # a product that hurts (the films' 마음이 아프다 cancelled it out)
    "이중청구/NNG": -2.0, "몇번이나/MAG": -1.5,  # the idioms above: charged twice, asked again and again
    "조용/XR": 1.0, "조용하/VA": 1.0, "정확/NNG": 1.0, "정확/XR": 1.0,  # quiet (엔진 소리가 조용해졌어요); accurate
    "제대로됨/VV": 1.2, "충분/XR": 1.0, "충분하/VA": 1.0,  # as it should (the idiom); enough (그거면 충분해요)
    "혜택쌓임/VV": 1.2,  # points piled up (MEANT_IN_CLAUSE)
    "담당바뀜/VV": -1.0,  # the one looking after the customer changed (MEANT_IN_CLAUSE)
    "가품/NNG": -2.0, "짝퉁/NNG": -2.0,  # a fake (가품이 와서 신고했어요)
    "통하/VV": 1.0,  # it works (알려준 게 다 안 통해요 is a complaint)
    "젖/VV": -1.0, "알맞/VA": 1.0,  # soaked (가방이 다 젖었어요; the films' 감성에 젖다 leaned it to praise); just right
    "안해도됨/VV": 1.0,  # no need to (`_no_need_to`: 매장에 안 가도 돼요)
    "버벅/NNG": -1.2,  # lagging (휴대폰이 버벅거려요; 버벅이지 않아요 turned round)
    "귀찮/VA": -1.2,  # a bother (절차가 너무 귀찮아요; 질문을 귀찮아하지 않으세요 turned round)
    "간소화/NNG": 1.2, "간소/XR": 1.2,  # made simpler (절차가 많이 간소화됐네요: Kiwi's 간소/XR + 화/XSN)
    "저하/NNG": -1.2,  # a decline (응대 품질이 저하되었습니다, 성능 저하; 저하되지 않았어요 turned round)
    "수월/XR": 1.2, "확실/XR": 1.0,  # smooth going (대응하기 수월했어요); sure (메일로도 보내 주셔서 확실했어요)
    "막다룸/VV": -1.5, "광고뜸/VV": -1.2,  # a parcel thrown down (the idiom); an advert popping up (MEANT_IN_CLAUSE)
    # a product's praise the reviews never weighed (직관적이에요, 원활해졌어요, 금방 익숙해졌어요)
    "직관/NNG": 1.2, "원활/NNG": 1.2, "원활/XR": 1.2, "익숙/XR": 0.8, "간단/XR": 1.0,
    "간편/XR": 1.2, "힘들/VA": -1.2,  # easy to use, hard going (이체가 간편해졌어요, 따라가기 힘들어요)
    "닳/VV": -1.2,  # worn down, run down (배터리가 빨리 닳아요: 빨리 alone reads as praise)
    "똑똑/XR": 1.2,  # smart (챗봇이 생각보다 똑똑함; the films' 똑똑한 척 weighed it against)
    "다신안감/VV": -2.0,  # never buying or going again (`_never_again`: 다시는 안 사요)
    "단번에/MAG": 1.0, "알차/VA": 1.2,  # the idiom above: in one go; substantial (강습 프로그램이 알차요)
    "본인인증/NNG": 0.0,  # the idiom above: a caller's identity checked, an errand
    "묵묵부답/NNG": -1.5,  # no answer at all (문의했는데 묵묵부답이에요)
    "시리/VA": -1.2,  # aching with cold (잇몸이 시려요; not 가슴 시린, an idiom of its own)
    "떠넘기/VV": -1.5,  # a cost or a blame shifted (택배비를 떠넘기시네요)
    "저버리/VV": -1.5,  # hopes let down (기대를 저버렸어요; 기대를 저버리지 않는다 is praise)
    "렉/NNG": -1.2, "랙/NNG": -1.2,  # lag (렉이 심해요; 렉이 거의 없어요 is praise)
    "그뿐/NNG": -1.2, "너무자주/MAG": -1.2,  # the idioms above: that is all there is to it; too often
    "진작알걸/VV": 1.5,  # why only now (`_why_only_now`: 왜 이제야 봤을까)
    "추가요금/NNG": -1.2,  # the idiom above: a charge on top
    "밀리/VV": -1.0,  # pushed back (요청한 기능이 계속 밀리고 있어요, 업무가 밀렸어요)
    "자신감/NNG": 1.0, "자세/XR": 1.0,  # confidence gained (자신감이 붙었어요); detailed (자세하게 알려 주셨어요)
    "딱맞음/VA": 1.2, "대성공/NNG": 1.5,  # the idioms above: just right; a great success
    "손이감/VV": 1.2, "손이안감/VV": -1.2, "싼티/NNG": -1.5, "티안남/VV": -1.2,  # the idioms above
    "사진대로/VA": 1.2, "매끈/XR": 1.2,  # the idioms above: as pictured or advertised; smooth (피부 결이 매끈해졌어요)
    "툭하면/MAG": -1.2, "잡내/NNG": -1.2,  # at the drop of a hat (툭하면 재부팅돼요); an off smell (잡내가 하나도 없어요)
    "정성/NNG": 1.2,  # care taken (정성이 느껴져요; 성의가 없어요 the same, none of it)
    "더부룩/XR": -1.2, "반짝반짝/MAG": 1.2, "끄떡없/VA": 1.2, "술술/MAG": 1.0,  # bloated; sparkling; no trouble at all; smoothly
    "안하면후회/VV": 1.5, "만점도부족/VA": 1.5,  # the idioms above: a loss not to have it; full marks not enough
    "장점/NNG": 1.2,  # strengths (장점이 훨씬 많아요; 장점이 없어요 is a complaint)
    "안해줌/VV": -1.2,  # a favour not done (`_favour_not_done`: 미리 알려 주지 않았어요)
    "급정거/NNG": -1.2, "소음/NNG": -1.2, "애매/XR": -1.0, "애매/NNG": -1.0,  # sudden braking, noise; hard to call (추천하기엔 애매해요)
    "또삼/VV": 1.5,  # buying or using it again (`_buying_again`: 또 살게요, 이걸로 살 거예요)
    "좋은하루/NNG": 1.0,  # the idiom above: a good day wished, a friendly close
    "믿고씀/VV": 1.5,  # bought or used on trust (`_bought_on_trust`: 믿고 타요, 믿고 삽니다)
    "반도안됨/VA": -1.5,  # not even half of it (`_not_even_half`: 속도가 반도 안 나와요)
    "막히/VV": -1.2, "늦/VV": -1.2,  # blocked or clogged, late (배수구가 막혔어요, 결제가 막혀서; 길이 막혀서 늦었어요)
    "실패/NNG": -1.5,  # failed (결제가 실패했어요, 내보내기가 세 번이나 실패했는데; the films' 흥행 실패 weighed it little)
    "싶지않/VA": -1.5,  # the idiom above: does not want to
    "못기다림/VV": -1.5,  # the idiom above: cannot wait any longer
    "정상/NNG": 1.0, "곤란/NNG": -1.5, "곤란/XR": -1.5,  # working normally again; a trouble to the customer
    "얼마안되/VV": 0.0,  # the idiom above: a short while
    "아직안옴/VV": -1.5,  # the idiom above: not come or not received yet (and AWAITED, not come)
    "바로옴/VV": 1.2,  # what a customer waits for come at once (QUICKLY)
    "무사히옴/VV": 1.2,  # come without harm on the way (`_came_unharmed`: 하나도 안 깨지고 왔어요)
    "해주심/VV": 0.8,  # a favour done for the customer (_favour_done)
    "늦게해줌/VV": -1.2,  # done for the customer only after (_favour_done: 한 달이 지나서야 환불해 주셨어요)
    "미지근/XR": -1.2,  # lukewarm (국물이 미지근하게 왔어요, 반응이 미지근해요)
    "부당/NNG": -1.5, "부당/XR": -1.5, "과다/NNG": -1.0, "바가지/NNG": -1.5,  # charged unfairly, too much: a rip-off
    "요금인상/VV": -1.5, "요금인하/VV": 1.0,  # a price gone up or down (MEANT_IN_CLAUSE)
    "사라짐/VV": -1.5,  # what a customer keeps gone (MEANT_IN_CLAUSE)
    "한마디없음/VA": -1.5,  # the idiom above: not a word of it
    "부담/NNG": -1.2, "걱정/NNG": -1.0, "고민/NNG": -0.8,  # a burden, a worry (부담이 없어요, 걱정 없이 맡겨요: praise, the noun turned)
    "든든/XR": 1.2, "든든하/VA": 1.2,  # reassured, in good hands (한 분이 끝까지 맡아 주셔서 든든했어요)
    "별따기/NNG": -1.5,  # the idiom above: next to impossible
    "납득/NNG": 1.0,  # convinced (품질 보니까 납득이 가요; 납득이 안 가요 is a complaint)
    "어기/VV": -1.2,  # a promise or a deadline broken (약속을 또 어겼어요; 한 번도 어긴 적 없어요 turned round)
    "춥/VA": -1.0, "덥/VA": -1.0,  # a room too cold or too hot (대기실이 너무 추웠어요), where the films' 춥다 leaned for
    "떼/VV": 0.0,  # documents issued (서류 떼는 걸 도와주셨어요), where the films' 떼 leaned against
    "자극/NNG": -1.0,  # irritation of the skin (자극 없이 순해요: none of it)
    "끈적이/VV": -1.2, "끈적거리/VV": -1.2, "끈적/XR": -1.2,  # sticky (끈적임이 없어요: none of it)
    "무르/VV": -1.2,  # gone soft (채소 절반이 물러 있었어요)
    "자리차지/NNG": -1.0, "핏좋음/VA": 1.2,  # the idioms above: takes up room; drapes nicely
    "얼룩/NNG": -1.0,  # a stain (얼룩이 감쪽같이 지워졌어요: gone)
    # a blemish or a defect: none of it (흠집이 하나도 없어요, 하자가 하나도 없어요) is praise, which the reviews' weights
    # (-0.4 to -0.6) read too weakly against the letters of the word itself
    "흠집/NNG": -1.5, "스크래치/NNG": -1.5, "기스/NNG": -1.5, "하자/NNG": -1.5, "찍힘/NNG": -1.5,
    # and a product's defects (변색이 없어요, 누수가 없어요, 발열이 거의 없어요, 보풀이 안 일어나요; 파손돼서 왔어요)
    "변색/NNG": -1.5, "이염/NNG": -1.5, "누수/NNG": -1.5, "발열/NNG": -1.2, "벌레/NNG": -1.2, "보풀/NNG": -1.2,
    "보풀/NNP": -1.2, "파손/NNG": -1.5, "변형/NNG": -1.2, "탈색/NNG": -1.2, "오염/NNG": -1.2, "흔들리/VV": -1.0,
    "들뜨/VV": -1.0, "찌그러지/VV": -1.2,
    "별다섯/NNG": 1.5, "별하나/NNG": -1.5,  # the idioms above: five stars, one star
    "만좋음/VA": -1.0,  # only this praised (`_only_this_good`: 소재만 좋았다): faint praise
    "잘망가짐/VV": -1.5,  # breaks, smudges or cuts out easily (`_breaks_easily`: 잘 깨져요, 때가 잘 타요)
    "오배송/NNG": -1.5, "주름/NNG": -0.8,  # a wrong delivery; wrinkles (주름이 사라집니다: gone)
    "조심히/MAG": 1.0,  # with care (문 앞에 조심히 두고 가셨어요)
    "모면/NNG": 1.2,  # the idiom above: a harm escaped
    "신뢰/NNG": 1.2,  # trust (신뢰가 가요, 믿고 맡깁니다); the reviews never weighed it
    "잠김/VV": -1.5,  # what lets a customer in locked (MEANT_IN_CLAUSE)
    "빠짐/VV": -1.2,  # what a thing should hold left out (MEANT_IN_CLAUSE)
    "혼란/NNG": -1.2, "지치/VV": -1.2, "헤매/VV": -1.0,  # confused, worn out, lost (재무팀이 혼란스러워합니다, 지칩니다)
    "다시해야/VV": -1.5,  # made to do a thing again (매번 처음부터 설명해야 해요; AGAIN)
    "안됨/VV": -1.5,  # what a customer does with a service not working (NOT_THERE)
    "말다름/VA": -1.5,  # not what the customer was told (상담원마다 말이 다 달라요; MEANT_IN_CLAUSE)
    "요청처리/NNG": 0.5,  # a refund or cancellation done for the customer (DONE_FOR): a request met, mildly
    "반영/NNG": 1.0,  # a request taken up (의견이 반영됐어요; 반영되지 않았어요 is a complaint)
    "성의/NNG": 1.0,  # sincerity, care (성의 있게 답해 주셨어요; 무성의한 답변 turned round by its prefix)
    "불쾌/NNG": -2.0, "불쾌/XR": -2.0,  # offended (너무 불쾌하네요: Kiwi reads it either way)
    "멀쩡/XR": 1.0,  # still sound, working (일 년 썼는데 아직 멀쩡해요; the films' "a sane man" weighed against)
    "없으면안됨/VA": 1.2,  # the idiom above: cannot do without it
    "형식적/XR": -1.5,  # perfunctory (응대가 형식적이에요): the idiom above
    "무례/NNG": -2.0, "무례/XR": -2.0,  # rude (상담원이 무례했어요)
    "합리/NNG": 1.2,  # reasonable (가격이 합리적이에요: 합리 + 적)
    "제시간/NNG": 1.0, "제때/NNG": 1.0,  # on time (제시간에 도착했어요, 제때 왔어요; 제시간에 안 왔어요 is a complaint)
    "개선필요/NNG": -1.0,  # needs to be better (개선이 필요해요): the idiom above
    "직접해결/VV": -1.2,  # fixed by the customer's own side (_fixed_ourselves)
    # sleep: how a guest slept says it (잘 잤어요, 잠을 못 잤어요), not the films' "it put me to sleep"
    "자/VV": 0.0, "잠/NNG": 0.0,
    "안심/NNG": 1.2,  # reassured (공지가 빨라서 안심이 됐어요; 안심이 안 돼요 is a complaint)
    "보람/NNG": 1.5,  # worth it (기다린 보람이 있네요; 보람이 없어요 turned round)
    "무난/XR": 0.8, "무난하/VA": 0.8,  # fine, no trouble (전반적으로 무난해요), where the films' 무난 was bland
    "예전같지않/VA": -1.5,  # the idiom above: not what it used to be
    "무사히/MAG": 1.2,  # safely done (데이터 이전이 무사히 끝났어요)
    "다행/NNG": 1.2, "믿음/NNG": 1.2,  # relief, trust (찾아 주셔서 다행이에요, 믿음이 가요; 믿음이 깨졌어요 is lost)
    "감감무소식/NNG": -1.5,  # not a word back (요청했는데 감감무소식이에요)
    "피해/NNG": -1.2, "손해/NNG": -1.2,  # harm, a loss (피해를 봤어요; 피해가 없었어요 turned round)
    "수고/NNG": 0.8,  # a call's courteous close (수고하세요, 수고 많으셨습니다), as English "have a good day" reads
    "폭탄/NNG": -1.5,  # a bill or a flood of messages (요금 폭탄, 문자 폭탄), where the films' explosions were praise
    "무상/NNG": 1.0,  # free of charge (무상으로 교체해 주셨어요)
    "통화중/VA": -1.0,  # the idiom above: the line always busy
    "다른데감/VV": -1.5,  # going elsewhere (`_going_elsewhere`: 다른 업체로 옮겼어요, 다른 데서 살게요)
    "버그/NNG": -1.2,  # a bug, as 오류 and 에러
    "틀리/VV": -1.2, "틀리/VA": -1.2,  # wrong (청구서가 틀렸습니다, 모양이 틀리네요; 틀린 말이 없다 turned round)
    "돌려받/VV": 1.0,  # money got back (당일에 돌려받았어요; 아직 못 돌려받았어요 turned round)
    "예고없이/MAG": -1.2,  # the idiom above: without notice or consent
    "푸짐/XR": 1.2,  # generous (양이 푸짐해요, 서비스가 푸짐했어요)
    "개선/NNG": 1.0, "향상/NNG": 1.0,  # improved, once done (IMPROVED): 많이 개선됐어요, 개선되지 않았어요 turned round;
    # 향상 too a score or a speed gone up (MEANT_IN_CLAUSE: 시험 점수가 올랐어요)
    "헷갈리/VV": -1.2,  # confusing (형식이 달라서 헷갈려요; 처음엔 헷갈렸는데 금방 익숙해졌어요 says the last clause)
    # shoppers' words for being taken in: a customer treated as a soft touch, a seller gone with the money, power
    # abused (호갱 취급 당했어요, 먹튀했어요, 갑질하네요: the idiom above)
    "호갱/NNG": -1.5, "먹튀/NNG": -1.5, "갑질/NNG": -1.5,
    "존맛/NNG": 1.5,  # really tasty (the idiom above: 존맛이에요)
    "보인대로/VA": 1.2, "보인것과다름/VA": -1.5,  # the idioms above: as pictured, or not
    "바랄것없음/VA": 1.5,  # the idiom above: nothing more to wish for
    "비할데없음/VA": 2.0,  # nothing like it (이만한 게 없어요: `_none_like_it`)
    "말썽/NNG": -1.5,  # trouble (인증이 말썽이에요, 말썽을 부려요)
    "이득/NNG": 1.2, "반값/NNG": 1.0,  # a gain, half price (쿠폰 먹이니까 반값이라 개이득: the idiom above)
    "비싸보임/VV": 1.2, "싸보임/VV": -1.2,  # the idioms above: looks dear, looks cheap
    "피부트러블/VV": -1.5,  # skin broken out (MEANT_IN_CLAUSE)
    "증상악화/VV": -1.5,  # a fever up, a symptom worse (MEANT_IN_CLAUSE)
    "여전히그대로/MAG": -1.2,  # the idiom above: still the same, a trouble not gone
    "여전히좋음/MAG": 1.2,  # still the same said of a quality valued (`_still_as_good`: 맛은 여전히 그대로예요)
    "재검토/NNG": -1.2,  # the idiom above: reconsidering
    "깨끗/XR": 1.2, "깔끔/XR": 1.2, "청결/NNG": 1.0,  # clean and neat (흠집 하나 없이 깨끗하게 왔어요, 매장이 깔끔해요)
    "단골/NNG": 1.2, "단골집/NNG": 1.2,  # a regular (단골 됐어요, 자주 와요: `_comes_often`; the reviews never weighed it)
    "단점/NNG": -1.2,  # a downside (단점이 없어요, 단점을 찾기 어려워요: praise, the noun turned; the reviews weighed it little)
    "오래감/VV": 1.0,  # the idiom above: lasts
    "값함/VV": 1.2,  # the idiom above: worth its price
    "나아지/VV": 1.2,  # getting better (점점 나아지고 있어요; 나아지지 않았어요 turned round)
    "기대됨/VV": 1.2,  # looking forward to it (`_looked_forward_to`: 다음 업데이트가 기대돼요, 기대하고 있어요)
    # the regulators a customer takes a matter to (소비자원에 신고할 거예요, 금감원에 민원 넣겠습니다): the reviews never
    # named them; the dissatisfaction score's escalation says the same of a call
    "소비자원/NNP": -1.5, "소비자원/NNG": -1.5, "한국소비자원/NNP": -1.5, "소보원/NNG": -1.5, "감독원/NNG": -1.5,
    "금감원/NNG": -1.5, "공정위/NNG": -1.5, "방통위/NNG": -1.5,
}


@lru_cache(maxsize=2)
def lexicon(path: Path = LEXICON) -> tuple[dict[str, float], float]:
    """Morpheme -> weight, and the bias: the learned file with the hand-written words over it (another
    file than the shipped one: bench/bench_korean.py's lexicon learned without the rows it reports on)."""
    weights, bias = {}, 0.0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, value = line.rsplit("\t", 1)
        if key == "(bias)":
            bias = float(value)
        else:
            weights[key] = float(value)
    weights.update(_english_words())
    weights.update(CX_WORDS)
    weights.update({whole: weight for whole, weight in _as_one_adjective(CX_WORDS).items() if whole not in weights})
    return weights, bias


def _as_one_adjective(words: dict[str, float]) -> dict[str, float]:
    """The hand-written roots of adjectives (간단/XR, 유연/XR) as Kiwi also reads their adjective whole
    (간단해졌어요 is 간단하/VA, 한결 간단해졌어요 간단/XR + 하), for those the reviews never weighed whole:
    where they did, their weight stands (저렴한 느낌 is a cheap feel, 익숙한 배우 a familiar face)."""
    return {f"{word.removesuffix('/XR')}하/VA": weight for word, weight in words.items() if word.endswith("/XR")}


def _english_words() -> dict[str, float]:
    """VADER's valences (-4..4) of English words, as they appear inside Korean text, in the lexicon's units (read
    from the library once a process, as `lexicon` is cached)."""
    return {f"{word}/SL": valence / 2.0 for word, valence in SentimentIntensityAnalyzer().lexicon.items()
            if word.isalpha()}
