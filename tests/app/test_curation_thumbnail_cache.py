"""The curation gallery's disk thumbnails: built once per picture and side, small, rebuilt when damaged, never from
an image bomb, and kept under their size cap."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import time
import zlib

from PIL import Image

from app.curation.thumbnail_cache import ThumbnailCache, default_folder, make_thumbnail


def picture(size=(900, 600), colour=(200, 40, 60), kind="PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Loads:
    """Counts how often the original is read."""

    def __init__(self, data: bytes | None) -> None:
        self.data, self.calls = data, 0

    def __call__(self) -> bytes | None:
        self.calls += 1
        return self.data


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares a huge size in its header and holds almost nothing: what an image bomb looks like."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_a_thumbnail_is_built_once_small_and_served_from_disk_after(tmp_path):
    data = picture()
    cache, load = ThumbnailCache(tmp_path), Loads(data)
    path = cache.get_or_build(sha(data), 128, load)
    assert path == tmp_path / sha(data)[:2] / f"{sha(data)}_128.webp"
    with Image.open(path) as small:
        assert small.format == "WEBP" and min(small.size) == 128 and small.size == (192, 128)
    again = ThumbnailCache(tmp_path)  # the next day: a new cache over the same folder
    assert again.get_or_build(sha(data), 128, load) == path
    assert load.calls == 1 and again.built == 0


def test_a_large_jpeg_is_scaled_down_and_a_small_picture_is_not_scaled_up(tmp_path):
    cache = ThumbnailCache(tmp_path)
    big, small = picture((4000, 3000), kind="JPEG"), picture((100, 80))
    with Image.open(cache.get_or_build(sha(big), 256, Loads(big))) as image:
        assert image.size == (341, 256)
    with Image.open(cache.get_or_build(sha(small), 256, Loads(small))) as image:
        assert image.size == (100, 80)


def test_a_damaged_thumbnail_file_is_built_again(tmp_path):
    data = picture()
    cache, load = ThumbnailCache(tmp_path), Loads(data)
    path = cache.get_or_build(sha(data), 128, load)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # cut short by a crash of another program, a full disk
    assert cache.get_or_build(sha(data), 128, load) == path and path.read_bytes() == whole
    path.write_bytes(b"not a picture at all")
    assert cache.get_or_build(sha(data), 128, load) == path and path.read_bytes() == whole
    assert load.calls == 3


def test_what_is_no_usable_picture_gives_no_thumbnail_and_writes_nothing(tmp_path):
    cache = ThumbnailCache(tmp_path)
    bomb = png_header_only(60_000, 60_000)
    for data in (None, b"", b"GIF89a... not really", bomb, picture()[:200]):
        assert cache.get_or_build("ab" * 32, 128, Loads(data)) is None
    assert cache.get_or_build("not a sha", 128, Loads(picture())) is None
    assert not list(tmp_path.rglob("*.webp"))
    assert make_thumbnail(bomb, 128) is None


def test_the_folder_stays_under_its_cap_dropping_what_was_used_longest_ago(tmp_path):
    pictures = [picture((300, 300), (i * 20, 255 - i * 20, 90)) for i in range(8)]
    one = len(make_thumbnail(pictures[0], 200))
    cache = ThumbnailCache(tmp_path, cap_bytes=one * 5)
    paths = []
    for at, data in enumerate(pictures):
        paths.append(cache.get_or_build(sha(data), 200, Loads(data)))
        os.utime(paths[-1], (time.time() - 10_000 + at, time.time() - 10_000 + at))  # made one after another
    kept = [p for p in paths if p.exists()]
    assert sum(p.stat().st_size for p in kept) <= one * 5 * 1.2
    assert paths[-1] in kept and paths[0] not in kept  # the newest stays, the oldest went first


def test_the_default_folder_is_a_cache_under_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SM6_DATA_DIR", str(tmp_path))
    assert default_folder().is_relative_to(tmp_path) and "cache" in default_folder().parts
