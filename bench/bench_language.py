"""VADER's own 4,200 rated tweets (Hutto & Gilbert 2014; in the vaderSentiment sdist on PyPI, fetched
here with `pip download`) scored as the load scores a turn: how many are left unscored as another
language, which, and the Pearson r of the compound (unscored counted as 0) with the people's mean
rating, beside plain VADER on every tweet in the same run.

Run: .venv/bin/python bench/bench_language.py
"""

import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scipy import stats  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from sentiment.scoring import score_text  # noqa: E402


RATED_SETS = ("tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets")


def rated_sets() -> dict[str, list[tuple[float, str]]]:
    """VADER's four sets of texts rated by people (Hutto & Gilbert 2014), each text with its mean rating."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "vaderSentiment==3.3.2", "--no-binary", ":all:",
                        "--no-deps", "-q", "-d", folder], check=True, capture_output=True)
        with tarfile.open(next(Path(folder).glob("vaderSentiment-*.tar.gz"))) as sdist:
            inner = sdist.extractfile("vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz")
            with tarfile.open(fileobj=inner) as resources:
                texts = {name: resources.extractfile(f"hutto_ICWSM_2014/{name}_GroundTruth.txt").read()
                         for name in RATED_SETS}
    rows = {name: [line.split("\t") for line in text.decode("utf-8", errors="replace").splitlines()]
            for name, text in texts.items()}
    return {name: [(float(row[1]), row[2]) for row in found if len(row) >= 3] for name, found in rows.items()}


def tweets() -> list[tuple[float, str]]:
    return rated_sets()["tweets"]


def main() -> None:
    rated = tweets()
    truth = [rating for rating, _ in rated]
    vader = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    plain = [vader.polarity_scores(text)["compound"] for _, text in rated]
    plain_took = time.perf_counter() - start
    start = time.perf_counter()
    scores = [score_text(text) for _, text in rated]
    took = time.perf_counter() - start
    unscored = [(score.language, text) for score, (_, text) in zip(scores, rated) if not score.scored]
    ours = [score.compound if score.scored else 0.0 for score in scores]
    print(f"{len(rated):,} tweets; plain VADER r = {stats.pearsonr(plain, truth).statistic:.4f} "
          f"({plain_took:.2f} s); as loaded r = {stats.pearsonr(ours, truth).statistic:.4f} "
          f"({took:.2f} s, {took / plain_took:.2f}x), {len(unscored)} unscored (counted as 0):")
    for language, text in unscored:
        print(f"  {language or 'no letters'}: {text[:90]}")


if __name__ == "__main__":
    main()
