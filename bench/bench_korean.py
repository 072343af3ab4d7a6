"""Korean sentiment, measured on reviews the scorer never saw while it was built (the held-out rows of
`bench/build_korean_lexicon.py`: ids ending in 0 or 5, and all of sentineg_dev), beside two baselines in
the same run. The lexicon shipped learned on every row, these too; so the bench first learns a sibling
the same way on the build rows alone (about a minute) and scores with that:

- **plain lexicon**: the same learned weights summed over the morphemes, no negation, intensity or
  contrast rules (what a word list alone does);
- **VADER**: as the board scored Korean before, through CLD2 (Korean is another language: unscored);

and the scorer without its character convolution (`score_many`'s `syllable_weight` 0: the lexicon and the rules
alone). The convolution shipped learned on every row too, so the bench learns its sibling on the build rows
first as well (`build_korean_syllables.py`, with PyTorch: `make korean-model` installs it; two minutes more).

For each: accuracy (the sign of the score against the label; unscored or exactly 0 counts as wrong) and
coverage (the share scored), on the movie reviews, the product reviews as written, and their negated
rewrites: each product review's last predicate negated (-지 않다 added, or an 안/못/-지 않다 it had taken
away) by Kiwi's own joining of morphemes, and its label flipped. Then the speed: sentences per second of
CPU time (every thread of the process counted), the Korean scorer on the movie reviews beside VADER on English (its 4,200 rated tweets'
length is close: bench_language.py) and Kiwi's tokenising alone, each the median of rounds taken in turn. Tokenisers compared: kiwipiepy
(chosen) and python-mecab-ko, the same rules and a lexicon rebuilt on each, when mecab-ko is installed.

Run: .venv/bin/python bench/bench_korean.py
"""

import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_korean_lexicon import learn, negated, split, write  # noqa: E402
from build_korean_syllables import learn_reviews  # noqa: E402

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from sentiment import korean  # noqa: E402
from sentiment.scoring import score_chunk  # noqa: E402

ENGLISH = ["The support team was quick and kind, thank you so much!", "I have waited three days and nobody answered.",
           "The invoice is wrong again and I am really annoyed.", "Setup was easy, the docs are clear.",
           "Reports are painfully slow at month end, the page just spins."]
ROUNDS = 7


def accuracy(scores: list[float | None], labels: list[int]) -> tuple[float, float]:
    right = sum(1 for s, y in zip(scores, labels) if s is not None and s != 0 and (s > 0) == (y == 1))
    scored = sum(1 for s in scores if s is not None)
    return right / len(labels), scored / len(labels)


def plain_lexicon(texts: list[str], lexicon_file: Path) -> list[float]:
    """The learned weights summed over the morphemes as they stand: no rules."""
    weights, bias = korean.lexicon(lexicon_file)
    found = korean.kiwi().tokenize(texts)
    results = []
    for tokens in found:
        z = sum(weights.get(f"{form}/{tag}", 0.0) for form, tag in korean.morphemes(tokens))
        results.append(z + bias if z else 0.0)
    return results


def main() -> None:
    parts = split()
    with tempfile.TemporaryDirectory() as folder:
        lexicon_file, syllables_file = Path(folder) / "korean_lexicon.tsv", Path(folder) / "korean_syllables.npz"
        write(learn(parts["build_movies"], parts["build_products"]), lexicon_file)
        learn_reviews(parts["build_movies"], parts["build_products"], syllables_file)
        held_out(parts, lexicon_file, syllables_file)
        speed(lexicon_file, syllables_file)
    tokenisers(parts)


def held_out(parts, lexicon_file: Path, syllables_file: Path) -> None:
    sets = {"movie reviews": parts["held_movies"], "product reviews": parts["held_products"]}
    rewrites = [(negated(text), 1 - label) for text, label in parts["held_products"]]
    sets["negated rewrites"] = [(text, label) for text, label in rewrites if text]
    print(f"held out: {len(sets['movie reviews'])} movie reviews, {len(sets['product reviews'])} product reviews, "
          f"{len(sets['negated rewrites'])} negated rewrites ({len(rewrites) - len(sets['negated rewrites'])} "
          "reviews not of one sentence and one clause that negating turns round: build_korean_lexicon.negated)")
    print(f"{'':<18}{'Korean scorer':>22}{'no convolution':>22}{'plain lexicon':>22}{'VADER (before)':>22}")
    for name, rows in sets.items():
        texts, labels = [t for t, _ in rows], [y for _, y in rows]
        ours = [s.compound for s in korean.score_many(texts, lexicon_file, syllables_file)]
        alone = without_convolution(texts, lexicon_file)
        plain = plain_lexicon(texts, lexicon_file)
        vader = [s.compound if s.scored else None for s in score_chunk_without_korean(texts)]
        cells = [accuracy(found, labels) for found in (ours, alone, plain, vader)]
        print(f"{name:<18}" + "".join(f"{a:>12.4f} ({c:>5.1%})" for a, c in cells))


