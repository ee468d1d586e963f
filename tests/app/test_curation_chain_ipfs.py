"""Files by CID from a real gateway / Kubo RPC on 127.0.0.1 (tests/fixtures/curation_chain.py's Gateway): the
token URI forms, each CID profile checked against its bytes, size caps and a gateway that never answers."""

from __future__ import annotations

import os
import time

import pytest

from app.curation.models import CID_MISMATCH, INVALID_METADATA, UNREACHABLE, UNREADABLE_IMAGE
from app.curation.sources.ipfs_fetch import (
    GATEWAY,
    KUBO,
    FetchProblem,
    IpfsAddress,
    IpfsFetcher,
    IpfsSource,
    data_uri_bytes,
    ipfs_address,
    matches,
)
from app.token.cid import KUBO_LEGACY, UNIXFS_V1_2025, _b58encode, cid_from_str, file_cid
from tests.fixtures.curation_chain import Gateway

pytestmark = pytest.mark.timeout(60)

RAW_CID = file_cid(b"hello sm6", UNIXFS_V1_2025)  # one block: a raw CID


@pytest.fixture
def gateway():
    server = Gateway().start()
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        (f"ipfs://{RAW_CID}", IpfsAddress(RAW_CID)),
        (f"ipfs://ipfs/{RAW_CID}", IpfsAddress(RAW_CID)),
        (f"ipfs://{RAW_CID}/metadata.json", IpfsAddress(RAW_CID, "metadata.json")),
        (f"https://nftstorage.link/ipfs/{RAW_CID}", IpfsAddress(RAW_CID)),
        (f"https://gw.example/ipfs/{RAW_CID}/a%20b.json?download=1", IpfsAddress(RAW_CID, "a b.json")),
    ],
)
def test_token_uris_name_their_cid(uri, expected):
    assert ipfs_address(uri) == expected


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("https://example.com/sm6/1.json", "not an IPFS address"),
        ("ftp://example.com/ipfs/x", "not an IPFS address"),
        ("http://[::1/ipfs/x", "not an IPFS address"),  # urllib raised ValueError: Invalid IPv6 URL
        ("https://a\uff03b/ipfs/x", "not an IPFS address"),  # urllib raised ValueError: a host that changes under NFKC
        ("ipfs://not-a-cid", "not an IPFS content address"),
        ("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzd", "not an IPFS content address"),
    ],
)
def test_uris_that_are_not_content_addressed_are_refused_with_a_reason(uri, words):
    with pytest.raises(FetchProblem) as caught:
        ipfs_address(uri)
    assert caught.value.kind == INVALID_METADATA and words in caught.value.reason.english()


def test_data_uris_are_read_with_a_cap():
    assert data_uri_bytes('data:application/json,{"name":"a%20b"}') == b'{"name":"a b"}'
    assert data_uri_bytes("data:application/json;base64,e30=") == b"{}"
    with pytest.raises(FetchProblem):
        data_uri_bytes("data:application/json;base64," + "A" * 4000, max_bytes=1000)
    with pytest.raises(FetchProblem):
        data_uri_bytes("data:application/json;base64,@@@")


@pytest.mark.parametrize(
    "profile", [UNIXFS_V1_2025, KUBO_LEGACY], ids=["unixfs-v1-2025 (dag-pb, 2 chunks)", "legacy CIDv0 (4 chunks)"]
)
def test_each_cid_profile_is_checked_against_its_bytes(profile):
    data = os.urandom(1024 * 1024 + 17)
    cid = file_cid(data, profile)
    assert matches(cid, data)
    assert not matches(cid, data[:-1] + b"x")


@pytest.mark.parametrize("kind", [GATEWAY, KUBO])
def test_files_come_through_a_gateway_or_kubo_and_are_verified(gateway, kind):
    cid = gateway.add(b"hello sm6")
    legacy = gateway.add(b"hello legacy", KUBO_LEGACY)
    fetcher = IpfsFetcher(IpfsSource(kind, gateway.base_url, timeout_s=2))
    assert fetcher.fetch(IpfsAddress(cid), 1000, INVALID_METADATA) == b"hello sm6"
    assert fetcher.fetch(IpfsAddress(legacy), 1000, INVALID_METADATA) == b"hello legacy"
    gateway.files[cid] = b"something else"
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch(IpfsAddress(cid), 1000, INVALID_METADATA)
    assert caught.value.kind == CID_MISMATCH and cid in caught.value.reason.english()


