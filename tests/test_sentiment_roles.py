import pytest

from sentiment.roles import assign_roles


def test_known_labels():
    roles = assign_roles(["Customer", "Agent", "Caller", "Support Rep", "Host", "Guest"])
    assert roles.roles == {"Customer": "customer", "Agent": "agent", "Caller": "customer",
                           "Support Rep": "agent", "Host": "agent", "Guest": "customer"}
    assert roles.unmapped == []


def test_the_calls_agent_name_from_the_sheet():
    roles = assign_roles(["Mei Lin", "Customer"], agent_name="Mei Lin")
    assert roles["Mei Lin"] == "agent"


def test_two_speakers_one_known_the_other_takes_the_other_role():
    assert assign_roles(["Rep", "Jordan Blake"]).roles == {"Rep": "agent", "Jordan Blake": "customer"}
    assert assign_roles(["Caller", "Mei"]).roles == {"Caller": "customer", "Mei": "agent"}


def test_unknown_speakers_are_other_and_reported():
    roles = assign_roles(["Dana Lee", "Sam Park"])
    assert roles.roles == {"Dana Lee": "other", "Sam Park": "other"}
    assert roles.unmapped == ["Dana Lee", "Sam Park"]


def test_three_speakers_do_not_guess():
    roles = assign_roles(["Agent", "Sam", "Kim"])
    assert roles.unmapped == ["Sam", "Kim"]


def test_the_user_sets_the_mapping():
    roles = assign_roles(["Dana Lee", "Sam Park"], overrides={"Sam Park": "customer", "Dana Lee": "agent"})
    assert roles.roles == {"Dana Lee": "agent", "Sam Park": "customer"} and roles.unmapped == []
    with pytest.raises(ValueError, match="not a role"):
        assign_roles(["A"], overrides={"A": "boss"})


def test_one_speaker_placed_by_hand_places_the_other_in_a_two_speaker_call():
    roles = assign_roles(["Dana Lee", "Sam Park"], overrides={"Sam Park": "customer"})
    assert roles.roles == {"Dana Lee": "agent", "Sam Park": "customer"} and roles.unmapped == []
