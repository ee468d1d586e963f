"""`sm6-studio generate`'s arguments, checked before anything is loaded: a value that can never work is refused
with one plain line naming the option, and no model is loaded or image made for nothing."""

from __future__ import annotations

import argparse
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import UserFacingError
from app.fsutil import check_writable, describe_os_error
from app.generation.request import (
    MAX_BATCH,
    MAX_CONTROL_STRENGTH,
    MAX_LORA_WEIGHT,
    MAX_LORAS,
    MAX_PROMPT_CHARS,
    MAX_SEED,
    MAX_SIDE,
    MAX_STEPS,
    MIN_SIDE,
)
from app.messages import Msg

PROMPT_EMPTY = Msg(
    "cli.prompt_empty",
    'Describe your SM6 first: the prompt is empty, e.g. sm6-studio generate "pearl white".',
)
PROMPT_TOO_LONG = Msg(
    "cli.prompt_too_long",
    "The prompt is too long ({count} characters); keep it under {max_prompt_chars}.",
)
UNKNOWN_PRESET = Msg(
    "cli.unknown_preset",
    "There is no style preset '{preset}'. Choose one of: {choices} (`sm6-studio presets` describes them).",
)
SIZE_FORMAT = Msg("cli.size_format", "--size '{text}' is not WIDTHxHEIGHT in pixels, e.g. 512x512.")
OUT_IS_FILE = Msg("cli.out_is_file", "--out {folder} is a file, not a folder. Give a folder; it is created if missing.")
OUT_NOT_WRITABLE = Msg("cli.out_not_writable", "--out {folder} cannot be written to. Choose a folder you can write to.")
OPTION_NOT_WHOLE_NUMBER = Msg(
    "cli.option_not_whole_number",
    "{option} must be a whole number from {low} to {high:,} (got {value}).",
)
OPTION_NOT_NUMBER = Msg("cli.option_not_number", "{option} must be a number from {low:g} to {high:g} (got {value}).")
SIZE_OUT_OF_RANGE = Msg(
    "cli.size_out_of_range",
    "--size {text}: the {name} must be from {min_side} to {max_side} pixels, e.g. 512x512.",
)
SIZE_NOT_MULTIPLE_OF_8 = Msg(
    "cli.size_not_multiple_of_8",
    "--size {text}: the {name} must be a multiple of 8 pixels: try {lower} or {upper}.",
)
WIDTH = Msg("cli.size_width", "width")
HEIGHT = Msg("cli.size_height", "height")
OUT_NOT_CREATABLE = Msg(
    "cli.out_not_creatable",
    "--out {folder} cannot be made ({reason}). Choose a folder you can write to.",
)
CONTROL_FORMAT = Msg(
    "cli.control_format",
    "--control {text} is not MODEL[:STRENGTH] with a strength from 0 to {high:g}, e.g. --control canny-sd15:0.8.",
)
LORA_FORMAT = Msg(
    "cli.lora_format",
    "--lora {text} is not NAME[:WEIGHT] with a weight from -{high:g} to {high:g}, e.g. --lora my-style:0.8.",
)
TOO_MANY_LORAS = Msg("cli.too_many_loras", "--lora is given {count} times; use at most {max_loras} LoRAs at once.")
MASK_NEEDS_ARTWORK = Msg(
    "cli.mask_needs_artwork",
    "--mask repaints part of the SM6 artwork, so it cannot start from {source}: leave --from out, or use --from base.",
)
HINT_NEEDS_CONTROL = Msg(
    "cli.hint_needs_control",
    "--hint says what a ControlNet is given: add --control MODEL to use one.",
)
FROM_NO_SUCH_FILE = Msg(
    "cli.from_no_such_file",
    "--from {text}: there is no such file. Give base, a design id, or the path of a sketch or photo.",
)
FROM_IS_FOLDER = Msg("cli.from_is_folder", "--from {text} is a folder. Give the path of a sketch or photo.")
FROM_NOT_A_FILE = Msg(
    "cli.from_not_a_file",
    "--from {text} is not an ordinary file (a device or a pipe, say). Give the path of a sketch or photo.",
)
PROMPT_NOT_UTF8 = Msg(
    "cli.prompt_not_utf8",
    "The prompt has bytes that are not text (not UTF-8). Type it again, or check the terminal's character set.",
)
NEGATIVE_NOT_UTF8 = Msg(
    "cli.negative_not_utf8",
    "--negative has bytes that are not text (not UTF-8). Type it again, or check the terminal's character set.",
)

MAX_GUIDANCE = 30.0
MAX_KEEP_SHAPE = 0.95
MAX_WAIT_S = 3600.0


class UsageError(UserFacingError):
    """An argument that can never work as given (exit status 2, as for argparse's own errors)."""


@dataclass(frozen=True)
class Checked:
    size: tuple[int, int] | None  # None: the model's default
    source: str  # "none" | "base" | "design" | "picture"
    design_id: str | None
    picture: Path | None = None  # with source "picture": the file to add to the picture store
    view: str = "side"
    mask: str = "none"
    control: str = ""  # the ControlNet as typed (an id or a path); "" for none
    control_strength: float = 1.0
    hint: str | None = None  # None: the ControlNet's own
    loras: list[tuple[str, float]] = field(default_factory=list)  # (the LoRA as typed, weight)


