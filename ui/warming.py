"""Boards made before anyone asks. When a load or an undo lands (the store's version moves), a voice
is pinned, or a new day begins, the boards people looked at in the last hour are made again in the
background, in the server's shared caches: the first person to open the board after a Monday load
finds it made instead of waiting for it (bench/bench_viewers.py measures both).

A board is remembered by what its cache is keyed on: the scoped store (so each scope's board is made
for that scope only, never another's), the settings and the reader's language. Only the live board of
the latest complete week is made ahead; a window picked by hand is made when it is asked for. In
the server (serve.py calls `serve`) the first board seen starts the thread; a page run any other way
(tests, `AppTest`) only remembers.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from empathy import language
from empathy.figures.settings import Settings
from empathy.store import Store

POLL_SECONDS = 2.0
IDLE_SECONDS = 3600.0
MAX_BOARDS = 16
THREAD = "board-warming"
log = logging.getLogger(__name__)
_served = threading.Event()
# The cached functions, called off a page's run, would each log that it has no run's context.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda record: threading.current_thread().name != THREAD)


def serve() -> None:
    """This process serves the app: boards seen from now on are kept made by a thread of its own."""
    _served.set()


@dataclass
class Seen:
    store: Store
    settings: Settings
    language: str
    at: float
    made_for: tuple | None = None  # (version, voices version, day) the board was last made for


class Warming:
    """The boards to keep made, and the thread that makes them again when their data moves."""

    def __init__(self, make) -> None:
        self._make = make  # make(store, settings, versions): the board's cached parts, for these versions
        self._seen: dict[tuple, Seen] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Keep the remembered boards made, in a thread that ends when none is left to keep."""
        with self._lock:
            self._start()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=THREAD, daemon=True)
            self._thread.start()

    def saw(self, store: Store, settings: Settings, versions: tuple) -> None:
        """A page showed the live board of the latest week for these versions (version, voices
        version, day): keep it made. The most recently seen MAX_BOARDS boards are kept."""
        key = (store.cache_key, settings, language.current())
        with self._lock:
            seen = self._seen.pop(key, None) or Seen(store, settings, language.current(), 0.0)
            seen.at, seen.made_for = time.monotonic(), versions
            self._seen[key] = seen
            while len(self._seen) > MAX_BOARDS:
                self._seen.pop(next(iter(self._seen)))
            if _served.is_set():
                self._start()

    def remembered(self) -> list[Seen]:
        """The boards looked at within the last hour."""
        now = time.monotonic()
        with self._lock:
            for key in [key for key, seen in self._seen.items() if now - seen.at > IDLE_SECONDS]:
                del self._seen[key]
            return list(self._seen.values())

    def make_moved(self) -> int:
        """Make again each remembered board whose data, voice or day moved; how many were made."""
        made = 0
        for seen in self.remembered():
            try:
                now = versions_now(seen.store, seen.settings)
                if now != seen.made_for:
                    with language.speaking(seen.language):
                        self._make(seen.store, seen.settings, now)
                    seen.made_for, made = now, made + 1
            except Exception:  # noqa: BLE001 (a busy or vanished store: its next viewer sees the reason)
                log.warning("The board could not be made ahead for %s", seen.store.cache_key, exc_info=True)
                self._forget(seen)
        return made

    def _forget(self, seen: Seen) -> None:
        with self._lock:
            self._seen = {key: kept for key, kept in self._seen.items() if kept is not seen}

    def _run(self) -> None:
        while True:
            time.sleep(POLL_SECONDS)
            self.remembered()  # forgets the boards nobody looked at for an hour
            with self._lock:
                if not self._seen:
                    self._thread = None
                    return
            self.make_moved()


def versions_now(store: Store, settings: Settings) -> tuple:
    """What a board of the latest week is keyed on that moves by itself: the data's version, the
    voices' version and the day in the board's timezone (a new week begins on a day, not on a load)."""
    return versions_of(store.counters(), settings)


def versions_of(counters: dict, settings: Settings) -> tuple:
    return counters["version"], counters["voices_version"], board_day(settings)


def board_day(settings: Settings) -> date:
    """Today in the board's timezone: the day its latest complete week is counted back from."""
    return datetime.now(ZoneInfo(settings.timezone)).date()
