"""Paying the winners: the list from a locked round (prizes per rank, owners read from the chain), reviewed once,
sent exactly once through the mint outbox, across a crash and across two staff machines sharing one curation
database; receipts as CSV. Real parts: the in-process sandbox chain with the campaign contract, real outboxes,
a real curation store (SQLite, and a real PostgreSQL server for the two machines)."""

from __future__ import annotations

import csv
import threading
from dataclasses import replace
from decimal import Decimal

import pytest
from eth_account import Account

from app.chain.client import ChainClient
from app.chain.mint_outbox import MintOutbox, Payout
from app.chain.networks import KEI_PER_KAIA, SANDBOX, Network
from app.curation import payouts
from app.curation.payout_store import PAID, SIGNED, PayoutLedger
from app.curation.store import open_store
from app.errors import UserFacingError
from tests.fixtures.curation_chain import campaign
from tests.fixtures.curation_payouts import CAMPAIGN, SETTINGS, winners_ready

PRIZES_KEI = [int(Decimal(p) * KEI_PER_KAIA) for p in ("3", "2", "1")]


class Crash(Exception):
    """The process stops here."""


@pytest.fixture
def chain(tmp_path):
    with campaign(tmp_path / "chain", 3) as c:
        yield c


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "curation.db"), tmp_path / "unused.db")
    yield opened
    opened.close()


def funded_wallet(c):
    account = Account.create()
    c.sandbox.fund(account.address, minter=False)
    return account


def machine(c, store, tmp_path, name, signer, hooks=None):
    client = ChainClient.connect(SANDBOX, sandbox=c.sandbox)
    outbox = MintOutbox(tmp_path / name / "mints.sqlite3", hooks=hooks)
    return payouts.Sender(PayoutLedger(store), outbox, client, signer, name, receipt_timeout_s=5)


def balances(c, addresses):
    return {a: c.sandbox.web3.eth.get_balance(a) for a in addresses}


def reviewed(c, store, ready, signer):
    client = ChainClient.connect(SANDBOX, sandbox=c.sandbox)
    plan = payouts.build_plan(store, SETTINGS, ready.round_id, client, signer.address)
    payouts.confirm_plan(PayoutLedger(store), plan, by=ready.judge_id)
    return plan


