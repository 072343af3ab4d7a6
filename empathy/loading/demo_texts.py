"""What the demo's customers and agents say: the templates and phrase banks the demo generator draws
from (its seeded random streams pick among them), kept apart from the generator's logic."""

from typing import NamedTuple

# Negative lines by theme; the words "billing", "invoice", "onboarding" etc. are what theme tagging
# will find, written the way customers put them.
NEGATIVE = {
    "billing": [
        "We were charged twice for the same seats {month}, invoice {invoice}, and nobody has fixed it.",
        "The invoice still lists {seats} seats we removed weeks ago. We keep paying for people who left, which is ridiculous.",
        "Billing changed our renewal date without telling us and the card got declined. Really frustrating.",
        "I can't get a straight answer on why our bill went up by {amount}.",
        "Invoice {invoice} has the wrong VAT number again and finance rejected it.",
        "We got billed for the annual plan when we asked for monthly. That's a {amount} mistake and a real problem for us.",
        "The billing portal times out whenever I try to download last quarter's invoices. Annoying and a waste of time.",
        "The refund for the duplicate charge is {days} days late and still nothing. We're angry about it.",
        "Every month something is wrong with the invoice and I waste an afternoon chasing it.",
        "Proration on the upgrade makes no sense, we were charged the full month for {seats} new seats.",
    ],
    "onboarding": [
        "Onboarding dragged on {days} weeks late and our kickoff kept getting cancelled. Disappointing start.",
        "Setting up the workspace was confusing, the setup checklist skips the permissions step.",
        "Our new admins had no training and the onboarding videos are for the old interface.",
        "Importing our users during onboarding failed halfway and we had to start over.",
    ],
    "performance": [
        "{feature} is painfully slow, sometimes a full minute to load. It's terrible during meetings.",
        "Reports are painfully slow at month end, the page just spins.",
        "Search got noticeably slower after the last release and it's hurting our team.",
        "Exports of more than a few thousand rows fail every time. Broken.",
    ],
    "reliability": [
        "We had another outage on {weekday} morning and lost about {hours} hours of work.",
        "{feature} keeps crashing when more than a few people use it at once. Awful.",
        "Data in the dashboard was wrong for {hours} hours and nobody told us. We made bad decisions on it.",
        "Sync failures again this week, records just disappear from the list.",
    ],
    "support": [
        "Support ignored a ticket marked urgent for {days} days. Poor.",
        "Every time I call I have to explain the whole problem again to someone new.",
        "The support chat bot is useless and frustrating, it never gets me to a person.",
        "We were told someone would call back on {weekday}. Nobody called, which is disappointing.",
    ],
    "documentation": [
        "The documentation for {feature} is outdated and confusing, the screenshots don't match anymore.",
        "Nothing in the help center about {feature}, so we had to guess and got it wrong.",
        "The API docs are missing half the error codes.",
    ],
    "pricing": [
        "The price increase at renewal was painful for what we use. Hard to defend.",
        "Paying per seat for occasional users feels unfair and expensive.",
        "We'd need the Enterprise plan just for SSO, which is hard to justify.",
    ],
    "integrations": [
        "The {integration} integration stopped syncing and we only noticed a week later.",
        "Half our fields don't map in the {integration} connector, which is a mess.",
        "The {integration} sync duplicates contacts every night and cleaning it up is a pain.",
    ],
}
POSITIVE = [
    "{feature} saves my team hours every week, genuinely love it.",
    "Support sorted out our {integration} problem the same day, really appreciated.",
    "The new {feature} is exactly what we asked for, thank you.",
    "Solid product, reliable, and the {integration} integration just works.",
    "Onboarding was smooth and our admins were up and running in {days} days.",
    "Our account manager is responsive and actually knows our setup.",
    "Easy to use, my whole team of {seats} picked it up without training.",
    "Reports are fast now and the dashboards look great in our {weekday} review.",
    "Happy with the product. I'd recommend it to other {team} teams.",
    "The {integration} connector made our weekly reporting painless.",
    "We cut our month-end close by {days} days thanks to {feature}.",
    "Whoever redesigned {feature}: thank you, it's so much clearer.",
    "Rock solid for us this quarter, not a single outage we noticed.",
    "{agent_name} on the support team went above and beyond for us on {weekday}.",
    "Love that {feature} finally works on the mobile app.",
    "Best tool in our stack for {team}, and it's not close.",
    "The training session last {weekday} was excellent, our {team} team is much more confident.",
    "Pricing is fair for what we get, especially since {feature} was added.",
    "Migration from our old system went better than expected.",
    "The help center article on {feature} answered my question in two minutes.",
]
NEUTRAL = [
    "It does what we need for {team}, nothing more.",
    "Fine for now, we are still evaluating {feature}.",
    "Mostly okay. Would like more flexibility in {feature}.",
    "Works as expected, though {feature} could be faster.",
    "Average experience, some things could be simpler for our {team} people.",
    "No complaints this {period}, no big wins either.",
    "We only use it for {team} so far, hard to judge the rest.",
    "Decent. The {integration} sync is a bit clunky but it gets there.",
    "It's fine. I'd like clearer release notes when {feature} changes.",
    "Okay overall. Our {team} team uses it more than I do.",
    "Does the job. Would be nice to share {feature} with people outside the account.",
    "Still getting used to the new navigation since the {renewal} release.",
]
CONTEXT = [
    "We have {seats} people on it now.",
    "Our {team} team relies on it every day.",
    "We've been customers for about {years} years.",
    "Renewal is coming up in {renewal}.",
    "I raised this with our account manager on {weekday}.",
    "This matters a lot during our busy season.",
    "We're rolling it out to {seats} more users next quarter.",
    "Our CFO asked about it in the last budget review.",
    "We compared it with two other vendors last year.",
    "I'm the admin for our {region} office.",
]
CLOSERS_GOOD = ["Keep it up.", "Thanks!", "Great work, team.", "Looking forward to what's next.",
                "Thank you.", "Much appreciated."]
