"""The voice-of-the-week rule, its memory (kept when presented, pinned, never featured twice) and its
redaction."""


import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import ANALYST, EXECUTIVE
from conftest import load_text as load
from empathy import language
from empathy.figures import voice
from empathy.figures.metrics import iso_week
from empathy.figures.voice import VoiceRule
from empathy.meeting.wording import attribution
from empathy.store import presentations as kept_boards
from empathy.store import voices as kept_voices

W37, W38 = iso_week("2026-W37"), iso_week("2026-W38")
RULE = VoiceRule()
FURIOUS = "I am furious and disgusted, Mina Park here: the billing export is broken again and nobody answers us. Terrible."
SLOW = "Hi, it's Mina. Our reports have been horribly slow all week and the team is really angry about it."


@pytest.fixture
def voices(store):
    load(store, "account_id,account_name,segment,arr,customer_type,contacts\n"
                "BIG,Big Co,Enterprise,900000,external,Mina Park; Oliver Bennett\n"
                "SMALL,Small Co,SMB,1000,external,\nINT,Our Finance Team,Mid-Market,0,internal,\n", "accounts.csv")
    load(store, "response_id,account_id,respondent_role,submitted_at,metric,score,comment,channel\n"
                f'R1,BIG,administrator,2026-09-08,nps,2,"{FURIOUS}",email\n'
                'R2,SMALL,end user,2026-09-09,csat,5,"Absolutely wonderful support team, they solved everything quickly and kindly for us today.",web\n'
                'R3,INT,end user,2026-09-09,nps,0,"This is terrible, awful, horrible and the worst tool we have ever been given.",web\n'
                'R4,SMALL,end user,2026-09-10,nps,1,Awful.,web\n'
                'R5,BIG,end user,2026-09-10,nps,7,"It is fine I guess, nothing special to report about the product this week.",web\n'
                f'R6,BIG,end user,2026-09-15,nps,0,"{FURIOUS}",web\n'
                'R7,SMALL,end user,2026-09-16,nps,0,"Terrible experience, the dashboard crashed twice and we lost a whole day of work.",web\n'
                'R8,SMALL,end user,2026-09-11,nps,0,"Terrible, awful, horrible!",web\n',
         "surveys.csv")
    load(store, "call_id,account_id,started_at,call_type,channel,agent,transcript\n"
                'K1,BIG,2026-09-11 10:00,support,phone,Jordan,"Agent: Thanks for calling, this is Jordan, I am really happy to help you today, great to hear from you.\n'
                f'Customer: {SLOW}\nAgent: Sorry to hear that, let me look.\nCustomer: Ok."\n', "calls.csv")
    return store


def test_candidates_are_strong_readable_external_customer_words_in_the_window(voices):
    vader = SentimentIntensityAnalyzer()
    found = voice.candidates(voices, W37, "UTC", RULE, {}, None)
    assert sorted(found.loc[found["readable"], "ref_id"]) == ["K1", "R1", "R2"]
    assert found.loc[~found["readable"], "ref_id"].tolist() == ["R8"]  # strong, too short to read
    # R3 is an internal account's, R4 and R5 weak, the agent's turns are not a customer's: none is a candidate
    assert abs(vader.polarity_scores("It is fine I guess, nothing special to report about the product this week.")
               ["compound"]) < RULE.min_strength  # R5 really is weak
    turn = found[found["ref_id"] == "K1"].iloc[0]
    assert turn["text"] == SLOW and turn["compound"] == pytest.approx(vader.polarity_scores(SLOW)["compound"])


