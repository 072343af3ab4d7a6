"""The board's words in Korean: every marked message has a translation that keeps its placeholders,
the check fails when one is missing, and days, weeks and numbers read as each language writes them."""

import re
import shutil
from datetime import date

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from conftest import ROOT
from empathy import language
from empathy.language import _, ngettext

CATALOG = ROOT / "locales" / "ko" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


def marked_messages() -> set[tuple[str, str | None]]:
    """Every message the code marks with _(), N_() or ngettext(), and the names of the shipped themes
    (in the context "theme"), extracted as `make catalogs` does: (message, context)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    keywords = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
    return {(message if isinstance(message, str) else message[0], context)
            for _, _, message, _, context in extract_from_dir(str(ROOT), method_map, options_map, keywords=keywords)}


def untranslated(catalog_path) -> list[str]:
    """Marked messages the catalog lacks, leaves empty or marks fuzzy."""
    with open(catalog_path, "rb") as handle:
        catalog = read_po(handle, locale="ko")
    missing = []
    for message, context in sorted(marked_messages(), key=str):
        found = catalog.get(message, context=context)
        strings = found.string if found is not None and isinstance(found.string, tuple) else \
            (found.string,) if found is not None else ("",)
        if found is None or not all(strings) or found.fuzzy:
            missing.append(message)
    return missing


def test_every_marked_message_has_a_korean_translation():
    assert untranslated(CATALOG) == []


def test_the_check_fails_when_a_translation_is_removed(tmp_path):
    broken = tmp_path / "messages.po"
    shutil.copy(CATALOG, broken)
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace('msgstr "잡음 범위 안"', 'msgstr ""'), encoding="utf-8")
    assert untranslated(broken) == ["within noise"]
    broken.write_text(text.replace('msgstr "청구"', 'msgstr ""'), encoding="utf-8")
    assert untranslated(broken) == ["billing"]  # a theme the board ships, named in data/themes.csv


def test_translations_keep_every_placeholder_of_their_message():
    with open(CATALOG, "rb") as handle:
        catalog = read_po(handle, locale="ko")
    for message in catalog:
        if not message.id:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for translated in strings:
            assert set(PLACEHOLDER.findall(translated)) == set(PLACEHOLDER.findall(source)), source


def test_the_glossary_words_are_the_ones_the_board_uses():
    """docs/glossary.md says how the product names each CX term in Korean; the catalog uses the same."""
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    language.use("ko")
    for english in ("NPS", "CSAT", "CES", "Participation", "Customer voice of the week", "within noise", "red",
                    "yellow", "Themes"):
        assert _(english) != english and _(english) in glossary, english


@pytest.mark.parametrize(("tag", "expected"), [("ko-KR", "ko"), ("ko_KR", "ko"), ("EN", "en"), ("en-GB", "en"),
                                                ("fr-FR", None), ("", None), (None, None)])
def test_a_browsers_language_tag_is_read_as_a_language_the_board_speaks(tag, expected):
    assert language.supported(tag) == expected


def test_days_weeks_and_numbers_read_as_each_language_writes_them():
    assert (language.use("fr"), _("Board")) == ("en", "Board")  # a language it does not speak: English
    assert (language.week("2026-W07"), language.day(date(2026, 11, 16)), language.short_day(date(2026, 10, 1)),
            language.long_day(date(2026, 11, 16)), language.number(1234567)) == \
        ("2026-W07", "Mon 16 Nov 2026", "01 Oct", "16 Nov 2026", "1,234,567")
    language.use("ko")
    assert (language.week("2026-W07"), language.day(date(2026, 11, 16)), language.short_day(date(2026, 10, 1)),
            language.long_day(date(2026, 11, 16)), language.number(1234567)) == \
        ("2026년 7주차", "2026년 11월 16일 (월)", "10월 1일", "2026년 11월 16일", "1,234,567")
    assert (language.week("2026-W44 to 2026-W47"), language.week("2026-07-01 to 2026-09-30")) == \
        ("2026년 44주차 ~ 2026년 47주차", "2026-07-01 ~ 2026-09-30")


def test_money_reads_short_in_each_languages_way_with_the_currencys_sign():
    amounts = (950, 12_000, 1_234_567, 12_000_000_000)
    assert [language.money(a, "USD") for a in amounts] == ["$950", "$12K", "$1.2M", "$12B"]
    language.use("ko")  # Korean counts in 만 (10^4) and 억 (10^8)
    assert [language.money(a, "KRW") for a in amounts] == ["₩950", "₩1.2만", "₩123.5만", "₩120억"]
    assert language.money(12_000, "USD") == "US$1.2만"
    assert (language.money_format("KRW"), language.money_format("USD")) == ("₩%,d", "US$%,d")


def test_one_run_reads_in_korean_while_another_reads_in_english():
    """The language is the run's own (a context variable): two threads never see each other's."""
    import threading
    seen = {}

    def read(language_code: str) -> None:
        language.use(language_code)
        seen[language_code] = (_("Board"), ngettext("{arr} ARR up for renewal in the next {days} days across {n} "
                                                    "red or yellow account: {names}{more}.",
                                                    "{arr} ARR up for renewal in the next {days} days across {n} "
                                                    "red or yellow accounts: {names}{more}.", 2)[:6])
    threads = [threading.Thread(target=read, args=(code,)) for code in ("ko", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"ko": ("보드", "앞으로 {d"), "en": ("Board", "{arr} ")}
    assert language.current() == "en"  # this thread's own, untouched
