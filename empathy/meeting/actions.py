"""Actions from the Monday meeting, followed up: each is raised in a window (the board it was
decided on), has an owner and a due date, may be about an account, a theme or that window's voice,
and is open, done or dropped with a note. The next window's board says how last week's went.

The writes are the store's (`Store.record_action`, `Store.update_action`), where the role is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from empathy.figures.metrics import Window
from empathy.language import _, week
from empathy.store import Store
from empathy.store import actions as kept_actions


def listed(store: Store, today: date, *, open_only: bool = False, window: Window | None = None,
           account_id: str | None = None) -> pd.DataFrame:
    """The actions, newest first, with `overdue` (open and due before today), narrowed as asked."""
    found = kept_actions.every(store)
    found = found.assign(due=pd.to_datetime(found["due"]).dt.date)
    found["overdue"] = (found["status"] == "open") & (found["due"] < today)
    if open_only:
        found = found[found["status"] == "open"]
    if window is not None:
        found = found[found["window_label"] == window.label]
    if account_id is not None:
        found = found[(found["link_kind"] == "account") & (found["link"] == account_id)]
    return found.reset_index(drop=True)


@dataclass(frozen=True)
class FollowUp:
    """How the actions raised on the window before went, as the board says it."""

    window_label: str
    done: int
    dropped: int
    open: int  # open and not yet due
    overdue: int
    voice: pd.DataFrame  # the actions about that window's voice: what, owner, status, note

    @property
    def total(self) -> int:
        return self.done + self.dropped + self.open + self.overdue

    def describe(self) -> str:
        if not self.total:
            return _("No actions were recorded on the board of {window}").format(window=week(self.window_label))
        counts = [f"{count} {what}" for count, what in ((self.done, _("done")), (self.open, _("open")),
                                                        (self.overdue, _("overdue")), (self.dropped, _("dropped")))
                  if count]
        return _("Actions from {window}: {counts}").format(window=week(self.window_label), counts=", ".join(counts))


def follow_up(store: Store, window: Window, today: date) -> FollowUp:
    """The actions raised on the board of the window before this one."""
    before = window.previous()
    raised = listed(store, today, window=before)
    def count(status: str, overdue: bool = False) -> int:
        return int(((raised["status"] == status) & (raised["overdue"] == overdue)).sum())
    voice = raised[raised["link_kind"] == "voice"][["what", "owner", "due", "status", "note"]]
    return FollowUp(before.label, count("done"), count("dropped"), count("open"), count("open", True),
                    voice.reset_index(drop=True))
