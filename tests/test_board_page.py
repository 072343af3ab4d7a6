"""The Board page on the demo data, checked against figures computed here from the demo CSVs."""

import json
import re
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pytest

from conftest import ADMIN, ANALYST, SMB_LEAD, THEMES_IN_KOREAN, VIEWER, as_read, demo_frame
from empathy import language
from empathy.figures.board import build_board
from empathy.figures.metrics import iso_week
from empathy.figures.redact import redact, split_contacts
from empathy.figures.settings import read_settings
from empathy.loading.demo_generator import DEMO_DIR
from empathy.store import Store


@pytest.fixture
def run_app(open_page):
    return lambda **params: open_page("board", **params)


def demo_nps(start: str, end: str) -> int:
    answers = pd.read_csv(DEMO_DIR / "survey_responses.csv", parse_dates=["submitted_at"])
    scores = answers.loc[(answers["metric"] == "nps") & (answers["submitted_at"] >= start)
                         & (answers["submitted_at"] < end), "score"]
    return round(100 * ((scores >= 9).mean() - (scores <= 6).mean()))


def html(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def tile_value(at, title: str) -> str:
    return re.search(rf'tile-title">{re.escape(title)}</div><div class="tile-value">([^<]+)<', html(at)).group(1)


def test_board_shows_the_latest_complete_week_with_its_figures(run_app):
    at = run_app()
    assert "How customers feel · 2026-W47" in html(at)
    assert int(tile_value(at, "NPS")) == demo_nps("2026-11-16", "2026-11-23")
    charts = at.get("vega_lite_chart")
    assert len(charts) == 5  # a trend in every tile, of the last 12 weeks
    for chart in charts:
        rows = pa.ipc.open_stream(chart.proto.datasets[0].data.data).read_all()
        assert rows.num_rows == 12 and rows.column("window").to_pylist()[-1] == "2026-W47"
        assert json.loads(chart.proto.spec)["layer"][0]["mark"]["type"] == "line"
    for title in ("CSAT", "CES", "Call sentiment", "Participation"):
        assert tile_value(at, title) != "–"
    assert html(at).count("within noise") + html(at).count("a real change") >= 5


def test_the_call_sentiment_tile_is_the_share_of_the_weeks_calls_with_an_unhappy_customer(run_app, db_path):
    """Each call's flag is worked out by hand in tests/test_metrics.py and test_sentiment_calls.py; here the
    tile must be the share of the week's stored calls that carry it, with its margin of error."""
    at = run_app()
    week = Store.open(db_path).query("""SELECT unhappy FROM calls WHERE superseded_by IS NULL AND unhappy IS NOT NULL
                                        AND started_at >= '2026-11-16' AND started_at < '2026-11-23'""")["unhappy"]
    share = 100 * week.mean()
    assert tile_value(at, "Call sentiment") == f"{share:.0f}%"
    side = re.search(r'tile-title">Call sentiment</div>.*?<div class="tile-side">([^<]+)<', html(at), re.S).group(1)
    margin = 100 * 1.96 * (week.mean() * (1 - week.mean()) / len(week)) ** 0.5
    assert side == f"had an unhappy customer ± {margin:.0f}"


def test_accounts_at_risk_name_the_story_escalators(run_app):
    at = run_app()
    alerts = next(m.value for m in at.markdown if 'class="alerts"' in m.value)
    # the demo's three escalators (empathy/loading/demo_generator.py) are the red accounts, with their reasons
    assert re.search(r'count red"><span class="big">3</span>', alerts)
    for name in ("Redbrook Capital", "Bluebay Health", "Ironstone Freight"):
        assert f"<b>{name}</b>" in alerts
    assert "escalated calls in 30 days" in alerts


def test_the_voice_is_a_redacted_verbatim_of_the_window(run_app, db_path):
    at = run_app()
    quote = re.search(r'<div class="quote">“(.+?)”</div>', html(at), re.S).group(1)
    kept = build_board(Store.open(db_path), iso_week("2026-W47"), read_settings()).voice  # which quote it is
    accounts = pd.read_csv(DEMO_DIR / "accounts.csv").set_index("account_id")
    if kept["source"] == "comment":
        row = pd.read_csv(DEMO_DIR / "survey_responses.csv").set_index("response_id").loc[kept["ref_id"]]
        original = row["comment"]
        assert "2026-11-16" <= row["submitted_at"][:10] <= "2026-11-22"
    else:
        transcript = pd.read_csv(DEMO_DIR / "calls.csv").set_index("call_id").loc[kept["ref_id"], "transcript"]
        original = next(line for line in transcript.splitlines() if as_read(quote)[:30] in line)
        original = original.split("Customer: ", 1)[1]
        row = pd.read_csv(DEMO_DIR / "calls.csv").set_index("call_id").loc[kept["ref_id"]]
    contacts = split_contacts(accounts.loc[row["account_id"], "contacts"])
    assert as_read(quote) == redact(original, contacts)
    assert any(e.label.startswith("Context") for e in at.expander)


def test_pinning_a_candidate_makes_it_the_voice(run_app):
    at = run_app()
    candidate = re.findall(r'<div class="quote">“(.+?)”</div>', html(at), re.S)[1]  # the first of the shortlist
    why = re.findall(r'<div class="why">(.+?)</div>', html(at), re.S)  # each candidate says why the rule ranked it
    assert len(why) == len(re.findall(r'<figure class="voice small">', html(at))) > 0
    assert all("sentiment" in reasons for reasons in why)
    assert "No voice kept yet" in " ".join(c.value for c in at.caption)
    at.button(key="pin-0").click().run()
    assert re.search(r'<div class="quote">“(.+?)”</div>', html(at), re.S).group(1) == candidate
    assert 'class="pinned">pinned' in html(at)
    past = at.dataframe[-1].value
    assert past[["window_label", "text", "pinned"]].values.tolist() == [["2026-W47", as_read(candidate), True]]
    assert past["account_name"].tolist()[0] in demo_frame("accounts")["account_name"].tolist()
    assert past["source"].tolist()[0] in ("survey comment", "call")
    at.button(key="unpin").click().run()
    assert re.search(r'<div class="quote">“(.+?)”</div>', html(at), re.S).group(1) != candidate


def test_four_weeks_compare_with_the_four_before(run_app):
    at = run_app()
    at.sidebar.radio(key="window-span").set_value("4 weeks").run()
    assert "How customers feel · 2026-W44 to 2026-W47" in html(at)
    assert "against 2026-W40 to 2026-W43" in html(at)
    assert int(tile_value(at, "NPS")) == demo_nps("2026-10-26", "2026-11-23")
    assert at.query_params["weeks"] == "4"


def test_a_shared_url_opens_the_same_window(run_app):
    at = run_app(window="2026-W39", weeks="1")
    assert "How customers feel · 2026-W39" in html(at)
    assert int(tile_value(at, "NPS")) == demo_nps("2026-09-21", "2026-09-28")
    at = run_app(window="not-a-week")
    assert "How customers feel · 2026-W47" in html(at)


def test_presentation_mode_hides_the_workbench(run_app):
    at = run_app(present="1")
    assert 'data-testid="stSidebar"' in html(at)  # the style that hides it
    assert not [b for b in at.button if b.key and b.key.startswith("pin-")]
    assert not any("Demo data." in i.value for i in at.info)  # shown as a short line in the title instead
    assert "· demo data" in html(at)
    at.button(key="leave-present").click().run()
    assert "present" not in at.query_params
    assert [b for b in at.button if b.key == "pin-0"]


def test_closed_expanders_make_nothing_until_they_are_opened(run_app):
    """The help, the action form, the context and the presented boards are made only when opened: a
    board seen by fifty people at once makes none of them fifty times."""
    closed = run_app()
    assert not any(m.value.lstrip().startswith("**Window.**") for m in closed.markdown)
    assert not [t for t in closed.text_input if t.key == "board-action-what"]
    assert len(closed.dataframe) == 0  # not the voice's context (no past voice on the demo)
    opened = run_app(expanded=("board-help", "board-record", "board-context"))
    assert any(m.value.lstrip().startswith("**Window.**") for m in opened.markdown)
    assert [t.key for t in opened.text_input if t.key == "board-action-what"] == ["board-action-what"]
    assert len(opened.dataframe) == len(closed.dataframe) + 1  # the voice's context beside the past voices


def test_help_gives_the_thresholds_the_settings_file_holds(run_app):
    at = run_app(expanded=("board-help",))
    help_ = " ".join(next(m.value for m in at.markdown if m.value.lstrip().startswith("**Window.**")).split())
    assert "at least 4 support calls and 2× its usual" in help_ and "at least 2 escalated calls" in help_
    assert "the 180 days before" in help_ and "3 yellow signs at once" in help_  # data/settings.toml
    assert "|compound| ≥ 0.5) and 8-60 words" in help_


def test_help_reads_in_korean_with_the_same_thresholds(run_app):
    at = run_app(lang="ko", expanded=("board-help",))
    help_ = next(m.value for m in at.markdown if m.value.lstrip().startswith("**기간.**"))
    assert "지원 통화 4건 이상이면서 평소의 2배" in help_ and "에스컬레이션된 통화 2건 이상" in help_
    assert "그 전 180일" in help_ and "노랑 신호 3개가 한꺼번에" in help_


def test_the_toggle_follows_presentation_mode_both_ways(run_app):
    at = run_app(present="1")
    assert at.sidebar.toggle(key="present-toggle").value
    at.button(key="leave-present").click().run()
    assert not at.sidebar.toggle(key="present-toggle").value
    at.sidebar.toggle(key="present-toggle").set_value(True).run()
    assert at.query_params["present"] == "1"


def smb_nps(start: str, end: str) -> int:
    """NPS of SMB accounts' answers, by pandas over the demo CSVs."""
    smb = set(pd.read_csv(DEMO_DIR / "accounts.csv").query("segment == 'SMB'")["account_id"])
    answers = pd.read_csv(DEMO_DIR / "survey_responses.csv", parse_dates=["submitted_at"])
    scores = answers.loc[(answers["metric"] == "nps") & answers["account_id"].isin(smb)
                         & (answers["submitted_at"] >= start) & (answers["submitted_at"] < end), "score"]
    return round(100 * ((scores >= 9).mean() - (scores <= 6).mean()))


def test_a_product_lead_limited_to_smb_sees_the_board_of_smb_only(open_page):
    accounts = pd.read_csv(DEMO_DIR / "accounts.csv").set_index("account_name")
    at = open_page("board", as_user=SMB_LEAD)
    assert int(tile_value(at, "NPS")) == smb_nps("2026-11-16", "2026-11-23") != demo_nps("2026-11-16", "2026-11-23")
    alerts = next(m.value for m in at.markdown if 'class="alerts"' in m.value)
    named = re.findall(r"<b>([^<]+)</b>", alerts)
    assert named and all(accounts.loc[as_read(name), "segment"] == "SMB" for name in named)
    voice = next(m.value for m in at.markdown if 'class="voice' in m.value)
    assert "SMB" in voice and not any(s in voice for s in ("Enterprise", "Mid-Market"))
    assert not [b for b in at.button if b.label == "Pin"]  # a product lead reads; analysts pin
    title = next(m.value for m in at.markdown if 'class="board-title"' in m.value)
    assert "How customers feel · 2026-W47 · segment SMB only" in title  # whose figures, also when projected
    assert any("Live figures for segment SMB only" in m.value for m in at.markdown)


def test_caches_never_hand_one_scopes_figures_to_another(open_page):
    everyone = open_page("board", as_user=ADMIN)  # fills the caches first
    lead = open_page("board", as_user=SMB_LEAD)
    again = open_page("board", as_user=ADMIN)
    assert int(tile_value(everyone, "NPS")) == int(tile_value(again, "NPS")) == demo_nps("2026-11-16", "2026-11-23")
    assert int(tile_value(lead, "NPS")) == smb_nps("2026-11-16", "2026-11-23")


def test_a_viewer_reads_the_board_but_cannot_pin(open_page):
    at = open_page("board", as_user=VIEWER)
    assert int(tile_value(at, "NPS")) == demo_nps("2026-11-16", "2026-11-23")
    assert not [b for b in at.button if b.label in ("Pin", "Back to the rule's choice")]
    assert [b.label for b in open_page("board", as_user=ANALYST).button if b.label == "Pin"]


# A program that opens the file for writing (once the app has let go of it) and keeps it.
HOLDER = """import duckdb, time
for attempt in range(200):
    try:
        connection = duckdb.connect({path!r})
        break
    except duckdb.IOException:
        time.sleep(0.05)
print("holding", flush=True)
time.sleep(30)
"""


def test_while_another_program_writes_longer_than_a_page_waits_the_page_says_so(run_app, db_path, monkeypatch):
    run_app()  # the store exists, with the demo
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(path=str(db_path))], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"  # a writer that knows nothing of ours
        monkeypatch.setenv("EMPATHY_BUSY_SECONDS", "1")
        at = run_app()
        assert not at.exception
        assert "being changed by another program" in at.warning[0].value and "is busy" in at.warning[0].value
    finally:
        holder.kill()
        holder.wait()
    assert tile_value(run_app(), "NPS") != "–"  # the writer gone, the board is back


