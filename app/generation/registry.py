"""Finding the models a user has: diffusers folders and single-file .safetensors checkpoints, ControlNets and
LoRAs, each identified from its content, with a short content hash. Scanning never imports torch or diffusers."""

from __future__ import annotations

import logging
import re
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from app import paths, safejson
from app.errors import ModelError
from app.generation import addon_files, checkpoint, few_step
from app.generation import messages as msgs
from app.generation.checkpoint import ARCH_LABELS, INPAINTING, PICKLE_SUFFIXES, shown_name
from app.generation.hashing import SHORT_HASH_LEN, HashCache, folder_sha256
from app.messages import Message, Msg, as_message
from app.safejson import BadJSON

log = logging.getLogger(__name__)

PIPELINE_ARCH = {
    "StableDiffusionPipeline": "sd15",
    "StableDiffusionXLPipeline": "sdxl",
    "StableDiffusionInpaintPipeline": "sd15",
    "StableDiffusionXLInpaintPipeline": "sdxl",
    "LatentConsistencyModelPipeline": "sd15",  # an LCM-distilled SD 1.x (its UNet takes a guidance embedding)
}
# Subfolders of a models folder whose entries are scanned too (any case): where people keep add-ons.
ADDON_FOLDERS = ("lora", "loras", "controlnet", "controlnets")
CONTROLNET_WEIGHTS = "diffusion_pytorch_model.safetensors"
CONTROLNET_CLASS = "ControlNetModel"  # config.json's _class_name of a diffusers ControlNet folder
LORA_FOLDER_WEIGHTS = "pytorch_lora_weights.safetensors"  # what diffusers' save_lora_weights writes
WEIGHT_SUFFIXES = (".safetensors",)
DEMO_MARKER = "sm6_demo.json"  # written into the demo model's folder so it is labelled as such
# The parts each pipeline cannot run without; diffusers would fail later with a raw error if one were absent.
REQUIRED_COMPONENTS = {
    "sd15": ("unet", "vae", "text_encoder", "tokenizer", "scheduler"),
    "sdxl": ("unet", "vae", "text_encoder_2", "tokenizer_2", "scheduler"),
}
WEIGHT_COMPONENTS = ("unet", "vae", "text_encoder")  # prefixes of the parts whose weights are checked
NOT_A_CHECKPOINT = Msg(
    "model.not_a_checkpoint",
    "{model} is a ControlNet or LoRA, not a model that paints on its own. Choose a checkpoint as the model.",
)
_COMPONENT_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")  # a plain subfolder name, never a path


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
    error_details: str = ""  # the technical side of `error`, for "Show details" and the log
    error_msg: Message | None = field(default=None, compare=False)  # `error` by id, for a front end to translate
    kind: str = "checkpoint"  # "checkpoint" | "controlnet" | "lora"; an unusable file: what it looked like
    variant: str = ""  # "inpainting": a 9-channel UNet checkpoint (every mode runs through its inpaint pipeline)
    speed: str = ""  # "turbo" | "lcm": a few-step checkpoint, or ("lcm") an LCM-LoRA (app/generation/few_step.py)
    hint: str = ""  # a ControlNet's likely input: "edges" | "depth"

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
        return shown_name(self.path.stem if self.format == "single" else self.path.name)