def test_candidates_rank_by_strength_and_the_preferences(voices):
    vader = SentimentIntensityAnalyzer()
    strength = {ref: abs(vader.polarity_scores(text)["compound"]) for ref, text in (
        ("R1", FURIOUS), ("K1", SLOW), ("R8", "Terrible, awful, horrible!"),
        ("R2", "Absolutely wonderful support team, they solved everything quickly and kindly for us today."))}
    # ARR percentiles among the three accounts (INT 0, SMALL 1,000, BIG 900,000): 0, 0.5, 1
    # R1 BIG: strength + 0.5 (yellow) + 0.5 x 1 + 0.5 (billing, its theme); K1 BIG: strength + 0.5 + 0.5 x 1
    # (performance); R2 SMALL: strength + 1 (red) + 0.5 x 0.5; R8 SMALL: the same, too short but ranked
    expected = {"R1": strength["R1"] + 1.5, "K1": strength["K1"] + 1.0, "R2": strength["R2"] + 1.25,
                "R8": strength["R8"] + 1.25}
    found = voice.candidates(voices, W37, "UTC", RULE, {"BIG": "yellow", "SMALL": "red"}, "billing")
    assert found["ref_id"].tolist() == sorted(expected, key=lambda ref: -expected[ref])
    assert found["rank_score"].tolist() == pytest.approx(sorted(expected.values(), reverse=True))
    best = found.iloc[0]
    assert voice.reasons(best, "billing") == [f"strong negative sentiment ({-strength['R1']:+.2f})", "yellow account",
                                              "ARR in the top 1% of accounts",
                                              "mentions billing, the theme whose complaints grew most"]
    with language.speaking("ko"):
        assert "청구" in voice.reasons(best, "billing")[-1] and "billing" not in voice.reasons(best, "billing")[-1]
    assert voice.candidates(voices, W37, "UTC", RULE, {}, None, limit=2)["ref_id"].tolist() == \
        voice.candidates(voices, W37, "UTC", RULE, {}, None)["ref_id"].tolist()[:2]


def test_the_choice_reads_further_down_when_the_best_quotes_are_too_short(voices):
    shouts = ["Terrible, awful!", "Horrible, just horrible!", "Awful, terrible service!", "Worst. Ever. Awful.",
              "Disgusting, terrible, awful."]
    load(voices, "response_id,account_id,respondent_role,submitted_at,metric,score,comment,channel\n" + "".join(
        f'S{i},SMALL,end user,2026-09-{8 + i % 3:02d},nps,0,"{text}",web\n' for i, text in enumerate(shouts)),
        "surveys.csv")
    # one quote wanted, of 18 words or more (R1 and K1, of the green BIG): the red SMALL's shouts and
    # R2 rank above them, so the first four asked for are none to read
    one = VoiceRule(shortlist=0, min_words=18)
    assert not voice.candidates(voices, W37, "UTC", one, {"SMALL": "red"}, None, limit=4)["readable"].any()
    chosen, shortlist = voice.choose(voices, W37, "UTC", one, {"SMALL": "red"}, None)
    assert chosen["ref_id"] == "R1" and shortlist == []


def presented(store, window, chosen) -> None:
    """The window's board presented with `chosen` as its voice: what keeps the rule's choice."""
    frozen = {"window_label": window.label, "window_start": window.start, "window_end": window.end,
              "inputs_hash": "h", "board": "{}"}
    kept_boards.present(store, frozen, data_version=store.version(), user=EXECUTIVE, voice=voice.kept(window, chosen, pinned=False))


def test_the_choice_is_redacted_read_without_a_write_and_kept_once_presented(voices):
    writes = voices.query("SELECT value FROM meta WHERE key = 'writes'")["value"][0]
    chosen, shortlist = voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)
    assert voices.query("SELECT value FROM meta WHERE key = 'writes'")["value"][0] == writes  # reading wrote nothing
    assert kept_voices.kept(voices).empty
    assert chosen["ref_id"] == "R1"  # red account, top ARR, the strongest (-0.92 against the call's -0.79)
    assert chosen["text"] == ("I am furious and disgusted, [name] here: the billing export is broken again and "
                              "nobody answers us. Terrible.")
    assert (chosen["account_name"], chosen["segment"], chosen["who"], chosen["channel"], chosen["date"]) == \
        ("Big Co", "Enterprise", "administrator", "email", "2026-09-08")
    assert [c["ref_id"] for c in shortlist] == ["K1", "R2"]
    assert shortlist[0]["text"] == "Hi, it's [name]. Our reports have been horribly slow all week and the team is really angry about it."
    presented(voices, W37, chosen)
    kept = kept_voices.kept(voices)
    assert kept[["window_label", "ref_id", "pinned"]].values.tolist() == [["2026-W37", "R1", False]]
    # with other statuses the rule would now prefer another quote; the kept one stays all week
    again, _ = voice.choose(voices, W37, "UTC", RULE, {"SMALL": "red"}, None)
    assert again["ref_id"] == "R1"


