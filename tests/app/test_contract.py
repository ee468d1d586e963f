"""SM6DesignToken as built: the committed artifact deployed on an in-process py-evm chain, reverts read back in words.

web3 8's EthereumTesterProvider raises eth-tester's TransactionFailed for a revert (a node over JSON-RPC gives
ContractLogicError with `.data`); `revert_data` takes either, and `decode_revert` says what it means.
"""

from __future__ import annotations

import hashlib

import eth_abi
import pytest
from eth.vm.forks import ShanghaiVM
from eth_tester import EthereumTester, PyEVMBackend
from eth_tester.exceptions import TransactionFailed
from web3 import EthereumTesterProvider, Web3
from web3.exceptions import ContractLogicError
from web3.logs import DISCARD

from app.chain.contract import RevertReason, content_hash, decode_revert, load_artifact, revert_data

IMAGE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # stands in for a design's PNG: any bytes hash the same way
URI = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
DEADLINE = 4_102_444_800  # 1 January 2100, 00:00 UTC


class Chain:
    def __init__(self, vm_configuration=None) -> None:
        self.tester = EthereumTester(PyEVMBackend(vm_configuration=vm_configuration))
        self.w3 = Web3(EthereumTesterProvider(self.tester))
        self.owner, self.visitor, self.kiosk, self.buyer = self.w3.eth.accounts[:4]
        artifact = load_artifact()
        factory = self.w3.eth.contract(abi=artifact["abi"], bytecode=artifact["bytecode"])
        receipt = self.send(factory.constructor(self.owner), self.owner)
        assert receipt.status == 1
        self.address = receipt.contractAddress
        self.token = self.w3.eth.contract(address=self.address, abi=artifact["abi"])

    def send(self, fn, sender):
        return self.w3.eth.wait_for_transaction_receipt(fn.transact({"from": sender}))

    def mint(self, to, uri=URI, digest=None, sender=None):
        digest = content_hash(IMAGE) if digest is None else digest
        return self.send(self.token.functions.mint(to, uri, digest), sender or self.owner)

    def refusal(self, fn, sender) -> RevertReason:
        """Why `fn` from `sender` is refused, as gas estimation (what a wallet does before signing) reports it."""
        with pytest.raises((TransactionFailed, ContractLogicError)) as caught:
            fn.estimate_gas({"from": sender})
        data = revert_data(caught.value)
        assert data, f"no revert data in {caught.value!r}"
        reason = decode_revert(data)
        assert reason is not None
        assert decode_revert("0x" + data.hex()) == reason  # hex, as web3 gives `.data` from a node, reads the same
        return reason


@pytest.fixture(scope="module")
def deployed() -> Chain:
    return Chain()


@pytest.fixture
def chain(deployed: Chain):
    """The deployed contract, put back to its just-deployed state after each test."""
    snapshot = deployed.tester.take_snapshot()
    yield deployed
    deployed.tester.revert_to_snapshot(snapshot)


def test_the_chain_runs_the_committed_bytecode(chain):
    assert chain.w3.eth.get_code(chain.address).to_0x_hex() == load_artifact()["deployedBytecode"]
    assert chain.token.functions.name().call() == "Create Your SM6"
    assert chain.token.functions.symbol().call() == "SM6"
    assert chain.token.functions.owner().call() == chain.owner


@pytest.mark.parametrize(
    ("interface_id", "supported"),
    [
        ("0x80ac58cd", True),  # ERC-721, which KIP-17 shares
        ("0x5b5e139f", True),  # ERC-721 metadata (name, symbol, tokenURI)
        ("0x49064906", True),  # ERC-4906: marketplaces refresh on MetadataUpdate
        ("0x01ffc9a7", True),  # ERC-165 itself
        ("0x780e9d63", False),  # ERC-721 enumerable: not offered
        ("0x12345678", False),
        ("0xffffffff", False),  # ERC-165 requires false
    ],
)
def test_wallets_and_marketplaces_recognise_the_token(chain, interface_id, supported):
    assert chain.token.functions.supportsInterface(bytes.fromhex(interface_id[2:])).call() is supported


