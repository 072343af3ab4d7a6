"""The board pack sent before the Monday meeting: the board of a window (as presented, if it was) as
pages of real text, tables and charts, written as PDF (reportlab, for e-mail) or PPTX (python-pptx,
for the CXO to edit).

`pack_pages` says what the pack holds, once, as plain pages (`pack_layout.Page`); `pack_layout` only
lays those pages out. Charts are the board's own Altair trend charts, drawn offline by vl-convert.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
import vl_convert

from empathy.access.roles import DataScope, User
from empathy.figures import explore
from empathy.figures.board import Board, at_risk, build_board
from empathy.figures.metrics import Window
from empathy.figures.renewals import RENEWAL_DAYS
from empathy.figures.scope import Scope
from empathy.figures.settings import Settings
from empathy.language import _, day, moment, week
from empathy.loading.demo import has_demo
from empathy.meeting import actions
from empathy.meeting.charts import trend_chart
from empathy.meeting.pack_layout import Charts, Page, Table, Text, write_pdf, write_pptx
from empathy.meeting.presented import Presentation, as_presented
from empathy.meeting.wording import (
    TILES,
    attribution,
    change_text,
    coded,
    counted,
    live_text,
    main_value,
    margin_text,
    money,
    named_themes,
    renewing_text,
    side_value,
    status_word,
    title,
    whose,
)
from empathy.store import Store
from empathy.store import presentations as kept_boards

FORMATS = ("pdf", "pptx")
MIME = {"pdf": "application/pdf",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
AT_RISK_ROWS = 12  # the accounts at risk a page lists (red first, then by ARR); the rest are counted


@dataclass(frozen=True)
class PackData:
    """Everything a pack shows, gathered once."""

    board: Board
    presentation: Presentation | None
    data_as_of: datetime | None  # when the last batch landed
    demo: bool
    impact: pd.DataFrame
    follow_up: actions.FollowUp
    open_actions: pd.DataFrame
    segments: pd.DataFrame | None  # the five figures per segment, when asked
    made_by: str
    made_at: datetime
    scope: DataScope  # whose figures: the company's, or a limited product lead's part
    company_presented: tuple | None  # when and by whom the company's board of the window was presented


def gather(store: Store, window: Window, settings: Settings, user: User, *, by_segment: bool = False,
           today: date | None = None) -> PackData:
    """The window's board (frozen if it was presented) and what the pack adds to it."""
    today = today or date.today()
    presentation = as_presented(store, window)
    board = presentation.frozen() if presentation else build_board(store, window, settings)
    loads = store.batches()
    loads = loads[~loads["undone"]]
    segments = explore.segment_figures(store, window, Scope("segment"), settings) if by_segment else None
    return PackData(board, presentation, None if loads.empty else loads["loaded_at"].max().to_pydatetime(),
                    has_demo(store), explore.theme_impact(store, window, settings.timezone),
                    actions.follow_up(store, window, today), actions.listed(store, today, open_only=True),
                    segments, user.shown, datetime.now(), user.scope,
                    kept_boards.company_presented(store, window.label))


def pack_pages(data: PackData) -> list[Page]:
    """Every page titled with whose figures it has, since pages travel alone (a slide, a printout)."""
    pages = [_title_page(data), _figures_page(data), _voice_page(data), _risk_page(data), _themes_page(data),
             _actions_page(data)]
    if data.segments is not None:
        pages += [_segment_page(data, segment, rows) for segment, rows in data.segments.groupby("value", sort=True)]
    for page in pages[1:]:
        page.title += whose(data.scope)
    return pages


def _title_page(data: PackData) -> Page:
    board, window = data.board, data.board.window
    page = Page(_("Customer board · {window}").format(window=week(window.label)) + whose(data.scope), [
        Text(_("{start} to {end} ({timezone}), against {before}").format(
            start=day(window.start), end=day(window.end), timezone=board.timezone,
            before=week(window.previous().label)), "subtitle")])
    if data.presentation:
        p = data.presentation
        page.blocks.append(Text(_("As presented on {when} by {presenter}: these figures stay as they were shown, "
                                  "whatever is loaded later.").format(when=moment(p.presented_at),
                                                                      presenter=p.presenter)))
    else:
        page.blocks.append(Text(live_text(data.scope, data.company_presented)))
    if data.data_as_of:
        page.blocks.append(Text(_("Data as of {when} UTC (the last load).").format(when=moment(data.data_as_of))))
    if data.demo:
        page.blocks.append(Text(_("DEMO DATA: these figures come from a fictional company's customers."), "warning"))
    page.blocks.append(Text(_("Made {when} by {person}.").format(when=moment(data.made_at), person=data.made_by),
                            "caption"))
    return page