def nps_n(at) -> int:
    return int(re.search(r'tile-title">NPS</div>.*?n = ([\d,]+) answers', html(at), re.S).group(1))


def test_a_presented_board_stays_as_presented_beside_what_changed(run_app, db_path):
    from conftest import FIXTURES
    from empathy.loading.sheet import load_sheet
    at = run_app()
    store = Store.open(db_path)
    [button] = [b for b in at.sidebar.button if b.label == "Present this window"]  # the open app: its owner may
    button.click().run()
    assert not at.error, [e.value for e in at.error]
    assert "The board of 2026-W47 is kept as presented." in [s.value for s in at.success]
    presented_n = nps_n(at)
    load_sheet(store, path=FIXTURES / "late_answers_w47.csv", user=ANALYST)
    late = pd.read_csv(FIXTURES / "late_answers_w47.csv")
    answers = pd.read_csv(DEMO_DIR / "survey_responses.csv", parse_dates=["submitted_at"])
    week = answers[(answers["metric"] == "nps") & (answers["submitted_at"] >= "2026-11-16")
                   & (answers["submitted_at"] < "2026-11-23")]["score"].tolist() + late["score"].tolist()
    now = round(100 * (sum(s >= 9 for s in week) - sum(s <= 6 for s in week)) / len(week))
    at = run_app(window="2026-W47", weeks="1")
    assert nps_n(at) == presented_n and "As presented on" in html(at)
    since = as_read(re.search(r'class="since">([^<]+)<', html(at)).group(1))
    assert since.startswith(f"4 late answers since: NPS would now be {now:+d} (n {len(week)}), within noise")
    at.sidebar.toggle(key="board-live").set_value(True).run()
    assert nps_n(at) == presented_n + 4 and "Live figures. This window was presented on" in html(at)


