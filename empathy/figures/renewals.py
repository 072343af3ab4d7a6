"""Renewals: what came of each account's renewal, and when each is up for renewal next.

The renewals sheet records outcomes of renewals that happened. The next renewal is taken to be the
anniversary of the latest one recorded (contracts run for a year), unless the account churned then;
an account with no renewal on record has no known renewal date.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from empathy.store import Store

RENEWAL_DAYS = 90  # "up for renewal soon": within this many days after the board's last day
BAD_OUTCOMES = ("churned", "downgraded")


def history(store: Store, account_id: str) -> pd.DataFrame:
    """The account's renewals, newest first, with the ARR each one changed by."""
    return store.query("""
        SELECT renewal_date::DATE AS renewal_date, outcome, arr_before, arr_after, arr_after - arr_before AS change
        FROM renewals WHERE superseded_by IS NULL AND account_id = ? ORDER BY renewal_date DESC""", [account_id])


def next_renewals(store: Store, as_of: date) -> pd.DataFrame:
    """Each account's next renewal after `as_of`: one on record after that day, or else the
    anniversary of its latest renewal up to that day (none if it churned then; a 29 February's
    anniversary falls on the 28th in other years)."""
    found = store.query("""
        WITH renewed AS (
            SELECT account_id, min(renewal_date) FILTER (WHERE renewal_date > $as_of)::DATE AS recorded,
                   max(renewal_date) FILTER (WHERE renewal_date <= $as_of)::DATE AS last_renewal,
                   arg_max(outcome, renewal_date) FILTER (WHERE renewal_date <= $as_of) AS last_outcome
            FROM renewals WHERE superseded_by IS NULL GROUP BY account_id),
        anniversaries AS (
            SELECT *, (last_renewal + to_years(date_diff('year', last_renewal, $as_of)))::DATE AS this_year
            FROM renewed)
        SELECT account_id, least(recorded, CASE
                   WHEN last_outcome = 'churned' THEN NULL
                   WHEN this_year > $as_of THEN this_year
                   ELSE (last_renewal + to_years(date_diff('year', last_renewal, $as_of) + 1))::DATE END)
               AS next_renewal
        FROM anniversaries WHERE next_renewal IS NOT NULL ORDER BY account_id""", {"as_of": as_of})
    return found.assign(next_renewal=found["next_renewal"].dt.date)


def renewing_soon(flags: pd.DataFrame, store: Store, as_of: date, days: int = RENEWAL_DAYS) -> pd.DataFrame:
    """The red and yellow accounts up for renewal in the `days` days after `as_of`, soonest first."""
    due = next_renewals(store, as_of)
    due = due[due["next_renewal"] <= as_of + timedelta(days=days)]
    flagged = flags[flags["status"] != "green"][["account_id", "account_name", "status", "arr"]]
    soon = flagged.merge(due, on="account_id")
    return soon.sort_values(["next_renewal", "account_id"]).reset_index(drop=True)
