"""Load a sheet: read it, recognise its kind, map and validate its columns, land it as one batch.

The command line and the Data page both go through `load_sheet`, so a sheet lands the same way
whichever door it comes in by.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path

import pandas as pd

from empathy.access.roles import User
from empathy.language import _
from empathy.loading.themes import read_korean_phrases, read_taxonomy, themes_expression
from empathy.loading.transcripts import ParsedCalls, calls_from_turn_rows, parse_calls, place_speakers, score_calls
from empathy.sheets.gsheets import GoogleSheets, Workbook, sheet_ref, shown_address
from empathy.sheets.schema import (
    CALLS,
    KINDS,
    SURVEYS,
    UTTERANCE_ROWS,
    Layout,
    detect_layout,
    implied_metric,
    layout_named,
    map_columns,
)
from empathy.sheets.sources import RawSheet, SheetError, read_path, read_sheet
from empathy.sheets.validate import Validated, coerce, validate
from empathy.store import Store, kept_sheets
from empathy.store.tables import KOREAN_SCORER
from sentiment import score_texts
from sentiment.korean import SCORER_VERSION, is_korean
from sentiment.scoring import PARALLEL_MIN_TEXTS, Score, Scoring, ScoringFailed

log = logging.getLogger(__name__)


@dataclass
class LoadReport:
    source: str
    kind: str | None = None
    layout: str | None = None
    worksheet: str | None = None
    header_row: int = 1  # the sheet's row of the header: error row N is sheet row header_row + N
    batch_id: int | None = None
    rows_new: int = 0
    rows_updated: int = 0
    rows_duplicate: int = 0
    rows_rejected: int = 0
    rejected: bool = True
    errors: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    turns_placed: int = 0  # turns of calls stored before, placed anew by `roles`

    def as_json(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        if self.batch_id is None and not self.rejected:
            changed = _("{n:,} call turns placed anew").format(n=self.turns_placed) if self.turns_placed else \
                _("nothing changed")
            return _("{source}: nothing new — all {n:,} rows are already loaded; {changed}.").format(
                source=self.source, n=self.rows_duplicate, changed=changed)
        if self.rejected:
            reason = self.errors[0]["message"] if len(self.errors) == 1 else \
                _("{n} problems, listed below").format(n=len(self.errors))
            return _("{source}: not loaded, nothing changed ({reason}).").format(source=self.source, reason=reason)
        return _("{source}: batch {batch} loaded as {kind} — {new:,} new, {updated:,} updated, {duplicate:,} already "
                 "loaded, {rejected:,} rejected.").format(source=self.source, batch=self.batch_id, kind=self.kind,
                                                new=self.rows_new, updated=self.rows_updated,
                                                duplicate=self.rows_duplicate, rejected=self.rows_rejected)


@dataclass
class Prepared:
    """A sheet read and checked, ready to land: what the Data page previews before confirming."""

    sheet: RawSheet
    layout: Layout
    mapping: dict[str, str]
    validated: Validated
    missing_required: list[str]


def prepare(sheet: RawSheet, kind: str | None = None, mapping: dict[str, str] | None = None,
            layout: Layout | None = None) -> Prepared:
    """Recognise the sheet's layout (or use `layout`, or the best of `kind`'s), map its headers (or
    use `mapping`, canonical column -> header), validate every row."""
    if kind is not None and kind not in KINDS:
        raise SheetError(f"'{kind}' is not a kind of sheet; use one of: {', '.join(KINDS)}.")
    layout = layout or detect_layout(sheet.headers, kind)
    if layout is None:
        raise SheetError(
            f"{sheet.source}: could not tell what kind of sheet this is from its columns "
            f"({first_few(sheet.headers)}). Name the kind ({', '.join(KINDS)}) or rename the columns "
            "as in the templates."
        )
    if mapping is None:
        mapping = map_columns(sheet.headers, layout)
    mapping = {name: header for name, header in mapping.items() if header in sheet.frame.columns}
    missing = [name for name in layout.required if name not in mapping]
    if layout is SURVEYS and "metric" in missing and implied_metric(mapping):
        missing.remove("metric")
    validated = validate(sheet.frame, layout, mapping, sheet.problems, sheet.delimiter == ";", sheet.header_row)
    return Prepared(sheet, layout, mapping, validated, missing)


@dataclass
class Plan:
    """What landing a prepared sheet would do, worked out against the store as it is now: the valid
    rows, every error, and (for calls) the transcripts parsed but not yet scored."""

    prepared: Prepared
    table: str
    rows: pd.DataFrame
    errors: list[dict]
    calls: ParsedCalls | None = None

    @property
    def rows_rejected(self) -> int:
        return len({e["row"] for e in self.errors if e["row"] is not None})


def plan(store: Store, prepared: Prepared, scoring: Scoring | None = None,
         roles: dict[str, str] | None = None) -> Plan:
    """Check a prepared sheet through to the end without storing anything. `scoring`: the processes started
    for a calls sheet's transcripts, sent each block of calls as it is parsed (`parse_calls`, `roles` placing
    speakers as the landing will); without it nothing is scored."""
    layout, validated = prepared.layout, prepared.validated
    if prepared.missing_required:
        names = ", ".join(prepared.missing_required)
        errors = [{"row": None, "column": name, "value": "",
                   "message": f"no column maps to the required '{name}' (needed: {names})"}
                  for name in prepared.missing_required]
        return Plan(prepared, layout.table, validated.rows.iloc[:0], errors)
    rows, calls, errors, table = validated.rows, None, list(validated.errors), layout.table
    if layout is UTTERANCE_ROWS:
        rows, turn_errors = calls_from_turn_rows(store, rows)
        errors += turn_errors
        table = CALLS.table
    if table == CALLS.table:
        calls = parse_calls(store, rows, prepared.mapping.get("transcript"), scoring, roles)
        errors += calls.errors
        rows = rows[~rows.index.isin({e["row"] for e in calls.errors})]
    return Plan(prepared, table, rows, errors, calls)


def expected_counts(store: Store, planned: Plan) -> dict[str, int]:
    """How many valid rows would be new, would update a stored row, or are already stored (repeats
    within the sheet count as already loaded), as the store stands now."""
    counts = store.compare(planned.table, planned.rows)
    counts["duplicate"] += planned.prepared.validated.duplicates_in_sheet
    return counts


def land(store: Store, prepared: Prepared, *, user: User, skip_invalid: bool = False, demo: bool = False,
         roles: dict[str, str] | None = None, early: Scoring | None = None) -> LoadReport:
    """Land a prepared sheet as one batch, or reject it whole and change nothing.

    `roles` (speaker label -> customer/agent/other) places speakers of call transcripts that no rule
    could place; `early`: the sheet's comments, scoring since it was read (`early_comment_scores`);
    a large calls sheet's scoring processes start here, before its transcripts are parsed
    (`transcript_scoring`). The user's role is checked before any work; a rejected sheet is audited too."""
    source = _source_label(prepared.sheet)
    store.authorize(user, "manage_demo" if demo else "load", source)
    started = transcript_scoring(prepared) if early is None else None
    try:
        report = _land(store, prepared, user, skip_invalid, demo, roles, early or started)
    finally:
        if started is not None:  # the caller's `early` is the caller's to stop (the Data page may land it again)
            started.stop()  # none left waiting for texts that will not come; nothing once they are done
    if report.rejected:
        store.audit(user, "load", source, "rejected",
                    f"{len(report.errors)} problems, {report.rows_rejected} bad rows; first: "
                    + (report.errors[0]["message"] if report.errors else "no valid rows"))
    return report


