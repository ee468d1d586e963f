"""One connection to one network: chain id checked on connect, Kaia's fee rule, the SM6DesignToken calls.

Synchronous web3 on purpose: the chain service calls it from its own worker thread (py-evm, which runs the
sandbox, is CPU-bound and not thread-safe), so the UI thread never waits on a node or on the EVM.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import requests
from eth_utils import to_checksum_address
from web3 import Web3
from web3.exceptions import (
    BadFunctionCallOutput,
    BadResponseFormat,
    ContractLogicError,
    TransactionNotFound,
    Web3Exception,
    Web3RPCError,
)
from web3.middleware import ExtraDataToPOAMiddleware

from app.chain import errors
from app.chain import messages as msgs
from app.chain.contract import decode_revert, load_artifact, mint_call_data, minted_topic
from app.chain.networks import Network
from app.chain.rpc_provider import GuardedHTTPProvider
from app.errors import UserFacingError
from app.messages import Message
from app.urls import NETWORK_NODE, check_service_url, service_name

log = logging.getLogger(__name__)

MINT_GAS_HEADROOM_PERCENT = 125  # an estimate is exact for the state it saw; leave room for a slightly different one
SEND_GAS = 21_000
UINT256 = 2**256  # no quantity on the chain reaches this
INT64 = 2**63  # nor does a chain id, nonce, block number, gas amount or token id of ours (they are stored in SQLite)


@dataclass(frozen=True)
class Fees:
    """Kaia's rule: maxFeePerGas = 2 × baseFee + tip, the tip as the node suggests (usually 0 on Kaia)."""

    base_fee: int
    tip: int

    @classmethod
    def from_transaction(cls, tx: dict) -> "Fees":
        """The fees a transaction built by `_transaction` was priced with."""
        tip = int(tx["maxPriorityFeePerGas"])
        return cls((int(tx["maxFeePerGas"]) - tip) // 2, tip)

    @property
    def max_fee(self) -> int:
        return 2 * self.base_fee + self.tip

    def likely_cost(self, gas: int) -> int:
        """What the transaction will most likely cost: the base fee does not double within one block."""
        return (self.base_fee + self.tip) * gas

    def max_cost(self, gas: int) -> int:
        return self.max_fee * gas


class ChainClient:
    def __init__(self, network: Network, web3: Web3, contract_address: str = "") -> None:
        self.network = network
        self.web3 = web3
        address = contract_address or network.contract
        self.contract = (
            web3.eth.contract(address=to_checksum_address(address), abi=load_artifact()["abi"]) if address else None
        )

    @classmethod
    def connect(cls, network: Network, *, sandbox=None, timeout_s: float = 15) -> "ChainClient":
        """Connect and check the chain id; ChainError("wrong_chain") on a mismatch, ("unreachable") when silent."""
        if network.is_sandbox:
            if sandbox is None:
                raise ValueError("the sandbox network needs the SandboxChain")
            client = cls(network, sandbox.web3, sandbox.contract_address)
        else:
            # The chain id is checked below; web3 would otherwise ask the node again before every eth_call and
            # eth_estimateGas (its validation middleware), one more round trip each.
            provider = GuardedHTTPProvider(
                node_url(network),
                network.name,
                timeout_s,
                cache_allowed_requests=True,
                cacheable_requests={"eth_chainId"},
            )
            web3 = Web3(provider)
            web3.middleware_onion.inject(ExtraDataToPOAMiddleware, layer=0)  # Kaia blocks carry long extraData
            client = cls(network, web3)
        actual = client.call(lambda: _whole(client.web3.eth.chain_id, INT64))
        if actual != network.chain_id:
            raise errors.wrong_chain(network.name, network.chain_id, actual)
        if client.contract is not None and not network.is_sandbox:
            # Every contract call would otherwise fail later with an empty result web3 cannot decode.
            code = client.call(lambda: bytes(client.web3.eth.get_code(client.contract.address)))
            if not code:
                raise errors.no_contract(network.name, client.contract.address)
        return client

    # --- plumbing ---

    def call(self, fn):
        """Run one node call, turning transport and RPC failures into ChainError."""
        try:
            return fn()
        except (requests.ConnectionError, ConnectionError) as exc:
            raise errors.unreachable(self.network.name, f"{type(exc).__name__}: {exc}") from None
        except requests.Timeout as exc:
            raise errors.timed_out(self.network.name, str(exc)) from None
        except (requests.TooManyRedirects, requests.exceptions.ContentDecodingError) as exc:
            raise errors.bad_reply(self.network.name, msgs.REPLY_UNREADABLE(), repr(exc)) from None
        except ContractLogicError as exc:
            reason = decode_revert(getattr(exc, "data", None) or b"")
            message = reason.msg if reason else msgs.CONTRACT_REFUSED()
            raise errors.ChainError("reverted", message, str(exc)) from None
        except Web3RPCError as exc:
            raise errors.from_node_message(_rpc_message(exc)) from None
        except (
            BadResponseFormat,
            BadFunctionCallOutput,
            ValueError,
            TypeError,
            LookupError,
            AttributeError,
            ArithmeticError,
        ) as exc:
            # A JSON-RPC reply whose result is not what the method returns (a chain id of "zzz", a block that is a
            # list, a call result that does not decode, a number of 1e999): web3's formatters and ABI decoder, and
            # the conversions in the calls above, fail on it with Python's own errors.
            log.info("unreadable reply from the %s node", self.network.name, exc_info=True)
            raise errors.bad_reply(self.network.name, msgs.REPLY_UNREADABLE(), repr(exc)[:500]) from None

    # --- reading ---

    def fees(self) -> Fees:
        base_fee = self.call(lambda: _whole(self.web3.eth.get_block("latest").get("baseFeePerGas") or 0))
        # Asked of the node directly: web3's own fallback guesses an Ethereum tip that overpays on Kaia.
        tip = self.call(lambda: _whole(self.web3.manager.request_blocking("eth_maxPriorityFeePerGas", [])))
        return Fees(base_fee, tip)

    def balance(self, address: str) -> int:
        return self.call(lambda: _whole(self.web3.eth.get_balance(to_checksum_address(address))))

    def nonce(self, address: str, block: str = "pending") -> int:
        return self.call(
            lambda: _whole(self.web3.eth.get_transaction_count(to_checksum_address(address), block), INT64)
        )

    def receipt(self, tx_hash: str) -> dict[str, Any] | None:
        try:
            return self.call(lambda: _checked_receipt(self.web3.eth.get_transaction_receipt(tx_hash)))
        except TransactionNotFound:
            return None
        except errors.ChainError as exc:
            if "not found" in exc.details.lower() or "unknown transaction" in exc.details.lower():
                return None
            raise

    def transaction_known(self, tx_hash: str) -> bool:
        """Whether the node has the transaction at all (in a block or in its pool)."""
        try:
            return self.call(lambda: self.web3.eth.get_transaction(tx_hash)) is not None
        except TransactionNotFound:
            return False
        except errors.ChainError as exc:
            if exc.kind in ("unreachable", "timeout"):
                raise
            return False

    def token_of_content(self, content_hash: bytes) -> int:
        contract = self._contract()
        return self.call(lambda: _whole(contract.functions.tokenOfContent(content_hash).call(), INT64))

    def is_minter(self, address: str) -> bool:
        contract = self._contract()
        return bool(self.call(lambda: contract.functions.isMinter(to_checksum_address(address)).call()))

    # --- building transactions (signing happens in the wallet, sending in the outbox) ---

    def mint_transaction(self, sender: str, to: str, token_uri: str, content_hash: bytes, fees: Fees) -> dict:
        """The unsigned type-2 mint transaction, gas estimated (a revert is reported here, before signing)."""
        contract = self._contract()
        sender = to_checksum_address(sender)
        call = contract.functions.mint(to_checksum_address(to), token_uri, content_hash)
        estimate = self.call(lambda: _whole(call.estimate_gas({"from": sender}), INT64))
        gas = estimate * MINT_GAS_HEADROOM_PERCENT // 100
        self._require_funds(sender, fees.max_cost(gas))
        data = mint_call_data(to, token_uri, content_hash)
        return self._transaction(sender, contract.address, 0, data, gas, fees)

    def send_transaction(self, sender: str, to: str, value: int, fees: Fees) -> dict:
        sender = to_checksum_address(sender)
        self._require_funds(sender, int(value) + fees.max_cost(SEND_GAS))
        return self._transaction(sender, to_checksum_address(to), int(value), "0x", SEND_GAS, fees)

    def _require_funds(self, sender: str, cost: int) -> None:
        """A node estimates gas without looking at the balance (no fee in the estimate); it refuses the signed
        transaction only when it arrives. Say so before anything is signed, in the words the node would use."""
        balance = self.balance(sender)
        if balance < cost:
            raise errors.from_node_message(
                f"insufficient funds for gas * price + value: balance {balance} kei, transaction needs up to {cost}"
            )

    def _transaction(self, sender: str, to: str, value: int, data: str, gas: int, fees: Fees) -> dict:
        return {
            "type": 2,
            "chainId": self.network.chain_id,
            "from": sender,
            "to": to,
            "value": value,
            "data": data,
            "gas": gas,
            "maxFeePerGas": fees.max_fee,
            "maxPriorityFeePerGas": fees.tip,
            "nonce": self.nonce(sender),
        }

    def send_raw(self, raw: bytes) -> str:
        """Broadcast signed bytes. A node that already has them is not an error: the same bytes are the same tx."""
        try:
            return Web3.to_hex(self.call(lambda: self.web3.eth.send_raw_transaction(raw)))
        except errors.ChainError as exc:
            details = exc.details.lower()  # geth "already known", Kaia "known transaction", anvil "already imported"
            if "already known" in details or "known transaction" in details or "already imported" in details:
                return Web3.to_hex(Web3.keccak(raw))
            raise

    def minted_token_id(self, receipt: dict[str, Any]) -> int | None:
        """The token id from a mint receipt's Minted event; log entries that are not logs are passed over, a token
        id no mint of ours can have is a bad reply."""
        contract = self._contract()
        return self.call(lambda: _minted_token_id(receipt, contract))

    def revert_reason(self, tx: dict[str, Any], block_number: int | None = None) -> "Message | str":
        """Why a mined transaction reverted, found by replaying it as a call at its block: a Message where the
        contract's error has an id (kept by id in the outbox record, so it is shown in the person's language)."""
        call = {k: tx[k] for k in ("from", "to", "data", "value") if k in tx}
        try:
            self.web3.eth.call(call, block_number if block_number is not None else "latest")
        except ContractLogicError as exc:
            reason = decode_revert(getattr(exc, "data", None) or b"")
            return reason.msg if reason else msgs.CONTRACT_REFUSED()
        except (Web3Exception, requests.RequestException, ValueError, TypeError, LookupError, ArithmeticError) as exc:
            # ValueError includes a result that is not hex (binascii.Error) and one that is not text (UnicodeError)
            log.debug("could not replay reverted transaction: %r", exc)
        return msgs.CONTRACT_REFUSED()

    def _contract(self):
        if self.contract is None:
            raise errors.ChainError(
                "rejected",
                msgs.NO_CONTRACT_ADDRESS(network=self.network.name),
            )
        return self.contract


def _same_address(address: str, contract) -> bool:
    return to_checksum_address(address) == contract.address


def _minted_token_id(receipt: dict[str, Any], contract) -> int | None:
    for entry in receipt.get("logs") or ():  # Minted(uint256 indexed tokenId, …): the id is the first topic
        try:
            topics = entry.get("topics") or ()
            if not (len(topics) >= 2 and bytes(topics[0]) == minted_topic()):
                continue
            if not _same_address(entry["address"], contract):
                continue
            token_id = int.from_bytes(bytes(topics[1]), "big")
        except (ValueError, TypeError, LookupError, AttributeError):
            continue  # not a log: no Minted event in it
        return _whole(token_id, INT64)
    return None


def _checked_receipt(receipt: Any) -> dict[str, Any]:
    """A receipt whose status (0 or 1) and block number are numbers; ValueError or KeyError for one that lacks them."""
    checked = dict(receipt)
    checked["status"] = _whole(checked["status"], 2)
    checked["blockNumber"] = _whole(checked["blockNumber"], INT64)
    return checked


def _whole(value: Any, below: int = UINT256) -> int:
    """A quantity from a node as an int in 0 ≤ value < `below`; ValueError for anything else (a bool, a dict,
    "zzz", a negative number, one of more digits than any quantity on the chain has)."""
    if isinstance(value, str):
        value = int(value, 16) if value.startswith("0x") else int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{type(value).__name__} where a number was expected")
    if not 0 <= value < below:
        raise ValueError(f"a {value.bit_length()}-bit number where one below 2**{below.bit_length() - 1} was expected")
    return value


def node_url(network: Network) -> str:
    """The network's node address, checked as Settings check it when it is saved (settings.toml may be edited)."""
    what = "custom node" if network.key == "custom" else NETWORK_NODE(network=network.name)
    try:
        url = check_service_url(network.rpc_url, what)
    except ValueError as exc:
        raise errors.bad_node_address(network.name, exc.msg if isinstance(exc, UserFacingError) else str(exc)) from None
    if not url:
        raise errors.bad_node_address(network.name, msgs.NO_NODE_ADDRESS(what=service_name(what)))
    return url


def _rpc_message(exc: Web3RPCError) -> str:
    response = getattr(exc, "rpc_response", None) or {}
    error = response.get("error") if isinstance(response, dict) else None
    if isinstance(error, dict) and error.get("message"):
        return str(error["message"])[:500]
    return str(exc.message if hasattr(exc, "message") else exc)[:500]
