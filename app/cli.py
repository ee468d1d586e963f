"""The command line: `sm6-studio` opens the window; `generate` and `doctor` run headless through the same engine.

Every failure exits non-zero with one line that says why: 2 for an argument that can never work, 1 for
everything else. Anything unforeseen is written with its traceback to a log file in the data folder and reported
in one plain line, never as a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import threading
from pathlib import Path
from typing import Callable, Sequence

from app import __version__, cli_campaign, cli_kiosk_at_boot, cli_remove_data, cli_serve, crash_log, i18n, self_test
from app import cli_messages as words
from app.cli_checks import UsageError, check_generate_args, check_out_folder
from app.cli_messages import argparse_speaks, helps
from app.errors import UserFacingError
from app.generation.request import DECODERS, HINTS, SCHEDULERS, VIEWS
from app.messages import Msg
from app.messages import set_moment_formatter as set_messages_moment
from app.showroom.messages import HELP_NO_KIOSK

WAITING_FOR_FOLDER = Msg(
    "cli.waiting_for_folder",
    "The data folder is in use by another SM6 Design Studio; waiting up to {seconds:g} s for it…",
)
WAITING_FOR_FOLDER_PID = Msg(
    "cli.waiting_for_folder_pid",
    "The data folder is in use by another SM6 Design Studio (process {pid}); waiting up to {seconds:g} s for it…",
)
DEMO_MODEL_BUILT = Msg(
    "cli.demo_model_built",
    "No other model is installed, so the demo model, built just now, is used. It makes abstract images: run "
    "`sm6-studio doctor` to see where to put a Stable Diffusion model.",
)
DEMO_MODEL_INSTALLED = Msg(
    "cli.demo_model_installed",
    "No other model is installed, so the demo model is used. It makes abstract images: run "
    "`sm6-studio doctor` to see where to put a Stable Diffusion model.",
)
NO_WINDOW = Msg("cli.no_window", "the window is not available in this build.")
NO_USABLE_MODEL_INSTALLED = Msg(
    "cli.no_usable_model_installed",
    "No installed model can be used ({reasons}). Fix or remove them (`sm6-studio doctor` says why); the demo "
    "model stands in only when no model is installed.",
)
NO_MODEL_INSTALLED = Msg(
    "cli.no_model_installed",
    "No usable model is installed. Run `sm6-studio doctor` to see where to put one.",
)
MODEL_NOT_INSTALLED = Msg(
    "cli.model_not_installed",
    "The model '{wanted}' is not installed. --model takes a model id as `sm6-studio doctor` lists it under "
    "Models, or the path of an installed model.",
)
MODEL_UNUSABLE = Msg("cli.model_unusable", "The model '{model}' cannot be used: {error}")
COPY_OUT_FAILED = Msg(
    "cli.copy_out_failed",
    "The designs are saved in the library, but copying them to {folder} failed ({reason}).",
)
MODEL_PATH_NOT_INSTALLED = Msg(
    "cli.model_path_not_installed",
    "{wanted} is not an installed model. Put it in {models_folder} (or import it in the app), then give its id "
    "or its path there; `sm6-studio doctor` lists the installed models.",
)
CONTROLNET_NOT_INSTALLED = Msg(
    "cli.controlnet_not_installed",
    "The ControlNet '{wanted}' is not installed. --control takes a ControlNet's id as `sm6-studio doctor` lists it, "
    "or the path of an installed one.",
)
LORA_NOT_INSTALLED = Msg(
    "cli.lora_not_installed",
    "The LoRA '{wanted}' is not installed. --lora takes a LoRA's id as `sm6-studio doctor` lists it, or the path of "
    "an installed one.",
)
NOT_INSTALLED = {"checkpoint": MODEL_NOT_INSTALLED, "controlnet": CONTROLNET_NOT_INSTALLED, "lora": LORA_NOT_INSTALLED}
CONTROLNET_OTHER_FAMILY = Msg(
    "cli.controlnet_other_family",
    "The ControlNet '{addon}' is made for {its_family} models, but {model} is {family}: choose a ControlNet made for "
    "{family}.",
)
LORA_OTHER_FAMILY = Msg(
    "cli.lora_other_family",
    "The LoRA '{addon}' is made for {its_family} models, but {model} is {family}: choose a LoRA made for {family}.",
)
OTHER_FAMILY = {"controlnet": CONTROLNET_OTHER_FAMILY, "lora": LORA_OTHER_FAMILY}

log = logging.getLogger(__name__)

EXIT_FAILURE = 1
EXIT_USAGE = 2
DEFAULT_WAIT_S = 60.0
DEFAULT_SAMPLER = "dpmpp_2m"
DEFAULT_GUIDANCE = 7.0
STEP_LINE_EVERY = 10  # without a terminal, one progress line per this many steps (and at each image's last)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, formatter_class=words.HelpFormatter, **kwargs)

    def error(self, message: str):  # argparse prints the whole usage block; one line says enough
        self.exit(EXIT_USAGE, f"{self.prog}: {words.USAGE_ERROR(message=message, prog=self.prog)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the language of app.i18n (build and parse inside `argparse_speaks()`)."""
    parser = _Parser(prog="sm6-studio", description=helps(words.DESCRIPTION))
    parser.add_argument(
        "--version", action="version", version=f"sm6-studio {__version__}", help=helps(words.HELP_VERSION)
    )
    kiosk = parser.add_mutually_exclusive_group()  # kiosk mode is a setting: --kiosk keeps it on, --no-kiosk off
    kiosk.add_argument("--kiosk", action="store_true", help=helps(words.HELP_KIOSK))
    kiosk.add_argument("--no-kiosk", action="store_true", help=helps(HELP_NO_KIOSK))
    sub = parser.add_subparsers(dest="command")
    gen = sub.add_parser("generate", help=helps(words.HELP_GENERATE))
    gen.add_argument("prompt", help=helps(words.HELP_PROMPT))
    gen.add_argument("--preset", default="studio", help=helps(words.HELP_PRESET))
    gen.add_argument("--negative", default="", help=helps(words.HELP_NEGATIVE))
    gen.add_argument("--seed", type=int, default=None, help=helps(words.HELP_SEED))
    gen.add_argument("--model", default="", help=helps(words.HELP_MODEL))
    gen.add_argument("--steps", type=int, default=None, help=helps(words.HELP_STEPS))
    gen.add_argument("--guidance", type=float, default=None, help=helps(words.HELP_GUIDANCE))
    gen.add_argument("--size", default=None, help=helps(words.HELP_SIZE))
    gen.add_argument("--batch", type=int, default=1, help=helps(words.HELP_BATCH))
    gen.add_argument(
        "--sampler",
        choices=SCHEDULERS,
        metavar="SAMPLER",  # the choices are listed in the help line: in the usage they would pass 80 columns
        default=None,
        help=helps(words.HELP_SAMPLER, default=DEFAULT_SAMPLER, choices=", ".join(SCHEDULERS)),
    )
    gen.add_argument(
        "--from", dest="source", metavar="base|DESIGN_ID|FILE", default="none", help=helps(words.HELP_FROM)
    )
    gen.add_argument("--view", choices=VIEWS, default="side", help=helps(words.HELP_VIEW))
    gen.add_argument("--mask", choices=("body", "scene"), default=None, help=helps(words.HELP_MASK))
    gen.add_argument("--control", metavar="MODEL[:STRENGTH]", default=None, help=helps(words.HELP_CONTROL))
    gen.add_argument("--hint", choices=HINTS, default=None, help=helps(words.HELP_HINT))
    gen.add_argument("--lora", metavar="NAME[:WEIGHT]", action="append", default=None, help=helps(words.HELP_LORA))
    gen.add_argument("--decoder", choices=DECODERS, default=None, help=helps(words.HELP_DECODER))
    gen.add_argument("--keep-shape", type=float, default=0.4, help=helps(words.HELP_KEEP_SHAPE))
    gen.add_argument("--out", type=Path, default=None, help=helps(words.HELP_OUT))
    gen.add_argument("--wait", type=float, default=DEFAULT_WAIT_S, help=helps(words.HELP_WAIT, seconds=DEFAULT_WAIT_S))
    sub.add_parser("doctor", help=helps(words.HELP_DOCTOR))
    sub.add_parser("presets", help=helps(words.HELP_PRESETS))
    cli_campaign.add_parser(sub)
    self_test.add_parser(sub)
    cli_kiosk_at_boot.add_parser(sub)
    cli_remove_data.add_parser(sub)
    cli_serve.add_parser(sub)
    return parser


