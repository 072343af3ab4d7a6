"""The words the rules read: what a customer waits for, asks for, keeps, pays and is troubled by, the verbs that
carry them, and the idioms read as one word. A rule's own logic lives in its module; its words live here so that
adding a word never means reading a rule."""

from __future__ import annotations

from .grammar import LESS, ONLY

# Predicates that mostly carry the word before them: 좋은 것 같다, 잘 되다, 사용하고 있다, and those that say
# a thing happens (트러블이 안 생겨요, 오류가 안 나요: no trouble, no error).
LIGHT_PREDICATES = {"같", "되", "하", "있", "주", "보", "듯", "생기", "나"}
# Verbs of meeting with a thing: not to have met with it as described is to have gone without it (친절한 직원을
# 보지 못했어요, 빠른 답변은 받아 보지 못했어요, 불편한 점은 느끼지 못했어요), as 없다 says of a noun. Not every verb
# is one: 어설프다는 생각을 지울 수 없다, 부족한 것은 어쩔 수 없다, 이렇게 재밌는 영화는 많지 않다 say the description is so.
MET_WITH = {"보", "만나", "받", "찾", "느끼", "듣", "겪", "경험", "나오", "얻", "떠오르"}
DESCRIBED_THROUGH = LIGHT_PREDICATES | MET_WITH  # a negation of either turns the clause describing its noun
# Verbs that pass a negation on to their object: having, giving, showing or making use of a thing (감동을 주지
# 못했다, 불만을 가질 수가 없어요, 장점을 살리지 못했다, 성의를 보이지 않았어요: the thing lacking). The rest act on
# their object, which a negation leaves as it is (불량품을 교체해 주지 않았어요, 잘못을 인정하지 않아요, 한계를 벗어나지
# 못했다: the defect, the fault, the limit still there).
PASSED_ON = DESCRIBED_THROUGH | {"가지", "갖", "드리", "살리", "채우", "끼치", "남기", "선사", "전하", "내", "보이", "발휘",
                                 "제공", "부여", "시키"}  # 실망을 시키지 않는다: no disappointment
# Feelings one has of a thing, which 못 하다 after them denies (만족을 못 했어요: not satisfied; `_cannot_do`)
FEELINGS = {("만족", "NNG"), ("감동", "NNG"), ("공감", "NNG"), ("몰입", "NNG"), ("추천", "NNG")}
# Requests a customer makes: one that does not go through (환불이 안 돼요, 해지가 되지 않아요, 반품이 안 돼요) is no
# better than asking for it, so a negation does not turn them round as it turns what describes a product.
REQUESTS = {"환불", "해지", "취소", "반품", "교환"}
# A request done for the customer (환불해 주셨어요, 환불이 빨리 됐어요, 환불 받았어요): its verb in the past, not
# negated, not asked about; the request alone is a complaint (환불해 주세요, -1.0), done it is none (`_requests_done`).
DONE_FOR = {("주", "VX"), ("되", "VV"), ("되", "XSV"), ("받", "VV"), ("받", "XSV"), ("들어오", "VV")}  # 환불 들어왔어요: it came in
HARD_WON = {("겨우", "MAG"), ("간신히", "MAG"), ("가까스로", "MAG")}
HARD = {("힘들", "VA"), ("어렵", "VA")}
WISHES = {("으면", "EC"), ("면", "EC")}  # 됐으면 좋겠어요: a wish, not a thing done
# what someone said was done (환불됐다고 했는데), not 환불됐다는 문자 받았어요 (the notice came) or 됐다니 다행이에요
QUOTED = {"다고", "라고", "다며", "라며", "다면서", "라면서", "다더니"}
# Bought or used on trust (`_bought_on_trust`: 믿고 타요, 믿고 삽니다), unless let down after it (믿고 맡겼는데)
TRUSTED, BOUGHT_ON_TRUST = ("믿", "VV"), ("믿고씀", "VV")
ON_TRUST = frozenset({"사", "살", "쓰", "타", "먹", "맡기", "보", "이용", "구매", "주문", "찾", "시키"})
LET_DOWN = {("었", "EP"), ("다가", "EC"), ("는데", "EC"), ("ᆫ데", "EC"), ("지만", "EC")}
# Never again (`_never_again`: 다시는 안 사요, 두 번 다시 안 감), said of a customer's custom
ONCE_MORE, NEVER_AGAIN = ("다시", "MAG"), ("다신안감", "VV")
CUSTOM = ON_TRUST | {"가", "오", "방문", "가입", "고치", "수리"}
# Going elsewhere (`_going_elsewhere`: 다른 데 가겠어요, 다른 업체로 옮겼어요, 다른 데서 살게요, 딴 데 가려고요): a
# customer lost. Moving on said in any tense; buying or using elsewhere as what the customer will do.
OTHER = {("다른", "MM"), ("딴", "MM")}
ALSO = ("도", "JX")  # 다른 데도 가 봤는데: other places as well, not instead
EVEN = ("까지", "JX")  # 확인 전화까지 주셨어요: as far as that
EVEN_IF, NEEDLESS = ("어도", "EC"), ("안해도됨", "VV")  # 안 가도 돼요: no need to (`_no_need_to`)
OTHER_FORMS = frozenset(form for form, _ in OTHER)
ELSEWHERE = {"데", "곳", "업체", "가게", "회사", "매장", "브랜드", "병원", "통신사", "은행", "쇼핑몰", "사이트", "제품", "앱",
             "거", "것"}  # 이 가격이면 다른 걸 사겠어요
MOVING_ON = {"가", "알아보", "옮기"}
GONE_ELSEWHERE = ("다른데감", "VV")
GOING_TO = {("ᆯ게요", "EF"), ("ᆯ게", "EF"), ("겠", "EP"), ("ᆯ래요", "EF"), ("ᆯ래", "EF"), ("려고", "EC")}
# Buying or using it again (`_buying_again`: 또 살게요, 이걸로 살 거예요, 계속 쓸 거예요)
BUYING_AGAIN_FROM = {("또", "MAG"), ("다시", "MAG"), ("계속", "MAG"), ("이거", "NP"), ("이것", "NP"), ("앞으로도", "MAG"),
                     ("여기서만", "MAG")}  # 앞으로도 이용할게요, 여기서만 고칠 거예요 (the idioms below)
AGAIN_FORMS = frozenset(form for form, _ in BUYING_AGAIN_FROM)
BOUGHT_AGAIN = ("또삼", "VV")
# They said so, and then (`_said_then_otherwise`: 빠르다더니, 무제한이라더니, 해 준다더니; 된다고 하더니), or "but you
# said" (된다고 하셨잖아요): not what the customer was told, unless it was so after all (역시)
SAID_THEN = frozenset({"다더니", "라더니", "ᆫ다더니", "는다더니"})
YOU_KNOW = frozenset({"잖아요", "잖아", "잖습니까"})  # -다고 하셨잖아요: "but you said"
SAID_THEN_OR_THEN = SAID_THEN | YOU_KNOW | {"더니"}
NOT_AS_TOLD, AS_EXPECTED = ("말다름", "VA"), ("역시", "MAG")
WISHED_BY = {("좋", "VA"), ("하", "VV"), ("하", "VX"), ("바라", "VV")}  # -면 좋겠다, -었으면 하다, -었으면 바라다
PROPER_ONE = [("제대로", "MAG"), ("되", "VV"), ("ᆫ", "ETM")]  # 제대로 된 답변이 필요합니다: `proper_one_needed`
ASKING = {("부탁", "NNG"), ("바라", "VV"), ("바람", "NNG"), ("요망", "NNG")}  # 부탁드려요, 바랍니다, 바람, 요망
ASKED = {f"{form}/{tag}" for form, tag in ASKING}  # as `word_features` counts them
# a wish for more of this, or for the company's growing, is praise (이런 서비스가 더 많아졌으면, 더 많이 해 주세요,
# 더 널리 알려졌으면)
MORE_OF_THIS = {("이런", "MM"), ("이렇", "VA"), ("많이", "MAG"), ("지금", "NNG"), ("계속", "MAG"), ("앞", "NNG"),
                ("알", "VV"), ("알려지", "VV"), ("알리", "VV"), ("발전", "NNG"), ("번창", "NNG"), ("흥하", "VV"),
                ("잘되", "VV")}
