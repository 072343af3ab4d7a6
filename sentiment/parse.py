"""Transcripts as real tools export them, parsed into turns: labelled text, WebVTT, JSON, sheet rows.

Whatever the format, the result is the same list of `Turn`s, numbered from 1 in speaking order,
with the speaker's label as written and the offset into the call in seconds when the source has it.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import NamedTuple


class TranscriptError(ValueError):
    """A transcript that cannot be read as turns; the message says what is wrong with it."""


class Turn(NamedTuple):
    """A tuple, not a dataclass: a load makes one per turn, and a frozen dataclass is five times slower to make."""

    turn: int
    speaker: str
    text: str
    offset_s: float | None = None


TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# "[00:01:23] Customer: text", "00:01:23 Agent: text" and "Customer: text"; a label is a name of up
# to 40 characters starting with a letter, so "https://..." or "10:30" never open a turn.
LABELLED_LINE = re.compile(
    rf"^\s*(?:\[?(?P<time>{TIME})\]?\s+)?(?P<speaker>[^\W\d_][\w .'’()&/-]{{0,39}}?)\s*:(?:\s+|$)(?P<text>.*)$")
# A chat export's field under a message ("Order ID: 3348917502", "Email: ...") is not a new speaker.
FIELD_WORDS = {"id", "number", "no", "ref", "reference", "order", "ticket", "case", "account", "tracking", "invoice",
               "email", "e-mail", "phone", "date", "time", "address", "code", "sku", "amount", "total", "url", "link"}
LETTERS = re.compile(r"[^\W\d_]")
VTT_TIMING = re.compile(rf"^\s*(?P<start>{TIME})\s+-->\s+(?P<end>{TIME})")
VTT_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<speaker>[^>]+)>(?P<text>.*?)(?:</v>|$)", re.DOTALL)
TAG = re.compile(r"</?[^>]+>")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters other than tab and line ends


@lru_cache(maxsize=8192)
def seconds(stamp: str) -> float:
    """`01:02:03.5`, `02:03` -> seconds. Cached: a load's calls share their first hours of stamps."""
    parts = [float(p.replace(",", ".")) for p in stamp.split(":")]
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total


def parse_transcript(text: str) -> list[Turn]:
    """Turns from a transcript in any of the supported formats, told apart by their content."""
    if text is None or not str(text).strip():
        raise TranscriptError("the transcript is empty")
    body = str(text).lstrip("\ufeff").strip()
    if "\x00" in body or len(CONTROL.findall(body, 0, 2000)) > 5:
        raise TranscriptError("this is binary data, not a transcript")
    if body.startswith("WEBVTT"):
        return parse_vtt(body)
    if body[0] in "[{":
        try:
            data = json.loads(body)
        except json.JSONDecodeError:
            data = None
        if data is not None:
            return parse_json(data)
    return parse_labelled(body)


def parse_labelled(text: str) -> list[Turn]:
    """`Speaker: text` lines, optionally time-stamped; unlabelled lines continue the turn above, and so
    does a line that reads as a field of the message above (see `_is_field`)."""
    turns: list[list] = []  # [speaker, text, offset]
    speakers: set[str] = set()
    for line in text.splitlines():
        match = LABELLED_LINE.match(line)
        if match:
            speaker, said, stamp = match["speaker"].strip(), match["text"].strip(), match["time"]
            if stamp or speaker in speakers or not turns or not _is_field(speaker, said):
                turns.append([speaker, said, seconds(stamp) if stamp else None])
                speakers.add(speaker)
                continue
        if not line.strip():
            continue
        if not turns:
            raise TranscriptError(
                "no speaker labels found: each turn should start with a label such as "
                "'Customer:' or 'Agent:' (optionally after a [00:01:23] time stamp)")
        turns[-1][1] = f"{turns[-1][1]} {line.strip()}".strip()
    if not turns:
        raise TranscriptError("the transcript has no turns")
    return [Turn(number, *turn) for number, turn in enumerate(turns, start=1)]


