"""Cancel latency, in denoising steps that still ran after Cancel was pressed (goal: at most 1).

Cancel is pressed at random moments within steps of different jobs; the figure is the worst case. The baseline is
the number of steps a job would have run without Cancel, so the ratio is the share of work that was still done."""

from __future__ import annotations

import random
import time

from tests.benchmarks.common import bench_model, bench_root, isolated_env, report

TRIALS, STEPS = 12, 40


def run() -> None:
    root = bench_root()
    isolated_env(root)
    model_dir = bench_model(root)
    from app.generation import events as ev
    from tests.app.engine_helpers import make_engine, quick_request

    engine, rec, library = make_engine(model_dir.parent, root / "data")
    rec.wait_job(engine.submit(quick_request(steps=2, width=256, height=256)).id, timeout=600)
    rng = random.Random(6)
    worst, ran = 0, []
    for trial in range(TRIALS):
        job = engine.submit(quick_request(steps=STEPS, width=256, height=256, seed=trial))
        wanted = rng.randint(1, STEPS // 2)
        rec.wait_for(lambda e: isinstance(e, ev.StepProgress) and e.job.id == job.id and e.job.step >= wanted)
        time.sleep(rng.uniform(0, 0.3))  # land anywhere inside a step
        engine.cancel(job.id)
        done = rec.wait_job(job.id)
        assert isinstance(done, ev.JobCancelled), done
        worst = max(worst, done.steps_after_cancel)
        ran.append(done.job.step)
    engine.shutdown()
    library.close()
    print(f"  ({TRIALS} cancels at random points; steps after cancel: worst {worst})")
    report("cancel latency (steps, worst case)", worst, 1, "<= 1 step", "steps")
