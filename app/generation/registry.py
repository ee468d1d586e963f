"""Finding the models a user has: diffusers folders and single-file .safetensors checkpoints, each identified
from its content, with a short content hash. Scanning never imports torch or diffusers."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from app import paths
from app.errors import ModelError
from app.generation import checkpoint
from app.generation.checkpoint import ARCH_LABELS, PICKLE_SUFFIXES
from app.generation.hashing import SHORT_HASH_LEN, HashCache, folder_sha256

log = logging.getLogger(__name__)

PIPELINE_ARCH = {"StableDiffusionPipeline": "sd15", "StableDiffusionXLPipeline": "sdxl"}
WEIGHT_SUFFIXES = (".safetensors",)
DEMO_MARKER = "sm6_demo.json"  # written into the demo model's folder so it is labelled as such


@dataclass(frozen=True)
class ModelInfo:
    id: str  # the name shown and stored in requests; unique within one scan
    path: Path
    format: str  # "single" | "diffusers"
    arch: str | None  # "sd15" | "sd2" | "sdxl"; None when unusable
    size_bytes: int
    error: str | None = None  # why the model cannot be used, in plain words
    sha256: str | None = None  # None until hashed (hashing a big file happens in the background)
    is_demo: bool = False
    config_dir: Path | None = None  # for single files: the diffusers config folder to build the pipeline from

    @property
    def usable(self) -> bool:
        return self.error is None

    @property
    def short_hash(self) -> str:
        return self.sha256[:SHORT_HASH_LEN] if self.sha256 else ""

    @property
    def arch_label(self) -> str:
        return ARCH_LABELS.get(self.arch or "", "Unknown")

    @property
    def label(self) -> str:
        if self.is_demo:
            return "Demo model (random weights, abstract images)"
        return self.path.stem if self.format == "single" else self.path.name


class ModelRegistry:
    def __init__(self, search_dirs: list[Path] | None = None, hash_cache: HashCache | None = None) -> None:
        self.search_dirs = search_dirs if search_dirs is not None else paths.model_search_dirs()
        self.hash_cache = hash_cache or HashCache(paths.data_dir() / "cache" / "model_hashes.json")
        self._models: list[ModelInfo] = []

    @property
    def models(self) -> list[ModelInfo]:
        return list(self._models)

    def usable(self) -> list[ModelInfo]:
        return [m for m in self._models if m.usable]

    def get(self, model_id: str) -> ModelInfo | None:
        return next((m for m in self._models if m.id == model_id), None)

    def scan(self) -> list[ModelInfo]:
        found: list[ModelInfo] = []
        for directory in self.search_dirs:
            if not directory.is_dir():
                continue
            for entry in sorted(directory.iterdir(), key=lambda p: p.name.lower()):
                info = inspect_path(entry)
                if info is not None:
                    found.append(replace(info, sha256=self._cached_hash(info)))
        self._models = _unique_ids(found)
        return self.models

    def ensure_hash(self, model: ModelInfo) -> ModelInfo:
        """Hash the model's files (slow for big files: call off the UI thread) and remember it."""
        if model.sha256 or not model.usable:
            return model
        hashed = replace(model, sha256=self._hash(model))
        self._models = [hashed if m.id == model.id else m for m in self._models]
        return hashed

    def _hash(self, model: ModelInfo) -> str:
        if model.format == "single":
            return self.hash_cache.sha256(model.path)
        return folder_sha256(model.path, _weight_files(model.path), self.hash_cache)

    def _cached_hash(self, model: ModelInfo) -> str | None:
        if not model.usable:
            return None
        if model.format == "single":
            return self.hash_cache.cached(model.path)
        files = _weight_files(model.path)
        if all(self.hash_cache.cached(f) for f in files):
            return folder_sha256(model.path, files, self.hash_cache)
        return None


