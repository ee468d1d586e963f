"""Prize payouts in the curation database (`payouts`, schema step 3): the list a staff member reviewed, and where
each payout is, readable and writable from every staff machine that shares the database.

States (app/curation/payouts.py has the rules that move them):
  "reviewed"  confirmed once, not yet claimed by any machine;
  "sending"   claimed by `machine` (one UPDATE ... WHERE state IN ('reviewed', 'failed'), checked by its row count,
              so exactly one machine wins); nothing is signed yet, or the signature has not reached this table;
  "signed"    the signed transaction's hash and bytes are here: any machine may broadcast these very bytes and look
              for their receipt, none may sign another;
  "paid"      a successful receipt (kept in `receipt_json`); never signed again anywhere;
  "failed"    the bytes can no longer land (refused, reverted, their nonce used by another transaction) or nothing
              was ever signed; "Try again" claims it again.

Every write is one transaction and safe to repeat (a PostgreSQL write may run twice after a dropped connection):
the ones that move money's state check the state they expect in their WHERE clause, and the audited ones
("payout.review", "payout.send", "payout.paid") carry an operation id (app/curation/store_audit.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from app import safejson
from app.curation.db import DamagedValue, Tx, blob, moment, optional, text, whole
from app.curation.store_audit import AuditMixin, new_op
from app.errors import UserFacingError
from app.messages import Message, Msg, to_json
from app.stored_reasons import from_stored

REVIEWED, SENDING, SIGNED, PAID, FAILED = "reviewed", "sending", "signed", "paid", "failed"
CLAIMABLE = (REVIEWED, FAILED)
STATES = (REVIEWED, SENDING, SIGNED, PAID, FAILED)
_DIGITS = re.compile(r"[0-9]{1,78}")  # 2**256 has 78 digits
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}")

RECEIPT = Msg("payout.store.receipt", "a payout's stored receipt")

_COLUMNS = (
    "campaign, round_id, entry, rank, token_id, network, chain_id, recipient, imported_owner, value_kei, memo, state, "
    "reviewed_by, reviewed_at, machine, claimed_at, sender, tx_hash, signed_tx, nonce, sent_at, receipt_json, error"
)


@dataclass(frozen=True)
class PayoutRow:
    campaign: str
    round_id: int
    entry: int
    rank: int
    token_id: int | None
    network: str  # the network's key (app/chain/networks.py)
    chain_id: int
    recipient: str  # the token's owner read from the chain when the list was made
    imported_owner: str  # the owner when the token was imported ("" when unknown)
    value: int  # kei
    memo: str  # the outbox's key for this payout: (campaign, round, winner)
    state: str
    reviewed_by: int | None
    reviewed_at: float
    machine: str
    claimed_at: float | None
    sender: str
    tx_hash: str
    signed_tx: bytes | None
    nonce: int | None
    sent_at: float | None
    receipt: dict[str, Any] | None
    error: Message = field(default_factory=lambda: from_stored(""))

    @property
    def key(self) -> tuple[str, int, int]:
        return self.campaign, self.round_id, self.entry


@dataclass(frozen=True)
class NewPayout:
    """One reviewed line, as recorded on Confirm."""

    rank: int
    entry: int
    token_id: int | None
    network: str
    chain_id: int
    recipient: str
    imported_owner: str
    value: int
    memo: str


def memo_for(campaign: str, position: int, rank: int, entry: int) -> str:
    """The outbox's key for a payout: (campaign, round, winner); the same payout whatever machine or try."""
    return f"{campaign} round {position} winner #{rank} entry {entry}"


def _is_memo(memo: str, campaign: str, rank: int, entry: int) -> bool:
    """Whether `memo` is what memo_for writes for this row's campaign and winner. An edited memo is another outbox
    key: a payout already sent under the old one would be sent again."""
    pattern = re.escape(campaign) + rf" round [0-9]+ winner #{rank} entry {entry}"
    return re.fullmatch(pattern, memo) is not None


