"""Take personal details out of a customer's words before they go on a screen.

Offline, with checked recognisers only: card numbers must pass the Luhn check and IBANs their
check digits (python-stdnum), phone numbers must be valid numbers for one of the configured
regions (libphonenumber's metadata, bundled with `phonenumbers`), e-mails and labelled account
numbers by pattern, and the names of the account's own contacts as listed in the accounts sheet.

What it cannot know (see docs/architecture.md): people named in the text who are not among the
account's contacts, numbers written as words, an address, or a phone number of a region not
configured that is also written without its +country code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import phonenumbers
from stdnum import iban, luhn

PHONE_REGIONS = ("US", "GB", "CA", "AU", "IE", "DE", "FR", "ES", "NL", "KR", "JP", "IN", "BR", "MX")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CARD = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
# "account number 12-345678-90", "acct #: 5561 2233", "customer no. AB-99812", "policy ID 4451290"
LABELLED_NUMBER = re.compile(
    r"\b(?:account|acct|a/c|customer|client|member|policy|contract|routing|sort code|iban)"
    r"(?:\s*(?:number|no\.?|num|id|#))?\s*(?:is|was|:|#)?\s*"
    r"(?P<value>[A-Z]{0,4}[-#]?\d[\d -]{3,}\d)", re.IGNORECASE)
LONG_NUMBER = re.compile(r"(?<![\d.,])\d(?:[ -]?\d){7,}(?![\d.,])")
DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4}")

LABELS = {"email": "[email]", "phone": "[phone]", "card": "[card number]", "iban": "[account number]",
          "account": "[account number]", "number": "[number]", "name": "[name]"}


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
    for region in regions:
        for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            yield match.start, match.end, "phone"
    for match in LONG_NUMBER.finditer(text):
        if not DATE.fullmatch(match.group()):
            yield match.start(), match.end(), "number"
    for pattern in name_patterns(names):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), "name"


def name_patterns(names: Iterable[str]) -> list[re.Pattern]:
    """Each contact's full name first, then each part of it alone ("Mina Park", "Mina", "Park"),
    as whole words; a name in a script without spaces between words (Korean) matches anywhere."""
    wholes, parts = [], []
    for name in names:
        name = " ".join(str(name).split())
        if not name:
            continue
        wholes.append(name)
        parts += [part for part in name.split(" ") if len(part) > 1 and part != name]
    patterns = []
    for value in dict.fromkeys(sorted(wholes, key=len, reverse=True) + sorted(parts, key=len, reverse=True)):
        words = re.escape(value).replace(r"\ ", r"\s+")
        patterns.append(re.compile(rf"\b{words}\b" if value.isascii() else words))
    return patterns


def split_contacts(contacts: str | None) -> list[str]:
    """The `contacts` cell of an account: names separated by semicolons, commas or new lines."""
    if not contacts:
        return []
    return [name.strip() for name in re.split(r"[;,\n]", contacts) if name.strip()]