def test_a_file_over_its_cap_is_not_read(gateway):
    cid = gateway.add(b"x" * 5000)
    fetcher = IpfsFetcher(IpfsSource(GATEWAY, gateway.base_url, timeout_s=2))
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch(IpfsAddress(cid), 1000, UNREADABLE_IMAGE)
    assert caught.value.kind == UNREADABLE_IMAGE


def test_a_missing_file_or_a_silent_gateway_is_unreachable_within_the_deadline(gateway):
    fetcher = IpfsFetcher(IpfsSource(GATEWAY, gateway.base_url, timeout_s=0.3))
    with pytest.raises(FetchProblem) as missing:
        fetcher.fetch(IpfsAddress(RAW_CID), 1000, INVALID_METADATA)
    assert missing.value.kind == UNREACHABLE and "404" in missing.value.reason.english()
    gateway.add(b"hello sm6")
    gateway.stall.add(RAW_CID)
    started = time.monotonic()
    with pytest.raises(FetchProblem) as silent:
        fetcher.fetch(IpfsAddress(RAW_CID), 1000, INVALID_METADATA)
    assert silent.value.kind == UNREACHABLE and time.monotonic() - started < 2
    spent = IpfsFetcher(IpfsSource(GATEWAY, gateway.base_url), deadline=time.monotonic() - 1)
    with pytest.raises(FetchProblem) as late:  # the import's own deadline has passed: nothing more is asked
        spent.fetch(IpfsAddress(RAW_CID), 1000, INVALID_METADATA)
    assert late.value.kind == UNREACHABLE


def test_a_stopped_gateway_is_unreachable_not_an_exception():
    server = Gateway().start()
    url = server.base_url
    server.stop()
    with pytest.raises(FetchProblem) as caught:
        IpfsFetcher(IpfsSource(KUBO, url, timeout_s=1)).fetch(IpfsAddress(RAW_CID), 1000, INVALID_METADATA)
    assert caught.value.kind == UNREACHABLE


# --- ipfs://<folder>/<name>: every block checked, never accepted unverified ----------------------------------------


def _folder(gateway, profile=UNIXFS_V1_2025):
    image = os.urandom(300 * 1024)  # more than one legacy chunk: a file of several blocks
    entries = {"12.json": b'{"name": "SM6 #12"}', "12.png": image}
    return gateway.add_folder(entries, profile), entries


@pytest.mark.parametrize("kind", [GATEWAY, KUBO])
@pytest.mark.parametrize("profile", [UNIXFS_V1_2025, KUBO_LEGACY], ids=["cidv1", "cidv0"])
def test_a_file_in_a_folder_is_read_and_each_block_checked(gateway, kind, profile):
    folder, entries = _folder(gateway, profile)
    fetcher = IpfsFetcher(IpfsSource(kind, gateway.base_url, timeout_s=2))
    for name, data in entries.items():
        assert fetcher.fetch(ipfs_address(f"ipfs://{folder}/{name}"), 1024 * 1024, INVALID_METADATA) == data


@pytest.mark.parametrize("kind", [GATEWAY, KUBO])
def test_a_tampered_block_in_a_folder_is_a_cid_mismatch(gateway, kind):
    folder, _ = _folder(gateway)
    fetcher = IpfsFetcher(IpfsSource(kind, gateway.base_url, timeout_s=2))
    leaf = max(gateway.blocks, key=lambda cid: len(gateway.blocks[cid]))  # a block of the image
    gateway.blocks[leaf] = os.urandom(len(gateway.blocks[leaf]))
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch(ipfs_address(f"ipfs://{folder}/12.png"), 1024 * 1024, UNREADABLE_IMAGE)
    assert caught.value.kind == CID_MISMATCH and folder in caught.value.reason.english()


