"""The board at scale: 5,000 accounts, 1,000,000 survey responses, 100,000 calls with 400,000
customer turns, a year of weeks.

Times, in one run and interleaved over ROUNDS rounds (medians):
- baseline: the bare DuckDB aggregate query of one week's survey figures (one GROUP BY metric over
  `survey_responses`, counts, promoters, detractors, top-two, easy, mean, variance);
- `window_figures`: all five figures of that week against the week before, with their tests;
- `build_board`: everything the page shows (12-week trends, alerts over two periods, growing
  themes, the voice and its shortlist), reading what the last write kept (the latest complete
  week's board itself, with the days' sums and the early warning's signals it was made from:
  `empathy.store.keeps`), and the same with nothing kept (every figure worked out from the rows, as
  for settings other than those the write kept for);
- `flag_accounts`: every account's early warning on the week's last day (30 days and the 180-day usual);
- `backtest`: one renewal per account, each flag read 90 days before it, in one checkpoint query;
- the Board page rerun on a warm cache (AppTest, after a first run filled the caches);
- what keeping costs a write: a load of one answer with the kept tables made in its transaction and
  without (`empathy.store.core.KEEPERS` emptied).

Rows are generated straight into the store (scores, sentiment and themes drawn at random), since
loading is measured by bench_load.py and scoring by bench_sentiment.py; every comment and turn is a
text of its own (three templates, each with a reference number).

Run: .venv/bin/python bench/bench_board.py [SURVEY_ROWS [CALLS [ACCOUNTS]]]
"""

import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from empathy.access.roles import SYSTEM  # noqa: E402
from empathy.loading.sheet import load_sheet  # noqa: E402
from empathy.figures.backtest import backtest  # noqa: E402
from empathy.figures.board import build_board, keep_for_boards, latest_complete_week  # noqa: E402
from empathy.figures.metrics import utc_bounds, window_figures  # noqa: E402
from empathy.figures.rules import flag_accounts  # noqa: E402
from empathy.figures.settings import read_settings  # noqa: E402
from empathy.store import Store, core  # noqa: E402

ACCOUNTS, CALLS, TURNS_PER_CALL, ROUNDS = 5_000, 100_000, 4, 5
FIRST = datetime(2025, 11, 24)
THEMES = ["billing", "onboarding", "performance", "reliability", "pricing", "integrations"]
COMMENTS = ["The invoice was wrong again and support took days to answer us, really frustrating.",
            "Great product, the new reports saved my whole team hours every single week.",
            "Setup was confusing and the documentation did not help us at all, terrible.", None, None]


