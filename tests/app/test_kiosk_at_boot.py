"""`sm6-studio kiosk-at-boot on|off|status`: the kiosk starts when the account signs in and again whenever it stops.

The files are real (a temporary XDG_CONFIG_HOME and HOME); systemctl, schtasks and launchctl are small scripts first
on PATH that record their arguments and answer with an exit code, since the system's own cannot be driven from a
test. The Windows task and the macOS LaunchAgent are checked as the files those tools are given.
"""

from __future__ import annotations

import dataclasses
import os
import plistlib
import stat
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import cli, i18n
from app.config import Settings, load_settings, save_settings
from app.showroom import at_boot
from app.showroom.at_boot_files import autostart_entry, program_command, systemd_unit, task_xml
from app.showroom.staff import hash_pin

ROOT = Path(__file__).resolve().parents[2]
RECIPES = ROOT / "packaging" / "kiosk"
TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
HANGUL = range(0xAC00, 0xD7A4)


class Tools:
    """Stand-ins for the system's service tools: each call is a line in `calls`; the exit code is set per tool."""

    def __init__(self, folder: Path) -> None:
        self.bin = folder / "bin"
        self.bin.mkdir()
        self.log = folder / "calls.txt"
        self.kept = folder / "kept"  # what schtasks /XML was given, kept before the command deletes its temp file
        self.kept.mkdir()

    def add(self, name: str, code: int = 0, prints: str = "") -> None:
        script = self.bin / name
        script.write_text(
            "#!/bin/sh\n"
            f'echo "{name} $*" >> "{self.log}"\n'
            f'for a in "$@"; do case "$a" in *.xml) cp "$a" "{self.kept}/task.xml";; esac; done\n'
            f'[ -n "{prints}" ] && echo "{prints}"\n'
            f"exit {code}\n"
        )
        script.chmod(script.stat().st_mode | stat.S_IXUSR)

    @property
    def calls(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []


@pytest.fixture
def tools(tmp_path, isolated_dirs, monkeypatch) -> Tools:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    found = Tools(tmp_path)
    monkeypatch.setenv("PATH", f"{found.bin}{os.pathsep}{os.environ['PATH']}")
    yield found
    i18n.set_language("en")  # cli.main speaks the language Settings chose; other tests expect English


def with_pin(language: str = "system") -> None:
    settings = Settings(language=language)
    settings.kiosk = dataclasses.replace(settings.kiosk, pin_hash=hash_pin("2468"))
    save_settings(settings)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["kiosk-at-boot", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_on_refuses_without_a_staff_pin_and_changes_nothing(tools, capsys):
    tools.add("systemctl")
    code, out, err = run(capsys, "on")
    assert code == 1
    assert "Set a staff PIN first" in err and "Nothing was changed" in err
    assert not at_boot.unit_path().exists() and not at_boot.autostart_path().exists()
    assert tools.calls == []
    assert load_settings().kiosk.enabled is False


def test_on_with_systemd_enables_a_unit_that_restarts_the_kiosk_and_off_removes_it(tools, capsys):
    tools.add("systemctl", prints="enabled")
    with_pin()
    code, out, err = run(capsys, "on")
    assert code == 0, err
    assert "starts again 5 s after it stops" in out and "Kiosk mode is on" in out
    unit = at_boot.unit_path()
    assert unit == Path(os.environ["XDG_CONFIG_HOME"]) / "systemd" / "user" / "sm6-kiosk.service"
    text = unit.read_text()
    assert f"ExecStart={program_command()[0]} --kiosk" in text
    assert tools.calls == ["systemctl --user daemon-reload", "systemctl --user enable sm6-kiosk.service"]
    assert not at_boot.autostart_path().exists()
    assert load_settings().kiosk.enabled is True  # like --kiosk: the app opens as the kiosk from now on

    code, out, _ = run(capsys, "status")
    assert code == 0
    assert out.startswith("On: the kiosk starts at sign-in and again whenever it stops")
    assert "Kiosk mode: on" in out

    code, out, _ = run(capsys, "off")
    assert code == 0
    assert "no longer starts at sign-in" in out and "Kiosk mode is off" in out
    assert not unit.exists()
    assert "systemctl --user disable --now sm6-kiosk.service" in tools.calls  # --now: Restart=always would keep it
    assert load_settings().kiosk.enabled is False
    code, out, _ = run(capsys, "status")
    assert out.startswith("Off: the kiosk does not start at sign-in.")


def test_without_a_systemd_user_session_an_autostart_entry_starts_it_and_says_it_cannot_restart_it(tools, capsys):
    tools.add("systemctl", code=1)  # "Failed to connect to bus": no user session manager
    with_pin()
    code, out, err = run(capsys, "on")
    assert code == 0, err
    assert "nothing starts it again when it stops" in out
    entry = at_boot.autostart_path()
    assert entry == Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "sm6-kiosk.desktop"
    assert f"Exec={program_command()[0]} --kiosk" in entry.read_text()
    assert not at_boot.unit_path().exists()  # a unit nothing would ever run is not left behind
    code, out, _ = run(capsys, "status")
    assert "On: the kiosk starts at sign-in" in out and "no systemd user session" in out
    code, out, _ = run(capsys, "off")
    assert code == 0 and not entry.exists()


def test_off_removes_the_unit_even_when_the_settings_file_is_damaged(tools, capsys):
    tools.add("systemctl", prints="enabled")
    with_pin()
    assert run(capsys, "on")[0] == 0
    settings_file = Path(os.environ["SM6_CONFIG_DIR"]) / "settings.toml"
    settings_file.write_bytes(b"[kiosk\x00 not toml")  # an uninstaller runs `off` whatever state the file is in
    code, out, _ = run(capsys, "off")
    assert code == 0
    assert "no longer starts at sign-in" in out and "Kiosk mode is left as the settings file has it" in out
    assert not at_boot.unit_path().exists()
    assert settings_file.read_bytes() == b"[kiosk\x00 not toml"  # the app reports and keeps it aside, not this


def test_a_working_unit_is_kept_when_systemd_is_out_of_reach_this_time(tools, capsys):
    tools.add("systemctl", prints="enabled")
    with_pin()
    assert run(capsys, "on")[0] == 0
    unit = at_boot.unit_path().read_text()
    tools.add("systemctl", code=1, prints="Failed to connect to bus: No medium found")  # e.g. over SSH
    code, _, err = run(capsys, "on")
    assert code == 1 and "Failed to connect to bus" in err and "Nothing was changed" in err
    assert at_boot.unit_path().read_text() == unit and not at_boot.autostart_path().exists()


def test_off_works_without_a_pin_and_with_nothing_to_remove(tools, capsys):
    tools.add("systemctl")
    code, out, _ = run(capsys, "off")
    assert code == 0
    assert "was not set to start at sign-in" in out


def test_the_unit_keeps_the_recipes_directives_and_quotes_a_path_with_spaces(tmp_path):
    def directives(text: str) -> set[str]:
        return {line for line in text.splitlines() if "=" in line and not line.startswith(("#", "ExecStart="))}

    written = systemd_unit(["/opt/SM6 Studio/sm6-studio"])
    assert directives(written) == directives((RECIPES / "sm6-kiosk.service").read_text())
    assert 'ExecStart="/opt/SM6 Studio/sm6-studio" --kiosk' in written.splitlines()
    # systemd expands %h and $HOME: a path holding them is written so that it stays the path
    assert 'ExecStart="/opt/100%% $$5/sm6 \\"x\\"" --kiosk' in systemd_unit(['/opt/100% $5/sm6 "x"'])
    assert "ExecStart=/venv/bin/python -m ui.entry --kiosk" in systemd_unit(["/venv/bin/python", "-m", "ui.entry"])
    assert 'Exec="/opt/SM6 Studio/sm6-studio" --kiosk' in autostart_entry(["/opt/SM6 Studio/sm6-studio"])
    assert 'Exec="/opt/a\\\\$b c/sm6-studio" --kiosk' in autostart_entry(["/opt/a$b c/sm6-studio"])


def test_the_windows_task_is_the_recipes_task_with_the_program_and_the_account_filled_in(tools, monkeypatch):
    tools.add("schtasks")
    monkeypatch.setenv("USERDOMAIN", "SHOWROOM")
    monkeypatch.setenv("USERNAME", "kiosk")
    program = r"C:\Program Files\SM6 Studio\SM6 Studio.exe"
    state = at_boot.turn_on([program], platform="win32")
    assert state.on and state.restarts
    created = [c for c in tools.calls if "/Create" in c]
    assert created == [f"schtasks /Create /TN SM6 Design Studio kiosk /XML {created[0].split(' /XML ')[1]}"]
    assert created[0].endswith(" /F")
    raw = (tools.kept / "task.xml").read_bytes()
    assert raw.startswith(b"\xff\xfe")  # UTF-16 with its byte order mark, as Task Scheduler writes its own
    task = ET.fromstring(raw.decode("utf-16").replace('encoding="UTF-16"', ""))
    recipe = ET.parse(RECIPES / "sm6-kiosk-task.xml").getroot()

    def leaves(root) -> dict[str, str]:
        out = {}
        for element in root.iter():
            if len(element) == 0 and not element.tag.endswith(("Command", "UserId")):
                out[element.tag] = (element.text or "").strip()
        return out

    assert leaves(task) == leaves(recipe)
    assert task.find(".//t:Exec/t:Command", TASK_NS).text == program
    assert task.find(".//t:Exec/t:Arguments", TASK_NS).text == "--kiosk"
    assert task.find(".//t:LogonTrigger/t:UserId", TASK_NS).text == "SHOWROOM\\kiosk"
    assert task.find(".//t:Principal/t:UserId", TASK_NS).text == "SHOWROOM\\kiosk"
    from_source = ET.fromstring(task_xml([r"C:\venv\Scripts\python.exe", "-m", "ui.entry"]).split("?>", 1)[1])
    assert from_source.find(".//t:Exec/t:Arguments", TASK_NS).text == "-m ui.entry --kiosk"

    assert at_boot.status(platform="win32").on
    assert "removed" in str(at_boot.turn_off(platform="win32"))
    assert tools.calls[-1] == "schtasks /Delete /TN SM6 Design Studio kiosk /F"


def test_a_refused_windows_task_is_said_in_words(tools):
    tools.add("schtasks", code=1, prints="ERROR: Access is denied.")
    with pytest.raises(Exception) as raised:
        at_boot.turn_on(["C:\\sm6\\sm6-studio.exe"], platform="win32")
    assert "ERROR: Access is denied." in raised.value.message and "Nothing was changed" in raised.value.message
    assert not at_boot.status(platform="win32").on


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="the LaunchAgent's domain is gui/<uid>")
def test_the_macos_launch_agent_keeps_the_kiosk_alive_and_is_loaded_for_this_user(tools):
    tools.add("launchctl")
    program = "/Applications/SM6 Studio.app/Contents/MacOS/SM6 Studio"
    state = at_boot.turn_on([program], platform="darwin")
    assert state.on
    plist = Path(os.environ["HOME"]) / "Library" / "LaunchAgents" / "com.sm6.studio.kiosk.plist"
    agent = plistlib.loads(plist.read_bytes())
    assert agent["Label"] == "com.sm6.studio.kiosk"
    assert agent["ProgramArguments"] == [program, "--kiosk"]
    assert agent["RunAtLoad"] is True and agent["KeepAlive"] is True
    assert f"launchctl bootstrap gui/{os.getuid()} {plist}" in tools.calls
    assert at_boot.status(platform="darwin").on
    at_boot.turn_off(platform="darwin")
    assert not plist.exists()
    assert tools.calls[-1] == f"launchctl bootout gui/{os.getuid()}/com.sm6.studio.kiosk"


def test_the_program_is_the_bundles_windowed_twin_or_the_venvs_script(tmp_path):
    folder = tmp_path / "SM6 Studio"
    folder.mkdir()
    (folder / "sm6-studio.exe").write_bytes(b"")
    assert program_command(True, str(folder / "sm6-studio.exe"), "win32") == [str(folder / "sm6-studio.exe")]
    (folder / "SM6 Studio.exe").write_bytes(b"")  # no console window behind a kiosk
    assert program_command(True, str(folder / "sm6-studio.exe"), "win32") == [str(folder / "SM6 Studio.exe")]
    assert program_command(True, "/opt/sm6-studio/sm6-studio", "linux") == ["/opt/sm6-studio/sm6-studio"]
    venv = tmp_path / "venv" / "bin"
    venv.mkdir(parents=True)
    assert program_command(False, str(venv / "python"), "linux") == [str(venv / "python"), "-m", "ui.entry"]
    (venv / "sm6-studio").write_text("#!/bin/sh\n")
    assert program_command(False, str(venv / "python"), "linux") == [str(venv / "sm6-studio")]
    assert program_command()[0].startswith(str(Path(sys.executable).parent))


def test_korean(tools, capsys):
    tools.add("systemctl", code=1)
    save_settings(Settings(language="ko"))
    code, _, err = run(capsys, "on")
    assert code == 1 and any(ord(ch) in HANGUL for ch in err), err
    with_pin(language="ko")
    code, out, _ = run(capsys, "on")
    assert code == 0
    lines = out.splitlines()
    assert lines and all(any(ord(ch) in HANGUL for ch in line) for line in lines), out
    code, out, _ = run(capsys, "status")
    assert all(any(ord(ch) in HANGUL for ch in line) for line in out.splitlines()), out
