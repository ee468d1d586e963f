"""Which build of the app this is: a packaged CPU or CUDA build (resources/build.json, written by
packaging/build_info.py when the bundle is made) or a source checkout (no such file). `sm6-studio doctor` and the
About box say it, and whether another build would suit this computer better.

The file travels inside the bundle, but it is still a file on disk: it is read through the guarded JSON reader, and
anything unexpected in it (not JSON, wrong types, an unknown flavour, too large) makes an "unknown" build and a log
line, never a crash.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import __version__, paths, safejson
from app.messages import Message, Msg

log = logging.getLogger(__name__)

FLAVORS = ("cpu", "cuda")  # what a package may say; "source" and "unknown" are this module's own
MAX_BYTES = 16 * 1024  # the real file is a few hundred bytes
MAX_FIELD = 120  # characters: a version, a platform, an ISO date, a commit hash
FIELDS = ("version", "torch", "cuda", "packager", "platform", "built", "commit")

BUILD_FILE = Msg("build.what.file", "The build description")
RUN_FROM_SOURCE = Msg("build.source", "Run from source")
UNKNOWN = Msg("build.unknown", "Unknown build (its description cannot be read; see the log)")
CPU_BUILD = Msg("build.cpu", "CPU build")
CUDA_BUILD = Msg("build.cuda", "CUDA {cuda} build")
CUDA_BUILD_PLAIN = Msg("build.cuda_plain", "CUDA build")
PACKAGED_BY = Msg("build.packaged_by", "{packager} package")
BUILT_ON = Msg("build.built_on", "built {date}")
CPU_BUILD_HAS_GPU = Msg(
    "build.note.cpu_build_has_gpu",
    "This computer has an NVIDIA GPU; the CUDA build of SM6 Design Studio would use it.",
)
CUDA_BUILD_NO_GPU = Msg(
    "build.note.cuda_build_no_gpu",
    "This is the CUDA build, but no NVIDIA GPU can be used here, so it runs on the CPU; the CPU build is smaller.",
)


@dataclass(frozen=True)
class BuildInfo:
    flavor: str  # "cpu" | "cuda" (a package), "source" (a checkout), "unknown" (a package whose file is damaged)
    version: str = __version__
    torch: str = ""  # the torch the package carries, e.g. "2.13.0+cpu"
    cuda: str = ""  # the CUDA that torch was built for, e.g. "12.8"; "" for CPU
    packager: str = ""  # e.g. "PyInstaller 6.22.3"
    platform: str = ""  # e.g. "linux-x86_64"
    built: str = ""  # ISO 8601 moment, e.g. "2026-12-07T06:44:16+00:00"
    commit: str = ""  # the source it was built from, e.g. "2c531b8f1431"

    @property
    def packaged(self) -> bool:
        return self.flavor in FLAVORS

    @property
    def built_date(self) -> str:
        """The day it was built, "2026-12-07" (digits read the same in every language), or ""."""
        try:
            return dt.datetime.fromisoformat(self.built).date().isoformat()
        except ValueError:
            return ""


SOURCE = BuildInfo("source")


def read(path: Path) -> BuildInfo:
    """The build described by `path`: SOURCE when there is no such file, an "unknown" build when it is damaged."""
    try:
        data = safejson.load_object(path, BUILD_FILE(), max_bytes=MAX_BYTES)
    except FileNotFoundError:
        return SOURCE
    except OSError as exc:
        log.warning("the build description %s cannot be read: %s", path, exc)
        return BuildInfo("unknown")
    except safejson.BadJSON as exc:
        log.warning("the build description %s %s", path, exc.problem)
        return BuildInfo("unknown")
    problem = _problem(data)
    if problem:
        log.warning("the build description %s is damaged: %s", path, problem)
        return BuildInfo("unknown")
    return BuildInfo(data["flavor"], **{name: data.get(name) or "" for name in FIELDS})


def _problem(data: dict) -> str:
    """What makes `data` no build description this app wrote, in English for the log; "" when it is one."""
    if data.get("flavor") not in FLAVORS:
        return f"unknown flavor {str(data.get('flavor'))[:40]!r}"
    for name in FIELDS:
        value = data.get(name, "")
        if value is None:
            continue
        if not isinstance(value, str):
            return f"{name} is {type(value).__name__}, not text"
        if len(value) > MAX_FIELD or not value.isprintable():
            return f"{name} is not a short line of text"
    return ""


@lru_cache(maxsize=1)
def current() -> BuildInfo:
    """This copy's build, read once (the file cannot change while the app runs)."""
    return read(paths.resource("build.json"))


def describe(info: BuildInfo) -> str:
    """One line a person reads, in their language: "CPU build · PyInstaller package · built 2026-12-07"."""
    if info.flavor == "source":
        return str(RUN_FROM_SOURCE())
    if info.flavor not in FLAVORS:
        return str(UNKNOWN())
    if info.flavor == "cpu":
        pieces: list[Message] = [CPU_BUILD()]
    else:
        pieces = [CUDA_BUILD(cuda=info.cuda) if info.cuda else CUDA_BUILD_PLAIN()]
    if info.packager:
        pieces.append(PACKAGED_BY(packager=info.packager.split()[0]))  # its name; the version is in the details
    if info.built_date:
        pieces.append(BUILT_ON(date=info.built_date))
    return " · ".join(str(piece) for piece in pieces)


def note(info: BuildInfo, cuda_usable: bool | None = None, nvidia_present: bool | None = None) -> Message | None:
    """A hint when the other build would suit this computer better, else None.

    `cuda_usable`: whether torch sees a CUDA device (None: not known yet, say nothing about it). `nvidia_present`:
    whether an NVIDIA driver is installed (None: look, cheaply; no torch needed)."""
    if info.flavor == "cpu":
        if nvidia_present is None:
            nvidia_present = nvidia_gpu_present()
        return CPU_BUILD_HAS_GPU() if nvidia_present else None
    if info.flavor == "cuda" and cuda_usable is False:
        return CUDA_BUILD_NO_GPU()
    return None


def nvidia_driver_markers() -> list[Path]:
    """Files that exist where an NVIDIA driver is installed: its kernel module's version (Linux), nvidia-smi
    (Windows installs it into System32 with the driver). macOS has had no NVIDIA driver for years."""
    if sys.platform.startswith("linux"):
        return [Path("/proc/driver/nvidia/version")]
    if sys.platform == "win32":
        return [Path(os.environ.get("SystemRoot", r"C:\Windows"), "System32", "nvidia-smi.exe")]
    return []


def nvidia_gpu_present(markers: list[Path] | None = None) -> bool:
    for marker in nvidia_driver_markers() if markers is None else markers:
        try:
            if marker.exists():
                return True
        except OSError:  # a path the system will not even look at: no driver we can use there
            continue
    return False
