"""Where the secrets are: `.streamlit/secrets.toml` as Streamlit reads it, so the command line and
the app find the same Google service account and mail server, and know alike whether sign-in is
configured. `EMPATHY_SECRETS` names another file."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from empathy import PROJECT
from empathy.language import _


def secrets_paths() -> list[Path]:
    """Where Streamlit looks for secrets: the project's `.streamlit/`, then the user's."""
    if named := os.environ.get("EMPATHY_SECRETS"):
        return [Path(named)]
    return [PROJECT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"]


def sign_in_configured() -> bool:
    """Whether any secrets file has an `[auth]` section (Streamlit's OIDC sign-in): the command line
    acts with every right only on a machine without it. A file that is not TOML counts as configured,
    so a broken file never grants more."""
    for path in secrets_paths():
        if path.is_file():
            try:
                if "auth" in tomllib.loads(path.read_text(encoding="utf-8")):
                    return True
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                return True
    return False


class SecretsError(ValueError):
    """A secrets file that cannot be read; the message names it."""


def secrets_section(*keys: str) -> tuple[Path, dict] | None:
    """The section at `keys` (e.g. "connections", "gsheets") of the first secrets file that has it,
    with that file's path; None when no file has it."""
    for path in secrets_paths():
        if not path.is_file():
            continue
        try:
            section = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise SecretsError(_("{path} is not valid TOML ({error})").format(path=path, error=error)) from None
        for key in keys:
            section = section.get(key) if isinstance(section, dict) else None
        if isinstance(section, dict):
            return path, section
    return None


def configured_section(name: str, error: type[Exception], missing: str) -> tuple[Path, dict]:
    """The section `[name]` and its file; else `error` saying the file cannot be read, or `missing`
    (what to add) when no file has the section."""
    try:
        found = secrets_section(name)
    except SecretsError as problem:
        raise error(f"{problem}; fix it and try again.") from None
    if found is None:
        raise error(missing)
    return found