PROMISED = ([("ᆯ게요", "EF")], [("ᆯ게", "EF")], [("겠", "EP")])  # what follows a verb said as a promise
TRYING = [("어", "EC"), ("보", "VX")]  # 기다려 볼게요: the promise said of trying it
REQUEST_DONE = "요청처리/NNG"  # the word `_requests_done` makes of one
IDIOMS = ((("마음", "에", "들"), ("마음에들", "VV")), (("맘", "에", "들"), ("마음에들", "VV")),
          # not recommended (비추천합니다; 비추합니다, which Kiwi reads as 비 + 추하다, "not ugly")
          (("비", "추천"), ("비추천", "VV")), (("비", "추하"), ("비추천", "VV")),
          (("남", "는", "장사"), ("남는장사", "NNG")),  # "a deal that pays" (충분히 남는 장사예요): a bargain
          (("반", "값"), ("반값", "NNG")),  # half price (반값이라 개이득): a bargain
          # worth its price (충분히 그 값을 합니다, 제값 해요, 이름값 하네요)
          (("값", "을", "하"), ("값함", "VV")), (("값", "은", "하"), ("값함", "VV")), (("값", "하"), ("값함", "VV")),
          (("제값", "하"), ("값함", "VV")), (("이름값", "하"), ("값함", "VV")), (("이름값", "제대로", "하"), ("값함", "VV")),
          (("값", "제대로", "하"), ("값함", "VV")), (("값", "은", "제대로", "하"), ("값함", "VV")),
          # lasts (배터리가 오래 가요, 하루 종일 가요, 향이 오래 가요, 그만큼 오래 써요; 오래 못 가요 turned round)
          (("오래", "가"), ("오래감", "VV")), (("종일", "가"), ("오래감", "VV")), (("오래", "쓰"), ("오래감", "VV")),
          # reconsidering (다시 검토해 봐야겠어요, 재검토하겠습니다): a customer thinking of leaving
          (("다시", "검토"), ("재검토", "NNG")), (("재", "검토"), ("재검토", "NNG")),
          # still the same (고쳤다고 하셨는데 여전히 그대로예요, 아직도 그대로네요): a trouble not gone; 그대로 alone is
          # as pictured or as before (화면 그대로네요)
          (("여전히", "그대로"), ("여전히그대로", "MAG")), (("아직", "도", "그대로"), ("여전히그대로", "MAG")),
          (("아직", "그대로"), ("여전히그대로", "MAG")),
          # tried, and still the same (그래도 똑같아요, 그래도 마찬가지예요)
          (("그래도", "똑같"), ("여전히그대로", "MAG")), (("그래도", "마찬가지"), ("여전히그대로", "MAG")),
          # unchanged however asked (신고해도 그대로예요, 말씀드려도 그대로네요)
          (("어도", "그대로"), ("여전히그대로", "MAG")), (("아도", "그대로"), ("여전히그대로", "MAG")),
          # only here, buying or going (비싸도 믿을 수 있어서 여기서만 사요): a customer's custom kept
          *((("여기", "서", "만", verb), ("또삼", "VV")) for verb in ("사", "다니", "쓰", "이용", "주문", "시키")),
          (("앞", "으로", "도"), ("앞으로도", "MAG")), (("여기", "서", "만"), ("여기서만", "MAG")),  # from now on; only here
          # only here, only this (다른 데보다 비싸도 여기만 다녀요, 이거만 써요): a customer's custom kept
          *(((this, "만", verb), ("또삼", "VV")) for this in ("여기", "이거", "이것", "이곳")
            for verb in ("다니", "쓰", "이용")),
          (("지금", "처럼", "만"), ("지금처럼만", "MAG")),  # just as now (지금처럼만 해 주세요): keep it up
          # unbelievably (말도 안 되게 싸요): an intensifier; only here (역시 여기밖에 없어요); none can match it
          (("말", "도", "안", "되", "게"), ("엄청", "MAG")), (("여기", "밖에", "없"), ("여기뿐", "NNG")),
          *((("따라오", "ᆯ", place, *particle, "없"), ("여기뿐", "NNG")) for place in ("데", "곳", "수", "것", "거")
            for particle in ((), ("가",), ("이",), ("는",), ("은",))),
          (("한눈", "에", "보이"), ("한눈에보임", "VV")),  # seen at a glance (바다가 한눈에 보여요, 내역이 한눈에 보여요)
          # can't help buying or going (이 가격이면 안 살 수가 없어요, 안 갈 수가 없어요): a double negation, custom kept
          *((("안", verb, ending, "수", *particle, "없"), ("또삼", "VV")) for verb in ("사", "살", "가", "오", "쓰", "먹")
            for ending in ("ᆯ", "을") for particle in ((), ("가",), ("는",))),
          # pretending (못 들은 척하셨어요, 친절한 척): put on; minding something else (딴 데만 봐요, 딴짓만 해요)
          *(((ending, "척", "하"), ("척함", "VV")) for ending in ("ᆫ", "은", "는")),
          (("딴", "데", "만", "보"), ("딴짓", "NNG")), (("딴", "데", "보"), ("딴짓", "NNG")), (("딴", "짓"), ("딴짓", "NNG")),
          (("안", "돌아가"), ("안됨", "VV")), (("돌아가", "지", "않"), ("안됨", "VV")),  # 열쇠가 자꾸 안 돌아가요
          (("괜히", "걱정"), ("괜한걱정", "NNG")), (("괜하", "ᆫ", "걱정"), ("괜한걱정", "NNG")),  # worried for nothing
          (("그대로", "있"), ("남", "VV")),  # still there (곰팡이가 그대로 있었어요), as 남아 있다
          (("영", "아니"), ("영아님", "VA")),  # not good at all (요즘은 영 아니에요)
          (("너무", "자주"), ("너무자주", "MAG")),  # too often (강사가 너무 자주 바뀌어요, 광고가 너무 자주 떠요)
          # a loss not to have it (안 보면 후회해요, 이거 안 사면 평생 후회함, 쓰지 않으면 후회할 거예요): praise
          *((("안", verb, "면", *adverb, "후회"), ("안하면후회", "VV"))
            for verb in ("보", "사", "쓰", "가", "먹", "읽", "하") for adverb in ((), ("평생",), ("진짜",), ("무조건",), ("꼭",))),
          (("않", "으면", "후회"), ("안하면후회", "VV")),
          # full marks are not enough (10점도 모자란 영화, 별 다섯 개도 부족해요)
          *(((mark, "도", short), ("만점도부족", "VA")) for mark in ("점", "개", "만점") for short in ("부족", "모자라")),
          # reached for often (손이 자주 가요), or never (손이 잘 안 가요); cheap-looking (싼 티가 나요); not even showing
          *((("손", "이", *often, "가"), ("손이감", "VV"))
            for often in ((), ("자주",), ("계속",), ("자꾸",), ("많이",), ("잘",))),
          (("손", "이", "안", "가"), ("손이안감", "VV")), (("손", "이", "잘", "안", "가"), ("손이안감", "VV")),
          (("싸", "ᆫ", "티"), ("싼티", "NNG")), (("티", "도", "안", "나"), ("티안남", "VV")),
          # as pictured (색상이 화면이랑 똑같아요, 사진과 같아요; 실물이랑 똑같지 않아요 turned round)
          *(((shown, particle, same), ("사진대로", "VA")) for shown in ("화면", "실물")  # 사진: 보인대로, below
            for particle in ("이랑", "랑", "과", "와", "하고") for same in ("똑같", "같")),
          # as advertised or said (속도가 광고한 만큼 나와요, 설명한 대로 잘 돼요; 광고한 만큼 안 나와요 turned round)
          *(((said, "하", "ᆫ", much), ("사진대로", "VA"))
            for said in ("광고", "설명", "안내", "약속") for much in ("만큼", "대로")),
          (("대", "성공"), ("대성공", "NNG")),  # a great success (스크래처를 써요 대성공), where 성공 alone is a film's box office
          (("딱", "맞"), ("딱맞음", "VA")),  # a fit or a match just right (사이즈가 딱 맞아요, 딱 맞는 반에 들어갔어요)
          (("그대로", "오"), ("무사히옴", "VV")),  # come as it was made (튀김 바삭함 그대로 옴, 사진 그대로 왔어요)
          # looked forward to (다음 편이 기다려져요), where 기다리다 alone is a wait
          (("기다리", "어", "지"), ("기대됨", "VV")),
          (("기다리", "ᆫ", "것"), ("대기", "NNG")),  # the wait (기다린 게 없어요: no waiting; 기다린 게 억울해요)
          # no sound at all (스피커에서 소리가 안 나요), a fault, where 소리가 거의 안 나요 is the noise negated
          (("소리", "가", "안", "나"), ("소리안남", "VV")), (("소리", "가", "나", "지", "않"), ("소리안남", "VV")),
          # what one would call a complaint (불만이라고 할 만한 게 없어요): the thing itself
          (("라고", "하", "ᆯ", "만", "하", "ᆫ"), ("ᆫ", "ETM")),  # as 불만인 게 없어요
          # done with one go (지문 한 번이면 끝나요, 클릭 한 번이면 돼요)
          (("번", "이", "면", "끝나"), ("바로옴", "VV")), (("번", "이", "면", "되"), ("바로옴", "VV")),
          # or with a few (예약 변경이 클릭 몇 번으로 끝났어요, 한 번으로 해결됐어요)
          *((("번", "으로", done), ("바로옴", "VV")) for done in ("끝나", "끝내", "해결", "되")),
          # N times over each time (로그인할 때마다 인증을 세 번씩 해야 돼요): a chore repeated
          (("번", "씩", "하", "어야"), ("몇번이나", "MAG")), (("번", "씩", "다시"), ("몇번이나", "MAG")),
          # a parcel thrown down (물건을 던지듯이 두고 가셨어요, 택배를 던져 놓고 가셨네요)
          (("던지", "듯이"), ("막다룸", "VV")), (("던지", "듯"), ("막다룸", "VV")), (("던지", "고", "가"), ("막다룸", "VV")),
          (("던지", "어", "놓"), ("막다룸", "VV")), (("던지", "어", "두"), ("막다룸", "VV")),
          (("딱", "맞추"), ("딱맞음", "VA")),  # right on time (약속한 시간에 딱 맞춰 오셨어요)
          (("날", "만", "기다리"), ("기대됨", "VV")),  # counting the days (아이가 학원 가는 날만 기다려요)
          (("어쩌", "ᆯ", "뻔"), ("다행", "NNG")),  # what would I have done (안 샀으면 어쩔 뻔했나 싶어요): a relief
          # as it should (약속한 속도가 제대로 나와요, 이번엔 제대로 처리됐네요; 제대로 안 나와요 turned round)
          (("제대로", "나오"), ("제대로됨", "VV")), (("제대로", "처리", "되"), ("제대로됨", "VV")),  # not 제대로 된 사과
          # tried already (아 네 근데 그건 제가 이미 해봤어요): told to do what was done
          (("이미", "하", "어", "보"), ("몇번이나", "MAG")), (("벌써", "하", "어", "보"), ("몇번이나", "MAG")),
          # none other will do after this (이 은행 쓰고 나서 다른 데는 못 쓰겠어요, 딴 데 못 가요)
          *(((other, "데", *particle, "못", verb), ("여기뿐", "NNG")) for other in ("다른", "딴")
            for particle in ((), ("는",), ("를",), ("은",)) for verb in ("쓰", "가", "다니", "먹", "이용")),
          # just the thing (혼자 공부하기에 딱이에요; not 딱 이 정도, where 이 is "this")
          *((("딱", "이", ending), ("딱맞음", "VA")) for ending in ("에요", "예요", "ᆸ니다", "네요", "다", "죠", "라")),
          # that is all there is to it (그게 전부예요, 그뿐이다, 딱 거기까지): faint praise
          (("그것", "이", "전부"), ("그뿐", "NNG")), (("그", "뿐"), ("그뿐", "NNG")), (("그것", "뿐"), ("그뿐", "NNG")),
          (("그거", "뿐"), ("그뿐", "NNG")), (("딱", "거기", "까지"), ("그뿐", "NNG")),
          # the time a task takes (작성 시간이 줄었어요: less of it is good news; not 수업 시간, 이용 시간, what is had)
          *(((task, span), ("소요시간", "NNG")) for task in ("소요", "작성", "준비", "처리", "작업", "로딩", "이동", "통근",
                                                       "출근", "검토", "정산", "업무", "응답", "배송")
            for span in ("시간", "기간")),  # 처리 기간이 생각보다 짧았어요
          # a charge on top (추가 비용이 붙었어요; 추가 요금 없이 is praise)
          *((("추가", charge), ("추가요금", "NNG")) for charge in ("비용", "요금", "금액", "청구", "결제")),
          # looks dear, looks cheap (재질이 고급스러워서 비싸 보여요; 싸 보여요): how a thing looks, not its price
          (("비싸", "어", "보이"), ("비싸보임", "VV")), (("비싸", "아", "보이"), ("비싸보임", "VV")),
          (("싸", "어", "보이"), ("싸보임", "VV")), (("싸", "아", "보이"), ("싸보임", "VV")),
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
          *((("이중", "으로", taken), ("이중청구", "NNG")) for taken in ("빠져나가", "결제", "청구", "출금")),  # 이중으로
          # taken again (해지했는데도 이번 달에 또 빠져나갔어요, 또 결제됐어요; not 또 결제했어요, bought again)
          (("또", "빠져나가"), ("이중청구", "NNG")), (("또", "출금", "되"), ("이중청구", "NNG")),
          (("또", "결제", "되"), ("이중청구", "NNG")), (("또", "청구", "되"), ("이중청구", "NNG")),
          # asked again and again (몇 번이나 전화했는데, 몇 번을 말씀드려야, 세 번째 전화예요): patience running out
          (("몇", "번", "이나"), ("몇번이나", "MAG")), (("몇", "번", "을"), ("몇번이나", "MAG")),
          (("몇", "번", "째"), ("몇번이나", "MAG")), (("번", "째", "전화"), ("몇번이나", "MAG")),
          (("번", "째", "연락"), ("몇번이나", "MAG")), (("번", "째", "문의"), ("몇번이나", "MAG")),
          # told or asked as many as N times (세 번이나 설명했어요), or the same thing N times over already
          # (이런 일이 벌써 세 번째예요; not 벌써 세 번째 보는 영화, a film seen again)
          *((("번", "이나", said), ("몇번이나", "MAG"))
            for said in ("설명", "말씀", "말", "얘기", "이야기", "전화", "연락", "문의", "요청", "말하", "부탁")),
          # or a thing done N times over (요청을 세 번이나 했어요, 본인 확인만 다섯 번을 했어요)
          (("번", "이나", "하"), ("몇번이나", "MAG")), (("번", "을", "하"), ("몇번이나", "MAG")),
          *(((*nth, same), ("몇번이나", "MAG")) for nth in (("번", "째"), ("번째",)) for same in ("똑같", "같")),  # 세 번째 똑같은
          # an amount less or more than before (한 달에 이만 원이나 덜 나와요, 만 원이나 더 나왔어요)
          *((("원", *particle, "덜"), ("요금인하", "VV")) for particle in ((), ("이나",), ("정도",), ("씩",))),
          *((("원", *particle, "아끼"), ("요금인하", "VV"))  # 한 달에 만 원 넘게 아꼈어요
            for particle in ((), ("이나",), ("정도",), ("씩",), ("넘", "게"), ("가량",))),
          *((("원", *particle, "더", "나오"), ("요금인상", "VV")) for particle in ((), ("이나",), ("정도",), ("씩",))),
          # or what went wrong N times, or N times each day (방문 일정이 세 번이나 바뀌었어요, 두 번이나 고장 났어요, 하루에도
          # 몇 번씩 재부팅돼요: Kiwi's 재/XPN 부팅, as 재시작, 재접속)
          *((("번", times, wrong), ("몇번이나", "MAG")) for times in ("이나", "씩")
            for wrong in ("바뀌", "변경", "고장", "미루", "취소", "끊기", "멈추", "실패", "교환", "수리", "재부팅", "재")),
          # or made to do a customer's errand again N times (서류를 세 번이나 다시 냈어요; not 세 번이나 다시 봤어요, a
          # film seen again)
          *((("번", "이나", "다시", done), ("몇번이나", "MAG"))
            for done in ("내", "제출", "접수", "보내", "신청", "설치", "방문", "가입", "입력", "인증", "전화", "설명")),
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
          (("아직", "안", "나오"), ("아직안옴", "VV")),  # 맞춘 안경이 아직 안 나왔대요: not ready yet
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
          (("하늘", "의", "별", "따"), ("별따기", "NNG")),  # next to impossible (표 구하기가 하늘의 별 따기예요)
          (("때", "가", "잘", "타"), ("잘망가짐", "VV")), (("때", "잘", "타"), ("잘망가짐", "VV")),  # shows dirt easily
          (("오", "배송"), ("오배송", "NNG")),  # a wrong delivery, which Kiwi may read as 오 (oh) + 배송
          (("한숨", "돌리"), ("안심", "NNG")),  # relieved (해결된다니 한숨 돌렸어요), where 한숨 alone is a sigh
          # stars given (별 다섯 개 드립니다, 별 5개; 별 한 개 줍니다): the review's own rating
          *((("별", five, "개"), ("별다섯", "NNG")) for five in ("다섯", "5")),
          *((("별", one, "개"), ("별하나", "NNG")) for one in ("한", "1")), (("별", "하나"), ("별하나", "NNG")),
          (("자리", "차지"), ("자리차지", "NNG")), (("자리", "를", "차지"), ("자리차지", "NNG")),  # takes up room
          # drapes nicely (핏이 예쁘게 떨어져요), where 떨어지다 alone is a fall or a drop
          *(((nicely, "게", "떨어지"), ("핏좋음", "VA")) for nicely in ("예쁘", "이쁘", "깔끔하", "자연스럽", "멋있", "멋지")),
          # a harm, a loss, a penalty escaped (피해를 면했어요, 연체를 면했어요), where the harm's word alone is a complaint
          *(((harm, *particle, "면하"), ("모면", "NNG")) for harm in ("피해", "손해", "사고", "위기", "연체", "위약금", "벌금")
            for particle in ((), ("를",), ("을",), ("는",), ("은",))),
          (("형식", "적"), ("형식적", "XR")),  # perfunctory: 형식적인 답변, 응대가 형식적이에요
          (("너무", "하"), ("너무하", "VA")),  # that's too much (정말 너무하시네요), which Kiwi cuts into 너무 + 하다
          # amazingly (기가 막히게 맛있어요, as Kiwi reads 기막히게) and breathtaking (숨 막히는 긴장감), where 막히다
          # alone is blocked or clogged
          (("기", "가", "막히", "게"), ("기막히", "VA")), (("숨", "막히"), ("숨막히", "VA")), (("숨", "이", "막히"), ("숨막히", "VA")),
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
          *((("바라", "는", thing, *particle, "없"), ("바랄것없음", "VA")) for thing in ("점", "것", "거")
            for particle in ((), ("이",), ("은",), ("는",), ("도",))),  # 특별히 바라는 점은 없습니다
          (("더하", "ᆯ", "나위", "없"), ("바랄것없음", "VA")), (("더하", "ᆯ", "나위", "가", "없"), ("바랄것없음", "VA")),
          # it cannot be helped (지루함은 어쩔 수가 없다, 어쩔 수 없이 해지했어요): what is said of stands, no 어쩌다 negated
          *((("어쩌", "ᆯ", "수", *particle, "없"), ("어쩔수없", "VA")) for particle in ((), ("가",), ("는",), ("도",))),
          (("어쩌", "ᆯ", "수", "없이"), ("어쩔수없이", "MAG")),
          # cannot do without it (없으면 안 될 정도예요, 없어서는 안 될 앱): praise, not a 되다 negated
          (("없", "어서", "는", "안", "되"), ("없으면안됨", "VA")),  # and 없으면 안 되다, below
          *((("없", "으면", *work, "안", verb), ("없으면안됨", "VA")) for work in ((), ("일", "이"), ("업무", "가"))
            for verb in ("되", "돌아가")),  # 없으면 일이 안 돌아가요, 없으면 업무가 안 될 정도예요
          # 없으면 못 살아요, 없으면 이제 일을 못 해요, 없으면 잠을 못 자요: cannot live, work or sleep without it
          *((("없", "으면", *now, *done, "못", verb), ("없으면안됨", "VA")) for now in ((), ("이제",))
            for done, verb in (((), "살"), (("일",), "하"), (("일", "을"), "하"), (("잠",), "자"), (("잠", "을"), "자"))),
          (("없", "으면", "불편"), ("없으면안됨", "VA")),  # 없으면 불편할 정도로 잘 써요
          (("딴", "말"), ("말다름", "VA")), (("딴", "소리"), ("말다름", "VA")),  # 또 딴말하시면: saying otherwise
          # poignant (가슴 시린 명작, 마음이 시린 영화), where 시리다 alone is a tooth or a gum aching with cold
          *(((heart, *particle, "시리"), ("가슴시림", "VA")) for heart in ("가슴", "마음") for particle in ((), ("이",))),
          # a caller's identity checked (본인 인증 완료했어요, 본인 확인 부탁드립니다): an errand, where the reviews'
          # 본인 ("myself") leans against
          (("본인", "인증"), ("본인인증", "NNG")), (("본인", "확인"), ("본인인증", "NNG")),
          # in one go (한 번에 끝났어요, 문자 한 통으로 끝났어요, 한 방에 해결): a matter done at once
          *((("한", unit, particle), ("단번에", "MAG")) for unit in ("번", "통", "방") for particle in ("에", "으로", "로")),
          # a good day wished (좋은 하루 보내세요, 좋은 하루 되세요): a friendly close, where 보내다 alone leans against
          (("좋", "은", "하루", "보내"), ("좋은하루", "NNG")), (("좋", "은", "하루", "되"), ("좋은하루", "NNG")),
          # wanting it better (개선이 필요해요, 보완이 필요합니다, 개선 필요): a survey's complaint, politely put
          *(((fix, *particle, "필요"), ("개선필요", "NNG")) for fix in ("개선", "보완", "대책", "조치", "시정")
            for particle in ((), ("이",), ("가",))),  # 근본적인 대책이 필요합니다, 조치가 필요해요
          # or urgently (개선이 시급합니다, 조치가 시급해요; not 재평가가 시급합니다, a film underrated)
          *(((fix, *particle, urgent), ("개선필요", "NNG")) for fix in ("개선", "보완", "조치", "해결", "대책")
            for particle in ((), ("이",), ("가",)) for urgent in ("시급", "시급하")),
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
          (("통화", "중", "이"), ("통화중", "VA")))  # the line busy (대표번호는 항상 통화 중이에요), not 통화 중에, "during"
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
# falling for a film, and 살이 빠졌어요 is weight lost, a trouble gone); a customer's time, money or work blown away (회의를 통째로
# 날렸어요, 돈만 날렸네요: lost), where a trouble blown away is gone (스트레스를 날려 버리다); what a customer gets
# cut (혜택이 줄었어요, 기능은 줄었어요: lost); trust lost or broken (신뢰를 잃었어요, 믿음이 깨졌어요), where 신뢰
# alone is praise. A trouble gone may be said of the noun it describes (불편했던 부분이 다 고쳐졌어요).
# Nothing like this (`_none_like_it`): as much as this (이만한, or Kiwi's 이 + 만 + 하), or more than this (이보다)
AS_MUCH_AS_THIS = {("이만", "XR"), ("이만큼", "MAG"), ("이만큼", "NNG")}
THIS_MUCH = [("이", "NP"), ("만", "JX"), ("하", "VV")]
SUCH = ("이런", "MM")  # 이런 품질 찾기 어려워요: such, as much as this, when hard to find (`_hard_to_find`)
MORE_THAN_THIS = [("이", "NP"), ("보다", "JKB")]
BETTER = {("낫", "VA"), ("좋", "VA"), ("훌륭하", "VA"), ("뛰어나", "VA"), ("싸", "VA")}  # 이보다 나은(싼) 건 없어요
WORSE = {("나쁘", "VA"), ("심하", "VA"), ("못하", "VA"), ("비싸", "VA")}  # 이보다 나쁜(비싼) 건 없어요
# Words of Kiwi's dictionary besides the charges (`analyser.kiwi`): without it Kiwi read 이염 (dye run) as 이 + 염, and
# 대기열 (a queue, which says nothing of a wait) as 대기 + 열
OWN_WORDS = {"이염", "대기열"}
PRICES = {"요금", "가격", "금액", "비용", "값", "견적", "견적가", "구독료", "이용료", "사용료", "수수료", "청구액", "청구서",
          "등록금", "학비", "수강료", "수업료", "렌탈료", "임대료",
          "관리비", "배송비", "보험료", "단가", "월세", "요금제", "회비", "가입비", "난방비", "전기료", "전기세", "가스비",
          "수도료", "수도세", "통신비", "택시비", "수리비", "진료비", "병원비", "공과금", "이자", "금리"}