CLOSERS_BAD = ["Please fix this soon.", "We need a real answer.", "This can't keep happening.",
               "Not impressed so far.", "Please escalate.", "We are looking at alternatives."]
CALL_OPENINGS = [
    "Thanks for calling, this is {agent}. How can I help today?",
    "Hi, {agent} here from customer support. What can I do for you?",
    "Good morning, you're through to {agent}. What's going on?",
    "Hello, this is {agent}. I see you opened a ticket earlier, how can I help?",
]
AGENT_PROBES = [
    "I'm sorry to hear that. Can you tell me when you first noticed it?",
    "Okay, let me pull up your account. Which workspace is this in?",
    "Thanks for the detail. Is this affecting everyone on your team or just you?",
    "Understood. Do you have a reference number or a screenshot I can look at?",
    "Got it. Has anything changed on your side recently?",
]
CUSTOMER_DETAILS = [
    "It started around {weekday} and it's been the same every day since.",
    "It's the whole team, about {seats} people, and we have a deadline this week.",
    "I already sent screenshots {days} days ago and heard nothing back.",
    "Nothing changed on our side as far as I know.",
    "Finance is asking me about it every morning, so I really need an answer.",
]
AGENT_FIXES = [
    "I've found the problem and corrected it on our side. You should see the change within the hour.",
    "I've applied a fix and issued a credit for the trouble. It will show on the next invoice.",
    "I've escalated this to our engineering team with priority and I'll update you by {weekday}.",
    "I can't fix this from here, so I'm raising it with the specialist team.",
]
CUSTOMER_GOOD_ENDINGS = [
    "That's great, thank you so much for sorting it out.",
    "Perfect, that's exactly what I needed. Thanks!",
    "Okay, that works. I appreciate the quick help.",
    "Brilliant, thanks. That makes my week easier.",
]
CUSTOMER_BAD_ENDINGS = [
    "Honestly this is so frustrating, it's the third time we've called about this.",
    "I'm not happy. We need this fixed, not escalated again.",
    "Fine, but if this isn't solved by {weekday} we'll have to look at other options.",
    "This is really disappointing. We were told this was fixed last time and it's still broken.",
]
AGENT_CLOSINGS = [
    "Thanks for your patience. Is there anything else I can help with?",
    "I'll send a summary by email. Have a good rest of your day.",
    "You'll get a ticket update shortly. Thanks for calling.",
]
# A customer whose problem was solved closes the call, as people do.
CUSTOMER_CLOSINGS = [
    "No, that's everything. Thanks again!",
    "Nope, all good now. Have a nice day.",
    "That's all for today, thank you.",
    "No, I'm all set. Thanks for your help.",
]
# Success and sales calls: an account team's check-in, not a problem.
CHECK_IN_OPENINGS = [
    "Hi, this is {agent} from your account team. Is now still a good time for our check-in?",
    "Hello, {agent} here. Thanks for making time for the quarterly review.",
    "Hi, it's {agent}. I wanted to catch up on how the rollout is going.",
]
CHECK_IN_CUSTOMER = [
    "Yes, good timing. The rollout to the wider team went well so far.",
    "Sure. People are using {feature} every week now.",
    "We'd like to add about {seats} more seats next quarter.",
    "Can you send over the renewal quote so finance can plan the budget?",
    "The training session last month really helped the new starters.",
    "We're connecting {integration} next, is there a guide for that?",
]
CHECK_IN_AGENT = [
    "Great to hear. I'll put together a short plan for the next steps.",
    "Sure, I'll send that over today with a summary of what we discussed.",
    "Good question, I'll share the guide and set up a session with our specialist.",
]
CHECK_IN_GOOD_ENDINGS = [
    "Sounds good, thanks for checking in.",
    "Perfect, looking forward to it. Thanks!",
    "Great, that helps a lot. Talk soon.",
]
CHECK_IN_BAD_ENDINGS = [
    "Honestly we're still not sure it's worth the price, we'll have to review it.",
    "To be frank, the team hardly uses it and I'm not sure we'll renew.",
]

