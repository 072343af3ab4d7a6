"""The Data page, run through the whole app (app.py routes to it) on the demo data."""

import pandas as pd
import pytest

from empathy.demo_generator import DEMO_DIR
from empathy.loading import load_sheet
from empathy.store import Store


@pytest.fixture
def app(open_page):
    return open_page("data")


def loaded_table(at):
    frame = at.table[0].value
    return {table: int(rows.replace(",", "")) for table, rows in frame["Rows"].items()}


def test_first_run_loads_the_demo_and_says_so(app):
    assert app.title[0].value == "Data"
    assert any("Demo data" in info.value for info in app.info)
    csv_rows = lambda name: len(pd.read_csv(DEMO_DIR / name, keep_default_na=False))  # noqa: E731
    calls = pd.read_csv(DEMO_DIR / "calls.csv", keep_default_na=False)
    turns = int(calls["transcript"].str.count(r"(?m)^(?:\[[\d:]+\] )?(?:Customer|Agent): ").sum())
    assert loaded_table(app) == {
        "Accounts": csv_rows("accounts.csv"), "Survey responses": csv_rows("survey_responses.csv"),
        "Participation (invited / responded)": csv_rows("participation.csv"),
        "Calls": csv_rows("calls.csv"), "Call turns": turns}


def test_date_ranges_match_the_demo_files(app):
    frame = app.table[0].value
    surveys = pd.read_csv(DEMO_DIR / "survey_responses.csv", parse_dates=["submitted_at"])
    assert frame.loc["Survey responses", "From"] == f"{surveys['submitted_at'].min():%Y-%m-%d}"
    assert frame.loc["Survey responses", "To"] == f"{surveys['submitted_at'].max():%Y-%m-%d}"


def test_batch_history_lists_every_batch(app):
    history = app.dataframe[0].value
    assert sorted(history["kind"]) == ["accounts", "calls", "participation", "surveys"]
    assert history["demo"].all() and not history["undone"].any()


def test_undo_asks_first_then_takes_the_batch_out(app):
    calls_batch = int(app.dataframe[0].value.set_index("kind").loc["calls", "batch_id"])
    app.selectbox(key="undo-choice").select(calls_batch).run()
    app.button(key="undo").click().run()
    assert loaded_table(app)["Calls"] > 0  # nothing happens before the confirmation
    app.button(key="confirm-undo").click().run()
    assert not app.exception
    assert loaded_table(app)["Calls"] == 0
    assert any(f"Batch {calls_batch} was undone" in s.value for s in app.success)
    history = app.dataframe[0].value.set_index("batch_id")
    assert bool(history.loc[calls_batch, "undone"])


def test_clearing_the_demo_removes_the_banner(app):
    app.button(key="clear-demo").click().run()
    app.button(key="confirm-clear-demo").click().run()
    assert not any("Demo data" in info.value for info in app.info)
    assert set(loaded_table(app).values()) == {0}
    app.button(key="load-demo").click().run()
    assert loaded_table(app)["Accounts"] == 120


def test_new_data_shows_without_a_restart(app, db_path):
    store = Store.open(db_path)
    load_sheet(store, data=b"account_id,segment\nNEW-1,SMB\nNEW-2,SMB\n", source="new.csv")
    app.run()
    assert loaded_table(app)["Accounts"] == 122
    assert "new.csv" in app.dataframe[0].value["source"].tolist()


def test_cancelling_an_undo_changes_nothing(app, db_path):
    version = Store.open(db_path).version()
    app.button(key="undo").click().run()
    app.button(key="cancel-undo").click().run()
    assert Store.open(db_path).version() == version
    assert not app.warning  # the confirmation is gone
