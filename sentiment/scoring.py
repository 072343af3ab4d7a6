"""Scores for turns: English by VADER (whole turns as VADER was validated on, long monologues in
blocks), Korean by `sentiment.korean` on the same compound scale, and text neither can judge marked
unscored rather than counted as neutral.

Large batches are scored on every core, with the analyzer built once per worker process.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import os
import pickle
import re
import select
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable, NamedTuple

import pycld2

from sentiment import korean
from sentiment.dissatisfaction import dissatisfaction
from sentiment.vader import Vader

# A turn longer than this many sentences is scored in blocks (see bench/saturation.py and
# bench/README.md for the measurement behind the number).
LONG_TURN_SENTENCES = 5
BLOCK_SENTENCES = 3
PARALLEL_MIN_TEXTS = 4000
# What scoring costs, in English characters' time (0.34-0.45 µs a character, short and long call turns
# with the dissatisfaction score): a Korean character 35 (12.7-15.2 µs, short turns and long, 2026-12-07),
# and starting Kiwi in a worker (its model, lexicon and first sentence: 0.6-0.9 s) 2,000,000. By characters
# rather than texts, since a long turn costs four short ones: counted by texts, the 12,000 long-turn calls
# of bench/bench_calls_load.py went 4.0 s to one worker and 2.1 s to the other.
KOREAN_COST = 35
KIWI_START_COST = 2_000_000
IDLE_SECONDS = 600  # a scoring worker left waiting this long ends (Kiwi holds about 260 MB)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
LETTER = re.compile(r"[A-Za-z]")
UNDETERMINED = "und"  # ISO 639-2: another script, but which language cld2 cannot tell
# What transcribers write for sounds that are not speech: [noise], [inaudible], <unk>, <sil>, and a few
# sounds in parentheses, (laughs), (crosstalk). Not words the customer said: VADER would read
# "laughs" as joy and "[inaudible]" as neutral speech.
NON_SPEECH_SOUNDS = ("laughs", "laughing", "laughter", "chuckles", "giggles", "sighs", "sigh", "coughs", "cough",
                     "clears throat", "crosstalk", "cross talk", "inaudible", "unintelligible", "indistinct",
                     "silence", "pause", "pauses", "noise", "background noise", "static", "music", "hold music",
                     "beep", "beeps", "typing", "crying", "applause", "overlapping")
NON_SPEECH = re.compile(r"\[[^\]\n]{1,40}\]|<[^<>\n]{1,20}>|\((?:" + "|".join(NON_SPEECH_SOUNDS) + r")\)",
                        re.IGNORECASE)


class Score(NamedTuple):
    compound: float | None
    pos: float | None
    neu: float | None
    neg: float | None
    scored: bool
    dissatisfaction: float | None = None  # sentiment/dissatisfaction.py; None where not scored
    language: str | None = None  # ISO 639: "en" or "ko" as scored, or the language a turn was left unscored in
    lemmas: str | None = None  # a Korean text's content morphemes (sentiment/korean/): what themes match on


UNSCORED = Score(None, None, None, None, False)
_analyzer: Vader | None = None


class ScoringFailed(RuntimeError):
    """A scoring process ended before it answered: killed by the system (short of memory, say) or broken."""


def analyzer() -> Vader:
    """The process's one analyzer: building it reads the lexicon, so it is built once."""
    global _analyzer
    if _analyzer is None:
        _analyzer = Vader()
    return _analyzer


def other_language(text: str) -> str | None:
    """The language (ISO 639 code: "es", "ko") of a text VADER's English lexicon cannot judge; None
    for English, or for text too short or mixed to tell (VADER then scores it).

    Google's Compact Language Detector 2 (pycld2, its model in the wheel, offline), hinted towards
    English and trusted only when it says its answer is reliable: compared with py3langid, langdetect
    and lingua on VADER's 4,200 rated tweets, 10,290 service dialogue turns and short support messages
    in six languages, it took 8 µs a text (py3langid 74, lingua 2,600, langdetect 3,000) and called
    the fewest English texts another language (bench/README.md)."""
    try:
        reliable, _, found = pycld2.detect(text, hintLanguage="en")
    except pycld2.error:
        reliable, found = False, [("Unknown", "un", 0, 0.0)]
    code = found[0][1]
    if reliable and code not in ("en", "un"):
        return code
    if text.isascii():
        return None
    letters = [c for c in text if c.isalpha()]
    return UNDETERMINED if sum(1 for c in letters if c.isascii()) < 0.5 * len(letters) else None


