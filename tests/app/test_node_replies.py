"""A chain node that misbehaves: unusable addresses, replies that are not JSON-RPC, replies to another request,
replies without end, and a contract address with nothing at it. Each is said in plain words, nothing crashes,
and a mint whose broadcast got a garbled answer is neither lost nor sent twice.

The misbehaving node is a real HTTP server on 127.0.0.1 (tests/fixtures/hostile_http.py); the well-behaved one is
Anvil (tests/fixtures/anvil.py)."""

from __future__ import annotations

import json
import time
import urllib.request
from typing import Callable

import eth_abi
import pytest
from eth_account import Account
from eth_utils import to_checksum_address

from app.chain import errors
from app.chain import messages as msgs
from app.chain.client import ChainClient
from app.chain.contract import minted_topic
from app.chain.mint_outbox import MintOutbox
from app.chain.networks import KAIROS, custom_network
from app.chain.rpc_provider import MAX_REPLY_BYTES
from app.urls import check_service_url
from tests.fixtures.hostile_http import Answer, HostileServer, Received, rpc_reply

pytestmark = pytest.mark.timeout(60)

CHAIN_ID = KAIROS.chain_id
KAIROS_HEX = hex(CHAIN_ID)
NODE_BYTES = ("<html", "{", "[", "\\x", "jsonrpc", "Traceback")  # what the node sent never reaches the message


def _connect(url: str, timeout_s: float = 2) -> ChainClient:
    return ChainClient.connect(custom_network(url, CHAIN_ID), timeout_s=timeout_s)


def _refused(answer, timeout_s: float = 2) -> tuple[errors.ChainError, HostileServer]:
    with HostileServer(answer) as node:
        with pytest.raises(errors.ChainError) as caught:
            _connect(node.base_url, timeout_s)
    return caught.value, node


def _plain(error: errors.ChainError) -> None:
    assert error.message.endswith(".") and not any(raw in error.message for raw in NODE_BYTES), error.message


# --- addresses --------------------------------------------------------------------------------------


BAD_ADDRESSES = [
    "http://",
    "ftp://x",
    "",
    "   ",
    "not a url",
    "http://:8545",
    "http://exa mple.com:8545",
    "http://127.0.0.1\t:8545",
    "http://user:secret@127.0.0.1:8545",
    "https://key@public-en.node.kaia.io",
    "javascript:alert(1)",
    "http://[::1",
    "http://127.0.0.1:99999",
    "127.0.0.1:8545",
]


@pytest.mark.parametrize("url", BAD_ADDRESSES)
def test_an_unusable_node_address_is_refused_before_anything_is_sent(url):
    with pytest.raises(errors.ChainError) as caught:
        _connect(url)
    error = caught.value
    assert error.kind == "config" and not error.retryable
    assert "address" in error.message and "network settings" in error.message and "Nothing was sent" in error.message
    if "secret" in url or "key@" in url:
        assert "secret" not in error.message and "key@" not in error.message


@pytest.mark.parametrize("url", [u for u in BAD_ADDRESSES if u.strip()])
def test_settings_refuse_the_same_addresses_with_the_same_check(url):
    """The wallet's settings card saves the custom node through check_service_url: the connect check is that one."""
    with pytest.raises(ValueError, match="address"):
        check_service_url(url, "custom node")


# --- replies that are not JSON-RPC ------------------------------------------------------------------

