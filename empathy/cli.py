"""`python -m empathy`: load sheets, list and undo batches, reload the demo data, print the board,
present it (freeze it as shown), make the board pack, list actions, send the digest, read the audit log,
check the store for damage and back it up.

The command line acts as the OS user (`empathy.access.command_line_user`) and is audited as such.
Exit codes: 0 done, 1 a sheet was rejected, the store refused or the role does not allow it (nothing
changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from empathy.access.roles import RolesError, User, command_line_user
from empathy.access.secrets import sign_in_configured
from empathy.figures.backtest import HORIZON, backtest
from empathy.figures.board import Board, build_board, latest_complete_week
from empathy.figures.metrics import Window, iso_week
from empathy.figures.settings import SettingsError, read_settings
from empathy.loading.demo import reload_demo
from empathy.loading.sheet import LoadReport, load_google_sheet, load_sheet, sheet_row
from empathy.meeting.actions import listed
from empathy.meeting.alerts import AlertError, send_alerts
from empathy.meeting.digest import DigestError, compose, mail_server, send_digest
from empathy.meeting.pack import FORMATS, gather, make_pack
from empathy.meeting.presented import as_presented, present
from empathy.meeting.wording import group_text
from empathy.sheets.gsheets import is_sheet_url
from empathy.sheets.schema import KINDS
from empathy.store import Store, StoreError, audit
from empathy.store.upkeep import backup, check
from sentiment.cli import role_option


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if hasattr(args, "window"):
        args.window = _window_option(parser, args)
    try:
        user = command_line_user(sign_in_configured())
        store = Store.open()
        if hasattr(args, "window"):
            args.settings = read_settings()
            args.window = args.window or latest_complete_week(store, args.settings.timezone)
            if args.window is None:
                print("error: no survey answers or calls are loaded yet; load sheets first.", file=sys.stderr)
                return 1
        return args.handler(store, user, args)
    except (StoreError, SettingsError, RolesError, PermissionError, DigestError, AlertError) as error:
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
    _week_argument(board)
    board.add_argument("--from", dest="start", type=date.fromisoformat, metavar="DATE",
                       help="first day of a window of any length (with --to)")
    board.add_argument("--to", dest="end", type=date.fromisoformat, metavar="DATE", help="its last day")
    board.add_argument("--as-presented", action="store_true",
                       help="the board as it was presented (frozen by `present`), not as the data stands now")
    board.add_argument("--json", action="store_true", help="print the board as JSON")
    board.set_defaults(handler=_board)

    present = commands.add_parser("present", help="freeze a window's board as presented: its figures stay as "
                                                  "shown whatever is loaded later")
    _week_argument(present)
    present.add_argument("--json", action="store_true", help="print what was kept as JSON")
    present.set_defaults(handler=_present)

    pack = commands.add_parser("pack", help="the board pack of a window (as presented, if it was): PDF or PPTX")
    _week_argument(pack)
    pack.add_argument("--format", choices=FORMATS, default="pdf", help="pdf (for e-mail) or pptx (to edit)")
    pack.add_argument("--out", required=True, type=Path, metavar="FILE", help="where to write it")
    pack.add_argument("--by", choices=["segment"], help="add a page per segment")
    pack.set_defaults(handler=_pack)

    listing = commands.add_parser("actions", help="the actions recorded on the board, newest first")
    listing.add_argument("--open", action="store_true", help="only the open ones")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(handler=_actions)

    digest = commands.add_parser("digest", help="e-mail the weekly digest with the board pack attached "
                                                "(the [digest] section of the secrets)")
    _week_argument(digest)
    digest.add_argument("--dry-run", action="store_true", help="print the message instead of sending it")
    digest.set_defaults(handler=_digest)

    alert = commands.add_parser("alerts", help="send early-warning alerts (an account turned red, a figure changed "
                                               "beyond noise) to Slack and/or e-mail, each once ([alerts] in the "
                                               "secrets)")
    _week_argument(alert)
    alert.add_argument("--send", action="store_true", help="send them (without it, or with --dry-run: list them)")
    alert.add_argument("--dry-run", action="store_true", help="print what would be sent; send and remember nothing")
    alert.add_argument("--json", action="store_true", help="print the result as JSON")
    alert.set_defaults(handler=_alerts)

    test = commands.add_parser("backtest", help="how well the early warning foretold churn and downgrades: each "
                                                "renewal's flag some days before it, against its outcome")
    test.add_argument("--horizon", type=int, default=HORIZON, metavar="DAYS",
                      help=f"read each flag this many days before the renewal (default {HORIZON})")
    test.add_argument("--json", action="store_true", help="print the figures as JSON")
    test.set_defaults(handler=_backtest)

    audit = commands.add_parser("audit", help="who did what: loads, undo, pins, edits, exports, refusals "
                                              "(an admin's; newest first)")
    audit.add_argument("--since", type=_moment, metavar="DATE", help="from this day (or YYYY-MM-DDTHH:MM) on")
    audit.add_argument("--json", action="store_true", help="print the entries as JSON")
    audit.set_defaults(handler=_audit)

    checking = commands.add_parser("check", help="read every table of the store whole: exit 1 if it is damaged")
    checking.add_argument("--repair", action="store_true",
                          help="on a sound file, take back the space a killed load left (an admin's)")
    checking.add_argument("--json", action="store_true", help="print the result as JSON")
    checking.set_defaults(handler=_check)

    copy = commands.add_parser("backup", help="a consistent copy of the store's file while the app serves "
                                              "(an admin's)")
    copy.add_argument("--out", required=True, type=Path, metavar="FILE", help="where to write the copy")
    copy.set_defaults(handler=_backup)
    return parser


def _week_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument("--window", metavar="YYYY-Www", help="an ISO week, e.g. 2026-W47 "
                                                              "(default: the latest complete week in the data)")


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it like 2026-11-23") from None


def _window_option(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Window | None:
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if args.window and (start or end):
        parser.error("give either --window or --from/--to, not both")
    if bool(start) != bool(end):
        parser.error("--from and --to go together")
    if start:
        if end < start:
            parser.error("--to is before --from")
        return Window(start, end)
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
    settings, window = args.settings, args.window
    if args.as_presented:
        presentation = as_presented(store, window)
        if presentation is None:
            print(f"error: the board of {window.label} has not been presented; "
                  f"`python -m empathy present --window {window.label}` freezes it.", file=sys.stderr)
            return 1
        board = presentation.frozen()
    else:
        board = build_board(store, window, settings)
    if args.json:
        print(json.dumps(board.as_json(), indent=2, default=str))
    else:
        _print_board(board)
    return 0


def _present(store: Store, user: User, args: argparse.Namespace) -> int:
    settings, window = args.settings, args.window
    kept = present(store, window, settings, user)
    if args.json:
        print(json.dumps({"presentation": kept.number, "window": kept.window_label, "presented_at": kept.presented_at,
                          "presented_by": kept.presented_by, "data_version": kept.data_version,
                          "last_batch": kept.last_batch, "inputs_hash": kept.inputs_hash}, indent=2, default=str))
    else:
        print(f"The board of {kept.window_label} is kept as presented (presentation {kept.number}, batches up to "
              f"{kept.last_batch}). `python -m empathy board --window {kept.window_label} --as-presented` shows it.")
    return 0


def _pack(store: Store, user: User, args: argparse.Namespace) -> int:
    settings, window = args.settings, args.window
    made, data = make_pack(store, window, settings, user, args.format, by_segment=args.by == "segment")
    args.out.write_bytes(made)
    frozen = "as presented" if data.presentation else "live figures, not presented"
    print(f"Board pack of {window.label} ({frozen}) written to {args.out}.")
    return 0


def _actions(store: Store, user: User, args: argparse.Namespace) -> int:
    found = listed(store, date.today(), open_only=args.open)
    if args.json:
        print(found.to_json(orient="records", date_format="iso", indent=2))
        return 0
    if found.empty:
        print("No open actions." if args.open else "No actions recorded yet.")
    for a in found.itertuples():
        about = f" [{a.link_kind} {a.link}]" if a.link_kind else ""
        state = "overdue" if a.overdue else a.status
        note = f" — {a.note}" if a.note else ""
        print(f"{a.action_id:>4}  {a.window_label:<9} {state:<8} due {a.due:%Y-%m-%d}  "
              f"{a.owner}: {a.what}{about}{note}")
    return 0


def _digest(store: Store, user: User, args: argparse.Namespace) -> int:
    settings, window = args.settings, args.window
    server = mail_server()
    if not args.dry_run:
        store.authorize(user, "send_digest", window.label)  # before the pack is made for nothing
    message = compose(gather(store, window, settings, user), server)
    if args.dry_run:
        attached = [(part.get_filename(), len(part.get_content())) for part in message.iter_attachments()]
        print("\n".join(f"{key}: {value}" for key, value in message.items()))
        print()
        print(message.get_body(("plain",)).get_content())
        print("\n".join(f"Attached: {name} ({size:,} bytes)" for name, size in attached))
        print(f"(dry run: nothing sent to {server.host}:{server.port})")
        return 0
    send_digest(store, user, window.label, message, server)
    print(f"Digest of {window.label} sent to {', '.join(server.recipients)}.")
    return 0


def _alerts(store: Store, user: User, args: argparse.Namespace) -> int:
    result = send_alerts(store, args.window, args.settings, user, dry_run=args.dry_run or not args.send)
    if args.json:
        print(json.dumps(result, indent=2))
        return 1 if result["failed"] else 0
    for verb, key in (("Sent", "sent"), ("Would send", "would_send")):
        for item in result[key]:
            print(f"{verb} by {item['channel']}: {item['subject']}")
    for item in result["failed"]:
        print(f"NOT sent by {item['channel']}: {item['subject']} — {item['error']}")
    if result["cleared"]:
        print(f"Red no more (their next red alert is news again): {', '.join(result['cleared'])}")
    if not any(result[key] for key in ("sent", "would_send", "failed")):
        print(f"Nothing new to alert about in {args.window.label}: every alert due has been sent.")
    elif result["would_send"]:
        print("(nothing sent: add --send to send them)")
    return 1 if result["failed"] else 0


def _backtest(store: Store, user: User, args: argparse.Namespace) -> int:
    if args.horizon < 1:
        print("error: --horizon must be at least 1 day.", file=sys.stderr)
        return 2
    settings = read_settings()
    found = backtest(store, args.horizon, settings.early_warning, settings.timezone)
    if args.json:
        print(json.dumps(found.as_json(), indent=2))
        return 0
    print(f"{found.renewals} renewals, each account's flag {found.horizon} days before it "
          f"({found.left_out} left out: too early for a whole period of data before the flag day).")
    if not found.renewals:
        return 0
    print(f"Churned or downgraded: {group_text(found.base)}")
    for g in [*found.statuses, *found.rules]:
        print(f"  {g.name:<19} {group_text(g)}")
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


def _check(store: Store, user: User, args: argparse.Namespace) -> int:
    found = check(store, user=user, repair=args.repair)
    if args.json:
        print(json.dumps({"sound": found.sound, "damage": found.damage, "rows": found.rows,
                          "dead_bytes": found.dead_bytes, "reclaimed": found.reclaimed}, indent=2))
        return 0 if found.sound else 1
    if not found.sound:
        print(f"error: {found.damage}", file=sys.stderr)
        return 1
    print(f"The data store {store.description} is sound: {len(found.rows)} tables, "
          f"{sum(found.rows.values()):,} rows read whole.")
    if found.reclaimed:
        before, after = found.reclaimed
        print(f"Dead space taken back: the file went from {before:,} to {after:,} bytes.")
    elif found.dead_bytes:
        print(f"{found.dead_bytes:,} bytes of the file hold nothing (left by a load that was stopped); "
              "`python -m empathy check --repair` takes them back.")
    return 0


def _backup(store: Store, user: User, args: argparse.Namespace) -> int:
    size = backup(store, args.out, user=user)
    print(f"Backup of {store.description} written to {args.out} ({size:,} bytes), consistent as of now.")
    return 0


def _audit(store: Store, user: User, args: argparse.Namespace) -> int:
    entries = audit.log(store, user=user, since=args.since)
    if args.json:
        print(entries.to_json(orient="records", date_format="iso", indent=2))
        return 0
    if entries.empty:
        print("Nothing in the audit log" + (f" since {args.since:%Y-%m-%d %H:%M}." if args.since else "."))
    for e in entries.itertuples():
        detail = f" — {e.detail}" if e.detail else ""
        print(f"{e.happened_at:%Y-%m-%d %H:%M:%S}  {e.who} ({e.role})  {e.action} {e.object}: {e.outcome}{detail}")
    return 0
