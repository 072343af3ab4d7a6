"""Google Sheets through gspread, read-only, with every call bounded in time and in retries.

gspread sets no timeout, so a stalled call would hang the page, and its `BackOffHTTPClient` can
sleep for minutes. Here every request has a timeout; 429 and 5xx answers are retried a few times
with short waits; and every failure becomes a `SheetsError` that says what to do. Opening a
spreadsheet costs two reads (its metadata, then the first rows of every worksheet in one
`batchGet`) and reading a worksheet one more, well inside Google's 60 reads a minute.

Credentials are a service account in `.streamlit/secrets.toml`, in the `[connections.gsheets]`
section Streamlit's Google Sheets connection uses. `EMPATHY_SECRETS` names another secrets file and
`EMPATHY_SHEETS_API` another API root (a proxy, or the tests' local Sheets API server).
"""

from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import gspread
import requests
from google.auth import exceptions as auth_errors
from google.oauth2.service_account import Credentials
from gspread.utils import absolute_range_name

from empathy.access.secrets import SecretsError, secrets_section
from empathy.language import N_, _
from empathy.sheets.sources import HEADER_SEARCH_ROWS, RawSheet, SheetError, best_worksheet, sheet_from_records

GOOGLE_SHEETS_API = "https://sheets.googleapis.com"
TIMEOUT = (5, 30)  # seconds to connect, seconds to wait for an answer
RETRY_WAITS = (1.0, 2.0, 4.0)  # seconds before each retry of a 429 or 5xx
LONGEST_RETRY_AFTER = 8.0  # a server's Retry-After is honoured up to this
SECRETS_HELP = N_("Add a [connections.gsheets] section with a service account's key to .streamlit/secrets.toml "
                  "(docs/loading-sheets.md shows how).")
URL_KEY = re.compile(r"/spreadsheets/d/([A-Za-z0-9_-]{20,})")
ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
GOOGLE_SHEETS_HOSTS = ("docs.google.com", "docs.google.com:443")
BARE_KEY = re.compile(r"[A-Za-z0-9_-]{20,}")
URL_GID = re.compile(r"[#&?]gid=(\d+)")


class SheetsError(SheetError):
    """Google Sheets could not be read; the message says why and what to do."""


@dataclass(frozen=True)
class SheetRef:
    key: str
    gid: int | None = None  # the worksheet a pasted URL pointed at


@dataclass(frozen=True)
class Workbook:
    key: str
    title: str
    worksheets: list[str]
    suggested: str  # the worksheet the URL named, or the one whose headers fit a layout best


def is_sheet_url(text: str) -> bool:
    """Whether the command line reads this as a Google Sheet: any address (scheme://…) is one, so
    that an address that is not a Google Sheet's is refused as such, never looked for as a file."""
    return ADDRESS.match(text.strip()) is not None or URL_KEY.search(text) is not None


def shown_address(text: str) -> str:
    """The address as it may be printed or kept (the audit log, a load report): a user name and
    password in it are taken out."""
    text = text.strip()
    if not ADDRESS.match(text):
        return text
    parts = urlsplit(text)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def sheet_ref(text: str) -> SheetRef:
    """A Google Sheet's URL as copied from the browser, or its bare key."""
    text = text.strip()
    if ADDRESS.match(text):
        parts = urlsplit(text)
        if "@" in parts.netloc:
            raise SheetsError(_("That address carries a user name or password, which was not used or kept: Google "
                                "Sheets are read with the board's service account. Paste the address as the "
                                "browser shows it (https://docs.google.com/spreadsheets/d/…)."))
        if parts.scheme.lower() not in ("http", "https") or parts.netloc.lower() not in GOOGLE_SHEETS_HOSTS:
            found = None
        else:
            found = URL_KEY.search(parts.path)
    else:
        found = URL_KEY.search(text)
    if found:
        gid = URL_GID.search(text)
        return SheetRef(found.group(1), int(gid.group(1)) if gid else None)
    if BARE_KEY.fullmatch(text):
        return SheetRef(text)
    raise SheetsError(_("'{text}' is not a Google Sheet's address. Copy the URL from the browser's address bar "
                        "(https://docs.google.com/spreadsheets/d/…) or paste the sheet's key.").format(text=text[:80]))