def _land(store: Store, prepared: Prepared, user: User, skip_invalid: bool, demo: bool,
          roles: dict[str, str] | None, early: Scoring | None) -> LoadReport:
    sheet, layout = prepared.sheet, prepared.layout
    report = LoadReport(source=sheet.source, kind=layout.kind, layout=layout.name, worksheet=sheet.worksheet,
                        header_row=sheet.header_row, rows_duplicate=prepared.validated.duplicates_in_sheet)
    planned = plan(store, prepared, early, roles)
    report.errors, report.rows_rejected = planned.errors, planned.rows_rejected
    if prepared.missing_required:
        return report
    rows = planned.rows
    report.notes = load_notes(prepared)
    if report.errors and not skip_invalid:
        report.notes.append(_("Nothing was loaded because some rows are invalid; fix them, or load the valid rows "
                              "only (--skip-invalid)."))
        return report
    if rows.empty:
        report.notes.append(_("No valid rows to load."))
        return report
    try:
        rows, utterances, comment_themes = _scored(planned, rows, roles, early, report)
    except ScoringFailed:  # and so did the new processes of a retry: nothing loads, and the person is told
        log.warning("%s: its texts could not be scored", report.source, exc_info=True)
        report.errors = [{"row": None, "column": None, "value": "", "message": _(
            "its texts could not be scored: a scoring process stopped before it finished; load the sheet again, "
            "and if this happens again, the server may be short of memory")}]
        return report
    korean_turns = utterances is not None and utterances["lemmas"].notna().any()
    result = store.load(planned.table, rows, kind=layout.kind, layout=layout.name,
                        source=_source_label(sheet), rows_rejected=report.rows_rejected, demo=demo,
                        utterances=utterances, turn_themes=themes_expression(read_taxonomy(), "text", "lemmas",
                                                                             korean_turns),
                        comment_themes=comment_themes, user=user, scorer=(KOREAN_SCORER, SCORER_VERSION))
    report.batch_id, report.rejected = result.batch_id, False
    report.rows_new, report.rows_updated = result.rows_new, result.rows_updated
    report.rows_duplicate += result.rows_duplicate
    if roles and planned.calls is not None:  # calls of the sheet stored before: placed anew, not scored again
        moved = place_speakers(store, roles, user, rows["call_id"].tolist())
        report.turns_placed = moved["turns"]
        if moved["turns"]:
            report.notes.append(_("{turns} turns of {calls} calls stored before were placed anew ({roles}); nothing "
                                  "was scored again.").format(turns=moved["turns"], calls=moved["calls"], roles=", ".join(
                                      f"{label}={role}" for label, role in roles.items())))
    return report


