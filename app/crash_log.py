"""Logs for support, never shown to the person: the crash log (tracebacks of failures nobody foresaw) and the
app's log.

`<data>/logs/sm6-studio-errors.log` (owner-only; else the config folder, else the temp folder) takes the command
line's last-resort handler and the window's exception hook. `<data>/logs/sm6-studio.log` (rotated) takes the log
records; the window also prints them to the terminal, the command line never does: its own output is one plain
line per failure, and a logged traceback there would be exception text shown to a person.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from app import __version__

CRASH_LOG = "sm6-studio-errors.log"
APP_LOG = "sm6-studio.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_OURS = "sm6-studio"  # the name our handlers carry, so configuring twice adds nothing


def write(exc: BaseException, where: str = "") -> Path | None:
    """Append the traceback; the log's path, or None when no folder would take it. `where`: e.g. a thread name."""
    text = f"{time.strftime('%Y-%m-%d %H:%M:%S')} sm6-studio {__version__}{' ' + where if where else ''}\n"
    text += "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    for folder in _folders():
        path = folder / CRASH_LOG
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                fh.write(text + "\n")
            return path
        except OSError:
            continue
    return None


def _folders() -> list[Path]:
    folders = []
    for where in ("data_dir", "config_dir"):
        try:
            from app import paths

            folders.append(getattr(paths, where)() / "logs")
        except Exception:  # the crash may be in finding these very folders
            continue
    return folders + [Path(tempfile.gettempdir())]


def configure_logging(console: bool) -> Path | None:
    """Send log records to the app's log file (and, with `console`, to stderr); the file's path, or None."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    have = {h.get_name() for h in root.handlers}
    path = None
    if f"{_OURS}-file" not in have:
        for folder in _folders():
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.close(os.open(folder / APP_LOG, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
                handler = logging.handlers.RotatingFileHandler(
                    folder / APP_LOG, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
                )
            except OSError:
                continue
            path = folder / APP_LOG
            _add(root, handler, "file")
            break
    if f"{_OURS}-file" not in {h.get_name() for h in root.handlers}:
        _add(root, logging.NullHandler(), "file")  # no folder took it: still never Python's stderr fallback
    if console and f"{_OURS}-console" not in have:
        _add(root, logging.StreamHandler(sys.stderr), "console")
    return path


def _add(root: logging.Logger, handler: logging.Handler, kind: str) -> None:
    handler.set_name(f"{_OURS}-{kind}")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
