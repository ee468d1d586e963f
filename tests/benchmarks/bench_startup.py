"""Startup: process start to the first painted main window, against `python -c "import torch, diffusers"`."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.benchmarks.common import bench_model, bench_root, isolated_env, median, report

RUNS = 3


def _time_until(args: list[str], marker: str | None, env: dict) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        if marker is None:
            proc.wait(timeout=120)
            return time.perf_counter() - started
        for line in proc.stdout:
            if marker in line:
                return time.perf_counter() - started
        raise RuntimeError(f"{args} exited without printing {marker!r}")
    finally:
        proc.kill()
        proc.wait()


def run() -> float:
    root = bench_root()
    env = {**os.environ, **isolated_env(root), "SM6_EXIT_AFTER_FIRST_PAINT": "1"}
    bench_model(root)  # a real model is installed, as on a user's machine
    baseline = [_time_until([sys.executable, "-c", "import torch, diffusers"], None, env) for _ in range(RUNS)]
    app = [_time_until([sys.executable, "-m", "ui.entry"], "FIRST_PAINT", env) for _ in range(RUNS)]
    return report("startup to first paint", median(app), median(baseline), "<= 0.35")
