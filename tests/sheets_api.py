"""A local server that speaks the parts of the Sheets v4 API and Google's OAuth token endpoint that
the app uses, on pytest-httpserver: the real gspread and google-auth code talks to it over HTTP."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from werkzeug import Request, Response

SERVICE_ACCOUNT = "empathy-loader@cx-board.iam.gserviceaccount.com"
KEY = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd"
RANGE = re.compile(r"^'?(.*?)'?(?:!(\d+):(\d+))?$")


@cache
def private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def secrets_toml(token_uri: str) -> str:
    """A secrets file in the layout of Streamlit's Google Sheets connection."""
    return f'''[connections.gsheets]
spreadsheet = "https://docs.google.com/spreadsheets/d/{KEY}/edit"
type = "service_account"
project_id = "cx-board"
private_key_id = "0123456789abcdef"
private_key = """{private_key_pem()}"""
client_email = "{SERVICE_ACCOUNT}"
client_id = "100000000000000000001"
auth_uri = "https://accounts.google.com/o/oauth2/auth"
token_uri = "{token_uri}"
'''


@dataclass
class FakeSheets:
    """Spreadsheets by key, each {"title": ..., "worksheets": {name: rows}}; `failures` are HTTP
    statuses answered (in order) before the next real answer; every Sheets request is logged."""

    spreadsheets: dict[str, dict] = field(default_factory=dict)
    failures: list[int] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def install(self, httpserver) -> None:
        httpserver.expect_request("/token", method="POST").respond_with_json(
            {"access_token": "local-token", "expires_in": 3600, "token_type": "Bearer"})
        httpserver.expect_request(re.compile(r"^/v4/spreadsheets/.*")).respond_with_handler(self.answer)

    def answer(self, request: Request) -> Response:
        self.requests.append(request.full_path)
        if request.headers.get("Authorization") != "Bearer local-token":
            return _error(401, "Request is missing required authentication credential.", "UNAUTHENTICATED")
        if self.failures:
            status = self.failures.pop(0)
            message = {403: "The caller does not have permission", 429: "Quota exceeded for quota metric "
                       "'Read requests' and limit 'Read requests per minute per user'"}.get(status, "Backend error")
            return _error(status, message, {403: "PERMISSION_DENIED", 429: "RESOURCE_EXHAUSTED"}.get(status, "UNAVAILABLE"))
        key, _, rest = request.path.removeprefix("/v4/spreadsheets/").partition("/")
        key = key.removesuffix("/")
        book = self.spreadsheets.get(key)
        if book is None:
            return _error(404, "Requested entity was not found.", "NOT_FOUND")
        if not rest:
            return _json({"spreadsheetId": key, "properties": {"title": book["title"]},
                          "sheets": [{"properties": {"sheetId": i, "title": name, "index": i}}
                                     for i, name in enumerate(book["worksheets"])]})
        if rest == "values:batchGet":
            return _json({"spreadsheetId": key, "valueRanges": [
                {"range": r, "values": self._values(book, r)} for r in request.args.getlist("ranges")]})
        found = self._values(book, unquote(rest.removeprefix("values/")))
        return _json({"range": rest, "majorDimension": "ROWS", **({"values": found} if found else {})})

    @staticmethod
    def _values(book: dict, a1: str) -> list[list[str]]:
        name, first, last = RANGE.match(a1).groups()
        name = name.replace("''", "'")
        rows = book["worksheets"][name]
        if first:
            rows = rows[int(first) - 1:int(last)]
        return [_without_trailing_blanks(row) for row in rows]


def _without_trailing_blanks(row: list[str]) -> list[str]:
    """The API leaves out the empty cells at the end of a row."""
    end = len(row)
    while end and row[end - 1] == "":
        end -= 1
    return row[:end]


def _json(body: dict) -> Response:
    return Response(json.dumps(body), status=200, content_type="application/json")


def _error(status: int, message: str, reason: str) -> Response:
    return Response(json.dumps({"error": {"code": status, "message": message, "status": reason}}),
                    status=status, content_type="application/json")
