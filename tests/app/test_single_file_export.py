"""A diffusers folder exported to one LDM-layout file loads back through from_single_file, bit for bit."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

from app.generation.pipelines import own_cpu_weights
from tests.fixtures.ldm_export import UnmappedKeyError, export_single_file, sidecar_dir, unet_to_ldm
from tests.fixtures.offline import no_network

PROMPT = "a midnight-blue Renault SM6 on a wet Busan street at night, 부산 야경"


def generate(pipe) -> np.ndarray:
    return pipe(
        PROMPT,
        num_inference_steps=2,
        height=64,
        width=64,
        output_type="np",
        generator=torch.Generator("cpu").manual_seed(1234),
    ).images


def assert_same_weights(original, reloaded) -> None:
    for name, module in original.components.items():
        if not isinstance(module, torch.nn.Module):
            continue
        a, b = module.state_dict(), getattr(reloaded, name).state_dict()
        assert a.keys() == b.keys(), name
        different = [k for k in a if not torch.equal(a[k], b[k])]
        assert not different, (name, different[:5])


@pytest.fixture(params=["sd15", "sdxl"])
def flavour(request):
    from diffusers import StableDiffusionPipeline, StableDiffusionXLPipeline

    if request.param == "sd15":
        return "v1", request.getfixturevalue("tiny_sd15_dir"), StableDiffusionPipeline
    return "xl_base", request.getfixturevalue("tiny_sdxl_dir"), StableDiffusionXLPipeline


def test_round_trip_is_exact(flavour, tmp_path, monkeypatch):
    from diffusers.loaders.single_file_utils import infer_diffusers_model_type

    model_type, folder, pipeline_cls = flavour
    # huggingface_hub reads HF_HUB_OFFLINE once, at import; the socket guard below is the real check
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    single = export_single_file(folder, tmp_path / "exported.safetensors")

    checkpoint = load_file(single)
    assert infer_diffusers_model_type(checkpoint) == model_type
    assert any(k.startswith("model.diffusion_model.") for k in checkpoint)
    assert any(k.startswith("first_stage_model.") for k in checkpoint)
    text_prefix = "conditioner.embedders." if model_type == "xl_base" else "cond_stage_model.transformer.text_model."
    assert any(k.startswith(text_prefix) for k in checkpoint)
    assert not any(k.endswith(".safetensors") for k in (p.name for p in sidecar_dir(single).rglob("*")))

    original = pipeline_cls.from_pretrained(folder, local_files_only=True)
    with no_network() as attempts:
        reloaded = pipeline_cls.from_single_file(str(single), config=str(sidecar_dir(single)), local_files_only=True)
    assert attempts == []

    assert_same_weights(original, reloaded)
    # As the engine does: out of the files' memory maps, so kernels see the same aligned memory for both
    own_cpu_weights(original.components.values())
    own_cpu_weights(reloaded.components.values())
    expected, actual = generate(original), generate(reloaded)
    assert expected.shape == (1, 64, 64, 3)
    assert np.isfinite(expected).all() and expected.std() > 0.01
    np.testing.assert_array_equal(actual, expected)


def test_sidecar_holds_the_pipeline_configs(tiny_sdxl_dir, tmp_path):
    single = export_single_file(tiny_sdxl_dir, tmp_path / "m.safetensors")
    sidecar = sidecar_dir(single)
    assert sidecar.name == "m.config"
    for rel in (
        "model_index.json",
        "unet/config.json",
        "vae/config.json",
        "text_encoder/config.json",
        "text_encoder_2/config.json",
        "scheduler/scheduler_config.json",
    ):
        assert json.loads((sidecar / rel).read_text()) == json.loads((tiny_sdxl_dir / rel).read_text())
    assert (sidecar / "tokenizer").is_dir() and (sidecar / "tokenizer_2").is_dir()


def test_export_is_deterministic(tiny_sd15_dir, tmp_path):
    a = export_single_file(tiny_sd15_dir, tmp_path / "a.safetensors")
    b = export_single_file(tiny_sd15_dir, tmp_path / "b.safetensors")
    assert a.read_bytes() == b.read_bytes()


def test_an_unknown_unet_key_is_an_error_not_a_silent_drop():
    config = {"layers_per_block": 2, "up_block_types": ["UpBlock2D"]}
    with pytest.raises(UnmappedKeyError):
        unet_to_ldm({"some_new_module.weight": torch.zeros(1)}, config)
