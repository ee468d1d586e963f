"""Shared set-up for the benchmarks: isolated folders and the benchmark-sized model."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
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


def report(
    name: str, value: float, baseline: float, goal: str, unit: str = "s", *, passed: bool | None = None
) -> float:
    """One line: the figure, its baseline and ratio, the goal, and (when `passed` is given) PASS or FAIL."""
    ratio = value / baseline if baseline else float("inf")
    verdict = "" if passed is None else ("  PASS" if passed else "  FAIL")
    print(
        f"{name:<34} {value:9.3f} {unit}  baseline {baseline:9.3f} {unit}  ratio {ratio:6.3f}  (goal {goal}){verdict}",
        flush=True,
    )
    return ratio


def median(values: list[float]) -> float:
    return statistics.median(values)


class Ticks:
    """Gaps between the ticks of a 10 ms QTimer: how long the UI thread was busy at most."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.gaps.append((now - self._last) / 1e6)
        self._last = now

    def restart(self) -> None:
        self.gaps, self._last = [], self._clock.nsecsElapsed()

    def longest(self) -> float:
        return max(self.gaps[1:] or [0.0])

    def stop(self) -> None:
        self._timer.stop()


def spin(app, until, timeout_s: float = 60.0, what: str = "the window") -> float:
    """Run the event loop until `until()` is true; the seconds it took."""
    start = time.perf_counter()
    while not until():
        if time.perf_counter() - start > timeout_s:
            raise TimeoutError(f"{what} did not answer in time")
        app.processEvents()
        time.sleep(0.0005)
    return time.perf_counter() - start


def pause(app, seconds: float) -> None:
    """Keep the event loop running for `seconds`."""
    deadline = time.perf_counter() + seconds
    spin(app, lambda: time.perf_counter() >= deadline)
