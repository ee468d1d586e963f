"""Paying a campaign's winners in KAIA, each exactly once, whatever happens: a retry, the window reopened, a crash,
or a second staff machine sending the same list.

The list (`build_plan`) comes from a LOCKED round's winners: the prize for each rank from the settings, the
recipient read again from the chain (`ownerOf`, so a token sold since the import pays its owner today; the review
says when it changed), entries without a token left out with the reason. It is reviewed once and recorded in the
curation database on Confirm (`confirm_plan`; app/curation/payout_store.py holds the rows and their states).

Why each step of `send_payouts` is there:
1. One machine: each payout goes through this machine's mint outbox (app/chain/mint_outbox.py) as a `Payout` whose
   memo names (campaign, round, winner). The outbox's rule makes every confirmation of those values the same
   payout: a retry, a reopen or a restart reuses its record, and it signs again only when the earlier signature can
   no longer land.
2. Several machines each have their own outbox, so the shared curation database is the guard. Before signing, a
   machine claims the payout in one transaction (`UPDATE ... SET state = 'sending', machine = ? WHERE ... AND state
   IN ('reviewed', 'failed')`, checked by its row count): only one machine ever holds it, and a machine that finds
   it held by another signs nothing.
3. After signing and before broadcasting, the signed transaction's hash and bytes are written to the curation
   database too (the outbox's `before_broadcast`); if that write fails, nothing is broadcast. So when the signing
   machine dies, any other machine can broadcast those very bytes and look for their receipt: a second signature
   is never made while the first could still land.
4. A payout "paid" in the database is never signed again anywhere; a signature is given up ("failed", then "Try
   again" claims it anew) only when the chain shows it cannot land: a failed receipt, a refusal, or the sender's
   nonce used by another transaction while this hash stayed unknown.
5. A refusal before anything was signed (not enough KAIA, the node down) releases the claim with the reason: the
   same payout resumes on "Try again".
A claim is given back only by the machine that holds it (it may hold a signature that only it knows of).

Everything here talks to a node or the database: call it off the UI thread (the chain service's worker,
`ChainService.run_on_chain`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import socket
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Sequence

from eth_utils import to_checksum_address

from app.chain import errors as chain_errors
from app.chain.client import SEND_GAS, ChainClient
from app.chain.contract import load_artifact
from app.chain.mint_outbox import (
    IN_FLIGHT,
    RECEIPT_POLL_S,
    RECEIPT_TIMEOUT_S,
    TRANSFER_CAN_NO_LONGER_LAND_MSG,
    TRANSFER_REFUSED_MSG,
    MintRecord,
    Payout,
)
from app.chain.networks import BUILT_IN, KEI_PER_KAIA, Network
from app.curation.exports import _fail, _iso, guarded, shareable
from app.curation.models import ROUND_LOCKED
from app.curation.payout_store import (
    FAILED,
    PAID,
    SENDING,
    SIGNED,
    NewPayout,
    PayoutLedger,
    PayoutRow,
    memo_for,
)
from app.curation.settings import prize_amounts
from app.errors import UserFacingError
from app.fsutil import atomic_writer
from app.messages import Message, Msg

NO_ROUND = Msg("payout.no_round", "That round is no longer in the curation database.")
NOT_LOCKED = Msg(
    "payout.not_locked", "Winners are paid only from a locked result. Lock the round's winners first, then pay them."
)
NO_WINNERS = Msg("payout.no_winners", "This round has no winners to pay.")
NO_AMOUNT = Msg(
    "payout.no_amount",
    "There is no prize amount for rank {rank}. Set a prize for every winning rank in Settings (Curation, prizes), "
    "then make the list again.",
)
WRONG_NETWORK = Msg(
    "payout.wrong_network",
    "The campaign runs on {campaign}, but the wallet uses {wallet}. Switch the wallet to {campaign} in Wallet, then "
    "make the list again.",
)
NO_TOKEN = Msg("payout.no_token", "No token: cannot be paid on chain.")
OTHER_CHAIN = Msg("payout.other_chain", "The token is on another chain (chain id {chain_id}): cannot be paid here.")
NO_OWNER = Msg("payout.no_owner", "The token's owner could not be read from the chain (it may have been burned).")
NO_PRIZE = Msg("payout.no_prize", "The prize for this rank is 0 KAIA: nothing to pay.")
OWNER_CHANGED = Msg("payout.owner_changed", "Owner changed since import: {before} → {after}")
ALREADY_REVIEWED = Msg(
    "payout.already_reviewed",
    "This round's payouts were reviewed and confirmed before (on this or another staff machine). The first review "
    "stands; nothing was added.",
)
BUSY_ELSEWHERE = Msg(
    "payout.busy_elsewhere",
    "Rank {rank} is being sent from another staff machine ({machine}). Nothing was sent from this one; wait for it to "
    "finish there, then refresh.",
)
NOTHING_TO_PAY = Msg(
    "payout.nothing_to_pay", "No winner of this round can be paid on chain, so there is nothing to send."
)
NO_WALLET = Msg("payout.no_wallet", "Unlock the wallet in Wallet first.")

CSV_COLUMNS = ("rank", "entry", "recipient", "amount_kaia", "tx_hash", "kaiascan", "state", "sent_at")


@dataclass(frozen=True)
class PlanLine:
    rank: int
    entry: int
    name: str
    token_id: int | None
    value: int  # kei; 0 when the rank pays nothing
    recipient: str  # "" when it cannot be paid
    imported_owner: str
    memo: str
    note: Message | None = None  # why it is left out, or that the owner changed

    @property
    def payable(self) -> bool:
        return bool(self.recipient) and self.value > 0

    @property
    def owner_changed(self) -> bool:
        return bool(self.recipient and self.imported_owner) and self.recipient != self.imported_owner


@dataclass(frozen=True)
class PayoutPlan:
    campaign: str
    round_id: int
    round_name: str
    network: Network
    lines: tuple[PlanLine, ...]
    sender: str
    balance: int  # kei in the sending wallet
    fee_likely: int  # kei, each transfer
    fee_max: int  # kei, each transfer

    @property
    def payable(self) -> list[PlanLine]:
        return [line for line in self.lines if line.payable]

    @property
    def total(self) -> int:
        return sum(line.value for line in self.payable)

    @property
    def needed(self) -> int:
        """The prizes and every transfer's highest fee: what the wallet must hold for Confirm to go through."""
        return self.total + self.fee_max * len(self.payable)

    @property
    def enough(self) -> bool:
        return self.balance >= self.needed


