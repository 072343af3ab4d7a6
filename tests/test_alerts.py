"""Alerts sent by the command line to a local Slack-like webhook (pytest-httpserver) and a local SMTP
server (aiosmtpd), both started here: each alert arrives once, a failed channel is tried again, and an
account that was red no more is news again when it turns red."""

import json

import pytest
from aiosmtpd.controller import Controller
from werkzeug import Response

from conftest import VIEWER, Inbox, empathy, free_port
from conftest import load_text as load
from empathy.store import Store, sent_alerts


@pytest.fixture
def inbox():
    handler, port = Inbox(), free_port()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    yield handler, port
    server.stop()


@pytest.fixture
def slack(httpserver):
    """The webhook: keeps each JSON body posted to /hook, answers "ok" as Slack does."""
    posted = []

    def hook(request):
        posted.append(json.loads(request.data))
        return Response("ok")
    httpserver.expect_request("/hook", method="POST").respond_with_handler(hook)
    return httpserver, posted


@pytest.fixture
def configured(tmp_path, inbox, slack):
    path = tmp_path / "secrets.toml"
    path.write_text(f'[alerts]\nslack_webhook = "{slack[0].url_for("/hook")}"\nhost = "127.0.0.1"\n'
                    f'port = {inbox[1]}\nstarttls = false\nsender = "Board <board@example.com>"\n'
                    'recipients = ["cs-leads@example.com"]\nboard_url = "http://127.0.0.1:8501"\n')
    return {"EMPATHY_SECRETS": str(path)}


@pytest.fixture
def data(store):
    """W37 (7-13 Sep): ESC has two escalated calls (red); NPS falls from +80 (18 of 20 answers 10, 2 of 0
    in W36) to -80 (the other way round): a change far beyond noise. Nothing else changes."""
    load(store, "account_id,account_name,segment,arr\nESC,Escalates Ltd,SMB,12000\nOK,Fine Inc,SMB,5000\n",
         "accounts.csv")
    load(store, "call_id,account_id,started_at,escalated\nE1,ESC,2026-09-08,yes\nE2,ESC,2026-09-09,yes\n", "calls.csv")
    answers = [f"B{i},OK,2026-09-0{1 + i % 6},nps,{10 if i < 18 else 0}" for i in range(20)]
    answers += [f"N{i},OK,2026-09-{8 + i % 6:02d},nps,{0 if i < 18 else 10}" for i in range(20)]
    load(store, "response_id,account_id,submitted_at,metric,score\n" + "\n".join(answers), "surveys.csv")
    store.close()


def alerts(db_path, env, *args):
    return empathy("alerts", *args, db_path=db_path, env=env)


def test_each_alert_arrives_once_by_slack_and_by_mail(data, db_path, configured, inbox, slack):
    handler, posted = inbox[0], slack[1]
    dry = alerts(db_path, configured, "--window", "2026-W37", "--dry-run")
    assert dry.returncode == 0 and "Would send by slack: Escalates Ltd turned red" in dry.stdout
    assert posted == [] and handler.messages == []  # a dry run sends nothing
    sent = alerts(db_path, configured, "--window", "2026-W37", "--send", "--json")
    assert sent.returncode == 0, sent.stderr
    assert sorted((s["key"], s["channel"]) for s in json.loads(sent.stdout)["sent"]) == [
        ("figure:nps:2026-W37", "email"), ("figure:nps:2026-W37", "slack"), ("red:ESC", "email"), ("red:ESC", "slack")]
    red = next(p["text"] for p in posted if "turned red" in p["text"])
    assert red.startswith("*Escalates Ltd turned red*\nEscalates Ltd (SMB, $12K ARR) is red as of Sun 13 Sep 2026: "
                          "2 escalated calls in 30 days.")
    assert "http://127.0.0.1:8501/accounts?window=2026-W37&weeks=1&account=ESC" in red
    nps = next(p["text"] for p in posted if "NPS" in p["text"])
    assert "NPS in 2026-W37 is -80 (n = 20 answers) against +80 the week before: ▼ 160.0 pts · a real change" in nps
    mails = {message["Subject"]: message for _, message, _ in handler.messages}
    assert set(mails) == {"Escalates Ltd turned red", "NPS ▼ 160.0 pts · a real change in 2026-W37"}
    assert "2 escalated calls in 30 days" in mails["Escalates Ltd turned red"].get_content()
    assert [envelope.rcpt_tos for envelope, _, _ in handler.messages] == [["cs-leads@example.com"]] * 2

    again = alerts(db_path, configured, "--window", "2026-W37", "--send")
    assert again.returncode == 0 and "Nothing new to alert about in 2026-W37" in again.stdout
    assert (len(posted), len(handler.messages)) == (2, 2)


