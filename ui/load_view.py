"""Reviewing a sheet before it lands: its kind, a preview, the column mapping, what would happen to
every row, and the confirmation. Uploaded files and Google Sheets go through the same review.

A review's work (reading, validating, comparing with the store) is kept in the session under the
sheet's key, so changing one select box does not read and validate a large sheet again. A large
survey sheet's comments start scoring in worker processes as soon as it is reviewed, so that the
analyst's confirmation waits only for what is left (`early_comment_scores`, as the command line does);
for a large calls sheet the scoring processes start then, Kiwi in one for Korean calls
(`transcript_scoring`), so that its load does not wait for them.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from empathy import language
from empathy.language import N_, _, moment, ngettext
from empathy.loading.sheet import (
    LoadReport,
    Plan,
    Prepared,
    early_comment_scores,
    expected_counts,
    land,
    load_google_sheet,
    load_notes,
    plan,
    prepare,
    remember_google_sheet,
    sheet_row,
    transcript_scoring,
)
from empathy.meeting.export import to_csv
from empathy.sheets.gsheets import GoogleSheets, Workbook, sheet_ref
from empathy.sheets.schema import LAYOUTS, Layout, detect_layout, layout_named, map_columns
from empathy.sheets.sources import RawSheet, SheetError, read_sheet
from empathy.sheets.templates import describe
from empathy.store import Store, StoreError, kept_sheets
from sentiment.scoring import Scoring
from ui.auth import current_user
from ui.downloads import download_button
from ui.text import literal

PREVIEW_ROWS = 8
ERRORS_SHOWN = 200
UNMAPPED = N_("(not mapped)")  # the option is this text; shown in the reader's language
REJECT, SKIP = "reject", "skip"
POLICIES = {REJECT: N_("Reject the whole sheet if any row is bad"), SKIP: N_("Load the valid rows, leave out the bad ones")}


def review(store: Store, key: str, sheet: RawSheet, *, kept: dict | None = None,
           after_landing: Callable[[Prepared, bool, LoadReport], None] | None = None) -> None:
    """The whole review of one sheet, ending with its confirmation or, once landed, its result.

    `kept` is how this sheet was loaded before (layout, mapping, bad-row choice), used as the
    starting point; `after_landing` runs once the sheet has landed."""
    if report := st.session_state.get(f"{key}:landed"):
        show_result(report)
        return
    layout = pick_layout(key, sheet, kept)
    st.markdown(_("**First {shown} of {n:,} rows**").format(shown=min(PREVIEW_ROWS, len(sheet.frame)), n=len(sheet.frame))
                + (_(" (the header is row {row} of the sheet)").format(row=sheet.header_row) if sheet.header_row > 1
                   else ""))
    preview = sheet.frame.head(PREVIEW_ROWS)
    st.dataframe(preview.set_axis(pd.Index(preview.index + sheet.header_row, name=_("Sheet row"))), width="stretch")
    default = kept["mapping"] if kept and kept["layout"] == layout.name else map_columns(sheet.headers, layout)
    mapping = map_by_hand(key, sheet, layout, default)
    prepared, planned, counts = checked(store, key, sheet, layout, mapping)
    show_expected(prepared, planned, counts)
    show_errors(key, sheet, planned)
    confirm(store, key, prepared, planned, counts, kept, after_landing)
    score_while_reviewed(key, sheet, prepared)  # once the review is on the screen


def pick_layout(key: str, sheet: RawSheet, kept: dict | None) -> Layout:
    detected = detect_layout(sheet.headers)
    default = layout_named(kept["layout"]) if kept else detected or LAYOUTS[0]
    names = [layout.name for layout in LAYOUTS]
    chosen = st.selectbox(_("Kind of sheet"), names, index=names.index(default.name), key=f"{key}:layout",
                          format_func=describe,
                          help=_("Detected from the headers; change it if the guess is wrong."))
    where = _(" · worksheet **{name}**").format(name=literal(sheet.worksheet)) if sheet.worksheet else ""
    if kept or detected:
        st.caption((_("Kind as loaded last time") if kept else _("Kind detected from its headers")) + where + ".")
    else:
        st.warning(_("Could not tell the kind of sheet from its headers: pick it above, then map its columns."))
    return layout_named(chosen)


def map_by_hand(key: str, sheet: RawSheet, layout: Layout, default: dict[str, str]) -> dict[str, str]:
    """One select box per column of the layout, starting from the detected (or kept) mapping."""
    st.markdown(_("**Columns** — which column of the sheet holds each field (\\* = required)"))
    options = [UNMAPPED, *sheet.headers]
    mapping: dict[str, str] = {}
    cells = st.columns(3)
    for i, column in enumerate(layout.columns):
        start = default.get(column.name)
        choice = cells[i % 3].selectbox(
            f"{column.name}{' *' if column.required else ''}", options,
            index=options.index(start) if start in options else 0, key=f"{key}:map:{layout.name}:{column.name}",
            format_func=lambda option: _(UNMAPPED) if option == UNMAPPED else option)
        if choice != UNMAPPED:
            mapping[column.name] = choice
    return mapping


def checked(store: Store, key: str, sheet: RawSheet, layout: Layout,
            mapping: dict[str, str]) -> tuple[Prepared, Plan, dict[str, int]]:
    """Validate once per kind and mapping; compare with the store again only when it changed."""
    mapped = (layout.name, tuple(sorted(mapping.items())))
    prepared = st.session_state.get(f"{key}:prepared")
    if prepared is None or prepared[0] != mapped:
        prepared = (mapped, prepare(sheet, mapping=mapping, layout=layout))
        st.session_state[f"{key}:prepared"] = prepared
    planned = st.session_state.get(f"{key}:planned")
    if planned is None or planned[0] != (mapped, store.version()):
        plan_now = plan(store, prepared[1])
        planned = ((mapped, store.version()), plan_now, expected_counts(store, plan_now))
        st.session_state[f"{key}:planned"] = planned
    return prepared[1], planned[1], planned[2]


def score_while_reviewed(key: str, sheet: RawSheet, prepared: Prepared) -> None:
    """Start scoring the sheet's comments, or start the processes that will score its transcripts, while
    the analyst reads the review (nothing for a sheet with too few to spread over the cores); kept, for
    the kind of sheet it is read as, until it lands or is forgotten (`forget` stops the workers). Started
    after the review is drawn, not before: beside the workers, checking a sheet of 1,000,000 answers took
    5.8 s instead of 3.5. On a new server, 12,000 calls (250 Korean) were loaded 3.9-4.4 s after the click
    while the processes and Kiwi started then, 3.3-3.4 s once they started during the review."""
    name = early_name(key, prepared.layout)
    if name not in st.session_state:
        forget([other for other in st.session_state if str(other).startswith(f"{key}:early:")])
        st.session_state[name] = early_comment_scores(sheet, prepared.layout.kind) or transcript_scoring(prepared)


def early_name(key: str, layout: Layout) -> str:
    return f"{key}:early:{layout.name}"


def forget(names: list[str]) -> None:
    """Drop what the session kept under these names; scoring still running for them is stopped."""
    for name in names:
        if isinstance(kept := st.session_state.pop(name, None), Scoring):
            kept.stop()


def show_expected(prepared: Prepared, planned: Plan, counts: dict[str, int]) -> None:
    if prepared.missing_required:
        st.error(_("Required columns not mapped: {columns}. Pick the sheet's column for each above, or choose another kind "
                   "of sheet.").format(columns=", ".join(f"**{required}**" for required in prepared.missing_required)))
        return
    new, updates, already, bad = st.columns(4)
    new.metric(_("New rows"), f"{counts['new']:,}")
    updates.metric(_("Replace a loaded row"), f"{counts['updated']:,}",
                   help=_("Same key as a row already loaded, other values: the new values win, undo brings the old "
                          "back."))
    already.metric(_("Already loaded"), f"{counts['duplicate']:,}", help=_("Loading them again adds nothing."))
    bad.metric(_("Rows with errors"), f"{planned.rows_rejected:,}")
    for note in load_notes(prepared):
        st.caption(literal(note))


def error_rows(errors: list[dict], header_row: int) -> pd.DataFrame:
    """Each problem with the row number the analyst sees in Excel or Google Sheets."""
    return pd.DataFrame({
        _("Sheet row"): pd.array([sheet_row(e, header_row) for e in errors], dtype="Int64"),
        _("Column"): [e["column"] or "" for e in errors],
        _("Value"): [e["value"] for e in errors],
        _("Problem"): [e["message"] for e in errors],
    })


def show_errors(key: str, sheet: RawSheet, planned: Plan) -> None:
    if not planned.errors or planned.prepared.missing_required:
        return
    table = error_rows(planned.errors, sheet.header_row)
    shown = _("the first {n:,} of ").format(n=ERRORS_SHOWN) if len(table) > ERRORS_SHOWN else ""
    st.markdown(_("**Problems** — {shown}{n:,}").format(shown=shown, n=len(table)))
    st.dataframe(table.head(ERRORS_SHOWN), hide_index=True, width="stretch",
                 column_config={_("Problem"): st.column_config.TextColumn(width="large")})
    download_button(_("Download the problems (CSV)"), f"{key}:errors-csv", current_user(), lambda: to_csv(table),
                    f"problems-{sheet.source}.csv", "text/csv")


def confirm(store: Store, key: str, prepared: Prepared, planned: Plan, counts: dict[str, int],
            kept: dict | None, after_landing) -> None:
    if prepared.missing_required:
        return
    policy = REJECT
    if planned.errors:
        start = SKIP if kept and kept["skip_invalid"] else REJECT
        policy = st.radio(_("Rows with errors"), list(POLICIES), format_func=lambda p: _(POLICIES[p]),
                          key=f"{key}:policy", index=list(POLICIES).index(start))
    landing = counts["new"] + counts["updated"]
    blocked = None
    if planned.errors and policy == REJECT:
        blocked = _("Fix the rows listed above and upload the sheet again, or choose to load the valid rows.")
    elif not landing:
        blocked = _("Nothing new to load: every valid row is already loaded.")
    if st.button(ngettext("Load {n:,} row", "Load {n:,} rows", landing).format(n=landing), type="primary",
                 key=f"{key}:confirm", disabled=blocked is not None):
        with st.spinner(_("Loading (call transcripts are scored now)…")):
            try:
                report = land(store, prepared, user=current_user(), skip_invalid=policy == SKIP,
                              early=st.session_state.get(early_name(key, prepared.layout)))
            except (StoreError, PermissionError) as error:
                st.error(literal(error))
                return
            finally:
                forget([early_name(key, prepared.layout)])
        if not report.rejected and after_landing:
            after_landing(prepared, policy == SKIP, report)
        st.session_state[f"{key}:landed"] = report
        st.rerun()
    if blocked:
        st.caption(literal(blocked))


def show_result(report: LoadReport) -> None:
    if report.rejected:
        st.error(literal(report.summary()))
    else:
        st.success(literal(report.summary()))
    for note in report.notes:
        st.caption(literal(note))
    if report.rejected and report.errors:
        st.dataframe(error_rows(report.errors, report.header_row), hide_index=True, width="stretch")


def uploader_words(limit: int, types: list[str]) -> None:
    """Streamlit's file uploader says "Upload" and "200MB per file" in English whatever the page's
    language; in another language its own words are hidden and the reader's shown in their place."""
    if language.current() == "en":
        return
    button = _("Upload")
    limits = _("{limit} MB per file").format(limit=limit) + " • " + ", ".join(kind.upper() for kind in types)
    st.html(f"""<style>
[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p {{display: none;}}
[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer]::after {{content: {_css_text(button)};}}
[data-testid=stFileUploaderDropzoneInstructions] span {{display: none;}}
[data-testid=stFileUploaderDropzoneInstructions] > div::after {{content: {_css_text(limits)}; font-size: .875rem;}}
</style>""")