def _figures_page(data: PackData) -> Page:
    board = data.board
    rows = [[title(name), main_value(name, figure.value), margin_text(name, figure.details.get("margin_of_error")),
             f"{figure.n:,} {counted(name)}" + (_(" (low sample)") if figure.low_n else ""),
             change_text(name, figure), _also(name, figure)]
            for name, figure in board.figures.items()]
    table = Table([_("Figure"), _("Value"), _("± margin"), "n",
                   _("Change from {window}").format(window=week(board.window.previous().label)), _("Also")],
                  rows, [0.15, 0.1, 0.1, 0.17, 0.27, 0.21])
    charts = [(_("{figure}, last {n} windows").format(figure=title(name), n=trend["window"].nunique()),
               _trend_png(trend, TILES[name][2]))
              for name in board.figures
              if not (trend := board.trend(name)).empty]
    return Page(_("How customers feel"), [table, Charts(charts)])


def _also(name: str, figure) -> str:
    """What the tile's second line says, but the margin, which has its column."""
    d = figure.details
    if name != "nps":
        return side_value(name, figure)
    return "" if d.get("promoters_pct") is None else \
        _("{promoters} promoters, {detractors} detractors").format(promoters=f"{d['promoters_pct']:.0f}%",
                                                                   detractors=f"{d['detractors_pct']:.0f}%")


def _trend_png(trend: pd.DataFrame, value_format: str) -> bytes:
    chart = trend_chart(trend, value_format, height=110, axes=True).properties(width=300) \
        .configure_axisX(labelOverlap="greedy", tickCount=4)
    return vl_convert.vegalite_to_png(json.dumps(chart.to_dict(), default=str), scale=2)


def _voice_page(data: PackData) -> Page:
    voice = data.board.voice
    page = Page(_("Customer voice of the week"))
    if voice is None:
        page.blocks.append(Text(_("No comment or customer turn in this window has the strong feeling and "
                                  "readable length the rule asks for.")))
    else:
        page.blocks += [Text(f"“{voice['text']}”", "quote"), Text(attribution(voice), "subtitle"),
                        Text(_("Why this one: {reasons}.").format(reasons="; ".join(voice.get("reasons") or [])),
                             "caption")]
    done = data.follow_up.voice
    if not done.empty:
        page.blocks += [Text(_("What was done about the voice of {window}:").format(
                            window=week(data.follow_up.window_label))),
                        _actions_table(done.assign(action_id="", link_kind="voice", link=""))]
    return page


def _risk_page(data: PackData) -> Page:
    a = data.board.alerts
    newly = ", ".join(a.newly_red["account_name"].fillna(a.newly_red["account_id"])) or _("none")
    flagged = at_risk(a.flags)
    rows = [[status_word(r.status), str(r.account_name or r.account_id), money(0 if pd.isna(r.arr) else r.arr),
             "; ".join(r.reasons)] for r in flagged.head(AT_RISK_ROWS).itertuples()]
    blocks = [Text(_("{red} red ({red_arr} ARR) · {yellow} yellow ({yellow_arr} ARR) · newly red: {newly}").format(
                  red=a.count("red"), red_arr=money(a.arr("red")), yellow=a.count("yellow"),
                  yellow_arr=money(a.arr("yellow")), newly=newly)),
              Text(renewing_text(a.renewing, RENEWAL_DAYS)),
              Table([_("Status"), _("Account"), "ARR", _("Why")], rows, [0.09, 0.25, 0.1, 0.56])]
    if len(flagged) > AT_RISK_ROWS:
        blocks.append(Text(_("and {n} more flagged accounts (the Accounts page lists them all).").format(
            n=len(flagged) - AT_RISK_ROWS), "caption"))
    return Page(_("Accounts at risk"), blocks)  # each reason says over how many days


