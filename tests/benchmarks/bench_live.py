"""Live mode's frame time (issue 18) on this computer's CPU with the demo model at 256², as a ratio to one bare UNet
forward of the demo model at 256² measured in the same run; and how many frames are dropped when the controls change
faster than frames come (latest wins).

A frame takes the path live mode takes: Engine.submit(request, save=False, stream=LIVE_STREAM) with decoder "taesd",
until its JobFinished (the frame as a GeneratedImage with its provenance; its PNG is made only if read, and nothing is
written). The benchmark's models folder has no TAESD, so it installs one: the tests' tiny TAESD, and then TAESD's real
shape (random weights) for a second row, since that is what a kiosk with TAESD installed runs; then, for comparison,
no TAESD: decoder "vae", the demo model's own small VAE.

`live --before-after` instead measures what a frame cost before the frame costs were cut (the PNG encoded for every
frame, the pipeline's device looked up by diffusers on every call) against now, frame for frame interleaved on two
engines, with the bare UNet forward between them."""

from __future__ import annotations

import contextlib
import shutil
import threading
import time

from tests.benchmarks.common import bench_root, isolated_env, median, report

SIZE, FRAMES, BURST = 256, 9, 24
DRAG_EVERY_S = 0.3  # ui/design/live_mode.py: at most one frame request every ~300 ms while a slider is dragged
PROMPT = "a Renault SM6 in pearl white, studio light"


def frame_request(text: str, steps: int, seed: int = 7, decoder: str = "taesd"):
    from app.generation.request import GenerationRequest

    guidance = 0.0 if steps == 1 else 1.0  # what few-step models run with (app/generation/few_step.py)
    return GenerationRequest(
        prompt=text, preset="none", seed=seed, steps=steps, guidance=guidance, width=SIZE, height=SIZE, decoder=decoder
    )


def one_frame(engine, recorder, request) -> float:
    from app.generation import events as ev
    from app.generation.backend import LIVE_STREAM

    started = time.perf_counter()
    job = engine.submit(request, save=False, stream=LIVE_STREAM)
    done = recorder.wait_job(job.id, timeout=120)
    assert isinstance(done, ev.JobFinished) and done.images, done
    return time.perf_counter() - started


def frame_times(engine, recorder, unet, steps: int, decoder: str) -> tuple[float, float]:
    """(median frame, median bare UNet forward), interleaved; each frame's prompt differs, as typing makes it."""
    from tests.benchmarks.bench_turbo import bare_unet_forward

    one_frame(engine, recorder, frame_request("warm-up", steps, decoder=decoder))
    bare_unet_forward(unet, SIZE)
    frames, bare = [], []
    for n in range(FRAMES):
        bare.append(bare_unet_forward(unet, SIZE))
        frames.append(one_frame(engine, recorder, frame_request(f"{PROMPT}, take {n}", steps, decoder=decoder)))
    return median(frames), median(bare)


def burst(engine, recorder, steps: int, every_s: float, decoder: str) -> tuple[int, int, float]:
    """BURST requests, one every `every_s` seconds (a slider being dragged): (frames shown, dropped, seconds from the
    last request to its frame). Only the last request's frame must come; the others may be dropped."""
    from app.generation import events as ev
    from app.generation.backend import LIVE_STREAM

    ids = []
    for n in range(BURST):
        request = frame_request(f"{PROMPT}, shade {n}", steps, seed=n, decoder=decoder)
        ids.append(engine.submit(request, save=False, stream=LIVE_STREAM).id)
        last_sent = time.perf_counter()
        if n < BURST - 1:
            threading.Event().wait(every_s)
    last = recorder.wait_job(ids[-1], timeout=120)
    latency = time.perf_counter() - last_sent
    assert isinstance(last, ev.JobFinished), last
    for job_id in ids:
        recorder.wait_job(job_id, timeout=120)
    shown = sum(1 for e in recorder.of(ev.JobFinished) if e.job.id in ids)
    return shown, BURST - shown, latency


class Before:
    """While active, new frames are made as before: the PNG encoded at once, the pipeline's device not pinned."""

    def __enter__(self):
        from app.generation import pipelines, runner

        self._saved = (runner.LazyPng, pipelines.pin_execution_device)
        runner.LazyPng = lambda encode: encode()
        pipelines.pin_execution_device = lambda pipe: pipe
        return self

    def __exit__(self, *exc) -> None:
        from app.generation import pipelines, runner

        runner.LazyPng, pipelines.pin_execution_device = self._saved