def use_language() -> str:
    """Speak the language Settings chose ("system": the locale's), for messages and moments; returns it."""
    from app.config import read_settings

    setting = read_settings(set_aside=False).settings.language  # never raises; the app sets a bad file aside later
    set_messages_moment(i18n.moment)
    return i18n.set_language(i18n.resolve(setting))


def main(argv: Sequence[str] | None = None, open_window: Callable[[argparse.Namespace], int] | None = None) -> int:
    try:
        use_language()
    except Exception:  # noqa: BLE001 - the language is a courtesy: English rather than no command at all
        log.exception("the command line's language could not be set; speaking English")
    try:
        with argparse_speaks():
            args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed in one line
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _run(args, open_window)
    except UsageError as exc:
        _fail(exc.message)
        return EXIT_USAGE
    except UserFacingError as exc:
        _fail(exc.message)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _fail(str(words.INTERRUPTED()))
        return 130
    except BrokenPipeError:  # `sm6-studio presets | head -1`: the reader left; nothing more to say
        _silence_stdout()
        return EXIT_FAILURE
    except Exception as exc:  # the last resort: a traceback helps support, never the person
        where = crash_log.write(exc)
        _fail(str(words.CRASH_WITH_DETAILS(where=where) if where else words.CRASH_TRY_AGAIN()))
        return EXIT_FAILURE