def machine_name(data_dir: Path | str = "") -> str:
    """This staff machine as the database records it: the host and which data folder (two installs differ)."""
    where = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:8] if data_dir else ""
    return f"{socket.gethostname()}:{where}" if where else socket.gethostname()


def kei(amount: Decimal) -> int:
    return int(amount * KEI_PER_KAIA)


def campaign_network(setting: str, wallet: Network) -> Network:
    """The network the campaign pays on: the wallet's own, which must be the campaign's when one is set."""
    if setting and setting != wallet.key:
        chosen = BUILT_IN.get(setting)
        name = chosen.name if chosen is not None else setting
        raise UserFacingError(WRONG_NETWORK(campaign=name, wallet=wallet.name))
    return wallet


# --- the list ---------------------------------------------------------------------------------------------------


def build_plan(store: Any, curation: Any, round_id: int, client: ChainClient, sender: str) -> PayoutPlan:
    """The payouts of a locked round, recipients read from the chain now. UserFacingError in plain words when the
    round is not locked, a rank has no prize, or the wallet is on another network."""
    rnd = store.round(round_id)
    if rnd is None:
        raise UserFacingError(NO_ROUND())
    if rnd.state != ROUND_LOCKED:
        raise UserFacingError(NOT_LOCKED())
    winners = store.winners(round_id)
    if not winners:
        raise UserFacingError(NO_WINNERS())
    network = campaign_network(curation.network, client.network)
    amounts = prize_amounts(curation.prizes_kaia) or []
    missing = next((w.rank for w in winners if w.rank > len(amounts)), None)
    if missing is not None:
        raise UserFacingError(NO_AMOUNT(rank=missing))
    subs = {s.key: s for s in store.submissions([w.entry for w in winners])}
    lines = []
    for w in winners:
        sub = subs.get(w.entry)
        value = kei(amounts[w.rank - 1])
        memo = memo_for(curation.campaign, rnd.position, w.rank, w.entry)
        name = sub.name if sub is not None else ""
        imported = sub.owner if sub is not None else ""
        token_id = sub.token_id if sub is not None else None
        base = dict(rank=w.rank, entry=w.entry, name=name, token_id=token_id, imported_owner=imported, memo=memo)
        if sub is None or sub.token_id is None or not sub.contract:
            lines.append(PlanLine(value=value, recipient="", note=NO_TOKEN(), **base))
        elif sub.chain_id != network.chain_id:
            lines.append(PlanLine(value=value, recipient="", note=OTHER_CHAIN(chain_id=sub.chain_id), **base))
        else:
            owner = owner_of(client, sub.contract, sub.token_id)
            note = None
            if owner is None:
                note = NO_OWNER()
            elif value <= 0:
                note = NO_PRIZE()
            elif imported and owner != to_checksum_address(imported):
                note = OWNER_CHANGED(before=imported, after=owner)
            lines.append(PlanLine(value=value, recipient=owner or "", note=note, **base))
    if not sender:
        raise UserFacingError(NO_WALLET())
    fees = client.fees()
    balance = client.balance(sender)
    return PayoutPlan(
        curation.campaign,
        rnd.id,
        rnd.name,
        network,
        tuple(lines),
        to_checksum_address(sender),
        balance,
        fees.likely_cost(SEND_GAS),
        fees.max_cost(SEND_GAS),
    )


