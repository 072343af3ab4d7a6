"""The board's settings, in one file an analyst can edit: `data/settings.toml`.

A setting left out of the file keeps its default; a wrong one (an unknown name, a timezone that does
not exist) is an error that names it, not a silent fallback.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tomlkit
from babel.numbers import is_currency

from empathy import DATA, language
from empathy.figures.rules import Thresholds
from empathy.figures.voice import VoiceRule
from empathy.language import N_, _

SETTINGS_PATH = DATA / "settings.toml"


# Settings that were, with what took their place.
RETIRED = {"negative_sentiment": N_("the rule now counts calls with an unhappy customer; write unhappy_share = 0.5 "
                                    "(flag an account when at least this share of its scored calls had one) "
                                    "in its place.")}


def settings_path() -> Path:
    """`data/settings.toml`, or the file `EMPATHY_SETTINGS` names."""
    return Path(os.environ.get("EMPATHY_SETTINGS") or SETTINGS_PATH)


class SettingsError(ValueError):
    """A settings file that cannot be used; the message names the setting."""


@dataclass(frozen=True)
class Settings:
    timezone: str = "UTC"  # windows are calendar days here; the store keeps UTC
    min_n: int = 30  # below this many answers (calls, invitations) a figure is marked "low n"
    speeder_seconds: float = 5.0  # an answer given faster than this is a speeder
    trend_windows: int = 12  # how many windows each tile's trend shows
    early_warning: Thresholds = field(default_factory=Thresholds)
    voice: VoiceRule = field(default_factory=VoiceRule)


@dataclass(frozen=True)
class Display:
    """How the board speaks to whoever has not chosen (kept apart from `Settings`, which are what a
    board is computed from: a presented board's figures do not depend on its reader's language)."""

    language: str = language.DEFAULT  # "en" or "ko": pages, packs, the digest and the alerts
    currency: str = "USD"  # ISO 4217 code of the data's ARR figures: "USD", "KRW", "EUR"


def read_display(path: Path | None = None) -> Display:
    path = path or settings_path()
    display = Display(**_section(_read(path), "display", Display, path))
    if language.supported(display.language) != display.language:
        raise SettingsError(_("{path}: [display] language = '{language}' is not one the board speaks; use one of: "
                              "{languages}.").format(path=path, language=display.language,
                                                     languages=", ".join(language.LANGUAGES)))
    if not is_currency(display.currency):
        raise SettingsError(_("{path}: [display] currency = '{currency}' is not a currency code; write one like USD, "
                              "KRW or EUR.").format(path=path, currency=display.currency))
    return display


def _read(path: Path) -> dict:
    """The file's settings, parsed once per version of the file: a board view reads them some fifteen
    times (every ARR figure asks for the currency), and parsing each time cost a tenth of its CPU."""
    try:
        found = Path(path).stat()
        return _parsed(str(path), found.st_mtime_ns, found.st_size)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(_("{path}: cannot be read ({error}).").format(path=path, error=error)) from error


@lru_cache(maxsize=8)
def _parsed(path: str, modified_ns: int, size: int) -> dict:
    """Shared by every reader: callers copy what they change."""
    with Path(path).open("rb") as handle:
        return tomllib.load(handle)


def read_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    found = _read(path)
    board = _section(found, "board", Settings, path, skip={"early_warning", "voice"})
    voice = dict(_section(found, "voice", VoiceRule, path))
    if "phone_regions" in voice:
        voice["phone_regions"] = tuple(voice["phone_regions"])
    settings = Settings(**board, early_warning=Thresholds(**_section(found, "early_warning", Thresholds, path)),
                        voice=VoiceRule(**voice))
    problems = threshold_problems(settings.early_warning)
    if problems:
        raise SettingsError(f"{path}: [early_warning] " + "; ".join(problems) + ".")
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SettingsError(_("{path}: [board] timezone = '{timezone}' is not a timezone; use a name like "
                              "'Europe/London' or 'UTC'.").format(path=path, timezone=settings.timezone)) from error
    return settings


def _section(found: dict, name: str, kind: type, path: Path, skip: frozenset | set = frozenset()) -> dict:
    values = found.get(name, {})
    known = {f.name for f in fields(kind)} - set(skip)
    for old, new in RETIRED.items():
        if old in values:
            raise SettingsError(_("{path}: [{section}] {old} is no longer a setting: {new}").format(
                path=path, section=name, old=old, new=_(new)))
    unknown = sorted(set(values) - known)
    if unknown:
        raise SettingsError(_("{path}: [{section}] has no setting {unknown}; the settings are: {known}.").format(
            path=path, section=name, unknown=", ".join(unknown), known=", ".join(sorted(known))))
    return values


def threshold_problems(t: Thresholds) -> list[str]:
    """What makes early-warning thresholds unusable, in words; none when they are fine."""
    whole = ("days", "baseline_days", "frequent_support_calls", "nps_answers", "sentiment_calls",
             "participation_invited", "red_escalations", "red_signs")
    problems = [_("{name} must be a whole number of at least 1 (it is {value})").format(name=name, value=getattr(t, name))
                for name in whole if not isinstance(getattr(t, name), int) or getattr(t, name) < 1]
    if not isinstance(t.contact_rise, int | float) or t.contact_rise < 1:
        problems.append(_("contact_rise must be at least 1 (it is {value})").format(value=t.contact_rise))
    if not isinstance(t.nps_drop, int | float) or not 0 < t.nps_drop <= 200:
        problems.append(_("nps_drop must be above 0 and at most 200 points (it is {value})").format(value=t.nps_drop))
    if not isinstance(t.unhappy_share, int | float) or not 0 < t.unhappy_share <= 1:
        problems.append(_("unhappy_share must be above 0 and at most 1 (it is {value})").format(
            value=t.unhappy_share))
    if not isinstance(t.participation_drop, int | float) or not 0 < t.participation_drop <= 1:
        problems.append(_("participation_drop must be above 0 and at most 1 (it is {value})").format(
            value=t.participation_drop))
    return problems


def save_thresholds(store, user, thresholds: Thresholds, path: Path | None = None) -> None:
    """Into the file's [early_warning] section, keeping its comments and every other setting; the
    file is written whole and moved into place, and thresholds that cannot be used are refused."""
    path = Path(path or settings_path())
    store.authorize(user, "edit_thresholds", str(path))
    problems = threshold_problems(thresholds)
    if problems:
        raise SettingsError(_("The thresholds were not saved: {problems}.").format(problems="; ".join(problems)))
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    if "early_warning" not in document:
        document["early_warning"] = tomlkit.table()
    for name, value in asdict(thresholds).items():
        document["early_warning"][name] = value
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(tomlkit.dumps(document), encoding="utf-8")
    temporary.replace(path)
    store.audit(user, "edit_thresholds", str(path), "done",
                ", ".join(f"{name} = {value}" for name, value in asdict(thresholds).items()))
    store.whole.keep(user)  # the early warning's kept signals, for the new thresholds
