"""The minting outbox's file: every mint and KAIA transfer the person confirmed, and every transaction ever signed
for one (SQLite, WAL, synchronous=FULL, in the data folder; one process owns it).

Only the records live here; app/chain/mint_outbox.py decides when to sign, send and settle them (exactly once).
A signature keeps its signed bytes: money may still move with them, so none is ever lost with its mint (the
foreign key refuses to delete a mint that has signatures, and `_v2_foreign_keys` keeps any it finds orphaned).
"""

from __future__ import annotations

import hashlib
import logging
import math
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from eth_utils import to_checksum_address

from app.chain import messages as msgs
from app.messages import Message, to_json
from app.sqlite_db import add_missing_columns, immediate, migrate, open_durable, run_script
from app.storage_errors import DAMAGED, MINT_OUTBOX_STORE, StorageFailure, describe, storage_error
from app.stored_reasons import from_stored

log = logging.getLogger(__name__)

STORE = MINT_OUTBOX_STORE()
STATES = ("waiting", "signed", "sent", "minted", "confirmed", "failed", "dropped")
DONE = ("minted", "confirmed")
IN_FLIGHT = ("signed", "sent")
SIGNABLE = ("waiting", "failed", "dropped")


@dataclass(frozen=True)
class Payout:
    """A KAIA transfer as the person confirmed it; the values (and `occurrence`) are its identity (mint_outbox.py)."""

    network: str
    chain_id: int
    recipient: str  # checksummed
    value: int  # kei
    memo: str = ""
    occurrence: int = 1  # 2 for the second payout of these very values that the person confirmed, and so on

    @property
    def request_id(self) -> bytes:
        fields = (self.chain_id, self.recipient, self.value, self.memo, self.occurrence)
        return hashlib.sha256("\x1f".join(str(f) for f in fields).encode("utf-8")).digest()

    @property
    def key(self) -> str:
        return f"send:{int(self.chain_id)}:{self.request_id.hex()}"


@dataclass(frozen=True)
class MintRecord:
    id: int
    key: str
    state: str
    network: str
    chain_id: int
    contract: str
    sender: str
    recipient: str
    token_uri: str
    content_hash: bytes
    design_id: str
    nonce: int | None
    tx_hash: str
    token_id: int | None
    block_number: int | None
    error: str  # `reason` in English ("" when none), for logs; shown with str(reason), never decided on
    created_at: float
    updated_at: float
    signatures: int  # how many transactions were ever signed for this mint
    kind: str = "mint"  # or "send": a KAIA transfer to `recipient`
    value: int = 0  # kei sent with the transaction (transfers)
    memo: str = ""  # the person's note on a transfer ("Prize #1"); kept here only, never on chain
    # Why the record is where it is, stored as a message id with parameters (app.messages.to_json) so it is shown in
    # the person's language; rows from before reasons had ids hold English, shown as is.
    reason: Message = field(default_factory=lambda: from_stored(""))

    @property
    def done(self) -> bool:
        return self.state in DONE


_SCHEMA = """
CREATE TABLE IF NOT EXISTS mints (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    network TEXT NOT NULL,
    chain_id INTEGER NOT NULL,
    contract TEXT NOT NULL,
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    token_uri TEXT NOT NULL,
    content_hash BLOB NOT NULL,
    design_id TEXT NOT NULL DEFAULT '',
    nonce INTEGER,
    raw_tx BLOB,
    tx_hash TEXT NOT NULL DEFAULT '',
    token_id INTEGER,
    block_number INTEGER,
    error TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS signatures (
    mint_id INTEGER NOT NULL REFERENCES mints(id),
    tx_hash TEXT NOT NULL,
    nonce INTEGER NOT NULL,
    raw_tx BLOB NOT NULL,
    signed_at REAL NOT NULL,
    PRIMARY KEY (mint_id, tx_hash)
);
"""
# Columns added after the first release: (name, definition). kei amounts are text: they pass SQLite's 64 bits.
_ADDED_COLUMNS = (
    ("kind", "TEXT NOT NULL DEFAULT 'mint'"),
    ("value", "TEXT NOT NULL DEFAULT '0'"),
    ("memo", "TEXT NOT NULL DEFAULT ''"),
)
_COLUMNS = (
    "id, key, state, network, chain_id, contract, sender, recipient, token_uri, content_hash, design_id, nonce, "
    "tx_hash, token_id, block_number, error, created_at, updated_at, "
    "(SELECT COUNT(*) FROM signatures s WHERE s.mint_id = m.id), kind, value, memo"
)


# Signatures found without their mint when foreign keys were switched on: kept, never deleted (see above).
_ORPHANS = """
CREATE TABLE IF NOT EXISTS orphan_signatures (
    mint_id INTEGER NOT NULL,
    tx_hash TEXT NOT NULL,
    nonce INTEGER NOT NULL,
    raw_tx BLOB NOT NULL,
    signed_at REAL NOT NULL,
    found_at REAL NOT NULL,
    PRIMARY KEY (mint_id, tx_hash)
)
"""


