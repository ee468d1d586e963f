"""Running a driver script in a Python process of its own, for what Qt reads only when the QApplication is made (the
input method, so the on-screen keyboard). The driver gets `out` as its one argument and writes <out>/result.json."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_driver(driver: Path, out: Path, timeout: int, env: dict[str, str] | None = None) -> dict:
    """Runs `driver` offscreen with no input method chosen by this machine's environment; its result.json."""
    clean = {k: v for k, v in os.environ.items() if k not in ("QT_IM_MODULE", "QT_QUICK_BACKEND")}
    clean.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **(env or {}))
    done = subprocess.run(
        [sys.executable, str(driver), str(out)], env=clean, capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return json.loads((out / "result.json").read_text(encoding="utf-8"))
