"""Loading a calls sheet with transcripts, against a bare one-core VADER loop over the same turns.

Generates CALLS calls (default 12,000) from the demo generator's transcripts (several demo years
with renumbered ids) as one CSV, then measures in one run, medians of ROUNDS interleaved rounds:
- baseline: `polarity_scores` in a plain loop on one core over the text of every turn of every
  transcript, as parsed; and, for comparison, the same loop over only the turns the load scores
  (the customer's and those of speakers no rule placed: the agent's words count in no figure);
- the whole load (`load_sheet`) into a new store, as the app server's loads after its first run it (the
  scoring processes waiting from the load before, Kiwi started in one), and the CPU it took: the loading
  process's (all its threads, DuckDB's too) and the scoring processes' (from /proc). Half their sum is
  the least time two cores could take for that work however well it overlapped; the same load as the first
  of a new process (`python -m empathy load` from a shell: the processes and Kiwi started by it,
  0.6-0.9 s); and the same sheet without its Korean calls (the demo's Korean customers' calls, about
  1.6%: the Korean scorer costs ten English turns a turn);
- the same three (both loops and the load) on the sheet with long turns: each turn saying what its
  speaker says in the next LONG_TURN_LINES lines of the call as well (one to four sentences become
  four to twelve), since a load's fixed costs per turn weigh most on short turns;
- where the time goes, stage by stage on the same sheet: read, prepare (types, checks, row hashes),
  plan (every transcript parsed), score_calls (of which `score_texts` alone, measured on the texts
  the load scores), and landing the batch.

Run: .venv/bin/python bench/bench_calls_load.py [CALLS]
"""

import itertools
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402
from bench_viewers import process_cpu  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from empathy.access.roles import SYSTEM  # noqa: E402
from empathy.loading.demo_generator import make_accounts, make_calls, pick_story_accounts  # noqa: E402
from empathy.loading.sheet import load_sheet, plan, prepare  # noqa: E402
from empathy.loading.themes import read_taxonomy, themes_expression  # noqa: E402
from empathy.loading.transcripts import score_calls  # noqa: E402
from empathy.runtime import set_aside_imports  # noqa: E402
from empathy.sheets.sources import read_path  # noqa: E402
from empathy.store import Store  # noqa: E402
from sentiment import parse_transcript, score_texts, scored_role  # noqa: E402
from sentiment.scoring import idle_workers  # noqa: E402

ROUNDS = 5
LONG_TURN_LINES = 4
TURN_LINE = re.compile(r"^(\[[^\]]*\] )?([^:\n]+): (.*)$")
LINE_END = re.compile(r"(?<=\S)$", re.MULTILINE)


def without_korean(path: Path, out: Path) -> int:
    """The sheet without the calls that have Hangul in them; how many those were."""
    frame = pd.read_csv(path)
    korean = frame["transcript"].str.contains("[가-힣]")
    frame[~korean].to_csv(out, index=False)
    return int(korean.sum())


def with_long_turns(path: Path, out: Path) -> None:
    """The sheet with each turn joined by its speaker's next LONG_TURN_LINES - 1 lines of the call (in a
    circle), so that every turn stays a text of its own, four times as long."""
    frame = pd.read_csv(path)
    frame["transcript"] = frame["transcript"].map(_long_turns)
    frame.to_csv(out, index=False)


def _long_turns(transcript: str) -> str:
    lines = [TURN_LINE.match(line).groups() for line in transcript.splitlines()]
    said: dict[str, list[str]] = {}
    for _, speaker, text in lines:
        said.setdefault(speaker, []).append(text)
    seen: dict[str, int] = {}
    joined = []
    for stamp, speaker, _ in lines:
        texts, first = said[speaker], seen.get(speaker, 0)
        seen[speaker] = first + 1
        turn = " ".join(texts[(first + i) % len(texts)] for i in range(min(LONG_TURN_LINES, len(texts))))
        joined.append(f"{stamp or ''}{speaker}: {turn}")
    return "\n".join(joined)


