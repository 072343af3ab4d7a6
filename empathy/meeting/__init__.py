"""The Monday meeting: the board frozen as presented (presented.py), actions and their follow-up, the
board pack (pack.py), the weekly digest and the alerts, and how figures read in words and charts
(wording.py, charts.py), exports. Imports everything below it, never the pages."""
