"""The store's tables: made on a new store, and a column added since given to an older one."""

import duckdb

from empathy.store import tables


def test_a_new_store_gets_every_table_and_an_old_one_only_what_it_lacks(tmp_path):
    with duckdb.connect(str(tmp_path / "s.duckdb")) as connection:
        statements = tables.missing(connection, keyed=True)
        tables.create(connection, statements)
        made = {name for (name,) in connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert set(tables.OTHER_TABLES) <= made and {"accounts", "survey_responses", "calls"} <= made
        assert "PRIMARY KEY (batch_id)" in next(s for s in statements if "TABLE IF NOT EXISTS batches" in s)
        assert tables.missing(connection, keyed=True) == []
        connection.execute("ALTER TABLE utterances DROP COLUMN language")
        assert tables.missing(connection, keyed=True) == [
            "ALTER TABLE utterances ADD COLUMN IF NOT EXISTS language VARCHAR"]
        assert connection.execute("SELECT key, value FROM meta ORDER BY key").fetchall() == [
            ("meeting_version", 0), ("version", 0), ("voices_version", 0), ("writes", 0)]  # a scorer's: by a load


def test_a_store_made_before_turns_had_a_time_gets_them_from_their_calls(tmp_path):
    """The turn time (`TURN_TIME`) is added and set from each turn's current call row, once."""
    with duckdb.connect(str(tmp_path / "s.duckdb")) as connection:
        tables.create(connection, tables.missing(connection, keyed=True))
        connection.execute("ALTER TABLE utterances DROP COLUMN said_at")
        connection.execute("""INSERT INTO calls (call_id, started_at, transcript_hash, batch_id, superseded_by)
                              VALUES ('K1', '2026-09-01 10:00', 'old', 1, 2), ('K1', '2026-09-02 11:00', 'new', 2, NULL)""")
        connection.execute("""INSERT INTO utterances (call_id, transcript_hash, turn, batch_id)
                              VALUES ('K1', 'old', 1, 1), ('K1', 'new', 1, 2), ('K1', 'new', 2, 2)""")
        statements = tables.missing(connection, keyed=True)
        assert statements[0] == "ALTER TABLE utterances ADD COLUMN IF NOT EXISTS said_at TIMESTAMP"
        tables.create(connection, statements)
        found = connection.execute("SELECT transcript_hash, turn, said_at::VARCHAR FROM utterances ORDER BY ALL").fetchall()
        assert found == [("new", 1, "2026-09-02 11:00:00"), ("new", 2, "2026-09-02 11:00:00"),
                         ("old", 1, None)]  # a version no current call row has: no time, read by no query
        assert tables.missing(connection, keyed=True) == []
