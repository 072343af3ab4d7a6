"""What each command of `python -m empathy` does, on the core; `cli.py` reads the command line and
calls one of these with the store, the acting user and the parsed arguments. Each returns the exit
code: 0 done, 1 refused or rejected (nothing changed)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from empathy.access.roles import User
from empathy.figures.backtest import backtest as run_backtest
from empathy.figures.board import Board, build_board
from empathy.figures.settings import read_settings
from empathy.loading.demo import reload_demo
from empathy.loading.rescore import score_again
from empathy.loading.sheet import LoadReport, load_google_sheet, load_sheet, sheet_row
from empathy.meeting.actions import listed
from empathy.meeting.alerts import send_alerts
from empathy.meeting.digest import compose, mail_server, send_digest
from empathy.meeting.pack import gather, make_pack
from empathy.meeting.presented import as_presented
from empathy.meeting.presented import present as freeze_board
from empathy.meeting.wording import attribution, group_text
from empathy.sheets.gsheets import is_sheet_url
from empathy.store import Store
from empathy.store import audit as audit_log
from empathy.store.upkeep import backup as back_up
from empathy.store.upkeep import check as read_whole


def load(store: Store, user: User, args: argparse.Namespace) -> int:
    reports = [load_google_sheet(store, path, user=user, kind=args.kind, worksheet=args.sheet,
                                 skip_invalid=args.skip_invalid or None, roles=dict(args.role))
               if is_sheet_url(path) else
               load_sheet(store, path=path, user=user, kind=args.kind, worksheet=args.sheet,
                          skip_invalid=args.skip_invalid, roles=dict(args.role)) for path in args.paths]
    if args.json:
        payload = [load_json(r) for r in reports]
        print(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2, default=str))
    else:
        for report in reports:
            print_report(report)
    return 1 if any(report.rejected for report in reports) else 0


def load_json(report: LoadReport) -> dict:
    keys = ("batch_id", "kind", "source", "rows_new", "rows_updated", "rows_duplicate", "rows_rejected",
            "rejected", "notes")
    errors = [{**error, "sheet_row": sheet_row(error, report.header_row)} for error in report.errors]
    return {**{key: report.as_json()[key] for key in keys}, "errors": errors}


def print_report(report: LoadReport) -> None:
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


def batches(store: Store, user: User, args: argparse.Namespace) -> int:
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


def undo(store: Store, user: User, args: argparse.Namespace) -> int:
    store.undo(args.batch_id, user=user)
    print(f"Batch {args.batch_id} undone: its rows are gone and the rows it replaced are back.")
    return 0


def demo(store: Store, user: User, args: argparse.Namespace) -> int:
    reports = reload_demo(store, user)
    for report in reports:
        print(report.summary())
    return 1 if any(report.rejected for report in reports) else 0


def board(store: Store, user: User, args: argparse.Namespace) -> int:
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
        print_board(board)
    return 0


def present(store: Store, user: User, args: argparse.Namespace) -> int:
    settings, window = args.settings, args.window
    kept = freeze_board(store, window, settings, user)
    if args.json:
        print(json.dumps({"presentation": kept.number, "window": kept.window_label, "presented_at": kept.presented_at,
                          "presented_by": kept.presented_by, "data_version": kept.data_version,
                          "last_batch": kept.last_batch, "inputs_hash": kept.inputs_hash}, indent=2, default=str))
    else:
        print(f"The board of {kept.window_label} is kept as presented (presentation {kept.number}, batches up to "
              f"{kept.last_batch}). `python -m empathy board --window {kept.window_label} --as-presented` shows it.")
    return 0


def pack(store: Store, user: User, args: argparse.Namespace) -> int:
    settings, window = args.settings, args.window
    made, data = make_pack(store, window, settings, user, args.format, by_segment=args.by == "segment")
    args.out.write_bytes(made)
    frozen = "as presented" if data.presentation else "live figures, not presented"
    print(f"Board pack of {window.label} ({frozen}) written to {args.out}.")
    return 0


def actions(store: Store, user: User, args: argparse.Namespace) -> int:
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


def digest(store: Store, user: User, args: argparse.Namespace) -> int:
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


def alerts(store: Store, user: User, args: argparse.Namespace) -> int:
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


def backtest(store: Store, user: User, args: argparse.Namespace) -> int:
    if args.horizon < 1:
        print("error: --horizon must be at least 1 day.", file=sys.stderr)
        return 2
    settings = read_settings()
    found = run_backtest(store, args.horizon, settings.early_warning, settings.timezone)
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


def print_board(board: Board) -> None:
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
        print(f'Voice of the week: "{board.voice["text"]}" {attribution(board.voice)}')


def rescore(store: Store, user: User, args: argparse.Namespace) -> int:
    done = score_again(store, user)
    print(f"Scored again: {done['comments']:,} comments and {done['turns']:,} call turns; "
          f"{done['calls']:,} calls' figures worked out again.")
    return 0


def check(store: Store, user: User, args: argparse.Namespace) -> int:
    found = read_whole(store, user=user, repair=args.repair)
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


def backup(store: Store, user: User, args: argparse.Namespace) -> int:
    size = back_up(store, args.out, user=user)
    print(f"Backup of {store.description} written to {args.out} ({size:,} bytes), consistent as of now.")
    return 0


def audit(store: Store, user: User, args: argparse.Namespace) -> int:
    entries = audit_log.log(store, user=user, since=args.since)
    if args.json:
        print(entries.to_json(orient="records", date_format="iso", indent=2))
        return 0
    if entries.empty:
        print("Nothing in the audit log" + (f" since {args.since:%Y-%m-%d %H:%M}." if args.since else "."))
    for e in entries.itertuples():
        detail = f" — {e.detail}" if e.detail else ""
        print(f"{e.happened_at:%Y-%m-%d %H:%M:%S}  {e.who} ({e.role})  {e.action} {e.object}: {e.outcome}{detail}")
    return 0