PRICE_UP = {("오르", "VV"), ("올라가", "VV"), ("올리", "VV"), ("인상", "NNG"), ("뛰", "VV"), ("배", "NNG"), ("나오", "VV")}
# before 배 or 번 ("times"): 두 배 (double) of a price, 세 번 요청했어요 (asked three times); 배 alone is a stomach or a ship
NUMBERS = {"두", "세", "네", "몇", "여러", "다섯"}
# How much a price came out (요금이 많이 나왔어요, 난방비가 적게 나와요): 나오다 alone says nothing of it.
CAME_OUT = {("많이", "MAG"): ("요금인상", "VV"), ("더", "MAG"): ("요금인상", "VV"), ("많", "VA"): ("요금인상", "VV"),
            ("비싸", "VA"): ("요금인상", "VV"), ("적", "VA"): ("요금인하", "VV"), LESS: ("요금인하", "VV"),
            ("싸", "VA"): ("요금인하", "VV")}
TROUBLES = {"문제", "궁금증", "오해", "의문", "불편", "불만", "오류", "에러", "버그", "렉", "끊김", "통증", "냄새", "걱정",
            "스트레스", "트러블", "짜증", "잡음", "소음", "장애", "고장", "불량", "지연", "누락", "부담", "대기", "차질", "고민", "자극", "얼룩", "주름",
            "자리차지", "소요시간", "끊기", "끊어지", "멈추", "튕기", "끈적이",  # the last four as Kiwi reads 끊김, 멈춤, 튕김, 끈적임
            "살", "체지방", "뱃살", "군살", "체중", "몸무게", "부기",  # weight and swelling, lost or not
            "모공", "여드름", "뾰루지", "잡티", "기미", "각질",  # skin's troubles (모공이 줄었어요)
            "물때", "곰팡이", "찌든때",  # dirt, left or gone (창틀에 물때가 그대로 남아 있었어요; not 먼지, which 날리다 stirs up)
            "민원", "클레임", "문의",  # a business's complaints and queries, fewer (고객 문의가 줄었습니다)
            "변색", "이염", "누수", "발열", "벌레", "보풀", "파손", "변형", "탈색", "오염",  # a product's defects
            "화",  # anger (화가 풀렸어요, 화가 안 나요)
            "머리카락",  # a hair found (머리카락이 그대로 있었어요; 머리카락 하나 없이 깨끗해요)
            "소리"}  # a noise, hardly any (소리가 거의 안 나요; 소리가 안 나요 alone is a speaker's fault: the idiom 소리안남)
