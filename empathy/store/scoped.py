"""A product lead's view of the store, limited to some segments or regions: every cursor first makes
temporary views named like the data tables, holding only the rows of accounts in the scope, so every
query of the core (board, explore, search, accounts, rules) runs unchanged on their part alone: one
way to compute a figure, whoever looks.

A limited view changes no data: every write of the whole store is refused, and the refusal audited.
What its reader may do is export and record actions on its own accounts (`store/actions.py` checks
the account). Its voice of the week is the rule's among its own quotes, or the company's kept one
where that is theirs; presented boards and alerts are the company's, so it has none."""

from __future__ import annotations

from contextlib import contextmanager

from empathy.access.roles import DataScope, User
from empathy.store.connections import sql_literal
from empathy.store.core import Store, scalar

# What a limited view's reader may do beyond reading.
MAY = ("export", "record_action")


class ScopedStore(Store):
    limited = True

    def __init__(self, base: Store, scope: DataScope):
        self.location, self.scope, self._base = base.location, scope, base
        self.access, self._write_lock, self.damage_mark = base.access, base._write_lock, base.damage_mark
        with super().cursor() as cursor:
            self._views = _scope_views(scalar(cursor, "SELECT current_database()"), scope)

    @contextmanager
    def cursor(self, *, write: bool = False, done: str = "changed"):
        with super().cursor(write=write, done=done) as cursor:
            cursor.execute(self._views)
            yield cursor

    @property
    def whole(self) -> Store:
        return self._base

    @property
    def cache_key(self) -> str:
        return f"{self.location}|{self.scope.key}"

    def scoped(self, scope: DataScope) -> Store:
        return self._base.scoped(scope)

    def authorize(self, user: User, action: str, target: str = "") -> None:
        """The role's check, then the view's: anything but reading, exporting and actions on its own
        accounts is refused, and audited."""
        super().authorize(user, action, target)
        if action not in MAY:
            self.refuse(user, action, target or self.scope.describe(),
                        f"A view limited to {self.scope.describe()} cannot change data.")

    def audit(self, user: User, action: str, target: str, outcome: str, detail: str = "") -> None:
        """A limited view changes no data, but what its reader does (exports, refusals) is audited."""
        self._base.audit(user, action, target, outcome, detail)

    def write(self, *args, **kwargs):
        raise PermissionError(f"A view limited to {self.scope.describe()} cannot change data.")


def _scope_views(catalog: str, scope: DataScope) -> str:
    """Temporary views over `catalog`'s tables, limited to the accounts (current version) of the
    scope; rows with no account count only where their own segment is named (participation counts
    by segment) and no region limit applies."""
    def listed(column: str, values: tuple[str, ...]) -> str:
        return f"{column} IN ({', '.join(sql_literal(v) for v in values)})"
    base = f'"{catalog.replace(chr(34), chr(34) * 2)}".main'
    limits = [listed("segment", scope.segments)] if scope.segments else []
    limits += [listed("region", scope.regions)] if scope.regions else []
    accounts = (f"SELECT account_id FROM {base}.accounts WHERE superseded_by IS NULL AND " + " AND ".join(limits))
    unowned = f" OR (account_id IS NULL AND {listed('segment', scope.segments)})" \
        if scope.segments and not scope.regions else ""
    kept_limits = " AND ".join(["owned", *limits])
    kept_unowned = f" OR (no_account AND {listed('row_segment', scope.segments)})" if unowned else ""
    views = {
        "accounts": f"SELECT * FROM {base}.accounts WHERE account_id IN ({accounts})",
        "survey_responses": f"SELECT * FROM {base}.survey_responses WHERE account_id IN ({accounts})",
        "calls": f"SELECT * FROM {base}.calls WHERE account_id IN ({accounts})",
        "renewals": f"SELECT * FROM {base}.renewals WHERE account_id IN ({accounts})",
        "participation": f"SELECT * FROM {base}.participation WHERE account_id IN ({accounts}){unowned}",
        "utterances": f"SELECT * FROM {base}.utterances WHERE call_id IN (SELECT call_id FROM calls)",
        "presented": f"SELECT * FROM {base}.presented WHERE false",  # the company's board, not a scope's
        "actions": f"SELECT * FROM {base}.actions WHERE link_kind = 'account' AND link IN ({accounts})",
        "alerts": f"SELECT * FROM {base}.alerts WHERE false",  # the company's alerts, not a scope's
        "kept_signals": f"SELECT * FROM {base}.kept_signals WHERE account_id IN ({accounts})",
        "kept_boards": f"SELECT * FROM {base}.kept_boards WHERE false",  # the company's board, not a scope's
        # the kept days carry their rows' current account's segment and region, as the rows above are limited
        "kept_survey_days": f"SELECT * FROM {base}.kept_survey_days WHERE {kept_limits}",
        "kept_call_days": f"SELECT * FROM {base}.kept_call_days WHERE {kept_limits}",
        "kept_participation_days": f"SELECT * FROM {base}.kept_participation_days WHERE ({kept_limits}){kept_unowned}",
    }
    return "; ".join(f"CREATE OR REPLACE TEMP VIEW {name} AS {sql}" for name, sql in views.items())
