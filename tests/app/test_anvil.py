"""The JSON-RPC path with real parts: ChainClient and MintOutbox against Anvil, a local node over HTTP
(tests/fixtures/anvil.py; installed from tests/chain/package-lock.json with `npm ci` on first use).

What the in-process sandbox cannot show: a node that goes down between signing and broadcast, or after the
broadcast with the transaction still in its pool, and comes back with its chain but an empty pool."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from eth_account import Account

from app.chain import errors
from app.chain.client import ChainClient
from app.chain.mint_outbox import MintOutbox
from app.chain.networks import MAINNET, custom_network
from tests.fixtures.anvil import CHAIN_DIR, Anvil

pytestmark = pytest.mark.timeout(60)

HASH = bytes(range(32))
URI = "ipfs://bafkreimetadata"
CHAIN_ID = 1001  # Kairos's id: anvil stands in for a Kaia node


@pytest.fixture
def anvil(make_anvil) -> Anvil:
    return make_anvil()


@pytest.fixture
def token(anvil) -> str:
    return anvil.deploy_token()


@pytest.fixture
def account(anvil, token):
    acct = Account.create()
    anvil.fund(token, acct.address)
    return acct


@pytest.fixture
def client(anvil, token) -> ChainClient:
    return ChainClient.connect(custom_network(anvil.rpc_url, CHAIN_ID, contract=token), timeout_s=5)


@pytest.fixture
def outbox(tmp_path):
    box = MintOutbox(tmp_path / "mints.sqlite3")
    yield box
    box.close()


def _queue(outbox: MintOutbox, token: str, account, content: bytes = HASH):
    return outbox.queue("custom", CHAIN_ID, token, account.address, account.address, URI, content, "design-1")


def _total(client: ChainClient) -> int:
    return client.contract.functions.totalMinted().call()


def _settle(outbox: MintOutbox, client: ChainClient, timeout_s: float = 10):
    """Reconcile until the one mint leaves "sent": anvil mines a transaction just after accepting it, not before."""
    deadline = time.monotonic() + timeout_s
    while True:
        (record,) = outbox.reconcile(client)
        if record.state != "sent" or time.monotonic() > deadline:
            return record
        time.sleep(0.02)


def _stop_once(node: Anvil, outbox_hooks: dict, name: str) -> None:
    """Make the outbox's `name` step stop `node`, the first time only (a rebroadcast passes the same step)."""

    def stop(_record) -> None:
        del outbox_hooks[name]
        node.stop()

    outbox_hooks[name] = stop


