"""Korean sentiment on VADER's compound scale (-1..1): morphemes from Kiwi (kiwipiepy, its model in the
`kiwipiepy_model` wheel, offline), a lexicon of morpheme weights, and the rules Korean needs that a
word list alone misses.

- **The lexicon** (`korean_lexicon.tsv`): a logistic regression over signed morpheme counts, learned by
  `bench/build_korean_lexicon.py` from the CC0 Naver movie reviews and the CC BY-SA KoBEST SentiNeg
  product reviews of `../shared/data/korean-sentiment/` (every row; `bench/bench_korean.py` measures a
  sibling learned on the build split on the rest), plus hand-written customer-service words (`CX_WORDS`) the reviews lack or
  under-weigh (해지, 환불, 불친절, 먹통 ...), which take precedence.
- **Negation** flips a word's weight: 안/못 before it, -지 않다 / -지 못하다 / -지 말다 or -ㄹ 수 없다 after it
  (not 수밖에 없다, nor a quality compared: 이보다 더 좋을 수 없어요), and, any of them, its whole clause
  (냄새가 많이 나지 않아요, 냄새가 많이 안 나요; not a cause said with 덕분에 or 때문에; through 것 같다 to the
  clause it is about); 없다 after a noun (불만 없어요) and the words describing it (불편한 점은 없어요), and the prefixes 불/비/무/미
  (불친절). Adverbs that go with a negation (별로, 전혀, 하나도) count nothing before one (별로 나쁘지
  않아요 is praise); 별로 alone says "meh". **The closing clause** weighs most:
  Korean says its stance in the sentence's last predicate. **Intensifiers** (너무, 정말, 진짜, 완전 ...) strengthen the next word. **Contrast**
  (-지만, 하지만, 그런데, 근데) makes the clause after it weigh more than the one before. Emoticons
  and jamo (ㅠㅠ, ㅋㅋ, ㅡㅡ, ^^) count as words. An English word inside Korean text ("UI가 너무
  slow해요") takes VADER's own valence.
- Kiwi corrects spacing and reads typos' intent, so "재미없다" and "재미 없다" read alike.
- **A character convolution** (`korean_syllables.npz`, learned by `bench/build_korean_syllables.py` from the
  same reviews) reads windows of two to four characters, a second opinion where the morphemes miss (slang,
  run-together words); its logit joins z at SYLLABLE_WEIGHT, except where a rule read the text (a word
  negated, a customer-service word, a request): there the rule's reading stands.

compound = VADER's own normalisation of s x z, z the regression's score (a sum of weights, as VADER's is
a sum of valences) and s PRAISE_SCALE or COMPLAINT_SCALE by its sign: the sign is the model's call, and a
turn with no weighted word is 0 (neutral, still scored, as VADER scores neutral English). The scales put
Korean on VADER's scale, not the regression's probability (tanh(z / 2), which read 70% of the demo's
Korean comments at 0.9 or more, 0.5% of the English ones): see PRAISE_SCALE.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Set as AbstractSet
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from vaderSentiment.vaderSentiment import normalize

LEXICON = Path(__file__).resolve().parent / "korean_lexicon.tsv"
# A second reader beside the lexicon: a convolution over the text's characters (`bench/build_korean_syllables.py`,
# learned on every development row, as the lexicon is; bench/bench_korean.py reads a sibling learned on the build
# rows alone). Its logit, SYLLABLE_WEIGHT times, joins z where no rule read the text (`_ruled`). Chosen by five-fold
# cross-validation of the build rows (a convolution and a regression learned on four fifths read the fifth): movie
# reviews 0.8502 -> 0.8548 at 0.3 (0.8542 at 0.2, 0.8552 at 0.5), product reviews 0.9505 -> 0.9520, their rewrites
# 0.8455 (0.8440 at 0.5); two convolutions learned from two seeds, their logits averaged, 0.8557 / 0.9520 / 0.8455.
SYLLABLES = Path(__file__).resolve().parent / "korean_syllables.npz"
SYLLABLE_WEIGHT = 0.3
# A negated word counts the other way, as strongly (VADER's -0.74 read fewer negated rewrites right on
# a validation tenth of the build rows: 0.53 against 0.60); the closing clause 2.5 times (1.5: 0.47).
NEGATION_SCALE = -1.0
INTENSITY = 1.5
BEFORE_CONTRAST, AFTER_CONTRAST = 0.5, 1.5
FINAL_CLAUSE = 2.5
# A question asks more than it tells (해결 방법이 있을까요?): its words count a third, and the stance is
# read from the last sentence that is not one, unless it asks why (왜 이렇게 느린가요?), a complaint.
QUESTION = 0.3
QUESTION_ENDINGS = ("까", "까요", "나요", "가요", "ᆫ가", "ᆫ가요", "는가", "는지요", "니", "냐", "ᆯ까", "ᆯ까요", "죠")
POLITE_ENDINGS = ("요", "니다")  # 줬어요, 줬습니다: said to someone, not a narrative -다
# Predicates that mostly carry the word before them: 좋은 것 같다, 잘 되다, 사용하고 있다, and those that say
# a thing happens (트러블이 안 생겨요, 오류가 안 나요: no trouble, no error).
LIGHT_PREDICATES = {"같", "되", "하", "있", "주", "보", "듯", "생기", "나"}
# Verbs of meeting with a thing: not to have met with it as described is to have gone without it (친절한 직원을
# 보지 못했어요, 빠른 답변은 받아 보지 못했어요, 불편한 점은 느끼지 못했어요), as 없다 says of a noun. Not every verb
# is one: 어설프다는 생각을 지울 수 없다, 부족한 것은 어쩔 수 없다, 이렇게 재밌는 영화는 많지 않다 say the description is so.
MET_WITH = {"보", "만나", "받", "찾", "느끼", "듣", "겪", "경험", "나오", "얻"}
DESCRIBED_THROUGH = LIGHT_PREDICATES | MET_WITH  # a negation of either turns the clause describing its noun
# Requests a customer makes: one that does not go through (환불이 안 돼요, 해지가 되지 않아요) is no better
# than asking for it, so a negation does not turn them round as it turns what describes a product.
REQUESTS = {"환불", "해지", "취소"}
# A request done for the customer (환불해 주셨어요, 환불이 빨리 됐어요, 환불 받았어요): its verb in the past, not
# negated, not asked about; the request alone is a complaint (환불해 주세요, -1.0), done it is none (`_requests_done`).
DONE_FOR = {("주", "VX"), ("되", "VV"), ("되", "XSV"), ("받", "VV"), ("받", "XSV"), ("들어오", "VV")}  # 환불 들어왔어요: it came in
HARD_WON = {("겨우", "MAG"), ("간신히", "MAG"), ("가까스로", "MAG")}
HARD = {("힘들", "VA"), ("어렵", "VA")}
WISHES = {("으면", "EC"), ("면", "EC")}  # 됐으면 좋겠어요: a wish, not a thing done
# what someone said was done (환불됐다고 했는데), not 환불됐다는 문자 받았어요 (the notice came) or 됐다니 다행이에요
QUOTED = {"다고", "라고", "다며", "라며", "다면서", "라면서", "다더니"}
WISHED_BY = {("좋", "VA"), ("하", "VV"), ("하", "VX"), ("바라", "VV")}  # -면 좋겠다, -었으면 하다, -었으면 바라다
# a wish for more of this, or for the company's growing, is praise (이런 서비스가 더 많아졌으면, 더 많이 해 주세요,
# 더 널리 알려졌으면)
ASKING = {("부탁", "NNG"), ("바라", "VV"), ("바람", "NNG"), ("요망", "NNG")}  # 부탁드려요, 바랍니다, 바람, 요망
ASKED = {f"{form}/{tag}" for form, tag in ASKING}  # as `word_features` counts them
MORE_OF_THIS = {("이런", "MM"), ("이렇", "VA"), ("많이", "MAG"), ("지금", "NNG"), ("계속", "MAG"), ("앞", "NNG"),
                ("알", "VV"), ("알려지", "VV"), ("알리", "VV"), ("발전", "NNG"), ("번창", "NNG"), ("흥하", "VV"),
                ("잘되", "VV")}
PROMISED = ([("ᆯ게요", "EF")], [("ᆯ게", "EF")], [("겠", "EP")])  # what follows a verb said as a promise
REQUEST_DONE = "요청처리/NNG"  # the word `_requests_done` makes of one
CLAUSE_ENDS = ("EC", "EF", "SF", "SP", "ETM")
IDIOMS = ((("마음", "에", "들"), ("마음에들", "VV")), (("맘", "에", "들"), ("마음에들", "VV")),
          # not recommended (비추천합니다; 비추합니다, which Kiwi reads as 비 + 추하다, "not ugly")
          (("비", "추천"), ("비추천", "VV")), (("비", "추하"), ("비추천", "VV")),
          (("남", "는", "장사"), ("남는장사", "NNG")),  # "a deal that pays" (충분히 남는 장사예요): a bargain
          (("돈", "이", "아깝"), ("돈아깝", "VA")), (("돈", "아깝"), ("돈아깝", "VA")),
          (("문제", "없"), ("문제없", "VA")), (("문제", "가", "없"), ("문제없", "VA")),
          (("문제", "는", "없"), ("문제없", "VA")), (("문제", "도", "없"), ("문제없", "VA")),
          (("문제", "없이"), ("문제없", "VA")), (("문제", "가", "전혀", "없"), ("문제없", "VA")),
          (("문제", "는", "전혀", "없"), ("문제없", "VA")), (("문제", "가", "하나", "도", "없"), ("문제없", "VA")),
          (("문제", "하나", "도", "없"), ("문제없", "VA")), (("문제", "전혀", "없"), ("문제없", "VA")),
          # nothing to improve (개선할 점 없음, 개선할 게 없어요, 개선할 부분은 없습니다): a survey's "nothing wrong";
          # much to improve (개선할 점이 많아요, 보완할 부분이 많네요): its complaint, put politely
          *(((verb, "하", "ᆯ", noun, *particle, how), said) for verb in ("개선", "보완")
            for noun in ("점", "것", "거", "부분") for particle in ((), ("이",), ("가",), ("은",), ("는",), ("도",))
            for how, said in (("없", ("문제없", "VA")), ("많", ("개선필요", "NNG")))),
          # charged twice (요금이 두 번 청구됐어요, 이중 결제, 중복 결제): each word alone says nothing of it
          (("두", "번", "청구"), ("이중청구", "NNG")), (("두", "번", "결제"), ("이중청구", "NNG")),
          (("결제", "가", "두", "번"), ("이중청구", "NNG")), (("청구", "가", "두", "번"), ("이중청구", "NNG")),
          (("이", "중", "결제"), ("이중청구", "NNG")), (("이중", "결제"), ("이중청구", "NNG")),
          (("이중", "청구"), ("이중청구", "NNG")), (("중복", "결제"), ("이중청구", "NNG")),
          (("중복", "청구"), ("이중청구", "NNG")), (("두", "번", "빠져나가"), ("이중청구", "NNG")),
          (("두", "번", "출금"), ("이중청구", "NNG")),
          # asked again and again (몇 번이나 전화했는데, 몇 번을 말씀드려야, 세 번째 전화예요): patience running out
          (("몇", "번", "이나"), ("몇번이나", "MAG")), (("몇", "번", "을"), ("몇번이나", "MAG")),
          (("몇", "번", "째"), ("몇번이나", "MAG")), (("번", "째", "전화"), ("몇번이나", "MAG")),
          (("번", "째", "연락"), ("몇번이나", "MAG")), (("번", "째", "문의"), ("몇번이나", "MAG")),
          # told or asked as many as N times (세 번이나 설명했어요), or the same thing N times over already
          # (이런 일이 벌써 세 번째예요; not 벌써 세 번째 보는 영화, a film seen again)
          *((("번", "이나", said), ("몇번이나", "MAG"))
            for said in ("설명", "말씀", "말", "얘기", "이야기", "전화", "연락", "문의", "요청", "말하", "부탁")),
          *((("벌써", number, "번", "째", "이"), ("몇번이나", "MAG")) for number in ("두", "세", "네", "다섯", "여러")),
          # a short while (가입한 지 얼마 안 됐어요, 얼마 안 돼서 답이 왔어요), only a few (몇 안 되는 장점): no 되다
          # negated, nothing said
          (("얼마", "안", "되"), ("얼마안되", "VV")), (("몇", "안", "되"), ("얼마안되", "VV")),
          # cannot wait any longer (더는 못 기다려요, 더 이상 못 기다리겠어요): 못 would turn 기다리다 round
          (("더", "는", "못", "기다리"), ("못기다림", "VV")), (("더", "이상", "못", "기다리"), ("못기다림", "VV")),
          (("더", "는", "안", "기다리"), ("못기다림", "VV")), (("더", "이상", "안", "기다리"), ("못기다림", "VV")),
          *((("더", *more, "기다리", "ᆯ", "수", *particle, "없"), ("못기다림", "VV"))
            for more in (("는",), ("이상",)) for particle in ((), ("가",), ("는",))),  # 더 이상 기다릴 수 없어요
          # not come or not received yet (택배가 아직 안 왔어요, 기사님이 아직 안 오셨어요, 아직 못 받았어요,
          # 아직 도착을 안 했어요): waiting, where each word alone reads as nothing or, negated, as praise
          (("아직", "안", "오"), ("아직안옴", "VV")), (("아직", "도", "안", "오"), ("아직안옴", "VV")),
          (("아직", "오", "지", "않"), ("아직안옴", "VV")), (("아직", "도", "오", "지", "않"), ("아직안옴", "VV")),
          (("아직", "못", "받"), ("아직안옴", "VV")), (("아직", "도", "못", "받"), ("아직안옴", "VV")),
          (("아직", "안", "받"), ("아직안옴", "VV")), (("아직", "도", "안", "받"), ("아직안옴", "VV")),
          (("아무", "도", "안", "오"), ("아직안옴", "VV")), (("아무", "도", "오", "지", "않"), ("아직안옴", "VV")),
          (("아직", "도착", "을", "안"), ("아직안옴", "VV")), (("아직", "도착", "안"), ("아직안옴", "VV")),
          (("아직", "도착", "하", "지", "않"), ("아직안옴", "VV")), (("아직", "안", "도착"), ("아직안옴", "VV")),
          # not a word of it (사과 한마디 없었어요, 설명 한마디도 없이): silence where something was owed
          (("한마디", "없"), ("한마디없음", "VA")), (("한마디", "도", "없"), ("한마디없음", "VA")),
          # still as it was for days (배송 조회가 사흘째 그대로예요, 일주일째 여전히 똑같아요): nothing has come of it
          (("째", "그대로"), ("아직안옴", "VV")), (("째", "여전히"), ("아직안옴", "VV")), (("째", "똑같"), ("아직안옴", "VV")),
          # not wanting to (더 이상 쓰고 싶지 않아요, 다시는 이용하고 싶지 않네요): a refusal, whatever the verb
          (("싶", "지", "않"), ("싶지않", "VA")), (("싶", "지", "가", "않"), ("싶지않", "VA")),
          (("싶", "지", "는", "않"), ("싶지않", "VA")),
          (("형식", "적"), ("형식적", "XR")),  # perfunctory: 형식적인 답변, 응대가 형식적이에요
          (("저", "의", "시간", "에"), ("제시간", "NNG")),  # on time: Kiwi reads 제시간에 왔어요 as "in my time"
          (("갑", "질"), ("갑질", "NNG")), (("존", "맛"), ("존맛", "NNG")),  # CX_WORDS: Kiwi cuts them in two
          # as pictured or described (사진이랑 똑같아요, 설명과 같아요), or not (사진이랑 달라요): a shopper's praise or complaint
          *(((shown, particle, verb), said) for shown in ("사진", "설명", "광고")
            for particle in ("이랑", "랑", "과", "와", "하고")
            for verb, said in (("똑같", ("보인대로", "VA")), ("똑같이", ("보인대로", "VA")), ("같", ("보인대로", "VA")),
                               ("다르", ("보인것과다름", "VA")))),
          # 어이없다 misspelt as customers often write it (어의없네요, 어의가 없어요)
          (("어의", "없"), ("어이없", "VA")), (("어의", "가", "없"), ("어이없", "VA")),
          # what one wondered, as the noun (궁금한 게 다 풀렸어요: a question cleared up, `MEANT_IN_CLAUSE`)
          (("궁금하", "ᆫ", "것"), ("궁금증", "NNG")), (("궁금하", "었", "던", "것"), ("궁금증", "NNG")),
          # nothing more to wish for (더 바랄 게 없어요, 더할 나위 없어요): full satisfaction, no 없다 said of a lack
          *((("바라", "ᆯ", "것", *particle, "없"), ("바랄것없음", "VA")) for particle in ((), ("이",), ("은",), ("도",))),
          (("더하", "ᆯ", "나위", "없"), ("바랄것없음", "VA")), (("더하", "ᆯ", "나위", "가", "없"), ("바랄것없음", "VA")),
          # it cannot be helped (지루함은 어쩔 수가 없다, 어쩔 수 없이 해지했어요): what is said of stands, no 어쩌다 negated
          *((("어쩌", "ᆯ", "수", *particle, "없"), ("어쩔수없", "VA")) for particle in ((), ("가",), ("는",), ("도",))),
          (("어쩌", "ᆯ", "수", "없이"), ("어쩔수없이", "MAG")),
          # cannot do without it (없으면 안 될 정도예요, 없어서는 안 될 앱): praise, not a 되다 negated
          (("없", "으면", "안", "되"), ("없으면안됨", "VA")), (("없", "어서", "는", "안", "되"), ("없으면안됨", "VA")),
          # wanting it better (개선이 필요해요, 보완이 필요합니다, 개선 필요): a survey's complaint, politely put
          (("개선", "이", "필요"), ("개선필요", "NNG")), (("개선", "필요"), ("개선필요", "NNG")),
          (("보완", "이", "필요"), ("개선필요", "NNG")), (("보완", "필요"), ("개선필요", "NNG")),
          # not what it used to be (통화 품질이 예전 같지 않아요, 옛날 같지가 않네요): worse than before, where the
          # negation would turn round only the nouns of the clause
          *(((before, "같", "지", *particle, "않"), ("예전같지않", "VA")) for before in ("예전", "옛날", "처음")
            for particle in ((), ("가",), ("는",))),
          # nothing to worry about (신경 쓸 일이 없어요, 신경 쓸 게 많아요): a worry, where 신경 써 주셔서 is care
          *((("신경", "쓰", "ᆯ", thing), ("걱정", "NNG")) for thing in ("일", "것", "거", "필요")),
          (("인상", "적"), ("인상적", "XR")),  # impressive, where 인상 alone is also a price raised
          (("덜", "하"), ("덜하", "VA")),  # less so (부담이 덜해요, 소음이 훨씬 덜하네요): a trouble eased
          (("감감", "무", "소식"), ("감감무소식", "NNG")),  # not a word back, which Kiwi may split as 무 + 소식
          (("초기", "화"), ("초기화", "NNG")),  # reset (설정이 초기화돼요), where 초기 alone is the early days
          (("바로", "되"), ("정상", "NNG")),  # works at once (안내대로 했더니 바로 되네요)
          (("돌리", "어", "받"), ("돌려받", "VV")),  # got back (잘못 결제된 금액을 돌려받았어요), as Kiwi splits it
          # without notice or consent (공지 없이 요금제가 바뀌었어요, 연락도 없이 방문했어요, 동의 없이 결제됐어요)
          *(((notice, *particle, "없이"), ("예고없이", "MAG")) for notice in ("공지", "예고", "안내", "통보", "연락", "동의")
            for particle in ((), ("도",))),
          (("통화", "중", "이"), ("통화중", "VA")),  # the line busy (대표번호는 항상 통화 중이에요), not 통화 중에, "during"
          # going elsewhere (이 가격이면 다른 데 가겠어요, 다른 곳 알아볼게요, 다른 업체로 옮겼어요): a customer lost
          *((("다른", place, *particle, verb), ("다른데감", "VV")) for place in ("데", "곳", "회사", "업체")
            for particle in ((), ("로",), ("으로",)) for verb in ("가", "알아보", "옮기")))
# A verb that means another thing after certain nouns in its clause, whatever is said between
# (`_meant_in_clause`): a price's move (요금이 갑자기 올랐어요, 가격이 또 인상됐네요, 금액이 두 배로 나왔어요;
# 요금이 내렸어요), where going up is good news for a speed or a rating (속도가 올라서 좋아요, 평점이 올랐네요);
# what one was told, said otherwise (상담원마다 말이 다 달라요, 안내받은 내용과 달라요: not what I was told);
# a problem, a question or a trouble undone or gone (문제가 금방 풀렸어요, 불편함이 사라졌어요: solved, where 풀리다
# alone says little and the trouble's own word would say the opposite), or fixed once it is done (오류가
# 수정됐어요, 불편한 점이 개선됐어요, 끊김 현상이 고쳐졌네요: not 고쳐 주세요, 개선됐으면 좋겠어요, 수정됐나요?); what a
# customer keeps gone (업데이트 후에 기능이 사라졌어요, 포인트가 지워졌어요: lost); what lets a customer in locked
# (이유 없이 계정이 잠겼어요, 카드가 막혔어요: locked out, where the films' 잠기다 was lost in thought); what a thing
# should hold left out (설명이 절반은 빠져 있어요, 구성품이 하나 빠져 있었어요: missing, where the films' 빠지다 was
# falling for a film, and 살이 빠졌어요 is weight lost); a customer's time, money or work blown away (회의를 통째로
# 날렸어요, 돈만 날렸네요: lost), where a trouble blown away is gone (스트레스를 날려 버리다); what a customer gets
# cut (혜택이 줄었어요, 기능은 줄었어요: lost); trust lost or broken (신뢰를 잃었어요, 믿음이 깨졌어요), where 신뢰
# alone is praise. A trouble gone may be said of the noun it describes (불편했던 부분이 다 고쳐졌어요).
PRICES = {"요금", "가격", "금액", "비용", "값", "구독료", "이용료", "사용료", "수수료", "청구액", "청구서", "관리비",
          "배송비", "보험료", "단가", "월세", "요금제", "회비", "가입비", "난방비", "전기료", "전기세", "가스비", "수도료",
          "수도세", "통신비", "택시비", "수리비", "진료비", "병원비", "공과금", "이자"}
PRICE_UP = {("오르", "VV"), ("올라가", "VV"), ("올리", "VV"), ("인상", "NNG"), ("뛰", "VV"), ("배", "NNG"), ("나오", "VV")}
NUMBERS = {"두", "세", "네", "몇"}  # before 배 ("times"): 두 배 (double) of a price; 배 alone is a stomach or a ship
# How much a price came out (요금이 많이 나왔어요, 난방비가 적게 나와요): 나오다 alone says nothing of it.
CAME_OUT = {("많이", "MAG"): ("요금인상", "VV"), ("더", "MAG"): ("요금인상", "VV"), ("많", "VA"): ("요금인상", "VV"),
            ("비싸", "VA"): ("요금인상", "VV"), ("적", "VA"): ("요금인하", "VV"), ("덜", "MAG"): ("요금인하", "VV"),
            ("싸", "VA"): ("요금인하", "VV")}
TROUBLES = {"문제", "궁금증", "오해", "의문", "불편", "불만", "오류", "에러", "버그", "렉", "끊김", "통증", "냄새", "걱정",
            "스트레스", "트러블", "짜증", "잡음", "소음", "장애", "고장", "불량", "지연", "누락", "부담",
            "끊기", "끊어지", "멈추", "튕기"}  # the last as Kiwi reads 끊김, 멈춤, 튕김: a verb made a noun
KEPT = {"기능", "데이터", "자료", "파일", "포인트", "쿠폰", "적립금", "내역", "기록", "메뉴", "버튼", "사진", "계정", "설정",
        "글", "메시지", "주문", "예약", "대화", "저장"}  # what a customer keeps
CONTENTS = {"설명", "내용", "안내", "항목", "정보", "자료", "데이터", "코드", "페이지", "목록", "내역", "서류", "부품", "구성품",
            "품", "사은품", "옵션", "설명서", "매뉴얼", "부속품", "충전기", "케이블", "영수증", "나사"}  # what a thing should hold
SPENT = {"회의", "하루", "시간", "돈", "작업", "업무", "주말", "반나절", "오전", "오후", "비용", "데이터", "자료", "파일"}
BENEFITS = {"기능", "혜택", "옵션", "용량", "할인", "적립"}  # what a customer gets, cut (혜택이 줄었어요)
ACCESS = {"계정", "아이디", "카드", "계좌", "로그인", "회선"}  # what a customer is let in by (locked: 계정이 잠겼어요)
MEANT_IN_CLAUSE = ((PRICES, PRICE_UP, ("요금인상", "VV"), True, False),
                   (PRICES, {("내리", "VV"), ("내려가", "VV"), ("인하", "NNG"), ("떨어지", "VV"), ("나오", "VV"),
                             ("줄", "VV"), ("줄어들", "VV")}, ("요금인하", "VV"), True, False),
                   (TROUBLES, {("풀리", "VV"), ("사라지", "VV"), ("없어지", "VV"), ("해소", "NNG"), ("줄", "VV"),
                               ("줄어들", "VV"), ("날리", "VV"), ("덜하", "VA")},
                    ("해결", "NNG"), True, False),
                   (TROUBLES, {("고치", "VV"), ("수정", "NNG"), ("개선", "NNG"), ("복구", "NNG"), ("해결", "NNG")},
                    ("해결", "NNG"), True, True),
                   ({"말", "말씀", "얘기", "안내", "설명", "내용", "답변", "기대"}, {("다르", "VA"), ("달라지", "VV")}, ("말다름", "VA"),
                    False, False),
                   (KEPT, {("사라지", "VV"), ("없어지", "VV"), ("날아가", "VV"), ("지워지", "VV"), ("초기화", "NNG")},
                    ("사라짐", "VV"), False, False),
                   (ACCESS, {("잠기", "VV"), ("막히", "VV"), ("차단", "NNG")}, ("잠김", "VV"), False, False),
                   (CONTENTS, {("빠지", "VV")}, ("빠짐", "VV"), False, False),
                   (BENEFITS, {("줄", "VV"), ("줄어들", "VV"), ("축소", "NNG")}, ("사라짐", "VV"), False, False),
                   (SPENT, {("날리", "VV")}, ("사라짐", "VV"), False, False),
                   ({"신뢰", "믿음", "신뢰도"}, {("잃", "VV"), ("무너지", "VV"), ("깨지", "VV"), ("떨어지", "VV")},
                    ("사라짐", "VV"), True, False))
# (nouns, verbs, the word meant, whether the nouns are what went and say nothing more: 불편함이 사라졌어요,
# whether only once done: `_said_done`)
VERBS_MEANT_IN_CLAUSE = {verb: [(nouns, word, gone, done) for nouns, verbs, word, gone, done in MEANT_IN_CLAUSE
                                if verb in verbs]
                         for verbs in (verbs for _, verbs, _, _, _ in MEANT_IN_CLAUSE) for verb in verbs}
# What a customer waits for (연락이 안 와요, 인증 문자가 오지 않아요, 기사님이 안 오셨어요): before a negated
# 오다 in its clause, the negation is the complaint of waiting (아직안옴), not a thing's coming turned round
# (불량품이 오지 않았어요, "the defective one did not come", stays praise; 비도 안 오고, no rain). Goods are
# not among them: 휘어진 물건이 오지 않았습니다 ("no bent one came") is praise; 상품이 아직 안 왔어요 is the idiom.
AWAITED = {"연락", "답장", "답변", "회신", "문자", "메일", "이메일", "인증", "인증번호", "알림", "전화", "택배", "기사",
           "직원", "담당자", "환불금", "영수증", "안내", "소식", "메시지", "카톡", "코드", "결과", "답"}
ARRIVING = {("오", "VV"), ("오시", "VV"), ("들어오", "VV"), ("도착", "NNG")}
# Coming or ending as something did (빠르게 왔어요, 간단하게 끝났습니다, 무사히 끝났어요, 허무하게 끝났다): the adverb
# says how it went
SAID_BY_HOW = ARRIVING | {("끝나", "VV"), ("마치", "VV")}
HOW = {("게", "EC"), ("무사히", "MAG"), ("잘", "MAG"), ("정확히", "MAG"), ("제때", "NNG")}
COMING = ARRIVING | {("주", "VV"), ("받", "VV"), ("듣", "VV")}  # 답장을 안 줘요, 결과를 못 받았어요, 답을 못 들었어요
# And what a customer waits for come at once (답변이 바로 왔어요, 회신을 빨리 주셨어요, 인증 문자가 바로 와요) is the
# wait's opposite: the learned weight of 오다 leans against, and 바로 alone weighs little.
QUICKLY = {("바로", "MAG"), ("금방", "MAG"), ("빨리", "MAG"), ("즉시", "MAG"), ("곧바로", "MAG"), ("곧", "MAG"),
           ("당일", "NNG"), ("신속", "XR"), ("신속히", "MAG"), ("빠르", "VA")}
AS_SOON_AS = ("자마자", "EC")  # the clause after it came at once (접수하자마자 기사님이 오셨어요)
SHORTLY = ("얼마안되", "VV")  # the idiom: likewise the clause after it (문의한 지 얼마 안 돼서 답이 왔어요)
# Likewise a negated 보이다/뜨다/나오다 ("shows"): what a customer keeps not showing is lost (주문 내역에 안 보여요,
# 포인트가 안 떠요), a blemish or a trouble not showing is none (흠집이 하나도 안 보여요, 오류가 안 떠요).
SHOWING = {("보이", "VV"), ("뜨", "VV"), ("나오", "VV")}
# Done within a short while (`_done_within`): minutes, hours, a day or two before 만에 ("after only"), 안에 or
# 이내에 ("within"), then one of DONE_SOON.
SHORT_WHILE = {"분", "시간", "하루", "이틀", "반나절"}
# Or it took not even that long (십 분도 안 걸렸어요, 하루도 걸리지 않았어요, 5분밖에 안 걸렸어요: `_took_no_time`).
ONLY = ("밖에", "JX")
NOT_EVEN = {("도", "JX"), ONLY}
WITHIN = {("만", "NNB"), ("안", "NNG"), ("이내", "NNG")}
DONE_SOON = {("끝나", "VV"), ("끝내", "VV"), ("도착", "NNG"), ("처리", "NNG"), ("해결", "NNG"), ("오", "VV"),
             ("받", "VV"), ("완료", "NNG"), ("발급", "NNG"), ("복구", "NNG"), ("설치", "NNG"),
             ("달리", "VV"), ("입금", "NNG")}  # 답변이 달려요: an answer posted; not 연결: an hour to get through
# A trouble the customer's own side fixed (`_fixed_ourselves`): one of these done, 직접 or 스스로, by 우리, 저희, 저 or 나.
IMPROVED = {("해결", "NNG"), ("개선", "NNG"), ("향상", "NNG")}  # counted only once done (`_solved_only_once_done`)
IMPROVED_FORMS = frozenset(form for form, _ in IMPROVED)
GOING_ON = ([("는", "ETM")], [("네요", "EF")], [("고", "EC")])  # after 되다: 개선되는, 개선되네요, 개선되고 있어요
FIXED_BY_US = {("해결", "NNG"), ("고치", "VV"), ("처리", "NNG"), ("복구", "NNG"), ("수정", "NNG"), ("찾", "VV")}
OURSELVES = {("직접", "MAG"), ("스스로", "MAG"), ("손수", "MAG")}
WE = {("우리", "NP"), ("저희", "NP"), ("저", "NP"), ("나", "NP")}
# The forms of the words some rules start from (`_says_any`): a text with none of them is passed over.
MEANT_IN_CLAUSE_FORMS = frozenset(form for form, _ in VERBS_MEANT_IN_CLAUSE)
COMING_FORMS = frozenset(form for form, _ in COMING)
QUICKLY_FORMS = frozenset(form for form, _ in QUICKLY) | {AS_SOON_AS[0], SHORTLY[0]}
FIXED_BY_US_FORMS = frozenset(form for form, _ in FIXED_BY_US)
GIVING = frozenset({"주"})  # 주셨어요, 갖다 주셨어요: `_favour_done`
# Times a stance can be said of alone (`_only_then`): 처음에만, 초반에만, 계약 전까지만, 그때만.
ONLY_THEN = {(noun, "NNG") for noun in ("처음", "초반", "초기", "전", "그때", "한때", "예전", "옛날", "첫날")}
MORE_SO = {("더", "MAG"), ("훨씬", "MAG")}  # 예전이 훨씬 좋았어요: more so then, not now
APPEAL = {"점", "장점", "매력", "재미", "강점", "차별점", "가치"}  # what a thing has to offer (`_cannot_see`)
BLEMISHES = {"흠집", "스크래치", "기스", "얼룩", "하자", "자국", "찍힘"}
# A trouble named as a phenomenon or a symptom (끊김 현상이 없어졌어요, 발열 증상이 없어요): none of it is none of the trouble
PHENOMENA = {("현상", "NNG"), ("증상", "NNG")}
# And a negated 되다 after what a customer does with a service (로그인이 안 돼요, 쿠폰 적용이 안 돼요, 결제가 잘
# 안 돼요, 할인이 적용되지 않아요) is its not working, whatever praise words stand around it (할인, 쿠폰); the
# function's own word is counted no more; but not said of a noun (로그인 안 되는 문제가 해결됐어요, 결제가 안 되는
# 줄 알았는데), which the noun's own rules read. Requests (환불이 안 돼요) keep their own reading (REQUESTS).
FUNCTIONS = {"로그인", "결제", "접속", "연결", "적용", "인증", "설치", "업데이트", "예약", "주문", "발급", "조회", "전송",
             "입금", "출금", "충전", "등록", "변경", "가입", "실행", "저장", "다운로드", "업로드", "동기화", "재생", "접수",
             "이체", "송금", "로딩", "부팅", "발송", "수신", "출력", "인식", "작동", "구동", "반영", "할인", "적립"}
NOT_THERE = ((AWAITED, COMING, ("아직안옴", "VV"), False, True), (KEPT, SHOWING, ("사라짐", "VV"), False, True),
             (TROUBLES | BLEMISHES, SHOWING, ("해결", "NNG"), True, True),
             (FUNCTIONS, {("되", "VV"), ("되", "XSV")}, ("안됨", "VV"), True, False))
# (nouns, verbs, the word, the nouns gone, whether also where the verb describes a noun)
NOT_THERE_VERBS = frozenset().union(*(verbs for _, verbs, _, _, _ in NOT_THERE))
# Made to do a thing again (같은 서류를 또 내야 해요, 매번 처음부터 설명해야 해요, 다시 설치해야 했어요): -어야 하다/되다
# ("have to") after one of these in its clause is the customer's effort, a complaint (`_made_to_repeat`); not
# a wish to come back (또 사야겠어요, 다시 와야 할 것 같아요: 겠, or said of a noun).
AGAIN = {("또", "MAG"), ("다시", "MAG"), ("매번", "MAG"), ("처음", "NNG"), ("자꾸", "MAG"), ("번번이", "MAG"),
         ("일일이", "MAG"), ("계속", "MAG")}
HAVE_TO = {("하", "VX"), ("되", "VV")}
# Asked again (누락돼서 다시 요청했어요, 또 문의했는데, 몇 달째 같은 요청을 하고 있어요): one of AGAIN, or 같은 ("the
# same"), before a request or a call the customer made or keeps making is the same complaint (`_asked_again`);
# not a promise or an instruction (다시 전화드릴게요, 다시 접수해 주세요), nor a first time (처음 문의했을 때).
CALLS_AND_REQUESTS = {"요청", "문의", "접수", "전화", "연락", "신청", "질문", "항의"}
THE_SAME = [("같", "VA"), ("은", "ETM")]
MADE_TO = [("게", "EC"), ("만들", "VV")]
# Tags of morphemes that carry meaning (Kiwi's Sejong tags, its marks of conjugation dropped: `morphemes`).
CONTENT = ("NNG", "NNP", "VV", "VA", "MAG", "XR", "SL", "SW", "IC")
LEMMA_TAGS = CONTENT + ("XPN", "XSV", "XSA", "VX")  # what `lemmas` keeps of a text
PREDICATE = ("VV", "VA", "XSV", "XSA")
NEGATORS_BEFORE = {("안", "MAG"), ("못", "MAG")}
TAKEN_BY_A_NOUN = ("VCP", "JKS", "JKC", "JKG", "JKO", "JKB", "JX")  # its copula and particles
NEGATORS_AFTER = {("않", "VX"), ("못하", "VX"), ("말", "VX")}
AS_MUCH_AS = {("보다", "JKB"), ("이만큼", "MAG"), ("이만큼", "NNG"), ("이렇게", "MAG")}  # 이보다 더, 이렇게 친절할
ANY_MORE = {(("이상", "NNG"),), (("는", "JX"),)}  # after 더: 더 이상, 더는 ("any more"), no comparison
CANNOT_PARTICLES = {("가", "JKS"), ("는", "JX"), ("도", "JX"), ("ᆫ", "JX"), ("조차", "JX")}  # -ㄹ 수가/는/도 없다
NONE_OF = {("없", "VA"), ("없이", "MAG")}  # after a noun: there is none of it, or without it
NEGATING_PREFIXES = {"불", "비", "무", "미"}
# Every form that can start a negation (`_negation_scope`): before or after the word, 없다, 아니다, the
# prefixes, and 어렵다 of 좋다고 하기는 어렵다
NEGATING_FORMS = {form for form, _ in NEGATORS_BEFORE | NEGATORS_AFTER | NONE_OF} | {"아니", "어렵"} | NEGATING_PREFIXES
# Adverbs that go with a negation (별로 좋지 않다, 전혀 문제 없다, 하나도 안 친절해요): with one after them in
# their clause they say nothing of their own, the negation turning the predicate round; alone, 별로
# says "meh" (별로예요).
# none, not one, not once: 하나도 없다, 한 명도 없다, 한 번 없다 (not 건, 분: 해결된 건 하나도 없어요 is "what was solved")
ONE_OF = {("하나", "NR"), ("한", "MM"), ("번", "NNB"), ("명", "NNB"), ("개", "NNB"), ("가지", "NNB"), ("군데", "NNB")}
CAUSES = {"덕분", "때문"}  # 덕분에, 때문에: the cause of what a clause says, outside what it negates
ALMOST = ("거의", "MAG")  # 거의 없다: next to none
ENTIRELY = {("완전히", "MAG"), ("아예", "MAG"), ("싹", "MAG"), ("말끔히", "MAG"), ("깨끗이", "MAG")}  # none at all
NEGATIVE_POLARITY = {"별로", "전혀", "그다지", "그닥", "딱히", "하나도", "절대", "결코", "도무지", "통"}
INTENSIFIERS = {"너무", "정말", "진짜", "완전", "매우", "엄청", "아주", "되게", "굉장히", "넘", "참", "완전히", "진심",
                "제일", "가장", "정말로", "몹시", "무척", "대단히", "겁나", "존나", "개"}
EASE = {"편하", "쉽", "좋", "어렵", "힘들", "불편", "편리", "간편", "까다롭", "번거롭", "괜찮", "나쁘", "싫"}  # 기다리기 편하다
# -더니 too: what was done or was so, then what came of it (교환 신청했더니 바로 보내 주셨어요, 처음엔 재밌더니 갈수록 지루)
CONTRAST_ENDINGS = {"지만", "는데도", "ㄴ데도", "은데도", "더니"}
WORRIES = {"걱정", "우려", "반신반의", "긴가민가", "고민"}
EXPECTED = [("줄", "NNB"), ("알", "VV"), ("었", "EP")]  # -ㄹ 줄 알았는데
CONTRAST_WORDS = {"하지만", "그런데", "근데", "그러나", "그렇지만", "그래도"}
EMOTICONS = (("EMO/sad", re.compile(r"[ㅠㅜ]{1,}|T[._]T|ㅡ[._]ㅡ")), ("EMO/annoyed", re.compile(r"ㅡㅡ|;;+|-_-")),
             ("EMO/laugh", re.compile(r"[ㅋㅎ]{2,}")), ("EMO/smile", re.compile(r"\^\^|\^_\^|:\)|:D")))
HANGUL_SYLLABLES = re.compile(r"[\uac00-\ud7a3]+")
# Points given (10점 드립니다, 닥치고 1점): each number of points up to 10 a word of its own, whose weight the
# reviews teach; given out of a stated top (5점 만점에 2점), as so many out of 10, the top and its 만점
# ("full marks") counted as no praise.
POINTS = re.compile(r"(?<![\d.])(\d{1,2})\s*점(?!\s*만점)")
POINTS_OUT_OF = re.compile(r"(?<![\d.])(\d{1,3})\s*점\s*만점\s*(?:에서|에|중)?\s*(?:는\s*)?(\d{1,3})\s*점")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
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
# A run of syllables counts half a word (`syllable_features`): whole words say more than their letters.
SYLLABLE_COUNT = 0.5
# Customer-service words the reviews lack or under-weigh, in the regression's units (a weight of 2 on a lone
# word reads about ±0.6: 만족해요 +0.69, 실망이에요 -0.62). They take precedence over the learned weights.
CX_WORDS = {
    "별로/MAG": -2.0, "최악/NNG": -3.0, "불친절/NNG": -2.5, "친절/NNG": 1.5, "엉망/NNG": -2.5, "엉망/XR": -2.5,
    "해지/NNG": -1.2, "환불/NNG": -1.0, "추천/NNG": 1.5, "먹통/NNG": -2.0, "오류/NNG": -1.2, "에러/NNG": -1.2,
    "장애/NNG": -1.5, "고장/NNG": -1.5, "불편/NNG": -1.5, "불편/XR": -1.5, "답답/XR": -2.0, "짜증/NNG": -2.0,
    "실망/NNG": -2.0, "만족/NNG": 2.0, "감사/NNG": 1.0, "고맙/VA": 1.0, "느리/VA": -1.5, "빠르/VA": 1.0,
    "지연/NNG": -1.2, "누락/NNG": -1.2, "중복/NNG": -0.8, "항의/NNG": -1.5, "취소/NNG": -0.8, "해결/NNG": 1.0,
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
    # shoppers' slang for value: 혜자 (generous), 창렬 (overpriced), 갓성비 (갓 + 성비: great value for money)
    "혜자/NNP": 1.5, "혜자/NNG": 1.5, "창렬/NNG": -1.5, "창렬/NNP": -1.5, "성비/NNG": 1.0,
    "나무라/VV": -1.0, "아쉽/VA": -1.0,  # to find fault, to fall short: 나무랄 데가 없어요, 아쉬운 점이 없어요 praise
    # a business customer's words (운영에 지장이 있어요, 응답 속도가 들쭉날쭉해요, 일정이 미뤄졌어요, 유연하게 응해 주셨어요)
    "지장/NNG": -1.2, "손실/NNG": -1.2, "들쭉날쭉/MAG": -1.0, "미루/VV": -1.0, "유연/XR": 1.0, "신속/NNG": 1.2,
    "수수료/NNG": -1.0, "위약금/NNG": -1.2,  # a fee, a penalty (수수료가 없어서 자주 이용합니다 is praise)
    "여유/NNG": 1.0,  # room to spare (여유 있게 도착했어요; 여유가 없어요 is a complaint)
    "비추천/VV": -2.0, "남는장사/NNG": 1.5,  # the idiom above: not recommended (비추할 이유가 없어요 is praise: the reason turned round)
    "대기/NNG": -0.8,  # waiting, as 기다리다 (대기가 너무 길어요; 대기 시간 없이 is praise)
    "지키/VV": 1.0,  # a promise or a date kept (약속을 지키지 않았어요 is a complaint; the reviews weighed it little)
    "아프/VA": -1.2, "따갑/VA": -1.2,  # a product that hurts (the films' 마음이 아프다 cancelled it out)
    "이중청구/NNG": -2.0, "몇번이나/MAG": -1.5,  # the idioms above: charged twice, asked again and again
    # a product's praise the reviews never weighed (직관적이에요, 원활해졌어요, 금방 익숙해졌어요)
    "직관/NNG": 1.2, "원활/NNG": 1.2, "원활/XR": 1.2, "익숙/XR": 0.8, "간단/XR": 1.0,
    "간편/XR": 1.2, "힘들/VA": -1.2,  # easy to use, hard going (이체가 간편해졌어요, 따라가기 힘들어요)
    "닳/VV": -1.2,  # worn down, run down (배터리가 빨리 닳아요: 빨리 alone reads as praise)
    "실패/NNG": -1.5,  # failed (결제가 실패했어요, 내보내기가 세 번이나 실패했는데; the films' 흥행 실패 weighed it little)
    "싶지않/VA": -1.5,  # the idiom above: does not want to
    "못기다림/VV": -1.5,  # the idiom above: cannot wait any longer
    "정상/NNG": 1.0, "곤란/NNG": -1.5, "곤란/XR": -1.5,  # working normally again; a trouble to the customer
    "얼마안되/VV": 0.0,  # the idiom above: a short while
    "아직안옴/VV": -1.5,  # the idiom above: not come or not received yet (and AWAITED, not come)
    "바로옴/VV": 1.2,  # what a customer waits for come at once (QUICKLY)
    "해주심/VV": 0.8,  # a favour done for the customer (_favour_done)
    "부당/NNG": -1.5, "부당/XR": -1.5, "과다/NNG": -1.0, "바가지/NNG": -1.5,  # charged unfairly, too much: a rip-off
    "요금인상/VV": -1.5, "요금인하/VV": 1.0,  # a price gone up or down (MEANT_IN_CLAUSE)
    "사라짐/VV": -1.5,  # what a customer keeps gone (MEANT_IN_CLAUSE)
    "한마디없음/VA": -1.5,  # the idiom above: not a word of it
    "부담/NNG": -1.2, "걱정/NNG": -1.0,  # a burden, a worry (부담이 없어요, 걱정 없이 맡겨요: praise, the noun turned)
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
    "다른데감/VV": -1.5,  # the idiom above: going to another company
    "버그/NNG": -1.2,  # a bug, as 오류 and 에러
    "틀리/VV": -1.2, "틀리/VA": -1.2,  # wrong (청구서가 틀렸습니다, 모양이 틀리네요; 틀린 말이 없다 turned round)
    "돌려받/VV": 1.0,  # money got back (당일에 돌려받았어요; 아직 못 돌려받았어요 turned round)
    "예고없이/MAG": -1.2,  # the idiom above: without notice or consent
    "푸짐/XR": 1.2,  # generous (양이 푸짐해요, 서비스가 푸짐했어요)
    "개선/NNG": 1.0, "향상/NNG": 1.0,  # improved, once done (IMPROVED): 많이 개선됐어요, 개선되지 않았어요 turned round
    "헷갈리/VV": -1.2,  # confusing (형식이 달라서 헷갈려요; 처음엔 헷갈렸는데 금방 익숙해졌어요 says the last clause)
    # shoppers' words for being taken in: a customer treated as a soft touch, a seller gone with the money, power
    # abused (호갱 취급 당했어요, 먹튀했어요, 갑질하네요: the idiom above)
    "호갱/NNG": -1.5, "먹튀/NNG": -1.5, "갑질/NNG": -1.5,
    "존맛/NNG": 1.5,  # really tasty (the idiom above: 존맛이에요)
    "보인대로/VA": 1.2, "보인것과다름/VA": -1.5,  # the idioms above: as pictured, or not
    "바랄것없음/VA": 1.5,  # the idiom above: nothing more to wish for
    "깨끗/XR": 1.2, "깔끔/XR": 1.2, "청결/NNG": 1.0,  # clean and neat (흠집 하나 없이 깨끗하게 왔어요, 매장이 깔끔해요)
}


class Korean(NamedTuple):
    compound: float
    pos: float
    neu: float
    neg: float
    lemmas: str  # the text's content morphemes, "form/TAG" joined by spaces: what themes match on
    leaning: float  # the compound a call's dissatisfaction reads: 0 for a weak reading (WEAK_SCORE, WEAK_WORDS)
    met: bool = False  # a request (REQUESTS) done for the customer: no failure in a call's dissatisfaction


# Kiwi's beam: readings scored this far below the best are dropped. 5 rather than its 8 tokenises a
# sentence in 15-20% less time; 2.3% of review sentences read otherwise, as often better as worse
# (최악의 영화다: 다 as an ending, not an adverb), and no held-out figure moved (bench/README.md).
CUTOFF = 5
_kiwi = None
_kiwi_lock = threading.Lock()
READINGS_TOP = 3
_remembered: dict[str, list[str]] = {}


def kiwi():
    """The process's one Kiwi, with one thread of its own that analyses the next texts of a list while
    Python reads the last ones (a load already spreads turns over one process per core: a Kiwi thread
    per core beside it would only compete). Kiwi builds its model on its first text: that is done here,
    under the lock, so that two threads never build it at once. Without its dictionaries of multi-word
    names, of common typos and of proper nouns, which took 0.6 s more to start (1.2 -> 0.6 s) and moved
    no figure of bench/bench_korean.py by more than three reviews in 10,000. The compound names of a charge
    (PRICES) are words of its own dictionary: without them Kiwi split some (가스비, 수도세), and so did the
    rules that read a price's move."""
    global _kiwi
    with _kiwi_lock:
        if _kiwi is None:
            from kiwipiepy import Kiwi
            built = Kiwi(num_workers=1, model_type="cong", load_multi_dict=False, load_typo_dict=False,
                         load_default_dict=False)
            built.global_config.cutoff_threshold = CUTOFF
            for word in PRICES:
                if len(word) > 2:
                    built.add_user_word(word, "NNG")  # 가스비, 수도료, 난방비: one charge, not 가스 + 비, 나 + ㄴ + 방비
            built.tokenize("")
            _kiwi = built
        return _kiwi


