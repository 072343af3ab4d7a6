"""Texts stored before the board scored them as it does now get, when scored again, what a load today gives them."""

from pathlib import Path

import pandas as pd
import pytest

from conftest import ANALYST, VIEWER, empathy
from empathy.loading.rescore import score_again, waiting_to_score
from empathy.loading.sheet import load_sheet
from sentiment.korean import SCORER_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
ENGLISH = ("response_id,account_id,submitted_at,score,metric,comment\n"
           "E-1,A1,2026-11-16 09:00,2,nps,The invoice is wrong again and support never answers.\n")
COMMENTS = "SELECT response_id, sentiment, language, lemmas, themes FROM survey_responses ORDER BY response_id"
TURNS = "SELECT call_id, turn, compound, scored, language, lemmas, themes FROM utterances ORDER BY call_id, turn"
CALLS = ("SELECT call_id, sentiment_mean, sentiment_min, negative, scored_turns, unscored_turns, dissatisfaction, "
         "language FROM calls ORDER BY call_id")


def as_before_korean(cursor) -> None:
    """The store as a load before Korean was scored left it: Korean comments and turns unscored."""
    cursor.execute("""UPDATE survey_responses SET sentiment = NULL, lemmas = NULL, themes = []
                      WHERE regexp_matches(comment, '[가-힣]')""")
    cursor.execute("""UPDATE utterances SET compound = NULL, pos = NULL, neu = NULL, neg = NULL,
                      dissatisfaction = NULL, lemmas = NULL, scored = false, themes = NULL
                      WHERE role = 'customer' AND regexp_matches(text, '[가-힣]')""")
    cursor.execute("""UPDATE calls SET sentiment_mean = NULL, sentiment_min = NULL, negative = NULL,
                      scored_turns = 0, unscored_turns = customer_turns, dissatisfaction = NULL""")


@pytest.fixture
def loaded(store):
    for name in ("korean_survey_cp949.csv", "korean_calls_cp949.csv"):
        report = load_sheet(store, user=ANALYST, path=FIXTURES / name)
        assert report.batch_id is not None
    load_sheet(store, user=ANALYST, data=ENGLISH.encode(), source="english.csv")
    return {query: store.query(query) for query in (COMMENTS, TURNS, CALLS)}


def test_korean_texts_stored_unscored_get_what_a_load_gives_them(store, loaded):
    store.write(as_before_korean, "version")
    assert waiting_to_score(store) == {"comments": 3, "turns": 4, "calls": 0, "earlier_korean": 0}
    before = store.version()
    assert score_again(store, ANALYST) == {"comments": 3, "turns": 4, "calls": 2}
    for query, as_loaded in loaded.items():
        pd.testing.assert_frame_equal(store.query(query), as_loaded)
    comments = store.query(COMMENTS).set_index("response_id")
    assert comments.loc["K-001", "sentiment"] > 0 > comments.loc["K-002", "sentiment"]  # 감사합니다 / 느려서 어렵습니다
    assert pd.isna(comments.loc["K-004", "sentiment"])  # no comment
    assert comments.loc["E-1", "language"] == "en"  # English scored at its load, left alone
    call = store.query(CALLS).iloc[0]
    assert (bool(call["negative"]), call["scored_turns"], call["unscored_turns"]) == (True, 2, 0)
    assert store.version() > before
    assert waiting_to_score(store) == {"comments": 0, "turns": 0, "calls": 0, "earlier_korean": 0}
    audit = store.query("SELECT action, outcome, detail FROM audit WHERE action = 'score_again'")
    assert audit.values.tolist() == [["score_again", "done", "3 comments, 4 turns of 2 calls"]]


def as_an_earlier_korean_scorer(cursor) -> None:
    """The store as a load by the first Korean scorer left it (the regression's probability, tanh(z / 2),
    stronger than VADER's scale) in a store made before the scorer's reading was kept."""
    cursor.execute("UPDATE survey_responses SET sentiment = sign(sentiment) * 0.99 WHERE language = 'ko'")
    cursor.execute("UPDATE utterances SET compound = sign(compound) * 0.99 WHERE language = 'ko' AND scored")
    cursor.execute("UPDATE calls SET sentiment_mean = -0.99, dissatisfaction = 0.99, unhappy = true WHERE language = 'ko'")
    cursor.execute("DELETE FROM meta WHERE key = 'korean_scorer'")


