"""Minting (and sending KAIA) exactly once: sign, write the signed bytes durably, then broadcast; after a crash, a
timeout or a lost connection, send the very same bytes again and look for their receipt.

A KAIA transfer (a prize payout) goes through the same path, keyed by what the person confirmed: the chain, the
recipient, the amount and the note (`Payout`). It is recorded only when confirmed, from the reviewed values, so a
review that was refused (not enough KAIA, say) and then corrected leaves nothing behind that could be paid later.
The rule that makes two confirmations "the same payout":
  - while a payout with these values has not landed (waiting, failed, dropped, or on its way), confirming the same
    values again (a double click, a retry after a crash or a lost connection, "Send again") is that payout: it is
    paid once, and a new signature is made only when the earlier one can no longer land;
  - once one has landed, the same values again are a new payout only when the person says so: the review shows
    the earlier payment and the confirmation is counted (`occurrence`), so that one confirmation still pays once.
    A note ("Prize #1", "Prize #2") tells two payouts of the same amount to the same winner apart without asking.
The sender is not part of it: a payout confirmed again from another wallet of this app is still the same payout.
A transfer that lands ends "confirmed".

A mint is keyed by chain, contract and content hash, so one design can be in the outbox once per contract. A new
signature is made only when the chain shows the earlier one can no longer land: its receipt failed, the node
refused it outright, or the wallet's nonce moved past it while its hash stayed unknown. The contract's duplicate
content check is the last guard: even two signed mints could not both succeed.

States: "waiting" (not signed: confirm again online), "signed" (bytes saved, broadcast not acknowledged),
"sent" (the node has it), "minted" (receipt, token id), "failed" (reverted or refused: reason shown, can be
confirmed again), "dropped" (can no longer land: confirm again).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from eth_utils import to_checksum_address

from app.chain import errors
from app.chain.client import ChainClient
from app.chain.contract import mint_call_data
from app.errors import UserFacingError
from app.sqlite_db import immediate, open_durable
from app.storage_errors import storage_error

log = logging.getLogger(__name__)

STATES = ("waiting", "signed", "sent", "minted", "confirmed", "failed", "dropped")
DONE = ("minted", "confirmed")
IN_FLIGHT = ("signed", "sent")
SIGNABLE = ("waiting", "failed", "dropped")
RECEIPT_POLL_S = 0.2  # the longest pause between two looks for a receipt
RECEIPT_FIRST_POLL_S = 0.005  # then doubling: a node that mines at once is answered within milliseconds
RECEIPT_TIMEOUT_S = 60.0
PREPARED_FRESH_S = 60.0  # a transaction `prepare` built this recently has just been checked by its gas estimate

CAN_NO_LONGER_LAND = (
    "The earlier mint transaction can no longer be included: another transaction from this wallet took its place. "
    "Nothing was minted. Confirm again to mint."
)

TRANSFER_CAN_NO_LONGER_LAND = (
    "The earlier transfer can no longer be included: another transaction from this wallet took its place. Nothing "
    "was sent. Confirm again to send."
)

TRANSFER_REFUSED = (
    "The receiving address refused the transfer: it is a contract that does not accept KAIA. Only the fee was spent. "
    "Check the address and send again."
)


REVIEW_CHANGED = (
    "What was reviewed is no longer what would be signed (it was changed in the meantime), so nothing was signed. "
    "Review it again, then confirm."
)


class StaleReviewError(UserFacingError):
    """The transaction confirmed does not match the outbox's record any more; nothing was signed."""


@dataclass(frozen=True)
class Payout:
    """A KAIA transfer as the person confirmed it; the values (and `occurrence`) are its identity (see above)."""

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


class Signer(Protocol):
    address: str

    def sign_transaction(self, tx: dict): ...


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
    error: str
    created_at: float
    updated_at: float
    signatures: int  # how many transactions were ever signed for this mint
    kind: str = "mint"  # or "send": a KAIA transfer to `recipient`
    value: int = 0  # kei sent with the transaction (transfers)
    memo: str = ""  # the person's note on a transfer ("Prize #1"); kept here only, never on chain

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


def _record(row) -> MintRecord:
    return MintRecord(*row[:9], bytes(row[9]), *row[10:19], kind=row[19], value=int(row[20]), memo=row[21])


