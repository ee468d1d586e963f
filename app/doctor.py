"""`sm6-studio doctor`: everything a support call needs, on one screen, plus a verdict."""

from __future__ import annotations

import importlib.metadata as md
import logging
import platform
import sys

from app import __version__, build_info, data_lock, paths
from app.cli_messages import display_width
from app.fsutil import check_writable
from app.messages import Msg

ALL_CHECKS_PASSED = Msg("doctor.all_checks_passed", "All checks passed.")
NO_USABLE_MODEL = Msg(
    "doctor.no_usable_model",
    "No installed model can be used (the Models list above says why). Fix or remove them, or put another model "
    "in {where}.",
)
NO_MODEL = Msg(
    "doctor.no_model",
    "No model is installed. Put a Stable Diffusion model (a .safetensors file or a diffusers folder) in {where}, "
    "or try the demo model: the app offers it, and `sm6-studio generate` builds it when no model is installed.",
)
DATA_FOLDER_NOT_WRITABLE = Msg("doctor.data_folder_not_writable", "The data folder is not writable: {data}.")
TORCH_BROKEN = Msg("doctor.torch_broken", "torch cannot be imported; reinstall it (see README, GPU notes).")
# Section titles and row names: what a support call reads back, in the person's language.
SECTION_TORCH = Msg("doctor.section.torch", "Torch and device")
SECTION_MODELS = Msg("doctor.section.models", "Models")
SECTION_FOLDERS = Msg("doctor.section.folders", "Folders")
SECTION_PACKAGES = Msg("doctor.section.packages", "Packages")
SECTION_PROBLEMS = Msg("doctor.section.problems", "Problems")
ROW_VERSION = Msg("doctor.row.version", "version")
ROW_BUILD = Msg("doctor.row.build", "build")
ROW_PLATFORM = Msg("doctor.row.platform", "platform")
ROW_RUNS_ON = Msg("doctor.row.runs_on", "will run on")
ROW_NOTE = Msg("doctor.row.note", "note")
ROW_COMPILE = Msg("doctor.row.compile", "compile for the GPU")
COMPILE_ON = Msg("doctor.compile.on", "on; compiled kernels kept in {folder}")
COMPILE_ON_NO_CUDA = Msg("doctor.compile.on_no_cuda", "on, but only an NVIDIA graphics card (CUDA) uses it")
COMPILE_OFF = Msg("doctor.compile.off", "off (Settings › Generation › Compile for this graphics card)")
ROW_SEARCHED = Msg("doctor.row.searched", "searched")
ROW_MODEL = Msg("doctor.row.model", "model")
ROW_CONTROLNET = Msg("doctor.row.controlnet", "ControlNet")
ROW_LORA = Msg("doctor.row.lora", "LoRA")
ROW_DATA = Msg("doctor.row.data", "data")
ROW_IN_USE_BY = Msg("doctor.row.in_use_by", "in use by")
ROW_CONFIG = Msg("doctor.row.config", "config")
ROW_SETTINGS = Msg("doctor.row.settings", "settings")
ROW_USER_MODELS = Msg("doctor.row.user_models", "user models")
NOT_INSTALLED = Msg("doctor.not_installed", "not installed")
TORCH_NOT_IMPORTED = Msg("doctor.torch_not_imported", "cannot be imported ({kind}; see the log)")
NO_MODELS_FOUND = Msg("doctor.no_models_found", "none found (the demo model can be built)")
MODEL_USABLE = Msg("doctor.model_usable", "{id}: {kind}, {format}, {size}, {hash}")
MODEL_UNUSABLE = Msg("doctor.model_unusable", "{id}: unusable — {error}")
HASH_PENDING = Msg("doctor.hash_pending", "hash pending")
# What a model is, beside its family: few-step and inpainting checkpoints behave differently (defaults, masks).
KIND_INPAINTING = Msg("doctor.kind_inpainting", "{arch} inpainting")
KIND_TURBO = Msg("doctor.kind_turbo", "{arch} turbo")
KIND_LCM = Msg("doctor.kind_lcm", "{arch} LCM")
KIND_LCM_LORA = Msg("doctor.kind_lcm_lora", "{arch} LCM-LoRA")
EDGES_GUIDE = Msg("doctor.edges_guide", "{arch} edges guide")
DEPTH_GUIDE = Msg("doctor.depth_guide", "{arch} depth guide")
FORMAT_SINGLE = Msg("doctor.format_single", "single file")
FORMAT_DIFFUSERS = Msg("doctor.format_diffusers", "diffusers folder")
FOLDER_WRITABLE = Msg("doctor.folder_writable", "{folder} (writable)")
FOLDER_PROBLEM = Msg("doctor.folder_problem", "{folder} ({problem})")
IN_USE_BY_APP = Msg("doctor.in_use_by_app", "SM6 Design Studio, process {pid}")
IN_USE_BY_NOTHING = Msg("doctor.in_use_by_nothing", "nothing else right now")
SETTINGS_READ = Msg("doctor.settings_read", "read")
MPS_AVAILABLE = Msg("doctor.mps_available", "available")
MPS_NOT_AVAILABLE = Msg("doctor.mps_not_available", "not available")

