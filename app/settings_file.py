"""The one way settings.toml is read, by app.config and app.paths alike. Nothing in it can stop the app starting.

An editor may re-save the file in another encoding (cp949 for Korean text), a sync tool may leave a folder or
binary garbage in its place, and hostile nesting can exhaust tomllib: `a = [[[…]]]` recurses once per level, and a
dotted key of 100,000 parts makes it use memory quadratically until the process is killed. So the size is capped,
the nesting and key depth are measured with a counter before tomllib sees the text, and any failure becomes a
plain reason. A file that cannot be read is renamed aside (kept for the person, never overwritten by the next
save) and defaults are used.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from app.fsutil import describe_os_error
from app.messages import Message, Msg

# Why the file cannot be used, said after "Your settings file could not be read (…)".
CANNOT_OPEN = Msg("settings.cannot_open", "it cannot be opened: {reason}")
FOLDER_THERE = Msg("settings.folder_there", "there is a folder where the file should be")
NOT_REGULAR = Msg("settings.not_regular", "it is not a regular file")
TOO_LARGE_KB = Msg("settings.too_large_kb", "it is too large ({kb} KB; a settings file is a few KB)")
CANNOT_READ = Msg("settings.cannot_read", "it cannot be read: {reason}")
TOO_LARGE = Msg("settings.too_large", "it is too large (a settings file is a few KB)")
BINARY = Msg("settings.binary", "it holds binary data, not text")
NOT_UTF8 = Msg("settings.not_utf8", "it is not UTF-8 text; it may have been saved in another encoding, such as cp949")
NOT_TOML = Msg("settings.not_toml", "it is not valid TOML")
TOO_DEEP = Msg("settings.too_deep", "it is nested too deeply")
BAD_VALUE = Msg("settings.bad_value", "it holds a value that cannot be read")
UNREADABLE_KEPT = Msg(
    "settings.unreadable_kept",
    "Your settings file could not be read ({reason}), so default settings are in use. The file was kept as {kept_as}.",
)
UNREADABLE_FIX = Msg(
    "settings.unreadable_fix",
    "Your settings file could not be read ({reason}), so default settings are in use. Fix or remove {path}.",
)

log = logging.getLogger(__name__)

MAX_BYTES = 1024 * 1024  # a real settings file is a few KB
MAX_DEPTH = 16  # brackets and braces: settings nest two levels
MAX_KEY_PARTS = 16  # a.b.c: settings use two

# Strings and comments (whose brackets and dots mean nothing), and the characters that give TOML its structure.
# The string patterns are unrolled so they never backtrack, and an unterminated string runs to the end of its line
# (or of the text, for a multi-line one): requiring the closing quote cost a scan to the end for every quote (80 KB
# of \" took 16 s). tomllib refuses such a text before it reaches anything the string swallowed.
_TOKEN = re.compile(
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*(?:"""|\Z)'
    r"|'''.*?(?:'''|\Z)"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*"
    r"|[\[\]{}.=,\n]",
    re.DOTALL,
)


class _Unreadable(Exception):
    def __init__(self, reason: Message, details: str = "") -> None:
        super().__init__(reason.english())
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class SettingsRead:
    data: dict = field(default_factory=dict)
    problem: str = ""  # a plain sentence for the person; empty when the file was fine or absent
    problem_msg: Message | None = None  # `problem` by id, for a front end to translate
    details: str = ""  # the technical reason, behind "Show details" and in the log
    kept_as: Path | None = None  # where the unreadable file now is


def read(path: Path, *, set_aside: bool = True) -> SettingsRead:
    """The file's tables, or empty with `problem` saying why it could not be used (never raises).

    `set_aside`: rename an unreadable file to `settings.toml.unreadable-<time>`; app.paths reads without it, so
    only app.config (which reports the problem) moves the file."""
    path = Path(path)
    try:
        return SettingsRead(_parse(_read_text(path)))
    except FileNotFoundError:
        return SettingsRead()
    except _Unreadable as exc:
        reason, details = exc.reason, exc.details
    # Only the reader that reports the problem logs it: app.paths reads the file at every data_dir() call.
    (log.warning if set_aside else log.debug)(
        "Settings file %s cannot be used (%s): %s", path, reason.english(), details
    )
    if not set_aside:
        message = _message(path, reason, None)
        return SettingsRead(problem=str(message), problem_msg=message, details=details)
    kept = _set_aside(path)
    message = _message(path, reason, kept)
    return SettingsRead(problem=str(message), problem_msg=message, details=details, kept_as=kept)


def _read_text(path: Path) -> str:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _Unreadable(CANNOT_OPEN(reason=describe_os_error(exc)), str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise _Unreadable(FOLDER_THERE())
    if not stat.S_ISREG(info.st_mode):
        raise _Unreadable(NOT_REGULAR())  # a pipe or device: reading could wait for ever
    if info.st_size > MAX_BYTES:
        raise _Unreadable(TOO_LARGE_KB(kb=info.st_size // 1024))
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _Unreadable(CANNOT_READ(reason=describe_os_error(exc)), str(exc)) from None
    if len(data) > MAX_BYTES:
        raise _Unreadable(TOO_LARGE())
    if b"\x00" in data:
        raise _Unreadable(BINARY())
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Unreadable(NOT_UTF8(), str(exc))


def _parse(text: str) -> dict:
    _check_structure(text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _Unreadable(NOT_TOML(), str(exc)) from None
    except RecursionError:  # the counter above should have caught it first
        raise _Unreadable(TOO_DEEP()) from None
    except ValueError as exc:  # e.g. an integer of too many digits
        raise _Unreadable(BAD_VALUE(), str(exc)[:200]) from None


def _check_structure(text: str) -> None:
    depth = parts = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth, parts = depth + 1, 0
            if depth > MAX_DEPTH:
                raise _Unreadable(TOO_DEEP(), f"more than {MAX_DEPTH} levels of [ or {{")
        elif token in "]}":
            depth, parts = depth - 1, 0
        elif token == ".":
            parts += 1
            if parts >= MAX_KEY_PARTS:
                raise _Unreadable(TOO_DEEP(), f"a key of more than {MAX_KEY_PARTS} dotted parts")
        elif token in "=,\n":
            parts = 0


def _set_aside(path: Path) -> Path | None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 100):
        target = path.with_name(f"{path.name}.unreadable-{stamp}" + (f"-{n}" if n > 1 else ""))
        if target.exists() or target.is_symlink():
            continue
        try:
            os.rename(path, target)
        except OSError as exc:
            log.warning("Could not move the unreadable settings file %s aside: %s", path, exc)
            return None
        log.warning("Kept the unreadable settings file as %s", target)
        return target
    return None


def _message(path: Path, reason: Message, kept_as: Path | None) -> Message:
    return UNREADABLE_KEPT(reason=reason, kept_as=kept_as) if kept_as else UNREADABLE_FIX(reason=reason, path=path)