def write_sheet(path: Path, count: int) -> None:
    """The demo's calls, made distinct: the generator draws every line from a few hundred templates,
    so each line gets a reference number of its own (real transcripts rarely repeat a whole turn)."""
    calls, seed = [], 1
    while len(calls) < count:
        rng = random.Random(seed)
        accounts = make_accounts(rng)
        calls += make_calls(rng, accounts, pick_story_accounts(rng, accounts))
        seed += 1
    frame = pd.DataFrame(calls[:count])
    frame["call_id"] = [f"C{i:07d}" for i in range(len(frame))]
    lines = itertools.count(1)
    frame["transcript"] = [LINE_END.sub(lambda _: f" (ref {next(lines)})", text) for text in frame["transcript"]]
    frame.to_csv(path, index=False)


FIRST_LOAD = """
import sys, time
from empathy.access.roles import SYSTEM
from empathy.loading.sheet import load_sheet
from empathy.store import Store
from empathy.runtime import set_aside_imports
store = Store.open(sys.argv[2])
set_aside_imports()  # as the command line does
start = time.perf_counter()
load_sheet(store, path=sys.argv[1], user=SYSTEM)
print(time.perf_counter() - start)
"""


def first_load(path: Path, store_path: Path) -> float:
    """Seconds of `load_sheet` as the first load of a new process, timed in that process."""
    done = subprocess.run([sys.executable, "-c", FIRST_LOAD, str(path), str(store_path)], check=True,
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    return float(done.stdout.split()[-1])


def timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def with_cpu(work):
    """`work`'s result, its seconds, and the CPU seconds of this process and of the scoring processes
    (those idle after it, the ones it used: a process started during it counts from its start)."""
    workers = {pid: process_cpu(pid) for pid in idle_workers()}
    own = time.process_time()
    result, seconds = timed(work)
    own = time.process_time() - own
    scoring = sum(process_cpu(pid) - workers.get(pid, 0.0) for pid in idle_workers())
    return result, seconds, own, scoring


def sheet_texts(path: Path) -> list[str]:
    return [turn.text for transcript in pd.read_csv(path)["transcript"] for turn in parse_transcript(transcript)]


def bare_loop(texts: list[str]) -> None:
    analyzer = SentimentIntensityAnalyzer()
    for text in texts:
        analyzer.polarity_scores(text)


def scored_texts(turns: pd.DataFrame) -> list[str]:
    return turns.loc[turns["role"].map(scored_role).astype(bool), "text"].tolist()


def stages(path: Path, folder: Path, round_number: int) -> dict[str, float]:
    store = Store.open(folder / f"stages-{round_number}.duckdb")
    sheet, read = timed(lambda: read_path(path))
    prepared, checked = timed(lambda: prepare(sheet))
    planned, parsed = timed(lambda: plan(store, prepared))
    (rows, turns, _, _), scored = timed(lambda: score_calls(planned.calls, planned.rows.index))
    _, vader = timed(lambda: score_texts(scored_texts(turns)))
    _, landed = timed(lambda: store.load("calls", rows, kind="calls", layout="calls", source=path.name,
                                         user=SYSTEM, utterances=turns,
                                         turn_themes=themes_expression(read_taxonomy(), "text", "lemmas")))
    store.close()
    return {"read": read, "prepare": checked, "plan": parsed, "score_calls": scored, "score_texts": vader,
            "land": landed}


def main() -> None:
    set_aside_imports()  # as the app server does once it has imported what it runs on (serve.py)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 12_000
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "calls.csv"
        write_sheet(path, count)
        korean_calls = without_korean(path, folder / "english.csv")
        with_long_turns(path, folder / "long.csv")
        texts = sheet_texts(path)
        long_texts = sheet_texts(folder / "long.csv")
        runs = {name: [] for name in ("bare", "bare_scored", "load", "load_cpu", "scoring_cpu", "first", "english",
                                      "long_bare", "long_bare_scored", "long_load")}
        parts, scored = [], []
        for round_number in range(ROUNDS):
            runs["bare"].append(timed(lambda: bare_loop(texts))[1])
            store = Store.open(folder / f"load-{round_number}.duckdb")
            report, seconds, own, scoring = with_cpu(lambda: load_sheet(store, path=path, user=SYSTEM))
            assert report.rows_new == count, report.summary()
            runs["load"].append(seconds)
            runs["load_cpu"].append(own)
            runs["scoring_cpu"].append(scoring)
            scored = scored_texts(store.query("SELECT role, text FROM utterances"))
            runs["bare_scored"].append(timed(lambda: bare_loop(scored))[1])
            store.close()
            runs["first"].append(first_load(path, folder / f"first-{round_number}.duckdb"))
            store = Store.open(folder / f"english-{round_number}.duckdb")
            runs["english"].append(timed(lambda: load_sheet(store, path=folder / "english.csv", user=SYSTEM))[1])
            store.close()
            runs["long_bare"].append(timed(lambda: bare_loop(long_texts))[1])
            store = Store.open(folder / f"long-{round_number}.duckdb")
            runs["long_load"].append(timed(lambda: load_sheet(store, path=folder / "long.csv", user=SYSTEM))[1])
            long_scored = scored_texts(store.query("SELECT role, text FROM utterances"))
            runs["long_bare_scored"].append(timed(lambda: bare_loop(long_scored))[1])
            store.close()
            parts.append(stages(path, folder, round_number))
    bare = statistics.median(runs["bare"])
    print(f"{count:,} calls, {len(texts):,} turns ({len(set(texts)):,} distinct), {len(scored):,} of them scored "
          f"(the customer's and unplaced speakers'); medians of {ROUNDS} interleaved rounds\n")
    print("| run | seconds | ratio to bare loop |\n|---|---|---|")
    print(f"| bare polarity_scores loop over every turn, 1 core (baseline) | {bare:.2f} | 1.00x |")
    bare_scored = statistics.median(runs["bare_scored"])
    print(f"| bare polarity_scores loop over the turns the load scores, 1 core | {bare_scored:.2f} | "
          f"{bare_scored / bare:.2f}x |")
    load = statistics.median(runs["load"])
    print(f"| whole calls load (load_sheet), 2 cores | {load:.2f} | {load / bare:.2f}x "
          f"({load / bare_scored:.2f}x the loop over the turns it scores) |")
    own, scoring = statistics.median(runs["load_cpu"]), statistics.median(runs["scoring_cpu"])
    print(f"| … its CPU: the loading process {own:.2f} s, the scoring processes {scoring:.2f} s; half their sum, "
          f"the least two cores could take | {(own + scoring) / 2:.2f} | {(own + scoring) / 2 / bare:.2f}x "
          f"({(own + scoring) / 2 / bare_scored:.2f}x the loop over the turns it scores) |")
    first = statistics.median(runs["first"])
    print(f"| … the same load as a new process's first, 2 cores | {first:.2f} | {first / bare:.2f}x "
          f"({first / bare_scored:.2f}x the loop over the turns it scores) |")
    english = statistics.median(runs["english"])
    print(f"| … the same sheet without its {korean_calls:,} Korean calls, 2 cores | {english:.2f} | "
          f"{english / bare:.2f}x |")
    long_bare, long_bare_scored, long_load = (statistics.median(runs[name])
                                              for name in ("long_bare", "long_bare_scored", "long_load"))
    print(f"\nThe same calls with long turns ({statistics.mean(map(len, long_texts)):.0f} characters a turn against "
          f"{statistics.mean(map(len, texts)):.0f}), {len(long_scored):,} of them scored:\n")
    print("| run | seconds | ratio to bare loop |\n|---|---|---|")
    print(f"| bare polarity_scores loop over every turn, 1 core (baseline) | {long_bare:.2f} | 1.00x |")
    print(f"| bare polarity_scores loop over the turns the load scores, 1 core | {long_bare_scored:.2f} | "
          f"{long_bare_scored / long_bare:.2f}x |")
    print(f"| whole calls load (load_sheet), 2 cores | {long_load:.2f} | {long_load / long_bare:.2f}x "
          f"({long_load / long_bare_scored:.2f}x the loop over the turns it scores) |")
    print("\nWhere the time goes (the same stages run one by one):\n")
    print("| stage | seconds | ratio to bare loop |\n|---|---|---|")
    for name, label in (("read", "read (sources.read_path)"), ("prepare", "prepare (types, checks, row hashes)"),
                        ("plan", "plan (every transcript parsed)"),
                        ("score_calls", "score_calls (scoring, roles, figures, themes)"),
                        ("score_texts", "… of which score_texts alone, same texts"),
                        ("land", "land (one transaction)")):
        seconds = statistics.median(part[name] for part in parts)
        print(f"| {label} | {seconds:.2f} | {seconds / bare:.2f}x |")


if __name__ == "__main__":
    main()
