"""The board-room view as data: the five figures and their trends, the accounts at risk, the themes
whose complaints grew, and the customer voice of the week, for one window against the one before.

`build_board` is the one function behind both the Board page and `python -m empathy board --json`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import duckdb
import pandas as pd
from scipy import stats

from empathy.figures import voice as voices
from empathy.figures.metrics import Figure, Test, Window, batch_changed, figure_trends, iso_week, keep_days, utc_bounds
from empathy.figures.renewals import RENEWAL_DAYS, renewing_soon
from empathy.figures.rules import COUNTS, Thresholds, flag_accounts, keep_signals, reasons_of, red_accounts
from empathy.figures.settings import Settings, SettingsError, read_settings
from empathy.store import InTransaction, Store, keeps, keeps_voices

log = logging.getLogger(__name__)
NOT_SHOWN = ("text_hash", *voices.REASON_INPUTS)  # what a voice carries that its JSON leaves out
NEGATIVE = -0.05  # a comment or customer turn at or below this compound is a negative mention
TOP_ACCOUNTS = 5
GROWING_THEMES = 5


@dataclass
class Alerts:
    flags: pd.DataFrame  # every account: status, reasons, arr, ...
    newly_red: pd.DataFrame
    top: pd.DataFrame  # the flagged accounts carrying most ARR, red first
    renewing: pd.DataFrame  # the flagged accounts up for renewal in the next RENEWAL_DAYS, soonest first

    def __post_init__(self) -> None:
        """Each status's accounts and ARR, counted once: a board is made once and read by every view."""
        totals = self.flags.groupby("status")["arr"].agg(["size", "sum"])
        self._totals = {status: (int(row["size"]), float(row["sum"])) for status, row in totals.iterrows()}

    def count(self, status: str) -> int:
        return self._totals.get(status, (0, 0.0))[0]

    def arr(self, status: str) -> float:
        return self._totals.get(status, (0, 0.0))[1]


