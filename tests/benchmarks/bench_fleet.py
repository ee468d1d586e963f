"""Fleets (issue 20): N simulated kiosks generating on one shared server, against this computer's own Engine doing
the same work in the same run.

Each kiosk is a thread with its own RemoteBackend (app/fleet/remote.py), as each kiosk PC has one; it submits its
images one after another, as a visitor does (the next once the last has come back). The server is a real Ray Serve
application on 127.0.0.1 (started as tests/fixtures/fleet_server.py does) with the demo model, once with each replica
count asked for. The baseline is the local Engine on the same model with the same kiosk threads submitting the same
requests (same prompts, seeds, size and steps), before Ray starts and again after it stopped (a kiosk's own engine
runs without Ray beside it): the two runs together are the baseline, so a drift in the machine's load over the run
hits both sides alike. Both sides run with save=False:
the figures are generation plus transport, not the library's disk writes.

Figures: throughput in images per minute (first request sent → last image back), and latency per image (submit →
JobFinished), p50 and p95, with how much of it passed before the job started; each as a ratio to the local Engine's,
then the replica counts against the first one. Without a GPU each replica gets its share of the cores (all of them
for one replica, half each for two: app/fleet/server.py replica_cpus) and runs torch on that many threads, as the
local Engine runs on every core. With CUDA, the engine and the replicas run on the GPU, the replicas sharing this
machine's one GPU (1/N of it each).

With `--passes 1,4` the first replica count also runs with 4 images a pass: the kiosks' waiting requests are
denoised together (app/generation/shared_pass.py), the figure a GPU server is judged by.

Options: `fleet --kiosks N --images M --replicas 1,2 --passes 1,4`."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx2

from tests.benchmarks.common import bench_root, isolated_env, report

KIOSKS, IMAGES, SIZE, STEPS = 4, 5, 128, 4
REPLICAS = (1, 2)
PASSES = (1, 4)  # images per pass: 1 is every image on its own; more joins the waiting kiosks' images (shared_pass.py)
PROMPT = "a Renault SM6 in pearl white, studio light"


@dataclass
class Options:
    kiosks: int = KIOSKS
    images: int = IMAGES
    replicas: tuple[int, ...] = REPLICAS
    passes: tuple[int, ...] = PASSES

    def setups(self) -> list[tuple[int, int]]:
        """(replicas, images per pass): each replica count on its own, then the first one with each pass size."""
        return [(r, 1) for r in self.replicas] + [(self.replicas[0], p) for p in self.passes if p != 1]


@dataclass
class Figures:
    wall_s: float
    latencies: list[float]  # submit → JobFinished, per image
    waits: list[float]  # submit → JobStarted (the kiosk's queue, the server's queue, the trip), per image
    device: str = ""
    shared: list = field(default_factory=list)  # images that came from shared passes (GeneratedImage)

    @property
    def per_minute(self) -> float:
        return len(self.latencies) / self.wall_s * 60.0

    def quantile(self, q: float, values: list[float] | None = None) -> float:
        ordered = sorted(self.latencies if values is None else values)
        if len(ordered) == 1:
            return ordered[0]
        return statistics.quantiles(ordered, n=100, method="inclusive")[round(q * 100) - 1]


def parse(argv: list[str] | None) -> Options:
    """The options, or exit 2 with the reason before anything is built."""
    parser = argparse.ArgumentParser(prog="scripts/bench.sh fleet", description="kiosks against one server")
    parser.add_argument("--kiosks", type=int, default=KIOSKS, help=f"simulated kiosks (default {KIOSKS})")
    parser.add_argument("--images", type=int, default=IMAGES, help=f"images each kiosk makes (default {IMAGES})")
    parser.add_argument("--replicas", default=",".join(map(str, REPLICAS)), help="replica counts, e.g. 1,2")
    parser.add_argument(
        "--passes", default=",".join(map(str, PASSES)), help="images per pass tried with the first replica count"
    )
    args = parser.parse_args(argv or [])
    replicas, passes = _counts(parser, "--replicas", args.replicas), _counts(parser, "--passes", args.passes)
    if max(passes) > 16:
        parser.error("--passes: at most 16 images a pass")
    if args.kiosks < 1 or args.images < 1:
        parser.error("--kiosks and --images take whole numbers of at least 1")
    return Options(args.kiosks, args.images, replicas, passes)


def _counts(parser: argparse.ArgumentParser, flag: str, text: str) -> tuple[int, ...]:
    try:
        counts = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        counts = ()
    if not counts or min(counts) < 1:
        parser.error(f"{flag} takes whole numbers of at least 1, separated by commas, not {text!r}")
    return counts


def request_for(kiosk: int, n: int):
    from app.generation.request import GenerationRequest

    return GenerationRequest(
        prompt=f"{PROMPT}, kiosk {kiosk}, take {n}",
        preset="none",
        seed=1000 * kiosk + n,
        steps=STEPS,
        width=SIZE,
        height=SIZE,
    )


def drive(backends: list, recorders: list, images: int) -> Figures:
    """Every kiosk thread submits `images` requests, each once the last came back; all start at once."""
    from app.generation import events as ev

    start = threading.Barrier(len(backends) + 1)
    latencies: list[float] = []
    waits: list[float] = []
    shared: list = []
    failures: list[str] = []
    lock = threading.Lock()

    def kiosk(k: int) -> None:
        start.wait()
        for n in range(images):
            began = time.perf_counter()
            job = backends[k].submit(request_for(k, n), save=False)
            done = recorders[k].wait_job(job.id, timeout=600)
            ended = time.perf_counter()
            started = next(
                (at for e, at in list(recorders[k].timed) if isinstance(e, ev.JobStarted) and e.job.id == job.id), ended
            )
            with lock:
                if isinstance(done, ev.JobFinished) and done.images:
                    latencies.append(ended - began)
                    waits.append(started - began)
                    shared.extend(image for image in done.images if image.request.pass_size > 1)
                else:
                    failures.append(f"kiosk {k}, image {n}: {type(done).__name__} {getattr(done, 'message', '')}")

    threads = [threading.Thread(target=kiosk, args=(k,), name=f"kiosk-{k}") for k in range(len(backends))]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    if failures:
        raise RuntimeError("some images did not come back:\n  " + "\n  ".join(failures))
    return Figures(wall, latencies, waits, shared=shared)


class Local:
    """The baseline: this computer's Engine, every kiosk thread submitting to it; loaded once."""

    def __init__(self, models: Path, root: Path) -> None:
        from tests.app.engine_helpers import make_engine

        self.engine, self.recorder, self.library = make_engine(models, root / "data-local")
        self.recorder.wait_job(self.engine.submit(request_for(99, 0), save=False).id, timeout=600)  # loads the model
        self.device = self.engine.device_label()

    def figures(self, options: Options) -> Figures:
        figures = drive([self.engine] * options.kiosks, [self.recorder] * options.kiosks, options.images)
        figures.device = self.device
        return figures

    def regenerates(self, image) -> bool:
        """Whether this engine, given an image's own record (a row of a shared pass), makes the same pixels: what
        Verify relies on. The server ran on this machine's device, so the pixels must be equal, not only close."""
        import numpy as np

        from app.generation import events as ev

        done = self.recorder.wait_job(
            self.engine.submit(image.request.replace(seed=image.seed, batch=1), save=False).id
        )
        if not isinstance(done, ev.JobFinished):
            return False
        return bool(np.array_equal(np.asarray(done.images[0].image()), np.asarray(image.image())))

    def close(self) -> None:
        self.engine.shutdown()
        self.library.close()


