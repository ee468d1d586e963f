"""Shared set-up for the benchmarks: isolated folders and the benchmark-sized model."""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path


def isolated_env(root: Path) -> dict[str, str]:
    env = {
        "SM6_DATA_DIR": str(root / "data"),
        "SM6_CONFIG_DIR": str(root / "config"),
        "SM6_MODELS_DIR": str(root / "user-models"),
        "SM6_BUNDLED_MODELS_DIR": str(root / "models"),
        "HF_HUB_OFFLINE": "1",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    os.environ.update(env)
    return env


def bench_root() -> Path:
    return Path(tempfile.mkdtemp(prefix="sm6-bench-"))


def bench_model(root: Path) -> Path:
    """The UNet-dominated model the issue names: block_out_channels (64, 128, 256)."""
    from tests.fixtures.tiny_models import build_bench_sd15

    target = root / "models" / "bench-sd15"
    if not (target / "model_index.json").is_file():
        build_bench_sd15(target)
    return target


def report(name: str, value: float, baseline: float, goal: str, unit: str = "s") -> float:
    ratio = value / baseline if baseline else float("inf")
    print(
        f"{name:<34} {value:9.3f} {unit}  baseline {baseline:9.3f} {unit}  ratio {ratio:6.3f}  (goal {goal})",
        flush=True,
    )
    return ratio


def median(values: list[float]) -> float:
    return statistics.median(values)
