"""The board's pieces as HTML that reads from across a room. Every value that comes from the data
is escaped; the numbers read as `empathy/meeting/wording.py` words them."""

from __future__ import annotations

import pandas as pd

from empathy.figures.board import Alerts, Board
from empathy.figures.metrics import Figure
from empathy.figures.renewals import RENEWAL_DAYS
from empathy.figures.settings import Settings
from empathy.language import _, moment, week
from empathy.meeting.actions import FollowUp
from empathy.meeting.presented import Presentation, Since
from empathy.meeting.wording import (
    attribution,
    change_kind,
    change_text,
    counted,
    main_value,
    money,
    named_themes,
    renewing_text,
    side_value,
    status_word,
    title,
)
from ui.text import literal_html


def change_line(name: str, figure: Figure) -> str:
    """The change and its verdict, coloured: green up, red down, grey within noise."""
    return f'<span class="verdict {change_kind(name, figure)}">{literal_html(change_text(name, figure))}</span>'


def sample_line(name: str, figure: Figure, min_n: int) -> str:
    low = ' <span class="low-n">' + _("low sample (under {n})").format(n=min_n) + "</span>" if figure.low_n else ""
    return f'<span class="n">n = {figure.n:,} {counted(name)}</span>{low}'


def panels(shown: Board) -> dict:
    """The board's voice, complaints growing and accounts at risk as HTML: the same for every view of
    a board, so made once with it (ui/common.py's `board_panels`)."""
    return {"voice": None if shown.voice is None else voice_html(shown.voice),
            "themes": themes_html(shown.themes), "alerts": alerts_html(shown.alerts, RENEWAL_DAYS)}


def tile_html(name: str, figure: Figure, min_n: int) -> str:
    return (f'<div class="tile"><div class="tile-title">{title(name)}</div>'
            f'<div class="tile-value">{main_value(name, figure.value)}</div>'
            f'<div class="tile-side">{side_value(name, figure) or "&nbsp;"}</div>'
            f'<div class="tile-change">{change_line(name, figure)}</div>'
            f'<div class="tile-n">{sample_line(name, figure, min_n)}</div></div>')


def voice_html(voice: dict, small: bool = False) -> str:
    """The quote and its attribution; `small` for the shortlist under the board, with why the rule ranked it (one
    element a candidate: a page's every element costs the server for each viewer)."""
    pinned = ' · <span class="pinned">' + _("pinned") + "</span>" if voice.get("pinned") else ""
    return (f'<figure class="voice{" small" if small else ""}">'
            f'<div class="quote">“{literal_html(voice["text"])}”</div>'
            f'<figcaption>{literal_html(attribution(voice))}{pinned}</figcaption>'
            + (f'<div class="why">{literal_html("; ".join(voice["reasons"]))}</div>' if small else "") + "</figure>")


def alerts_html(alerts: Alerts, renewal_days: int) -> str:
    newly_red, top = alerts.newly_red, alerts.top
    newly = ", ".join(literal_html(str(n)) for n in newly_red["account_name"].fillna(newly_red["account_id"])) or \
        _("none")
    rows = "".join(
        f'<li><span class="dot {literal_html(r.status)}"></span>'
        f'<b>{literal_html(str(r.account_name or r.account_id))}</b> <span class="arr">{money(r.arr or 0)}</span>'
        f'<br><span class="reasons">{literal_html("; ".join(r.reasons))}</span></li>'
        for r in top.itertuples())
    counts = "".join(f'<div class="count {status}"><span class="big">{alerts.count(status)}</span> '
                     f'{status_word(status)}<br><span class="arr">{money(alerts.arr(status))} ARR</span></div>'
                     for status in ("red", "yellow"))
    return (f'<div class="alerts"><div class="counts">{counts}</div>{renewing_html(alerts.renewing, renewal_days)}'
            '<div class="newly">' + _("Newly red:") + f' {newly}</div><ol class="top">{rows}</ol></div>')


def renewing_html(renewing: pd.DataFrame, days: int) -> str:
    quiet = " quiet" if renewing.empty else ""
    return f'<div class="renewing{quiet}">{literal_html(renewing_text(renewing, days))}</div>'


