"""`python -m empathy`: the command line read, then one command of `commands.py` run: load sheets, list
and undo batches, reload the demo data, print the board, present it (freeze it as shown), make the
board pack, list actions, send the digest and the alerts, backtest the early warning, read the audit
log, score again texts stored before today's scoring, check the store for damage and back it up.

The command line acts as the OS user (`access.roles.command_line_user`) and is audited as such.
Exit codes: 0 done, 1 a sheet was rejected, the store refused or the role does not allow it (nothing
changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from empathy import commands, language
from empathy.access.roles import RolesError, command_line_user
from empathy.access.secrets import sign_in_configured
from empathy.figures.backtest import HORIZON
from empathy.figures.board import latest_complete_week
from empathy.figures.metrics import Window, iso_week
from empathy.figures.settings import SettingsError, read_display, read_settings
from empathy.meeting.alerts import AlertError
from empathy.meeting.digest import DigestError
from empathy.meeting.pack import FORMATS
from empathy.runtime import set_aside_imports
from empathy.sheets.schema import KINDS
from empathy.store import Store, StoreError
from sentiment.cli import role_option


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if hasattr(args, "window"):
        args.window = _window_option(parser, args)
    try:
        user = command_line_user(sign_in_configured())
        store = Store.open()
        set_aside_imports()
        if hasattr(args, "window"):
            args.settings = read_settings()
            args.window = args.window or latest_complete_week(store, args.settings.timezone)
            if args.window is None:
                print("error: no survey answers or calls are loaded yet; load sheets first.", file=sys.stderr)
                return 1
        if not hasattr(args, "lang"):
            return args.handler(store, user, args)
        with language.speaking(args.lang or read_display().language):
            return args.handler(store, user, args)
    except (StoreError, SettingsError, RolesError, PermissionError, DigestError, AlertError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m empathy",
                                     description="Customer Empathy Board: load and manage its data.")
    subcommands = parser.add_subparsers(required=True, metavar="COMMAND")

    load = subcommands.add_parser("load", help="load CSV/XLSX sheets or Google Sheets, each as one batch")
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
    load.set_defaults(handler=commands.load)

    batches = subcommands.add_parser("batches", help="list the batches loaded so far")
    batches.add_argument("--json", action="store_true")
    batches.set_defaults(handler=commands.batches)

    undo = subcommands.add_parser("undo", help="undo a batch: its rows go, the rows it replaced come back")
    undo.add_argument("batch_id", type=int, metavar="BATCH_ID")
    undo.set_defaults(handler=commands.undo)

    demo = subcommands.add_parser("demo", help="(re)load the demo data, replacing any demo data loaded before")
    demo.set_defaults(handler=commands.demo)

    board = subcommands.add_parser("board", help="the board's figures, alerts and voice for a window")
    _week_argument(board)
    board.add_argument("--from", dest="start", type=date.fromisoformat, metavar="DATE",
                       help="first day of a window of any length (with --to)")
    board.add_argument("--to", dest="end", type=date.fromisoformat, metavar="DATE", help="its last day")
    board.add_argument("--as-presented", action="store_true",
                       help="the board as it was presented (frozen by `present`), not as the data stands now")
    board.add_argument("--json", action="store_true", help="print the board as JSON")
    board.set_defaults(handler=commands.board)

    present = subcommands.add_parser("present", help="freeze a window's board as presented: its figures stay as "
                                                  "shown whatever is loaded later")
    _week_argument(present)
    present.add_argument("--json", action="store_true", help="print what was kept as JSON")
    present.set_defaults(handler=commands.present)

    pack = subcommands.add_parser("pack", help="the board pack of a window (as presented, if it was): PDF or PPTX")
    _week_argument(pack)
    pack.add_argument("--format", choices=FORMATS, default="pdf", help="pdf (for e-mail) or pptx (to edit)")
    pack.add_argument("--out", required=True, type=Path, metavar="FILE", help="where to write it")
    pack.add_argument("--by", choices=["segment"], help="add a page per segment")
    _language_argument(pack)
    pack.set_defaults(handler=commands.pack)

    listing = subcommands.add_parser("actions", help="the actions recorded on the board, newest first")
    listing.add_argument("--open", action="store_true", help="only the open ones")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(handler=commands.actions)

    digest = subcommands.add_parser("digest", help="e-mail the weekly digest with the board pack attached "
                                                "(the [digest] section of the secrets)")
    _week_argument(digest)
    digest.add_argument("--dry-run", action="store_true", help="print the message instead of sending it")
    _language_argument(digest)
    digest.set_defaults(handler=commands.digest)

    alert = subcommands.add_parser("alerts", help="send early-warning alerts (an account turned red, a figure changed "
                                               "beyond noise) to Slack and/or e-mail, each once ([alerts] in the "
                                               "secrets)")
    _week_argument(alert)
    alert.add_argument("--send", action="store_true", help="send them (without it, or with --dry-run: list them)")
    alert.add_argument("--dry-run", action="store_true", help="print what would be sent; send and remember nothing")
    alert.add_argument("--json", action="store_true", help="print the result as JSON")
    _language_argument(alert)
    alert.set_defaults(handler=commands.alerts)

    test = subcommands.add_parser("backtest", help="how well the early warning foretold churn and downgrades: each "
                                                "renewal's flag some days before it, against its outcome")
    test.add_argument("--horizon", type=int, default=HORIZON, metavar="DAYS",
                      help=f"read each flag this many days before the renewal (default {HORIZON})")
    test.add_argument("--json", action="store_true", help="print the figures as JSON")
    test.set_defaults(handler=commands.backtest)

    audit = subcommands.add_parser("audit", help="who did what: loads, undo, pins, edits, exports, refusals "
                                              "(an admin's; newest first)")
    audit.add_argument("--since", type=_moment, metavar="DATE", help="from this day (or YYYY-MM-DDTHH:MM) on")
    audit.add_argument("--json", action="store_true", help="print the entries as JSON")
    audit.set_defaults(handler=commands.audit)

    again = subcommands.add_parser("rescore", help="score again what was stored before the board scored it as it "
                                                   "does now: Korean comments and turns left unscored, calls "
                                                   "without the unhappy-customer flag")
    again.set_defaults(handler=commands.rescore)

    checking = subcommands.add_parser("check", help="read every table of the store whole: exit 1 if it is damaged")
    checking.add_argument("--repair", action="store_true",
                          help="on a sound file, take back the space a killed load left (an admin's)")
    checking.add_argument("--json", action="store_true", help="print the result as JSON")
    checking.set_defaults(handler=commands.check)

    copy = subcommands.add_parser("backup", help="a consistent copy of the store's file while the app serves "
                                              "(an admin's)")
    copy.add_argument("--out", required=True, type=Path, metavar="FILE", help="where to write the copy")
    copy.set_defaults(handler=commands.backup)
    return parser


def _language_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=list(language.LANGUAGES),
                        help="the language it is written in (default: [display] language in data/settings.toml)")


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
