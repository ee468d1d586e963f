"""Loading a sketch or photo to start a design from: what is kept, and what a bad file says."""

from __future__ import annotations

import hashlib
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageDraw

from app import paths
from app.errors import RequestError
from app.generation.pictures import MAX_SIDE_KEPT, PictureStore, default_store


@pytest.fixture
def store(tmp_path):
    return PictureStore(tmp_path / "pictures")


def stored_files(store):
    return sorted(store.root.glob("*")) if store.root.exists() else []


def sketch(size=(640, 400)) -> Image.Image:
    """A pencil sketch of a car on white paper: a closed body outline and two wheels."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    w, h = size
    body = [(0.1 * w, 0.7 * h), (0.12 * w, 0.5 * h), (0.35 * w, 0.45 * h), (0.45 * w, 0.3 * h), (0.7 * w, 0.3 * h),
            (0.8 * w, 0.45 * h), (0.9 * w, 0.5 * h), (0.9 * w, 0.7 * h)]  # fmt: skip
    draw.polygon(body, outline="black", width=4)
    for cx in (0.27 * w, 0.73 * w):
        draw.ellipse((cx - 0.07 * w, 0.62 * h, cx + 0.07 * w, 0.62 * h + 0.14 * w), outline="black", width=4)
    return image


def test_a_sketch_is_kept_once_and_comes_back_at_any_size(store, tmp_path):
    path = tmp_path / "sketch.png"
    sketch().save(path)
    sha = store.add_file(path)
    again = store.add_bytes(path.read_bytes())
    assert sha == again
    files = stored_files(store)
    assert [f.name for f in files] == [f"{sha}.png"]
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == sha
    assert store.path_of(sha) == files[0]

    square = store.load(sha, (512, 512))
    wide = store.load(sha, (768, 512))
    assert square.size == (512, 512) and square.mode == "RGB"
    assert wide.size == (768, 512) and wide.mode == "RGB"
    # Centre-cropped, not squashed: the 640×400 sketch loses its sides in a square, and its wheels stay round.
    dark = np.asarray(square.convert("L")) < 128
    assert dark.any()
    wheel_rows = np.flatnonzero(dark[:, 256 - 100 : 256 - 60].any(axis=1))  # the rear wheel's column band
    cols = np.flatnonzero(dark[int(wheel_rows.mean()) - 2 : int(wheel_rows.mean()) + 2].any(axis=0))
    assert cols.min() > 0  # the body's rear end (10 % in from the left) was cropped away, not squeezed in


def test_the_default_store_lives_in_the_data_folder():
    assert default_store().root == paths.data_dir() / "pictures"


def test_a_phone_photo_is_stored_upright(store, tmp_path):
    # A camera writes landscape pixels and says "rotate 90° clockwise to view" (EXIF orientation 6).
    photo = Image.new("RGB", (400, 200), (40, 90, 200))
    photo.paste((230, 30, 30), (0, 0, 100, 200))  # red at the left of the sensor = the top once upright
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "photo.jpg"
    photo.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    kept = Image.open(store.path_of(store.add_file(path)))
    assert kept.size == (200, 400)
    top = np.asarray(kept.convert("RGB"))[:40].reshape(-1, 3).mean(axis=0)
    assert top[0] > 180 and top[2] < 90


def test_big_pictures_are_kept_at_most_2048_pixels_long(store, tmp_path):
    path = tmp_path / "big.png"
    Image.new("RGB", (3000, 1500), (200, 200, 200)).save(path)
    kept = Image.open(store.path_of(store.add_file(path)))
    assert kept.size == (MAX_SIDE_KEPT, 1024)


def test_a_cmyk_jpeg_keeps_its_colours(store, tmp_path):
    path = tmp_path / "print.jpg"
    Image.new("RGB", (200, 120), (200, 30, 30)).convert("CMYK").save(path, "JPEG", quality=95)
    kept = Image.open(store.path_of(store.add_file(path)))
    assert kept.mode == "RGB"
    r, g, b = np.asarray(kept).reshape(-1, 3).mean(axis=0)
    assert r > 150 and g < 80 and b < 80


def test_transparency_is_flattened_on_white(store, tmp_path):
    path = tmp_path / "cutout.png"
    image = Image.new("P", (100, 100), 0)
    image.putpalette([0, 0, 0, 200, 20, 20] + [0] * 762)
    ImageDraw.Draw(image).rectangle((25, 25, 75, 75), fill=1)
    image.save(path, transparency=0)
    kept = Image.open(store.path_of(store.add_file(path))).convert("RGB")
    assert kept.getpixel((2, 2)) == (255, 255, 255)  # the clear background, not black
    assert kept.getpixel((50, 50)) == (200, 20, 20)


def test_sixteen_bit_grey_is_scaled_not_clipped(store, tmp_path):
    path = tmp_path / "scan.png"
    values = np.full((64, 64), 32768, dtype=np.uint16)  # mid grey in 16 bits
    Image.fromarray(values).save(path)
    kept = np.asarray(Image.open(store.path_of(store.add_file(path))).convert("L"))
    assert 110 < kept.mean() < 145


def test_an_animation_keeps_its_first_frame(store, tmp_path):
    path = tmp_path / "blink.gif"
    frames = [Image.new("RGB", (80, 60), (20, 160, 40)), Image.new("RGB", (80, 60), (20, 40, 160))]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    kept = np.asarray(Image.open(store.path_of(store.add_file(path))).convert("RGB")).reshape(-1, 3).mean(axis=0)
    assert kept[1] > 120 and kept[2] < 80


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares width×height pixels and carries almost none: an image bomb's header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def truncated_png(tmp_path) -> bytes:
    path = tmp_path / "whole.png"
    Image.effect_noise((300, 300), 60).convert("RGB").save(path)
    data = path.read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda tmp: b"Just some notes about the car, not a picture.\n" * 20, "not a picture"),
        (lambda tmp: png_header_only(20000, 20000), "larger than the app opens"),
        (lambda tmp: png_header_only(9000, 600), "9000×600 pixels"),
        (truncated_png, "damaged"),
        (lambda tmp: b"\x89PNG\r\n\x1a\n", "damaged"),
    ],
    ids=["text-file", "bomb", "too-wide", "truncated", "header-only"],
)
def test_a_bad_file_gives_a_plain_sentence_and_stores_nothing(store, tmp_path, make, words):
    path = tmp_path / "looks-like.png"
    path.write_bytes(make(tmp_path))
    with pytest.raises(RequestError) as caught:
        store.add_file(path)
    message = caught.value.message
    assert words in message
    assert caught.value.msg.id.startswith("generation.picture.")
    for pil_words in ("PIL", "cannot identify", "truncated", "Traceback", str(path)):
        assert pil_words not in message
    assert stored_files(store) == []


def test_a_file_over_40_mb_is_refused_before_it_is_decoded(store, tmp_path):
    path = tmp_path / "huge.png"
    with open(path, "wb") as fh:
        fh.write(png_header_only(100, 100))
        fh.truncate(41 * 1024 * 1024)
    with pytest.raises(RequestError, match="larger than 40 MB"):
        store.add_file(path)
    assert stored_files(store) == []


def test_a_missing_file_or_picture_says_so(store, tmp_path):
    with pytest.raises(RequestError, match="cannot be read"):
        store.add_file(tmp_path / "nowhere.png")
    assert store.path_of("0" * 64) is None
    assert store.path_of("../../etc/passwd") is None
    with pytest.raises(RequestError, match="Load it again"):
        store.load("0" * 64, (512, 512))


def test_a_damaged_stored_picture_is_a_plain_error(store, tmp_path):
    path = tmp_path / "sketch.png"
    sketch().save(path)
    sha = store.add_file(path)
    stored = store.path_of(sha)
    stored.write_bytes(stored.read_bytes()[:200])
    with pytest.raises(RequestError, match="damaged"):
        store.load(sha, (256, 256))