@dataclass
class Board:
    window: Window
    timezone: str
    figures: dict[str, Figure]
    trends: pd.DataFrame
    alerts: Alerts
    themes: pd.DataFrame
    voice: dict | None
    shortlist: list[dict]

    def trend(self, name: str) -> pd.DataFrame:
        return trend_of(self.trends, name)

    def as_json(self) -> dict:
        """Everything the board shows, in plain JSON: `board --json`, and a board kept as presented."""
        previous = self.window.previous()
        def accounts(status: str) -> list[dict]:
            return [{**account, "reasons": list(r["reasons"])} for account, r in self._flagged(status, "reasons")]
        trends = self.trends.assign(start=self.trends["start"].map(date.isoformat)) if not self.trends.empty \
            else self.trends
        metrics = {name: figure.as_json() for name, figure in self.figures.items()}
        metrics["nps"]["moe"] = metrics["nps"]["margin_of_error"]
        return {
            "window": _window_json(self.window), "previous": _window_json(previous),
            "timezone": self.timezone, "metrics": metrics,
            "voice": None if self.voice is None else {k: v for k, v in self.voice.items() if k not in NOT_SHOWN},
            "alerts": {"red": accounts("red"), "yellow": accounts("yellow"),
                       "red_arr": self.alerts.arr("red"), "yellow_arr": self.alerts.arr("yellow"),
                       "newly_red": self.alerts.newly_red["account_id"].tolist(),
                       "renewal_days": RENEWAL_DAYS,
                       "renewing": [{"account_id": r.account_id, "account_name": r.account_name, "status": r.status,
                                     "arr": None if pd.isna(r.arr) else float(r.arr),
                                     "renewal_date": r.next_renewal.isoformat()}
                                    for r in self.alerts.renewing.itertuples()]},
            "themes": self.themes.to_dict("records"),
            "trends": trends.to_dict("records"),
        }

    def _flagged(self, status: str, *columns: str) -> list[tuple[dict, dict]]:
        """The accounts of a status, most ARR first, as the JSON names them, each with these columns
        of its row (read column by column: iterating every column of 1,600 flagged rows took 40 ms)."""
        flags = self.alerts.flags
        rows = flags.loc[flags["status"] == status, ["account_id", "account_name", "arr", *columns]].sort_values(
            ["arr", "account_id"], ascending=[False, True])
        values = {column: rows[column].tolist() for column in rows.columns}
        return [({"account_id": values["account_id"][i], "account_name": values["account_name"][i],
                  "arr": None if pd.isna(values["arr"][i]) else float(values["arr"][i])},
                 {column: values[column][i] for column in columns}) for i in range(len(rows))]

    def as_kept(self) -> dict:
        """The board as a write keeps it for the views after it (`keep_board`): its JSON with what the
        words are made of in place of the words (each reader gets them in their own language): each
        flagged account's rules and counts, the voice's and the shortlist's reasons' inputs; and the
        shortlist, which a board as presented has no need of."""
        found = self.as_json()
        for status in ("red", "yellow"):
            found["alerts"][status] = [{**account, "rules": list(r["rules"]), "counts": [int(r[c]) for c in COUNTS]}
                                       for account, r in self._flagged(status, "rules", *COUNTS)]
        def unworded(voice: dict) -> dict:
            return {k: v for k, v in voice.items() if k != "reasons"}
        found["voice"] = None if self.voice is None else unworded(self.voice)
        found["shortlist"] = [unworded(voice) for voice in self.shortlist]
        return found

    @classmethod
    def from_kept(cls, found: dict, thresholds: Thresholds) -> Board:
        """A board kept by a write (`as_kept`), its words made in the reader's language."""
        for status in ("red", "yellow"):
            found["alerts"][status] = [
                {**{k: v for k, v in account.items() if k not in ("rules", "counts")},
                 "reasons": reasons_of(dict(zip(COUNTS, account["counts"])), account["rules"], thresholds)}
                for account in found["alerts"][status]]
        top_theme = found["themes"][0]["theme"] if found["themes"] else None
        def worded(voice: dict) -> dict:
            return {**voice, "reasons": voices.reasons(voice, top_theme)}
        shortlist = [worded(voice) for voice in found.pop("shortlist")]
        found["voice"] = None if found["voice"] is None else worded(found["voice"])
        board = cls.from_json(found)
        board.shortlist = shortlist
        return board

    @classmethod
    def from_json(cls, found: dict) -> Board:
        """The board again from its JSON, as the page and the pack show it (no shortlist: a board as
        presented has its voice)."""
        window = json_window(found)
        figures = {name: Figure.from_json(figure) for name, figure in found["metrics"].items()}
        trends = pd.DataFrame(found["trends"], columns=["window", "start", "metric", "value", "n", "low_n"])
        if "compound" not in found["metrics"]["sentiment"]:
            # presented before the call figure became the share of calls with an unhappy customer (#28):
            # its number was a mean compound, which the tile would now read as a share; not shown
            figures["sentiment"] = Figure(None, figures["sentiment"].n, None, Test(None, None), True)
            trends = trends[trends["metric"] != "sentiment"]
        trends["start"] = trends["start"].map(date.fromisoformat)
        flags = pd.DataFrame([{**account, "status": status} for status in ("red", "yellow")
                              for account in found["alerts"][status]],
                             columns=["account_id", "account_name", "arr", "reasons", "status"])
        flags["arr"] = flags["arr"].astype(float)
        newly_red = flags[flags["account_id"].isin(found["alerts"]["newly_red"])].sort_values("arr", ascending=False)
        themes = pd.DataFrame(found["themes"], columns=["theme", "now", "before", "change", "p_value", "significant"])
        renewing = pd.DataFrame(found["alerts"].get("renewing", []),
                                columns=["account_id", "account_name", "status", "arr", "renewal_date"])
        renewing = renewing.assign(next_renewal=renewing["renewal_date"].map(date.fromisoformat)).drop(
            columns="renewal_date")
        alerts = Alerts(flags, newly_red, at_risk(flags).head(TOP_ACCOUNTS), renewing)
        return cls(window, found["timezone"], figures, trends, alerts, themes, found["voice"], [])


def json_window(found: dict) -> Window:
    """The window of a board's JSON."""
    return Window(date.fromisoformat(found["window"]["start"]), date.fromisoformat(found["window"]["end"]))


def _window_json(window: Window) -> dict:
    return {"start": window.start.isoformat(), "end": window.end.isoformat(), "label": window.label}


DATA_SPAN = """
    SELECT min(first_at) AS first_at, max(last_at) AS last_at FROM (
        SELECT min(submitted_at) AS first_at, max(submitted_at) AS last_at
        FROM survey_responses WHERE superseded_by IS NULL
        UNION ALL SELECT min(started_at), max(started_at) FROM calls WHERE superseded_by IS NULL)"""
# The weeks whose last days' early-warning signals a write keeps: the week of the data's last day and
# the two before, every day the latest complete week and the one before it can end on, whatever the day.
KEPT_WEEKS = 3


def data_days(store: Store, timezone: str) -> tuple[date, date] | None:
    """The first and last day (in the board's timezone) with survey answers or calls."""
    return _days(store.query(DATA_SPAN), timezone)


def _days(found: pd.DataFrame, timezone: str) -> tuple[date, date] | None:
    if pd.isna(found["last_at"][0]):
        return None
    return tuple(pd.Timestamp(found[column][0]).tz_localize("UTC").tz_convert(timezone).date()
                 for column in ("first_at", "last_at"))