def judgeable(text: str) -> bool:
    """Whether VADER's English lexicon or the Korean scorer can say anything true about this text."""
    language = other_language(text)
    return (language is None and bool(LETTER.search(text))) or \
        (language in (None, "ko", UNDETERMINED) and korean.is_korean(text))


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def speech(text: str) -> str:
    """The text without its non-speech tags."""
    if "[" in text or "<" in text or "(" in text:
        return " ".join(NON_SPEECH.sub(" ", text).split())
    return text


def score_text(text: str) -> Score:
    """A turn's scores; a turn with nothing said (empty, or only tags like [noise]) is unscored."""
    return score_chunk([text])[0]


def score_chunk(texts: list[str], with_dissatisfaction: bool = True) -> list[Score]:
    """Many turns' scores, worked out one step at a time over the whole list (tags out, language, VADER
    or the Korean scorer, dissatisfaction) rather than turn by turn: each step's tables stay in the
    processor's cache: the same work took 1.3x the library VADER's time so, 1.9x turn by turn (bench/README.md).
    Text with Hangul in it that CLD2 calls Korean, English or cannot tell ("UI가 너무 slow해요") goes to
    `sentiment.korean`, on the same compound scale; English stays with VADER exactly as before.
    Without dissatisfaction (survey comments, which keep only their compound) scoring takes a quarter
    less time."""
    said = [speech(text) if text else "" for text in texts]
    languages = [other_language(text) if text else None for text in said]
    korean_ones = [i for i, (text, language) in enumerate(zip(said, languages))
                   if language in (None, "ko", UNDETERMINED) and korean.is_korean(text)]
    in_korean = dict(zip(korean_ones, korean.score_many([said[i] for i in korean_ones]) if korean_ones else []))
    judged = [bool(text) and language is None and LETTER.search(text) is not None
              for text, language in zip(said, languages)]
    vader = [_vader(text) if ok else None for text, ok in zip(said, judged)]
    scores = []
    for i, (text, language, score) in enumerate(zip(said, languages, vader)):
        if i in in_korean:
            found = in_korean[i]
            score = Score(found.compound, found.pos, found.neu, found.neg, True, language="ko", lemmas=found.lemmas)
        rescore = _compound if score is not None and score.language == "en" else None
        if score is not None and with_dissatisfaction:
            found = in_korean.get(i)
            leaning, met = (found.leaning, found.met) if found else (score.compound, None)
            score = score._replace(dissatisfaction=dissatisfaction(text, leaning, rescore, met))
        scores.append(score or (UNSCORED._replace(language=language) if language else UNSCORED))
    return scores


def _compound(text: str) -> float:
    return _vader(text).compound


def _vader(text: str) -> Score:
    # a turn with at most LONG_TURN_SENTENCES - 1 end marks cannot be long: skip splitting it
    if text.count(".") + text.count("!") + text.count("?") < LONG_TURN_SENTENCES or \
            len(parts := sentences(text)) <= LONG_TURN_SENTENCES:
        found = analyzer().polarity_scores(text)
        return Score(found["compound"], found["pos"], found["neu"], found["neg"], True, language="en")
    return _score_in_blocks(parts)


def _score_in_blocks(parts: list[str]) -> Score:
    """A long monologue's compound saturates towards +-1; blocks of a few sentences do not, and
    their length-weighted mean keeps a long turn on the same scale as a short one."""
    blocks = [" ".join(parts[i:i + BLOCK_SENTENCES]) for i in range(0, len(parts), BLOCK_SENTENCES)]
    weights = [len(block) for block in blocks]
    found = [analyzer().polarity_scores(block) for block in blocks]
    total = sum(weights)
    mean = {key: sum(w * f[key] for w, f in zip(weights, found)) / total
            for key in ("compound", "pos", "neu", "neg")}
    return Score(mean["compound"], mean["pos"], mean["neu"], mean["neg"], True, language="en")


