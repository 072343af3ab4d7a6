"""Scoring speed against a bare VADER loop, on generated customer turns, measured in one run.

Baseline: `polarity_scores` in a plain loop on one core over the same texts. Ours: `score_texts`
with one worker (the per-core rate: language check, long-turn blocks, result objects) and with all
cores (separate worker processes, the analyzer built once in each, start-up included). For scale,
the machine's own ceiling: the same bare loop split over one process per core.

Each figure is the median of five interleaved rounds. Run: .venv/bin/python bench/bench_sentiment.py [TURNS]
(default 200,000)
"""

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from empathy.loading.demo_generator import fill  # noqa: E402
from empathy.loading.demo_texts import (  # noqa: E402
    CUSTOMER_BAD_ENDINGS,
    CUSTOMER_DETAILS,
    CUSTOMER_GOOD_ENDINGS,
    KOREAN_COMMENTS,
    NEGATIVE,
    POSITIVE,
)
from sentiment.scoring import score_texts  # noqa: E402


def customer_turns(count: int) -> list[str]:
    """Every turn distinct (a reference number of its own): `score_texts` scores a repeated text
    once, which would flatter it beside a loop over templated turns."""
    rng = random.Random(11)
    pools = [line for pool in NEGATIVE.values() for line in pool] + POSITIVE + CUSTOMER_DETAILS \
        + CUSTOMER_GOOD_ENDINGS + CUSTOMER_BAD_ENDINGS
    turns = []
    for _ in range(count):
        if rng.random() < 0.02:
            turn = fill(rng.choice([line for pool in KOREAN_COMMENTS.negative.values() for line in pool]), rng)
        else:
            turn = " ".join(fill(rng.choice(pools), rng) for _ in range(rng.choice([1, 1, 2, 3])))
        turns.append(f"{turn} (ref {len(turns) + 1})")
    return turns


def median_times(runs: dict, rounds: int = 5) -> dict:
    """Median of a few rounds, the runs interleaved in each round: this machine's vCPUs vary by tens
    of percent over a minute, so each figure is measured beside its baseline, not after it."""
    seen = {name: [] for name in runs}
    for _ in range(rounds):
        for name, work in runs.items():
            start = time.perf_counter()
            work()
            seen[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in seen.items()}


BARE_LOOP = ("import sys, json\n"
             "from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer\n"
             "vader = SentimentIntensityAnalyzer()\n"
             "for text in json.loads(sys.stdin.read()):\n"
             "    vader.polarity_scores(text)\n")


def bare_loops_on_every_core(texts: list[str], cores: int) -> None:
    size = -(-len(texts) // cores)
    processes = [subprocess.Popen([sys.executable, "-c", BARE_LOOP], stdin=subprocess.PIPE, text=True)
                 for _ in range(cores)]
    for i, process in enumerate(processes):
        process.stdin.write(json.dumps(texts[i * size:(i + 1) * size]))
        process.stdin.close()
    for process in processes:
        process.wait()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    cores = os.cpu_count() or 1
    texts = customer_turns(count)
    vader = SentimentIntensityAnalyzer()
    times = median_times({"raw": lambda: [vader.polarity_scores(t) for t in texts],
                        "one": lambda: score_texts(texts, workers=1),
                        "every": lambda: score_texts(texts, workers=cores),
                        "ceiling": lambda: bare_loops_on_every_core(texts, cores)})
    raw, one, every, ceiling = times["raw"], times["one"], times["every"], times["ceiling"]
    rate = lambda seconds: count / seconds  # noqa: E731
    print(f"{count:,} customer turns, {cores} cores\n")
    print("| run | seconds | turns/s | ratio to raw loop |")
    print("|---|---|---|---|")
    print(f"| raw polarity_scores loop, 1 core (baseline) | {raw:.2f} | {rate(raw):,.0f} | 1.00x |")
    print(f"| score_texts, 1 worker | {one:.2f} | {rate(one):,.0f} | {raw / one:.2f}x |")
    print(f"| score_texts, {cores} workers | {every:.2f} | {rate(every):,.0f} | {raw / every:.2f}x "
          f"({raw / every / cores:.2f}x per core) |")
    print(f"| bare loop split over {cores} processes (machine ceiling) | {ceiling:.2f} | {rate(ceiling):,.0f} | "
          f"{raw / ceiling:.2f}x |")


if __name__ == "__main__":
    main()
