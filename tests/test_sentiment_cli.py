import json
import subprocess
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import FIXTURES, ROOT


def sentiment(*args):
    return subprocess.run([sys.executable, "-m", "sentiment", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_json_output_has_the_promised_shape_and_vader_scores():
    result = sentiment(FIXTURES / "call_zoom.vtt", "--agent", "Dana Lee", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [set(t) for t in payload["turns"]] == [{"turn", "speaker", "role", "text", "compound", "pos",
                                                   "neu", "neg", "scored"}] * 4
    assert set(payload["call"]) == {"mean", "min", "shift", "negative", "customer_turns", "scored_turns"}
    vader = SentimentIntensityAnalyzer()
    for turn in payload["turns"]:  # the customer's words are scored, the agent's are not
        expected = None if turn["role"] == "agent" else vader.polarity_scores(turn["text"])["compound"]
        assert (turn["compound"], turn["scored"]) == (expected, expected is not None)
    assert {t["role"] for t in payload["turns"]} == {"agent", "customer"}
    customer = [t["compound"] for t in payload["turns"] if t["role"] == "customer"]
    assert payload["call"]["mean"] == sum(customer) / len(customer)


def test_human_output_lists_turns_and_figures():
    result = sentiment(FIXTURES / "call_labelled.txt")
    assert result.returncode == 0
    assert "  2  Customer (customer)" in result.stdout
    assert "call: mean" in result.stdout and "2 customer turns, 2 scored" in result.stdout


def test_roles_can_be_set_by_hand():
    result = sentiment(FIXTURES / "call_zoom.vtt", "--role", "Sam Park=customer", "--json")
    payload = json.loads(result.stdout)
    assert payload["call"]["customer_turns"] == 2


def test_garbage_and_missing_files_get_a_message_not_a_traceback():
    for path, message in [(FIXTURES / "not_a_sheet.csv", "binary"), (FIXTURES / "call_no_labels.txt",
                          "no speaker labels"), (FIXTURES / "empty.csv", "empty"), ("/nope.txt", "cannot be read")]:
        result = sentiment(path)
        assert result.returncode == 1, path
        assert message in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2():
    assert sentiment(FIXTURES / "call_zoom.vtt", "--role", "Sam=boss").returncode == 2