def _v1(conn: sqlite3.Connection) -> None:
    """The tables. Outboxes from before the schema had a version are version 0 with the tables already there: they
    get only the columns they lack."""
    run_script(conn, _SCHEMA)
    add_missing_columns(conn, "mints", _ADDED_COLUMNS)


def _v2_foreign_keys(conn: sqlite3.Connection) -> None:
    """Foreign keys are enforced from now on. A signature whose mint is gone (written while they were off) holds
    signed bytes that may still land, so it is not deleted: it moves to `orphan_signatures`, where it cannot be
    counted as a signature of a later mint that happens to get the same id, and the log says which."""
    conn.execute(_ORPHANS)
    orphaned = "mint_id NOT IN (SELECT id FROM mints)"
    lost = conn.execute(f"SELECT mint_id, tx_hash FROM signatures WHERE {orphaned}").fetchall()
    if not lost:
        return
    conn.execute(
        "INSERT OR IGNORE INTO orphan_signatures (mint_id, tx_hash, nonce, raw_tx, signed_at, found_at) "
        f"SELECT mint_id, tx_hash, nonce, raw_tx, signed_at, ? FROM signatures WHERE {orphaned}",
        (time.time(),),
    )
    conn.execute(f"DELETE FROM signatures WHERE {orphaned}")  # copied above, in this same transaction
    log.warning(
        "%d signed transaction(s) had lost their mint record; kept in orphan_signatures: %s",
        len(lost),
        ", ".join(f"{tx_hash} (mint {mint_id})" for mint_id, tx_hash in lost),
    )


# Step N makes schema version N (app.sqlite_db.migrate).
_MIGRATIONS = [_v1, _v2_foreign_keys]
SCHEMA_VERSION = len(_MIGRATIONS)


# What each column of a row (in `_COLUMNS` order) must hold; SQLite keeps whatever a damaged file or an edit left.
_TEXT, _INT, _INT_OR_NONE = (str,), (int,), (int, type(None))
_ROW_TYPES = (_INT, _TEXT, _TEXT, _TEXT, _INT, _TEXT, _TEXT, _TEXT, _TEXT, (bytes,), _TEXT, _INT_OR_NONE, _TEXT)
_ROW_TYPES += (_INT_OR_NONE, _INT_OR_NONE, _TEXT, (int, float), (int, float), _INT, _TEXT, (str, int), _TEXT)


def _check_row(row) -> None:
    """ValueError unless the row holds what this app writes: a record the outbox cannot trust (its state, its
    amount) must stop the outbox rather than be guessed at, since signed bytes may still move money."""
    for index, (value, kinds) in enumerate(zip(row, _ROW_TYPES, strict=True)):
        if not isinstance(value, kinds) or isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"mint row {row[0]!r}: column {index} holds {type(value).__name__}")
    if row[2] not in STATES or row[19] not in ("mint", "send"):
        raise ValueError(f"mint row {row[0]!r}: unknown state {row[2][:40]!r} or kind {row[19][:40]!r}")
    if isinstance(row[20], str) and not (row[20].isascii() and row[20].isdigit() and len(row[20]) <= 80):
        raise ValueError(f"mint row {row[0]!r}: the amount is not a number")


def _record(row) -> MintRecord:
    _check_row(row)
    reason = from_stored(row[15])
    rest = (*row[10:15], reason.english(), *row[16:19])
    return MintRecord(*row[:9], bytes(row[9]), *rest, kind=row[19], value=int(row[20]), memo=row[21], reason=reason)


def mint_key(chain_id: int, contract: str, content_hash: bytes) -> str:
    return f"{int(chain_id)}:{to_checksum_address(contract)}:{bytes(content_hash).hex()}"


