"""Data: load sheets (upload or Google Sheets) after reviewing them, what is loaded, the history of
every batch with undo, and the demo data's controls."""

import pandas as pd
import streamlit as st

from empathy.loading.demo import clear_demo, reload_demo
from empathy.loading.transcripts import place_speakers, unplaced_speakers
from empathy.sheets.schema import LAYOUTS
from empathy.sheets.templates import CONTENTS, TITLES, template_csv, template_file_name
from empathy.store import StoreError
from ui.auth import current_user
from ui.common import batches, cached, demo_loaded, get_store, table_summary
from ui.load_view import forget_removed_uploads, google_sheet_panel, kept_google_sheets, upload_panel
from ui.text import literal

TABLE_LABELS = {"accounts": "Accounts", "survey_responses": "Survey responses",
                "participation": "Participation (invited / responded)", "calls": "Calls",
                "utterances": "Call turns", "renewals": "Renewals"}
UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "xls"]

user = current_user()
store = get_store(user)
version = store.version()

st.title("Data")
st.caption("Everything the board is built from. Each load is a batch: you see what it will do before "
           "it lands, it lands whole or not at all, loading the same rows again adds nothing, and any "
           "batch can be undone.")

st.subheader("Load a sheet")
st.caption(f"Batches you load are recorded as loaded by **{literal(user.shown)}**.")
upload_tab, google_tab, templates_tab = st.tabs(["Upload files", "Google Sheet", "Templates"])
with upload_tab:
    limit = st.get_option("server.maxUploadSize")
    uploads = st.file_uploader(f"CSV or XLSX files, up to {limit:,} MB each", type=UPLOAD_TYPES,
                               accept_multiple_files=True, key="uploads",
                               help="Survey answers, accounts, participation, calls or renewals, as your tools export "
                                    "them. Nothing lands until you confirm each file.")
    forget_removed_uploads(uploads or [])
    for upload in uploads or []:
        upload_panel(store, upload)
with google_tab:
    st.caption("Read with the service account configured in `.streamlit/secrets.toml`; share the sheet "
               "with it as a Viewer. Formulas come in as the values Google shows.")
    google_sheet_panel(store)
    kept_google_sheets(store)
with templates_tab:
    st.caption("Start a sheet from a template and it is recognised without any mapping. "
               "Each has every column (the required ones are named below) and an example row.")
    for layout in LAYOUTS:
        button, columns = st.columns([2, 5], vertical_alignment="center")
        button.download_button(TITLES[layout.name], data=template_csv(layout),
                               file_name=template_file_name(layout), mime="text/csv", on_click="ignore",
                               icon=":material/download:", key=f"template:{layout.name}", width="stretch")
        columns.caption(f"{CONTENTS[layout.name].capitalize()}. Required: {', '.join(layout.required)}. Also: "
                        + ", ".join(c.name for c in layout.columns if not c.required) + ".")

st.subheader("What is loaded")
summary = table_summary(store, version)
st.table(pd.DataFrame({
    "Table": summary["table"].map(TABLE_LABELS),
    "Rows": summary["rows"].map("{:,}".format),
    "From": summary["first"].dt.strftime("%Y-%m-%d").fillna("—"),
    "To": summary["last"].dt.strftime("%Y-%m-%d").fillna("—"),
}).set_index("Table"))
st.caption("From the command line: `python -m empathy load FILE_OR_GOOGLE_SHEET_URL` (add "
           "`--skip-invalid` to load the valid rows of a sheet with bad ones).")


def place_speakers_panel() -> None:
    """Speakers no rule placed: placed here, their turns keep their scores and the board follows."""
    unplaced = cached(unplaced_speakers, store)
    if unplaced.empty:
        return
    with st.expander(f"Call speakers no rule placed ({len(unplaced)})", icon=":material/record_voice_over:"):
        st.caption("Their words count in no figure until they are placed. Placing one keeps every turn's score "
                   "(nothing is scored again), works out the calls' figures again, and places the other side of a "
                   "two-person call.")
        st.dataframe(unplaced, hide_index=True, width="stretch",
                     column_config={"speaker": "Speaker", "calls": "Calls", "turns": "Turns"})
        with st.form("place-speakers"):
            label = st.selectbox("Speaker", unplaced["speaker"].tolist(), key="place-label")
            role = st.radio("Is the", ["customer", "agent"], horizontal=True, key="place-role")
            if st.form_submit_button("Place on every stored call"):
                moved = place_speakers(store, {label: role}, user)
                st.session_state["data-message"] = (f"{label} placed as {role}: {moved['turns']} turns of "
                                                     f"{moved['calls']} calls; nothing was scored again.")
                st.rerun()