def _run(args: argparse.Namespace, open_window: Callable[[argparse.Namespace], int] | None) -> int:
    if args.command == "generate":
        return run_generate(args)
    if args.command == "doctor":
        from app.doctor import run_doctor

        return run_doctor()
    if args.command == "campaign":
        return cli_campaign.run(args)
    if args.command == "self-test":
        return self_test.run(args)
    if args.command == "kiosk-at-boot":
        return cli_kiosk_at_boot.run(args)
    if args.command == "remove-data":
        return cli_remove_data.run(args)
    if args.command == "serve":
        return cli_serve.run(args)
    if args.command == "presets":
        from app.generation.presets import default_presets

        for p in default_presets().presets:
            print(f"{p.id:16} {p.label} — {p.description}")
        return 0
    if open_window is None:
        raise UserFacingError(NO_WINDOW())
    return open_window(args)


def _fail(message: str) -> None:
    print(f"sm6-studio: {one_line(message)}", file=sys.stderr, flush=True)


def one_line(text: str) -> str:
    return " ".join(text.split())


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run_generate(args: argparse.Namespace) -> int:
    from app.generation import events as ev
    from app.generation.presets import default_presets
    from app.generation.request import GenerationRequest
    from app.services import open_services

    checked = check_generate_args(args, [p.id for p in default_presets().presets])
    if args.out is not None:
        check_out_folder(args.out)

    def waiting(pid: int | None) -> None:
        waiting_msg = (
            WAITING_FOR_FOLDER_PID(pid=pid, seconds=args.wait) if pid else WAITING_FOR_FOLDER(seconds=args.wait)
        )
        print(waiting_msg, flush=True)

    services = open_services(need_model=True, model_id=args.model, lock_wait_s=args.wait, on_lock_wait=waiting)
    try:
        if services.settings_warning:
            print(words.NOTE(note=one_line(services.settings_warning)), flush=True)
        model = resolve_cli_model(services, args.model)
        if model.is_demo:
            print(DEMO_MODEL_BUILT() if services.demo_built else DEMO_MODEL_INSTALLED(), flush=True)
        control = resolve_addon(services.backend, checked.control, "controlnet", model) if checked.control else None
        loras = [(resolve_addon(services.backend, name, "lora", model), w) for name, w in checked.loras]
        picture = _add_picture(checked.picture) if checked.picture is not None else ""
        default_size, default_steps = (256, 12) if model.is_demo else (512, 25)
        steps, guidance, sampler = _few_step_settings(args, model, [lora for lora, _ in loras], default_steps)
        width, height = checked.size or (default_size, default_size)
        request = GenerationRequest(
            prompt=args.prompt,
            preset=args.preset,
            negative_prompt=args.negative,
            seed=args.seed,
            steps=steps,
            guidance=guidance,
            width=width,
            height=height,
            batch=args.batch,
            scheduler=sampler,
            source=checked.source,
            source_design_id=checked.design_id,
            strength=round(1.0 - args.keep_shape, 3),
            model_id=model.id,
            view=checked.view,
            mask=checked.mask,
            source_picture=picture,
            control_model=control.id if control else "",
            control_strength=checked.control_strength,
            control_hint=checked.hint or (getattr(control, "hint", "") or "edges"),
            loras=tuple((lora.id, weight) for lora, weight in loras),
            decoder=args.decoder or "",
        )
        designs = _generate(services.backend, request, model, ev)
    finally:
        services.close()
    if args.out:
        try:
            for design in designs:
                shutil.copyfile(design.image_path, args.out / f"sm6-{design.id}.png")
        except OSError as exc:
            from app.fsutil import describe_os_error

            raise UserFacingError(COPY_OUT_FAILED(folder=args.out, reason=describe_os_error(exc))) from None
        copied = words.COPIED_ONE if len(designs) == 1 else words.COPIED_MANY
        print(copied(count=len(designs), folder=args.out))
    return 0


