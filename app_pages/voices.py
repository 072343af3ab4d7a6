"""Voices: every survey comment and customer turn, searchable, each one open to its whole context,
exported to CSV or XLSX that cannot carry spreadsheet formulas. Personal details are redacted."""

import pandas as pd
import streamlit as st

from empathy.figures import search
from empathy.figures.accounts import directory
from empathy.figures.scope import DIMENSIONS, Scope
from empathy.figures.search import EXPORTED, VoiceQuery
from empathy.language import N_, _, long_day, moment, week
from empathy.loading.themes import read_taxonomy
from empathy.meeting.export import export_for
from empathy.meeting.wording import coded
from ui.auth import current_user
from ui.common import cached, get_settings, get_store, window_or_stop
from ui.downloads import download_button
from ui.explore_view import call_html, dimension_label, quote_columns, worded_places
from ui.text import literal, literal_html
from ui.url_state import one_of, publish, seed, some_of

SOURCES = {"comment": N_("Survey comments"), "call": N_("Customer turns of calls")}
WHEN = {"any": N_("Any time"), "window": N_("The window in the sidebar")}
user = current_user()
store, settings = get_store(user), get_settings()
window = window_or_stop(store, settings, _("Voices"))
accounts = cached(directory, store)
account_names = dict(zip(accounts["account_id"], accounts["account_name"]))
segments = sorted(accounts["segment"].dropna().unique())
themes = list(read_taxonomy())


def sentiment_range(text: str) -> tuple[float, float]:
    low, high = (float(part) for part in text.split(","))
    if not -1 <= low <= high <= 1:
        raise ValueError(text)
    return low, high


seed("voices", {"q": ("v-q", str), "themes": ("v-themes", some_of(themes)), "sentiment": ("v-sent", sentiment_range),
                "segment": ("v-segment", one_of(segments)), "account": ("v-account", one_of(list(account_names))),
                "when": ("v-when", one_of(list(WHEN))), "sources": ("v-sources", some_of(list(SOURCES))),
                "pick": ("v-pick", str)})
narrows = [tuple(item.split(":", 1)) for item in st.query_params.get_all("narrow")
           if item.partition(":")[0] in DIMENSIONS and item.partition(":")[2]]

st.title(_("Voices"))
words_column, themes_column, sentiment_column = st.columns([3, 2, 2])
words = words_column.text_input(_("Words"), key="v-q", placeholder=_('e.g. invoice wrong, or "renewal date"'),
                                help=_("Every word must appear; a phrase in double quotes as written. Any case."))
chosen_themes = themes_column.multiselect(_("Themes (any of them)"), themes, key="v-themes",
                                          format_func=lambda theme: coded("theme", theme), placeholder=_("any theme"))
low, high = sentiment_column.slider(_("Sentiment (compound, -1 to +1)"), -1.0, 1.0, (-1.0, 1.0), step=0.05,
                                    key="v-sent")
segment_column, account_column, when_column, sources_column = st.columns([2, 2, 2, 3])
segment = segment_column.selectbox(_("Segment"), segments, index=None, key="v-segment", placeholder=_("any segment"))
account = account_column.selectbox(_("Account"), list(account_names), index=None, key="v-account",
                                   format_func=lambda a: f"{account_names[a]} ({a})", placeholder=_("any account"))
when = when_column.radio(_("When"), list(WHEN), format_func=lambda w: _(WHEN[w]), key="v-when", horizontal=False)
sources = sources_column.multiselect(_("In"), list(SOURCES), default=list(SOURCES), format_func=lambda s: _(SOURCES[s]),
                                     key="v-sources")
if narrows:
    also, clear = st.columns([6, 1], vertical_alignment="center")
    also.caption(_("Also narrowed to {filters} (from the Segments page).").format(
        filters=" × ".join(f"{dimension_label(d).lower()} {literal(coded(d, v))}" for d, v in narrows)))
    if clear.button(_("Clear"), key="v-clear-narrow"):
        st.query_params.pop("narrow", None)
        st.rerun()

