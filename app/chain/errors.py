"""What can go wrong talking to a chain, in words a person can act on.

Node messages are matched by the phrases Kaia and geth nodes use (DESIGN.md lists them); the node's own text is
kept in `details`, shown as plain text under "Show details", never as rich text.
"""

from __future__ import annotations

from typing import Literal

from app.errors import UserFacingError

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
    def __init__(self, kind: ChainErrorKind, message: str, details: str = "") -> None:
        super().__init__(message, details)
        self.kind = kind

    @property
    def retryable(self) -> bool:
        """Worth trying again with the very same signed bytes (the network, not the transaction, failed)."""
        return self.kind in ("unreachable", "timeout", "bad_reply")


def unreachable(network_name: str, details: str = "") -> ChainError:
    return ChainError(
        "unreachable",
        f"The {network_name} node cannot be reached. Check this computer's connection; anything signed waits in "
        "the outbox and is sent when the node answers again.",
        details,
    )


def timed_out(network_name: str, details: str = "") -> ChainError:
    return ChainError(
        "timeout",
        f"The {network_name} node did not answer in time. Anything signed waits in the outbox.",
        details,
    )


def bad_reply(network_name: str, problem: str, details: str = "") -> ChainError:
    """The node answered with something other than a JSON-RPC reply to the request. `problem` says what, in words.

    Retryable: whatever was broadcast may or may not have arrived, and sending the same bytes again is always safe.
    """
    return ChainError(
        "bad_reply",
        f"The {network_name} node {problem} Anything signed waits in the outbox. If this goes on, check the node "
        "address in the wallet's network settings.",
        details,
    )


def bad_node_address(network_name: str, problem: str) -> ChainError:
    return ChainError(
        "config", f"{problem} Nothing was sent. Fix it in the wallet's network settings.", f"network {network_name}"
    )


def no_contract(network_name: str, address: str) -> ChainError:
    return ChainError(
        "config",
        f"There is no contract at {address} on {network_name}. Nothing was sent. Check the contract address in the "
        "wallet's network settings.",
        f"eth_getCode returned no code for {address}",
    )


def wrong_chain(expected_name: str, expected_id: int, actual_id: int) -> ChainError:
    return ChainError(
        "wrong_chain",
        f"This node is on chain {actual_id}, not {expected_name} (chain {expected_id}). Nothing was sent. Check the "
        "node address in the wallet's network settings.",
        f"expected chain id {expected_id}, node answered {actual_id}",
    )


def from_node_message(text: str) -> ChainError:
    """A JSON-RPC error message from a node, mapped to what it means for the person."""
    lowered = text.lower()
    if "insufficient funds" in lowered:
        return ChainError(
            "insufficient_funds",
            "This wallet does not have enough KAIA to pay for this transaction and its fee. Add KAIA to the "
            "wallet, then try again.",
            text,
        )
    if "nonce too low" in lowered or "same nonce" in lowered or "replacement transaction underpriced" in lowered:
        return ChainError(
            "nonce",
            "Another transaction from this wallet used the same place in line (nonce). Wait for it to finish; "
            "the app checks the chain and tries again without paying twice.",
            text,
        )
    if "basefee" in lowered or "base fee" in lowered or "fee cap less than block base fee" in lowered:
        return ChainError(
            "fee_too_low",
            "The network's fee rose above what this transaction offers. Try again: the fee is worked out afresh.",
            text,
        )
    if "execution reverted" in lowered or "revert" in lowered:
        return ChainError("reverted", "The contract refused this transaction.", text)
    if "invalid chain id" in lowered or "chain id" in lowered:
        return ChainError("wrong_chain", "The node refused a transaction signed for another chain.", text)
    return ChainError("rejected", f"The node refused the transaction. It said: {text}", text)
