"""Which part of a sentence says its stance: the clause after a contrast (-지만, 그런데, a worry overturned)
weighs more than the one before, and a stance said only of a time gone by (처음에만 친절했어요) is turned round."""

from __future__ import annotations

from .grammar import CONTENT, clause_ends, clause_start, rest_of_clause, sentence_start

# Times a stance can be said of alone (`only_then`): 처음에만, 초반에만, 계약 전까지만, 그때만.
ONLY_THEN = {(noun, "NNG") for noun in ("처음", "초반", "초기", "전", "그때", "한때", "예전", "옛날", "첫날")}
MORE_SO = {("더", "MAG"), ("훨씬", "MAG")}  # 예전이 훨씬 좋았어요: more so then, not now
# -더니 too: what was done or was so, then what came of it (교환 신청했더니 바로 보내 주셨어요, 처음엔 재밌더니 갈수록 지루)
CONTRAST_ENDINGS = {"지만", "는데도", "ㄴ데도", "은데도", "더니"}
WORRIES = {"걱정", "우려", "반신반의", "긴가민가", "고민"}
HESITATIONS = {"망설이", "고민", "머뭇거리", "주저"}  # 망설이다 샀는데: `_hesitated_then`
EXPECTED = [("줄", "NNB"), ("알", "VV"), ("었", "EP")]  # -ㄹ 줄 알았는데
LITTLE = {("안", "MAG"), ("않", "VX"), ("없이", "MAG"), ("없", "VA"), ("별로", "MAG")}  # 기대 안 했는데: little expected
CONTRAST_WORDS = {"하지만", "그런데", "근데", "그러나", "그렇지만", "그래도"}
OVERTURNING = {"는데", "ᆫ데", "던"}  # the endings after which a worry or an expectation can be overturned


def only_then(found: list[tuple[str, str]]) -> set[int]:
    """The content morphemes of a clause said of one time only (계약 전까지만 친절했어요, 처음에만 불편했어요, 초반에만
    재밌다), or said to have been more so then (예전이 훨씬 좋았어요, 전에는 더 빨랐어요, 예전 화면이 훨씬 편했어요):
    so much and no longer, the stance turned round as a negation turns it. Not 예전에만 해도 ("as late as before"),
    nor a time compared with (전보다 훨씬 좋아졌어요, 예전만 못하네요: 만 "as much as")."""
    turned = set()
    for k, (form, tag) in enumerate(found):
        if (form, tag) == ("만", "JX") and found[k + 1:k + 2] not in ([("하", "VV")], [("못하", "VA")]):
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
            if clause_ends(found, i):
                break
    return turned


def _more_so_then(found: list[tuple[str, str]], k: int) -> bool:
    """Whether the clause of the 더 or 훨씬 at `k` names one of ONLY_THEN before it, not as what it is compared
    with (전보다), and says it in the past."""
    return ("었", "EP") in rest_of_clause(found, k) and any(
        found[j] in ONLY_THEN and found[j + 1:j + 2] != [("보다", "JKB")] for j in range(clause_start(found, k), k))


def last_contrast(found: list[tuple[str, str]]) -> int | None:
    marks = [i for i, (form, tag) in enumerate(found)
             if (tag == "EC" and form in CONTRAST_ENDINGS) or (tag == "MAJ" and form in CONTRAST_WORDS)
             or (form in OVERTURNING and worry_overturned(found, i))]
    return marks[-1] if marks else None


def worry_overturned(found: list[tuple[str, str]], i: int) -> bool:
    """-었는데 after a worry (걱정했는데, 우려했는데, 반신반의했는데): what follows it is what came of it, as after
    -지만 (조금 걱정했는데 포장이 완벽했어요); -었던, the worry said of what it was about (걱정했던 이전이 무사히
    끝났어요, 걱정했던 대로 고장 났어요): what became of that says it."""
    return _expected_otherwise(found, i) or _little_expected(found, i) or _hesitated_then(found, i) or (
        found[i] in (("는데", "EC"), ("ᆫ데", "EC"), ("던", "ETM")) and i >= 3 and found[i - 1] == ("었", "EP")
        and found[i - 2][1] in ("XSV", "XSA") and found[i - 3][0] in WORRIES)


def _expected_otherwise(found: list[tuple[str, str]], i: int) -> bool:
    """-ㄹ 줄 알았는데, as a worry: what was expected, then what came (대기가 길 줄 알았는데 금방 들어갔어요, 별로일 줄
    알았는데 재밌네요)."""
    return found[i] in (("는데", "EC"), ("ᆫ데", "EC")) and i >= 3 and found[i - 3:i] == EXPECTED


def _hesitated_then(found: list[tuple[str, str]], i: int) -> bool:
    """-었는데 after a thing done after hesitating (망설이다 샀는데, 고민하다가 가입했는데): what came of it, as after a
    worry (후회 없어요, 역시 별로네요)."""
    if found[i] not in (("는데", "EC"), ("ᆫ데", "EC")) or i < 4 or found[i - 1] != ("었", "EP") \
            or found[i - 3] not in (("다", "EC"), ("다가", "EC")):
        return False
    hesitating = found[i - 5] if found[i - 4] == ("하", "XSV") and i > 4 else found[i - 4]
    return hesitating[0] in HESITATIONS


def _little_expected(found: list[tuple[str, str]], i: int) -> bool:
    """-는데 after little expected (큰 기대 안 했는데, 기대하지 않고 봤는데, 기대 없이 갔는데): what came, as after
    a worry (생각보다 쓸 만하네요, 역시나 별로였어요)."""
    if found[i] not in (("는데", "EC"), ("ᆫ데", "EC")):
        return False
    said = found[sentence_start(found, i):i]
    return any(m == ("기대", "NNG") and any(n in LITTLE for n in said[j + 1:j + 5]) for j, m in enumerate(said))


def what_was_feared(found: list[tuple[str, str]], contrast: int | None) -> range:
    """What a worry that came to nothing was about (배송이 늦어서 걱정했는데 포장이 완벽했어요, 고장 날까 봐
    걱정했는데), or what was expected otherwise or little expected: the fear, not what the customer is left with, so it
    does not count."""
    if contrast is None or not worry_overturned(found, contrast):
        return range(0)
    whole = any(said(found, contrast) for said in (_expected_otherwise, _little_expected, _hesitated_then))
    return range(sentence_start(found, contrast - 3), contrast if whole else contrast - 3)
