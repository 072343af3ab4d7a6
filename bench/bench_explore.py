"""Explore at scale, on bench_board.py's store (5,000 accounts, 1,000,000 survey responses, 100,000
calls with 400,000 customer turns).

Times, in one run (medians of ROUNDS):
- baseline: the bare DuckDB query of one week's NPS counts by segment (joined to accounts);
- `segment_figures` for one dimension, uncached (all five figures, this week and the one before);
- the Segments page rerun on a warm cache when the dimension switches (AppTest; each dimension was
  shown once before, as a product lead flicking between them does), and when the drill-down value switches;
- a search over all voices (`search`, uncached, words "invoice wrong") against the bare DuckDB count
  of comments and customer turns holding both words.

Run: .venv/bin/python bench/bench_explore.py [SURVEY_ROWS]
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_board import ROUNDS, generated_store  # noqa: E402

from empathy.figures.explore import segment_figures  # noqa: E402
from empathy.figures.scope import Scope  # noqa: E402
from empathy.figures.search import VoiceQuery, search  # noqa: E402
from empathy.figures.settings import read_settings  # noqa: E402
from empathy.store import Store  # noqa: E402

DIMENSIONS = ("segment", "respondent_role", "theme", "call_type")


def bare_segments(store: Store, lo, hi):
    return store.query("""
        SELECT a.segment, count(*) AS n, count(*) FILTER (WHERE s.score >= 9) AS promoters,
               count(*) FILTER (WHERE s.score <= 6) AS detractors
        FROM survey_responses s LEFT JOIN accounts a ON a.account_id = s.account_id AND a.superseded_by IS NULL
        WHERE s.superseded_by IS NULL AND s.metric = 'nps' AND s.submitted_at >= ? AND s.submitted_at < ?
        GROUP BY ALL""", [lo, hi])


def bare_search(store: Store):
    return store.query("""
        SELECT (SELECT count(*) FROM survey_responses WHERE superseded_by IS NULL
                AND contains(lower(comment), 'invoice') AND contains(lower(comment), 'wrong'))
             + (SELECT count(*) FROM utterances WHERE role = 'customer'
                AND contains(lower(text), 'invoice') AND contains(lower(text), 'wrong'))""")


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def page_switches(db: Path, week: str) -> tuple[list[float], list[float]]:
    from streamlit.testing.v1 import AppTest
    os.environ["EMPATHY_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    at.switch_page("app_pages/segments.py")
    at.query_params.update({"window": week, "weeks": "1"})
    at.run()
    for dimension in DIMENSIONS:  # each shown once: the caches hold them
        at.selectbox(key="seg-dim").select(dimension).run()
    dimension_times = []
    for _ in range(ROUNDS):
        for dimension in DIMENSIONS:
            dimension_times.append(timed(lambda: at.selectbox(key="seg-dim").select(dimension).run()))
    at.selectbox(key="seg-dim").select("segment").run()
    for value in ("SMB", "Enterprise"):
        at.selectbox(key="seg-value").select(value).run()
    value_times = []
    for _ in range(ROUNDS):
        for value in ("SMB", "Enterprise"):
            value_times.append(timed(lambda: at.selectbox(key="seg-value").select(value).run()))
    assert not at.exception, at.exception
    return dimension_times, value_times


def main() -> None:
    surveys = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    settings = read_settings()
    with generated_store(surveys, settings) as (db, store, week, (lo, hi)):
        runs = {"bare": [], "segments": [], "bare search": [], "search": []}
        found = None
        for _ in range(ROUNDS):
            runs["bare"].append(timed(lambda: bare_segments(store, lo, hi)))
            runs["segments"].append(timed(lambda: segment_figures(store, week, Scope("segment"), settings)))
            runs["bare search"].append(timed(lambda: bare_search(store)))
            start = time.perf_counter()
            found = search(store, VoiceQuery(words="invoice wrong"), settings.timezone, settings.voice)
            runs["search"].append(time.perf_counter() - start)
        assert found.total == int(bare_search(store).iloc[0, 0])
        store.close()
        dimension_times, value_times = page_switches(db, week.label)
    def ms(name):
        return 1000 * statistics.median(runs[name])
    print(f"\n{surveys:,} survey responses; week {week.label}; medians of {ROUNDS} rounds; search found {found.total:,}\n")
    print("| run | ms | baseline | ratio |\n|---|---|---|---|")
    print(f"| segment_figures by segment, uncached | {ms('segments'):.1f} | bare NPS by segment {ms('bare'):.1f} | "
          f"{ms('segments') / ms('bare'):.2f}x |")
    for label, times in (("Segments page, switch the dimension (warm)", dimension_times),
                         ("Segments page, switch the drill-down value (warm)", value_times)):
        median = 1000 * statistics.median(times)
        print(f"| {label} | {median:.1f} | bare NPS by segment {ms('bare'):.1f} | {median / ms('bare'):.2f}x |")
    print(f"| search all voices, 'invoice wrong', uncached | {ms('search'):.1f} | bare count {ms('bare search'):.1f} | "
          f"{ms('search') / ms('bare search'):.2f}x |")


if __name__ == "__main__":
    main()
