"""Who may do what: the roles file, the signed-in person's role and scope, and the one check every
writing function makes.

Roles, each including the one before: viewer (the board and Explore, read-only), product lead
(a viewer who may be limited to some segments or regions, and records actions on their accounts),
executive (the CXO: presents the board, freezing it as presented), analyst (loads, undo, Google
Sheets, taxonomy, thresholds, voice pins, the digest), admin (the roles file, the audit log, the
demo data).

`data/roles.toml` (or the file `EMPATHY_ROLES` names) gives people a role by e-mail address, or a
whole domain; a person's own entry wins over their domain's. The command line acts as the OS user:
`[command_line]` names OS accounts' roles (analyst when not listed). With no sign-in configured the
app and the command line are one person's own tool, and that person may do everything.
"""

from __future__ import annotations

import getpass
import ipaddress
import os
import tomllib
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from empathy import DATA
from empathy.language import N_, _

ROLES_PATH = DATA / "roles.toml"


class Role(IntEnum):
    NOBODY = 0  # not signed in: what the audit log calls a refused stranger; no roles file grants it
    VIEWER = 1
    PRODUCT_LEAD = 2
    EXECUTIVE = 3
    ANALYST = 4
    ADMIN = 5

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").lower()

    @classmethod
    def named(cls, name: str) -> Role:
        """`viewer`, `product lead` (or `product_lead`), `analyst`, `admin`, in any case."""
        return cls[" ".join(str(name).split()).upper().replace(" ", "_")]


# Each action a person can take that changes something or reveals customer data, the least role
# that may take it, and how it reads in a refusal ("... may not <what>").
ACTIONS: dict[str, tuple[Role, str]] = {
    "export": (Role.VIEWER, N_("export customer quotes")),
    "record_action": (Role.PRODUCT_LEAD, N_("record or follow up actions")),
    "present": (Role.EXECUTIVE, N_("present the board (freeze it as presented)")),
    "load": (Role.ANALYST, N_("load sheets")),
    "undo": (Role.ANALYST, N_("undo a batch")),
    "google_sheets": (Role.ANALYST, N_("manage the Google Sheets kept for refresh")),
    "edit_taxonomy": (Role.ANALYST, N_("edit the themes")),
    "edit_thresholds": (Role.ANALYST, N_("change the early-warning thresholds")),
    "pin_voice": (Role.ANALYST, N_("pin the voice of the week")),
    "send_digest": (Role.ANALYST, N_("send the weekly digest")),
    "send_alerts": (Role.ANALYST, N_("send early-warning alerts")),
    "manage_demo": (Role.ADMIN, N_("load or clear the demo data")),
    "edit_roles": (Role.ADMIN, N_("change who has which role")),
    "read_audit": (Role.ADMIN, N_("read the audit log")),
    "maintain_store": (Role.ADMIN, N_("back up or repair the data store")),
}


class RolesError(ValueError):
    """A roles file that cannot be used; the message names the entry."""


@dataclass(frozen=True)
class DataScope:
    """The part of the customers a product lead may see: accounts of these segments and regions
    (empty = any). Everything they reach is computed on these accounts only."""

    segments: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not self.segments and not self.regions

    @property
    def key(self) -> str:
        """The same text for the same scope, whatever order the file lists it in."""
        parts = [f"segments={','.join(sorted(self.segments))}" if self.segments else "",
                 f"regions={','.join(sorted(self.regions))}" if self.regions else ""]
        return ";".join(part for part in parts if part)

    def describe(self) -> str:
        parts = [_("segment {names}").format(names=_(" or ").join(self.segments)) if self.segments else "",
                 _("region {names}").format(names=_(" or ").join(self.regions)) if self.regions else ""]
        return _(" in ").join(part for part in parts if part)


EVERYTHING = DataScope()


@dataclass(frozen=True)
class User:
    identity: str  # an e-mail address, or os:NAME for the command line
    role: Role
    name: str = ""
    scope: DataScope = EVERYTHING

    def may(self, action: str) -> bool:
        return self.role >= ACTIONS[action][0]

    @property
    def shown(self) -> str:
        return f"{self.name} ({self.identity})" if self.name and self.name != self.identity else self.identity


def require(user: User, action: str) -> None:
    """Refuse, with a message naming the person, their role and the action, what their role lacks."""
    least, what = ACTIONS[action]
    if not user.may(action):
        raise PermissionError(_("{person} has the {role} role and may not {what}: that needs the {least} role or "
                                "above.").format(person=user.identity, role=user.role.label, what=_(what),
                                                 least=least.label))


def roles_path() -> Path:
    return Path(os.environ.get("EMPATHY_ROLES") or ROLES_PATH)


@dataclass(frozen=True)
class Roles:
    people: dict[str, tuple[Role, DataScope]]
    domains: dict[str, tuple[Role, DataScope]]
    command_line: dict[str, Role]

    def user_for(self, email: str, name: str = "") -> User | None:
        """The person's role and scope by their own entry, else their domain's; None if neither."""
        email = email.strip().lower()
        found = self.people.get(email) or self.domains.get(email.rpartition("@")[2])
        if found is None or "@" not in email:
            return None
        role, scope = found
        return User(email, role, name, scope)


