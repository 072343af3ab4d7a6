"""How the board's figures read, in one place: the page's tiles, the board pack, the digest and the
"since" line of a board as presented all format a figure, a change, an amount and a voice's
attribution with these functions, so they never disagree. Plain text; the page escapes and styles it."""

from __future__ import annotations

import pandas as pd

from empathy import language
from empathy.figures.metrics import WORSE_WHEN_UP, Figure
from empathy.figures.settings import read_display
from empathy.language import N_, _, moment, ngettext, short_day, theme_name

# figure -> its title (translated where shown: `title`), the unit of its change, the d3 format of its
# trend's tooltip
TILES = {
    "nps": (N_("NPS"), "pts", "+.0f"),
    "csat": (N_("CSAT"), "pp", ".0f"),
    "ces": (N_("CES"), "", ".2f"),
    "sentiment": (N_("Call sentiment"), "pp", ".0f"),
    "participation": (N_("Participation"), "pp", ".0f"),
}


def title(name: str) -> str:
    """A figure's title in the reader's language: "NPS" / "순추천지수(NPS)"."""
    return _(TILES[name][0])


def main_value(name: str, value: float | None) -> str:
    if value is None:
        return "–"
    return {"nps": f"{value:+.0f}", "csat": f"{value:.0f}%", "ces": f"{value:.1f}",
            "sentiment": f"{value:.0f}%", "participation": f"{value:.0f}%"}[name]


def side_value(name: str, figure: Figure) -> str:
    """The second number each tile carries beside its main one."""
    d = figure.details
    def pct(value: float | None, label: str) -> str:
        return "" if value is None else f"{value:.0f}% {label}"
    return {
        "nps": "" if d.get("margin_of_error") is None else
        _("± {margin:.0f} margin of error").format(margin=d["margin_of_error"]),
        "csat": "" if d.get("mean") is None else _("mean {mean:.2f} of 5").format(mean=d["mean"]),
        "ces": pct(d.get("easy_pct"), _("easy (5-7 of 7)")),
        "sentiment": _("had an unhappy customer") + ("" if d.get("margin_of_error") is None else
                                                    f" ± {d['margin_of_error']:.0f}"),
        "participation": pct(d.get("speeders_pct"), _("speeders")),
    }[name]


def change_kind(name: str, figure: Figure) -> str:
    """better or worse (a real change at 95%), else quiet (within noise, or nothing to compare with)."""
    delta = figure.test.delta
    if delta is None or not figure.test.significant:
        return "quiet"
    return "better" if (delta > 0) != (name in WORSE_WHEN_UP) else "worse"


def change_text(name: str, figure: Figure) -> str:
    """The change against the window before and whether it is real at 95%, in words."""
    delta = figure.test.delta
    if delta is None:
        return _("no earlier window to compare")
    unit = {"pts": _("pts"), "pp": _("pp")}.get(TILES[name][1], "")
    amount = f"{abs(delta):.2f}" if name == "ces" else f"{abs(delta):.1f}"
    arrow = "▲" if delta > 0 else "▼" if delta < 0 else "="
    verdict = _("a real change") if figure.test.significant else _("within noise")
    return f"{arrow} {amount}{' ' + unit if unit else ''} · {verdict}"


def margin_text(name: str, margin: float | None) -> str:
    """A figure's 95% margin of error as the pack and the digest print it."""
    if margin is None:
        return "–"
    return f"± {margin:.2f}" if name == "ces" else f"± {margin:.1f}"


def counted(name: str) -> str:
    """What a figure's n counts."""
    return {"sentiment": _("calls"), "participation": _("invited")}.get(name, _("answers"))


def money(amount: float) -> str:
    """ARR as the reader's language writes it, in the currency the data is in ([display] currency)."""
    return language.money(amount, read_display().currency)


def money_column() -> str:
    """The format of a table's ARR column, in the data's currency."""
    return language.money_format(read_display().currency)


# The codes a sheet's schema keeps for a column's choices (empathy/sheets/schema.py), as words
CODES = {"call_type": {"support": N_("support"), "sales": N_("sales"), "success": N_("success")},
         "customer_type": {"external": N_("external"), "internal": N_("internal")},
         "outcome": {"renewed": N_("renewed"), "churned": N_("churned"), "downgraded": N_("downgraded"),
                     "expanded": N_("expanded")}}


def coded(column: str, value: str) -> str:
    """A column's value in the reader's language where the schema keeps it as a code ("support") or the
    product ships the word (`theme_name`), any other value (a segment's name, a role as the sheet wrote
    it) as it is."""
    if column == "theme":
        return theme_name(value)
    word = CODES.get(column, {}).get(value)
    return _(word) if word else value


