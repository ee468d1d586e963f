"""ControlNets, LoRAs, inpainting and few-step checkpoints: recognised from their headers, registered in their own
lists, hashed, imported into their own folders; a damaged or unsupported one is a plain sentence, never a crash."""

from __future__ import annotations

import json
import math
import shutil
import struct
from pathlib import Path

import pytest
import torch

from app import cli
from app.errors import RequestError
from app.generation.engine import Engine
from app.generation.hashing import HashCache, sha256_file
from app.generation.importer import import_model, validate_import
from app.generation.registry import ModelRegistry
from app.generation.settings import GenerationSettings
from tests.app.test_registry import SD15_KEYS, UNET


def write(path: Path, tensors: dict[str, tuple[int, ...]], metadata: dict[str, str] | None = None) -> Path:
    """A .safetensors file of float32 zeros, written as a header and a hole: the same bytes to any reader as
    safetensors' own save_file, without 560 MB on disk for the absurd-rank LoRA below."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header: dict[str, object] = {"__metadata__": metadata} if metadata else {}
    offset = 0
    for key, shape in tensors.items():
        size = 4 * math.prod(shape)
        header[key] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + size]}
        offset += size
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with path.open("wb") as file:
        file.write(struct.pack("<Q", len(text)) + text)
        file.truncate(8 + len(text) + offset)
    return path


def kohya_pair(prefix: str, width_in: int, width_out: int, rank: int = 4) -> dict[str, tuple[int, ...]]:
    return {
        f"{prefix}.lora_down.weight": (rank, width_in),
        f"{prefix}.lora_up.weight": (width_out, rank),
        f"{prefix}.alpha": (),
    }


def peft_pair(prefix: str, width_in: int, width_out: int, rank: int = 4) -> dict[str, tuple[int, ...]]:
    return {f"{prefix}.lora_A.weight": (rank, width_in), f"{prefix}.lora_B.weight": (width_out, rank)}


ATTN2 = "down_blocks_1_attentions_0_transformer_blocks_0_attn2"
TE_Q = "text_model_encoder_layers_0_self_attn_q_proj"
LORAS = {
    "kohya-sd15": (
        {**kohya_pair(f"lora_unet_{ATTN2}_to_k", 768, 640), **kohya_pair(f"lora_te_{TE_Q}", 768, 768)},
        "sd15",
    ),
    "kohya-sd2": (kohya_pair(f"lora_unet_{ATTN2}_to_v", 1024, 640), "sd2"),
    "kohya-sd2-text-only": (kohya_pair(f"lora_te_{TE_Q}", 1024, 1024), "sd2"),
    "kohya-sdxl": (
        {
            **kohya_pair("lora_unet_input_blocks_4_1_transformer_blocks_0_attn2_to_k", 2048, 640),
            **kohya_pair(f"lora_te1_{TE_Q}", 768, 768),
            **kohya_pair(f"lora_te2_{TE_Q}", 1280, 1280),
        },
        "sdxl",
    ),
    "kohya-sdxl-text-only": (kohya_pair(f"lora_te2_{TE_Q}", 1280, 1280), "sdxl"),
    "peft-sd15": (peft_pair("unet.down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k", 768, 640), "sd15"),
    "peft-sdxl": (
        {
            **peft_pair("unet.down_blocks.1.attentions.0.transformer_blocks.1.attn2.to_k", 2048, 640),
            **peft_pair("text_encoder_2.text_model.encoder.layers.0.self_attn.q_proj", 1280, 1280),
        },
        "sdxl",
    ),
    "old-diffusers-sd15": (
        {
            "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.lora.down.weight": (4, 768),
            "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.lora.up.weight": (320, 4),
        },
        "sd15",
    ),
    "attn-procs-sdxl": (
        {
            "down_blocks.1.attentions.0.transformer_blocks.0.attn2.processor.to_k_lora.down.weight": (4, 2048),
            "down_blocks.1.attentions.0.transformer_blocks.0.attn2.processor.to_k_lora.up.weight": (640, 4),
        },
        "sdxl",
    ),
}


def original_controlnet(width: int, hint: bool = True) -> dict[str, tuple[int, ...]]:
    keys = {
        "control_model.time_embed.0.weight": (8, 4),
        "control_model.input_blocks.0.0.weight": (8, 4, 3, 3),
        "control_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight": (8, width),
        "control_model.zero_convs.0.0.weight": (8, 8, 1, 1),
        "control_model.middle_block_out.0.weight": (8, 8, 1, 1),
    }
    if hint:
        keys["control_model.input_hint_block.0.weight"] = (16, 3, 3, 3)
    return keys


def diffusers_controlnet(width: int, hint: bool = True) -> dict[str, tuple[int, ...]]:
    keys = {
        "time_embedding.linear_1.weight": (8, 4),
        "down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k.weight": (8, width),
        "controlnet_down_blocks.0.weight": (8, 8, 1, 1),
        "controlnet_mid_block.weight": (8, 8, 1, 1),
    }
    if hint:
        keys["controlnet_cond_embedding.conv_in.weight"] = (16, 3, 3, 3)
    return keys


def scan(*dirs: Path) -> dict:
    return {m.id: m for m in ModelRegistry(list(dirs)).scan()}


# --- what a file is, from its header ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(LORAS))
def test_a_lora_is_recognised_in_every_layout_with_its_family(models_dir, case):
    keys, arch = LORAS[case]
    write(models_dir / "lora" / "style.safetensors", keys)
    model = scan(models_dir)["style.safetensors"]
    assert model.usable, model.error
    assert (model.kind, model.arch, model.config_dir) == ("lora", arch, None)


@pytest.mark.parametrize(
    "keys, arch",
    [(original_controlnet(768), "sd15"), (original_controlnet(1024), "sd2"), (diffusers_controlnet(2048), "sdxl")],
    ids=["original-sd15", "original-sd2", "diffusers-sdxl"],
)
def test_a_single_file_controlnet_is_recognised_with_its_family_and_shipped_config(models_dir, keys, arch):
    write(models_dir / "control_v11p_canny.safetensors", keys)
    model = scan(models_dir)["control_v11p_canny.safetensors"]
    assert model.usable, model.error
    assert (model.kind, model.arch, model.hint) == ("controlnet", arch, "edges")
    assert model.config_dir.name == f"controlnet_{arch}"


def test_a_depth_controlnet_is_offered_for_depth(models_dir):
    write(models_dir / "controlnet" / "control_v11f1p_sd15_depth.safetensors", original_controlnet(768))
    assert scan(models_dir)["control_v11f1p_sd15_depth.safetensors"].hint == "depth"


def test_the_name_alone_never_makes_a_lora_or_a_controlnet(models_dir):
    write(models_dir / "controlnet" / "really-a-checkpoint-lora.safetensors", SD15_KEYS)
    model = scan(models_dir)["really-a-checkpoint-lora.safetensors"]
    assert (model.kind, model.arch) == ("checkpoint", "sd15")


@pytest.mark.parametrize(
    "name, metadata, speed",
    [
        ("sd_xl_turbo_1.0_fp16.safetensors", {}, "turbo"),
        ("my-model.safetensors", {"modelspec.title": "SDXL Turbo"}, "turbo"),
        ("lcm-dreamshaper.safetensors", {}, "lcm"),
        ("dreamshaper.safetensors", {}, ""),
    ],
)
def test_a_few_step_checkpoint_says_so(models_dir, name, metadata, speed):
    write(models_dir / name, SD15_KEYS, metadata)
    model = scan(models_dir)[name]
    assert (model.kind, model.speed) == ("checkpoint", speed)


def test_a_few_step_diffusers_folder_is_recognised_by_its_scheduler(tiny_sd15, models_dir):
    config_file = tiny_sd15 / "scheduler" / "scheduler_config.json"
    config = json.loads(config_file.read_text())
    config_file.write_text(json.dumps({**config, "_class_name": "LCMScheduler"}))
    assert scan(models_dir)["tiny-sd15"].speed == "lcm"


# --- refusals in words -----------------------------------------------------------------------------------------

REFUSED = {
    "loha": (
        {
            f"lora_unet_{ATTN2}_to_k.hada_w1_a": (640, 4),
            f"lora_unet_{ATTN2}_to_k.hada_w1_b": (4, 768),
            f"lora_unet_{ATTN2}_to_k.alpha": (),
        },
        "LyCORIS",
    ),
    "lokr": ({f"lora_unet_{ATTN2}_to_k.lokr_w1": (8, 8), f"lora_unet_{ATTN2}_to_k.lokr_w2": (80, 96)}, "LyCORIS"),
    "mixed layouts": (
        {**kohya_pair(f"lora_unet_{ATTN2}_to_k", 768, 640), **peft_pair("unet.x.attn2.to_k", 768, 640)},
        "mixes two LoRA layouts",
    ),
    "rank mismatch": (
        {f"lora_unet_{ATTN2}_to_k.lora_down.weight": (4, 768), f"lora_unet_{ATTN2}_to_k.lora_up.weight": (640, 8)},
        "do not fit together",
    ),
    "absurd rank": (kohya_pair(f"lora_unet_{ATTN2}_to_k", 768, 640, rank=100_000), "do not fit together"),
    "zero rank": (kohya_pair(f"lora_unet_{ATTN2}_to_k", 768, 640, rank=0), "do not fit together"),
    "three-dimensional": (
        {
            f"lora_unet_{ATTN2}_to_k.lora_down.weight": (4, 768, 2),
            f"lora_unet_{ATTN2}_to_k.lora_up.weight": (640, 4, 2),
        },
        "do not fit together",
    ),
    "no partner": ({f"lora_unet_{ATTN2}_to_k.lora_down.weight": (4, 768)}, "do not fit together"),
    "alpha of a matrix": (
        {**kohya_pair(f"lora_unet_{ATTN2}_to_k", 768, 640), f"lora_unet_{ATTN2}_to_k.alpha": (4, 4)},
        "do not fit together",
    ),
    "two families": (
        {**kohya_pair(f"lora_unet_{ATTN2}_to_k", 768, 640), **kohya_pair(f"lora_unet_{ATTN2}_to_v", 2048, 640)},
        "different model families",
    ),
    "controlnet without guide input": (original_controlnet(768, hint=False), "has no guide input"),
    "diffusers controlnet without guide input": (diffusers_controlnet(768, hint=False), "has no guide input"),
    "controlnet of two families": (
        {
            **original_controlnet(768),
            "control_model.input_blocks.4.1.transformer_blocks.0.attn2.to_v.weight": (8, 1024),
        },
        "different model families",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_damaged_or_unsupported_addon_is_one_plain_sentence_and_the_scan_goes_on(models_dir, case):
    keys, words = REFUSED[case]
    write(models_dir / "lora" / "hostile.safetensors", keys)
    write(models_dir / "lora" / "good.safetensors", LORAS["kohya-sd15"][0])
    models = scan(models_dir)
    bad = models["hostile.safetensors"]
    assert not bad.usable and words in bad.error, bad.error
    assert "\n" not in bad.error and "Traceback" not in bad.error and "{" not in bad.error
    assert models["good.safetensors"].usable
    with pytest.raises(Exception) as refused:
        validate_import(models_dir / "lora" / "hostile.safetensors")
    assert words in str(refused.value)


def test_an_unusable_addon_is_listed_under_its_kind(models_dir):
    write(models_dir / "lora" / "loha.safetensors", REFUSED["loha"][0])
    write(models_dir / "controlnet" / "broken.safetensors", REFUSED["controlnet without guide input"][0])
    models = scan(models_dir)
    assert (models["loha.safetensors"].kind, models["broken.safetensors"].kind) == ("lora", "controlnet")


def test_a_controlnet_folder_without_weights_or_guide_input_is_explained(tiny_controlnet, models_dir):
    weights = tiny_controlnet / "diffusion_pytorch_model.safetensors"
    keys = {k: v for k, v in _header(weights).items() if not k.startswith("controlnet_cond_embedding.")}
    write(weights, keys)
    assert "has no guide input" in scan(models_dir)["tiny-controlnet"].error
    weights.rename(weights.with_suffix(".bin"))
    assert "pickled .bin weights" in scan(models_dir)["tiny-controlnet"].error
    weights.with_suffix(".bin").unlink()
    assert "incomplete" in scan(models_dir)["tiny-controlnet"].error


def _header(path: Path) -> dict[str, tuple[int, ...]]:
    from app.generation.checkpoint import read_safetensors_header

    return {k: v.shape for k, v in read_safetensors_header(path).items()}


# --- the registry's lists --------------------------------------------------------------------------------------


def test_addons_are_found_one_level_inside_their_folders_and_kept_apart_from_models(tiny_sd15, models_dir):
    write(models_dir / "LoRA" / "b-style.safetensors", LORAS["kohya-sd15"][0])
    write(models_dir / "loras" / "A-style.safetensors", LORAS["peft-sd15"][0])
    write(models_dir / "lora" / "deeper" / "hidden.safetensors", LORAS["kohya-sd15"][0])
    write(models_dir / "ControlNets" / "canny.safetensors", original_controlnet(768))
    write(models_dir / "controlnet" / "canny-xl.safetensors", diffusers_controlnet(2048))
    write(models_dir / "elsewhere" / "not-scanned.safetensors", LORAS["kohya-sd15"][0])
    registry = ModelRegistry([models_dir])
    registry.scan()
    assert [m.id for m in registry.usable()] == ["tiny-sd15"]
    assert [m.id for m in registry.addons("lora")] == ["A-style.safetensors", "b-style.safetensors"]
    assert [m.id for m in registry.addons("controlnet", "sdxl")] == ["canny-xl.safetensors"]
    assert [m.id for m in registry.addons("controlnet", "sd15")] == ["canny.safetensors"]
    assert registry.addons("lora", "sdxl") == []
    assert registry.get("canny.safetensors").kind == "controlnet"


def test_ids_are_unique_across_kinds(models_dir):
    write(models_dir / "style.safetensors", SD15_KEYS)
    write(models_dir / "lora" / "style.safetensors", LORAS["kohya-sd15"][0])
    write(models_dir / "controlnet" / "style.safetensors", original_controlnet(768))
    ids = [m.id for m in ModelRegistry([models_dir]).scan()]
    assert sorted(ids) == ["style.safetensors", "style.safetensors (2)", "style.safetensors (3)"]


def test_addons_are_hashed_like_models_and_found_by_hash(tiny_sd15, tiny_controlnet, models_dir, tmp_path):
    lora = write(models_dir / "lora" / "style.safetensors", LORAS["kohya-sd15"][0])
    registry = ModelRegistry([models_dir], HashCache(tmp_path / "hashes.json"))
    registry.scan()
    hashed_lora = registry.ensure_hash(registry.get("style.safetensors"))
    assert hashed_lora.sha256 == sha256_file(lora) and len(hashed_lora.short_hash) == 10
    hashed_cn = registry.ensure_hash(registry.get("tiny-controlnet"))
    assert len(hashed_cn.sha256) == 64
    assert ModelRegistry([models_dir], HashCache(tmp_path / "hashes.json")).scan()  # the cache is read back
    engine = Engine(registry, lambda: GenerationSettings(device="cpu"))
    try:
        assert engine.model_with_hash(hashed_lora.sha256, "lora").id == "style.safetensors"
        assert engine.model_with_hash(hashed_cn.sha256, "controlnet").id == "tiny-controlnet"
        assert engine.model_with_hash(hashed_lora.sha256) is None  # a LoRA is no checkpoint
        assert [m.id for m in engine.addons("controlnet", "sd15")] == ["tiny-controlnet"]
        assert [m.id for m in engine.models()] == ["tiny-sd15"]
        with pytest.raises(RequestError, match="not a model that paints on its own"):
            engine.model_for("style.safetensors")
    finally:
        engine.shutdown()


# --- the tests' real tiny models -------------------------------------------------------------------------------


def test_the_tiny_guidance_models_and_loras_are_registered(
    tiny_sd15,
    tiny_controlnet,
    tiny_controlnet_sdxl,
    tiny_controlnet_file,
    tiny_inpainting,
    tiny_lora_masters,
    models_dir,
):
    shutil.copytree(tiny_lora_masters, models_dir / "lora")
    models = scan(models_dir)
    facts = {k: (m.kind, m.arch, m.variant, m.speed) for k, m in models.items() if m.usable}
    assert facts == {
        "tiny-sd15": ("checkpoint", "sd15", "", ""),
        "tiny-sd15-inpainting": ("checkpoint", "sd15", "inpainting", ""),
        "tiny-controlnet": ("controlnet", "sd15", "", ""),
        "tiny-controlnet-xl": ("controlnet", "sdxl", "", ""),
        "tiny-controlnet-file.safetensors": ("controlnet", "sd15", "", ""),
        "tiny-style.safetensors": ("lora", "sd15", "", ""),
        "tiny-diffusers-style.safetensors": ("lora", "sd15", "", ""),
        "lcm-lora-tiny.safetensors": ("lora", "sd15", "", "lcm"),
        "tiny-xl-style.safetensors": ("lora", "sdxl", "", ""),
    }
    assert len(models) == len(facts)  # the single file's .config sidecar is no model of its own
    assert models["tiny-controlnet-file.safetensors"].config_dir == tiny_controlnet_file.with_suffix(".config")


def test_an_original_layout_controlnet_file_loads_with_its_config_folder(tiny_controlnet, tiny_controlnet_file):
    from diffusers import ControlNetModel

    model = scan(tiny_controlnet_file.parent)["tiny-controlnet-file.safetensors"]
    loaded = ControlNetModel.from_single_file(str(model.path), config=str(model.config_dir), local_files_only=True)
    reference = ControlNetModel.from_pretrained(tiny_controlnet)
    ours, theirs = loaded.state_dict(), reference.state_dict()
    assert ours.keys() == theirs.keys()
    assert all(torch.equal(ours[k], theirs[k]) for k in theirs)


@pytest.mark.parametrize("kind", ["lora", "controlnet-file", "controlnet-folder"])
def test_importing_an_addon_puts_it_in_its_own_folder(tiny_guidance_masters, tiny_lora_masters, tmp_path, kind):
    downloads, dest = tmp_path / "Downloads", tmp_path / "models"
    downloads.mkdir()
    if kind == "lora":
        source = Path(shutil.copy2(tiny_lora_masters / "tiny-style.safetensors", downloads))
        folder = "lora"
    elif kind == "controlnet-file":
        source = write(downloads / "control_sd15_canny.safetensors", original_controlnet(768))
        folder = "controlnet"
    else:
        source = Path(shutil.copytree(tiny_guidance_masters["controlnet"], downloads / "my-controlnet"))
        folder = "controlnet"
    target = import_model(source, dest_dir=dest)
    assert target == dest / folder / source.name
    found = {m.id: m for m in ModelRegistry([dest]).scan()}
    assert found[source.name].usable and found[source.name].path == target


def test_doctor_lists_controlnets_and_loras_apart(tiny_sd15, tiny_controlnet, models_dir, capsys):
    write(models_dir / "lora" / "style.safetensors", LORAS["kohya-sd15"][0])
    write(models_dir / "sd_turbo.safetensors", SD15_KEYS)
    write(models_dir / "inpaint.safetensors", {**SD15_KEYS, UNET + "input_blocks.0.0.weight": (8, 9, 3, 3)})
    assert cli.main(["doctor"]) in (0, 1)
    out = capsys.readouterr().out
    assert "ControlNet  tiny-controlnet: SD 1.x edges guide, diffusers folder" in out
    assert "LoRA        style.safetensors: SD 1.x, single file" in out
    assert "sd_turbo.safetensors: SD 1.x turbo" in out and "inpaint.safetensors: SD 1.x inpainting" in out


def test_only_an_lcm_lora_is_few_step(models_dir):
    write(models_dir / "lora" / "turbo-paint-style.safetensors", LORAS["kohya-sd15"][0])
    write(models_dir / "lora" / "lcm-lora-sdv1-5.safetensors", LORAS["kohya-sd15"][0])
    models = scan(models_dir)
    assert models["turbo-paint-style.safetensors"].speed == "" and models["lcm-lora-sdv1-5.safetensors"].speed == "lcm"


def test_a_linked_lora_folder_is_looked_into(models_dir, tmp_path):
    webui = tmp_path / "stable-diffusion-webui" / "models" / "Lora"
    write(webui / "chrome.safetensors", LORAS["kohya-sd15"][0])
    (models_dir / "Lora").symlink_to(webui, target_is_directory=True)
    assert scan(models_dir)["chrome.safetensors"].kind == "lora"
