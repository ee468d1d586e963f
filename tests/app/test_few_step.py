"""Few-step models: SD-Turbo / SDXL-Turbo, LCM models and LCM-LoRA are recognised (folders, single files, LoRAs)
with the settings they need, and their samplers run the steps they are made for."""

from __future__ import annotations

import dataclasses
import json
import shutil

import numpy as np
import pytest
from PIL import Image
from safetensors.torch import load_file, save_file

from app.generation import events as ev
from app.generation.few_step import FewStepDefaults, defaults_for, speed_from
from app.generation.registry import ModelRegistry
from app.generation.schedulers import make_scheduler, scheduler_label
from tests.app.engine_helpers import make_engine, quick_request
from tests.fixtures.tiny_models import export_single_file

TURBO = FewStepDefaults(1, 0.0, "turbo")
LCM = FewStepDefaults(4, 1.0, "lcm")


@pytest.mark.parametrize(
    "name, metadata, scheduler_class, speed",
    [
        ("sd_xl_turbo_1.0_fp16.safetensors", {}, None, "turbo"),
        ("sd-turbo", {}, None, "turbo"),
        ("my-model.safetensors", {"modelspec.title": "SDXL Turbo 1.0"}, None, "turbo"),
        ("my-model.safetensors", {"modelspec.architecture": "stable-diffusion-v2-1/turbo"}, None, "turbo"),
        ("LCM_Dreamshaper_v7", {}, None, "lcm"),
        ("lcm-lora-sdv1-5.safetensors", {}, None, "lcm"),
        ("style.safetensors", {"ss_training_comment": "Latent Consistency distilled"}, None, "lcm"),
        ("dreamshaper", {}, "LCMScheduler", "lcm"),
        ("dreamshaper", {"scheduler._class_name": "LCMScheduler"}, None, "lcm"),
        ("published-sd-turbo-folder", {"scheduler.timestep_spacing": "trailing"}, "EulerDiscreteScheduler", "turbo"),
        ("sdxl-lightning-4step", {"scheduler.timestep_spacing": "trailing"}, None, ""),
        ("dreamshaper-8", {"scheduler.timestep_spacing": "leading"}, "PNDMScheduler", ""),
        ("realcmodel", {}, None, ""),  # "lcm" inside another word is not LCM
        ("sd15.safetensors", {"modelspec.title": "x" * 5000 + " turbo"}, None, ""),  # past the looked-at length
    ],
)
def test_speed_is_read_from_names_metadata_and_scheduler(name, metadata, scheduler_class, speed):
    assert speed_from(name, metadata, scheduler_class) == speed


def _speeds(models_dir) -> dict[str, tuple[str, str]]:
    registry = ModelRegistry([models_dir])
    return {m.path.name: (m.kind, m.speed) for m in registry.scan() if m.usable}


def _scheduler_config(folder, **changes) -> None:
    path = folder / "scheduler" / "scheduler_config.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))


def test_the_registry_finds_few_step_folders_single_files_and_lcm_loras(
    tiny_sd15, tiny_sd15_master, tiny_lora, tiny_lora_masters, models_dir
):
    shutil.copytree(tiny_sd15_master, models_dir / "tiny-sd-turbo")  # by name, as the published folder is named
    trailing = shutil.copytree(tiny_sd15_master, models_dir / "published-folder")
    _scheduler_config(trailing, _class_name="EulerDiscreteScheduler", timestep_spacing="trailing")
    lcm = shutil.copytree(tiny_sd15_master, models_dir / "dreamshaper-distilled")
    _scheduler_config(lcm, _class_name="LCMScheduler", original_inference_steps=50)
    single = export_single_file(tiny_sd15_master, models_dir / "my-checkpoint.safetensors")
    tensors = load_file(str(single))
    save_file(tensors, str(single), metadata={"modelspec.title": "SD-Turbo (distilled)"})
    shutil.copy2(tiny_lora_masters / "lcm-lora-tiny.safetensors", tiny_lora.parent / "lcm-lora-tiny.safetensors")
    assert _speeds(models_dir) == {
        "tiny-sd15": ("checkpoint", ""),
        "tiny-sd-turbo": ("checkpoint", "turbo"),
        "published-folder": ("checkpoint", "turbo"),
        "dreamshaper-distilled": ("checkpoint", "lcm"),
        "my-checkpoint.safetensors": ("checkpoint", "turbo"),
        "tiny-style.safetensors": ("lora", ""),
        "lcm-lora-tiny.safetensors": ("lora", "lcm"),
    }


