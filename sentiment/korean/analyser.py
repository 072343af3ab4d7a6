"""Kiwi, the morphological analyser (kiwipiepy, its model in the `kiwipiepy_model` wheel, offline): one per
process, the morphemes as the rules want them (`morphemes` mends what Kiwi misreads), the lemmas themes match
on, and the readings of a theme phrase."""

from __future__ import annotations

import re
import threading

from .grammar import LEMMA_TAGS, NEGATORS_BEFORE, TAKEN_BY_A_NOUN
from .words import OWN_WORDS, PRICES

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
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
    rules that read a price's move; so are OWN_WORDS (이염)."""
    global _kiwi
    with _kiwi_lock:
        if _kiwi is None:
            from kiwipiepy import Kiwi
            built = Kiwi(num_workers=1, model_type="cong", load_multi_dict=False, load_typo_dict=False,
                         load_default_dict=False)
            built.global_config.cutoff_threshold = CUTOFF
            for word in sorted({word for word in PRICES if len(word) > 2} | OWN_WORDS):
                built.add_user_word(word, "NNG")  # 가스비, 수도료, 난방비: one charge, not 가스 + 비, 나 + ㄴ + 방비
            built.tokenize("")
            _kiwi = built
        return _kiwi


def is_korean(text: str) -> bool:
    """Whether the text has Hangul; ASCII text (most of an English sheet) is told without the search."""
    return not text.isascii() and HANGUL.search(text) is not None


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
    before it; and 못 하 said as an adjective (못한 건 없어요, 전보다 못 해요), 못하다, "inferior". 않 before a predicate
    with no -지 before it is 안 misspelt, as customers often write it (연결이 않돼요,
    서비스가 않좋아요). And 그런 데 before a noun (맛은 그냥 그런 데 자리가 편해요) is 그런데, "but", as Kiwi reads it
    in most sentences; and -ㄴ데 before 하나 (깨진 데 하나 없었어요) is the place, 데, as in 깨진 곳 하나 없었어요."""
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
        elif found[i - 1] == ("못", "MAG") and (found[i] == ("하", "XSA") or found[i] == ("하", "VV") and i > 1
                                                 and found[i - 2] == ("보다", "JKB")):
            found[i - 1:i + 1] = [("못하", "VA")]  # 다른 데보다 못한 건 없어요: inferior, not "could not do"
        elif found[i] == ("데", "NNB") and found[i - 1][1] == "ETM" and found[i - 1][0] in ("은", "는", "ᆫ") \
                and not (found[i + 1:i + 2] and found[i + 1][1] in TAKEN_BY_A_NOUN):
            found[i - 1:i + 1] = [(found[i - 1][0] + "데", "EC")]
        elif found[i - 1:i + 1] == [("그런", "MM"), ("데", "NNB")] and found[i + 1:i + 2] \
                and found[i + 1][1].startswith("NN"):
            found[i - 1:i + 1] = [("그런데", "MAJ")]
        elif found[i][1] == "EC" and found[i][0] in ("ᆫ데", "은데", "는데") and found[i + 1:i + 2] == [("하나", "NR")]:
            found[i:i + 1] = [(found[i][0][:-1], "ETM"), ("데", "NNB")]  # 깨진 데 하나 없었어요: not a spot broken
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
