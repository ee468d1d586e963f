"""The SM6DesignToken contract: its build artifact, the content hash it keys designs by, and its reverts in words.

The artifact (ABI, bytecode, compiler settings) is resources/chain/SM6DesignToken.json, written by
contracts/build.mjs from contracts/SM6DesignToken.sol; tests/app/test_contract_artifact.py keeps the two in step.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import eth_abi
from eth_abi.exceptions import DecodingError
from eth_utils import is_hexstr, to_bytes, to_checksum_address
from eth_utils.abi import (
    event_abi_to_log_topic,
    function_abi_to_4byte_selector,
    get_abi_input_names,
    get_abi_input_types,
)

from app import paths, safejson
from app.messages import Message, Msg

REVERTED_OTHER = Msg(
    "chain.contract.reverted_other",
    "The contract refused this ({name}). Nothing was changed; check the details and try again, or ask the "
    "campaign staff.",
)
REVERTED_UNKNOWN = Msg(
    "chain.contract.reverted_unknown",
    "The contract refused this for a reason this app does not recognise (code {selector}). Nothing was changed. "
    "Check that the contract address in the network settings is the campaign's SM6 contract, or ask the campaign "
    "staff.",
)
CONTENT_ALREADY_MINTED = Msg(
    "chain.contract.content_already_minted",
    "This design has already been minted as token #{token}. Each image can be minted only once: look up token "
    "#{token} to see it, or create a new design to mint.",
)
NOT_MINTER = Msg(
    "chain.contract.not_minter",
    "This wallet ({account}) is not allowed to mint on this contract. Ask the campaign staff to add it as a "
    "minter, or switch to a wallet they have approved.",
)
EMPTY_CONTENT_HASH = Msg(
    "chain.contract.empty_content_hash",
    "The design's image fingerprint (content hash) was empty, so nothing was minted. Export the design again and "
    "retry; if it happens again, report it as a bug.",
)
NOT_OWNER = Msg(
    "chain.contract.not_owner",
    "Only the contract's owner can do this, and this wallet ({account}) is not the owner. Use the owner's "
    "wallet, or ask the campaign staff to make the change.",
)
INVALID_OWNER = Msg(
    "chain.contract.invalid_owner",
    "{owner} cannot become the contract's owner. Check the new owner's address and try again.",
)
NONEXISTENT_TOKEN = Msg(
    "chain.contract.nonexistent_token",
    "Token #{token_id} does not exist on this contract. Check the token number, or wait until its mint has been "
    "confirmed.",
)
INVALID_RECEIVER = Msg(
    "chain.contract.invalid_receiver",
    "The token cannot be sent to {receiver}: that address cannot hold tokens. Check the recipient's wallet "
    "address and try again.",
)
INVALID_SENDER = Msg(
    "chain.contract.invalid_sender",
    "{sender} cannot send this token. Check the sending wallet and try again.",
)
INCORRECT_OWNER = Msg(
    "chain.contract.incorrect_owner",
    "Token #{token_id} belongs to {owner}, not to {sender}. Use the wallet that holds the token.",
)
INSUFFICIENT_APPROVAL = Msg(
    "chain.contract.insufficient_approval",
    "{operator} is not allowed to move token #{token_id}. Use the wallet that holds the token, or have its "
    "holder approve this one first.",
)
INVALID_APPROVER = Msg(
    "chain.contract.invalid_approver",
    "{approver} cannot approve anyone for this token. Use the wallet that holds the token.",
)
INVALID_OPERATOR = Msg(
    "chain.contract.invalid_operator",
    "{operator} cannot be approved to manage tokens. Check the address and try again.",
)
INVALID_HOLDER = Msg(
    "chain.contract.invalid_holder",
    "{owner} is not a valid token holder address. Check the address and try again.",
)
ERROR_WITHOUT_REASON = Msg(
    "chain.contract.error_without_reason",
    "The contract refused this without saying why. Nothing was changed; check the details and try again, or ask "
    "the campaign staff.",
)
ERROR_WITH_REASON = Msg(
    "chain.contract.error_with_reason",
    'The contract refused this with the message: "{message}". Nothing was changed; check the details and try '
    "again, or ask the campaign staff.",
)
REVERTED_PANIC = Msg(
    "chain.contract.panic",
    "The contract stopped because {what} (panic code {code:#04x}). Nothing was changed. This is a fault in the "
    "contract, not in your design: report it to the campaign staff.",
)

ARTIFACT = ("chain", "SM6DesignToken.json")

# Solidity's built-in reverts: require(cond, "text") / revert("text"), and assert / arithmetic / bounds failures.
ERROR_STRING = {"type": "error", "name": "Error", "inputs": [{"name": "message", "type": "string"}]}
PANIC = {"type": "error", "name": "Panic", "inputs": [{"name": "code", "type": "uint256"}]}

# https://docs.soliditylang.org/en/latest/control-structures.html#panic-via-assert-and-error-via-require
PANIC_CODES = {
    0x00: Msg("chain.contract.panic.compiler_check", "a check the compiler added failed"),
    0x01: Msg("chain.contract.panic.assert", "an internal consistency check (assert) failed"),
    0x11: Msg("chain.contract.panic.overflow", "a calculation overflowed"),
    0x12: Msg("chain.contract.panic.division_by_zero", "it divided by zero"),
    0x21: Msg("chain.contract.panic.out_of_range", "a value was out of range for its type"),
    0x22: Msg("chain.contract.panic.storage_corrupted", "its storage is corrupted"),
    0x31: Msg("chain.contract.panic.empty_pop", "it removed an item from an empty list"),
    0x32: Msg("chain.contract.panic.past_end", "it read past the end of a list"),
    0x41: Msg("chain.contract.panic.out_of_memory", "it ran out of memory"),
    0x51: Msg("chain.contract.panic.uninitialised_function", "it called an uninitialised function"),
}
PANIC_OTHER = Msg("chain.contract.panic.other", "it hit an internal error")

_CLOSED_ADVICE = (
    "so this contract no longer mints new designs. Keep your design in the library, and ask the campaign staff whether "
    "another round is planned."
)
SUBMISSIONS_CLOSED = Msg("chain.contract.submissions_closed", "Submissions closed on {deadline}, " + _CLOSED_ADVICE)
SUBMISSIONS_CLOSED_AT_UNIX_TIME = Msg(
    "chain.contract.submissions_closed_unix_time", "Submissions closed at Unix time {deadline}, " + _CLOSED_ADVICE
)
_MAX_REASON_TEXT = 300


@dataclass(frozen=True)
class RevertReason:
    """Why the contract refused a call or transaction.

    `name` is the Solidity error's name ("ContentAlreadyMinted", "Error", "Panic", ...) or "Unknown"; `args` its
    arguments by name (addresses checksummed, bytes as 0x-hex, integers as int); `message` a plain sentence for the
    person using the app, ending with what to do next (`msg`: the same as an app.messages.Message where it has an id).
    """

    name: str
    args: dict[str, Any] = field(default_factory=dict)
    msg: str | Message = ""  # a Message where the sentence carries something a front end shows its own way (a date)

    @property
    def message(self) -> str:
        return self.msg.render() if isinstance(self.msg, Message) else self.msg


@functools.cache
def load_artifact() -> dict[str, Any]:
    """The committed build artifact: contractName, abi, bytecode, deployedBytecode, compiler, sources.

    Cached: the same dict is returned on every call, so treat it as read-only.
    """
    return safejson.load_object(paths.resource(*ARTIFACT), safejson.CONTRACT_ARTIFACT())


def content_hash(image_bytes: bytes) -> bytes:
    """The 32-byte SHA-256 of the design's image file: what `mint` records so an image is minted only once."""
    return hashlib.sha256(image_bytes).digest()