def is_korean(text: str) -> bool:
    """Whether the text has Hangul; ASCII text (most of an English sheet) is told without the search."""
    return not text.isascii() and HANGUL.search(text) is not None


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


class Syllables(NamedTuple):
    characters: dict[str, int]  # a character's row of the embedding (0 padding, 1 any character not learned)
    kernels: list  # per width: (width, characters, filters) tables of each offset's part, and the filters' bias
    weight: object  # the filters' maxima -> the logit
    bias: float


@lru_cache(maxsize=2)
def syllables(path: Path = SYLLABLES) -> Syllables:
    """The character convolutions (learned alike from several seeds) as one whose filters are theirs side by side
    and whose logit is the mean of theirs, each filter's part of every offset worked out once per character:
    reading a text is then looking rows up and adding them, with no product of matrices."""
    import numpy as np  # here, not above: a scoring process that meets no Korean never loads it

    stored = np.load(path)
    embeddings = stored["embedding"].astype(np.float32)  # members x characters x embedding
    kernels = []
    while f"conv{len(kernels)}.weight" in stored:
        weights = stored[f"conv{len(kernels)}.weight"].astype(np.float32)  # members x filters x embedding x width
        tables = np.stack([np.concatenate([embedding @ weight[:, :, offset].T  # einsum: 0.5 s
                                           for embedding, weight in zip(embeddings, weights)], axis=1)
                           for offset in range(weights.shape[3])])  # the members' filters side by side
        kernels.append((tables, stored[f"conv{len(kernels)}.bias"].astype(np.float32).reshape(-1)))
    members, filters = weights.shape[:2]
    # the maxima come width by width, each width's filters member by member; the members' logits are averaged
    out = stored["out.weight"].astype(np.float32).reshape(members, len(kernels), filters)
    return Syllables({character: row + 2 for row, character in enumerate(stored["characters"].tolist())},
                     kernels, out.transpose(1, 0, 2).reshape(-1) / members, float(stored["out.bias"].mean()))


