"""Where does a whole-text VADER compound saturate? Measures it on monologues of k customer sentences.

A monologue here is k sentences of one mood drawn from the demo's customer lines (angry ones from
the complaint pools, happy ones from the praise pool). For each k it prints the mean |compound| of
the whole text, the share of monologues whose whole-text compound is past +-0.95 (saturated: a
ten-sentence rant and a two-sentence gripe then read the same), and the mean |compound| of blocks
of three sentences averaged by length, the scoring used above the cut-off.

Run: .venv/bin/python bench/saturation.py
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from empathy.loading.demo_generator import fill  # noqa: E402
from empathy.loading.demo_texts import NEGATIVE, POSITIVE  # noqa: E402
from sentiment.scoring import BLOCK_SENTENCES, sentences  # noqa: E402

TRIALS = 400


def blocks_compound(vader, parts):
    blocks = [" ".join(parts[i:i + BLOCK_SENTENCES]) for i in range(0, len(parts), BLOCK_SENTENCES)]
    return sum(len(b) * vader.polarity_scores(b)["compound"] for b in blocks) / sum(len(b) for b in blocks)


def main():
    vader = SentimentIntensityAnalyzer()
    rng = random.Random(7)
    angry = [part for pool in NEGATIVE.values() for line in pool for part in sentences(line)]
    happy = [part for line in POSITIVE for part in sentences(line)]
    print("| sentences | mean abs whole compound | saturated (abs > 0.95) | mean abs 3-sentence blocks |")
    print("|---|---|---|---|")
    for k in range(1, 13):
        whole, saturated, blocked = [], 0, []
        for trial in range(TRIALS):
            pool = angry if trial % 2 else happy
            parts = [fill(rng.choice(pool), rng) for _ in range(k)]
            compound = vader.polarity_scores(" ".join(parts))["compound"]
            whole.append(abs(compound))
            saturated += abs(compound) > 0.95
            blocked.append(abs(blocks_compound(vader, parts)))
        print(f"| {k} | {sum(whole) / TRIALS:.3f} | {saturated / TRIALS:.0%} | {sum(blocked) / TRIALS:.3f} |")


if __name__ == "__main__":
    main()