def test_defaults_follow_the_model_then_an_lcm_lora(tiny_sd15, tiny_lora, tiny_lora_masters, models_dir):
    shutil.copy2(tiny_lora_masters / "lcm-lora-tiny.safetensors", tiny_lora.parent / "lcm-lora-tiny.safetensors")
    registry = ModelRegistry([models_dir])
    registry.scan()
    plain = registry.get("tiny-sd15")
    loras = {m.path.stem: m for m in registry.addons("lora")}
    assert defaults_for(plain) is None
    assert defaults_for(plain, [loras["tiny-style"]]) is None
    assert defaults_for(plain, [loras["tiny-style"], loras["lcm-lora-tiny"]]) == LCM
    turbo = dataclasses.replace(plain, speed="turbo")
    assert defaults_for(turbo) == TURBO
    assert defaults_for(turbo, [loras["lcm-lora-tiny"]]) == TURBO  # the checkpoint's own nature decides


def test_the_turbo_sampler_starts_at_the_last_training_step_and_lcm_takes_the_models_config(tiny_sd15_master):
    base = json.loads((tiny_sd15_master / "scheduler" / "scheduler_config.json").read_text())
    turbo = make_scheduler("turbo", base)
    turbo.set_timesteps(1)
    assert type(turbo).__name__ == "EulerAncestralDiscreteScheduler" and turbo.timesteps.tolist() == [999]
    lcm = make_scheduler("lcm", {**base, "_class_name": "LCMScheduler", "original_inference_steps": 50})
    lcm.set_timesteps(4)
    assert type(lcm).__name__ == "LCMScheduler" and len(lcm.timesteps) == 4
    assert lcm.config.beta_schedule == base["beta_schedule"]
    assert scheduler_label("turbo") == "Turbo (Euler a)" and scheduler_label("lcm") == "LCM"


def test_turbo_runs_one_step_and_lcm_with_its_lora_four_and_neither_changes_later_jobs(
    tiny_sd15, tiny_lora, tiny_lora_masters, models_dir, isolated_dirs
):
    shutil.copy2(tiny_lora_masters / "lcm-lora-tiny.safetensors", tiny_lora.parent / "lcm-lora-tiny.safetensors")
    engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])

    def pixels(done):
        return np.asarray(Image.open(done.designs[0].image_path).convert("RGB"))

    try:
        lcm_lora = next(m.id for m in engine.addons("lora") if m.speed == "lcm")
        before = pixels(rec.wait_job(engine.submit(quick_request(scheduler="dpmpp_2m")).id))
        for changes, steps in (
            (dict(scheduler="turbo", steps=1, guidance=0.0), 1),
            (dict(scheduler="lcm", steps=4, guidance=1.0, loras=((lcm_lora, 1.0),)), 4),
        ):
            job = engine.submit(quick_request(**changes))
            done = rec.wait_job(job.id)
            assert isinstance(done, ev.JobFinished), getattr(done, "message", done)
            assert [e.job.step for e in rec.of(ev.StepProgress) if e.job.id == job.id] == list(range(1, steps + 1))
        # the few-step samplers' settings stay with their own jobs: the first request gives its pixels again
        assert np.array_equal(pixels(rec.wait_job(engine.submit(quick_request(scheduler="dpmpp_2m")).id)), before)
    finally:
        engine.shutdown()
        library.close()