def syllable_logits(texts: list[str], path: Path = SYLLABLES, batch: int = 64) -> list[float]:
    """The convolution's logit of each text (0 for an empty one), `batch` texts at a time so that its
    tables' rows stay in the cache. Each text is followed by the widest window less one of padding, so
    that its last windows read nothing of the next text."""
    import numpy as np

    model = syllables(path)
    padding = [0] * (max(len(tables) for tables, _ in model.kernels) - 1)
    logits: list[float] = []
    for first in range(0, len(texts), batch):
        chunk = texts[first:first + batch]
        rows: list[int] = []
        bounds: list[int] = []
        for text in chunk:
            bounds += [len(rows), len(rows) + max(len(text), 1)]
            rows += [model.characters.get(character, 1) for character in text] + padding
        found = np.array(rows + padding)
        maxima = []
        for tables, bias in model.kernels:
            windows = sum(tables[offset][found[offset:offset + len(rows)]] for offset in range(len(tables))) + bias
            maxima.append(np.maximum.reduceat(windows, bounds, axis=0)[::2])
        read = np.maximum(np.concatenate(maxima, axis=1), 0.0) @ model.weight + model.bias
        logits += [float(logit) if text else 0.0 for logit, text in zip(read, chunk)]
    return logits


def _as_one_adjective(words: dict[str, float]) -> dict[str, float]:
    """The hand-written roots of adjectives (간단/XR, 유연/XR) as Kiwi also reads their adjective whole
    (간단해졌어요 is 간단하/VA, 한결 간단해졌어요 간단/XR + 하), for those the reviews never weighed whole:
    where they did, their weight stands (저렴한 느낌 is a cheap feel, 익숙한 배우 a familiar face)."""
    return {f"{word.removesuffix('/XR')}하/VA": weight for word, weight in words.items() if word.endswith("/XR")}


