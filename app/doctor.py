"""`sm6-studio doctor`: everything a support call needs, on one screen, plus a verdict."""

from __future__ import annotations

import importlib.metadata as md
import platform
import sys

from app import __version__, data_lock, paths
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
        return "not installed"


def collect() -> tuple[list[tuple[str, list[tuple[str, str]]]], list[str]]:
    """Sections of (label, value) rows, and the problems that make the app unusable."""
    problems: list[str] = []
    sections = [
        (
            "SM6 Design Studio",
            [
                ("version", __version__),
                ("python", sys.version.split()[0]),
                ("platform", platform.platform()),
            ],
        )
    ]
    from app.config import read_settings

    loaded = read_settings(set_aside=False)  # doctor only reports: the app itself keeps a bad file aside
    try:
        from app.generation.devices import choose_device, describe_torch

        torch_rows = list(describe_torch().items())
        choice = choose_device(loaded.settings.generation.device)
        torch_rows.append(("will run on", f"{choice.label} ({choice.dtype_name})"))
        if choice.note:
            torch_rows.append(("note", choice.note))
    except Exception as exc:  # a broken torch install is exactly what doctor must report
        torch_rows = [("torch", f"cannot be imported: {exc}")]
        problems.append("torch cannot be imported; reinstall it (see README, GPU notes).")
    sections.append(("Torch and device", torch_rows))

    from app.generation.registry import ModelRegistry, describe

    registry = ModelRegistry()
    models = registry.scan()
    model_rows = [("searched", ", ".join(str(d) for d in registry.search_dirs))]
    model_rows += [("model", describe(m)) for m in models] or [("model", "none found (the demo model can be built)")]
    sections.append(("Models", model_rows))

    data, config = paths.data_dir(), paths.config_dir()
    data_problem = check_writable(data)
    if data_problem:
        problems.append(str(DATA_FOLDER_NOT_WRITABLE(data=data)))
    owner = data_lock.owner_pid(data)  # read, never locked: doctor must not wait for the app or a generate
    sections.append(
        (
            "Folders",
            [
                ("data", f"{data} ({'writable' if not data_problem else data_problem})"),
                ("in use by", f"SM6 Design Studio, process {owner}" if owner else "nothing else right now"),
                ("config", str(config)),
                ("settings", " ".join(loaded.warning.split()) or "read"),
                ("user models", str(paths.user_models_dir())),
            ],
        )
    )
    sections.append(("Packages", [(name, _version(name)) for name in PACKAGES]))
    model_problem = _model_problem(models)
    if model_problem:
        problems.append(model_problem)
    return sections, problems


def _model_problem(models) -> str:
    if any(m.usable for m in models):
        return ""
    where = paths.user_models_dir()
    if not models:
        return str(NO_MODEL(where=where))
    return str(NO_USABLE_MODEL(where=where))


def run_doctor() -> int:
    sections, problems = collect()
    for title, rows in sections:
        print(title)
        width = max(len(k) for k, _ in rows)
        for key, value in rows:
            print(f"  {key.ljust(width)}  {value}")
        print()
    if problems:
        print("Problems")
        for problem in problems:
            print(f"  {problem}")
        print(f"sm6-studio doctor: {problems[0]}", file=sys.stderr)
        return 1
    print(ALL_CHECKS_PASSED())
    return 0