def presented_html(presentation: Presentation, since: Since | None) -> str:
    """The mark of a board as presented, and what has changed since (None: the live figures are shown)."""
    when = _("{when} UTC by {presenter}").format(when=moment(presentation.presented_at),
                                                 presenter=literal_html(presentation.presenter))
    if since is None:
        said = _("Live figures. This window was presented on {when}; switch off <b>Live figures</b> to see it as it "
                 "was shown.").format(when=when)
        return f'<div class="presented live">{said}</div>'
    said = _("As presented on {when}").format(when=when)
    return f'<div class="presented">{said}</div><div class="since">{literal_html(since.describe())}</div>'


def follow_up_html(follow_up: FollowUp) -> str:
    """How last week's actions went, and what was done about last week's voice."""
    voice = "".join(f'<li>{literal_html(r.what)} ({literal_html(r.owner)}): <b>{literal_html(r.status)}</b>'
                    f'{literal_html(": " + r.note) if r.note else ""}</li>' for r in follow_up.voice.itertuples())
    about_voice = (f'<div class="quiet">About the voice of {literal_html(follow_up.window_label)}:</div>'
                   f'<ul>{voice}</ul>') if voice else ""
    return f'<div class="follow-up">{literal_html(follow_up.describe())}.</div>{about_voice}'


def themes_html(themes: pd.DataFrame) -> str:
    if themes.empty:
        return '<div class="themes quiet">' + _("No theme has more complaints than the window before.") + "</div>"
    rose, quiet, from_before = _("a real rise"), _("within noise"), _("from {n}")
    rows = "".join(
        f'<li><b>{literal_html(t.theme)}</b> {t.now} <span class="quiet">{from_before.format(n=t.before)}</span> '
        f'<span class="verdict {"worse" if t.significant else "quiet"}">+{t.change} · '
        f'{rose if t.significant else quiet}</span></li>'
        for t in named_themes(themes).itertuples())
    return f'<ol class="themes">{rows}</ol>'


def worded_past_voices(past: pd.DataFrame) -> pd.DataFrame:
    """Past voices as their reader reads them: the window in the reader's words, the account by its name,
    where the quote was said."""
    return past.assign(window_label=[week(label) for label in past["window_label"]],
                       account_name=past["account_name"].fillna(past["account_id"]),
                       source=[_("survey comment") if source == "comment" else _("call") for source in past["source"]])


def section_title(text: str) -> str:
    """A board section's heading (the app's own words, escaped all the same)."""
    return f'<div class="section-title">{literal_html(text)}</div>'


