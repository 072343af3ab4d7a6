"""The common language of product and support: a taxonomy of themes that tags what customers say.

`data/themes.csv` lists `theme,phrase` rows. A phrase matches as whole words, case-insensitively;
a trailing `*` lets the last word run on (`bill*` finds bill, billed, billing). A Korean phrase matches
anywhere in the text as written, and also through the morphemes Kiwi reads in it (`sentiment.korean`):
its lemmas against the text's stored lemmas, so `느려` finds 느립니다 and 느리고, `청구서` finds 청구서가
and 청구서를, and `결제 안 됨` finds 결제가 안 돼요.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from functools import lru_cache
from pathlib import Path

from empathy import DATA
from empathy.language import _
from empathy.store import texts
from sentiment import korean
from sentiment.scoring import Scoring

log = logging.getLogger(__name__)
THEMES_PATH = DATA / "themes.csv"


def themes_path() -> Path:
    """`data/themes.csv`, or the file `EMPATHY_THEMES` names."""
    return Path(os.environ.get("EMPATHY_THEMES") or THEMES_PATH)


class TaxonomyError(ValueError):
    """A themes file that cannot be used; the message names the row."""


def read_taxonomy(path: Path | None = None) -> dict[str, list[str]]:
    """Theme -> its phrases, in the file's order."""
    path = path or themes_path()
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        return taxonomy_from_rows(csv.DictReader(handle), str(path))


def taxonomy_from_rows(rows, where: str = "themes") -> dict[str, list[str]]:
    """Theme -> phrases from `theme`/`phrase` rows (the file's, or the page's editor's)."""
    taxonomy: dict[str, list[str]] = {}
    for number, row in enumerate(rows, start=1):
        theme = " ".join(str(row.get("theme") or "").split())
        phrase = " ".join(str(row.get("phrase") or "").split()).lower()
        if not theme and not phrase:
            continue
        if not theme or not phrase.rstrip("*"):
            raise TaxonomyError(_("{where}: row {row} needs both a theme and a phrase (theme '{theme}', phrase "
                                  "'{phrase}')").format(where=where, row=number, theme=theme, phrase=phrase))
        phrases = taxonomy.setdefault(theme, [])
        if phrase not in phrases:
            phrases.append(phrase)
    return taxonomy


def catalog_messages(fileobj, keywords, comment_tags, options):
    """Babel's extraction method for a themes file (babel.cfg): each theme's name once, in the context
    "theme", so that the catalog says the names of the taxonomy the product ships in Korean
    (`language.theme_name`)."""
    rows = csv.DictReader(io.TextIOWrapper(fileobj, encoding="utf-8-sig", newline=""))
    named: set[str] = set()
    for row in rows:
        theme = " ".join(str(row.get("theme") or "").split())
        if theme and theme not in named:
            named.add(theme)
            yield rows.line_num, "pgettext", ("theme", theme), ["A theme's name in data/themes.csv"]


def write_taxonomy(taxonomy: dict[str, list[str]], path: Path | None = None) -> None:
    """The file written whole, then moved into place, so a reader never sees half of it."""
    path = Path(path or themes_path())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["theme", "phrase"])
    writer.writerows((theme, phrase) for theme, phrases in taxonomy.items() for phrase in phrases)
    temporary = path.with_suffix(".csv.tmp")
    temporary.write_text(out.getvalue(), encoding="utf-8")
    temporary.replace(path)


def phrase_pattern(phrase: str) -> str:
    words = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
    if not phrase.isascii():
        return words
    return rf"\b{words}" + ("" if phrase.endswith("*") else r"\b")


@lru_cache(maxsize=4096)
def lemma_pattern(phrase: str) -> str | None:
    """A Korean phrase as the lemmas every form of it shares ("form/TAG" words of `korean.lemmas`), a
    pattern over a text's stored lemmas (any of the phrase's likely readings); None for a phrase that is
    not Korean. An adverb between its words (너무, 또) does not stop a match; a negation (안, 못) does,
    since it changes what is said. Kept per phrase: every load tags with the same taxonomy."""
    if not korean.is_korean(phrase):
        return None
    adverb = "(?: (?:[^ /]{2,}|[^ /안못])/MAG)*"  # any but 안 and 못 (RE2 has no look-ahead)
    readings = ["(?:^| )" + f"{adverb} ".join(map(re.escape, said.split())) + "(?: |$)"
                for said in korean.readings(phrase.rstrip("*"))]
    return "|".join(readings) or None


def read_korean_phrases(taxonomy: dict[str, list[str]] | None = None, scoring: Scoring | None = None) -> None:
    """Work out (and keep) the Korean phrases' `lemma_pattern`s, by the first of a load's `scoring`
    processes, which has Kiwi started for the Korean texts, once it has scored them; without one, or if
    it failed, Kiwi starts here (0.85 s: a new process's first load of 12,000 calls with Korean took
    3.15-3.28 s so, 2.71-2.85 s by the scoring process). A load calls this while its scoring processes score, so that
    the tagging after the scores does not wait for it."""
    phrases = [phrase for listed in (read_taxonomy() if taxonomy is None else taxonomy).values()
               for phrase in listed if korean.is_korean(phrase)]
    if scoring is not None:
        try:
            korean.remember_readings(scoring.readings([phrase.rstrip("*") for phrase in phrases]))
        except RuntimeError:
            log.warning("the scoring processes could not read the taxonomy's Korean phrases; read here", exc_info=True)
    for phrase in phrases:
        lemma_pattern(phrase)


def themes_expression(taxonomy: dict[str, list[str]], column: str, lemmas: str,
                      korean_texts: bool = True) -> tuple[str, list]:
    """SQL for the list of themes a text column (and its lemmas column) mentions, and its parameters
    (the patterns). `korean_texts=False`: none of the texts has lemmas, so the Korean phrases' lemma
    patterns, which start Kiwi (a second, once per process), are not made."""
    if not taxonomy:
        return "[]::VARCHAR[]", []
    cases, params = [], []
    for theme, phrases in taxonomy.items():
        korean_forms = [found for phrase in phrases if korean_texts and (found := lemma_pattern(phrase))]
        if korean_forms:
            cases.append(f"CASE WHEN regexp_matches(lower({column}), ?) "
                         f"OR regexp_matches(coalesce({lemmas}, ''), ?) THEN ? END")
            params += ["|".join(phrase_pattern(p) for p in phrases), "|".join(korean_forms), theme]
        else:
            cases.append(f"CASE WHEN regexp_matches(lower({column}), ?) THEN ? END")
            params += ["|".join(phrase_pattern(p) for p in phrases), theme]
    return f"coalesce(list_filter([{', '.join(cases)}], lambda x: x IS NOT NULL), [])", params


def save_taxonomy(store, user, taxonomy: dict[str, list[str]], path: Path | None = None) -> int:
    """A person's new taxonomy: the file written, then every stored comment and customer turn
    tagged with it; returns how many texts now carry a theme."""
    store.authorize(user, "edit_taxonomy", str(path or themes_path()))
    write_taxonomy(taxonomy, path)
    store.audit(user, "edit_taxonomy", str(path or themes_path()), "done",
                f"{sum(map(len, taxonomy.values()))} phrases in {len(taxonomy)} themes")
    return retag(store, user, taxonomy)


def retag(store, user, taxonomy: dict[str, list[str]]) -> int:
    """Every stored comment and customer turn tagged with the taxonomy as it is now."""
    return texts.retag(store, themes_expression(taxonomy, "comment", "lemmas"),
                       themes_expression(taxonomy, "text", "lemmas"), user=user)
