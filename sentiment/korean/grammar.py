"""How a Korean sentence is put together, as the rules read it: the tags that carry meaning, the negators,
the endings that close a clause or ask a question, and where a clause or a sentence starts and ends in
Kiwi's morphemes. Every rule module reads sentences through these, so that "a clause" means one thing."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from operator import itemgetter

EXPLAINING = frozenset({"거든요", "거든"})  # a closing sentence that gives the reason for what was said before it
QUESTION_ENDINGS = ("까", "까요", "나요", "가요", "ᆫ가", "ᆫ가요", "는가", "는지요", "니", "냐", "ᆯ까", "ᆯ까요", "죠")
POLITE_ENDINGS = ("요", "니다")  # 줬어요, 줬습니다: said to someone, not a narrative -다
CLAUSE_ENDS = ("EC", "EF", "SF", "SP", "ETM")
TERSE = {"ᆷ", "음"}  # -음 closing a survey's terse clause (배송 느림, 설명 친절함)
WORTH = ("만", "NNB")  # -ㄹ 만하다: worth doing, one predicate with its verb (`clause_ends`)
CARRIED = {"어", "아"}  # -어 가다, -어 오다: the action carried away or along (`clause_ends`)
GOING = {("가", "VV"), ("오", "VV")}
ONLY = ("밖에", "JX")  # X밖에 ("but X"), with a negation: 불만밖에 없어요, 5분밖에 안 걸렸어요
# Tags of morphemes that carry meaning (Kiwi's Sejong tags, its marks of conjugation dropped: `morphemes`).
CONTENT = ("NNG", "NNP", "VV", "VA", "MAG", "XR", "SL", "SW", "IC")
LEMMA_TAGS = CONTENT + ("XPN", "XSV", "XSA", "VX")  # what `lemmas` keeps of a text
PREDICATE = ("VV", "VA", "XSV", "XSA")
LESS = ("덜", "MAG")
NEGATORS_BEFORE = {("안", "MAG"), ("못", "MAG"), LESS}  # and 덜, "less": 덜 친절해요, 덜 아파요
TAKEN_BY_A_NOUN = ("VCP", "JKS", "JKC", "JKG", "JKO", "JKB", "JX")  # its copula and particles
NEGATORS_AFTER = {("않", "VX"), ("못하", "VX"), ("말", "VX")}
CAUSES = {"덕분", "때문"}  # 덕분에, 때문에: the cause of what a clause says, outside what it negates
INTENSIFIERS = {"너무", "정말", "진짜", "완전", "매우", "엄청", "아주", "되게", "굉장히", "넘", "참", "완전히", "진심",
                "제일", "가장", "정말로", "몹시", "무척", "대단히", "겁나", "존나", "개"}


def says_any(found: list[tuple[str, str]], forms: AbstractSet[str]) -> bool:
    """Whether a morpheme of `found` has one of these forms: a rule none of whose words is in the text has
    nothing to do there (walking the morphemes, each rule took 3-13 us a text; looking for each rule's
    negation at every morpheme was a fifth of the scorer's own time; this asks in under one)."""
    return not forms.isdisjoint(map(itemgetter(0), found))


def past_causes(found: list[tuple[str, str]], start: int, i: int) -> int:
    """Where the clause from `start` to `i` starts once a cause said in it (덕분에, 때문에) is left out."""
    return max([start] + [k + 2 for k in range(start, i - 1) if found[k][0] in CAUSES and found[k + 1] == ("에", "JKB")])


def names_one_of(found: list[tuple[str, str]], j: int, nouns: set[str]) -> bool:
    """Whether the morpheme at `j` is one of these nouns (some of them Kiwi reads as names: 와이파이/NNP), or one of
    these verbs made a noun (끊김: 끊기 + ㅁ)."""
    form, tag = found[j]
    return form in nouns and (tag in ("NNG", "NNP") or (tag.startswith("VV") and found[j + 1:j + 2] == [("ᆷ", "ETN")]))


def rest_of_clause(found: list[tuple[str, str]], i: int) -> list[tuple[str, str]]:
    """The morphemes after `i` to the end of its clause."""
    end = next((j for j in range(i + 1, len(found)) if clause_ends(found, j)), len(found) - 1)
    return found[i + 1:end + 1]


def negators_of(found: list[tuple[str, str]], i: int) -> list[int]:
    """Where the predicate at `i` is negated right before it (안 와요, 못 받았어요) or right after it (오지 않아요,
    and with a particle between: 듣지도 못했어요, 오지는 않았어요): the negation's positions, for a rule that takes
    the negation with the word it makes; none if it is not."""
    if i and found[i - 1] in NEGATORS_BEFORE:
        return [i - 1]
    if found[i + 1:i + 2] == [("지", "EC")]:
        after = i + 3 if found[i + 2:i + 3] and found[i + 2][1] in ("JX", "JKS") else i + 2
        if found[after:after + 1] and found[after] in NEGATORS_AFTER:
            return list(range(i + 1, after + 1))
    return []


def negates(said: list[tuple[str, str]]) -> bool:
    """Whether these morphemes (the rest of a clause) hold a negation: 안, 못, -지 않다/못하다/말다."""
    return any(m in NEGATORS_BEFORE or m in NEGATORS_AFTER for m in said)


def sentence_start(found: list[tuple[str, str]], i: int) -> int:
    return next((j + 1 for j in range(i - 1, -1, -1) if found[j][1] in ("SF", "EF")), 0)


def describes_a_noun(found: list[tuple[str, str]], k: int) -> bool:
    """Whether the ending from `k` on (past and honour marks passed over) makes what comes before it describe
    a noun (-는, -ㄴ, -ㄹ: 안 되는 문제), rather than ending a clause or a sentence."""
    return next((tag for _, tag in found[k:] if tag != "EP"), "EF") == "ETM"


def sentence_spans(found: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Each sentence's (start, end): closed by its ending (EF) or by the mark after it; the morphemes after the last
    close, if any, are not one."""
    spans, start = [], 0
    for i, (form, tag) in enumerate(found):
        if tag == "EF":
            following = next((t for t in found[i + 1:] if not t[1].startswith("J")), None)
            if following is not None and following[1] == "SF":
                continue  # the full stop after the ending closes the sentence
        elif tag != "SF":
            continue
        spans.append((start, i + 1))
        start = i + 1
    return spans


def questions(found: list[tuple[str, str]]) -> set[int]:
    """The morphemes of sentences that ask (a ? or an asking ending: 있을까요, 되나요, 맞습니까), but not
    of those that ask why."""
    asked: set[int] = set()
    for start, end in sentence_spans(found):
        sentence = found[start:end]
        ending = next((f for f, t in reversed(sentence) if t == "EF"), "")
        asks = found[end - 1][0] == "?" or ending.endswith(QUESTION_ENDINGS) or ending.endswith("습니까")
        if asks and ("왜", "MAG") not in sentence:
            asked.update(range(start, end))
    return asked


def explained_from(found: list[tuple[str, str]]) -> int:
    """Where a closing sentence that explains (-거든요: 다행이네요 혹시 몰라서 걱정했거든요) starts, after a sentence
    that says the stance; the end of the text if there is none such (most texts have no -거든: not split at all)."""
    if not says_any(found, EXPLAINING):
        return len(found)
    spans = sentence_spans(found)
    if len(spans) < 2:
        return len(found)
    start, end = spans[-1]
    ending = next((form for form, tag in reversed(found[start:end]) if tag == "EF"), "")
    return start if ending in EXPLAINING else len(found)


def final_clause(found: list[tuple[str, str]]) -> int:
    """Where the last clause starts: after the last connective ending (-고, -어서, -는데 ...) that has
    content after it."""
    ends = [i for i in range(len(found) - 1) if found[i][1] in ("EC", "SF") and clause_ends(found, i)]
    return ends[-1] + 1 if ends else 0


def clause_ends(found: list[tuple[str, str]], i: int) -> bool:
    """Whether a clause ends with this morpheme: an ending or a full stop, but not the connective of a
    verb and its auxiliary (좋지 않다, 쓰고 있다, 해 주다), which are one predicate, nor -어 before 가다 or 오다,
    which Kiwi reads as verbs of their own (수거해 가셨어요, 챙겨 왔어요). A survey's terse -음 ends one too where
    neither a particle nor a noun follows it (배송 느림 다신 안 삼: 느림 is said, not negated by the 안 after it;
    끊김 현상이 있지 않아요 is one clause)."""
    if found[i][1] == "ETM" and found[i + 1:i + 2] == [WORTH]:
        return False  # 추천할 만한 점: -ㄹ 만하다 is one predicate
    if found[i][1] not in CLAUSE_ENDS:
        return found[i][1] == "ETN" and found[i][0] in TERSE and i + 1 < len(found) \
            and not found[i + 1][1].startswith(("J", "VCP", "XS", "E", "N"))
    following = next((tag for _, tag in found[i + 1:i + 3] if not tag.startswith("J")), None)
    carried = found[i][0] in CARRIED and i + 1 < len(found) and found[i + 1] in GOING
    return not (found[i][1] == "EC" and (following == "VX" or carried))


def clause_start(found: list[tuple[str, str]], i: int) -> int:
    for j in range(i - 1, -1, -1):
        if clause_ends(found, j):
            return j + 1
    return 0


def described_clause_start(found: list[tuple[str, str]], i: int) -> int:
    """Where the clause of `i` starts, taking in the clause that describes its noun (이만한 게 없어요, 유통기한 안
    남은 걸 보내 주셨어요: the clause before the -ㄴ that describes 것)."""
    start = clause_start(found, i)
    return clause_start(found, start - 1) if start and found[start - 1][1] == "ETM" else start


def verb_at(found: list[tuple[str, str]], i: int) -> int | None:
    """Where the predicate that this morpheme is the stem of ends: itself, or the 하/되 after its noun (해결하지
    못했어요); None for a word that is not a predicate's stem (a noun before the verb, an adverb)."""
    if found[i][1] in PREDICATE:
        return i
    if found[i + 1:i + 2] and found[i + 1][1] in ("XSV", "XSA"):
        return i + 1
    return None


def intensified(found: list[tuple[str, str]], i: int) -> bool:
    return any(form in INTENSIFIERS and tag.startswith(("MAG", "NNG", "XPN")) for form, tag in found[max(0, i - 2):i])