def resolve_cli_model(services, wanted: str):
    """The model `--model` names (an id, or the path of an installed model), else the one the app would use.

    Installed models that are all unusable are reported, never silently replaced by the demo model."""
    from app.errors import RequestError

    backend = services.backend
    if wanted:
        return resolve_installed(backend, wanted, "checkpoint")
    try:
        model = backend.model_for("")
    except RequestError:
        model = None
    others = [m for m in backend.models() if not m.is_demo]
    if (model is None or model.is_demo) and others and not any(m.usable for m in others):
        reasons = "; ".join(f"{m.id}: {m.error_msg or m.error}" for m in others[:3])
        raise UserFacingError(NO_USABLE_MODEL_INSTALLED(reasons=reasons))
    if model is None:
        raise UserFacingError(NO_MODEL_INSTALLED())
    return model


def resolve_installed(backend, wanted: str, kind: str):
    """The usable installed model of `kind` ("checkpoint", "controlnet", "lora") that `wanted` names: its id, or
    its path spelt any way. One way for --model, --control and --lora, so all three take the same spellings."""
    from app import paths

    found = backend.model(wanted) or _installed_at(_installed(backend, kind), wanted)
    if found is not None and _kind(found) != kind:
        found = None
    if found is None:
        if os.sep in wanted or "/" in wanted or Path(wanted).exists():
            raise UserFacingError(MODEL_PATH_NOT_INSTALLED(wanted=wanted, models_folder=paths.user_models_dir()))
        raise UserFacingError(NOT_INSTALLED[kind](wanted=wanted))
    if not found.usable:
        raise UserFacingError(MODEL_UNUSABLE(model=found.id, error=found.error_msg or found.error))
    return found


def resolve_addon(backend, wanted: str, kind: str, model):
    """A ControlNet or LoRA for `model`: installed, usable, and made for the same family of models."""
    from app.generation.checkpoint import ARCH_LABELS

    addon = resolve_installed(backend, wanted, kind)
    if model.arch and addon.arch and addon.arch != model.arch:
        family, its_family = (ARCH_LABELS.get(a or "", a) for a in (model.arch, addon.arch))
        raise UsageError(OTHER_FAMILY[kind](addon=addon.id, its_family=its_family, model=model.label, family=family))
    return addon


def _installed(backend, kind: str) -> list:
    """Every installed model of `kind`, the unusable ones included (to say why one cannot be used)."""
    models = list(backend.models())
    addons = getattr(backend, "addons", None)
    if kind != "checkpoint" and addons is not None:
        models += [m for m in addons(kind) if m not in models]
    return [m for m in models if _kind(m) == kind]