def test_content_hash_is_the_sha256_of_the_image():
    assert content_hash(IMAGE) == hashlib.sha256(IMAGE).digest()
    assert len(content_hash(b"")) == 32


def test_owner_mints_the_first_token(chain):
    digest = content_hash(IMAGE)
    assert chain.token.functions.isMinter(chain.owner).call()
    assert chain.token.functions.tokenOfContent(digest).call() == 0
    assert chain.token.functions.totalMinted().call() == 0

    token_id = chain.token.functions.mint(chain.visitor, URI, digest).call({"from": chain.owner})
    receipt = chain.mint(chain.visitor)

    assert receipt.status == 1
    assert token_id == 1
    assert chain.token.functions.ownerOf(1).call() == chain.visitor
    assert chain.token.functions.tokenURI(1).call() == URI
    assert chain.token.functions.balanceOf(chain.visitor).call() == 1
    assert chain.token.functions.tokenOfContent(digest).call() == 1
    assert chain.token.functions.totalMinted().call() == 1
    (minted,) = chain.token.events.Minted().process_receipt(receipt, errors=DISCARD)
    assert dict(minted.args) == {"tokenId": 1, "to": chain.visitor, "contentHash": digest, "uri": URI}
    (transfer,) = chain.token.events.Transfer().process_receipt(receipt, errors=DISCARD)
    assert dict(transfer.args) == {"from": "0x" + "00" * 20, "to": chain.visitor, "tokenId": 1}
    (update,) = chain.token.events.MetadataUpdate().process_receipt(receipt, errors=DISCARD)
    assert update.args._tokenId == 1


def test_token_ids_count_up_from_one(chain):
    for n, image in enumerate((b"first design", b"second design", b"third design"), start=1):
        receipt = chain.mint(chain.visitor, f"ipfs://design-{n}", content_hash(image))
        (minted,) = chain.token.events.Minted().process_receipt(receipt, errors=DISCARD)
        assert minted.args.tokenId == n
        assert chain.token.functions.tokenOfContent(content_hash(image)).call() == n
    assert chain.token.functions.totalMinted().call() == 3
    assert chain.token.functions.tokenURI(2).call() == "ipfs://design-2"


def test_the_same_image_cannot_be_minted_twice(chain):
    chain.mint(chain.visitor)
    again = chain.token.functions.mint(chain.buyer, "ipfs://another-uri", content_hash(IMAGE))

    reason = chain.refusal(again, chain.owner)

    assert reason.name == "ContentAlreadyMinted"
    assert reason.args == {"contentHash": "0x" + content_hash(IMAGE).hex(), "tokenId": 1}
    assert reason.message.startswith("This design has already been minted as token #1.")
    # Sent anyway (gas set by hand, so nothing checks first): it is mined as failed and mints nothing.
    receipt = chain.w3.eth.wait_for_transaction_receipt(again.transact({"from": chain.owner, "gas": 500_000}))
    assert receipt.status == 0
    assert chain.token.functions.totalMinted().call() == 1
    assert chain.token.functions.balanceOf(chain.buyer).call() == 0


def test_a_wallet_that_is_not_a_minter_is_told_to_ask_the_staff(chain):
    reason = chain.refusal(chain.token.functions.mint(chain.kiosk, URI, content_hash(IMAGE)), chain.kiosk)

    assert reason.name == "NotMinter"
    assert reason.args == {"account": chain.kiosk}
    assert "not allowed to mint" in reason.message
    assert chain.kiosk in reason.message
    assert "campaign staff" in reason.message
    assert chain.token.functions.totalMinted().call() == 0


