"""A VAE that overflows half precision decodes in full precision instead of failing the job (vae_precision.py).

A GPU runs fp16; the CPU can run fp16 too, so these load the real tiny pipeline the way a GPU would set it up. The
overflowing VAE is the tiny one with its decoder's first layer scaled by 10⁵: its weights still fit fp16, but its
activations do not, as with the fine-tuned VAEs that give black images in A1111 unless it upcasts them."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import load_file, save_file

from app.generation.devices import DeviceChoice
from app.generation.pipelines import LoadOptions, load_model
from app.generation.presets import default_presets
from app.generation.registry import ModelRegistry
from app.generation.runner import EmptyImage, JobRunner
from tests.app.engine_helpers import quick_request

HALF = DeviceChoice("cpu", "float16", "GPU-like")
FULL = DeviceChoice("cpu", "float32", "CPU")


def scaled_copy(master: Path, models_dir: Path, name: str, factor: float) -> Path:
    folder = Path(shutil.copytree(master, models_dir / name))
    for weights in (folder / "vae").glob("*.safetensors"):
        tensors = load_file(weights)
        for key in ("decoder.conv_in.weight", "decoder.conv_in.bias"):
            tensors[key] = tensors[key] * factor
        save_file(tensors, str(weights), metadata={"format": "pt"})
    return folder


@pytest.fixture(scope="module")
def models(tiny_sd15_master, tiny_sdxl_dir, tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("vae-precision")
    scaled_copy(tiny_sd15_master, root, "overflows-fp16", 1e5)
    scaled_copy(tiny_sd15_master, root, "overflows-fp32", float("inf"))  # damaged: no precision can decode it
    shutil.copytree(tiny_sd15_master, root / "tiny-sd15")
    shutil.copytree(tiny_sdxl_dir, root / "tiny-sdxl")
    return {m.id: m for m in ModelRegistry([root]).scan()}


def decoder_dtype(vae):
    return vae.decoder.conv_in.weight.dtype


def run(loaded, **changes) -> np.ndarray:
    request = quick_request(model_id=loaded.model.id, steps=2, width=64, height=64, **changes)
    (image,) = JobRunner(loaded, default_presets()).run(request, threading.Event(), lambda *_: None)
    return np.asarray(image.pixels)


def test_a_vae_that_overflows_half_precision_still_gives_the_picture_and_keeps_the_unet_fast(models):
    loaded = load_model(models["overflows-fp16"], LoadOptions(HALF))
    pixels = run(loaded)  # an empty image before: the job failed, blaming the weights
    assert pixels.shape == (64, 64, 3) and pixels.std() > 5  # a real picture, not a flat fill
    vae = loaded.txt2img.vae
    assert decoder_dtype(vae) == torch.float32 and vae.encoder.conv_in.weight.dtype == torch.float16
    assert loaded.txt2img.unet.dtype == torch.float16
    # The next job decodes in full precision from the start, and the same request gives the same picture: a design
    # made by decoding again is what Verify regenerates.
    assert np.array_equal(run(loaded), pixels)


def test_the_vae_stays_in_full_precision_when_another_pipeline_is_built_on_the_weights(models):
    loaded = load_model(models["overflows-fp16"], LoadOptions(HALF))
    run(loaded)
    # the body mask needs the inpainting pipeline, built with from_pipe in the model's dtype (fp16)
    assert run(loaded, source="base", mask="body", strength=0.6).std() > 5
    assert decoder_dtype(loaded.pipeline("inpaint").vae) == torch.float32


def test_a_vae_broken_in_every_precision_still_fails_in_words(models):
    loaded = load_model(models["overflows-fp32"], LoadOptions(HALF))
    with pytest.raises(EmptyImage) as failed:
        run(loaded)
    assert "empty image" in failed.value.message


@pytest.mark.parametrize(
    ("model", "changes"),
    [("tiny-sd15", {}), ("tiny-sd15", {"source": "base", "mask": "body", "strength": 0.6}), ("tiny-sdxl", {})],
    ids=["sd15", "sd15-body-mask", "sdxl"],
)
def test_decoding_in_full_precision_gives_exactly_the_pipelines_own_pixels(models, model, changes):
    """The app's decode replaces diffusers' own once the VAE is in fp32: on a model that runs fp32 anyway, both
    must give the same pixels, or designs would change when the switch happens."""
    loaded = load_model(models[model], LoadOptions(FULL))
    own = run(loaded, **changes)
    loaded.vae_full_precision = True
    assert np.array_equal(run(loaded, **changes), own)
