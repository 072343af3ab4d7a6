"""What can go wrong with the store that a person must act on, said so: a busy, damaged, full or
read-only store, each its own error with the file (and, for a full disk, its mount point) named;
and the mark a damaged file carries until a full read finds it sound."""

from __future__ import annotations

from pathlib import Path

from empathy.language import N_, _


class StoreError(Exception):
    """A store operation a person asked for that cannot be done; the message says why."""


class StoreBusyError(StoreError):
    pass


class StoreDamagedError(StoreError):
    """DuckDB found a block whose checksum is wrong: the file must be restored, not written."""


class StoreReadOnlyError(StoreError):
    """The store can be read here but not written (a read-only disk, or another user's file)."""


class StoreFullError(StoreError):
    """The disk the store is on is full; the write was rolled back."""


DAMAGE_SIGNS = ("corrupt", "checksum", "invalid block", "could not read enough bytes", "malformed")
READ_ONLY_SIGNS = ("read-only file system", "permission denied")
FULL_SIGNS = ("no space left on device", "disk quota exceeded")
NOTHING = {"changed": N_("nothing was changed"), "loaded": N_("nothing was loaded"), "written": N_("nothing was written")}


def fault_of(error: Exception, description: str, path: Path | None, done: str = "changed") -> StoreError | None:
    """A DuckDB or OS error that says the store's file or disk is at fault, as a message a person can
    act on; None for any other error."""
    text = str(error).lower()
    said = str(error).splitlines()[0][:300]
    if any(sign in text for sign in DAMAGE_SIGNS):
        return StoreDamagedError(_(
            "The data store {store} is damaged ({said}): restore it from a backup (see docs/operations.md). Nothing "
            "is written to it until `python -m empathy check` finds it sound.").format(store=description, said=said))
    if any(sign in text for sign in FULL_SIGNS):
        where = mount_of(path) if path else description
        return StoreFullError(_("There is no space left on {where} (where the data store {store} is): {nothing}. "
                                "Free some space, then try again.").format(where=where, store=description,
                                                                           nothing=_(NOTHING[done])))
    if any(sign in text for sign in READ_ONLY_SIGNS):
        return StoreReadOnlyError(_("The data store {store} cannot be written here ({said}): the disk is read-only "
                                    "or the file belongs to another user; {nothing}, and reading it works as "
                                    "before.").format(store=description, said=said, nothing=_(NOTHING[done])))
    return None


def mount_of(path: Path) -> Path:
    """The mount point of the file system that holds `path`."""
    found = path.resolve()
    while not found.is_mount() and found != found.parent:
        found = found.parent
    return found




class DamageMark:
    """`<file>.damaged`, written by whichever process reads a damaged block: every process refuses to
    write into the file while it is there, until `check` reads the file whole again."""

    def __init__(self, file: Path | None):
        self.path = None if file is None else file.with_name(file.name + ".damaged")
        self._found: str | None = None  # this process remembers, where the mark cannot be written

    def found(self, fault: StoreDamagedError) -> None:
        self._found = str(fault)
        try:
            if self.path is not None:
                self.path.write_text(str(fault) + "\n", encoding="utf-8")
        except OSError:
            pass  # a read-only or full disk

    def what(self) -> str | None:
        """What was found wrong (here or by another process), or None."""
        if self.path is not None and self.path.exists():
            return self.path.read_text(encoding="utf-8").strip()
        return self._found

    def clear(self) -> None:
        self._found = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)
