"""Few-step models (SD-Turbo, SDXL-Turbo, LCM, LCM-LoRA): recognising them and the settings they need.

They are distilled to denoise in one step (turbo) or four (LCM), and they need their own sampler and almost no
guidance: at the usual 25 steps and guidance 7 they paint burnt, oversaturated pictures. Recognising them needs no
torch: the name, the safetensors `__metadata__`, and for a diffusers folder its scheduler config.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from app.generation.registry import ModelInfo

TURBO, LCM = "turbo", "lcm"
SPEEDS = (TURBO, LCM)
# Texts in a .safetensors header that name what a model is (ModelSpec's and kohya sd-scripts' keys).
_METADATA_KEYS = (
    "modelspec.title",
    "modelspec.architecture",
    "modelspec.description",
    "modelspec.usage_hint",
    "ss_output_name",
    "ss_training_comment",
)
MAX_TEXT = 2000  # a header text is looked at this far: the words that matter come first
_TURBO = re.compile(r"turbo")
# "lcm" as a word of its own ("lcm-lora-sdv1-5", "LCM_Dreamshaper_v7"), and the full name in descriptions
_LCM = re.compile(r"(?<![a-z])lcm(?![a-z])|latent[ _-]consistency")
# Other distilled families also run on trailing timesteps but with their own step counts: not turbo.
_OTHER_DISTILLED = re.compile(r"lightning|hyper")


@dataclass(frozen=True)
class FewStepDefaults:
    steps: int
    guidance: float
    scheduler: str  # a request.SCHEDULERS id


# The published recommendations: SD-Turbo / SDXL-Turbo run one step without guidance (stabilityai/sd-turbo model
# card); LCM models and LCM-LoRA run 4 steps with guidance 1 (i.e. none: classifier-free guidance starts above 1).
DEFAULTS = {TURBO: FewStepDefaults(1, 0.0, "turbo"), LCM: FewStepDefaults(4, 1.0, "lcm")}


def speed_from(name: str, metadata: dict[str, str], scheduler_class: str | None = None) -> str:
    """The speed, "turbo", "lcm" or "", of a model named `name` with safetensors `metadata` (for a diffusers folder: its
    scheduler config's values as texts, under "scheduler.<key>"), whose scheduler class is `scheduler_class`.

    Published LCM models ship an LCMScheduler config; SD-Turbo and SDXL-Turbo folders ship an Euler scheduler on
    "trailing" timesteps (it starts at the last training step, which a one-step model needs). Single files carry no
    scheduler, and the published LCM-LoRA files carry no words about themselves: there the name is what tells.
    """
    if scheduler_class == "LCMScheduler" or metadata.get("scheduler._class_name") == "LCMScheduler":
        return LCM
    texts = [name.lower()[:MAX_TEXT], *(str(metadata.get(key, ""))[:MAX_TEXT].lower() for key in _METADATA_KEYS)]
    if any(_TURBO.search(text) for text in texts):
        return TURBO
    if any(_LCM.search(text) for text in texts):
        return LCM
    if metadata.get("scheduler.timestep_spacing") == "trailing" and not _OTHER_DISTILLED.search(texts[0]):
        return TURBO
    return ""


def defaults_for(model: "ModelInfo", loras: Iterable["ModelInfo"] = ()) -> FewStepDefaults | None:
    """The steps, guidance and sampler a few-step model (or a model with an LCM-LoRA) needs; None for a model that
    runs with the person's own settings. A few-step checkpoint decides over the LoRAs added to it."""
    speed = getattr(model, "speed", "")
    if speed in DEFAULTS:
        return DEFAULTS[speed]
    if any(getattr(lora, "speed", "") == LCM for lora in loras):
        return DEFAULTS[LCM]
    return None
