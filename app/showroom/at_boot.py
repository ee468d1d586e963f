"""`sm6-studio kiosk-at-boot`: start the kiosk when this computer account signs in, and again whenever it stops.

Each system's own service manager does the watching, the way packaging/kiosk/ describes by hand: a systemd user
unit on Linux (an XDG autostart entry where there is no systemd user session: it starts the kiosk at sign-in but
cannot restart it), a Task Scheduler task on Windows, a LaunchAgent on macOS. The external programs (systemctl,
schtasks, launchctl) are run through `run`, one command line at a time.

Whether kiosk mode itself is on is a setting (app/showroom/mode.py); the command line above this layer keeps it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app.errors import UserFacingError
from app.fsutil import atomic_write_bytes, atomic_write_text, describe_os_error
from app.messages import Message, Msg
from app.showroom import at_boot_files as files

Runner = Callable[[list[str]], tuple[int, str]]  # a command line → its exit code and what it printed

ON_SYSTEMD = Msg(
    "kiosk.at_boot.on_systemd",
    "The kiosk now starts when this account signs in, and starts again 5 s after it stops (systemd user unit "
    "{file}). It starts at the next sign-in; `systemctl --user start sm6-kiosk` starts it now.",
)
ON_AUTOSTART = Msg(
    "kiosk.at_boot.on_autostart",
    "The kiosk now starts when this account signs in ({file}). This computer has no systemd user session, so "
    "nothing starts it again when it stops: after a crash or a closed window it is back at the next sign-in.",
)
ON_WINDOWS = Msg(
    "kiosk.at_boot.on_windows",
    "The kiosk now starts when this account signs in, and starts again a minute after it fails (Task Scheduler "
    "task “{task}”).",
)
ON_MACOS = Msg(
    "kiosk.at_boot.on_macos",
    "The kiosk now starts when this account logs in, and starts again whenever it stops (LaunchAgent {file}). It is "
    "starting now.",
)
OFF_DONE = Msg("kiosk.at_boot.off_done", "The kiosk no longer starts at sign-in ({where} removed).")
OFF_NOTHING = Msg("kiosk.at_boot.off_nothing", "The kiosk was not set to start at sign-in; nothing to remove.")
STATUS_SYSTEMD = Msg(
    "kiosk.at_boot.status_systemd",
    "On: the kiosk starts at sign-in and again whenever it stops (systemd user unit {file}).",
)
STATUS_SYSTEMD_OFF = Msg(
    "kiosk.at_boot.status_systemd_off",
    "Half set up: {file} is there but systemd does not start it ({state}). Run `sm6-studio kiosk-at-boot on` again, "
    "or `off` to remove it.",
)
STATUS_AUTOSTART = Msg(
    "kiosk.at_boot.status_autostart",
    "On: the kiosk starts at sign-in ({file}), but nothing starts it again when it stops (no systemd user session).",
)
STATUS_WINDOWS = Msg(
    "kiosk.at_boot.status_windows",
    "On: the kiosk starts at sign-in and again after a failure (Task Scheduler task “{task}”).",
)
STATUS_MACOS = Msg(
    "kiosk.at_boot.status_macos",
    "On: the kiosk starts at login and again whenever it stops (LaunchAgent {file}).",
)
STATUS_MACOS_NOT_LOADED = Msg(
    "kiosk.at_boot.status_macos_not_loaded",
    "On from the next login: the kiosk then starts and is started again whenever it stops (LaunchAgent {file}).",
)
STATUS_OFF = Msg(
    "kiosk.at_boot.status_off", "Off: the kiosk does not start at sign-in. `sm6-studio kiosk-at-boot on` turns it on."
)
NOT_SUPPORTED = Msg(
    "kiosk.at_boot.not_supported",
    "Starting the kiosk at sign-in is not supported on this system ({platform}). Start `sm6-studio --kiosk` from "
    "the system's own start-up settings.",
)
WRITE_FAILED = Msg("kiosk.at_boot.write_failed", "{file} could not be written ({reason}). Nothing was changed.")
REMOVE_FAILED = Msg("kiosk.at_boot.remove_failed", "{file} could not be removed ({reason}).")
TOOL_FAILED = Msg(
    "kiosk.at_boot.tool_failed",
    "`{command}` did not work (exit code {code}): {output} Nothing was changed.",
)
TOOL_SAID_NOTHING = Msg("kiosk.at_boot.tool_said_nothing", "it gave no reason.")

TOOL_TIMEOUT_S = 60


@dataclass(frozen=True)
class BootState:
    on: bool
    words: Message  # how it starts, or that it does not
    restarts: bool = False  # whether something starts it again when it stops


def run_tool(argv: list[str]) -> tuple[int, str]:
    """Run an external program; its exit code and output (127 when it is not installed)."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, errors="replace", timeout=TOOL_TIMEOUT_S)
    except FileNotFoundError:
        return 127, ""
    except (OSError, subprocess.TimeoutExpired) as exc:
        return 126, type(exc).__name__
    return done.returncode, (done.stdout or "") + (done.stderr or "")