def service_account_info() -> dict:
    """The service account of `[connections.gsheets]` in the first secrets file that has one."""
    try:
        found = secrets_section("connections", "gsheets")
    except SecretsError as error:
        raise SheetsError(_("{error}; fix it and try again.").format(error=error)) from None
    if found is not None:
        path, section = found
        missing = [name for name in ("client_email", "private_key", "token_uri") if not section.get(name)]
        if section.get("type") != "service_account" or missing:
            raise SheetsError(_("The [connections.gsheets] section of {path} is not a service account (type = "
                                "\"service_account\" with {missing}).").format(
                path=path, missing=", ".join(missing or [_("its key")])) + " " + _(SECRETS_HELP))
        return {name: value for name, value in section.items() if name not in ("spreadsheet", "worksheet")}
    raise SheetsError(_("No Google service account is configured, so Google Sheets cannot be read.") + " "
                      + _(SECRETS_HELP))


class _BoundedHTTPClient(gspread.HTTPClient):
    """gspread's client with our own retry of 429 and 5xx, a few seconds at most."""

    api_root = GOOGLE_SHEETS_API
    retry_waits = RETRY_WAITS

    def request(self, method, endpoint, params=None, data=None, json=None, files=None, headers=None):
        url = endpoint.replace(GOOGLE_SHEETS_API, self.api_root, 1)
        for wait in (*self.retry_waits, None):
            response = self.session.request(method=method, url=url, params=params, data=data, json=json,
                                            files=files, headers=headers, timeout=self.timeout)
            if response.ok:
                return response
            if wait is None or not _worth_retrying(response.status_code):
                raise gspread.exceptions.APIError(response)
            time.sleep(_retry_after(response, wait))


def _worth_retrying(status: int) -> bool:
    return status == 429 or status >= 500


def _retry_after(response: requests.Response, wait: float) -> float:
    try:
        asked = float(response.headers.get("Retry-After", ""))
    except ValueError:
        return wait
    return min(max(asked, wait), LONGEST_RETRY_AFTER)