# What is done about a trouble (`_trouble_seen_to`: 누수 점검, 변색 방지, 보풀 제거, 소음 차단): a service or a feature
SEEN_TO = {("점검", "NNG"), ("검사", "NNG"), ("방지", "NNG"), ("예방", "NNG"), ("제거", "NNG"), ("퇴치", "NNG"),
           ("차단", "NNG"), ("케어", "NNG"), ("완화", "NNG"), ("수리", "NNG")}
SEEN_TO_FORMS = frozenset(form for form, _ in SEEN_TO)
KEPT = {"기능", "데이터", "자료", "파일", "포인트", "쿠폰", "적립금", "내역", "기록", "메뉴", "버튼", "사진", "계정", "설정",
        "글", "메시지", "주문", "예약", "대화", "저장", "책", "영상", "동영상", "문서", "장바구니", "즐겨찾기"}  # what a
# customer keeps
CONTENTS = {"설명", "내용", "내용물", "안내", "항목", "정보", "자료", "데이터", "코드", "페이지", "목록", "내역", "서류", "부품",
            "구성품", "품", "사은품", "기록", "로그", "옵션", "설명서", "매뉴얼", "부속품", "충전기", "케이블", "영수증", "나사",
            "물건", "상품"}  # what a thing should hold (물건이 하나 빠져 있었어요)