def test_only_an_executive_and_above_may_present(open_page, roles_file):
    from conftest import EXECUTIVE
    viewer = open_page("board", as_user=VIEWER)
    assert not [b for b in viewer.sidebar.button if "Present" in b.label]
    packs = viewer.get("link_button")  # downloads through the app's own checked path (ui/downloads.py)
    assert [b.proto.label for b in packs] == ["Board pack (PDF)", "Board pack (PPTX)"]
    assert all(re.fullmatch(r"/downloads/[\w-]{43}", b.proto.url) for b in packs)
    executive = open_page("board", as_user=EXECUTIVE)
    assert [b.label for b in executive.sidebar.button] == ["Sign out", "Present this window"]


def test_an_action_recorded_on_one_board_is_followed_up_on_the_next(run_app):
    at = run_app(window="2026-W46", weeks="1", expanded=("board-record",))
    at.text_input(key="board-action-what").input("Call Bluebay's sponsor about month-end reports")
    at.text_input(key="board-action-owner").input("Dana Lee")
    at.selectbox(key="board-action-about").select("The voice of this week")
    at.button(key=next(b.key for b in at.button if b.label == "Record the action")).click().run()
    assert not at.error
    assert "Call Bluebay's sponsor" in as_read(html(at)) and "open" in html(at)
    at = run_app(window="2026-W47", weeks="1")
    follow = as_read(re.search(r'class="follow-up">([^<]+)<', html(at)).group(1))
    assert follow == "Actions from 2026-W46: 1 open."
    at = run_app(window="2026-W46", weeks="1")
    at.radio(key="board-actions-1-status").set_value("done")
    at.text_input(key="board-actions-1-note").input("Sponsor called on Thursday")
    at.button(key=next(b.key for b in at.button if b.label == "Save")).click().run()
    at = run_app(window="2026-W47", weeks="1")
    assert "Actions from 2026-W46: 1 done." in as_read(html(at))
    assert "Call Bluebay's sponsor about month-end reports (Dana Lee): <b>done</b>: Sponsor called" in as_read(html(at))


