"""Redaction on text as customers write it: every detail replaced, everything else kept exactly."""

import pytest

from empathy.figures.redact import redact, split_contacts

CONTACTS = ["Mina Park", "Oliver Bennett", "김민준"]


@pytest.mark.parametrize("text, expected", [
    ("Hi, this is Mina Park from Kestrelbrook Systems. You can reach me at 415-555-0134.",
     "Hi, this is [name] from Kestrelbrook Systems. You can reach me at [phone]."),
    ("Email me at mina.park@kestrelbrook.com and I will send the invoices.",
     "Email me at [email] and I will send the invoices."),
    ("Oliver in our finance team has the examples; Mr. Bennett signed the renewal.",
     "[name] in our finance team has the examples; Mr. [name] signed the renewal."),
    ("You charged the card 4539 1488 0343 6467 twice!", "You charged the card [card number] twice!"),
    ("Our account number is 12-345678-90, please check it.", "Our account number is [account number], please check it."),
    ("Refund to IBAN GB82 WEST 1234 5698 7654 32 please.", "Refund to IBAN [account number] please."),
    ("Call our London office on +44 20 7946 0958 or my mobile (212) 555-0150.",
     "Call our London office on [phone] or my mobile [phone]."),
    ("김민준님께 연락주세요. 전화 010-4821-3377", "[name]님께 연락주세요. 전화 [phone]"),
    ("Ticket 123456789012 is still open.", "Ticket [number] is still open."),
    # fails the Luhn check: a long number, not a card
    ("Order 4539 1488 0343 6468 failed.", "Order [number] failed."),
])
def test_personal_details_are_replaced(text, expected):
    assert redact(text, CONTACTS) == expected


@pytest.mark.parametrize("text", [
    "We paid $1,200,000 on 2026-11-03 for 250 seats, up 15% on last year.",
    "Version 3.14.159 broke the export; it takes 45 seconds at 09:30.",
    "The card reader at the front desk is slow.",  # 'card' without a number
    "Parking at the office is a pain.",  # a contact's surname only matches as a whole, capitalised word
])
def test_ordinary_text_is_left_exactly_as_written(text):
    assert redact(text, CONTACTS) == text


def test_contacts_cell_is_split_on_semicolons_commas_and_lines():
    assert split_contacts("Mina Park; Oliver Bennett,Grace Novak\n김민준") == \
        ["Mina Park", "Oliver Bennett", "Grace Novak", "김민준"]
    assert split_contacts(None) == [] and split_contacts("") == []


def test_known_limit_names_not_among_the_contacts_stay():
    assert redact("Ask Steve, he knows.", CONTACTS) == "Ask Steve, he knows."