def _scored(planned: Plan, rows: pd.DataFrame, roles: dict[str, str] | None, early: Scoring | None,
            report: LoadReport) -> tuple[pd.DataFrame, pd.DataFrame | None, tuple[str, list] | None]:
    """The rows with their scores (a survey sheet's comments, a calls sheet's figures), the calls' new turns
    and the comments' themes expression; what the report should say of the turns goes in its notes.
    Scoring is the slow part: only for a sheet that will land."""
    utterances, comment_themes = None, None
    if planned.table == SURVEYS.table:
        rows = rows.assign(**scored_comments(rows["comment"], early))
        comment_themes = themes_expression(read_taxonomy(), "comment", "lemmas", rows["lemmas"].notna().any())
    if planned.calls is not None:
        korean = any(is_korean(turn.text) for turns in planned.calls.parsed.values() for turn in turns)
        # the themes' Korean phrases read while the workers score, by the first of them if there are any
        # (in a thread from the start, this process's Kiwi held back its share of the work before them)
        rows, utterances, unmapped, doubts = score_calls(planned.calls, rows.index, roles,
                                                         meanwhile=partial(read_korean_phrases, scoring=early)
                                                         if korean else None, started=early)
        languages = utterances.loc[~utterances["scored"].astype(bool), "language"].dropna().value_counts()
        if not languages.empty:
            report.notes.append(_("{n} turns in other languages were left unscored ({languages}): English and Korean "
                                  "are scored, other languages not yet.").format(
                n=languages.sum(), languages=", ".join(f"{language} {count}" for language, count in languages.items())))
        if doubts:
            report.notes.append(_doubts_note(doubts))
        if unmapped:
            report.notes.append(_unmapped_note(unmapped))
    return rows, utterances, comment_themes


def scored_comments(comments: pd.Series, early: Scoring | None = None) -> pd.DataFrame:
    """`comment_scores`; where a comment is Korean, the taxonomy's Korean phrases (which the
    transaction's tagging reads) are read while the workers score, by the first of them if any."""
    with ThreadPoolExecutor(1) as thread:
        if any(map(is_korean, comments.dropna().tolist())):
            thread.submit(read_korean_phrases, scoring=early)
        return comment_scores(comments, early)


