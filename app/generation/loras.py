"""LoRA files on a loaded model, each with its weight, through diffusers' PEFT backend; and their A1111 prompt tags.

The adapters go into the base pipeline's UNet and text encoders. Every other pipeline of the model (img2img,
inpaint, with a ControlNet) is made by `from_pipe` and shares those very modules, so one application serves them
all. Runs on the engine's worker thread, like every other use of the pipelines.

The adapters stay unfused. Fusing (`fuse_lora`) folds them into the base weights, and unfusing subtracts them again
in floating point, so the model's own pixels would not come back exactly; keeping a copy of every touched weight
instead costs hundreds of MB on SD 1.5. Measured on the bench model (tests/fixtures/tiny_models.BENCH_SPEC, one
rank-8 LoRA on every attention projection, UNet at 256², batch 2, 2 CPU cores, best of 24 interleaved runs): no
LoRA 113 ms a step, unfused 121 ms (+7 %), fused 115 ms. A few per cent is not worth losing exactness.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import traceback
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable

from app.errors import ModelError
from app.generation.registry import LORA_FOLDER_WEIGHTS, ModelInfo
from app.messages import Msg

log = logging.getLogger(__name__)
# PEFT warns when a second adapter joins a model and when an active one is deleted: both are what apply_loras means.
warnings.filterwarnings("ignore", message="Already found a `peft_config` attribute", category=UserWarning)
warnings.filterwarnings("ignore", message="Adapter .* was active which is now deleted", category=UserWarning)

LORA_DOES_NOT_FIT = Msg(
    "generation.lora.does_not_fit",
    "The LoRA {name} does not fit {model}: it was made for a model of another shape. Remove it from the list of "
    "LoRAs, or choose the model it was made for.",
)
LORA_UNREADABLE = Msg(
    "generation.lora.unreadable",
    "The LoRA {name} could not be read: its file is missing, unreadable or damaged. Put the file back or download "
    "it again, or remove it from the list of LoRAs.",
)

MAX_TAG_PROMPT_CHARS = 20_000  # an A1111 prompt is looked at this far for tags; prompts are at most 2,000 here
MAX_TAG_NAME = 200
MAX_TAGS = 5  # request.MAX_LORAS: more tags than a request can hold are left in the prompt's text
MAX_TAG_WEIGHT = 2.0  # request.MAX_LORA_WEIGHT


@dataclass
class _State:
    """What is on a pipeline now: adapter name -> file identity, and the active (adapter, weight) list."""

    loaded: dict[str, str] = field(default_factory=dict)
    active: tuple[tuple[str, float], ...] = ()


def apply_loras(loaded: Any, uses: list[tuple[ModelInfo, float]]) -> None:
    """Put exactly `uses` (LoRA, weight) on `loaded`'s weights; an empty list (or only weight 0) gives back the
    model's own weights, exactly. Idempotent: the same set again costs nothing. Adapters of LoRAs no longer used are
    removed first. ModelError naming a LoRA that cannot be applied; the model is then left without any LoRA."""
    pipe = loaded.txt2img
    state: _State = getattr(pipe, "_sm6_loras", None) or _State()
    wanted = _wanted(uses)
    key = tuple((name, weight) for name, (_info, weight) in wanted.items())
    if key == state.active and all(state.loaded.get(name) == _identity(info) for name, (info, _) in wanted.items()):
        return
    if not wanted:
        _remove_all(pipe)
        return
    try:
        stale = [n for n in state.loaded if n not in wanted or state.loaded[n] != _identity(wanted[n][0])]
        if stale:
            pipe.delete_adapters(stale)
            for name in stale:
                del state.loaded[name]
        for name, (info, _weight) in wanted.items():
            if name not in state.loaded:
                _load(pipe, name, info, loaded.model)
                state.loaded[name] = _identity(info)
        pipe.set_adapters(list(wanted), [weight for _info, weight in wanted.values()])
    except BaseException:
        # Whatever failed, nothing half-applied stays on the weights: the next job starts from the plain model.
        _remove_all(pipe)
        raise
    state.active = key
    pipe._sm6_loras = state


def _wanted(uses: Iterable[tuple[ModelInfo, float]]) -> dict[str, tuple[ModelInfo, float]]:
    """adapter name -> (LoRA, weight) in the order given; weight 0 means "not used", and a LoRA named twice adds up
    (a LoRA's effect is linear in its weight)."""
    wanted: dict[str, tuple[ModelInfo, float]] = {}
    for info, weight in uses:
        name = _adapter_name(info)
        total = (wanted[name][1] if name in wanted else 0.0) + float(weight)
        wanted[name] = (info, total)
    return {name: use for name, use in wanted.items() if use[1] != 0.0}


def _adapter_name(info: ModelInfo) -> str:
    # By content: a renamed file is the same adapter; a file replaced in place under its old name is another one.
    return "lora_" + _identity(info)[:16]


def _identity(info: ModelInfo) -> str:
    if info.sha256:
        return info.sha256
    try:  # not hashed yet (the engine hashes before it runs; this keeps a direct caller safe): path, size and time
        stat = info.path.stat()
        marker = f"{info.path}|{stat.st_size}|{stat.st_mtime_ns}"
    except OSError:
        marker = str(info.path)
    return hashlib.sha256(marker.encode("utf-8", "surrogateescape")).hexdigest()


def _load(pipe, name: str, info: ModelInfo, model: ModelInfo) -> None:
    if info.arch and model.arch and info.arch != model.arch:
        raise ModelError(LORA_DOES_NOT_FIT(name=info.label, model=model.label), f"LoRA for {info.arch}, {model.arch}")
    try:
        # A folder (as save_lora_weights writes it): name its file, or diffusers guesses among the folder's files.
        weight_name = LORA_FOLDER_WEIGHTS if info.path.is_dir() else None
        # use_safetensors: a damaged file is refused, never retried as a pickle (diffusers' fallback otherwise)
        pipe.load_lora_weights(str(info.path), weight_name=weight_name, adapter_name=name, use_safetensors=True)
        _own_lora_weights(pipe)
    except OSError as exc:
        raise ModelError(LORA_UNREADABLE(name=info.label), traceback.format_exc()) from exc
    except Exception as exc:  # noqa: BLE001 - shapes that differ, keys of another network: the LoRA does not fit
        message = LORA_UNREADABLE if _damaged(exc) else LORA_DOES_NOT_FIT
        raise ModelError(message(name=info.label, model=model.label), traceback.format_exc()) from exc
    present = {n for names in pipe.get_list_adapters().values() for n in names}
    if name not in present:  # not one of its keys matched a layer of this model: diffusers only warns
        raise ModelError(LORA_DOES_NOT_FIT(name=info.label, model=model.label), "no LoRA key matched the model")


def _own_lora_weights(pipe) -> None:
    """The LoRA's weights out of the file's memory map into memory of our own (pipelines.own_cpu_weights says why:
    a file overwritten in place while in use would otherwise kill the app with SIGBUS at the next step)."""
    import torch

    with torch.no_grad():
        for component in (getattr(pipe, n, None) for n in ("unet", "text_encoder", "text_encoder_2")):
            if component is None:
                continue
            for param_name, param in component.named_parameters():
                if ".lora_" in param_name and param.device.type == "cpu":
                    param.data = param.detach().clone()


def _damaged(exc: Exception) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "safetensor" in text or "header" in text or "deserializ" in text


def _remove_all(pipe) -> None:
    """The model's own layers back (the PEFT wrappers come out, so no LoRA costs time after it is gone)."""
    state = getattr(pipe, "_sm6_loras", None)
    if state is not None or _has_adapters(pipe):
        pipe.unload_lora_weights()
    pipe._sm6_loras = _State()


def _has_adapters(pipe) -> bool:
    try:
        return any(pipe.get_list_adapters().values())
    except Exception:  # noqa: BLE001 - a pipeline without the LoRA mixin never had any
        return False


def active_loras(loaded: Any) -> tuple[tuple[str, float], ...]:
    """The (adapter name, weight) pairs on the model now; () for its own weights."""
    state = getattr(loaded.txt2img, "_sm6_loras", None)
    return state.active if state is not None else ()


# --- AUTOMATIC1111's prompt tags -----------------------------------------------------------------------------------


def a1111_tags(uses: Iterable[tuple[ModelInfo | str, float]]) -> str:
    """ "<lora:name:0.8> <lora:other:1>": how A1111 writes the LoRAs it used into the prompt of its `parameters`.

    The name is the LoRA's file name without ".safetensors" (its label), which is how A1111 and Civitai find a LoRA;
    the characters that would end a tag early are replaced."""
    tags = []
    for info, weight in uses:
        name = info if isinstance(info, str) else info.label
        name = re.sub(r"[<>:\r\n]", "_", name).strip() or "_"
        tags.append(f"<lora:{name}:{_weight_text(float(weight))}>")
    return " ".join(tags)


def _weight_text(weight: float) -> str:
    text = f"{round(weight, 4):g}"
    return "0" if text == "-0" else text


_TAG = re.compile(r"<lora:([^:<>\r\n]{1,%d})(?::([^<>\r\n]{0,40}))?>" % MAX_TAG_NAME, re.IGNORECASE)


def parse_a1111_tags(prompt: str) -> tuple[str, list[tuple[str, float]]]:
    """The prompt without its `<lora:name:weight>` tags, and the (name, weight) of each usable tag in order.

    For text from outside (a PNG from anywhere): only the first MAX_TAG_PROMPT_CHARS characters are read, names
    are capped, a tag without a weight means 1 (A1111's default), a weight that is not a number in -2..2 drops that
    tag, a LoRA named twice counts once (the first), and at most MAX_TAGS are taken."""
    text = prompt[:MAX_TAG_PROMPT_CHARS]
    found: list[tuple[str, float]] = []

    def take(match: re.Match) -> str:
        name = match.group(1).strip()
        weight = _parse_weight(match.group(2))
        if len(found) >= MAX_TAGS:
            return match.group(0)
        if name and weight is not None and all(n != name for n, _ in found):
            found.append((name, weight))
        return " "

    cleaned = _TAG.sub(take, text)
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned)
    cleaned = re.sub(r" +([,.;])", r"\1", cleaned)
    cleaned = re.sub(r"(,\s*){2,}", ", ", cleaned)
    return cleaned.strip().strip(",").strip(), found


def _parse_weight(text: str | None) -> float | None:
    if text is None or not text.strip():
        return 1.0
    first = text.split(":", 1)[0].strip()  # "<lora:name:0.8:0.5>": A1111's text-encoder weight comes first
    if len(first) > 12:
        return None
    try:
        weight = float(first)
    except ValueError:
        return None
    if not math.isfinite(weight) or abs(weight) > MAX_TAG_WEIGHT:
        return None
    return weight