log = logging.getLogger(__name__)

PACKAGES = (
    "torch",
    "diffusers",
    "transformers",
    "safetensors",
    "accelerate",
    "PySide6-Essentials",
    "qasync",
    "resvg-py",
)


def _version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return str(NOT_INSTALLED())


def _torch_rows(generation) -> list[tuple[str, str]]:
    import torch

    from app.generation import compiled_unet
    from app.generation.devices import choose_device, describe_torch

    info = describe_torch()
    if "mps" in info:  # said again here in the person's language (describe_torch's words are English)
        mps = getattr(torch.backends, "mps", None)
        info["mps"] = str((MPS_AVAILABLE if mps and mps.is_available() else MPS_NOT_AVAILABLE)())
    rows = list(info.items())
    choice = choose_device(generation.device)
    rows.append((str(ROW_RUNS_ON()), f"{choice.label} ({choice.dtype_name})"))
    if choice.note:
        rows.append((str(ROW_NOTE()), choice.note))
    if not generation.compile_unet:
        compiling = COMPILE_OFF()
    elif choice.device == "cuda":
        compiling = COMPILE_ON(folder=compiled_unet.cache_folder(paths.data_dir()))
    else:
        compiling = COMPILE_ON_NO_CUDA()
    rows.append((str(ROW_COMPILE()), str(compiling)))
    return rows


def _cuda_usable() -> bool:
    import torch

    return bool(torch.cuda.is_available())


def _model_line(model) -> str:
    if not model.usable:
        return str(MODEL_UNUSABLE(id=model.id, error=model.error_msg or model.error))
    size = f"{model.size_bytes / 1e9:.2f} GB" if model.size_bytes >= 1e8 else f"{model.size_bytes / 1e6:.1f} MB"
    form = {"single": FORMAT_SINGLE(), "diffusers": FORMAT_DIFFUSERS()}.get(model.format, model.format)
    hash_part = model.short_hash or HASH_PENDING()
    return str(MODEL_USABLE(id=model.id, kind=_kind(model), format=form, size=size, hash=hash_part))


def _kind(model) -> str:
    arch = model.arch_label
    if model.kind == "controlnet":
        return str((DEPTH_GUIDE if model.hint == "depth" else EDGES_GUIDE)(arch=arch))
    if model.kind == "lora":
        return str(KIND_LCM_LORA(arch=arch)) if model.speed == "lcm" else arch
    if model.variant == "inpainting":
        return str(KIND_INPAINTING(arch=arch))
    if model.speed in ("turbo", "lcm"):
        return str((KIND_TURBO if model.speed == "turbo" else KIND_LCM)(arch=arch))
    return arch


def _model_row(model) -> str:
    """The row's name: what it is (a model, a ControlNet, a LoRA), so the three kinds read apart."""
    return str({"controlnet": ROW_CONTROLNET, "lora": ROW_LORA}.get(model.kind, ROW_MODEL)())