def _css_text(text: str) -> str:
    return '"' + "".join(ch if ch.isalnum() or ch in " •,." else f"\\{ord(ch):x} " for ch in text) + '"'


def forget_removed_uploads(uploads: list) -> None:
    """Drop what the session kept for files no longer in the uploader (a read sheet can be large)."""
    current = {f"upload:{upload.file_id}" for upload in uploads}
    forget([name for name in st.session_state if str(name).startswith("upload:")
            and not any(str(name).startswith(prefix + ":") for prefix in current)])


def upload_panel(store: Store, upload) -> None:
    """One uploaded file: its worksheet (for a workbook of several), then its review."""
    key = f"upload:{upload.file_id}"
    with st.container(border=True):
        st.markdown(f"#### {literal(upload.name)}")
        try:
            sheet = read_once(key, upload, None)
            if len(sheet.worksheets) > 1:
                chosen = st.selectbox(_("Worksheet"), sheet.worksheets, index=sheet.worksheets.index(sheet.worksheet),
                                      key=f"{key}:worksheet", help=_("The one whose headers fit best is suggested."))
                sheet = read_once(key, upload, chosen)
        except SheetError as error:
            st.error(f"{literal(error)} " + _("Nothing was loaded."))
            return
        review(store, f"{key}:{sheet.worksheet or ''}", sheet)