class GoogleSheets:
    """A service account's read-only view of the Google Sheets shared with it."""

    def __init__(self, info: dict, *, api_root: str | None = None, retry_waits: tuple[float, ...] = RETRY_WAITS,
                 timeout: tuple[float, float] = TIMEOUT):
        try:
            credentials = Credentials.from_service_account_info(info, scopes=gspread.auth.READONLY_SCOPES)
        except (ValueError, KeyError) as error:
            raise SheetsError(_("The service account's key in the secrets cannot be used ({error}). Paste the "
                                "private_key exactly as in the JSON key file Google gave you.").format(
                error=error)) from None
        self.email = info["client_email"]
        self.retry_waits = retry_waits
        self.timeout = timeout
        client = gspread.Client(credentials, http_client=_BoundedHTTPClient)
        client.set_timeout(timeout)
        self._http = client.http_client
        self._http.api_root = api_root or os.environ.get("EMPATHY_SHEETS_API") or GOOGLE_SHEETS_API
        self._http.retry_waits = retry_waits

    @classmethod
    def from_secrets(cls) -> GoogleSheets:
        return cls(service_account_info())

    def open(self, ref: SheetRef, worksheet: str | None = None) -> Workbook:
        """The spreadsheet's title and worksheets, and which worksheet to suggest: `worksheet`, the
        one the URL named, or the best fitting one (one read, two when the heads are compared)."""
        with self._explained(ref.key):
            metadata = self._http.fetch_sheet_metadata(ref.key)
            sheets = [sheet["properties"] for sheet in metadata.get("sheets", [])]
            names = [sheet["title"] for sheet in sheets]
            if not names:
                raise SheetsError(_("The Google Sheet {key} has no worksheets.").format(key=ref.key))
            by_gid = {sheet.get("sheetId"): sheet["title"] for sheet in sheets}
            if worksheet is not None and worksheet not in names:
                raise SheetsError(_("The Google Sheet '{title}' has no worksheet named '{worksheet}'. Its worksheets "
                                    "are: {names}.").format(title=metadata["properties"]["title"],
                                                            worksheet=worksheet, names=", ".join(names)))
            suggested = worksheet or by_gid.get(ref.gid)
            if suggested is None:
                suggested = names[0] if len(names) == 1 else best_worksheet(self._heads(ref.key, names))
        return Workbook(ref.key, metadata["properties"]["title"], names, suggested)

    def read(self, workbook: Workbook, worksheet: str) -> RawSheet:
        """One worksheet's cells as shown in Google Sheets (formulas as their results), one read."""
        with self._explained(workbook.key, worksheet):
            found = self._http.values_get(workbook.key, absolute_range_name(worksheet))
        records = [[str(cell) for cell in row] for row in found.get("values", [])]
        source = f"{workbook.title} (Google Sheet)"
        sheet = sheet_from_records(records, f"{source} [{worksheet}]", trailing_blanks_dropped=True)
        sheet.source, sheet.worksheet, sheet.worksheets = source, worksheet, workbook.worksheets
        return sheet

    def _heads(self, key: str, names: list[str]) -> dict[str, list[list[str]]]:
        ranges = [absolute_range_name(name, f"1:{HEADER_SEARCH_ROWS}") for name in names]
        found = self._http.values_batch_get(key, ranges)
        return {name: [[str(cell) for cell in row] for row in part.get("values", [])]
                for name, part in zip(names, found.get("valueRanges", []))}

    @contextmanager
    def _explained(self, key: str, worksheet: str | None = None):
        """Every way a call can fail, as a message a person can act on."""
        try:
            yield
        except gspread.exceptions.APIError as error:
            raise SheetsError(self._api_message(error, key, worksheet)) from None
        except auth_errors.RefreshError as error:
            raise SheetsError(_("Google refused the service account {email} ({said}). Check client_email and "
                                "private_key in the secrets, and that the key has not been deleted in the Google "
                                "Cloud console.").format(email=self.email, said=_first_line(error))) from None
        except (requests.Timeout, auth_errors.TransportError, requests.ConnectionError) as error:
            slow = isinstance(error, requests.Timeout) or "timed out" in str(error).lower()
            raise SheetsError(_("Google Sheets did not answer within {seconds} seconds. Nothing was read; try again "
                                "in a moment.").format(seconds=f"{self.timeout[1]:g}") if slow else
                              _("Google Sheets could not be reached (no network, or a proxy or firewall in the way). "
                                "Nothing was read; try again in a moment.")) from None

    def _api_message(self, error: gspread.exceptions.APIError, key: str, worksheet: str | None) -> str:
        status, detail = error.response.status_code, str(error.error.get("message", ""))
        if status == 403 and ("has not been used" in detail or "disabled" in detail.lower()):
            return _("The Google Sheets API is not enabled for the service account's Google Cloud project. Enable "
                     "it in the Cloud console, then try again. (Google said: {detail})").format(detail=detail)
        if status == 403:
            return _("The Google Sheet {key} is not shared with the service account {email}. In Google Sheets, "
                     "click Share and add {email} as a Viewer, then try again.").format(key=key, email=self.email)
        if status == 404:
            return _("There is no Google Sheet with the key {key}. Check the address: copy it from the browser's "
                     "address bar while the sheet is open.").format(key=key)
        if status == 400 and worksheet is not None:
            return _("The worksheet '{worksheet}' could not be read (Google said: {detail}). It may have been "
                     "renamed or deleted: open the sheet again and pick a worksheet.").format(worksheet=worksheet,
                                                                                            detail=detail)
        tries = len(self.retry_waits) + 1
        waited = sum(self.retry_waits)
        if status == 429:
            return _("Google's read quota is used up (60 reads a minute for a service account): it still said 'too "
                     "many requests' after {tries} tries over {seconds} seconds. Nothing was read; try again in a "
                     "minute.").format(tries=tries, seconds=f"{waited:g}")
        if status >= 500:
            return _("Google Sheets is having trouble (HTTP {status}, {tries} tries over {seconds} seconds). "
                     "Nothing was read; try again later.").format(status=status, tries=tries, seconds=f"{waited:g}")
        return _("Google Sheets refused the request (HTTP {status}: {detail}).").format(status=status, detail=detail)


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:200]
