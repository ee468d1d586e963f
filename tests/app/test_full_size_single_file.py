"""A full-size SD 1.5 checkpoint (random weights) loads offline with only the shipped config folder.

This is the path a user's downloaded `.safetensors` takes: one LDM-layout file plus
`config=resources/sd_configs/sd15`. Slow: about 2 GB written to the test's temp folder
(never the repo) and a 1-billion-parameter pipeline loaded on the CPU.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import numpy as np
import pytest
import torch

from tests.fixtures.ldm_export import SD1_CLIP_PREFIX, clip_to_ldm, unet_to_ldm, vae_to_ldm
from tests.fixtures.offline import no_network

REPO_ROOT = Path(__file__).resolve().parents[2]
SD15_CONFIG = REPO_ROOT / "resources" / "sd_configs" / "sd15"


def write_full_size_sd15(out_file: Path) -> Path:
    """SD 1.5's architecture from the shipped configs as one LDM-layout fp16 `.safetensors`, with arbitrary weights.

    Only names, shapes and finite values matter here, so the models are built on the meta device (no random init of a
    billion parameters) and each tensor is cut from one pool of random numbers, scaled by its fan-in as the usual init
    would. Written straight in the layout users download: no diffusers folder is saved and read back first.
    """
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from safetensors.torch import save_file
    from transformers import CLIPTextConfig, CLIPTextModel

    with torch.device("meta"):
        unet = UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(SD15_CONFIG / "unet"))
        vae = AutoencoderKL.from_config(AutoencoderKL.load_config(SD15_CONFIG / "vae"))
        text = CLIPTextModel(CLIPTextConfig.from_pretrained(SD15_CONFIG / "text_encoder"))
    largest = max(p.numel() for model in (unet, vae, text) for p in model.state_dict().values())
    shift = 1 << 20
    pool = torch.rand(shift, generator=torch.Generator().manual_seed(0)).mul_(2).sub_(1).half()
    pool = pool.repeat(-(-(largest + shift) // shift))
    count = iter(range(1 << 30))

    def arbitrary(name: str, meta: torch.Tensor) -> torch.Tensor:
        if meta.ndim >= 2:  # weights: each from its own place in the pool, so no two layers are alike
            start = next(count) * 7919 % shift
            return torch.mul(pool[start : start + meta.numel()].view(meta.shape), meta[0].numel() ** -0.5)
        return (torch.zeros if name.endswith("bias") else torch.ones)(meta.shape, dtype=torch.float16)

    def weights(model) -> dict[str, torch.Tensor]:
        return {name: arbitrary(name, meta) for name, meta in model.state_dict().items()}

    tensors = {
        **unet_to_ldm(weights(unet), dict(unet.config)),
        **vae_to_ldm(weights(vae), dict(vae.config)),
        **clip_to_ldm(weights(text), SD1_CLIP_PREFIX),
    }
    save_file(tensors, str(out_file), metadata={"format": "pt"})
    return out_file


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
    single = write_full_size_sd15(big_tmp / "sd15-random.safetensors")
    timings["write"] = time.perf_counter() - start
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
            guidance_scale=1.0,  # every part runs once: the text encoder, the UNet (batch 1, not 2), the VAE
            height=64,
            width=64,
            output_type="np",
            generator=torch.Generator("cpu").manual_seed(0),
        ).images
    timings["generate"] = time.perf_counter() - start
    assert attempts == []
    assert image.shape == (1, 64, 64, 3) and np.isfinite(image).all()
    print("full-size SD 1.5 single-file timings (s):", {k: round(v, 1) for k, v in timings.items()})
