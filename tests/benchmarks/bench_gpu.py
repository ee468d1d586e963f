"""GPU throughput (run on a CUDA machine): an SD 1.5-architecture pipeline with random weights, 512², fp16, 25 steps,
through plain diffusers and through the app's engine, plus the optimisations (channels_last, torch.compile).

Two figures per path:
- loop it/s: denoising steps per second over steps 1..25 (what diffusers' progress bar shows), plain diffusers only,
  with the GPU synchronised at both ends;
- end-to-end it/s: 25 / seconds per finished image (text encoding, denoising, VAE decode, PNG written), the same
  definition for plain diffusers and the engine (live previews on, PNG with metadata, library record).
Median over several images after a warm-up image.
"""

from __future__ import annotations

import statistics
import sys
import time

from tests.benchmarks.common import bench_root, isolated_env

STEPS, SIZE, IMAGES = 25, 512, 5
PROMPT = "a Renault SM6 in pearl white, studio light"


def build_full_size_sd15(folder):
    import torch
    from diffusers import AutoencoderKL, PNDMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    from app import paths

    cfg = paths.resource("sd_configs", "sd15")
    torch.manual_seed(0)
    with torch.device("cuda"):  # random init on the GPU takes a second instead of a minute
        unet = UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(cfg / "unet")).half()
        vae = AutoencoderKL.from_config(AutoencoderKL.load_config(cfg / "vae")).half()
        text = CLIPTextModel(CLIPTextConfig.from_pretrained(cfg / "text_encoder")).half()
    pipe = StableDiffusionPipeline(
        vae=vae,
        text_encoder=text,
        tokenizer=CLIPTokenizer.from_pretrained(cfg / "tokenizer"),
        unet=unet,
        scheduler=PNDMScheduler.from_pretrained(cfg, subfolder="scheduler"),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(folder, safe_serialization=True)
    pipe.set_progress_bar_config(disable=True)
    return pipe


def plain_rates(pipe, out) -> tuple[float, float]:
    """(loop it/s, end-to-end it/s) for plain diffusers."""
    import torch
    from diffusers import DPMSolverMultistepScheduler

    pipe.scheduler = DPMSolverMultistepScheduler.from_config(pipe.scheduler.config, algorithm_type="dpmsolver++")
    marks = {}

    def mark(_p, i, _t, kwargs):
        if i in (0, STEPS - 1):
            torch.cuda.synchronize()
            marks[i] = time.perf_counter()
        return kwargs

    out.mkdir(parents=True, exist_ok=True)
    loop, e2e = [], []
    for n in range(IMAGES + 1):
        started = time.perf_counter()
        image = pipe(
            PROMPT,
            num_inference_steps=STEPS,
            width=SIZE,
            height=SIZE,
            callback_on_step_end=mark,
            generator=torch.Generator("cpu").manual_seed(n),
        ).images[0]
        image.save(out / f"{n}.png")
        if n:  # the first image warms up kernels and the allocator
            loop.append((STEPS - 1) / (marks[STEPS - 1] - marks[0]))
            e2e.append(STEPS / (time.perf_counter() - started))
    return statistics.median(loop), statistics.median(e2e)


def engine_rate(models_dir, data_dir, **settings) -> float:
    """End-to-end it/s through the app's engine: 25 / seconds between consecutive finished designs."""
    from app.generation import events as ev
    from tests.app.engine_helpers import make_engine, quick_request

    engine, rec, library = make_engine(models_dir, data_dir, **settings)
    request = quick_request(prompt=PROMPT, preset="none", steps=STEPS, width=SIZE, height=SIZE, guidance=7.5)
    rec.wait_job(engine.submit(request.replace(batch=1)).id, timeout=900)  # load + warm-up
    started_at = time.perf_counter()
    job = engine.submit(request.replace(batch=IMAGES, seed=100))
    done = rec.wait_job(job.id, timeout=900)
    assert isinstance(done, ev.JobFinished), done
    stamps = [started_at] + [t for e, t in rec.timed if isinstance(e, ev.ImageReady) and e.job.id == job.id]
    engine.shutdown()
    library.close()
    return statistics.median(STEPS / (b - a) for a, b in zip(stamps, stamps[1:]))


def save_cost(root) -> float:
    import numpy as np
    from PIL import Image

    from app.generation import pngmeta
    from app.generation.request import GenerationRequest
    from app.library.models import NewDesign
    from app.library.store import Library

    library = Library.open(root / "save-probe")
    rng = np.random.default_rng(0)
    times = []
    for i in range(5):
        image = Image.fromarray(rng.integers(0, 255, (SIZE, SIZE, 3), dtype=np.uint8))
        started = time.perf_counter()
        png = pngmeta.encode_png(image, parameters="x" * 400, request={"prompt": "x"}, extra={"i": i})
        library.add(
            NewDesign(
                png=png,
                request=GenerationRequest(prompt="x"),
                seed=i,
                prompt_final="x",
                negative_final="",
                model_name="m",
                model_hash="h",
                device="cuda",
            )
        )
        times.append(time.perf_counter() - started)
    library.close()
    return statistics.median(times)


def run() -> None:
    import torch

    if not torch.cuda.is_available():
        print("gpu: no CUDA device here; run this on a GPU machine", file=sys.stderr)
        return
    print(
        f"GPU: {torch.cuda.get_device_name(0)}, torch {torch.__version__}; SD 1.5 architecture, random weights, "
        f"{SIZE}², fp16, {STEPS} steps, DPM++ 2M, guidance 7.5",
        flush=True,
    )
    root = bench_root()
    isolated_env(root)
    folder = root / "models" / "sd15-random"
    pipe = build_full_size_sd15(folder)
    rows = []

    def show(label, loop, e2e):
        rows.append((label, loop, e2e))
        loop_text = f"{loop:7.2f}" if loop else "      -"
        print(f"  {label:<44} loop {loop_text} it/s   end-to-end {e2e:6.2f} it/s", flush=True)

    show("plain diffusers (SDPA)", *plain_rates(pipe, root / "p1"))
    pipe.unet.to(memory_format=torch.channels_last)
    show("plain diffusers + channels_last", *plain_rates(pipe, root / "p2"))
    del pipe
    torch.cuda.empty_cache()
    print(
        f"  saving one 512² design (PNG with metadata + durable library write): {save_cost(root) * 1000:.0f} ms",
        flush=True,
    )
    show("engine (SDPA, live previews; app default)", None, engine_rate(folder.parent, root / "d1"))
    show("engine + channels_last", None, engine_rate(folder.parent, root / "d2", channels_last=True))
    print(
        f"  engine / plain end-to-end: {rows[2][2] / rows[0][2]:.3f}; "
        f"with channels_last: {rows[3][2] / rows[1][2]:.3f}",
        flush=True,
    )
    started = time.perf_counter()
    show("engine + torch.compile (setting)", None, engine_rate(folder.parent, root / "d3", compile_unet=True))
    print(f"  (engine with torch.compile, warm-up included, took {time.perf_counter() - started:.0f} s)", flush=True)
    try:
        from diffusers import StableDiffusionPipeline

        pipe = StableDiffusionPipeline.from_pretrained(folder, torch_dtype=torch.float16).to("cuda")
        pipe.set_progress_bar_config(disable=True)
        pipe.unet = torch.compile(pipe.unet, fullgraph=True)
        started = time.perf_counter()
        show("plain diffusers + torch.compile", *plain_rates(pipe, root / "p3"))
        print(f"  (torch.compile warm-up and runs took {time.perf_counter() - started:.0f} s)")
    except Exception as exc:  # compile support varies with driver and build: report it, do not fail the run
        print(f"  torch.compile failed: {str(exc).splitlines()[0][:200]}")
