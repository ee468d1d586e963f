"""Copies among submissions as judges meet them: the same file twice, a resized or recompressed or recoloured copy, a
slightly cropped one, all grouped; different pictures kept apart; hostile bytes give no hash instead of a hang."""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
import time
import zlib

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageEnhance

from app.curation.duplicates import MAX_DISTANCE, group, hashes_in_pool, perceptual_hash


def picture(seed: int, size: int = 256) -> Image.Image:
    """A distinct picture: random shapes in random colours on a random background."""
    rng = random.Random(seed)
    image = Image.new("RGB", (size, size), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(8):
        x, y = rng.randrange(size), rng.randrange(size)
        w, h = rng.randrange(size // 8, size // 2), rng.randrange(size // 8, size // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x - w, y - h, x + w, y + h), fill=colour)
    return image


def encoded(image: Image.Image, fmt: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def copies(original: Image.Image) -> dict[str, bytes]:
    size = original.width
    return {
        "resized": encoded(original.resize((size * 3 // 4, size * 3 // 4), Image.Resampling.LANCZOS)),
        "jpeg": encoded(original, "JPEG", quality=55),
        "recoloured": encoded(ImageEnhance.Color(ImageEnhance.Brightness(original).enhance(1.08)).enhance(0.9)),
        "cropped": encoded(original.crop((4, 4, size - 4, size - 4))),
    }


def distance(a: int, b: int) -> int:
    return bin((a ^ b) & (2**64 - 1)).count("1")


def png_declaring(width: int, height: int) -> bytes:
    """A small PNG whose header claims width x height (an image bomb: the pixels would take gigabytes)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\0" * 1024)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def test_a_hash_is_a_signed_64_bit_number_and_stable():
    data = encoded(picture(1))
    value = perceptual_hash(data)
    assert isinstance(value, int) and -(2**63) <= value < 2**63
    assert perceptual_hash(data) == value


@pytest.mark.parametrize("kind", ["resized", "jpeg", "recoloured", "cropped"])
def test_near_copies_hash_close_and_different_pictures_do_not(kind):
    original = picture(11)
    base = perceptual_hash(encoded(original))
    assert distance(base, perceptual_hash(copies(original)[kind])) <= MAX_DISTANCE
    others = [perceptual_hash(encoded(picture(seed))) for seed in range(100, 130)]
    assert min(distance(base, other) for other in others) > MAX_DISTANCE


@pytest.mark.parametrize(
    "data",
    [b"", b"not a picture at all", encoded(picture(2))[:200], b"<svg xmlns='http://www.w3.org/2000/svg'/>"],
    ids=["empty", "text", "truncated", "svg"],
)
def test_garbage_gives_no_hash(data):
    assert perceptual_hash(data) is None


def test_an_image_bomb_is_refused_from_its_header_without_decoding():
    started = time.perf_counter()
    assert perceptual_hash(png_declaring(60_000, 60_000)) is None
    assert perceptual_hash(png_declaring(0x7FFFFFFF, 1)) is None
    assert time.perf_counter() - started < 1.0


def test_a_large_jpeg_is_decoded_at_reduced_scale_and_still_matches_its_small_copy():
    original = picture(5, size=256)
    big = encoded(original.resize((3000, 3000), Image.Resampling.BILINEAR), "JPEG", quality=90)
    assert distance(perceptual_hash(big), perceptual_hash(encoded(original))) <= MAX_DISTANCE


def test_the_pool_hashes_in_order_in_chunks_like_one_process():
    images = [(key, encoded(picture(key, size=96))) for key in range(9)] + [(9, b"garbage")]
    chunks = list(hashes_in_pool(iter(images), workers=2, chunk=4))
    assert [len(chunk) for chunk in chunks] == [4, 4, 2]
    results = [item for chunk in chunks for item in chunk]
    assert results == [(key, perceptual_hash(data)) for key, data in images]
    assert results[-1] == (9, None)
    assert [item for chunk in hashes_in_pool(images, workers=1, chunk=4) for item in chunk] == results


def crashing_decoder(image: bytes) -> int | None:
    """Stands in for a decoder that dies on one hostile picture (it runs in a worker process)."""
    if image == b"kills the decoder":
        os._exit(3)
    return perceptual_hash(image)


def test_a_picture_that_kills_a_worker_loses_only_its_own_hash():
    images = [(key, encoded(picture(key, size=64))) for key in range(12)]
    images[5] = (5, b"kills the decoder")
    results = [
        item for chunk in hashes_in_pool(images, workers=2, chunk=3, hash_one=crashing_decoder) for item in chunk
    ]
    assert [key for key, _ in results] == list(range(12))
    assert results[5] == (5, None)
    assert all(value is not None for key, value in results if key != 5)


def test_exact_and_near_copies_are_grouped_and_different_pictures_are_not():
    originals = {seed: picture(seed) for seed in (21, 22, 23)}
    files: dict[int, bytes] = {1: encoded(originals[21]), 2: encoded(originals[22]), 3: encoded(originals[23])}
    files[4] = files[1]  # the same file submitted twice
    files[5] = copies(originals[22])["jpeg"]
    files[6] = copies(originals[22])["resized"]
    files[7] = b"garbage"  # unreadable: no hash, in no group
    exact = [(key, hashlib.sha256(data).hexdigest()) for key, data in files.items()]
    near = [(key, perceptual_hash(data)) for key, data in files.items()]
    assert group(exact, near) == [[1, 4], [2, 5, 6]]


def test_grouping_is_transitive_and_uses_both_kinds_of_evidence():
    a = 0x0F0F_0F0F_0F0F_0F0F
    b = a ^ 0b11111  # 5 bits from a
    c = b ^ (0b11111 << 20)  # 5 bits from b, 10 from a
    near = [(1, a), (2, b), (3, c), (4, ~a)]
    exact = [(4, "ab" * 32), (5, "AB" * 32), (6, "cd" * 32)]
    assert group(exact, near) == [[1, 2, 3], [4, 5]]
    assert group([], near, max_distance=4) == []


def test_100000_random_hashes_with_planted_copies_and_blank_pictures_group_exactly():
    rng = np.random.default_rng(17)
    hashes = rng.integers(-(2**63), 2**63 - 1, size=100_000, dtype=np.int64).tolist()
    near = list(enumerate(hashes))
    planted = []
    for i in range(0, 2_000, 20):  # 100 copies, each 1-6 bits from its original
        flipped = hashes[i]
        for bit in rng.choice(64, size=int(rng.integers(1, MAX_DISTANCE + 1)), replace=False):
            flipped ^= 1 << int(bit)
        planted.append([i, len(near)])
        near.append((len(near), ((flipped + 2**63) % 2**64) - 2**63))
    blanks = list(range(len(near), len(near) + 5_000))
    near += [(key, 0) for key in blanks]  # 5,000 blank pictures share one hash
    faint = sorted({sum(1 << int(bit) for bit in rng.choice(64, size=3, replace=False)) for _ in range(2_500)})
    nearly_blank = list(range(len(near), len(near) + len(faint)))
    near += [(key, ((value + 2**63) % 2**64) - 2**63) for key, value in zip(nearly_blank, faint)]  # 3 bits from 0
    groups = group([], near)
    assert blanks + nearly_blank in groups  # thousands of distinct hashes in one bucket: one group, not a hang
    assert sorted(g for g in groups if g[0] != blanks[0]) == sorted(planted)
