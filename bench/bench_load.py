"""Loading a large survey sheet, stage by stage, against a bare `pandas.read_csv` of the same file
and a bare one-core VADER loop over its comments.

Generates ROWS survey responses (default 1,000,000) as a CSV, each comment made a text of its own by
a reference number (the load scores a repeated text once, and five texts repeated would flatter
it), then times, in one run: the bare `pandas.read_csv(dtype=str)` (the baseline: parsing only), a
bare `polarity_scores` loop on one core over the comments (the second baseline: scoring only), our read (encoding, delimiter, header
row, ragged-row report, all cells as text), prepare (layout, mapping, typed values, every cell
checked, ids, row hashes), the review the Data page shows before the analyst confirms (every error,
and how many rows would be new, against the store: empty, then again once the sheet is in), and
land (one DuckDB transaction into a new store); then the whole load as the command line does it,
`load_sheet` into another new store, which starts scoring the comments as soon as the sheet is read,
while prepare checks the rows.

Run: .venv/bin/python bench/bench_load.py [ROWS]
"""

import csv
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from empathy.access.roles import SYSTEM  # noqa: E402
from empathy.loading.sheet import expected_counts, land, load_sheet, plan, prepare  # noqa: E402
from empathy.runtime import set_aside_imports  # noqa: E402
from empathy.sheets.sources import read_path  # noqa: E402
from empathy.store import Store  # noqa: E402

RANGES = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}
COMMENTS = ["", "", "Great product", "Billing is a mess, invoice wrong again", "Support was slow this week"]


def write_sheet(path: Path, rows: int) -> None:
    rng = random.Random(3)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Response ID", "Account ID", "Role", "Submitted At", "Metric", "Score", "Comment",
                         "Duration (seconds)", "Channel"])
        for i in range(rows):
            metric = rng.choice(list(RANGES))
            writer.writerow([f"R{i:07d}", f"A{rng.randint(1, 5000):05d}", rng.choice(["end user", "administrator"]),
                             f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d} {rng.randint(7, 19):02d}:"
                             f"{rng.randint(0, 59):02d}:00", metric, rng.randint(*RANGES[metric]),
                             comment + f", ref {i}" if (comment := rng.choice(COMMENTS)) else "",
                             rng.randint(3, 300), "email"])


def timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def main() -> None:
    set_aside_imports()  # as the command line and the app server do once they have imported what they run on
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        sheet_path = Path(folder) / "surveys.csv"
        write_sheet(sheet_path, rows)
        _, bare = timed(lambda: pd.read_csv(sheet_path, dtype=str, keep_default_na=False))
        comments = [text for text in pd.read_csv(sheet_path, dtype=str, keep_default_na=False)["Comment"] if text]
        analyzer = SentimentIntensityAnalyzer()
        _, vader = timed(lambda: [analyzer.polarity_scores(text) for text in comments])
        sheet, read = timed(lambda: read_path(sheet_path))
        prepared, checked = timed(lambda: prepare(sheet))
        store = Store.open(Path(folder) / "bench.duckdb")
        review = lambda: expected_counts(store, plan(store, prepared))  # noqa: E731
        before, reviewed = timed(review)
        report, landed = timed(lambda: land(store, prepared, user=SYSTEM))
        again, reviewed_again = timed(review)
        store.close()
        whole = Store.open(Path(folder) / "whole.duckdb")
        loaded, at_once = timed(lambda: load_sheet(whole, user=SYSTEM, path=sheet_path))
        whole.close()
    assert report.rows_new == rows == before["new"] == again["duplicate"] == loaded.rows_new, report.summary()
    total = read + checked + landed
    print(f"{rows:,} survey rows")
    print("\n| stage | seconds | ratio to bare read_csv |")
    print("|---|---|---|")
    print(f"| bare pandas.read_csv, dtype=str (baseline) | {bare:.2f} | 1.0x |")
    print(f"| bare polarity_scores loop over the {len(comments):,} comments, 1 core (second baseline) | {vader:.2f} | "
          f"{vader / bare:.1f}x |")
    for name, seconds in [("read (sources.read_path)", read), ("prepare (detect, map, validate)", checked),
                          ("land (DuckDB transaction)", landed), ("whole load, stage after stage", total),
                          ("whole load as the command line does it (load_sheet: the comments scored from the read on)",
                           at_once),
                          ("review before confirming, empty store", reviewed),
                          ("review of the same sheet once loaded (all already loaded)", reviewed_again)]:
        print(f"| {name} | {seconds:.2f} | {seconds / bare:.1f}x |")
    print(f"\nThe whole load against the bare VADER loop over its comments: {total / vader:.2f}x stage after stage, "
          f"{at_once / vader:.2f}x as load_sheet")


if __name__ == "__main__":
    main()
