"""A template for each layout of sheet: its canonical columns and one example row.

An analyst who starts from a template gets a sheet that is recognised and mapped without help; the
example rows load (calls before their turns), which the tests check.
"""

from __future__ import annotations

import csv
import io

from empathy.language import N_, _
from empathy.sheets.schema import Layout

EXAMPLES = {
    "accounts": {
        "account_id": "A1001", "account_name": "Northwind Traders", "segment": "SMB", "region": "EMEA",
        "industry": "Retail", "plan": "Growth", "arr": "24000", "owner": "Dana Lee",
        "customer_type": "external", "contacts": "Ann Smith; Bo Chen",
    },
    "surveys": {
        "response_id": "R-2026-0001", "account_id": "A1001", "respondent_role": "admin",
        "submitted_at": "2026-11-16 09:30", "metric": "nps", "score": "9",
        "comment": "Setup was quick and support answered within the hour.", "duration_seconds": "74",
        "channel": "email",
    },
    "invitations": {
        "invitation_id": "INV-0001", "account_id": "A1001", "metric": "nps",
        "sent_at": "2026-11-09 08:00", "responded_at": "2026-11-16 09:30",
    },
    "counts": {
        "period_start": "2026-11-16", "account_id": "", "segment": "SMB", "metric": "nps",
        "invited": "120", "responded": "31",
    },
    "calls": {
        "call_id": "C-0001", "account_id": "A1001", "started_at": "2026-11-17 14:05",
        "call_type": "support", "channel": "phone", "agent": "Sam", "escalated": "no", "resolved": "yes",
        "transcript": "Customer: The invoice shows the old plan again.\nSam: Sorry about that, I have "
                      "corrected it.\nCustomer: Thanks, that was quick.",
    },
    "utterance rows": {
        "call_id": "C-0001", "turn": "1", "speaker": "Customer",
        "text": "The invoice shows the old plan again.", "offset_s": "3.5",
    },
    "renewals": {
        "account_id": "A1001", "renewal_date": "2026-10-31", "outcome": "renewed", "arr_before": "24000",
        "arr_after": "24000",
    },
}

# Marked for the catalog; shown through `title` and `describe`, in the reader's language.
TITLES = {
    "accounts": N_("Accounts"), "surveys": N_("Survey answers"), "invitations": N_("Participation (invitations)"),
    "counts": N_("Participation (counts)"), "calls": N_("Calls"), "utterance rows": N_("Call turns"),
    "renewals": N_("Renewals"),
}
CONTENTS = {
    "accounts": N_("one row per customer account"),
    "surveys": N_("one row per NPS, CSAT or CES answer"),
    "invitations": N_("one row per survey invitation"),
    "counts": N_("invited and responded counts per period"),
    "calls": N_("one row per call, transcript in a cell"),
    "utterance rows": N_("one row per turn of calls already loaded"),
    "renewals": N_("one row per account renewal: renewed, churned, downgraded or expanded"),
}


def title(layout_name: str) -> str:
    return _(TITLES[layout_name])


def contents(layout_name: str) -> str:
    return _(CONTENTS[layout_name])


def describe(layout_name: str) -> str:
    return f"{title(layout_name)}: {contents(layout_name)}"


def template_csv(layout: Layout) -> bytes:
    """The layout's columns and its example row, as CSV that Excel opens as UTF-8."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    columns = [column.name for column in layout.columns]
    writer.writerow(columns)
    writer.writerow([EXAMPLES[layout.name][name] for name in columns])
    return buffer.getvalue().encode("utf-8-sig")


def template_file_name(layout: Layout) -> str:
    return f"template-{layout.name.replace(' ', '-')}.csv"