def before_after(models, root) -> float:
    """(frame before ÷ frame now) at 1 and 4 steps, tiny TAESD: two engines, their frames interleaved."""
    from tests.app.engine_helpers import make_engine
    from tests.benchmarks.bench_turbo import bare_unet_forward
    from tests.fixtures.tiny_taesd import build_tiny_taesd

    build_tiny_taesd(models)
    engines = {}
    try:
        for label in ("before", "now"):
            engines[label] = make_engine(models, root / f"data-{label}", live_previews=True)
            with Before() if label == "before" else contextlib.nullcontext():
                one_frame(*engines[label][:2], frame_request("load", 1))  # loads the model (and TAESD)
        unet = engines["now"][0]._loaded.txt2img.unet
        print(f"  demo model at {SIZE}², decoder taesd (tiny TAESD), live previews on; before and now interleaved")
        ratio = 0.0
        for steps in (1, 4):
            times: dict[str, list[float]] = {"before": [], "now": [], "bare": []}
            for n in range(FRAMES * 2 + 1):  # the first round warms up
                times["bare"].append(bare_unet_forward(unet, SIZE))
                for label, (engine, recorder, _library) in engines.items():
                    with Before() if label == "before" else contextlib.nullcontext():
                        request = frame_request(f"{PROMPT}, take {n}", steps)
                        times[label].append(one_frame(engine, recorder, request))
            before, now, bare = (median(values[1:]) for values in times.values())
            report(f"live frame before, {steps} step(s)", before, bare, "smaller is better")
            report(f"live frame now, {steps} step(s)", now, bare, "smaller is better")
            change = report(f"  now against before, {steps} step(s)", now, before, "smaller is better")
            ratio = ratio or change
        return ratio
    finally:
        for engine, _recorder, library in engines.values():
            engine.shutdown()
            library.close()


def run(argv: list[str] | None = None) -> float:
    root = bench_root()
    env = isolated_env(root)
    if argv and "--before-after" in argv:
        from app.generation.demo_model import install_demo_model

        return before_after(install_demo_model().parent, root)
    from app.generation.demo_model import install_demo_model
    from tests.app.engine_helpers import make_engine
    from tests.benchmarks.bench_turbo import full_taesd
    from tests.fixtures.tiny_taesd import build_tiny_taesd

    models = install_demo_model().parent
    ratio = 0.0
    for label, decoder, install in (
        ("tiny TAESD", "taesd", lambda: build_tiny_taesd(models)),
        ("TAESD's real shape", "taesd", lambda: shutil.copytree(full_taesd(), models / "taesd")),
        ("the demo model's own small VAE", "vae", lambda: None),  # for comparison: what live mode does without TAESD
    ):
        shutil.rmtree(models / "taesd", ignore_errors=True)
        install()
        engine, recorder, library = make_engine(models, root / "data", live_previews=True)
        try:
            one_frame(engine, recorder, frame_request("load", 1, decoder=decoder))  # loads the model (and TAESD) once
            unet = engine._loaded.txt2img.unet
            print(f"  demo model at {SIZE}², decoder {decoder} ({label}), live previews on, {env['SM6_MODELS_DIR']}")
            for steps in (1, 4):
                frame, bare = frame_times(engine, recorder, unet, steps, decoder)
                value = report(f"live frame, {steps} step(s), {label}", frame, bare, "smaller is better")
                ratio = ratio or value
                # three requests a frame (the worst case), then live mode's own pace while a slider is dragged
                for every, why in ((frame / 3, "3 per frame"), (DRAG_EVERY_S, "live mode's pace while dragging")):
                    shown, dropped, latency = burst(engine, recorder, steps, every, decoder)
                    print(
                        f"  requests every {every * 1000:.0f} ms ({why}): {BURST} sent, {shown} frames shown, "
                        f"{dropped} dropped; the last request's frame came {latency * 1000:.0f} ms after it",
                        flush=True,
                    )
        finally:
            engine.shutdown()
            library.close()
    return ratio
