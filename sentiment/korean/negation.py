"""What a negation turns round: the predicate before 안/못 or -지 않다/못하다/말다, the clause it closes and the
words describing its noun, a noun before 없다, and the prefixes 불/비/무/미; and the negations that deny nothing
(X밖에 없다, -지 않을 수 없다, 이보다 더 좋을 수 없다)."""

from __future__ import annotations

from .contrast import CONTRAST_ENDINGS
from .grammar import (
    CAUSES,
    CONTENT,
    INTENSIFIERS,
    NEGATORS_AFTER,
    NEGATORS_BEFORE,
    ONLY,
    PREDICATE,
    clause_ends,
    clause_start,
    names_one_of,
    past_causes,
    says_any,
    verb_at,
)
from .weights import CX_WORDS
from .words import DEGREE, DESCRIBED_THROUGH, HONOURED, LIGHT_PREDICATES, PASSED_ON, PHENOMENA, REQUESTS, TROUBLES

AS_MUCH_AS = {("보다", "JKB"), ("이만큼", "MAG"), ("이만큼", "NNG"), ("이렇게", "MAG")}  # 이보다 더, 이렇게 친절할
ANY_MORE = {(("이상", "NNG"),), (("는", "JX"),)}  # after 더: 더 이상, 더는 ("any more"), no comparison
CANNOT_PARTICLES = {("가", "JKS"), ("는", "JX"), ("도", "JX"), ("ᆫ", "JX"), ("조차", "JX")}  # -ㄹ 수가/는/도 없다
NONE_OF = {("없", "VA"), ("없이", "MAG")}  # after a noun: there is none of it, or without it
NEGATING_PREFIXES = {"불", "비", "무", "미"}
# Every form that can start a negation (`negation_scope`): before or after the word, 없다, 아니다, the
# prefixes, and 어렵다 of 좋다고 하기는 어렵다
NEGATING_FORMS = {form for form, _ in NEGATORS_BEFORE | NEGATORS_AFTER | NONE_OF} | {"아니", "어렵"} | NEGATING_PREFIXES
# none, not one, not once: 하나도 없다, 한 명도 없다, 한 번 없다 (not 건, 분: 해결된 건 하나도 없어요 is "what was solved")
ONE_OF = {("하나", "NR"), ("한", "MM"), ("번", "NNB"), ("명", "NNB"), ("개", "NNB"), ("가지", "NNB"), ("군데", "NNB"),
          ("통", "NNB")}  # 연락 한 통 없어요: not one call
ALMOST = ("거의", "MAG")  # 거의 없다: next to none
ENTIRELY = {("완전히", "MAG"), ("아예", "MAG"), ("싹", "MAG"), ("말끔히", "MAG"), ("깨끗이", "MAG")}  # none at all
# Adverbs that go with a negation (별로 좋지 않다, 전혀 문제 없다, 하나도 안 친절해요): with one after them in
# their clause they say nothing of their own, the negation turning the predicate round; alone, 별로
# says "meh" (별로예요).
NEGATIVE_POLARITY = {"별로", "전혀", "그다지", "그닥", "딱히", "하나도", "절대", "결코", "도무지", "통"}


def negation_scope(found: list[tuple[str, str]]) -> set[int]:
    """The content morphemes a negation turns round: the negated one, and where it is a light
    predicate (좋은 것 같지 않아요, 잘 되지 않아요) the word it leans on: the predicate before 것/듯
    and an adverb right before the negated verb. Negations of one morpheme by different means cancel:
    불친절하지 않아요, 불친절한 직원은 없었어요 and 불친절한 편은 아니었어요 turn 불친절 round, as praise (its prefix,
    the words describing what there is none of or what it is not, and the rest, each turn it once). A negation
    after X밖에 says "only X" and turns nothing round (`_only`); nor does one turn the object of a verb that acts on
    it (`PASSED_ON`: 불량품을 교체해 주지 않았어요 leaves the defect as it is)."""
    if not says_any(found, NEGATING_FORMS):  # most texts have none
        return set()
    scope, described, unturned = set(), set(), set()
    says_only = ONLY in found
    for i, (form, tag) in enumerate(found):
        if says_only and _only(found, i):
            continue
        if (form, tag) in NONE_OF:
            described.update(_what_there_is_none_of(found, i))
        if (form, tag) == ("아니", "VCN"):
            described.update(_what_it_is_not(found, i))
        if (form, tag) == ("다고", "EC") and _said_not_to_be(found, i):
            scope.update(j for j in range(clause_start(found, i), i) if found[j][1] in CONTENT)
        if tag in CONTENT and _negated(found, i):
            if (form, tag) == ("없", "VA") and said_of_a_noun(found, i):
                continue  # 재미 없지는 않아요, 불편함이 없지는 않아요: not none of it, some; its noun stands
            scope.add(i)
            j = i
            while tag.startswith("NN") and j and found[j - 1][1] == "NNG":
                j -= 1  # 대기 시간 없이: the compound's every noun
                scope.add(j)
            if found[i][0] in LIGHT_PREDICATES:
                scope.update(_leaned_on(found, i))
            if i and found[i - 1][1] == "MAG" and found[i - 1][0] not in INTENSIFIERS:
                scope.add(i - 1)
            if i > 1 and found[i - 1] in NEGATORS_BEFORE and found[i - 2][1] == "MAG" and not _without(found[i - 2]):
                scope.add(i - 2)  # 잘 안 돼요
            if _negated_after(found, i) or (i and found[i - 1] in NEGATORS_BEFORE and tag in PREDICATE):
                # -지 않다, and 안/못 before the predicate, negate its whole clause: 냄새가 많이 나지 않아요, 냄새가 많이 안 나요
                start = clause_start(found, i)
                if start >= 2 and found[start - 1][1] == "ETM" and found[i][0] in DESCRIBED_THROUGH \
                        and (verb := verb_at(found, i)) is not None and not _forbidden(found, verb):
                    # 잘 되는 것 같지 않다, 친절한 직원을 보지 못했어요: the clause its noun is described by
                    start = clause_start(found, start - 1)
                start = past_causes(found, start, i)  # 알림 덕분에 안 놓쳐요: not the cause
                scope.update(j for j in range(start, i) if found[j][1] in CONTENT and not _without(found[j])
                             and found[j + 1] not in HONOURED)  # 선생님이 귀찮아하지 않으세요: who, not what is denied
                if form not in PASSED_ON:  # its object stays as it is (잘못을 인정하지 않아요)
                    unturned.update(j for j in range(start, i) if _object(found, j, i))
    prefixed = {i for i in range(len(found)) if found[i][1] in CONTENT and _prefixed(found, i)}
    return {i for i in (scope - unturned) ^ described ^ prefixed if found[i][0] not in REQUESTS}


