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
}


def scheduler_label(scheduler_id: str) -> str:
    return SCHEDULER_TABLE.get(scheduler_id, (scheduler_id, "", {}))[0]


def make_scheduler(scheduler_id: str, base_config: dict[str, Any]):
    import diffusers

    _, class_name, extra = SCHEDULER_TABLE[scheduler_id]
    cls = getattr(diffusers, class_name)
    return cls.from_config({**base_config, **extra})
