"""The weekly digest, sent by the command line to a local SMTP server the test starts (aiosmtpd):
once in plain SMTP with a login, once upgraded with STARTTLS to a certificate made here."""

import datetime
import ipaddress
import json
import shutil
import ssl
import subprocess

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from conftest import Inbox, demo_store_file, empathy, free_port

RECIPIENTS = ["cxo@example.com", "exec-team@example.com"]


def only_board_login(server, session, envelope, mechanism, auth_data):
    """The board's login, or "535 Authentication credentials invalid" at once (handled=False: aiosmtpd
    answers it; handled=True would leave the client waiting for an answer nobody sends)."""
    return AuthResult(success=(auth_data.login, auth_data.password) == (b"board", b"s3cret"), handled=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("digest") / "empathy.duckdb"
    shutil.copy(demo_store_file(), db_path)
    board = json.loads(empathy("board", "--window", "2026-W47", "--json", db_path=db_path).stdout)
    return db_path, board


def secrets(tmp_path, port: int, starttls: bool, user: str = "") -> dict:
    path = tmp_path / "secrets.toml"
    login = f'user = "{user}"\npassword = "s3cret"\n' if user else ""
    path.write_text(f'[digest]\nhost = "127.0.0.1"\nport = {port}\nstarttls = {str(starttls).lower()}\n{login}'
                    f'sender = "Customer board <board@example.com>"\nrecipients = {json.dumps(RECIPIENTS)}\n'
                    f'board_url = "http://127.0.0.1:8501"\n')
    return {"EMPATHY_SECRETS": str(path)}


@pytest.fixture
def inbox():
    handler, port = Inbox(), free_port()
    server = Controller(handler, hostname="127.0.0.1", port=port, authenticator=only_board_login,
                        auth_require_tls=False)
    server.start()
    yield handler, port
    server.stop()


def test_the_digest_arrives_with_the_figures_and_the_pack(demo, inbox, tmp_path):
    db_path, board = demo
    handler, port = inbox
    sent = empathy("digest", "--window", "2026-W47", db_path=db_path, env=secrets(tmp_path, port, False, "board"))
    assert sent.returncode == 0, sent.stderr
    assert len(handler.messages) == 1
    envelope, message, _ = handler.messages[0]
    assert envelope.rcpt_tos == RECIPIENTS
    nps = board["metrics"]["nps"]
    assert message["Subject"] == (f"Customer board 2026-W47: NPS {nps['value']:+.0f} (n {nps['n']}), "
                                  f"{len(board['alerts']['red'])} red accounts [demo data]")
    body = message.get_body(("plain",)).get_content()
    assert f"NPS: {nps['value']:+.0f} ± {nps['margin_of_error']:.1f} (n {nps['n']} answers)" in body
    csat = board["metrics"]["csat"]
    assert f"CSAT: {csat['value']:.0f}% ± {csat['margin_of_error']:.1f} (n {csat['n']} answers)" in body
    assert board["voice"]["text"] in body
    assert all(account["account_name"] in body for account in board["alerts"]["red"])
    assert "http://127.0.0.1:8501/?window=2026-W47&weeks=1" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "board-pack-2026-W47.pdf"
    pdf = tmp_path / "attached.pdf"
    pdf.write_bytes(attachment.get_content())
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert f"{nps['n']} answers" in text and "Customer board · 2026-W47" in text


def test_a_dry_run_sends_nothing(demo, inbox, tmp_path):
    db_path, _ = demo
    handler, port = inbox
    shown = empathy("digest", "--dry-run", db_path=db_path, env=secrets(tmp_path, port, False))
    assert shown.returncode == 0, shown.stderr
    assert "Subject: Customer board 2026-W47" in shown.stdout and "Attached: board-pack-2026-W47.pdf" in shown.stdout
    assert handler.messages == []


def test_a_wrong_login_or_no_mail_server_is_a_clear_error(demo, inbox, tmp_path):
    db_path, _ = demo
    handler, port = inbox
    refused = empathy("digest", db_path=db_path, env=secrets(tmp_path, port, False, "intruder"))
    assert refused.returncode == 1 and "The digest was not sent" in refused.stderr and "Traceback" not in refused.stderr
    entry = json.loads(empathy("audit", "--json", db_path=db_path).stdout)[0]
    assert (entry["action"], entry["object"], entry["outcome"]) == ("send_digest", "2026-W47", "failed")
    assert entry["detail"].startswith("The digest was not sent: the mail server 127.0.0.1") and "535" in entry["detail"]
    missing = empathy("digest", db_path=db_path, env={"EMPATHY_SECRETS": str(tmp_path / "none.toml")})
    assert missing.returncode == 1 and "Add a [digest] section" in missing.stderr
    assert handler.messages == []


def self_signed(tmp_path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                                  critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def test_starttls_with_the_certificate_checked(demo, tmp_path):
    db_path, _ = demo
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler, port = Inbox(), free_port()
    server = Controller(handler, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True)
    server.start()
    try:
        untrusted = empathy("digest", db_path=db_path, env=secrets(tmp_path, port, True))
        assert untrusted.returncode == 1 and "CERTIFICATE_VERIFY_FAILED" in untrusted.stderr
        sent = empathy("digest", db_path=db_path, env={**secrets(tmp_path, port, True), "SSL_CERT_FILE": cert})
        assert sent.returncode == 0, sent.stderr
    finally:
        server.stop()
    [(envelope, message, encrypted)] = handler.messages
    assert encrypted and envelope.rcpt_tos == RECIPIENTS


def test_a_korean_digest_is_korean_and_utf_8_throughout(demo, inbox, tmp_path):
    db_path, board = demo
    handler, port = inbox
    sent = empathy("digest", "--window", "2026-W47", "--lang", "ko", db_path=db_path,
                   env=secrets(tmp_path, port, False, "board"))
    assert sent.returncode == 0, sent.stderr
    _, message, _ = handler.messages[0]
    nps = board["metrics"]["nps"]
    assert message["Subject"] == (f"고객 보드 2026년 47주차: NPS {nps['value']:+.0f} (n {nps['n']}), "
                                  f"빨강 고객사 {len(board['alerts']['red'])}곳 [데모 데이터]")
    body = message.get_body(("plain",))
    assert body.get_content_charset() == "utf-8"
    text = body.get_content()
    assert f"순추천지수(NPS): {nps['value']:+.0f} ± {nps['margin_of_error']:.1f} (n {nps['n']} 응답)" in text
    assert "고객은 어떻게 느끼는가, 2026년 47주차 (11월 16일 ~ 2026년 11월 22일), 비교 기간 2026년 46주차." in text
    assert "이번 주 고객의 목소리:" in text and board["voice"]["text"] in text  # the customer's words as said
    assert "How customers feel" not in text and "answers" not in text
    pdf = tmp_path / "attached.pdf"
    pdf.write_bytes(next(message.iter_attachments()).get_content())
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "고객 보드 · 2026년 47주차" in pages and "위험 고객사" in pages