def owner_of(client: ChainClient, contract: str, token_id: int) -> str | None:
    """The token's owner now; None when the chain says there is none (burned). A node that is down raises."""
    token = client.web3.eth.contract(address=to_checksum_address(contract), abi=load_artifact()["abi"])
    try:
        return client.call(lambda: to_checksum_address(token.functions.ownerOf(int(token_id)).call()))
    except chain_errors.ChainError as exc:
        if exc.retryable:
            raise
        return None


def confirm_plan(ledger: PayoutLedger, plan: PayoutPlan, *, by: int | None) -> list[PayoutRow]:
    """Record the reviewed list (payable lines) once; UserFacingError when it was recorded before."""
    lines = [
        NewPayout(
            line.rank,
            line.entry,
            line.token_id,
            plan.network.key,
            plan.network.chain_id,
            line.recipient,
            line.imported_owner,
            line.value,
            line.memo,
        )
        for line in plan.payable
    ]
    if not lines:
        raise UserFacingError(NOTHING_TO_PAY())
    if not ledger.record_review(plan.campaign, plan.round_id, lines, by=by):
        raise UserFacingError(ALREADY_REVIEWED())
    return ledger.rows(plan.campaign, plan.round_id)


# --- sending ----------------------------------------------------------------------------------------------------


@dataclass
class Sender:
    """What sending needs on one machine: the shared ledger, this machine's outbox, the chain, the signer."""

    ledger: PayoutLedger
    outbox: Any  # app.chain.mint_outbox.MintOutbox
    client: ChainClient
    signer: Any  # .address, .sign_transaction(tx)
    machine: str
    by: int | None = None
    receipt_timeout_s: float = RECEIPT_TIMEOUT_S


def send_payouts(
    sender: Sender, campaign: str, round_id: int, progress: Callable[[PayoutRow], None] | None = None
) -> list[PayoutRow]:
    """Send every payout of the round not yet paid, in rank order, exactly once (see the module's notes). Stops at
    the first refusal with its plain reason (the rest wait, nothing lost); `progress` hears each row as it moves."""
    for row in sender.ledger.rows(campaign, round_id):
        if row.state == PAID:
            continue
        row = send_one(sender, row, progress)
        if row.state == FAILED:
            raise UserFacingError(row.error, f"payout rank {row.rank}: {row.error.english()}")
    return sender.ledger.rows(campaign, round_id)