def transcript_scoring(prepared: Prepared) -> Scoring | None:
    """Scoring processes for a large calls sheet's new turns, started before the transcripts are parsed
    and the speakers placed: their start, and Kiwi's in the first for Korean calls (0.6-0.9 s), on the
    core that would wait meanwhile. None for other sheets, one core, or fewer lines than make a large
    list of customer turns (about half of them)."""
    rows = prepared.validated.rows
    if prepared.layout is not CALLS or "transcript" not in rows or (os.cpu_count() or 1) == 1:
        return None
    transcripts = rows["transcript"].dropna().tolist()
    if sum(transcript.count("\n") + 1 for transcript in transcripts) < 2 * PARALLEL_MIN_TEXTS:
        return None
    return Scoring(korean=any(map(is_korean, transcripts)))


def early_comment_scores(sheet: RawSheet, kind: str | None = None) -> Scoring | None:
    """A large survey sheet's comments (as `prepare` will read them), scoring from the moment the sheet
    is read, so that the workers score while this process checks the rows: 1,000,000 answers load in
    20 s instead of 23.6 (bench/README.md). None for other sheets, for too few comments to spread over
    the cores, or on one core. The caller stops it if the sheet is not landed after all."""
    layout = detect_layout(sheet.headers, kind)
    header = map_columns(sheet.headers, layout).get("comment") if layout is SURVEYS else None
    if header not in sheet.frame.columns or (os.cpu_count() or 1) == 1:
        return None
    comment = next(column for column in SURVEYS.columns if column.name == "comment")
    texts = list(dict.fromkeys(coerce(sheet.frame[header], comment)[0].dropna().tolist()))
    return Scoring(texts, with_dissatisfaction=False) if len(texts) >= PARALLEL_MIN_TEXTS else None


def comment_scores(comments: pd.Series, early: Scoring | None = None) -> pd.DataFrame:
    """Each comment's compound (VADER's for English, the Korean scorer's for Korean; missing where there
    is no comment or neither can judge it), its language and, for Korean, its lemmas; `score_texts`
    scores a repeated comment once. `early`: scores begun before, used for the texts they hold."""
    present = comments.dropna()
    texts = present.tolist()  # a list walks ten times faster than a pandas string array
    by_text = _early_scores(early)
    rest = list(dict.fromkeys(text for text in texts if text not in by_text))
    by_text.update(zip(rest, score_texts(rest, with_dissatisfaction=False, plain=True)))
    scores = [by_text[text] for text in texts]  # Scores, or plain tuples in their order
    return pd.DataFrame({name: pd.Series(list(map(itemgetter(Score._fields.index(field)), scores)),
                                         index=present.index, dtype=dtype)
                         for name, field, dtype in (("sentiment", "compound", "float64"),
                                                    ("language", "language", "object"), ("lemmas", "lemmas", "object"))},
                        index=present.index).reindex(comments.index)


def _early_scores(early: Scoring | None) -> dict:
    """What the scoring begun before found; nothing if a worker of it failed (killed by the system, say):
    the load then scores the comments itself rather than fail for it."""
    if early is None:
        return {}
    try:
        return early.plain_scores()
    except RuntimeError:
        log.warning("scoring begun before the landing failed; the comments are scored now", exc_info=True)
        return {}


def load_sheet(store: Store, sheet: RawSheet | None = None, *, user: User, path: str | Path | None = None,
               data: bytes | None = None, source: str | None = None, kind: str | None = None,
               worksheet: str | None = None, skip_invalid: bool = False, demo: bool = False,
               roles: dict[str, str] | None = None) -> LoadReport:
    """Read, prepare and land one sheet; a sheet that cannot be read is reported, not raised."""
    name = source or (Path(path).name if path is not None else "sheet")
    store.authorize(user, "manage_demo" if demo else "load", name)
    try:
        if sheet is None:
            sheet = read_path(path, worksheet) if path is not None else read_sheet(data, name, worksheet)
        early = early_comment_scores(sheet, kind)
        try:
            return land(store, prepare(sheet, kind), user=user, skip_invalid=skip_invalid, demo=demo, roles=roles,
                        early=early)
        finally:
            if early is not None:
                early.stop()
    except SheetError as error:
        store.audit(user, "load", name, "rejected", str(error))
        return LoadReport(source=name, kind=kind,
                          errors=[{"row": None, "column": None, "value": "", "message": str(error)}])