def help_text(settings: Settings, renewal_days: int) -> str:
    """How every figure is computed, with the thresholds the settings file gives today: one message a
    paragraph, the numbers filled in after translation."""
    w, v = settings.early_warning, settings.voice
    values = {"min_n": settings.min_n, "speeder_seconds": f"{settings.speeder_seconds:g}", "days": w.days,
              "baseline_days": w.baseline_days, "frequent_support_calls": w.frequent_support_calls,
              "contact_rise": f"{w.contact_rise:g}", "nps_answers": w.nps_answers, "nps_drop": f"{w.nps_drop:g}",
              "unhappy_share": f"{w.unhappy_share:.0%}", "sentiment_calls": w.sentiment_calls,
              "participation_invited": w.participation_invited, "participation_drop": f"{w.participation_drop:.0%}",
              "red_escalations": w.red_escalations, "red_signs": w.red_signs, "renewal_days": renewal_days,
              "min_strength": v.min_strength, "min_words": v.min_words, "max_words": v.max_words,
              "red_weight": v.red_weight, "yellow_weight": v.yellow_weight, "arr_weight": v.arr_weight,
              "theme_weight": v.theme_weight}
    paragraphs = [
        _("**Window.** Calendar days in the board's timezone (`data/settings.toml`); by default the latest ISO "
          "week (Monday to Sunday) that has ended and holds data. Every figure is compared with the window of "
          "the same length just before it. A figure with fewer answers (calls, invitations) than the minimum n "
          "is marked *low sample* (under {min_n}): read its change as a hint, not a finding."),
        _("**NPS** (0-10 answers). Promoters answer 9-10, detractors 0-6. NPS = 100 × (p_pro − p_det). Standard "
          "error SE = 100 × √((p_pro + p_det − (p_pro − p_det)²) / n); margin of error = 1.96 × SE. The change is "
          "real at 95% when |NPS₁ − NPS₀| / √(SE₁² + SE₀²) > 1.96."),
        _("**CSAT** (1-5). CSAT % = share of 4-5 answers; the mean is shown beside it. **Participation** = "
          "responded / invited; speeders = share of answers given in under {speeder_seconds} seconds. Both "
          "changes: two-proportion z-test with the pooled proportion, z = (p₁ − p₀) / √(p(1 − p)(1/n₁ + 1/n₀)), "
          "real when p < 0.05."),
        _("**CES** (1-7, \"the company made it easy\"). The mean, and the share easy = share of 5-7; Welch's t-test "
          "(unequal variances), real when p < 0.05."),
        _("**Call sentiment**: the share of calls with an unhappy customer. Each customer turn's dissatisfaction, 0 "
          "to 1: 0.5 × (1 − compound) plus 0.35 per rejection or failure phrase said (\"that's not right\", "
          "\"something else\", \"I already told you\", \"still waiting\", \"cancel\"; in Korean \"아직도 안 "
          "됐어요\", \"몇 번을 말씀드려야\", \"해지하겠습니다\"; at most two), at most 1; the compound (−1 to +1) is "
          "VADER's for English and the Korean scorer's for Korean (Kiwi's morphemes, a lexicon learned from public "
          "reviews, rules for negation, intensifiers, contrast and questions), read without its polite words when "
          "a turn thanks but refuses, and never below neutral for a closing (\"no thanks, that's all\"). A call "
          "had an unhappy customer when its customer turns' mean is above 0.5, a neutral turn's. The change: "
          "two-proportion z-test, real when p < 0.05. Measured where it was not tuned, on service dialogues people "
          "rated: it tells calls rated 2.5 or less from calls rated 3.5 or more with AUC 0.89 (0.79 and 0.77 on "
          "movie-talk dialogues; VADER's mean compound 0.74 to 0.75) (bench/README.md). VADER's mean compound "
          "and the share of negative calls stay in `board --json` and each call's view."),
        _("**Accounts at risk** over the {days} days ending with the window's last day; an account's *usual* is "
          "the same figure over the {baseline_days} days before. Yellow: at least {frequent_support_calls} support "
          "calls and {contact_rise}× its usual; NPS from at least {nps_answers} answers {nps_drop} points or more "
          "below its usual; at least {unhappy_share} of at least {sentiment_calls} scored calls with an unhappy "
          "customer; or a response rate (from at least {participation_invited} invitations) at or below "
          "{participation_drop} of its usual. Red: at least {red_escalations} escalated calls, or {red_signs} "
          "yellow signs at once. Thresholds are in `data/settings.toml` (the Accounts page edits them); the "
          "Backtest page shows how well each rule foretold churn and downgrades. *Newly red*: red now, not red at "
          "the end of the window before. *Up for renewal*: the flagged accounts whose next renewal (a year after "
          "the last one on record) falls within {renewal_days} days after the window's last day."),
        _("**Complaints growing**: comments and customer turns with compound ≤ −0.05, counted per theme "
          "(`data/themes.csv`). A rise is real when, given both windows' count, this window's count is above what "
          "an even split would give (one-sided binomial test, p < 0.05)."),
        _("**Customer voice of the week**: a whole survey comment or customer turn from the window, by an "
          "external customer, with strong sentiment (|compound| ≥ {min_strength}) and {min_words}-{max_words} "
          "words. Ranked by |compound|, +{red_weight} for a red account (+{yellow_weight} yellow), +{arr_weight} × "
          "the account's ARR percentile, +{theme_weight} if it mentions the theme whose complaints grew most; "
          "never a quote featured for another window. E-mails, phone numbers, card and account numbers, and the "
          "names of the account's contacts are replaced by [email], [phone], ..."),
    ]
    return "\n\n".join(paragraph.format(**values) for paragraph in paragraphs)