NOT_JSON_RPC = {
    "an HTML page": lambda r: Answer(200, b"<html><body><h1>Welcome to nginx!</h1></body></html>", "text/html"),
    "an HTML error page": lambda r: Answer(500, b"<html><body>500 Internal Server Error</body></html>", "text/html"),
    "a 502 with nothing": lambda r: Answer(502, b""),
    "a 404 text": lambda r: Answer(404, b"404 page not found\n", "text/plain"),
    "garbled bytes": lambda r: Answer(200, bytes(range(256)) * 4),
    "Latin-1 text": lambda r: Answer(200, '{"jsonrpc": "2.0", "result": "caf\u00e9"}'.encode("latin-1")),
    "an empty body": lambda r: Answer(200, b""),
    "whitespace": lambda r: Answer(200, b" \r\n\t "),
    "a JSON array": lambda r: Answer(200, b'[{"jsonrpc": "2.0", "id": 0, "result": "0x3e9"}]'),
    "a JSON string": lambda r: Answer(200, b'"0x3e9"'),
    "a JSON number": lambda r: Answer(200, b"1001"),
    "null": lambda r: Answer(200, b"null"),
    "no result and no error": lambda r: Answer(200, b'{"jsonrpc": "2.0", "id": %d}' % r.json()["id"]),
    "not JSON-RPC 2.0": lambda r: rpc_reply(r, KAIROS_HEX, jsonrpc="1.0"),
    "an error that is text": lambda r: rpc_reply(r, error="boom"),
    "an error without a message": lambda r: rpc_reply(r, error={"code": -32000}),
    "an error with a non-number code": lambda r: rpc_reply(r, error={"code": "x", "message": "m"}),
    "a 500 with a result": lambda r: Answer(500, rpc_reply(r, KAIROS_HEX).body),
    "truncated JSON": lambda r: Answer(200, rpc_reply(r, KAIROS_HEX).body[:-3]),
    "NaN": lambda r: Answer(200, b'{"jsonrpc": "2.0", "id": 0, "result": NaN}'),
}


def _deep(levels: int) -> bytes:
    return b'{"a": ' * levels + b"1" + b"}" * levels


NESTED = {
    "a million brackets": lambda r: Answer(200, b"[" * 1_000_000),
    "a deep result, unclosed": lambda r: Answer(200, b'{"jsonrpc": "2.0", "id": 0, "result": ' + b"[" * 100_000),
    "deep objects, closed": lambda r: Answer(200, b'{"jsonrpc": "2.0", "id": 0, "result": ' + _deep(5000) + b"}"),
    "a deep error": lambda r: Answer(200, b'{"jsonrpc": "2.0", "id": 0, "error": ' + _deep(100) + b"}"),
}
WRONG_RESULTS = {
    "a chain id of zzz": lambda r: rpc_reply(r, "zzz"),
    "a chain id that is an object": lambda r: rpc_reply(r, {"chainId": KAIROS_HEX}),
    "a chain id that is a list": lambda r: rpc_reply(r, [KAIROS_HEX]),
    "a chain id of true": lambda r: rpc_reply(r, True),
    "a chain id of null": lambda r: rpc_reply(r, None),
}


@pytest.mark.parametrize("name", list(NOT_JSON_RPC) + list(NESTED) + list(WRONG_RESULTS))
def test_a_reply_that_is_not_json_rpc_is_said_plainly_and_is_worth_retrying(name):
    answer = {**NOT_JSON_RPC, **NESTED, **WRONG_RESULTS}[name]
    error, _ = _refused(answer)
    assert error.kind == "bad_reply" and error.retryable, (name, error.kind, error.message)
    assert "node" in error.message and "outbox" in error.message
    _plain(error)


def test_a_node_refusal_inside_an_http_error_keeps_its_meaning():
    def refusal(r: Received) -> Answer:
        body = rpc_reply(r, error={"code": -32000, "message": "insufficient funds for gas * price + value"}).body
        return Answer(500, body)

    error, _ = _refused(refusal)
    assert error.kind == "insufficient_funds" and "enough KAIA" in error.message


# --- replies to another request -----------------------------------------------------------------------

WRONG_IDS = {
    "the next id": lambda r: rpc_reply(r, KAIROS_HEX, id=r.json()["id"] + 1),
    "a much later id": lambda r: rpc_reply(r, KAIROS_HEX, id=r.json()["id"] + 1000),
    "the id as text": lambda r: rpc_reply(r, KAIROS_HEX, id=str(r.json()["id"])),
    "the id as a float": lambda r: rpc_reply(r, KAIROS_HEX, id=float(r.json()["id"])),
    "a null id with a result": lambda r: rpc_reply(r, KAIROS_HEX, id=None),
    "a boolean id": lambda r: rpc_reply(r, KAIROS_HEX, id=not r.json()["id"]),
    "an id that is a list": lambda r: rpc_reply(r, KAIROS_HEX, id=[r.json()["id"]]),
}


