import json

import pytest

from conftest import FIXTURES
from sentiment.parse import TranscriptError, parse_transcript, seconds, turns_from_rows


def read(name):
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_labelled_text_with_bracketed_time_stamps_and_turns_over_several_lines():
    turns = parse_transcript(read("call_labelled.txt"))
    assert [(t.turn, t.speaker, t.offset_s) for t in turns] == [
        (1, "Agent", 2.0), (2, "Customer", 7.0), (3, "Agent", 31.0), (4, "Customer", 65.0)]
    assert turns[1].text == ("Hi Mei. Our invoice is wrong again and I am really annoyed. "
                             "It charged us for twelve seats, but we only have eight.")


def test_labelled_text_with_bare_time_stamps_and_names():
    turns = parse_transcript(read("call_untimed.txt"))
    assert [t.speaker for t in turns] == ["Rep", "Jordan Blake", "Rep", "Jordan Blake"]
    assert turns[3].offset_s == 40.0


def test_labelled_text_without_time_stamps():
    turns = parse_transcript("Customer: hello\nAgent: hi there\n")
    assert [(t.speaker, t.text, t.offset_s) for t in turns] == [("Customer", "hello", None),
                                                                ("Agent", "hi there", None)]


def test_urls_and_clock_times_do_not_open_a_turn():
    turns = parse_transcript("Customer: see https://example.com/x at 10:30\nplease\nAgent: ok")
    assert [t.speaker for t in turns] == ["Customer", "Agent"]
    assert turns[0].text == "see https://example.com/x at 10:30 please"


def test_webvtt_voice_tags_merge_consecutive_cues_of_one_speaker():
    turns = parse_transcript(read("call_zoom.vtt"))
    assert [(t.speaker, t.offset_s) for t in turns] == [
        ("Dana Lee", 1.0), ("Sam Park", 5.0), ("Dana Lee", 13.0), ("Sam Park", 17.0)]
    assert turns[1].text == "Honestly, it has been terrible. The sync keeps failing. We lost a whole day of work."


def test_webvtt_with_name_colon_cues_and_a_note_block():
    turns = parse_transcript(read("call_teams.vtt"))
    assert [(t.speaker, t.offset_s) for t in turns] == [("Support", 0.0), ("Alex Chen", 3.5), ("Support", 8.5)]


def test_json_turns_with_numeric_and_clock_starts():
    turns = parse_transcript(read("call_turns.json"))
    assert [(t.speaker, t.offset_s) for t in turns] == [
        ("Advisor", 0.0), ("Caller", 5.0), ("Caller", 12.5), ("Advisor", 20.0)]


def test_json_object_holding_turns():
    turns = parse_transcript(json.dumps({"turns": [{"speaker": "Customer", "text": "hi"}]}))
    assert turns[0].speaker == "Customer"


def test_sheet_rows_are_put_in_turn_order():
    turns = turns_from_rows([{"turn": 2, "speaker": "Agent", "text": "hi", "offset_s": "4"},
                             {"turn": 1, "speaker": "Customer", "text": "hello", "offset_s": ""}])
    assert [(t.turn, t.speaker, t.offset_s) for t in turns] == [(1, "Customer", None), (2, "Agent", 4.0)]


@pytest.mark.parametrize("text, message", [
    ("", "empty"), ("   \n ", "empty"), ("\x00\x01\x02binary\x03\x04\x05\x06\x07", "binary"),
    ("Hello there, I would like to ask about my bill.\nIt is too high.\n", "no speaker labels"),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello with no speaker\n", "no speaker labels"),
    ('[{"text": "no speaker"}]', "needs a 'speaker'"),
])
def test_garbage_gets_a_clear_message(text, message):
    with pytest.raises(TranscriptError, match=message):
        parse_transcript(text)


def test_clock_stamps():
    assert seconds("01:02:03.5") == 3723.5
    assert seconds("02:03") == 123.0


def test_a_chat_exports_fields_stay_in_the_message_they_belong_to():
    turns = parse_transcript("Customer: Hi, my parcel never arrived.\nOrder ID: 3348917502\nTracking number: ZX99\n"
                             "Agent: Sorry to hear that, let me check.\nCustomer: Thanks\nEmail: ann@example.com")
    assert [(t.speaker, t.text) for t in turns] == [
        ("Customer", "Hi, my parcel never arrived. Order ID: 3348917502 Tracking number: ZX99"),
        ("Agent", "Sorry to hear that, let me check."), ("Customer", "Thanks Email: ann@example.com")]


def test_a_new_speaker_with_words_still_opens_a_turn():
    turns = parse_transcript("Agent: Hello.\nSupervisor: I am joining the call.\nAgent: Thanks.")
    assert [t.speaker for t in turns] == ["Agent", "Supervisor", "Agent"]
