"""Publishing: Kubo RPC add with the local CID settings, the pinning service, and the outbox that waits for the network.

Everything talks real HTTP to `tests/fixtures/kubo_server.py` on 127.0.0.1, which computes CIDs from
the query it receives, so a client that sent the wrong settings would get a different CID back.
"""

from __future__ import annotations

import logging
import sqlite3

import pytest

from app.errors import UserFacingError
from app.token.cid import KUBO_LEGACY, UNIXFS_V1_2025, CidProfile, file_cid
from app.token.ipfs_clients import (
    KuboClient,
    MalformedReplyError,
    PinningClient,
    ServiceHTTPError,
    ServiceUnreachableError,
    add_params,
    profile_name,
    profile_named,
)
from app.token.publish import PINNING_SERVICE_FETCHING, WAITING_FOR_NETWORK, Outbox
from tests.app.storage_conditions import write_outbox_from_before_pinning
from tests.fixtures.kubo_server import profile_from_query

IMAGE = bytes(range(256)) * 5000  # 1.28 MB: two chunks at 1 MiB, five at 256 KiB
METADATA = b'{"name": "Create Your SM6 #1", "image": "ipfs://..."}'
SMALL = CidProfile(cid_version=1, raw_leaves=True, chunk_size=1024, max_links=3)  # a deep tree from 20 KB


@pytest.fixture
def node(kubo_node):
    return kubo_node


@pytest.fixture
def down_node(kubo_node_down):
    return kubo_node_down


@pytest.fixture
def outbox(tmp_path):
    box = Outbox(tmp_path / "outbox" / "outbox.sqlite3")
    try:
        yield box
    finally:
        box.close()


def _items(profile: str = "unixfs-v1-2025"):
    p = profile_named(profile)
    return [("image.png", IMAGE, file_cid(IMAGE, p), profile), ("metadata.json", METADATA, None, profile)]


# --- profiles and the add query -----------------------------------------------------------------


@pytest.mark.parametrize("profile", [UNIXFS_V1_2025, KUBO_LEGACY, SMALL])
def test_add_query_describes_the_profile_exactly(profile):
    params = add_params(profile)
    assert profile_from_query(params) == profile
    assert params["pin"] == "true" and params["hash"] == "sha2-256" and params["trickle"] == "false"
    assert profile_named(profile_name(profile)) == profile


def test_profile_names_are_kubos():
    assert profile_name(UNIXFS_V1_2025) == "unixfs-v1-2025"
    assert profile_name(KUBO_LEGACY) == "legacy-cid-v0"
    with pytest.raises(ValueError):
        profile_named("no-such-profile")


# --- KuboClient ---------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", [UNIXFS_V1_2025, KUBO_LEGACY, SMALL])
def test_kubo_add_returns_the_local_cid(node, profile):
    client = KuboClient(node.base_url)
    data = IMAGE[:20_000] if profile is SMALL else IMAGE
    assert client.add(data, profile, "image.png") == file_cid(data, profile)
    (req,) = node.adds()
    assert req.method == "POST" and req.filename == "image.png" and req.size == len(data)
    assert req.query["chunker"] == f"size-{profile.chunk_size}"
    assert node.stored[file_cid(data, profile)] == data


def test_kubo_version(node):
    assert KuboClient(node.base_url + "/").version() == "0.39.0"


def test_kubo_errors_are_plain(node, down_node):
    node.mode = "error"
    with pytest.raises(ServiceHTTPError) as err:
        KuboClient(node.base_url).add(b"x", UNIXFS_V1_2025, "x")
    assert err.value.status == 500 and "no space left on device" in str(err.value)
    node.mode = "garbage"
    with pytest.raises(MalformedReplyError):
        KuboClient(node.base_url).add(b"x", UNIXFS_V1_2025, "x")
    with pytest.raises(ServiceUnreachableError) as err:
        KuboClient(down_node.base_url, timeout_s=5).version()
    assert isinstance(err.value, UserFacingError) and "cannot be reached" in str(err.value)