SPENT = {"회의", "하루", "시간", "돈", "작업", "업무", "주말", "반나절", "오전", "오후", "비용", "데이터", "자료", "파일"}
RISING_WELL = {"점수", "성적", "등급", "실력", "매출", "실적", "효율", "성능", "속도", "만족도", "정확도", "생산성", "전환율"}
BENEFITS = {"기능", "혜택", "옵션", "용량", "할인", "적립", "양", "분량"}  # what a customer gets, cut (혜택이 줄었어요,
# 양이 확 줄었어요)
SYMPTOMS = {"열", "고열", "미열", "기침", "두통", "복통", "염증", "콧물", "가래", "증상", "몸살", "붓기", "가려움"}  # a patient's
ACCESS = {"계정", "아이디", "카드", "계좌", "로그인", "회선"}  # what a customer is let in by (locked: 계정이 잠겼어요)
MEANT_IN_CLAUSE = ((PRICES, PRICE_UP, ("요금인상", "VV"), True, False),
                   (PRICES, {("내리", "VV"), ("내려가", "VV"), ("인하", "NNG"), ("떨어지", "VV"), ("나오", "VV"),
                             ("줄", "VV"), ("줄어들", "VV"), ("아끼", "VV"), ("절약", "NNG")},  # 수수료를 아꼈어요
                    ("요금인하", "VV"), True, False),
                   (TROUBLES, {("풀리", "VV"), ("사라지", "VV"), ("없어지", "VV"), ("해소", "NNG"), ("줄", "VV"),
                               ("줄어들", "VV"), ("날리", "VV"), ("덜하", "VA"), ("지우", "VV"), ("단축", "NNG"),
                               ("지워지", "VV"), ("짧", "VA"), ("가라앉", "VV"), ("잦아들", "VV"), ("진정", "NNG")},
                    # 얼룩이 지워졌어요, 응답 시간이 짧아졌어요, 트러블이 가라앉았어요, 자극이 진정됐어요
                    ("해결", "NNG"), True, False),
                   (TROUBLES, {("고치", "VV"), ("수정", "NNG"), ("개선", "NNG"), ("복구", "NNG"), ("해결", "NNG")},
                    ("해결", "NNG"), True, True),
                   ({"말", "말씀", "얘기", "안내", "설명", "내용", "답변", "기대", "견적", "견적서", "청구서", "금액", "청구액",
                     "가격", "요금", "비용"},
                    {("다르", "VA"), ("달라지", "VV"), ("상이", "NNG"), ("상이", "XR")}, ("말다름", "VA"), False, False),
                   (KEPT, {("사라지", "VV"), ("없어지", "VV"), ("날아가", "VV"), ("지워지", "VV"), ("초기화", "NNG")},
                    ("사라짐", "VV"), False, False),
                   (ACCESS, {("잠기", "VV"), ("막히", "VV"), ("차단", "NNG")}, ("잠김", "VV"), False, False),
                   # a server or an app crashed (서버가 또 터졌어요, 앱이 자꾸 터져요), where a signal that 터지다 works
                   # (와이파이가 잘 터져요) and the films' 빵 터지다 is a laugh
                   ({"서버", "사이트", "홈페이지", "시스템", "전산", "앱", "어플", "배터리"}, {("터지", "VV"), ("뻗", "VV")},
                    ("고장", "NNG"), False, False),
                   (TROUBLES, {("남", "VV")}, ("여전히그대로", "MAG"), True, False),  # a trouble left (얼룩이 남았어요)
                   (CONTENTS, {("빠지", "VV")}, ("빠짐", "VV"), False, False),
                   # the one who looks after the customer changed (전화할 때마다 담당자가 바뀌어요): the matter starts over
                   ({"담당자", "담당", "상담원", "매니저", "강사", "선생님", "설계사"}, {("바뀌", "VV"), ("변경", "NNG")},
                    ("담당바뀜", "VV"), False, False),
                   # points or credit piled up (적립금이 생각보다 많이 쌓였어요, 포인트가 금방 모여요)
                   ({"적립금", "포인트", "마일리지", "적립", "캐시백"}, {("쌓이", "VV"), ("모이", "VV")}, ("혜택쌓임", "VV"),
                    False, False),
                   # a charge asked for (무상 수리 기간인데 출장비를 달래요: Kiwi's 달래, "soothe", for 달라고 해요)
                   (PRICES | {"돈", "비용", "출장비", "추가금"}, {("달래", "VV")}, ("요금인상", "VV"), True, False),
                   # more of what a customer gets (멤버십 혜택이 작년보다 훨씬 많아졌어요, 할인이 늘었어요; cut: BENEFITS above)
                   ({"혜택", "적립", "할인", "쿠폰"}, {("늘", "VV"), ("늘어나", "VV"), ("많", "VA")}, ("혜택쌓임", "VV"),
                    False, False),
                   # a freebie given (사장님이 서비스로 만두를 주셨어요, 사은품을 챙겨 주셨어요; 서비스는 안 주셨네요 turned round)
                   ({"서비스", "사은품", "덤", "샘플"}, {("주", "VV"), ("챙기", "VV")}, ("해주심", "VV"), False, False),
                   # an advert popping up (앱 켤 때마다 광고부터 떠요, 팝업이 자꾸 나와요; 광고가 안 떠서 좋아요 turned round)
                   ({"광고", "팝업"}, {("뜨", "VV"), ("나오", "VV")}, ("광고뜸", "VV"), True, False),
                   # a trouble out (냄새가 안 빠져요, 살이 빠졌어요), unless what a thing should hold is named
                   # (오류 코드 설명이 빠져 있어요: missing)
                   (TROUBLES, {("빠지", "VV")}, ("해결", "NNG"), True, False),
                   (BENEFITS, {("줄", "VV"), ("줄어들", "VV"), ("축소", "NNG")}, ("사라짐", "VV"), False, False),
                   # a score, a speed or sales gone up (시험 점수가 백 점이나 올랐어요, 매출이 늘었어요): better
                   (RISING_WELL, {("오르", "VV"), ("올라가", "VV"), ("늘", "VV"), ("늘어나", "VV"), ("상승", "NNG"),
                                  ("향상", "NNG")}, ("향상", "NNG"), True, False),
                   (SPENT, {("날리", "VV")}, ("사라짐", "VV"), False, False),
                   ({"신뢰", "믿음", "신뢰도"}, {("잃", "VV"), ("무너지", "VV"), ("깨지", "VV"), ("떨어지", "VV")},
                    ("사라짐", "VV"), True, False),
                   # a fever or a symptom gone down (열이 내렸어요, 기침이 멎었어요, 염증이 가라앉았어요)
                   (SYMPTOMS,
                    {("내리", "VV"), ("내려가", "VV"), ("떨어지", "VV"), ("가라앉", "VV"), ("멎", "VV"), ("잡히", "VV"),
                     ("잦아들", "VV"), ("줄", "VV"), ("사라지", "VV"), ("빠지", "VV")}, ("해결", "NNG"), True, False),
                   # or up, or worse (열이 계속 올라요, 기침이 심해졌어요)
                   (SYMPTOMS, {("오르", "VV"), ("올라가", "VV"), ("심해지", "VV"), ("악화", "NNG"), ("도지", "VV")},
                    ("증상악화", "VV"), True, False),
                   # power or fuel used up (배터리를 많이 먹어요; 배터리 거의 안 먹어요, turned round, is praise)
                   ({"배터리", "전기", "전력", "기름", "연료", "데이터"}, {("먹", "VV"), ("잡아먹", "VV")}, ("전기먹음", "VV"),
                    True, False),
                   # skin that breaks out (피부가 뒤집어졌어요; Kiwi's 뒤집 + 어 + 지 too)
                   ({"피부", "얼굴"}, {("뒤집어지", "VV"), ("뒤집히", "VV"), ("뒤집", "VV")}, ("피부트러블", "VV"), True,
                    False))
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
           "직원", "담당자", "환불금", "영수증", "안내", "소식", "메시지", "카톡", "코드", "결과", "답", "설명", "얘기", "말씀",
           "공지", "음료", "사은품", "증정품", "주문품"}  # and what comes with an order (리뷰 이벤트 음료 안 옴)