def _platform() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def turn_on(command: list[str], run: Runner = run_tool, platform: str | None = None) -> BootState:
    """Make this account start `command --kiosk` at sign-in. UserFacingError (with nothing left half-made) when the
    system refuses."""
    platform = platform or _platform()
    if platform == "linux":
        return _linux_on(command, run)
    if platform == "win32":
        return _windows_on(command, run)
    if platform == "darwin":
        return _macos_on(command, run)
    raise UserFacingError(NOT_SUPPORTED(platform=platform))


def turn_off(run: Runner = run_tool, platform: str | None = None) -> Message:
    platform = platform or _platform()
    if platform == "linux":
        return _linux_off(run)
    if platform == "win32":
        return _windows_off(run)
    if platform == "darwin":
        return _macos_off(run)
    return OFF_NOTHING()


def status(run: Runner = run_tool, platform: str | None = None) -> BootState:
    platform = platform or _platform()
    if platform == "linux":
        return _linux_status(run)
    if platform == "win32":
        code, _ = run(["schtasks", "/Query", "/TN", files.TASK_NAME])
        return (
            BootState(True, STATUS_WINDOWS(task=files.TASK_NAME), True) if code == 0 else BootState(False, STATUS_OFF())
        )
    if platform == "darwin":
        return _macos_status(run)
    return BootState(False, STATUS_OFF())


# Linux


def config_home() -> Path:
    value = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"  # the spec ignores a relative one


def unit_path() -> Path:
    return config_home() / "systemd" / "user" / files.UNIT_NAME


def autostart_path() -> Path:
    return config_home() / "autostart" / files.AUTOSTART_NAME


def _linux_on(command: list[str], run: Runner) -> BootState:
    unit, autostart = unit_path(), autostart_path()
    before = _read(unit)
    _write(unit, files.systemd_unit(command))
    reloaded, output = run(["systemctl", "--user", "daemon-reload"])
    if reloaded != 0 and before is not None:
        # It worked before (over SSH, say, the user session is out of reach): keep it rather than fall back.
        _write(unit, before)
        raise _tool_failed(["systemctl", "--user", "daemon-reload"], reloaded, output)
    if reloaded == 0:
        argv = ["systemctl", "--user", "enable", files.UNIT_NAME]
        code, output = run(argv)
        if code != 0:
            if before is None:
                _remove(unit)
            else:
                _write(unit, before)
            run(["systemctl", "--user", "daemon-reload"])
            raise _tool_failed(argv, code, output)
        _remove(autostart)  # one way of starting it, never two kiosks at once
        return BootState(True, ON_SYSTEMD(file=unit), True)
    _remove(unit)  # no systemd user session: the unit would never run
    _write(autostart, files.autostart_entry(command))
    return BootState(True, ON_AUTOSTART(file=autostart), False)


def _linux_off(run: Runner) -> Message:
    unit, autostart = unit_path(), autostart_path()
    removed = []
    if unit.exists():
        run(["systemctl", "--user", "disable", "--now", files.UNIT_NAME])  # --now: or Restart=always keeps it up
        _remove(unit)
        run(["systemctl", "--user", "daemon-reload"])
        removed.append(str(unit))
    if autostart.exists():
        _remove(autostart)
        removed.append(str(autostart))
    return OFF_DONE(where=", ".join(removed)) if removed else OFF_NOTHING()