CONTACT_FIRST = ["Mina", "Oliver", "Grace", "Daniel", "Sofia", "Liam", "Aisha", "Noah", "Chloe", "Mateo",
                 "Leah", "Ethan", "Zara", "Lucas", "Maya", "Owen", "Nadia", "Felix", "Ruth", "Kenji"]
CONTACT_LAST = ["Park", "Bennett", "Alvarez", "Novak", "Haddad", "Lindqvist", "Osei", "Moreau", "Tanaka",
                "Walsh", "Castillo", "Brennan", "Iyer", "Kowalski", "Duarte", "Fischer", "Mensah", "Quinn"]
KOREAN_CONTACTS = ["김민준", "박서연", "이지호", "최수아", "정도윤", "한예린"]
# What customers write about themselves now and then: the board must redact it before showing a quote.
PERSONAL_COMMENTS = [
    "Call me on {phone} if you need the details.",
    "Email me at {email} and I will send the invoices.",
    "{first} on our side has all the examples, ask for them.",
    "Our account number is {number}, please check it.",
    "You charged the card {card} twice.",
]
PERSONAL_INTROS = [
    "Hi, this is {name} from {company}. ",
    "Hi, {name} here, from {company}. You can reach me at {phone}. ",
    "This is {name}; my email is {email}. ",
]
PHONES = ["415-555-{n:04d}", "+44 20 7946 {n:04d}", "(212) 555-{n:04d}", "+1 646 555 {n:04d}"]


class CommentWords(NamedTuple):
    """What a survey comment says, in one language: praise, a middling word, complaints by theme (the
    taxonomy's words, as customers put them), some context around it and a closing word."""

    positive: list[str]
    neutral: list[str]
    negative: dict[str, list[str]]
    context: list[str]
    closers_good: list[str]
    closers_bad: list[str]