def test_the_owner_can_let_a_kiosk_mint_and_stop_it_again(chain):
    receipt = chain.send(chain.token.functions.setMinter(chain.kiosk, True), chain.owner)
    (changed,) = chain.token.events.MinterChanged().process_receipt(receipt, errors=DISCARD)
    assert dict(changed.args) == {"account": chain.kiosk, "allowed": True}
    assert chain.token.functions.isMinter(chain.kiosk).call()

    assert chain.mint(chain.visitor, sender=chain.kiosk).status == 1
    assert chain.token.functions.ownerOf(1).call() == chain.visitor

    chain.send(chain.token.functions.setMinter(chain.kiosk, False), chain.owner)
    assert not chain.token.functions.isMinter(chain.kiosk).call()
    reason = chain.refusal(chain.token.functions.mint(chain.visitor, URI, content_hash(b"next")), chain.kiosk)
    assert reason.name == "NotMinter"


def test_minting_stops_after_the_submission_deadline_and_reopens_without_one(chain):
    assert chain.token.functions.submissionDeadline().call() == 0
    receipt = chain.send(chain.token.functions.setSubmissionDeadline(DEADLINE), chain.owner)
    (changed,) = chain.token.events.SubmissionDeadlineChanged().process_receipt(receipt, errors=DISCARD)
    assert changed.args.deadline == DEADLINE
    assert chain.token.functions.submissionDeadline().call() == DEADLINE
    assert chain.mint(chain.visitor, digest=content_hash(b"before the deadline")).status == 1

    chain.tester.time_travel(DEADLINE + 60)
    late = chain.token.functions.mint(chain.visitor, URI, content_hash(b"after the deadline"))
    reason = chain.refusal(late, chain.owner)

    assert reason.name == "SubmissionsClosed"
    assert reason.args == {"deadline": DEADLINE}
    assert "Submissions closed on 1 January 2100 at 00:00 UTC" in reason.message
    assert "campaign staff" in reason.message

    chain.send(chain.token.functions.setSubmissionDeadline(0), chain.owner)
    assert chain.send(late, chain.owner).status == 1
    assert chain.token.functions.totalMinted().call() == 2


def test_an_empty_content_hash_is_refused(chain):
    reason = chain.refusal(chain.token.functions.mint(chain.visitor, URI, bytes(32)), chain.owner)

    assert reason.name == "EmptyContentHash"
    assert reason.args == {}
    assert "fingerprint" in reason.message
    assert chain.token.functions.totalMinted().call() == 0


def test_minting_to_the_zero_address_is_refused(chain):
    reason = chain.refusal(chain.token.functions.mint("0x" + "00" * 20, URI, content_hash(IMAGE)), chain.owner)

    assert reason.name == "ERC721InvalidReceiver"
    assert "cannot hold tokens" in reason.message


def test_the_owner_can_correct_a_token_uri_and_marketplaces_are_told(chain):
    chain.mint(chain.visitor)
    receipt = chain.send(chain.token.functions.setTokenURI(1, "ipfs://corrected"), chain.owner)

    (update,) = chain.token.events.MetadataUpdate().process_receipt(receipt, errors=DISCARD)
    assert update.args._tokenId == 1
    assert chain.token.functions.tokenURI(1).call() == "ipfs://corrected"
    assert chain.token.functions.ownerOf(1).call() == chain.visitor


def test_a_token_that_does_not_exist_is_named(chain):
    reason = chain.refusal(chain.token.functions.setTokenURI(7, "ipfs://x"), chain.owner)
    assert reason.name == "ERC721NonexistentToken"
    assert reason.message.startswith("Token #7 does not exist")

    with pytest.raises(TransactionFailed) as caught:
        chain.token.functions.tokenURI(7).call()
    assert decode_revert(revert_data(caught.value)) == RevertReason(
        "ERC721NonexistentToken", {"tokenId": 7}, reason.msg
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda token, who: token.functions.setTokenURI(1, "ipfs://hijacked"),
        lambda token, who: token.functions.setMinter(who, True),
        lambda token, who: token.functions.setSubmissionDeadline(1),
    ],
    ids=["setTokenURI", "setMinter", "setSubmissionDeadline"],
)
def test_only_the_owner_changes_the_contract(chain, change):
    chain.mint(chain.visitor)

    reason = chain.refusal(change(chain.token, chain.visitor), chain.visitor)

    assert reason.name == "OwnableUnauthorizedAccount"
    assert reason.args == {"account": chain.visitor}
    assert reason.message.startswith("Only the contract's owner can do this")
    assert chain.token.functions.tokenURI(1).call() == URI
    assert not chain.token.functions.isMinter(chain.visitor).call()
    assert chain.token.functions.submissionDeadline().call() == 0