def generate(store: Store, surveys: int, calls_count: int = CALLS, n_accounts: int = ACCOUNTS) -> None:
    rng = np.random.default_rng(7)
    accounts = pd.DataFrame({
        "account_id": [f"A{i:06d}" for i in range(n_accounts)],
        "account_name": [f"Account {i}" for i in range(n_accounts)],
        "segment": rng.choice(["Enterprise", "Mid-Market", "SMB"], n_accounts), "region": "EMEA",
        "industry": "Software",
        "plan": "Business", "arr": rng.uniform(4_000, 1_400_000, n_accounts).round(-2), "owner": "Dana Whitfield",
        "customer_type": "external", "contacts": "Mina Park; Oliver Bennett"})
    _load(store, "accounts", accounts, "accounts")
    minutes = rng.integers(0, 364 * 24 * 60, surveys)
    metric = rng.choice(["nps", "csat", "ces"], surveys)
    top = np.select([metric == "nps", metric == "csat"], [10, 5], 7)
    comment_index = rng.integers(0, len(COMMENTS), surveys)
    responses = pd.DataFrame({
        "response_id": [f"R{i:07d}" for i in range(surveys)],
        "account_id": accounts["account_id"].to_numpy()[rng.integers(0, n_accounts, surveys)],
        "respondent_role": rng.choice(["end user", "administrator", "decision maker"], surveys),
        "submitted_at": pd.to_datetime(FIRST) + pd.to_timedelta(minutes, unit="min"),
        "metric": metric, "score": (rng.random(surveys) * (top + 1 - (metric != "nps"))).astype(int) + (metric != "nps"),
        "comment": _own_texts(pd.Series(COMMENTS, dtype="object").to_numpy()[comment_index]),
        "duration_seconds": rng.uniform(2, 300, surveys).round(1), "channel": "email",
        "themes": pd.Series([["billing", "support responsiveness"], [], ["onboarding", "documentation / self-service"],
                             [], []], dtype="object").to_numpy()[comment_index],
        "sentiment": np.array([-0.8, 0.9, -0.85, np.nan, np.nan])[comment_index]})
    _load(store, "survey_responses", responses, "surveys")
    weeks = pd.date_range(FIRST, periods=52, freq="7D")
    participation = pd.DataFrame({
        "participation_id": [f"P{i}" for i in range(n_accounts * 52)], "period_start": np.tile(weeks.date, n_accounts),
        "account_id": np.repeat(accounts["account_id"].to_numpy(), 52), "segment": None, "metric": "nps",
        "invited": rng.integers(2, 8, n_accounts * 52)})
    participation["responded"] = (participation["invited"] * rng.uniform(0.2, 0.7, len(participation))).astype(int)
    _load(store, "participation", participation, "participation")
    started = pd.to_datetime(FIRST) + pd.to_timedelta(rng.integers(0, 364 * 24 * 60, calls_count), unit="min")
    sentiment = rng.uniform(-0.9, 0.9, calls_count)
    calls = pd.DataFrame({
        "call_id": [f"C{i:06d}" for i in range(calls_count)],
        "account_id": accounts["account_id"].to_numpy()[rng.integers(0, n_accounts, calls_count)],
        "started_at": started,
        "call_type": rng.choice(["support", "success", "sales"], calls_count, p=[0.6, 0.25, 0.15]), "channel": "phone",
        "agent": "Jordan", "escalated": rng.random(calls_count) < 0.05, "resolved": rng.random(calls_count) < 0.8,
        "transcript": "(generated)", "transcript_hash": [f"t{i}" for i in range(calls_count)],
        "sentiment_mean": sentiment, "sentiment_min": sentiment - 0.1, "sentiment_shift": 0.0,
        "negative": sentiment <= -0.05, "unhappy": sentiment <= -0.3, "dissatisfaction": (1 - sentiment) / 2,
        "customer_turns": TURNS_PER_CALL, "scored_turns": TURNS_PER_CALL,
        "unscored_turns": 0})
    turns = calls_count * TURNS_PER_CALL
    utterances = pd.DataFrame({
        "call_id": np.repeat(calls["call_id"].to_numpy(), TURNS_PER_CALL),
        "transcript_hash": np.repeat(calls["transcript_hash"].to_numpy(), TURNS_PER_CALL),
        "turn": np.tile(np.arange(1, 2 * TURNS_PER_CALL, 2), calls_count), "speaker": "Customer", "role": "customer",
        "text": _own_texts(rng.choice([c for c in COMMENTS if c], turns)), "offset_s": 0.0,
        "compound": rng.uniform(-0.95, 0.95, turns), "pos": 0.1, "neu": 0.8, "neg": 0.1, "scored": True,
        "dissatisfaction": rng.uniform(0, 1, turns), "language": None, "lemmas": None,
        "themes": pd.Series([[t] for t in THEMES], dtype="object").to_numpy()[rng.integers(0, len(THEMES), turns)]})
    _load(store, "calls", calls, "calls", utterances=utterances)
    renewals = pd.DataFrame({
        "renewal_id": [f"N{i}" for i in range(n_accounts)], "account_id": accounts["account_id"],
        "renewal_date": pd.to_datetime(FIRST) + pd.to_timedelta(rng.integers(0, 364, n_accounts), unit="D"),
        "outcome": rng.choice(["renewed", "churned", "downgraded", "expanded"], n_accounts, p=[0.7, 0.05, 0.1, 0.15]),
        "arr_before": accounts["arr"], "arr_after": accounts["arr"]})
    _load(store, "renewals", renewals, "renewals")


def _own_texts(texts: np.ndarray) -> pd.Series:
    """Each text made one of its own with a reference number, as customers' words are: the voice
    keeps one quote per text, and three texts repeated a million times would flatter it."""
    texts = pd.Series(texts, dtype="str")
    numbered = texts + " (ref " + pd.Series(range(len(texts)), dtype="str") + ")"
    return numbered.astype("object").where(texts.notna(), None)


def _load(store: Store, table: str, rows: pd.DataFrame, kind: str, **extra) -> None:
    rows = rows.assign(row_hash=[f"h{i}" for i in range(len(rows))])
    store.load(table, rows, kind=kind, layout=kind, source=f"bench {table}", user=SYSTEM, **extra)


def bare_query(store: Store, lo: datetime, hi: datetime) -> pd.DataFrame:
    return store.query("""
        SELECT metric, count(*) AS n, count(*) FILTER (WHERE score >= 9) AS promoters,
               count(*) FILTER (WHERE score <= 6) AS detractors, count(*) FILTER (WHERE score >= 4) AS top_two,
               count(*) FILTER (WHERE score >= 5) AS easy, avg(score) AS mean, var_samp(score) AS variance
        FROM survey_responses
        WHERE superseded_by IS NULL AND submitted_at >= ? AND submitted_at < ? GROUP BY metric""", [lo, hi])