def _row(r: Sequence[Any]) -> PayoutRow:
    """A payout as stored; DamagedValue for a value the ledger never writes (an amount or a recipient is never taken
    from a damaged row: money would go where nobody reviewed)."""
    receipt = None
    if r[21]:
        try:
            receipt = safejson.loads_object(str(r[21]), RECEIPT())
        except safejson.BadJSON:
            receipt = {"unreadable": str(r[21])[:200]}
    value = _digits(r[9])
    state = text(r[11])
    if value <= 0 or state not in STATES:
        raise DamagedValue(f"a payout of {value} kei in state {state!r:.40}")
    campaign, rank, entry, memo = text(r[0]), whole(r[3], 1), whole(r[2]), text(r[10])
    if not _is_memo(memo, campaign, rank, entry):
        raise DamagedValue(f"a payout whose memo is not its outbox key: {memo!r:.80}")
    return PayoutRow(
        campaign=campaign,
        round_id=whole(r[1]),
        entry=entry,
        rank=rank,
        token_id=_digits(r[4]) if r[4] not in (None, "") else None,
        network=text(r[5]),
        chain_id=whole(r[6], 1),
        recipient=_address(r[7]),
        imported_owner=text(r[8]),
        value=value,
        memo=memo,
        state=state,
        reviewed_by=optional(whole, r[12]),
        reviewed_at=moment(r[13]),
        machine=text(r[14]),
        claimed_at=optional(moment, r[15]),
        sender=text(r[16]),
        tx_hash=text(r[17]),
        signed_tx=optional(blob, r[18]),
        nonce=optional(lambda n: whole(n, 0), r[19]),
        sent_at=optional(moment, r[20]),
        receipt=receipt,
        error=from_stored(text(r[22])),
    )


def _digits(value: Any) -> int:
    """A uint256 the ledger keeps as decimal TEXT (an amount in kei, a token id)."""
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        return int(value)
    return whole(value, 0)


def _address(value: Any) -> str:
    if isinstance(value, str) and _ADDRESS.fullmatch(value):
        return value
    raise DamagedValue(f"not an address: {value!r:.60}")


