"""Submissions read from folders and ZIPs: each kind of entry read right, one candidate per metadata and picture,
and every hostile file kept aside with a reason a person understands."""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile

import numpy as np
import pytest
from PIL import Image

from app.curation.models import CID_MISMATCH, INVALID_METADATA, UNREADABLE_IMAGE
from app.curation.sources.containers import Limits
from app.curation.sources.files import iter_source, list_items, read_source
from app.errors import UserFacingError
from app.library.images import sha256_of
from app.token.cid import file_cid
from tests.fixtures.curation_files import (
    a1111_png,
    app_png,
    bomb_png,
    plain_jpeg,
    plain_png,
    token_metadata,
    write_json,
    write_submission_folder,
    write_submission_zip,
    zip_folder,
)


def one(path) -> object:
    (candidate,) = list(read_source(path))
    return candidate


def test_a_png_made_by_this_app_carries_its_prompt_model_and_settings(tmp_path):
    png = app_png(3, prompt="pearl white SM6, rose-gold trim under Busan's night sky", seed=77)
    (tmp_path / "designs").mkdir()
    (tmp_path / "designs" / "mine.png").write_bytes(png)
    os.utime(tmp_path / "designs" / "mine.png", (1_700_000_000, 1_700_000_000))

    found = one(tmp_path / "designs")

    assert found.problem is None
    assert (found.source, found.origin, found.source_key) == ("folder", "mine.png", f"file:{sha256_of(png)}")
    assert (found.width, found.height, found.image, found.image_sha256) == (64, 64, png, sha256_of(png))
    assert found.prompt == "pearl white SM6, rose-gold trim under Busan's night sky"
    assert found.name == "Pearl white SM6"  # the prompt's first clause, as a token's name would be
    assert found.model_hash == "ab" * 32
    assert found.generation["seed"] == 80 and found.generation["steps"] == 4  # this image's seed (77 + variation 3)
    assert found.created_at == 1_700_000_000


def test_an_automatic1111_png_gives_its_prompt_seed_and_model_hash(tmp_path):
    parameters = (
        "a red Renault SM6 on a mountain road, golden hour\n"
        "Negative prompt: blurry, lowres\n"
        "Steps: 30, Sampler: DPM++ 2M Karras, CFG scale: 6.5, Seed: 3141592, Size: 512x768, Model hash: 6ce0161689,"
        ' Model: "realistic, v5"'
    )
    (tmp_path / "a1111.png").write_bytes(a1111_png(5, parameters))

    found = one(tmp_path)

    assert found.problem is None
    assert found.prompt == "a red Renault SM6 on a mountain road, golden hour"
    assert found.model_hash == "6ce0161689"
    gen = found.generation
    assert (gen["seed"], gen["steps"], gen["guidance"], gen["sampler"]) == (3141592, 30, 6.5, "DPM++ 2M Karras")
    assert (gen["width"], gen["height"], gen["model_name"]) == (512, 768, "realistic, v5")
    assert gen["negative_prompt"] == "blurry, lowres"


def test_plain_pictures_are_valid_entries_without_provenance(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(plain_jpeg(1))
    (tmp_path / "plain.png").write_bytes(plain_png(2, size=48))

    photo, plain = read_source(tmp_path)

    assert (photo.origin, photo.problem, photo.width, photo.prompt, photo.generation) == (
        "photo.jpg",
        None,
        64,
        "",
        None,
    )
    assert (plain.origin, plain.problem, plain.width, plain.height) == ("plain.png", None, 48, 48)


@pytest.mark.parametrize("reference", ["ipfs", "relative", "cid-named"])
def test_metadata_and_the_picture_it_names_are_one_candidate(tmp_path, reference):
    png = app_png(1)
    cid = file_cid(png)
    picture = f"{cid}.png" if reference == "cid-named" else "pictures/car.png"
    (tmp_path / picture).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / picture).write_bytes(png)
    image = "../pictures/car.png" if reference == "relative" else f"ipfs://{cid}"
    (tmp_path / "meta").mkdir()
    write_json(tmp_path / "meta" / "token.json", token_metadata(image, 9, description="Night drive."))

    found = one(tmp_path)

    assert found.problem is None
    assert found.origin == "meta/token.json"
    assert (found.source_key, found.image_cid) == (f"file:{sha256_of(png)}", cid)
    assert (found.name, found.description) == ("Create Your SM6 — entry 9", "Night drive.")
    assert found.traits == (("Trim", "Inspire"), ("Seed", "1009"))
    assert found.prompt.startswith("pearl white SM6")  # the picture's own provenance fills what metadata leaves out
    assert found.metadata["image"] == image


