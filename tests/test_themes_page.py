"""The Themes page on the demo data: theme impact against pandas over the stored answers, and a
candidate phrase from the untagged complaints added as a new theme, saved and re-tagged."""

import pandas as pd
import pytest

from conftest import THEMES_IN_KOREAN, demo_frame
from empathy.loading.themes import read_taxonomy
from ui.common import _open_store


def nps(scores: pd.Series) -> float:
    return 100 * ((scores >= 9).mean() - (scores <= 6).mean())


def test_theme_impact_is_the_gap_weighted_by_its_share(open_page, db_path):
    at = open_page("themes", window="2026-W47", weeks="13")
    answers = _open_store(str(db_path)).query(
        "SELECT score, themes FROM survey_responses WHERE superseded_by IS NULL AND metric = 'nps' "
        "AND submitted_at >= '2026-08-24' AND submitted_at < '2026-11-23'")
    mentions = answers["themes"].map(lambda themes: "billing" in list(themes))
    with_billing, without = answers.loc[mentions, "score"], answers.loc[~mentions, "score"]
    table = at.dataframe[0].value.set_index("theme")
    assert table.loc["billing", "n"] == len(with_billing)
    assert table.loc["billing", "gap"] == pytest.approx(nps(with_billing) - nps(without))
    assert table.loc["billing", "effect"] == pytest.approx(nps(answers["score"]) - nps(without))
    assert table.index[0] == table["effect"].idxmin()  # the most costly first


def test_a_candidate_phrase_becomes_a_new_theme_and_everything_is_retagged(open_page, db_path):
    at = open_page("themes", window="2026-W47", weeks="13")
    candidates = at.dataframe[2].value["phrase"].tolist()
    assert "third time" in candidates
    [phrase] = [box for box in at.selectbox if box.label == "Phrase"]
    [theme] = [box for box in at.text_input if box.label == "or a new theme"]
    phrase.select("third time")
    theme.input("repeat contact")
    at.button[-1].click().run()  # the form's "Add and re-tag"
    assert read_taxonomy()["repeat contact"] == ["third time"]
    assert any("Saved" in s.value for s in at.success)
    phrase_in = r"\bthird\s+time\b"
    comments = demo_frame("survey_responses")["comment"].dropna()
    lines = demo_frame("calls")["transcript"].dropna().str.split("\n").explode()
    customer_lines = lines[lines.str.contains(r"^\s*(?:\[[^\]]*\]\s*)?Customer\s*:", regex=True)]
    store = _open_store(str(db_path))
    tagged_comments = store.query("SELECT count(*) AS n FROM survey_responses "
                                  "WHERE list_contains(themes, 'repeat contact')")["n"][0]
    tagged_turns = store.query("SELECT count(*) AS n FROM utterances WHERE list_contains(themes, 'repeat contact')")["n"][0]
    assert tagged_comments == comments.str.contains(phrase_in, case=False, regex=True).sum()
    assert tagged_turns == customer_lines.str.contains(phrase_in, case=False, regex=True).sum() > 0


def test_in_korean_the_impact_names_the_themes_in_korean_and_the_taxonomy_keeps_the_files_names(open_page):
    english = open_page("themes", window="2026-W47", weeks="13").dataframe[0].value
    at = open_page("themes", window="2026-W47", weeks="13", lang="ko")
    korean = at.dataframe[0].value
    assert korean["theme"].tolist() == [THEMES_IN_KOREAN[theme] for theme in english["theme"]]
    assert korean["n"].tolist() == english["n"].tolist()  # the same figures, the names in other words
    assert "billing" in at.dataframe[1].value["theme"].tolist()  # the taxonomy as data/themes.csv writes it
    assert any("다른 모든 페이지에서는 한국어로" in caption.value for caption in at.caption)