ENGLISH_COMMENTS = CommentWords(POSITIVE, NEUTRAL, NEGATIVE, CONTEXT, CLOSERS_GOOD, CLOSERS_BAD)
# The same as a Korean business customer writes them, theme words as the taxonomy has them.
KOREAN_COMMENTS = CommentWords(
    positive=["기능이 직관적이라 팀원들이 금방 익혔습니다. 만족합니다.",
              "지원팀이 빠르게 해결해 주셔서 감사합니다.",
              "보고서 기능 덕분에 주간 회의 준비 시간이 많이 줄었어요.",
              "{integration} 연동이 문제없이 잘 돌아가서 편합니다.",
              "담당 매니저님이 저희 상황을 잘 알고 늘 빠르게 답해 주십니다.",
              "온보딩이 순조로워서 {days}일 만에 전 직원이 쓰기 시작했어요.",
              "이번 분기에는 장애 한 번 없이 안정적이었습니다.",
              "다른 팀에도 추천하고 싶을 만큼 만족스럽습니다.",
              "새 대시보드 화면이 깔끔해서 임원 보고 때 바로 씁니다.",
              "교육 세션이 알차서 신규 입사자들이 많이 배웠습니다."],
    neutral=["아직 도입 초기라 평가하기는 이르네요.",
             "대체로 괜찮습니다. 메뉴 구성이 조금 더 단순했으면 해요.",
             "무난하게 쓰고 있어요. 릴리스 노트가 좀 더 자세하면 좋겠습니다.",
             "저희 팀은 주로 보고서만 써서 다른 기능은 잘 모르겠어요.",
             "쓸 만합니다. 다만 권한 설정이 조금 번거로워요.",
             "필요한 기능은 다 있는데 눈에 띄게 좋아진 점은 없어요."],
    negative={
        "billing": ["이번 달 청구서 금액이 계약 내용과 다릅니다. 확인 부탁드립니다.",
                    "같은 좌석 요금이 두 번 청구됐는데 아직 환불을 못 받았어요.",
                    "해지한 {seats}명분 요금이 계속 청구되고 있습니다.",
                    "결제일이 예고 없이 바뀌어서 재무팀이 혼란스러워합니다.",
                    "청구서에 사업자 정보가 또 잘못 나와서 다시 요청해야 했어요."],
        "onboarding": ["온보딩 자료가 영어로만 되어 있어서 팀원들이 어려워합니다.",
                       "온보딩 일정이 {days}주나 밀려서 도입이 늦어졌어요.",
                       "초기 설정 단계에서 권한 안내가 빠져 있어 한참 헤맸습니다."],
        "performance": ["대시보드 로딩이 너무 느려서 회의 때 쓰기 어렵습니다.",
                        "월말만 되면 보고서 속도가 눈에 띄게 느려집니다.",
                        "지난 업데이트 이후 검색 속도가 많이 느려졌어요."],
        "reliability": ["이번 주 월요일 오전에 또 장애가 나서 {hours}시간 동안 일을 못 했습니다.",
                        "동시에 여러 명이 쓰면 앱이 자꾸 튕겨요.",
                        "동기화 오류가 반복돼서 목록에서 데이터가 사라집니다."],
        "support": ["지원팀 답변이 너무 늦어요. 긴급 건인데 사흘째 기다리고 있습니다.",
                    "고객센터에 전화할 때마다 처음부터 다시 설명해야 해서 지칩니다.",
                    "상담원 응대가 형식적이고 문제 해결에는 관심이 없어 보여요."],
        "documentation": ["도움말 문서가 예전 화면 기준이라 따라 하기 어렵습니다.",
                          "API 문서에 응답 코드 설명이 절반은 빠져 있어요."],
        "pricing": ["갱신 때 가격이 너무 많이 올라서 내부 설득이 어렵습니다.",
                    "가끔 쓰는 사람까지 좌석 비용을 내야 해서 비싸게 느껴져요."],
        "integrations": ["연동이 자주 끊겨서 데이터가 맞지 않습니다.",
                         "{integration} 연동이 멈췄는데 일주일 뒤에야 알았어요.",
                         "{integration} 연동 때문에 매일 밤 연락처가 중복으로 생겨요."],
    },
    context=["저희 팀 {seats}명이 매일 씁니다.", "다음 달에 갱신을 앞두고 있습니다.", "요즘 바쁜 시즌이라 더 중요합니다.",
             "지난주에 담당 매니저님께도 말씀드렸어요.", "다음 분기에 {seats}명을 더 늘릴 계획입니다."],
    closers_good=["앞으로도 잘 부탁드립니다.", "감사합니다!", "수고 많으십니다."],
    closers_bad=["빠른 조치 부탁드립니다.", "제대로 된 답변이 필요합니다.", "계속 이러면 다른 서비스를 검토하겠습니다."],
)


