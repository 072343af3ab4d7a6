"""Roles: the roles file, who gets which role, the check every write makes, the command line's user,
and every write path refused to a viewer in the core (nothing changes, the refusal is audited)."""

import pandas as pd
import pytest

from conftest import ADMIN, ANALYST, ROLES_TOML, SMB_LEAD, VIEWER, load_text
from empathy.access.roles import (
    DataScope,
    Role,
    RolesError,
    User,
    command_line_user,
    loopback,
    parse_roles,
    require,
)
from empathy import language
from empathy.figures import voice
from empathy.figures.metrics import iso_week
from empathy.figures.rules import Thresholds
from empathy.figures.settings import save_thresholds
from empathy.loading.demo import clear_demo, reload_demo
from empathy.loading.sheet import land, load_google_sheet, load_sheet, prepare
from empathy.loading.themes import read_taxonomy, retag, save_taxonomy
from empathy.meeting.export import export_for
from empathy.sheets.sources import read_sheet
from empathy.store import audit, kept_sheets, people


def test_people_get_their_own_role_before_their_domains_and_in_any_case():
    roles = parse_roles(ROLES_TOML)
    assert roles.user_for("Dana@Example.com", "Dana Lee") == User("dana@example.com", Role.ANALYST, "Dana Lee")
    assert roles.user_for("sam@example.com").scope == DataScope(("SMB",))
    assert roles.user_for("anyone@viewers.example.org").role is Role.VIEWER
    assert roles.user_for("stranger@example.net") is None
    assert roles.user_for("viewers.example.org") is None  # a bare domain is no e-mail address


@pytest.mark.parametrize(("text", "named"), [
    ('[people]\n"a@x.com" = "boss"\n', "'boss' is not a role"),
    ('[people]\n"a@x.com" = { role = "analyst", segments = ["SMB"] }\n', "only a product lead can be limited"),
    ('[people]\n"x.com" = "viewer"\n', "is not an e-mail address"),
    ('[domains]\n"a@x.com" = "viewer"\n', "is not a domain"),
    ('[people]\n"a@x.com" = { role = "product lead", segments = "SMB" }\n', "segments must be a list"),
    ('[teams]\n', "unknown section [teams]"),
    ('[people\n', "not a TOML file"),
])
def test_a_wrong_roles_file_names_the_entry(text, named):
    with pytest.raises(RolesError, match=named.replace("[", r"\[").replace("]", r"\]")):
        parse_roles(text)


def test_each_role_includes_the_one_before_and_a_refusal_names_role_and_action():
    assert [VIEWER.may("export"), VIEWER.may("load"), ANALYST.may("pin_voice"), ANALYST.may("edit_roles"),
            ADMIN.may("edit_roles")] == [True, False, True, False, True]
    with pytest.raises(PermissionError, match="cxo@example.com has the viewer role and may not load sheets: "
                                              "that needs the analyst role"):
        require(VIEWER, "load")
    with language.speaking("ko"), pytest.raises(PermissionError) as refused:
        require(VIEWER, "load")
    assert str(refused.value) == ("cxo@example.com님은 viewer 역할이라 시트를 불러올 수 없습니다. analyst 이상의 역할이 "
                                  "필요합니다.")
    with language.speaking("ko"), pytest.raises(RolesError) as wrong:
        parse_roles('[people]\n"dana@example.com" = "boss"\n')
    assert "'boss'은(는) 역할이 아닙니다. 역할은 viewer, product lead, executive, analyst, admin입니다." in str(wrong.value)


def test_the_command_line_is_the_os_user_with_all_rights_alone_and_an_analyst_on_a_team_server(monkeypatch):
    monkeypatch.setattr("empathy.access.roles.getpass.getuser", lambda: "etl")
    assert command_line_user(False) == User("os:etl", Role.ADMIN, "etl")
    assert command_line_user(True, parse_roles("")).role is Role.ANALYST
    assert command_line_user(True, parse_roles('[command_line]\n"etl" = "admin"\n')).role is Role.ADMIN


def test_loopback_addresses():
    assert [loopback(a) for a in ("127.0.0.1", "localhost", "::1", "[::1]", "127.8.0.1")] == [True] * 5
    assert [loopback(a) for a in (None, "", "0.0.0.0", "192.168.1.20", "example.com")] == [False] * 5


