"""House rule 1: the core never imports Qt or the UI, so it runs headless (CLI, kiosk checks, tests); the core's and
the window's layers hold (the import-linter contracts in pyproject.toml: in ui/, workspaces never import each other),
with no module grown past 500 lines."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import app

FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qasync", "ui")
APP_DIR = Path(app.__file__).parent
ROOT = APP_DIR.parent
MAX_MODULE_LINES = 500
UI_DIR = ROOT / "ui"
UI_WORKSPACES = ("design", "describe", "token", "wallet", "library", "models", "settings")


def test_no_app_module_imports_qt_or_ui():
    offenders = []
    for path in APP_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(APP_DIR)}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_every_app_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages([str(APP_DIR)], prefix="app.")]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'ui')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=APP_DIR.parent
    ).stdout.strip()
    assert out == "[]"


def test_the_import_contracts_hold():
    """`lint-imports` as a developer runs it (in its own process: it changes logging's settings); on failure its
    report says which import breaks which contract."""
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


@pytest.mark.parametrize(
    "contract, kind",
    [
        ("core-headless", "forbidden"),
        ("core-domains-independent", "independence"),
        ("core-layers", "layers"),
        ("generation-without-library", "forbidden"),
        ("ui-layers", "layers"),
        ("ui-workspaces-independent", "independence"),
    ],
)
def test_the_core_contracts_are_still_there(contract, kind):
    """A contract deleted or emptied would pass `lint-imports` too: these are the ones docs/ARCHITECTURE.md names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    found = {c["id"]: c for c in config["contracts"]}
    assert found[contract]["type"] == kind
    if contract == "core-domains-independent":
        assert set(found[contract]["modules"]) >= {"app.token", "app.chain", "app.description"}
    if contract == "core-layers":
        layers = found[contract]["layers"]
        assert layers[0] == "cli" and "errors" in layers[-2] and layers[-1] == "messages"  # messages: below errors
    if contract == "ui-workspaces-independent":
        assert set(found[contract]["modules"]) >= {f"ui.{name}" for name in UI_WORKSPACES}
    if contract == "ui-layers":
        layers = found[contract]["layers"]
        side_by_side = next(layer for layer in layers if "design" in layer)
        assert {part.strip() for part in side_by_side.split("|")} >= set(UI_WORKSPACES)
        assert layers.index(side_by_side) < layers.index("widgets"), "shared widgets sit below every workspace"


@pytest.mark.parametrize("package", [APP_DIR, UI_DIR], ids=["app", "ui"])
def test_no_module_is_over_500_lines(package):
    """Split by responsibility before a module reaches this: a 2,000-line module is the classic regret."""
    sizes = {
        path.relative_to(ROOT): len(path.read_text(encoding="utf-8").splitlines()) for path in package.rglob("*.py")
    }
    assert {str(path): n for path, n in sizes.items() if n > MAX_MODULE_LINES} == {}
