"""The board as presented: frozen when the CXO presents a window, reopened exactly as it was, and
set beside what has changed since.

A frozen board is the board's own JSON (`Board.as_json`), kept with the data version it was computed
from, the last batch loaded then and a hash of its inputs (every current row's hash per table, and the
settings). Late answers and re-loads change the live board, never a frozen one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime

import pandas as pd

from empathy.access.roles import User
from empathy.figures import voice as voices
from empathy.figures.board import Board, build_board, json_window
from empathy.figures.metrics import Figure, Window, utc_bounds, window_figures
from empathy.figures.settings import Settings
from empathy.language import _, ngettext, week
from empathy.meeting.wording import main_value, title
from empathy.sheets.schema import TABLE_KEYS
from empathy.store import Store, StoreError
from empathy.store import presentations as kept_boards

ATTEMPTS = 3  # a load landing while the board is computed means computing it again


@dataclass(frozen=True)
class Presentation:
    number: int
    window_label: str
    presented_at: datetime
    presented_by: str
    presenter: str
    data_version: int
    last_batch: int
    inputs_hash: str
    board: dict  # the board's JSON as it was shown

    def frozen(self) -> Board:
        return Board.from_json(self.board)

    @property
    def window(self) -> Window:
        return json_window(self.board)


@dataclass(frozen=True)
class Change:
    metric: str
    presented: float | None
    now: float | None
    n_presented: int
    n_now: int
    margin: float | None  # the presented figure's 95% margin of error

    @property
    def within_noise(self) -> bool:
        if self.presented is None or self.now is None or self.margin is None:
            return False
        return abs(self.now - self.presented) <= self.margin

    def describe(self) -> str:
        name, presented = title(self.metric), main_value(self.metric, self.presented)
        if self.now is None:
            return _("{figure} would now have no data (presented {presented})").format(figure=name, presented=presented)
        now = _("{figure} would now be {value} (n {n:,})").format(figure=name, value=main_value(self.metric, self.now),
                                                                   n=self.n_now)
        if self.presented is None:
            return _("{now}; it had no data when presented").format(now=now)
        verdict = _("{now}, within noise of the presented {presented} (n {n:,})") if self.within_noise else \
            _("{now}, beyond the margin of error of the presented {presented} (n {n:,})")
        return verdict.format(now=now, presented=presented, n=self.n_presented)


@dataclass(frozen=True)
class Since:
    """What has changed in the window's data since it was presented."""

    late_answers: int
    late_calls: int
    changes: list[Change]
    unchanged: bool  # the inputs hash is the presented one

    def describe(self) -> str:
        if self.unchanged:
            return _("Nothing has changed in the data since.")
        late = [text.format(n=count) for count, text in
                ((self.late_answers, ngettext("{n:,} late answer", "{n:,} late answers", self.late_answers)),
                 (self.late_calls, ngettext("{n:,} late call", "{n:,} late calls", self.late_calls))) if count]
        changed = "; ".join(change.describe() for change in self.changes)
        if not late and not changed:
            return _("The data has changed since (re-loads or undo elsewhere); the window's figures have not.")
        head = _("{late} since").format(late=_(" and ").join(late)) if late else _("Changed since")
        return _("{head}: {changed}.").format(head=head, changed=changed) if changed else \
            _("{head}; the window's figures are as presented.").format(head=head)


def inputs_hash(store: Store, settings: Settings) -> str:
    """A fingerprint of everything a board is computed from: the current rows of every table (count
    and an order-free hash of their keys and row hashes), the scored turns, and the settings."""
    parts = [f"SELECT '{table}', count(*), bit_xor(hash({key}, row_hash)) FROM {table} WHERE superseded_by IS NULL"
             for table, key in TABLE_KEYS.items()]
    parts.append("SELECT 'utterances', count(*), bit_xor(hash(call_id, transcript_hash, turn, role, themes)) "
                 "FROM utterances")
    found = store.query(" UNION ALL ".join(parts) + " ORDER BY 1")
    data = [[str(value) for value in row] for row in found.itertuples(index=False)]
    text = json.dumps({"data": data, "settings": asdict(settings)}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def present(store: Store, window: Window, settings: Settings, user: User) -> Presentation:
    """Freeze the window's board as the data stands now; the presentation as kept."""
    for attempt in range(ATTEMPTS):
        version = store.version()
        board = build_board(store, window, settings)
        frozen = {"window_label": window.label, "window_start": window.start, "window_end": window.end,
                  "inputs_hash": inputs_hash(store, settings),
                  "board": json.dumps(board.as_json(), default=str)}
        shown = voices.kept(window, board.voice, pinned=board.voice["pinned"]) if board.voice else None
        number = kept_boards.present(store, frozen, data_version=version, user=user, voice=shown)
        if number is not None:
            return _presentation(kept_boards.listed(store, number=number).iloc[0])
    raise StoreError(_("The data kept changing while the board of {window} was computed ({attempts} times); "
                       "present it again in a moment.").format(window=week(window.label), attempts=ATTEMPTS))


def presentations(store: Store) -> list[Presentation]:
    """Every presented board, newest first."""
    return [_presentation(row) for index, row in kept_boards.listed(store).iterrows()]


def as_presented(store: Store, window: Window) -> Presentation | None:
    """The window's board as last presented, if it was."""
    found = kept_boards.listed(store, window_label=window.label)
    return None if found.empty else _presentation(found.iloc[0])


def _presentation(row: pd.Series) -> Presentation:
    return Presentation(int(row["presentation"]), row["window_label"], row["presented_at"].to_pydatetime(),
                        row["presented_by"], row["presenter"], int(row["data_version"]), int(row["last_batch"]),
                        row["inputs_hash"], json.loads(row["board"]))


def since(store: Store, presentation: Presentation, settings: Settings) -> Since:
    """The window's figures now beside the presented ones, and the answers and calls loaded since."""
    if inputs_hash(store, settings) == presentation.inputs_hash:
        return Since(0, 0, [], True)
    frozen = presentation.frozen()
    window = frozen.window
    now = window_figures(store, window, timezone=settings.timezone, min_n=settings.min_n,
                         speeder_seconds=settings.speeder_seconds)
    changes = [_change(name, frozen.figures[name], figure) for name, figure in now.items()
               if (figure.value, figure.n) != (frozen.figures[name].value, frozen.figures[name].n)]
    start, end = utc_bounds(window, settings.timezone)
    late = store.query("""
        SELECT (SELECT count(*) FROM survey_responses WHERE superseded_by IS NULL AND batch_id > ?
                  AND submitted_at >= ? AND submitted_at < ?) AS answers,
               (SELECT count(*) FROM calls WHERE superseded_by IS NULL AND batch_id > ?
                  AND started_at >= ? AND started_at < ?) AS calls""",
                       [presentation.last_batch, start, end] * 2)
    return Since(int(late["answers"][0]), int(late["calls"][0]), changes, False)


def _change(name: str, presented: Figure, now: Figure) -> Change:
    return Change(name, presented.value, now.value, presented.n, now.n, presented.details.get("margin_of_error"))