def _without(morpheme: tuple[str, str]) -> bool:
    """An adverb of "without" (예고없이, 연락도 없이 as one word, 끊임없이): its own negation, which the clause's
    does not turn (연락도 없이 안 오셨어요: still without notice)."""
    return morpheme[1] == "MAG" and morpheme[0].endswith("없이")


def _object(found: list[tuple[str, str]], j: int, i: int) -> bool:
    """Whether the morpheme at `j` is a noun of the object (을/를) of the predicate at `i`."""
    if not found[j][1].startswith("NN"):
        return False
    k = j + 1
    while k < i and found[k][1] in ("NNG", "NNP", "XSN"):
        k += 1
    return k < i and found[k][1] == "JKO"


def _only(found: list[tuple[str, str]], i: int) -> bool:
    """Whether 밖에 ("but") stands in the clause of the morpheme at `i`, before the negation it takes: X밖에 없다,
    X밖에 안 나오다 say there is only X (불만밖에 없어요, 짜증밖에 안 나요, 최고라는 말밖에 안 나와요), and deny nothing."""
    return ONLY in found[clause_start(found, i):i + 2]


def between_noun_and_none(morpheme: tuple[str, str]) -> bool:
    """A particle, 하나(도), 한 번(도), 전혀 and the like, or 거의, which may stand between a noun and the 없다 that
    says there is none of it (문제 없어요, 나무랄 데가 없어요, 문제가 전혀 없어요, 불편한 거 하나도 없어요, 고장 한 번
    없어요, 불친절한 직원은 한 명도 없었어요: not once, not one; 소음이 거의 없어요: next to none; 오류가 완전히
    없어졌어요, 설명이 아예 없어요: none at all)."""
    return morpheme[1].startswith("J") or morpheme in ONE_OF or morpheme[0] in NEGATIVE_POLARITY or morpheme == ALMOST \
        or morpheme in ENTIRELY