def test_korean_scored_by_an_earlier_reading_of_the_scorer_is_scored_as_a_load_scores_it_now(store, loaded):
    korean = store.query("SELECT (SELECT count(*) FROM survey_responses WHERE language = 'ko' AND sentiment IS NOT NULL) "
                         "+ (SELECT count(*) FROM utterances WHERE language = 'ko' AND scored) AS n")["n"][0]
    assert korean > 0
    store.write(as_an_earlier_korean_scorer, "version")
    assert waiting_to_score(store) == {"comments": 0, "turns": 0, "calls": 0, "earlier_korean": korean}
    done = score_again(store, ANALYST)
    assert done["comments"] == 3 and done["calls"] >= 1
    for query, as_loaded in loaded.items():
        pd.testing.assert_frame_equal(store.query(query), as_loaded)
    assert waiting_to_score(store) == {"comments": 0, "turns": 0, "calls": 0, "earlier_korean": 0}
    assert store.counters()["korean_scorer"] == SCORER_VERSION


def test_a_new_store_s_korean_is_scored_as_today(store, loaded):
    """Its first load stamped the reading its texts were scored by."""
    assert store.counters()["korean_scorer"] == SCORER_VERSION
    assert waiting_to_score(store)["earlier_korean"] == 0


def test_a_load_into_a_store_scored_before_the_reading_was_kept_leaves_its_korean_waiting(store, loaded):
    """The reading is stamped only on a store without Korean scored before: a load of English answers
    into a store of an earlier reading must not say its Korean was scored as today."""
    store.write(as_an_earlier_korean_scorer, "version")
    waiting = waiting_to_score(store)["earlier_korean"]
    assert waiting > 0
    load_sheet(store, user=ANALYST, data=ENGLISH.encode(), source="english.csv")
    assert "korean_scorer" not in store.counters() and waiting_to_score(store)["earlier_korean"] == waiting


def as_before_unhappy_calls(cursor) -> None:
    """The store as a load before #28 left it: no unhappy-customer flag, dissatisfaction on the old scale."""
    cursor.execute("UPDATE utterances SET dissatisfaction = 0.15 WHERE scored")
    cursor.execute("UPDATE calls SET unhappy = NULL, dissatisfaction = 0.15")


def test_calls_worked_out_before_the_unhappy_flag_get_it_and_todays_dissatisfaction(store, loaded):
    calls = ('call_id,started_at,transcript\n'
             'E1,2026-11-17,"Agent: Hi\nCustomer: This is awful, it is still broken.\nCustomer: No, that is wrong."\n'
             'E2,2026-11-18,"Agent: Hello\nCustomer: Perfect, thanks a lot!"\n')
    load_sheet(store, user=ANALYST, data=calls.encode(), source="english_calls.csv")
    as_loaded = {query: store.query(query) for query in (TURNS, CALLS)}
    store.write(as_before_unhappy_calls, "version")
    assert store.query("SELECT count(*) AS n FROM calls WHERE unhappy IS NULL")["n"][0] == 4
    assert waiting_to_score(store) == {"comments": 0, "turns": 0, "calls": 4, "earlier_korean": 0}
    assert score_again(store, ANALYST)["calls"] == 4
    for query, before in as_loaded.items():
        pd.testing.assert_frame_equal(store.query(query), before)
    flags = store.query("SELECT call_id, unhappy FROM calls WHERE call_id LIKE 'E%' ORDER BY 1")
    assert flags["unhappy"].tolist() == [True, False]


def test_scoring_korean_texts_is_a_load_a_viewer_may_not_make(store, loaded):
    store.write(as_before_korean, "version")
    with pytest.raises(PermissionError):
        score_again(store, VIEWER)
    assert waiting_to_score(store) == {"comments": 3, "turns": 4, "calls": 0, "earlier_korean": 0}


def test_nothing_waiting_changes_nothing(store, loaded):
    assert waiting_to_score(store) == {"comments": 0, "turns": 0, "calls": 0, "earlier_korean": 0}
    assert score_again(store, ANALYST) == {"comments": 0, "turns": 0, "calls": 0}
    for query, as_loaded in loaded.items():
        pd.testing.assert_frame_equal(store.query(query), as_loaded)


def test_the_command_line_scores_them_and_says_how_many(store, loaded, db_path):
    store.write(as_before_korean, "version")
    done = empathy("rescore", db_path=db_path)
    assert done.returncode == 0
    assert "Scored again: 3 comments and 4 call turns; 2 calls' figures worked out again." in done.stdout
    pd.testing.assert_frame_equal(store.query(COMMENTS), loaded[COMMENTS])