def unkept(store: Store) -> None:
    """What the last write kept marked as of another version: the board works everything out."""
    store.write(lambda cursor: cursor.execute("UPDATE kept_days_for SET version = -1; "
                                              "UPDATE kept_signals SET version = -1; UPDATE kept_boards SET version = -1"))


def one_answer(store: Store, keeping: bool, n: int, when: datetime) -> None:
    """A load of one new answer (at `when`: in the latest week, as a Monday's load adds), with or
    without the kept tables made in its transaction."""
    keepers = list(core.KEEPERS)
    core.KEEPERS[:] = keepers if keeping else []
    try:
        load_sheet(store, user=SYSTEM, source=f"one answer {n} {keeping}.csv", data=(
            "response_id,account_id,submitted_at,metric,score\n"
            f"ONE{n}{keeping},A000001,{when:%Y-%m-%d %H:%M},nps,7\n").encode())
    finally:
        core.KEEPERS[:] = keepers


def page_reruns(db: Path) -> list[float]:
    from streamlit.testing.v1 import AppTest
    os.environ["EMPATHY_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()  # cold: fills the caches
    assert not at.exception, at.exception
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    assert not at.exception and "How customers feel" in "".join(m.value for m in at.markdown)
    return times


@contextmanager
def generated_store(surveys: int, settings, calls: int = CALLS, accounts: int = ACCOUNTS):
    """A store of its own in a temporary folder, filled by `generate`: its path, the open store, the
    latest complete week and that week's bounds in UTC."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        store = Store.open(db)
        start = time.perf_counter()
        generate(store, surveys, calls, accounts)
        print(f"generated and stored in {time.perf_counter() - start:.1f} s")
        week = latest_complete_week(store, settings.timezone)
        yield db, store, week, utc_bounds(week, settings.timezone)


def main() -> None:
    surveys = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else CALLS
    accounts = int(sys.argv[3]) if len(sys.argv) > 3 else ACCOUNTS
    settings = read_settings()
    with generated_store(surveys, settings, calls, accounts) as (db, store, week, (lo, hi)):
        runs = {"bare": [], "figures": [], "board": [], "unkept": [], "flags": [], "backtest": [], "load": [],
                "load unkept": []}
        for round_ in range(ROUNDS):
            for name, work in (("bare", lambda: bare_query(store, lo, hi)),
                               ("figures", lambda: window_figures(store, week, timezone=settings.timezone)),
                               ("board", lambda: build_board(store, week, settings)),
                               ("flags", lambda: flag_accounts(store, week.end, settings.early_warning)),
                               ("backtest", lambda: backtest(store, 90, settings.early_warning)),
                               ("load", lambda: one_answer(store, True, round_, lo)),
                               ("load unkept", lambda: one_answer(store, False, round_, lo)),
                               ("unkept", lambda: build_board(store, week, settings))):
                if name == "unkept":
                    unkept(store)
                store.query("SELECT 1")  # the file opened again after a write (it is let go when idle)
                start = time.perf_counter()
                work()
                runs[name].append(time.perf_counter() - start)
            store.write(keep_for_boards)  # kept again for the next round
        store.close()
        reruns = page_reruns(db)
    bare = statistics.median(runs["bare"])
    print(f"\n{surveys:,} survey responses, {calls:,} calls, {calls * TURNS_PER_CALL:,} customer turns, "
          f"{accounts:,} accounts; week {week.label}; medians of {ROUNDS} interleaved rounds\n")
    print("| run | ms | ratio to bare query |\n|---|---|---|")
    print(f"| bare DuckDB aggregate, one week of surveys (baseline) | {1000 * bare:.1f} | 1.00x |")
    for name, label in (("figures", "window_figures: five figures, this week and the one before, with tests"),
                        ("board", "build_board: figures, 12-week trends, alerts, themes, voice"),
                        ("unkept", "build_board with nothing kept (everything from the rows)"),
                        ("flags", f"flag_accounts: {accounts:,} accounts, 30 days and their 180-day usual"),
                        ("backtest", f"backtest: {accounts:,} renewals, each flag 90 days before")):
        median = statistics.median(runs[name])
        print(f"| {label} | {1000 * median:.1f} | {median / bare:.2f}x |")
    print(f"| Board page rerun on a warm cache (AppTest) | {1000 * statistics.median(reruns):.1f} | "
          f"{statistics.median(reruns) / bare:.2f}x |")
    for name, label in (("load", "a load of one answer, the kept tables made in its transaction"),
                        ("load unkept", "a load of one answer, nothing kept")):
        print(f"| {label} | {1000 * statistics.median(runs[name]):.0f} | |")


if __name__ == "__main__":
    main()