def score_texts(texts: list[str], workers: int | None = None, *, with_dissatisfaction: bool = True,
                meanwhile: Callable[[], object] | None = None, started: Scoring | None = None,
                plain: bool = False) -> list[Score] | list[tuple]:
    """Scores in input order, each distinct text scored once (calls repeat "Have a great day." and
    "Okay."); a large list is spread over `workers` processes (default: all cores, see `Scoring`), or
    over the processes `started` ahead of the texts (stopped unused for a short list). `meanwhile` is
    other work of the caller's, done while the workers score. `plain`: the workers' scores as plain
    tuples in `Score`'s order (`Scoring.plain_scores`), for a caller that takes them apart into columns."""
    distinct = list(dict.fromkeys(texts))
    workers = workers or os.cpu_count() or 1
    if started is not None and not started.sent and len(distinct) < PARALLEL_MIN_TEXTS:
        started.stop()
        started = None
    if started is None and (workers == 1 or len(distinct) < PARALLEL_MIN_TEXTS):
        by_text = dict(zip(distinct, score_chunk(distinct, with_dissatisfaction)))
        if meanwhile is not None:
            meanwhile()
    else:
        scoring = started.send(distinct) if started is not None else \
            Scoring(distinct, workers, with_dissatisfaction=with_dissatisfaction)
        try:
            if meanwhile is not None:
                meanwhile()
            by_text = scoring.plain_scores() if plain else scoring.scores()
        finally:
            scoring.stop()  # none left scoring for nobody if the other work failed
    return [by_text[text] for text in texts]


class Scoring:
    """Distinct texts being scored by worker processes, one per core, while the caller goes on with other work
    (a load scores a large sheet's comments while it checks its rows): `scores()` waits for them,
    `stop()` ends the workers if they are no longer wanted (the sheet was rejected) and does nothing
    once they are done.

    The workers are plain `python -m sentiment.worker` subprocesses rather than a multiprocessing
    pool: a pool re-imports the host's main module in each worker, and under Streamlit that is the
    app script itself. Texts and scores travel pickled as plain tuples (only between this process and
    the workers it starts): reading 600,000 scores back took 1.8 s as JSON lists made Scores, 0.9 s so.
    The processes outlive a Scoring (`_Pool`): the app server's next load finds them started, Kiwi
    too if a Korean sheet came before."""

    def __init__(self, texts: list[str] | None = None, workers: int | None = None, *, with_dissatisfaction: bool = True,
                 korean: bool = False):
        """`texts` None: the processes start ahead of their texts, which `send` gives them, and with
        `korean` the first starts Kiwi meanwhile (0.6-0.9 s; a calls load starts them before it parses
        the transcripts, on the core that would wait)."""
        count = workers or os.cpu_count() or 1
        if texts is not None:
            count = min(count, max(1, len(texts)))
        self._with_dissatisfaction = with_dissatisfaction
        self._workers = _POOL.take(count)
        self._owed = [0.0] * len(self._workers)  # what each was sent, in English characters' time (`_cost`)
        if korean and not self._workers[0].kiwi:
            self._owed[0] = KIWI_START_COST
            self._workers[0].start_kiwi()
        self._threads = [ThreadPoolExecutor(1) for _ in self._workers]
        self.chunks: list[list[str]] = [[] for _ in self._workers]  # every text sent to each process
        self._sent: list[tuple[list[str], Future]] = []  # (texts, their scores to come), send by send
        self._known: set[str] = set()
        if texts is not None:
            self.send(texts)

    @property
    def sent(self) -> bool:
        return bool(self._sent)

    def send(self, texts: list[str]) -> Scoring:
        """Texts to the processes (the Korean ones to the first, which may have Kiwi started), each scored
        once: a calls load sends each block of calls as it is parsed, and a text sent before ("Okay.") is
        not sent again. Each process scores what it was sent in the order it came."""
        new = [text for text in dict.fromkeys(texts) if text not in self._known]
        if not new:
            return self
        self._known.update(new)
        chunks = _chunks(new, len(self._workers), kiwi_started=self._workers[0].kiwi, owed=self._owed)
        for place, (sent, thread, worker, chunk) in enumerate(zip(self.chunks, self._threads, self._workers, chunks)):
            if chunk:
                sent += chunk
                self._owed[place] += _cost(chunk)
                self._sent.append((chunk, thread.submit(worker.score, chunk, self._with_dissatisfaction)))
        return self

    def readings(self, phrases: list[str]) -> dict[str, list[str]]:
        """Korean phrases' `korean.readings` by the first process (the one with Kiwi), once it has scored
        what it was sent; none once the processes are stopped; ScoringFailed if the process failed."""
        threads = self._threads
        try:
            asked = threads[0].submit(self._workers[0].readings, phrases) if threads else None
        except RuntimeError:  # stopped meanwhile: its scores were read
            asked = None
        return asked.result() if asked is not None else {}

    def scores(self) -> dict[str, Score]:
        """Each distinct text's score."""
        return {text: Score._make(found) for text, found in self.plain_scores().items()}

    def plain_scores(self) -> dict[str, tuple]:
        """Each distinct text's score as a plain tuple in `Score`'s order: making 600,000 Scores takes
        0.8 s, which a load that wants a column or two of them does without."""
        by_text = {}
        try:
            for chunk, output in self._sent:
                by_text.update(zip(chunk, output.result()))
        finally:
            self.stop()
        return by_text

    def stop(self) -> None:
        """Kill the processes still scoring for this Scoring (nobody will read their scores); idle ones
        go back to the pool."""
        if not self._threads:
            return
        if any(not output.done() for _, output in self._sent):
            for worker in self._workers:
                worker.end()
        for thread in self._threads:
            thread.shutdown()  # its read has ended with its process
        self._threads = []
        _POOL.give_back(self._workers)


