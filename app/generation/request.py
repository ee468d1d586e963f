"""What the user asked for, validated once, serialisable to JSON so a design can be reproduced."""

from __future__ import annotations

import dataclasses
import json
import secrets
from dataclasses import dataclass, field
from typing import Any, Literal

from app.errors import RequestError
from app.generation import messages as msgs

Source = Literal["none", "base", "design", "picture"]

# "turbo": Euler a on trailing timesteps (SD-Turbo, SDXL-Turbo); "lcm": the LCM scheduler (LCM models, LCM-LoRA)
SCHEDULERS = ("dpmpp_2m", "euler_a", "euler", "ddim", "unipc", "pndm", "turbo", "lcm")
VIEWS = ("side", "front34", "rear34")  # the base artwork's views (app/generation/base_art.py)
# "body": repaint the car, keep the scene; "scene": keep the car, repaint the scene (the body mask of the view)
MASKS = ("none", "body", "scene")
HINTS = ("edges", "depth")  # what a ControlNet is given: line art of the starting picture, or a depth-like map
DECODERS = ("vae", "taesd")  # the final decoder: the model's own VAE, or TAESD (fast, a little softer)
MAX_LORAS = 5
MAX_LORA_WEIGHT = 2.0
MAX_CONTROL_STRENGTH = 2.0
MIN_SIDE, MAX_SIDE = 64, 2048
MAX_BATCH = 8
MAX_PASS = 16  # images denoised together in one pass of a server's model (app/generation/shared_pass.py)
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
    # "base": the SM6 artwork in `view`, "design": an earlier design (refine), "picture": a sketch or photo the person
    # loaded, kept by content hash in the picture store (app/generation/pictures.py) so Verify can find it again
    source: Source = "none"
    source_design_id: str | None = None
    strength: float = 0.6  # img2img denoise; the UI shows "keep the SM6 shape" = 1 - strength
    model_id: str = ""
    view: str = "side"
    mask: str = "none"  # needs source "base": the mask is the view's body mask
    source_picture: str = ""  # sha256 of the loaded picture, with source "picture"
    control_model: str = ""  # a ControlNet's id (registry kind "controlnet"); empty: no ControlNet
    control_strength: float = 1.0  # controlnet_conditioning_scale
    control_hint: str = "edges"
    loras: tuple[tuple[str, float], ...] = ()  # (LoRA id, weight), applied in this order
    decoder: str = ""  # "" until submitted: the engine fills in the setting; then "vae" or "taesd"
    # The pass this image was denoised in, on a server that joins visitors' images into one pass: how many rows it
    # had and which was this one. A row's pixels depend on both (not on the other rows' prompts), so Verify
    # regenerates it exactly in a pass of that many copies. 1, 0: a pass of its own, as everywhere else.
    pass_size: int = 1
    pass_row: int = 0

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
        if self.source == "design" and not self.source_design_id:
            raise RequestError(msgs.NO_DESIGN_TO_REFINE())
        if self.source != "none" and not 0.05 <= self.strength <= 1.0:
            raise RequestError(msgs.STRENGTH_OUT_OF_RANGE())
        size, row = self.pass_size, self.pass_row
        if not (type(size) is int and type(row) is int and 1 <= size <= MAX_PASS and 0 <= row < size):
            raise RequestError(msgs.PASS_OUT_OF_RANGE(max_pass=MAX_PASS))
        if self.seed is not None and not 0 <= self.seed <= MAX_SEED:
            raise RequestError(msgs.SEED_OUT_OF_RANGE(max_seed=MAX_SEED))
        self._validate_guidance()
        return self

    def _validate_guidance(self) -> None:
        if self.source not in ("none", "base", "design", "picture"):
            raise RequestError(msgs.UNKNOWN_SOURCE(source=self.source))
        if self.view not in VIEWS:
            raise RequestError(msgs.UNKNOWN_VIEW(view=str(self.view)[:40], choices=", ".join(VIEWS)))
        if self.mask not in MASKS:
            raise RequestError(msgs.UNKNOWN_MASK(mask=str(self.mask)[:40], choices=", ".join(MASKS)))
        if self.mask != "none" and self.source != "base":
            raise RequestError(msgs.MASK_NEEDS_BASE())
        if self.source == "picture" and not self.source_picture:
            raise RequestError(msgs.NO_PICTURE_LOADED())
        if self.control_hint not in HINTS:
            raise RequestError(msgs.UNKNOWN_HINT(hint=str(self.control_hint)[:40], choices=", ".join(HINTS)))
        if self.control_model and not 0.0 <= self.control_strength <= MAX_CONTROL_STRENGTH:
            raise RequestError(msgs.CONTROL_STRENGTH_OUT_OF_RANGE(max_strength=MAX_CONTROL_STRENGTH))
        if self.decoder not in ("", *DECODERS):
            raise RequestError(msgs.UNKNOWN_DECODER(decoder=str(self.decoder)[:40]))
        if len(self.loras) > MAX_LORAS:
            raise RequestError(msgs.TOO_MANY_LORAS(max_loras=MAX_LORAS))
        for name, weight in self.loras:
            if not -MAX_LORA_WEIGHT <= weight <= MAX_LORA_WEIGHT:
                raise RequestError(msgs.LORA_WEIGHT_OUT_OF_RANGE(name=name, max_weight=MAX_LORA_WEIGHT))

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
        values = dataclasses.asdict(self)
        if self.pass_size == 1 and self.pass_row == 0:  # a pass of its own: recorded as before passes were shared
            del values["pass_size"], values["pass_row"]
        return values

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "GenerationRequest":
        """A request from JSON (a PNG's, the library's, a token's, a generation server's); RequestError for values of
        the wrong kind, checked by each field's annotation: a prompt that is a number would only fail later, deep in
        a view. Unknown keys are ignored (a newer version may add fields); bool is never a valid number here."""
        values = {k: v for k, v in data.items() if k in _KINDS}
        for key, value in values.items():
            kinds = _KINDS[key]
            if kinds and (isinstance(value, bool) or not isinstance(value, kinds)):
                raise RequestError(msgs.DAMAGED_SETTINGS(), f"{key} is {type(value).__name__}")
            if isinstance(value, int) and float in kinds and not fits_a_float(value):
                raise RequestError(msgs.DAMAGED_SETTINGS(), f"{key} is a number of {len(str(value))} digits")
        if "loras" in values:
            values["loras"] = _loras(values["loras"])
        return cls(**values)


