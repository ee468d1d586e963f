"""Every kind of model a user brings runs through the same registry and engine: single files, SDXL, TAESD."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
import weakref
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.generation import events as ev
from tests.app.engine_helpers import make_engine, quick_request
from tests.fixtures.ldm_export import export_single_file

REPO = Path(__file__).resolve().parents[2]


def pixels(design) -> np.ndarray:
    return np.asarray(Image.open(design.image_path).convert("RGB"))


@pytest.fixture
def run_engine(models_dir, isolated_dirs):
    engines = []

    def start(**settings):
        engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"], **settings)
        engines.append((engine, library))
        return engine, rec, library

    yield start
    for engine, library in engines:
        engine.shutdown()
        library.close()


def test_a_single_file_checkpoint_generates_like_its_folder(tiny_sd15_master, models_dir, run_engine):
    export_single_file(tiny_sd15_master, models_dir / "my-sm6.safetensors")
    shutil.copytree(tiny_sd15_master, models_dir / "folder-twin")
    engine, rec, _ = run_engine()
    single = engine.model("my-sm6.safetensors")
    assert (single.format, single.arch) == ("single", "sd15")
    assert single.config_dir.name == "my-sm6.config"  # the sidecar config, not the full-size one
    from_file = rec.wait_job(engine.submit(quick_request(model_id=single.id)).id)
    from_folder = rec.wait_job(engine.submit(quick_request(model_id="folder-twin")).id)
    assert isinstance(from_file, ev.JobFinished), from_file
    assert np.array_equal(pixels(from_file.designs[0]), pixels(from_folder.designs[0]))


def test_sdxl_folder_and_single_file_generate_the_same_pixels(tiny_sdxl_dir, models_dir, run_engine):
    shutil.copytree(tiny_sdxl_dir, models_dir / "tiny-sdxl")
    export_single_file(tiny_sdxl_dir, models_dir / "tiny-xl.safetensors")
    engine, rec, _ = run_engine()
    assert {m.id: m.arch for m in engine.models() if m.usable} == {"tiny-sdxl": "sdxl", "tiny-xl.safetensors": "sdxl"}
    images = []
    for model_id in ("tiny-sdxl", "tiny-xl.safetensors"):
        done = rec.wait_job(engine.submit(quick_request(model_id=model_id, source="base", strength=0.7)).id)
        assert isinstance(done, ev.JobFinished), done
        assert done.designs[0].model_name in ("tiny-sdxl", "tiny-xl")
        images.append(pixels(done.designs[0]))
    # The same weights sit at other offsets in the two files; the image must not depend on that.
    assert np.array_equal(images[0], images[1])


def test_switching_models_frees_the_previous_pipeline(tiny_sd15_master, models_dir, run_engine):
    shutil.copytree(tiny_sd15_master, models_dir / "model-a")
    shutil.copytree(tiny_sd15_master, models_dir / "model-b")
    engine, rec, _ = run_engine()
    rec.wait_job(engine.submit(quick_request(model_id="model-a")).id)
    first_unet = weakref.ref(engine._loaded.txt2img.unet)
    rec.wait_job(engine.submit(quick_request(model_id="model-b")).id)
    gc.collect()
    assert engine.loaded_model.id == "model-b"
    assert first_unet() is None
    assert [e.model_id for e in rec.of(ev.ModelLoaded)] == ["model-a", "model-b"]


def test_taesd_gives_full_size_previews_when_installed(tiny_sd15, models_dir, run_engine):
    import torch
    from diffusers import AutoencoderTiny

    torch.manual_seed(0)
    AutoencoderTiny(
        encoder_block_out_channels=(8, 8, 8, 8),
        decoder_block_out_channels=(8, 8, 8, 8),
        num_encoder_blocks=(1, 1, 1, 1),
        num_decoder_blocks=(1, 1, 1, 1),
    ).save_pretrained(models_dir / "taesd")
    engine, rec, _ = run_engine()
    assert [m.id for m in engine.models() if m.usable] == ["tiny-sd15"]  # TAESD is not offered as a model
    done = rec.wait_job(engine.submit(quick_request(steps=3)).id)
    assert isinstance(done, ev.JobFinished), done
    previews = [e.preview for e in rec.of(ev.StepProgress)]
    assert previews and all(p.size == (64, 64) for p in previews)  # decoded, not latent-sized (8×8)


def test_the_chosen_precision_reaches_both_pipelines(tiny_sd15):
    """A GPU runs fp16; diffusers' from_pipe would quietly cast the shared UNet back to fp32 (found on an H200)."""
    import torch

    from app.generation.devices import DeviceChoice
    from app.generation.pipelines import LoadOptions, load_model
    from app.generation.registry import ModelRegistry

    model = ModelRegistry([tiny_sd15.parent]).scan()[0]
    loaded = load_model(model, LoadOptions(DeviceChoice("cpu", "float16", "test")))
    for pipe in (loaded.txt2img, loaded.img2img):
        assert pipe.unet.dtype == pipe.vae.dtype == pipe.text_encoder.dtype == torch.float16


def test_a_model_file_overwritten_while_loaded_does_not_crash_the_app(tiny_sd15, models_dir, isolated_dirs):
    # `cp` over a model in use truncates the file the loaded weights were read from; the app must not die of it
    # (SIGBUS) and must keep generating what it loaded.
    script = [
        sys.executable,
        "-m",
        "tests.fixtures.model_overwritten",
        str(models_dir),
        str(isolated_dirs["SM6_DATA_DIR"]),
    ]
    done = subprocess.run(script, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    before, after = json.loads(done.stdout.strip().splitlines()[-1])
    assert before == after
