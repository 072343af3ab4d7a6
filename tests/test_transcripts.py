"""Calls are scored when they load, in the same batch, and never again unless their transcript changes."""

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import ANALYST
from empathy.loading import transcripts
from empathy.loading.sheet import load_sheet, plan, prepare
from empathy.sheets.sources import read_sheet
from sentiment import calls as sentiment_calls
from sentiment import korean
from sentiment.scoring import Scoring

VADER = SentimentIntensityAnalyzer()
CALLS = ('call_id,account_id,started_at,agent,escalated,transcript\n'
         'C1,A1,2026-09-01 10:00,Mei,no,"Mei: Hello, how can I help?\nCustomer: The invoice is wrong and I am upset."\n'
         'C2,A2,2026-09-02 11:00,Jo,yes,"Agent: Hi\nCustomer: 청구서가 틀렸습니다.\nCustomer: Terrible service."\n')


def load(store, text, **kwargs):
    return load_sheet(store, user=ANALYST, data=text.encode(), source="calls.csv", **kwargs)


@pytest.fixture
def scored_texts(monkeypatch):
    """Every text that reaches VADER through the loader."""
    seen = []
    original = sentiment_calls.score_texts

    def spy(texts, workers=None, **options):
        seen.extend(texts)
        return original(texts, workers, **options)

    monkeypatch.setattr(sentiment_calls, "score_texts", spy)
    return seen


def test_loading_calls_fills_utterances_and_per_call_figures(store):
    report = load(store, CALLS)
    assert report.rows_new == 2
    turns = store.query("SELECT call_id, turn, speaker, role, compound, scored, language FROM utterances "
                        "ORDER BY 1, 2")
    assert turns[["call_id", "speaker", "role"]].values.tolist() == [
        ["C1", "Mei", "agent"], ["C1", "Customer", "customer"],
        ["C2", "Agent", "agent"], ["C2", "Customer", "customer"], ["C2", "Customer", "customer"]]
    assert turns["scored"].tolist() == [False, True, False, True, True]  # agents unscored
    assert turns["language"].fillna("-").tolist() == ["-", "en", "-", "ko", "en"]
    assert turns.loc[turns["role"] == "agent", "compound"].isna().all()
    calls = store.query("SELECT * FROM calls ORDER BY call_id").set_index("call_id")
    upset = VADER.polarity_scores("The invoice is wrong and I am upset.")["compound"]
    terrible = VADER.polarity_scores("Terrible service.")["compound"]
    assert calls.loc["C1", "sentiment_mean"] == pytest.approx(upset)
    wrong_bill = korean.score_many(["청구서가 틀렸습니다."])[0].compound
    assert wrong_bill < -0.05
    assert calls.loc["C2", "sentiment_mean"] == pytest.approx((wrong_bill + terrible) / 2)
    assert (calls.loc["C2", "scored_turns"], calls.loc["C2", "unscored_turns"]) == (2, 0)
    assert bool(calls.loc["C2", "negative"])


def test_an_unchanged_transcript_is_never_rescored(store, scored_texts):
    load(store, CALLS)
    assert sorted(scored_texts) == sorted(["The invoice is wrong and I am upset.", "청구서가 틀렸습니다.",
                                           "Terrible service."])  # the customer's turns only
    scored_texts.clear()
    changed_flag = CALLS.replace("C1,A1,2026-09-01 10:00,Mei,no", "C1,A1,2026-09-01 10:00,Mei,yes")
    report = load(store, changed_flag)
    assert report.rows_updated == 1
    assert scored_texts == []  # the row changed, its transcript did not
    figures = store.query("SELECT sentiment_mean FROM calls WHERE call_id = 'C1' AND superseded_by IS NULL")
    assert figures["sentiment_mean"][0] == pytest.approx(
        VADER.polarity_scores("The invoice is wrong and I am upset.")["compound"])


