"""Who may come in, as the store keeps it: sign-outs (one browser's sign-in ended, by its cookie's
fingerprint, or every sign-in a person made before a moment: an admin's "everywhere"), and the roles
file saved by an admin (audited, the people taken out of it signed out everywhere). `ui/auth.py` asks
on every run whether the browser's cookie is still good; reading the roles file is `access/roles.py`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from empathy.access.roles import Roles, User, parse_roles, read_roles, roles_change, roles_path
from empathy.store import audit


def sign_out(store, user: User, session: str) -> None:
    """That browser's sign-in of the person is over: its cookie, even copied elsewhere, is refused."""
    def keep(cursor):
        cursor.execute("INSERT INTO sign_outs VALUES (?, ?, now()::TIMESTAMP, ?)",
                       [user.identity, session, user.identity])
        audit.append(cursor, user, "sign_out", user.identity, "done")
    store.write(keep)


def sign_out_everywhere(store, identities: list[str], *, user: User, why: str) -> None:
    """Every sign-in these people made so far is over (an admin's, or a change of the roles file)."""
    store.authorize(user, "edit_roles", ", ".join(identities))

    def keep(cursor):
        for identity in identities:
            cursor.execute("INSERT INTO sign_outs VALUES (?, NULL, now()::TIMESTAMP, ?)", [identity, user.identity])
        audit.append(cursor, user, "sign_out_everywhere", ", ".join(identities), "done", why)
    if identities:
        store.write(keep)


def signed_out(store, identity: str, session: str, issued_at: datetime) -> bool:
    """Whether a sign-in (its cookie's fingerprint and the moment it was issued, in UTC) has been ended:
    by its own sign-out, or by signing its person out everywhere after it was made. Cookie times are
    whole seconds, so a sign-in in the same second as the sign-out everywhere counts."""
    return not store.query("""SELECT 1 FROM sign_outs WHERE who = ? AND (session = ?
                                  OR (session IS NULL AND ? < date_trunc('second', signed_out_at))) LIMIT 1""",
                           [identity, session, issued_at.replace(tzinfo=None)]).empty


def save_roles(store, user: User, text: str, path: Path | None = None) -> Roles:
    """An admin's new roles file: checked whole (a wrong entry saves nothing), written whole and moved
    into place, recorded in the audit log with who gained or lost what; whoever was taken out is
    signed out everywhere."""
    path = Path(path or roles_path())
    store.authorize(user, "edit_roles", str(path))
    new = parse_roles(text, "The roles file")
    before = read_roles(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    temporary.replace(path)
    store.audit(user, "edit_roles", str(path), "done", roles_change(before, new))
    sign_out_everywhere(store, sorted(before.people.keys() - new.people.keys()), user=user,
                        why="taken out of the roles file")
    return new