class ModelRegistry:
    def __init__(self, search_dirs: list[Path] | None = None, hash_cache: HashCache | None = None) -> None:
        self.search_dirs = search_dirs if search_dirs is not None else paths.model_search_dirs()
        self.hash_cache = hash_cache or HashCache(paths.data_dir() / "cache" / "model_hashes.json")
        self._models: list[ModelInfo] = []

    @property
    def models(self) -> list[ModelInfo]:
        return list(self._models)

    def usable(self) -> list[ModelInfo]:
        """The usable checkpoints (what a request's model can be)."""
        return [m for m in self._models if m.usable and m.kind == "checkpoint"]

    def addons(self, kind: str, arch: str | None = None) -> list[ModelInfo]:
        """The usable ControlNets (kind "controlnet") or LoRAs ("lora"), of family `arch` when given, by id."""
        found = [m for m in self._models if m.usable and m.kind == kind and (arch is None or m.arch == arch)]
        return sorted(found, key=lambda m: m.id.lower())

    def get(self, model_id: str) -> ModelInfo | None:
        return next((m for m in self._models if m.id == model_id), None)

    def scan(self) -> list[ModelInfo]:
        """Every model in the search folders; one that cannot be used is listed with its reason, never raised."""
        found: list[ModelInfo] = []
        for directory in self.search_dirs:
            try:
                entries = sorted(directory.iterdir(), key=lambda p: p.name.lower()) if directory.is_dir() else []
            except OSError as exc:  # an unreadable models folder hides its models, nothing more
                log.info("Cannot list the models folder %s: %s", directory, exc)
                continue
            for entry in _with_addon_folders(entries):
                info = inspect_path(entry)
                if info is not None:
                    found.append(replace(info, sha256=self._cached_hash(info)))
        self._models = _unique_ids(found)
        return self.models

    def ensure_hash(self, model: ModelInfo) -> ModelInfo:
        """Hash the model's files (slow for big files: call off the UI thread) and remember it."""
        if model.sha256 or not model.usable:
            return model
        try:
            digest = self._hash(model)
        except OSError as exc:  # moved, deleted or made unreadable since the scan
            raise checkpoint.unreadable(model.path, exc) from exc
        hashed = replace(model, sha256=digest)
        self._models = [hashed if m.id == model.id else m for m in self._models]
        return hashed

    def _hash(self, model: ModelInfo) -> str:
        if model.format == "single":
            return self.hash_cache.sha256(model.path)
        return folder_sha256(model.path, _weight_files(model.path), self.hash_cache)

    def _cached_hash(self, model: ModelInfo) -> str | None:
        if not model.usable:
            return None
        try:
            if model.format == "single":
                return self.hash_cache.cached(model.path)
            files = _weight_files(model.path)
            if all(self.hash_cache.cached(f) for f in files):
                return folder_sha256(model.path, files, self.hash_cache)
        except OSError as exc:  # changed under our feet: it is hashed again when it is used
            log.info("No cached hash for %s: %s", model.path, exc)
        return None


def inspect_path(path: Path) -> ModelInfo | None:
    """A ModelInfo for anything that looks like a model (usable or with the reason it is not); None otherwise.

    Never raises: whatever is wrong with one file or folder becomes that entry's reason, so one malformed model
    can never stop a scan, the app's start, `doctor` or the Import dialog.
    """
    if path.name.startswith("."):
        return None
    try:
        return _inspect(path)
    except ModelError as exc:
        return _unusable(path, exc.msg, exc.details)
    except OSError as exc:
        error = checkpoint.unreadable(path, exc)
        return _unusable(path, error.msg, error.details)
    except Exception:  # noqa: BLE001 - a model we failed to understand is unusable, not fatal
        # Not log.exception: with no handler configured (the CLI) that prints a traceback to the person.
        log.info("Checking the model %s failed", path, exc_info=True)
        return _unusable(path, msgs.MODEL_UNCHECKABLE(name=shown_name(path.name)), traceback.format_exc())


def _inspect(path: Path) -> ModelInfo | None:
    if path.is_symlink() and not path.exists():
        # A link to a model that was moved (the Import dialog's "Link"), or a link loop: say so, if it is named
        # like a model. stat() raises the precise error (ELOOP, ENOENT) for the message.
        if path.suffix.lower() in (*WEIGHT_SUFFIXES, *PICKLE_SUFFIXES) or not path.suffix:
            path.stat()
        return None
    name = shown_name(path.name)
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in PICKLE_SUFFIXES:
            return _unusable(path, checkpoint.pickled_checkpoint_message(path))
        if suffix != ".safetensors":
            return None
        tensors, metadata = checkpoint.read_header(path)
        found = checkpoint.identify(tensors, metadata, name)
        speed = few_step.speed_from(path.name, metadata) if found.kind != "controlnet" else ""
        if found.kind == "lora" and speed != few_step.LCM:
            speed = ""  # a LoRA is few-step only as an LCM-LoRA ("turbo" in its name is a style)
        return ModelInfo(
            name,
            path,
            "single",
            found.arch,
            _size(path),
            config_dir=single_file_config_dir(path, found.arch, found.kind, found.variant),
            kind=found.kind,
            variant=found.variant,
            speed=speed,
            hint=found.hint,
        )
    if path.is_dir() and path.suffix == ".config" and path.with_suffix(".safetensors").is_file():
        return None  # the config sidecar of the single file beside it (single_file_config_dir)
    if path.is_dir() and (path / "model_index.json").is_file():
        arch = inspect_diffusers_folder(path)
        is_demo = (path / DEMO_MARKER).is_file()
        size = sum(_size(f) for f in _weight_files(path))
        variant = INPAINTING if _unet_in_channels(path) == 9 else ""
        speed = few_step.speed_from(path.name, *_scheduler_facts(path))
        return ModelInfo(name, path, "diffusers", arch, size, is_demo=is_demo, variant=variant, speed=speed)
    if path.is_dir() and (path / LORA_FOLDER_WEIGHTS).is_file():
        return _inspect_lora_folder(path)
    if path.is_dir() and (path / "config.json").is_file():
        return _inspect_controlnet_folder(path)
    if path.is_dir() and path.suffix.lower() in WEIGHT_SUFFIXES:
        raise ModelError(msgs.FOLDER_NOT_CHECKPOINT(name=name))
    return None


