"""The store's tables: the data tables of the contract (`sheets/schema.py`) with their batch columns,
and the tables of each job beside them; made, and given columns added since, when a store opens."""

from __future__ import annotations

import duckdb

from empathy.sheets.schema import DERIVED_COLUMNS, TABLE_COLUMNS

SQL_TYPES = {"text": "VARCHAR", "text[]": "VARCHAR[]", "int": "BIGINT", "float": "DOUBLE", "timestamp": "TIMESTAMP",
             "date": "DATE", "bool": "BOOLEAN"}
# One row per turn of one version of a call's transcript (call_id, transcript_hash): a version is
# scored once, and its turns stay as long as any stored call row points at it.
UTTERANCE_COLUMNS = {"call_id": "VARCHAR", "transcript_hash": "VARCHAR", "turn": "INTEGER",
                     "speaker": "VARCHAR", "role": "VARCHAR", "text": "VARCHAR", "offset_s": "DOUBLE",
                     "compound": "DOUBLE", "pos": "DOUBLE", "neu": "DOUBLE", "neg": "DOUBLE",
                     "scored": "BOOLEAN", "themes": "VARCHAR[]", "dissatisfaction": "DOUBLE", "language": "VARCHAR",
                     "lemmas": "VARCHAR"}
# Kept by the store beside the scored columns: when the turn was said, the started_at of the current
# call row of its transcript version (set as turns land, and again by every load and undo that
# changes which row is current), so that a week's turns are read from the week's blocks alone
# (utterances are otherwise found only by joining calls, which reads every stored turn).
TURN_TIME = "said_at"
# Tables other than the data tables, with their keys (enforced by an embedded file; a lake has none,
# and no write relies on them).
OTHER_TABLES = {
    "utterances": (", ".join(f"{name} {kind}" for name, kind in UTTERANCE_COLUMNS.items())
                   + f", batch_id BIGINT NOT NULL, {TURN_TIME} TIMESTAMP", None),
    "batches": ("""batch_id BIGINT, kind VARCHAR, layout VARCHAR, source VARCHAR, rows_new BIGINT,
                   rows_updated BIGINT, rows_duplicate BIGINT, rows_rejected BIGINT, loaded_at TIMESTAMP,
                   loaded_by VARCHAR, undone_at TIMESTAMP, demo BOOLEAN""", "batch_id"),
    "voices": ("""window_label VARCHAR, window_start DATE, window_end DATE, source VARCHAR, ref_id VARCHAR,
                  turn INTEGER, text_hash VARCHAR, pinned BOOLEAN, chosen_at TIMESTAMP, chosen_by VARCHAR""",
               "window_label"),
    "audit": ("""entry BIGINT, happened_at TIMESTAMP, who VARCHAR, role VARCHAR, action VARCHAR,
                 object VARCHAR, outcome VARCHAR, detail VARCHAR""", "entry"),
    "sheet_sources": ("""spreadsheet_key VARCHAR, worksheet VARCHAR, title VARCHAR, layout VARCHAR,
                         mapping VARCHAR, skip_invalid BOOLEAN, loaded_at TIMESTAMP, loaded_by VARCHAR,
                         last_batch BIGINT""", "spreadsheet_key, worksheet"),
    "meta": ("key VARCHAR, value BIGINT", "key"),
    # A board as presented: its JSON, frozen, with the data version, the last batch and a hash of
    # the inputs it was computed from.
    "presented": ("""presentation BIGINT, window_label VARCHAR, window_start DATE, window_end DATE,
                     presented_at TIMESTAMP, presented_by VARCHAR, presenter VARCHAR, data_version BIGINT,
                     last_batch BIGINT, inputs_hash VARCHAR, board VARCHAR""", "presentation"),
    # Actions from the meeting: raised in a window, linked to an account, a theme or that window's voice.
    "actions": ("""action_id BIGINT, window_label VARCHAR, what VARCHAR, owner VARCHAR, due DATE,
                   link_kind VARCHAR, link VARCHAR, status VARCHAR, note VARCHAR, created_at TIMESTAMP,
                   created_by VARCHAR, updated_at TIMESTAMP, updated_by VARCHAR""", "action_id"),
    # Alerts sent, one row per alert and channel: what makes each go out once. An account's "turned red"
    # alert is cleared when it is red no more, so turning red again is news again.
    "alerts": ("""alert_key VARCHAR, channel VARCHAR, kind VARCHAR, subject VARCHAR, message VARCHAR,
                  sent_at TIMESTAMP, sent_by VARCHAR, cleared_at TIMESTAMP""", None),
    # The early warning's signals of every account on the days the latest boards ask for, made again by
    # every write that moves the data's version (empathy/figures/rules.py `keep_signals`), for that version.
    "kept_signals": ("""as_of DATE, days BIGINT, baseline_days BIGINT, timezone VARCHAR, version BIGINT,
                        account_id VARCHAR, account_name VARCHAR, segment VARCHAR, arr DOUBLE, owner VARCHAR,
                        contacts VARCHAR, customer_type VARCHAR, last_contact TIMESTAMP, support_calls BIGINT,
                        support_calls_before BIGINT, escalations BIGINT, scored_calls BIGINT, unhappy_calls BIGINT,
                        nps_answers BIGINT, promoters BIGINT, detractors BIGINT, nps_answers_before BIGINT,
                        promoters_before BIGINT, detractors_before BIGINT, invited BIGINT, responded BIGINT,
                        invited_before BIGINT, responded_before BIGINT""", None),
    # Each data table's sums per day (in the board's timezone), metric, and the segment and region of the
    # row's current account (`owned`: it has one), made again by every write that moves the data's
    # version (empathy/figures/metrics.py `keep_days`); `kept_days_for` says for which version,
    # timezone and speeder line.
    "kept_survey_days": ("""day DATE, metric VARCHAR, segment VARCHAR, region VARCHAR, owned BOOLEAN, n BIGINT,
                            promoters BIGINT, detractors BIGINT, top_two BIGINT, easy BIGINT, score_sum BIGINT,
                            score_squares BIGINT, timed BIGINT, speeders BIGINT""", None),
    "kept_call_days": ("""day DATE, segment VARCHAR, region VARCHAR, owned BOOLEAN, n BIGINT, unhappy BIGINT,
                          sentiment_sum DOUBLE, sentiment_n BIGINT, negative BIGINT, dissatisfaction_sum DOUBLE,
                          dissatisfaction_n BIGINT""", None),
    "kept_participation_days": ("""day DATE, segment VARCHAR, region VARCHAR, owned BOOLEAN, no_account BOOLEAN,
                                   row_segment VARCHAR, invited BIGINT, responded BIGINT""", None),
    "kept_days_for": ("version BIGINT, timezone VARCHAR, speeder_seconds DOUBLE, last_batch BIGINT", None),
    # The latest complete week's board as a write worked it out, without its words, for that data
    # version, voices' version and settings (empathy/figures/board.py `keep_board`).
    "kept_boards": ("""version BIGINT, voices_version BIGINT, window_start DATE, window_end DATE, settings VARCHAR,
                      board VARCHAR""", None),
    # Sign-outs: one browser's sign-in (`session`, a fingerprint of its signed cookie), or, with no
    # session, every sign-in of that person made before `signed_out_at` (an admin's doing).
    "sign_outs": ("who VARCHAR, session VARCHAR, signed_out_at TIMESTAMP, signed_out_by VARCHAR", None),
}
# Counters in `meta`: the data's version, the voices', the presented boards' and actions', and the one
# every write bumps.
COUNTERS = ("version", "voices_version", "meeting_version", "writes")
# In `meta` too: which reading of the Korean scorer (`sentiment.korean.SCORER_VERSION`) the store's Korean
# texts were scored by, stamped by the first load into a store that holds none scored before it (`Store.load`);
# a store whose Korean was scored before the reading was kept has none (`empathy.loading.rescore`).
KOREAN_SCORER = "korean_scorer"
SCORED_BEFORE = {KOREAN_SCORER: "SELECT EXISTS (SELECT 1 FROM survey_responses WHERE language = 'ko' AND sentiment "
                                "IS NOT NULL) OR EXISTS (SELECT 1 FROM utterances WHERE language = 'ko' AND scored)"}


