"""The command line: `sm6-studio` opens the window; `generate` and `doctor` run headless through the same engine.

Failures exit non-zero with one line that says why.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from pathlib import Path
from typing import Callable, Sequence

from app import __version__
from app.errors import UserFacingError
from app.generation.request import SCHEDULERS

EXIT_FAILURE = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sm6-studio", description="Design your own Renault SM6 with local Stable Diffusion."
    )
    parser.add_argument("--version", action="version", version=f"sm6-studio {__version__}")
    parser.add_argument("--kiosk", action="store_true", help="open the window in showroom kiosk mode")
    sub = parser.add_subparsers(dest="command")
    gen = sub.add_parser("generate", help="generate designs headless (uses the demo model when no other is installed)")
    gen.add_argument("prompt", help='your words, e.g. "pearl white with gold trim"')
    gen.add_argument("--preset", default="studio", help="style preset id (see `sm6-studio presets`)")
    gen.add_argument("--negative", default="", help="what to avoid")
    gen.add_argument("--seed", type=int, default=None, help="fixed seed (default: random)")
    gen.add_argument("--model", default="", help="model id as listed by `sm6-studio doctor`")
    gen.add_argument("--steps", type=int, default=None)
    gen.add_argument("--guidance", type=float, default=7.0)
    gen.add_argument(
        "--size", default=None, help="WIDTHxHEIGHT, multiples of 8 (default 512x512; 256x256 for the demo model)"
    )
    gen.add_argument("--batch", type=int, default=1, help="variations with consecutive seeds")
    gen.add_argument("--sampler", choices=SCHEDULERS, default="dpmpp_2m")
    gen.add_argument(
        "--from", dest="source", default="none", help="start from 'base' (the SM6 artwork) or a design id to refine"
    )
    gen.add_argument("--keep-shape", type=float, default=0.4, help="0..0.95: how much of the starting image to keep")
    gen.add_argument("--out", type=Path, default=None, help="also copy the PNGs into this folder")
    sub.add_parser("doctor", help="report torch, device, models and data folders for a support call")
    sub.add_parser("presets", help="list the style presets")
    return parser


def main(argv: Sequence[str] | None = None, open_window: Callable[[argparse.Namespace], int] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "generate":
            return run_generate(args)
        if args.command == "doctor":
            from app.doctor import run_doctor

            return run_doctor()
        if args.command == "presets":
            from app.generation.presets import default_presets

            for p in default_presets().presets:
                print(f"{p.id:16} {p.label} — {p.description}")
            return 0
        if open_window is None:
            print("sm6-studio: the window is not available in this build.", file=sys.stderr)
            return EXIT_FAILURE
        return open_window(args)
    except UserFacingError as exc:
        print(f"sm6-studio: {exc.message}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("sm6-studio: interrupted.", file=sys.stderr)
        return 130


def parse_size(text: str) -> tuple[int, int]:
    from app.errors import RequestError

    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise RequestError(f"Size '{text}' is not WIDTHxHEIGHT, e.g. 512x512.") from None
    return w, h


def run_generate(args: argparse.Namespace) -> int:
    from app.generation import events as ev
    from app.generation.request import GenerationRequest
    from app.services import open_services

    services = open_services(need_model=True, model_id=args.model)
    engine = services.engine
    model = engine.resolve_model(args.model)
    default_size, default_steps = (256, 12) if model.is_demo else (512, 25)
    width, height = parse_size(args.size) if args.size else (default_size, default_size)
    source, design_id = ("none", None)
    if args.source == "base":
        source = "base"
    elif args.source not in ("", "none"):
        source, design_id = "design", args.source
    request = GenerationRequest(
        prompt=args.prompt,
        preset=args.preset,
        negative_prompt=args.negative,
        seed=args.seed,
        steps=args.steps or default_steps,
        guidance=args.guidance,
        width=width,
        height=height,
        batch=args.batch,
        scheduler=args.sampler,
        source=source,
        source_design_id=design_id,
        strength=round(1.0 - args.keep_shape, 3),
        model_id=model.id,
    )
    done = threading.Event()
    outcome: dict = {"designs": [], "error": None}

    def on_event(event) -> None:
        if isinstance(event, ev.ModelLoading):
            print(f"{'Hashing' if event.stage == 'hashing' else 'Loading'} {event.label}…", flush=True)
        elif isinstance(event, ev.ModelLoaded):
            print(f"Model ready on {event.device_label} in {event.seconds:.1f} s", flush=True)
            if event.note:
                print(f"Note: {event.note}", flush=True)
        elif isinstance(event, ev.StepProgress):
            job = event.job
            print(
                f"\rImage {job.image_index + 1}/{job.request.batch} · step {job.step}/{job.steps}", end="", flush=True
            )
        elif isinstance(event, ev.ImageReady):
            print(
                f"\nSaved design {event.design.id} (seed {event.design.seed}) → {event.design.image_path}", flush=True
            )
        elif isinstance(event, ev.JobFinished):
            outcome["designs"] = list(event.designs)
            done.set()
        elif isinstance(event, ev.JobFailed):
            outcome["error"] = event.message
            done.set()
        elif isinstance(event, ev.JobCancelled):
            outcome["error"] = "cancelled."
            done.set()

    engine.subscribe(on_event)
    try:
        print(f"Generating {request.batch} design(s) with {model.label}", flush=True)
        job = engine.submit(request)
        print(f"Seed {job.request.seed}", flush=True)
        try:
            done.wait()
        except KeyboardInterrupt:
            engine.cancel(job.id)
            raise
    finally:
        engine.shutdown()
        services.close()
    if outcome["error"]:
        raise UserFacingError(outcome["error"])
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for design in outcome["designs"]:
            shutil.copyfile(design.image_path, args.out / f"sm6-{design.id}.png")
        print(f"Copied {len(outcome['designs'])} PNG(s) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
