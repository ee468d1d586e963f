"""Sampler ids the user picks, mapped to diffusers scheduler classes (names as AUTOMATIC1111 shows them)."""

from __future__ import annotations

from typing import Any

# id: (label, diffusers class name, extra config)
SCHEDULER_TABLE: dict[str, tuple[str, str, dict[str, Any]]] = {
    "dpmpp_2m": ("DPM++ 2M", "DPMSolverMultistepScheduler", {"algorithm_type": "dpmsolver++", "solver_order": 2}),
    "euler_a": ("Euler a", "EulerAncestralDiscreteScheduler", {}),
    "euler": ("Euler", "EulerDiscreteScheduler", {}),
    "ddim": ("DDIM", "DDIMScheduler", {}),
    "unipc": ("UniPC", "UniPCMultistepScheduler", {}),
    "pndm": ("PLMS", "PNDMScheduler", {"skip_prk_steps": True}),
    # Few-step models (app/generation/few_step.py). SD-Turbo and SDXL-Turbo start from the last training timestep
    # ("trailing"): the usual "leading" spacing would start a one-step model from an almost clean picture and
    # leave noise behind. LCM takes the model's own config: LCM models ship theirs; with an LCM-LoRA the base
    # model's betas are the right ones.
    "turbo": ("Turbo (Euler a)", "EulerAncestralDiscreteScheduler", {"timestep_spacing": "trailing"}),
    "lcm": ("LCM", "LCMScheduler", {}),
}


def scheduler_label(scheduler_id: str) -> str:
    return SCHEDULER_TABLE.get(scheduler_id, (scheduler_id, "", {}))[0]


# The model's own scheduler config, carried inside every scheduler made from it (a private "_" key, which diffusers
# keeps in `config` and never passes to a constructor).
MODEL_CONFIG_KEY = "_sm6_model_config"


def make_scheduler(scheduler_id: str, base_config: dict[str, Any]):
    """The scheduler `scheduler_id` on the model's own config. `base_config` may be the config of a scheduler made
    here before: each one starts again from the model's config, so one job's sampler (turbo's trailing timesteps,
    say) never leaks into the next job's and the same request always gives the same pixels."""
    import diffusers

    _, class_name, extra = SCHEDULER_TABLE[scheduler_id]
    cls = getattr(diffusers, class_name)
    original = base_config.get(MODEL_CONFIG_KEY)
    if not isinstance(original, dict):
        original = {k: v for k, v in base_config.items() if k != MODEL_CONFIG_KEY}
    scheduler = cls.from_config({**original, **extra})
    scheduler.register_to_config(**{MODEL_CONFIG_KEY: dict(original)})
    return scheduler
