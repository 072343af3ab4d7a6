"""Data: load sheets (upload or Google Sheets) after reviewing them, what is loaded, the history of
every batch with undo, and the demo data's controls."""

import pandas as pd
import streamlit as st

from empathy.language import N_, _, moment, ngettext, number
from empathy.loading.demo import clear_demo, reload_demo
from empathy.loading.rescore import score_again, waiting_to_score
from empathy.loading.transcripts import place_speakers, unplaced_speakers
from empathy.sheets.schema import LAYOUTS
from empathy.sheets.templates import contents, template_csv, template_file_name, title
from empathy.store import StoreError
from ui.auth import current_user
from ui.common import batches, cached, demo_loaded, get_store, table_summary
from ui.load_view import forget_removed_uploads, google_sheet_panel, kept_google_sheets, upload_panel, uploader_words
from ui.text import literal

TABLE_LABELS = {"accounts": N_("Accounts"), "survey_responses": N_("Survey responses"),
                "participation": N_("Participation (invited / responded)"), "calls": N_("Calls"),
                "utterances": N_("Call turns"), "renewals": N_("Renewals")}
KIND_LABELS = {"accounts": N_("accounts"), "surveys": N_("survey answers"), "participation": N_("participation"),
               "calls": N_("calls"), "renewals": N_("renewals")}
UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "xls"]

user = current_user()
store = get_store(user)
version = store.version()

st.title(_("Data"))
st.caption(_("Everything the board is built from. Each load is a batch: you see what it will do before it lands, it "
             "lands whole or not at all, loading the same rows again adds nothing, and any batch can be undone."))

st.subheader(_("Load a sheet"))
st.caption(_("Batches you load are recorded as loaded by **{person}**.").format(person=literal(user.shown)))
upload_tab, google_tab, templates_tab = st.tabs([_("Upload files"), _("Google Sheet"), _("Templates")])
with upload_tab:
    limit = st.get_option("server.maxUploadSize")
    uploads = st.file_uploader(_("CSV or XLSX files, up to {limit:,} MB each").format(limit=limit), type=UPLOAD_TYPES,
                               accept_multiple_files=True, key="uploads",
                               help=_("Survey answers, accounts, participation, calls or renewals, as your tools "
                                      "export them. Nothing lands until you confirm each file."))
    uploader_words(limit, UPLOAD_TYPES)
    forget_removed_uploads(uploads or [])
    for upload in uploads or []:
        upload_panel(store, upload)
with google_tab:
    st.caption(_("Read with the service account configured in `.streamlit/secrets.toml`; share the sheet with it as a "
                 "Viewer. Formulas come in as the values Google shows."))
    google_sheet_panel(store)
    kept_google_sheets(store)
with templates_tab:
    st.caption(_("Start a sheet from a template and it is recognised without any mapping. Each has every column (the "
                 "required ones are named below) and an example row."))
    for layout in LAYOUTS:
        button, columns = st.columns([2, 5], vertical_alignment="center")
        button.download_button(title(layout.name), data=template_csv(layout),
                               file_name=template_file_name(layout), mime="text/csv", on_click="ignore",
                               icon=":material/download:", key=f"template:{layout.name}", width="stretch")
        columns.caption(f"{contents(layout.name).capitalize()}. " + _("Required: {required}. Also: {also}.").format(
            required=", ".join(layout.required), also=", ".join(c.name for c in layout.columns if not c.required)))

st.subheader(_("What is loaded"))
summary = table_summary(store, version)
st.table(pd.DataFrame({
    _("Table"): summary["table"].map(lambda table: _(TABLE_LABELS[table])),
    _("Rows"): summary["rows"].map("{:,}".format),
    _("From"): summary["first"].dt.strftime("%Y-%m-%d").fillna("—"),
    _("To"): summary["last"].dt.strftime("%Y-%m-%d").fillna("—"),
}).set_index(_("Table")))
st.caption(_("From the command line: `python -m empathy load FILE_OR_GOOGLE_SHEET_URL` (add `--skip-invalid` to load "
             "the valid rows of a sheet with bad ones)."))


