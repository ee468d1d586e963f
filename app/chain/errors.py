"""What can go wrong talking to a chain, in words a person can act on.

Node messages are matched by the phrases Kaia and geth nodes use (DESIGN.md lists them); the node's own text is
kept in `details`, shown as plain text under "Show details", never as rich text.
"""

from __future__ import annotations

from typing import Literal

from app.chain import messages as msgs
from app.errors import UserFacingError
from app.messages import Message

ChainErrorKind = Literal[
    "unreachable",
    "wrong_chain",
    "insufficient_funds",
    "nonce",
    "fee_too_low",
    "reverted",
    "rejected",
    "timeout",
    "bad_reply",  # the node answered, but not with a JSON-RPC reply to what was asked (worth trying again)
    "config",  # the network settings cannot work (an unusable address, no contract there): the person fixes them
]


class ChainError(UserFacingError):
    def __init__(self, kind: ChainErrorKind, message: str | Message, details: str = "") -> None:
        super().__init__(message, details)
        self.kind = kind

    @property
    def retryable(self) -> bool:
        """Worth trying again with the very same signed bytes (the network, not the transaction, failed)."""
        return self.kind in ("unreachable", "timeout", "bad_reply")


def unreachable(network_name: str, details: str = "") -> ChainError:
    return ChainError(
        "unreachable",
        msgs.NODE_UNREACHABLE(network_name=network_name),
        details,
    )


def timed_out(network_name: str, details: str = "") -> ChainError:
    return ChainError(
        "timeout",
        msgs.NODE_TIMEOUT(network_name=network_name),
        details,
    )


def bad_reply(network_name: str, problem: str | Message, details: str = "") -> ChainError:
    """The node answered with something other than a JSON-RPC reply to the request. `problem` says what, in words.

    Retryable: whatever was broadcast may or may not have arrived, and sending the same bytes again is always safe.
    """
    return ChainError(
        "bad_reply",
        msgs.NODE_BAD_REPLY(network_name=network_name, problem=problem),
        details,
    )


def bad_node_address(network_name: str, problem: str | Message) -> ChainError:
    return ChainError("config", msgs.BAD_NODE_ADDRESS(problem=problem), f"network {network_name}")


def no_contract(network_name: str, address: str) -> ChainError:
    return ChainError(
        "config",
        msgs.NO_CONTRACT_THERE(address=address, network_name=network_name),
        f"eth_getCode returned no code for {address}",
    )


def wrong_chain(expected_name: str, expected_id: int, actual_id: int) -> ChainError:
    return ChainError(
        "wrong_chain",
        msgs.NODE_ON_WRONG_CHAIN(actual_id=actual_id, expected_name=expected_name, expected_id=expected_id),
        f"expected chain id {expected_id}, node answered {actual_id}",
    )


def from_node_message(text: str) -> ChainError:
    """A JSON-RPC error message from a node, mapped to what it means for the person."""
    lowered = text.lower()
    if "insufficient funds" in lowered:
        return ChainError(
            "insufficient_funds",
            msgs.INSUFFICIENT_FUNDS(),
            text,
        )
    if "nonce too low" in lowered or "same nonce" in lowered or "replacement transaction underpriced" in lowered:
        return ChainError(
            "nonce",
            msgs.NONCE_TAKEN(),
            text,
        )
    if "basefee" in lowered or "base fee" in lowered or "fee cap less than block base fee" in lowered:
        return ChainError(
            "fee_too_low",
            msgs.FEE_TOO_LOW(),
            text,
        )
    if "execution reverted" in lowered or "revert" in lowered:
        return ChainError("reverted", msgs.CONTRACT_REFUSED(), text)
    if "invalid chain id" in lowered or "chain id" in lowered:
        return ChainError("wrong_chain", msgs.SIGNED_FOR_ANOTHER_CHAIN(), text)
    return ChainError("rejected", msgs.NODE_REFUSED(text=text), text)