filters = [*narrows, *([("segment", segment)] if segment else []), *([("account_id", account)] if account else [])]
query = VoiceQuery(words=words, themes=tuple(chosen_themes), sentiment=(low, high), scope=Scope(None, tuple(filters)),
                   window=window if when == "window" else None, sources=tuple(sources))
found = cached(search.search, store, query, settings.timezone, settings.voice)
st.markdown(_("**{n:,} found**").format(n=found.total)
            + (_(", the newest {n} shown").format(n=len(found.rows)) if found.total > len(found.rows) else "")
            + (f" · {week(window.label)}" if when == "window" else _(" · any time")) + _(". Personal details are redacted."))

export_csv, export_xlsx = st.columns([1, 1, 4])[:2]
export_note = _("The first {n:,} matches").format(n=EXPORTED) if found.total > EXPORTED else _("Every match")


def exported() -> pd.DataFrame:
    """Made only when the export is fetched (the download path runs it then, on its own thread)."""
    rows = worded_places(cached(search.search, store, query, settings.timezone, settings.voice, EXPORTED).rows)
    return rows[["said_at", "source", "ref_id", "turn", "text", "compound", "themes", "account_id", "account_name",
                 "segment", "who", "context"]]


download_button(_("Export CSV"), "voices-csv", user,
                lambda: export_for(store, user, exported(), "csv", "voices"), "voices.csv", "text/csv",
                where=export_csv, disabled=not found.total,
                help=_("{what}, redacted; cells that a spreadsheet would run as a formula are made plain text.").format(
                    what=export_note))
download_button(_("Export XLSX"), "voices-xlsx", user,
                lambda: export_for(store, user, exported(), "xlsx", "voices"), "voices.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                where=export_xlsx, disabled=not found.total,
                help=_("{what}, redacted; no cell can be a formula.").format(what=export_note))

st.dataframe(worded_places(found.rows)[["said_at", "text", "compound", "account_name", "segment", "who", "context"]],
             hide_index=True, width="stretch", column_config=quote_columns())

keys = [f"{r.source}:{r.ref_id}" + ("" if pd.isna(r.turn) else f":{int(r.turn)}") for r in found.rows.itertuples()]
labels = {key: f"{long_day(row.said_at)} · {row.account_name or row.account_id or _('no account')} · {row.text[:90]}"
          for key, row in zip(keys, found.rows.itertuples())}
pick = st.selectbox(_("Open one in its context"), keys, index=None, key="v-pick", format_func=labels.get,
                    placeholder=_("pick a result"))
if pick:
    source, ref_id, *turn = pick.split(":")
    if source == "call":
        header = cached(search.call_header, store, ref_id)
        account = header["account_name"] or header["account_id"]
        st.markdown(_("**The whole call {call}** · {account} · {kind} call · {when} UTC (turn {turn} is the quote)")
                    .format(call=literal(ref_id), account=literal(account), kind=literal(coded("call_type", header["call_type"])),
                            when=moment(header["started_at"]), turn=literal(turn[0])))
        st.markdown(call_html(cached(search.call_turns, store, ref_id, settings.voice)), unsafe_allow_html=True)
    else:
        answer = cached(search.comment, store, ref_id, settings.voice)
        account = answer["account_name"] or answer["account_id"]
        st.markdown(_("**The whole answer {answer}** · {account} · {who} · {metric} {score} · {when} UTC").format(
            answer=literal(ref_id), account=literal(account), who=literal(answer["respondent_role"] or _("respondent")),
            metric=answer["metric"].upper(), score=answer["score"], when=moment(answer["submitted_at"])))
        st.markdown(f'<blockquote class="answer" style="color: inherit; font-size: 1.1rem">'
                    f'{literal_html(answer["text"])}</blockquote>', unsafe_allow_html=True)

publish("voices", {"q": words or None, "themes": ",".join(chosen_themes) or None,
                   "sentiment": None if (low, high) == (-1.0, 1.0) else f"{low},{high}", "segment": segment,
                   "account": account, "when": None if when == "any" else when,
                   "sources": None if set(sources) == set(SOURCES) else ",".join(sources), "pick": pick})