def test_a_changed_transcript_is_rescored_and_undo_brings_the_old_turns_back(store, scored_texts):
    load(store, CALLS)
    scored_texts.clear()
    happier = CALLS.replace("The invoice is wrong and I am upset.", "All sorted, thank you so much!")
    report = load(store, happier)
    assert scored_texts == ["All sorted, thank you so much!"]

    def current_customer_text():
        return store.query("""SELECT u.text FROM utterances u JOIN calls c USING (call_id, transcript_hash)
                              WHERE c.superseded_by IS NULL AND c.call_id = 'C1' AND u.role = 'customer'""")["text"].tolist()

    assert current_customer_text() == ["All sorted, thank you so much!"]
    store.undo(report.batch_id, user=ANALYST)
    assert current_customer_text() == ["The invoice is wrong and I am upset."]
    assert store.query("SELECT count(*) AS n FROM utterances")["n"][0] == 5


def test_an_unreadable_transcript_is_a_row_error_and_rejects_the_sheet(store, scored_texts):
    bad = CALLS + 'C3,A3,2026-09-03 09:00,Al,no,"just some words with no speakers at all"\n'
    report = load(store, bad)
    assert report.rejected
    assert scored_texts == []  # a sheet that will not land is not scored
    assert report.errors[0]["row"] == 3 and report.errors[0]["column"] == "transcript"
    assert "call C3: no speaker labels found" in report.errors[0]["message"]
    assert store.query("SELECT count(*) AS n FROM utterances")["n"][0] == 0
    landed = load(store, bad, skip_invalid=True)
    assert (landed.rows_new, landed.rows_rejected) == (2, 1)


def test_calls_without_transcripts_load_without_figures(store):
    report = load(store, "call_id,started_at\nC9,2026-09-01\n")
    assert report.rows_new == 1
    calls = store.query("SELECT sentiment_mean, customer_turns FROM calls")
    assert calls["sentiment_mean"].isna().all()


def test_utterance_rows_from_a_sheet_become_the_calls_transcript(store):
    from conftest import FIXTURES

    load(store, CALLS)
    report = load_sheet(store, user=ANALYST, path=FIXTURES / "call_turn_rows.csv", skip_invalid=True)
    assert (report.kind, report.layout, report.rows_updated, report.rows_rejected) == \
        ("calls", "utterance rows", 1, 1)
    assert report.errors[0]["row"] == 3 and "call C7 is not loaded yet" in report.errors[0]["message"]
    turns = store.query("""SELECT u.turn, u.speaker, u.role, u.offset_s, u.compound FROM utterances u
                           JOIN calls c USING (call_id, transcript_hash)
                           WHERE c.superseded_by IS NULL AND c.call_id = 'C1' ORDER BY turn""")
    assert turns[["turn", "speaker", "role", "offset_s"]].values.tolist() == [
        [1, "Mei", "agent", 0.0], [2, "Customer", "customer", 12.0]]
    thanks = VADER.polarity_scores("Actually it is all fixed, thank you!")["compound"]
    assert turns["compound"].tolist()[1] == pytest.approx(thanks)
    mean = store.query("SELECT sentiment_mean FROM calls WHERE call_id = 'C1' AND superseded_by IS NULL")
    assert mean["sentiment_mean"][0] == pytest.approx(thanks)


def test_unplaced_speakers_are_reported_and_can_be_placed(store):
    sheet = 'call_id,started_at,transcript\nC5,2026-09-05,"Dana Lee: Hi\nSam Park: This is broken and awful."\n'
    report = load(store, sheet)
    assert any("1 calls have speakers" in note and "C5: Dana Lee, Sam Park" in note for note in report.notes)
    assert store.query("SELECT customer_turns FROM calls")["customer_turns"][0] == 0
    store.undo(report.batch_id, user=ANALYST)
    placed = load(store, sheet, roles={"Sam Park": "customer"})
    assert not any("have speakers" in note for note in placed.notes)
    mean = store.query("SELECT sentiment_mean FROM calls WHERE superseded_by IS NULL")["sentiment_mean"][0]
    assert mean == pytest.approx(VADER.polarity_scores("This is broken and awful.")["compound"])