@keeps
def keep_for_boards(cursor) -> None:
    """Run by every write that moves the data's version, in its transaction: what the boards of the
    latest weeks would otherwise work out from every row, with the settings' timezone, speeder line
    and thresholds (`_kept_for`) —
    each data table's sums per day (`metrics.keep_days`), and the early warning's signals on the
    last days of the latest complete week and the week before (`rules.keep_signals`); then the board
    itself (`keep_board`)."""
    settings = _kept_for()
    batch = batch_changed(cursor)  # before keep_days marks what this write kept
    found = cursor.execute(DATA_SPAN).df()
    span = _days(found, settings.timezone)
    keep_days(cursor, settings.timezone, settings.speeder_seconds,
              None if span is None else (found["first_at"][0].to_pydatetime(), found["last_at"][0].to_pydatetime()),
              batch)
    last_sunday = None if span is None else span[1] + timedelta(days=7 - span[1].isoweekday())
    keep_signals(cursor, [] if last_sunday is None else [last_sunday - timedelta(weeks=back) for back in range(KEPT_WEEKS)],
                 settings.early_warning, settings.timezone, batch)
    keep_board(cursor, settings, None if span is None else span[1])


@keeps_voices
def keep_board_again(cursor) -> None:
    """Run by a pin, an unpin or a presentation (the voices' version moved, not the data's): the board
    kept again with the voice as it now stands, from the days and signals the last load kept."""
    settings = _kept_for()
    span = _days(cursor.execute(DATA_SPAN).df(), settings.timezone)
    keep_board(cursor, settings, None if span is None else span[1])


def _kept_for() -> Settings:
    """The settings the keepers keep for: the file's, or the defaults while it is wrong (the board
    says what is wrong with it)."""
    try:
        return read_settings()
    except SettingsError:
        return Settings()


def keep_board(cursor, settings: Settings, last_day: date | None) -> None:
    """The latest complete week's board (as of this write), worked out in the write's transaction
    from what the keepers before kept, for the first views after it to read instead of working it
    out (`kept_board`): kept without its words, for this data version, the voices' version and the
    settings. At 1,000,000 answers a board read from the kept days and signals still took 100-120 ms,
    most of it judging 5,000 accounts twice, the voice's candidates and the pandas around them.
    `last_day`: the data's last day in the board's timezone (None: no answers or calls).

    A board that cannot be worked out keeps none, and the write lands: the page says what is wrong
    when it works the board out itself, and a load that would mend the data is never refused for
    it. A failing query (DuckDB's errors: the disk, the file) fails the write, as any of its own."""
    cursor.execute("DELETE FROM kept_boards")
    if last_day is None:
        return
    window = complete_week(last_day, settings.timezone)
    try:
        board = work_out_board(InTransaction(cursor), window, settings)
    except duckdb.Error:
        raise
    except Exception:
        log.warning("The board of %s could not be kept; each view will work it out.", window.label, exc_info=True)
        return
    cursor.execute("""INSERT INTO kept_boards SELECT (SELECT value FROM meta WHERE key = 'version'),
                      (SELECT value FROM meta WHERE key = 'voices_version'), ?, ?, ?, ?""",
                   [window.start, window.end, repr(settings), json.dumps(board.as_kept(), default=str)])


def kept_board(store: Store, window: Window, settings: Settings) -> Board | None:
    """The window's board as the last write kept it (`keep_board`), if it kept this window's for this
    data version, voices' version and these settings (never for a limited view: empathy/store/scoped.py)."""
    found = store.query("""
        SELECT board FROM kept_boards WHERE window_start = ? AND window_end = ? AND settings = ?
          AND version = (SELECT value FROM meta WHERE key = 'version')
          AND voices_version = (SELECT value FROM meta WHERE key = 'voices_version')""",
                        [window.start, window.end, repr(settings)])
    return None if found.empty else Board.from_kept(json.loads(found["board"][0]), settings.early_warning)


def trend_of(trends: pd.DataFrame, name: str) -> pd.DataFrame:
    """A figure's values over the trend's windows (the windows it has a value for)."""
    return trends[(trends["metric"] == name) & trends["value"].notna()]


def latest_complete_week(store: Store, timezone: str, today: date | None = None) -> Window | None:
    """The last ISO week that has ended (in the board's timezone) and holds survey answers or calls."""
    days = data_days(store, timezone)
    return None if days is None else complete_week(days[1], timezone, today)


def complete_week(last_day: date, timezone: str, today: date | None = None) -> Window:
    """The last ISO week that has ended (in the board's timezone) by `today`, up to the one of `last_day`."""
    today = today or datetime.now(ZoneInfo(timezone)).date()
    week = iso_week(f"{last_day.isocalendar().year}-W{last_day.isocalendar().week}")
    return week if week.end < today else week.previous()