def missing(cursor: duckdb.DuckDBPyConnection, keyed: bool) -> list[str]:
    """Statements making the tables and columns this store lacks (none for a store that has them all),
    each one a no-op if another process has just run it (a write that collided runs again). `keyed`:
    primary keys are declared (an embedded file; a lake has none)."""
    found = cursor.execute("SELECT table_name, column_name FROM duckdb_columns() "
                           "WHERE database_name = current_database() AND schema_name = 'main'").fetchall()
    existing = {(table, column) for table, column in found} | {(table, None) for table, _ in found}
    statements = []
    for table, columns in TABLE_COLUMNS.items():
        columns = {**columns, **DERIVED_COLUMNS.get(table, {})}
        if (table, None) not in existing:
            defs = ", ".join(f"{name} {SQL_TYPES[kind]}" for name, kind in columns.items())
            statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({defs}, row_hash VARCHAR, "
                              "batch_id BIGINT NOT NULL, superseded_by BIGINT)")
        statements += [f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {SQL_TYPES[kind]}"
                       for name, kind in columns.items()
                       if (table, None) in existing and (table, name) not in existing]
    statements += [f"CREATE TABLE IF NOT EXISTS {table} ({defs}{f', PRIMARY KEY ({key})' if key and keyed else ''})"
                   for table, (defs, key) in OTHER_TABLES.items() if (table, None) not in existing]
    statements += [f"ALTER TABLE utterances ADD COLUMN IF NOT EXISTS {name} {kind}"
                   for name, kind in {**UTTERANCE_COLUMNS, TURN_TIME: "TIMESTAMP"}.items()
                   if ("utterances", None) in existing and ("utterances", name) not in existing]
    if ("utterances", None) in existing and ("utterances", TURN_TIME) not in existing:
        statements.append(SET_TURN_TIMES)
    return statements


# Every turn's time from the current row of its call (on a store made before turns had one, and
# after an undo: any call's current row may have changed); a load adds "AND c.batch_id = ?".
SET_TURN_TIMES = f"""
    UPDATE utterances u SET {TURN_TIME} = c.started_at FROM calls c
    WHERE c.superseded_by IS NULL AND u.call_id = c.call_id AND u.transcript_hash = c.transcript_hash
      AND u.{TURN_TIME} IS DISTINCT FROM c.started_at"""


def create(cursor: duckdb.DuckDBPyConnection, statements: list[str]) -> None:
    """Run `missing`'s statements and start the counters a new store lacks."""
    for statement in statements:
        cursor.execute(statement)
    for counter in COUNTERS:
        cursor.execute("INSERT INTO meta SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = ?)",
                       [counter, counter])
