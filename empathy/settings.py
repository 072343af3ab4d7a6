"""The board's settings, in one file an analyst can edit: `data/settings.toml`.

A setting left out of the file keeps its default; a wrong one (an unknown name, a timezone that does
not exist) is an error that names it, not a silent fallback.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from empathy.rules import Thresholds
from empathy.voice import VoiceRule

SETTINGS_PATH = Path(__file__).resolve().parent.parent / "data" / "settings.toml"


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


def read_settings(path: Path = SETTINGS_PATH) -> Settings:
    try:
        with Path(path).open("rb") as handle:
            found = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"{path}: cannot be read ({error}).") from error
    board = _section(found, "board", Settings, path, skip={"early_warning", "voice"})
    voice = _section(found, "voice", VoiceRule, path)
    if "phone_regions" in voice:
        voice["phone_regions"] = tuple(voice["phone_regions"])
    settings = Settings(**board, early_warning=Thresholds(**_section(found, "early_warning", Thresholds, path)),
                        voice=VoiceRule(**voice))
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SettingsError(f"{path}: [board] timezone = '{settings.timezone}' is not a timezone; "
                            "use a name like 'Europe/London' or 'UTC'.") from error
    return settings


def _section(found: dict, name: str, kind: type, path: Path, skip: frozenset | set = frozenset()) -> dict:
    values = found.get(name, {})
    known = {f.name for f in fields(kind)} - set(skip)
    unknown = sorted(set(values) - known)
    if unknown:
        raise SettingsError(f"{path}: [{name}] has no setting {', '.join(unknown)}; "
                            f"the settings are: {', '.join(sorted(known))}.")
    return values
