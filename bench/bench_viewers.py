"""Many people opening the board at once, measured at the server: the app served as `make run`
serves it (serve.py, its own process), on a generated store (bench_board.py's generator: by
default 1,000,000 answers, 100,000 calls, 5,000 accounts), and viewers that speak Streamlit's own
protocol (a websocket, BackMsg/ForwardMsg protobufs, as the browser does) so that no browser's cost
is counted: each viewer opens a new session, asks for the board and waits for the run to finish.

Measured, in one run:
- the first view after the server started (the board computed, every cache cold);
- server CPU per warm view: the server process's own CPU time (user + system, all its threads,
  from /proc) over VIEWS views one after another, divided by VIEWS; all the while one more viewer
  keeps the board open (someone always has it open on a Monday: with no session left, Streamlit
  drops its compiled scripts and the next view compiles them again);
- 1 to 50 viewers at once: each viewer's time from opening the socket to the end of the run,
  p50 and p95, and the server CPU the batch took;
- the first view after a load, LOADS times: one new answer loaded (by this process, as the command
  line would, while the server runs), then one viewer at once: the board computed afresh for the new
  data version, or being made ahead by the server (ui/warming.py) when the viewer asks;
- the first view AFTER seconds after a load, LOADS times: what a viewer who opens the board once a
  Monday's loads are done finds (made ahead while nobody asked);
- beside them, the bare DuckDB one-week aggregate of bench_board.py on the same store (baseline).

Run: .venv/bin/python bench/bench_viewers.py [SURVEY_ROWS [CALLS]]
"""

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import websockets  # noqa: E402
from bench_board import bare_query, generate  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from empathy.access.roles import SYSTEM  # noqa: E402
from empathy.figures.board import latest_complete_week  # noqa: E402
from empathy.figures.metrics import utc_bounds  # noqa: E402
from empathy.figures.settings import read_settings  # noqa: E402
from empathy.loading.sheet import load_sheet  # noqa: E402
from empathy.store import Store  # noqa: E402

VIEWS = 20
LOADS = 3  # loads, each followed by one view
AFTER = 5.0  # seconds between a load and the view that finds its board made ahead
CROWDS = (1, 10, 20, 30, 50)
PORT = 8655
TITLE = "How customers feel"


async def view(url: str) -> float:
    """One viewer: a new session, the board asked for, seconds until its run finished (its title seen)."""
    start = time.perf_counter()
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=120) as socket:
        ask = BackMsg()
        ask.rerun_script.query_string = ""
        await socket.send(ask.SerializeToString())
        titled = False
        while True:
            message = ForwardMsg()
            message.ParseFromString(await socket.recv())
            kind = message.WhichOneof("type")
            if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                titled = titled or (element.WhichOneof("type") == "markdown" and TITLE in element.markdown.body)
            if kind == "script_finished":
                assert titled, "the run finished without the board's title"
                return time.perf_counter() - start


async def crowd(url: str, size: int) -> list[float]:
    return list(await asyncio.gather(*(view(url) for _ in range(size))))


async def measure(url: str, pid: int, db: Path) -> dict:
    """The first view, then warm views one after another, crowds, and the first view after a load,
    with a board kept open throughout."""
    first = (await crowd(url, 1))[0]
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as kept_open:
        ask = BackMsg()
        ask.rerun_script.query_string = ""
        await kept_open.send(ask.SerializeToString())
        before = process_cpu(pid)
        sequential = [(await crowd(url, 1))[0] for _ in range(VIEWS)]
        found = {"first": first, "sequential": sequential, "per_view": (process_cpu(pid) - before) / VIEWS}
        for size in CROWDS:
            before = process_cpu(pid)
            found[size] = (await crowd(url, size), process_cpu(pid) - before)
        found["after_load"], found["later"] = [], []
        for load in range(LOADS):
            for waited, times in ((0.0, found["after_load"]), (AFTER, found["later"])):
                store = Store.open(db)
                load_sheet(store, user=SYSTEM, source=f"one more answer {load} {waited}.csv", data=(
                    "response_id,account_id,submitted_at,metric,score\n"
                    f"NEW{load}-{waited:.0f},A000001,2026-11-20 10:00,nps,3\n").encode())
                store.close()
                await asyncio.sleep(waited)
                times.append((await crowd(url, 1))[0])
    return found


def process_cpu(pid: int) -> float:
    """Seconds of CPU the process has used, user and system, all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve(db: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py"), "--server.port", str(PORT),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env={**os.environ, "EMPATHY_DB": str(db)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("the app did not start within 60 s")


def percentile(times: list[float], share: float) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[round(100 * share) - 1] if len(times) > 1 \
        else times[0]


def main() -> None:
    given = [int(argument) for argument in sys.argv[1:3]]
    surveys, calls = given + [1_000_000, 100_000][len(given):]
    url = f"ws://127.0.0.1:{PORT}/_stcore/stream"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "viewers.duckdb"
        store = Store.open(db)
        generate(store, surveys, calls)
        settings = read_settings()
        lo, hi = utc_bounds(latest_complete_week(store, settings.timezone), settings.timezone)
        bare = statistics.median(timed(lambda: bare_query(store, lo, hi)) for _ in range(5))
        store.close()
        server = serve(db)
        try:
            found = asyncio.run(measure(url, server.pid, db))
        finally:
            server.terminate()
            server.wait(timeout=30)
    first, sequential, per_view = found["first"], found["sequential"], found["per_view"]
    print(f"\n{surveys:,} survey responses, {calls:,} calls; a new session per view\n")
    print("| run | ms | ratio to bare query |\n|---|---|---|")
    print(f"| bare DuckDB aggregate, one week of surveys (baseline) | {1000 * bare:.1f} | 1.00x |")
    print(f"| first view after the server started (cold caches), wall | {1000 * first:.0f} | {first / bare:.0f}x |")
    print(f"| warm view, wall (median of {VIEWS} one after another) | {1000 * statistics.median(sequential):.0f} | "
          f"{statistics.median(sequential) / bare:.0f}x |")
    print(f"| warm view, server CPU (mean of {VIEWS}) | {1000 * per_view:.0f} | {per_view / bare:.0f}x |")
    after_load = statistics.median(found["after_load"])
    print(f"| first view after a load (one new answer), wall (median of {LOADS}; "
          f"{', '.join(f'{1000 * t:.0f}' for t in found['after_load'])}) | "
          f"{1000 * after_load:.0f} | {after_load / bare:.0f}x |")
    later = statistics.median(found["later"])
    print(f"| first view {AFTER:.0f} s after a load, wall (median of {LOADS}; "
          f"{', '.join(f'{1000 * t:.0f}' for t in found['later'])}) | {1000 * later:.0f} | {later / bare:.0f}x |")
    print("\n| viewers at once | p50 s | p95 s | server CPU s for all | server CPU ms per view |\n|---|---|---|---|---|")
    for size in CROWDS:
        times, cpu = found[size]
        print(f"| {size} | {statistics.median(times):.2f} | {percentile(times, 0.95):.2f} | {cpu:.2f} | "
              f"{1000 * cpu / size:.0f} |")


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
