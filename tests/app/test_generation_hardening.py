"""Generation that cannot go as asked says so plainly, or runs anyway, and never saves what it should not:
img2img with too few steps, models whose weights are damaged, starting designs whose image is gone or broken,
and an engine that runs all day without keeping every job it ever ran."""

from __future__ import annotations

import shutil
import struct
import threading
import zlib
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import load_file, save_file

from app.generation import events as ev
from app.generation.devices import DeviceChoice
from app.generation.engine import KEEP_FINISHED
from app.generation.pipelines import LoadOptions, load_model
from app.generation.pngmeta import read_png_metadata
from app.generation.presets import default_presets
from app.generation.registry import ModelRegistry
from app.generation.runner import SOURCE_UNREADABLE, EmptyImage, JobRunner
from tests.app.engine_helpers import make_engine, quick_request


@pytest.fixture(scope="module")
def shared_engine(tiny_sd15_master, tmp_path_factory):
    """One engine for the module (loading a model is most of a test's time), with the tiny model and damaged copies
    of it. Tests look only at their own jobs' events and at what their own jobs added to the library."""
    root = tmp_path_factory.mktemp("hardening")
    models = root / "models"
    shutil.copytree(tiny_sd15_master, models / "tiny-sd15")
    for name, (parts, value, one) in DAMAGE.items():
        damaged_copy(tiny_sd15_master, models, name, parts, value, one)
    engine, recorder, library = make_engine(models, root / "data")
    yield engine, recorder, library
    engine.shutdown()
    library.close()


@pytest.fixture
def engine_setup(shared_engine):
    return shared_engine


def request(**changes):
    """A quick request on the sound model unless it names another (the damaged copies sort before it)."""
    return quick_request(**{"model_id": "tiny-sd15", **changes})


def of_job(rec, kind, job_id: str) -> list:
    return [e for e in rec.of(kind) if e.job.id == job_id]


# --- img2img: at least one denoising step -------------------------------------------------------------------------

# (steps, strength): diffusers denoises int(steps × strength) times, and these give 0 (0.3 × 3 = 0.8999…).
TOO_FEW = [(1, 0.5), (3, 0.3), (2, 0.05), (1, 0.05), (19, 0.05), (9, 0.1), (4, 0.2)]


@pytest.mark.parametrize("steps, strength", TOO_FEW, ids=[f"{s}x{k}" for s, k in TOO_FEW])
def test_img2img_with_too_few_steps_for_its_strength_still_denoises_and_records_what_ran(engine_setup, steps, strength):
    engine, rec, library = engine_setup
    job = engine.submit(request(source="base", steps=steps, strength=strength))
    done = rec.wait_job(job.id)
    assert isinstance(done, ev.JobFinished), done
    ran = [e.job.step for e in of_job(rec, ev.StepProgress, job.id)]
    assert ran and ran[-1] >= 1
    (design,) = done.designs
    assert design.request.steps > steps and int(design.request.steps * strength) >= 1
    meta = read_png_metadata(design.image_path)
    assert meta["request"]["steps"] == design.request.steps
    assert f"Steps: {design.request.steps}," in meta["parameters"]
    assert meta["meta"]["steps_requested"] == steps


@pytest.mark.parametrize("scheduler", ["dpmpp_2m", "euler_a", "ddim", "unipc", "pndm"])
def test_the_highest_keep_the_shape_runs_on_every_sampler(engine_setup, scheduler):
    engine, rec, library = engine_setup
    parent = rec.wait_job(engine.submit(request(steps=2)).id).designs[0]
    child = engine.submit(
        request(source="design", source_design_id=parent.id, strength=0.05, steps=3, scheduler=scheduler)
    )
    done = rec.wait_job(child.id)
    assert isinstance(done, ev.JobFinished), done
    assert done.designs[0].parent_id == parent.id