def _unusable(path: Path, message: str | Message, details: str = "") -> ModelInfo:
    message = as_message(message)
    kind = next((k for k in ("lora", "controlnet") if message.id.startswith(f"model.{k}_")), "checkpoint")
    if details:
        log.info("Model %s cannot be used: %s\n%s", path, message, details)
    try:
        is_folder = path.is_dir()
    except OSError:
        is_folder = False
    return ModelInfo(
        shown_name(path.name),
        path,
        "diffusers" if is_folder else "single",
        None,
        0 if is_folder else _size(path),
        str(message),
        error_details=details,
        error_msg=message,
        kind=kind,
    )


def single_file_config_dir(path: Path, arch: str, kind: str = "checkpoint", variant: str = "") -> Path | None:
    """A `<stem>.config/` folder beside the file wins (non-standard shapes); else the shipped config for its arch:
    `<arch>`, `<arch>_inpainting` or `controlnet_<arch>`. None for a LoRA (it needs no config)."""
    if kind == "lora":
        return None
    sidecar = path.with_name(path.stem + ".config")
    marker = "config.json" if kind == "controlnet" else "model_index.json"
    if (sidecar / marker).is_file():
        index = _folder_json(sidecar, marker)
        if kind == "controlnet" and checkpoint.config_problem(index):
            raise _implausible_config(sidecar, marker, checkpoint.config_problem(index))
        _check_part_configs(sidecar, [] if kind == "controlnet" else _components(shown_name(sidecar.name), index))
        return sidecar
    if kind == "controlnet":
        return paths.resource("sd_configs", f"controlnet_{arch}")
    return paths.resource("sd_configs", f"{arch}_{variant}" if variant else arch)


def inspect_diffusers_folder(folder: Path) -> str:
    """The folder's architecture, after checking that diffusers will find every part it needs; ModelError if not."""
    name = shown_name(folder.name)
    index = _folder_json(folder, "model_index.json")
    class_name = index.get("_class_name")
    if not isinstance(class_name, str):
        raise ModelError(msgs.FOLDER_NO_PIPELINE_CLASS(name=name))
    arch = PIPELINE_ARCH.get(class_name)
    if arch is None:
        raise ModelError(msgs.FOLDER_UNSUPPORTED_PIPELINE(name=name, pipeline=shown_name(class_name[:80])))
    components = _components(name, index)
    missing = [c for c in REQUIRED_COMPONENTS[arch] if c not in components]
    for component in components:
        sub = folder / component
        if not sub.is_dir():
            missing.append(component)
        elif component.startswith(WEIGHT_COMPONENTS) and not _check_weights(name, component, sub):
            missing.append(f"{component} weights")
    if missing:
        listed = ", ".join(dict.fromkeys(missing))
        raise ModelError(msgs.FOLDER_INCOMPLETE(name=name, listed=listed))
    _check_part_configs(folder, components)
    if arch == "sd15" and _cross_attention_dim(folder) == 1024:
        arch = "sd2"
    return arch