def load_google_sheet(store: Store, address: str, *, user: User, kind: str | None = None,
                      worksheet: str | None = None, skip_invalid: bool | None = None,
                      roles: dict[str, str] | None = None, sheets: GoogleSheets | None = None) -> LoadReport:
    """Read a Google Sheet's worksheet and land it. A worksheet loaded before is read with the layout,
    mapping and bad-row choice kept then (a refresh); any worksheet that lands is kept for next time.
    A password in the address is never printed or kept: the address is refused, and named without it."""
    label = shown_address(address)
    store.authorize(user, "load", label)
    try:
        ref = sheet_ref(address)
        sheets = sheets or GoogleSheets.from_secrets()
        workbook = sheets.open(ref, worksheet)
        sheet = sheets.read(workbook, workbook.suggested)
        kept = kept_sheets.one(store, ref.key, workbook.suggested)
        if kept is not None and kind in (None, layout_named(kept["layout"]).kind):
            prepared = prepare(sheet, mapping=kept["mapping"], layout=layout_named(kept["layout"]))
            skip_invalid = kept["skip_invalid"] if skip_invalid is None else skip_invalid
        else:
            prepared = prepare(sheet, kind)
    except SheetError as error:
        store.audit(user, "load", label, "rejected", str(error))
        return LoadReport(source=label, kind=kind,
                          errors=[{"row": None, "column": None, "value": "", "message": str(error)}])
    report = land(store, prepared, user=user, skip_invalid=bool(skip_invalid), roles=roles)
    if not report.rejected:
        remember_google_sheet(store, workbook, prepared, bool(skip_invalid), report, user)
    return report


def remember_google_sheet(store: Store, workbook: Workbook, prepared: Prepared, skip_invalid: bool,
                          report: LoadReport, user: User) -> None:
    """Keep how a worksheet was loaded, so that a refresh loads it the same way."""
    kept_sheets.remember(store, {
        "spreadsheet_key": workbook.key, "worksheet": prepared.sheet.worksheet,
        "title": workbook.title, "layout": prepared.layout.name,
        "mapping": prepared.mapping, "skip_invalid": skip_invalid, "last_batch": report.batch_id,
    }, user=user)


def sheet_row(error: dict, header_row: int) -> int | None:
    """The row number Excel or Google Sheets shows for an error (its `row` counts from the first row
    under the header); None for a problem of the whole sheet."""
    return None if error["row"] is None else error["row"] + header_row


def _source_label(sheet: RawSheet) -> str:
    return f"{sheet.source} [{sheet.worksheet}]" if sheet.worksheet else sheet.source


def _doubts_note(doubts: dict[str, dict[str, str]]) -> str:
    examples = "; ".join(f"{call}: '{label}' {why}" for call, found in list(doubts.items())[:3]
                         for label, why in found.items())
    return (f"{len(doubts)} calls have speakers the rules disagree about ({examples}). Check them, and place "
            "them with --role LABEL=customer|agent|other if they are wrong.")


def _unmapped_note(unmapped: dict[str, list[str]]) -> str:
    labels = sorted({label for found in unmapped.values() for label in found})
    examples = "; ".join(f"{call}: {', '.join(found)}" for call, found in list(unmapped.items())[:3])
    return (f"{len(unmapped)} calls have speakers that are neither a known label nor the call's agent "
            f"({examples}); their words count in no customer figure. Place them with "
            f"--role LABEL=customer|agent|other (speakers: {', '.join(labels[:10])}).")


def first_few(names: list[str], shown: int = 12) -> str:
    """A list of names a person can read, however long it is: how many, and the first ones."""
    if len(names) <= shown:
        return ", ".join(names)
    return f"{len(names):,}: {', '.join(names[:shown])} and {len(names) - shown:,} more"


def load_notes(prepared: Prepared) -> list[str]:
    """What a person should know about how the sheet was read (before and after it lands)."""
    notes = []
    ignored = prepared.validated.ignored_columns
    if ignored:
        notes.append(_("Columns not used (no canonical column maps to them): {columns}.").format(
            columns=first_few(ignored)))
    if prepared.layout is SURVEYS and "metric" not in prepared.mapping:
        notes.append(_("No metric column: every score is read as {metric} (from the header '{header}').").format(
            metric=implied_metric(prepared.mapping).upper(), header=prepared.mapping["score"]))
    return notes
