"""Adding and reading submissions in the curation store, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import hashlib
import socket
import time

import pytest

from app.curation.models import AFTER_DEADLINE, INVALID_METADATA, Candidate, Problem
from app.curation.sources.car_entry import CAR_DAMAGED
from app.curation.store import open_store
from app.storage_errors import StorageFailure
from tests.fixtures import curation_store

store, store_setting = curation_store.store, curation_store.store_setting  # the fixtures, on both databases


def candidate(n: int, *, image: bytes | None = None, **fields) -> Candidate:
    picture = image if image is not None else f"png-{n}".encode()
    return Candidate(
        source_key=fields.pop("source_key", f"file:{n:064d}"),
        source=fields.pop("source", "folder"),
        origin=fields.pop("origin", f"entries/{n}.png"),
        image=picture,
        image_sha256=hashlib.sha256(picture).hexdigest(),
        width=512,
        height=512,
        **fields,
    )


def test_adding_the_same_candidates_twice_doubles_nothing(store):
    batch = [candidate(n, name=f"Entry {n}") for n in range(5)]
    assert store.add(batch) == (5, 0)
    assert store.add(batch) == (0, 5)
    assert store.has_sources([c.source_key for c in batch] + ["file:unknown"]) == {c.source_key for c in batch}
    assert store.counts()["ok"] == 5


def test_one_image_under_two_source_keys_is_stored_once(store):
    picture = b"\x89PNG same picture"
    first = candidate(1, image=picture, source_key="chain:8217:0xabc:1", source="chain")
    second = candidate(2, image=picture, source_key="chain:8217:0xabc:2", source="chain")
    assert store.add([first, second]) == (2, 0)
    assert store._db.read("SELECT COUNT(*) FROM images")[0][0] == 1
    assert store.image(first.image_sha256) == picture
    assert store.image("0" * 64) is None


def test_a_submission_reads_back_as_it_was_added(store):
    added = candidate(
        7,
        name="Blue SM6",
        description="Coastal drive",
        prompt="renault sm6, blue",
        model_hash="abc123",
        traits=(("Colour", "Blue"), ("Wheels", "19 inch")),
        metadata={"name": "Blue SM6", "attributes": [{"trait_type": "Colour", "value": "Blue"}]},
        generation={"seed": 42, "steps": 30},
        token_id=2**200,  # an ERC-721 id is a uint256, wider than any database integer
        chain_id=8217,
        contract="0xC0ffee254729296a45a3885639AC7E10F9d54979",
        owner="0x00000000219ab540356cBB839Cbe05303d7705Fa",
        minted_at=1_765_000_000.5,
        before_deadline=True,
        source_key="chain:8217:0xc0ffee:1",
        source="chain",
    )
    store.add([added])
    key = store.page_keys(_all(), limit=10)[0]
    got = store.submission(key)
    assert (got.name, got.description, got.prompt, got.model_hash) == (
        "Blue SM6",
        "Coastal drive",
        added.prompt,
        "abc123",
    )
    assert got.traits == added.traits
    assert got.metadata == added.metadata and got.generation == added.generation
    assert got.token_id == 2**200 and got.chain_id == 8217 and got.minted_at == 1_765_000_000.5
    assert got.before_deadline is True and got.state == "ok" and got.problem is None
    assert store.submissions([key, 999_999, key]) == [got, got]
    assert store.submission(999_999) is None
    assert store.traits() == [("Colour", "Blue", 1), ("Wheels", "19 inch", 1)]


def test_a_bad_candidate_is_kept_with_its_reason(store):
    late = candidate(1, problem=Problem(AFTER_DEADLINE, CAR_DAMAGED(file="late.car")))
    broken = candidate(2, image=b"", problem=Problem(INVALID_METADATA, CAR_DAMAGED(file="broken.car")))
    assert store.add([late, broken]) == (2, 0)
    rows = store.page(_all(), newest=10**9, older_than=None, limit=10)
    kinds = {s.problem.kind: s for _, s in rows}
    assert set(kinds) == {AFTER_DEADLINE, INVALID_METADATA}
    assert all(s.state == "bad" for s in kinds.values())
    assert kinds[AFTER_DEADLINE].problem.reason.id == CAR_DAMAGED.id
    assert kinds[AFTER_DEADLINE].problem.reason.english() == CAR_DAMAGED(file="late.car").english()
    counts = store.counts()
    assert (counts["bad"], counts["ok"], counts[AFTER_DEADLINE], counts[INVALID_METADATA]) == (2, 0, 1, 1)


def test_hostile_text_is_stored_without_failing_the_import(store):
    odd = candidate(1, name="nul\x00inside", description="lone \ud800 surrogate", metadata={"k": "\x00"})
    assert store.add([odd, candidate(2)]) == (2, 0)
    names = {s.name for _, s in store.page(_all(), newest=10**9, older_than=None, limit=10)}
    assert "nulinside" in names


def test_a_damaged_json_column_reads_back_without_crashing(store):
    store.add([candidate(1, name="Damaged", traits=(("a", "b"),), metadata={"ok": True})])
    key = store.page_keys(_all(), limit=1)[0]
    store._db.write(
        lambda tx: tx.execute(
            "UPDATE submissions SET metadata = ?, generation = ?, traits = ?, problem = ?, problem_kind = ? "
            "WHERE key = ?",
            ('{"unclosed": ', "[" * 5000, '{"not": "a list"}', "{broken", INVALID_METADATA, key),
        )
    )
    got = store.submission(key)
    assert got.name == "Damaged" and got.metadata is None and got.generation is None and got.traits == ()
    assert got.problem.kind == INVALID_METADATA and got.problem.reason.english() == "{broken"
    assert [s.name for _, s in store.page(_all(), newest=key, older_than=None, limit=5)] == ["Damaged"]


def test_perceptual_hashes_and_duplicate_groups(store):
    store.add([candidate(n) for n in range(4)])
    keys = sorted(store.page_keys(_all(), limit=10))
    store.set_phashes([(keys[0], 2**64 - 1), (keys[1], 5)])  # an unsigned 64-bit hash is kept as a signed one
    assert store.phashes() == [(keys[0], -1), (keys[1], 5)]
    store.set_duplicate_groups([[keys[2], keys[1]], [keys[3]]])
    assert store.group_members(keys[1]) == [keys[1], keys[2]]
    assert store.submission(keys[3]).duplicate_group is None
    assert store.counts()["duplicates"] == 2
    store.set_duplicate_groups([[keys[0], keys[3]]])  # replaces every group
    assert store.group_members(keys[1]) == [] and store.group_members(keys[0]) == [keys[0], keys[3]]


def test_import_cursor_is_kept_per_source(store):
    assert store.import_cursor("chain:8217:0xabc") is None
    store.set_import_cursor("chain:8217:0xabc", "token 120")
    store.set_import_cursor("chain:8217:0xabc", "token 240")
    store.set_import_cursor("folder:/entries", "b.png")
    assert store.import_cursor("chain:8217:0xabc") == "token 240"
    assert store.import_cursor("folder:/entries") == "b.png"
    store.set_import_cursor("folder:/entries", None)
    assert store.import_cursor("folder:/entries") is None


def test_postgresql_connection_cut_mid_session_then_add_still_works(postgres_server, pg_conninfo, tmp_path):
    opened = open_store(pg_conninfo, tmp_path / "unused.db")
    try:
        assert opened.add([candidate(n) for n in range(3)]) == (3, 0)
        postgres_server.terminate_connections(pg_conninfo.rsplit("/", 1)[1])
        assert opened.add([candidate(n) for n in range(5)]) == (2, 3)
        assert opened.counts()["ok"] == 5
    finally:
        opened.close()


def test_a_server_that_is_down_is_reported_in_words_quickly(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    started = time.monotonic()
    with pytest.raises(StorageFailure) as raised:
        open_store(f"postgresql://sm6@127.0.0.1:{port}/curation", tmp_path / "unused.db")
    assert time.monotonic() - started < 5
    assert "cannot be reached" in raised.value.msg.english()
    assert f"127.0.0.1:{port}/curation" in raised.value.msg.english()


def _all():
    from app.curation.models import EntryFilter

    return EntryFilter(state="all")


def test_a_file_that_could_not_be_fetched_is_fetched_again_next_time(store):
    """An item kept aside because the IPFS source did not answer is replaced when a later import gets its files;
    an item kept aside for any other reason stays as it was."""
    from app.curation.models import CID_MISMATCH, UNREACHABLE
    from app.messages import Msg

    why = Msg("test.curation.unreachable", "The gateway did not answer.")
    away = candidate(1, source_key="chain:1:0xC:1", image=b"", problem=Problem(UNREACHABLE, why()))
    wrong = candidate(2, source_key="chain:1:0xC:2", problem=Problem(CID_MISMATCH, why()))
    assert store.add([away, wrong]) == (2, 0)
    assert store.has_sources(["chain:1:0xC:1", "chain:1:0xC:2"]) == {"chain:1:0xC:2"}

    fetched = candidate(1, source_key="chain:1:0xC:1", name="Fetched at last")
    again = candidate(2, source_key="chain:1:0xC:2")
    assert store.add([fetched, again]) == (1, 1)
    assert store.has_sources(["chain:1:0xC:1"]) == {"chain:1:0xC:1"}
    counts = store.counts()
    assert counts["ok"] == 1 and counts["bad"] == 1 and not counts.get(UNREACHABLE)
