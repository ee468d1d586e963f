"""Engine overhead: the app's engine making 8 images (live previews on, PNG + library record each) against a plain
diffusers script doing the same work (8 images, same model, steps, size and seeds, each saved as a PNG)."""

from __future__ import annotations

import time
from pathlib import Path

from tests.benchmarks.common import bench_model, bench_root, isolated_env, median, report

IMAGES, STEPS, SIZE, ROUNDS = 8, 8, 256, 3
PROMPT = "pearl white SM6, studio light"


def plain_diffusers(model_dir: Path, out: Path, seed: int) -> float:
    import torch
    from diffusers import DPMSolverMultistepScheduler, StableDiffusionPipeline

    pipe = StableDiffusionPipeline.from_pretrained(model_dir, safety_checker=None, requires_safety_checker=False)
    pipe.scheduler = DPMSolverMultistepScheduler.from_config(pipe.scheduler.config, algorithm_type="dpmsolver++")
    pipe.set_progress_bar_config(disable=True)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for i in range(IMAGES):
        image = pipe(
            PROMPT,
            num_inference_steps=STEPS,
            width=SIZE,
            height=SIZE,
            generator=torch.Generator("cpu").manual_seed(seed + i),
        ).images[0]
        image.save(out / f"{i}.png")
    return time.perf_counter() - started


def engine_run(engine, recorder, seed: int) -> float:
    from app.generation import events as ev
    from tests.app.engine_helpers import quick_request

    started = time.perf_counter()
    job = engine.submit(
        quick_request(
            prompt=PROMPT, preset="none", steps=STEPS, width=SIZE, height=SIZE, batch=IMAGES, seed=seed, guidance=7.5
        )
    )
    done = recorder.wait_job(job.id, timeout=1800)
    assert isinstance(done, ev.JobFinished), done
    return time.perf_counter() - started


def run() -> float:
    root = bench_root()
    isolated_env(root)
    model_dir = bench_model(root)
    from app.generation import events as ev
    from tests.app.engine_helpers import make_engine

    engine, recorder, library = make_engine(model_dir.parent, root / "data", live_previews=True)
    recorder.wait_job(engine.submit(_warmup()).id, timeout=600)  # loads the model once, as the app does
    plain_diffusers(model_dir, root / "warm", 0)
    engine_times, plain_times = [], []
    for r in range(ROUNDS):  # interleaved, so drift in machine load hits both alike
        plain_times.append(plain_diffusers(model_dir, root / f"plain{r}", 1000 * r))
        engine_times.append(engine_run(engine, recorder, 1000 * r))
    previews = sum(1 for e in recorder.of(ev.StepProgress) if e.preview is not None)
    engine.shutdown()
    library.close()
    print(f"  ({IMAGES} images × {STEPS} steps at {SIZE}², {previews} live previews shown)")
    return report("engine overhead (8 images)", median(engine_times), median(plain_times), "<= 1.05")


def _warmup():
    from tests.app.engine_helpers import quick_request

    return quick_request(steps=2, width=SIZE, height=SIZE, preset="none")