def both(before: Figures, after: Figures) -> Figures:
    return Figures(
        before.wall_s + after.wall_s, before.latencies + after.latencies, before.waits + after.waits, before.device
    )


class Server:
    """A real Ray Serve application on 127.0.0.1, as tests/fixtures/fleet_server.py starts it, on the benchmark's
    folders; `deploy(replicas)` starts it afresh with that many replicas (Ray itself starts once)."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        from app.fleet import server
        from app.fleet.tokens import TokenStore

        self.root = root
        data = root / "data-server"
        self.settings = server.ServeSettings(port=_free_port(), data_dir=str(data))
        self.url = self.settings.url
        self.tokens = TokenStore(data / "serve" / "tokens.json")
        self._ray_temp = tempfile.mkdtemp(prefix="r", dir="/tmp")  # Ray's socket paths must stay short
        # Ray's token authentication as `serve` runs it, its token in the benchmark's data folder (not ~/.ray)
        server.start_ray(temp_dir=self._ray_temp, num_cpus=os.cpu_count() or 2, env=env, data_dir=data)
        self._issued, self.gpus, self.device = 0, 0.0, "?"
        self.deployed = False
        self.threads: dict[int, int] = {}  # replica count -> each replica's torch threads (its cores)

    def threads_text(self) -> str:
        return ", ".join(f"{n} with {replicas} replica(s)" for replicas, n in self.threads.items())

    def deploy(self, replicas: int, per_pass: int = 1) -> None:
        from app.fleet import server

        logging.getLogger("ray.serve").setLevel(logging.WARNING)  # its INFO lines would drown the figures
        # with CUDA, every replica count shares this machine's one GPU (a second replica would never be placed on a
        # whole one); without it, the replicas run on the CPU like the local engine
        gpus = self.gpus = 1.0 / replicas if server._cuda_count() > 0 else 0.0
        options = {"replicas": replicas, "gpus_per_replica": gpus, "rate_per_minute": 600.0, "max_queued": 64}
        options["images_per_pass"] = per_pass
        if self.deployed:
            # Serve updates a deployment by starting the new replicas before it stops the old ones; the old ones
            # hold every core (or the GPU), so the new ones would wait for ever. Each replica count starts afresh.
            server.stop_app("sm6")
        settings = self.settings.with_flags(**options)
        server.serve_app(settings, name="sm6")
        self.deployed = True
        self.threads[replicas] = int(server.replica_cpus(settings, os.cpu_count() or 1))
        self.device = httpx2.get(f"{self.url}/health", timeout=60).json().get("device", "?")

    def issue_token(self) -> str:
        self._issued += 1
        return self.tokens.issue(f"bench kiosk {self._issued}")

    def close(self) -> None:
        from app.fleet import server

        try:
            server.shutdown()
        finally:
            shutil.rmtree(self._ray_temp, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fleet_figures(server: Server, options: Options) -> Figures:
    """N kiosks, each its own RemoteBackend, against the running server."""
    from app.fleet.remote import RemoteBackend
    from tests.app.engine_helpers import Recorder

    backends, recorders = [], []
    try:
        for _ in range(options.kiosks):
            backend = RemoteBackend(server.url, server.issue_token(), timeout_s=60.0)
            recorder = Recorder()
            backend.subscribe(recorder)
            backends.append(backend)
            recorders.append(recorder)
        warm_up = drive(backends, recorders, 1)  # every replica loads the model (not timed)
        print(f"  (warm-up: {len(warm_up.latencies)} images in {warm_up.wall_s:.1f} s)", flush=True)
        return drive(backends, recorders, options.images)
    finally:
        for backend in backends:
            backend.shutdown()


def show(label: str, figures: Figures, baseline: Figures) -> float:
    ratio = report(f"{label}: images per minute", figures.per_minute, baseline.per_minute, "higher is better", "/min")
    for name, q in (("p50", 0.5), ("p95", 0.95)):
        report(f"{label}: latency {name}", figures.quantile(q), baseline.quantile(q), "smaller is better")
    wait, base_wait = figures.quantile(0.5, figures.waits), baseline.quantile(0.5, baseline.waits)
    print(
        f"  of which before the job started (p50): {wait:.3f} s, local {base_wait:.3f} s; running (p50): "
        f"{figures.quantile(0.5) - wait:.3f} s, local {baseline.quantile(0.5) - base_wait:.3f} s",
        flush=True,
    )
    return ratio


def run(argv: list[str] | None = None) -> float:
    options = parse(argv)
    root = bench_root()
    env = isolated_env(root)
    from app.generation.demo_model import install_demo_model

    models = install_demo_model().parent
    total = options.kiosks * options.images
    print(
        f"  {options.kiosks} kiosks × {options.images} images = {total} images, demo model at {SIZE}², {STEPS} steps; "
        f"(replicas, images per pass): {', '.join(map(str, options.setups()))}",
        flush=True,
    )
    by_setup: dict[tuple[int, int], Figures] = {}
    local = Local(models, root)
    try:
        before = local.figures(options)
        server = Server(root, {**env, "TQDM_DISABLE": "1"})
        try:
            for replicas, per_pass in options.setups():
                server.deploy(replicas, per_pass)
                by_setup[replicas, per_pass] = fleet_figures(server, options)
        finally:
            server.close()
        after = local.figures(options)  # Ray gone again: a kiosk's own engine runs without it
        shared = [image for figures in by_setup.values() for image in figures.shared]
        exact = [local.regenerates(image) for image in shared[:3]]
    finally:
        local.close()
    baseline = both(before, after)
    import torch

    print(
        f"  local Engine on {local.device} (torch on {torch.get_num_threads()} threads): {before.per_minute:.1f} "
        f"images/min before the server, {after.per_minute:.1f} after; server on {server.device}"
        + ("" if server.gpus else f" (torch threads per replica: {server.threads_text()})"),
        flush=True,
    )
    if shared:
        rows = ", ".join(f"row {i.request.pass_row} of {i.request.pass_size}" for i in shared[:3])
        verdict = "the same pixels" if all(exact) else "DIFFERENT pixels: Verify would not say exact"
        print(f"  {len(shared)} images came from shared passes; {rows} regenerated here as Verify does: {verdict}")
    ratio = 0.0
    for (replicas, per_pass), figures in by_setup.items():
        passes = f", {per_pass} images a pass" if per_pass > 1 else ""
        value = show(f"fleet, {replicas} replica(s){passes}", figures, baseline)
        ratio = ratio or value
    first = options.replicas[0]
    for replicas in options.replicas[1:]:
        report(
            f"{replicas} replicas against {first}: images/min",
            by_setup[replicas, 1].per_minute,
            by_setup[first, 1].per_minute,
            "higher is better",
            "/min",
        )
    for per_pass in (p for p in options.passes if p != 1):
        report(
            f"{first} replica(s), {per_pass} images a pass against 1: images/min"
            + (" (one GPU: per GPU)" if server.gpus else ""),
            by_setup[first, per_pass].per_minute,
            by_setup[first, 1].per_minute,
            "higher is better",
            "/min",
        )
    return ratio


if __name__ == "__main__":
    run(sys.argv[1:])