def _linux_status(run: Runner) -> BootState:
    unit, autostart = unit_path(), autostart_path()
    if unit.exists():
        code, output = run(["systemctl", "--user", "is-enabled", files.UNIT_NAME])
        state = output.strip().splitlines()[0] if output.strip() else f"exit code {code}"  # i18n: systemctl's word
        if code == 0 and state == "enabled":
            return BootState(True, STATUS_SYSTEMD(file=unit), True)
        if not autostart.exists():
            return BootState(False, STATUS_SYSTEMD_OFF(file=unit, state=state))
    if autostart.exists():
        return BootState(True, STATUS_AUTOSTART(file=autostart), False)
    return BootState(False, STATUS_OFF())


# Windows


def _windows_on(command: list[str], run: Runner) -> BootState:
    text = files.task_xml(command, files.windows_user())
    handle, name = tempfile.mkstemp(prefix="sm6-kiosk-", suffix=".xml")
    os.close(handle)
    xml = Path(name)
    try:
        _write(xml, text.encode("utf-16"))  # with its byte order mark, as Task Scheduler's own exports
        argv = ["schtasks", "/Create", "/TN", files.TASK_NAME, "/XML", str(xml), "/F"]
        code, output = run(argv)
    finally:
        xml.unlink(missing_ok=True)
    if code != 0:
        raise _tool_failed(argv, code, output)
    return BootState(True, ON_WINDOWS(task=files.TASK_NAME), True)


def _windows_off(run: Runner) -> Message:
    code, _ = run(["schtasks", "/Query", "/TN", files.TASK_NAME])
    if code != 0:
        return OFF_NOTHING()
    run(["schtasks", "/End", "/TN", files.TASK_NAME])  # a task that is not running says so: nothing to stop
    argv = ["schtasks", "/Delete", "/TN", files.TASK_NAME, "/F"]
    code, output = run(argv)
    if code != 0:
        raise _tool_failed(argv, code, output)
    return OFF_DONE(where=f"“{files.TASK_NAME}”")


# macOS


def agent_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{files.AGENT_LABEL}.plist"


def _gui_domain() -> str:
    return f"gui/{os.getuid()}" if hasattr(os, "getuid") else "gui/0"


def _macos_on(command: list[str], run: Runner) -> BootState:
    plist = agent_path()
    _write(plist, files.launch_agent(command))
    run(["launchctl", "bootout", f"{_gui_domain()}/{files.AGENT_LABEL}"])  # an older one, loaded: replaced
    argv = ["launchctl", "bootstrap", _gui_domain(), str(plist)]
    code, output = run(argv)
    if code != 0:
        _remove(plist)
        raise _tool_failed(argv, code, output)
    return BootState(True, ON_MACOS(file=plist), True)


def _macos_off(run: Runner) -> Message:
    plist = agent_path()
    if not plist.exists():
        return OFF_NOTHING()
    run(["launchctl", "bootout", f"{_gui_domain()}/{files.AGENT_LABEL}"])
    _remove(plist)
    return OFF_DONE(where=str(plist))


def _macos_status(run: Runner) -> BootState:
    plist = agent_path()
    if not plist.exists():
        return BootState(False, STATUS_OFF())
    code, _ = run(["launchctl", "print", f"{_gui_domain()}/{files.AGENT_LABEL}"])
    said = STATUS_MACOS if code == 0 else STATUS_MACOS_NOT_LOADED
    return BootState(True, said(file=plist), True)


# Files


def _write(path: Path, content: str | bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            atomic_write_bytes(path, content)
        else:
            atomic_write_text(path, content)
    except OSError as exc:
        raise UserFacingError(WRITE_FAILED(file=path, reason=describe_os_error(exc)), str(exc)) from None


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise UserFacingError(REMOVE_FAILED(file=path, reason=describe_os_error(exc)), str(exc)) from None


def _tool_failed(argv: list[str], code: int, output: str) -> UserFacingError:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    said = lines[-1][:300] if lines else TOOL_SAID_NOTHING()  # the program's own last line says most
    return UserFacingError(TOOL_FAILED(command=" ".join(argv[:3]), code=code, output=said), output)
