import pandas as pd

from conftest import ADMIN, ANALYST
from empathy.loading.demo import clear_demo, ensure_demo, has_demo, reload_demo
from empathy.loading.demo_generator import DEMO_DIR
from empathy.loading.sheet import load_sheet


def csv_rows(name):
    return len(pd.read_csv(DEMO_DIR / name, keep_default_na=False))


def current_counts(store):
    summary = store.table_summary().set_index("table")["rows"]
    return {t: int(summary[t]) for t in EXPECTED}


EXPECTED = {"accounts": "accounts.csv", "survey_responses": "survey_responses.csv",
            "participation": "participation.csv", "calls": "calls.csv", "renewals": "renewals.csv"}


def test_an_empty_store_gets_the_demo_data_once(store):
    reports = ensure_demo(store)
    assert [r.rejected for r in reports] == [False] * 5
    assert current_counts(store) == {t: csv_rows(f) for t, f in EXPECTED.items()}
    assert has_demo(store)
    assert ensure_demo(store) == []  # a store that has seen a batch is left alone


def test_reloading_the_demo_replaces_it_rather_than_doubling_it(store):
    reload_demo(store, ADMIN)
    first = current_counts(store)
    reload_demo(store, ADMIN)
    assert current_counts(store) == first
    assert len(store.active_batches(demo=True)) == 5


def test_clearing_the_demo_keeps_the_analysts_own_batches(store):
    ensure_demo(store)
    mine = load_sheet(store, user=ANALYST, data=b"account_id,segment\nMINE-1,SMB\n", source="mine.csv")
    assert clear_demo(store, ADMIN) == 5
    assert not has_demo(store)
    assert current_counts(store) == {"accounts": 1, "survey_responses": 0, "participation": 0, "calls": 0,
                                     "renewals": 0}
    assert store.active_batches(demo=False) == [mine.batch_id]
    assert ensure_demo(store) == []  # cleared on purpose: not loaded again behind the analyst's back
