"""Reading sheets in: the data contract (schema.py), a CSV or XLSX file as text cells (sources.py), a
Google Sheet (gsheets.py), cells checked and typed into canonical rows with every bad row named
(validate.py), a template per kind of sheet (templates.py). Nothing here touches the store."""