def test_steps_that_already_denoise_are_left_alone(engine_setup):
    engine, rec, _ = engine_setup
    done = rec.wait_job(engine.submit(request(source="base", steps=4, strength=0.5)).id)
    (design,) = done.designs
    assert design.request.steps == 4
    assert "steps_requested" not in read_png_metadata(design.image_path)["meta"]


# --- damaged weights: no black image saved as a design -------------------------------------------------------------


def damaged_copy(master: Path, models_dir: Path, name: str, parts: tuple[str, ...], value: float, one=False) -> str:
    """A copy of the tiny model with every float weight of `parts` (or only the first tensor) set to `value`."""
    folder = Path(shutil.copytree(master, models_dir / name))
    for part in parts:
        for weights in (folder / part).glob("*.safetensors"):
            tensors = load_file(weights)
            for key in list(tensors)[:1] if one else tensors:
                if tensors[key].is_floating_point():
                    tensors[key] = torch.full_like(tensors[key], value)
            save_file(tensors, str(weights), metadata={"format": "pt"})
    return name


DAMAGE = {
    "unet-nan": (("unet",), float("nan"), False),
    "unet-inf": (("unet",), float("inf"), False),
    "unet-minus-inf": (("unet",), float("-inf"), False),
    "unet-one-tensor-nan": (("unet",), float("nan"), True),
    "vae-only-nan": (("vae",), float("nan"), False),
    "vae-only-inf": (("vae",), float("inf"), False),
    "text-encoder-nan": (("text_encoder",), float("nan"), False),
}


@pytest.mark.parametrize("source", ["none", "base"])  # the inner loop: each damaged model is loaded once
@pytest.mark.parametrize("damage", DAMAGE, ids=DAMAGE.keys())
def test_damaged_weights_fail_the_job_plainly_and_save_nothing(engine_setup, damage, source):
    engine, rec, library = engine_setup
    before = library.count()
    job = engine.submit(request(model_id=damage, source=source, strength=0.5))
    failed = rec.wait_job(job.id)
    assert isinstance(failed, ev.JobFailed), failed
    assert failed.message.startswith("The model produced an empty image: its weights may be damaged")
    assert "try another model" in failed.message and "Nothing was saved" in failed.message
    assert "half precision" not in failed.message  # the CPU already runs in full precision
    assert library.count() == before and not of_job(rec, ev.ImageReady, job.id)


def test_after_a_damaged_model_a_sound_one_generates(engine_setup):
    engine, rec, library = engine_setup
    before = library.count()
    assert isinstance(rec.wait_job(engine.submit(request(model_id="unet-nan")).id), ev.JobFailed)
    done = rec.wait_job(engine.submit(request(model_id="tiny-sd15")).id)
    assert isinstance(done, ev.JobFinished), done
    pixels = np.asarray(Image.open(done.designs[0].image_path))
    assert pixels.std() > 0  # a real image, not a flat fill
    assert library.count() == before + 1


def test_in_half_precision_the_message_points_to_full_precision(tiny_sd15_master, tmp_path):
    """A GPU runs half precision, where some models overflow; the CPU can run half precision too, so this runs
    the real pipeline the way a GPU would set it up."""
    damaged_copy(tiny_sd15_master, tmp_path, "half", ("unet",), float("nan"))
    (model,) = ModelRegistry([tmp_path]).scan()
    loaded = load_model(model, LoadOptions(DeviceChoice("cpu", "float16", "GPU-like")))
    runner = JobRunner(loaded, default_presets())
    with pytest.raises(EmptyImage) as failed:
        runner.run(request(model_id="half"), threading.Event(), lambda *_: None)
    assert "empty image" in failed.value.message and "half precision" in failed.value.message
    assert "Settings › Generation › Device" in failed.value.message


# --- a starting design that can no longer be read ------------------------------------------------------------------