def _is_field(label: str, value: str) -> bool:
    """A label not heard yet and without a time stamp (the caller checks both), whose value has no
    letters or whose last word names a field (Order ID, Ticket number, Email): part of the message
    above, as chat exports write it, not a new speaker."""
    last_word = re.split(r"[\s_.#-]+", label.lower().rstrip("#. "))[-1]
    return not LETTERS.search(value) or last_word in FIELD_WORDS


def parse_vtt(text: str) -> list[Turn]:
    """WebVTT cues (Zoom, Teams, Meet): `<v Name>` voice tags or `Name: text` inside the cue.

    Consecutive cues by the same speaker are one turn, as a person hears them.
    """
    turns: list[dict] = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    for block in blocks[1:]:
        lines = [line for line in block.split("\n") if line.strip()]
        timing_at = next((i for i, line in enumerate(lines) if VTT_TIMING.match(line)), None)
        if timing_at is None:
            continue  # NOTE, STYLE and REGION blocks carry no speech
        start = seconds(VTT_TIMING.match(lines[timing_at])["start"])
        payload = "\n".join(lines[timing_at + 1:])
        for speaker, words in _vtt_speech(payload):
            if turns and turns[-1]["speaker"] == speaker:
                turns[-1]["text"] = f"{turns[-1]['text']} {words}".strip()
            else:
                turns.append({"speaker": speaker, "text": words, "offset": start})
    if not turns:
        raise TranscriptError("the WebVTT file has no cues with speech in it")
    if all(t["speaker"] is None for t in turns):
        raise TranscriptError("no speaker labels found: the WebVTT cues have neither <v Name> voice tags "
                              "nor 'Name: text' lines")
    for turn in turns:
        turn["speaker"] = turn["speaker"] or "Unknown"
    return _numbered(turns)


def _vtt_speech(payload: str) -> list[tuple[str | None, str]]:
    voices = list(VTT_VOICE.finditer(payload))
    if voices:
        return [(v["speaker"].strip(), _clean(v["text"])) for v in voices if _clean(v["text"])]
    words = _clean(payload)
    match = LABELLED_LINE.match(words)
    if match:
        return [(match["speaker"].strip(), match["text"].strip())]
    return [(None, words)] if words else []


def _clean(text: str) -> str:
    return " ".join(TAG.sub("", text).split())


def parse_json(data: object) -> list[Turn]:
    """A list of `{speaker, text, start}` turns, or an object holding one under `turns`."""
    if isinstance(data, dict):
        data = data.get("turns", data.get("utterances"))
    if not isinstance(data, list) or not data:
        raise TranscriptError("the JSON must be a list of {speaker, text, start} turns")
    turns = []
    for position, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not item.get("speaker") or "text" not in item:
            raise TranscriptError(f"JSON turn {position} needs a 'speaker' and a 'text'")
        start = item.get("start", item.get("offset_s"))
        if isinstance(start, str):
            start = seconds(start) if re.fullmatch(TIME, start.strip()) else float(start)
        turns.append({"speaker": str(item["speaker"]).strip(), "text": str(item["text"]).strip(),
                      "offset": None if start is None else float(start)})
    return _numbered(turns)


def turns_from_rows(rows: list[dict]) -> list[Turn]:
    """Utterance rows of one call from a sheet (`turn, speaker, text[, offset_s]`), in turn order."""
    ordered = sorted(rows, key=lambda r: float(r["turn"]))
    return _numbered([{"speaker": str(r["speaker"]).strip(), "text": str(r["text"] or "").strip(),
                       "offset": None if r.get("offset_s") in (None, "") else float(r["offset_s"])}
                      for r in ordered])


def _numbered(turns: list[dict]) -> list[Turn]:
    if not turns:
        raise TranscriptError("the transcript has no turns")
    return [Turn(i, t["speaker"], t["text"], t["offset"]) for i, t in enumerate(turns, start=1)]
