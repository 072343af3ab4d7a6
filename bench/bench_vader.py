"""`sentiment.vader` (the library's rules over each text's lowered words once) against the library's
own `polarity_scores`: how many texts score differently (must be none) and the time a text takes,
on VADER's four rated data sets (in the vaderSentiment sdist on PyPI, fetched with `pip download`),
on the service dialogues' turns (main and other domains, ../shared/data/service-dialogues) and on
the generated survey comments of bench_load.py. Times are medians of five interleaved rounds on one core.

Run: .venv/bin/python bench/bench_vader.py
"""

import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_language import rated_sets  # noqa: E402
from bench_load import COMMENTS  # noqa: E402
from bench_sentiment import median_times  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from sentiment.vader import Vader  # noqa: E402

DIALOGUES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "service-dialogues"


def dialogue_turns() -> dict[str, list[str]]:
    with (DIALOGUES / "turn_labels_sgd.csv").open(encoding="utf-8") as handle:
        found = {"service dialogues (SGD)": [row["text"] for row in csv.DictReader(handle)]}
    for path in sorted((DIALOGUES / "other-domains").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        found[f"other domains: {path.stem}"] = [line.split("\t")[1] for line in lines if "\t" in line]
    return found


def survey_comments(count: int = 100_000) -> list[str]:
    rng = random.Random(3)
    return [f"{comment}, ref {i}" for i in range(count) if (comment := rng.choice(COMMENTS))]


def main() -> None:
    library, ours = SentimentIntensityAnalyzer(), Vader()
    sets = {name: [text for _, text in rated] for name, rated in rated_sets().items()}
    sets.update(dialogue_turns())
    sets["generated survey comments (bench_load.py)"] = survey_comments()
    print("| texts | count | scored differently | library, µs a text | ours, µs a text | ratio |")
    print("|---|---|---|---|---|---|")
    for name, texts in sets.items():
        different = sum(library.polarity_scores(text) != ours.polarity_scores(text) for text in texts)
        times = median_times({"library": lambda texts=texts: [library.polarity_scores(text) for text in texts],
                              "ours": lambda texts=texts: [ours.polarity_scores(text) for text in texts]})
        per_text = {run: seconds / len(texts) * 1e6 for run, seconds in times.items()}
        print(f"| {name} | {len(texts):,} | {different} | {per_text['library']:.1f} | {per_text['ours']:.1f} | "
              f"{per_text['ours'] / per_text['library']:.2f}x |")


if __name__ == "__main__":
    main()