def test_an_agents_turn_placed_as_the_customer_is_scored_then_and_nothing_else_is(store, scored_texts):
    sheet = ('call_id,started_at,agent,transcript\n'
             'C6,2026-09-06,Mei,"Rep: Hello, how can I help?\nMei: The invoice export has failed three times, awful."\n')
    load(store, sheet)  # the sheet's agent column names the customer by mistake: both sides are the agent's
    assert scored_texts == [] and store.query("SELECT customer_turns FROM calls")["customer_turns"][0] == 0
    moved = transcripts.place_speakers(store, {"Mei": "customer"}, ANALYST)
    assert moved == {"calls": 1, "turns": 1}
    said = "The invoice export has failed three times, awful."
    assert scored_texts == [said]  # the one turn never scored before; the agent's turn stays unscored
    turns = store.query("SELECT speaker, role, compound, scored, themes FROM utterances ORDER BY turn")
    assert turns["role"].tolist() == ["agent", "customer"] and turns["scored"].tolist() == [False, True]
    assert pd.isna(turns["themes"][0]) and list(turns["themes"][1]) == ["billing"]  # tagged once the customer's
    assert turns["compound"][1] == pytest.approx(VADER.polarity_scores(said)["compound"])
    call = store.query("SELECT sentiment_mean, customer_turns, negative FROM calls").iloc[0]
    assert call["sentiment_mean"] == pytest.approx(VADER.polarity_scores(said)["compound"])
    assert (call["customer_turns"], bool(call["negative"])) == (1, True)


def test_calls_placed_and_sent_block_by_block_come_out_as_placed_all_at_once(store, monkeypatch):
    """A large sheet's calls are placed, and their turns sent to the scoring processes, a block at a time as
    they are parsed: the turns, figures and speakers reported are those of placing every call at once."""
    monkeypatch.setattr(transcripts, "BLOCK_CALLS", 2)
    sheet = ('call_id,account_id,started_at,agent,transcript\n'
             'C1,A1,2026-09-01 10:00,Mei,"Mei: Hello\nCustomer: The invoice is wrong and I am upset."\n'
             'C2,A1,2026-09-01 11:00,,"Agent: Hi\nCustomer: 청구서가 틀렸습니다."\n'
             'C3,A1,2026-09-01 12:00,,just words without any speaker\n'
             'C4,A2,2026-09-02 10:00,,"Dana Lee: Hi\nSam Park: This is broken and awful."\n'
             'C5,A2,2026-09-02 11:00,,"Dana Lee: Hello\nPat Kim: Thanks, all good."\n'
             'C6,A2,2026-09-02 12:00,Robert,"Robert Miller: I need help with my bill\nAgent: Sure"\n'
             'C7,A3,2026-09-03 10:00,,"Customer: Okay.\nAgent: Bye"\n'
             'C8,A3,2026-09-03 11:00,,"Customer: Okay. Thanks so much!"\n')
    prepared = prepare(read_sheet(sheet.encode(), "calls.csv"))
    roles = {"Sam Park": "customer"}
    at_once = plan(store, prepared, roles=roles)
    scoring = Scoring(workers=2)
    in_blocks = plan(store, prepared, scoring, roles)
    assert at_once.calls.placed is None and in_blocks.calls.placed[0] == [1, 2, 4, 5, 6, 7, 8]  # not C3, unread
    assert in_blocks.errors == at_once.errors and in_blocks.errors[0]["row"] == 3
    whole = transcripts.score_calls(at_once.calls, at_once.rows.index, roles)
    blocks = transcripts.score_calls(in_blocks.calls, in_blocks.rows.index, roles, started=scoring)
    pd.testing.assert_frame_equal(blocks[0], whole[0])
    pd.testing.assert_frame_equal(blocks[1], whole[1])
    assert blocks[2:] == whole[2:] and list(whole[2]) == ["C5"] and list(whole[3]) == ["C6"]
    assert whole[0].set_index("call_id").loc["C4", "customer_turns"] == 1  # Sam Park, placed by hand