@pytest.fixture
def loaded(store):
    load_text(store, "account_id,segment\nA1,SMB\n", "accounts.csv")
    load_text(store, "response_id,account_id,submitted_at,metric,score,comment\n"
                     "R1,A1,2026-09-08,nps,2,The invoice was wrong and support ignored us for a week\n", "s.csv")
    return store


def write_paths(store):
    """Every function of the core that changes something, with arguments that would work."""
    sheet = read_sheet(b"account_id,segment\nA2,ENT\n", "more.csv")
    window = iso_week("2026-W37")
    candidate = {"source": "comment", "ref_id": "R1", "turn": None, "text_hash": "h"}
    return {
        "load_sheet": lambda user: load_sheet(store, user=user, data=b"account_id\nA3\n", source="a.csv"),
        "land": lambda user: land(store, prepare(sheet), user=user),
        "load_google_sheet": lambda user: load_google_sheet(store, "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd",
                                                            user=user),
        "Store.load": lambda user: store.load("accounts", pd.DataFrame({"account_id": ["A9"], "row_hash": ["h"]})
                                              .reindex(columns=["account_id", "account_name", "segment", "region",
                                                                "industry", "plan", "arr", "owner", "customer_type",
                                                                "contacts", "row_hash"]),
                                              kind="accounts", layout="accounts", source="x", user=user),
        "Store.undo": lambda user: store.undo(1, user=user),
        "Store.remember_sheet": lambda user: kept_sheets.remember(
            store, {"spreadsheet_key": "k", "worksheet": "w", "title": "t", "layout": "surveys", "mapping": {},
             "skip_invalid": False, "last_batch": 1}, user=user),
        "Store.forget_sheet": lambda user: kept_sheets.forget(store, "k", "w", user=user),
        "voice.pin": lambda user: voice.pin(store, user, window, candidate),
        "voice.unpin": lambda user: voice.unpin(store, user, window),
        "save_taxonomy": lambda user: save_taxonomy(store, user, {"billing": ["invoice"]}),
        "retag": lambda user: retag(store, user, read_taxonomy()),
        "save_thresholds": lambda user: save_thresholds(store, user, Thresholds(days=7)),
        "clear_demo": lambda user: clear_demo(store, user),
        "reload_demo": lambda user: reload_demo(store, user),
        "save_roles": lambda user: people.save_roles(store, user, ROLES_TOML),
        "Store.audit_log": lambda user: audit.log(store, user=user),
    }


def test_every_write_path_refuses_a_viewer_in_the_core_and_nothing_changes(loaded, roles_file, own_settings_and_themes):
    store = loaded
    files = {path: path.read_bytes() for path in (roles_file, *own_settings_and_themes.iterdir())}
    version, voices_version = store.version(), store.voices_version()
    paths = write_paths(store)
    for name, write in paths.items():
        for user in (VIEWER, SMB_LEAD):
            with pytest.raises(PermissionError, match=f"{user.identity} has the {user.role.label} role and may not"):
                write(user)
    assert (store.version(), store.voices_version()) == (version, voices_version)
    assert {path: path.read_bytes() for path in files} == files
    assert store.query("SELECT count(*) AS n FROM sheet_sources")["n"][0] == 0
    refused = audit.log(store, user=ADMIN)
    refused = refused[refused["outcome"] == "refused"]
    assert len(refused) == 2 * len(paths) - 2  # reading the audit log is refused without an entry
    assert set(refused["who"]) == {"cxo@example.com", "sam@example.com"}


def test_an_analyst_may_write_but_not_the_admins_part(loaded, roles_file):
    store = loaded
    save_thresholds(store, ANALYST, Thresholds(days=14))
    for admins in (lambda: clear_demo(store, ANALYST), lambda: people.save_roles(store, ANALYST, ROLES_TOML),
                   lambda: audit.log(store, user=ANALYST)):
        with pytest.raises(PermissionError, match="dana@example.com has the analyst role and may not"):
            admins()


def test_exports_are_allowed_to_viewers_and_audited_with_their_row_count(loaded):
    data = export_for(loaded, VIEWER, pd.DataFrame({"text": ["=1+1", "fine"]}), "csv", "voices")
    assert "'=1+1" in data.decode("utf-8-sig")
    entry = audit.log(loaded, user=ADMIN).iloc[0]
    assert (entry["who"], entry["action"], entry["object"], entry["detail"]) == \
        ("cxo@example.com", "export", "voices", "2 rows as CSV")
