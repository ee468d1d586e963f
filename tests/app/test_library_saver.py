"""The library's saver keeps what a generation backend makes: every image exactly once, announced only once it is
saved and always before its job ends, and an image whose save fails is kept where the next start adds it back."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import threading
from pathlib import Path

import pytest
from PIL import Image

from app.errors import UserFacingError
from app.generation import events as ev
from app.generation import pngmeta
from app.generation.backend import GeneratedImage
from app.generation.request import GenerationRequest
from app.library import recovery, store
from app.library.saver import LibrarySaver
from app.library.store import Library
from tests.app.engine_helpers import make_engine, quick_request
from tests.app.storage_conditions import held_by_another_program, short_busy_timeout

RAW_WORDS = ("Traceback", "Errno", "sqlite3", "RuntimeError", "OperationalError", "NotADirectory", "FileExists")


def generated(i: int) -> GeneratedImage:
    """An image as a backend hands it over: PNG bytes that carry their own provenance, and the same details beside."""
    request = GenerationRequest(prompt=f"SM6 number {i}", preset="studio", seed=200 + i, steps=4, width=64, height=64)
    positive, negative = f"SM6 number {i}, studio photo", "blurry"
    parameters = pngmeta.a1111_parameters(
        positive=positive, negative=negative, steps=4, sampler="dpmpp_2m", cfg=7.0, seed=200 + i,
        width=64, height=64, model_name="Tiny SD", model_hash="cd" * 32,
    )  # fmt: skip
    details = {"seed": 200 + i, "variation": 0, "model": {"name": "Tiny SD", "sha256": "cd" * 32}, "device": "CPU"}
    image = Image.new("RGB", (64, 64), ((i * 71) % 256, 90, (i * 37) % 256))
    png = pngmeta.encode_png(image, parameters=parameters, request=request.to_dict(), extra=details)
    return GeneratedImage(
        png=png, request=request, seed=200 + i, index=0, prompt_final=positive, negative_final=negative,
        model_name="Tiny SD", model_hash="cd" * 32, device="CPU",
    )  # fmt: skip


# --- saves that fail: three causes, one to three images each -------------------------------------------------------


@contextlib.contextmanager
def locked(lib: Library, _data: Path):
    short_busy_timeout(lib._connection())
    with held_by_another_program(lib.data_dir / store.DB_NAME):
        yield


@contextlib.contextmanager
def closed(lib: Library, _data: Path):
    lib.close()  # not a storage failure the library reports in words: the saver must still keep the image
    yield


@contextlib.contextmanager
def image_folder_blocked(lib: Library, data: Path):
    """Every images/<xx> sub-folder name taken by a file, so no image file can be written there."""
    images = data / store.IMAGES_DIR
    shutil.rmtree(images)
    images.mkdir()
    for n in range(256):
        (images / f"{n:02x}").write_bytes(b"")
    yield
    shutil.rmtree(images)
    images.mkdir()


# A full disk is the library's own test (tests/app/test_library_hardening.py): it fails the same way as a lock.
CAUSES = {"locked": locked, "library closed": closed, "image folder blocked": image_folder_blocked}


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("cause", CAUSES)
def test_an_image_whose_save_fails_is_kept_and_joins_the_library_at_the_next_start(tmp_path, cause, count):
    data = tmp_path / "data"
    lib = Library.open(data)
    saver = LibrarySaver(lib)
    saver.keep(generated(0))  # a first design, saved as usual
    images = [generated(i) for i in range(1, count + 1)]
    with CAUSES[cause](lib, data):
        for image in images:
            with pytest.raises(UserFacingError) as failed:
                saver.keep(image)
            message = failed.value.message
            kept = data / recovery.RECOVERED_DIR / f"{hashlib.sha256(image.png).hexdigest()}.png"
            assert kept.read_bytes() == image.png
            assert str(kept) in message and "next time the app starts" in message
            assert not any(word in message for word in RAW_WORDS), message
    lib.close()
    with Library.open(data) as again:
        designs = again.list(limit=100)
        assert again.count() == 1 + count
        for image in images:
            back = next(d for d in designs if Path(d.image_path).read_bytes() == image.png)
            assert (back.seed, back.prompt_final, back.negative_final) == (image.seed, image.prompt_final, "blurry")
            assert (back.model_hash, back.device, back.request.prompt) == ("cd" * 32, "CPU", image.request.prompt)
        assert list((data / recovery.RECOVERED_DIR).glob("*.png")) == []


# --- through the real backend ---------------------------------------------------------------------------------------


@pytest.fixture
def engine_setup(tiny_sd15, models_dir, isolated_dirs):
    engine, recorder, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    yield engine, recorder, library
    engine.shutdown()
    library.close()


def test_each_image_is_saved_once_announced_once_and_the_job_ends_after_them(engine_setup):
    engine, rec, library = engine_setup
    job = engine.submit(quick_request(batch=3, seed=40))
    done = rec.wait_job(job.id)
    events = [e for e in rec.events if getattr(e, "job", None) is not None and e.job.id == job.id]
    ready = [i for i, e in enumerate(events) if isinstance(e, ev.ImageReady)]
    assert len(ready) == 3 and events.index(done) == len(events) - 1 > max(ready)
    ids = [events[i].design.id for i in ready]
    assert len(set(ids)) == 3 and [d.id for d in done.designs] == ids
    assert library.count() == 3 and {d.id for d in library.list()} == set(ids)
    assert len({d.image_sha256 for d in library.list()}) == 3


def test_when_a_save_fails_mid_batch_the_saved_ones_are_announced_before_the_job_fails(engine_setup):
    engine, rec, library = engine_setup
    short_busy_timeout(library._connection())
    first_saved, locked = threading.Event(), threading.Event()

    def hold_after_the_first(event) -> None:  # on the hand-off thread: the second image waits until it is locked
        if isinstance(event, ev.ImageReady) and not first_saved.is_set():
            first_saved.set()
            assert locked.wait(30)

    engine.subscribe(hold_after_the_first)
    job = engine.submit(quick_request(batch=3, seed=60))
    assert first_saved.wait(60)
    with held_by_another_program(library.data_dir / store.DB_NAME):
        locked.set()
        failed = rec.wait_job(job.id)
    engine.unsubscribe(hold_after_the_first)
    assert isinstance(failed, ev.JobFailed) and "another program is using the design library" in failed.message
    events = [e for e in rec.events if getattr(e, "job", None) is not None and e.job.id == job.id]
    assert [type(e) for e in events if isinstance(e, (ev.ImageReady, ev.JobFailed))] == [ev.ImageReady, ev.JobFailed]
    kept = sorted((library.data_dir / recovery.RECOVERED_DIR).glob("*.png"))
    assert len(kept) == 2 and library.count() == 1  # neither image whose save failed is lost
    assert any(str(path) in failed.message for path in kept) and "next time the app starts" in failed.message


def test_shutting_down_waits_for_the_images_already_handed_over(engine_setup):
    engine, rec, library = engine_setup
    first = threading.Event()
    engine.subscribe(lambda e: first.set() if isinstance(e, ev.ImageReady) else None)
    job = engine.submit(quick_request(batch=4, steps=3, seed=80))
    assert first.wait(60)
    engine.shutdown()
    announced = [e.design.id for e in rec.of(ev.ImageReady) if e.job.id == job.id]
    ended = [e for e in rec.events if isinstance(e, ev.JOB_ENDS) and e.job.id == job.id]
    assert len(ended) == 1 and announced
    assert sorted(d.id for d in library.list()) == sorted(announced)