def inspect_path(path: Path) -> ModelInfo | None:
    """A ModelInfo for anything that looks like a model (usable or with the reason it is not); None otherwise."""
    if path.name.startswith("."):
        return None
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in PICKLE_SUFFIXES:
            return ModelInfo(path.name, path, "single", None, _size(path), checkpoint.pickled_checkpoint_message(path))
        if suffix != ".safetensors":
            return None
        try:
            arch = checkpoint.detect_architecture(checkpoint.read_safetensors_header(path), path.name)
        except ModelError as exc:
            return ModelInfo(path.name, path, "single", None, _size(path), exc.message)
        return ModelInfo(path.name, path, "single", arch, _size(path), config_dir=single_file_config_dir(path, arch))
    if path.is_dir() and (path / "model_index.json").is_file():
        try:
            arch = inspect_diffusers_folder(path)
        except ModelError as exc:
            return ModelInfo(path.name, path, "diffusers", None, 0, exc.message)
        is_demo = (path / DEMO_MARKER).is_file()
        return ModelInfo(
            path.name, path, "diffusers", arch, sum(_size(f) for f in _weight_files(path)), is_demo=is_demo
        )
    return None


def single_file_config_dir(path: Path, arch: str) -> Path:
    """A `<stem>.config/` folder beside the file wins (non-standard shapes); else the shipped config for its arch."""
    sidecar = path.with_name(path.stem + ".config")
    if (sidecar / "model_index.json").is_file():
        return sidecar
    return paths.resource("sd_configs", arch)


def inspect_diffusers_folder(folder: Path) -> str:
    name = folder.name
    try:
        index = json.loads((folder / "model_index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"{name}: model_index.json cannot be read ({exc}). The folder is damaged; copy it again."
        ) from exc
    arch = PIPELINE_ARCH.get(index.get("_class_name", ""))
    if arch is None:
        raise ModelError(
            f"{name} is a {index.get('_class_name', 'unknown')} folder; "
            "SM6 Studio runs SD 1.x, SD 2.x and SDXL pipelines."
        )
    missing = []
    for component, spec in index.items():
        if component.startswith("_") or not isinstance(spec, list) or spec[0] is None:
            continue
        sub = folder / component
        if not sub.is_dir():
            missing.append(component)
            continue
        if component.startswith(("unet", "vae", "text_encoder")):
            if not any(f.suffix == ".safetensors" for f in sub.iterdir()):
                if any(f.suffix in PICKLE_SUFFIXES for f in sub.iterdir()):
                    raise ModelError(
                        f"{name}/{component} only has pickled .bin weights, which SM6 Studio does not load because "
                        "pickle files can run code. Convert the folder to safetensors first."
                    )
                missing.append(f"{component} weights")
    if missing:
        raise ModelError(f"{name} is incomplete: {', '.join(missing)} missing. Copy the whole folder again.")
    if arch == "sd15" and _cross_attention_dim(folder) == 1024:
        arch = "sd2"
    return arch


def _cross_attention_dim(folder: Path) -> int | None:
    try:
        return json.loads((folder / "unet" / "config.json").read_text(encoding="utf-8")).get("cross_attention_dim")
    except (OSError, ValueError):
        return None


def _weight_files(folder: Path) -> list[Path]:
    return sorted(f for f in folder.rglob("*") if f.is_file() and f.suffix in WEIGHT_SUFFIXES)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _unique_ids(models: list[ModelInfo]) -> list[ModelInfo]:
    seen: dict[str, int] = {}
    out = []
    for m in models:
        n = seen.get(m.id, 0)
        seen[m.id] = n + 1
        out.append(m if n == 0 else replace(m, id=f"{m.id} ({n + 1})"))
    return out


def describe(model: ModelInfo) -> str:
    """One line for lists and `sm6-studio doctor`."""
    if not model.usable:
        return f"{model.id}: unusable — {model.error}"
    size = f"{model.size_bytes / 1e9:.2f} GB" if model.size_bytes >= 1e8 else f"{model.size_bytes / 1e6:.1f} MB"
    hash_part = model.short_hash or "hash pending"
    return f"{model.id}: {model.arch_label}, {model.format}, {size}, {hash_part}"