def place_speakers_panel() -> None:
    """Speakers no rule placed: placed here, their turns keep their scores and the board follows."""
    unplaced = cached(unplaced_speakers, store)
    if unplaced.empty:
        return
    with st.expander(_("Call speakers no rule placed ({n})").format(n=len(unplaced)), icon=":material/record_voice_over:"):
        st.caption(_("Their words count in no figure until they are placed. Placing one keeps every turn's score "
                     "(nothing is scored again), works out the calls' figures again, and places the other side of a "
                     "two-person call."))
        st.dataframe(unplaced, hide_index=True, width="stretch",
                     column_config={"speaker": _("Speaker"), "calls": _("Calls"), "turns": _("Turns")})
        with st.form("place-speakers"):
            label = st.selectbox(_("Speaker"), unplaced["speaker"].tolist(), key="place-label")
            role = st.radio(_("Is the"), ["customer", "agent"], horizontal=True, key="place-role", format_func=_)
            if st.form_submit_button(_("Place on every stored call")):
                moved = place_speakers(store, {label: role}, user)
                st.session_state["data-message"] = _("{speaker} placed as {role}: {turns} turns of {calls} calls; "
                                                     "nothing was scored again.").format(
                    speaker=label, role=_(role), turns=moved["turns"], calls=moved["calls"])
                st.rerun()


place_speakers_panel()


def waiting_panel() -> None:
    """Texts stored before the board scored them as it does now, scored here: their weeks get the
    figures a load today would give them."""
    waiting = cached(waiting_to_score, store)
    if not any(waiting.values()):
        return
    with st.container(border=True):
        if waiting["comments"] or waiting["turns"]:
            st.info(_("{comments} Korean comments and {turns} Korean call turns were stored before the board "
                      "scored Korean: they count in no sentiment figure yet.").format(
                comments=number(waiting["comments"]), turns=number(waiting["turns"])), icon=":material/translate:")
        if waiting["earlier_korean"]:
            st.info(_("{texts} Korean comments and call turns were scored by an earlier version of the Korean "
                      "scorer, on another scale than today's: score them again so that their weeks compare with "
                      "today's.").format(texts=number(waiting["earlier_korean"])), icon=":material/translate:")
        if waiting["calls"]:
            st.info(_("{calls} calls were worked out before the board counted calls with an unhappy customer: "
                      "they count in no call sentiment figure yet.").format(calls=number(waiting["calls"])),
                    icon=":material/call:")
        if st.button(_("Score them now"), key="score-again", icon=":material/bolt:"):
            done = score_again(store, user)
            st.session_state["data-message"] = _("Scored {comments} Korean comments and {turns} call turns; the "
                                                 "figures of {calls} calls were worked out again.").format(
                comments=number(done["comments"]), turns=number(done["turns"]), calls=number(done["calls"]))
            st.rerun()


waiting_panel()


def confirm_undo(batch) -> None:
    """Undo asks first: it takes rows out of every page."""
    with st.container(border=True):
        st.warning(_("Undo batch **{batch}** — {kind} from **{source}**, {rows:,} rows, loaded {when} by {person}? Its "
                     "rows leave every page and rows it replaced come back. This cannot be redone (load the sheet "
                     "again instead).").format(batch=batch.batch_id, kind=batch.kind, source=literal(batch.source),
                                               rows=batch.rows, when=moment(batch.loaded_at),
                                               person=literal(batch.loaded_by)))
        undo, cancel = st.columns([1, 6])
        if undo.button(_("Undo batch"), type="primary", key="confirm-undo"):
            st.session_state.pop("undo-pending")
            try:
                store.undo(int(batch.batch_id), user=user)
            except (StoreError, PermissionError) as error:
                st.session_state["data-error"] = str(error)
            else:
                st.session_state["data-message"] = _("Batch {batch} was undone.").format(batch=batch.batch_id)
            st.rerun()
        if cancel.button(_("Cancel"), key="cancel-undo"):
            st.session_state.pop("undo-pending")
            st.rerun()