def collect() -> tuple[list[tuple[str, list[tuple[str, str]]]], list[str]]:
    """Sections of (label, value) rows, and the problems that make the app unusable."""
    problems: list[str] = []
    build = build_info.current()
    sections = [
        (
            "SM6 Design Studio",
            [
                (str(ROW_VERSION()), __version__),
                (str(ROW_BUILD()), build_info.describe(build)),
                ("python", sys.version.split()[0]),
                (str(ROW_PLATFORM()), platform.platform()),
            ],
        )
    ]
    from app.config import read_settings

    loaded = read_settings(set_aside=False)  # doctor only reports: the app itself keeps a bad file aside
    try:
        torch_rows = _torch_rows(loaded.settings.generation)
        cuda_usable: bool | None = _cuda_usable()
    except Exception as exc:  # a broken torch install is exactly what doctor must report
        log.warning("torch cannot be imported", exc_info=True)
        torch_rows = [("torch", str(TORCH_NOT_IMPORTED(kind=type(exc).__name__)))]
        problems.append(str(TORCH_BROKEN()))
        cuda_usable = None
    build_note = build_info.note(build, cuda_usable)
    if build_note is not None:  # under the build row: the other build would suit this computer better
        sections[0][1].insert(2, (str(ROW_NOTE()), str(build_note)))
    sections.append((str(SECTION_TORCH()), torch_rows))

    from app.generation.registry import ModelRegistry

    registry = ModelRegistry()
    models = registry.scan()
    model_rows = [(str(ROW_SEARCHED()), ", ".join(str(d) for d in registry.search_dirs))]
    ordered = sorted(models, key=lambda m: ("checkpoint", "controlnet", "lora").index(m.kind))  # stable: by kind
    model_rows += [(_model_row(m), _model_line(m)) for m in ordered] or [(str(ROW_MODEL()), str(NO_MODELS_FOUND()))]
    sections.append((str(SECTION_MODELS()), model_rows))

    data, config = paths.data_dir(), paths.config_dir()
    data_problem = check_writable(data)
    if data_problem:
        problems.append(str(DATA_FOLDER_NOT_WRITABLE(data=data)))
    owner = data_lock.owner_pid(data)  # read, never locked: doctor must not wait for the app or a generate
    data_row = FOLDER_PROBLEM(folder=data, problem=data_problem) if data_problem else FOLDER_WRITABLE(folder=data)
    settings_row = loaded.warning_msg or loaded.warning or SETTINGS_READ()
    sections.append(
        (
            str(SECTION_FOLDERS()),
            [
                (str(ROW_DATA()), str(data_row)),
                (str(ROW_IN_USE_BY()), str(IN_USE_BY_APP(pid=owner) if owner else IN_USE_BY_NOTHING())),
                (str(ROW_CONFIG()), str(config)),
                (str(ROW_SETTINGS()), " ".join(str(settings_row).split())),
                (str(ROW_USER_MODELS()), str(paths.user_models_dir())),
            ],
        )
    )
    sections.append((str(SECTION_PACKAGES()), [(name, _version(name)) for name in PACKAGES]))
    model_problem = _model_problem(models)
    if model_problem:
        problems.append(model_problem)
    return sections, problems


def _model_problem(models) -> str:
    if any(m.usable and m.kind == "checkpoint" for m in models):
        return ""
    where = paths.user_models_dir()
    if not models:
        return str(NO_MODEL(where=where))
    return str(NO_USABLE_MODEL(where=where))


def run_doctor() -> int:
    sections, problems = collect()
    for title, rows in sections:
        print(title)
        width = max(display_width(k) for k, _ in rows)
        for key, value in rows:
            print(f"  {key}{' ' * (width - display_width(key))}  {value}")
        print()
    if problems:
        print(SECTION_PROBLEMS())
        for problem in problems:
            print(f"  {problem}")
        print(f"sm6-studio doctor: {problems[0]}", file=sys.stderr)
        return 1
    print(ALL_CHECKS_PASSED())
    return 0
