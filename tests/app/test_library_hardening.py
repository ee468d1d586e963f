"""The library under real storage failures: a save that fails keeps its image (and the next start adds it back),
a damaged file is called damaged and left untouched, and a row whose saved JSON is damaged never breaks a page."""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from app.errors import StorageError
from app.generation import pngmeta
from app.generation.request import GenerationRequest
from app.library import recovery, store
from app.library.models import NewDesign
from app.library.store import Library
from app.storage_errors import DAMAGED, FULL, LOCKED
from tests.app.storage_conditions import damage_pages, fill, held_by_another_program, short_busy_timeout, small_disk


def made(i: int, *, parent: str | None = None, meta: dict | None = None, request: dict | None = None) -> NewDesign:
    """A design exactly as the generation runner saves one: its PNG carries the request and details."""
    req = GenerationRequest(
        prompt=f"SM6 number {i}, 진주색",
        preset="studio",
        negative_prompt="blurry",
        seed=100 + i,
        steps=4,
        width=64,
        height=64,
        source="design" if parent else "none",
        source_design_id=parent,
    )
    positive, negative = f"SM6 number {i}, 진주색, studio photo,\nsoft light", "blurry, lowres"
    details = meta or {
        "seed": 100 + i,
        "variation": 0,
        "model": {"name": "Tiny SD", "sha256": "ab" * 32, "arch": "sd15", "format": "diffusers"},
        "device": "CPU",
        "parent_id": parent,
        "seconds": 0.5,
        "app": "SM6 Design Studio",
    }
    image = Image.new("RGB", (64, 64), ((i * 53) % 256, (i * 97) % 256, 80))
    parameters = pngmeta.a1111_parameters(
        positive=positive, negative=negative, steps=4, sampler="dpmpp_2m", cfg=7.0, seed=100 + i,
        width=64, height=64, model_name="Tiny SD", model_hash="ab" * 32,
    )  # fmt: skip
    png = pngmeta.encode_png(image, parameters=parameters, request=request or req.to_dict(), extra=details)
    return NewDesign(
        png=png, request=req, seed=100 + i, prompt_final=positive, negative_final=negative,
        model_name="Tiny SD", model_hash="ab" * 32, device="CPU", parent_id=parent,
    )  # fmt: skip


SAVED_FIELDS = ("request", "seed", "prompt_final", "negative_final", "model_name", "model_hash", "device", "parent_id")


