"""What the user asked for, validated once, serialisable to JSON so a design can be reproduced."""

from __future__ import annotations

import dataclasses
import json
import secrets
from dataclasses import dataclass, field
from typing import Any, Literal

from app.errors import RequestError
from app.generation import messages as msgs

Source = Literal["none", "base", "design"]

SCHEDULERS = ("dpmpp_2m", "euler_a", "euler", "ddim", "unipc", "pndm")
MIN_SIDE, MAX_SIDE = 64, 2048
MAX_BATCH = 8
MAX_STEPS = 150
MAX_PROMPT_CHARS = 2000
MAX_SEED = 2**32 - 1


@dataclass(frozen=True)
class GenerationRequest:
    prompt: str
    preset: str = ""
    negative_prompt: str = ""
    seed: int | None = None  # None: a random seed is drawn when the job is queued
    steps: int = 25
    guidance: float = 7.0
    width: int = 512
    height: int = 512
    batch: int = 1  # variations use consecutive seeds
    scheduler: str = "dpmpp_2m"
    source: Source = "none"  # "base": the SM6 artwork, "design": an earlier design (refine)
    source_design_id: str | None = None
    strength: float = 0.6  # img2img denoise; the UI shows "keep the SM6 shape" = 1 - strength
    model_id: str = ""

    def validate(self) -> "GenerationRequest":
        """Raise RequestError with a plain-language message for anything that cannot run."""
        if not self.prompt.strip():
            raise RequestError(msgs.PROMPT_EMPTY())
        if len(self.prompt) > MAX_PROMPT_CHARS:
            raise RequestError(msgs.PROMPT_TOO_LONG(count=len(self.prompt), max_prompt_chars=MAX_PROMPT_CHARS))
        for name, value in ((msgs.WIDTH(), self.width), (msgs.HEIGHT(), self.height)):
            if not isinstance(value, int) or value < MIN_SIDE or value > MAX_SIDE:
                raise RequestError(msgs.SIDE_OUT_OF_RANGE(name=name, min_side=MIN_SIDE, max_side=MAX_SIDE, value=value))
            if value % 8:
                lower, upper = value - value % 8, value - value % 8 + 8
                raise RequestError(msgs.SIDE_NOT_MULTIPLE_OF_8(name=name, lower=lower, upper=upper, value=value))
        if not 1 <= self.steps <= MAX_STEPS:
            raise RequestError(msgs.STEPS_OUT_OF_RANGE(max_steps=MAX_STEPS, steps=self.steps))
        if not 0.0 <= self.guidance <= 30.0:
            raise RequestError(msgs.GUIDANCE_OUT_OF_RANGE(guidance=self.guidance))
        if not 1 <= self.batch <= MAX_BATCH:
            raise RequestError(msgs.BATCH_OUT_OF_RANGE(max_batch=MAX_BATCH, batch=self.batch))
        if self.scheduler not in SCHEDULERS:
            raise RequestError(msgs.UNKNOWN_SAMPLER(scheduler=self.scheduler, choices=", ".join(SCHEDULERS)))
        if self.source not in ("none", "base", "design"):
            raise RequestError(msgs.UNKNOWN_SOURCE(source=self.source))
        if self.source == "design" and not self.source_design_id:
            raise RequestError(msgs.NO_DESIGN_TO_REFINE())
        if self.source != "none" and not 0.05 <= self.strength <= 1.0:
            raise RequestError(msgs.STRENGTH_OUT_OF_RANGE())
        if self.seed is not None and not 0 <= self.seed <= MAX_SEED:
            raise RequestError(msgs.SEED_OUT_OF_RANGE(max_seed=MAX_SEED))
        return self

    def with_seed(self) -> "GenerationRequest":
        """A copy whose seed is concrete, so the job can be reproduced exactly."""
        if self.seed is not None:
            return self
        return dataclasses.replace(self, seed=secrets.randbelow(MAX_SEED - MAX_BATCH))

    def runnable(self) -> "GenerationRequest":
        """The request as it will run. img2img denoises int(steps × strength) times (diffusers' rule), so few steps
        at a low strength (a high "Keep the shape") would run none at all and fail; the steps are raised to the
        fewest that run one denoising step, and the design records the steps that actually ran."""
        if self.source == "none" or not 0.0 < self.strength <= 1.0:
            return self
        steps = self.steps
        while int(steps * self.strength) < 1 and steps < MAX_STEPS:
            steps += 1
        return self if steps == self.steps else dataclasses.replace(self, steps=steps)

    def seeds(self) -> list[int]:
        base = self.seed if self.seed is not None else 0
        return [(base + i) % (MAX_SEED + 1) for i in range(self.batch)]

    def replace(self, **changes: Any) -> "GenerationRequest":
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "GenerationRequest":
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class ComposedPrompt:
    positive: str
    negative: str
    preset_label: str = ""
    extras: dict[str, Any] = field(default_factory=dict)
