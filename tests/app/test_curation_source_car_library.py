"""Submissions from CAR files (read back block by block and checked against their CIDs) and from this machine's
library (each design as the token it would become)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from app.curation.models import CID_MISMATCH, INVALID_METADATA, UNREADABLE_IMAGE
from app.curation.sources.files import read_source
from app.curation.sources.library_source import library_count, library_steps, read_library
from app.library.images import sha256_of
from app.library.store import Library
from app.token.assemble import assemble_token
from app.token.car import write_car
from app.token.cid import DAG_PB, KUBO_LEGACY, RAW, cid_bytes, cid_to_str, file_blocks, varint
from app.token.metadata import metadata_bytes
from tests.fixtures.curation_files import app_png, plain_png, token_metadata, write_token_car
from tests.fixtures.designs import add_plain_design


def one(path):
    (candidate,) = list(read_source(path))
    return candidate


def test_a_token_car_gives_its_metadata_image_and_cids(tmp_path):
    png = app_png(2)
    metadata_cid, image_cid = write_token_car(tmp_path / "token.car", png)

    found = one(tmp_path)

    assert found.problem is None
    assert (found.origin, found.source_key) == (f"token.car#{metadata_cid}", f"file:{sha256_of(png)}")
    assert (found.image, found.width, found.metadata_cid, found.image_cid) == (png, 64, metadata_cid, image_cid)
    assert found.name == "Create Your SM6 — entry 1" and found.traits[0] == ("Trim", "Inspire")
    assert found.prompt.startswith("pearl white SM6") and found.generation["seed"] == 1236  # the PNG's provenance


def test_a_large_picture_is_put_back_together_from_many_blocks(tmp_path):
    # Bytes after IEND are ignored by decoders; random ones make several distinct 256 KiB chunks (Kubo's legacy).
    png = plain_png(3) + np.random.default_rng(3).bytes(600_000)
    image_cid, image_blocks = file_blocks(png, KUBO_LEGACY)
    metadata = token_metadata(f"ipfs://{image_cid}")
    metadata_cid, metadata_blocks = file_blocks(metadata_bytes(metadata))
    write_car(tmp_path / "legacy.car", [metadata_cid, image_cid], [*metadata_blocks, *image_blocks])

    found = one(tmp_path)

    assert len(image_blocks) > 2
    assert found.problem is None and found.image == png and found.image_cid == image_cid


def test_an_altered_car_is_a_cid_mismatch(tmp_path):
    write_token_car(tmp_path / "token.car", app_png(2))
    data = bytearray((tmp_path / "token.car").read_bytes())
    data[-100] ^= 0xFF  # one byte of the picture's block
    (tmp_path / "token.car").write_bytes(bytes(data))

    found = one(tmp_path)

    assert found.problem.kind == CID_MISMATCH
    assert "token.car" in found.problem.reason.english() and "does not match its CID" in found.problem.reason.english()


def test_a_car_whose_metadata_names_another_image_is_a_cid_mismatch(tmp_path):
    other_cid, _ = file_blocks(plain_png(9))
    write_token_car(tmp_path / "swap.car", app_png(2), token_metadata(f"ipfs://{other_cid}"))

    found = one(tmp_path)

    assert found.problem.kind == CID_MISMATCH
    assert other_cid in found.problem.reason.english() and "swap.car" in found.problem.reason.english()


@pytest.mark.parametrize(
    "content, kind",
    [
        (b"\x0bnot a car at all", INVALID_METADATA),
        (b"", INVALID_METADATA),
        (b"\x03\xa1\x80\x00", INVALID_METADATA),  # a header map whose key is a list: it escaped as a TypeError
        (b"\xd1\x0f" + b"\x81" * 2000 + b"\x00", INVALID_METADATA),  # 2,000 nested lists: a RecursionError
    ],
)
def test_a_damaged_car_is_kept_with_its_reason(tmp_path, content, kind):
    (tmp_path / "broken.car").write_bytes(content)

    found = one(tmp_path)

    assert found.problem.kind == kind and "broken.car" in found.problem.reason.english()


def test_a_car_missing_its_picture_blocks_says_so(tmp_path):
    png = app_png(4)
    image_cid, _ = file_blocks(png)
    metadata_cid, metadata_blocks = file_blocks(metadata_bytes(token_metadata(f"ipfs://{image_cid}")))
    write_car(tmp_path / "half.car", [metadata_cid], metadata_blocks)

    found = one(tmp_path)

    assert found.problem.kind == UNREADABLE_IMAGE and image_cid in found.problem.reason.english()
    assert found.metadata_cid == metadata_cid


def _fan_out_car(path, fan_out: int, depth: int) -> None:
    """A few KB of dag-pb nodes, each linking `fan_out` times to the one below, down to an empty raw leaf: walked
    link by link, fan_out ** depth visits that add no byte (the byte cap never stops them)."""
    cid = cid_bytes(RAW, hashlib.sha256(b"").digest(), 1)
    blocks = [(cid_to_str(cid), b"")]
    for _ in range(depth):
        link = b"\x0a" + varint(len(cid)) + cid  # PBLink.Hash
        node = (b"\x12" + varint(len(link)) + link) * fan_out + b"\x0a\x02\x08\x02"  # the links, Data {Type: File}
        cid = cid_bytes(DAG_PB, hashlib.sha256(node).digest(), 1)
        blocks.append((cid_to_str(cid), node))
    write_car(path, [cid_to_str(cid)], blocks)


@pytest.mark.timeout(120)  # the walk used to take 40 ** 5 visits: the better part of an hour
def test_a_car_whose_blocks_link_to_one_another_over_and_over_is_kept_aside_as_damaged(tmp_path):
    _fan_out_car(tmp_path / "fan.car", fan_out=40, depth=5)
    write_token_car(tmp_path / "token.car", app_png(2))

    found = {c.origin.partition("#")[0]: c for c in read_source(tmp_path)}

    assert sorted(found) == ["fan.car", "token.car"] and found["token.car"].problem is None
    problem = found["fan.car"].problem
    assert problem.kind == INVALID_METADATA
    assert problem.reason.english() == "fan.car is not a CAR file this app can read, or it is damaged."


@pytest.fixture
def library(tmp_path):
    opened = Library.open(tmp_path / "data")
    yield opened
    opened.close()


def test_every_library_design_becomes_the_token_it_would_be(library):
    first = add_plain_design(library, "pearl white SM6 with rose-gold trim", colour=(10, 20, 30))
    second = add_plain_design(library, "a red SM6 at dawn", colour=(200, 20, 30))
    library.save_description(first.id, "en", "A calm night drive.")
    library.save_description(first.id, "ko", "고요한 밤의 드라이브.")

    found = list(read_library(library))

    assert [c.source_key for c in found] == [f"library:{second.id}", f"library:{first.id}"]  # newest first
    mine = found[1]
    token = assemble_token(library, first, language="en")
    assert (mine.source, mine.origin, mine.problem) == ("library", first.id, None)
    assert mine.description == "A calm night drive." and found[0].description == ""
    assert (mine.image_sha256, mine.width, mine.height) == (first.image_sha256, 64, 64)
    assert (mine.metadata, mine.metadata_cid, mine.image_cid) == (token.metadata, token.metadata_cid, token.image_cid)
    assert ("Colours", "Red") in found[0].traits and ("Trim", "Inspire") in mine.traits
    assert mine.generation["prompt"] == "pearl white SM6 with rose-gold trim" and mine.generation["seed"] == 7
    assert mine.prompt == "pearl white SM6 with rose-gold trim" and mine.created_at == first.created_at


def test_the_library_is_read_in_pages_and_resumes_under_a_key(library):
    designs = [add_plain_design(library, f"design number {n}", colour=(n, n, n)) for n in range(5)]

    steps = list(library_steps(library))
    resumed = list(read_library(library, below=steps[1][0]))

    assert library_count(library) == 5
    assert [c.origin for _, c in steps] == [d.id for d in reversed(designs)]
    assert [c.origin for c in resumed] == [d.id for d in reversed(designs[:3])]


def test_a_design_whose_picture_is_gone_is_kept_with_its_reason(library):
    design = add_plain_design(library)
    (library.image_path(design.image_sha256)).unlink()

    (found,) = read_library(library)

    assert found.problem.kind == UNREADABLE_IMAGE and design.id in found.problem.reason.english()
    assert found.source_key == f"library:{design.id}"
