"""Reading what a checkpoint is from the file itself: the safetensors header (keys and shapes), never the file name.

The header is a few kilobytes of JSON at the start of the file, so identifying a 7 GB SDXL file costs
microseconds and needs neither torch nor diffusers.
"""

from __future__ import annotations

import errno
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app import safejson
from app.errors import ModelError
from app.generation import addon_files
from app.generation import messages as msgs
from app.messages import Message, Msg
from app.safejson import BadJSON

PICKLE_SUFFIXES = (".ckpt", ".pt", ".pth", ".bin", ".pkl")
MAX_HEADER_BYTES = 100 * 1024 * 1024

ARCH_LABELS = {"sd15": "SD 1.x", "sd2": "SD 2.x", "sdxl": "SDXL"}
KINDS = ("checkpoint", "controlnet", "lora")
INPAINTING = "inpainting"
UNSUPPORTED_SD2_INPAINTING = Msg(
    "model.unsupported_sd2_inpainting", "an SD 2.x inpainting checkpoint as a single file (use its diffusers folder)"
)


@dataclass(frozen=True)
class TensorInfo:
    dtype: str
    shape: tuple[int, ...]


@dataclass(frozen=True)
class FileIdentity:
    """What a .safetensors file is, read from its header."""

    kind: str  # "checkpoint" | "controlnet" | "lora"
    arch: str  # "sd15" | "sd2" | "sdxl": the family it is, or works with
    variant: str = ""  # "inpainting" for a 9-channel UNet checkpoint
    hint: str = ""  # a ControlNet's likely input: "edges" | "depth"
    metadata: tuple[tuple[str, str], ...] = ()  # the header's __metadata__ (few-step detection reads it)


def shown_name(name: str) -> str:
    """A file name as it can be shown and printed: bytes that are not UTF-8 and control characters become "�".

    Names come from the disk; a name that is not valid UTF-8 cannot be printed to a UTF-8 console or saved in
    settings, and control characters (newlines, escape sequences, right-to-left overrides) would garble a message.
    """
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join("\ufffd" if unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS else ch for ch in text)


_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def pickled_checkpoint_message(path: Path) -> Message:
    return msgs.PICKLED_CHECKPOINT(name=shown_name(path.name), suffix=path.suffix)


def read_safetensors_header(path: Path) -> dict[str, TensorInfo]:
    """Keys and shapes of a .safetensors file; ModelError for one that cannot be read or whose header is malformed."""
    return read_header(path)[0]


