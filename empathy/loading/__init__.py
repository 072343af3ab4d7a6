"""Landing sheets as batches: read, prepare, plan and land a sheet through one door for the command
line and the Data page (sheet.py); transcripts parsed and scored at load time (transcripts.py); the
theme taxonomy that tags comments and turns as they land (themes.py); the demo data (demo.py and its
generator). Imports access, sheets, store and the sentiment package."""
