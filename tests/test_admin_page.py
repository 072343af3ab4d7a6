"""The Admin page: the roles file edited on the page, and the audit log of a whole session."""

from conftest import ADMIN, ANALYST, ROLES_TOML, as_read, load_text
from empathy.access.roles import read_roles
from empathy.store import Store


def test_the_roles_file_is_shown_edited_and_a_wrong_one_refused(open_page, roles_file):
    at = open_page("admin", as_user=ADMIN)
    grants = at.dataframe[0].value
    assert grants.loc[grants["Who"] == "sam@example.com", "Limited to"].item() == "segment SMB"
    at.text_area(key="roles-text").input(ROLES_TOML + '\n[people2]\n"new@example.com" = "analyst"\n')
    next(b for b in at.button if b.label == "Save roles").click().run()  # a form sends its fields on submit
    assert any("Not saved; nothing changed" in e.value and "unknown section [people2]" in as_read(e.value)
               for e in at.error)
    assert roles_file.read_text() == ROLES_TOML
    at.text_area(key="roles-text").input(ROLES_TOML.replace('"dana@example.com" = "analyst"',
                                                            '"dana@example.com" = "admin"'))
    next(b for b in at.button if b.label == "Save roles").click().run()
    assert any("Saved" in s.value for s in at.success)
    assert read_roles().user_for("dana@example.com").role.label == "admin"


def test_the_audit_log_lists_a_whole_sessions_actions(open_page, db_path):
    data = open_page("data", as_user=ANALYST)
    store = Store.open(db_path)
    load_text(store, "account_id,segment\nNEW-1,SMB\n", "new.csv")  # by the test's analyst, as the CLI would
    data.run()
    undo_box = next(box for box in data.selectbox if box.label == "Batch to undo")
    undo_box.select(undo_box.options[0]).run()
    data.button(key="undo").click().run()
    data.button(key="confirm-undo").click().run()
    board = open_page("board", as_user=ANALYST)
    next(b for b in board.button if b.label == "Pin").click().run()
    admin = open_page("admin", as_user=ADMIN)
    log = admin.dataframe[1].value
    mine = log[log["who"] == "dana@example.com"]
    assert mine["action"].tolist()[:3] == ["pin_voice", "undo", "load"]  # newest first
    assert mine["outcome"].tolist()[:3] == ["done", "done", "done"]
    assert "batch 6 as accounts: 1 new" in mine["detail"].tolist()[2]
    assert (log["who"] == "system").sum() == 5  # the demo's five sheets, loaded by the app itself
    admin.multiselect(key="audit-actions").set_value(["undo"]).run()
    assert admin.dataframe[1].value["action"].tolist() == ["undo"]
