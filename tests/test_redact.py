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


@pytest.mark.parametrize("text, expected", [
    ("제 주민등록번호는 900101-1234568입니다.", "제 주민등록번호는 [resident registration number]입니다."),
    ("주민번호 021215 - 4123456 (2020년 이후 발급)", "주민번호 [resident registration number] (2020년 이후 발급)"),
    ("사업자등록번호 220-81-12345로 세금계산서 주세요.", "사업자등록번호 [business registration number]로 세금계산서 주세요."),
    ("제 번호는 010-4821-3377이에요. 사무실은 02-312-3456입니다.", "제 번호는 [phone]이에요. 사무실은 [phone]입니다."),
    ("휴대폰 01048213377로 문자 주세요", "휴대폰 [phone]로 문자 주세요"),
    ("카드 4539-1488-0343-6467로 두 번 결제됐어요", "카드 [card number]로 두 번 결제됐어요"),
    ("김민준님이 어제 전화하셨어요", "[name]님이 어제 전화하셨어요"),
    ("김민준 고객님이 요청하신 건입니다", "[name] 고객님이 요청하신 건입니다"),
    ("민준님께 전달 부탁드려요, 민준 씨가 담당이에요", "[name]님께 전달 부탁드려요, [name] 씨가 담당이에요"),
    ("김 대리님께 여쭤보세요", "[name] 대리님께 여쭤보세요"),
    ("남궁서연 팀장님과 서연님 모두 참석합니다", "[name] 팀장님과 [name]님 모두 참석합니다"),
])
def test_korean_personal_details_are_replaced(text, expected):
    assert redact(text, CONTACTS + ["남궁서연"]) == expected


@pytest.mark.parametrize("text", [
    "민준이라는 이름의 기능은 없어요",  # a given name without an honorific may be a word
    "김치 냉장고 주문이 2026-11-03에 들어갔어요",
    "생년월일 851315-2034569는 날짜가 아니에요",  # month 13: not a registration number, but a long number
])
def test_korean_text_without_personal_details_keeps_its_words(text):
    redacted = redact(text, CONTACTS)
    assert "[name]" not in redacted and "[resident registration number]" not in redacted
    assert redacted.split()[0] == text.split()[0]


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
