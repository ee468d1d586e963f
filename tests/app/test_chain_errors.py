"""The node messages Kaia and geth send, each turned into what it means for the person and what to do next."""

from __future__ import annotations

import pytest

from app.chain import errors


@pytest.mark.parametrize(
    ("node_says", "kind", "words"),
    [
        ("nonce too low: next nonce 7, tx nonce 5", "nonce", "place in line"),
        ("there is another tx which has the same nonce in the tx pool", "nonce", "place in line"),
        (
            "invalid gas price. It must be set to value greater than or equal to baseFee",
            "fee_too_low",
            "fee rose",
        ),
        ("insufficient funds for gas * price + value", "insufficient_funds", "enough KAIA"),
        ("execution reverted", "reverted", "refused"),
        ("something the app has never seen", "rejected", "It said: something the app has never seen"),
    ],
)
def test_node_messages_become_plain_words_with_a_next_step(node_says, kind, words):
    error = errors.from_node_message(node_says)
    assert error.kind == kind and words in error.message and error.details == node_says
    assert not error.retryable


def test_only_network_trouble_is_worth_resending_the_same_bytes():
    assert errors.unreachable("Kairos").retryable
    assert "outbox" in errors.unreachable("Kairos").message
    wrong = errors.wrong_chain("Kaia Mainnet", 8217, 1001)
    assert not wrong.retryable and "Nothing was sent" in wrong.message and "8217" in wrong.message


@pytest.mark.parametrize(
    "problem",
    [
        "sent an empty reply.",
        "answered a different request than the one this app sent, so its answer cannot be trusted.",
    ],
)
def test_a_node_that_answers_badly_is_worth_trying_again_with_the_same_bytes(problem):
    error = errors.bad_reply("Kairos", problem, "HTTP 200, 2 bytes: b'[]'")
    assert error.kind == "bad_reply" and error.retryable and problem in error.message and "outbox" in error.message
    assert "b'[]'" not in error.message and error.details.endswith("b'[]'")


def test_settings_that_cannot_work_are_said_plainly_and_never_retried():
    address = errors.bad_node_address("Custom network 7", "No address is set for the custom node.")
    missing = errors.no_contract("Kairos Testnet", "0x000000000000000000000000000000000000dEaD")
    for error in (address, missing):
        assert error.kind == "config" and not error.retryable and "network settings" in error.message
    assert "There is no contract at 0x000000000000000000000000000000000000dEaD on Kairos Testnet." in missing.message