def named_themes(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of themes (its `theme` column) with each theme as the reader reads it (`coded`)."""
    return frame.assign(theme=[coded("theme", theme) for theme in frame["theme"]])


def attribution(voice: dict) -> str:
    """Who said the voice, where and when: the line under the quote."""
    if voice["source"] == "comment":
        where = _("survey comment")
    elif voice.get("call_type"):
        where = _("{kind} call {call}").format(kind=coded("call_type", voice["call_type"]), call=voice["ref_id"])
    else:  # a board frozen before a call's type was kept apart: its words as presented
        where = voice["who"]
    account = voice.get("account_name") or voice.get("account_id") or _("unknown account")
    segment = f" ({voice['segment']})" if voice.get("segment") else ""
    speaker = _("{who} at {account}").format(who=voice["who"], account=account + segment) \
        if voice["source"] == "comment" and voice.get("who") else account + segment
    channel = f", {voice['channel']}" if voice.get("channel") else ""
    return f"— {speaker} · {where}{channel} · {voice['date']}"


def renewing_text(renewing: pd.DataFrame, days: int) -> str:
    """The flagged accounts' ARR up for renewal soon, the soonest three named."""
    if renewing.empty:
        return _("No red or yellow account is up for renewal in the next {days} days.").format(days=days)
    names = ", ".join(f"{r.account_name or r.account_id} ({status_word(r.status)}, {short_day(r.next_renewal)})"
                      for r in renewing.head(3).itertuples())
    more = _(" and {n} more").format(n=len(renewing) - 3) if len(renewing) > 3 else ""
    return ngettext("{arr} ARR up for renewal in the next {days} days across {n} red or yellow account: "
                    "{names}{more}.",
                    "{arr} ARR up for renewal in the next {days} days across {n} red or yellow accounts: "
                    "{names}{more}.", len(renewing)).format(
        arr=money(renewing["arr"].fillna(0).sum()), days=days, n=len(renewing), names=names, more=more)


def status_word(status: str) -> str:
    """red, yellow, green: "빨강", "노랑", "초록" in Korean (조기 경보's colours)."""
    return {"red": _("red"), "yellow": _("yellow"), "green": _("green")}.get(status, status)


def group_text(group) -> str:
    """A backtest group (empathy/figures/backtest.py) in a line: share with its interval, n, lift, p."""
    if not group.n:
        return _("no renewals")
    lift = "" if group.lift is None else _(", lift {lift:.1f}× (95% CI {low:.1f}-{high:.1f})").format(
        lift=group.lift, low=group.lift_low, high=group.lift_high)
    p = "" if group.p_value is None else f", p = {group.p_value:.2g}"
    return _("{share} of {n} ({bad}; 95% CI {low}-{high})").format(
        share=f"{group.share:.0%}", n=group.n, bad=group.bad, low=f"{group.low:.0%}", high=f"{group.high:.0%}") + lift + p


LANGUAGE_NAMES = {"en": N_("English"), "ko": N_("Korean")}


def language_mix(counts: pd.DataFrame) -> str:
    """'32 Korean, 140 English calls; 12 Korean, 300 English comments', from `explore.languages_said`
    (kind, language, n): which scorer a segment's figures rest on. Other languages are not scored."""
    parts = []
    for kind in ("call", "comment"):
        rows = counts[counts["kind"] == kind]
        known = rows["language"].isin(list(LANGUAGE_NAMES))
        scored = rows[known].sort_values(["n", "language"])
        other = int(rows.loc[~known, "n"].sum())
        mix = ", ".join(_("{n:,} {language}").format(n=n, language=_(LANGUAGE_NAMES[language]))
                        for language, n in zip(scored["language"], scored["n"]))
        said = _said_in(kind, int(scored["n"].sum())).format(mix=mix) if mix else ""
        if other:
            said = _("{said} ({n:,} in other languages, not scored)").format(said=said, n=other) if said else \
                _unscored(kind, other).format(n=other)
        if said:
            parts.append(said)
    return "; ".join(parts)


def _said_in(kind: str, n: int) -> str:
    return ngettext("{mix} call", "{mix} calls", n) if kind == "call" else \
        ngettext("{mix} comment", "{mix} comments", n)


def _unscored(kind: str, n: int) -> str:
    return ngettext("{n:,} call in other languages, not scored", "{n:,} calls in other languages, not scored", n) \
        if kind == "call" else ngettext("{n:,} comment in other languages, not scored",
                                        "{n:,} comments in other languages, not scored", n)


def whose(scope) -> str:
    """Whose figures a board shows, for its title: nothing for the whole company, " · segment SMB only"
    for a view limited to a scope (a `DataScope`)."""
    return "" if scope.everything else _(" · {scope} only").format(scope=scope.describe())


def live_text(scope, company_presented: tuple | None) -> str:
    """What a board that is not frozen says of itself; a limited view says whose figures it has and
    whether the company's board of the window was presented."""
    if scope.everything:
        return _("Live figures: this window has not been presented yet.")
    if company_presented is None:
        return _("Live figures for {scope} only: this window has not been presented yet.").format(
            scope=scope.describe())
    presented_at, presenter = company_presented
    return _("Live figures for {scope} only, from the data as it stands now. The company's board of this window "
             "was presented on {when} by {presenter}.").format(scope=scope.describe(), when=moment(presented_at),
                                                               presenter=presenter)
