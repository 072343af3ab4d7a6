"""The words people read, in their language: Korean or English.

Messages are marked with `_()` (or `N_()` where a string is defined before anyone reads it) and
translated through gettext catalogs: `locales/<language>/LC_MESSAGES/messages.po`, extracted and
compiled by Babel (`make catalogs`; the `.mo` files are built, never committed). Customer text is
never translated. Dates and numbers are written the way each language writes them, by Babel.

The language is the current run's, a context variable: a page run (one thread per browser session)
or a command sets it once with `use`, and every `_()` below it reads it, so two people reading in two
languages at once never see each other's words.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
import gettext
import os
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.numbers import format_compact_currency, format_decimal, get_currency_symbol

LOCALES = Path(__file__).resolve().parent.parent / "locales"


def locales() -> Path:
    """`locales/`, or the folder `EMPATHY_LOCALES` names (a test's catalog with a translation taken out)."""
    return Path(os.environ.get("EMPATHY_LOCALES") or LOCALES)
LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT = "en"
ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")

_language: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=DEFAULT)


def supported(tag: str | None) -> str | None:
    """The language of a tag such as "ko-KR", "ko_KR" or "EN", if it is one the board speaks."""
    if not tag:
        return None
    language = str(tag).replace("_", "-").split("-")[0].strip().lower()
    return language if language in LANGUAGES else None


def use(language: str | None) -> str:
    """Read in `language` from now on in this run (English for one it does not speak)."""
    chosen = supported(language) or DEFAULT
    _language.set(chosen)
    return chosen


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Read in `language` for a while (a command), then in whatever was read in before."""
    token = _language.set(supported(language) or DEFAULT)
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def current() -> str:
    return _language.get()


@lru_cache(maxsize=None)
def catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation("messages", locales(), languages=[language], fallback=True)


def _(message: str) -> str:
    return catalog(current()).gettext(message)


def N_(message: str) -> str:
    """A message marked for the catalog where it is defined, translated with `_()` where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return catalog(current()).ngettext(singular, plural, n)


def theme_name(theme: str) -> str:
    """A theme's name as the reader reads it: those of the taxonomy the product ships are in the catalog
    (extracted from data/themes.csv, in the context "theme": "performance" the theme is not "performance"
    elsewhere), a theme a company named itself reads as named."""
    return catalog(current()).pgettext("theme", theme)


def day(value: date) -> str:
    """"Mon 16 Nov 2026" / "2026년 11월 16일 (월)": a day as each language writes it."""
    return format_date(value, "EEE dd MMM y" if current() == "en" else "y년 M월 d일 (E)", locale=current())


def short_day(value: date) -> str:
    """"01 Oct" / "10월 1일": a day near enough that its year goes without saying."""
    return format_date(value, "dd MMM" if current() == "en" else "M월 d일", locale=current())


def long_day(value: date) -> str:
    """"16 Nov 2026" / "2026년 11월 16일": a day with its year, without its weekday."""
    return format_date(value, "dd MMM y" if current() == "en" else "long", locale=current())


def moment(value: datetime) -> str:
    """"Mon 16 Nov 2026 09:30" / "2026년 11월 16일 (월) 09:30": a time something was done."""
    return format_datetime(value, "EEE dd MMM y HH:mm" if current() == "en" else "y년 M월 d일 (E) HH:mm",
                           locale=current())


def week(label: str) -> str:
    """A window's label as people say it: "2026-W47" / "2026년 47주차", "2026-W44 to 2026-W47" /
    "2026년 44주차 ~ 2026년 47주차"; days stay ISO dates."""
    return _(" to ").join(ISO_WEEK.sub(lambda found: _("{year}-W{week:02d}").format(year=found[1], week=int(found[2])),
                                       part) for part in label.split(" to "))


def number(value: float, digits: int = 0) -> str:
    """A count or amount with the language's grouping: 1,234."""
    return format_decimal(round(value, digits), format="#,##0" + ("." + "0" * digits if digits else ""),
                          locale=current())


def money(amount: float, currency: str) -> str:
    """An amount short, in the language's way and the currency's sign: $1.2M, $499K / US$49.9만, ₩120억."""
    return format_compact_currency(amount, currency, locale=current(), fraction_digits=1)


def money_format(currency: str) -> str:
    """A table column's printf format for whole amounts with the currency's sign: "$%,d", "₩%,d"."""
    return get_currency_symbol(currency, locale=current()).replace("%", "%%") + "%,d"
