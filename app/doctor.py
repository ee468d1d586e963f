"""`sm6-studio doctor`: everything a support call needs, on one screen, plus a verdict."""

from __future__ import annotations

import importlib.metadata as md
import platform
import sys

from app import __version__, paths
from app.fsutil import check_writable

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
    try:
        from app.config import load_settings
        from app.generation.devices import choose_device, describe_torch

        torch_rows = list(describe_torch().items())
        choice = choose_device(load_settings().generation.device)
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
        problems.append(f"The data folder is not writable: {data}.")
    sections.append(
        (
            "Folders",
            [
                ("data", f"{data} ({'writable' if not data_problem else data_problem})"),
                ("config", str(config)),
                ("user models", str(paths.user_models_dir())),
            ],
        )
    )
    sections.append(("Packages", [(name, _version(name)) for name in PACKAGES]))
    return sections, problems


def run_doctor() -> int:
    sections, problems = collect()
    for title, rows in sections:
        print(title)
        width = max(len(k) for k, _ in rows)
        for key, value in rows:
            print(f"  {key.ljust(width)}  {value}")
        print()
    if problems:
        print(f"sm6-studio doctor: {problems[0]}", file=sys.stderr)
        return 1
    print("All checks passed.")
    return 0
