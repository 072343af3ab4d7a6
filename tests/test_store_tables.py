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
        assert connection.execute("SELECT key FROM meta ORDER BY key").fetchall() == [
            ("meeting_version",), ("version",), ("voices_version",), ("writes",)]