def test_the_list_pays_each_rank_its_prize_to_the_owner_on_chain_today(chain, store):
    chain.mint(4, chain.sandbox.dev.address)  # a fourth winner, sold after the import
    ready = winners_ready(store, chain)
    buyer = Account.create().address
    chain.transfer(4, buyer)
    signer = funded_wallet(chain)
    client = ChainClient.connect(SANDBOX, sandbox=chain.sandbox)

    plan = payouts.build_plan(store, SETTINGS, ready.round_id, client, signer.address)

    lines = {line.rank: line for line in plan.lines}
    assert [lines[r].value for r in (1, 2, 3, 4)] == [*PRIZES_KEI, KEI_PER_KAIA // 2]
    assert [lines[r].recipient for r in (1, 2, 3)] == [ready.owners[r] for r in (1, 2, 3)]
    assert lines[4].recipient == buyer and lines[4].owner_changed
    assert str(lines[4].note) == f"Owner changed since import: {chain.sandbox.dev.address} → {buyer}"
    folder = lines[5]
    assert not folder.payable and str(folder.note) == "No token: cannot be paid on chain."
    assert plan.total == sum(PRIZES_KEI) + KEI_PER_KAIA // 2
    assert plan.balance == 100 * KEI_PER_KAIA and plan.enough and plan.fee_max > 0
    assert len({line.memo for line in plan.lines}) == 5 and "round 1 winner #4" in lines[4].memo


def test_only_a_locked_result_with_a_prize_for_every_rank_is_paid(chain, store):
    ready = winners_ready(store, chain, lock=False)
    client = ChainClient.connect(SANDBOX, sandbox=chain.sandbox)
    with pytest.raises(UserFacingError) as not_locked:
        payouts.build_plan(store, SETTINGS, ready.round_id, client, "")
    assert "locked result" in str(not_locked.value)

    other = winners_ready_locked_again(store, ready)
    short = replace(SETTINGS, prizes_kaia="3, 2")
    with pytest.raises(UserFacingError) as no_amount:
        payouts.build_plan(store, short, other, client, "")
    assert str(no_amount.value).startswith("There is no prize amount for rank 3.")

    elsewhere = replace(SETTINGS, network="kairos")
    with pytest.raises(UserFacingError) as wrong:
        payouts.build_plan(store, elsewhere, other, client, "")
    assert "campaign runs on Kairos Testnet, but the wallet uses Sandbox" in str(wrong.value)


def winners_ready_locked_again(store, ready) -> int:
    from app.curation.models import Winner

    winners = [Winner(rank, key) for rank, key in ready.keys.items()] + [Winner(4, ready.folder_key)]
    store.lock_winners(ready.round_id, winners, by=ready.judge_id)
    return ready.round_id


def test_reviewing_twice_records_the_list_once(chain, store):
    ready = winners_ready(store, chain)
    signer = funded_wallet(chain)
    first = reviewed(chain, store, ready, signer)

    with pytest.raises(UserFacingError) as again:
        reviewed(chain, store, ready, signer)

    assert "reviewed and confirmed before" in str(again.value)
    rows = PayoutLedger(store).rows(CAMPAIGN, ready.round_id)
    assert [(r.rank, r.recipient, r.value, r.state) for r in rows] == [
        (line.rank, line.recipient, line.value, "reviewed") for line in first.payable
    ]
    assert [e.action for e in store.audit_since(0)].count("payout.review") == 1


def test_sending_again_pays_nothing_more(chain, store, tmp_path):
    ready = winners_ready(store, chain)
    signer = funded_wallet(chain)
    reviewed(chain, store, ready, signer)
    owners = [ready.owners[r] for r in (1, 2, 3)]
    before = balances(chain, owners)
    sender = machine(chain, store, tmp_path, "desk-1", signer)

    rows = payouts.send_payouts(sender, CAMPAIGN, ready.round_id)
    payouts.send_payouts(sender, CAMPAIGN, ready.round_id)  # "Send" again, as after reopening the window
    reopened = replace(sender, outbox=MintOutbox(tmp_path / "desk-1" / "mints.sqlite3"))
    payouts.send_payouts(reopened, CAMPAIGN, ready.round_id)

    after = balances(chain, owners)
    assert [after[o] - before[o] for o in owners] == PRIZES_KEI
    assert [r.state for r in rows] == [PAID] * 3 and all(r.receipt["status"] == 1 for r in rows)
    assert [m.signatures for m in reopened.outbox.mints()] == [1, 1, 1]
    assert [e.action for e in store.audit_since(0)].count("payout.paid") == 3
    sender.outbox.close()
    reopened.outbox.close()


def test_a_crash_after_signing_broadcasts_the_same_bytes_once(chain, store, tmp_path):
    ready = winners_ready(store, chain)
    signer = funded_wallet(chain)
    reviewed(chain, store, ready, signer)
    winner = ready.owners[1]
    before = balances(chain, [winner])[winner]

    def crash(record):
        raise Crash

    dying = machine(chain, store, tmp_path, "desk-1", signer, hooks={"signed": crash})
    with pytest.raises(Crash):
        payouts.send_payouts(dying, CAMPAIGN, ready.round_id)
    dying.outbox.close()
    stored = PayoutLedger(store).rows(CAMPAIGN, ready.round_id)[0]
    assert stored.state == SIGNED and stored.signed_tx and stored.machine == "desk-1"
    assert balances(chain, [winner])[winner] == before  # signed, never broadcast

    restarted = machine(chain, store, tmp_path, "desk-1", signer)
    rows = payouts.send_payouts(restarted, CAMPAIGN, ready.round_id)

    assert balances(chain, [winner])[winner] - before == PRIZES_KEI[0]
    assert rows[0].state == PAID and rows[0].tx_hash == stored.tx_hash
    assert restarted.outbox.mints()[0].signatures == 1
    restarted.outbox.close()


def test_another_machine_broadcasts_the_bytes_a_dead_machine_signed(chain, store, tmp_path):
    ready = winners_ready(store, chain)
    signer = funded_wallet(chain)
    reviewed(chain, store, ready, signer)
    owners = [ready.owners[r] for r in (1, 2, 3)]
    before = balances(chain, owners)

    def crash(record):
        raise Crash

    dead = machine(chain, store, tmp_path, "desk-1", signer, hooks={"signed": crash})
    with pytest.raises(Crash):
        payouts.send_payouts(dead, CAMPAIGN, ready.round_id)
    dead.outbox.close()
    other_wallet = funded_wallet(chain)
    other = machine(chain, store, tmp_path, "desk-2", other_wallet)

    rows = payouts.send_payouts(other, CAMPAIGN, ready.round_id)

    after = balances(chain, owners)
    assert [after[o] - before[o] for o in owners] == PRIZES_KEI
    assert rows[0].sender == signer.address and rows[1].sender == other_wallet.address
    assert [m.memo for m in other.outbox.mints()] == [r.memo for r in rows[1:]]  # rank 1 went out as desk-1 signed
    other.outbox.close()


def test_a_signature_the_database_never_heard_of_blocks_other_machines_until_its_machine_sends_it(
    chain, store, tmp_path
):
    ready = winners_ready(store, chain)
    signer = funded_wallet(chain)
    reviewed(chain, store, ready, signer)
    winner = ready.owners[1]
    before = balances(chain, [winner])[winner]
    ledger = PayoutLedger(store)
    first = ledger.rows(CAMPAIGN, ready.round_id)[0]

    def crash(record):
        raise Crash

    # desk-1 claimed rank 1 and signed it in its own outbox, then died before the curation database had the bytes.
    dying = machine(chain, store, tmp_path, "desk-1", signer, hooks={"signed": crash})
    assert ledger.claim(first, "desk-1").machine == "desk-1"
    payout = Payout(first.network, first.chain_id, first.recipient, first.value, first.memo)
    with pytest.raises(Crash):
        dying.outbox.sign_and_send(dying.outbox.queue_send(payout, signer.address).id, signer, dying.client)
    dying.outbox.close()

    other = machine(chain, store, tmp_path, "desk-2", funded_wallet(chain))
    with pytest.raises(UserFacingError) as busy:
        payouts.send_payouts(other, CAMPAIGN, ready.round_id)
    assert "being sent from another staff machine (desk-1)" in str(busy.value)
    assert other.outbox.mints() == [] and balances(chain, [winner])[winner] == before

    restarted = machine(chain, store, tmp_path, "desk-1", signer)
    rows = payouts.send_payouts(restarted, CAMPAIGN, ready.round_id)

    assert balances(chain, [winner])[winner] - before == PRIZES_KEI[0]
    assert rows[0].state == PAID and rows[0].tx_hash == restarted.outbox.mints()[0].tx_hash
    assert restarted.outbox.mints()[0].signatures == 1
    other.outbox.close()
    restarted.outbox.close()


def test_two_machines_sending_the_same_list_at_once_pay_each_winner_once(chain, tmp_path, pg_conninfo):
    stores = [open_store(pg_conninfo, tmp_path / f"unused{i}.db") for i in range(2)]
    try:
        ready = winners_ready(stores[0], chain)
        wallets = [funded_wallet(chain), funded_wallet(chain)]
        reviewed(chain, stores[0], ready, wallets[0])
        owners = [ready.owners[r] for r in (1, 2, 3)]
        before = balances(chain, owners)
        senders = [machine(chain, stores[i], tmp_path, f"desk-{i}", wallets[i]) for i in range(2)]
        start = threading.Barrier(2)
        refused: list[BaseException] = []

        def send(sender):
            start.wait()
            try:
                payouts.send_payouts(sender, CAMPAIGN, ready.round_id)
            except UserFacingError as exc:
                refused.append(exc)

        threads = [threading.Thread(target=send, args=(s,)) for s in senders]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        for sender in senders:  # whoever was told "being sent from another machine" tries again
            payouts.send_payouts(sender, CAMPAIGN, ready.round_id)

        after = balances(chain, owners)
        assert [after[o] - before[o] for o in owners] == PRIZES_KEI
        assert all("another staff machine" in str(e) for e in refused)
        rows = PayoutLedger(stores[1]).rows(CAMPAIGN, ready.round_id)
        assert [r.state for r in rows] == [PAID] * 3
        signed = sum(m.signatures for s in senders for m in s.outbox.mints())
        assert signed == 3
        for sender in senders:
            sender.outbox.close()
    finally:
        for opened in stores:
            opened.close()


def test_not_enough_kaia_keeps_the_payout_for_try_again(chain, store, tmp_path):
    ready = winners_ready(store, chain)
    poor = Account.create()
    chain.sandbox.fund(poor.address, amount_kei=KEI_PER_KAIA, minter=False)  # 1 KAIA: not the 3 of rank 1
    reviewed(chain, store, ready, poor)
    sender = machine(chain, store, tmp_path, "desk-1", poor)

    with pytest.raises(UserFacingError) as refused:
        payouts.send_payouts(sender, CAMPAIGN, ready.round_id)

    assert "enough" in str(refused.value).lower() or "funds" in str(refused.value).lower()
    row = PayoutLedger(store).rows(CAMPAIGN, ready.round_id)[0]
    assert row.state == "reviewed" and not row.signed_tx and str(row.error) == str(refused.value)
    chain.sandbox.fund(poor.address, minter=False)
    rows = payouts.send_payouts(sender, CAMPAIGN, ready.round_id)  # Try again: the same payouts
    assert [r.state for r in rows] == [PAID] * 3
    sender.outbox.close()


def test_receipts_export_as_csv_with_kaiascan_links(chain, store, tmp_path):
    ready = winners_ready(store, chain)
    signer = funded_wallet(chain)
    reviewed(chain, store, ready, signer)
    sender = machine(chain, store, tmp_path, "desk-1", signer)
    rows = payouts.send_payouts(sender, CAMPAIGN, ready.round_id)
    sender.outbox.close()
    explorer = Network("sandbox", "Sandbox", SANDBOX.chain_id, explorer="https://kaiascan.example")
    out = tmp_path / "receipts.csv"

    written = payouts.export_receipts_csv(store, ready.round_id, out, networks=[explorer])

    assert written == 3
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert table[0] == list(payouts.CSV_COLUMNS)
    assert table[1][:5] == ["1", str(ready.keys[1]), rows[0].recipient, "3", rows[0].tx_hash]
    assert table[1][5] == f"https://kaiascan.example/tx/{rows[0].tx_hash}"
    assert [t[6] for t in table[1:]] == ["paid"] * 3 and table[3][3] == "1" and table[1][7].endswith("+00:00")
    assert payouts.kaia_text(KEI_PER_KAIA // 4) == "0.25"