class CallWords(NamedTuple):
    """What is said in a call, in one language: a support call (a problem by theme, questions, details,
    a fix or an escalation, the customer's last word, the closings) and an account team's check-in."""

    openings: list[str]
    problems: dict[str, list[str]]
    probes: list[str]
    details: list[str]
    fixes: list[str]
    escalations: list[str]
    good_endings: list[str]
    bad_endings: list[str]
    agent_closings: list[str]
    customer_closings: list[str]
    check_in_openings: list[str]
    check_in_customer: list[str]
    check_in_agent: list[str]
    check_in_good_endings: list[str]
    check_in_bad_endings: list[str]


ENGLISH_CALL = CallWords(
    CALL_OPENINGS, NEGATIVE, AGENT_PROBES, CUSTOMER_DETAILS, AGENT_FIXES[:2], AGENT_FIXES[2:], CUSTOMER_GOOD_ENDINGS,
    CUSTOMER_BAD_ENDINGS, AGENT_CLOSINGS, CUSTOMER_CLOSINGS, CHECK_IN_OPENINGS, CHECK_IN_CUSTOMER, CHECK_IN_AGENT,
    CHECK_IN_GOOD_ENDINGS, CHECK_IN_BAD_ENDINGS)
# The same calls as a Korean customer and agent would have them, theme words as the taxonomy has them.
KOREAN_CALL = CallWords(
    openings=["안녕하세요, 고객지원팀 {agent}입니다. 무엇을 도와드릴까요?",
              "네, 고객센터 {agent}입니다. 어떤 일로 전화 주셨어요?",
              "안녕하세요, {agent}입니다. 오전에 남기신 문의 보고 연락드렸습니다."],
    problems={
        "billing": ["이번 달 청구서에 같은 좌석 요금이 두 번 청구됐어요.",
                    "해지한 {seats}명 좌석이 아직도 청구서에 남아 있습니다.",
                    "요금이 갑자기 올랐는데 왜 그런지 아무 설명도 못 들었어요.",
                    "환불 요청한 지 {days}일이 지났는데 아직 소식이 없어요."],
        "onboarding": ["온보딩 일정이 계속 미뤄져서 도입이 늦어지고 있어요.",
                       "초기 설정 안내가 복잡해서 관리자들이 헤매고 있습니다."],
        "performance": ["대시보드 로딩이 너무 느려서 회의 때 쓸 수가 없어요.",
                        "월말만 되면 보고서 속도가 너무 느립니다."],
        "reliability": ["오늘 오전에 또 장애가 나서 {hours}시간 동안 일을 못 했어요.",
                        "여러 명이 동시에 쓰면 화면이 자꾸 멈추고 튕겨요."],
        "support": ["긴급 문의를 남겼는데 {days}일째 답변이 없어요.",
                    "전화할 때마다 처음부터 다시 설명해야 해요."],
        "documentation": ["도움말 문서가 예전 화면 기준이라 따라 할 수가 없어요.",
                          "API 문서에 오류 코드 설명이 빠져 있어요."],
        "pricing": ["갱신하면서 가격이 너무 많이 올라서 부담이 됩니다.",
                    "가끔 쓰는 사람까지 좌석 비용을 내야 하니까 너무 비싸요."],
        "integrations": ["연동 데이터가 또 누락됐어요.",
                         "{integration} 연동이 멈췄는데 일주일 뒤에야 알았어요."],
    },
    probes=["불편을 드려 죄송합니다. 언제부터 그러셨는지 여쭤봐도 될까요?",
            "확인해 보겠습니다. 어느 워크스페이스에서 생긴 일인가요?",
            "팀 전체가 그런가요, 아니면 고객님만 그러신가요?",
            "혹시 참고할 만한 번호나 화면 캡처가 있으실까요?"],
    details=["지난주부터 매일 그래요.",
             "팀 전체 {seats}명이 쓰는데 이번 주에 마감이 있어요.",
             "{days}일 전에 화면 캡처를 보냈는데 아직 답이 없어요.",
             "저희 쪽에서 바뀐 건 없는 것 같아요.",
             "재무팀에서 매일 아침 물어봐서 꼭 답을 드려야 해요."],
    fixes=["확인해 보니 저희 쪽 설정 문제였습니다. 지금 바로 수정했습니다.",
           "수정해 드렸고, 불편을 드린 만큼 크레딧을 넣어 드렸습니다. 다음 청구서에 반영됩니다."],
    escalations=["개발팀에 우선 처리로 전달했고, 진행 상황은 이번 주 안에 다시 알려 드리겠습니다.",
                 "여기서는 바로 해결이 어려워서 전담 팀에 넘기겠습니다."],
    good_endings=["잘됐네요, 해결해 주셔서 정말 감사합니다.",
                  "완벽해요, 딱 필요했던 거예요. 감사합니다!",
                  "네, 그럼 됐어요. 빠르게 도와주셔서 감사합니다.",
                  "최고예요, 감사합니다. 덕분에 이번 주가 한결 편해졌어요."],
    bad_endings=["또 같은 문제라서 정말 실망스럽습니다.",
                 "솔직히 너무 답답하네요. 이 문제로 벌써 세 번째 전화예요.",
                 "또 넘기신다고요? 이번 주 안에 해결 안 되면 다른 업체를 알아볼 수밖에 없어요.",
                 "지난번에도 고쳤다고 하셨는데 여전히 그대로예요."],
    agent_closings=["기다려 주셔서 감사합니다. 더 도와드릴 일은 없으실까요?",
                    "통화 내용은 메일로 정리해서 보내 드리겠습니다. 좋은 하루 보내세요.",
                    "곧 티켓 진행 상황을 안내해 드리겠습니다. 전화 주셔서 감사합니다."],
    customer_closings=["아니요, 그게 다예요. 다시 한번 감사합니다!",
                       "아니요, 이제 다 괜찮아요. 좋은 하루 보내세요.",
                       "오늘은 그게 다예요, 감사합니다.",
                       "아니요, 다 됐어요. 도와주셔서 감사합니다."],
    check_in_openings=["안녕하세요, 담당 매니저 {agent}입니다. 지금 정기 점검 통화 괜찮으실까요?",
                       "안녕하세요, {agent}입니다. 분기 리뷰에 시간 내 주셔서 감사합니다."],
    check_in_customer=["네, 괜찮아요. 팀 전체로 확대한 것도 지금까지 잘 되고 있어요.",
                       "요즘은 팀원들이 매주 대시보드를 써요.",
                       "다음 분기에 {seats}석 정도 추가하려고 합니다.",
                       "재무팀이 예산을 잡을 수 있게 갱신 견적서를 보내 주시겠어요?",
                       "지난달 교육 덕분에 신규 입사자들이 많이 배웠어요."],
    check_in_agent=["좋네요. 다음 단계 계획을 간단히 정리해 드리겠습니다.",
                    "네, 오늘 안에 논의한 내용과 함께 보내 드리겠습니다."],
    check_in_good_endings=["좋아요, 연락 주셔서 감사합니다.", "네, 기대할게요. 감사합니다!"],
    check_in_bad_endings=["솔직히 이 가격만큼 가치가 있는지 아직 모르겠어요. 다시 검토해 봐야겠어요.",
                          "사실 팀에서 거의 안 써서 갱신할지 잘 모르겠어요."],
)
