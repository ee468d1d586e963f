"""Recognising LoRA and ControlNet files from their safetensors header (key names and shapes), never the name.

LoRAs come in the kohya/A1111 layout (`lora_unet_….lora_down.weight`, `lora_te_…`, SDXL `lora_te1_`/`lora_te2_`)
and the diffusers/PEFT layouts (`unet.….lora.down.weight`, `….lora_A.weight`, `text_encoder.…`). ControlNets come
as one file in the original layout (`control_model.…`) or the diffusers layout (`controlnet_cond_embedding.…`). The
family (SD 1.x, SD 2.x, SDXL) follows from the width of the cross-attention keys: 768, 1024 or 2048.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.errors import ModelError
from app.messages import Msg

CROSS_ATTENTION_ARCH = {768: "sd15", 1024: "sd2", 2048: "sdxl"}
TEXT_WIDTH_ARCH = {768: "sd15", 1024: "sd2"}
MAX_LORA_RANK = 4096  # published LoRAs use 4..256; a bigger "rank" is a damaged or hostile header

LORA_UNKNOWN_FAMILY = Msg(
    "model.lora_unknown_family",
    "{name} is a LoRA, but SM6 Studio cannot tell whether it is for SD 1.x, SD 2.x or SDXL, so it is not offered. "
    "Use a LoRA made for one of them.",
)
LORA_LYCORIS = Msg(
    "model.lora_lycoris",
    "{name} is a LyCORIS file (LoHa, LoKr or OFT), which SM6 Studio cannot apply. Use a plain LoRA (.safetensors).",
)
LORA_MIXED_LAYOUTS = Msg(
    "model.lora_mixed_layouts",
    "{name} mixes two LoRA layouts (kohya and diffusers) in one file, so it is damaged or half converted. Download "
    "it again.",
)
LORA_BAD_SHAPES = Msg(
    "model.lora_bad_shapes",
    "{name} is a LoRA whose weights do not fit together, so it is damaged. Download it again.",
)
LORA_MIXED_FAMILIES = Msg(
    "model.lora_mixed_families",
    "{name} is a LoRA whose parts belong to different model families, so it is damaged. Download it again.",
)
CONTROLNET_NO_GUIDE_INPUT = Msg(
    "model.controlnet_no_guide_input",
    "{name} looks like a ControlNet but has no guide input (its conditioning layers are missing), so it is damaged "
    "or not a ControlNet. Download it again.",
)
CONTROLNET_UNKNOWN_FAMILY = Msg(
    "model.controlnet_unknown_family",
    "{name} is a ControlNet, but SM6 Studio cannot tell whether it is for SD 1.x, SD 2.x or SDXL, so it is not "
    "offered. Use a ControlNet made for one of them.",
)

CONTROLNET_MIXED_FAMILIES = Msg(
    "model.controlnet_mixed_families",
    "{name} is a ControlNet whose parts belong to different model families, so it is damaged. Download it again.",
)
CONTROLNET_BAD_CONFIG = Msg(
    "model.controlnet_bad_config",
    "{name} is damaged: its config.json does not give the ControlNet's cross-attention width as a number. Copy the "
    "whole folder again.",
)
CONTROLNET_PICKLED = Msg(
    "model.controlnet_pickled",
    "{name} only has pickled .bin weights, which SM6 Studio does not load because pickle files can run code. Use "
    "its .safetensors version.",
)

_LYCORIS = re.compile(r"\.(hada_w[12]_[ab]|hada_t[12]|lokr_w[12](_[ab])?|lokr_t2|oft_blocks|oft_diag)$")
_KOHYA = re.compile(r"^lora_(unet|te|te1|te2)_[A-Za-z0-9_]+\.(lora_down\.weight|lora_up\.weight|alpha|dora_scale)$")
_DIFFUSERS = re.compile(
    r"^(unet|text_encoder|text_encoder_2|transformer)?\.?[A-Za-z0-9_.]*"
    r"(\.lora\.(down|up)\.weight|\.lora_[AB]\.weight|_lora\.(down|up)\.weight|\.lora_magnitude_vector)$"
)
_CONTROLNET_ORIGINAL = (
    "control_model.input_hint_block.",
    "control_model.zero_convs.",
    "control_model.middle_block_out.",
)
_CONTROLNET_DIFFUSERS = ("controlnet_cond_embedding.", "controlnet_down_blocks.", "controlnet_mid_block.")


def looks_like_lora(keys: Iterable[str]) -> bool:
    return any(_KOHYA.match(k) or _DIFFUSERS.match(k) or _LYCORIS.search(k) for k in keys)


def looks_like_controlnet(keys: Iterable[str]) -> bool:
    return any(k.startswith(_CONTROLNET_ORIGINAL + _CONTROLNET_DIFFUSERS) for k in keys)


def lora_family(tensors: dict, name: str, metadata: dict[str, str] | None = None) -> str:
    """'sd15', 'sd2' or 'sdxl' for a LoRA file; ModelError in words for one that cannot be applied or is damaged."""
    keys = [k for k in tensors if k != "__metadata__"]
    if any(_LYCORIS.search(k) for k in keys):
        raise ModelError(LORA_LYCORIS(name=name))
    kohya = [k for k in keys if _KOHYA.match(k)]
    diffusers = [k for k in keys if _DIFFUSERS.match(k)]
    if kohya and diffusers:
        raise ModelError(LORA_MIXED_LAYOUTS(name=name))
    _check_pairs(tensors, name, kohya=bool(kohya))
    unet_families: set[str] = set()
    text_families: set[str] = set()
    for key in keys:
        info = tensors[key]
        if not _is_down(key) or len(info.shape) < 2:
            continue
        if re.search(r"attn2[._](processor\.)?to_[kv]", key):
            unet_families.add(CROSS_ATTENTION_ARCH.get(info.shape[1], "custom"))
        elif key.startswith(("lora_te_", "text_encoder.")) and re.search(r"(q|k|v|out)_proj", key):
            text_families.add(TEXT_WIDTH_ARCH.get(info.shape[1], "custom"))
    # SDXL: a second text encoder, or transformer depths above one (SD 1.x/2.x have one block per attention).
    sdxl = any(k.startswith(("lora_te1_", "lora_te2_", "text_encoder_2.")) for k in keys) or any(
        re.search(r"transformer_blocks[._][1-9]", k) for k in keys
    )
    if sdxl:
        text_families = {"sdxl"}  # its first text encoder is 768 wide like SD 1.x's
    families = unet_families | text_families
    if families == {"custom"}:  # kohya's ModelSpec says which family it was trained on
        families = {_family_from_metadata(metadata or {}) or "custom"}
    return _one_family(families, sdxl, LORA_UNKNOWN_FAMILY, LORA_MIXED_FAMILIES, name)


def _family_from_metadata(metadata: dict[str, str]) -> str:
    text = " ".join(metadata.get(k, "") for k in ("modelspec.architecture", "ss_base_model_version")).lower()
    if "xl" in text:
        return "sdxl"
    if "v2" in text or "sd_2" in text:
        return "sd2"
    if "v1" in text:
        return "sd15"
    return ""


def _one_family(families: set[str], sdxl: bool, unknown: Msg, mixed: Msg, name: str) -> str:
    # "custom": a width no published model has (a fine-tune with its own shapes, the tests' tiny models): the
    # structure decides, and a LoRA or ControlNet that does not fit the model is refused in words when applied.
    custom = "custom" in families
    families.discard("custom")
    if len(families) > 1:
        raise ModelError(mixed(name=name), f"families {sorted(families)}")
    if families:
        return families.pop()
    if custom:
        return "sdxl" if sdxl else "sd15"
    raise ModelError(unknown(name=name))


def _is_down(key: str) -> bool:
    return key.endswith((".lora_down.weight", ".lora.down.weight", "_lora.down.weight", ".lora_A.weight"))


def _up_key(down: str) -> str:
    for a, b in (
        (".lora_down.weight", ".lora_up.weight"),
        (".lora.down.weight", ".lora.up.weight"),
        ("_lora.down.weight", "_lora.up.weight"),
        (".lora_A.weight", ".lora_B.weight"),
    ):
        if down.endswith(a):
            return down[: -len(a)] + b
    return down


def _check_pairs(tensors: dict, name: str, kohya: bool) -> None:
    """Each down (A) matrix has its up (B) partner with the same rank; ranks and dimensions are plausible."""
    downs = [k for k in tensors if _is_down(k)]
    if not downs:
        raise ModelError(LORA_BAD_SHAPES(name=name), "no lora down/A weights")
    for down in downs:
        up = _up_key(down)
        d, u = tensors[down].shape, tensors.get(up)
        if u is None:
            raise ModelError(LORA_BAD_SHAPES(name=name), f"{down[:200]} has no {up[-20:]} partner")
        u = u.shape
        # Linear: down (r, in), up (out, r); conv: down (r, in, kh, kw), up (out, r, 1, 1) or the transpose.
        if len(d) not in (2, 4) or len(u) != len(d) or not 0 < d[0] <= MAX_LORA_RANK or u[1] != d[0]:
            raise ModelError(LORA_BAD_SHAPES(name=name), f"{down[:200]}: down {d}, up {u}")
        if min(d[1], u[0]) <= 0:
            raise ModelError(LORA_BAD_SHAPES(name=name), f"{down[:200]}: down {d}, up {u}")
    if kohya:
        for key in tensors:
            if key.endswith(".alpha") and tensors[key].shape not in ((), (1,)):
                raise ModelError(LORA_BAD_SHAPES(name=name), f"{key[:200]}: alpha of shape {tensors[key].shape}")


def controlnet_family(tensors: dict, name: str) -> str:
    """'sd15', 'sd2' or 'sdxl' for a single-file ControlNet; ModelError for one without its guide input."""
    keys = list(tensors)
    original = any(k.startswith("control_model.") for k in keys)
    cond = "control_model.input_hint_block." if original else "controlnet_cond_embedding."
    if not any(k.startswith(cond) for k in keys):
        raise ModelError(CONTROLNET_NO_GUIDE_INPUT(name=name))
    families = {
        CROSS_ATTENTION_ARCH.get(tensors[k].shape[-1], "custom")
        for k in keys
        if re.search(r"attn2\.to_[kv]\.weight$", k) and len(tensors[k].shape) == 2
    }
    sdxl = any(".label_emb." in f".{k}" or k.startswith("add_embedding.") for k in keys)
    return _one_family(families, sdxl, CONTROLNET_UNKNOWN_FAMILY, CONTROLNET_MIXED_FAMILIES, name)


def controlnet_hint(name: str, metadata: dict[str, str]) -> str:
    """What the ControlNet most likely reads: "depth" when its name or metadata says so, else "edges"."""
    text = " ".join([name, *metadata.values()]).lower()
    return "depth" if "depth" in text else "edges"
