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

import logging
import time
from pathlib import Path
from typing import Callable, Protocol

from eth_utils import to_checksum_address

from app.chain import errors
from app.chain.client import ChainClient
from app.chain.contract import mint_call_data

# STATES, Payout and mint_key are re-exported: callers know them from here, where the rules that use them are.
from app.chain.mint_store import DONE, IN_FLIGHT, SIGNABLE, STATES, MintRecord, MintStore, Payout, mint_key  # noqa: F401
from app.errors import UserFacingError
from app.messages import Msg

log = logging.getLogger(__name__)


RECEIPT_POLL_S = 0.2  # the longest pause between two looks for a receipt
RECEIPT_FIRST_POLL_S = 0.005  # then doubling: a node that mines at once is answered within milliseconds
RECEIPT_TIMEOUT_S = 60.0
PREPARED_FRESH_S = 60.0  # a transaction `prepare` built this recently has just been checked by its gas estimate

# Kept in the outbox record (`error`) by id (app.messages.to_json): the record outlives any one language choice.
CAN_NO_LONGER_LAND_MSG = Msg(
    "chain.mint_can_no_longer_land",
    "The earlier mint transaction can no longer be included: another transaction from this wallet took its place. "
    "Nothing was minted. Confirm again to mint.",
)
CAN_NO_LONGER_LAND = CAN_NO_LONGER_LAND_MSG.template

TRANSFER_CAN_NO_LONGER_LAND_MSG = Msg(
    "chain.transfer_can_no_longer_land",
    "The earlier transfer can no longer be included: another transaction from this wallet took its place. Nothing "
    "was sent. Confirm again to send.",
)
TRANSFER_CAN_NO_LONGER_LAND = TRANSFER_CAN_NO_LONGER_LAND_MSG.template

TRANSFER_REFUSED_MSG = Msg(
    "chain.transfer_refused",
    "The receiving address refused the transfer: it is a contract that does not accept KAIA. Only the fee was spent. "
    "Check the address and send again.",
)
TRANSFER_REFUSED = TRANSFER_REFUSED_MSG.template


REVIEW_CHANGED = Msg(
    "chain.review_changed",
    "What was reviewed is no longer what would be signed (it was changed in the meantime), so nothing was signed. "
    "Review it again, then confirm.",
)

SENT_WAITING = Msg("chain.sent_waiting", "Sent; waiting for the network to include it. The app keeps checking.")


class StaleReviewError(UserFacingError):
    """The transaction confirmed does not match the outbox's record any more; nothing was signed."""


class Signer(Protocol):
    address: str

    def sign_transaction(self, tx: dict): ...