STYLE = """
<style>
[data-testid="stMain"] {word-break: keep-all; overflow-wrap: anywhere;}  /* Korean breaks between words */
.tile {font-family: inherit; line-height: 1.2;}
.tile-title {font-size: 1.35rem; font-weight: 600; color: #374151;}
.tile-value {font-size: 3.4rem; font-weight: 700; color: #111827; margin: .1rem 0;}
.tile-side, .tile-n {font-size: 1.05rem; color: #4b5563;}
.tile-side {min-height: 2.7em;}
.tile-change {font-size: 1.15rem; margin: .25rem 0;}
.verdict.better {color: #15803d; font-weight: 700;}
.verdict.worse {color: #b91c1c; font-weight: 700;}
.verdict.quiet, .quiet {color: #6b7280;}
.low-n {background: #fef3c7; color: #92400e; padding: 0 .35rem; border-radius: .3rem; font-weight: 600;}
.voice {margin: 0;}
.voice .quote {font-family: Georgia, 'Times New Roman', serif; font-size: 2.1rem; line-height: 1.3;
  color: #111827 !important; margin: 0 0 .6rem 0; border-left: .4rem solid #2563eb; padding-left: 1rem;}
.voice figcaption {font-size: 1.15rem; color: #4b5563;}
.voice.small .quote {font-size: 1.3rem; border-left-width: .25rem;}
.voice.small figcaption {font-size: 1rem;}
.voice .why {font-size: .875rem; color: #6b7280; margin: .2rem 0 1rem 0;}  /* below it, what Streamlit takes off a last child */
.pinned {color: #2563eb; font-weight: 600;}
.alerts .counts {display: flex; gap: 1.2rem;}
.alerts .count {font-size: 1.2rem; padding: .4rem .8rem; border-radius: .5rem; flex: 1;}
.alerts .count.red {background: #fee2e2; color: #7f1d1d;}
.alerts .count.yellow {background: #fef9c3; color: #713f12;}
.alerts .big {font-size: 2.4rem; font-weight: 700;}
.alerts .newly {font-size: 1.1rem; margin: .5rem 0 .2rem 0;}
.alerts .renewing {font-size: 1.15rem; margin: .5rem 0 .2rem 0; padding: .3rem .6rem; background: #f3f4f6;
  border-radius: .4rem;}
.alerts ol.top {padding-left: 1.2rem; margin: 0; font-size: 1.05rem;}
.alerts ol.top li {margin: .15rem 0;}
.alerts .reasons {color: #4b5563; font-size: 1rem;}
.dot {display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .4rem;}
.dot.red {background: #dc2626;} .dot.yellow {background: #eab308;}
ol.themes {font-size: 1.15rem; padding-left: 1.4rem;}
.section-title {font-size: 1.4rem; font-weight: 700; margin-bottom: .3rem;}
.board-title {font-size: 2rem; font-weight: 700; margin: 0;}
.board-subtitle {font-size: 1.15rem; color: #4b5563;}
.presented {display: inline-block; font-size: 1.15rem; font-weight: 600; color: #1e3a8a; background: #dbeafe;
  padding: .15rem .6rem; border-radius: .4rem; margin-top: .3rem;}
.presented.live {color: #374151; background: #f3f4f6; font-weight: 400;}
.since {font-size: 1.05rem; color: #4b5563; margin: .2rem 0 .4rem 0;}
.follow-up {font-size: 1.15rem;}
</style>
"""

PRESENTATION_STYLE = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stExpandSidebarButton"] {display: none !important;}
.block-container, [data-testid="stMainBlockContainer"] {padding-top: 1rem !important; padding-bottom: 1rem !important;
  max-width: 100% !important; padding-left: 2rem !important; padding-right: 2rem !important;}
.tile-title {font-size: 1.6rem;}
.tile-value {font-size: 4.2rem;}
.tile-side, .tile-n, .tile-change {font-size: 1.3rem;}
.voice .quote {font-size: 2.5rem;}
.voice figcaption {font-size: 1.35rem;}
.board-title {font-size: 2.3rem;}
.section-title {font-size: 1.7rem;}
.alerts ol.top {font-size: 1.25rem;}
.alerts .reasons {font-size: 1.1rem;}
.alerts .newly, .alerts .renewing {font-size: 1.25rem;}
.presented {font-size: 1.35rem;} .since, .follow-up {font-size: 1.25rem;}
ol.themes {font-size: 1.3rem;}
</style>
"""