ARRIVING = {("오", "VV"), ("오시", "VV"), ("들어오", "VV"), ("도착", "NNG"), ("달리", "VV")}  # 답변이 달려요: posted
# Coming or ending as something did (빠르게 왔어요, 간단하게 끝났습니다, 무사히 끝났어요, 허무하게 끝났다): the adverb
# says how it went
SAID_BY_HOW = ARRIVING | {("끝나", "VV"), ("마치", "VV")}
HOW = {("게", "EC"), ("무사히", "MAG"), ("잘", "MAG"), ("정확히", "MAG"), ("제때", "NNG"), ("단번에", "MAG")}
COMING = ARRIVING | {("주", "VV"), ("받", "VV"), ("듣", "VV"), ("나오", "VV")}  # 답장을 안 줘요, 결과를 못 받았어요,
# 답을 못 들었어요, 심사 결과가 일주일째 안 나와요
# And what a customer waits for come at once (답변이 바로 왔어요, 회신을 빨리 주셨어요, 인증 문자가 바로 와요) is the
# wait's opposite: the learned weight of 오다 leans against, and 바로 alone weighs little.
QUICKLY = {("바로", "MAG"), ("금방", "MAG"), ("빨리", "MAG"), ("즉시", "MAG"), ("곧바로", "MAG"), ("곧", "MAG"),
           ("당일", "NNG"), ("신속", "XR"), ("신속히", "MAG"), ("빠르", "VA"), ("일찍", "MAG")}
