"""Malformed models, by class, as a person might have them in a models folder or pick in Import model….

Each maker takes a folder, writes one bad model into it and returns its path; the tables pair it with words its
plain reason must contain. Single files are made from a sound SD 1.5 header that one case then breaks, so each
input is wrong in exactly one way.
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path
from typing import Callable

import torch
from safetensors.torch import save_file

from tests.app.test_registry import SD15_KEYS

Maker = Callable[[Path], Path]
DEEP = 100_000  # nesting levels: overflows the C stack under a raised recursion limit


def sound_header() -> dict:
    """An SD 1.5-looking safetensors header whose tensors tile the data exactly, as the format demands."""
    header, offset = {}, 0
    for key, shape in SD15_KEYS.items():
        n = 4
        for d in shape:
            n *= d
        header[key] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + n]}
        offset += n
    return header


def data_size(header: dict) -> int:
    return max(v["data_offsets"][1] for k, v in header.items() if k != "__metadata__")


def write_raw(path: Path, raw_header: bytes, data: bytes = b"", declared_len: int | None = None) -> Path:
    length = len(raw_header) if declared_len is None else declared_len
    path.write_bytes(struct.pack("<Q", length) + raw_header + data)
    return path


def header_file(change: Callable[[dict], object], data_delta: int = 0) -> Maker:
    """A sound file, then `change(header)` applied: only the header is wrong, the data size stays right."""

    def make(folder: Path) -> Path:
        header = sound_header()
        size = data_size(header) + data_delta
        change(header)
        return write_raw(folder / "bad.safetensors", json.dumps(header).encode(), bytes(max(0, size)))

    return make


def raw_file(raw_header: bytes, data: bytes = b"", declared_len: int | None = None) -> Maker:
    return lambda folder: write_raw(folder / "bad.safetensors", raw_header, data, declared_len)


def bytes_file(content: bytes) -> Maker:
    def make(folder: Path) -> Path:
        (folder / "bad.safetensors").write_bytes(content)
        return folder / "bad.safetensors"

    return make


def _first(header: dict) -> dict:
    return header[next(iter(SD15_KEYS))]


def _set(field: str, value) -> Callable[[dict], None]:
    return lambda header: _first(header).__setitem__(field, value)


def _overlap(header: dict) -> None:
    keys = list(SD15_KEYS)
    header[keys[1]]["data_offsets"] = list(header[keys[0]]["data_offsets"])


def truncated(folder: Path) -> Path:
    sound = write_sd15_file(folder / "whole.safetensors")
    data = sound.read_bytes()
    sound.unlink()
    return bytes_file(data[: len(data) - 40])(folder)


def write_sd15_file(path: Path) -> Path:
    save_file({k: torch.zeros(shape) for k, shape in SD15_KEYS.items()}, str(path))
    return path


# (id, maker, words the reason must contain)
SAFETENSORS_CASES: list[tuple[str, Maker, str]] = [
    ("offsets-text", header_file(_set("data_offsets", ["0", "4"])), "damaged"),
    ("offsets-letters", header_file(_set("data_offsets", ["a", "b"])), "damaged"),
    ("offsets-float", header_file(_set("data_offsets", [0.5, 4.5])), "damaged"),
    ("offsets-bool", header_file(_set("data_offsets", [False, True])), "damaged"),
    ("offsets-string", header_file(_set("data_offsets", "0-4")), "damaged"),
    ("offsets-three", header_file(_set("data_offsets", [0, 4, 8])), "damaged"),
    ("offsets-negative", header_file(_set("data_offsets", [-8, -4])), "damaged"),
    ("offsets-reversed", header_file(_set("data_offsets", [4, 0])), "damaged"),
    ("offsets-overlap", header_file(_overlap), "damaged"),
    ("offsets-past-end", header_file(_set("data_offsets", [0, 10**12])), "damaged"),
    ("data-trailing", header_file(lambda h: None, data_delta=16), "damaged"),
    ("header-len-too-big", raw_file(b"{}", declared_len=10**6), "damaged"),
    ("header-len-huge", raw_file(b"{}", declared_len=2**64 - 1), "damaged"),
    ("header-list", raw_file(b"[1, 2, 3]"), "damaged"),
    ("header-text", raw_file(b'"model"'), "damaged"),
    ("header-number", raw_file(b"12"), "damaged"),
    ("header-not-json", raw_file(b"{not json"), "damaged"),
    ("header-not-utf8", raw_file(b'{"\xff\xfe": 1}'), "damaged"),
    ("header-deep-list", raw_file(b"[" * DEEP + b"]" * DEEP), "damaged"),
    ("header-deep-object", raw_file(b'{"a":' * DEEP + b"1" + b"}" * DEEP), "damaged"),
    ("header-nan", raw_file(b'{"x": NaN}'), "damaged"),
    ("dtype-unknown", header_file(_set("dtype", "Q9")), "damaged"),
    ("dtype-number", header_file(_set("dtype", 5)), "damaged"),
    ("dtype-missing", header_file(lambda h: _first(h).pop("dtype")), "damaged"),
    ("shape-text", header_file(_set("shape", "8x4")), "damaged"),
    ("shape-floats", header_file(_set("shape", [8.0, 4, 3, 3])), "damaged"),
    ("shape-negative", header_file(_set("shape", [-8, -4, 3, 3])), "damaged"),
    ("shape-nested", header_file(_set("shape", [[8], 4, 3, 3])), "damaged"),
    ("shape-wrong-size", header_file(_set("shape", [8, 4, 3, 2])), "damaged"),
    ("tensor-not-object", header_file(lambda h: h.__setitem__(next(iter(SD15_KEYS)), [1, 2])), "damaged"),
    ("metadata-list", header_file(lambda h: h.__setitem__("__metadata__", [1])), "damaged"),
    ("metadata-numbers", header_file(lambda h: h.__setitem__("__metadata__", {"a": 1})), "damaged"),
    ("truncated", truncated, "truncated"),
    ("empty", bytes_file(b""), "damaged"),
    ("three-bytes", bytes_file(b"abc"), "damaged"),
    ("text-file", bytes_file(b"This is not a model, just a note about one.\n"), "damaged"),
    # the size check multiplied every dimension first: 60,000 of them took 2.4 s, these took a minute
    ("shape-300000-dims", header_file(_set("shape", [2**32 - 1] * 300_000)), "damaged"),
]


# --- diffusers folders -------------------------------------------------------------------------------------------

SKELETON_INDEX = {
    "_class_name": "StableDiffusionPipeline",
    "_diffusers_version": "0.30.0",
    "requires_safety_checker": False,
    "safety_checker": [None, None],
    "scheduler": ["diffusers", "PNDMScheduler"],
    "text_encoder": ["transformers", "CLIPTextModel"],
    "tokenizer": ["transformers", "CLIPTokenizer"],
    "unet": ["diffusers", "UNet2DConditionModel"],
    "vae": ["diffusers", "AutoencoderKL"],
}


def skeleton(folder: Path, index: object = None, unet_config: object = None) -> Path:
    """A diffusers folder the registry accepts (tiny weights, JSON only elsewhere); `index`/`unet_config` replace
    the JSON (bytes are written as they are)."""
    folder.mkdir(parents=True)
    for part in ("unet", "vae", "text_encoder"):
        (folder / part).mkdir()
        save_file({"w": torch.zeros(2)}, str(folder / part / "model.safetensors"))
    for part in ("tokenizer", "scheduler"):
        (folder / part).mkdir()
    _write_json(folder / "model_index.json", SKELETON_INDEX if index is None else index)
    _write_json(folder / "unet" / "config.json", {"cross_attention_dim": 768} if unet_config is None else unet_config)
    return folder


def _write_json(path: Path, value: object) -> None:
    path.write_bytes(value if isinstance(value, bytes) else json.dumps(value).encode())


def folder_with(index: object = None, unet_config: object = None) -> Maker:
    return lambda parent: skeleton(parent / "bad-folder", index, unet_config)


def index_with(**changes) -> dict:
    return {**SKELETON_INDEX, **changes}


def _escaping_part(parent: Path) -> Path:
    folder = skeleton(parent / "bad-folder", {**SKELETON_INDEX, "../outside": ["diffusers", "UNet2DConditionModel"]})
    (parent / "outside").mkdir()
    return folder


def _no_unet(parent: Path) -> Path:
    index = dict(SKELETON_INDEX)
    del index["unet"]
    return skeleton(parent / "bad-folder", index)


def _damaged_weights(parent: Path) -> Path:
    folder = skeleton(parent / "bad-folder")
    header_file(_set("data_offsets", ["a", "b"]))(folder / "unet").rename(folder / "unet" / "model.safetensors")
    return folder


def part_config(relative: str, value: dict) -> Maker:
    """A sound skeleton with one more part's config written, e.g. its scheduler's."""

    def make(parent: Path) -> Path:
        folder = skeleton(parent / "bad-folder")
        _write_json(folder / relative, value)
        return folder

    return make


UNET = {"_class_name": "UNet2DConditionModel", "cross_attention_dim": 768}
SCHEDULER = "scheduler/scheduler_config.json"
SIZES = "layer counts or sizes"  # the words of a config that would hang the load or fail when it runs
SAMPLER = "sampler settings"  # the words of a scheduler config a sampler fails on mid-job

DIFFUSERS_CASES: list[tuple[str, Maker, str]] = [
    ("index-list", folder_with(index=[SKELETON_INDEX]), "model_index.json"),
    ("index-text", folder_with(index="StableDiffusionPipeline"), "model_index.json"),
    ("index-number", folder_with(index=5), "model_index.json"),
    ("index-null", folder_with(index=b"null"), "model_index.json"),
    ("index-empty-file", folder_with(index=b""), "model_index.json"),
    ("index-not-json", folder_with(index=b'{"_class_name": '), "model_index.json"),
    ("index-not-utf8", folder_with(index=b'{"_class_name": "\xff\xfe"}'), "model_index.json"),
    ("index-deep", folder_with(index=b"[" * DEEP + b"]" * DEEP), "model_index.json"),
    ("index-deep-inside", folder_with(index=b'{"unet":' + b"[" * DEEP + b"]" * DEEP + b"}"), "model_index.json"),
    ("class-number", folder_with(index=index_with(_class_name=5)), "model_index.json"),
    ("class-list", folder_with(index=index_with(_class_name=["StableDiffusionPipeline"])), "model_index.json"),
    ("class-missing", folder_with(index={k: v for k, v in SKELETON_INDEX.items() if k != "_class_name"}), "pipeline"),
    ("part-empty-list", folder_with(index=index_with(unet=[])), "model_index.json"),
    ("part-one-item", folder_with(index=index_with(unet=["diffusers"])), "model_index.json"),
    ("part-numbers", folder_with(index=index_with(unet=[1, 2])), "model_index.json"),
    ("part-three-items", folder_with(index=index_with(vae=["diffusers", "AutoencoderKL", "x"])), "model_index.json"),
    ("part-half-null", folder_with(index=index_with(vae=[None, "AutoencoderKL"])), "model_index.json"),
    ("part-name-escapes", _escaping_part, "model_index.json"),
    ("part-missing", _no_unet, "unet"),
    ("weights-damaged", _damaged_weights, "damaged"),
    ("unet-config-list", folder_with(unet_config=[768]), "unet/config.json"),
    ("unet-config-text", folder_with(unet_config="768"), "unet/config.json"),
    ("cross-attention-text", folder_with(unet_config={"cross_attention_dim": "1024"}), "cross_attention_dim"),
    ("cross-attention-bool", folder_with(unet_config={"cross_attention_dim": True}), "cross_attention_dim"),
    ("cross-attention-texts", folder_with(unet_config={"cross_attention_dim": ["a"]}), "cross_attention_dim"),
    ("unet-config-deep", folder_with(unet_config=b'{"a":' * DEEP + b"1" + b"}" * DEEP), "unet/config.json"),
    ("unet-config-not-utf8", folder_with(unet_config=b'{"cross_attention_dim": "\xff"}'), "unet/config.json"),
    # Configs that parse but would build a model for minutes (every layer is made before a weight is read), fail
    # only when it runs, or make a sampler allocate gigabytes or fail mid-job.
    ("unet-layers-huge", folder_with(unet_config={**UNET, "layers_per_block": 10**6}), SIZES),
    ("unet-layers-negative", folder_with(unet_config={**UNET, "layers_per_block": -1}), SIZES),
    ("unet-heads-negative", folder_with(unet_config={**UNET, "attention_head_dim": -1}), SIZES),
    (
        "unet-transformer-depth-huge",
        folder_with(unet_config={**UNET, "transformer_layers_per_block": [1, 10**6]}),
        SIZES,
    ),
    ("unet-blocks-many", folder_with(unet_config={**UNET, "down_block_types": ["DownBlock2D"] * 100_000}), SIZES),
    ("vae-scale-text", part_config("vae/config.json", {"_class_name": "AutoencoderKL", "scaling_factor": "x"}), SIZES),
    ("vae-scale-null", part_config("vae/config.json", {"_class_name": "AutoencoderKL", "scaling_factor": None}), SIZES),
    ("text-encoder-layers-huge", part_config("text_encoder/config.json", {"num_hidden_layers": 10**6}), SIZES),
    ("scheduler-timesteps-huge", part_config(SCHEDULER, {"num_train_timesteps": 10**9}), SAMPLER),
    ("scheduler-timesteps-zero", part_config(SCHEDULER, {"num_train_timesteps": 0}), SAMPLER),
    ("scheduler-prediction-unknown", part_config(SCHEDULER, {"prediction_type": "bogus"}), SAMPLER),
    ("scheduler-prediction-null", part_config(SCHEDULER, {"prediction_type": None}), SAMPLER),
    ("scheduler-spacing-unknown", part_config(SCHEDULER, {"timestep_spacing": "bogus"}), SAMPLER),
    ("scheduler-betas-nested", part_config(SCHEDULER, {"trained_betas": [[1]]}), SAMPLER),
]


# --- things on disk that are not what their name says -------------------------------------------------------------


def folder_named_like_a_file(parent: Path) -> Path:
    (parent / "x.safetensors").mkdir()
    (parent / "x.safetensors" / "inside.txt").write_text("a folder, not a checkpoint")
    return parent / "x.safetensors"


def link_loop(parent: Path) -> Path:
    os.symlink("loop.safetensors", parent / "loop.safetensors")
    return parent / "loop.safetensors"


def link_pair_loop(parent: Path) -> Path:
    os.symlink("b.safetensors", parent / "a.safetensors")
    os.symlink("a.safetensors", parent / "b.safetensors")
    return parent / "a.safetensors"


def dangling_link(parent: Path) -> Path:
    os.symlink(parent / "moved-away", parent / "linked-model")
    return parent / "linked-model"


def name_not_utf8(parent: Path) -> Path:
    path = Path(os.fsdecode(os.fsencode(parent) + b"/caf\xe9-\x1b[31m.safetensors"))
    path.write_bytes(b"\x00" * 3)
    return path


FILESYSTEM_CASES: list[tuple[str, Maker, str]] = [
    ("folder-named-safetensors", folder_named_like_a_file, "folder"),
    ("link-to-itself", link_loop, "link"),
    ("links-to-each-other", link_pair_loop, "link"),
    ("link-to-moved-model", dangling_link, "no longer there"),
    ("name-not-utf8", name_not_utf8, "damaged"),
]

ALL_CASES = SAFETENSORS_CASES + DIFFUSERS_CASES + FILESYSTEM_CASES
