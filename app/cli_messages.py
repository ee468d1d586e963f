"""The command line's words as message ids, so `sm6-studio` speaks the person's language like the window does.

Help texts, what `generate` prints while it works, and argparse's own sentences ("usage:", "options", "the following
arguments are required: …") are all `Msg`s, translated in resources/i18n/<lang>/core_app.ts. argparse looks its
sentences up through the module-level gettext functions it imported (`argparse._`, `argparse.ngettext`); while the
parser is built and reads its arguments, `argparse_speaks()` puts a translating pair in their place, and puts the
originals back afterwards, so nothing else in the process is touched. A sentence argparse adds in a later Python
version that this table does not know is shown in English, as before.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from contextlib import contextmanager
from typing import Iterator

from app.messages import Msg

# --- help ----------------------------------------------------------------------------------------------------------
DESCRIPTION = Msg("cli.help.description", "Design your own Renault SM6 with local Stable Diffusion.")
HELP_VERSION = Msg("cli.help.version", "show the program's version number and exit")
HELP_HELP = Msg("cli.help.help", "show this help message and exit")
HELP_KIOSK = Msg("cli.help.kiosk", "open the window in showroom kiosk mode")
HELP_GENERATE = Msg("cli.help.generate", "generate designs headless (uses the demo model when no other is installed)")
HELP_DOCTOR = Msg("cli.help.doctor", "report torch, device, models and data folders for a support call")
HELP_PRESETS = Msg("cli.help.presets", "list the style presets")
HELP_PROMPT = Msg("cli.help.prompt", 'your words, e.g. "pearl white with gold trim"')
HELP_PRESET = Msg("cli.help.preset", "style preset id (see `sm6-studio presets`)")
HELP_NEGATIVE = Msg("cli.help.negative", "what to avoid")
HELP_SEED = Msg("cli.help.seed", "fixed seed (default: random)")
HELP_MODEL = Msg("cli.help.model", "model id as listed by `sm6-studio doctor`, or the path of an installed model")
HELP_STEPS = Msg("cli.help.steps", "1..150 (default 25; 12 for the demo model; a few-step model's own)")
HELP_GUIDANCE = Msg("cli.help.guidance", "0..30: how closely to follow the words (default 7)")
HELP_SIZE = Msg("cli.help.size", "WIDTHxHEIGHT, multiples of 8 (default 512x512; 256x256 for the demo model)")
HELP_BATCH = Msg("cli.help.batch", "1..8 variations with consecutive seeds")
HELP_SAMPLER = Msg("cli.help.sampler", "sampler: {choices} (default {default})")
HELP_FROM = Msg(
    "cli.help.from", "start from 'base' (the SM6 artwork), a design id to refine, or the path of a sketch or photo"
)
HELP_VIEW = Msg("cli.help.view", "which SM6 artwork: side, front34 or rear34 (default side)")
HELP_MASK = Msg(
    "cli.help.mask", "body: repaint the car's body, keep the scene; scene: repaint the scene, keep the car (SM6 art)"
)
HELP_CONTROL = Msg(
    "cli.help.control", "guide the shape with an installed ControlNet (its id or path), strength 0..2 (default 1)"
)
HELP_HINT = Msg("cli.help.hint", "what the ControlNet is given: edges or depth (default: what the ControlNet expects)")
HELP_LORA = Msg("cli.help.lora", "apply an installed LoRA (its id or path) with a weight -2..2 (default 1); repeatable")
HELP_DECODER = Msg("cli.help.decoder", "final decoder: vae (the model's own) or taesd (fast, a little softer)")
HELP_KEEP_SHAPE = Msg("cli.help.keep_shape", "0..0.95: how much of the starting image to keep")
HELP_OUT = Msg("cli.help.out", "also copy the PNGs into this folder")
HELP_WAIT = Msg(
    "cli.help.wait", "seconds to wait while the app or another command uses the data folder (default {seconds:g})"
)
USAGE_ERROR = Msg("cli.usage_error", "{message}. See `{prog} --help`.")

# --- what `generate` says while it works ----------------------------------------------------------------------------
NOTE = Msg("cli.note", "Note: {note}")
HASHING_MODEL = Msg("cli.hashing_model", "Hashing {model}…")
LOADING_MODEL = Msg("cli.loading_model", "Loading {model}…")
MODEL_READY = Msg("cli.model_ready", "Model ready on {device} in {seconds:.1f} s")
STEP_LINE = Msg("cli.step_line", "Image {image}/{images} · step {step}/{steps}")
SAVED_DESIGN = Msg("cli.saved_design", "Saved design {design} (seed {seed}) → {path}")
GENERATING_ONE = Msg("cli.generating_one", "Generating 1 design with {model}")
GENERATING_MANY = Msg("cli.generating_many", "Generating {count} designs with {model}")
SEED_LINE = Msg("cli.seed_line", "Seed {seed}")
COPIED_ONE = Msg("cli.copied_one", "Copied 1 PNG to {folder}")
COPIED_MANY = Msg("cli.copied_many", "Copied {count} PNGs to {folder}")
FEW_STEP_DEFAULTS = Msg(
    "cli.few_step_defaults",
    "{name} is made for few steps: using {steps} steps, guidance {guidance:g} and the {sampler} sampler where "
    "--steps, --guidance or --sampler do not say otherwise.",
)
CANCELLED = Msg("cli.cancelled", "cancelled.")
INTERRUPTED = Msg("cli.interrupted", "interrupted.")
CRASH_WITH_DETAILS = Msg(
    "cli.crash_with_details",
    "something went wrong inside the app. The details are in {where}; send that file to support.",
)
CRASH_TRY_AGAIN = Msg("cli.crash_try_again", "something went wrong inside the app. Please try again.")

# --- argparse's own sentences ----------------------------------------------------------------------------------------
# argparse's English (its %-style fields named as in its source) → the message saying it, with {field} for each.
_ARGPARSE: dict[str, Msg] = {
    "usage: ": Msg("cli.argparse.usage", "usage: "),
    "positional arguments": Msg("cli.argparse.positional_arguments", "positional arguments"),
    "options": Msg("cli.argparse.options", "options"),
    "show this help message and exit": HELP_HELP,
    "argument %(argument_name)s: %(message)s": Msg("cli.argparse.argument", "argument {argument_name}: {message}"),
    "unrecognized arguments: %s": Msg("cli.argparse.unrecognized", "unrecognized arguments: {arguments}"),
    "the following arguments are required: %s": Msg(
        "cli.argparse.required", "the following arguments are required: {arguments}"
    ),
    "one of the arguments %s is required": Msg(
        "cli.argparse.one_required", "one of the arguments {arguments} is required"
    ),
    "not allowed with argument %s": Msg("cli.argparse.not_allowed_with", "not allowed with argument {argument}"),
    "ignored explicit argument %r": Msg("cli.argparse.ignored_explicit", "ignored explicit argument {argument}"),
    "expected one argument": Msg("cli.argparse.expected_one", "expected one argument"),
    "expected at most one argument": Msg("cli.argparse.expected_at_most_one", "expected at most one argument"),
    "expected at least one argument": Msg("cli.argparse.expected_at_least_one", "expected at least one argument"),
    "ambiguous option: %(option)s could match %(matches)s": Msg(
        "cli.argparse.ambiguous", "ambiguous option: {option} could match {matches}"
    ),
    "unexpected option string: %s": Msg("cli.argparse.unexpected_option", "unexpected option string: {option}"),
    "invalid %(type)s value: %(value)r": Msg("cli.argparse.invalid_value", "invalid {type} value: {value}"),
    "invalid choice: %(value)r (choose from %(choices)s)": Msg(
        "cli.argparse.invalid_choice", "invalid choice: {value} (choose from {choices})"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": Msg(
        "cli.argparse.unknown_parser", "unknown command {parser_name} (choose from {choices})"
    ),
}
# ngettext's pairs: argparse picks by count; the message says the number itself, in both forms.
_ARGPARSE_PLURAL: dict[tuple[str, str], tuple[Msg, Msg]] = {
    ("expected %s argument", "expected %s arguments"): (
        Msg("cli.argparse.expected_count_one", "expected {count} argument"),
        Msg("cli.argparse.expected_count_many", "expected {count} arguments"),
    ),
}
_FIELD = re.compile(r"%(?:\((\w+)\))?[sr]")
_MARK = "\x00"


def _percent_template(english: str, message: Msg) -> str:
    """`message` in the person's language as the %-template argparse fills: each {field} back to the %-field it
    stands for (in order for argparse's unnamed %s), every other % doubled."""
    fields = [m.group(0) for m in _FIELD.finditer(english)]
    names = [m.group(1) for m in _FIELD.finditer(english)]
    ours = list(dict.fromkeys(re.findall(r"{(\w+)}", message.template)))
    if len(ours) != len(fields):
        return english
    text = message(**{name: f"{_MARK}{name}{_MARK}" for name in ours}).render().replace("%", "%%")
    for index, name in enumerate(ours):
        spec = fields[names.index(name)] if name in names else fields[index]
        text = text.replace(f"{_MARK}{name}{_MARK}", spec)
    return text


def _gettext(english: str) -> str:
    message = _ARGPARSE.get(english)
    return _percent_template(english, message) if message is not None else english


def _ngettext(singular: str, plural: str, count: int) -> str:
    pair = _ARGPARSE_PLURAL.get((singular, plural))
    if pair is None:
        return singular if count == 1 else plural
    english = singular if count == 1 else plural
    return _percent_template(english, pair[0] if count == 1 else pair[1])


@contextmanager
def argparse_speaks() -> Iterator[None]:
    """argparse's sentences in the language of app.i18n while the block runs (building and parsing)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def display_width(text: str) -> int:
    """Terminal columns `text` takes: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` terminal columns, broken at spaces (a word longer than a line keeps it)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and display_width(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, wrapping by terminal columns rather than characters, so Korean help fits the terminal."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))


def helps(message: Msg, **params: object) -> str:
    """A help text as argparse wants it: argparse %-expands help (for %(default)s), so a literal % is doubled."""
    return str(message(**params)).replace("%", "%%")
