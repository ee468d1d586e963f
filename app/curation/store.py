"""The curation store: one class over SQLite (one machine) or PostgreSQL (several judges' machines), made of halves
that each own their tables — submissions and listing here, judging in `store_judging.py`."""

from __future__ import annotations

from pathlib import Path

from app.curation import db, schema
from app.curation.store_judging import JudgingMixin
from app.curation.store_listing import ListingMixin
from app.curation.store_submissions import SubmissionsMixin


class CurationDb(SubmissionsMixin, ListingMixin, JudgingMixin):
    """A `CurationStore` (app/curation/interface.py) on an open, migrated database."""

    def __init__(self, database: db.Database) -> None:
        self._db = database
        self._dialect = database.dialect

    @property
    def kind(self) -> str:
        return self._dialect

    @property
    def where(self) -> str:
        return self._db.where

    def close(self) -> None:
        self._db.close()

    def counts(self) -> dict[str, int]:
        """{"ok": n, "bad": n, "disqualified": n, "duplicates": n, <problem kind>: n, ...}"""
        found = {"ok": 0, "bad": 0}
        for state, kind, n in self._db.read(
            "SELECT state, problem_kind, COUNT(*) FROM submissions GROUP BY state, problem_kind"
        ):
            found[state] = found.get(state, 0) + int(n)
            if kind:
                found[kind] = found.get(kind, 0) + int(n)
        rows = self._db.read(
            "SELECT (SELECT COUNT(*) FROM disqualifications), "
            "(SELECT COUNT(*) FROM submissions WHERE duplicate_group IS NOT NULL)"
        )
        found["disqualified"], found["duplicates"] = (int(n) for n in rows[0])
        return found


def open_store(setting: str, default_file: Path, password: str | None = None) -> CurationDb:
    """The store a connection setting names ("" is the SQLite file `default_file`), migrated to the latest schema.
    A server's password, when not given, comes from the keyring (app/curation/connection.py; may block)."""
    if password is None and db.is_server_setting(setting):
        from app.curation.connection import stored_password

        password = stored_password()
    database = db.open_database(setting, default_file, password=password)
    try:
        database.migrate(schema.STEPS)
    except BaseException:
        database.close()
        raise
    return CurationDb(database)
