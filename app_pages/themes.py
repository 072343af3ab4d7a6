"""Themes: which themes cost the NPS most, the taxonomy that tags comments and turns (editable, and
saved for everyone), and the untagged complaints that might need a new theme."""

import pandas as pd
import streamlit as st

from empathy.figures import explore
from empathy.language import _, week
from empathy.loading.themes import TaxonomyError, read_taxonomy, save_taxonomy, taxonomy_from_rows
from empathy.meeting.charts import impact_chart
from empathy.meeting.wording import coded, named_themes
from ui.auth import current_user
from ui.common import cached, chart_spec, get_settings, get_store, window_or_stop
from ui.text import literal

user = current_user()
store, settings = get_store(user), get_settings()
window = window_or_stop(store, settings, _("Themes"))
st.title(_("Themes"))
if message := st.session_state.pop("themes-saved", None):
    st.success(message)
editing = user.may("edit_taxonomy")
impact_tab, taxonomy_tab, untagged_tab = st.tabs([_("Impact on NPS"), _("Taxonomy"), _("Untagged complaints")])


def save(taxonomy: dict[str, list[str]]) -> None:
    """Write the file, re-tag every stored comment and turn, and say so after the rerun."""
    tagged = save_taxonomy(store, user, taxonomy)
    st.session_state["themes-saved"] = _("Saved {phrases} phrases in {themes} themes; {tagged:,} comments and turns now "
                                         "carry a theme.").format(phrases=sum(map(len, taxonomy.values())),
                                                                  themes=len(taxonomy), tagged=tagged)


def add_phrase(phrases: pd.DataFrame) -> None:
    """One untagged phrase into an existing or a new theme, then every stored text tagged again."""
    with st.form("add-phrase"):
        row = st.columns(3)
        phrase = row[0].selectbox(_("Phrase"), phrases["phrase"].tolist())
        existing = row[1].selectbox(_("Add it to the theme"), list(read_taxonomy()), index=None,
                                    format_func=lambda theme: coded("theme", theme), placeholder=_("an existing theme"))
        new = row[2].text_input(_("or a new theme"))
        if st.form_submit_button(_("Add and re-tag")):
            theme = " ".join(new.split()) or existing
            if not theme:
                st.error(_("Pick an existing theme or name a new one."))
            else:
                current = read_taxonomy()
                current.setdefault(theme, [])
                if phrase not in current[theme]:
                    current[theme].append(phrase)
                save(current)
                st.rerun()


with impact_tab:
    impact = cached(explore.theme_impact, store, window, settings.timezone)
    st.caption(_("NPS answers in {window} whose comment mentions each theme against those that don't. **Effect** is how "
                 "many points the theme moves the overall NPS (the share of answers mentioning it × the gap): the "
                 "overall NPS would be that much higher without it. Pale bars could be noise (not significant at 95%). "
                 "Widen the window in the sidebar for more answers.").format(window=week(window.label)))
    if impact.empty:
        st.info(_("No NPS answer in this window mentions a theme."))
    else:
        st.vega_lite_chart(spec=chart_spec(impact_chart, impact), width="stretch")
        st.dataframe(named_themes(impact).assign(significant=impact["significant"].map({True: _("yes"),
                                                                         False: _("no (could be noise)")})),
                     hide_index=True, width="stretch", column_config={
                         "theme": _("Theme"), "n": _("Answers mentioning it"),
                         "nps": st.column_config.NumberColumn(_("NPS when mentioned"), format="%+.1f"),
                         "n_without": _("Answers not mentioning it"),
                         "nps_without": st.column_config.NumberColumn(_("NPS otherwise"), format="%+.1f"),
                         "gap": st.column_config.NumberColumn(_("Gap"), format="%+.1f"),
                         "effect": st.column_config.NumberColumn(_("Effect on overall NPS"), format="%+.1f"),
                         "p_value": st.column_config.NumberColumn("p", format="%.3f"),
                         "significant": _("Real at 95%")})

with taxonomy_tab:
    taxonomy = read_taxonomy()
    st.caption(_("A phrase matches whole words in any case; a trailing * lets the last word run on (bill* finds "
                 "billing). A Korean phrase matches every form of its words (느리다 finds 느려요 and 느립니다).")
               + (_(" Add a row for a new theme or phrase, delete a row to drop it, then save: every stored comment and "
                    "call turn is tagged again.") if editing else "")
               + (_(" The names of the themes the board comes with are kept here as the file writes them; every other "
                    "page shows them in your language.") if any(coded("theme", theme) != theme for theme in taxonomy)
                  else ""))
    rows = pd.DataFrame([{"theme": theme, "phrase": phrase} for theme, phrases in taxonomy.items() for phrase in phrases])
    columns = {"theme": st.column_config.TextColumn(_("Theme"), required=True),
               "phrase": st.column_config.TextColumn(_("Phrase"), required=True)}
    if editing:
        edited = st.data_editor(rows, num_rows="dynamic", hide_index=True, width="stretch", key="themes-editor",
                                column_config=columns)
        if st.button(_("Save and re-tag"), type="primary", key="themes-save"):
            try:
                save(taxonomy_from_rows(edited.to_dict("records"), _("The table")))
            except TaxonomyError as error:
                st.error("**" + _("Not saved.") + f"** {literal(error)}. " + _("Fill in or delete that row."))
            except PermissionError as error:
                st.error("**" + _("Not saved.") + f"** {literal(error)}")
            else:
                st.rerun()
    else:
        st.dataframe(rows, hide_index=True, width="stretch", column_config=columns)
        st.caption(_("Analysts change the taxonomy."))

with untagged_tab:
    st.caption(_("Phrases that recur in negative comments and customer turns no theme tags, in {window}: candidates for "
                 "a new theme, or a phrase an existing one is missing.").format(window=week(window.label)))
    phrases = cached(explore.untagged_phrases, store, window, settings.timezone, settings.voice)
    if phrases.empty:
        st.info(_("No phrase recurs in the untagged negative verbatims of this window."))
    else:
        st.dataframe(phrases, hide_index=True, width="stretch", column_config={
            "phrase": _("Phrase"), "verbatims": _("Verbatims holding it"),
            "example": st.column_config.TextColumn(_("One of them"), width="large")})
        if editing:
            add_phrase(phrases)