def test_a_new_owner_mints_and_the_old_one_no_longer_does(chain):
    chain.send(chain.token.functions.transferOwnership(chain.buyer), chain.owner)

    assert chain.token.functions.isMinter(chain.buyer).call()
    assert not chain.token.functions.isMinter(chain.owner).call()
    assert chain.mint(chain.visitor, sender=chain.buyer).status == 1
    reason = chain.refusal(chain.token.functions.mint(chain.visitor, URI, content_hash(b"x")), chain.owner)
    assert reason.name == "NotMinter"


def test_the_contract_runs_on_a_shanghai_chain():
    """Compiled for Shanghai, so nodes and forks without Cancun's opcodes (MCOPY, TSTORE) run it too."""
    chain = Chain(vm_configuration=((0, ShanghaiVM),))
    assert chain.mint(chain.visitor).status == 1
    assert chain.token.functions.tokenURI(1).call() == URI
    assert chain.refusal(chain.token.functions.mint(chain.visitor, URI, content_hash(IMAGE)), chain.owner).args == {
        "contentHash": "0x" + content_hash(IMAGE).hex(),
        "tokenId": 1,
    }


def test_every_error_in_the_abi_has_its_own_sentence():
    generic = decode_revert(bytes.fromhex("deadbeef")).message
    for entry in load_artifact()["abi"]:
        if entry["type"] != "error":
            continue
        types = [i["type"] for i in entry["inputs"]]
        samples = {"address": "0x" + "ab" * 20, "uint256": 3, "uint64": DEADLINE, "bytes32": b"\x01" * 32}
        signature = f"{entry['name']}({','.join(types)})"
        data = Web3.keccak(text=signature)[:4] + eth_abi.encode(types, [samples[t] for t in types])
        reason = decode_revert(data)
        assert reason is not None and reason.name == entry["name"], signature
        assert reason.message and reason.message != generic, signature
        assert "refused this (" not in reason.message, f"{signature} falls back to the generic sentence"


def test_solidity_error_strings_panics_and_unknown_codes_read_plainly():
    error = decode_revert(bytes.fromhex("08c379a0") + eth_abi.encode(["string"], ["Sale <b>paused</b>\nsoon"]))
    assert error.name == "Error"
    assert error.args == {"message": "Sale <b>paused</b>\nsoon"}
    assert '"Sale <b>paused</b> soon"' in error.message  # the contract's words, on one line, as plain text

    panic = decode_revert(bytes.fromhex("4e487b71") + eth_abi.encode(["uint256"], [0x11]))
    assert panic.name == "Panic"
    assert panic.args == {"code": 0x11}
    assert "overflowed" in panic.message and "0x11" in panic.message

    unknown = decode_revert("0x12345678" + "00" * 32)
    assert unknown.name == "Unknown"
    assert unknown.args["selector"] == "0x12345678"
    assert "does not recognise" in unknown.message

    assert decode_revert(b"") is None
    assert decode_revert("0x") is None
    assert decode_revert("no data") is None  # what web3 puts in `.data` when a node sent none
    truncated = decode_revert(bytes.fromhex("81ef8ce0") + b"\x01")  # ContentAlreadyMinted's selector, args cut off
    assert truncated.name == "Unknown"
