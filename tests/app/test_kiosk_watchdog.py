"""The watchdog recipes in packaging/kiosk/ start `sm6-studio --kiosk` and restart it: the systemd unit is one
systemd accepts, and the Windows task is a Task Scheduler document with a logon trigger and restarts."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parents[2] / "packaging" / "kiosk"
UNIT = KIOSK / "sm6-kiosk.service"
TASK = KIOSK / "sm6-kiosk-task.xml"
NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def unit_keys() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def test_the_unit_restarts_the_kiosk_always_in_the_graphical_session():
    unit = unit_keys()
    service = unit["Service"]
    command, *arguments = service["ExecStart"].split()
    assert Path(command).name == "sm6-studio" and arguments == ["--kiosk"]
    assert service["Restart"] == "always" and 0 < int(service["RestartSec"]) <= 30
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"  # never gives up
    assert "graphical-session.target" in unit["Unit"]["After"]
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_unit(tmp_path):
    # verify also checks that the command exists: point it at a stand-in, keeping every other line as shipped.
    command = tmp_path / "sm6-studio"
    command.write_text("#!/bin/sh\nexit 0\n")
    command.chmod(0o755)
    unit = tmp_path / UNIT.name
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("%h/.local/bin/sm6-studio", str(command)))
    env = {**os.environ, "SYSTEMD_LOG_LEVEL": "warning"}
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    assert UNIT.name not in result.stderr, result.stderr


def test_the_windows_task_starts_the_kiosk_at_logon_and_restarts_it_after_a_failure():
    task = ET.parse(TASK).getroot()
    assert task.tag == f"{{{NS['t']}}}Task"
    assert task.find("t:Triggers/t:LogonTrigger/t:Enabled", NS).text == "true"
    action = task.find("t:Actions/t:Exec", NS)
    assert action.find("t:Command", NS).text.lower() in ("sm6-studio.exe", "sm6-studio")
    assert action.find("t:Arguments", NS).text == "--kiosk"
    settings = task.find("t:Settings", NS)
    assert settings.find("t:ExecutionTimeLimit", NS).text == "PT0S"  # a kiosk runs for days
    assert int(settings.find("t:RestartOnFailure/t:Count", NS).text) >= 100
    assert settings.find("t:RestartOnFailure/t:Interval", NS).text == "PT1M"  # Task Scheduler's shortest
    assert settings.find("t:DisallowStartIfOnBatteries", NS).text == "false"


def test_the_installer_registers_that_task_with_the_installed_command():
    script = (KIOSK / "install-kiosk-task.ps1").read_text(encoding="utf-8")
    assert TASK.name in script and "Register-ScheduledTask" in script and "Unregister-ScheduledTask" in script
    assert "$task.Task.Actions.Exec.Command = $Command" in script
    readme = (KIOSK / "README.md").read_text(encoding="utf-8")
    assert "systemctl --user enable --now sm6-kiosk.service" in readme and "install-kiosk-task.ps1" in readme