@pytest.mark.parametrize("name", list(WRONG_IDS))
def test_a_reply_to_another_request_is_refused(name):
    error, node = _refused(WRONG_IDS[name])
    assert error.kind == "bad_reply" and "different request" in error.message
    assert len(node.requests) == 1  # not asked again and again
    _plain(error)


def test_a_reply_without_an_id_is_refused():
    error, _ = _refused(lambda r: Answer(200, b'{"jsonrpc": "2.0", "result": "0x3e9"}'))
    assert error.kind == "bad_reply" and "different request" in error.message


def test_a_node_error_with_a_null_id_is_still_the_nodes_error():
    """JSON-RPC allows a null id on an error when the node could not read the request's id."""
    error, _ = _refused(lambda r: rpc_reply(r, error={"code": -32700, "message": "parse error"}, id=None))
    assert error.kind == "rejected" and "parse error" in error.details


# --- replies without end ------------------------------------------------------------------------------

ENDLESS = {
    "an endless string result": lambda r: Answer(200, b'{"jsonrpc": "2.0", "id": 0, "result": "', endless=b"a"),
    "endless whitespace": lambda r: Answer(200, b"", endless=b" " * 1024),
    "endless brackets": lambda r: Answer(200, b"", endless=b"[" * 1024),
    "a Content-Length of 10 GB": lambda r: Answer(200, b"{}", content_length=10 * 1024**3),
    "a Content-Length of 9 MB, body short": lambda r: Answer(200, b"{}", content_length=9 * 1024 * 1024),
}


@pytest.mark.parametrize("name", list(ENDLESS))
def test_a_reply_of_gigabytes_is_cut_off_at_the_cap(name):
    started = time.monotonic()
    error, node = _refused(ENDLESS[name])
    assert error.kind == "bad_reply" and "larger than 8 MB" in error.message
    assert node.sent_bytes < 4 * MAX_REPLY_BYTES  # the client stopped reading, it did not buffer everything
    assert time.monotonic() - started < 10


def test_a_reply_just_under_the_cap_is_read():
    padding = " " * (MAX_REPLY_BYTES - 200)

    def padded(r: Received) -> Answer:
        return Answer(200, rpc_reply(r, KAIROS_HEX).body[:-1] + padding.encode() + b"}")

    with HostileServer(padded) as node:
        assert _connect(node.base_url).network.chain_id == CHAIN_ID


@pytest.mark.parametrize("pause_s", [0.05, 0.2])
def test_a_node_trickling_its_reply_meets_an_overall_deadline(pause_s):
    """Each byte arrives well within the read timeout; the whole reply never does."""
    started = time.monotonic()
    error, _ = _refused(lambda r: Answer(body=rpc_reply(r, KAIROS_HEX).body, trickle_s=pause_s), timeout_s=0.5)
    assert error.kind == "timeout" and error.retryable and "did not answer in time" in error.message
    assert time.monotonic() - started < 2


def test_a_node_whose_reply_head_trickles_meets_the_same_deadline():
    """The status line and headers a byte at a time: read inside the HTTP library, before any body is."""
    with HostileServer(Answer(head_trickle_s=0.05)) as node:
        started = time.monotonic()
        with pytest.raises(errors.ChainError) as caught:
            _connect(node.base_url, timeout_s=0.5)
    assert caught.value.kind == "timeout" and "did not answer in time" in caught.value.message
    assert time.monotonic() - started < 3


def test_a_node_that_stalls_mid_reply_times_out():
    error, _ = _refused(lambda r: Answer(body=rpc_reply(r, KAIROS_HEX).body, trickle_s=5), timeout_s=0.5)
    assert error.kind == "timeout" and "did not answer in time" in error.message


# --- a contract address with nothing there -------------------------------------------------------------


@pytest.fixture
def anvil(make_anvil):
    return make_anvil()


@pytest.mark.parametrize(
    "where",
    ["a fresh address", "a funded account", "a precompile", "the zero address"],
)
def test_a_contract_address_with_no_code_is_said_plainly_on_connect(anvil, where):
    funded = Account.from_key(anvil.keys[1]).address
    address = {
        "a fresh address": Account.create().address,
        "a funded account": funded,
        "a precompile": "0x0000000000000000000000000000000000000001",
        "the zero address": "0x0000000000000000000000000000000000000000",
    }[where]
    network = custom_network(anvil.rpc_url, CHAIN_ID, contract=address)
    with pytest.raises(errors.ChainError) as caught:
        ChainClient.connect(network, timeout_s=5)
    error = caught.value
    assert error.kind == "config" and not error.retryable
    assert f"There is no contract at {to_checksum_address(address)} on {network.name}." in error.message
    assert "network settings" in error.message


