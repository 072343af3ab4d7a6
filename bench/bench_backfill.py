"""What a backfill of many millions of turns would take: our scoring against Dask's, measured on this
machine, and the estimate that follows for a cluster.

Baseline: `polarity_scores` in a plain loop on one core (as in bench_sentiment.py, whose generated
customer turns this reuses). Then, over the same turns, in the same run:
- `score_texts` on every core (our worker processes, one per core);
- Dask's distributed scheduler on a local cluster of one single-threaded worker process per core
  (`dask.bag` partitions, each scored by `score_chunk`): started once, as a cluster would be, and
  timed without its start; the start is timed apart;
- the bare loop split over one process per core (the machine's ceiling).
From these: each engine's turns a second per core, and Dask's cost against the bare loop per core,
which is what a cluster of many machines would pay per core; the estimate for 100,000,000 turns is
that rate times the cores, assuming the cores of a cluster scale as this machine's own two do
(stated beside the figure: it is the one thing not measured here).

Dask is not a dependency of the app: `.venv/bin/pip install "dask[distributed]"` to run this.
Run: .venv/bin/python bench/bench_backfill.py [TURNS] (default 200,000)
"""

import os
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_sentiment import bare_loops_on_every_core, customer_turns, median_times  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from sentiment.scoring import score_chunk, score_texts  # noqa: E402

BACKFILL = 100_000_000
PARTITIONS_PER_CORE = 8


def main() -> None:
    import dask.bag
    from dask.distributed import Client, LocalCluster

    # the turns travel with the task graph, as a backfill's would from wherever they are read
    warnings.filterwarnings("ignore", message="Sending large graph")

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    cores = os.cpu_count() or 1
    texts = customer_turns(count)
    vader = SentimentIntensityAnalyzer()
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    start = time.perf_counter()
    cluster = LocalCluster(n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    client.run(score_chunk, ["warm up"])  # each worker imports the scorer once
    started = time.perf_counter() - start
    partitions = cores * PARTITIONS_PER_CORE
    try:
        times = median_times({
            "bare": lambda: [vader.polarity_scores(text) for text in texts],
            "ours": lambda: score_texts(texts),
            "dask": lambda: dask.bag.from_sequence(texts, npartitions=partitions).map_partitions(
                lambda part: score_chunk(list(part))).compute(),
            "ceiling": lambda: bare_loops_on_every_core(texts, cores),
        }, rounds=3)
    finally:
        client.close()
        cluster.close()
    bare = times["bare"]
    print(f"\n{count:,} customer turns, {cores} cores; medians of 3 interleaved rounds\n")
    print("| run | seconds | turns/s | turns/s per core | ratio to the bare loop's rate per core |")
    print("|---|---|---|---|---|")
    for name, label, used in (("bare", "bare polarity_scores loop, 1 core (baseline)", 1),
                              ("ours", f"score_texts, {cores} worker processes", cores),
                              ("dask", f"Dask distributed, {cores} single-threaded workers, "
                                       f"{partitions} partitions", cores),
                              ("ceiling", f"bare loop split over {cores} processes (machine ceiling)", cores)):
        rate = count / times[name]
        print(f"| {label} | {times[name]:.2f} | {rate:,.0f} | {rate / used:,.0f} | "
              f"{(rate / used) / (count / bare):.2f}x |")
    print(f"\nDask's local cluster started in {started:.1f} s (once per backfill); Dask took "
          f"{times['dask'] / times['ours']:.2f}x our workers' time on the same turns.")
    dask_per_core = count / times["dask"] / cores
    for machines, per_machine in ((1, cores), (10, 16), (50, 16)):
        minutes = BACKFILL / (dask_per_core * machines * per_machine) / 60
        print(f"- {BACKFILL:,} turns on {machines} machine(s) x {per_machine} cores at Dask's measured "
              f"{dask_per_core:,.0f} turns/s per core: {minutes:,.0f} min (if every core scores as this "
              "machine's two do side by side)")


if __name__ == "__main__":
    main()