def alerts(store: Store, window: Window, settings: Settings) -> Alerts:
    """Flags over the trailing period ending with the window's last day; newly red = red now and not
    at the end of the window before."""
    flags = flag_accounts(store, window.end, settings.early_warning, settings.timezone)
    red_before = red_accounts(store, window.previous().end, settings.early_warning, settings.timezone)
    newly_red = flags[(flags["status"] == "red") & ~flags["account_id"].isin(red_before)]
    return Alerts(flags, newly_red.sort_values("arr", ascending=False), at_risk(flags).head(TOP_ACCOUNTS),
                  renewing_soon(flags, store, window.end))


def at_risk(flags: pd.DataFrame) -> pd.DataFrame:
    """The flagged accounts in the order the board names them: red first, then by ARR."""
    flagged = flags[flags["status"] != "green"].assign(red_first=lambda f: f["status"] != "red")
    ranked = flagged.sort_values(["red_first", "arr", "account_id"], ascending=[True, False, True])
    return ranked.drop(columns="red_first")


def growing_themes(store: Store, window: Window, timezone: str) -> pd.DataFrame:
    """Negative mentions per theme (survey comments and customer turns) in the window and the one
    before, the themes that grew most first. With windows of equal length, a theme's mentions now,
    given its mentions in both, are binomial(now + before, 1/2) when nothing changed: the one-sided
    p-value of that says whether the growth is more than noise."""
    lo = utc_bounds(window.previous(), timezone)[0]
    mid, hi = utc_bounds(window, timezone)
    found = store.query("""
        WITH mentions AS (
            SELECT unnest(themes) AS theme, submitted_at AS said_at FROM survey_responses
            WHERE superseded_by IS NULL AND sentiment <= ? AND submitted_at >= ? AND submitted_at < ?
            UNION ALL
            SELECT unnest(u.themes), c.started_at FROM utterances u JOIN calls c USING (call_id, transcript_hash)
            WHERE c.superseded_by IS NULL AND u.role = 'customer' AND u.scored AND u.compound <= ?
              AND c.started_at >= ? AND c.started_at < ? AND u.said_at >= ? AND u.said_at < ?)
        SELECT theme, count(*) FILTER (WHERE said_at >= ?) AS now, count(*) FILTER (WHERE said_at < ?) AS before
        FROM mentions GROUP BY theme""", [NEGATIVE, lo, hi, NEGATIVE, lo, hi, lo, hi, mid, mid])
    found = found.assign(change=found["now"] - found["before"])
    found["p_value"] = [float(stats.binomtest(int(now), int(now + before), 0.5, alternative="greater").pvalue)
                        if now > before else None for now, before in zip(found["now"], found["before"])]
    found["significant"] = found["p_value"].fillna(1.0) < 0.05
    growing = found[found["change"] > 0].sort_values(["change", "now", "theme"], ascending=[False, False, True])
    return growing.head(GROWING_THEMES).reset_index(drop=True)


def board_figures(store: Store, window: Window, settings: Settings) -> tuple[dict[str, Figure], pd.DataFrame]:
    """The tiles' figures and their trends: the part of the board a page shows first."""
    return figure_trends(store, window, settings.trend_windows, timezone=settings.timezone, min_n=settings.min_n,
                         speeder_seconds=settings.speeder_seconds)


def build_board(store: Store, window: Window, settings: Settings,
                figures: tuple[dict[str, Figure], pd.DataFrame] | None = None) -> Board:
    """Everything the board shows for the window: as the last write kept it, or worked out (`figures`:
    `board_figures`' already worked out, which a page shows while the rest is made). Reading never
    writes (see empathy/figures/voice.py)."""
    kept = kept_board(store, window, settings)
    return kept if kept is not None else work_out_board(store, window, settings, figures)


def work_out_board(store: Store, window: Window, settings: Settings,
                   figures: tuple[dict[str, Figure], pd.DataFrame] | None = None) -> Board:
    """The board from the data (and the kept days and signals), never from a kept board."""
    figures, trends = figures or board_figures(store, window, settings)
    warnings = alerts(store, window, settings)
    themes = growing_themes(store, window, settings.timezone)
    flagged = warnings.flags[warnings.flags["status"] != "green"]  # the voice takes any other account as green
    statuses = dict(zip(flagged["account_id"].tolist(), flagged["status"].tolist()))
    top_theme = themes["theme"][0] if not themes.empty else None
    voice, shortlist = voices.choose(store, window, settings.timezone, settings.voice, statuses, top_theme)
    return Board(window, settings.timezone, figures, trends, warnings, themes, voice, shortlist)