def read_header(path: Path) -> tuple[dict[str, TensorInfo], dict[str, str]]:
    """Keys and shapes of a .safetensors file and its `__metadata__` texts; ModelError as read_safetensors_header.

    The header is checked as strictly as the safetensors library checks it when loading (known dtypes, shapes of
    non-negative ints, each tensor's bytes right after the previous one's, sizes matching, the data ending exactly
    at the end of the file), so a file accepted here is not refused later with a raw library error.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            prefix = fh.read(8)
            if len(prefix) < 8:
                raise _corrupt(path, msgs.CORRUPT_TOO_SHORT())
            (header_len,) = struct.unpack("<Q", prefix)
            if header_len <= 0 or header_len > MAX_HEADER_BYTES or header_len > size - 8:
                raise _corrupt(path, msgs.CORRUPT_HEADER_LENGTH())
            raw = fh.read(header_len)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    try:
        header = safejson.loads(raw, safejson.CHECKPOINT_HEADER(), max_bytes=MAX_HEADER_BYTES)
    except BadJSON as exc:
        raise _corrupt(path, msgs.CORRUPT_HEADER_PROBLEM(problem=safejson.problem_clause(exc)), exc.details) from exc
    if not isinstance(header, dict):
        raise _corrupt(path, msgs.CORRUPT_HEADER_NOT_TABLE())
    metadata = header.get("__metadata__")
    if metadata is not None and not (isinstance(metadata, dict) and all(isinstance(v, str) for v in metadata.values())):
        raise _corrupt(path, msgs.CORRUPT_METADATA_NOT_TEXTS())
    tensors: dict[str, TensorInfo] = {}
    spans: list[tuple[int, int, str]] = []
    for key, value in header.items():
        if key == "__metadata__":
            continue
        info, begin, end = _tensor_entry(path, key, value)
        tensors[key] = info
        spans.append((begin, end, key))
    _check_layout(path, spans, size - 8 - header_len)
    return tensors, dict(metadata or {})


def identify(tensors: dict[str, TensorInfo], metadata: dict[str, str], name: str = "this file") -> FileIdentity:
    """A checkpoint, ControlNet or LoRA and its family, from the header alone; ModelError (with what it looks like
    instead) for anything SM6 Studio cannot use."""
    keys = tensors.keys()
    meta = tuple(sorted(metadata.items()))
    if not any(k.startswith("model.diffusion_model.") for k in keys):
        if addon_files.looks_like_controlnet(keys):
            arch = addon_files.controlnet_family(tensors, name)
            return FileIdentity("controlnet", arch, hint=addon_files.controlnet_hint(name, metadata), metadata=meta)
        if addon_files.looks_like_lora(keys):
            return FileIdentity("lora", addon_files.lora_family(tensors, name, metadata), metadata=meta)
    arch, variant = detect_checkpoint(tensors, name)
    return FileIdentity("checkpoint", arch, variant, metadata=meta)


# Bits per element of every dtype the safetensors format defines.
DTYPE_BITS = {
    "BOOL": 8, "U8": 8, "I8": 8, "F8_E5M2": 8, "F8_E4M3": 8, "F8_E8M0": 8,
    "I16": 16, "U16": 16, "F16": 16, "BF16": 16,
    "I32": 32, "U32": 32, "F32": 32,
    "I64": 64, "U64": 64, "F64": 64, "C64": 64,
    "F4": 4, "F6_E2M3": 6, "F6_E3M2": 6,
}  # fmt: skip


def _tensor_entry(path: Path, key: str, value) -> tuple[TensorInfo, int, int]:
    where = f"tensor {key[:200]!r}"
    if not isinstance(value, dict):
        raise _corrupt(path, msgs.CORRUPT_TENSOR_INCOMPLETE(), f"{where} is not an object")
    dtype, shape, offsets = value.get("dtype"), value.get("shape"), value.get("data_offsets")
    if not isinstance(dtype, str) or dtype not in DTYPE_BITS:
        raise _corrupt(path, msgs.CORRUPT_TENSOR_DTYPE(), f"{where}: dtype {dtype!r:.100}")
    if not isinstance(shape, list) or not all(_is_count(d) for d in shape):
        raise _corrupt(path, msgs.CORRUPT_TENSOR_SHAPE(), f"{where}: shape {shape!r:.200}")
    if not isinstance(offsets, list) or len(offsets) != 2 or not all(_is_count(o) for o in offsets):
        raise _corrupt(path, msgs.CORRUPT_TENSOR_OFFSETS(), f"{where}: {offsets!r:.200}")
    begin, end = offsets
    elements = 0 if 0 in shape else 1
    for d in shape if elements else ():
        elements *= d
        if elements * DTYPE_BITS[dtype] > (end - begin) * 8:  # already too big: stop before 60,000 dims grow for ever
            break
    if end < begin or elements * DTYPE_BITS[dtype] != (end - begin) * 8:
        raise _corrupt(
            path,
            msgs.CORRUPT_TENSOR_SIZE(),
            f"{where}: {dtype} {shape} in bytes {begin}..{end}",
        )
    return TensorInfo(dtype, tuple(shape)), begin, end


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _check_layout(path: Path, spans: list[tuple[int, int, str]], data_size: int) -> None:
    # Tensors tile the data area with no gaps and no overlaps, in offset order, as the format requires.
    position = 0
    for begin, end, key in sorted(spans):
        if begin != position:
            raise _corrupt(
                path,
                msgs.CORRUPT_TENSOR_LAYOUT(),
                f"tensor {key[:200]!r} starts at byte {begin}, expected {position}",
            )
        position = end
    if position > data_size:
        missing = position - data_size
        raise _corrupt(path, msgs.CORRUPT_TRUNCATED(missing=_human_bytes(missing)))
    if position < data_size:
        raise _corrupt(path, msgs.CORRUPT_TRAILING_DATA())


# Counts that build modules before a single weight is read: diffusers and transformers make every layer a config
# asks for, so a huge count hangs the load. Published models have at most 32 (OpenCLIP bigG's text encoder).
REPEAT_KEYS = ("layers_per_block", "transformer_layers_per_block", "reverse_transformer_layers_per_block")
MAX_REPEATS = 64
MAX_CONFIG_LIST = 64  # entries of a list in a part's config (block types, channels): real ones have 2 to 4
# What every sampler takes from the model's scheduler config (schedulers.make_scheduler): the model's own
# scheduler may ignore a value that the sampler a person picks fails on in the middle of a job.
SCHEDULER_CHOICES = {
    "prediction_type": ("epsilon", "v_prediction", "sample"),
    "timestep_spacing": ("leading", "trailing", "linspace"),
    "beta_schedule": ("linear", "scaled_linear", "squaredcos_cap_v2"),
}
MAX_TRAIN_TIMESTEPS = 100_000  # real models have 1000; every sampler keeps several tensors this long


def config_problem(config: dict) -> str:
    """Why a part's config.json would hang or fail the load (as technical text for the details); "" if it would
    not."""
    for key, value in config.items():
        values = value if isinstance(value, list) else [value]
        if len(values) > MAX_CONFIG_LIST:
            return f"{key[:100]}: a list of {len(values)}"
        if key in (*REPEAT_KEYS, "num_hidden_layers") and value is not None:
            flat = [v for item in values for v in (item if isinstance(item, list) else [item])]
            if len(flat) > MAX_CONFIG_LIST or not all(_is_count(v) and v <= MAX_REPEATS for v in flat):
                return f"{key}: {value!r:.100}"
        # A diffusers part has no negative sizes; one (-1 heads) builds a model that fails only when it runs.
        if "_class_name" in config and any(isinstance(v, int) and v < 0 for v in values):
            return f"{key[:100]}: {value!r:.100}"
    # The pipeline divides the latents by these: a text or a null fails only when the first picture is decoded.
    for key, may_be_null in (("scaling_factor", False), ("shift_factor", True)):
        value = config.get(key, 1.0)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number and not (value is None and may_be_null):
            return f"{key}: {value!r:.100}"
    return ""


def scheduler_problem(config: dict) -> str:
    """Why a scheduler config would fail a sampler or exhaust memory (technical text); "" if it would not."""
    steps = config.get("num_train_timesteps", 1000)
    if not _is_count(steps) or not 0 < steps <= MAX_TRAIN_TIMESTEPS:
        return f"num_train_timesteps: {steps!r:.100}"
    for key, choices in SCHEDULER_CHOICES.items():
        if key in config and config[key] not in choices:
            return f"{key}: {config[key]!r:.100}"
    betas = config.get("trained_betas")
    numbers = isinstance(betas, list) and all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in betas)
    if betas is not None and not (numbers and 0 < len(betas) <= MAX_TRAIN_TIMESTEPS):
        return f"trained_betas: {betas!r:.100}"
    return ""


def unreadable(path: Path, exc: OSError, name: str = "") -> ModelError:
    """A plain sentence for a model file or folder the operating system will not let us read; `name` as shown."""
    name = name or shown_name(path.name)
    if isinstance(exc, PermissionError):
        message = msgs.NOT_ALLOWED_TO_READ(name=name)
    elif isinstance(exc, IsADirectoryError):
        message = msgs.FOLDER_NOT_CHECKPOINT(name=name)
    elif exc.errno == errno.ELOOP:
        message = msgs.LINK_LOOP(name=name)
    elif isinstance(exc, FileNotFoundError):
        message = msgs.NO_LONGER_THERE(name=name)
    else:
        message = msgs.UNREADABLE(name=name)
    return ModelError(message, f"{exc.__class__.__name__}: {exc}")


def detect_architecture(tensors: dict[str, TensorInfo], name: str = "this file") -> str:
    """'sd15', 'sd2' or 'sdxl'; ModelError (with what it looks like instead) for anything else."""
    return detect_checkpoint(tensors, name)[0]


def detect_checkpoint(tensors: dict[str, TensorInfo], name: str = "this file") -> tuple[str, str]:
    """(arch, variant) of a full checkpoint: variant "inpainting" for a 9-channel UNet (SD 1.x or SDXL), else ""."""
    keys = tensors.keys()
    has_unet = any(k.startswith("model.diffusion_model.") for k in keys)
    if not has_unet:
        if any("lora" in k for k in keys):
            kind = msgs.KIND_LORA()
        elif any(k.startswith(("encoder.", "decoder.", "first_stage_model.")) for k in keys) and len(keys) < 400:
            kind = msgs.KIND_VAE()
        else:
            kind = msgs.KIND_NOT_FULL()
        raise ModelError(msgs.CHECKPOINT_NOT_FULL(name=name, kind=kind))
    if "edm_mean" in keys:
        raise _unsupported(name, msgs.UNSUPPORTED_PLAYGROUND())
    conv_in = tensors.get("model.diffusion_model.input_blocks.0.0.weight")
    variant = ""
    if conv_in is not None and len(conv_in.shape) == 4 and conv_in.shape[1] != 4:
        # 9 = latents + mask + masked-image latents (inpainting); 8 (instruct-pix2pix) and others are not supported.
        if conv_in.shape[1] != 9:
            raise _unsupported(name, msgs.UNSUPPORTED_INPAINTING())
        variant = INPAINTING
    if any(k.startswith("conditioner.embedders.1.") for k in keys):
        return "sdxl", variant
    if any(k.startswith("conditioner.embedders.0.model.") for k in keys):
        raise _unsupported(name, msgs.UNSUPPORTED_REFINER())
    if any(k.startswith("conditioner.") for k in keys):
        raise _unsupported(name, msgs.UNSUPPORTED_SDXL_FAMILY())
    to_k = tensors.get("model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight")
    if any(k.startswith("cond_stage_model.model.") for k in keys) or (to_k is not None and to_k.shape[-1] == 1024):
        if variant:  # no shipped config for it: its diffusers folder brings its own
            raise _unsupported(name, UNSUPPORTED_SD2_INPAINTING())
        return "sd2", variant
    if any(k.startswith("cond_stage_model.transformer.") for k in keys):
        return "sd15", variant
    raise ModelError(msgs.CHECKPOINT_UNKNOWN_TEXT_ENCODER(name=name))


def _corrupt(path: Path, why: str | Message, details: str = "") -> ModelError:
    name = shown_name(path.name)
    return ModelError(msgs.CHECKPOINT_DAMAGED(name=name, why=why), details)


def _unsupported(name: str, what: str | Message) -> ModelError:
    return ModelError(msgs.CHECKPOINT_UNSUPPORTED(name=name, what=what))


def _human_bytes(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"