class PayoutLedger(AuditMixin):
    """The `payouts` table of an open curation store (`app.curation.store.CurationDb`), on either database."""

    def __init__(self, store: Any) -> None:
        self._db = store._db  # the same connection(s) as the store: one database, one audit log
        self._dialect = self._db.dialect

    # --- reading ---

    def rows(self, campaign: str, round_id: int) -> list[PayoutRow]:
        found = self._db.read(
            f"SELECT {_COLUMNS} FROM payouts WHERE campaign = ? AND round_id = ? ORDER BY rank",
            (campaign, int(round_id)),
        )
        with self._db.reading():
            return [_row(r) for r in found]

    def round_rows(self, round_id: int) -> list[PayoutRow]:
        """Every campaign's payouts of the round (a campaign renamed after its review keeps its rows)."""
        found = self._db.read(
            f"SELECT {_COLUMNS} FROM payouts WHERE round_id = ? ORDER BY campaign, rank", (int(round_id),)
        )
        with self._db.reading():
            return [_row(r) for r in found]

    def get(self, campaign: str, round_id: int, entry: int) -> PayoutRow | None:
        found = self._db.read(
            f"SELECT {_COLUMNS} FROM payouts WHERE campaign = ? AND round_id = ? AND entry = ?",
            (campaign, int(round_id), int(entry)),
        )
        with self._db.reading():
            return _row(found[0]) if found else None

    # --- writing ---

    def record_review(self, campaign: str, round_id: int, lines: Sequence[NewPayout], *, by: int | None) -> bool:
        """Record the reviewed list, once: True when recorded now, False when this round's list was recorded
        before (by this or another machine): the first review stands and nothing is added."""
        op = new_op()

        def work(tx: Tx) -> bool:
            if not self._begin_op(tx, op):
                return True  # a retry of our own write that committed
            self._require_judge(tx, by)
            if tx.query("SELECT 1 FROM payouts WHERE campaign = ? AND round_id = ? LIMIT 1", (campaign, round_id)):
                return False
            total = sum(line.value for line in lines)
            details = {
                "campaign": campaign,
                "total_kei": str(total),
                "payouts": [[p.rank, p.entry, p.recipient, str(p.value)] for p in lines],
            }
            self._append(tx, op, "payout.review", by=by, round_id=round_id, details=details)
            tx.many(
                "INSERT INTO payouts (campaign, round_id, entry, rank, token_id, network, chain_id, recipient, "
                "imported_owner, value_kei, memo, state, reviewed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        campaign,
                        int(round_id),
                        p.entry,
                        p.rank,
                        None if p.token_id is None else str(p.token_id),
                        p.network,
                        p.chain_id,
                        p.recipient,
                        p.imported_owner,
                        str(p.value),
                        p.memo,
                        REVIEWED,
                        by,
                    )
                    for p in lines
                ],
            )
            return True

        return self._db.write(work)

    def claim(self, row: PayoutRow, machine: str) -> PayoutRow:
        """Take the payout for `machine`, if nobody has it; the row as it is now either way (the caller sees who
        holds it). Claiming a failed payout forgets its dead signature."""
        sql = (
            f"UPDATE payouts SET state = '{SENDING}', machine = ?, claimed_at = {self._now}, error = '', "
            "tx_hash = '', signed_tx = NULL, nonce = NULL, sender = '' "
            f"WHERE campaign = ? AND round_id = ? AND entry = ? AND state IN ('{REVIEWED}', '{FAILED}')"
        )
        self._db.write(lambda tx: tx.execute(sql, (machine, *row.key)))
        now = self.get(*row.key)
        assert now is not None
        return now

    def release(self, row: PayoutRow, machine: str, reason: Message) -> None:
        """Nothing was signed (a refusal before signing): back to "reviewed", with why, for "Try again"."""
        sql = (
            f"UPDATE payouts SET state = '{REVIEWED}', machine = '', error = ? "
            f"WHERE campaign = ? AND round_id = ? AND entry = ? AND state = '{SENDING}' AND machine = ?"
        )
        self._db.write(lambda tx: tx.execute(sql, (to_json(reason), *row.key, machine)))

    def record_signature(
        self, row: PayoutRow, machine: str, *, sender: str, tx_hash: str, raw: bytes, nonce: int, by: int | None
    ) -> None:
        """The signed bytes, before any node sees them; refused (nothing may be broadcast) unless `machine` still
        holds the claim."""
        op = new_op()

        def work(tx: Tx) -> None:
            if not self._begin_op(tx, op):
                return
            changed = tx.execute(
                f"UPDATE payouts SET state = '{SIGNED}', sender = ?, tx_hash = ?, signed_tx = ?, nonce = ?, error = '' "
                f"WHERE campaign = ? AND round_id = ? AND entry = ? AND state = '{SENDING}' AND machine = ?",
                (sender, tx_hash, raw, int(nonce), *row.key, machine),
            )
            if changed != 1:
                raise ClaimLost(CLAIM_LOST())
            details = {"campaign": row.campaign, "tx_hash": tx_hash, "machine": machine, "rank": row.rank}
            self._append(tx, op, "payout.send", by=by, round_id=row.round_id, entry=row.entry, details=details)

        self._db.write(work)

    def settle(
        self, row: PayoutRow, *, paid: bool, tx_hash: str, receipt: dict | None, reason: Message | None, by: int | None
    ) -> None:
        """The chain's answer for the signature `tx_hash`: paid (a successful receipt) or failed (it can no longer
        land). Only the signature the row holds is settled; a row already paid stays paid."""
        op = new_op()
        receipt_text = json.dumps(receipt, sort_keys=True) if receipt is not None else None

        def work(tx: Tx) -> None:
            if not self._begin_op(tx, op):
                return
            where = f"WHERE campaign = ? AND round_id = ? AND entry = ? AND tx_hash = ? AND state <> '{PAID}'"
            if paid:
                changed = tx.execute(
                    f"UPDATE payouts SET state = '{PAID}', sent_at = {self._now}, receipt_json = ?, error = '' "
                    + where,
                    (receipt_text, *row.key, tx_hash),
                )
                if changed:
                    details = {"campaign": row.campaign, "tx_hash": tx_hash, "rank": row.rank}
                    self._append(tx, op, "payout.paid", by=by, round_id=row.round_id, entry=row.entry, details=details)
            else:
                tx.execute(
                    f"UPDATE payouts SET state = '{FAILED}', machine = '', receipt_json = ?, error = ? " + where,
                    (receipt_text, to_json(reason) if reason is not None else "", *row.key, tx_hash),
                )

        self._db.write(work)


CLAIM_LOST = Msg(
    "payout.store.claim_lost",
    "Another staff machine took over this payout, so nothing was sent from this one. Refresh the list to see where "
    "it is.",
)


class ClaimLost(UserFacingError):
    """Raised inside the signature's write: the transaction is rolled back and the caller broadcasts nothing."""