def test_the_board_reads_in_korean_with_lang_ko_and_keeps_its_figures(run_app):
    english, korean = run_app(), run_app(lang="ko")
    assert "고객은 어떻게 느끼는가 · 2026년 47주차" in html(korean)
    for name, title in (("NPS", "순추천지수(NPS)"), ("CSAT", "고객만족도(CSAT)"), ("CES", "고객노력지수(CES)"),
                        ("Call sentiment", "통화 감성"), ("Participation", "설문 참여율")):
        assert tile_value(korean, title) == tile_value(english, name)  # the same figures, in other words
    assert html(korean).count("잡음 범위 안") + html(korean).count("실제 변화") >= 5
    assert "within noise" not in html(korean) and "How customers feel" not in html(korean)
    assert "이번 주 고객의 목소리" in as_read(html(korean)) and "위험 고객사 (30일)" in as_read(html(korean))
    assert {"기간", "언어"} <= {r.label for r in korean.sidebar.radio}
    assert korean.sidebar.radio(key="lang-switch").value == "ko"
    assert korean.query_params["lang"] == "ko"  # a shared link keeps its language


def test_the_growing_themes_are_named_in_korean_with_the_same_counts(run_app):
    growing = re.compile(r"<li><b>([^<]+)</b> (\d+) ")
    english, korean = growing.findall(html(run_app())), growing.findall(html(run_app(lang="ko")))
    assert english and korean == [(THEMES_IN_KOREAN[theme], count) for theme, count in english]


