"""The engine on a real (tiny) diffusers pipeline: previews, variations, refine, queue, cancel, reproducibility."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from app.errors import RequestError
from app.generation import events as ev
from app.generation.pngmeta import read_png_metadata
from tests.app.engine_helpers import make_engine, quick_request


@pytest.fixture
def engine_setup(tiny_sd15, models_dir, isolated_dirs):
    engine, recorder, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    yield engine, recorder, library
    engine.shutdown()
    library.close()


def pixels(design) -> np.ndarray:
    return np.asarray(Image.open(design.image_path).convert("RGB"))


def test_txt2img_shows_each_step_and_saves_a_design_with_its_provenance(engine_setup):
    engine, rec, library = engine_setup
    job = engine.submit(quick_request(steps=4))
    done = rec.wait_job(job.id)
    assert isinstance(done, ev.JobFinished), done
    steps = [e for e in rec.of(ev.StepProgress) if e.job.id == job.id]
    assert [e.job.step for e in steps] == [1, 2, 3, 4]
    assert all(e.preview is not None and e.preview.size == (8, 8) for e in steps)  # latents of a 64px image
    (design,) = done.designs
    assert (design.width, design.height) == (64, 64)
    assert library.get(design.id) == design
    meta = read_png_metadata(design.image_path)
    assert "Seed: 42" in meta["parameters"] and "Steps: 4" in meta["parameters"]
    assert meta["request"]["prompt"] == "pearl white, gold trim"
    assert meta["digital_source_type"].endswith("trainedAlgorithmicMedia")
    assert design.model_hash and meta["meta"]["model"]["sha256"] == design.model_hash


def test_variations_use_consecutive_seeds(engine_setup):
    engine, rec, _ = engine_setup
    job = engine.submit(quick_request(batch=3, seed=100))
    done = rec.wait_job(job.id)
    assert [d.seed for d in done.designs] == [100, 101, 102]
    assert len({pixels(d).tobytes() for d in done.designs}) == 3
    ready = [e for e in rec.of(ev.ImageReady) if e.job.id == job.id]
    assert [e.job.image_index for e in ready] == [0, 1, 2]


def test_same_request_and_seed_give_identical_pixels_across_restarts(tiny_sd15, models_dir, isolated_dirs, tmp_path):
    first = []
    for run in range(2):
        engine, rec, library = make_engine(models_dir, tmp_path / f"data{run}")
        job = engine.submit(quick_request(seed=7, scheduler="euler_a"))
        first.append(pixels(rec.wait_job(job.id).designs[0]))
        engine.shutdown()
        library.close()
    assert np.array_equal(first[0], first[1])


def test_a_variation_reproduces_on_its_own_from_its_seed(engine_setup):
    engine, rec, _ = engine_setup
    batch = rec.wait_job(engine.submit(quick_request(batch=2, seed=10)).id).designs
    single = rec.wait_job(engine.submit(quick_request(batch=1, seed=11)).id).designs[0]
    assert np.array_equal(pixels(batch[1]), pixels(single))


def test_refine_records_the_parent_and_the_lineage(engine_setup):
    engine, rec, library = engine_setup
    root = rec.wait_job(engine.submit(quick_request()).id).designs[0]
    child = rec.wait_job(
        engine.submit(quick_request(source="design", source_design_id=root.id, strength=0.5)).id
    ).designs[0]
    grandchild = rec.wait_job(engine.submit(quick_request(source="design", source_design_id=child.id)).id).designs[0]
    assert child.parent_id == root.id and grandchild.parent_id == child.id
    assert [d.id for d in library.lineage(grandchild.id)] == [root.id, child.id, grandchild.id]
    assert "Denoising strength: 0.6" in read_png_metadata(grandchild.image_path)["parameters"]


def test_img2img_from_the_sm6_base_artwork(engine_setup):
    engine, rec, _ = engine_setup
    done = rec.wait_job(engine.submit(quick_request(source="base", strength=0.5, steps=4, width=96, height=64)).id)
    assert isinstance(done, ev.JobFinished), done
    design = done.designs[0]
    assert (design.width, design.height) == (96, 64) and design.parent_id is None
    steps = [e.job.steps for e in rec.of(ev.StepProgress)]
    assert steps and set(steps) == {2}  # img2img runs strength × steps


def test_cancel_stops_within_one_step_and_saves_nothing(engine_setup):
    engine, rec, library = engine_setup
    job = engine.submit(quick_request(steps=150, width=128, height=128))
    rec.wait_for(lambda e: isinstance(e, ev.StepProgress) and e.job.step >= 3)
    engine.cancel(job.id)
    cancelled = rec.wait_job(job.id)
    assert isinstance(cancelled, ev.JobCancelled)
    assert cancelled.steps_after_cancel <= 1
    assert cancelled.job.step < 10
    assert library.count() == 0


def test_queued_jobs_can_be_cancelled_individually(engine_setup):
    engine, rec, library = engine_setup
    first = engine.submit(quick_request(steps=6))
    second = engine.submit(quick_request(steps=6, seed=1))
    third = engine.submit(quick_request(steps=6, seed=2))
    assert [j.id for j in engine.jobs()] == [first.id, second.id, third.id]
    engine.cancel(second.id)
    assert isinstance(rec.wait_job(second.id), ev.JobCancelled)
    assert isinstance(rec.wait_job(first.id), ev.JobFinished)
    assert isinstance(rec.wait_job(third.id), ev.JobFinished)
    assert [d.seed for d in library.list()] == [2, 42]
    started = {e.job.id for e in rec.of(ev.JobStarted)}
    assert second.id not in started


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"prompt": "   "}, "prompt is empty"),
        ({"width": 0}, "between 64 and 2048"),
        ({"height": 100000}, "between 64 and 2048"),
        ({"width": 500}, "multiple of 8"),
        ({"steps": 0}, "Steps"),
        ({"batch": 50}, "Variations"),
        ({"source": "design", "source_design_id": None}, "design to refine"),
    ],
)
def test_bad_requests_get_a_clear_message_and_change_nothing(engine_setup, changes, words):
    engine, rec, library = engine_setup
    with pytest.raises(RequestError, match=words):
        engine.submit(quick_request(**changes))
    assert engine.jobs() == [] and library.count() == 0


def test_multiple_of_eight_message_suggests_sizes(engine_setup):
    engine, _, _ = engine_setup
    with pytest.raises(RequestError) as info:
        engine.submit(quick_request(width=500))
    assert "496" in str(info.value) and "504" in str(info.value)


def test_no_model_says_what_to_do(models_dir, isolated_dirs):
    engine, _, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    try:
        with pytest.raises(RequestError, match="Import a Stable Diffusion model, or try the demo model"):
            engine.submit(quick_request())
    finally:
        engine.shutdown()
        library.close()


def test_a_model_that_fails_to_load_fails_the_job_not_the_engine(engine_setup, tiny_sd15):
    engine, rec, _ = engine_setup
    weights = next((tiny_sd15 / "unet").glob("*.safetensors"))
    weights.write_bytes(weights.read_bytes()[:100])  # damaged after the scan
    failed = rec.wait_job(engine.submit(quick_request()).id)
    assert isinstance(failed, ev.JobFailed)
    assert "could not be loaded" in failed.message and failed.details
    assert engine.jobs() == []


def test_the_loaded_pipeline_is_reused_between_jobs(engine_setup):
    engine, rec, _ = engine_setup
    rec.wait_job(engine.submit(quick_request()).id)
    rec.wait_job(engine.submit(quick_request(seed=3)).id)
    assert len(rec.of(ev.ModelLoaded)) == 1


def test_a_guided_design_keeps_its_guidance_in_the_library_and_its_png(
    tiny_sd15, tiny_controlnet, models_dir, isolated_dirs
):
    engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    try:
        asked = quick_request(source="base", view="front34", mask="scene", control_model="tiny-controlnet")
        asked = asked.replace(control_strength=0.7, control_hint="depth")
        done = rec.wait_job(engine.submit(asked).id)
        assert isinstance(done, ev.JobFinished), done
        (design,) = done.designs
        kept = library.get(design.id).request  # what Verify and "make it again" start from
        assert kept == asked.replace(model_id="tiny-sd15", decoder="vae")
        guidance = read_png_metadata(design.image_path)["meta"]["guidance"]
        assert guidance["view"] == "front34" and guidance["mask"] == "scene" and guidance["decoder"] == "vae"
        assert guidance["control"]["strength"] == 0.7 and guidance["control"]["hint"] == "depth"
        # the ControlNet was loaded once, with the model: the next job reuses both
        rec.wait_job(engine.submit(asked.replace(seed=43)).id)
        assert len(rec.of(ev.ModelLoaded)) == 1
    finally:
        engine.shutdown()
        library.close()
