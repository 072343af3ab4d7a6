"""Landing sheets as batches: read, prepare, plan and land a sheet through one door for the command
line and the Data page (sheet.py); transcripts parsed and scored at load time (transcripts.py); the
theme taxonomy that tags comments and turns as they land (themes.py); the demo data (demo.py and its
generator). Imports access, sheets, store, the sentiment package, and the board (for its keeper)."""

# A load keeps, in its own transaction, what the boards would otherwise work out from every row
# (`empathy.store.keeps`): the board's keeper is registered when its module is imported, so any
# process that lands sheets has it, not only those that also show a board.
from empathy.figures import board as _board  # noqa: F401