def mint_key(chain_id: int, contract: str, content_hash: bytes) -> str:
    return f"{int(chain_id)}:{to_checksum_address(contract)}:{bytes(content_hash).hex()}"


class MintOutbox:
    """SQLite (WAL, synchronous=FULL) in the data folder; one process owns it. Methods that talk to a node are
    slow: call them from the chain worker thread. `hooks` lets the crash tests stop the process at each step."""

    def __init__(self, db_path: Path, hooks: dict[str, Callable[[MintRecord], None]] | None = None) -> None:
        self.db_path = Path(db_path)
        self.hooks = hooks or {}
        self._lock = threading.RLock()
        self._prepared_at: dict[int, float] = {}  # mint id → when `prepare` last estimated it (monotonic)
        conn = None
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            conn = open_durable(self.db_path)
            conn.executescript(_SCHEMA)
            present = {row[1] for row in conn.execute("PRAGMA table_info(mints)")}
            for name, definition in _ADDED_COLUMNS:
                if name not in present:
                    conn.execute(f"ALTER TABLE mints ADD COLUMN {name} {definition}")
        except (OSError, sqlite3.Error) as exc:
            if conn is not None:
                conn.close()
            raise storage_error(
                exc,
                "Minting is not available",
                folder=self.db_path.parent,
                file=self.db_path,
                store="the minting outbox",
            ) from None
        self._conn = conn

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- reading ---

    def mints(self) -> list[MintRecord]:
        with self._lock:
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM mints m ORDER BY id").fetchall()
        return [_record(row) for row in rows]

    def get(self, mint_id: int) -> MintRecord:
        with self._lock:
            row = self._conn.execute(f"SELECT {_COLUMNS} FROM mints m WHERE id = ?", (mint_id,)).fetchone()
        if row is None:
            raise StopIteration(mint_id)  # as before: an unknown id is a programming error
        return _record(row)

    def find(self, chain_id: int, contract: str, content_hash: bytes) -> MintRecord | None:
        key = mint_key(chain_id, contract, content_hash)
        return next((m for m in self.mints() if m.key == key), None)

    def _raw(self, mint_id: int) -> bytes | None:
        with self._lock:
            row = self._conn.execute("SELECT raw_tx FROM mints WHERE id = ?", (mint_id,)).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    # --- writing ---

    def _update(self, mint_id: int, **values) -> MintRecord:
        values["updated_at"] = time.time()
        columns = ", ".join(f"{name} = ?" for name in values)  # names come from this module only
        with self._lock:
            with immediate(self._conn):
                self._conn.execute(f"UPDATE mints SET {columns} WHERE id = ?", (*values.values(), mint_id))
        return self.get(mint_id)

    def queue(
        self,
        network: str,
        chain_id: int,
        contract: str,
        sender: str,
        recipient: str,
        token_uri: str,
        content_hash: bytes,
        design_id: str = "",
    ) -> MintRecord:
        """Record the intent (state "waiting") or return the mint already there for this content."""
        existing = self.find(chain_id, contract, content_hash)
        if existing is not None:
            if existing.state in SIGNABLE and (existing.recipient, existing.token_uri) != (recipient, token_uri):
                return self._update(existing.id, recipient=to_checksum_address(recipient), token_uri=token_uri)
            return existing
        now = time.time()
        with self._lock:
            with immediate(self._conn):
                self._conn.execute(
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
        record = self.find(chain_id, contract, content_hash)
        assert record is not None
        return record

    def same_payouts(self, chain_id: int, recipient: str, value: int, memo: str = "") -> list[MintRecord]:
        """Every transfer recorded with these values on this chain, oldest first (see the rule above)."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM mints m WHERE kind = 'send' AND chain_id = ? AND recipient = ? AND value = ? "
                "AND memo = ? ORDER BY id",
                (int(chain_id), to_checksum_address(recipient), str(int(value)), memo),
            ).fetchall()
        return [_record(row) for row in rows]

    def queue_send(self, payout: Payout, sender: str) -> MintRecord:
        """Record a KAIA transfer the person confirmed, or return the one already recorded for this payout, so
        confirming the same payout again never pays twice."""
        existing = next((m for m in self.mints() if m.key == payout.key), None)
        if existing is not None:
            return existing
        if int(payout.value) <= 0:
            raise ValueError("a transfer sends a positive amount")
        now = time.time()
        with self._lock:
            with immediate(self._conn):
                self._conn.execute(
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
        return next(m for m in self.mints() if m.key == payout.key)

    # --- the one path that signs ---

    def sign_and_send(
        self, mint_id: int, signer: Signer, client: ChainClient, tx: dict | None = None, wait: bool = True
    ) -> MintRecord:
        """Sign the mint (only if nothing signed earlier can still land), save the bytes, broadcast, and (with
        `wait`) wait for the receipt. `tx` is the transaction the person saw and confirmed (`prepare`); without it
        one is built now. ChainError before signing leaves the mint as it was, with the reason."""
        with self._lock:
            record = self.get(mint_id)
            if record.state in IN_FLIGHT:
                return self.reconcile_one(record, client, wait=wait)
            if record.done:
                return record
            if to_checksum_address(signer.address) != record.sender:  # confirmed again with another wallet
                record = self._update(mint_id, sender=to_checksum_address(signer.address))
        try:
            # A transaction `prepare` just built was estimated against the chain: its estimate would have reverted
            # had this content been minted. Otherwise look, so a design minted elsewhere is recognised unsigned.
            prepared_at = self._prepared_at.get(mint_id)
            fresh = tx is not None and prepared_at is not None and time.monotonic() - prepared_at < PREPARED_FRESH_S
            already = 0 if fresh or record.kind == "send" else client.token_of_content(record.content_hash)
            if already:
                return self._update(mint_id, state="minted", token_id=already, error="")
            if tx is None:
                tx = self.prepare(record, client)
            elif not self._matches(tx, record, client):
                raise StaleReviewError(REVIEW_CHANGED, f"record {record.id} ({record.kind}) differs from the tx")
        except errors.ChainError as exc:
            self._update(mint_id, error=exc.message)
            raise
        signed = signer.sign_transaction({k: v for k, v in tx.items() if k != "from"})
        raw, tx_hash = bytes(signed.raw_transaction), "0x" + bytes(signed.hash).hex()
        now = time.time()
        with self._lock:  # the bytes are on disk before any node sees them
            with immediate(self._conn):
                self._conn.execute(
                    "INSERT INTO signatures (mint_id, tx_hash, nonce, raw_tx, signed_at) VALUES (?, ?, ?, ?, ?)",
                    (mint_id, tx_hash, tx["nonce"], raw, now),
                )
                self._conn.execute(
                    "UPDATE mints SET state = 'signed', raw_tx = ?, tx_hash = ?, nonce = ?, error = '', "
                    "token_id = NULL, block_number = NULL, updated_at = ? WHERE id = ?",
                    (raw, tx_hash, tx["nonce"], now, mint_id),
                )
        record = self.get(mint_id)
        self._hook("signed", record)
        return self._broadcast(record, client, wait)

    def prepare(self, record: MintRecord, client: ChainClient) -> dict:
        """The unsigned transaction for `record` with today's fees and nonce, gas estimated (a revert shows here)."""
        fees = client.fees()
        if record.kind == "send":
            tx = client.send_transaction(record.sender, record.recipient, record.value, fees)
        else:
            tx = client.mint_transaction(record.sender, record.recipient, record.token_uri, record.content_hash, fees)
        self._prepared_at[record.id] = time.monotonic()
        return tx

    def _matches(self, tx: dict, record: MintRecord, client: ChainClient) -> bool:
        if record.kind == "send":
            return (
                to_checksum_address(tx["to"]) == record.recipient
                and to_checksum_address(tx["from"]) == record.sender
                and int(tx["chainId"]) == record.chain_id
                and int(tx["value"]) == record.value
                and tx.get("data", "0x") in ("0x", "", b"")
            )
        return (
            to_checksum_address(tx["to"]) == record.contract
            and to_checksum_address(tx["from"]) == record.sender
            and int(tx["chainId"]) == record.chain_id
            and int(tx.get("value", 0)) == 0
            and tx["data"] == self._call_data(record, client)
        )

    def _broadcast(self, record: MintRecord, client: ChainClient, wait: bool) -> MintRecord:
        raw = self._raw(record.id)
        assert raw is not None
        try:
            client.send_raw(raw)
        except errors.ChainError as exc:
            if exc.retryable:
                return self._update(record.id, error=exc.message)  # stays "signed": the same bytes go out later
            if exc.kind == "nonce" and client.receipt(record.tx_hash) is not None:
                return self._finish(self.get(record.id), client)
            # Refused outright (funds, fee, nonce taken): these bytes are not on the network and never will be.
            log.info("mint %s refused by the node: %s", record.id, exc.details)
            return self._update(record.id, state="failed", error=exc.message)
        record = self._update(record.id, state="sent", error="")
        self._hook("sent", record)
        return self._wait(record, client) if wait else record

    def _wait(self, record: MintRecord, client: ChainClient, timeout_s: float = RECEIPT_TIMEOUT_S) -> MintRecord:
        deadline = time.monotonic() + timeout_s
        pause = RECEIPT_FIRST_POLL_S
        while True:
            try:
                receipt = client.receipt(record.tx_hash)
            except errors.ChainError as exc:
                if not exc.retryable:
                    raise
                return self._update(record.id, error=exc.message)  # reconciled when the node answers again
            if receipt is not None:
                return self._finish(record, client, receipt)
            if time.monotonic() > deadline:
                return self._update(
                    record.id, error="Sent; waiting for the network to include it. The app keeps checking."
                )
            time.sleep(pause)
            pause = min(2 * pause, RECEIPT_POLL_S)

    def _finish(self, record: MintRecord, client: ChainClient, receipt: dict | None = None) -> MintRecord:
        receipt = receipt or client.receipt(record.tx_hash)
        assert receipt is not None
        block = int(receipt["blockNumber"])
        if record.kind == "send":
            if int(receipt["status"]) == 1:
                return self._update(record.id, state="confirmed", block_number=block, error="")
            return self._update(record.id, state="failed", block_number=block, error=TRANSFER_REFUSED)
        if int(receipt["status"]) == 1:
            token_id = client.minted_token_id(receipt)
            return self._update(record.id, state="minted", token_id=token_id, block_number=block, error="")
        tx = {"from": record.sender, "to": record.contract, "data": self._call_data(record, client)}
        reason = client.revert_reason(tx, block - 1 if block else None)
        return self._update(record.id, state="failed", block_number=block, error=reason)

    def _call_data(self, record: MintRecord, client: ChainClient) -> str:
        client._contract()  # a contract address must be set
        return mint_call_data(record.recipient, record.token_uri, record.content_hash)

    # --- after a crash, a timeout or a lost connection ---

    def reconcile(self, client: ChainClient) -> list[MintRecord]:
        """Settle every signed mint on `client`'s chain: receipt → minted/failed; unknown → the same bytes again;
        unknown with the wallet's nonce past it → dropped. Never signs."""
        for record in self.mints():
            if record.state in IN_FLIGHT and record.chain_id == client.network.chain_id:
                try:
                    self.reconcile_one(record, client, wait=False)
                except errors.ChainError as exc:
                    if exc.retryable:
                        break  # the node is gone: the rest wait for the next reconcile
                    raise
        return self.mints()

    def reconcile_one(self, record: MintRecord, client: ChainClient, wait: bool = True) -> MintRecord:
        receipt = client.receipt(record.tx_hash)
        if receipt is not None:
            return self._finish(record, client, receipt)
        if client.transaction_known(record.tx_hash):
            record = self._update(record.id, state="sent")
            return self._wait(record, client) if wait else record
        if record.nonce is not None and client.nonce(record.sender, "latest") > record.nonce:
            # Our nonce was used by something else and our hash is unknown: it can never land.
            if record.kind == "send":
                return self._update(record.id, state="dropped", error=TRANSFER_CAN_NO_LONGER_LAND)
            minted = client.token_of_content(record.content_hash)
            if minted:
                return self._update(record.id, state="minted", token_id=minted, error="")
            return self._update(record.id, state="dropped", error=CAN_NO_LONGER_LAND)
        return self._broadcast(record, client, wait)

    def _hook(self, name: str, record: MintRecord) -> None:
        hook = self.hooks.get(name)
        if hook is not None:
            hook(record)
