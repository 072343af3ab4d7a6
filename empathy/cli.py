"""`python -m empathy`: load sheets, list and undo batches, reload the demo data, print the board,
read the audit log.

The command line acts as the OS user (`empathy.access.command_line_user`) and is audited as such.
Exit codes: 0 done, 1 a sheet was rejected, the store refused or the role does not allow it (nothing
changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime

from empathy.access import RolesError, User, command_line_user
from empathy.board import Board, build_board, latest_complete_week
from empathy.demo import reload_demo
from empathy.gsheets import is_sheet_url
from empathy.loading import LoadReport, load_google_sheet, load_sheet, sheet_row
from empathy.metrics import Window, iso_week
from empathy.schema import KINDS
from empathy.secrets import sign_in_configured
from empathy.settings import SettingsError, read_settings
from empathy.store import Store, StoreError
from sentiment.cli import role_option


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.handler is _board:
        args.window = _window_option(parser, args)
    try:
        user = command_line_user(sign_in_configured())
        store = Store.open()
        return args.handler(store, user, args)
    except (StoreError, SettingsError, RolesError, PermissionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m empathy",
                                     description="Customer Empathy Board: load and manage its data.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    load = commands.add_parser("load", help="load CSV/XLSX sheets or Google Sheets, each as one batch")
    load.add_argument("paths", nargs="+", metavar="PATH_OR_URL",
                      help="a CSV/XLSX file, or a Google Sheet's URL (read with the service account in "
                           ".streamlit/secrets.toml; a worksheet loaded before is read as it was then)")
    load.add_argument("--kind", choices=KINDS, help="the kind of sheet (detected from its columns if left out)")
    load.add_argument("--sheet", help="the worksheet of an XLSX or Google Sheet to read (the best fitting one if left out)")
    load.add_argument("--skip-invalid", action="store_true",
                      help="load the valid rows and report the rest (default: any bad row rejects the sheet)")
    load.add_argument("--role", action="append", default=[], metavar="LABEL=ROLE", type=role_option,
                      help="the role (customer, agent or other) of a transcript speaker no rule places; repeatable")
    load.add_argument("--json", action="store_true", help="print the result as JSON")
    load.set_defaults(handler=_load)

    batches = commands.add_parser("batches", help="list the batches loaded so far")
    batches.add_argument("--json", action="store_true")
    batches.set_defaults(handler=_batches)

    undo = commands.add_parser("undo", help="undo a batch: its rows go, the rows it replaced come back")
    undo.add_argument("batch_id", type=int, metavar="BATCH_ID")
    undo.set_defaults(handler=_undo)

    demo = commands.add_parser("demo", help="(re)load the demo data, replacing any demo data loaded before")
    demo.set_defaults(handler=_demo)

    board = commands.add_parser("board", help="the board's figures, alerts and voice for a window")
    board.add_argument("--window", metavar="YYYY-Www", help="an ISO week, e.g. 2026-W39 "
                                                            "(default: the latest complete week in the data)")
    board.add_argument("--from", dest="start", type=date.fromisoformat, metavar="DATE",
                       help="first day of a window of any length (with --to)")
    board.add_argument("--to", dest="end", type=date.fromisoformat, metavar="DATE", help="its last day")
    board.add_argument("--json", action="store_true", help="print the board as JSON")
    board.set_defaults(handler=_board)

    audit = commands.add_parser("audit", help="who did what: loads, undo, pins, edits, exports, refusals "
                                              "(an admin's; newest first)")
    audit.add_argument("--since", type=_moment, metavar="DATE", help="from this day (or YYYY-MM-DDTHH:MM) on")
    audit.add_argument("--json", action="store_true", help="print the entries as JSON")
    audit.set_defaults(handler=_audit)
    return parser


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it like 2026-11-23") from None


def _window_option(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Window | None:
    if args.window and (args.start or args.end):
        parser.error("give either --window or --from/--to, not both")
    if bool(args.start) != bool(args.end):
        parser.error("--from and --to go together")
    if args.start:
        if args.end < args.start:
            parser.error("--to is before --from")
        return Window(args.start, args.end)
    if args.window:
        try:
            return iso_week(args.window)
        except ValueError:
            parser.error(f"--window {args.window}: not an ISO week; write it like 2026-W39")
    return None


def _load(store: Store, user: User, args: argparse.Namespace) -> int:
    reports = [load_google_sheet(store, path, user=user, kind=args.kind, worksheet=args.sheet,
                                 skip_invalid=args.skip_invalid or None, roles=dict(args.role))
               if is_sheet_url(path) else
               load_sheet(store, path=path, user=user, kind=args.kind, worksheet=args.sheet,
                          skip_invalid=args.skip_invalid, roles=dict(args.role)) for path in args.paths]
    if args.json:
        payload = [_load_json(r) for r in reports]
        print(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2, default=str))
    else:
        for report in reports:
            _print_report(report)
    return 1 if any(report.rejected for report in reports) else 0


def _load_json(report: LoadReport) -> dict:
    keys = ("batch_id", "kind", "source", "rows_new", "rows_updated", "rows_duplicate", "rows_rejected",
            "rejected", "notes")
    errors = [{**error, "sheet_row": sheet_row(error, report.header_row)} for error in report.errors]
    return {**{key: report.as_json()[key] for key in keys}, "errors": errors}


def _print_report(report: LoadReport) -> None:
    print(report.summary())
    for note in report.notes:
        print(f"  note: {note}")
    for error in report.errors:
        where = []
        if error["row"] is not None:
            where.append(f"sheet row {sheet_row(error, report.header_row)}")
        if error["column"]:
            where.append(f"column '{error['column']}'")
        prefix = ", ".join(where)
        print(f"  {prefix + ': ' if prefix else ''}{error['message']}")


def _batches(store: Store, user: User, args: argparse.Namespace) -> int:
    batches = store.batches()
    if args.json:
        rows = batches[["batch_id", "kind", "source", "rows", "loaded_at", "undone"]]
        print(rows.to_json(orient="records", date_format="iso", indent=2))
        return 0
    if batches.empty:
        print("No batches yet. Load a sheet with: python -m empathy load FILE")
        return 0
    for b in batches.itertuples():
        state = " (undone)" if b.undone else ""
        demo = " [demo]" if b.demo else ""
        print(f"{b.batch_id:>5}  {b.loaded_at:%Y-%m-%d %H:%M}  {b.kind:<13} {b.rows:>8} rows  "
              f"{b.source}{demo}{state}")
    return 0


def _undo(store: Store, user: User, args: argparse.Namespace) -> int:
    store.undo(args.batch_id, user=user)
    print(f"Batch {args.batch_id} undone: its rows are gone and the rows it replaced are back.")
    return 0


def _demo(store: Store, user: User, args: argparse.Namespace) -> int:
    reports = reload_demo(store, user)
    for report in reports:
        print(report.summary())
    return 1 if any(report.rejected for report in reports) else 0


def _board(store: Store, user: User, args: argparse.Namespace) -> int:
    settings = read_settings()
    window = args.window or latest_complete_week(store, settings.timezone)
    if window is None:
        print("error: no survey answers or calls are loaded yet; load sheets first.", file=sys.stderr)
        return 1
    board = build_board(store, window, settings)
    if args.json:
        print(json.dumps(board.as_json(), indent=2, default=str))
    else:
        _print_board(board)
    return 0


def _print_board(board: Board) -> None:
    print(f"Window {board.window.label} ({board.window.start} to {board.window.end}, {board.timezone}) "
          f"against {board.window.previous().label}")
    for name, figure in board.figures.items():
        if figure.value is None:
            print(f"  {name:<14} no data")
            continue
        change = "" if figure.test.delta is None else f"  change {figure.test.delta:+.2f} " + \
            ("(real at 95%)" if figure.test.significant else "(within noise)")
        low = "  LOW n" if figure.low_n else ""
        print(f"  {name:<14} {figure.value:8.2f}{change}  n={figure.n}{low}")
    alerts = board.alerts
    print(f"Red: {alerts.count('red')} accounts, ARR {alerts.arr('red'):,.0f}; "
          f"yellow: {alerts.count('yellow')}, ARR {alerts.arr('yellow'):,.0f}")
    for account in alerts.top.itertuples():
        print(f"  {account.status:<6} {account.account_id} {account.account_name}: {'; '.join(account.reasons)}")
    if board.voice:
        v = board.voice
        print(f'Voice of the week: "{v["text"]}" — {v["account_name"]} ({v["segment"]}), {v["who"]}, '
              f'{v["channel"]}, {v["date"]}')


def _audit(store: Store, user: User, args: argparse.Namespace) -> int:
    entries = store.audit_log(user=user, since=args.since)
    if args.json:
        print(entries.to_json(orient="records", date_format="iso", indent=2))
        return 0
    if entries.empty:
        print("Nothing in the audit log" + (f" since {args.since:%Y-%m-%d %H:%M}." if args.since else "."))
    for e in entries.itertuples():
        detail = f" — {e.detail}" if e.detail else ""
        print(f"{e.happened_at:%Y-%m-%d %H:%M:%S}  {e.who} ({e.role})  {e.action} {e.object}: {e.outcome}{detail}")
    return 0
