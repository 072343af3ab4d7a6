import io
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ANALYST, ROOT, tag_texts
from empathy.loading.sheet import load_sheet
from empathy.loading.themes import TaxonomyError, catalog_messages, read_taxonomy, save_taxonomy, taxonomy_from_rows
from sentiment.scoring import score_text

TAXONOMY = {"billing": ["bill*", "invoice", "청구서"], "integrations": ["api", "sync*"],
            "reliability": ["is down"]}


def tag(*texts):
    return tag_texts(list(texts), TAXONOMY)


def test_whole_words_prefixes_phrases_and_korean():
    assert tag("We were billed twice", "Invoice wrong", "invoices everywhere", "The API is down!",
               "our capital", "Syncing fails", "이번 달 청구서가 틀렸습니다") == [
        ["billing"], ["billing"], [], ["integrations", "reliability"], [], ["integrations"], ["billing"]]


KOREAN = {"billing": ["청구서", "결제 안 됨"], "performance": ["느려"], "notifications": ["알림 늦다"]}


def korean_tags(*texts):
    return tag_texts(list(texts), KOREAN, [score_text(text).lemmas for text in texts])


@pytest.mark.parametrize(("text", "themes"), [
    ("청구서가 두 번 왔어요", ["billing"]), ("청구서를 아직 못 받았습니다", ["billing"]),
    ("대시보드가 느려요", ["performance"]), ("보고서가 너무 느립니다", ["performance"]),
    ("화면이 느리고 자주 멈춰요", ["performance"]), ("카드 결제가 안 돼요", ["billing"]),
    ("결제가 또 안 됐어요", ["billing"]), ("알림이 항상 늦게 와요", ["notifications"]),
    ("결제는 잘 돼요", []), ("알림이 빨리 와서 좋아요", []),  # the words, but not what the phrase says
    ("Billing is slow", []),  # English text is not matched by Korean phrases
])
def test_korean_phrases_match_every_form_of_their_words(text, themes):
    assert korean_tags(text) == [themes]


def test_missing_text_has_no_themes():
    assert tag(None, "") == [[], []]


def test_the_projects_taxonomy_reads_and_covers_the_agreed_themes():
    taxonomy = read_taxonomy()
    assert {"billing", "onboarding", "performance", "reliability", "support responsiveness",
            "documentation / self-service", "pricing", "integrations"} <= set(taxonomy)


def test_the_projects_taxonomy_file_lists_each_theme_once_with_each_phrase_once():
    """As the Themes page writes it: twelve Korean phrases were once listed twice, under a second block of
    the same themes at the end of the file, which a person editing it by hand would not see."""
    rows = pd.read_csv(ROOT / "data" / "themes.csv")
    assert not rows.duplicated().any()
    themes = rows["theme"].tolist()
    assert themes == sorted(themes, key=themes.index)  # each theme's rows together


@pytest.mark.parametrize(("text", "themes"), [
    ("청구서 금액이 또 틀렸어요", ["billing"]), ("보고서 로딩이 너무 느려요", ["performance"]),
    ("앱이 자꾸 튕겨요", ["reliability"]), ("상담원이 친절하게 답변해 줬어요", ["support responsiveness"]),
    ("매뉴얼 문서가 부족해요", ["documentation / self-service"]), ("가격이 너무 비싸요", ["pricing"]),
    ("설치가 간단했어요", ["onboarding"]), ("연동이 자주 끊겨요", ["reliability", "integrations"]),
    ("초기 설정이 어려웠어요", ["onboarding"]), ("업데이트 후로 훨씬 빨라졌네요", ["performance"]),
    ("점검 공지도 없이 서비스가 멈췄습니다", ["reliability"]), ("문의 남긴 지 일주일인데 아무 연락이 없어요", ["support responsiveness"]),
    ("보고서 하나 뽑는 데 너무 오래 걸려요", ["performance"]), ("챗봇이 같은 말만 반복해요", ["support responsiveness"]),
    ("문의한 지 열흘째 아무 소식이 없네요", ["support responsiveness"]), ("캘린더 동기화가 하루 늦게 돼요", ["integrations"]),
    ("자동 연장되는 줄 모르고 있다가 돈이 빠져나갔어요", ["billing"]), ("해지하려고 했더니 위약금이 너무 많이 나왔어요", ["billing"]),
    ("The plan auto-renewed without any warning", ["billing"]), ("Nobody mentioned the cancellation fee", ["billing"]),
    # a part of a phrase's word is not the phrase: 초기 설정 is no 설정, 설치 no 설 (a holiday)
    ("알림 설정을 꺼도 계속 알림이 와요", []), ("설 연휴에도 배송이 되나요", []),
])
def test_the_projects_taxonomy_themes_korean_comments_under_every_theme(text, themes):
    """A Korean customer's comment finds its theme as an English one's does, whichever theme it is."""
    assert tag_texts([text], read_taxonomy(), [score_text(text).lemmas]) == [themes]


def test_the_catalog_takes_each_themes_name_once_in_the_theme_context():
    sheet = io.BytesIO("\ufefftheme,phrase\nbilling,bill*\nbilling,invoice\n청구 문제,청구서\n\npricing,price*\n".encode())
    found = list(catalog_messages(sheet, {}, [], {}))
    assert [(line, function, message) for line, function, message, _ in found] == [
        (2, "pgettext", ("theme", "billing")), (4, "pgettext", ("theme", "청구 문제")),
        (6, "pgettext", ("theme", "pricing"))]


