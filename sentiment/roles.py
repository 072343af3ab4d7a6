"""Who is the customer? Each speaker label becomes customer, agent or other.

Known labels first, then the call's agent name from the sheet, then the two-speaker rule (one known,
the other takes the other role), then whatever the user set. What is still unknown is `other` and
is reported, so nobody's words are silently counted as the customer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

CUSTOMER_WORDS = {"customer", "caller", "client", "user", "guest", "prospect", "member", "buyer",
                  "patient", "consumer", "고객", "고객님"}
AGENT_WORDS = {"agent", "rep", "representative", "support", "advisor", "adviser", "host", "csm",
               "specialist", "operator", "associate", "consultant", "engineer", "helpdesk", "상담원", "상담사"}
ROLES = ("customer", "agent", "other")
OTHER_ROLE = {"customer": "agent", "agent": "customer"}


@dataclass
class RoleMap:
    roles: dict[str, str]
    unmapped: list[str] = field(default_factory=list)

    def __getitem__(self, speaker: str) -> str:
        return self.roles.get(speaker, "other")


def _words(label: str) -> list[str]:
    return [w for w in re.split(r"[\s_()./&-]+", label.lower()) if w]


@lru_cache(maxsize=4096)
def known_role(label: str, agent_name: str | None = None) -> str | None:
    """Cached: a load asks the same few labels (Agent, Customer, the agents' names) for every call."""
    words = _words(label)
    if agent_name and (label.strip().lower() == agent_name.strip().lower()
                       or (words and words[0] == _words(agent_name)[0])):
        return "agent"
    if any(w in AGENT_WORDS for w in words):
        return "agent"
    if any(w in CUSTOMER_WORDS for w in words):
        return "customer"
    return None


def assign_roles(speakers: list[str], agent_name: str | None = None,
                 overrides: dict[str, str] | None = None) -> RoleMap:
    """Roles for the distinct speakers of one call; `overrides` (label -> role) win over every rule
    and count as known for the two-speaker rule."""
    distinct = list(dict.fromkeys(speakers))
    overrides = overrides or {}
    for role in overrides.values():
        if role not in ROLES:
            raise ValueError(f"'{role}' is not a role; use customer, agent or other")
    roles = {s: r for s in distinct if (r := overrides.get(s) or known_role(s, agent_name))}
    unknown = [s for s in distinct if s not in roles]
    if len(distinct) == 2 and len(unknown) == 1 and (known := next(iter(roles.values()))) in OTHER_ROLE:
        roles[unknown[0]] = OTHER_ROLE[known]
    unmapped = [s for s in distinct if s not in roles]
    return RoleMap({s: roles.get(s, "other") for s in distinct}, unmapped)