def send_one(sender: Sender, row: PayoutRow, progress: Callable[[PayoutRow], None] | None = None) -> PayoutRow:
    ledger = sender.ledger

    def fresh() -> PayoutRow:
        now = ledger.get(*row.key)
        assert now is not None
        if progress is not None:
            progress(now)
        return now

    payout = Payout(row.network, row.chain_id, to_checksum_address(row.recipient), row.value, row.memo)
    for _ in range(4):  # each pass moves the row one state on, or returns
        row = fresh()
        if row.state == PAID:
            return row
        local = _local(sender.outbox, payout)
        if local is not None and (local.state in IN_FLIGHT or local.done) and local.tx_hash:
            if row.tx_hash != local.tx_hash and row.state == SENDING and row.machine == sender.machine:
                _keep_signature(sender, row, local)  # signed here, then stopped before the database heard of it
                continue
            if row.tx_hash == local.tx_hash:
                _settle_local(sender, row, local)
                return fresh()
        if row.state == SIGNED:
            _settle_stored(sender, row)
            return fresh()
        if row.state == SENDING and row.machine != sender.machine:
            raise UserFacingError(BUSY_ELSEWHERE(rank=row.rank, machine=row.machine))
        if row.state != SENDING:
            row = ledger.claim(row, sender.machine)
            if row.state != SENDING or row.machine != sender.machine:
                continue  # another machine got it first: look again
        _sign_and_send(sender, row, payout)
        return fresh()  # paid, refused (kept "failed" with why, for "Try again"), or still on its way
    return fresh()


def _local(outbox: Any, payout: Payout) -> MintRecord | None:
    return next((m for m in outbox.mints() if m.key == payout.key), None)


def _keep_signature(sender: Sender, row: PayoutRow, local: MintRecord) -> None:
    raw = sender.outbox.signed_transaction(local.id)
    assert raw is not None and local.nonce is not None
    sender.ledger.record_signature(
        row, sender.machine, sender=local.sender, tx_hash=local.tx_hash, raw=raw, nonce=local.nonce, by=sender.by
    )


def _sign_and_send(sender: Sender, row: PayoutRow, payout: Payout) -> None:
    local = sender.outbox.queue_send(payout, sender.signer.address)
    signed_before = local.signatures

    def keep(record: MintRecord, raw: bytes) -> None:
        assert record.nonce is not None
        sender.ledger.record_signature(
            row, sender.machine, sender=record.sender, tx_hash=record.tx_hash, raw=raw, nonce=record.nonce, by=sender.by
        )

    try:
        local = sender.outbox.sign_and_send(local.id, sender.signer, sender.client, before_broadcast=keep)
    except UserFacingError as exc:
        if sender.outbox.get(local.id).signatures == signed_before:  # nothing signed: the claim goes back
            sender.ledger.release(row, sender.machine, exc.msg)
        raise
    now = sender.ledger.get(*row.key)
    if now is not None and now.tx_hash == local.tx_hash and local.state not in IN_FLIGHT:
        _settle_local(sender, now, local)


def _settle_local(sender: Sender, row: PayoutRow, local: MintRecord) -> None:
    """This machine's outbox knows the signature: let it settle (same bytes, never a new signature), then say so."""
    if local.state in IN_FLIGHT:
        local = sender.outbox.reconcile_one(local, sender.client, wait=True)
    if local.done:
        receipt = _receipt_summary(sender.client, local.tx_hash)
        sender.ledger.settle(row, paid=True, tx_hash=local.tx_hash, receipt=receipt, reason=None, by=sender.by)
    elif local.state in ("failed", "dropped"):
        sender.ledger.settle(row, paid=False, tx_hash=local.tx_hash, receipt=None, reason=local.reason, by=sender.by)


