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


@pytest.mark.parametrize("label", ["Customer Service", "Customer Care", "Guest Services", "Member Services",
                                   "Client Services", "Customer Support"])
def test_the_companys_side_named_with_a_customer_word_is_the_agent(label):
    roles = assign_roles([label, "Jane Doe"])
    assert roles.roles == {label: "agent", "Jane Doe": "customer"} and roles.doubts == {}


def test_a_customer_who_shares_the_agents_first_name_is_not_the_agent():
    roles = assign_roles(["Robert Miller", "Sam Park", "Rep"], agent_name="Robert")
    assert roles["Robert Miller"] == "other" and "Robert Miller" in roles.unmapped
    assert roles.doubts == {"Robert Miller": "starts with the agent's first name (Robert) but names someone else"}
    assert assign_roles(["Robert", "Robert Miller"], agent_name="Robert").roles == \
        {"Robert": "agent", "Robert Miller": "customer"}  # the agent's own label places the other side
    assert assign_roles(["Mei", "Customer"], agent_name="Mei Lin")["Mei"] == "agent"  # the start of the name


def test_a_label_with_both_an_agent_and_a_customer_word_is_a_doubt():
    roles = assign_roles(["Client Agent", "Jane", "Kim"])
    assert roles.doubts == {"Client Agent": "has both an agent word and a customer word"}
    assert "Client Agent" in roles.unmapped
