"""Thumbnails made once, at import, and kept in the curation store (on SQLite and on a real PostgreSQL server): one per
picture, none for an image bomb (still stored as its submission, with its problem), and a store from before them
opens, works, and gets them from the thumbnail pass."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

from PIL import Image

from app.curation import db, schema
from app.curation.models import UNREADABLE_IMAGE, Candidate, Problem
from app.curation.store import open_store
from app.curation.thumbnail_pass import backfill_thumbnails
from app.messages import as_message
from tests.fixtures import curation_store

store, store_setting = curation_store.store, curation_store.store_setting  # the fixtures, on both databases


def png(n: int, size: tuple[int, int] = (640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, ((n * 53) % 256, (n * 97) % 256, 140)).save(out, "PNG")
    return out.getvalue()


def bomb() -> bytes:
    """A PNG that declares 7000×7000 pixels in a few bytes (an image bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 7000, 7000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def candidate(n: int, picture: bytes | None = None, **fields) -> Candidate:
    picture = png(n) if picture is None else picture
    sha = hashlib.sha256(picture).hexdigest()
    return Candidate(f"file:{n:064d}", "folder", f"entries/{n}.png", picture, sha, 640, 480, **fields)


def thumbnail_rows(opened) -> int:
    return opened._db.read("SELECT COUNT(*) FROM thumbnails")[0][0]


def test_each_picture_gets_one_small_thumbnail_at_import(store):
    first, again = candidate(1), candidate(2, png(1))  # one picture under two source keys
    assert store.add([first, again, candidate(3)]) == (3, 0)
    assert store.add([first, candidate(3)]) == (0, 2)
    assert thumbnail_rows(store) == 2

    made = store.thumbnail(first.image_sha256)
    assert made is not None and len(made) < 4_000  # a few KB for a 640×480 original
    with Image.open(io.BytesIO(made)) as small:
        assert small.format == "WEBP" and small.size == (341, 256)
    assert store.thumbnail("0" * 64) is None


def test_an_image_bomb_gets_no_thumbnail_and_is_still_stored_with_its_problem(store):
    refused = Problem(UNREADABLE_IMAGE, as_message("too large to open safely"))
    kept_aside, declared_only = candidate(1, bomb(), problem=refused), candidate(2, bomb() + b"\0")  # no problem said
    assert store.add([kept_aside, declared_only, candidate(3)]) == (3, 0)
    stored = {s.source_key: s for s in store.submissions([1, 2, 3])}
    assert stored[kept_aside.source_key].problem.kind == UNREADABLE_IMAGE
    assert store.image(kept_aside.image_sha256) == kept_aside.image  # kept as found, for staff to look at
    assert store.thumbnail(kept_aside.image_sha256) is None
    assert store.thumbnail(declared_only.image_sha256) is None  # its header alone refuses it
    assert thumbnail_rows(store) == 1


def test_a_store_from_before_thumbnails_migrates_and_the_pass_fills_them_in(store_setting, tmp_path):
    pictures = [candidate(n) for n in range(5)] + [candidate(5, bomb())]
    opened = open_store(store_setting, tmp_path / "unused.db")
    try:
        opened.add(pictures)
    finally:
        opened.close()
    with db.opened(store_setting, tmp_path / "unused.db") as database:  # back to the schema before thumbnails

        def before(tx: db.Tx) -> None:
            tx.execute("DROP TABLE thumbnails")
            if database.dialect == db.SQLITE:
                tx.execute(f"PRAGMA user_version = {len(schema.STEPS) - 1}")
            else:
                tx.execute("UPDATE curation_schema SET version = ?", (len(schema.STEPS) - 1,))

        database.write(before)

    reopened = open_store(store_setting, tmp_path / "unused.db")
    try:
        assert reopened.thumbnail(pictures[0].image_sha256) is None  # old rows have none, and read as before
        assert [s.name for s in reopened.submissions([1, 2])] == ["", ""]
        assert len(reopened.missing_thumbnails()) == 6
        assert reopened.add([candidate(6)]) == (1, 0)  # new ones get theirs at once

        done = backfill_thumbnails(reopened)
        assert (done.made, done.unusable, done.cancelled) == (5, 1, False)  # the bomb stays without
        assert all(reopened.thumbnail(c.image_sha256) for c in pictures[:5])
        assert reopened.missing_thumbnails() == [pictures[5].image_sha256]
        assert backfill_thumbnails(reopened).made == 0  # a second pass has nothing to make
    finally:
        reopened.close()