def fits_a_float(value: int | float) -> bool:
    """False for NaN, infinity and a whole number past any float: a 400-digit number is valid JSON."""
    return -1e300 < value < 1e300


def _kinds(annotation: str) -> tuple[type, ...]:
    """What JSON may carry for a field annotated `annotation` (a float field takes a whole number too); () for the
    fields checked on their own (the LoRA list)."""
    kinds = {"str": str, "int": int, "float": (int, float), "None": type(None), "Source": str}
    if annotation.startswith("tuple"):
        return ()
    found: list[type] = []
    for part in annotation.split("|"):
        kind = kinds[part.strip()]
        found.extend(kind if isinstance(kind, tuple) else (kind,))
    return tuple(found)


_KINDS = {f.name: _kinds(str(f.type)) for f in dataclasses.fields(GenerationRequest)}


def _loras(value: Any) -> tuple[tuple[str, float], ...]:
    """JSON's [[name, weight], ...] as the request's tuple; anything else is refused in words."""
    if not isinstance(value, (list, tuple)) or len(value) > MAX_LORAS:
        raise RequestError(msgs.BAD_LORA_LIST())
    out = []
    for item in value:
        if not (isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[0], str) and item[0]):
            raise RequestError(msgs.BAD_LORA_LIST())
        weight = item[1]
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not fits_a_float(weight):
            raise RequestError(msgs.BAD_LORA_LIST())  # NaN, infinity or a whole number past any float too
        out.append((item[0][:200], float(weight)))
    return tuple(out)


@dataclass(frozen=True)
class ComposedPrompt:
    positive: str
    negative: str
    preset_label: str = ""
    extras: dict[str, Any] = field(default_factory=dict)