def _english_words() -> dict[str, float]:
    """VADER's valences (-4..4) of English words, as they appear inside Korean text, in the lexicon's units."""
    from sentiment.scoring import analyzer
    return {f"{word}/SL": valence / 2.0 for word, valence in analyzer().lexicon.items() if word.isalpha()}


def tokens(text: str) -> list[tuple[str, str]]:
    return morphemes(kiwi().tokenize(text))


def morphemes(analysis) -> list[tuple[str, str]]:
    """Kiwi's tokens as (form, tag), the tag without Kiwi's mark of a regular or an irregular conjugation
    (받/VV-R, 아깝/VA-I): the rules and the lexicon know a morpheme by its form and part of speech alone.
    A suffix only follows its noun: Kiwi's 되/XSV after 안 or 못 (해결은 안 됐어요, where 해결이 안 됐어요 reads
    되/VV) is the verb, so that the negation reaches the noun. And -은데/-는데 with nothing after 데 that a noun
    would take (괜찮은데 속도가 아쉬워요, which Kiwi reads as 은/ETM 데/NNB, "the place that is fine", where
    친절한데 reads ᆫ데/EC) is the connective ending that closes a clause. And -지 못했다, which Kiwi mostly reads as
    못/MAG 하/VV (받지 못했어요, 만족하진 못했어요, where 받지 못함 reads 못하/VX), is the auxiliary that negates the verb
    before it. 않 before a predicate with no -지 before it is 안 misspelt, as customers often write it (연결이 않돼요,
    서비스가 않좋아요)."""
    found = [(token.form, token.tag.split("-")[0]) for token in analysis]
    for i, (form, tag) in enumerate(found[:-1] if ("않", "VX") in found or ("않", "VV") in found else ()):
        if form == "않" and tag in ("VX", "VV") and found[i + 1][1] in ("VV", "VA", "VX", "XSV") \
                and not _after_ji(found, i):
            found[i:i + 2] = [("안", "MAG"), (found[i + 1][0], "VA" if found[i + 1][1] == "VA" else "VV")]
    for i in range(len(found) - 1, 0, -1):
        if found[i][1] == "XSV" and found[i - 1] in NEGATORS_BEFORE:
            found[i] = (found[i][0], "VV")
        elif found[i] == ("하", "VV") and found[i - 1] == ("못", "MAG") and _after_ji(found, i - 1):
            found[i - 1:i + 1] = [("못하", "VX")]
        elif found[i] == ("데", "NNB") and found[i - 1][1] == "ETM" and found[i - 1][0] in ("은", "는", "ᆫ") \
                and not (found[i + 1:i + 2] and found[i + 1][1] in TAKEN_BY_A_NOUN):
            found[i - 1:i + 1] = [(found[i - 1][0] + "데", "EC")]
    return found


