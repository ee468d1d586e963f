"""Why a publish job or a mint is where it is, kept in the outboxes as a message id with its parameters: read back
in the person's language, decided on by id, and rows written by older versions (English, or damaged) still read."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from eth_account import Account

from app.chain import errors
from app.chain.client import ChainClient
from app.chain.mint_outbox import MintOutbox
from app.chain.networks import SANDBOX
from app.chain.sandbox import SandboxChain
from app.messages import CATALOGUE, Msg, set_translator, to_json
from app.stored_reasons import from_stored
from app.token.ipfs_clients import KuboClient
from app.token.publish import (
    PINNING_SERVICE_FETCHING,
    PINNING_SERVICE_FETCHING_MSG,
    WAITING_FOR_NETWORK,
    WAITING_FOR_NETWORK_MSG,
    Outbox,
)
from ui.token.publish_card import OFFLINE, PINNING, describe

METADATA = b'{"name": "Create Your SM6 #1"}'
NESTED = Msg("test.stored_reasons.nested", "{name} failed at {when}: {inner}")
INNER = Msg("test.stored_reasons.inner", "the disk is {state}")

# Rows as an older version (or a damaged file) left them; each must read back as the words it holds.
OLD_ROWS = {
    "english": "image.png: The IPFS node answered with an error: no space left on device.",
    "garbage_json": '{"id": "token.publish_item_failed", "params": {',
    "unknown_id": '{"id": "no.such.message", "params": {"name": "x"}}',
    "id_not_text": '{"id": 7, "params": {}}',
    "params_not_object": '{"id": "token.publish_item_failed", "params": ["a"]}',
    "json_array": '["token.publish_item_failed"]',
    "one_megabyte": "{" + "x" * 1_000_000,
    "nested_1000_deep": '{"id": ' * 1000 + "1" + "}" * 1000,
    "nested_arrays": "[" * 1000 + "]" * 1000,
}


@contextmanager
def translated(words: dict[str, str]):
    set_translator(lambda id, template: words.get(id))
    try:
        yield
    finally:
        set_translator(None)


@pytest.fixture
def outbox(tmp_path):
    box = Outbox(tmp_path / "outbox" / "outbox.sqlite3")
    try:
        yield box
    finally:
        box.close()


def _store_reason(db, table: str, text: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(f"UPDATE {table} SET error = ?", (text,))
    conn.close()


# --- the helpers ------------------------------------------------------------------------------------


def test_a_message_survives_the_round_trip_with_nested_messages_and_moments():
    when = datetime(2100, 1, 2, 3, 4, tzinfo=UTC)
    message = NESTED(name="image.png", when=when, inner=INNER(state="full"))
    again = from_stored(to_json(message))
    assert again == message and str(again) == "image.png failed at 2 January 2100 at 03:04 UTC: the disk is full"
    with translated({INNER.id: "le disque est {state}"}):
        assert str(again).endswith("le disque est full")


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
def test_a_stored_moment_past_the_calendars_edge_is_shown_as_it_was_stored(moment):
    text = to_json(NESTED(name="image.png", when="x", inner=INNER(state="full"))).replace(
        '"x"', f'{{"$moment": "{moment}"}}'
    )
    reason = from_stored(text)
    assert reason.id == NESTED.id
    assert str(reason) == reason.english() == f"image.png failed at {moment}: the disk is full"


@pytest.mark.parametrize("name", sorted(OLD_ROWS))
def test_text_that_is_not_a_stored_message_is_shown_as_is(name):
    reason = from_stored(OLD_ROWS[name])
    assert reason.id not in CATALOGUE and str(reason) == reason.english() == OLD_ROWS[name]


@pytest.mark.parametrize("value", [None, "", 12])
def test_nothing_stored_is_no_reason(value):
    assert str(from_stored(value)) == ""


# --- the publishing outbox ----------------------------------------------------------------------------


def test_a_failed_publish_keeps_its_reason_by_id_and_says_it_in_the_persons_language(kubo_node, tmp_path):
    kubo_node.mode = "error"
    db = tmp_path / "outbox.sqlite3"
    with Outbox(db) as box:
        box.enqueue("token-1", [("metadata.json", METADATA, None, "unixfs-v1-2025")])
        (failed,) = box.run_once(KuboClient(kubo_node.base_url))
    assert failed.state == "failed" and "no space left on device" in failed.error
    with sqlite3.connect(db) as conn:
        (stored,) = conn.execute("SELECT error FROM jobs").fetchone()
    conn.close()
    assert from_stored(stored).id == failed.reason.id == "token.publish_item_failed"
    with Outbox(db) as box:
        (again,) = box.jobs()
    assert again.reason == failed.reason and again.error == failed.error
    with translated({"token.publish_item_failed": "{name} : échec ({reason})"}):
        assert str(again.reason).startswith("metadata.json : échec (")
        assert describe(again, busy=False, setup_problem="")[1] == str(again.reason)
    assert again.error == failed.error  # what logs keep stays English


def test_waiting_for_the_network_is_decided_by_id_in_any_language(kubo_node_down, outbox):
    outbox.enqueue("token-1", [("metadata.json", METADATA, None, "unixfs-v1-2025")])
    with translated({WAITING_FOR_NETWORK_MSG.id: "en attente du réseau"}):
        (job,) = outbox.run_once(KuboClient(kubo_node_down.base_url, timeout_s=5))
        assert job.waiting_for_network and str(job.reason) == "en attente du réseau"
        assert describe(job, busy=False, setup_problem="")[0] == "offline"
    assert job.error == WAITING_FOR_NETWORK


@pytest.mark.parametrize(
    ("old", "state", "shown"),
    [(WAITING_FOR_NETWORK, "local", OFFLINE), (WAITING_FOR_NETWORK, "pinning", OFFLINE)]
    + [(PINNING_SERVICE_FETCHING, "pinning", PINNING)],
)
def test_the_old_sentinel_sentences_are_still_recognised(outbox, old, state, shown):
    outbox.enqueue("token-1", [("metadata.json", METADATA, None, "unixfs-v1-2025")])
    with sqlite3.connect(outbox.db_path) as conn:
        conn.execute("UPDATE jobs SET state = ?, error = ?", (state, old))
    conn.close()
    (job,) = outbox.jobs()
    expected = WAITING_FOR_NETWORK_MSG if old == WAITING_FOR_NETWORK else PINNING_SERVICE_FETCHING_MSG
    assert job.reason.id == expected.id and job.error == old
    assert describe(job, busy=False, setup_problem="")[1] == shown


@pytest.mark.parametrize("name", sorted(OLD_ROWS))
def test_a_publish_job_written_by_an_older_version_reads_back(outbox, name):
    outbox.enqueue("token-1", [("metadata.json", METADATA, None, "unixfs-v1-2025")])
    with sqlite3.connect(outbox.db_path) as conn:
        conn.execute("UPDATE jobs SET state = 'failed', error = ?", (OLD_ROWS[name],))
    conn.close()
    (job,) = outbox.jobs()
    assert job.error == str(job.reason) == OLD_ROWS[name]
    assert describe(job, busy=False, setup_problem="") == ("failed", OLD_ROWS[name])


# --- the minting outbox -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    sandbox = SandboxChain(tmp_path_factory.mktemp("chain"))
    yield sandbox, ChainClient.connect(SANDBOX, sandbox=sandbox)
    sandbox.close()


def _queue(box, sandbox, account, content: bytes):
    args = ("sandbox", SANDBOX.chain_id, sandbox.contract_address, account.address, account.address)
    return box.queue(*args, "ipfs://bafkreimetadata", content, design_id="design-1")


def test_a_refused_mint_keeps_its_reason_by_id_and_says_it_in_the_persons_language(chain, tmp_path):
    sandbox, client = chain
    account = Account.create()
    sandbox.fund(account.address, 10**18, minter=False)
    db = tmp_path / "mints.sqlite3"
    box = MintOutbox(db)
    try:
        record = _queue(box, sandbox, account, b"\x11" * 32)
        with pytest.raises(errors.ChainError) as refused:
            box.sign_and_send(record.id, account, client)
    finally:
        box.close()
    box = MintOutbox(db)
    try:
        again = box.get(record.id)
    finally:
        box.close()
    assert again.reason.id == refused.value.msg.id and again.reason.id in CATALOGUE
    assert again.error == refused.value.message
    with translated({again.reason.id: "Refusé."}):
        assert str(again.reason) == "Refusé."


@pytest.mark.parametrize("name", sorted({**OLD_ROWS, "old_sentinel": WAITING_FOR_NETWORK}))
def test_a_mint_written_by_an_older_version_reads_back(chain, tmp_path, name):
    sandbox, _client = chain
    text = {**OLD_ROWS, "old_sentinel": WAITING_FOR_NETWORK}[name]
    db = tmp_path / "mints.sqlite3"
    box = MintOutbox(db)
    try:
        record = _queue(box, sandbox, Account.create(), b"\x22" * 32)
        _store_reason(db, "mints", text)
        again = box.get(record.id)
    finally:
        box.close()
    assert again.error == str(again.reason) == text