# --- the outbox ---------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["unixfs-v1-2025", "legacy-cid-v0"])
def test_outbox_publishes_and_cids_match(node, outbox, profile):
    job = outbox.enqueue("token-1", _items(profile))
    assert job.state == "local" and job.error == "" and not any(item.uploaded for item in job.items)
    (done,) = outbox.run_once(KuboClient(node.base_url))
    assert done.state == "pinned" and done.error == ""
    assert all(item.uploaded for item in done.items)
    p = profile_named(profile)
    assert [item.cid for item in done.items] == [file_cid(IMAGE, p), file_cid(METADATA, p)]
    assert {item.cid for item in done.items} <= node.pinned
    assert all(r.query["pin"] == "true" for r in node.adds())
    # Nothing left to do: a second run uploads nothing.
    outbox.run_once(KuboClient(node.base_url))
    assert len(node.adds()) == 2


def test_enqueue_is_idempotent_and_checks_expected_cids(outbox):
    first = outbox.enqueue("token-1", _items())
    again = outbox.enqueue("token-1", [("other.png", b"other", None, "legacy-cid-v0")])
    assert again == first and len(outbox.jobs()) == 1
    with pytest.raises(ValueError, match="expected CID"):
        outbox.enqueue("token-2", [("image.png", IMAGE, file_cid(IMAGE, KUBO_LEGACY), "unixfs-v1-2025")])
    assert [job.key for job in outbox.jobs()] == ["token-1"]