def test_a_contract_that_is_there_connects(anvil):
    token = anvil.deploy_token()
    client = ChainClient.connect(custom_network(anvil.rpc_url, CHAIN_ID, contract=token), timeout_s=5)
    assert client.contract.functions.totalMinted().call() == 0


# --- money: a garbled answer to a broadcast -----------------------------------------------------------


def _forward(anvil, request: Received) -> bytes:
    req = urllib.request.Request(anvil.rpc_url, data=request.body, headers={"Content-Type": "application/json"})
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(req, timeout=10) as reply:
        return reply.read()


@pytest.mark.parametrize(
    "garbled",
    [
        Answer(502, b"<html>Bad gateway</html>", "text/html"),
        Answer(200, b"\xff\xfe\x00garbage"),
        Answer(200, b'{"jsonrpc": "2.0", "id": 99999, "result": "0x' + b"0" * 64 + b'"}'),
    ],
    ids=["bad gateway", "garbage", "another request's id"],
)
def test_a_broadcast_answered_with_garbage_is_kept_and_lands_once(anvil, tmp_path, garbled):
    """The node took the transaction but its answer was garbled: the mint stays signed (not failed, not
    re-signed) and the next reconcile finds it mined."""
    token = anvil.deploy_token()
    account = Account.create()
    anvil.fund(token, account.address)

    def proxy(request: Received) -> Answer:
        reply = _forward(anvil, request)
        return garbled if request.json().get("method") == "eth_sendRawTransaction" else Answer(200, reply)

    outbox = MintOutbox(tmp_path / "mints.sqlite3")
    try:
        with HostileServer(proxy) as node:
            network = custom_network(node.base_url, CHAIN_ID, contract=token)
            client = ChainClient.connect(network, timeout_s=5)
            who = account.address
            record = outbox.queue("custom", CHAIN_ID, token, who, who, "ipfs://bafkreimetadata", b"\1" * 32, "d")
            sent = outbox.sign_and_send(record.id, account, client)
            assert sent.state == "signed" and sent.signatures == 1 and "outbox" in sent.error
        clean = ChainClient.connect(custom_network(anvil.rpc_url, CHAIN_ID, contract=token), timeout_s=5)
        deadline = time.monotonic() + 10
        while (done := outbox.reconcile(clean)[0]).state != "minted" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert done.state == "minted" and done.signatures == 1 and done.tx_hash == sent.tx_hash
        assert clean.contract.functions.totalMinted().call() == 1
    finally:
        outbox.close()


# --- answers that parse but mean nothing: numbers no chain has, calls that do not decode, broken receipts ------


def _result(text: str):
    """A reply whose result is `text` as JSON source, so a number like 1e999 (infinity to Python) can be sent."""
    return lambda r: Answer(200, b'{"jsonrpc": "2.0", "id": %d, "result": %s}' % (r.json()["id"], text.encode()))


def _tampered(anvil, answers: dict) -> Callable[[Received], Answer]:
    """Anvil behind a proxy that answers the methods in `answers` itself (a function of the request, or None to
    let that one request through)."""

    def proxy(request: Received) -> Answer:
        answer = answers.get(request.json().get("method"))
        scripted = answer(request) if answer is not None else None
        return scripted if scripted is not None else Answer(200, _forward(anvil, request))

    return proxy


@pytest.fixture
def minting(anvil, tmp_path):
    """A deployed token, a funded minter and an outbox: (token, account, outbox)."""
    token = anvil.deploy_token()
    account = Account.create()
    anvil.fund(token, account.address)
    outbox = MintOutbox(tmp_path / "mints.sqlite3")
    yield token, account, outbox
    outbox.close()


def _abi_string_of_length(length: int) -> str:
    return "0x" + eth_abi.encode(["uint256", "uint256"], [0x20, length]).hex()


