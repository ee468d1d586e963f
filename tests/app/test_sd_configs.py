"""The shipped config folders (resources/sd_configs) are complete, load offline, and describe the real models.

Components are built on the meta device, so no memory is spent on weights; the parameter
counts are those of the published SD 1.5, SD 2.1 and SDXL base models, which catches any
wrong architecture number in a config.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.fixtures.open_clip_ref import ensure_open_clip_wheel

REPO_ROOT = Path(__file__).resolve().parents[2]
SD_CONFIGS = REPO_ROOT / "resources" / "sd_configs"

PUBLISHED_PARAMETERS = {
    "sd15": {"unet": 859_520_964, "vae": 83_653_863, "text_encoder": 123_060_480},
    "sd2": {"unet": 865_910_724, "vae": 83_653_863, "text_encoder": 340_387_840},
    "sdxl": {"unet": 2_567_463_684, "vae": 83_653_863, "text_encoder": 123_060_480, "text_encoder_2": 694_659_840},
}
# An inpainting UNet's first convolution takes 9 channels instead of 4: 5 × 320 × 3 × 3 more weights.
INPAINTING_EXTRA = 5 * 320 * 3 * 3
PUBLISHED_PARAMETERS["sd15_inpainting"] = {
    **PUBLISHED_PARAMETERS["sd15"],
    "unet": PUBLISHED_PARAMETERS["sd15"]["unet"] + INPAINTING_EXTRA,
}
PUBLISHED_PARAMETERS["sdxl_inpainting"] = {
    **PUBLISHED_PARAMETERS["sdxl"],
    "unet": PUBLISHED_PARAMETERS["sdxl"]["unet"] + INPAINTING_EXTRA,
}
PREDICTION = {"sd15": "epsilon", "sd2": "v_prediction", "sdxl": "epsilon"}
PREDICTION |= {"sd15_inpainting": "epsilon", "sdxl_inpainting": "epsilon"}
# control_v11p_sd15_canny and controlnet-canny-sdxl-1.0
CONTROLNET_PARAMETERS = {"sd15": 361_279_120, "sdxl": 1_251_014_160}


def load_build_script():
    spec = importlib.util.spec_from_file_location("build_sd_configs", REPO_ROOT / "packaging" / "build_sd_configs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_files_are_what_the_generator_writes(tmp_path):
    build = load_build_script()
    wheel = ensure_open_clip_wheel()
    written = build.build(tmp_path, wheel)
    produced = {p.relative_to(tmp_path) for p in written}
    committed = {p.relative_to(SD_CONFIGS) for p in SD_CONFIGS.rglob("*") if p.is_file()}
    assert produced == committed
    for rel in produced:
        assert (tmp_path / rel).read_bytes() == (SD_CONFIGS / rel).read_bytes(), rel
    assert build.build(tmp_path, wheel) == []  # a rerun changes nothing


def count_parameters(module) -> int:
    return sum(p.numel() for p in module.parameters())


@pytest.mark.parametrize("name", ["sd15", "sd2", "sdxl", "sd15_inpainting", "sdxl_inpainting"])
def test_config_folder_builds_every_component(name):
    import diffusers
    import transformers
    from accelerate import init_empty_weights

    folder = SD_CONFIGS / name
    index = json.loads((folder / "model_index.json").read_text())
    components = {k: v for k, v in index.items() if not k.startswith("_") and isinstance(v, list)}
    assert components.get("safety_checker", [None, None]) == [None, None]
    assert components.get("feature_extractor", [None, None]) == [None, None]

    counts = {}
    for component, (library, class_name) in components.items():
        if library is None:
            continue
        cls = getattr(diffusers if library == "diffusers" else transformers, class_name)
        sub = folder / component
        if component == "scheduler":
            scheduler = cls.from_pretrained(folder, subfolder="scheduler")
            assert scheduler.config.prediction_type == PREDICTION[name]
        elif component.startswith("tokenizer"):
            assert len(cls.from_pretrained(sub)) == 49408
        elif library == "diffusers":
            with init_empty_weights():
                counts[component] = count_parameters(cls.from_config(cls.load_config(sub)))
        else:
            with init_empty_weights():
                counts[component] = count_parameters(cls(transformers.CLIPTextConfig.from_pretrained(sub)))
    assert counts == PUBLISHED_PARAMETERS[name]


def test_pipeline_classes_accept_the_folders():
    from diffusers import StableDiffusionPipeline, StableDiffusionXLPipeline

    assert StableDiffusionPipeline.load_config(SD_CONFIGS / "sd15")["_class_name"] == "StableDiffusionPipeline"
    assert StableDiffusionPipeline.load_config(SD_CONFIGS / "sd2")["_class_name"] == "StableDiffusionPipeline"
    assert StableDiffusionXLPipeline.load_config(SD_CONFIGS / "sdxl")["_class_name"] == "StableDiffusionXLPipeline"
    vae = json.loads((SD_CONFIGS / "sdxl" / "vae" / "config.json").read_text())
    assert vae["scaling_factor"] == 0.13025 and vae["force_upcast"] is True


def test_inpainting_folders_name_their_pipelines():
    from diffusers import StableDiffusionInpaintPipeline, StableDiffusionXLInpaintPipeline

    sd15 = StableDiffusionInpaintPipeline.load_config(SD_CONFIGS / "sd15_inpainting")
    sdxl = StableDiffusionXLInpaintPipeline.load_config(SD_CONFIGS / "sdxl_inpainting")
    assert sd15["_class_name"] == "StableDiffusionInpaintPipeline"
    assert sdxl["_class_name"] == "StableDiffusionXLInpaintPipeline"
    for name in ("sd15_inpainting", "sdxl_inpainting"):
        assert json.loads((SD_CONFIGS / name / "unet" / "config.json").read_text())["in_channels"] == 9


@pytest.mark.parametrize("arch", ["sd15", "sdxl"])
def test_controlnet_config_is_the_encoder_half_of_its_unet(arch):
    """A ControlNet is a copy of its UNet's encoder: the shipped config builds the same network as
    ControlNetModel.from_unet on the shipped UNet config, with the published parameter count."""
    from accelerate import init_empty_weights
    from diffusers import ControlNetModel, UNet2DConditionModel

    with init_empty_weights():
        unet = UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(SD_CONFIGS / arch / "unet"))
        from_unet = ControlNetModel.from_unet(unet)
        shipped = ControlNetModel.from_config(ControlNetModel.load_config(SD_CONFIGS / f"controlnet_{arch}"))
    assert count_parameters(shipped) == count_parameters(from_unet) == CONTROLNET_PARAMETERS[arch]
    for key, value in from_unet.config.items():
        if not key.startswith("_"):
            wanted = list(value) if isinstance(value, tuple) else value
            got = shipped.config[key]
            assert (list(got) if isinstance(got, tuple) else got) == wanted, key