place_speakers_panel()


def confirm_undo(batch) -> None:
    """Undo asks first: it takes rows out of every page."""
    with st.container(border=True):
        st.warning(f"Undo batch **{batch.batch_id}** — {batch.kind} from **{literal(batch.source)}**, "
                   f"{batch.rows:,} rows, loaded {batch.loaded_at:%Y-%m-%d %H:%M} by {literal(batch.loaded_by)}? "
                   "Its rows leave every page and rows it replaced come back. This cannot be redone "
                   "(load the sheet again instead).")
        undo, cancel = st.columns([1, 6])
        if undo.button("Undo batch", type="primary", key="confirm-undo"):
            st.session_state.pop("undo-pending")
            try:
                store.undo(int(batch.batch_id), user=user)
            except (StoreError, PermissionError) as error:
                st.session_state["data-error"] = str(error)
            else:
                st.session_state["data-message"] = f"Batch {batch.batch_id} was undone."
            st.rerun()
        if cancel.button("Cancel", key="cancel-undo"):
            st.session_state.pop("undo-pending")
            st.rerun()


def confirm_clear_demo() -> None:
    with st.container(border=True):
        st.warning("Clear the demo data? Every demo batch is undone; batches you loaded stay. "
                   "`python -m empathy demo` brings the demo back.")
        clear, cancel = st.columns([1, 6])
        if clear.button("Clear demo data", type="primary", key="confirm-clear-demo"):
            st.session_state.pop("clear-demo-pending")
            cleared = clear_demo(store, user)
            st.session_state["data-message"] = f"Demo data cleared ({cleared} batches undone)."
            st.rerun()
        if cancel.button("Cancel", key="cancel-clear-demo"):
            st.session_state.pop("clear-demo-pending")
            st.rerun()


if message := st.session_state.pop("data-message", None):
    st.success(literal(message))
if error := st.session_state.pop("data-error", None):
    st.error(literal(error))

st.subheader("Batch history")
history = batches(store, version)
if history.empty:
    st.write("Nothing has been loaded yet.")
else:
    st.dataframe(
        history[["batch_id", "kind", "source", "rows_new", "rows_updated", "rows_duplicate",
                 "rows_rejected", "loaded_at", "loaded_by", "demo", "undone"]],
        hide_index=True, width="stretch",
        column_config={
            "batch_id": st.column_config.NumberColumn("Batch", format="%d"),
            "kind": "Kind", "source": "Source",
            "rows_new": st.column_config.NumberColumn("New", format="localized"),
            "rows_updated": st.column_config.NumberColumn("Updated", format="localized"),
            "rows_duplicate": st.column_config.NumberColumn("Already loaded", format="localized"),
            "rows_rejected": st.column_config.NumberColumn("Rejected", format="localized"),
            "loaded_at": st.column_config.DatetimeColumn("Loaded at (UTC)", format="YYYY-MM-DD HH:mm"),
            "loaded_by": "By",
            "demo": st.column_config.CheckboxColumn("Demo"),
            "undone": st.column_config.CheckboxColumn("Undone"),
        },
    )
    active = {b.batch_id: b for b in history[~history["undone"]].itertuples(index=False)}
    if active:
        if st.session_state.get("undo-newest") != max(active):  # a batch just landed: offer it first
            st.session_state["undo-newest"] = max(active)
            st.session_state.pop("undo-choice", None)
        choice = st.selectbox(
            "Batch to undo", list(active), key="undo-choice",
            format_func=lambda i: f"{i} — {active[i].kind}, {active[i].source} ({active[i].rows:,} rows)")
        if st.button("Undo…", key="undo"):
            st.session_state["undo-pending"] = choice
        pending = st.session_state.get("undo-pending")
        if pending in active:
            confirm_undo(active[pending])

st.subheader("Demo data")
if not user.may("manage_demo"):
    st.write(("The demo data is loaded" if demo_loaded(store, version) else "The demo data is not loaded")
             + "; an admin can load or clear it.")
elif demo_loaded(store, version):
    st.write("The demo data is loaded. Clear it when your own data is in.")
    if st.button("Clear demo data…", key="clear-demo"):
        st.session_state["clear-demo-pending"] = True
    if st.session_state.get("clear-demo-pending"):
        confirm_clear_demo()
else:
    st.write("The demo data is not loaded.")
    if st.button("Load the demo data", key="load-demo"):
        reports = reload_demo(store, user)
        st.session_state["data-message"] = " ".join(report.summary() for report in reports)
        st.rerun()