def confirm_clear_demo() -> None:
    with st.container(border=True):
        st.warning(_("Clear the demo data? Every demo batch is undone; batches you loaded stay. `python -m empathy demo` "
                     "brings the demo back."))
        clear, cancel = st.columns([1, 6])
        if clear.button(_("Clear demo data"), type="primary", key="confirm-clear-demo"):
            st.session_state.pop("clear-demo-pending")
            cleared = clear_demo(store, user)
            st.session_state["data-message"] = _("Demo data cleared ({n} batches undone).").format(n=cleared)
            st.rerun()
        if cancel.button(_("Cancel"), key="cancel-clear-demo"):
            st.session_state.pop("clear-demo-pending")
            st.rerun()


if message := st.session_state.pop("data-message", None):
    st.success(literal(message))
if error := st.session_state.pop("data-error", None):
    st.error(literal(error))

st.subheader(_("Batch history"))
history = batches(store, version)
if history.empty:
    st.write(_("Nothing has been loaded yet."))
else:
    st.dataframe(
        history.assign(kind=history["kind"].map(lambda kind: _(KIND_LABELS.get(kind, kind))))[
            ["batch_id", "kind", "source", "rows_new", "rows_updated", "rows_duplicate", "rows_rejected", "loaded_at",
             "loaded_by", "demo", "undone"]],
        hide_index=True, width="stretch",
        column_config={
            "batch_id": st.column_config.NumberColumn(_("Batch"), format="%d"),
            "kind": _("Kind"), "source": _("Source"),
            "rows_new": st.column_config.NumberColumn(_("New"), format="localized"),
            "rows_updated": st.column_config.NumberColumn(_("Updated"), format="localized"),
            "rows_duplicate": st.column_config.NumberColumn(_("Already loaded"), format="localized"),
            "rows_rejected": st.column_config.NumberColumn(_("Rejected"), format="localized"),
            "loaded_at": st.column_config.DatetimeColumn(_("Loaded at (UTC)"), format="YYYY-MM-DD HH:mm"),
            "loaded_by": _("By"),
            "demo": st.column_config.CheckboxColumn(_("Demo")),
            "undone": st.column_config.CheckboxColumn(_("Undone")),
        },
    )
    active = {b.batch_id: b for b in history[~history["undone"]].itertuples(index=False)}
    if active:
        choice = st.selectbox(  # a box of its own for each newest batch: one that just landed is offered first
            _("Batch to undo"), list(active), key=f"undo-choice:{max(active)}",
            format_func=lambda i: ngettext("{batch} — {kind}, {source} ({rows:,} row)",
                                           "{batch} — {kind}, {source} ({rows:,} rows)", active[i].rows).format(
                batch=i, kind=active[i].kind, source=active[i].source, rows=active[i].rows))
        if st.button(_("Undo…"), key="undo"):
            st.session_state["undo-pending"] = choice
        pending = st.session_state.get("undo-pending")
        if pending in active:
            confirm_undo(active[pending])

st.subheader(_("Demo data"))
if not user.may("manage_demo"):
    st.write(_("The demo data is loaded; an admin can load or clear it.") if demo_loaded(store, version)
             else _("The demo data is not loaded; an admin can load or clear it."))
elif demo_loaded(store, version):
    st.write(_("The demo data is loaded. Clear it when your own data is in."))
    if st.button(_("Clear demo data…"), key="clear-demo"):
        st.session_state["clear-demo-pending"] = True
    if st.session_state.get("clear-demo-pending"):
        confirm_clear_demo()
else:
    st.write(_("The demo data is not loaded."))
    if st.button(_("Load the demo data"), key="load-demo"):
        reports = reload_demo(store, user)
        st.session_state["data-message"] = " ".join(report.summary() for report in reports)
        st.rerun()
