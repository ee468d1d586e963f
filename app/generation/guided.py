"""Shape guidance for one request: which pipeline mode runs, with which starting picture, mask and ControlNet hint;
which ControlNet and LoRAs a request names (resolved in the registry, refused in words); and how the guidance is
recorded in the PNG (our JSON and A1111's `parameters`).

Masks follow diffusers: white is repainted. "body" repaints the car and keeps the scene, "scene" the reverse. After
a masked generation the kept part is pasted back from the starting picture through a slightly feathered mask (as
A1111 does), so what the person chose to keep comes back pixel for pixel, with a 4-channel or a 9-channel model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PIL import Image, ImageChops, ImageFilter

from app.errors import RequestError
from app.generation.checkpoint import ARCH_LABELS
from app.generation.registry import ModelInfo
from app.generation.request import GenerationRequest
from app.messages import Msg

CONTROL_GONE = Msg(
    "generation.guidance.control_gone",
    "The ControlNet {name} is no longer in the models folder. Choose another ControlNet, or generate without one.",
)
NOT_A_CONTROLNET = Msg(
    "generation.guidance.not_a_controlnet",
    "{name} is not a ControlNet. Choose a ControlNet from the list, or generate without one.",
)
CONTROL_OTHER_FAMILY = Msg(
    "generation.guidance.control_other_family",
    "The ControlNet {name} is made for {family} models, but {model} is an {model_family} model. Choose a ControlNet "
    "for {model_family}, or generate without one.",
)
LORA_GONE = Msg(
    "generation.guidance.lora_gone",
    "The LoRA {name} is no longer in the models folder. Remove it from the list, or put it back in the models folder.",
)
NOT_A_LORA = Msg("generation.guidance.not_a_lora", "{name} is not a LoRA. Remove it from the list of LoRAs.")
LORA_OTHER_FAMILY = Msg(
    "generation.guidance.lora_other_family",
    "The LoRA {name} is made for {family} models, but {model} is an {model_family} model. Remove it from the list, "
    "or choose an {family} model.",
)

NEUTRAL_GREY = (128, 128, 128)  # what an inpainting model "starts from" when it is asked for a new picture
A1111_MODULES = {"edges": "canny", "depth": "depth"}  # sd-webui-controlnet's preprocessor names


@dataclass(frozen=True)
class Addons:
    """The registry entries a request's ControlNet and LoRAs name, resolved for the model it runs on."""

    control: ModelInfo | None = None
    loras: tuple[tuple[ModelInfo, float], ...] = ()

    def hashed(self, ensure_hash: Callable[[ModelInfo], ModelInfo]) -> "Addons":
        control = ensure_hash(self.control) if self.control is not None else None
        return Addons(control, tuple((ensure_hash(info), weight) for info, weight in self.loras))


def _family(arch: str | None) -> str:
    return ARCH_LABELS.get(arch or "", "Unknown")


def resolve_addons(get: Callable[[str], ModelInfo | None], model: ModelInfo, request: GenerationRequest) -> Addons:
    """The ControlNet and LoRAs of `request` for `model`; RequestError naming the first one that is gone, unusable,
    of another kind, or made for another model family."""
    control = None
    if request.control_model:
        control = _addon(get, request.control_model, "controlnet", model, CONTROL_GONE, NOT_A_CONTROLNET)
        if control.arch != model.arch:
            raise RequestError(_other_family(CONTROL_OTHER_FAMILY, control, model))
    loras = []
    for name, weight in request.loras:
        info = _addon(get, name, "lora", model, LORA_GONE, NOT_A_LORA)
        if info.arch != model.arch:
            raise RequestError(_other_family(LORA_OTHER_FAMILY, info, model))
        loras.append((info, float(weight)))
    return Addons(control, tuple(loras))


def _addon(get, name: str, kind: str, model: ModelInfo, gone: Msg, wrong_kind: Msg) -> ModelInfo:
    info = get(name)
    shown = name[:80]
    if info is None:
        raise RequestError(gone(name=shown))
    if getattr(info, "kind", "checkpoint") != kind:
        raise RequestError(wrong_kind(name=info.label))
    if not info.usable:
        raise RequestError(info.error_msg or info.error or gone(name=info.label))
    return info


def _other_family(message: Msg, info: ModelInfo, model: ModelInfo):
    return message(name=info.label, family=_family(info.arch), model=model.label, model_family=_family(model.arch))


@dataclass
class Inputs:
    """What one request gives the pipeline."""

    mode: str  # "txt2img" | "img2img" | "inpaint" (an inpainting checkpoint runs all three as inpaint)
    init: Image.Image | None = None  # the starting picture
    mask: Image.Image | None = None  # "L", white = repaint
    strength: float = 1.0
    control_image: Image.Image | None = None
    overlay: bool = False  # paste the kept part of `init` back after decoding