@functools.cache
def _mint_abi() -> tuple[bytes, tuple[str, ...]]:
    mint = next(e for e in load_artifact()["abi"] if e.get("type") == "function" and e.get("name") == "mint")
    return function_abi_to_4byte_selector(mint), tuple(get_abi_input_types(mint))


def mint_call_data(recipient: str, token_uri: str, content_hash: bytes) -> str:
    """The 0x-hex call data of `mint(to, uri, contentHash)`, encoded directly (no node, no ABI lookup per call)."""
    selector, types = _mint_abi()
    args = eth_abi.encode(list(types), [to_checksum_address(recipient), token_uri, bytes(content_hash)])
    return "0x" + (selector + args).hex()


@functools.cache
def minted_topic() -> bytes:
    """topic0 of the Minted event, whose first indexed argument is the token id."""
    minted = next(e for e in load_artifact()["abi"] if e.get("type") == "event" and e.get("name") == "Minted")
    return event_abi_to_log_topic(minted)


@functools.cache
def _errors_by_selector() -> dict[bytes, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    entries = [e for e in load_artifact()["abi"] if e.get("type") == "error"] + [ERROR_STRING, PANIC]
    return {
        function_abi_to_4byte_selector(e): (e["name"], tuple(get_abi_input_names(e)), tuple(get_abi_input_types(e)))
        for e in entries
    }


def decode_revert(data: bytes | str | None) -> RevertReason | None:
    """What revert data (bytes, or 0x-hex as web3's `ContractLogicError.data` has it) means, or None when there is
    none to decode (empty, or not hex at all, such as web3's "no data")."""
    raw = _as_bytes(data)
    if not raw:
        return None
    selector, payload = raw[:4], raw[4:]
    known = _errors_by_selector().get(selector) if len(raw) >= 4 else None
    if known is None:
        return _unknown(raw)
    name, arg_names, arg_types = known
    try:
        values = eth_abi.decode(list(arg_types), payload)
    except (DecodingError, ValueError, OverflowError):
        return _unknown(raw)
    args = {arg: _plain(kind, value) for arg, kind, value in zip(arg_names, arg_types, values, strict=True)}
    return RevertReason(name, args, _message(name, args))


def revert_data(exc: BaseException) -> bytes | None:
    """The revert data carried by an exception from a contract call, if it has any.

    Nodes reached over JSON-RPC give web3's `ContractLogicError` (and subclasses) with `.data` as 0x-hex. web3's
    `EthereumTesterProvider` instead re-raises eth-tester's `TransactionFailed` with the bytes' Python repr in the
    message ("execution reverted: b'...'"); the original exception, with the bytes themselves, is its context.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        data = getattr(current, "data", None)
        if isinstance(data, bytes | bytearray | str) and (raw := _as_bytes(data)):
            return raw
        for arg in current.args:
            if isinstance(arg, bytes | bytearray) and arg:
                return bytes(arg)
            if isinstance(arg, str) and (raw := _bytes_from_repr(arg)):
                return raw
        current = current.__cause__ or current.__context__
    return None


def _as_bytes(data: bytes | bytearray | str | None) -> bytes:
    if isinstance(data, bytes | bytearray):
        return bytes(data)
    if isinstance(data, str):
        text = data.strip()
        if text.startswith(("0x", "0X")) and is_hexstr(text) and len(text) % 2 == 0:
            return to_bytes(hexstr=text)
    return b""


_BYTES_REPR = re.compile(r"(?:execution reverted: )?(b'.*'|b\".*\")", re.DOTALL)


def _bytes_from_repr(text: str) -> bytes:
    match = _BYTES_REPR.fullmatch(text.strip())
    if match is None:
        return b""
    try:
        value = ast.literal_eval(match.group(1))
    except (ValueError, SyntaxError):
        return b""
    return value if isinstance(value, bytes) else b""


def _plain(kind: str, value: Any) -> Any:
    if kind == "address":
        return to_checksum_address(value)
    if isinstance(value, bytes):
        return "0x" + value.hex()
    return value


def _unknown(raw: bytes) -> RevertReason:
    selector = "0x" + raw[:4].hex()
    return RevertReason(
        "Unknown",
        {"selector": selector, "data": "0x" + raw.hex()},
        REVERTED_UNKNOWN(selector=selector),
    )


def _submissions_closed(deadline: int) -> Message:
    """The deadline travels as a moment, not as text: the window shows it the way its person reads dates."""
    try:
        moment = datetime.fromtimestamp(deadline, UTC)
    except (OverflowError, OSError, ValueError):  # no calendar date: say the number the contract holds
        return SUBMISSIONS_CLOSED_AT_UNIX_TIME(deadline=deadline)
    return SUBMISSIONS_CLOSED(deadline=moment)


def _plain_text(text: str) -> str:
    """A contract's own text, as one plain line: control characters become spaces, overlong text is cut."""
    line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return line if len(line) <= _MAX_REASON_TEXT else line[: _MAX_REASON_TEXT - 1] + "…"


def _message(name: str, args: dict[str, Any]) -> str | Message:
    match name:
        case "ContentAlreadyMinted":
            token = args["tokenId"]
            return CONTENT_ALREADY_MINTED(token=token)
        case "SubmissionsClosed":
            return _submissions_closed(args["deadline"])
        case "NotMinter":
            return NOT_MINTER(account=args["account"])
        case "EmptyContentHash":
            return EMPTY_CONTENT_HASH()
        case "OwnableUnauthorizedAccount":
            return NOT_OWNER(account=args["account"])
        case "OwnableInvalidOwner":
            return INVALID_OWNER(owner=args["owner"])
        case "ERC721NonexistentToken":
            return NONEXISTENT_TOKEN(token_id=args["tokenId"])
        case "ERC721InvalidReceiver":
            return INVALID_RECEIVER(receiver=args["receiver"])
        case "ERC721InvalidSender":
            return INVALID_SENDER(sender=args["sender"])
        case "ERC721IncorrectOwner":
            return INCORRECT_OWNER(token_id=args["tokenId"], owner=args["owner"], sender=args["sender"])
        case "ERC721InsufficientApproval":
            return INSUFFICIENT_APPROVAL(operator=args["operator"], token_id=args["tokenId"])
        case "ERC721InvalidApprover":
            return INVALID_APPROVER(approver=args["approver"])
        case "ERC721InvalidOperator":
            return INVALID_OPERATOR(operator=args["operator"])
        case "ERC721InvalidOwner":
            return INVALID_HOLDER(owner=args["owner"])
        case "Error" if not _plain_text(args["message"]):
            return ERROR_WITHOUT_REASON()
        case "Error":
            return ERROR_WITH_REASON(message=_plain_text(args["message"]))
        case "Panic":
            code = args["code"]
            return REVERTED_PANIC(what=PANIC_CODES.get(code, PANIC_OTHER)(), code=code)
    return REVERTED_OTHER(name=name)
