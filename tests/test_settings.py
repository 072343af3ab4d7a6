from datetime import date

import pytest

from conftest import ANALYST, EXECUTIVE, load_text
from empathy.figures.rules import Thresholds, account_signals
from empathy.figures.settings import Settings, SettingsError, read_display, read_settings, save_thresholds
from empathy.figures.voice import VoiceRule


def test_the_committed_file_holds_the_documented_defaults():
    assert read_settings() == Settings()


def test_every_section_is_read(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[board]\ntimezone = "Asia/Seoul"\nmin_n = 50\n'
                    "[early_warning]\ndays = 14\nfrequent_support_calls = 5\nnps_drop = 30\n"
                    "unhappy_share = 0.4\nparticipation_drop = 0.4\nred_escalations = 3\n"
                    "[voice]\nmin_words = 5\nshortlist = 3\n")
    settings = read_settings(path)
    assert (settings.timezone, settings.min_n, settings.speeder_seconds) == ("Asia/Seoul", 50, 5.0)
    assert settings.early_warning == Thresholds(days=14, frequent_support_calls=5, nps_drop=30, unhappy_share=0.4,
                                                participation_drop=0.4, red_escalations=3)
    assert (settings.voice.min_words, settings.voice.shortlist, settings.voice.max_words) == (5, 3, VoiceRule().max_words)


@pytest.mark.parametrize("text, named", [
    ('[board]\ntimezone = "Mars/Olympus"\n', "Mars/Olympus"),
    ("[early_warning]\nred_escalation = 3\n", "red_escalation"),
    ("[board\n", "cannot be read"),
])
def test_a_wrong_setting_is_named(tmp_path, text, named):
    path = tmp_path / "settings.toml"
    path.write_text(text)
    with pytest.raises(SettingsError, match=named.replace("/", "/")):
        read_settings(path)


def test_the_currency_is_read_and_a_code_that_is_none_is_named(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[display]\nlanguage = "ko"\ncurrency = "KRW"\n')
    assert (read_display(path).language, read_display(path).currency) == ("ko", "KRW")
    assert read_display().currency == "USD"  # the committed file
    path.write_text('[display]\ncurrency = "WON"\n')
    with pytest.raises(SettingsError, match="currency = 'WON' is not a currency code; write one like USD"):
        read_display(path)


def test_thresholds_are_saved_keeping_the_files_comments_and_other_settings(own_settings_and_themes, store):
    path = own_settings_and_themes / "settings.toml"
    before = path.read_text(encoding="utf-8")
    save_thresholds(store, ANALYST, Thresholds(nps_answers=3, unhappy_share=0.4))
    assert read_settings().early_warning == Thresholds(nps_answers=3, unhappy_share=0.4)
    assert read_settings().voice == VoiceRule()
    after = path.read_text(encoding="utf-8")
    assert "nps_answers = 3              # yellow: NPS from at least this many answers" in after
    assert [line for line in after.splitlines() if line.startswith("#")] == \
        [line for line in before.splitlines() if line.startswith("#")]


def test_saved_thresholds_are_kept_for_the_board_at_once(own_settings_and_themes, store):
    """The early warning's signals a load kept are for the thresholds then; saving others keeps them
    again for the new ones, without a load (the data's version stays)."""
    load_text(store, "account_id,account_name\nA1,One\n", "accounts.csv")
    load_text(store, "call_id,account_id,started_at,escalated\nC1,A1,2026-09-02,yes\n", "calls.csv")
    version = store.version()
    def kept() -> list:
        return store.query("SELECT DISTINCT days, version FROM kept_signals").values.tolist()
    assert kept() == [[30, version]]
    save_thresholds(store, ANALYST, Thresholds(days=14))
    assert kept() == [[14, version]] and store.version() == version
    assert account_signals(store, date(2026, 9, 6), Thresholds(days=14))["escalations"].tolist() == [1]
    with pytest.raises(PermissionError):
        store.keep(EXECUTIVE)  # reading the board is no licence to write, even what is only derived


@pytest.mark.parametrize(("thresholds", "named"), [
    (Thresholds(days=0), "days must be a whole number of at least 1"),
    (Thresholds(unhappy_share=0), "unhappy_share must be above 0 and at most 1"),
    (Thresholds(participation_drop=0), "participation_drop must be above 0"),
    (Thresholds(contact_rise=0.5), "contact_rise must be at least 1"),
    (Thresholds(red_signs=0), "red_signs must be a whole number of at least 1"),
])
def test_thresholds_that_cannot_work_are_refused_and_the_file_is_unchanged(own_settings_and_themes, store,
                                                                          thresholds, named):
    path = own_settings_and_themes / "settings.toml"
    before = path.read_text(encoding="utf-8")
    with pytest.raises(SettingsError, match=named):
        save_thresholds(store, ANALYST, thresholds)
    assert path.read_text(encoding="utf-8") == before