def test_an_action_about_a_theme_names_it_in_korean_on_a_korean_board(run_app):
    at = run_app(window="2026-W47", weeks="1", lang="ko", expanded=("board-record",))
    at.text_input(key="board-action-what").input("청구서 오류 원인 찾기")
    at.text_input(key="board-action-owner").input("김민지")
    at.selectbox(key="board-action-about").select("주제: 청구")
    with language.speaking("ko"):  # the test's own thread formats the page's choices again (AppTest)
        at.button(key=next(b.key for b in at.button if b.label == "실행 과제 기록")).click().run()
    assert not at.error
    assert "청구서 오류 원인 찾기" in as_read(html(at)) and "대상: 주제 청구" in as_read(html(at))
    assert "billing" not in as_read(html(at))


def test_arr_is_shown_in_the_currency_the_settings_name_as_the_reader_writes_it(run_app, own_settings_and_themes):
    at_risk = re.compile(r'class="arr">([^<]*)<')
    dollars = at_risk.findall(html(run_app()))
    assert dollars and all(shown.startswith("$") for shown in dollars)
    path = own_settings_and_themes / "settings.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('currency = "USD"', 'currency = "KRW"'), encoding="utf-8")
    won = at_risk.findall(html(run_app(lang="ko")))
    assert won and all(shown.startswith("₩") and shown.split()[0][-1] in "만억0123456789" for shown in won)


def test_the_title_comes_first_then_the_tiles_then_the_rest_and_the_computing_line_is_gone_at_the_end(run_app):
    """The page sends its title before it asks for any part of the board (from the shared caches or
    computed), with a "Computing…" line until the last part is there; the tiles before the early
    warning and the voice, which take longer to make."""
    at = run_app()
    shown = [m.value for m in at.markdown]
    title = next(i for i, said in enumerate(shown) if 'class="board-title"' in said)
    first_tile = next(i for i, said in enumerate(shown) if 'class="tile-title"' in said)
    alerts = next(i for i, said in enumerate(shown) if 'class="alerts"' in said)
    assert title < first_tile < alerts
    assert not any("Computing" in caption.value for caption in at.caption)