AS_SOON_AS = ("자마자", "EC")  # the clause after it came at once (접수하자마자 기사님이 오셨어요)
SHORTLY = ("얼마안되", "VV")  # the idiom: likewise the clause after it (문의한 지 얼마 안 돼서 답이 왔어요)
# Likewise a negated 보이다/뜨다/나오다 ("shows"): what a customer keeps not showing is lost (주문 내역에 안 보여요,
# 포인트가 안 떠요), a blemish or a trouble not showing is none (흠집이 하나도 안 보여요, 오류가 안 떠요).
SHOWING = {("보이", "VV"), ("뜨", "VV"), ("나오", "VV")}
# Done within a short while (`_done_within`): minutes, hours, a day or two before 만에 ("after only"), 안에 or
# 이내에 ("within"), then one of DONE_SOON.
SHORT_WHILE = {"분", "시간", "하루", "이틀", "반나절"}
NOT_EVEN_THAT = [("도", "JX"), ("안", "MAG"), ("되", "VV"), ("어서", "EC")]  # 한 시간도 안 돼서 답변이 달렸어요
# Or it took not even that long (십 분도 안 걸렸어요, 하루도 걸리지 않았어요, 5분밖에 안 걸렸어요: `_took_no_time`).
NOT_EVEN = {("도", "JX"), ONLY}
# Not even half (`_not_even_half`: 반도 안 나와요, 절반도 못 미쳐요), a shortfall
HALF, SHORT_OF_HALF = frozenset({"반", "절반"}), ("반도안됨", "VA")
NOT_EVEN_HALF = ([("도", "JX"), ("안", "MAG")], [("도", "JX"), ("못", "MAG")])
WITHIN = {("만", "NNB"), ("안", "NNG"), ("이내", "NNG")}
IF_IT_IS = ("이", "VCP")  # 오 분이면 끝나요: within five minutes
SAME_DAY = [("당일", "NNG"), ("에", "JKB")]  # 당일에 끝내 주셨어요
DONE_SOON = {("끝나", "VV"), ("끝내", "VV"), ("도착", "NNG"), ("처리", "NNG"), ("해결", "NNG"), ("오", "VV"),
             ("받", "VV"), ("완료", "NNG"), ("발급", "NNG"), ("복구", "NNG"), ("설치", "NNG"),
             ("달리", "VV"), ("입금", "NNG"), ("수거", "NNG"),
             ("떼", "VV"), ("잡히", "VV")}  # 삼 분 만에 (택시가) 잡혔어요; 답변이 달려요: an answer posted; 서류를 뗐어요; not 연결: an hour to get through
# A trouble the customer's own side fixed (`_fixed_ourselves`): one of these done, 직접 or 스스로, by 우리, 저희, 저 or 나.
# Only this praised (`_only_this_good`: 소재만 좋았다): the praise faint, the rest found wanting
# Why only now (`_why_only_now`: 이걸 왜 이제야 봤을까, 이런 데가 왜 이제 생겼을까요): a find regretted too late
WHY = ("왜", "MAG")
WHETHER, UNDERSTOOD = {"는지", "은지", "ᆫ지", "을지", "ᆯ지"}, {("알", "VV"), ("이해", "NNG")}  # 왜 ...는지 알겠어요
HONOUR = ("시", "EP")  # 알려 주셨어요: what another did
LEFT_AFTER = frozenset({"가", "오", "나가"})  # 다 해 주고 가셨어요: a favour done before leaving (`_gave_ending`)
DONE_EACH_TIME = {"ᆸ니다", "네요", "더라고요", "더라구요"}  # after 주시-: 보내 주십니다, 챙겨 주시네요 (`_favour_done`)
NOT_NEEDED = {("어도", "EC"), ("아도", "EC")}  # 알려 주지 않아도 돼요: not needed, no favour refused
FORBIDDING = ("말", "VX")  # -지 말다: 보여 주지 마세요, forbidden, not refused
ONLY_THIS = ("만", "JX")
PRAISED_ALONE = {("좋", "VA"), ("재밌", "VA"), ("재미있", "VA"), ("괜찮", "VA"), ("멋있", "VA"), ("예쁘", "VA"), ("이쁘", "VA"),
                 ("훌륭하", "VA"), ("훌륭", "XR"), ("멋지", "VA"), ("뛰어나", "VA"), ("볼만하", "VA"), ("맛있", "VA"),
                 ("마음에들", "VV"), ("친절", "NNG"), ("친절하", "VA")}
ONLY_THIS_GOOD = ("만좋음", "VA")
PLURAL = ("들", "XSN")  # 직원분들만 친절했어요: only they
# Breaks easily (`_breaks_easily`: 잘 깨져요, 잘 번져요, 전화가 잘 끊겨요)
EASILY = ("잘", "MAG")
BREAKING = {("깨지", "VV"), ("부서지", "VV"), ("번지", "VV"), ("꺼지", "VV"), ("끊기", "VV"), ("끊어지", "VV"),
            ("찢어지", "VV"), ("망가지", "VV"), ("새", "VV"), ("구겨지", "VV"), ("녹슬", "VV"), ("튕기", "VV"),
            ("엉키", "VV"), ("상하", "VV"), ("멈추", "VV")}