def parse_roles(text: str, where: str = "roles") -> Roles:
    """The roles file's text as roles; a wrong entry is an error naming it."""
    try:
        found = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RolesError(_("{where}: not a TOML file ({error}).").format(where=where, error=error)) from None
    unknown = sorted(set(found) - {"people", "domains", "command_line"})
    if unknown:
        raise RolesError(_("{where}: unknown section [{section}]; the sections are [people], [domains] and "
                           "[command_line].").format(where=where, section=unknown[0]))
    people = {key.strip().lower(): _grant(value, f"{where}: [people] \"{key}\"")
              for key, value in found.get("people", {}).items()}
    for key in people:
        if "@" not in key:
            raise RolesError(_("{where}: [people] \"{key}\" is not an e-mail address; put a whole domain under "
                               "[domains].").format(where=where, key=key))
    domains = {key.strip().lower().lstrip("@"): _grant(value, f"{where}: [domains] \"{key}\"")
               for key, value in found.get("domains", {}).items()}
    for key in domains:
        if "@" in key or "." not in key:
            raise RolesError(_("{where}: [domains] \"{key}\" is not a domain like example.com.").format(
                where=where, key=key))
    command_line = {}
    for key, value in found.get("command_line", {}).items():
        role, scope = _grant(value, f"{where}: [command_line] \"{key}\"")
        if not scope.everything:
            raise RolesError(_("{where}: [command_line] \"{key}\" cannot be limited to segments or regions.").format(
                where=where, key=key))
        command_line[key.strip()] = role
    return Roles(people, domains, command_line)


def _grant(value, where: str) -> tuple[Role, DataScope]:
    """`"analyst"`, or `{ role = "product lead", segments = ["SMB"], regions = ["EMEA"] }`."""
    entry = {"role": value} if isinstance(value, str) else value
    if not isinstance(entry, dict) or "role" not in entry:
        raise RolesError(_("{where}: give a role, or a table with role = \"...\".").format(where=where))
    unknown = sorted(set(entry) - {"role", "segments", "regions"})
    if unknown:
        raise RolesError(_("{where}: unknown key '{key}' (use role, segments, regions).").format(
            where=where, key=unknown[0]))
    try:
        role = Role.named(entry["role"])
        if role is Role.NOBODY:
            raise KeyError(role)
    except KeyError:
        raise RolesError(_("{where}: '{role}' is not a role; the roles are viewer, product lead, executive, analyst "
                           "and admin.").format(where=where, role=entry["role"])) from None
    lists = {}
    for name in ("segments", "regions"):
        values = entry.get(name, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise RolesError(_("{where}: {name} must be a list of names, like {name} = [\"SMB\"].").format(
                where=where, name=name))
        lists[name] = tuple(v.strip() for v in values)
    scope = DataScope(lists["segments"], lists["regions"])
    if not scope.everything and role is not Role.PRODUCT_LEAD:
        raise RolesError(_("{where}: only a product lead can be limited to segments or regions (this entry is a "
                           "{role}).").format(where=where, role=role.label))
    return role, scope


def read_roles(path: Path | None = None) -> Roles:
    """The roles file; a missing file gives nobody a role."""
    path = Path(path or roles_path())
    if not path.exists():
        return Roles({}, {}, {})
    return parse_roles(path.read_text(encoding="utf-8"), str(path))


def roles_text(path: Path | None = None) -> str:
    path = Path(path or roles_path())
    return path.read_text(encoding="utf-8") if path.exists() else ""


def roles_change(before: Roles, after: Roles) -> str:
    """Who gained, lost or changed a role, in words, for the audit log."""
    def entries(roles: Roles) -> dict[str, str]:
        grants = {**roles.people, **{f"*@{k}": v for k, v in roles.domains.items()}}
        shown = {who: role.label + (f" ({scope.describe()})" if not scope.everything else "")
                 for who, (role, scope) in grants.items()}
        return {**shown, **{f"os:{k}": role.label for k, role in roles.command_line.items()}}
    old, new = entries(before), entries(after)
    changes = [f"+{who} {new[who]}" for who in sorted(new.keys() - old.keys())]
    changes += [f"-{who} {old[who]}" for who in sorted(old.keys() - new.keys())]
    changes += [f"{who} {old[who]} -> {new[who]}" for who in sorted(old.keys() & new.keys()) if old[who] != new[who]]
    return "; ".join(changes) or "no change of role"


def loopback(address: str | None) -> bool:
    """Whether a server address reaches only this machine (no address = every interface)."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def os_user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


# The app keeping its own choices (the demo on a brand-new store).
SYSTEM = User("system", Role.ADMIN, "the app")
# Whoever asks without signing in (a download link fetched by a stranger), as the audit log names them.
STRANGER = User("anonymous", Role.NOBODY, "not signed in")


def open_user() -> User:
    """The one person using an app with no sign-in configured, on their own machine: they may do
    everything, as the OS user that runs the server."""
    name = os_user_name()
    return User(f"os:{name}", Role.ADMIN, name)


def command_line_user(sign_in_configured: bool, roles: Roles | None = None) -> User:
    """The command line acts as the OS user: on one's own machine (no sign-in configured) with every
    right, on a shared server with the role `[command_line]` gives it, analyst when not listed."""
    name = os_user_name()
    if not sign_in_configured:
        return User(f"os:{name}", Role.ADMIN, name)
    roles = roles if roles is not None else read_roles()
    return User(f"os:{name}", roles.command_line.get(name, Role.ANALYST), name)
