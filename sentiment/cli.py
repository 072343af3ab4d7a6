"""`python -m sentiment FILE [--agent NAME] [--role LABEL=ROLE] [--json]`: score one transcript."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sentiment import TranscriptError, analyze_transcript
from sentiment.roles import ROLES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sentiment",
                                     description="Parse a call transcript (text, .vtt or .json) and score "
                                                 "its turns with VADER; figures use customer turns only.")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--agent", metavar="NAME", help="the agent's name as it appears in the transcript")
    parser.add_argument("--role", action="append", default=[], metavar="LABEL=ROLE", type=role_option,
                        help="set a speaker's role (customer, agent or other); repeatable")
    parser.add_argument("--json", action="store_true", help="print the turns and figures as JSON")
    args = parser.parse_args(argv)
    try:
        analysis = analyze_transcript(_read(args.file), args.agent, dict(args.role))
    except (TranscriptError, ValueError) as error:
        print(f"error: {args.file}: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(_as_json(analysis), indent=2, ensure_ascii=False))
    else:
        _print(analysis)
    return 0


def role_option(item: str) -> tuple[str, str]:
    """A `--role LABEL=ROLE` option, as argparse's `type`."""
    label, sep, role = item.partition("=")
    if not sep or role not in ROLES:
        raise argparse.ArgumentTypeError(f"takes LABEL=customer|agent|other, not '{item}'")
    return label, role


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TranscriptError(f"cannot be read ({error.strerror})") from None
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TranscriptError("this is binary data, not a transcript")


def _as_json(analysis) -> dict:
    keys = ("turn", "speaker", "role", "text", "compound", "pos", "neu", "neg", "scored")
    figures = analysis.figures
    return {"turns": [{k: t._asdict()[k] for k in keys} for t in analysis.turns],
            "call": {k: figures[k] for k in ("mean", "min", "shift", "negative", "customer_turns",
                                             "scored_turns")},
            "unmapped_speakers": analysis.unmapped, "doubts": analysis.doubts}


def _print(analysis) -> None:
    for t in analysis.turns:
        score = f"{t.compound:+.3f}" if t.scored else "–" if t.role == "agent" else "unscored"
        print(f"{t.turn:>3}  {t.speaker} ({t.role})  {score}  {t.text}")
    f = analysis.figures
    number = lambda v: "n/a" if v is None else f"{v:+.3f}"  # noqa: E731
    print(f"\ncall: mean {number(f['mean'])}, min {number(f['min'])}, shift {number(f['shift'])}, "
          f"negative {'n/a' if f['negative'] is None else ('yes' if f['negative'] else 'no')}; "
          f"{f['customer_turns']} customer turns, {f['scored_turns']} scored")
    for label, why in analysis.doubts.items():
        print(f"doubt: '{label}' {why}")
    if analysis.unmapped:
        print(f"speakers with no role (counted as other): {', '.join(analysis.unmapped)}; "
              "set one with --role LABEL=customer")