SHATTERED = [("어", "EC"), ("지", "VX")]  # 부셔지다 as Kiwi reads it: 부시 + 어 + 지
BROKEN_EASILY = ("잘망가짐", "VV")
# counted only once done (`_solved_only_once_done`)
IMPROVED = {("해결", "NNG"), ("개선", "NNG"), ("향상", "NNG"), ("고치", "VV")}
IMPROVED_FORMS = frozenset(form for form, _ in IMPROVED)
GOING_ON = ([("는", "ETM")], [("네요", "EF")], [("고", "EC")])  # after 되다: 개선되는, 개선되네요, 개선되고 있어요
FIXED_BY_US = {("해결", "NNG"), ("고치", "VV"), ("처리", "NNG"), ("복구", "NNG"), ("수정", "NNG"), ("찾", "VV")}
OURSELVES = {("직접", "MAG"), ("스스로", "MAG"), ("손수", "MAG")}
WE = {("우리", "NP"), ("저희", "NP"), ("저", "NP"), ("나", "NP")}
# The forms of the words some rules start from (`says_any`): a text with none of them is passed over.
MEANT_IN_CLAUSE_FORMS = frozenset(form for form, _ in VERBS_MEANT_IN_CLAUSE)
COMING_FORMS = frozenset(form for form, _ in COMING)
ENDED = {("끝나", "VV"), ("끝내", "VV"), ("마치", "VV")}  # sooner than promised (`_came_quickly`)
COMING_OR_ENDED_FORMS = COMING_FORMS | {form for form, _ in ENDED}
# 바로 연결됐어요: through at once (not within an hour: DONE_SOON); 앱에서 바로 재설정했어요, 바로 변경됐어요
DONE_AT_ONCE = DONE_SOON | {("연결", "NNG"), ("설정", "NNG"), ("변경", "NNG")}
THAN = ("보다", "JKB")  # 예정일보다 일찍 왔어요: sooner than expected (`_came_quickly`)
QUICKLY_FORMS = frozenset(form for form, _ in QUICKLY) | {AS_SOON_AS[0], SHORTLY[0]}
FIXED_BY_US_FORMS = frozenset(form for form, _ in FIXED_BY_US)
GIVING = frozenset({"주", "도와주", "내주"})  # 주셨어요, 갖다 주셨어요, 도와주셨어요: `_favour_done`
FAVOURS = {("주", "VX"), ("도와주", "VV"), ("내주", "VV")}  # 해 주셨어요, 도와주셨어요, 대신 내줬어요
FOUND_OR_FELT, HARD_TO = {"찾", "느끼"}, {"어렵", "힘들"}  # 단점을 찾기 어려워요: `_hard_to_find`
# Still the same (the idiom above), or, said of a quality a customer values, as good as ever (`_still_as_good`)
STILL_THE_SAME, STILL_AS_GOOD = ("여전히그대로", "MAG"), ("여전히좋음", "MAG")
QUALITIES = {"맛", "품질", "퀄리티", "실력", "친절", "솜씨", "정성", "양", "가성비", "분위기", "서비스질"}
# A regular customer's visits and orders (`_comes_often`: 자주 와요, 자주 이용해요, 자주 시켜 먹어요)
OFTEN, REGULAR = ("자주", "MAG"), ("단골", "NNG")
VISITS = {("오", "VV"), ("가", "VV"), ("이용", "NNG"), ("찾", "VV"), ("방문", "NNG"), ("들르", "VV"), ("시키", "VV")}
ANTICIPATION = ("기대", "NNG")  # looked forward to (`_looked_forward_to`), or hoped and let down
HONOURED = {("님", "XSN"), ("분", "NNB")}  # 선생님, 기사님, 직원분: someone the customer honours
# Only after, only then (a favour come too late): 끝나고 나서야, 지나서야, 전날 밤에야, 이제야
ONLY_AFTER = ([("어서", "EC"), ("야", "JX")], [("에", "JKB"), ("야", "JX")])
ONLY_NOW = {("이제야", "MAG"), ("이제서야", "MAG")}
NOW = ONLY_NOW | {("이제", "MAG"), ("이제", "NNG")}  # 왜 이제 봤을까, 왜 이제서야 (`_why_only_now`)
PLEASE = ("좀", "MAG")  # 연락 좀 주세요: asked of someone
ALWAYS = {("늘", "MAG"), ("항상", "MAG"), ("언제나", "MAG")}  # 늘 챙겨 주세요: what someone always does, not asked
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
             "이체", "송금", "로딩", "부팅", "발송", "수신", "출력", "인식", "작동", "구동", "반영", "할인", "적립",
             "처리", "수리", "배송", "배달", "출고", "개통", "인터넷", "와이파이", "통화", "통신", "인쇄", "검색", "사용",
             "이용", "준비", "배수", "난방", "냉방", "환기", "세탁"}  # and what a service or a home should do
NOT_THERE = ((AWAITED, COMING, ("아직안옴", "VV"), False, True), (KEPT, SHOWING, ("사라짐", "VV"), False, True),
             (TROUBLES | BLEMISHES, SHOWING, ("해결", "NNG"), True, True),
             (TROUBLES, {("나", "VV")}, ("해결", "NNG"), True, True),  # 냄새가 하나도 안 나요, 오류가 안 나요: none of it
             (FUNCTIONS, {("되", "VV"), ("되", "XSV")}, ("안됨", "VV"), True, False))
# (nouns, verbs, the word, the nouns gone, whether also where the verb describes a noun)
NOT_THERE_VERBS = frozenset().union(*(verbs for _, verbs, _, _, _ in NOT_THERE))
# Made to do a thing again (같은 서류를 또 내야 해요, 매번 처음부터 설명해야 해요, 다시 설치해야 했어요): -어야 하다/되다
# ("have to") after one of these in its clause is the customer's effort, a complaint (`made_to_repeat`); not
# a wish to come back (또 사야겠어요, 다시 와야 할 것 같아요: 겠, or said of a noun).
AGAIN = {("또", "MAG"), ("다시", "MAG"), ("매번", "MAG"), ("처음", "NNG"), ("자꾸", "MAG"), ("번번이", "MAG"),
         ("일일이", "MAG"), ("계속", "MAG")}
HAVE_TO = {("하", "VX"), ("되", "VV")}
DEGREE = frozenset({"정도", "만큼"})  # 추천할 정도는 아니에요 (`negation._what_it_is_not`), 또 올 정도 (`_will`)
TOLD_TO = {("라고", "EC"), ("으라고", "EC")}  # before 하다: 다시 하라고 해요, 또 내라고 하셨어요
# Asked again (누락돼서 다시 요청했어요, 또 문의했는데, 몇 달째 같은 요청을 하고 있어요): one of AGAIN, or 같은 ("the
# same"), before a request or a call the customer made or keeps making is the same complaint (`asked_again`);
# not a promise or an instruction (다시 전화드릴게요, 다시 접수해 주세요), nor a first time (처음 문의했을 때).
CALLS_AND_REQUESTS = {"요청", "문의", "접수", "전화", "연락", "신청", "질문", "항의"}
THE_SAME = [("같", "VA"), ("은", "ETM")]
TIMES = ("번", "NNB")  # 세 번 요청했어요: more than once (with NUMBERS)
MADE_TO = [("게", "EC"), ("만들", "VV")]
