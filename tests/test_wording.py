"""How stored codes read on a page: every code the schema keeps has its words, in both languages."""

from empathy import language
from empathy.meeting.wording import CODES, coded
from empathy.sheets.schema import LAYOUTS


def test_every_code_a_column_keeps_is_worded_and_nothing_else_is():
    kept = {column.name: set(column.choices.values()) for layout in LAYOUTS for column in layout.columns
            if column.choices and column.name != "metric"}  # a metric shows as its name, NPS, in both languages
    assert {column: set(words) for column, words in CODES.items()} == kept
    with language.speaking("ko"):
        assert all(coded(column, code) != code for column, codes in kept.items() for code in codes)
        assert coded("segment", "Enterprise") == "Enterprise"  # data that is not a code stays as written


def test_the_themes_the_board_ships_read_in_korean_and_a_companys_own_themes_as_named():
    with language.speaking("ko"):
        assert [coded("theme", theme) for theme in ("billing", "support responsiveness", "청구 지연", "renewals")] == \
            ["청구", "지원 응대 속도", "청구 지연", "renewals"]
    assert coded("theme", "billing") == "billing"