def test_one_quote_per_text_when_one_text_fills_the_best_quotes(voices):
    """The same words said more often than the quotes asked for look ahead (PREFIX x limit): one quote
    of them, then the next text all the same."""
    load(voices, "response_id,account_id,respondent_role,submitted_at,metric,score,comment,channel\n" + "".join(
        f'D{i:02d},BIG,administrator,2026-09-12,nps,0,"{FURIOUS}",email\n' for i in range(voice.PREFIX * 2 + 4)),
         "again.csv")
    every = voice.candidates(voices, W37, "UTC", RULE, {"BIG": "red"}, None)
    assert every["text"].tolist().count(FURIOUS) == 1 and every["ref_id"].tolist()[:2] == ["D00", "K1"]
    assert voice.candidates(voices, W37, "UTC", RULE, {"BIG": "red"}, None, limit=2)["ref_id"].tolist() == ["D00", "K1"]


def test_a_quote_featured_before_is_never_chosen_again(voices):
    presented(voices, W37, voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)[0])
    chosen, shortlist = voice.choose(voices, W38, "UTC", RULE, {"BIG": "red"}, None)
    assert chosen["ref_id"] == "R7"  # R6 says word for word what R1 said, featured in W37
    assert shortlist == []


def test_pin_and_back_to_the_rule(voices):
    _, shortlist = voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)
    voice.pin(voices, ANALYST, W37, shortlist[1])
    chosen, shortlist = voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)
    assert (chosen["ref_id"], chosen["pinned"]) == ("R2", True)
    assert [c["ref_id"] for c in shortlist] == ["R1", "K1"]
    voice.unpin(voices, ANALYST, W37)
    chosen, _ = voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)
    assert (chosen["ref_id"], chosen["pinned"]) == ("R1", False)


def test_a_calls_attribution_says_its_type_and_id_in_the_readers_language(voices):
    call = voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)[1][0]
    assert attribution(call) == "— Big Co (Enterprise) · support call K1, phone · 2026-09-11"
    with language.speaking("ko"):
        assert attribution(call) == "— Big Co (Enterprise) · 지원 통화 K1, phone · 2026-09-11"
        frozen = {**call, "who": "support call K1", "call_type": None}  # as a board presented before kept it
        assert attribution(frozen) == "— Big Co (Enterprise) · support call K1, phone · 2026-09-11"


def test_context_of_a_turn_is_the_call_around_it_redacted(voices):
    _, shortlist = voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)
    turns = voice.context(voices, shortlist[0], RULE)
    assert turns["role"].tolist() == ["agent", "customer", "agent", "customer"]
    assert turns["text"].tolist()[1].startswith("Hi, it's [name].")
    assert turns["text"].tolist()[0].endswith("great to hear from you.")  # our agent's name is not a contact's


def test_context_of_a_presented_voice_whose_answer_moved_to_another_date(voices):
    chosen = voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)[0]
    presented(voices, W37, chosen)
    assert voice.context(voices, chosen, RULE)[["metric", "score"]].values.tolist() == [["nps", 2]]
    load(voices, "response_id,account_id,respondent_role,submitted_at,metric,score,comment,channel\n"
                 f'R1,BIG,administrator,2026-10-20,nps,3,"{FURIOUS}",email\n', "surveys.csv")  # corrected date and score
    answer = voice.context(voices, chosen, RULE)  # the voice as presented says 2026-09-08: looked for everywhere
    assert answer[["metric", "score"]].values.tolist() == [["nps", 3]]
    assert answer["text"].tolist()[0].startswith("I am furious and disgusted, [name] here")


def test_history_finds_a_quote_whose_answer_moved_to_another_date(voices):
    presented(voices, W37, voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)[0])
    load(voices, "response_id,account_id,respondent_role,submitted_at,metric,score,comment,channel\n"
                 f'R1,BIG,administrator,2026-10-20,nps,2,"{FURIOUS}",email\n', "surveys.csv")  # a corrected date
    past = voice.history(voices, RULE)
    assert past["ref_id"].tolist() == ["R1"]
    assert past["text"].tolist()[0].startswith("I am furious and disgusted, [name] here")


def test_history_lists_past_voices_redacted(voices):
    presented(voices, W37, voice.choose(voices, W37, "UTC", RULE, {"BIG": "red"}, None)[0])
    presented(voices, W38, voice.choose(voices, W38, "UTC", RULE, {}, None)[0])
    past = voice.history(voices, RULE)
    assert past["window_label"].tolist() == ["2026-W38", "2026-W37"]
    assert past["account_name"].tolist() == ["Small Co", "Big Co"]
    assert past["text"].tolist()[1].startswith("I am furious and disgusted, [name] here")