def same_design(saved, new: NewDesign) -> bool:
    return all(getattr(saved, name) == getattr(new, name) for name in SAVED_FIELDS)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def fallback(tmp_path, monkeypatch) -> Path:
    """The system's temporary folder, for images the data folder cannot take."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(folder))
    return folder / "sm6-recovered"


# --- a save that fails keeps its image ---------------------------------------------------------------------------


@contextlib.contextmanager
def locked(lib: Library):
    short_busy_timeout(lib._connection())
    with held_by_another_program(lib.data_dir / store.DB_NAME):
        yield


@contextlib.contextmanager
def full(lib: Library):
    conn = lib._connection()
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    yield  # the cap lasts as long as this connection: the next start has room again


CAUSES = {LOCKED: (locked, "another program is using the design library"), FULL: (full, "is full. Free some space")}


@pytest.mark.parametrize("batch", [1, 3], ids=["one design", "three variations"])
@pytest.mark.parametrize("cause", [LOCKED, FULL])
def test_a_save_that_fails_keeps_the_images_and_the_next_start_adds_them_back(data, cause, batch):
    condition, words = CAUSES[cause]
    with Library.open(data) as lib:
        saved = [lib.add(made(0))]
        with condition(lib):
            with pytest.raises(StorageError) as info:
                for i in range(1, 500, batch):  # locked: the first save fails; full: the one that meets the cap
                    news = [made(j) for j in range(i, i + batch)]
                    saved += lib.add_many(news)
        assert info.value.kind == cause and words in info.value.message
        assert [d.id for d in lib.list(limit=1000)] == [d.id for d in reversed(saved)]  # nothing half-saved
        kept = sorted((data / recovery.RECOVERED_DIR).glob("*.png"))
        assert sorted(f.read_bytes() for f in kept) == sorted(n.png for n in news)
        where = str(kept[0]) if batch == 1 else str(kept[0].parent)
        assert where in info.value.message and "next time the app starts" in info.value.message

    with Library.open(data) as lib:  # the other program has gone / there is room again
        designs = lib.list(limit=1000)
        assert len(designs) == len(saved) + batch and [d.id for d in designs[batch:]] == [d.id for d in reversed(saved)]
        for new in news:
            back = next(d for d in designs[:batch] if Path(d.image_path).read_bytes() == new.png)
            assert same_design(back, new)
        assert list((data / recovery.RECOVERED_DIR).glob("*.png")) == []
    with Library.open(data) as lib:  # taken back once, not at every start
        assert lib.count() == len(saved) + batch


ATTEMPTS = {
    "star a design": lambda lib, d: lib.set_favourite(d.id, True),
    "save a description": lambda lib, d: lib.save_description(d.id, "ko", "설명"),
    "keep a draft": lambda lib, d: lib.add_draft(
        d.id, language="en", source="offline", model="t", prompt="p", text="x", finish_reason=None
    ),
}


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_a_change_another_program_blocks_says_so_not_damaged_or_permissions(data, attempt):
    with Library.open(data) as lib:
        d = lib.add(made(0))
        with locked(lib):
            with pytest.raises(StorageError) as info:
                ATTEMPTS[attempt](lib, d)
        message = info.value.message
        assert info.value.kind == LOCKED and "another program is using the design library" in message
        assert "damaged" not in message and "permission" not in message and "database is locked" not in message


def test_a_full_disk_keeps_the_image_outside_the_data_folder(tmp_path, fallback):
    with small_disk(tmp_path / "disk", "1m") as disk:
        with Library.open(disk / "data") as lib:
            lib.add(made(0))
            fill(disk)
            new = made(1)
            with pytest.raises(StorageError) as info:
                lib.add(new)
            assert (
                info.value.kind == FULL and f"the disk holding {disk / 'data' / 'images'} is full" in info.value.message
            )
            kept = fallback / f"{hashlib.sha256(new.png).hexdigest()}.png"
            assert kept.read_bytes() == new.png and str(kept) in info.value.message
            assert "copy it somewhere safe" in info.value.message
            assert lib.count() == 1


# --- a damaged library file ---------------------------------------------------------------------------------------


def _garbage_header(db: Path) -> None:
    with open(db, "r+b") as fh:
        fh.write(b"\x13" * 100)


DAMAGE = {
    "garbage pages": damage_pages,
    "zeroed pages": lambda db: damage_pages(db, pattern=b"\0"),
    "garbage header": _garbage_header,
    "cut short": lambda db: db.write_bytes(db.read_bytes()[:5000]),
    "a text file": lambda db: db.write_text("not a database\n" * 500),
}


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_library_is_called_damaged_left_untouched_and_rebuilt_from_its_images(data, how):
    with Library.open(data) as lib:
        originals = [made(i) for i in range(3)]
        lib.add_many(originals)
        lib.set_favourite(lib.list()[0].id, True)
    db = data / store.DB_NAME
    DAMAGE[how](db)
    before = sha(db)
    new = made(9)
    try:
        lib = Library.open(data)
    except StorageError as exc:  # the header itself is gone: it cannot even be opened
        failures = [exc]
    else:
        with lib:
            failures = []
            for attempt in (lib.list, lambda: lib.add(new)):
                with pytest.raises(StorageError) as info:
                    attempt()
                failures.append(info.value)
        assert (data / recovery.RECOVERED_DIR / f"{hashlib.sha256(new.png).hexdigest()}.png").is_file()
    for failure in failures:
        assert failure.kind == DAMAGED and f"the file {db} is damaged" in failure.message
        assert "move it out of" in failure.message and "permission" not in failure.message.casefold()
    assert sha(db) == before  # never overwritten

    aside = data / "library.sqlite3.damaged"
    db.rename(aside)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with Library.open(data) as lib:  # a new library, rebuilt from every image in the folder
        designs = lib.list()
        expected = originals + ([new] if failures[-1] is not failures[0] else [])
        assert len(designs) == len(expected)
        for original in expected:
            assert any(same_design(d, original) for d in designs)
    assert sha(aside) == before


# --- rows whose saved JSON is damaged ----------------------------------------------------------------------------

BAD_REQUESTS = {
    "nested a million deep": "[" * 1_000_000,
    "nested 65 objects deep": '{"a":' * 65 + "1" + "}" * 65,
    "not JSON": "{oops",
    "empty": "",
    "null": "null",
    "a list": "[]",
    "text": '"a prompt"',
    "no prompt": '{"seed": 1}',
    "a number for the prompt": '{"prompt": 5}',
    "text for the width": '{"prompt": "x", "width": "wide"}',
    "true for the steps": '{"prompt": "x", "steps": true}',
    "NaN guidance": '{"prompt": "x", "guidance": NaN}',
    "a float seed": '{"prompt": "x", "seed": 1e400}',
    "bytes": b"\x00\xff{",
}
BAD_EXTRAS = {"a list": "[1, 2]", "text": '"x"', "nested deep": "[" * 100 + "]" * 100, "not JSON": "{bad"}
BAD_ROWS = [("request_json", v) for v in BAD_REQUESTS.values()] + [("extra_json", v) for v in BAD_EXTRAS.values()]
BAD_IDS = [f"request {k}" for k in BAD_REQUESTS] + [f"details {k}" for k in BAD_EXTRAS]


@pytest.mark.parametrize("column, value", BAD_ROWS, ids=BAD_IDS)
def test_a_damaged_row_is_left_out_and_counted_and_pages_stay_full(data, column, value):
    with Library.open(data) as lib:
        root = lib.add(made(0))
        middle = lib.add(made(1, parent=root.id))
        rest = [lib.add(made(i, parent=middle.id)) for i in range(2, 7)]
        with contextlib.closing(sqlite3.connect(data / store.DB_NAME)) as raw:
            raw.execute(f"UPDATE designs SET {column} = ? WHERE id IN (?, ?)", (value, middle.id, rest[-1].id))
            raw.commit()
        good = [d.id for d in reversed([root, *rest[:-1]])]
        assert [d.id for d in lib.list(limit=3)] == good[:3]  # the damaged newest is skipped, the page topped up
        assert [d.id for d in lib.list()] == good
        assert [d.id for d in lib.list(search="number")] == good
        assert lib.get(middle.id) is None and lib.damaged_count == 2
        assert [d.id for d in lib.lineage(rest[0].id)] == [rest[0].id]  # the chain stops at the damaged parent
        assert [d.id for d in lib.children(middle.id)] == [d.id for d in rest[:-1]]
        assert lib.count() == 7  # the rows are still there: nothing was deleted


# --- images left in recovered/ that are not (whole) designs of ours ---------------------------------------------


def _plain_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, format="PNG")
    return out.getvalue()


NOT_OURS = {
    "a PNG without our details": lambda: _plain_png(),
    "one of ours cut short": lambda: made(5).png[:200],
    "request nested deep": lambda: made(5, request={"prompt": [[[[]]]] * 1}).png,
    "request of the wrong shape": lambda: made(5, request={"prompt": 7}).png,
    "details of the wrong shape": lambda: made(5, meta={"seed": "one", "model": []}).png,
    "model that is a list": lambda: made(5, meta={"seed": 1, "model": ["x"], "device": "cpu"}).png,
    "a text file": lambda: b"hello, not an image",
    "empty": lambda: b"",
}


@pytest.mark.parametrize("what", NOT_OURS)
def test_files_in_recovered_that_are_not_whole_designs_are_left_alone(data, what):
    with Library.open(data):
        pass
    folder = data / recovery.RECOVERED_DIR
    folder.mkdir()
    (folder / "odd.png").write_bytes(NOT_OURS[what]())
    good = made(1)
    (folder / "good.png").write_bytes(good.png)
    with Library.open(data) as lib:
        designs = lib.list()
        assert len(designs) == 1 and same_design(designs[0], good)
    assert [f.name for f in folder.iterdir()] == ["odd.png"]  # left for the person to look at


# --- through the real generation runner -------------------------------------------------------------------------


def test_a_generated_design_whose_save_fails_comes_back_exactly_as_it_would_have_been_saved(
    tiny_sd15, models_dir, isolated_dirs
):
    from app.generation import events as ev
    from tests.app.engine_helpers import make_engine, quick_request

    data = isolated_dirs["SM6_DATA_DIR"]
    engine, recorder, library = make_engine(models_dir, data)
    request = quick_request()
    try:
        done = recorder.wait_job(engine.submit(request).id)
        assert isinstance(done, ev.JobFinished)
        (normal,) = done.designs
        short_busy_timeout(library._connection())
        with held_by_another_program(data / store.DB_NAME):
            # Another seed: the same request could make the very same PNG (timings are kept to the millisecond),
            # which the library rightly keeps once.
            failed = recorder.wait_job(engine.submit(request.replace(seed=43)).id)
        assert isinstance(failed, ev.JobFailed) and "another program is using the design library" in failed.message
        (kept,) = (data / recovery.RECOVERED_DIR).glob("*.png")
        assert str(kept) in failed.message and "next time the app starts" in failed.message
        png = kept.read_bytes()
    finally:
        engine.shutdown()
        library.close()
    with Library.open(data) as lib:
        back = lib.list()[0]
        assert lib.count() == 2 and Path(back.image_path).read_bytes() == png
        assert back.seed == 43 and back.request.seed == 43
        same = [name for name in SAVED_FIELDS if name not in ("request", "seed")]  # the seed changes only pixels
        assert all(getattr(back, name) == getattr(normal, name) for name in same)
        assert back.model_hash and back.prompt_final and (back.width, back.height) == (normal.width, normal.height)


@pytest.mark.parametrize(
    "value", [b"\xff\xfe not text", b"UTF-8 stored as bytes", b""], ids=["garbage bytes", "bytes", "empty bytes"]
)
def test_a_description_row_that_is_not_text_is_left_out_not_shown_as_garbage(data, value):
    with Library.open(data) as lib:
        d = lib.add(made(0))
        ko = lib.save_description(d.id, "ko", "멀쩡한 설명")
        lib.save_description(d.id, "en", "to be damaged")
        kept = lib.add_draft(
            d.id, language="ko", source="offline", model="t", prompt="p", text="초안", finish_reason=None
        )
        lib.add_draft(d.id, language="en", source="offline", model="t", prompt="p", text="x", finish_reason=None)
        with contextlib.closing(sqlite3.connect(data / store.DB_NAME)) as raw:
            raw.execute("UPDATE descriptions SET text = ? WHERE language = 'en'", (value,))
            raw.execute("UPDATE description_drafts SET text = ? WHERE language = 'en'", (value,))
            raw.commit()
        assert lib.descriptions(d.id) == {"ko": ko} and lib.description(d.id, "en") is None
        assert lib.drafts(d.id) == [kept] and lib.latest_draft(d.id, "en") is None
        assert lib.save_description(d.id, "en", "written again").text == "written again"  # and it can be repaired
