"""What makes the kiosk start at sign-in, as text: a systemd user unit, an XDG autostart entry, a Task Scheduler task
and a LaunchAgent. Pure functions (tested on any system); app/showroom/at_boot.py writes and registers them.

Their content follows the manual recipes in packaging/kiosk/ (tests/app/test_kiosk_at_boot.py compares them), with
the program's path filled in and quoted the way each reader splits a command line.
"""

from __future__ import annotations

import os
import plistlib
import sys
from pathlib import Path
from xml.sax.saxutils import escape

UNIT_NAME = "sm6-kiosk.service"
AUTOSTART_NAME = "sm6-kiosk.desktop"
TASK_NAME = "SM6 Design Studio kiosk"
AGENT_LABEL = "com.sm6.studio.kiosk"
KIOSK_FLAG = "--kiosk"
DESCRIPTION = "SM6 Design Studio showroom kiosk: starts at logon in kiosk mode and is restarted when it stops."
WINDOWED_NAMES = {"win32": "SM6 Studio.exe", "darwin": "SM6 Studio"}  # beside the console program in a bundle


def program_command(
    frozen: bool | None = None, executable: str | None = None, platform: str | None = None
) -> list[str]:
    """The command that starts this program (without `--kiosk`).

    In a bundle it is the program itself, or on Windows and macOS its windowed twin beside it (a kiosk must not open
    a console window behind itself); from source, the venv's `sm6-studio` script, else `python -m ui.entry`."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    executable = executable or sys.executable
    platform = platform or sys.platform
    program = Path(executable)  # never resolved: a venv's python is a link whose target is outside the venv
    if frozen:
        windowed = WINDOWED_NAMES.get(platform)
        if windowed and program.with_name(windowed).is_file():
            return [str(program.with_name(windowed))]
        return [str(program)]
    script = program.with_name("sm6-studio.exe" if platform == "win32" else "sm6-studio")
    if script.is_file():
        return [str(script)]
    return [str(program), "-m", "ui.entry"]


def _systemd_word(word: str) -> str:
    # systemd splits ExecStart= on spaces, reads C escapes inside quotes, expands %specifiers and $VARIABLES.
    word = word.replace("%", "%%").replace("$", "$$")
    if word and not any(ch.isspace() or ch in "\"'\\;" for ch in word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_unit(command: list[str]) -> str:
    """The user unit packaging/kiosk/sm6-kiosk.service describes, starting `command --kiosk`."""
    exec_start = " ".join(_systemd_word(w) for w in [*command, KIOSK_FLAG])
    return (
        "# SM6 Design Studio as a showroom kiosk, restarted whenever it stops (a crash, a kill, a closed window).\n"
        "# Written by `sm6-studio kiosk-at-boot on`; `sm6-studio kiosk-at-boot off` removes it.\n"
        "[Unit]\n"
        "Description=SM6 Design Studio showroom kiosk\n"
        "After=graphical-session.target\n"
        "PartOf=graphical-session.target\n"
        "# Never give up: a showroom screen is restarted however often it stops.\n"
        "StartLimitIntervalSec=0\n"
        "\n"
        "[Service]\n"
        "Type=simple\n"
        f"ExecStart={exec_start}\n"
        "Restart=always\n"
        "RestartSec=5\n"
        "# Stopping or killing it at any moment is safe: every write the app makes is atomic.\n"
        "TimeoutStopSec=20\n"
        "\n"
        "[Install]\n"
        "WantedBy=graphical-session.target\n"
    )


def _desktop_word(word: str) -> str:
    # The Desktop Entry spec: reserved characters need quotes, and inside quotes " ` $ \ a backslash; the value is
    # then a string, whose own escapes double every backslash. `%` is a field code unless doubled.
    word = word.replace("%", "%%")
    if word and not any(ch.isspace() or ch in "\"'\\><~|&;$*?#()`" for ch in word):
        return word
    quoted = "".join("\\" + ch if ch in '"`$\\' else ch for ch in word)
    return ('"' + quoted + '"').replace("\\", "\\\\")


def autostart_entry(command: list[str]) -> str:
    """An XDG autostart entry: starts `command --kiosk` at sign-in (and nothing restarts it when it stops)."""
    exec_line = " ".join(_desktop_word(w) for w in [*command, KIOSK_FLAG])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=SM6 Design Studio kiosk\n"
        "Comment=Starts the SM6 Design Studio showroom kiosk at sign-in (sm6-studio kiosk-at-boot)\n"
        f"Exec={exec_line}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _windows_arguments(words: list[str]) -> str:
    # Windows programs split their command line by the MSVC rules: quote a word with spaces, escape its quotes.
    out = []
    for word in words:
        if word and not any(ch.isspace() or ch == '"' for ch in word):
            out.append(word)
        else:
            out.append('"' + word.replace('"', '\\"') + '"')
    return " ".join(out)


def task_xml(command: list[str], user: str = "") -> str:
    """The Task Scheduler task of packaging/kiosk/sm6-kiosk-task.xml, starting `command --kiosk` at `user`'s logon
    (DOMAIN\\name; empty: whoever registers it). Written to disk as UTF-16, as Task Scheduler exports its own."""
    user_id = f"\n      <UserId>{escape(user)}</UserId>" if user else ""
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.4" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>{DESCRIPTION}</Description>
    <URI>\\{TASK_NAME}</URI>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>
      <Delay>PT10S</Delay>{user_id}
    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">{user_id}
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <IdleSettings>
      <StopOnIdleEnd>false</StopOnIdleEnd>
      <RestartOnIdle>false</RestartOnIdle>
    </IdleSettings>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <WakeToRun>false</WakeToRun>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <Priority>4</Priority>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>999</Count>
    </RestartOnFailure>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(command[0])}</Command>
      <Arguments>{escape(_windows_arguments([*command[1:], KIOSK_FLAG]))}</Arguments>
    </Exec>
  </Actions>
</Task>
"""


def windows_user() -> str:
    """DOMAIN\\name of the account running this, or "" when the environment does not say."""
    name = os.environ.get("USERNAME", "")
    domain = os.environ.get("USERDOMAIN", "")
    return f"{domain}\\{name}" if domain and name else name


def launch_agent(command: list[str]) -> bytes:
    """A LaunchAgent: starts `command --kiosk` when the person logs in, and again whenever it stops."""
    return plistlib.dumps(
        {
            "Label": AGENT_LABEL,
            "ProgramArguments": [*command, KIOSK_FLAG],
            "RunAtLoad": True,
            "KeepAlive": True,
            "ThrottleInterval": 5,  # like the systemd unit's RestartSec
            "LimitLoadToSessionType": "Aqua",  # only in a logged-in desktop session: the kiosk is a window
            "ProcessType": "Interactive",
        }
    )