def without_convolution(texts: list[str], lexicon_file: Path) -> list[float]:
    """The scorer as it read before the character convolution joined it: the lexicon and the rules alone."""
    return [s.compound for s in korean.score_many(texts, lexicon_file, syllable_weight=0.0)]


def tokenisers(parts) -> None:
    """Kiwi against python-mecab-ko: the same plain log-odds lexicon learned on the build rows with
    each, its accuracy on the held-out product reviews, whether inflected forms meet in one lemma,
    and the speed. (mecab-ko is not a dependency: `pip install python-mecab-ko` to run this part.)"""
    try:
        import mecab
    except ImportError:
        print("python-mecab-ko is not installed: tokenisers not compared")
        return
    tagger = mecab.MeCab()
    cutters = {"kiwi": korean.tokens,
               "mecab-ko": lambda text: [(form, tag.split("+")[0]) for form, tag in tagger.pos(text)]}
    forms = ["느려요", "느립니다", "느리고", "느려서"]
    build = parts["build_movies"] + parts["build_products"]
    for name, cut in cutters.items():
        counts: dict[str, list[int]] = {}
        for text, label in build:
            for key in {f"{form}/{tag}" for form, tag in cut(text)}:
                counts.setdefault(key, [1, 1])[label] += 1
        positive = sum(1 for _, y in build if y) + 1
        negative = len(build) - positive + 2
        weights = {key: math.log(p / positive) - math.log(n / negative) for key, (n, p) in counts.items() if n + p > 4}
        right = sum(1 for text, label in parts["held_products"]
                    if ((z := sum(weights.get(f"{f}/{t}", 0.0) for f, t in cut(text))) > 0) == (label == 1) and z)
        lemmas = {" ".join(f"{f}/{t}" for f, t in cut(word) if t.startswith("VA")) for word in forms}
        texts = [t for t, _ in parts["held_movies"]][:3000]
        rate = len(texts) / cpu_seconds(lambda: [cut(text) for text in texts])
        print(f"{name:<9} plain log-odds lexicon on held-out products {right / len(parts['held_products']):.3f}; "
              f"{len(lemmas)} lemma(s) for {', '.join(forms)}: {' | '.join(sorted(lemmas))}; {rate:,.0f} sentences/s")


def score_chunk_without_korean(texts):
    """The board before Korean scoring: CLD2 names the language and the text is left unscored."""
    return [s if not korean.is_korean(t) else s._replace(scored=False) for t, s in zip(texts, score_chunk(texts))]


def speed(lexicon_file: Path, syllables_file: Path) -> None:
    """Sentences per second of the process's CPU time, every thread counted: Kiwi analyses a list in a
    thread of its own beside Python, so the clock on the wall would flatter one core. This machine's speed
    moves by tens of percent from minute to minute (VADER alone read 13,000-27,000 a second in one afternoon's
    runs), so each reader is timed ROUNDS times, the readers in turn, and each reports its median round; the
    ratio to VADER is the median of the rounds' own ratios."""
    texts = [t for t, _ in split()["held_movies"]][:2000]
    english = ENGLISH * 400
    library = SentimentIntensityAnalyzer()  # the library's VADER, as the goal reads; ours takes a third of its time
    korean.score_many(texts[:50], lexicon_file, syllables_file)
    readers = {"Korean scorer": (texts, lambda: korean.score_many(texts, lexicon_file, syllables_file)),
               "Kiwi's tokenising alone": (texts, lambda: list(korean.kiwi().tokenize(texts))),
               "the character convolution alone": (texts, lambda: korean.syllable_logits(texts, syllables_file)),
               "VADER on English": (english, lambda: [library.polarity_scores(text) for text in english])}
    rates: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(ROUNDS):
        for name, (read, work) in readers.items():
            rates[name].append(len(read) / cpu_seconds(work))
    print(f"speed, sentences per second of CPU, the median of {ROUNDS} rounds (slowest-fastest):")
    for name, found in rates.items():
        print(f"  {name:<34}{statistics.median(found):>9,.0f} ({min(found):,.0f}-{max(found):,.0f})")
    ratios = [ours / vader for ours, vader in zip(rates["Korean scorer"], rates["VADER on English"])]
    print(f"  Korean scorer / VADER, median of the rounds' ratios: {statistics.median(ratios):.3f} "
          f"({min(ratios):.3f}-{max(ratios):.3f})")


def cpu_seconds(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


if __name__ == "__main__":
    main()