def read_once(key: str, upload, worksheet: str | None) -> RawSheet:
    """Read an upload (one worksheet of it) once per session; a file that cannot be read raises each time."""
    cache = st.session_state.setdefault(f"{key}:sheets", {})
    if worksheet not in cache:
        cache[worksheet] = read_sheet(upload.getvalue(), upload.name, worksheet)
        if worksheet is None:
            cache[cache[None].worksheet] = cache[None]
    return cache[worksheet]


def google_sheet_panel(store: Store) -> None:
    """Paste a Google Sheet's address, open it, pick the worksheet, then the same review."""
    address = st.text_input(_("Google Sheet URL or key"), key="gsheet-address",
                            placeholder="https://docs.google.com/spreadsheets/d/…")
    if st.button(_("Open sheet"), key="gsheet-open", disabled=not address.strip()):
        forget([name for name in st.session_state if str(name).startswith("gsheet:")])  # opened again: read afresh
        with st.spinner(_("Opening the sheet…")):
            try:
                st.session_state["gsheet-workbook"] = GoogleSheets.from_secrets().open(sheet_ref(address))
            except SheetError as error:
                st.session_state.pop("gsheet-workbook", None)
                st.error(literal(error))
    workbook = st.session_state.get("gsheet-workbook")
    if workbook is None:
        return
    with st.container(border=True):
        st.markdown(f"#### {literal(workbook.title)}")
        worksheet = st.selectbox(_("Worksheet"), workbook.worksheets, index=workbook.worksheets.index(workbook.suggested),
                                 key=f"gsheet:{workbook.key}:worksheet")
        key = f"gsheet:{workbook.key}:{worksheet}"
        try:
            sheet = read_google_once(key, workbook, worksheet)
        except SheetError as error:
            st.error(f"{literal(error)} " + _("Nothing was loaded."))
            return
        review(store, key, sheet, kept=kept_sheets.one(store, workbook.key, worksheet),
               after_landing=lambda prepared, skip, report: remember_google_sheet(store, workbook, prepared, skip, report,
                                                                          current_user()))


