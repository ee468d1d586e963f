"""The kiosk's CPU path (issue 18): one-step turbo at 512², end to end, against one bare UNet forward at 512².

Random weights in SD 1.5's full architecture (speed does not depend on the weights), made a turbo model (Euler a on
trailing timesteps, as SD-Turbo), and a random full-size TAESD in models/taesd. In one run, interleaved:
(a) one bare UNet forward (batch 1, 64×64 latents, fp32, no_grad), median of several after a warm-up;
(b) the real Engine with the library saver: a 1-step, guidance 0, decoder "taesd" txt2img request at 512², a
different prompt each time, from submit until the design's PNG is on disk (ImageReady).
Goal: (b) / (a) ≤ 1.4. The stretches of (b) are timed with forward hooks on the text encoder, the UNet and TAESD's
decoder, so the engine's code runs as it is."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import bench_root, isolated_env, median, report

SIZE, ROUNDS = 512, 5
CACHE = Path(tempfile.gettempdir()) / "sm6-bench-cache"
MODEL_NAME = "sd-turbo-random-sd15"  # "turbo" in the name: few-step detection knows it as a turbo model
PROMPTS = [
    "a Renault SM6 in pearl white, studio light",
    "a Renault SM6 in deep blue, city street at night",
    "a Renault SM6 in racing red, mountain road",
    "a Renault SM6 in matte black, desert at dawn",
    "a Renault SM6 in silver, rainy boulevard",
    "a Renault SM6 in green, forest track",
    "a Renault SM6 in gold, showroom floor",
    "a Renault SM6 in orange, seaside promenade",
]


def turbo_model(cache: Path = CACHE) -> Path:
    """SD 1.5's architecture with random weights and SD-Turbo's scheduler, built once into the cache (~4 GB)."""
    target = cache / MODEL_NAME
    if (target / "model_index.json").is_file():
        return target
    import torch
    from diffusers import EulerAncestralDiscreteScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from diffusers.models import AutoencoderKL
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    from app import paths
    from app.generation.pipelines import quiet_libraries

    quiet_libraries()
    cfg = paths.resource("sd_configs", "sd15")
    torch.manual_seed(0)
    scheduler = EulerAncestralDiscreteScheduler.from_pretrained(cfg, subfolder="scheduler")
    pipe = StableDiffusionPipeline(
        vae=AutoencoderKL.from_config(AutoencoderKL.load_config(cfg / "vae")),
        text_encoder=CLIPTextModel(CLIPTextConfig.from_pretrained(cfg / "text_encoder")),
        tokenizer=CLIPTokenizer.from_pretrained(cfg / "tokenizer"),
        unet=UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(cfg / "unet")),
        scheduler=EulerAncestralDiscreteScheduler.from_config(scheduler.config, timestep_spacing="trailing"),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    staging = target.with_name(target.name + ".partial")
    pipe.save_pretrained(staging, safe_serialization=True)
    staging.rename(target)
    return target


def full_taesd(cache: Path = CACHE) -> Path:
    target = cache / "taesd-random" / "taesd"
    if not (target / "config.json").is_file():
        from tests.fixtures.tiny_taesd import build_full_size_taesd

        build_full_size_taesd(target.parent)
    return target


def link_models(root: Path, *folders: Path) -> Path:
    """The cached folders linked into a fresh models folder (copying 4 GB per run would time the disk)."""
    models = root / "models"
    models.mkdir(parents=True, exist_ok=True)
    for folder in folders:
        os.symlink(folder, models / folder.name, target_is_directory=True)
    return models


class PartTimer:
    """When modules' forward calls start and end, via hooks, so the engine's own code is timed as it runs."""

    def __init__(self, **modules) -> None:
        self.calls: list[tuple[str, float, float]] = []  # (name, start, end)
        self._started: dict[str, float] = {}
        self._handles = []
        for name, module in modules.items():
            self._handles.append(module.register_forward_pre_hook(self._start(name)))
            self._handles.append(module.register_forward_hook(self._stop(name)))

    def _start(self, name):
        def hook(*_):
            self._started[name] = time.perf_counter()

        return hook

    def _stop(self, name):
        def hook(*_):
            self.calls.append((name, self._started.pop(name), time.perf_counter()))

        return hook

    def parts(self, submitted: float, ready: float) -> dict[str, float]:
        """Seconds in each stretch from submit to the PNG on disk (one call of each module expected)."""
        at = {name: (start, end) for name, start, end in self.calls}
        assert len(at) == len(self.calls) == 3, f"expected one call each, got {[c[0] for c in self.calls]}"
        return {
            "queue and set-up": at["text"][0] - submitted,
            "text encoder": at["text"][1] - at["text"][0],
            "latents, timesteps": at["unet"][0] - at["text"][1],
            "UNet": at["unet"][1] - at["unet"][0],
            "step end": at["decode"][0] - at["unet"][1],
            "TAESD decode": at["decode"][1] - at["decode"][0],
            "PNG, row, hand-off": ready - at["decode"][1],
        }

    def reset(self) -> None:
        self.calls = []

    def close(self) -> None:
        for handle in self._handles:
            handle.remove()


def bare_unet_forward(unet, size: int = SIZE) -> float:
    """One UNet forward on batch 1 at `size`² (latents size/8), fp32, as a pipeline step without guidance runs it."""
    import torch

    generator = torch.Generator("cpu").manual_seed(0)
    latents = torch.randn((1, 4, size // 8, size // 8), generator=generator, dtype=unet.dtype)
    context = torch.randn((1, 77, unet.config.cross_attention_dim), generator=generator, dtype=unet.dtype)
    timestep = torch.tensor(999)
    with torch.no_grad():
        started = time.perf_counter()
        unet(latents, timestep, encoder_hidden_states=context, return_dict=False)
        return time.perf_counter() - started


def scheduler_id() -> str:
    from app.generation.schedulers import SCHEDULER_TABLE

    return "turbo" if "turbo" in SCHEDULER_TABLE else "euler_a"  # "turbo" arrives with few-step support


def engine_once(engine, recorder, prompt: str, seed: int, size: int = SIZE) -> tuple[float, float, float]:
    """(submitted, ready, seconds): from submit to the design's PNG on disk (the saver has written it and its row
    when ImageReady comes)."""
    from app.generation import events as ev
    from app.generation.request import GenerationRequest

    request = GenerationRequest(
        prompt=prompt,
        preset="none",
        seed=seed,
        steps=1,
        guidance=0.0,
        width=size,
        height=size,
        scheduler=scheduler_id(),
        decoder="taesd",
    )
    started = time.perf_counter()
    job = engine.submit(request)
    found = recorder.wait_for(lambda e: isinstance(e, (ev.ImageReady, ev.JobFailed)) and e.job.id == job.id, 600)
    ready = next(at for event, at in recorder.timed if event is found)
    assert isinstance(found, ev.ImageReady), getattr(found, "message", found)
    assert Path(found.design.image_path).is_file()
    recorder.wait_job(job.id, timeout=60)
    return started, ready, ready - started


def run(argv: list[str] | None = None) -> float:
    root = bench_root()
    isolated_env(root)
    started = time.perf_counter()
    models = link_models(root, turbo_model(), full_taesd())
    print(f"  (models ready in {time.perf_counter() - started:.0f} s; cached in {CACHE})", flush=True)
    from tests.app.engine_helpers import make_engine

    engine, recorder, library = make_engine(models, root / "data", live_previews=True, fast_decoder=True)
    try:
        engine_once(engine, recorder, "warm-up", 1)  # loads (and hashes) the model once, as the app does
        loaded = engine._loaded
        assert loaded.taesd is not None, "TAESD was not loaded"
        unet = loaded.txt2img.unet
        timer = PartTimer(text=loaded.txt2img.text_encoder, unet=unet, decode=loaded.taesd.decoder)
        bare_unet_forward(unet)
        bare, e2e, parts = [bare_unet_forward(unet)], [], []
        # interleaved, each run between two bare forwards: on a shared machine the load drifts, and a run's own
        # baseline is the mean of the forwards just before and after it
        for r in range(ROUNDS):
            timer.reset()
            submitted, ready, seconds = engine_once(
                engine, recorder, PROMPTS[r % len(PROMPTS)] + f", take {r}", 100 + r
            )
            e2e.append(seconds)
            parts.append(timer.parts(submitted, ready))
            bare.append(bare_unet_forward(unet))
        timer.close()
    finally:
        engine.shutdown()
        library.close()
    for name in parts[0]:
        print(f"  {name:<20} {median([p[name] for p in parts]) * 1000:7.0f} ms (median)")
    ratios = [seconds / ((bare[r] + bare[r + 1]) / 2) for r, seconds in enumerate(e2e)]
    print(f"  each run against the two forwards around it: {', '.join(f'{x:.3f}' for x in ratios)}")
    # The UNet call inside the run is the same work as the bare forward, timed in the same seconds as the rest:
    # 1 + rest / UNet is the ratio with the machine's load drift taken out.
    rest = median([sum(p.values()) - p["UNet"] for p in parts])
    own_unet = median([p["UNet"] for p in parts])
    print(f"  everything but the UNet: {rest:.3f} s = {rest / own_unet:.3f} × the run's own UNet call")
    print(f"  ({ROUNDS} rounds at {SIZE}², 1 step, guidance 0, scheduler {scheduler_id()}, decoder taesd)")
    ratio = median(e2e) / median(bare)
    return report("turbo 1-step 512² end to end", median(e2e), median(bare), "<= 1.4", passed=ratio <= 1.4)
