"""Who a figure is about: the dimensions a product lead can split the board by, and the filters that
narrow it (`SMB` x `billing`).

Each dimension says how to read it from each table: survey answers (`s`), calls (`c`) and
participation counts (`p`), each joined to its account (`a`); a table the dimension says nothing
about (calls have no respondent role) gives no figure rather than a wrong one. SQL is built here from
these fixed expressions only; every value a user picks is bound as a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from empathy.language import N_

NOT_SET = "(not set)"  # the value shown for rows where the dimension is empty


@dataclass(frozen=True)
class Dimension:
    name: str
    label: str
    surveys: str | None = None
    calls: str | None = None
    participation: str | None = None
    is_list: bool = False  # the expression is a list (themes): a row belongs to each of its values

    def expression(self, table: str) -> str | None:
        return getattr(self, table)


def _account(column: str, label: str, participation: str | None = None) -> Dimension:
    return Dimension(column, label, f"a.{column}", f"a.{column}", participation or f"a.{column}")


# Labels are marked for the catalog and translated where they are shown.
DIMENSIONS: dict[str, Dimension] = {d.name: d for d in (
    _account("segment", N_("Segment"), "coalesce(a.segment, p.segment)"),
    _account("region", N_("Region")),
    _account("industry", N_("Industry")),
    _account("plan", N_("Plan")),
    Dimension("respondent_role", N_("Respondent role"), surveys="s.respondent_role"),
    Dimension("customer_type", N_("Customer type"), "coalesce(a.customer_type, 'external')",
              "coalesce(a.customer_type, 'external')", "coalesce(a.customer_type, 'external')"),
    Dimension("theme", N_("Theme"), surveys="s.themes", calls="ct.themes", is_list=True),
    Dimension("call_type", N_("Call type"), calls="coalesce(c.call_type, 'support')"),
    Dimension("account_id", N_("Account"), "s.account_id", "c.account_id", "p.account_id"),
)}

TABLE_ALIASES = {"surveys": ("survey_responses", "s"), "calls": ("calls", "c"), "participation": ("participation", "p")}


@dataclass(frozen=True)
class Scope:
    """Split by `group` (or not), within `filters` ((dimension name, value) pairs, all must hold)."""

    group: str | None = None
    filters: tuple[tuple[str, str], ...] = ()

    def dimensions(self) -> list[Dimension]:
        names = ([self.group] if self.group else []) + [name for name, _ in self.filters]
        return [DIMENSIONS[name] for name in names]

    def applies_to(self, table: str) -> bool:
        """Whether every dimension in play can be read from the table."""
        return all(d.expression(table) is not None for d in self.dimensions())

    def source(self, table: str) -> tuple[str, str, list]:
        """The table's rows in scope: a FROM clause with the joins it needs, a value column (the
        group, one row per value for a list) and the extra WHERE conditions with their parameters."""
        name, alias = TABLE_ALIASES[table]
        joins = f"{name} {alias}"
        if any(d.name not in ("respondent_role", "call_type", "theme", "account_id") for d in self.dimensions()):
            joins += f" LEFT JOIN accounts a ON a.account_id = {alias}.account_id AND a.superseded_by IS NULL"
        if table == "calls" and any(d.name == "theme" for d in self.dimensions()):
            joins += (" LEFT JOIN (SELECT call_id, transcript_hash, list_distinct(flatten(list(themes))) AS themes"
                      " FROM utterances WHERE role = 'customer' GROUP BY ALL) ct"
                      " ON ct.call_id = c.call_id AND ct.transcript_hash = c.transcript_hash")
        conditions, params = [], []
        for dimension_name, value in self.filters:
            condition, bound = _condition(DIMENSIONS[dimension_name], table, value)
            conditions.append(condition)
            params += bound
        value = "NULL"
        if self.group:
            expression = DIMENSIONS[self.group].expression(table)
            value = f"unnest({expression})" if DIMENSIONS[self.group].is_list else expression
        where = "".join(f" AND {c}" for c in conditions)
        return joins, value, where, params


def _condition(dimension: Dimension, table: str, value: str) -> tuple[str, list]:
    expression = dimension.expression(table)
    if dimension.is_list:
        return f"list_contains({expression}, ?)", [value]
    if value == NOT_SET:
        return f"{expression} IS NULL", []
    return f"{expression} = ?", [value]