def test_a_broken_themes_file_names_its_row(tmp_path):
    path = tmp_path / "themes.csv"
    path.write_text("theme,phrase\nbilling,invoice\npricing,\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="row 2 needs both a theme and a phrase"):
        read_taxonomy(path)


def test_comments_and_customer_turns_are_tagged_at_load_time(store):
    load_sheet(store, user=ANALYST, data=b"account_id,submitted_at,metric,score,comment\n"
                           b"A1,2026-09-01,nps,3,The invoice is wrong again\nA2,2026-09-01,nps,9,\n",
               source="surveys.csv")
    comments = store.query("SELECT account_id, themes FROM survey_responses ORDER BY 1")
    assert [list(t) for t in comments["themes"]] == [["billing"], []]
    load_sheet(store, user=ANALYST, data=('call_id,started_at,transcript\n'
                            'C1,2026-09-01,"Agent: Any billing questions?\nCustomer: The Salesforce sync broke."\n'
                            ).encode(), source="calls.csv")
    turns = store.query("SELECT role, themes FROM utterances ORDER BY turn")
    assert pd.isna(turns["themes"][0])  # agent turns are not tagged
    assert list(turns["themes"][1]) == ["reliability", "integrations"]


def test_korean_comments_are_tagged_at_load_time_by_their_lemmas(store):
    """Tagged by the load's transaction (`comment_themes`): 느리고 holds no phrase of the taxonomy as
    written, only through its lemma."""
    load_sheet(store, user=ANALYST, data="account_id,submitted_at,metric,score,comment\n"
                                         "A1,2026-09-01,nps,3,보고서가 너무 느리고 불편해요\nA2,2026-09-01,nps,9,감사합니다\n"
                                         "A3,2026-09-01,nps,2,The invoice is wrong again\n".encode(), source="surveys.csv")
    comments = store.query("SELECT account_id, themes FROM survey_responses ORDER BY 1")
    assert [list(t) for t in comments["themes"]] == [["performance"], [], ["billing"]]


def test_an_edited_taxonomy_is_written_and_retags_what_is_stored(store):
    load_sheet(store, user=ANALYST, data=b"submitted_at,metric,score,comment\n2026-09-01,nps,3,The export wizard loses columns\n"
                           b"2026-09-01,nps,3,The invoice is wrong again\n", source="surveys.csv")
    load_sheet(store, user=ANALYST, data=b'call_id,started_at,transcript\nC1,2026-09-01,"Agent: The export wizard?\n'
                           b'Customer: Yes, the export wizard again."\n', source="calls.csv")
    version = store.version()
    taxonomy = taxonomy_from_rows([{"theme": "billing", "phrase": "invoice*"},
                                   {"theme": " Data  export ", "phrase": "Export   Wizard"},
                                   {"theme": "", "phrase": ""}])  # an empty editor row is skipped
    assert taxonomy == {"billing": ["invoice*"], "Data export": ["export wizard"]}
    assert save_taxonomy(store, ANALYST, taxonomy) == 3
    assert read_taxonomy() == taxonomy  # the file EMPATHY_THEMES names, a copy of the project's
    comments = store.query("SELECT comment, themes FROM survey_responses ORDER BY comment")
    assert [list(t) for t in comments["themes"]] == [["Data export"], ["billing"]]
    turns = store.query("SELECT role, themes FROM utterances ORDER BY turn")
    assert pd.isna(turns["themes"][0]) and list(turns["themes"][1]) == ["Data export"]  # customers only
    assert store.version() == version + 1  # pages show the new tags


def test_retagging_reads_korean_by_its_lemmas(store):
    load_sheet(store, user=ANALYST, data="submitted_at,metric,score,comment\n2026-09-01,nps,3,엑셀 내보내기가 너무 느려요\n"
                                         "2026-09-01,nps,4,내보내기 기능이 없어요\n".encode(), source="surveys.csv")
    load_sheet(store, user=ANALYST, data='call_id,started_at,transcript\nC1,2026-09-01,"상담원: 무엇을 도와드릴까요?\n'
                                         '고객: 엑셀로 내보내는데 정말 느립니다."\n'.encode(), source="calls.csv")
    assert save_taxonomy(store, ANALYST, {"export": ["내보내기 느리다"]}) == 2
    comments = store.query("SELECT comment, themes FROM survey_responses ORDER BY comment DESC")
    assert [list(t) for t in comments["themes"]] == [["export"], []]
    turns = store.query("SELECT role, themes FROM utterances ORDER BY turn")
    assert pd.isna(turns["themes"][0]) and list(turns["themes"][1]) == ["export"]


def test_an_editor_row_with_half_a_theme_is_refused_with_its_row():
    with pytest.raises(TaxonomyError, match="row 2 needs both a theme and a phrase"):
        taxonomy_from_rows([{"theme": "billing", "phrase": "bill*"}, {"theme": "pricing", "phrase": "*"}])


def test_a_sheet_without_korean_is_tagged_without_starting_kiwi(tmp_path):
    """Kiwi (a second to start) reads the taxonomy's Korean phrases only for sheets with Korean text."""
    program = f"""
import sys
from empathy.access.roles import SYSTEM
from empathy.loading.sheet import load_sheet
from empathy.store import Store
store = Store.open({str(tmp_path / "s.duckdb")!r})
for sheet in ("submitted_at,metric,score,comment\\n2026-09-01,nps,2,The invoice is wrong again\\n",
              'call_id,started_at,transcript\\nK1,2026-09-01,"Agent: Hello\\nCustomer: The invoice is wrong again"\\n'):
    assert not load_sheet(store, user=SYSTEM, data=sheet.encode(), source="sheet.csv").rejected
print("kiwipiepy" in sys.modules, *(store.query(f"SELECT count(*) AS n FROM {{table}} WHERE len(themes) > 0")["n"][0]
                                      for table in ("survey_responses", "utterances")))
"""
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "1", "1"]  # comment and turn tagged (billing), Kiwi never started