def _check_part_configs(folder: Path, components: list[str]) -> None:
    """ModelError for a part's config that would hang the load or fail a sampler mid-job (checkpoint.py says which)."""
    for component in components:
        sampler = component == "scheduler"
        relative = f"{component}/{'scheduler_config' if sampler else 'config'}.json"
        if (folder / relative).is_file():
            problem = (checkpoint.scheduler_problem if sampler else checkpoint.config_problem)(
                _folder_json(folder, relative)
            )
            if problem:
                raise _implausible_config(folder, relative, problem, sampler)


def _implausible_config(folder: Path, relative: str, details: str, sampler: bool = False) -> ModelError:
    why = msgs.CONFIG_BAD_SAMPLER() if sampler else msgs.CONFIG_IMPOSSIBLE_SIZES()
    return ModelError(msgs.FOLDER_BAD_CONFIG(name=shown_name(folder.name), relative=relative, problem=why), details)


def _with_addon_folders(entries: list[Path]) -> list[Path]:
    """A models folder's entries, with the entries of its lora/controlnet subfolders (one level) after them."""
    out = list(entries)
    for entry in entries:
        # A link is followed: people link their A1111 models/Lora folder here. One level only, so no loop.
        if entry.name.lower() in ADDON_FOLDERS and entry.is_dir():
            try:
                out += sorted(entry.iterdir(), key=lambda p: p.name.lower())
            except OSError as exc:  # an unreadable add-on folder hides its add-ons, nothing more
                log.info("Cannot list %s: %s", entry, exc)
    return out


def _unet_in_channels(folder: Path) -> int | None:
    if not (folder / "unet" / "config.json").is_file():
        return None
    value = _folder_json(folder, "unet/config.json").get("in_channels")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _scheduler_facts(folder: Path) -> tuple[dict[str, str], str | None]:
    """The scheduler config's plain values as texts ("scheduler.<key>") and its class, for few_step.speed_from."""
    if not (folder / "scheduler" / "scheduler_config.json").is_file():
        return {}, None
    config = _folder_json(folder, "scheduler/scheduler_config.json")
    facts = {f"scheduler.{k}": str(v) for k, v in config.items() if isinstance(v, (str, int, float, bool))}
    class_name = config.get("_class_name")
    return facts, class_name if isinstance(class_name, str) else None


def _inspect_controlnet_folder(folder: Path) -> ModelInfo | None:
    """A diffusers ControlNet folder (config.json of ControlNetModel + its weights); None for any other folder."""
    name = shown_name(folder.name)
    weights = folder / CONTROLNET_WEIGHTS
    try:
        config = _folder_json(folder, "config.json")
    except ModelError:
        if weights.is_file() or "controlnet" in folder.name.lower():
            raise
        return None  # some other folder with a config (a VAE, an encoder): not a model SM6 Studio lists
    if config.get("_class_name") != CONTROLNET_CLASS:
        return None
    if checkpoint.config_problem(config):
        raise _implausible_config(folder, "config.json", checkpoint.config_problem(config))
    if not weights.is_file():
        if any((folder / f"diffusion_pytorch_model{s}").is_file() for s in PICKLE_SUFFIXES):
            raise ModelError(addon_files.CONTROLNET_PICKLED(name=name))
        raise ModelError(msgs.FOLDER_INCOMPLETE(name=name, listed=CONTROLNET_WEIGHTS))
    tensors = checkpoint.read_safetensors_header(weights)
    if not any(k.startswith("controlnet_cond_embedding.") for k in tensors):
        raise ModelError(addon_files.CONTROLNET_NO_GUIDE_INPUT(name=name))
    width = config.get("cross_attention_dim")
    if not isinstance(width, int) or isinstance(width, bool) or width <= 0:
        raise ModelError(addon_files.CONTROLNET_BAD_CONFIG(name=name), f"cross_attention_dim: {width!r:.200}")
    arch = addon_files.CROSS_ATTENTION_ARCH.get(width) or (
        "sdxl" if config.get("addition_embed_type") == "text_time" else "sd15"
    )
    hint = addon_files.controlnet_hint(folder.name, {})
    size = sum(_size(f) for f in _weight_files(folder))
    return ModelInfo(name, folder, "diffusers", arch, size, kind="controlnet", hint=hint)


