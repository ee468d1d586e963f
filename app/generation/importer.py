"""Bringing a model into SM6 Studio: check it first, then copy (or link) it into the models folder.

A model only becomes visible to the registry once it is complete. Copies are written under a dot-prefixed
`.partial` name (the registry skips names starting with ".") and renamed into place at the very end, so a crash,
a full disk or a cancel never leaves half a model that a scan would pick up.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
import tempfile
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Callable, Literal

from app import paths
from app.errors import ModelError
from app.executors import run_long
from app.fsutil import _fsync_dir
from app.generation import checkpoint
from app.generation import messages as msgs
from app.generation.checkpoint import PICKLE_SUFFIXES, shown_name
from app.generation.registry import ModelInfo, inspect_path
from app.messages import Message

log = logging.getLogger(__name__)

ImportMode = Literal["copy", "link"]
Progress = Callable[[int, int], None]

CHUNK_SIZE = 8 * 1024 * 1024  # big enough to stream at disk speed, small enough for a smooth bar and quick cancel
PARTIAL_SUFFIX = ".partial"
STALE_PARTIAL_SECONDS = 6 * 3600  # leftovers of a crashed import; an import in progress touches its file constantly
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
ADDON_SUBFOLDERS = {"lora": "lora", "controlnet": "controlnet"}  # kind -> subfolder of the models folder


class ImportCancelled(ModelError):
    """The person cancelled; nothing was left behind. A ModelError so generic handlers still show a sentence."""

    def __init__(self) -> None:
        super().__init__(msgs.IMPORT_CANCELLED())


class ImportJob:
    """`import_model` on a thread of its own (`run_long("import")`: a copy may take minutes, and must not hold a
    shared worker), with progress a front end reads when it repaints and `future` for the outcome.

    Progress is read, never pushed: emitting Qt signals from a plain Python thread thousands of times per copy has
    crashed PySide6 here (PYSIDE-3124-like refcount corruption), and reading at the UI's own rate also caps
    updates to a sensible rate. The outcome crosses once, through `future` (ui/tasks.py `deliver`).
    """

    def __init__(
        self, source: Path, *, mode: ImportMode = "copy", dest_dir: Path | None = None, chunk_size: int = CHUNK_SIZE
    ) -> None:
        self.source, self.mode, self.dest_dir, self.chunk_size = Path(source), mode, dest_dir, chunk_size
        self.result: Path | None = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        self._done_event = threading.Event()
        self._lock = threading.Lock()
        self._progress = (0, 0)
        self.future: Future | None = None  # set by start(): the new model's path, or the error

    def start(self) -> "ImportJob":
        self.future = run_long("import", self._run)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    @property
    def finished(self) -> bool:
        return self._done_event.is_set()

    def progress(self) -> tuple[int, int]:
        with self._lock:
            return self._progress

    def wait(self, timeout: float | None = None) -> bool:
        return self._done_event.wait(timeout)

    def _on_progress(self, done: int, total: int) -> None:
        with self._lock:
            self._progress = (done, total)

    def _run(self) -> Path:
        try:
            self.result = import_model(
                self.source,
                mode=self.mode,
                dest_dir=self.dest_dir,
                progress=self._on_progress,
                cancel=self._cancel,
                chunk_size=self.chunk_size,
            )
        except BaseException as exc:  # noqa: BLE001 - reported through `error` and the future
            self.error = exc
            raise
        finally:
            self._done_event.set()
        return self.result


def validate_import(source: Path) -> ModelInfo:
    """What `source` is, if SM6 Studio can use it; otherwise ModelError with the reason and the way out."""
    source = Path(source).expanduser()
    try:
        present = source.exists() or source.is_symlink()  # a dangling link is explained by inspect_path
    except OSError as exc:
        raise checkpoint.unreadable(source, exc) from exc
    if not present:
        raise ModelError(msgs.IMPORT_SOURCE_MISSING(source=shown_name(str(source))))
    if source.name.startswith("."):
        # The registry skips hidden names, so an imported copy would never show up.
        raise ModelError(msgs.IMPORT_HIDDEN(name=shown_name(source.name)))
    info = inspect_path(source)  # never raises: a malformed model comes back with its reason
    if info is None:
        raise ModelError(_not_a_model_message(source))
    if info.error:
        raise ModelError(info.error_msg or info.error, info.error_details)
    if info.format == "diffusers":
        # The registry checks the weights of the parts it loads; this also catches damage in any other weights.
        try:
            found = sorted(source.rglob("*.safetensors"))
        except OSError as exc:
            raise checkpoint.unreadable(source, exc) from exc
        for weights in found:
            # is_file: a FIFO named .safetensors would block the read for ever (it is left out of the copy too)
            if not _hidden(weights.relative_to(source)) and weights.is_file():
                checkpoint.read_safetensors_header(weights)
    return info


def import_model(
    source: Path,
    *,
    mode: ImportMode = "copy",
    dest_dir: Path | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Path:
    """Validate `source`, then copy or link it into `dest_dir` (default: the user models folder).

    Returns the new path. Raises ModelError (ImportCancelled when `cancel` is set) and leaves nothing behind.
    Call it off the UI thread: copying a checkpoint takes seconds to minutes.
    """
    source = Path(source).expanduser()
    if mode not in ("copy", "link"):
        raise ValueError(f"unknown import mode {mode!r}")
    info = validate_import(source)
    dest_dir = target_folder(dest_dir, info)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelError(
            msgs.IMPORT_MODELS_FOLDER_FAILED(dest_dir=dest_dir),
            details=f"{exc.__class__.__name__}: {exc}",
        ) from exc
    target = dest_dir / source.name
    _refuse_clash(source, target)
    if mode == "link":
        return _link(source, target)
    remove_stale_partials(dest_dir)
    return _copy(source, target, progress, cancel, chunk_size)


def check_target(source: Path, dest_dir: Path | None = None, info: ModelInfo | None = None) -> Path:
    """Where `source` would go; ModelError if that name is taken. Lets a dialog say so before the user clicks.
    `info`: what validate_import said `source` is (read again when not given)."""
    source = Path(source).expanduser()
    target = target_folder(dest_dir, info or validate_import(source)) / source.name
    _refuse_clash(source, target)
    return target


def target_folder(dest_dir: Path | None, info: ModelInfo) -> Path:
    """The models folder (default: the user's) for a checkpoint; its `lora/` or `controlnet/` subfolder for those,
    where people look for them and the registry scans them."""
    base = Path(dest_dir) if dest_dir is not None else paths.user_models_dir()
    return base / ADDON_SUBFOLDERS[info.kind] if info.kind in ADDON_SUBFOLDERS else base


def remove_stale_partials(dest_dir: Path, older_than_s: float = STALE_PARTIAL_SECONDS) -> None:
    """Delete `.partial` leftovers of imports that crashed long ago; they are invisible but take disk space."""
    now = time.time()
    for entry in dest_dir.glob(f".*{PARTIAL_SUFFIX}"):
        try:
            if now - _newest_mtime(entry) > older_than_s:
                log.info("removing stale partial import %s", entry)
                _remove(entry)
        except OSError as exc:
            log.warning("cannot remove stale partial import %s: %s", entry, exc)


# --- checks ---------------------------------------------------------------------------------------------------


def _not_a_model_message(source: Path) -> Message:
    name = shown_name(source.name)
    return (msgs.NOT_A_MODEL_FOLDER if os.path.isdir(source) else msgs.NOT_A_MODEL_FILE)(name=name)


def _refuse_clash(source: Path, target: Path) -> None:
    if not os.path.lexists(target):
        return
    try:
        same = source.resolve() == target.resolve()
    except OSError:
        same = False
    if same:
        raise ModelError(msgs.IMPORT_ALREADY_THERE(name=shown_name(source.name)))
    raise ModelError(msgs.IMPORT_NAME_TAKEN(name=shown_name(source.name), folder=target.parent))


# --- link -----------------------------------------------------------------------------------------------------


def _link(source: Path, target: Path) -> Path:
    try:
        os.symlink(source.resolve(), target, target_is_directory=source.is_dir())
    except (OSError, NotImplementedError) as exc:
        # Windows needs Developer Mode or admin rights for symlinks; some drives (FAT, network shares) have none.
        raise ModelError(
            msgs.IMPORT_LINK_UNSUPPORTED(name=shown_name(source.name)),
            details=f"{exc.__class__.__name__}: {exc}",
        ) from exc
    return target


# --- copy -----------------------------------------------------------------------------------------------------


def _copy(
    source: Path, target: Path, progress: Progress | None, cancel: threading.Event | None, chunk_size: int
) -> Path:
    try:
        files = _files_to_copy(source)
    except OSError as exc:  # a file inside vanished or cannot be read
        raise _copy_error(exc, source.name, target.parent, 0) from exc
    total = sum(size for _, _, size in files)
    _check_free_space(target.parent, total, source.name)
    if source.is_dir():
        tmp = Path(tempfile.mkdtemp(prefix=f".{source.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent))
    else:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{source.name}.", suffix=PARTIAL_SUFFIX, dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
    done = 0
    try:
        if progress:
            progress(0, total)
        for src, rel, _size in files:
            dst = tmp / rel if source.is_dir() else tmp
            dst.parent.mkdir(parents=True, exist_ok=True)

            def on_chunk(n: int) -> None:
                nonlocal done
                done += n
                if progress:
                    progress(done, total)

            _copy_file(src, dst, on_chunk, cancel, chunk_size)
        if cancel is not None and cancel.is_set():
            raise ImportCancelled()
        # Re-check at the last moment: another import may have claimed the name while this one copied.
        _refuse_clash(source, target)
        os.replace(tmp, target)
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise _copy_error(exc, source.name, target.parent, total) from exc
        raise
    _fsync_dir(target.parent)
    return target


def _files_to_copy(source: Path) -> list[tuple[Path, Path, int]]:
    """(source file, path relative to the model, size). Symlinks are followed: Hugging Face caches are made of them."""
    if source.is_file():
        return [(source, Path(source.name), source.stat().st_size)]
    out: list[tuple[Path, Path, int]] = []
    seen_dirs: set[str] = set()
    for root, dirs, names in os.walk(source, followlinks=True):
        real = os.path.realpath(root)
        if real in seen_dirs:  # a link loop
            dirs[:] = []
            continue
        seen_dirs.add(real)
        # Hidden entries (.git, .cache/huggingface) are not part of the model.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        has_safetensors = any(n.endswith(".safetensors") for n in names)
        for name in sorted(names):
            if name.startswith("."):
                continue
            # The engine loads folders with use_safetensors=True, so pickled twins are dead weight (often gigabytes).
            if has_safetensors and Path(name).suffix.lower() in PICKLE_SUFFIXES:
                continue
            path = Path(root) / name
            found = path.stat()
            # Only regular files: reading a FIFO waits for a writer for ever, a device (a link to /dev/zero) never
            # ends, and a socket cannot be read. None of them is part of a model.
            if stat.S_ISREG(found.st_mode):
                out.append((path, path.relative_to(source), found.st_size))
    return out


def _copy_file(
    src: Path, dst: Path, on_chunk: Callable[[int], None], cancel: threading.Event | None, chunk_size: int
) -> None:
    """At most the bytes the file had when opened: one still being written to (a download, a log) cannot make the
    import endless."""
    with src.open("rb") as fin, dst.open("wb") as fout:
        left = os.fstat(fin.fileno()).st_size
        while left > 0:
            if cancel is not None and cancel.is_set():
                raise ImportCancelled()
            chunk = fin.read(min(chunk_size, left))
            if not chunk:
                break
            fout.write(chunk)
            left -= len(chunk)
            on_chunk(len(chunk))
        fout.flush()
        os.fsync(fout.fileno())  # the rename must not become visible before the bytes are on disk


def _check_free_space(directory: Path, needed: int, name: str) -> None:
    try:
        free = shutil.disk_usage(directory).free
    except OSError:
        return  # unknown: let the copy itself find out
    if free < needed:
        raise ModelError(_disk_full_message(name, directory, needed, free))


def _copy_error(exc: OSError, name: str, directory: Path, total: int) -> ModelError:
    if exc.errno in _DISK_FULL:
        return ModelError(_disk_full_message(name, directory, total, None))
    why = msgs.COPY_NOT_ALLOWED() if isinstance(exc, PermissionError) else msgs.COPY_DRIVE_ERROR()
    return ModelError(
        msgs.IMPORT_COPY_FAILED(name=shown_name(name), why=why),
        details=f"{exc.__class__.__name__}: {exc}",
    )


def _disk_full_message(name: str, directory: Path, needed: int, free: int | None) -> Message:
    if free is None:
        return msgs.IMPORT_DISK_FULL(name=name, needed=_gb(needed), folder=directory)
    return msgs.IMPORT_DISK_FULL_FREE(name=name, needed=_gb(needed), free=_gb(free), folder=directory)


def _gb(n: int) -> str:
    return f"{n / 1e9:.1f} GB" if n >= 1e8 else f"{n / 1e6:.0f} MB"


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _newest_mtime(path: Path) -> float:
    newest = path.lstat().st_mtime
    if path.is_dir() and not path.is_symlink():
        for child in path.rglob("*"):
            newest = max(newest, child.lstat().st_mtime)
    return newest


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)