def check_generate_args(args: argparse.Namespace, preset_ids: list[str]) -> Checked:
    if not args.prompt.strip():
        raise UsageError(PROMPT_EMPTY())
    for text, refusal in ((args.prompt, PROMPT_NOT_UTF8), (args.negative, NEGATIVE_NOT_UTF8)):
        if not _utf8(text):  # bytes Python kept as surrogates: the tokenizer failed on them after the model loaded
            raise UsageError(refusal())
    if len(args.prompt) > MAX_PROMPT_CHARS:
        raise UsageError(PROMPT_TOO_LONG(count=len(args.prompt), max_prompt_chars=MAX_PROMPT_CHARS))
    if args.preset not in preset_ids:
        raise UsageError(UNKNOWN_PRESET(preset=_shown(args.preset), choices=", ".join(preset_ids)))
    _whole("--steps", args.steps, 1, MAX_STEPS, optional=True)
    _whole("--batch", args.batch, 1, MAX_BATCH)
    _whole("--seed", args.seed, 0, MAX_SEED, optional=True)
    if args.guidance is not None:
        _number("--guidance", args.guidance, 0.0, MAX_GUIDANCE)
    _number("--keep-shape", args.keep_shape, 0.0, MAX_KEEP_SHAPE)
    _number("--wait", args.wait, 0.0, MAX_WAIT_S)
    size = parse_size(args.size) if args.size is not None else None
    source, design_id, picture = parse_from(args.source)
    mask = args.mask or "none"
    if mask != "none":
        if source in ("design", "picture"):
            raise UsageError(MASK_NEEDS_ARTWORK(source=_shown(args.source)))
        source = "base"  # the mask is the artwork's: with no --from, the artwork is the start
    control, strength = parse_control(args.control) if args.control is not None else ("", 1.0)
    if args.hint is not None and not control:
        raise UsageError(HINT_NEEDS_CONTROL())
    loras = [parse_lora(text) for text in args.lora or []]
    if len(loras) > MAX_LORAS:
        raise UsageError(TOO_MANY_LORAS(count=len(loras), max_loras=MAX_LORAS))
    return Checked(size, source, design_id, picture, args.view, mask, control, strength, args.hint, loras)


def parse_from(text: str) -> tuple[str, str | None, Path | None]:
    """`--from`: "base", nothing, an existing file (a sketch or photo), else a design id; (source, id, file).

    Something that reads like a path (a folder separator or a file suffix) but names no file is refused here, rather
    than looked for as a design that cannot exist."""
    text = text.strip()
    if text in ("", "none"):
        return "none", None, None
    if text == "base":
        return "base", None, None
    path = Path(text).expanduser()
    if path.is_dir():
        raise UsageError(FROM_IS_FOLDER(text=_shown(text)))
    if path.exists():
        if not path.is_file():  # opening a pipe waits for a writer for ever; a device is never a picture
            raise UsageError(FROM_NOT_A_FILE(text=_shown(text)))
        return "picture", None, path
    if os.sep in text or "/" in text or path.suffix:
        raise UsageError(FROM_NO_SUCH_FILE(text=_shown(text)))
    return "design", text, None


def parse_control(text: str) -> tuple[str, float]:
    name, strength = _name_and_number(text, 1.0, 0.0, MAX_CONTROL_STRENGTH)
    if name is None or strength is None:
        raise UsageError(CONTROL_FORMAT(text=_shown(text), high=MAX_CONTROL_STRENGTH))
    return name, strength


def parse_lora(text: str) -> tuple[str, float]:
    name, weight = _name_and_number(text, 1.0, -MAX_LORA_WEIGHT, MAX_LORA_WEIGHT)
    if name is None or weight is None:
        raise UsageError(LORA_FORMAT(text=_shown(text), high=MAX_LORA_WEIGHT))
    return name, weight


def _name_and_number(text: str, default: float, low: float, high: float) -> tuple[str | None, float | None]:
    """NAME[:NUMBER] as (name, number), None for a part that is wrong. A colon followed by a path (C:/models/x)
    belongs to the name; after the last colon anything else must be the number."""
    text = text.strip()
    name, colon, tail = text.rpartition(":")
    if not colon or "/" in tail or "\\" in tail:
        return (text or None), default
    try:
        number = float(tail)
    except ValueError:
        return name.strip() or None, None
    if not math.isfinite(number) or not low <= number <= high:
        return name.strip() or None, None
    return name.strip() or None, number


def parse_size(text: str) -> tuple[int, int]:
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isascii() and p.strip().isdigit() for p in parts):
        raise UsageError(SIZE_FORMAT(text=_shown(text)))
    width, height = (int(p) for p in parts)
    for name, value in ((WIDTH(), width), (HEIGHT(), height)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            raise UsageError(SIZE_OUT_OF_RANGE(text=_shown(text), name=name, min_side=MIN_SIDE, max_side=MAX_SIDE))
        if value % 8:
            lower = value - value % 8
            raise UsageError(SIZE_NOT_MULTIPLE_OF_8(text=_shown(text), name=name, lower=lower, upper=lower + 8))
    return width, height


def check_out_folder(folder: Path) -> None:
    """`--out` must be a folder this user can write to; made if missing. Checked before any work starts."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(OUT_IS_FILE(folder=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserFacingError(OUT_NOT_CREATABLE(folder=folder, reason=describe_os_error(exc))) from None
    problem = check_writable(folder)
    if problem:
        raise UserFacingError(OUT_NOT_WRITABLE(folder=folder), problem)


def _whole(option: str, value: int | None, low: int, high: int, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if value is None or not low <= value <= high:
        raise UsageError(OPTION_NOT_WHOLE_NUMBER(option=option, low=low, high=high, value=_shown(value)))


def _number(option: str, value: float, low: float, high: float) -> None:
    if not math.isfinite(value) or not low <= value <= high:
        raise UsageError(OPTION_NOT_NUMBER(option=option, low=low, high=high, value=_shown(value)))


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(value: object) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)  # escape codes never reach the terminal
    return text if len(text) <= 24 else text[:21] + "…"
