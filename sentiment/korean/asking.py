"""What a customer wishes, asks for, or asks again: a wish that a thing were better says it is lacking, a
quality asked for is not one had, and a request made again or made to be repeated is a complaint."""

from __future__ import annotations

from .grammar import clause_start, describes_a_noun, rest_of_clause, says_any, sentence_start
from .words import (
    AGAIN,
    ASKING,
    CALLS_AND_REQUESTS,
    HAVE_TO,
    IMPROVED_FORMS,
    MADE_TO,
    MORE_OF_THIS,
    NUMBERS,
    PROPER_ONE,
    THE_SAME,
    TIMES,
    TOLD_TO,
    WISHED_BY,
    WISHES,
)


def wished_better(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
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
        said = found[sentence_start(found, i):i]
        if (("더", "MAG") in found[clause_start(found, i):i] or _quality_wished(found, i)) and \
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


def asked_for(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A quality asked for (빠른 처리 부탁드려요, 친절한 응대 부탁드립니다, 빠른 해결 바람) is not one had: it counts no
    more (it read as praise, +0.26 to +0.54). Nor is it a complaint: on a call 빠른 처리 부탁드립니다 is a polite
    closing, as "please process it quickly" is in English. Not a wish for more of this (앞으로도 더 좋은 서비스
    부탁드립니다), as `wished_better`."""
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
        said = found[sentence_start(found, i):i]
        if found[quality][1] not in ("VA", "NNG", "XR") or any(m in MORE_OF_THIS for m in said):
            continue
        made[quality] = (found[quality][0], "NNB")  # not a content word: counted no more
    return made


def proper_one_needed(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A proper one said to be needed (제대로 된 답변이 필요합니다, 제대로 된 사과가 필요해요) says the one given was
    not: its 필요 is the word of a thing to be made better (개선필요), as 개선이 필요해요 is."""
    if ("필요", "NNG") not in found or ("제대로", "MAG") not in found:
        return found
    made = list(found)
    for i, morpheme in enumerate(found):
        if morpheme != ("필요", "NNG"):
            continue
        j = i - 1 - (i > 0 and found[i - 1][1] in ("JKS", "JX"))  # 답변이, 답변은
        while j >= 0 and found[j][1] == "NNG":
            j -= 1
        if j >= 2 and j < i - 1 and found[j - 2:j + 1] == PROPER_ONE:
            made[i] = ("개선필요", "NNG")
    return made


def asked_again(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A request or a call (CALLS_AND_REQUESTS) asked again, or more than once (영수증을 세 번 요청해서 받았어요),
    said as done or going on (-었-, -고 있다, -어서) or as made to be (매번 같은 질문을 반복하게 만드네요), as the word
    of a customer made to do it again."""
    if not says_any(found, CALLS_AND_REQUESTS):
        return found
    made = list(found)
    for i, (form, tag) in enumerate(found):
        if form not in CALLS_AND_REQUESTS or tag != "NNG":
            continue
        rest = rest_of_clause(found, i)
        if ("겠", "EP") in rest or not (("었", "EP") in rest or ("있", "VX") in rest or ("어서", "EC") in rest
                                       or _made_to(found[i + 1:i + 2 + len(rest)])):  # the clause ends at -게
            continue
        if found[i - 2:i] == THE_SAME or any((found[j] in AGAIN and found[j][0] != "처음") or _times(found, j)
                                             for j in range(clause_start(found, i), i)):
            made[i] = ("다시해야", "VV")
    return made


def _times(found: list[tuple[str, str]], j: int) -> bool:
    """Whether `j` is 번 after a number more than one (세 번, 몇 번, 3번): more than once."""
    if found[j] != TIMES or j == 0:
        return False
    number = found[j - 1]
    return number[0] in NUMBERS or (number[1] == "SN" and number[0] != "1")


def _made_to(found: list[tuple[str, str]]) -> bool:
    """Whether -게 만들다 (made to) is among these morphemes."""
    return any(found[k:k + 2] == MADE_TO for k in range(len(found) - 1))


def made_to_repeat(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each -어야 하다/되다 ("have to") after one of AGAIN in its clause, ending the clause or the sentence (not
    -어야겠다, not said of a noun), as the word of a customer made to do it again, in the place of 하다/되다; and
    so each -라고 하다 ("told to": 결제할 때마다 본인 인증을 다시 하라고 해요, 서류를 또 내라고 해요)."""
    if HAVE_TO.isdisjoint(found) and TOLD_TO.isdisjoint(found):
        return found
    made = list(found)
    for i in range(1, len(found) - 1):
        told = found[i - 1] in TOLD_TO and found[i] == ("하", "VV")
        if not told and (found[i] not in HAVE_TO or found[i - 1] != ("어야", "EC") or describes_a_noun(found, i + 1)
                         or ("겠", "EP") in found[i + 1:i + 3]):
            continue
        if any(found[j] in AGAIN for j in range(clause_start(found, i - 1), i - 1)):
            made[i] = ("다시해야", "VV")
    return made