class MintOutbox(MintStore):
    """The exactly-once rules over the records (app/chain/mint_store.py). Methods that talk to a node are slow: call
    them from the chain worker thread. `hooks` lets the crash tests stop the process at each step."""

    def __init__(self, db_path: Path, hooks: dict[str, Callable[[MintRecord], None]] | None = None) -> None:
        super().__init__(db_path)
        self.hooks = hooks or {}
        self._prepared_at: dict[int, float] = {}  # mint id → when `prepare` last estimated it (monotonic)

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
        self._insert_mint(network, chain_id, contract, sender, recipient, token_uri, content_hash, design_id)
        record = self.find(chain_id, contract, content_hash)
        assert record is not None
        return record

    def queue_send(self, payout: Payout, sender: str) -> MintRecord:
        """Record a KAIA transfer the person confirmed, or return the one already recorded for this payout, so
        confirming the same payout again never pays twice."""
        existing = next((m for m in self.mints() if m.key == payout.key), None)
        if existing is not None:
            return existing
        if int(payout.value) <= 0:
            raise ValueError("a transfer sends a positive amount")
        self._insert_send(payout, sender)
        return next(m for m in self.mints() if m.key == payout.key)

    # --- the one path that signs ---

    def sign_and_send(
        self,
        mint_id: int,
        signer: Signer,
        client: ChainClient,
        tx: dict | None = None,
        wait: bool = True,
        before_broadcast: Callable[[MintRecord, bytes], None] | None = None,
    ) -> MintRecord:
        """Sign the mint (only if nothing signed earlier can still land), save the bytes, broadcast, and (with
        `wait`) wait for the receipt. `tx` is the transaction the person saw and confirmed (`prepare`); without it
        one is built now. ChainError before signing leaves the mint as it was, with the reason. `before_broadcast`
        gets a new signature's record and bytes once they are saved here and before any node sees them (campaign
        payouts also keep them in the shared curation database); when it raises, nothing is broadcast."""
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
                raise StaleReviewError(REVIEW_CHANGED(), f"record {record.id} ({record.kind}) differs from the tx")
        except errors.ChainError as exc:
            self._update(mint_id, error=exc.msg)
            raise
        signed = signer.sign_transaction({k: v for k, v in tx.items() if k != "from"})
        raw, tx_hash = bytes(signed.raw_transaction), "0x" + bytes(signed.hash).hex()
        record = self._record_signature(mint_id, raw, tx_hash, tx["nonce"])  # on disk before any node sees it
        if before_broadcast is not None:
            before_broadcast(record, raw)
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
        if raw is None:  # signed, yet its bytes are gone (a damaged file): never re-signed under a new nonce
            raise self._damaged(f"mint {record.id}: {record.state}, but its signed transaction is missing")
        try:
            client.send_raw(raw)
        except errors.ChainError as exc:
            if exc.retryable:
                return self._update(record.id, error=exc.msg)  # stays "signed": the same bytes go out later
            if exc.kind == "nonce" and client.receipt(record.tx_hash) is not None:
                return self._finish(self.get(record.id), client)
            # Refused outright (funds, fee, nonce taken): these bytes are not on the network and never will be.
            log.info("mint %s refused by the node: %s", record.id, exc.details)
            return self._update(record.id, state="failed", error=exc.msg)
        record = self._update(record.id, state="sent", error="")
        self._hook("sent", record)
        return self._wait(record, client) if wait else record

    def _wait(self, record: MintRecord, client: ChainClient, timeout_s: float = RECEIPT_TIMEOUT_S) -> MintRecord:
        deadline = time.monotonic() + timeout_s
        pause = RECEIPT_FIRST_POLL_S
        while True:
            try:
                receipt = client.receipt(record.tx_hash)
                if receipt is not None:
                    return self._finish(record, client, receipt)
            except errors.ChainError as exc:
                if not exc.retryable:
                    raise
                return self._update(record.id, error=exc.msg)  # reconciled when the node answers again
            if time.monotonic() > deadline:
                return self._update(record.id, error=SENT_WAITING())
            time.sleep(pause)
            pause = min(2 * pause, RECEIPT_POLL_S)

    def _finish(self, record: MintRecord, client: ChainClient, receipt: dict | None = None) -> MintRecord:
        receipt = receipt or client.receipt(record.tx_hash)
        assert receipt is not None
        block = int(receipt["blockNumber"])
        if record.kind == "send":
            if int(receipt["status"]) == 1:
                return self._update(record.id, state="confirmed", block_number=block, error="")
            return self._update(record.id, state="failed", block_number=block, error=TRANSFER_REFUSED_MSG())
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
                        self._update(record.id, error=exc.msg)  # kept as it was, with what the node did
                        break  # the node is gone or garbled: the rest wait for the next reconcile
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
                return self._update(record.id, state="dropped", error=TRANSFER_CAN_NO_LONGER_LAND_MSG())
            minted = client.token_of_content(record.content_hash)
            if minted:
                return self._update(record.id, state="minted", token_id=minted, error="")
            return self._update(record.id, state="dropped", error=CAN_NO_LONGER_LAND_MSG())
        return self._broadcast(record, client, wait)

    def _hook(self, name: str, record: MintRecord) -> None:
        hook = self.hooks.get(name)
        if hook is not None:
            hook(record)