def _after_ji(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the morpheme follows the ending -지, a particle between or not (좋지 않다, 좋지가 않다, 좋진 않다, 좋질 않다)."""
    before = i - 1 - (i > 1 and found[i - 1][1].startswith("J"))
    return before >= 0 and found[before] == ("지", "EC")


def readings(phrase: str, top: int = READINGS_TOP) -> list[str]:
    """A short phrase's likeliest distinct `lemmas`: alone, without a sentence around it, Kiwi can read
    알림 as 알리+ㅁ (a verb made a noun) where a sentence's 알림이 reads as the noun. Those a scoring
    process worked out (`remember_readings`) are taken as they are, without starting Kiwi here."""
    if top == READINGS_TOP and phrase in _remembered:
        return _remembered[phrase]
    analyses = [analysis for analysis, _ in kiwi().analyze(phrase, top_n=top)]
    spelled = _letters_kept(analyses[0]) if analyses else set()
    found = [lemmas(morphemes(analysis)) for analysis in analyses
             if _letters_kept(analysis) == spelled]
    return [said for said in dict.fromkeys(found) if said]


def _letters_kept(analysis) -> set[int]:
    """The phrase's letters a reading's lemmas keep: a reading that drops part of a word (초기 as 초 + the
    suffix 기, 설치 as 설 + 치, 청구서 as 청구 + the particle 서) would match any text with what is left
    (설정, 설), so only readings that keep what the likeliest one keeps count."""
    return {start for token in analysis if token.tag.split("-")[0] in LEMMA_TAGS
            for start in range(token.start, token.start + token.len)}


def remember_readings(found: dict[str, list[str]]) -> None:
    """Phrases' `readings` worked out by a process that has Kiwi started (a load's scoring process), so
    that this one need not start its own (0.6-0.9 s, 260 MB)."""
    _remembered.update(found)


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
    contrast = _last_contrast(found)
    feared = _feared(found, contrast)
    asked = _questions(found)
    told = max((i for i in range(len(found)) if i not in asked), default=len(found) - 1) + 1
    final = _final_clause(found[:told])
    negated = _negation_scope(found) ^ _only_then(found)
    intensifying = _says_any(found, INTENSIFIERS)
    previous = None
    for i, (form, tag) in enumerate(found):
        if tag not in CONTENT or (form, tag) in NEGATORS_BEFORE or form in INTENSIFIERS or i in feared:
            continue
        if tag == "VA" and form == "없" and _said_of_a_noun(found, i):
            continue  # "문제(가) 없어요": the noun is negated below, 없다 itself says nothing more
        if form in NEGATIVE_POLARITY and _negation_follows(found, i):
            continue
        if (form, tag) == ALMOST and found[i + 1:i + 2] == [("없", "VA")] and _said_of_a_noun(found, i + 1):
            continue  # 소음이 거의 없어요: next to none of the noise, said by the noun turned round
        if form in WORRIES and i + 3 < len(found) and _worry_overturned(found, i + 3):
            continue  # 걱정했는데 괜찮네요: the worry is what came to nothing
        if (form, tag) in SAID_BY_HOW and i and found[i - 1] in HOW:
            continue  # 빠르게 왔어요, 간단하게 끝났어요: how it came or ended says it (the reviews' 오다 -0.7, 끝나다 -0.3)
        if form == "기다리" and found[i + 1:i + 2] in PROMISED:
            continue  # 기다릴게요, 기다리겠습니다: "I'll wait", no complaint of waiting
        if f"{form}/{tag}" in CX_WORDS and found[i + 1:i + 2] == [("기", "ETN")] and found[i + 2:i + 3] \
                and found[i + 2][0] in EASE:
            continue  # 기다리기 편했어요: what was easy or hard to do; the adjective says how it went
        key = f"{form.lower() if tag == 'SL' else form}/{tag}"
        value = NEGATION_SCALE if i in negated else 1.0
        if intensifying and _intensified(found, i):
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


def _by_first_word(idioms: tuple) -> dict[str, list]:
    """Idioms by their first word, in their order: a morpheme looks up the few that could start with it
    (trying every idiom at every morpheme took 60% of the scorer's Python time)."""
    grouped: dict[str, list] = {}
    for parts, idiom in idioms:
        grouped.setdefault(parts[0], []).append((parts, idiom))
    return grouped


IDIOMS_BY_FIRST_WORD = _by_first_word(IDIOMS)


def _says_any(found: list[tuple[str, str]], forms: AbstractSet[str]) -> bool:
    """Whether a morpheme of `found` has one of these forms: a rule none of whose words is in the text has
    nothing to do there (walking the morphemes, each rule took 3-13 us a text; looking for each rule's
    negation at every morpheme was a fifth of the scorer's own time; this asks in under one)."""
    return not forms.isdisjoint(map(itemgetter(0), found))


def _cannot_do(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """못 하다 after its object (화상회의를 못 해요, 연기를 못 한다) as one word, 못하/VV, whose weight the reviews
    teach: 하다 weighs nothing, so 못 turned nothing round but the object. Not 사용 못 하다 or -지 못하다, a
    word negated, which the negation reads."""
    if ("못", "MAG") not in found:
        return found
    made = list(found)
    for i in range(len(found) - 2, 0, -1):
        if found[i] == ("못", "MAG") and found[i + 1][0] == "하" and found[i + 1][1].startswith("VV") \
                and found[i - 1][1].startswith("JKO"):
            made[i:i + 2] = [("못하", "VV")]
    return made


def _cannot_see(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Not seeing what a thing has to offer (딱히 좋은 점을 모르겠어요, 매력을 모르겠다, 장점을 잘 모르겠네요) as 없다
    after it: none of it, and what describes it turned round. Only those nouns, and 모르다 with -겠- ("I can't
    tell"): the reviews' -ㄴ 줄 몰랐다 ("I never knew it was ...") praises."""
    if ("모르", "VV") not in found:
        return found
    made = list(found)
    for i in range(2, len(found) - 1):
        k = i - 2 if found[i - 1] in (("잘", "MAG"), ("전혀", "MAG")) else i - 1  # 장점을 잘 모르겠어요
        if found[i] == ("모르", "VV") and found[i + 1] == ("겠", "EP") and k > 0 and found[k][1] == "JKO" and \
                found[k - 1][0] in APPEAL:
            made[i] = ("없", "VA")
    return made


def _idioms(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fixed phrases whose words mean little apart, as one morpheme: 마음에 들다 -> 마음에들/VV."""
    if not _says_any(found, IDIOMS_BY_FIRST_WORD.keys()):
        return found
    merged, i = [], 0
    while i < len(found):
        for parts, idiom in IDIOMS_BY_FIRST_WORD.get(found[i][0], ()):
            if tuple(form for form, _ in found[i:i + len(parts)]) == parts:
                merged.append(idiom)
                i += len(parts)
                break
        else:
            merged.append(found[i])
            i += 1
    return merged


def _meant_in_clause(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each verb of MEANT_IN_CLAUSE after one of its nouns in its clause, as the word it means there, in
    its place (a negation still turns it round: 요금이 오르지 않았어요 is praise), and the nouns, where they
    are what went, counted no more."""
    if not _says_any(found, MEANT_IN_CLAUSE_FORMS):
        return found
    meant, asked = list(found), None
    for i, (form, tag) in enumerate(found):
        for nouns, word, gone, done in VERBS_MEANT_IN_CLAUSE.get((form, tag), ()):
            if form == "배" and not (i and found[i - 1][0] in NUMBERS):
                continue
            if form == "나오" and _came_out(found, i) != word:
                continue
            if done:
                asked = _questions(found) if asked is None else asked
                if i in asked or not _said_done(found, i):
                    continue
            start = _clause_start(found, i)
            if gone and start and found[start - 1][1] == "ETM":
                start = _clause_start(found, start - 1)  # 불편한 점이 개선됐어요: the trouble said of its noun
            while start > 1 and found[start - 1] == ("게", "EC") and found[start - 2][1] in PREDICATE:
                start = _clause_start(found, start - 1)  # 요금이 크게 올랐어요, 오류가 눈에 띄게 줄었어요: an adverb
            start = _past_causes(found, start, i)  # 기능 덕분에 준비 시간이 줄었어요: the cause is not what went
            subjects = [j for j in range(start, i) if _names_one_of(found, j, nouns)]
            if subjects:
                meant[i] = word
                for j in subjects if gone else ():
                    meant[j] = (found[j][0], "NNB")  # not a content word: counted no more
                break
    return meant


def _past_causes(found: list[tuple[str, str]], start: int, i: int) -> int:
    """Where the clause from `start` to `i` starts once a cause said in it (덕분에, 때문에) is left out."""
    return max([start] + [k + 2 for k in range(start, i - 1) if found[k][0] in CAUSES and found[k + 1] == ("에", "JKB")])


def _came_out(found: list[tuple[str, str]], i: int) -> tuple[str, str] | None:
    """The price's move said by how much the 나오다 at `i` came out (많이, 더, 적게, 덜 ... just before it)."""
    k = i - 1 - (i > 1 and found[i - 1][0] == "게")  # 많이 나왔어요; 적게 나와요: 적 + 게
    return CAME_OUT.get(found[k]) if k >= 0 else None


def _names_one_of(found: list[tuple[str, str]], j: int, nouns: set[str]) -> bool:
    """Whether the morpheme at `j` is one of these nouns, or one of these verbs made a noun (끊김: 끊기 + ㅁ)."""
    form, tag = found[j]
    return form in nouns and (tag == "NNG" or (tag.startswith("VV") and found[j + 1:j + 2] == [("ᆷ", "ETN")]))


def _requests_done(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each request (REQUESTS) done for the customer (DONE_FOR, in the past, or as the cause of what follows:
    취소해 주셔서 다행이었어요, 환불돼서 다행이에요) in its clause, unless negated, asked about (환불 처리 됐나요?) or
    won only hard (한 달 만에 겨우 환불받았어요: HARD_WON), as a request done."""
    if not _says_any(found, REQUESTS):
        return found
    done, asked = list(found), None
    for i, (form, tag) in enumerate(found):
        if form not in REQUESTS or tag != "NNG":
            continue
        said = _rest_of_clause(found, i)
        if _said_done(found, i) and any(m in DONE_FOR for m in said) and not _negates(said) \
                and not _won_hard(found, i):
            asked = _questions(found) if asked is None else asked
            if i not in asked:
                done[i] = ("요청처리", "NNG")
    return done


def _won_hard(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the clause says what `i` names came only hard: 겨우, 간신히 in it, or 힘들게/어렵게 right before it."""
    return not HARD_WON.isdisjoint(found[_clause_start(found, i):i]) \
        or (i > 1 and found[i - 1] == ("게", "EC") and found[i - 2] in HARD)


def _rest_of_clause(found: list[tuple[str, str]], i: int) -> list[tuple[str, str]]:
    """The morphemes after `i` to the end of its clause."""
    end = next((j for j in range(i + 1, len(found)) if _clause_ends(found, j)), len(found) - 1)
    return found[i + 1:end + 1]


def _said_done(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the clause says what `i` names as done: in the past (환불 받았어요, 수정됐어요; 환불 들어온 거, a verb's
    -ㄴ), not wished for (개선됐으면 좋겠어요), as the cause of what follows (취소해 주셔서 다행이었어요), or noted
    as done (해결됨); not where it is only reported (환불됐다고 했는데)."""
    said = _rest_of_clause(found, i)
    if said and said[-1][0] in QUOTED:
        return False  # 환불됐다고 했는데, 수정됐다고 하셨잖아요: said to be done, not done
    wished = any(m in WISHES for m in said)
    past_relative = len(said) > 1 and said[-1] == ("ᆫ", "ETM") and said[-2][1] in ("VV", "VX", "XSV")
    noted_done = len(said) > 1 and said[-1] == ("ᆷ", "EF") and said[-2][0] == "되"  # 해결됨, 환불 처리됨: a terse "done"
    return (("었", "EP") in said and not wished) or ("어서", "EC") in said or past_relative or noted_done


def _not_come(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A negated verb of NOT_THERE (안 오다, 오지 않다, 못 오다; 안 보이다 ...) after one of its nouns in its clause,
    as its word, the negation taken with it (연락이 안 와요: waiting; 내역이 안 보여요: lost; 흠집이 안 보여요:
    none, the blemish counted no more)."""
    if not _says_any(found, NEGATING_FORMS):  # most texts have none
        return found
    words: dict[int, tuple[str, str]] = {}  # position -> the word said there
    dropped: set[int] = set()  # the negations taken with a word
    gone: set[int] = set()
    for i, (form, tag) in enumerate(found):
        if (form, tag) not in NOT_THERE_VERBS or not (negators := _negators_of(found, i)):
            continue
        for nouns, verbs, word, nouns_gone, of_a_noun in NOT_THERE:
            if (form, tag) not in verbs or \
                    (not of_a_noun and _describes_a_noun(found, max(i, *negators) + 1)):
                continue
            start = _clause_start(found, i)
            if verbs is COMING and not any(t.startswith(("NNG", "NNP")) for _, t in found[start:i]):
                start = _sentence_start(found, i)  # 바로 온다고 하고 안 오셨어요: its subject is the sentence's
            subjects = [j for j in range(start, i) if _names_one_of(found, j, nouns)]
            if subjects:
                words[i] = word
                dropped.update(negators)
                gone.update(subjects if nouns_gone else ())
                break
    return [words.get(i, (form, "NNB") if i in gone else (form, tag))
            for i, (form, tag) in enumerate(found) if i not in dropped]


def _none_come(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What a customer waits for said to be none (아직 회신이 없어요, 연락이 없네요, 답변 없음) as the word of its
    not having come (아직안옴), the noun with it: 없다 after a noun would turn the noun round, and 답변 or 회신
    weigh next to nothing to turn."""
    if ("없", "VA") not in found:
        return found
    made = list(found)
    for i, morpheme in enumerate(found):
        if morpheme != ("없", "VA"):
            continue
        j = i - 1
        while j > 0 and found[j][1].startswith("J"):
            j -= 1  # its particles: 회신이, 답변도, 연락은
        if j >= 0 and _names_one_of(found, j, AWAITED):
            made[i], made[j] = ("아직안옴", "VV"), (found[j][0], "NNB")
    return made


def _negators_of(found: list[tuple[str, str]], i: int) -> list[int]:
    """Where the predicate at `i` is negated right before it (안 와요, 못 받았어요) or right after it (오지 않아요):
    the negation's positions, for a rule that takes the negation with the word it makes; none if it is not."""
    if i and found[i - 1] in NEGATORS_BEFORE:
        return [i - 1]
    if found[i + 1:i + 2] == [("지", "EC")] and found[i + 2:i + 3] and found[i + 2] in NEGATORS_AFTER:
        return [i + 1, i + 2]
    return []


DONE_WRONG = {("다르", "VA"), ("잘못", "MAG"), ("잘못", "NNG"), ("엉뚱", "XR"), ("마음대로", "MAG"), ("멋대로", "MAG")}


def _favour_done(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """-어 주셨어요, said of what someone did for the customer (짐까지 방으로 옮겨 주셨어요, 끝까지 웃으면서 응대해
    주셨어요, 비 오는데도 갖다주셨어요; 미리 안내해 줬어요), as a favour done (해주심) in the place of its 주다: a
    courtesy the words around it may not weigh. Not asked (해 주셨나요?), not negated (안 해 주셨어요, 해 주지
    않으셨어요), not wished (해 주셨으면), not done wrong (색상을 다르게 보내 주셨네요, 잘못 보내 주셨어요)."""
    if not _says_any(found, GIVING):
        return found
    made = list(found)
    for i in range(1, len(found) - 2):
        if found[i] != ("주", "VX") and found[i - 1:i + 1] != [("다", "EC"), ("주", "VV")]:  # 갖다 주셨어요
            continue
        ending = _gave_ending(found, i)
        if ending is None:
            continue
        sentence = found[_sentence_start(found, i):i]
        if ending.endswith(QUESTION_ENDINGS) or any(m in NEGATORS_BEFORE | DONE_WRONG for m in sentence):
            continue
        made[i] = ("해주심", "VV")
    return made


def _gave_ending(found: list[tuple[str, str]], i: int) -> str | None:
    """The sentence ending of 주셨- or 줬- after the 주다 at i; for 줬-, only said to someone (줬어요, 줬습니다: a
    customer of a company; not the films' narrative 연기를 보여줬다)."""
    if found[i + 1:i + 3] == [("시", "EP"), ("었", "EP")] and found[i + 3:i + 4] and found[i + 3][1] == "EF":
        return found[i + 3][0]
    if found[i + 1] == ("었", "EP") and found[i + 2][1] == "EF" and found[i + 2][0].endswith(POLITE_ENDINGS):
        return found[i + 2][0]
    return None


def _came_quickly(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A verb of coming (COMING) after what a customer waits for (AWAITED) and one of QUICKLY in its clause, or
    in a clause right after -자마자 or 얼마 안 되다, as the word of its coming at once (바로옴); not where it is only
    said to come (바로 온다고 했는데). Run after `_not_come`, so that 답장이 바로 안 와요 stays a wait."""
    if not (_says_any(found, COMING_FORMS) and _says_any(found, QUICKLY_FORMS)):
        return found
    made = list(found)
    for i, (form, tag) in enumerate(found):
        if (form, tag) not in COMING or (found[i + 1:i + 2] and found[i + 1][0].endswith("다고")):
            continue  # 바로 온다고 했는데: a coming promised, not come
        start = _clause_start(found, i)
        clause = range(start, i)
        soon_after = found[start - 1:start] == [AS_SOON_AS] or SHORTLY in found[max(start - 3, 0):start]
        if any(_names_one_of(found, j, AWAITED) for j in clause) and \
                (soon_after or any(found[j] in QUICKLY for j in clause)):
            made[i] = ("바로옴", "VV")
    return made


def _done_within(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What a customer waits for done or come within minutes, hours or a day or two (몇 분 만에 끝냈어요, 하루 만에
    도착했어요, 10분 만에 처리됐어요, 하루 안에 답변이 달려요) as the word of its coming at once (바로옴); not a longer
    time (2주 만에 도착했어요, three years later), and not what happened (일주일 만에 고장 났어요: 고장 says it)."""
    if WITHIN.isdisjoint(found):
        return found
    made = list(found)
    for i in range(1, len(found) - 1):
        if found[i] not in WITHIN or found[i + 1] != ("에", "JKB") or found[i - 1][0] not in SHORT_WHILE:
            continue
        for j in range(i + 2, min(len(found), i + 6)):
            if found[j] in DONE_SOON and found[j - 1][0] != "잠":
                made[j] = ("바로옴", "VV")  # (not 10분 만에 잠 오는 영화: sleepy within ten minutes)
                break
            if _clause_ends(found, j):
                break
    return made


def _took_no_time(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Not even a short while taken (십 분도 안 걸렸어요, 하루도 걸리지 않았어요, 5분밖에 안 걸렸어요) as the word of
    a thing done at once (바로옴), the negation taken with it: 걸리다 negated had read as praise turned round."""
    if ("걸리", "VV") not in found:
        return found
    made, dropped = list(found), set()
    for i, morpheme in enumerate(found):
        if morpheme != ("걸리", "VV") or not (negators := _negators_of(found, i)):
            continue
        took = min(i, *negators)  # 십 분도 | 안 걸렸어요, 하루도 | 걸리지 않았어요
        if took >= 2 and found[took - 2][0] in SHORT_WHILE and found[took - 1] in NOT_EVEN:
            made[i] = ("바로옴", "VV")
            dropped.update(negators)
    return [morpheme for i, morpheme in enumerate(made) if i not in dropped]


def _fixed_ourselves(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A trouble the customer's own side fixed (결국 우리 팀이 직접 해결했어요, 제가 직접 고쳤어요): the one who should
    have did not, a complaint (직접해결), not a trouble solved for them; not a favour (기사님이 직접 와서 해결해
    주셨어요: no 우리, and 주다)."""
    if not _says_any(found, FIXED_BY_US_FORMS):
        return found
    made = list(found)
    for i, (form, tag) in enumerate(found):
        if (form, tag) not in FIXED_BY_US or not _said_done(found, i):
            continue
        before = found[_sentence_start(found, i):i]
        if any(m in OURSELVES for m in before) and any(m in WE for m in before) \
                and ("주", "VX") not in _rest_of_clause(found, i):
            made[i] = ("직접해결", "VV")
    return made


def _solved_only_once_done(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """해결 ("solved"), 개선 and 향상 ("improved"), as written, counted only where done (해결됐어요, 해결해 주셨어요,
    많이 개선됐어요, 속도가 향상됐네요) or going on (점점 개선되네요, 개선되고 있어요, 개선되는 게 느껴져요; 개선되는 게
    없어요 turned round) or said not to be (해결이 안 돼요, 개선되지 않아요: the negation turns it round);
    asked for, wished or asked about (문제 해결해 주세요, 개선해 주세요, 해결됐나요?) it is no praise (the reviews'
    개선, mostly asked for, weighed against: 속도가 개선됐어요 read -0.26).
    (A trouble gone, 오류가 안 떠요, is 해결 now: the clause rules after this one.)"""
    if IMPROVED.isdisjoint(found):
        return found
    kept, asked = list(found), None
    for i, (form, tag) in enumerate(found):
        if (form, tag) not in IMPROVED:
            continue
        asked = _questions(found) if asked is None else asked
        going_on = found[i + 1:i + 2] == [("되", "XSV")] and found[i + 2:i + 3] in GOING_ON
        if i in asked or not (going_on or _said_done(found, i) or _said_not_done(found, i)):
            kept[i] = (form, "NNB")  # not a content word: counted no more
    return kept


def _said_not_done(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the clause of `i` says it is not done (해결이 안 돼요, 해결되지 않아요), not wished for."""
    said = _rest_of_clause(found, i)
    return _negates(said) and not any(m in WISHES for m in said)


def _negates(said: list[tuple[str, str]]) -> bool:
    """Whether these morphemes (the rest of a clause) hold a negation: 안, 못, -지 않다/못하다/말다."""
    return any(m in NEGATORS_BEFORE or m in NEGATORS_AFTER for m in said)


def _wished_better(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A wish that something were more so (좀 더 빨랐으면 해요, 조금만 더 친절하면 좋겠습니다, 수수료가 더 낮았으면
    좋겠어요), or that a quality were had or a thing improved (답변이 빨랐으면 좋겠어요, 빨리 해결됐으면 좋겠어요), says it
    is lacking: its 좋다/하다/바라다 becomes the word of a thing to be made better (개선필요, as 개선이 필요해요). Not a
    wish for a thing to happen (다음에도 이 기사님이 오셨으면 좋겠어요), nor one for more of this or for the company's
    growing (`MORE_OF_THIS`)."""
    if WISHES.isdisjoint(found):
        return found
    made = list(found)
    for i, morpheme in enumerate(found[:-1]):
        if morpheme not in WISHES or found[i + 1] not in WISHED_BY:
            continue
        said = found[_sentence_start(found, i):i]
        if (("더", "MAG") in found[_clause_start(found, i):i] or _quality_wished(found, i)) and \
                not any(m in MORE_OF_THIS for m in said):
            made[i + 1] = ("개선필요", "NNG")
    return made


def _quality_wished(found: list[tuple[str, str]], i: int) -> bool:
    """Whether what the -면 at `i` wishes for is a quality (빨랐으면, 친절했으면) or an improvement (해결됐으면,
    개선됐으면), not a thing to happen (오셨으면) or to be there too (있었으면)."""
    j = i - 1
    while j > 0 and found[j][1] == "EP":
        j -= 1
    if j < 0 or found[j] == ("있", "VA"):
        return False  # 이런 기능도 있었으면 좋겠어요: a thing wanted as well, no lack of what is there
    return found[j][1] in ("VA", "XSA") or (found[j][0] == "되" and j > 0 and found[j - 1][0] in IMPROVED_FORMS)


def _asked_for(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A quality asked for (빠른 처리 부탁드려요, 친절한 응대 부탁드립니다, 빠른 해결 바람) is not one had: it counts no
    more (it read as praise, +0.26 to +0.54). Nor is it a complaint: on a call 빠른 처리 부탁드립니다 is a polite
    closing, as "please process it quickly" is in English. Not a wish for more of this (앞으로도 더 좋은 서비스
    부탁드립니다), as `_wished_better`."""
    if ASKING.isdisjoint(found):
        return found
    made = list(found)
    for i, morpheme in enumerate(found):
        if morpheme not in ASKING:
            continue
        j = i - 1 - (i > 0 and found[i - 1][1] == "JKO")  # 정확한 안내를 부탁드려요
        nouns = 0
        while j >= 0 and found[j][1] in ("NNG", "NNB"):  # NNB: 해결 not yet done (`_solved_only_once_done`)
            j, nouns = j - 1, nouns + 1
        if not nouns or j < 1 or found[j][1] != "ETM":
            continue
        quality = j - 1 - (j > 1 and found[j - 1][1] == "XSA")  # 빠르/VA, or 친절/NNG before 하/XSA
        said = found[_sentence_start(found, i):i]
        if found[quality][1] not in ("VA", "NNG", "XR") or any(m in MORE_OF_THIS for m in said):
            continue
        made[quality] = (found[quality][0], "NNB")  # not a content word: counted no more
    return made


def _sentence_start(found: list[tuple[str, str]], i: int) -> int:
    return next((j + 1 for j in range(i - 1, -1, -1) if found[j][1] in ("SF", "EF")), 0)


def _asked_again(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A request or a call (CALLS_AND_REQUESTS) asked again, said as done or going on (-었-, -고 있다) or as made to be
    (매번 같은 질문을 반복하게 만드네요), as the word of a customer made to do it again."""
    if not _says_any(found, CALLS_AND_REQUESTS):
        return found
    made = list(found)
    for i, (form, tag) in enumerate(found):
        if form not in CALLS_AND_REQUESTS or tag != "NNG":
            continue
        rest = _rest_of_clause(found, i)
        if ("겠", "EP") in rest or not (("었", "EP") in rest or ("있", "VX") in rest
                                       or _made_to(found[i + 1:i + 2 + len(rest)])):  # the clause ends at -게
            continue
        if found[i - 2:i] == THE_SAME or any(found[j] in AGAIN and found[j][0] != "처음"
                                             for j in range(_clause_start(found, i), i)):
            made[i] = ("다시해야", "VV")
    return made


def _made_to(found: list[tuple[str, str]]) -> bool:
    """Whether -게 만들다 (made to) is among these morphemes."""
    return any(found[k:k + 2] == MADE_TO for k in range(len(found) - 1))


def _made_to_repeat(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each -어야 하다/되다 ("have to") after one of AGAIN in its clause, ending the clause or the sentence (not
    -어야겠다, not said of a noun), as the word of a customer made to do it again, in the place of 하다/되다."""
    if HAVE_TO.isdisjoint(found):
        return found
    made = list(found)
    for i in range(1, len(found) - 1):
        if found[i] not in HAVE_TO or found[i - 1] != ("어야", "EC") or _describes_a_noun(found, i + 1) or \
                ("겠", "EP") in found[i + 1:i + 3]:
            continue
        if any(found[j] in AGAIN for j in range(_clause_start(found, i - 1), i - 1)):
            made[i] = ("다시해야", "VV")
    return made


# The rules that rewrite a text's morphemes before `word_features` counts them, in the order they run: each
# takes the morphemes as the ones before left them (`_came_quickly` after `_not_come`, so that 답장이 바로 안 와요
# stays a wait).
REWRITES = (_idioms, _cannot_do, _cannot_see, _fixed_ourselves, _solved_only_once_done, _requests_done, _not_come,
            _none_come, _came_quickly, _done_within, _took_no_time, _meant_in_clause, _made_to_repeat, _asked_again,
            _wished_better, _asked_for, _favour_done)


def _describes_a_noun(found: list[tuple[str, str]], k: int) -> bool:
    """Whether the ending from `k` on (past and honour marks passed over) makes what comes before it describe
    a noun (-는, -ㄴ, -ㄹ: 안 되는 문제), rather than ending a clause or a sentence."""
    return next((tag for _, tag in found[k:] if tag != "EP"), "EF") == "ETM"


def _questions(found: list[tuple[str, str]]) -> set[int]:
    """The morphemes of sentences that ask (a ? or an asking ending: 있을까요, 되나요, 맞습니까), but not
    of those that ask why."""
    asked: set[int] = set()
    start = 0
    for i, (form, tag) in enumerate(found):
        if tag == "EF":
            following = next((t for t in found[i + 1:] if not t[1].startswith("J")), None)
            if following is not None and following[1] == "SF":
                continue  # the full stop after the ending closes the sentence
        elif tag != "SF":
            continue
        sentence = found[start:i + 1]
        ending = next((f for f, t in reversed(sentence) if t == "EF"), "")
        asks = form == "?" or ending.endswith(QUESTION_ENDINGS) or ending.endswith("습니까")
        if asks and ("왜", "MAG") not in sentence:
            asked.update(range(start, i + 1))
        start = i + 1
    return asked


def _final_clause(found: list[tuple[str, str]]) -> int:
    """Where the last clause starts: after the last connective ending (-고, -어서, -는데 ...) that has
    content after it."""
    ends = [i for i in range(len(found) - 1) if found[i][1] in ("EC", "SF") and _clause_ends(found, i)]
    return ends[-1] + 1 if ends else 0


def _clause_ends(found: list[tuple[str, str]], i: int) -> bool:
    """Whether a clause ends with this morpheme: an ending or a full stop, but not the connective of a
    verb and its auxiliary (좋지 않다, 쓰고 있다, 해 주다), which are one predicate."""
    if found[i][1] not in CLAUSE_ENDS:
        return False
    following = next((tag for _, tag in found[i + 1:i + 3] if not tag.startswith("J")), None)
    return not (found[i][1] == "EC" and following == "VX")


def _negation_scope(found: list[tuple[str, str]]) -> set[int]:
    """The content morphemes a negation turns round: the negated one, and where it is a light
    predicate (좋은 것 같지 않아요, 잘 되지 않아요) the word it leans on: the predicate before 것/듯
    and an adverb right before the negated verb. Negations of one morpheme by different means cancel:
    불친절하지 않아요, 불친절한 직원은 없었어요 and 불친절한 편은 아니었어요 turn 불친절 round, as praise (its prefix,
    the words describing what there is none of or what it is not, and the rest, each turn it once). A negation
    after X밖에 says "only X" and turns nothing round (`_only`)."""
    if not _says_any(found, NEGATING_FORMS):  # most texts have none
        return set()
    scope, described = set(), set()
    says_only = ONLY in found
    for i, (form, tag) in enumerate(found):
        if says_only and _only(found, i):
            continue
        if (form, tag) in NONE_OF:
            described.update(_what_there_is_none_of(found, i))
        if (form, tag) == ("아니", "VCN"):
            described.update(_what_it_is_not(found, i))
        if (form, tag) == ("다고", "EC") and _said_not_to_be(found, i):
            scope.update(j for j in range(_clause_start(found, i), i) if found[j][1] in CONTENT)
        if tag in CONTENT and _negated(found, i):
            scope.add(i)
            j = i
            while tag.startswith("NN") and j and found[j - 1][1] == "NNG":
                j -= 1  # 대기 시간 없이: the compound's every noun
                scope.add(j)
            if found[i][0] in LIGHT_PREDICATES:
                scope.update(_leaned_on(found, i))
            if i and found[i - 1][1] == "MAG" and found[i - 1][0] not in INTENSIFIERS:
                scope.add(i - 1)
            if i > 1 and found[i - 1] in NEGATORS_BEFORE and found[i - 2][1] == "MAG":
                scope.add(i - 2)  # 잘 안 돼요
            if _negated_after(found, i) or (i and found[i - 1] in NEGATORS_BEFORE and tag in PREDICATE):
                # -지 않다, and 안/못 before the predicate, negate its whole clause: 냄새가 많이 나지 않아요, 냄새가 많이 안 나요
                start = _clause_start(found, i)
                if start >= 2 and found[start - 1][1] == "ETM" and found[i][0] in DESCRIBED_THROUGH \
                        and (verb := _verb_at(found, i)) is not None and not _forbidden(found, verb):
                    # 잘 되는 것 같지 않다, 친절한 직원을 보지 못했어요: the clause its noun is described by
                    start = _clause_start(found, start - 1)
                start = _past_causes(found, start, i)  # 알림 덕분에 안 놓쳐요: not the cause
                scope.update(j for j in range(start, i) if found[j][1] in CONTENT)
    prefixed = {i for i in range(len(found)) if found[i][1] in CONTENT and _prefixed(found, i)}
    return {i for i in scope ^ described ^ prefixed if found[i][0] not in REQUESTS}


def _only(found: list[tuple[str, str]], i: int) -> bool:
    """Whether 밖에 ("but") stands in the clause of the morpheme at `i`, before the negation it takes: X밖에 없다,
    X밖에 안 나오다 say there is only X (불만밖에 없어요, 짜증밖에 안 나요, 최고라는 말밖에 안 나와요), and deny nothing."""
    return ONLY in found[_clause_start(found, i):i + 2]


def _only_then(found: list[tuple[str, str]]) -> set[int]:
    """The content morphemes of a clause said of one time only (계약 전까지만 친절했어요, 처음에만 불편했어요, 초반에만
    재밌다), or said to have been more so then (예전이 훨씬 좋았어요, 전에는 더 빨랐어요, 예전 화면이 훨씬 편했어요):
    so much and no longer, the stance turned round as a negation turns it. Not 예전에만 해도 ("as late as before"),
    nor a time compared with (전보다 훨씬 좋아졌어요)."""
    turned = set()
    for k, (form, tag) in enumerate(found):
        if (form, tag) == ("만", "JX") and found[k + 1:k + 2] != [("하", "VV")]:
            j = k - 1
            while j >= 0 and found[j] in (("에", "JKB"), ("까지", "JX"), ("에서", "JKB")):
                j -= 1
            if j < 0 or found[j] not in ONLY_THEN:
                continue
        elif not ((form, tag) in MORE_SO and _more_so_then(found, k)):
            continue
        for i in range(k + 1, len(found)):
            if found[i][1] in CONTENT:
                turned.add(i)
            if _clause_ends(found, i):
                break
    return turned


def _more_so_then(found: list[tuple[str, str]], k: int) -> bool:
    """Whether the clause of the 더 or 훨씬 at `k` names one of ONLY_THEN before it, not as what it is compared
    with (전보다), and says it in the past."""
    return ("었", "EP") in _rest_of_clause(found, k) and any(
        found[j] in ONLY_THEN and found[j + 1:j + 2] != [("보다", "JKB")] for j in range(_clause_start(found, k), k))


def _between_noun_and_none(morpheme: tuple[str, str]) -> bool:
    """A particle, 하나(도), 한 번(도), 전혀 and the like, or 거의, which may stand between a noun and the 없다 that
    says there is none of it (문제 없어요, 나무랄 데가 없어요, 문제가 전혀 없어요, 불편한 거 하나도 없어요, 고장 한 번
    없어요, 불친절한 직원은 한 명도 없었어요: not once, not one; 소음이 거의 없어요: next to none; 오류가 완전히
    없어졌어요, 설명이 아예 없어요: none at all)."""
    return morpheme[1].startswith("J") or morpheme in ONE_OF or morpheme[0] in NEGATIVE_POLARITY or morpheme == ALMOST \
        or morpheme in ENTIRELY


def _said_of_a_noun(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the 없다 at `i` follows its noun (`_between_noun_and_none` between)."""
    j = i - 1
    while j >= 0 and _between_noun_and_none(found[j]):
        j -= 1
    return j >= 0 and found[j][1].startswith("NN")


def _what_there_is_none_of(found: list[tuple[str, str]], i: int) -> list[int]:
    """The words describing the noun 없다 (or 없이) at `i` says there is none of: 불편한 점은 없어요 turns 불편
    round, and so do 해결된 건 하나도 없어요 and 복잡한 절차 없이 (the noun itself is `_negated`); none without such
    a noun, nor for -ㄹ 수 없다 ("cannot": 더 이상 기다릴 수 없어요 is no praise of waiting), which the learned
    weights of 수없 read."""
    j = i - 1
    while j >= 0 and _between_noun_and_none(found[j]):
        j -= 1  # 건 하나도 없어요: none at all; 직원은 한 명도 없었어요: not one
    if j < 1 or not found[j][1].startswith("NN") or found[j] == ("수", "NNB"):
        return []
    return _describing(found, j) + _trouble_named(found, j)


def _trouble_named(found: list[tuple[str, str]], j: int) -> list[int]:
    """The trouble a phenomenon at `j` is of (렉 현상, 끊김 현상: 끊기 + ㅁ), if it is one (PHENOMENA, TROUBLES)."""
    if found[j] not in PHENOMENA:
        return []
    k = j - 2 if found[j - 1] == ("ᆷ", "ETN") else j - 1
    return [k] if k >= 0 and _names_one_of(found, k, TROUBLES) else []


def _what_it_is_not(found: list[tuple[str, str]], i: int) -> list[int]:
    """The words describing the noun the copula 아니다 at `i` denies, where an adjective says what it is not:
    좋은 제품은 아니에요 turns 좋다 round, 그렇게 비싼 편은 아니에요 비싸다, 추천할 만한 앱은 아닌 것 같아요 추천
    (the noun itself, 제품, says what it says, unless it is a customer-service word: 최고가 아니에요). Only where
    아니다 states it (-다, -에요, -지만, -ㄴ 것 같다):
    not "not A but B" (아니라, 아닌 B), not a question or a rhetorical turn (아닌가요?, 아니잖아요, 아닐까), nor
    a clause of a verb (하는 게 아니다, 볼 영화는 아니다: on build reviews these read wrong more often than right),
    nor one of 만 (연기만 좋은 게 아니다: not only)."""
    if not _states_it_is_not(found, i):
        return []
    j = i - 1
    while j >= 0 and (found[j][1].startswith("J") or found[j][1] == "XSN" or found[j][0] in NEGATIVE_POLARITY):
        j -= 1  # 요금제는 결코 아니다: the noun with its suffix, its particle and an adverb
    if j < 0 or not found[j][1].startswith("NN") or found[j][0] == "뿐":
        return []
    if CX_WORDS.get(f"{found[j][0]}/{found[j][1]}") and not (j and found[j - 1][1] == "ETM") \
            and ("만", "JX") not in found[j:i]:
        return [j]  # 최고가 아니에요, 실망은 아니에요: a word of praise or complaint itself is what it is not
    if j < 1:
        return []
    if found[j - 1] == ("의", "JKG") and j > 1 and found[j - 2][1] in ("NNG", "XR"):
        return [j - 2]  # 최고의 서비스는 아니다
    described = _describing(found, j, nested=True)
    while j > 0 and found[j - 1][1].startswith("NN"):
        j -= 1
    adjective = j > 1 and (found[j - 2][1] in ("VA", "XSA") or found[j - 2] in LIKED)  # 좋은, 추천할 만한
    if not described or not adjective or any(found[k] == ("만", "JX") for k in range(described[0], j)):
        return []
    return described


LIKED = {("싶", "VX"), ("마음에들", "VV")}  # 다시 가고 싶은 곳은 아니에요, 마음에 드는 디자인은 아니었어요
# endings that state it (아니다, 아니에요, 아닙니다, 아니었습니다, 아니네요), and the quoting 아니라고 (생각해요)
STATED = {"다", "어", "에요", "예요", "어요", "ᆸ니다", "습니다", "요", "야", "네요", "네", "군요", "구나"}


def _states_it_is_not(found: list[tuple[str, str]], i: int) -> bool:
    rest = [morpheme for morpheme in found[i + 1:i + 5] if morpheme[1] != "EP"]
    if not rest:
        return True
    form, tag = rest[0]
    if tag == "EF":
        return form in STATED
    if tag == "EC":
        return form in CONTRAST_ENDINGS or form in ("ᆫ데", "는데", "라고")
    return tag == "ETM" and len(rest) > 1 and rest[1] in (("듯", "NNB"), ("것", "NNB"), ("거", "NNB"))


def _describing(found: list[tuple[str, str]], j: int, nested: bool = False) -> list[int]:
    """The content words of the clause that describes the noun at `j` (불편한 점, 추천할 만한 앱), if one does;
    `nested`, with the clauses describing its nouns (추천할 만한 앱, 불편한 점이 많은 앱; not for 없다, where 깊은
    통찰을 담은 영화를 본 적이 없다, "never saw a film of such insight", would turn the insight round)."""
    while j > 0 and found[j - 1][1].startswith("NN"):
        j -= 1  # 배송 문제는 없어요
    if j < 1 or found[j - 1][1] != "ETM":
        return []
    start = _clause_start(found, j - 1)
    while nested and start > 1 and found[start - 1][1] == "ETM" and found[start][1].startswith("NN"):
        start = _clause_start(found, start - 1)  # 추천할 만한 앱, 불편한 점이 많은 앱
    return [k for k in range(start, j - 1)
            if found[k][1] in CONTENT and found[k][0] not in NEGATIVE_POLARITY]


def _negation_follows(found: list[tuple[str, str]], i: int) -> bool:
    """Whether a negation comes after `i` in its clause (안/못, -지 않다, 없다)."""
    for j in range(i + 1, len(found)):
        form, tag = found[j]
        if (form, tag) in NEGATORS_BEFORE or (form, tag) in NEGATORS_AFTER or (form, tag) == ("없", "VA"):
            return True
        if _clause_ends(found, j) and found[j][1] != "ETM":  # 별로 쓸 일이 없다: through the noun it describes
            return False
    return False


def _clause_start(found: list[tuple[str, str]], i: int) -> int:
    for j in range(i - 1, -1, -1):
        if _clause_ends(found, j):
            return j + 1
    return 0


def _leaned_on(found: list[tuple[str, str]], i: int) -> list[int]:
    for j in range(i - 1, max(-1, i - 5), -1):
        if found[j][1] in ("VA", "VV", "XR", "NNG") and found[j][0] not in LIGHT_PREDICATES:
            return [j]
    return []


def _prefixed(found: list[tuple[str, str]], i: int) -> bool:
    """Whether 불/비/무/미 turns this morpheme round (불친절, 비효율)."""
    return bool(i) and found[i - 1][1] == "XPN" and found[i - 1][0] in NEGATING_PREFIXES


def _negated(found: list[tuple[str, str]], i: int) -> bool:
    """Whether a negation marks this morpheme itself (before it or after it; its prefix is `_prefixed`)."""
    form, tag = found[i]
    if i and found[i - 1] in NEGATORS_BEFORE:
        return True
    if _negated_after(found, i):
        return True
    ahead = found[i + 1:i + 6]
    if tag.startswith(("VV", "VA")) and ahead[:1] and ahead[0][1] == "ETN":
        tag, ahead = "NNG", found[i + 2:i + 7]  # a verb made a noun (기다림 없이) is negated as a noun is
    if tag.startswith("NN"):  # a noun, its particle, then 없다, or 없이 (대기 시간 없이: without)
        rest = [token for token in ahead if not _between_noun_and_none(token)]  # 문제가 전혀 없어요
        return bool(rest) and rest[0] in NONE_OF
    return False


def _verb_at(found: list[tuple[str, str]], i: int) -> int | None:
    """Where the predicate that this morpheme is the stem of ends: itself, or the 하/되 after its noun (해결하지
    못했어요); None for a word that is not a predicate's stem (a noun before the verb, an adverb)."""
    if found[i][1] in PREDICATE:
        return i
    if found[i + 1:i + 2] and found[i + 1][1] in ("XSV", "XSA"):
        return i + 1
    return None


def _forbidden(found: list[tuple[str, str]], i: int) -> bool:
    """Whether -지 말다 follows the predicate: a warning (시간 아까운 영화 보지 마세요, 불친절한 매장 가지 마세요),
    whose object's description is the reason for it, not what is turned round."""
    return found[i + 1:i + 3] == [("지", "EC"), ("말", "VX")]


def _negated_after(found: list[tuple[str, str]], i: int) -> bool:
    """-지 않다 / -지가 않다 / -지 못하다 after the morpheme (a suffix may come between: 친절하지 않다; and -ㄹ 만하다:
    추천할 만하진 않아요)."""
    ahead = found[i + 1:i + 9]
    for j, (form, tag) in enumerate(ahead):
        if form == "지" and tag == "EC" and any(following in NEGATORS_AFTER for following in ahead[j + 1:j + 3]):
            return not _cannot_not(ahead[j + 1:])
        if tag == "ETM" and ahead[j + 1:j + 2] == [("만", "NNB")]:
            continue  # 추천할 만하지 않다: worth it, negated
        if form in ("ᆯ", "을") and tag == "ETM" and _cannot(ahead[j + 1:j + 4]):
            # -ㄹ 수 없다: 더 이상 추천할 수 없어요, 만족할 수가 없네요; of a quality compared, could not be more so
            return not (found[i + j][1] in ("VA", "XSA") and _beyond_compare(found, i))
        if tag in ("EF", "SF", "SP", "ETM") or (tag == "EC" and _clause_ends(found, i + 1 + j)):
            return False
        if (form, tag) == ("에", "JKB") and found[i + j][0] in CAUSES:
            return False  # 알림 덕분에 놓치지 않아요: the cause is not what is negated
    return False


def _cannot_not(following: list[tuple[str, str]]) -> bool:
    """Whether the negation after -지 is itself denied by -ㄹ 수 없다: 추천하지 않을 수 없어요, "cannot but recommend"."""
    negator = next(k for k, morpheme in enumerate(following) if morpheme in NEGATORS_AFTER)
    return following[negator + 1:negator + 2] in ([("을", "ETM")], [("ᆯ", "ETM")]) \
        and _cannot(following[negator + 2:negator + 5])


def _cannot(following: list[tuple[str, str]]) -> bool:
    """Whether the morphemes after an -ㄹ ending say it cannot be: 수 (가/는/도) 없다; not 수밖에 없다, "cannot
    but", which says it is."""
    rest = [morpheme for morpheme in following[1:] if morpheme not in CANNOT_PARTICLES]
    return following[:1] == [("수", "NNB")] and rest[:1] == [("없", "VA")]


def _beyond_compare(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the clause of the morpheme at `i` compares it (이보다, 이만큼, 이렇게, 더 but for 더 이상 and 더는),
    so that -ㄹ 수 없다 after a quality says it could not be more so: 이보다 더 좋을 수 없어요, 이렇게 친절할 수가
    없어요 (not 이렇게 사용할 수 없어요, a thing that cannot be done)."""
    clause = found[_clause_start(found, i):i]
    return any(morpheme in AS_MUCH_AS or (morpheme == ("더", "MAG") and tuple(clause[k + 1:k + 2]) not in ANY_MORE)
               for k, morpheme in enumerate(clause))


def _said_not_to_be(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the quotation ending -다고 at `i` is followed by saying it cannot be said: 친절하다고는 못 하겠어요,
    빠르다고 할 수 없어요, 좋다고 하기는 어렵네요 (what is quoted is negated)."""
    said = [morpheme for morpheme in found[i + 1:i + 8] if not morpheme[1].startswith("J")]
    if said[:2] == [("못", "MAG"), ("하", "VV")]:
        return True
    if said[:1] == [("하", "VV")]:
        rest = said[1:4]
        return rest == [("ᆯ", "ETM"), ("수", "NNB"), ("없", "VA")] or rest[:2] == [("기", "ETN"), ("어렵", "VA")]
    return False


def _intensified(found: list[tuple[str, str]], i: int) -> bool:
    return any(form in INTENSIFIERS and tag.startswith(("MAG", "NNG", "XPN")) for form, tag in found[max(0, i - 2):i])


def _last_contrast(found: list[tuple[str, str]]) -> int | None:
    marks = [i for i, (form, tag) in enumerate(found)
             if (tag == "EC" and form in CONTRAST_ENDINGS) or (tag == "MAJ" and form in CONTRAST_WORDS)
             or _worry_overturned(found, i)]
    return marks[-1] if marks else None


def _worry_overturned(found: list[tuple[str, str]], i: int) -> bool:
    """-었는데 after a worry (걱정했는데, 우려했는데, 반신반의했는데): what follows it is what came of it, as after
    -지만 (조금 걱정했는데 포장이 완벽했어요); -었던, the worry said of what it was about (걱정했던 이전이 무사히
    끝났어요, 걱정했던 대로 고장 났어요): what became of that says it."""
    return _expected_otherwise(found, i) or (
        found[i] in (("는데", "EC"), ("ᆫ데", "EC"), ("던", "ETM")) and i >= 3 and found[i - 1] == ("었", "EP")
        and found[i - 2][1] in ("XSV", "XSA") and found[i - 3][0] in WORRIES)


def _expected_otherwise(found: list[tuple[str, str]], i: int) -> bool:
    """-ㄹ 줄 알았는데, as a worry: what was expected, then what came (대기가 길 줄 알았는데 금방 들어갔어요, 별로일 줄
    알았는데 재밌네요)."""
    return found[i] in (("는데", "EC"), ("ᆫ데", "EC")) and i >= 3 and found[i - 3:i] == EXPECTED


def _feared(found: list[tuple[str, str]], contrast: int | None) -> range:
    """What a worry that came to nothing was about (배송이 늦어서 걱정했는데 포장이 완벽했어요, 고장 날까 봐
    걱정했는데), or what was expected otherwise: the fear, not what the customer is left with, so it does not count."""
    if contrast is None or not _worry_overturned(found, contrast):
        return range(0)
    return range(_sentence_start(found, contrast - 3), contrast if _expected_otherwise(found, contrast) else contrast - 3)


def score(text: str) -> Korean:
    """One text's scores (`score_many` for a list)."""
    return score_many([text])[0]


def score_many(texts: list[str], lexicon_file: Path = LEXICON, syllables_file: Path = SYLLABLES) -> list[Korean]:
    """Scores of Korean texts, tokenized as one batch (other files than the shipped ones: bench/bench_korean.py's
    siblings learned without the rows it reports on). The character convolution reads only the texts its logit
    joins (not those a rule read, a third of the movie reviews, nor those that say nothing)."""
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
    for i, logit in zip(unruled, syllable_logits([texts[i] for i in unruled], syllables_file)):
        if (part := SYLLABLE_WEIGHT * logit) > 0:
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
    if not _says_any(found, NOTHING_SAID):
        return False
    said = {morpheme for morpheme in found if morpheme[1] in CONTENT + ("NNB",)}
    return bool(said) and said <= NOTHING_TO_SAY and bool(said & {("없", "VA"), ("모르", "VV")})


def lemmas(found: list[tuple[str, str]]) -> str:
    """Content morphemes as "form/TAG" words: `themes` match Korean phrases on them, so 느려, 느립니다
    and 느리고 all read as 느리/VA, and 청구서가 as 청구서/NNG."""
    return " ".join(f"{form}/{tag}" for form, tag in found if tag in LEMMA_TAGS)


def lemma_words(lemmas: str) -> list[str]:
    """Stored lemmas as the words a person writes in a taxonomy: a predicate in its dictionary form
    (느리/VA → 느리다) with a noun it is made from (불편/NNG 하/XSA → 불편하다), auxiliaries and
    adverbs but 안 and 못 dropped (theme phrases match across them: `themes.lemma_pattern`).
    Each word, written as a theme phrase, matches the forms it came from again."""
    words: list[str] = []
    for word in lemmas.split():
        form, _, tag = word.rpartition("/")
        if tag in ("XSV", "XSA") and words:
            words[-1] = words[-1].removesuffix("다") + form + "다"
        elif tag in ("VV", "VA"):
            words.append(form + "다")
        elif tag not in ("VX", "XPN") and (tag != "MAG" or (form, tag) in NEGATORS_BEFORE):
            words.append(form)
    return words