def _themes_page(data: PackData) -> Page:
    growing = named_themes(data.board.themes)
    rose, quiet = _("a real rise"), _("within noise")
    blocks = [Text(_("Complaints growing: negative comments and customer turns per theme, against the window "
                     "before."))]
    if growing.empty:
        blocks.append(Text(_("No theme has more complaints than the window before."), "caption"))
    else:
        blocks.append(Table([_("Theme"), _("This window"), _("Before"), _("Change")],
                            [[t.theme, f"{t.now}", f"{t.before}", f"+{t.change} · {rose if t.significant else quiet}"]
                             for t in growing.itertuples()], [0.4, 0.15, 0.15, 0.3]))
    blocks.append(Text(_("Theme impact on NPS: the NPS of answers mentioning a theme against those that don't, "
                         "and the points it takes off the overall NPS.")))
    impact = named_themes(data.impact.head(8))
    real = _("real at 95%")
    if impact.empty:
        blocks.append(Text(_("No NPS answer in this window mentions a theme."), "caption"))
    else:
        blocks.append(Table([_("Theme"), _("Answers"), _("NPS with"), _("NPS without"), _("Points on NPS"), _("Gap")],
                            [[t.theme, f"{t.n}", f"{t.nps:+.0f}", f"{t.nps_without:+.0f}", f"{t.effect:+.1f}",
                              real if t.significant else quiet] for t in impact.itertuples()],
                            [0.3, 0.12, 0.13, 0.15, 0.15, 0.15]))
    return Page(_("Themes"), blocks)


def _actions_page(data: PackData) -> Page:
    blocks = [Text(data.follow_up.describe() + ".")]
    if data.open_actions.empty:
        blocks.append(Text(_("No open actions."), "caption"))
    else:
        blocks += [Text(_("Open actions:")), _actions_table(data.open_actions)]
    return Page(_("Actions"), blocks)


def _actions_table(rows: pd.DataFrame) -> Table:
    def about(r) -> str:
        return f"{_(r.link_kind)} {coded(r.link_kind, r.link)}".strip() if r.link_kind else ""
    def status(r) -> str:
        late = _(" (overdue)") if getattr(r, "overdue", False) else ""
        return f"{_(r.status)}{late}" + (f": {r.note}" if r.note else "")
    return Table(["#", _("What"), _("Owner"), _("Due"), _("About"), _("Status")],
                 [[str(r.action_id), r.what, r.owner, day(r.due), about(r), status(r)]
                  for r in rows.itertuples()], [0.05, 0.35, 0.15, 0.11, 0.14, 0.2])


def _segment_page(data: PackData, segment: str, rows: pd.DataFrame) -> Page:
    real, quiet = _("a real change"), _("within noise")
    table = [[title(r.metric), main_value(r.metric, None if pd.isna(r.figure) else r.figure),
              margin_text(r.metric, None if pd.isna(r.margin_of_error) else r.margin_of_error),
              f"{r.n:,} {counted(r.metric)}" + (_(" (low sample)") if r.low_n else ""),
              _("no earlier window") if pd.isna(r.delta) else f"{r.delta:+.2f} · {real if r.significant else quiet}"]
             for r in rows.itertuples()]
    return Page(_("Segment: {segment}").format(segment=segment),
                [Table([_("Figure"), _("Value"), _("± margin"), "n", _("Change")], table, [0.2, 0.15, 0.15, 0.2, 0.3])])


def make_pack(store: Store, window: Window, settings: Settings, user: User, kind: str, *,
              by_segment: bool = False) -> tuple[bytes, PackData]:
    """The pack file of a window for this person: the board's quotes leave the app, so it is an
    export, checked and audited like one."""
    target = f"board pack {window.label}"
    store.authorize(user, "export", target)
    data = gather(store, window, settings, user, by_segment=by_segment)
    made = write(data, kind)
    store.audit(user, "export", target, "done", kind + (" by segment" if by_segment else ""))
    return made, data


def write(data: PackData, kind: str) -> bytes:
    """The pack as a PDF or PPTX file's bytes."""
    return {"pdf": write_pdf, "pptx": write_pptx}[kind](pack_pages(data))


def file_name(window: Window, kind: str) -> str:
    return f"board-pack-{window.label.replace(' ', '')}.{kind}"