def test_alerts_in_korean_with_lang_ko(data, db_path, configured, inbox, slack):
    handler, posted = inbox[0], slack[1]
    sent = alerts(db_path, configured, "--window", "2026-W37", "--send", "--lang", "ko")
    assert sent.returncode == 0, sent.stderr
    red = next(p["text"] for p in posted if "빨강으로 바뀜" in p["text"])
    assert red.startswith("*Escalates Ltd: 빨강으로 바뀜*\nEscalates Ltd (SMB, US$1.2만 ARR)은(는) 2026년 9월 13일 (일) 기준 "
                          "빨강입니다: 30일 동안 에스컬레이션된 통화 2건.\n고객사 이야기: ")
    mails = {message["Subject"] for _, message, _ in handler.messages}
    assert mails == {"Escalates Ltd: 빨강으로 바뀜", "2026년 37주차 순추천지수(NPS) ▼ 160.0 점 · 실제 변화"}


def test_red_again_after_a_calm_spell_is_news_again(data, db_path, configured, slack):
    posted = slack[1]
    assert alerts(db_path, configured, "--window", "2026-W37", "--send").returncode == 0
    calm = alerts(db_path, configured, "--window", "2026-W42", "--send")  # 30 days on: not red
    assert "Red no more (their next red alert is news again): red:ESC" in calm.stdout
    store = Store.open(db_path)
    load(store, "call_id,account_id,started_at,escalated\nE3,ESC,2026-10-20,yes\nE4,ESC,2026-10-21,yes\n", "more.csv")
    store.close()
    assert alerts(db_path, configured, "--window", "2026-W43", "--send").returncode == 0
    assert [p["text"].split("\n")[0] for p in posted if "turned red" in p["text"]] == \
        ["*Escalates Ltd turned red*", "*Escalates Ltd turned red*"]
    assert "Nothing new" in alerts(db_path, configured, "--window", "2026-W43", "--send").stdout


def test_a_channel_that_fails_is_tried_again_and_the_other_is_not(data, db_path, tmp_path, inbox):
    handler, port = inbox
    path = tmp_path / "secrets-down.toml"
    path.write_text(f'[alerts]\nslack_webhook = "http://127.0.0.1:{free_port()}/hook"\nhost = "127.0.0.1"\n'
                    f'port = {port}\nstarttls = false\nsender = "b@example.com"\nrecipients = ["c@example.com"]\n')
    failed = alerts(db_path, {"EMPATHY_SECRETS": str(path)}, "--window", "2026-W37", "--send")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "NOT sent by slack: Escalates Ltd turned red — Slack could not be reached" in failed.stdout
    assert len(handler.messages) == 2  # the red account and NPS, by mail
    retried = alerts(db_path, {"EMPATHY_SECRETS": str(path)}, "--window", "2026-W37", "--send", "--json")
    assert [f["channel"] for f in json.loads(retried.stdout)["failed"]] == ["slack", "slack"]
    assert len(handler.messages) == 2  # the mails went out once


def test_without_a_channel_the_command_says_how_to_add_one(data, db_path, tmp_path):
    path = tmp_path / "none.toml"
    path.write_text("[digest]\nhost = 'x'\n")
    result = alerts(db_path, {"EMPATHY_SECRETS": str(path)}, "--send")
    assert result.returncode == 1 and "Add an [alerts] section" in result.stderr and "Traceback" not in result.stderr


def test_only_an_analyst_records_an_alert(store):
    with pytest.raises(PermissionError, match="may not send early-warning alerts"):
        sent_alerts.record(store, {"key": "red:X", "kind": "red", "subject": "s", "message": "m"}, "slack", user=VIEWER)
    assert sent_alerts.listed(store).empty