def _minting_on(node: Anvil, tmp_path: Path):
    """A funded minter, its network and client, and an outbox, on a node that restarts during the test."""
    token = node.deploy_token()
    account = Account.create()
    node.fund(token, account.address)
    network = custom_network(node.rpc_url, CHAIN_ID, contract=token)
    return account, network, ChainClient.connect(network, timeout_s=5), MintOutbox(tmp_path / "mints.sqlite3")


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port`, from /proc/net/tcp{,6} (hex, as the kernel writes them)."""
    found = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        for line in table.read_text().splitlines()[1:] if table.exists() else ():
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.rpartition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_anvil_is_pinned_and_installed_without_scripts(anvil_binary):
    package = json.loads((CHAIN_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((CHAIN_DIR / "package-lock.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["@foundry-rs/anvil"]
    assert version[0].isdigit() and lock["packages"]["node_modules/@foundry-rs/anvil"]["version"] == version
    platform_package = lock["packages"]["node_modules/@foundry-rs/" + anvil_binary.parents[1].name]
    assert platform_package["version"] == version and platform_package["integrity"].startswith("sha512-")
    assert "ignore-scripts=true" in (CHAIN_DIR / ".npmrc").read_text(encoding="utf-8").splitlines()
    result = subprocess.run([str(anvil_binary), "--version"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and f"anvil Version: {version}" in result.stdout


def test_anvil_listens_on_localhost_only_and_prints_its_dev_keys(anvil):
    assert anvil.rpc_url.startswith("http://127.0.0.1:")
    assert anvil.args[anvil.args.index("--host") + 1] == "127.0.0.1" and anvil.args.count("--host") == 1
    if Path("/proc/net/tcp").exists():
        assert _listening_addresses(anvil.port) == {"0100007F"}  # 127.0.0.1, nothing else, no IPv6
    first = Account.from_key(anvil.keys[0]).address
    assert int(anvil.rpc("eth_getBalance", first, "latest"), 16) > 0
    assert first.lower() in [a.lower() for a in anvil.rpc("eth_accounts")]


def test_client_connects_and_follows_kaias_fee_rule(client, anvil):
    assert client.web3.eth.chain_id == CHAIN_ID
    fees = client.fees()
    assert fees.tip == int(anvil.rpc("eth_maxPriorityFeePerGas"), 16)  # the node's answer, not web3's guess
    assert fees.base_fee == int(anvil.rpc("eth_getBlockByNumber", "latest", False)["baseFeePerGas"], 16)
    assert fees.max_fee == 2 * fees.base_fee + fees.tip and fees.base_fee > 0


def test_a_node_on_another_chain_is_refused(anvil):
    expecting_mainnet = custom_network(anvil.rpc_url, MAINNET.chain_id)
    with pytest.raises(errors.ChainError) as err:
        ChainClient.connect(expecting_mainnet, timeout_s=5)
    assert err.value.kind == "wrong_chain" and "8217" in err.value.message and str(CHAIN_ID) in err.value.message


def test_a_mint_lands_once_and_the_contract_refuses_the_same_content_again(client, token, account, outbox):
    record = _queue(outbox, token, account)
    done = outbox.sign_and_send(record.id, account, client, tx=outbox.prepare(record, client))
    assert done.state == "minted" and done.token_id == 1 and done.signatures == 1 and done.block_number
    assert client.receipt(done.tx_hash)["status"] == 1
    assert client.contract.functions.ownerOf(1).call() == account.address
    again = outbox.sign_and_send(record.id, account, client)
    assert again.state == "minted" and again.signatures == 1 and _total(client) == 1
    call = client.contract.functions.mint(account.address, URI, HASH)
    with pytest.raises(errors.ChainError) as err:
        client.call(lambda: call.estimate_gas({"from": account.address}))
    assert err.value.kind == "reverted" and "already been minted as token #1" in err.value.message


def test_node_down_before_the_broadcast_then_back_mints_once(make_anvil, tmp_path):
    node = make_anvil(state=tmp_path / "anvil-state.json")
    account, network, client, outbox = _minting_on(node, tmp_path)
    _stop_once(node, outbox.hooks, "signed")
    try:
        record = _queue(outbox, network.contract, account)
        tx = outbox.prepare(record, client)
        signed = outbox.sign_and_send(record.id, account, client, tx=tx)  # the node dies right after signing
        assert signed.state == "signed" and signed.signatures == 1 and "cannot be reached" in signed.error
        with pytest.raises(errors.ChainError) as err:
            ChainClient.connect(network, timeout_s=5)
        assert err.value.kind == "unreachable"
        assert outbox.reconcile(client)[0].state == "signed"  # still down: nothing changes, nothing raises

        node.start()  # same port, same chain (from its state file)
        assert node.rpc_url == network.rpc_url
        client = ChainClient.connect(network, timeout_s=5)
        (sent,) = outbox.reconcile(client)  # the very same bytes go out again
        assert sent.state == "sent" and sent.tx_hash == signed.tx_hash
        minted = _settle(outbox, client)
        assert minted.state == "minted" and minted.token_id == 1 and minted.signatures == 1
        assert _total(client) == 1 and client.token_of_content(HASH) == 1
        assert client.web3.eth.get_transaction(minted.tx_hash)["nonce"] == tx["nonce"]
        assert outbox.sign_and_send(record.id, account, client).signatures == 1  # confirming again signs nothing
    finally:
        outbox.close()


def test_node_down_with_the_mint_in_its_pool_then_back_without_it_mints_once(make_anvil, tmp_path):
    node = make_anvil(state=tmp_path / "anvil-state.json", no_mining=True)
    account, network, client, outbox = _minting_on(node, tmp_path)
    _stop_once(node, outbox.hooks, "sent")
    try:
        record = _queue(outbox, network.contract, account)
        sent = outbox.sign_and_send(record.id, account, client)  # broadcast, then the node dies before a block
        assert sent.state == "sent" and sent.signatures == 1 and "cannot be reached" in sent.error

        node.start()
        client = ChainClient.connect(network, timeout_s=5)
        assert not client.transaction_known(sent.tx_hash)  # the pool did not survive; the chain did
        assert client.nonce(account.address, "latest") == sent.nonce
        (again,) = outbox.reconcile(client)
        assert again.state == "sent" and again.tx_hash == sent.tx_hash and client.transaction_known(sent.tx_hash)
        node.mine()
        minted = _settle(outbox, client)
        assert minted.state == "minted" and minted.token_id == 1 and minted.signatures == 1
        block = client.web3.eth.get_block(minted.block_number)
        assert [tx.hex().removeprefix("0x") for tx in block["transactions"]] == [sent.tx_hash.removeprefix("0x")]
        assert _total(client) == 1
        node.mine()
        assert outbox.reconcile(client)[0].state == "minted" and _total(client) == 1
    finally:
        outbox.close()


def test_a_used_nonce_is_said_plainly(client, anvil, account):
    fees = client.fees()
    first = client.send_transaction(account.address, Account.create().address, 1, fees)
    raw = account.sign_transaction({k: v for k, v in first.items() if k != "from"}).raw_transaction
    receipt = client.web3.eth.wait_for_transaction_receipt(client.send_raw(raw), timeout=10, poll_latency=0.02)
    assert receipt["status"] == 1  # mined: its nonce is spent (anvil mines just after answering, not before)
    reused = {**first, "value": 2}  # another transaction at the nonce just spent
    with pytest.raises(errors.ChainError) as err:
        client.send_raw(account.sign_transaction({k: v for k, v in reused.items() if k != "from"}).raw_transaction)
    assert err.value.kind == "nonce" and "nonce too low" in err.value.details.lower()
    assert "place in line" in err.value.message and "{" not in err.value.message


def test_the_nodes_refusal_for_lack_of_funds_is_said_plainly(client, anvil, token):
    poor = Account.create()
    anvil.fund(token, poor.address, 0)
    fees = client.fees()
    tx = {  # built by hand: what reaches the node is what is tested here, not what the client checks first
        "type": 2,
        "chainId": CHAIN_ID,
        "to": Account.create().address,
        "value": 1,
        "gas": 21_000,
        "maxFeePerGas": fees.max_fee,
        "maxPriorityFeePerGas": fees.tip,
        "nonce": 0,
    }
    with pytest.raises(errors.ChainError) as err:
        client.send_raw(poor.sign_transaction(tx).raw_transaction)
    assert err.value.kind == "insufficient_funds" and "enough KAIA" in err.value.message


def test_an_empty_wallet_is_told_before_anything_is_signed(client, anvil, token, outbox):
    poor = Account.create()
    anvil.fund(token, poor.address, 0)
    record = _queue(outbox, token, poor)
    with pytest.raises(errors.ChainError) as err:
        outbox.sign_and_send(record.id, poor, client)
    assert err.value.kind == "insufficient_funds" and "enough KAIA" in err.value.message
    after = outbox.get(record.id)
    assert after.state == "waiting" and after.signatures == 0
