"""Board: how customers feel this window, whether it changed, who is at risk, and one customer's words;
the board as presented (frozen), the board pack, and the actions the meeting decided."""

from datetime import date

import streamlit as st

from empathy import language
from empathy.figures import voice as voices
from empathy.figures.renewals import RENEWAL_DAYS
from empathy.language import _, day, moment
from empathy.meeting.pack import FORMATS, MIME, file_name, make_pack
from empathy.meeting.presented import present
from empathy.meeting.wording import coded, live_text, whose
from empathy.store import StoreError
from ui.actions_view import follow_up_list, record_form
from ui.auth import current_user
from ui.board_view import (
    PRESENTATION_STYLE,
    STYLE,
    follow_up_html,
    help_text,
    presented_html,
    section_title,
    voice_html,
    worded_past_voices,
)
from ui.common import (
    action_list,
    actions_follow_up,
    board,
    board_panels,
    board_tiles,
    changed_since,
    company_presented,
    demo_loaded,
    get_settings,
    get_store,
    keep_board_made,
    presented_board,
    presented_boards,
    presented_panels,
    presented_tiles,
    presenting,
    set_presenting,
    voice_context,
    voice_history,
    window_or_stop,
)
from ui.downloads import download_button
from ui.explore_view import dimension_label
from ui.text import literal, literal_html
from ui.window_picker import params_of, window_params

user = current_user()
store, settings = get_store(user), get_settings()
counters = store.counters()
version, meeting, voices_version = counters["version"], counters["meeting_version"], counters["voices_version"]
window = window_or_stop(store, settings, "Board", version)
today = date.today()
st.sidebar.toggle(_("Presentation mode"), value=presenting(), key="present-toggle",
                  on_change=lambda: set_presenting(st.session_state["present-toggle"]),
                  help=_("Hides the menus and enlarges the type for a projector. Also opens with ?present=1."))
presentation = presented_board(store, meeting, window)
live = presentation is None or st.sidebar.toggle(
    _("Live figures"), key="board-live", help=_("This window was presented: the board shows it as it was then. "
                                                "Switch on to see the figures as the data stands now."))
projecting = presenting()
st.markdown(STYLE + (PRESENTATION_STYLE if projecting else ""), unsafe_allow_html=True)


def present_window() -> None:
    """Freeze the window's board as the data stands now (the store checks the role)."""
    try:
        kept = present(store, window, settings, user)
    except (StoreError, PermissionError) as error:
        st.session_state["board-message"] = ("error", "**" + _("Not presented.") + f"** {literal(error)}")
    else:
        st.session_state["board-live"] = False
        st.session_state["board-message"] = ("success", _("The board of {window} is kept as presented.").format(
            window=language.week(kept.window_label)))


if not projecting:
    if user.may("present") and (presentation is None or live):
        again = presentation is not None
        st.sidebar.button(_("Present this window again") if again else _("Present this window"), type="primary",
                          icon=":material/lock:", on_click=present_window, width="stretch",
                          help=_("Freezes the board as it is now: figures, trends, alerts, themes and voice stay "
                                 "as shown, whatever is loaded later.")
                          + (_(" Replaces the board kept before.") if again else ""))
    for kind in FORMATS:
        download_button(_("Board pack ({kind})").format(kind=kind.upper()), f"pack-{kind}", user,
                        lambda kind=kind: make_pack(store, window, settings, user, kind)[0],
                        file_name(window, kind), MIME[kind], where=st.sidebar,
                        help=_("The board of this window as presented, with accounts at risk, themes and actions, to "
                               "send before the meeting.") if presentation else
                        _("The board of this window, with accounts at risk, themes and actions, to send before the "
                          "meeting."))
if message := st.session_state.pop("board-message", None):
    kind, said = message
    (st.error if kind == "error" else st.success)(said)

demo = _(" · demo data") if projecting and demo_loaded(store, version) else ""
heading = _("How customers feel · {window}").format(window=language.week(window.label))
span = _("{start} to {end} ({timezone}), against {before}").format(
    start=day(window.start), end=day(window.end), timezone=settings.timezone, before=language.week(window.previous().label))
st.markdown(f'<div class="board-title">{heading}{literal_html(whose(user.scope))}</div>'
            f'<div class="board-subtitle">{span}{demo}</div>', unsafe_allow_html=True)
computing = st.empty()  # the title shows at once; each part of the board, from the shared caches or made, after it
if live:
    computing.caption(_("Computing the board…"))
if not user.scope.everything:
    said = live_text(user.scope, company_presented(store, meeting, window))
    st.markdown(f'<div class="board-subtitle">{literal_html(said)}</div>', unsafe_allow_html=True)
if presentation is not None:
    st.markdown(presented_html(presentation, None if live else changed_since(store, version, presentation, settings)),
                unsafe_allow_html=True)

tiles = board_tiles(store, version, window, settings, language.current()) if live \
    else presented_tiles(store, meeting, window, settings, language.current())
for column, (tile, chart) in zip(st.columns(5, border=True), tiles.values()):  # each column a tile's frame
    with column:
        st.markdown(tile, unsafe_allow_html=True)
        if chart is not None:
            st.vega_lite_chart(spec=chart, width="stretch")
if live:
    computing.caption(_("Computing the accounts at risk, the complaints growing and the voice…"))
shown = board(store, version, voices_version, window, settings, language.current()) if live \
    else presentation.frozen()
html = board_panels(store, version, voices_version, window, settings, language.current()) if live \
    else presented_panels(store, meeting, window, language.current())
computing.empty()
if live:
    keep_board_made(store, settings, window, counters)