def _inspect_lora_folder(folder: Path) -> ModelInfo | None:
    """A diffusers LoRA folder (as `save_lora_weights` writes it); None when its weights are not a LoRA."""
    weights = folder / LORA_FOLDER_WEIGHTS
    tensors, metadata = checkpoint.read_header(weights)
    found = checkpoint.identify(tensors, metadata, shown_name(folder.name))
    if found.kind != "lora":
        return None
    speed = few_step.speed_from(folder.name, metadata)
    speed = speed if speed == few_step.LCM else ""  # as for a LoRA file: few-step only as an LCM-LoRA
    size = sum(_size(f) for f in _weight_files(folder))
    return ModelInfo(shown_name(folder.name), folder, "diffusers", found.arch, size, kind="lora", speed=speed)


def _folder_json(folder: Path, relative: str) -> dict:
    try:
        return safejson.load_object(folder / relative, relative)
    except BadJSON as exc:
        raise ModelError(
            msgs.FOLDER_BAD_CONFIG(
                name=shown_name(folder.name), relative=relative, problem=safejson.problem_clause(exc)
            ),
            exc.details,
        ) from exc


def _components(name: str, index: dict) -> list[str]:
    """The parts model_index.json lists as [library, class] pairs; a [null, null] pair is an optional part left out."""
    found = []
    for component, spec in index.items():
        if component.startswith("_") or not isinstance(spec, list):
            continue  # settings such as requires_safety_checker
        pair = (len(spec) == 2 and all(isinstance(v, str) for v in spec)) or spec == [None, None]
        if not pair or not _COMPONENT_NAME.fullmatch(component):
            raise ModelError(
                msgs.FOLDER_BAD_COMPONENT(name=name),
                f"entry {component[:100]!r}: {spec!r:.200}",
            )
        if spec[0] is not None:
            found.append(component)
    return found


def _check_weights(name: str, component: str, sub: Path) -> bool:
    """True when the part has safetensors weights, each with a sound header; ModelError for pickles or damage."""
    entries = sorted(sub.iterdir())
    weights = [f for f in entries if f.suffix == ".safetensors" and not f.name.startswith(".")]
    if not weights:
        if any(f.suffix in PICKLE_SUFFIXES for f in entries):
            raise ModelError(msgs.FOLDER_PICKLED_WEIGHTS(name=name, component=component))
        return False
    for f in weights:
        try:
            checkpoint.read_safetensors_header(f)
        except ModelError as exc:
            shown = f"{name}/{component}/{shown_name(f.name)}"
            if isinstance(exc.__cause__, OSError):  # not damaged: unreadable (permissions, a link loop, a bad drive)
                raise checkpoint.unreadable(f, exc.__cause__, shown) from exc
            raise ModelError(
                msgs.FOLDER_DAMAGED_WEIGHTS(name=name, component=component, file=shown_name(f.name)),
                "\n".join(part for part in (exc.message, exc.details) if part),
            ) from exc
    return True


def _cross_attention_dim(folder: Path) -> int | None:
    if not (folder / "unet" / "config.json").is_file():
        return None
    config = _folder_json(folder, "unet/config.json")
    value = config.get("cross_attention_dim")
    # An int for SD pipelines; diffusers also allows one per block.
    values = value if isinstance(value, list) else [value]
    if value is not None and not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in values):
        raise ModelError(
            msgs.FOLDER_BAD_CROSS_ATTENTION(name=shown_name(folder.name)),
            f"cross_attention_dim: {value!r:.200}",
        )
    return values[0] if values else None


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


def listed_models(models: list[ModelInfo]) -> list[ModelInfo]:
    """What a model list offers: every checkpoint, and every file that cannot be used (with its reason) whatever
    it is; usable ControlNets and LoRAs are offered apart (`addons`)."""
    return [m for m in models if m.kind == "checkpoint" or not m.usable]


def describe(model: ModelInfo) -> str:
    """One line for lists and `sm6-studio doctor`."""
    if not model.usable:
        return f"{model.id}: unusable — {model.error}"
    size = f"{model.size_bytes / 1e9:.2f} GB" if model.size_bytes >= 1e8 else f"{model.size_bytes / 1e6:.1f} MB"
    hash_part = model.short_hash or "hash pending"
    kind = {"controlnet": "ControlNet", "lora": "LoRA"}.get(model.kind, "")
    tags = ", ".join(t for t in (kind, model.variant, model.speed) if t)
    return f"{model.id}: {model.arch_label}, {model.format}, {size}, {hash_part}" + (f", {tags}" if tags else "")
