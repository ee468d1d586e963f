"""The model registry identifies models from their content and explains every model it cannot use."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from app.generation import hashing
from app.generation.hashing import HashCache
from app.generation.registry import ModelRegistry


def _write_checkpoint(path: Path, tensors: dict[str, tuple[int, ...]]) -> Path:
    save_file({k: torch.zeros(shape) for k, shape in tensors.items()}, str(path))
    return path


UNET = "model.diffusion_model."
SD15_KEYS = {
    UNET + "input_blocks.0.0.weight": (8, 4, 3, 3),
    UNET + "input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight": (8, 768),
    "cond_stage_model.transformer.text_model.embeddings.token_embedding.weight": (4, 8),
}
SD2_KEYS = {
    UNET + "input_blocks.0.0.weight": (8, 4, 3, 3),
    UNET + "input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight": (8, 1024),
    "cond_stage_model.model.token_embedding.weight": (4, 8),
}
SDXL_KEYS = {
    UNET + "input_blocks.0.0.weight": (8, 4, 3, 3),
    "conditioner.embedders.0.transformer.text_model.embeddings.token_embedding.weight": (4, 8),
    "conditioner.embedders.1.model.transformer.resblocks.9.mlp.c_proj.bias": (8,),
}


def scan(models_dir: Path) -> dict:
    registry = ModelRegistry([models_dir])
    return {m.id: m for m in registry.scan()}


@pytest.mark.parametrize("keys, arch", [(SD15_KEYS, "sd15"), (SD2_KEYS, "sd2"), (SDXL_KEYS, "sdxl")])
def test_single_file_architecture_comes_from_the_tensors_not_the_name(models_dir, keys, arch):
    _write_checkpoint(models_dir / "misleading-sdxl-name.safetensors", keys)
    model = scan(models_dir)["misleading-sdxl-name.safetensors"]
    assert model.usable and model.arch == arch
    assert model.config_dir.name == arch and (model.config_dir / "model_index.json").is_file()


def test_diffusers_folder_is_found_and_hashed_once(tiny_sd15, models_dir, monkeypatch):
    registry = ModelRegistry([models_dir])
    model = registry.scan()[0]
    assert (model.id, model.format, model.arch) == ("tiny-sd15", "diffusers", "sd15")
    assert model.sha256 is None  # hashing a big file waits for the background, never the scan
    hashed = registry.ensure_hash(model)
    assert len(hashed.short_hash) == 10

    calls = []
    real = hashing.sha256_file
    monkeypatch.setattr(hashing, "sha256_file", lambda p: calls.append(p) or real(p))
    again = ModelRegistry([models_dir]).scan()[0]  # a relaunch
    assert again.sha256 == hashed.sha256 and calls == []


def test_hash_cache_notices_a_changed_file(tmp_path):
    f = tmp_path / "m.safetensors"
    f.write_bytes(b"one")
    cache = HashCache(tmp_path / "cache.json")
    first = cache.sha256(f)
    f.write_bytes(b"two!")
    assert cache.sha256(f) != first


@pytest.mark.parametrize("suffix", [".ckpt", ".pt", ".bin"])
def test_pickled_checkpoints_are_refused_with_the_way_out(models_dir, suffix):
    (models_dir / f"old{suffix}").write_bytes(b"\x80\x04not really a pickle")
    model = scan(models_dir)[f"old{suffix}"]
    assert not model.usable
    assert "pickle" in model.error.lower() and ".safetensors" in model.error


def test_truncated_safetensors_is_reported_as_damaged(models_dir):
    full = _write_checkpoint(models_dir / "full.safetensors", {**SD15_KEYS, "big": (256, 256)})
    data = full.read_bytes()
    full.unlink()
    (models_dir / "half.safetensors").write_bytes(data[: len(data) // 2])
    model = scan(models_dir)["half.safetensors"]
    assert not model.usable and "truncated" in model.error and "again" in model.error


@pytest.mark.parametrize("content", [b"", b"garbage" * 10, b"\xff" * 8 + b"{}"])
def test_garbage_safetensors_is_reported_as_damaged(models_dir, content):
    (models_dir / "broken.safetensors").write_bytes(content)
    model = scan(models_dir)["broken.safetensors"]
    assert not model.usable and "damaged" in model.error


def test_lora_or_unknown_file_is_explained(models_dir):
    _write_checkpoint(models_dir / "style.safetensors", {"lora_unet_down.lora_up.weight": (4, 4)})
    model = scan(models_dir)["style.safetensors"]
    assert not model.usable and "LoRA" in model.error


@pytest.mark.parametrize("keys, arch", [(SD15_KEYS, "sd15"), (SDXL_KEYS, "sdxl")])
def test_an_inpainting_checkpoint_is_usable_with_its_inpainting_config(models_dir, keys, arch):
    keys = {**keys, UNET + "input_blocks.0.0.weight": (8, 9, 3, 3)}
    _write_checkpoint(models_dir / "inpaint.safetensors", keys)
    model = scan(models_dir)["inpaint.safetensors"]
    assert model.usable and (model.kind, model.arch, model.variant) == ("checkpoint", arch, "inpainting")
    assert model.config_dir.name == f"{arch}_inpainting"
    index = json.loads((model.config_dir / "model_index.json").read_text())
    assert "Inpaint" in index["_class_name"]


@pytest.mark.parametrize("channels, words", [(8, "inpainting or instruct"), (5, "inpainting or instruct")])
def test_an_instruct_or_odd_unet_is_explained(models_dir, channels, words):
    keys = {**SD15_KEYS, UNET + "input_blocks.0.0.weight": (8, channels, 3, 3)}
    _write_checkpoint(models_dir / "instruct.safetensors", keys)
    assert words in scan(models_dir)["instruct.safetensors"].error


def test_an_sd2_inpainting_single_file_is_refused_in_words(models_dir):
    keys = {**SD2_KEYS, UNET + "input_blocks.0.0.weight": (8, 9, 3, 3)}
    _write_checkpoint(models_dir / "sd2-inpaint.safetensors", keys)
    model = scan(models_dir)["sd2-inpaint.safetensors"]
    assert not model.usable and "SD 2.x inpainting" in model.error and "diffusers folder" in model.error


def test_folder_with_missing_parts_says_which(tiny_sd15, models_dir):
    shutil.rmtree(tiny_sd15 / "unet")
    model = scan(models_dir)["tiny-sd15"]
    assert not model.usable and "unet" in model.error and "incomplete" in model.error


def test_folder_with_only_pickled_weights_is_refused(tiny_sd15, models_dir):
    weights = next((tiny_sd15 / "unet").glob("*.safetensors"))
    weights.rename(weights.with_suffix(".bin"))
    model = scan(models_dir)["tiny-sd15"]
    assert not model.usable and "pickle" in model.error


def test_unknown_pipeline_class_is_explained(tiny_sd15, models_dir):
    index = json.loads((tiny_sd15 / "model_index.json").read_text())
    index["_class_name"] = "FluxPipeline"
    (tiny_sd15 / "model_index.json").write_text(json.dumps(index))
    assert "FluxPipeline" in scan(models_dir)["tiny-sd15"].error


def test_missing_models_folder_is_not_an_error(tmp_path):
    assert ModelRegistry([tmp_path / "does-not-exist"]).scan() == []