def _settle_stored(sender: Sender, row: PayoutRow) -> None:
    """Bytes another machine signed (or this one, before its outbox lost them): broadcast them again and look for
    their receipt; give them up only when the chain shows they cannot land."""
    client = sender.client
    receipt = client.receipt(row.tx_hash)
    if receipt is None and not client.transaction_known(row.tx_hash):
        if row.nonce is not None and client.nonce(row.sender, "latest") > row.nonce:
            reason = TRANSFER_CAN_NO_LONGER_LAND_MSG()
            sender.ledger.settle(row, paid=False, tx_hash=row.tx_hash, receipt=None, reason=reason, by=sender.by)
            return
        assert row.signed_tx is not None
        try:
            client.send_raw(row.signed_tx)
        except chain_errors.ChainError as exc:
            if exc.retryable:
                raise
            receipt = client.receipt(row.tx_hash)
            if receipt is None:
                sender.ledger.settle(row, paid=False, tx_hash=row.tx_hash, receipt=None, reason=exc.msg, by=sender.by)
                return
    receipt = receipt or _wait_receipt(client, row.tx_hash, sender.receipt_timeout_s)
    if receipt is None:
        return  # still on its way: the next look settles it
    paid = int(receipt["status"]) == 1
    reason = None if paid else TRANSFER_REFUSED_MSG()
    summary = _summary(receipt)
    sender.ledger.settle(row, paid=paid, tx_hash=row.tx_hash, receipt=summary, reason=reason, by=sender.by)


def _wait_receipt(client: ChainClient, tx_hash: str, timeout_s: float) -> dict | None:
    deadline = time.monotonic() + timeout_s
    while True:
        receipt = client.receipt(tx_hash)
        if receipt is not None or time.monotonic() > deadline:
            return receipt
        time.sleep(RECEIPT_POLL_S)


def _receipt_summary(client: ChainClient, tx_hash: str) -> dict | None:
    receipt = client.receipt(tx_hash)
    return _summary(receipt) if receipt is not None else None


def _summary(receipt: dict) -> dict:
    block_hash = receipt.get("blockHash")
    return {
        "status": int(receipt["status"]),
        "block_number": int(receipt["blockNumber"]),
        "block_hash": "0x" + bytes(block_hash).hex() if isinstance(block_hash, (bytes, bytearray)) else str(block_hash),
        "gas_used": int(receipt.get("gasUsed") or 0),
    }


# --- receipts ---------------------------------------------------------------------------------------------------


def export_receipts_csv(
    store: Any, round_id: int, path: Path | str, *, campaign: str | None = None, networks: Sequence[Network] = ()
) -> int:
    """One row per payout of the round: rank, entry, recipient, amount (KAIA), transaction hash, KaiaScan link,
    state, sent time (UTC). UTF-8 with a BOM, written atomically, every cell guarded against spreadsheet formulas.
    Returns the rows written; UserFacingError in words when the file cannot be written."""
    path = Path(path)
    ledger = store if isinstance(store, PayoutLedger) else PayoutLedger(store)
    known = {n.chain_id: n for n in (*BUILT_IN.values(), *networks)}
    rows = ledger.rows(campaign, round_id) if campaign is not None else ledger.round_rows(round_id)
    try:
        with atomic_writer(path) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            writer = csv.writer(text)
            writer.writerow(CSV_COLUMNS)
            for row in rows:
                network = known.get(row.chain_id)
                link = network.tx_url(row.tx_hash) if network is not None and row.tx_hash else ""
                cells = (
                    str(row.rank),
                    str(row.entry),
                    row.recipient,
                    kaia_text(row.value),
                    row.tx_hash,
                    link,
                    row.state,
                    _iso(row.sent_at),
                )
                writer.writerow([guarded(c) for c in cells])
            text.flush()
            text.detach()
    except OSError as exc:
        raise _fail(path, exc) from None
    shareable(path)
    return len(rows)


def kaia_text(value: int) -> str:
    """kei as an exact KAIA decimal for a spreadsheet: "1000", "0.5" (no grouping, no unit)."""
    whole, frac = divmod(int(value), KEI_PER_KAIA)
    return f"{whole}.{frac:018d}".rstrip("0").rstrip(".") if frac else str(whole)