class MintStore:
    """The records, read and written under one lock; one connection shared by the threads that ask."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._lock = threading.RLock()
        conn = None
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            conn = open_durable(self.db_path, newest=len(_MIGRATIONS), store=STORE)
            migrate(conn, _MIGRATIONS, store=STORE, file=self.db_path)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if not isinstance(exc, (OSError, sqlite3.Error)):
                raise  # a StorageFailure (made by a newer app) is in words already
            raise storage_error(
                exc, msgs.MINTING_UNAVAILABLE(), folder=self.db_path.parent, file=self.db_path, store=STORE
            ) from None
        self._conn = conn

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        """The connection under the lock; a damaged file or a failing disk says so in words (storage_errors)."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise storage_error(
                    exc, msgs.MINTING_UNAVAILABLE(), folder=self.db_path.parent, file=self.db_path, store=STORE
                ) from exc

    def _records(self, sql: str, params: tuple = ()) -> list[MintRecord]:
        with self._using() as conn:
            rows = conn.execute(sql, params).fetchall()
        try:
            return [_record(row) for row in rows]
        except ValueError as exc:
            raise self._damaged(str(exc)) from exc

    def _damaged(self, details: str) -> StorageFailure:
        where = {"folder": self.db_path.parent, "file": self.db_path, "store": STORE}
        return StorageFailure(describe(DAMAGED, msgs.MINTING_UNAVAILABLE(), **where), details, DAMAGED)

    # --- reading ---

    def mints(self) -> list[MintRecord]:
        return self._records(f"SELECT {_COLUMNS} FROM mints m ORDER BY id")

    def get(self, mint_id: int) -> MintRecord:
        found = self._records(f"SELECT {_COLUMNS} FROM mints m WHERE id = ?", (mint_id,))
        if not found:
            raise StopIteration(mint_id)  # as before: an unknown id is a programming error
        return found[0]

    def find(self, chain_id: int, contract: str, content_hash: bytes) -> MintRecord | None:
        key = mint_key(chain_id, contract, content_hash)
        return next((m for m in self.mints() if m.key == key), None)

    def same_payouts(self, chain_id: int, recipient: str, value: int, memo: str = "") -> list[MintRecord]:
        """Every transfer recorded with these values on this chain, oldest first (mint_outbox.py has the rule)."""
        return self._records(
            f"SELECT {_COLUMNS} FROM mints m WHERE kind = 'send' AND chain_id = ? AND recipient = ? AND value = ? "
            "AND memo = ? ORDER BY id",
            (int(chain_id), to_checksum_address(recipient), str(int(value)), memo),
        )

    def orphan_signatures(self) -> list[tuple[int, str, int]]:
        """(mint id, transaction hash, nonce) of every signed transaction found without its mint when foreign keys
        were switched on: for support, since those bytes may still have moved money."""
        with self._using() as conn:
            return conn.execute(
                "SELECT mint_id, tx_hash, nonce FROM orphan_signatures ORDER BY mint_id, signed_at"
            ).fetchall()

    def signed_transaction(self, mint_id: int) -> bytes | None:
        """The signed bytes of the mint's latest signature (None before signing): what may still land."""
        return self._raw(mint_id)

    def _raw(self, mint_id: int) -> bytes | None:
        with self._using() as conn:
            row = conn.execute("SELECT raw_tx FROM mints WHERE id = ?", (mint_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        if not isinstance(row[0], bytes):  # bytes(n) of a damaged number would be n zeros, sent as a transaction
            raise self._damaged(f"mint {mint_id}: its signed transaction is {type(row[0]).__name__}, not bytes")
        return row[0]

    # --- writing ---

    def _update(self, mint_id: int, **values) -> MintRecord:
        if values.get("error"):  # a Message (or words from a node): stored with its id, "" clears it
            values["error"] = to_json(values["error"])
        values["updated_at"] = time.time()
        columns = ", ".join(f"{name} = ?" for name in values)  # names come from this module only
        with self._using() as conn:
            with immediate(conn):
                conn.execute(f"UPDATE mints SET {columns} WHERE id = ?", (*values.values(), mint_id))
        return self.get(mint_id)

    def _insert_mint(
        self,
        network: str,
        chain_id: int,
        contract: str,
        sender: str,
        recipient: str,
        token_uri: str,
        content_hash: bytes,
        design_id: str,
    ) -> None:
        now = time.time()
        with self._using() as conn:
            with immediate(conn):
                conn.execute(
                    "INSERT INTO mints (key, state, network, chain_id, contract, sender, recipient, token_uri, "
                    "content_hash, design_id, created_at, updated_at) "
                    "VALUES (?, 'waiting', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        mint_key(chain_id, contract, content_hash),
                        network,
                        int(chain_id),
                        to_checksum_address(contract),
                        to_checksum_address(sender),
                        to_checksum_address(recipient),
                        token_uri,
                        bytes(content_hash),
                        design_id,
                        now,
                        now,
                    ),
                )

    def _insert_send(self, payout: Payout, sender: str) -> None:
        now = time.time()
        with self._using() as conn:
            with immediate(conn):
                conn.execute(
                    "INSERT INTO mints (key, state, network, chain_id, contract, sender, recipient, token_uri, "
                    "content_hash, memo, created_at, updated_at, kind, value) "
                    "VALUES (?, 'waiting', ?, ?, '', ?, ?, '', ?, ?, ?, ?, 'send', ?)",
                    (
                        payout.key,
                        payout.network,
                        int(payout.chain_id),
                        to_checksum_address(sender),
                        to_checksum_address(payout.recipient),
                        payout.request_id,
                        payout.memo,
                        now,
                        now,
                        str(int(payout.value)),
                    ),
                )

    def _record_signature(self, mint_id: int, raw: bytes, tx_hash: str, nonce: int) -> MintRecord:
        """The signed bytes, durable before any node sees them: the mint becomes "signed" with them."""
        now = time.time()
        with self._using() as conn:
            with immediate(conn):
                # Signed again to the very same bytes (nothing changed since the node refused them): one transaction.
                conn.execute(
                    "INSERT OR IGNORE INTO signatures (mint_id, tx_hash, nonce, raw_tx, signed_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (mint_id, tx_hash, nonce, raw, now),
                )
                conn.execute(
                    "UPDATE mints SET state = 'signed', raw_tx = ?, tx_hash = ?, nonce = ?, error = '', "
                    "token_id = NULL, block_number = NULL, updated_at = ? WHERE id = ?",
                    (raw, tx_hash, nonce, now, mint_id),
                )
        return self.get(mint_id)