follow_up = actions_follow_up(store, meeting, window, today)
linked_window = window_params()  # the links below open their page on this window
voice_column, alerts_column = st.columns([3, 2], gap="large")
# A section's title and its panel are one element each (a view's CPU grows with its elements: bench/README.md).
with voice_column:
    if shown.voice is None:
        st.markdown(section_title(_("Customer voice of the week")), unsafe_allow_html=True)
        st.markdown(_("No comment or customer turn in this window has the strong feeling and readable "
                      "length the rule asks for."))
    else:
        st.markdown(section_title(_("Customer voice of the week")) + html["voice"], unsafe_allow_html=True)
        with st.expander(_("Context: the turns around it") if shown.voice["source"] == "call"
                         else _("Context: the whole answer"), key="board-context", on_change="rerun") as context:
            if context.open:  # what an expander holds is made only when it is opened (as are those below)
                st.dataframe(voice_context(store, version, shown.voice, settings.voice), hide_index=True,
                             width="stretch")
                st.caption(_("Why this one: {reasons}.").format(reasons=literal("; ".join(shown.voice["reasons"]))))
    st.markdown(section_title(_("Complaints growing")) + html["themes"], unsafe_allow_html=True)
with alerts_column:
    a = shown.alerts
    top_accounts = list(zip(a.top["account_id"], a.top["account_name"].fillna(a.top["account_id"])))
    st.markdown(section_title(_("Accounts at risk ({days} days)").format(days=settings.early_warning.days))
                + html["alerts"], unsafe_allow_html=True)
    if not projecting:
        for account_id, name in top_accounts:
            st.page_link("app_pages/accounts.py", label=_("{account}: the story").format(account=literal(name)),
                         icon=":material/person:", query_params={**linked_window, "account": account_id})
    st.markdown(section_title(_("Last week's actions")) + follow_up_html(follow_up), unsafe_allow_html=True)

if projecting:
    st.button(_("Leave presentation mode"), key="leave-present", on_click=set_presenting, args=(False,))
    st.stop()

st.markdown("**" + _("Where is it coming from?") + "**")
with st.container(horizontal=True):
    for dimension in ("segment", "theme", "respondent_role", "region", "plan", "call_type"):
        st.page_link("app_pages/segments.py", label=_("By {dimension}").format(dimension=dimension_label(dimension).lower()),
                     icon=":material/stacked_bar_chart:", query_params={**linked_window, "dim": dimension})

st.divider()
st.subheader(_("Actions from this meeting"))
if user.may("record_action"):
    links = {_("Account: {name}").format(name=name): ("account", account_id) for account_id, name in top_accounts}
    links.update({_("Theme: {theme}").format(theme=coded("theme", t)): ("theme", t) for t in shown.themes["theme"]})
    if shown.voice is not None:
        links[_("The voice of this week")] = ("voice", window.label)
    with st.expander(_("Record an action"), icon=":material/add_task:", key="board-record",
                     on_change="rerun") as recording:
        if recording.open:
            record_form(store, user, window, links, "board-action")
follow_up_list(store, user, action_list(store, meeting, today, window), "board-actions")

st.subheader(_("Next candidates for the voice"))
pinning = user.may("pin_voice")
if not live:
    st.caption(_("The board as presented keeps its voice. Switch on **Live figures** in the sidebar to pin another."))
else:
    if pinning and shown.voice is not None and shown.voice["pinned"]:
        st.button(_("Back to the rule's choice"), key="unpin", on_click=voices.unpin, args=(store, user, window))
    for i, candidate in enumerate(shown.shortlist):
        with st.container(horizontal=True, vertical_alignment="center", gap="medium", wrap=False):
            st.markdown(voice_html(candidate, small=True), unsafe_allow_html=True, width="stretch")
            if pinning:
                st.button(_("Pin"), key=f"pin-{i}", help=_("Make this the voice of this window instead"),
                          on_click=voices.pin, args=(store, user, window, candidate))
    if not shown.shortlist:
        st.caption(_("No other candidate in this window."))

st.subheader(_("Past voices"))
past = voice_history(store, version, voices_version, settings.voice).to_pandas()
if past.empty:
    st.caption(_("No voice kept yet: a window's voice is kept when its board is presented or a voice is pinned."))
else:
    st.dataframe(worded_past_voices(past), hide_index=True, width="stretch",
                 column_order=["window_label", "text", "account_name", "source", "pinned", "chosen_by", "chosen_at"],
                 column_config={"window_label": _("Window"), "text": st.column_config.TextColumn(_("Quote"), width="large"),
                                "account_name": _("Account"), "source": _("Said in"),
                                "pinned": st.column_config.CheckboxColumn(_("Pinned")), "chosen_by": _("Chosen by"),
                                "chosen_at": st.column_config.DatetimeColumn(_("Chosen (UTC)"), format="YYYY-MM-DD HH:mm")})

with st.expander(_("Boards as presented"), key="board-presented", on_change="rerun") as listing:
    kept = presented_boards(store, meeting) if listing.open else []
    if listing.open and not kept:
        st.caption(_("No board has been presented yet.") + (_(" **Present this window** in the sidebar freezes this one.")
                                                             if user.may("present") else ""))
    for p in kept:
        st.page_link("app_pages/board.py", label=_("{window} · presented {when} by {presenter} · batches up to {batch}")
                     .format(window=language.week(p.window_label), when=moment(p.presented_at), presenter=literal(p.presenter),
                             batch=p.last_batch), icon=":material/lock:", query_params=params_of(p.window))

with st.expander(_("How these figures are computed"), key="board-help", on_change="rerun") as explaining:
    if explaining.open:
        st.markdown(help_text(settings, RENEWAL_DAYS))
