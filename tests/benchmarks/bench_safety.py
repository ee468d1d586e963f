"""The picture check on the app's own outputs: how often it holds back a picture it should not (false positives)
and what it costs per picture on this CPU.

The pictures are what a kiosk visitor makes without a real model installed: the demo model (random weights, the one
a fresh install has) from the SM6 artwork, over every style preset, several seeds and the shape slider's range, plus
the SM6 artwork itself at the sizes the app renders. Every one is a safe picture, so each one flagged is a false
positive. The cost is measured against reading the same PNG (which any check has to do) in the same run.
`SM6_SAFETY_SEEDS` (default 3) sizes the run.
"""

from __future__ import annotations

import io
import os
import time

from tests.benchmarks.common import bench_root, isolated_env, median, report

SEEDS = int(os.environ.get("SM6_SAFETY_SEEDS", "3"))
SIZE = 256
PROMPTS = ("pearl white with gold trim", "matte black, red brake calipers", "진주색 바디, 금색 휠")


def _outputs(root) -> list[bytes]:
    from app.generation import events as ev
    from app.generation.base_art import render_base
    from app.generation.demo_model import install_demo_model
    from app.generation.presets import default_presets
    from tests.app.engine_helpers import make_engine, quick_request

    model_dir = install_demo_model()
    engine, recorder, library = make_engine(model_dir.parent, root / "data", live_previews=False)
    pngs: list[bytes] = []
    presets = [p.id for p in default_presets().presets]
    try:
        for i, preset in enumerate(presets):
            for seed in range(SEEDS):
                request = quick_request(
                    prompt=PROMPTS[(i + seed) % len(PROMPTS)],
                    preset=preset,
                    seed=seed,
                    steps=4,
                    width=SIZE,
                    height=SIZE,
                    batch=1,
                    source="base",
                    strength=(0.35, 0.6, 0.85)[seed % 3],
                )
                done = recorder.wait_job(engine.submit(request).id, timeout=600)
                assert isinstance(done, ev.JobFinished), done
                pngs += [library.image_path(d.image_sha256).read_bytes() for d in done.designs]
    finally:
        engine.shutdown()
        library.close()
    for size in (256, 512, 768):
        buffer = io.BytesIO()
        render_base(size, size).convert("RGB").save(buffer, "PNG")
        pngs.append(buffer.getvalue())
    return pngs


def run() -> float:
    root = bench_root()
    isolated_env(root)
    from PIL import Image

    from app.safety.image_check import ImageSafety
    from app.safety.settings import SafetySettings

    pngs = _outputs(root)
    safety = ImageSafety(threshold=SafetySettings().image_threshold)
    assert safety.available(), safety.problem
    safety.check(pngs[0])  # warm: the first run of an onnxruntime session allocates
    scores, check_times, read_times = [], [], []
    for png in pngs:
        started = time.perf_counter()
        Image.open(io.BytesIO(png)).load()
        read_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        verdict = safety.check(png)
        check_times.append(time.perf_counter() - started)
        assert verdict.checked, verdict.problem
        scores.append(verdict.score)
    flagged = sum(s >= safety.threshold for s in scores)
    print(
        f"  {len(pngs)} of the app's own pictures: {flagged} flagged at threshold {safety.threshold} "
        f"(false positives {flagged / len(pngs):.1%}); highest score {max(scores):.3f}, median {median(scores):.3f}"
    )
    print(f"  picture check on CPU: median {median(check_times) * 1000:.1f} ms a picture")
    return report("picture check (one picture)", median(check_times), median(read_times), "report", "s")