GARBLED_NUMBERS = {
    "a chain id of 4000 hex digits": ("eth_chainId", '"0x' + "f" * 4000 + '"', None),
    "a block number of 1e999": ("eth_blockNumber", "1e999", lambda c: c.call(lambda: int(c.web3.eth.block_number))),
    "a gas estimate of 300 hex digits": (
        "eth_estimateGas",
        '"0x' + "f" * 300 + '"',
        lambda c: c.mint_transaction(c.contract.address, c.contract.address, "ipfs://x", b"\1" * 32, c.fees()),
    ),
    "a nonce of 2**63": ("eth_getTransactionCount", f'"{hex(2**63)}"', lambda c: c.nonce(c.contract.address)),
    "a token id of 2**64": (
        "eth_call",
        '"0x' + eth_abi.encode(["uint256"], [2**64]).hex() + '"',
        lambda c: c.token_of_content(b"\1" * 32),
    ),
    "a call result of one byte": ("eth_call", '"0x00"', lambda c: c.token_of_content(b"\1" * 32)),
    "an empty call result": ("eth_call", '"0x"', lambda c: c.is_minter(c.contract.address)),
    "a text of 2**255 bytes": (
        "eth_call",
        f'"{_abi_string_of_length(2**255)}"',
        lambda c: c.call(lambda: c.contract.functions.tokenURI(1).call()),
    ),
}


@pytest.mark.parametrize("name", list(GARBLED_NUMBERS))
def test_a_number_no_chain_has_or_a_result_that_does_not_decode_is_a_bad_reply(anvil, name):
    """Each is said as the node's unreadable reply, worth trying again, never a Python error."""
    method, result, use = GARBLED_NUMBERS[name]
    token = anvil.deploy_token()
    with HostileServer(_tampered(anvil, {method: _result(result)})) as node:
        with pytest.raises(errors.ChainError) as caught:
            client = _connect_to(node.base_url, token)
            if use is not None:
                use(client)
    error = caught.value
    assert error.kind == "bad_reply" and error.retryable and "cannot read" in error.message, (name, error)
    _plain(error)


def _connect_to(url: str, token: str) -> ChainClient:
    return ChainClient.connect(custom_network(url, CHAIN_ID, contract=token), timeout_s=5)


def _settled(outbox: MintOutbox, client: ChainClient, state: str):
    deadline = time.monotonic() + 10
    while (record := outbox.reconcile(client)[0]).state != state and time.monotonic() < deadline:
        time.sleep(0.02)
    return record


def _receipt_changed(anvil, change: Callable[[dict], None]) -> Callable[[Received], Answer | None]:
    def answer(request: Received) -> Answer | None:
        reply = json.loads(_forward(anvil, request))
        if not reply.get("result"):
            return None  # not mined yet: as the node said
        change(reply["result"])
        return Answer(200, json.dumps(reply).encode())

    return answer


def _minted_logs(receipt: dict) -> list[dict]:
    return [entry for entry in receipt["logs"] if entry["topics"][0] == "0x" + minted_topic().hex()]


BROKEN_RECEIPTS = {
    "no status": lambda r: r.pop("status"),
    "a null block number": lambda r: r.update(blockNumber=None),
    "no block number": lambda r: r.pop("blockNumber"),
    "a status that is an object": lambda r: r.update(status={"ok": True}),
    "a status that is a list": lambda r: r.update(status=["0x1"]),
    "a status of 2": lambda r: r.update(status="0x2"),
    "a token id no mint has": lambda r: _minted_logs(r)[0]["topics"].__setitem__(1, "0x" + "ff" * 32),
}


