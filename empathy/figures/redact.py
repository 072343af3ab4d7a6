"""Take personal details out of a customer's words before they go on a screen.

Offline, with checked recognisers only: card numbers must pass the Luhn check and IBANs their
check digits, Korean resident registration numbers (주민등록번호) must hold a real birth date and
business registration numbers (사업자등록번호) their form (python-stdnum), phone numbers must be
valid numbers for one of the configured regions (libphonenumber's metadata, bundled with
`phonenumbers`), e-mails and labelled account numbers by pattern, and the names of the account's own
contacts as listed in the accounts sheet (a Korean name also as its given name before an honorific,
민지님, and its surname before a title, 김 대리님).

What it cannot know (see docs/architecture.md): people named in the text who are not among the
account's contacts, numbers written as words, an address, or a phone number of a region not
configured that is also written without its +country code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import phonenumbers
from stdnum import iban, luhn
from stdnum.kr import brn, rrn

PHONE_REGIONS = ("US", "GB", "CA", "AU", "IE", "DE", "FR", "ES", "NL", "KR", "JP", "IN", "BR", "MX")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CARD = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
# "account number 12-345678-90", "acct #: 5561 2233", "customer no. AB-99812", "policy ID 4451290"
LABELLED_NUMBER = re.compile(
    r"\b(?:account|acct|a/c|customer|client|member|policy|contract|routing|sort code|iban)"
    r"(?:\s*(?:number|no\.?|num|id|#))?\s*(?:is|was|:|#)?\s*"
    r"(?P<value>[A-Z]{0,4}[-#]?\d[\d -]{3,}\d)", re.IGNORECASE)
# 900101-1234567: a birth date, then a digit for century and sex. Numbers issued since October 2020
# carry no check digit, so the date is what is checked.
RESIDENT_NUMBER = re.compile(r"(?<![\d-])\d{6}\s?-\s?[1-8]\d{6}(?![\d-])")
BUSINESS_NUMBER = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{5}(?![\d-])")
# What follows a Korean given name or surname when it stands for a person
HONORIFICS = ("님", "씨", "고객님", "선생님", "대리님", "과장님", "차장님", "부장님", "팀장님", "실장님", "이사님",
              "대표님", "매니저님", "주임님", "사원님")
TITLES = HONORIFICS[2:]
COMPOUND_SURNAMES = ("남궁", "제갈", "선우", "황보", "독고", "사공", "서문")
HANGUL_NAME = re.compile(r"[\uac00-\ud7a3]{2,5}")
LONG_NUMBER = re.compile(r"(?<![\d.,])\d(?:[ -]?\d){7,}(?![\d.,])")
DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4}")

LABELS = {"email": "[email]", "phone": "[phone]", "card": "[card number]", "iban": "[account number]",
          "account": "[account number]", "number": "[number]", "name": "[name]",
          "resident": "[resident registration number]", "business": "[business registration number]"}


def redact(text: str, names: Iterable[str] = (), regions: Iterable[str] = PHONE_REGIONS) -> str:
    """The text with each personal detail replaced by its kind in brackets, e.g. `[phone]`."""
    if not text:
        return text
    taken: list[tuple[int, int, str]] = []
    for start, end, kind in _found(text, list(names), tuple(regions)):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, kind))
    out, at = [], 0
    for start, end, kind in sorted(taken):
        out += [text[at:start], LABELS[kind]]
        at = end
    return "".join(out) + text[at:]


def _found(text: str, names: list[str], regions: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    """Spans in order of trust: a span that overlaps one found earlier is dropped."""
    for match in EMAIL.finditer(text):
        yield match.start(), match.end(), "email"
    for match in CARD.finditer(text):
        if luhn.is_valid(re.sub(r"\D", "", match.group())):
            yield match.start(), match.end(), "card"
    for match in IBAN.finditer(text):
        if iban.is_valid(match.group()):
            yield match.start(), match.end(), "iban"
    for match in LABELLED_NUMBER.finditer(text):
        yield match.start("value"), match.end("value"), "account"
    for match in RESIDENT_NUMBER.finditer(text):
        if _birth_date(match.group()):
            yield match.start(), match.end(), "resident"
    for match in BUSINESS_NUMBER.finditer(text):
        if brn.is_valid(match.group()):
            yield match.start(), match.end(), "business"
    for region in regions:
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            yield match.start, match.end, "phone"
    for match in LONG_NUMBER.finditer(text):
        if not DATE.fullmatch(match.group()):
            yield match.start(), match.end(), "number"
    for pattern in name_patterns(names):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), "name"


def _birth_date(number: str) -> bool:
    try:
        rrn.get_birth_date(number)
    except ValueError:
        return False
    return True


def name_patterns(names: Iterable[str]) -> list[re.Pattern]:
    """Each contact's full name first, then each part of it alone ("Mina Park", "Mina", "Park"),
    as whole words; a name in a script without spaces between words (Korean) matches anywhere, with
    any particle after it (김민지님이), and its parts only where they stand for the person: the given
    name before an honorific (민지님, 민지 씨), the surname before a title (김 대리님). A given name
    alone may be a common word (지원 is also "support"), so it is never taken without one."""
    wholes, parts, korean = [], [], []
    for name in names:
        name = " ".join(str(name).split())
        if not name:
            continue
        wholes.append(name)
        parts += [part for part in name.split(" ") if len(part) > 1 and part != name]
        if HANGUL_NAME.fullmatch(name) and len(name) >= 3:
            surname = name[:2] if name.startswith(COMPOUND_SURNAMES) and len(name) == 4 else name[0]
            korean.append(rf"{name[len(surname):]}(?=\s?(?:{'|'.join(HONORIFICS)}))")
            korean.append(rf"{surname}(?=\s?(?:{'|'.join(TITLES)}))")
    patterns = []
    for value in dict.fromkeys(sorted(wholes, key=len, reverse=True) + sorted(parts, key=len, reverse=True)):
        words = re.escape(value).replace(r"\ ", r"\s+")
        patterns.append(re.compile(rf"\b{words}\b" if value.isascii() else words))
    return patterns + [re.compile(pattern) for pattern in dict.fromkeys(korean)]


def split_contacts(contacts: str | None) -> list[str]:
    """The `contacts` cell of an account: names separated by semicolons, commas or new lines."""
    if not contacts:
        return []
    return [name.strip() for name in re.split(r"[;,\n]", contacts) if name.strip()]