def said_of_a_noun(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the 없다 at `i` follows its noun (`between_noun_and_none` between)."""
    j = i - 1
    while j >= 0 and between_noun_and_none(found[j]):
        j -= 1
    return j >= 0 and (found[j][1].startswith("NN") or found[j][1] == "ETN")  # 불편함이 없다: a verb made a noun


def _what_there_is_none_of(found: list[tuple[str, str]], i: int) -> list[int]:
    """The words describing the noun 없다 (or 없이) at `i` says there is none of: 불편한 점은 없어요 turns 불편
    round, and so do 해결된 건 하나도 없어요 and 복잡한 절차 없이 (the noun itself is `_negated`); none without such
    a noun, nor for -ㄹ 수 없다 ("cannot": 더 이상 기다릴 수 없어요 is no praise of waiting), which the learned
    weights of 수없 read."""
    j = i - 1
    while j >= 0 and between_noun_and_none(found[j]):
        j -= 1  # 건 하나도 없어요: none at all; 직원은 한 명도 없었어요: not one
    if j < 1 or not found[j][1].startswith("NN") or found[j] == ("수", "NNB"):
        return []
    return _describing(found, j) + _trouble_named(found, j)


def _trouble_named(found: list[tuple[str, str]], j: int) -> list[int]:
    """The trouble a phenomenon at `j` is of (렉 현상, 끊김 현상: 끊기 + ㅁ), if it is one (PHENOMENA, TROUBLES)."""
    if found[j] not in PHENOMENA:
        return []
    k = j - 2 if found[j - 1] == ("ᆷ", "ETN") else j - 1
    return [k] if k >= 0 and names_one_of(found, k, TROUBLES) else []


def _what_it_is_not(found: list[tuple[str, str]], i: int) -> list[int]:
    """The words describing the noun the copula 아니다 at `i` denies, where an adjective says what it is not:
    좋은 제품은 아니에요 turns 좋다 round, 그렇게 비싼 편은 아니에요 비싸다, 추천할 만한 앱은 아닌 것 같아요 추천
    (the noun itself, 제품, says what it says, unless it is a customer-service word: 최고가 아니에요). Only where
    아니다 states it (-다, -에요, -지만, -ㄴ 것 같다):
    not "not A but B" (아니라, 아닌 B), not a question or a rhetorical turn (아닌가요?, 아니잖아요, 아닐까), nor
    a clause of a verb (하는 게 아니다, 볼 영화는 아니다: on build reviews these read wrong more often than right),
    nor one of 만 (연기만 좋은 게 아니다: not only). A verb's clause does describe a noun of degree (추천할 정도는
    아니에요, 다시 갈 만큼은 아니에요: not so far as to)."""
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
    degree = found[j][0] in DEGREE  # 추천할 정도는 아니에요: not so far as to, a verb's clause too
    while j > 0 and found[j - 1][1].startswith("NN"):
        j -= 1
    adjective = j > 1 and (found[j - 2][1] in ("VA", "XSA") or found[j - 2] in LIKED  # 좋은, 추천할 만한
                           or (degree and found[j - 2][1] in ("VV", "XSV")))
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
    start = clause_start(found, j - 1)
    while nested and start > 1 and found[start - 1][1] == "ETM" and found[start][1].startswith("NN"):
        start = clause_start(found, start - 1)  # 추천할 만한 앱, 불편한 점이 많은 앱
    return [k for k in range(start, j - 1)
            if found[k][1] in CONTENT and found[k][0] not in NEGATIVE_POLARITY]


def negation_follows(found: list[tuple[str, str]], i: int) -> bool:
    """Whether a negation comes after `i` in its clause (안/못, -지 않다, 없다)."""
    for j in range(i + 1, len(found)):
        form, tag = found[j]
        if (form, tag) in NEGATORS_BEFORE or (form, tag) in NEGATORS_AFTER or (form, tag) == ("없", "VA"):
            return True
        if clause_ends(found, j) and found[j][1] != "ETM":  # 별로 쓸 일이 없다: through the noun it describes
            return False
    return False


def _leaned_on(found: list[tuple[str, str]], i: int) -> list[int]:
    """The word a light predicate leans on (좋은 것 같지 않아요: 좋다), in its own sentence (너무하군요... 안 보신
    분들은: the 보다 negated after the full stop leans on nothing before it)."""
    for j in range(i - 1, max(-1, i - 5), -1):
        if found[j][1] in ("EF", "SF"):
            return []
        if found[j][1] in ("VA", "VV", "XR", "NNG") and found[j][0] not in LIGHT_PREDICATES:
            return [j]
    return []


def _prefixed(found: list[tuple[str, str]], i: int) -> bool:
    """Whether 불/비/무/미 turns this morpheme round (불친절, 비효율)."""
    return bool(i) and found[i - 1][1] == "XPN" and found[i - 1][0] in NEGATING_PREFIXES


def _negated(found: list[tuple[str, str]], i: int) -> bool:
    """Whether a negation marks this morpheme itself (before it or after it; its prefix is `_prefixed`); a noun
    is negated by the 없다 after it, unless that is itself negated (재미 없지는 않아요, 불편함이 없지는 않아요: not
    none of it, some)."""
    form, tag = found[i]
    if i and found[i - 1] in NEGATORS_BEFORE:
        return True
    start = i + 1
    if tag.startswith(("NN", "XR")) and found[start:start + 1] and found[start][1] in ("XSA", "XSV"):
        start += 1  # 불편함, 답답함: 불편 + 하 + ㅁ, the word made a verb made a noun
    if tag.startswith(("VV", "VA", "NN", "XR")) and found[start:start + 1] and found[start][1] == "ETN":
        tag, start = "NNG", start + 1  # a verb made a noun (기다림 없이, 불편함이 없어요) is negated as a noun is
    if tag.startswith("NN"):  # a noun, its particle, then 없다, or 없이 (대기 시간 없이: without)
        none = next((k for k in range(start, min(start + 5, len(found))) if not between_noun_and_none(found[k])), None)
        if none is not None and found[none] in NONE_OF:  # 문제가 전혀 없어요
            return not _negated_after(found, none)
    return _negated_after(found, i)


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
        if tag in ("EF", "SF", "SP", "ETM", "ETN") or (tag == "EC" and clause_ends(found, i + 1 + j)):
            return False  # (and a verb made a noun: 불편함이 없지는 않아요 negates 없다, not 불편하다)
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
    clause = found[clause_start(found, i):i]
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