@pytest.mark.parametrize("kind", [GATEWAY, KUBO])
def test_a_name_the_folder_lacks_says_so_plainly(gateway, kind):
    folder, _ = _folder(gateway)
    fetcher = IpfsFetcher(IpfsSource(kind, gateway.base_url, timeout_s=2))
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch(ipfs_address(f"ipfs://{folder}/13.json"), 1024 * 1024, INVALID_METADATA)
    assert caught.value.kind == INVALID_METADATA
    assert caught.value.reason.english() == f"The IPFS folder {folder} has no file named “13.json”."
    with pytest.raises(FetchProblem) as deeper:  # a file is no folder: nothing lies under it
        fetcher.fetch(ipfs_address(f"ipfs://{folder}/12.json/x"), 1024 * 1024, INVALID_METADATA)
    assert deeper.value.kind == INVALID_METADATA and "no file named “12.json/x”" in deeper.value.reason.english()


def test_a_sharded_folder_is_refused_with_a_reason(gateway):
    folder = gateway.add_folder({"1.json": b"{}"}, sharded=True)
    fetcher = IpfsFetcher(IpfsSource(GATEWAY, gateway.base_url, timeout_s=2))
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch(ipfs_address(f"ipfs://{folder}/1.json"), 1024 * 1024, INVALID_METADATA)
    assert caught.value.kind == INVALID_METADATA and "sharded" in caught.value.reason.english()


def test_a_file_in_a_folder_over_its_cap_is_not_read(gateway):
    folder, _ = _folder(gateway)
    for kind in (GATEWAY, KUBO):
        fetcher = IpfsFetcher(IpfsSource(kind, gateway.base_url, timeout_s=2))
        with pytest.raises(FetchProblem) as caught:
            fetcher.fetch(ipfs_address(f"ipfs://{folder}/12.png"), 100 * 1024, UNREADABLE_IMAGE)
        assert caught.value.kind == UNREADABLE_IMAGE and "larger than" in caught.value.reason.english()


def test_a_gateway_without_car_replies_is_unreachable_not_trusted(gateway):
    folder, entries = _folder(gateway)
    gateway.car_replies = False  # it sends the file itself, which nothing could check
    fetcher = IpfsFetcher(IpfsSource(GATEWAY, gateway.base_url, timeout_s=2))
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch(ipfs_address(f"ipfs://{folder}/12.json"), 1024 * 1024, INVALID_METADATA)
    assert caught.value.kind == UNREACHABLE
    assert "does not send files in the verifiable CAR form" in caught.value.reason.english()
    assert "IPFS gateway" in caught.value.reason.english()


def _base58(binary: bytes) -> str:
    return _b58encode(binary)


def _base36(binary: bytes) -> str:
    n, out = int.from_bytes(binary, "big"), ""
    while n:
        n, digit = divmod(n, 36)
        out = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + out
    return out


@pytest.mark.parametrize(
    ("prefix", "spell"),
    [("z", _base58), ("k", _base36), ("f", bytes.hex), ("F", lambda b: b.hex().upper())],
    ids=["base58btc", "base36", "base16", "base16 upper"],
)
@pytest.mark.parametrize("kind", [GATEWAY, KUBO])
def test_cidv1_in_other_multibases_is_read_and_checked(gateway, prefix, spell, kind):
    data = os.urandom(1024 * 1024 + 5)  # two chunks: a dag-pb root
    cid = gateway.add(data)
    folder, entries = _folder(gateway)
    other = prefix + spell(cid_from_str(cid))
    other_folder = prefix + spell(cid_from_str(folder))
    assert cid_from_str(other) == cid_from_str(cid)
    fetcher = IpfsFetcher(IpfsSource(kind, gateway.base_url, timeout_s=2))
    assert fetcher.fetch(ipfs_address(f"ipfs://{other}"), 2 * 1024 * 1024, INVALID_METADATA) == data
    assert fetcher.fetch(ipfs_address(f"ipfs://{other_folder}/12.json"), 1024, INVALID_METADATA) == entries["12.json"]
    assert matches(other, data) and not matches(other, data + b"x")
