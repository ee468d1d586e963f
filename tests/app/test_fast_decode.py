"""TAESD as the final decoder: the right size, its own (softer) pixels, the same twice; without TAESD, words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.errors import RequestError
from app.generation import fast_decode
from tests.fixtures.tiny_taesd import build_tiny_taesd


@pytest.fixture(scope="module")
def loaded_with_taesd(tmp_path_factory, tiny_sd15_master):
    """The tiny model loaded as the engine loads it, with a tiny TAESD beside it in the models folder."""
    import shutil

    from app.generation.devices import DeviceChoice
    from app.generation.pipelines import LoadOptions, load_model
    from app.generation.registry import ModelRegistry

    models = tmp_path_factory.mktemp("fast-models")
    shutil.copytree(tiny_sd15_master, models / "tiny-sd15")
    build_tiny_taesd(models)
    registry = ModelRegistry([models])
    model = next(m for m in registry.scan() if m.usable)
    loaded = load_model(model, LoadOptions(DeviceChoice("cpu", "float32", "CPU")), [models])
    yield loaded, models
    loaded.release()


def latents_of(loaded, seed: int = 7, size: int = 64):
    import torch

    return loaded.txt2img(
        prompt="pearl white SM6",
        num_inference_steps=2,
        width=size,
        height=size,
        guidance_scale=0.0,
        generator=torch.Generator("cpu").manual_seed(seed),
        output_type="latent",
    ).images


def test_taesd_decodes_to_the_full_size_with_its_own_pixels_the_same_every_time(loaded_with_taesd):
    loaded, _ = loaded_with_taesd
    assert loaded.taesd is not None
    latents = latents_of(loaded, size=96)
    first = fast_decode.decode_latents(loaded, latents)
    again = fast_decode.decode_latents(loaded, latents_of(loaded, size=96))
    assert first.size == (96, 96) and first.mode == "RGB"
    assert np.array_equal(np.asarray(first), np.asarray(again))
    vae = loaded.txt2img.image_processor.postprocess(
        loaded.txt2img.vae.decode(latents / loaded.txt2img.vae.config.scaling_factor).sample.detach(), "pil"
    )[0]
    assert vae.size == first.size
    assert np.abs(np.asarray(vae, dtype=int) - np.asarray(first, dtype=int)).mean() > 1


def test_pixels_come_as_a_pipeline_gives_them_so_the_runner_keeps_its_checks(loaded_with_taesd):
    loaded, _ = loaded_with_taesd
    pixels = fast_decode.decode_pixels(loaded, latents_of(loaded).repeat(2, 1, 1, 1))
    assert pixels.shape == (2, 64, 64, 3) and pixels.dtype == np.float32
    assert 0.0 <= pixels.min() and pixels.max() <= 1.0
    assert np.array_equal(np.asarray(fast_decode.to_pil(pixels[0])), np.asarray(fast_decode.to_pil(pixels[1])))


def test_a_broken_result_is_the_empty_image_error_not_a_black_picture(loaded_with_taesd):
    import torch

    from app.generation.runner import EmptyImage

    loaded, _ = loaded_with_taesd
    with pytest.raises(EmptyImage) as caught:
        fast_decode.decode_latents(loaded, torch.full((1, 4, 8, 8), float("nan")))
    assert "NaN" not in caught.value.message


def test_without_taesd_a_design_made_with_it_asks_for_it_in_words(loaded_with_taesd, tmp_path):
    loaded, models = loaded_with_taesd
    assert fast_decode.taesd_available([models], "sd15")
    assert not fast_decode.taesd_available([models], "sdxl")  # SDXL needs its own, taesdxl
    assert not fast_decode.taesd_available([tmp_path], "sd15")
    taesd, loaded.taesd = loaded.taesd, None
    try:
        with pytest.raises(RequestError) as caught:
            fast_decode.decode_latents(loaded, latents_of(loaded))
    finally:
        loaded.taesd = taesd
    assert caught.value.message == (
        "This design was finished with the fast decoder (TAESD); put TAESD in the models folder to reproduce it."
    )
    assert "taesd" in caught.value.details


# ----- through the engine, as the studio, live mode and Verify use it -----
@pytest.fixture
def engine_with(models_dir, isolated_dirs):
    from tests.app.engine_helpers import make_engine

    started = []

    def start(**settings):
        engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"], **settings)
        started.append((engine, library))
        return engine, rec

    yield start
    for engine, library in started:
        engine.shutdown()
        library.close()


def design_pixels(done) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(done.designs[0].image_path).convert("RGB"))


def test_the_fast_decoder_setting_finishes_designs_with_taesd_reproducibly(tiny_sd15, models_dir, engine_with):
    from app.generation import events as ev
    from app.generation.pngmeta import read_png_metadata
    from tests.app.engine_helpers import quick_request

    build_tiny_taesd(models_dir)
    engine, rec = engine_with(fast_decoder=True)
    fast = [rec.wait_job(engine.submit(quick_request(steps=2)).id) for _ in range(2)]
    slow = rec.wait_job(engine.submit(quick_request(steps=2, decoder="vae")).id)
    assert all(isinstance(done, ev.JobFinished) for done in (*fast, slow))
    assert fast[0].job.request.decoder == "taesd" and slow.job.request.decoder == "vae"
    assert design_pixels(fast[0]).shape == (64, 64, 3)
    assert np.array_equal(design_pixels(fast[0]), design_pixels(fast[1]))
    assert not np.array_equal(design_pixels(fast[0]), design_pixels(slow))
    assert read_png_metadata(Path(fast[0].designs[0].image_path))["meta"]["guidance"]["decoder"] == "taesd"
    # On a CPU a TAESD preview costs what the final decode costs: a fast job gets the linear map's small previews and
    # none at the last step (the finished picture comes as soon); the VAE's jobs keep TAESD's previews at every step
    sizes = {}
    for e in rec.of(ev.StepProgress):
        sizes.setdefault(e.job.id, []).append(e.preview.size if e.preview is not None else None)
    assert sizes[fast[0].job.id] == [(8, 8), None]
    assert sizes[slow.job.id] == [(64, 64), (64, 64)]


def test_a_design_made_with_taesd_cannot_be_redone_without_it_and_says_why(tiny_sd15, engine_with):
    from app.generation import events as ev
    from tests.app.engine_helpers import quick_request

    engine, rec = engine_with(fast_decoder=True)  # the setting asks for TAESD, none is installed: the VAE decodes
    done = rec.wait_job(engine.submit(quick_request()).id)
    assert isinstance(done, ev.JobFinished) and done.job.request.decoder == "vae"
    with pytest.raises(RequestError) as caught:
        engine.submit(quick_request(decoder="taesd"))
    assert "put TAESD in the models folder" in caught.value.message
    assert engine.jobs() == []  # refused before anything ran


@pytest.mark.parametrize(
    "config",
    [
        {"upsample_fn": "bogus"},  # loads, then every step's preview raised NotImplementedError
        {"upsampling_scaling_factor": 0},  # loads, then torch's interpolate raised ValueError
        {"upsampling_scaling_factor": 4},  # 512² pictures from 64² requests (16 would have asked for 12 GB)
        {"latent_magnitude": float("nan"), "upsampling_scaling_factor": 1},  # an 8×8 design
    ],
)
def test_a_taesd_whose_config_loads_but_cannot_decode_is_set_aside_and_the_vae_goes_on(
    tiny_sd15, models_dir, engine_with, config
):
    import json

    from app.generation import events as ev
    from tests.app.engine_helpers import quick_request

    folder = build_tiny_taesd(models_dir)
    written = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    (folder / "config.json").write_text(json.dumps({**written, **config}), encoding="utf-8")
    engine, rec = engine_with(live_previews=True)
    done = rec.wait_job(engine.submit(quick_request(steps=2)).id)
    assert isinstance(done, ev.JobFinished), getattr(done, "details", done)
    assert design_pixels(done).shape == (64, 64, 3)
    failed = rec.wait_job(engine.submit(quick_request(steps=2, decoder="taesd")).id)
    assert isinstance(failed, ev.JobFailed) and "put TAESD in the models folder" in failed.message
