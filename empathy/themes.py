"""The common language of product and support: a taxonomy of themes that tags what customers say.

`data/themes.csv` lists `theme,phrase` rows. A phrase matches as whole words, case-insensitively;
a trailing `*` lets the last word run on (`bill*` finds bill, billed, billing). Phrases in scripts
that glue particles to words, like Korean (`청구서가`), match anywhere in the text.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import pandas as pd

THEMES_PATH = Path(__file__).resolve().parent.parent / "data" / "themes.csv"


class TaxonomyError(ValueError):
    """A themes file that cannot be used; the message names the row."""


def read_taxonomy(path: Path = THEMES_PATH) -> dict[str, list[str]]:
    """Theme -> its phrases, in the file's order."""
    taxonomy: dict[str, list[str]] = {}
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            theme, phrase = (row.get("theme") or "").strip(), (row.get("phrase") or "").strip().lower()
            if not theme or not phrase.rstrip("*"):
                raise TaxonomyError(f"{path}: row {number} needs both a theme and a phrase")
            phrases = taxonomy.setdefault(theme, [])
            if phrase not in phrases:
                phrases.append(phrase)
    return taxonomy


def phrase_pattern(phrase: str) -> str:
    words = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
    if not phrase.isascii():
        return words
    return rf"\b{words}" + ("" if phrase.endswith("*") else r"\b")


def tag_texts(texts: pd.Series, taxonomy: dict[str, list[str]] | None = None) -> pd.Series:
    """The themes each text mentions, as a list (empty for none or no text), in taxonomy order.

    Matched by DuckDB's regular expressions over the whole column at once; patterns are bound as
    parameters."""
    taxonomy = read_taxonomy() if taxonomy is None else taxonomy
    if texts.empty or not taxonomy:
        return pd.Series([[] for _ in range(len(texts))], index=texts.index, dtype="object")
    cases = ", ".join("CASE WHEN regexp_matches(lower(t), ?) THEN ? END" for _ in taxonomy)
    params = [value for theme, phrases in taxonomy.items()
              for value in ("|".join(phrase_pattern(p) for p in phrases), theme)]
    frame = pd.DataFrame({"t": texts.astype("str").to_numpy()})
    with duckdb.connect() as connection:
        connection.register("texts", frame)
        found = connection.execute(
            f"SELECT list_filter([{cases}], lambda x: x IS NOT NULL) AS themes "
            "FROM (SELECT *, row_number() OVER () AS n FROM texts) ORDER BY n", params).df()["themes"]
    return pd.Series([list(themes) for themes in found], index=texts.index, dtype="object")