def test_the_same_picture_in_two_zips_has_one_source_key(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    (tmp_path / "a" / "first.png").write_bytes(plain_png(7))
    (tmp_path / "b" / "renamed copy.png").write_bytes(plain_png(7))

    first = one(zip_folder(tmp_path / "a", tmp_path / "a.zip"))
    second = one(zip_folder(tmp_path / "b", tmp_path / "b.zip"))

    assert first.source == second.source == "zip"
    assert first.source_key == second.source_key != ""
    assert (first.origin, second.origin) == ("first.png", "renamed copy.png")


def test_a_submission_zip_reads_like_its_folder(tmp_path):
    archive = write_submission_zip(tmp_path / "campaign.zip", 3)
    folder = tmp_path / "campaign.folder"

    from_zip, from_folder = list(read_source(archive)), list(read_source(folder))

    assert [c.source_key for c in from_zip] == [c.source_key for c in from_folder]
    assert len(from_zip) == 3 and all(c.problem is None and c.metadata for c in from_zip)


def test_a_picture_whose_cid_is_not_the_one_named_is_a_cid_mismatch(tmp_path):
    named = file_cid(plain_png(1))
    (tmp_path / f"{named}.png").write_bytes(plain_png(2))  # named by a CID, but other bytes
    write_json(tmp_path / "token.json", token_metadata(f"ipfs://{named}"))

    found = one(tmp_path)

    assert found.problem.kind == CID_MISMATCH
    assert "token.json" in found.problem.reason.english() and named in found.problem.reason.english()
    assert found.image == plain_png(2)  # kept, so staff can see what was handed in


def test_every_hostile_file_in_a_folder_is_kept_with_its_reason(tmp_path):
    folder = write_submission_folder(
        tmp_path / "in", 1, bad=("damaged", "bomb", "not_json", "schema", "missing_image", "deep_json")
    )
    big = {"name": "x", "description": "y" * 2_000_000, "image": "ipfs://x"}
    write_json(folder / "bad_huge.json", big)

    found = {c.origin: c for c in read_source(folder)}

    expected = {
        "bad_damaged.png": (UNREADABLE_IMAGE, "is damaged"),
        "bad_bomb.png": (UNREADABLE_IMAGE, "9000×9000 pixels"),
        "bad_not_json.json": (INVALID_METADATA, "is not valid JSON"),
        "bad_deep_json.json": (INVALID_METADATA, "nested more than"),
        "bad_huge.json": (INVALID_METADATA, "too large"),
        "bad_schema.json": (INVALID_METADATA, "The name is empty"),
        "bad_missing_image.json": (UNREADABLE_IMAGE, "not among the files"),
    }
    for origin, (kind, words) in expected.items():
        problem = found[origin].problem
        assert problem is not None and problem.kind == kind, origin
        assert origin in problem.reason.english() and words in problem.reason.english(), problem.reason.english()
    assert found["entry_00000.json"].problem is None
    assert "bad_schema.png" not in found  # the picture belongs to its (bad) metadata: one candidate, not two
    assert found["bad_schema.json"].image  # and that candidate keeps the picture
    assert len({c.source_key for c in found.values()}) == len(found)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and symlinks as this test makes them are POSIX's")
def test_links_out_of_the_folder_and_fifos_are_refused_not_followed(tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(plain_png(1))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "inside.png").write_bytes(plain_png(2))
    (folder / "link_in.png").symlink_to(folder / "inside.png")
    (folder / "link_out.png").symlink_to(outside)
    (folder / "everything").symlink_to("/", target_is_directory=True)
    os.mkfifo(folder / "pipe.png")

    found = {c.origin: c for c in read_source(folder)}

    assert sorted(found) == ["inside.png", "link_in.png", "link_out.png", "pipe.png"]  # the dir link is not walked
    assert found["link_in.png"].problem is None
    assert found["link_out.png"].problem.kind == UNREADABLE_IMAGE and found["link_out.png"].image == b""
    assert "outside the folder" in found["link_out.png"].problem.reason.english()
    assert "not an ordinary file" in found["pipe.png"].problem.reason.english()


def test_a_file_that_is_not_a_zip_is_one_clear_error(tmp_path):
    fake = tmp_path / "entries.zip"
    fake.write_bytes(b"PK\x03\x04 but nothing else of a ZIP")

    with pytest.raises(UserFacingError) as raised:
        list(read_source(fake))

    assert "entries.zip" in raised.value.message and "Nothing was imported" in raised.value.message


def _zip_bytes(*entries: tuple[str, bytes, int]) -> bytearray:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data, method in entries:
            out.writestr(name, data, compress_type=method)
    return bytearray(buffer.getvalue())


def test_a_corrupt_lzma_entry_and_a_nameless_entry_do_not_stop_the_import(tmp_path):
    raw = _zip_bytes(
        ("lzma.png", plain_png(1) * 4, zipfile.ZIP_LZMA),
        ("fine.png", plain_png(2), zipfile.ZIP_STORED),
        ("X", b"data", zipfile.ZIP_STORED),
    )
    start = 30 + len("lzma.png") + 9  # the LZMA stream, past its local header and properties
    raw[start : start + 20] = bytes(b ^ 0x5A for b in raw[start : start + 20])
    directory = raw.rfind(b"PK\x01\x02")  # the last entry's name ("X") becomes empty
    raw[directory + 28 : directory + 30] = b"\0\0"
    del raw[directory + 46]
    end = raw.rfind(b"PK\x05\x06")
    raw[end + 12 : end + 16] = struct.pack("<I", struct.unpack("<I", raw[end + 12 : end + 16])[0] - 1)
    (tmp_path / "mixed.zip").write_bytes(bytes(raw))

    found = {c.origin: c for c in read_source(tmp_path / "mixed.zip")}

    assert sorted(found) == ["fine.png", "lzma.png"] and found["fine.png"].problem is None
    problem = found["lzma.png"].problem
    assert (
        problem.kind == UNREADABLE_IMAGE and "lzma.png cannot be unpacked from the archive" in problem.reason.english()
    )


def test_a_zip_needing_a_newer_unpacker_is_one_clear_error(tmp_path):
    raw = _zip_bytes(("a.png", plain_png(1), zipfile.ZIP_STORED))
    directory = raw.rfind(b"PK\x01\x02")
    raw[directory + 6 : directory + 8] = struct.pack("<H", 72)  # "version needed to extract": 7.2
    (tmp_path / "newer.zip").write_bytes(bytes(raw))

    with pytest.raises(UserFacingError) as raised:
        list(read_source(tmp_path / "newer.zip"))

    assert "newer.zip" in raised.value.message and "Nothing was imported" in raised.value.message


def test_zip_bombs_escaping_paths_and_oversized_entries_are_refused(tmp_path):
    archive = tmp_path / "hostile.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("bomb.png", b"\0" * (4 * 1024 * 1024))  # packs to a few KB
        out.writestr("../../escape.png", plain_png(1))
        out.writestr("/absolute.png", plain_png(2))
        out.writestr("fine.png", plain_png(3))
        out.writestr("large.png", plain_png(4) + b"\0" * 300_000, compress_type=zipfile.ZIP_STORED)
        out.writestr("notes.txt", b"not an entry")

    found = {c.origin: c for c in read_source(archive, limits=Limits(max_entry_bytes=200_000))}

    assert sorted(found) == ["../../escape.png", "/absolute.png", "bomb.png", "fine.png", "large.png"]
    assert found["fine.png"].problem is None
    for origin, words in [
        ("bomb.png", "zip bomb"),
        ("../../escape.png", "outside the archive"),
        ("/absolute.png", "outside the archive"),
        ("large.png", "larger than"),
    ]:
        problem = found[origin].problem
        assert problem.kind == UNREADABLE_IMAGE and words in problem.reason.english(), origin


def test_an_archive_unpacking_past_its_budget_stops_reading_entries(tmp_path):
    folder = write_submission_folder(tmp_path / "in", 6, with_metadata=False)
    archive = zip_folder(folder, tmp_path / "in.zip")
    size = (folder / "entry_00000.png").stat().st_size

    found = list(read_source(archive, limits=Limits(max_total_bytes=size * 3 + size // 2)))

    assert [c.problem is None for c in found] == [True, True, True, False, False, False]
    assert "unpacked" in found[-1].problem.reason.english()


def test_items_are_listed_in_order_and_reading_resumes_at_a_position(tmp_path):
    folder = write_submission_folder(tmp_path / "in", 3)

    items = list_items(folder)
    resumed = list(iter_source(folder, start=4))

    assert items == [f"entry_{n:05d}.{ext}" for n in range(3) for ext in ("json", "png")]
    assert [(s.position, s.item) for s in resumed] == [(4, "entry_00002.json"), (5, "entry_00002.png")]
    assert resumed[0].candidate.origin == "entry_00002.json" and resumed[1].candidate is None  # the claimed picture


def test_a_large_folder_streams_one_picture_at_a_time(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    noise = np.random.default_rng(0).integers(0, 256, (2000, 32, 32, 3), dtype=np.uint8)
    for number, pixels in enumerate(noise):  # noise, so pictures outweigh the bookkeeping as real ones do
        Image.fromarray(pixels, "RGB").save(folder / f"p{number:04d}.png", compress_level=0)
    total = sum(f.stat().st_size for f in folder.iterdir())

    tracemalloc.start()
    try:
        stream = read_source(folder)
        first = next(stream)
        for later in sorted(folder.iterdir())[-10:]:  # files not read yet: the stream has not touched them
            later.unlink()
        rest = [(c.origin, c.problem) for c in stream]  # what an importer keeps once an entry is stored
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert first.origin == "p0000.png" and first.problem is None
    assert len(rest) == 1999
    assert sum(1 for _, problem in rest if problem and "no longer there" in problem.reason.english()) == 10
    assert peak < total / 4, (peak, total)  # nowhere near every picture held at once


def test_an_archive_with_more_files_than_one_import_takes_is_one_clear_error(tmp_path):
    archive = write_submission_zip(tmp_path / "huge.zip", 3)

    with pytest.raises(UserFacingError) as raised:
        list_items(archive, limits=Limits(max_items=5))

    assert "huge.zip" in raised.value.message and "more than 5 files" in raised.value.message


def test_a_kept_aside_reason_is_said_in_korean_too(tmp_path):
    from app import i18n

    (tmp_path / "cut.png").write_bytes(plain_png(1)[:40])
    found = one(tmp_path)
    try:
        i18n.set_language("ko")
        said = str(found.problem.reason)
    finally:
        i18n.set_language("en")

    assert "cut.png" in said and "손상" in said


def test_a_text_file_named_png_is_not_a_picture(tmp_path):
    (tmp_path / "notes.png").write_text("these are my notes", encoding="utf-8")

    found = one(tmp_path)

    assert found.problem.kind == UNREADABLE_IMAGE
    assert found.problem.reason.english() == "notes.png is not a PNG or JPEG picture, so it cannot be judged."


@pytest.mark.parametrize("width, height", [(9000, 9000), (20000, 100), (60000, 60000)])
def test_image_bombs_are_refused_from_their_header(tmp_path, width, height):
    (tmp_path / "bomb.png").write_bytes(bomb_png(width, height))

    found = one(tmp_path)

    assert found.problem.kind == UNREADABLE_IMAGE and (found.image, found.width) == (b"", 0)
    assert "bomb.png" in found.problem.reason.english() and "larger than this app opens" in str(found.problem.reason)
