"""What people read: the five figures of any window with their margins and tests (metrics.py) for
everyone or a dimension's values (scope.py, explore.py); the early warning (rules.py), renewals and
its backtest; the board (board.py) with its voice of the week (voice.py, redact.py); search and an
account's story; the settings that tune them. Imports access, sheets, store and loading."""
