"""CIDs and CAR files from app.token, checked against the reference JS implementations in tests/js.

`ipfs-unixfs-importer` is the importer Helia uses and matches Kubo's layout; `@ipld/car` is an
independent CAR reader. Both are installed from tests/js/package-lock.json on first use.
"""

from __future__ import annotations

import dataclasses
import io
import json
import random
import subprocess
from pathlib import Path

import pytest

from app.token.car import read_car, write_car
from app.token.cid import KUBO_LEGACY, UNIXFS_V1_2025, CidProfile, file_blocks, file_cid
from tests.fixtures.npm import NodeMissing, npm_ci

JS_DIR = Path(__file__).resolve().parents[1] / "js"
MiB = 1 << 20
PROFILES = {"v1-2025": UNIXFS_V1_2025, "legacy": KUBO_LEGACY}


@pytest.fixture(scope="session")
def node() -> str:
    """Path to `node`, with tests/js dependencies installed (npm ci) if this checkout lacks them."""
    try:
        return npm_ci(JS_DIR)
    except NodeMissing as exc:
        pytest.skip(f"{exc}: the reference JS CID/CAR implementations cannot run")


def _js(node: str, script: str, *args: str) -> dict:
    result = subprocess.run([node, script, *args], cwd=JS_DIR, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _js_import(node: str, path: Path, profile: CidProfile) -> dict:
    return _js(
        node,
        "cid.mjs",
        str(path),
        f"--cid-version={profile.cid_version}",
        f"--raw-leaves={'true' if profile.raw_leaves else 'false'}",
        f"--chunk-size={profile.chunk_size}",
        f"--max-links={profile.max_links}",
    )


def _random(n: int, seed: int = 6) -> bytes:
    return random.Random(seed).randbytes(n)


# (name, data, profile override): the edge sizes around one 1 MiB chunk, a multi-chunk file, and
# small-chunk/3-link trees that are several levels deep yet only a few KB.
CASES = [
    ("empty", b"", {}),
    ("hello", b"hello\n", {}),
    ("exactly-1MiB", _random(MiB), {}),
    ("1MiB-plus-1", _random(MiB + 1), {}),
    ("5MiB", _random(5 * MiB), {}),
    ("deep-10-chunks", _random(10_000), {"chunk_size": 1000, "max_links": 3}),
    ("deep-uneven", _random(27_001), {"chunk_size": 1000, "max_links": 3}),
    ("deep-repeated-chunks", bytes(9_000), {"chunk_size": 1000, "max_links": 2}),
]


@pytest.mark.parametrize("profile_name", PROFILES)
@pytest.mark.parametrize(("name", "data", "override"), CASES, ids=[case[0] for case in CASES])
def test_cid_matches_reference_importer(node, tmp_path, profile_name, name, data, override):
    profile = dataclasses.replace(PROFILES[profile_name], **override)
    path = tmp_path / name
    path.write_bytes(data)
    expected = _js_import(node, path, profile)

    root, blocks = file_blocks(path, profile)
    assert root == expected["root"]
    assert sorted(cid for cid, _ in blocks) == expected["blocks"]
    assert blocks[-1][0] == root
    assert file_cid(data, profile) == root
    assert file_cid(io.BytesIO(data), profile) == root


def test_known_cids_of_hello(node, tmp_path):
    # Checked with tests/js/cid.mjs; the v1 value is also plain sha2-256 of the bytes as a raw CID.
    data = b"hello\n"
    assert file_cid(data, KUBO_LEGACY) == "QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN"
    assert file_cid(data) == "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am"
    path = tmp_path / "hello.txt"
    path.write_bytes(data)
    assert _js_import(node, path, KUBO_LEGACY)["root"] == "QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN"
    assert _js_import(node, path, UNIXFS_V1_2025)["root"] == file_cid(data)


class _TrickleStream(io.RawIOBase):
    """A stream that returns at most 1000 bytes a read, like a pipe; chunk boundaries must not move."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(min(size, 1000) if size >= 0 else 1000)


def test_short_reads_do_not_change_the_cid():
    data = _random(2 * MiB + 5)
    assert file_cid(_TrickleStream(data)) == file_cid(data)
    assert file_cid(_TrickleStream(data), KUBO_LEGACY) == file_cid(data, KUBO_LEGACY)


def test_profile_rejects_a_width_that_never_converges():
    with pytest.raises(ValueError, match="max_links"):
        CidProfile(cid_version=1, raw_leaves=True, chunk_size=1024, max_links=1)


@pytest.mark.parametrize("profile_name", PROFILES)
def test_car_round_trip_and_second_reader(node, tmp_path, profile_name):
    root, blocks = file_blocks(_random(3 * MiB, seed=3), PROFILES[profile_name])
    car = tmp_path / "file.car"
    write_car(car, [root], blocks)

    roots, read_back = read_car(car)
    assert roots == [root]
    assert read_back == dict(blocks)

    js = _js(node, "car-roots.mjs", str(car))
    assert js["roots"] == [root]
    assert js["blocks"] == len(blocks)
    assert js["cids"] == [cid for cid, _ in blocks]


def test_tampered_car_is_rejected(node, tmp_path):
    root, blocks = file_blocks(_random(3 * MiB, seed=4))
    car = tmp_path / "file.car"
    write_car(car, [root], blocks)
    raw = bytearray(car.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # one bit inside a leaf's data
    car.write_bytes(bytes(raw))

    with pytest.raises(ValueError, match="does not match its CID"):
        read_car(car)
    result = subprocess.run([node, "car-roots.mjs", str(car)], cwd=JS_DIR, capture_output=True, text=True)
    assert result.returncode != 0, "the JS reader should also notice the altered block"


def test_truncated_car_is_rejected(tmp_path):
    root, blocks = file_blocks(b"x" * 5000, dataclasses.replace(UNIXFS_V1_2025, chunk_size=1000))
    car = tmp_path / "file.car"
    write_car(car, [root], blocks)
    car.write_bytes(car.read_bytes()[:-10])
    with pytest.raises(ValueError, match="truncated"):
        read_car(car)