def _png_header_only(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + chunk


def _replace(content: bytes):
    def spoil(path: Path) -> None:
        path.unlink()
        path.write_bytes(content)

    return spoil


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data[: len(data) // 2])


def _make_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


SPOILED = {
    "deleted": lambda path: path.unlink(),
    "replaced-with-text": _replace(b"Just some notes, not an image.\n"),
    "empty-file": _replace(b""),
    "truncated": _truncate,
    "zero-by-zero": _replace(_png_header_only(0, 0)),
    "zero-wide": _replace(_png_header_only(0, 64)),
    "header-only": _replace(_png_header_only(64, 64)),
    "absurdly-large": _replace(_png_header_only(200_000, 200_000)),
    "a-folder": _make_folder,
}


@pytest.mark.parametrize("case", SPOILED, ids=SPOILED.keys())
def test_refining_a_design_whose_image_is_gone_or_damaged_says_so_about_the_design(engine_setup, case):
    engine, rec, library = engine_setup
    # Its own seed: the library stores images by content, and a spoiled file must not be another test's design.
    seed = 1000 + list(SPOILED).index(case)
    parent = rec.wait_job(engine.submit(request(steps=2, seed=seed)).id).designs[0]
    spoil = SPOILED[case]
    spoil(Path(parent.image_path))
    before = library.count()
    failed = rec.wait_job(engine.submit(request(source="design", source_design_id=parent.id)).id)
    assert isinstance(failed, ev.JobFailed), failed
    assert failed.msg == SOURCE_UNREADABLE  # by id: the words may change, or be another language
    assert parent.image_path not in failed.message and "PIL" not in failed.message
    assert library.count() == before
    # The engine carries on: the next design starts from the base artwork.
    assert isinstance(rec.wait_job(engine.submit(request(source="base", steps=2)).id), ev.JobFinished)


def test_a_design_saved_in_another_image_format_still_refines(engine_setup):
    engine, rec, _ = engine_setup
    parent = rec.wait_job(engine.submit(request(steps=2, seed=2000)).id).designs[0]
    path = Path(parent.image_path)
    with Image.open(path) as img:
        rgb = img.convert("RGB")
    path.unlink()
    rgb.save(path, format="JPEG")  # an editor re-saved it; it is still the design's picture
    done = rec.wait_job(engine.submit(request(source="design", source_design_id=parent.id, steps=2)).id)
    assert isinstance(done, ev.JobFinished), done


# --- an engine that runs all day ----------------------------------------------------------------------------------


def test_finished_jobs_are_pruned_so_the_engine_holds_a_bounded_number(engine_setup):
    engine, rec, _ = engine_setup
    ran = [engine.submit(request(steps=1, seed=i), save=False).id for i in range(KEEP_FINISHED + 10)]
    queued = [engine.submit(request(steps=1, seed=i)).id for i in range(40)]
    for job_id in queued:
        engine.cancel(job_id)
    last = engine.submit(request(steps=1), save=False)
    assert isinstance(rec.wait_job(last.id), ev.JobFinished)
    kept = engine.jobs(include_finished=True)
    assert len(kept) == KEEP_FINISHED
    assert kept[-1].id == last.id and all(j.state.finished for j in kept)
    assert ran[0] not in {j.id for j in kept}  # the oldest went first
    assert all(isinstance(rec.wait_job(job_id), ev.JobFinished) for job_id in ran)
    assert all(isinstance(rec.wait_job(job_id), ev.JobCancelled) for job_id in queued)


def test_pruning_never_drops_a_job_that_has_not_finished(engine_setup):
    engine, rec, _ = engine_setup
    for i in range(KEEP_FINISHED + 5):
        engine.cancel(engine.submit(request(steps=1, seed=i)).id)
    waiting = engine.submit(request(steps=2, seed=99), save=False)
    assert waiting.id in {j.id for j in engine.jobs()}
    assert isinstance(rec.wait_job(waiting.id), ev.JobFinished)
    assert len(engine.jobs(include_finished=True)) == KEEP_FINISHED