@pytest.mark.parametrize("name", list(BROKEN_RECEIPTS))
def test_a_broken_receipt_keeps_the_mint_on_its_way_and_says_so(anvil, minting, name):
    """The mint is neither lost, nor marked failed, nor signed again: it waits, with the node's unreadable reply
    said in words, and settles once a node answers properly."""
    token, account, outbox = minting
    clean = _connect_to(anvil.rpc_url, token)
    record = outbox.queue("custom", CHAIN_ID, token, account.address, account.address, "ipfs://m", b"\2" * 32, "d")
    sent = outbox.sign_and_send(record.id, account, clean, wait=False)
    assert sent.state == "sent"
    with HostileServer(
        _tampered(anvil, {"eth_getTransactionReceipt": _receipt_changed(anvil, BROKEN_RECEIPTS[name])})
    ) as node:
        tampering = _connect_to(node.base_url, token)
        kept = outbox.reconcile(tampering)[0]
        assert kept.state == "sent" and kept.signatures == 1 and "cannot read" in kept.error, (name, kept)
        with pytest.raises(errors.ChainError) as caught:  # "confirm again": refused in words, nothing signed
            outbox.sign_and_send(record.id, account, tampering)
        assert caught.value.kind == "bad_reply" and "cannot read" in caught.value.message
        assert outbox.get(record.id).state == "sent" and outbox.get(record.id).signatures == 1
    done = _settled(outbox, clean, "minted")
    assert done.state == "minted" and done.token_id == 1 and done.signatures == 1


def _add_minted_log_without_address(receipt: dict) -> None:
    receipt["logs"].insert(0, {"topics": _minted_logs(receipt)[0]["topics"]})


def test_a_minted_log_without_its_address_is_passed_over(anvil, minting):
    """Not a log of this contract's (web3 lets it through as it is): the real Minted event after it still counts."""
    token, account, outbox = minting
    record = outbox.queue("custom", CHAIN_ID, token, account.address, account.address, "ipfs://m", b"\3" * 32, "d")
    answers = {"eth_getTransactionReceipt": _receipt_changed(anvil, _add_minted_log_without_address)}
    with HostileServer(_tampered(anvil, answers)) as node:
        done = outbox.sign_and_send(record.id, account, _connect_to(node.base_url, token))
    assert done.state == "minted" and done.token_id == 1 and done.signatures == 1, done


@pytest.mark.parametrize("replay", ['"0x0z"', "-1", "-1e308", "{}"])
def test_a_reverted_mint_whose_replay_is_garbled_fails_as_refused_by_the_contract(anvil, tmp_path, replay):
    """A mint from a wallet that may not mint lands reverted; asking the node why (a replay at its block) gets an
    answer that is not call data: the mint is failed, in the contract's general words."""
    token = anvil.deploy_token()
    account = Account.create()
    anvil.fund(token, account.address, minter=False)
    answers = {
        "eth_estimateGas": _result('"0x30000"'),  # the node would say it reverts: sign it anyway, so it lands
        "eth_call": lambda r: _result(replay)(r) if r.json()["params"][1] != "latest" else None,
    }
    outbox = MintOutbox(tmp_path / "mints.sqlite3")
    try:
        with HostileServer(_tampered(anvil, answers)) as node:
            client = _connect_to(node.base_url, token)
            record = outbox.queue("custom", CHAIN_ID, token, account.address, account.address, "ipfs://m", b"\4" * 32)
            done = outbox.sign_and_send(record.id, account, client)
        assert done.state == "failed" and done.block_number and done.error == msgs.CONTRACT_REFUSED().english(), done
    finally:
        outbox.close()


def test_a_broadcast_refused_then_confirmed_again_unchanged_mints_once(anvil, minting):
    """The node refuses the broadcast outright (not enough KAIA, it says); confirming again with nothing changed
    signs the very same bytes: that is one transaction, and it mints."""
    token, account, outbox = minting
    refusals = []

    def refuse_once(request: Received) -> Answer | None:
        if refusals:
            return None
        refusals.append(request)
        return rpc_reply(request, error={"code": -32000, "message": "insufficient funds for gas * price + value"})

    with HostileServer(_tampered(anvil, {"eth_sendRawTransaction": refuse_once})) as node:
        client = _connect_to(node.base_url, token)
        record = outbox.queue("custom", CHAIN_ID, token, account.address, account.address, "ipfs://m", b"\5" * 32)
        refused = outbox.sign_and_send(record.id, account, client)
        assert refused.state == "failed" and "enough KAIA" in refused.error
        done = outbox.sign_and_send(record.id, account, client)
    assert done.state == "minted" and done.signatures == 1 and done.tx_hash == refused.tx_hash
    assert anvil.token(token).functions.totalMinted().call() == 1
