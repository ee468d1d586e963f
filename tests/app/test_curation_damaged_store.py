"""A curation database damaged on disk (a bad copy, a person's edit, a power cut): a value the store never writes is
refused in words (a damaged-file StorageFailure), never a Python exception, and never an amount or a recipient taken
on trust. Another program's SQLite file is refused and left byte for byte."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from app.curation.exports import export_scores_csv
from app.curation.payout_store import NewPayout, PayoutLedger, memo_for
from app.curation.store import open_store
from app.storage_errors import DAMAGED, StorageFailure
from tests.app.curation_campaign import build_campaign

RECIPIENT = "0x" + "12" * 20


def _campaign(tmp_path, db=None):
    db = db or tmp_path / "curation.db"
    store = open_store(str(db), tmp_path / "unused.db")
    campaign = build_campaign(store)
    entry = campaign.keys["Aurora"]
    line = NewPayout(1, entry, 100, "sandbox", 1001, RECIPIENT, RECIPIENT, 10**18, memo_for("spring", 1, 1, entry))
    PayoutLedger(store).record_review("spring", campaign.round_id, [line], by=campaign.judges["Alice"])
    store.close()
    return db, campaign


def _edit(db, sql: str, params: tuple = ()) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE payouts SET recipient = '../../x'",  # a recipient nobody reviewed
        "UPDATE payouts SET recipient = 12",
        "UPDATE payouts SET value_kei = '-5'",  # an amount nobody reviewed
        "UPDATE payouts SET value_kei = '1e999'",
        "UPDATE payouts SET value_kei = 1.5",
        "UPDATE payouts SET signed_tx = 1000000000000000000",  # bytes(n): n zero bytes, a MemoryError
        "UPDATE payouts SET reviewed_at = 'yesterday'",
        "UPDATE payouts SET nonce = 'x'",
        "UPDATE payouts SET memo = memo || ' again'",  # another outbox key: a payout sent under the old one again
        "UPDATE payouts SET memo = 'spring round 1 winner #2 entry 1'",
    ],
)
def test_a_payout_row_holding_what_the_ledger_never_writes_refuses_the_ledger(tmp_path, sql):
    db, campaign = _campaign(tmp_path)
    _edit(db, sql)
    _ledger_refused(str(db), campaign, tmp_path)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE payouts SET recipient = '../../x'",  # a recipient nobody reviewed
        "UPDATE payouts SET value_kei = '-5'",  # an amount nobody reviewed
        "UPDATE payouts SET value_kei = 'NaN'",
        "UPDATE payouts SET memo = memo || ' again'",
    ],
)
def test_on_a_postgresql_server_a_payout_row_the_ledger_never_wrote_refuses_the_ledger(tmp_path, pg_conninfo, sql):
    """The server's column types keep out most damage SQLite lets in, but not a text that is no address or amount:
    the same strict readers refuse it there."""
    import psycopg

    _db, campaign = _campaign(tmp_path, pg_conninfo)
    with psycopg.connect(pg_conninfo, autocommit=True) as conn:
        conn.execute(sql)
    _ledger_refused(pg_conninfo, campaign, tmp_path)


def _ledger_refused(setting: str, campaign, tmp_path) -> None:
    store = open_store(setting, tmp_path / "unused.db")
    try:
        with pytest.raises(StorageFailure) as raised:
            PayoutLedger(store).round_rows(campaign.round_id)
        assert raised.value.kind == DAMAGED
    finally:
        store.close()


@pytest.mark.parametrize(
    "sql, read",
    [
        ("UPDATE rounds SET position = 'x'", lambda store, c: store.rounds()),
        ("UPDATE rounds SET created_at = 1e300", lambda store, c: store.round(c.round_id)),
        ("UPDATE judges SET created_at = x'00'", lambda store, c: store.judges()),
        ("UPDATE verdicts SET updated_at = 'NaN'", lambda store, c: store.verdicts(c.round_id)),
        ("UPDATE verdicts SET updated_at = ''", lambda store, c: store.verdict(c.round_id, c.keys["Aurora"], 1)),
        ("UPDATE winners SET entry = '../../x'", lambda store, c: store.winners(c.round_id)),
        ("UPDATE submissions SET phash = 'x' WHERE phash IS NOT NULL", lambda store, c: store.phashes()),
        ("UPDATE images SET bytes = 1000000000000000000", lambda store, c: [store.image(s) for s in _shas(store)]),
        ("UPDATE thumbnails SET bytes = 'x'", lambda store, c: [store.thumbnail(s) for s in _shas(store)]),
    ],
)
def test_a_row_holding_what_the_store_never_writes_is_refused_in_words(tmp_path, sql, read):
    db, campaign = _campaign(tmp_path)
    if "winners" in sql:
        store = open_store(str(db), tmp_path / "unused.db")
        from app.curation.models import Winner

        store.lock_winners(campaign.round_id, [Winner(1, campaign.keys["Aurora"])], by=campaign.judges["Alice"])
        store.close()
    if "phash" in sql:
        _edit(db, "UPDATE submissions SET phash = 7")
    _edit(db, sql)
    store = open_store(str(db), tmp_path / "unused.db")
    try:
        with pytest.raises(StorageFailure) as raised:
            read(store, campaign)
        assert raised.value.kind == DAMAGED
    finally:
        store.close()


def _shas(store) -> list[str]:
    return [row[0] for row in store._db.read("SELECT sha256 FROM images")]


def test_a_time_no_calendar_has_reads_as_unknown_and_the_round_still_exports(tmp_path):
    db, campaign = _campaign(tmp_path)
    _edit(db, "UPDATE submissions SET minted_at = 9.2e18, created_at = 'NaN'")
    store = open_store(str(db), tmp_path / "unused.db")
    try:
        assert export_scores_csv(store, campaign.round_id, tmp_path / "scores.csv") > 0
        assert store.submission(campaign.keys["Aurora"]).minted_at is None
    finally:
        store.close()


def test_another_programs_sqlite_file_is_refused_and_left_as_it_is(tmp_path):
    db = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(StorageFailure) as raised:
        open_store(str(db), tmp_path / "unused.db")
    assert raised.value.kind == DAMAGED
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]  # no -wal or -shm left beside it
