"""A full-size SD 1.5 checkpoint (random weights) loads offline with only the shipped config folder.

This is the path a user's downloaded `.safetensors` takes: one LDM-layout file plus
`config=resources/sd_configs/sd15`. Slow: about 2 GB written to the test's temp folder
(never the repo) and a 1-billion-parameter pipeline built on the CPU.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import numpy as np
import pytest
import torch

from tests.fixtures.ldm_export import export_single_file
from tests.fixtures.offline import no_network

REPO_ROOT = Path(__file__).resolve().parents[2]
SD15_CONFIG = REPO_ROOT / "resources" / "sd_configs" / "sd15"


def build_full_size_sd15(out_dir: Path, dtype: torch.dtype = torch.float16) -> Path:
    """SD 1.5's architecture from the shipped configs, random weights, saved in `dtype` to halve the size."""
    from diffusers import AutoencoderKL, PNDMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(0)
    pipe = StableDiffusionPipeline(
        vae=AutoencoderKL.from_config(AutoencoderKL.load_config(SD15_CONFIG / "vae")).to(dtype),
        text_encoder=CLIPTextModel(CLIPTextConfig.from_pretrained(SD15_CONFIG / "text_encoder")).to(dtype),
        tokenizer=CLIPTokenizer.from_pretrained(SD15_CONFIG / "tokenizer"),
        unet=UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(SD15_CONFIG / "unet")).to(dtype),
        scheduler=PNDMScheduler.from_pretrained(SD15_CONFIG, subfolder="scheduler"),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(out_dir, safe_serialization=True)
    return out_dir


@pytest.fixture
def big_tmp(tmp_path):
    """pytest keeps the last few temp folders; 2 GB each is too much to leave behind."""
    yield tmp_path
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.slow
def test_full_size_sd15_single_file_loads_offline_with_shipped_config(big_tmp, monkeypatch):
    from diffusers import StableDiffusionPipeline
    from diffusers.loaders.single_file_utils import infer_diffusers_model_type
    from safetensors import safe_open

    # huggingface_hub reads HF_HUB_OFFLINE once, at import; the socket guard below is the real check
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    timings = {}

    start = time.perf_counter()
    folder = build_full_size_sd15(big_tmp / "sd15-random")
    timings["build"] = time.perf_counter() - start

    start = time.perf_counter()
    single = export_single_file(folder, big_tmp / "sd15-random.safetensors")
    timings["export"] = time.perf_counter() - start
    assert 1.9e9 < single.stat().st_size < 2.3e9  # fp16 SD 1.5 without EMA is about 2.1 GB

    with safe_open(str(single), "pt") as f:
        # shapes only: model-type detection looks at key names and sizes
        probe = {k: torch.empty(f.get_slice(k).get_shape(), device="meta") for k in f.keys()}
    assert infer_diffusers_model_type(probe) == "v1"

    start = time.perf_counter()
    with no_network() as attempts:
        pipe = StableDiffusionPipeline.from_single_file(
            str(single), config=str(SD15_CONFIG), local_files_only=True, torch_dtype=torch.float32
        )
    timings["load"] = time.perf_counter() - start
    assert attempts == []
    assert pipe.unet.dtype == torch.float32 and pipe.safety_checker is None

    start = time.perf_counter()
    with no_network() as attempts:
        image = pipe(
            "a Renault SM6 in Busan at night",
            num_inference_steps=1,
            height=64,
            width=64,
            output_type="np",
            generator=torch.Generator("cpu").manual_seed(0),
        ).images
    timings["generate"] = time.perf_counter() - start
    assert attempts == []
    assert image.shape == (1, 64, 64, 3) and np.isfinite(image).all()
    print("full-size SD 1.5 single-file timings (s):", {k: round(v, 1) for k, v in timings.items()})
