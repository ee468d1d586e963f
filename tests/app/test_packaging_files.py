"""The installer recipes that only CI can run (Windows, macOS) stay consistent with the code they package: the
workflow parses and names files that exist, the spec's and the installers' file names agree with what the build
makes, the flavours are the same everywhere, and every command the installers and smoke tests run is one the
program accepts. Nothing is built here (packaging/build.sh does that); each check reads files or parses arguments."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import shlex
import subprocess
import uuid
from pathlib import Path

import pytest
import yaml

from app import cli
from app.cli_messages import argparse_speaks

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"
SPEC = PACKAGING / "sm6-studio.spec"
ISS = PACKAGING / "windows" / "sm6-studio.iss"
BUILD_SH = PACKAGING / "build.sh"
BUILD_PS1 = PACKAGING / "windows" / "build.ps1"
BUILD_DMG = PACKAGING / "macos" / "build_dmg.sh"
FLAVORS = {"cpu", "cuda"}


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(_text(WORKFLOW))


def _steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_the_workflow_runs_on_version_tags_and_by_hand(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the bare key `on` as True
    assert triggers["push"]["tags"] == ["v*"]
    assert "workflow_dispatch" in triggers


def test_the_workflow_builds_every_platform_and_attaches_them_to_the_release(workflow):
    jobs = workflow["jobs"]
    runners = {name: job["runs-on"] for name, job in jobs.items()}
    assert runners["linux"] == "ubuntu-22.04"
    assert runners["windows"] == "windows-2022"  # the image with Inno Setup
    assert runners["macos"] == "macos-14"  # arm64
    for name in ("linux", "windows", "macos"):
        uploads = [s for s in jobs[name]["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
        assert uploads and uploads[0]["with"]["if-no-files-found"] == "error", name
    release = jobs["release"]
    assert set(release["needs"]) == {"linux", "windows", "macos"}
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"}


def test_every_file_the_workflow_names_exists(workflow):
    named = set()
    for step in _steps(workflow):
        named.update(re.findall(r"(?:\./)?((?:packaging|scripts)/[\w./-]*\w)", str(step.get("run", ""))))
    assert named >= {"packaging/build.sh", "packaging/windows/build.ps1", "packaging/macos/build_dmg.sh"}
    missing = sorted(p for p in named if not (ROOT / p).is_file())
    assert not missing, f"the workflow names files that are not in the repository: {missing}"


def test_the_flavours_agree_across_the_workflow_and_the_build_scripts(workflow):
    matrices = {
        name: set(job["strategy"]["matrix"]["flavor"]) for name, job in workflow["jobs"].items() if "strategy" in job
    }
    assert matrices == {"linux": FLAVORS, "windows": FLAVORS, "macos": {"cpu"}}  # macOS has no CUDA
    build_sh = set(re.findall(r"^\s+(\w+)\) torch_spec=", _text(BUILD_SH), re.M))
    assert build_sh == FLAVORS
    validate_set = re.search(r"\[ValidateSet\(([^)]*)\)\]\s*\[string\]\s*\$Flavor", _text(BUILD_PS1))
    assert validate_set and set(re.findall(r'"(\w+)"', validate_set.group(1))) == FLAVORS
    assert set(re.findall(r"^\s+(\w+)\) torch_spec=", _text(BUILD_DMG), re.M)) == {"cpu"}
    iss = _text(ISS)
    assert '#if Flavor != "cpu" && Flavor != "cuda"' in iss
    # The torch index each flavour installs from: the CPU wheels for cpu, CUDA 12.8 for cuda.
    for name in ("linux", "windows"):
        index = workflow["jobs"][name]["env"]["SM6_TORCH_INDEX"]
        assert "'cuda' && 'https://download.pytorch.org/whl/cu128'" in index
        assert "|| 'https://download.pytorch.org/whl/cpu'" in index


def _spec_paths() -> list[str]:
    """The repository paths the spec builds from ROOT (`ROOT / "packaging" / "entry.py"`), less the build outputs."""
    chains = re.findall(r'ROOT((?:\s*/\s*"[^"]+")+)', _text(SPEC))
    paths = ["/".join(re.findall(r'"([^"]+)"', chain)) for chain in chains]
    return [p for p in paths if not p.startswith("build/")]


def test_every_file_the_spec_bundles_exists():
    paths = _spec_paths()
    assert "resources" in paths and "packaging/entry.py" in paths
    missing = [p for p in paths if not (ROOT / p).exists()]
    assert not missing, f"the spec bundles paths that are not in the repository: {missing}"


def test_every_package_the_spec_collects_from_is_installed():
    spec = _text(SPEC)
    missing = []
    for package in re.findall(r'collect_(?:data_files|submodules)\("(\w+)"', spec):
        if importlib.util.find_spec(package) is None:
            missing.append(package)
    assert not missing, f"the spec names packages this environment does not have (PyInstaller would fail): {missing}"


@pytest.fixture(scope="module")
def icon_names(tmp_path_factory) -> set[str]:
    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {p.name for p in module.make_icons(tmp_path_factory.mktemp("icons"))}


def test_the_icons_the_spec_and_the_installers_use_are_the_ones_make_icons_makes(icon_names):
    spec = _text(SPEC)
    for name in re.findall(r'ICONS / "([^"]+)"', spec):  # .ico (Windows), .icns (macOS), a PNG (Linux)
        assert name in icon_names, f"the spec expects {name} from make_icons.py"
    assert {"sm6-studio.ico", "sm6-studio.icns"} <= set(re.findall(r'ICONS / "([^"]+)"', spec))
    setup_icon = re.search(r"^SetupIconFile=\{#Icons\}\\(.+)$", _text(ISS), re.M)
    assert setup_icon and setup_icon.group(1) in icon_names
    assert "$work/icons/sm6-studio.icns" in _text(BUILD_DMG) and "sm6-studio.icns" in icon_names


def test_the_programs_the_installers_start_are_the_ones_the_spec_builds():
    names = set(re.findall(r'^\s+name="([^"]+)",', _text(SPEC), re.M))
    assert {"sm6-studio", "SM6 Studio"} <= names  # the command line and the windowed program
    iss = _text(ISS)
    assert '#define GuiExe "SM6 Studio.exe"' in iss and '#define CliExe "sm6-studio.exe"' in iss
    assert 'name="SM6 Studio.app"' in _text(SPEC)
    assert '"$work/dist/SM6 Studio.app"' in _text(BUILD_DMG)
    assert "Contents/MacOS/sm6-studio" in _text(BUILD_DMG)


def test_the_windows_installer_has_a_fixed_guid_app_id_and_per_user_default():
    iss = _text(ISS)
    app_id = re.search(r"^AppId=\{\{([0-9A-F-]+)\}$", iss, re.M)  # `{{` escapes the brace in Inno Setup
    assert app_id, "AppId must be a literal GUID: a changing AppId installs side by side instead of upgrading"
    assert str(uuid.UUID(app_id.group(1))).upper() == app_id.group(1)
    assert iss.count("AppId=") == 1  # one AppId for both flavours: either replaces the other
    for directive in (
        "PrivilegesRequired=lowest",
        "PrivilegesRequiredOverridesAllowed=dialog",
        r"DefaultDirName={autopf}\SM6 Studio",
        r"UninstallDisplayIcon={app}\{#GuiExe}",
    ):
        assert re.search(rf"^{re.escape(directive)}$", iss, re.M), directive
    assert "{commonappdata}\\SM6 Studio\\models" in iss and "{localappdata}\\SM6 Studio\\models" in iss
    assert "SaveStringsToUTF8FileWithoutBOM" in iss  # TOML is UTF-8 without a byte-order mark


def test_the_cuda_installer_is_named_for_cuda():
    iss = _text(ISS)
    assert re.search(r'#if Flavor == "cuda"\s+#define PackageName "sm6-studio-cuda"', iss)
    assert "OutputBaseFilename={#PackageName}_{#AppVersion}_windows-x64-setup" in iss
    assert '"${package}_${version}_windows-x64-setup.exe"' in _text(BUILD_PS1)


def _iss_commands() -> list[list[str]]:
    return [shlex.split(c) for c in re.findall(r"RunCli\('([^']+)'", _text(ISS))]


def _ps1_commands() -> list[list[str]]:
    return [re.findall(r'"([^"]*)"', args) for args in re.findall(r"Invoke-Smoke @\(([^)]*)\)", _text(BUILD_PS1))]


def _shell_commands(path: Path) -> list[list[str]]:
    commands = []
    for rest in re.findall(r'^run "\$prog"(.*)$', _text(path), re.M):
        words = shlex.split(rest, comments=True)
        cut = next((i for i, w in enumerate(words) if w.startswith((">", "|", "2>"))), len(words))
        commands.append(words[:cut])
    return commands


INVOCATIONS = {
    "the Windows installer": _iss_commands,
    "build.ps1's smoke test": _ps1_commands,
    "build_dmg.sh's smoke test": lambda: _shell_commands(BUILD_DMG),
    "build.sh's smoke test": lambda: _shell_commands(PACKAGING / "smoke_test.sh"),
}


@pytest.mark.parametrize("where", INVOCATIONS)
def test_every_command_the_installers_and_smoke_tests_run_is_accepted_by_the_program(where):
    commands = INVOCATIONS[where]()
    assert commands, f"found no commands in {where}: update this test's pattern"
    for argv in commands:
        with argparse_speaks():
            parser = cli.build_parser()
            try:
                parser.parse_args(argv)
            except SystemExit as exc:  # a usage error (2); --version exits 0 after printing
                assert exc.code == 0, f"{where} runs `sm6-studio {shlex.join(argv)}`, which the program refuses"


def test_the_installers_run_the_commands_the_issue_names():
    iss = {shlex.join(c) for c in _iss_commands()}
    assert iss == {"kiosk-at-boot on", "kiosk-at-boot off", "remove-data --yes --including-wallets"}
    for where in ("build.ps1's smoke test", "build_dmg.sh's smoke test"):
        first_words = {c[0] for c in INVOCATIONS[where]() if c}
        assert {"doctor", "generate", "self-test"} <= first_words, where


def test_the_macos_script_is_valid_shell():
    result = subprocess.run(["bash", "-n", str(BUILD_DMG)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_disk_image_holds_the_app_beside_a_link_to_applications():
    settings = {"defines": {"app": "build/cpu/dist/SM6 Studio.app", "icon": "build/cpu/icons/sm6-studio.icns"}}
    exec(compile(_text(PACKAGING / "macos" / "dmg_settings.py"), "dmg_settings.py", "exec"), settings)  # as dmgbuild
    assert settings["files"] == ["build/cpu/dist/SM6 Studio.app"]
    assert settings["symlinks"] == {"Applications": "/Applications"}
    assert set(settings["icon_locations"]) == {"SM6 Studio.app", "Applications"}
    assert "dmgbuild==" in _text(PACKAGING / "build-requirements-macos.txt")


def test_every_installer_message_is_in_english_and_korean_with_the_same_placeholders():
    messages = dict(re.findall(r"^(\w+\.\w+)=(.*)$", _text(ISS), re.M))
    english = {k.split(".", 1)[1]: v for k, v in messages.items() if k.startswith("en.")}
    korean = {k.split(".", 1)[1]: v for k, v in messages.items() if k.startswith("ko.")}
    assert english and set(english) == set(korean)
    for name, text in english.items():
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", korean[name])), name
    used = set(re.findall(r"CustomMessage\('(\w+)'\)", _text(ISS))) | set(re.findall(r"\{cm:(\w+)\}", _text(ISS)))
    assert used - {"CreateDesktopIcon", "AdditionalIcons"} <= set(english)  # those two come with Inno Setup