class _Worker:
    """One `python -m sentiment.worker` process: a pickled request in (texts to score, Korean phrases to
    read, or None to start Kiwi: `run_worker`), the answer out, until its stdin closes or it has waited
    `idle` seconds (IDLE_SECONDS) for work. Its errors go to a file read only when it fails."""

    def __init__(self, idle: float = IDLE_SECONDS):
        package_root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        self._errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen([sys.executable, "-m", "sentiment.worker", str(idle)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self._errors, env=env)
        self.kiwi = False

    def start_kiwi(self) -> None:
        if not self.kiwi:
            _write_frame(self.process.stdin, None)
            self.kiwi = True

    def score(self, texts: list[str], with_dissatisfaction: bool) -> list[tuple]:
        """The texts' scores as plain tuples; ScoringFailed if the process failed or was killed."""
        found = self._ask(("score", texts, with_dissatisfaction))
        self.kiwi = self.kiwi or any(map(korean.is_korean, texts))
        return found

    def readings(self, phrases: list[str]) -> dict[str, list[str]]:
        """Korean phrases' `korean.readings`, by this process's Kiwi (started for them if it was not)."""
        found = self._ask(("readings", phrases))
        self.kiwi = True
        return found

    def _ask(self, request: tuple):
        try:
            _write_frame(self.process.stdin, request)
            return _read_frame(self.process.stdout)
        except (OSError, EOFError, pickle.UnpicklingError):
            self.end()
            self._errors.seek(0)
            problem = self._errors.read().decode(errors="replace").strip()[-500:] or \
                f"exit code {self.process.returncode}"
            raise ScoringFailed(f"a sentiment worker failed: {problem}") from None

    def alive(self) -> bool:
        return self.process.poll() is None

    def end(self) -> None:
        """Kill the process (a read of its output then ends)."""
        if self.alive():
            self.process.kill()
        self.process.wait()

    def close(self) -> None:
        """Its pipes and error file, once it has ended and nothing reads them."""
        for pipe in (self.process.stdin, self.process.stdout, self._errors):
            with contextlib.suppress(BrokenPipeError):  # what it was being sent when it ended
                pipe.close()


class _Pool:
    """The process's idle scoring workers, at most one per core: the app server's loads reuse them
    (two loads at once share them out, starting more where too few are idle), so Kiwi's start
    (0.6-0.9 s) and the processes' own are paid once, not by every load."""

    def __init__(self):
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []

    def take(self, count: int) -> list[_Worker]:
        """`count` live workers, one with Kiwi started first; new ones started where too few are idle."""
        with self._lock:
            self._idle.sort(key=lambda worker: not worker.kiwi)
            taken, self._idle = self._idle[:count], self._idle[count:]
        alive = [worker for worker in taken if worker.alive()]
        for worker in taken:
            if not worker.alive():  # ended after IDLE_SECONDS, or killed by the system
                worker.close()
        return alive + [_Worker() for _ in range(count - len(alive))]

    def give_back(self, workers: list[_Worker]) -> None:
        """The live ones wait for the next load, up to one per core; the rest end."""
        with self._lock:
            for worker in workers:
                if worker.alive() and len(self._idle) < (os.cpu_count() or 1):
                    self._idle.append(worker)
                else:
                    worker.end()
                    worker.close()

    def pids(self) -> list[int]:
        """The idle workers' process ids."""
        with self._lock:
            return [worker.process.pid for worker in self._idle if worker.alive()]


_POOL = _Pool()


def idle_workers() -> list[int]:
    """The process ids of the scoring workers waiting in the pool for the next load."""
    return _POOL.pids()


def _write_frame(pipe, value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(len(data).to_bytes(8, "little") + data)
    pipe.flush()


def _read_frame(pipe):
    size = int.from_bytes(_read_exactly(pipe, 8), "little")
    return pickle.loads(_read_exactly(pipe, size))


def _read_exactly(pipe, size: int) -> bytes:
    data = pipe.read(size)
    if len(data) < size:
        raise EOFError("the scoring worker closed its output")
    return data


def _chunks(texts: list[str], workers: int, kiwi_started: bool = False,
            owed: list[float] | None = None) -> list[list[str]]:
    """The texts split into one list per worker of about the same cost, a text costing its length (a
    Korean one KOREAN_COST times it), and the worker that scores any Korean text paying Kiwi's start
    once (unless `kiwi_started` in the first worker already): the Korean texts go to the first worker,
    with English ones beside them up to an equal share, unless starting Kiwi in every worker and
    spreading them all finishes sooner (many Korean texts). `owed`: what each worker was sent before
    (a load sends its turns block by block), which the English evens out: the first gets none while it
    starts Kiwi for a new process's first Korean load until the others have as much to do."""
    if workers == 1:
        return [texts]
    hangul = [korean.is_korean(text) for text in texts]
    in_korean = [text for text, found in zip(texts, hangul) if found]
    english = [text for text, found in zip(texts, hangul) if not found]
    korean_cost = KOREAN_COST * sum(map(len, in_korean)) + (0 if kiwi_started else KIWI_START_COST) if in_korean else 0
    english_cost = sum(map(len, english))
    share = (english_cost + korean_cost) / workers
    spread = KIWI_START_COST + (KOREAN_COST * sum(map(len, in_korean)) + english_cost) / workers
    if in_korean and spread < max(korean_cost, share):
        return [in_korean[i::workers] + english[i::workers] for i in range(workers)]
    owed = owed or [0.0] * workers
    parts = _levelled(english_cost, [owed[0] + korean_cost, *owed[1:]])
    ends = list(itertools.accumulate(map(len, english)))
    cuts = [0, *(bisect.bisect_right(ends, bound) for bound in itertools.accumulate(parts[:-1])), len(english)]
    return [in_korean + english[:cuts[1]]] + [english[start:end] for start, end in zip(cuts[1:], cuts[2:])]


def _levelled(amount: float, owed: list[float]) -> list[float]:
    """`amount` shared out so that each one's `owed` and its part come out as even as they can: the ones
    owing least are raised to the next one's level until the amount runs out (water-filling)."""
    order = sorted(owed)
    count = 1  # how many are raised: one more while the amount lifts them past the next one
    while count < len(order) and order[count] * count - sum(order[:count]) < amount:
        count += 1
    level = (amount + sum(order[:count])) / count
    return [max(0.0, level - each) for each in owed]


def _cost(texts: list[str]) -> int:
    """What scoring the texts costs, in English characters' time (KOREAN_COST)."""
    return sum(len(text) * (KOREAN_COST if korean.is_korean(text) else 1) for text in texts)


def run_worker() -> None:
    """Answer requests from stdin until it closes, or until the seconds given as its argument pass
    without one (IDLE_SECONDS if none): a pickled ("score", texts, with_dissatisfaction) gets their
    scores, in order, as a pickled list of tuples; ("readings", phrases) their `korean.readings` by
    phrase; None starts Kiwi ahead of Korean texts."""
    requests, idle = sys.stdin.fileno(), float(sys.argv[1]) if len(sys.argv) > 1 else IDLE_SECONDS
    while select.select([requests], [], [], idle)[0]:
        header = _read_fd(requests, 8)
        if len(header) < 8:
            return
        request = pickle.loads(_read_fd(requests, int.from_bytes(header, "little")))
        if request is None:
            korean.kiwi()
        elif request[0] == "readings":
            _write_frame(sys.stdout.buffer, {phrase: korean.readings(phrase) for phrase in request[1]})
        else:
            _, texts, with_dissatisfaction = request
            _write_frame(sys.stdout.buffer, [tuple(score) for score in score_chunk(texts, with_dissatisfaction)])


def _read_fd(fd: int, size: int) -> bytes:
    """Up to `size` bytes of a pipe, fewer only at its end (unbuffered, so that `select` sees what is left)."""
    parts, left = [], size
    while left:
        part = os.read(fd, min(left, 1 << 20))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)