def body_mask(request: GenerationRequest) -> Image.Image | None:
    """The request's mask at its size ("body": the car white; "scene": the reverse), or None."""
    if request.mask == "none":
        return None
    from app.generation import base_art

    mask = base_art.render_mask(request.width, request.height, request.view)
    return ImageChops.invert(mask) if request.mask == "scene" else mask


def plan(request: GenerationRequest, start: Image.Image | None, inpainting: bool, control: bool) -> Inputs:
    """Mode and inputs for `request`, whose starting picture (base artwork, design or loaded picture) is `start`."""
    size = (request.width, request.height)
    mask = body_mask(request) if start is not None else None
    if mask is not None:
        inputs = Inputs("inpaint", start, mask, request.strength, overlay=True)
    elif start is not None:
        inputs = Inputs("img2img", start, strength=request.strength)
        if inpainting:  # a 9-channel model img2imgs through its inpaint pipeline: everything may change
            inputs.mode, inputs.mask = "inpaint", Image.new("L", size, 255)
    else:
        inputs = Inputs("txt2img")
        if inpainting:
            inputs = Inputs("inpaint", Image.new("RGB", size, NEUTRAL_GREY), Image.new("L", size, 255), 1.0)
    if control:
        inputs.control_image = control_hint(request, start)
    return inputs


def control_hint(request: GenerationRequest, start: Image.Image | None) -> Image.Image:
    """What the ControlNet is given: the hint of the base artwork of the view (also with no starting picture), or of
    the loaded picture or design it starts from."""
    from app.generation import hints

    if request.source in ("base", "none") or start is None:
        return hints.base_hint(request.control_hint, request.view, request.width, request.height)
    return hints.picture_hint(request.control_hint, start)


def pipeline_kwargs(inputs: Inputs, request: GenerationRequest, control_strength: float | None) -> dict:
    """The pipeline call's image arguments for `inputs` (diffusers names them differently per pipeline)."""
    kwargs: dict = {"width": request.width, "height": request.height}
    if inputs.mode == "txt2img":
        if control_strength is not None:
            kwargs["image"] = inputs.control_image
    else:
        kwargs.update(image=inputs.init, strength=inputs.strength)
        if inputs.mode == "inpaint":
            kwargs["mask_image"] = inputs.mask
        else:
            del kwargs["width"], kwargs["height"]  # img2img takes its size from the image
        if control_strength is not None:
            kwargs["control_image"] = inputs.control_image
    if control_strength is not None:
        kwargs["controlnet_conditioning_scale"] = control_strength
    return kwargs


def overlay(generated: Image.Image, inputs: Inputs) -> Image.Image:
    """The generated picture where the mask repaints, the starting picture where it keeps (edge feathered)."""
    if not inputs.overlay or inputs.init is None or inputs.mask is None:
        return generated
    radius = max(1.0, min(generated.size) / 256)  # about 2 px at 512², so the seam does not show
    soft = inputs.mask.filter(ImageFilter.GaussianBlur(radius))
    return Image.composite(generated, inputs.init.convert("RGB"), soft)


# ----- provenance -----
def guidance_meta(request: GenerationRequest, addons: Addons) -> dict:
    """meta["guidance"] of the PNG: what shaped the picture beyond the prompt, with content hashes."""
    control = addons.control
    return {
        "view": request.view,
        "mask": request.mask,
        "source_picture": request.source_picture if request.source == "picture" else "",
        "control": None
        if control is None
        else {
            "name": control.label,
            "sha256": control.sha256,
            "strength": request.control_strength,
            "hint": request.control_hint,
        },
        "loras": [{"name": info.label, "sha256": info.sha256, "weight": weight} for info, weight in addons.loras],
        "decoder": request.decoder or "vae",
    }


def a1111_control(request: GenerationRequest, addons: Addons) -> str | None:
    """sd-webui-controlnet's `ControlNet 0` value, or None without a ControlNet."""
    control = addons.control
    if control is None:
        return None
    model = f"{control.label} [{control.short_hash}]" if control.short_hash else control.label
    module = A1111_MODULES.get(request.control_hint, request.control_hint)
    return f"Module: {module}, Model: {model}, Weight: {request.control_strength:g}"


def lora_tags(addons: Addons) -> str:
    """The `<lora:name:weight>` tags A1111 writes into the prompt ("" without LoRAs)."""
    from app.generation.loras import a1111_tags

    return a1111_tags(addons.loras)