def test_enqueue_reads_a_file_path(node, outbox, tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(IMAGE)
    outbox.enqueue("token-1", [("image.png", path, None, "unixfs-v1-2025")])
    path.unlink()  # the outbox keeps its own copy
    (job,) = outbox.run_once(KuboClient(node.base_url))
    assert job.state == "pinned" and node.stored[file_cid(IMAGE)] == IMAGE


def test_node_with_other_cid_settings_fails_the_job_plainly(node, outbox):
    node.mode = "legacy"  # ignores our query, as a node with other import settings would
    outbox.enqueue("token-1", _items("unixfs-v1-2025"))
    (job,) = outbox.run_once(KuboClient(node.base_url))
    assert job.state == "failed"
    local, remote = file_cid(IMAGE), file_cid(IMAGE, KUBO_LEGACY)
    assert local in job.error and remote in job.error
    assert "other chunker or CID settings" in job.error and "image.png" in job.error
    # A failed job stays failed until retried; after the node is fixed, retry publishes it.
    node.mode = "ok"
    assert outbox.run_once(KuboClient(node.base_url))[0].state == "failed"
    outbox.retry("token-1")
    assert outbox.run_once(KuboClient(node.base_url))[0].state == "pinned"


def test_node_error_fails_the_job_with_its_message(node, outbox):
    node.mode = "error"
    outbox.enqueue("token-1", _items())
    (job,) = outbox.run_once(KuboClient(node.base_url))
    assert job.state == "failed" and "no space left on device" in job.error


def test_offline_job_waits_then_publishes_when_online(down_node, outbox):
    outbox.enqueue("token-1", _items())
    outbox.enqueue("token-2", [("metadata.json", b"{}", None, "unixfs-v1-2025")])
    client = KuboClient(down_node.base_url, timeout_s=5)
    jobs = outbox.run_once(client)
    assert [(j.state, j.error) for j in jobs] == [("local", WAITING_FOR_NETWORK), ("local", "")]
    assert outbox.run_once(client)[0].error == WAITING_FOR_NETWORK  # still offline: still waiting
    down_node.start()  # online
    jobs = outbox.run_once(client)
    assert [(j.state, j.error) for j in jobs] == [("pinned", ""), ("pinned", "")]
    assert len(down_node.adds()) == 3


def test_outbox_survives_a_restart(down_node, tmp_path):
    db = tmp_path / "outbox.sqlite3"
    with Outbox(db) as box:
        box.enqueue("token-1", _items())
        box.run_once(KuboClient(down_node.base_url, timeout_s=5))  # offline
    # The caller kept nothing: the bytes come back from the outbox's own folder.
    down_node.start()
    with Outbox(db) as box:
        (job,) = box.jobs()
        assert job.state == "local" and job.error == WAITING_FOR_NETWORK
        (job,) = box.run_once(KuboClient(down_node.base_url))
    assert job.state == "pinned"
    assert down_node.stored[file_cid(IMAGE)] == IMAGE and down_node.stored[file_cid(METADATA)] == METADATA
    with Outbox(db) as box:
        assert box.jobs()[0].state == "pinned"
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_job_left_uploading_by_a_crash_is_resumed(node, tmp_path):
    db = tmp_path / "outbox.sqlite3"
    with Outbox(db) as box:
        box.enqueue("token-1", _items())
    # A crash after the first item went up, while the job was "uploading".
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE jobs SET state = 'uploading'")
        conn.execute("UPDATE items SET uploaded = 1 WHERE idx = 0")
    conn.close()
    with Outbox(db) as box:
        (job,) = box.jobs()
        assert job.state == "local"
        (job,) = box.run_once(KuboClient(node.base_url))
    assert job.state == "pinned"
    assert [r.filename for r in node.adds()] == ["metadata.json"]  # only what was left


def test_interrupted_run_leaves_the_job_resumable(node, outbox):
    class Crashing:
        def add(self, data, profile, filename):
            raise KeyboardInterrupt

    outbox.enqueue("token-1", _items())
    with pytest.raises(KeyboardInterrupt):
        outbox.run_once(Crashing())
    assert outbox.jobs()[0].state == "local"
    assert outbox.run_once(KuboClient(node.base_url))[0].state == "pinned"


def test_missing_blob_fails_plainly(node, outbox):
    job = outbox.enqueue("token-1", _items())
    (outbox.blobs_dir / job.items[0].cid).unlink()
    (job,) = outbox.run_once(KuboClient(node.base_url))
    assert job.state == "failed" and "missing" in job.error


# --- the pinning service ------------------------------------------------------------------------


def test_pinning_service_pin_and_status_keep_the_token_secret(node, caplog):
    caplog.set_level(logging.DEBUG)
    client = PinningClient(node.base_url, node.token)
    cid = file_cid(IMAGE)
    status = client.pin(cid, "Create Your SM6 #1")
    assert status["status"] == "queued" and status["pin"]["cid"] == cid
    (req,) = [r for r in node.requests if r.path == "/pins"]
    assert req.headers["authorization"] == f"Bearer {node.token}"
    for expected in ("queued", "pinning", "pinned", "failed"):
        node.pin_status_after = expected
        assert client.status(status["requestid"]) == expected
    assert node.token not in repr(client)

    bad = PinningClient(node.base_url, "wrong-token-abcdef987654")
    with pytest.raises(ServiceHTTPError) as err:
        bad.pin(cid, "x")  # the service echoes the token back in its error details
    assert err.value.status == 401 and "access token" in str(err.value)
    assert "wrong-token-abcdef987654" not in str(err.value) + err.value.details
    with pytest.raises(ServiceHTTPError) as err:
        client.status("no-such-request")
    assert err.value.status == 404
    assert node.token not in str(err.value) + err.value.details
    assert caplog.records and node.token not in caplog.text and "wrong-token-abcdef987654" not in caplog.text


def test_pinning_service_unreachable_keeps_the_token_secret(down_node, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ServiceUnreachableError) as err:
        PinningClient(down_node.base_url, down_node.token, timeout_s=5).pin("bafy", "x")
    assert down_node.token not in str(err.value) + err.value.details + caplog.text


# --- the outbox with a pinning service ----------------------------------------------------------


def test_outbox_pins_through_a_pinning_service_and_asks_again_until_pinned(node, outbox):
    pinner = PinningClient(node.base_url, node.token)
    outbox.enqueue("token-1", _items())
    (job,) = outbox.run_once(pinner=pinner)  # the service queues the request
    assert job.state == "pinning" and job.error == PINNING_SERVICE_FETCHING
    assert all(item.pin_request and item.pin_status == "queued" for item in job.items)
    node.pin_status_after = "pinning"  # still fetching
    (job,) = outbox.run_once(pinner=pinner)
    assert job.state == "pinning" and all(item.pin_status == "pinning" for item in job.items)
    node.pin_status_after = "pinned"
    (job,) = outbox.run_once(pinner=pinner)
    assert job.state == "pinned" and job.error == ""
    assert len(node.pin_posts()) == 2  # asked once per file, then only polled
    pinned = {p["pin"]["cid"] for p in node.pin_requests.values()}
    assert pinned == {item.cid for item in job.items}
    assert not node.adds()  # a pinning service alone uploads nothing


def test_node_and_pinning_service_together_give_the_nodes_addresses_as_origins(node, outbox):
    outbox.enqueue("token-1", _items())
    kubo, pinner = KuboClient(node.base_url), PinningClient(node.base_url, node.token)
    assert outbox.run_once(kubo, pinner)[0].state == "pinning"
    assert outbox.run_once(kubo, pinner)[0].state == "pinned"
    assert len(node.adds()) == 2  # the uploads are not repeated while the pins are polled
    assert all(p["pin"]["origins"] == node.addresses() for p in node.pin_requests.values())


def test_pin_the_service_gives_up_on_fails_the_job_and_retry_asks_afresh(node, outbox):
    pinner = PinningClient(node.base_url, node.token)
    outbox.enqueue("token-1", _items())
    outbox.run_once(pinner=pinner)
    node.pin_status_after = "failed"
    (job,) = outbox.run_once(pinner=pinner)
    assert job.state == "failed" and "could not pin image.png" in job.error and "CAR file" in job.error
    node.pin_status_after = "pinned"
    outbox.retry("token-1")
    outbox.run_once(pinner=pinner)
    (job,) = outbox.run_once(pinner=pinner)
    assert job.state == "pinned"
    assert len(node.pin_posts()) == 3  # image and metadata, then the image again


def test_pinning_service_offline_keeps_the_job_waiting(down_node, outbox):
    pinner = PinningClient(down_node.base_url, down_node.token, timeout_s=5)
    outbox.enqueue("token-1", _items())
    (job,) = outbox.run_once(pinner=pinner)
    assert (job.state, job.error) == ("local", WAITING_FOR_NETWORK)
    down_node.start()
    down_node.pin_status_after = "pinning"
    (job,) = outbox.run_once(pinner=pinner)
    assert job.state == "pinning"
    down_node.stop()  # offline while the service works: still "pinning", now also waiting for the network
    (job,) = outbox.run_once(pinner=pinner)
    assert (job.state, job.error) == ("pinning", WAITING_FOR_NETWORK)


def test_bad_pinning_token_fails_the_job_without_revealing_it(node, outbox):
    outbox.enqueue("token-1", _items())
    (job,) = outbox.run_once(pinner=PinningClient(node.base_url, "wrong-token-abcdef987654"))
    assert job.state == "failed" and "access token" in job.error and "wrong-token" not in job.error


def test_outbox_needs_somewhere_to_publish(outbox):
    outbox.enqueue("token-1", _items())
    with pytest.raises(ValueError):
        outbox.run_once()


def test_outbox_from_before_pinning_opens_and_keeps_its_jobs(node, tmp_path):
    db = tmp_path / "outbox.sqlite3"
    cid = file_cid(METADATA)
    (tmp_path / "outbox-blobs").mkdir()
    (tmp_path / "outbox-blobs" / cid).write_bytes(METADATA)
    write_outbox_from_before_pinning(db, cid, "unixfs-v1-2025", len(METADATA))
    with Outbox(db) as box:
        (job,) = box.jobs()
        assert (job.key, job.state, job.items[0].pin_request) == ("token-1", "local", "")
        kubo, pinner = KuboClient(node.base_url), PinningClient(node.base_url, node.token)
        box.run_once(kubo, pinner)
        (job,) = box.run_once(kubo, pinner)
    assert job.state == "pinned" and job.items[0].pin_status == "pinned" and node.stored[cid] == METADATA
