"""Minting exactly once on the sandbox chain (py-evm in process): the outbox signs at most once per design unless
the chain shows the first transaction can no longer land, and settles by itself after a crash."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from eth_account import Account

from app.chain import errors
from app.chain.client import ChainClient
from app.chain.mint_outbox import CAN_NO_LONGER_LAND, MintOutbox, Payout, StaleReviewError
from app.chain.networks import KAIROS, SANDBOX, custom_network
from app.chain.sandbox import SandboxChain
from tests.fixtures import mint_crash

ROOT = Path(__file__).resolve().parents[2]
HASH = bytes(range(32))
URI = "ipfs://bafkreimetadata"


class Interrupted(Exception):
    pass


@pytest.fixture
def sandbox(tmp_path):
    chain = SandboxChain(tmp_path / "chain")
    yield chain
    chain.close()


@pytest.fixture
def client(sandbox):
    return ChainClient.connect(SANDBOX, sandbox=sandbox)


@pytest.fixture
def account(sandbox):
    acct = Account.create()
    sandbox.fund(acct.address)
    return acct


@pytest.fixture
def outbox(tmp_path):
    box = MintOutbox(tmp_path / "mints.sqlite3")
    yield box
    box.close()


def _queue(outbox, sandbox, account, content=HASH, recipient=None):
    return outbox.queue(
        "sandbox",
        SANDBOX.chain_id,
        sandbox.contract_address,
        account.address,
        recipient or account.address,
        URI,
        content,
        design_id="design-1",
    )


def _total(client) -> int:
    return client.contract.functions.totalMinted().call()


def test_sandbox_keeps_balances_and_tokens_across_a_restart(tmp_path, account, sandbox, client, outbox):
    minted = outbox.sign_and_send(_queue(outbox, sandbox, account).id, account, client)
    assert minted.state == "minted" and minted.token_id == 1
    balance, contract = client.balance(account.address), sandbox.contract_address
    sandbox.close()
    again = SandboxChain(tmp_path / "chain")
    try:
        reopened = ChainClient.connect(SANDBOX, sandbox=again)
        assert again.contract_address == contract
        assert reopened.balance(account.address) == balance
        assert reopened.token_of_content(HASH) == 1
        assert reopened.contract.functions.ownerOf(1).call() == account.address
        assert reopened.contract.functions.tokenURI(1).call() == URI
    finally:
        again.close()


def test_connecting_checks_the_chain_id(sandbox):
    with pytest.raises(errors.ChainError) as err:
        ChainClient.connect(dataclasses.replace(KAIROS, key="sandbox"), sandbox=sandbox)  # Kairos's id, our node
    assert err.value.kind == "wrong_chain" and "1001" in err.value.message and "Nothing was sent" in err.value.message


def test_an_unreachable_node_is_said_plainly():
    dead = custom_network("http://127.0.0.1:9", 1001)  # the discard port: nothing listens
    with pytest.raises(errors.ChainError) as err:
        ChainClient.connect(dead, timeout_s=3)
    assert err.value.kind == "unreachable" and err.value.retryable and "cannot be reached" in err.value.message


def test_fees_follow_kaias_rule(client):
    fees = client.fees()
    assert fees.tip == 0  # the node's answer, not web3's Ethereum fallback
    assert fees.max_fee == 2 * fees.base_fee + fees.tip and fees.base_fee > 0


def test_a_mint_is_signed_once_and_repeating_it_signs_nothing(client, sandbox, account, outbox):
    record = _queue(outbox, sandbox, account)
    assert record.state == "waiting" and record.signatures == 0
    done = outbox.sign_and_send(record.id, account, client)
    assert done.state == "minted" and done.token_id == 1 and done.signatures == 1 and done.block_number
    assert client.receipt(done.tx_hash)["status"] == 1
    # Asking again — a double click, a second confirm — neither signs nor mints.
    assert _queue(outbox, sandbox, account).id == record.id
    again = outbox.sign_and_send(record.id, account, client)
    assert again.signatures == 1 and again.token_id == 1 and _total(client) == 1


def test_content_already_on_chain_is_recognised_without_signing(client, sandbox, account, outbox):
    other = Account.create()
    sandbox.fund(other.address)
    elsewhere = MintOutbox(outbox.db_path.with_name("elsewhere.sqlite3"))
    elsewhere.sign_and_send(_queue(elsewhere, sandbox, other).id, other, client)
    elsewhere.close()
    record = outbox.sign_and_send(_queue(outbox, sandbox, account).id, account, client)
    assert record.state == "minted" and record.token_id == 1 and record.signatures == 0 and _total(client) == 1


@pytest.mark.parametrize("stage", ["signed", "sent"])
def test_killed_between_signing_and_receipt_mints_exactly_once_after_restart(tmp_path, stage):
    result = subprocess.run(
        [sys.executable, "-m", "tests.fixtures.mint_crash", str(tmp_path), stage],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    sandbox = SandboxChain(tmp_path / "chain")
    outbox = MintOutbox(tmp_path / "mints.sqlite3")
    try:
        (before,) = outbox.mints()
        assert before.state == stage and before.signatures == 1
        client = ChainClient.connect(SANDBOX, sandbox=sandbox)
        (after,) = outbox.reconcile(client)
        if after.state == "sent":  # rebroadcast; the sandbox mines at once, so one more look settles it
            (after,) = outbox.reconcile(client)
        assert after.state == "minted" and after.token_id == 1 and after.signatures == 1
        assert _total(client) == 1 and client.token_of_content(mint_crash.CONTENT) == 1
        # Confirming again after the restart signs nothing new.
        assert outbox.sign_and_send(after.id, Account.from_key(mint_crash.KEY), client).signatures == 1
    finally:
        outbox.close()
        sandbox.close()


def test_a_transaction_that_can_no_longer_land_is_dropped_and_only_then_signed_again(
    client, sandbox, account, tmp_path
):
    def crash(_record):
        raise Interrupted

    outbox = MintOutbox(tmp_path / "mints.sqlite3", hooks={"signed": crash})
    try:
        record = _queue(outbox, sandbox, account)
        with pytest.raises(Interrupted):
            outbox.sign_and_send(record.id, account, client)  # signed and saved, never broadcast
        # Meanwhile the wallet spends that nonce on something else (another device, say).
        fees = client.fees()
        transfer = client.send_transaction(account.address, Account.create().address, 1, fees)
        client.send_raw(account.sign_transaction({k: v for k, v in transfer.items() if k != "from"}).raw_transaction)
        (dropped,) = outbox.reconcile(client)
        assert dropped.state == "dropped" and dropped.error == CAN_NO_LONGER_LAND and _total(client) == 0
        outbox.hooks.clear()
        minted = outbox.sign_and_send(record.id, account, client)
        assert minted.state == "minted" and minted.signatures == 2 and _total(client) == 1
    finally:
        outbox.close()


def test_the_confirmed_transaction_is_the_one_signed(client, sandbox, account, outbox):
    record = _queue(outbox, sandbox, account)
    tx = outbox.prepare(record, client)
    done = outbox.sign_and_send(record.id, account, client, tx=tx)
    sent = client.web3.eth.get_transaction(done.tx_hash)
    assert sent["gas"] == tx["gas"] and sent["maxFeePerGas"] == tx["maxFeePerGas"] and sent["nonce"] == tx["nonce"]
    other = _queue(outbox, sandbox, account, content=b"\x07" * 32)
    with pytest.raises(StaleReviewError, match="Review it again") as refused:
        outbox.sign_and_send(other.id, account, client, tx=tx)  # a transaction for another design
    assert "Error" not in refused.value.message and outbox.get(other.id).signatures == 0


@pytest.mark.parametrize(
    ("setup", "kind", "words"),
    [
        ("no_funds", "insufficient_funds", "enough KAIA"),
        ("not_minter", "reverted", "not allowed to mint"),
        ("deadline", "reverted", "closed"),
    ],
)
def test_refusals_are_explained_before_anything_is_signed(client, sandbox, outbox, setup, kind, words):
    acct = Account.create()
    sandbox.fund(acct.address, 0 if setup == "no_funds" else 10**18, minter=setup != "not_minter")
    if setup == "deadline":
        sandbox.set_deadline(1)  # 1970: long past
    record = _queue(outbox, sandbox, acct)
    with pytest.raises(errors.ChainError) as err:
        outbox.sign_and_send(record.id, acct, client)
    assert err.value.kind == kind and words in err.value.message
    after = outbox.get(record.id)
    assert after.state == "waiting" and after.signatures == 0 and after.error == err.value.message


def test_duplicate_content_hash_is_refused_by_the_contract_itself(client, sandbox, account, outbox):
    outbox.sign_and_send(_queue(outbox, sandbox, account).id, account, client)
    call = client.contract.functions.mint(account.address, URI, HASH)
    with pytest.raises(errors.ChainError) as err:
        client.call(lambda: call.estimate_gas({"from": account.address}))
    assert "already been minted as token #1" in err.value.message


# --- KAIA transfers (prize payouts) through the same exactly-once path --------------------------


def _payout(recipient, value, memo="", occurrence=1) -> Payout:
    return Payout("sandbox", SANDBOX.chain_id, recipient, value, memo, occurrence)


def test_a_confirmed_transfer_is_paid_once_however_often_it_is_retried(client, sandbox, account, outbox):
    winner = Account.create().address
    payout = _payout(winner, 25 * 10**18, "Prize #1")  # what the person confirmed is what keys it
    record = outbox.queue_send(payout, account.address)
    assert record.kind == "send" and record.value == 25 * 10**18 and record.state == "waiting"
    assert record.memo == "Prize #1"
    done = outbox.sign_and_send(record.id, account, client)
    assert done.state == "confirmed" and done.done and done.signatures == 1
    assert client.balance(winner) == 25 * 10**18
    again = outbox.queue_send(_payout(winner, 25 * 10**18, "Prize #1"), account.address)  # the same confirmation
    assert again.id == record.id
    assert outbox.sign_and_send(again.id, account, client).signatures == 1 and client.balance(winner) == 25 * 10**18
    assert outbox.same_payouts(SANDBOX.chain_id, winner, 25 * 10**18, "Prize #1") == [outbox.get(record.id)]


@pytest.mark.parametrize(
    "other",
    [
        {"memo": "Prize #2"},
        {"value": 25 * 10**18 + 1},
        {"occurrence": 2},  # the same values once more, which the person was asked about
        {"chain_id": 1001},
        {"recipient": "0x000000000000000000000000000000000000bEEF"},
    ],
    ids=["note", "amount", "occurrence", "chain", "recipient"],
)
def test_a_payout_differing_in_anything_confirmed_is_another_payout(outbox, account, other):
    first = _payout("0x00000000000000000000000000000000DeaDBeef", 25 * 10**18, "Prize #1")
    second = dataclasses.replace(first, **other)
    assert first.key != second.key and first.request_id != second.request_id
    assert outbox.queue_send(first, account.address).id != outbox.queue_send(second, account.address).id


def test_a_transfer_killed_before_broadcast_is_sent_once_after_restart(client, sandbox, account, tmp_path):
    def crash(_record):
        raise Interrupted

    winner = Account.create().address
    outbox = MintOutbox(tmp_path / "mints.sqlite3", hooks={"signed": crash})
    record = outbox.queue_send(_payout(winner, 10**18), account.address)
    with pytest.raises(Interrupted):
        outbox.sign_and_send(record.id, account, client)
    outbox.close()
    reopened = MintOutbox(tmp_path / "mints.sqlite3")
    try:
        reopened.reconcile(client)
        (done,) = reopened.reconcile(client)
        assert done.state == "confirmed" and done.signatures == 1 and client.balance(winner) == 10**18
    finally:
        reopened.close()


def test_a_transfer_beyond_the_balance_is_refused_before_signing(client, sandbox, account, outbox):
    record = outbox.queue_send(_payout(Account.create().address, 10**24), account.address)
    with pytest.raises(errors.ChainError) as err:
        outbox.sign_and_send(record.id, account, client)
    assert err.value.kind == "insufficient_funds" and outbox.get(record.id).signatures == 0


def test_an_outbox_from_before_transfers_opens_with_its_mints(tmp_path, client, sandbox, account):
    import sqlite3

    old = MintOutbox(tmp_path / "old.sqlite3")
    old.sign_and_send(_queue(old, sandbox, account).id, account, client)
    old.close()
    conn = sqlite3.connect(tmp_path / "old.sqlite3")
    conn.execute("ALTER TABLE mints DROP COLUMN kind")
    conn.execute("ALTER TABLE mints DROP COLUMN value")
    conn.execute("ALTER TABLE mints DROP COLUMN memo")
    conn.execute("PRAGMA user_version = 0")  # that version kept no schema version
    conn.commit()
    conn.close()
    reopened = MintOutbox(tmp_path / "old.sqlite3")
    try:
        (record,) = reopened.mints()
        assert record.kind == "mint" and record.state == "minted" and record.token_id == 1
    finally:
        reopened.close()