def read_google_once(key: str, workbook: Workbook, worksheet: str) -> RawSheet:
    """One read of the worksheet per session (a refresh reads it again)."""
    if f"{key}:sheet" not in st.session_state:
        st.session_state[f"{key}:sheet"] = GoogleSheets.from_secrets().read(workbook, worksheet)
    return st.session_state[f"{key}:sheet"]


def kept_google_sheets(store: Store) -> None:
    """The Google Sheets loaded before, each refreshed in one click with the mapping kept then."""
    kept = kept_sheets.every(store)
    if not kept:
        return
    st.markdown(_("**Google Sheets loaded before** — Refresh reads the worksheet again and loads what is new, with the "
                  "kind, columns and bad-row choice used last time."))
    for source in kept:
        name, when, refresh, forget = st.columns([5, 3, 1, 1], vertical_alignment="center")
        name.markdown(f"**{literal(source['title'])}** · {literal(source['worksheet'])} · "
                      f"{describe(source['layout'])}")
        when.caption(_("last loaded {when} UTC by {person}").format(when=moment(source["loaded_at"]),
                                                                     person=literal(source["loaded_by"])))
        key = f"{source['spreadsheet_key']}:{source['worksheet']}"
        if refresh.button(_("Refresh"), key=f"refresh:{key}"):
            with st.spinner(_("Refreshing {title}…").format(title=source["title"])):
                st.session_state["refresh-report"] = load_google_sheet(
                    store, source["spreadsheet_key"], user=current_user(), worksheet=source["worksheet"])
            st.rerun()
        if forget.button(_("Forget"), key=f"forget:{key}", help=_("Stop offering a refresh (its batches stay).")):
            kept_sheets.forget(store, source["spreadsheet_key"], source["worksheet"], user=current_user())
            st.rerun()
    if report := st.session_state.pop("refresh-report", None):
        show_result(report)
