"""Reading what a checkpoint is from the file itself: the safetensors header (keys and shapes), never the file name.

The header is a few kilobytes of JSON at the start of the file, so identifying a 7 GB SDXL file costs
microseconds and needs neither torch nor diffusers.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path

from app.errors import ModelError

PICKLE_SUFFIXES = (".ckpt", ".pt", ".pth", ".bin", ".pkl")
MAX_HEADER_BYTES = 100 * 1024 * 1024

ARCH_LABELS = {"sd15": "SD 1.x", "sd2": "SD 2.x", "sdxl": "SDXL"}


@dataclass(frozen=True)
class TensorInfo:
    dtype: str
    shape: tuple[int, ...]


def pickled_checkpoint_message(path: Path) -> str:
    return (
        f"{path.name} is a pickled checkpoint ({path.suffix}). Pickle files can run arbitrary code when they are "
        "loaded, so SM6 Studio does not open them. Convert it to .safetensors (for example with the "
        '"Checkpoint Merger" or a conversion script) or download the .safetensors version, then import that.'
    )


def read_safetensors_header(path: Path) -> dict[str, TensorInfo]:
    """Keys and shapes of a .safetensors file; raises ModelError for a truncated or corrupt file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            prefix = fh.read(8)
            if len(prefix) < 8:
                raise _corrupt(path, "it is empty or shorter than a safetensors header")
            (header_len,) = struct.unpack("<Q", prefix)
            if header_len <= 0 or header_len > MAX_HEADER_BYTES or header_len > size - 8:
                raise _corrupt(path, "its header length does not fit the file")
            raw = fh.read(header_len)
    except OSError as exc:
        raise ModelError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _corrupt(path, "its header is not valid JSON") from exc
    if not isinstance(header, dict):
        raise _corrupt(path, "its header is not a table of tensors")
    tensors: dict[str, TensorInfo] = {}
    data_end = 0
    for key, value in header.items():
        if key == "__metadata__":
            continue
        try:
            begin, end = value["data_offsets"]
            tensors[key] = TensorInfo(str(value["dtype"]), tuple(int(d) for d in value["shape"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise _corrupt(path, f"tensor {key!r} is described incompletely") from exc
        data_end = max(data_end, int(end))
    if 8 + header_len + data_end > size:
        missing = 8 + header_len + data_end - size
        raise _corrupt(path, f"it is truncated ({_human_bytes(missing)} missing) — the download or copy did not finish")
    return tensors


def detect_architecture(tensors: dict[str, TensorInfo], name: str = "this file") -> str:
    """'sd15', 'sd2' or 'sdxl'; ModelError (with what it looks like instead) for anything else."""
    keys = tensors.keys()
    has_unet = any(k.startswith("model.diffusion_model.") for k in keys)
    if not has_unet:
        if any("lora" in k for k in keys):
            kind = "a LoRA"
        elif any(k.startswith(("encoder.", "decoder.", "first_stage_model.")) for k in keys) and len(keys) < 400:
            kind = "a VAE"
        else:
            kind = "not a full Stable Diffusion checkpoint"
        raise ModelError(
            f"{name} is {kind}, not a full Stable Diffusion checkpoint (it has no UNet). "
            "Import a complete SD 1.x, SD 2.x or SDXL checkpoint."
        )
    if "edm_mean" in keys:
        raise _unsupported(name, "Playground v2.5")
    conv_in = tensors.get("model.diffusion_model.input_blocks.0.0.weight")
    if conv_in is not None and len(conv_in.shape) == 4 and conv_in.shape[1] != 4:
        raise _unsupported(name, "an inpainting or instruct model (its UNet takes extra input channels)")
    if any(k.startswith("conditioner.embedders.1.") for k in keys):
        return "sdxl"
    if any(k.startswith("conditioner.embedders.0.model.") for k in keys):
        raise _unsupported(name, "the SDXL refiner")
    if any(k.startswith("conditioner.") for k in keys):
        raise _unsupported(name, "an unknown SDXL-family model")
    to_k = tensors.get("model.diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight")
    if any(k.startswith("cond_stage_model.model.") for k in keys) or (to_k is not None and to_k.shape[-1] == 1024):
        return "sd2"
    if any(k.startswith("cond_stage_model.transformer.") for k in keys):
        return "sd15"
    raise ModelError(
        f"{name} has a UNet but no text encoder SM6 Studio recognises, so its architecture is unknown. "
        "Use a standard SD 1.x, SD 2.x or SDXL checkpoint."
    )


def _corrupt(path: Path, why: str) -> ModelError:
    return ModelError(
        f"{path.name} is damaged: {why}. Download or copy it again, then re-import it.",
    )


def _unsupported(name: str, what: str) -> ModelError:
    return ModelError(
        f"{name} is {what}, which SM6 Studio does not support yet. Use an SD 1.x, SD 2.x or SDXL checkpoint."
    )


def _human_bytes(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} bytes"