def _kind(model) -> str:
    return getattr(model, "kind", "checkpoint") or "checkpoint"


def _add_picture(path: Path) -> str:
    """A sketch or photo given to --from, kept in the picture store (Verify finds it there by its hash)."""
    from app.generation.pictures import default_store

    return default_store().add_file(path)


def _few_step_settings(args: argparse.Namespace, model, loras: list, default_steps: int) -> tuple[int, float, str]:
    """Steps, guidance and sampler: as given, else a few-step model's or LCM-LoRA's own (said in one line), else the
    usual defaults."""
    from app.generation.few_step import defaults_for

    fast = defaults_for(model, loras)
    if fast is not None and None in (args.steps, args.guidance, args.sampler):
        named = next((m for m in [model, *loras] if getattr(m, "speed", "")), model)
        said = words.FEW_STEP_DEFAULTS(
            name=named.label, steps=fast.steps, guidance=fast.guidance, sampler=fast.scheduler
        )
        print(said, flush=True)
    steps = args.steps if args.steps is not None else (fast.steps if fast else default_steps)
    guidance = args.guidance if args.guidance is not None else (fast.guidance if fast else DEFAULT_GUIDANCE)
    sampler = args.sampler or (fast.scheduler if fast else DEFAULT_SAMPLER)
    return steps, guidance, sampler


def _installed_at(models: list, text: str):
    try:
        target = Path(text).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    for model in models:
        try:
            if model.path.resolve() == target:
                return model
        except OSError:
            continue
    return None


_saying = threading.Lock()


def _say(text, end: str = "\n") -> None:
    """A line and its end in one write: while a job runs the engine's thread speaks too, and print's two writes (the
    text, then its end) let the other thread's line land in between ("Hashing …Seed 3", then an empty line)."""
    with _saying:
        sys.stdout.write(f"{text}{end}")
        sys.stdout.flush()


def _generate(backend, request, model, ev) -> list:
    done = threading.Event()
    outcome: dict = {"designs": [], "error": None}
    live = sys.stdout.isatty()  # \r redraws one line on a terminal; in a log it would be one endless line

    def on_event(event) -> None:
        if isinstance(event, ev.ModelLoading):
            loading = words.HASHING_MODEL if event.stage == "hashing" else words.LOADING_MODEL
            _say(loading(model=event.label))
        elif isinstance(event, ev.ModelLoaded):
            _say(words.MODEL_READY(device=event.device_label, seconds=event.seconds))
            if event.note:
                _say(words.NOTE(note=event.note))
        elif isinstance(event, ev.StepProgress):
            job = event.job
            text = str(
                words.STEP_LINE(image=job.image_index + 1, images=job.request.batch, step=job.step, steps=job.steps)
            )
            if live:
                _say(f"\r{text}", end="")
            elif job.step == job.steps or job.step % STEP_LINE_EVERY == 0:
                _say(text)
        elif isinstance(event, ev.ImageReady):
            prefix = "\n" if live else ""
            saved = words.SAVED_DESIGN(design=event.design.id, seed=event.design.seed, path=event.design.image_path)
            _say(f"{prefix}{saved}")
        elif isinstance(event, ev.JobFinished):
            outcome["designs"] = list(event.designs)
            done.set()
        elif isinstance(event, ev.JobFailed):
            outcome["error"] = event.message
            done.set()
        elif isinstance(event, ev.JobCancelled):
            outcome["error"] = words.CANCELLED()
            done.set()

    backend.subscribe(on_event)
    generating = words.GENERATING_ONE if request.batch == 1 else words.GENERATING_MANY
    _say(generating(count=request.batch, model=model.label))
    job = backend.submit(request)
    _say(words.SEED_LINE(seed=job.request.seed))
    try:
        done.wait()
    except KeyboardInterrupt:
        backend.cancel(job.id)
        raise
    if outcome["error"]:
        raise UserFacingError(outcome["error"])
    return outcome["designs"]


if __name__ == "__main__":
    sys.exit(main())
