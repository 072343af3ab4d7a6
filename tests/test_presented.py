"""A board as presented: frozen, reopened exactly, and set beside what has changed since."""

import json
import math

import pytest

from conftest import ADMIN, ANALYST, EXECUTIVE, SMB_LEAD, VIEWER, empathy, load_text
from empathy.figures.board import Board, build_board
from empathy.figures.metrics import iso_week
from empathy.figures.rules import Thresholds
from empathy.figures.settings import Settings
from empathy.meeting.presented import as_presented, inputs_hash, present, presentations, since
from empathy.store import audit

W47 = iso_week("2026-W47")  # 2026-11-16 .. 2026-11-22
SETTINGS = Settings(min_n=2, early_warning=Thresholds(days=7))
SCORES = [10, 9, 10, 9, 9, 8, 7, 3, 5, 6]  # 5 promoters, 2 passives, 3 detractors
LATE = [0, 1, 2, 0]


def answers(scores: list[int], prefix: str, day: int = 17) -> str:
    rows = ["response_id,account_id,submitted_at,metric,score"]
    rows += [f"{prefix}{i},A1,2026-11-{day} {10 + i % 10}:00,nps,{score}" for i, score in enumerate(scores)]
    return "\n".join(rows)


def nps(scores: list[int]) -> float:
    """Worked out the plain way: percent promoters minus percent detractors."""
    return 100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores)


@pytest.fixture
def presented(store):
    load_text(store, "account_id,account_name,segment\nA1,Acme,SMB\n", "accounts.csv")
    load_text(store, answers(SCORES, "R"), "answers.csv")
    return present(store, W47, SETTINGS, EXECUTIVE)


def test_a_frozen_board_reopens_identical_after_late_answers(store, presented):
    before = json.loads(json.dumps(build_board(store, W47, SETTINGS).as_json(), default=str))
    assert presented.board == before
    load_text(store, answers(LATE, "L", day=20), "late.csv")
    reopened = as_presented(store, W47)
    assert reopened.board == before  # every figure, trend, alert, theme and the voice as shown
    again = json.loads(json.dumps(reopened.frozen().as_json(), default=str))
    assert again == before  # the Board object rebuilt from it says the same
    assert reopened.frozen().figures["nps"].value == pytest.approx(nps(SCORES)) == pytest.approx(20.0)
    live = build_board(store, W47, SETTINGS).figures["nps"]
    assert (live.value, live.n) == (pytest.approx(nps(SCORES + LATE)), 14)


def test_the_since_line_gives_the_new_figure_and_whether_it_is_noise(store, presented):
    assert since(store, presented, SETTINGS).describe() == "Nothing has changed in the data since."
    load_text(store, answers(LATE, "L", day=20), "late.csv")
    found = since(store, as_presented(store, W47), SETTINGS)
    now = nps(SCORES + LATE)  # -14.3
    p_pro, p_det = 0.5, 0.3  # the presented answers
    margin = 1.96 * 100 * math.sqrt((p_pro + p_det - (p_pro - p_det) ** 2) / len(SCORES))  # 54.0
    assert abs(now - 20) < margin
    assert (found.late_answers, found.late_calls) == (4, 0)
    assert [c.metric for c in found.changes] == ["nps"]
    assert found.changes[0].now == pytest.approx(now)
    assert found.changes[0].margin == pytest.approx(margin)
    assert found.describe() == ("4 late answers since: NPS would now be -14 (n 14), within noise of the "
                                "presented +20 (n 10).")


def test_a_change_beyond_the_margin_says_so(store, presented):
    load_text(store, answers([0] * 30, "L", day=21), "late.csv")
    change = since(store, as_presented(store, W47), SETTINGS).changes[0]
    assert change.now == pytest.approx(nps(SCORES + [0] * 30))  # -62.5
    assert "beyond the margin of error of the presented +20" in change.describe()


def test_the_inputs_hash_moves_with_the_data_and_the_settings(store, presented):
    assert inputs_hash(store, SETTINGS) == presented.inputs_hash
    assert inputs_hash(store, Settings(min_n=3, early_warning=Thresholds(days=7))) != presented.inputs_hash
    load_text(store, answers([9], "X", day=18), "one.csv")
    assert inputs_hash(store, SETTINGS) != presented.inputs_hash


def test_presenting_again_keeps_both_and_reopens_the_latest(store, presented):
    load_text(store, answers(LATE, "L", day=20), "late.csv")
    second = present(store, W47, SETTINGS, ANALYST)
    assert [p.number for p in presentations(store)] == [2, 1]
    assert (second.last_batch, presented.last_batch) == (3, 2)
    assert as_presented(store, W47).board["metrics"]["nps"]["n"] == 14
    assert as_presented(store, iso_week("2026-W46")) is None


def test_who_may_present(store, presented):
    with pytest.raises(PermissionError, match="may not present the board"):
        present(store, W47, SETTINGS, VIEWER)
    with pytest.raises(PermissionError):
        present(store.scoped(SMB_LEAD.scope), W47, SETTINGS, SMB_LEAD)
    assert presentations(store.scoped(SMB_LEAD.scope)) == []  # a scope's board is its own, never the company's
    log = audit.log(store, user=ADMIN)
    assert log[log["action"] == "present"]["outcome"].tolist() == ["refused", "refused", "done"]  # both refusals


def test_the_command_line_presents_and_reopens_in_the_board_json_shape(db_path, store):
    load_text(store, "account_id,account_name,segment\nA1,Acme,SMB\n", "accounts.csv")
    load_text(store, answers(SCORES, "R"), "answers.csv")
    store.close()
    refused = empathy("board", "--window", "2026-W47", "--as-presented", "--json", db_path=db_path)
    assert refused.returncode == 1 and "has not been presented" in refused.stderr
    kept = empathy("present", "--window", "2026-W47", "--json", db_path=db_path)
    assert kept.returncode == 0, kept.stderr
    assert json.loads(kept.stdout)["presentation"] == 1
    live = json.loads(empathy("board", "--window", "2026-W47", "--json", db_path=db_path).stdout)
    late = db_path.parent / "late.csv"
    late.write_text(answers(LATE, "L", day=20))
    assert empathy("load", late, db_path=db_path).returncode == 0
    frozen = json.loads(empathy("board", "--window", "2026-W47", "--as-presented", "--json", db_path=db_path).stdout)
    now = json.loads(empathy("board", "--window", "2026-W47", "--json", db_path=db_path).stdout)
    assert frozen == live and frozen.keys() == now.keys()
    assert (frozen["metrics"]["nps"]["n"], now["metrics"]["nps"]["n"]) == (10, 14)
    assert Board.from_json(frozen).figures["nps"].value == pytest.approx(20.0)
