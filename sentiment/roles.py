"""Who is the customer? Each speaker label becomes customer, agent or other.

Whatever the user set first, then the call's agent name from the sheet (the whole label, or the
label as the start of the agent's name: "Mei" for "Mei Lin"), then known labels, then the
two-speaker rule (one known, the other takes the other role). A label naming the company's side with
a customer word ("Customer Service", "Guest Services", "Member Services") is the agent. Where the
evidence conflicts (a label that starts with the agent's first name but names someone else, "Robert
Miller" for agent "Robert"; a label with both an agent and a customer word) no rule places it: it is
a doubt, reported with its reason, and only the two-speaker rule or the user may place it. What is
still unknown is `other` and is reported, so nobody's words are silently counted as the customer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

CUSTOMER_WORDS = {"customer", "caller", "client", "user", "guest", "prospect", "member", "buyer",
                  "patient", "consumer", "고객", "고객님"}
AGENT_WORDS = {"agent", "rep", "representative", "support", "advisor", "adviser", "host", "csm",
               "specialist", "operator", "associate", "consultant", "engineer", "helpdesk", "상담원", "상담사"}
# With a customer word, these make a label the company's side: "Customer Service", "Client Care".
SERVICE_WORDS = {"service", "services", "care", "support", "success", "relations", "experience", "desk", "team",
                 "center", "centre", "help", "helpline", "line"}
ROLES = ("customer", "agent", "other")
OTHER_ROLE = {"customer": "agent", "agent": "customer"}


@dataclass
class RoleMap:
    roles: dict[str, str]
    unmapped: list[str] = field(default_factory=list)
    doubts: dict[str, str] = field(default_factory=dict)  # label -> why no rule could place it alone

    def __getitem__(self, speaker: str) -> str:
        return self.roles.get(speaker, "other")


def _words(label: str) -> list[str]:
    return [w for w in re.split(r"[\s_()./&-]+", label.lower()) if w]


@lru_cache(maxsize=4096)
def known_role(label: str, agent_name: str | None = None) -> tuple[str | None, str | None]:
    """The label's role by the rules, or a doubt saying why the evidence conflicts. Cached: a load asks
    the same few labels (Agent, Customer, the agents' names) for every call."""
    words = _words(label)
    if agent_name:
        agent = _words(agent_name)
        if words and words == agent[:len(words)]:
            return "agent", None
        if words and agent and words[0] == agent[0]:
            return None, f"starts with the agent's first name ({agent_name}) but names someone else"
    agent_word = any(w in AGENT_WORDS for w in words)
    customer_word = any(w in CUSTOMER_WORDS for w in words)
    if customer_word and any(w in SERVICE_WORDS for w in words):
        return "agent", None  # the company's side: "Customer Service", "Member Services"
    if agent_word and customer_word:
        return None, "has both an agent word and a customer word"
    if agent_word:
        return "agent", None
    if customer_word:
        return "customer", None
    return None, None


def assign_roles(speakers: list[str], agent_name: str | None = None,
                 overrides: dict[str, str] | None = None) -> RoleMap:
    """Roles for the distinct speakers of one call; `overrides` (label -> role) win over every rule
    and count as known for the two-speaker rule."""
    distinct = list(dict.fromkeys(speakers))
    overrides = overrides or {}
    for role in overrides.values():
        if role not in ROLES:
            raise ValueError(f"'{role}' is not a role; use customer, agent or other")
    roles, doubts = {}, {}
    for speaker in distinct:
        role, doubt = (overrides[speaker], None) if speaker in overrides else known_role(speaker, agent_name)
        if role:
            roles[speaker] = role
        if doubt:
            doubts[speaker] = doubt
    unknown = [s for s in distinct if s not in roles]
    if len(distinct) == 2 and len(unknown) == 1 and (known := next(iter(roles.values()))) in OTHER_ROLE:
        roles[unknown[0]] = OTHER_ROLE[known]
    unmapped = [s for s in distinct if s not in roles]
    return RoleMap({s: roles.get(s, "other") for s in distinct}, unmapped, doubts)
