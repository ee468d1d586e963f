"""Where an installed package keeps models: the shared folder its installer chose, never inside the program's own
files (which an upgrade replaces and an uninstall removes)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import paths


@pytest.fixture
def installed(tmp_path, monkeypatch, isolated_dirs):
    """This process as a packaged program in `<tmp>/opt/sm6-studio`, with no override of the models folder."""
    program_dir = tmp_path / "opt" / "sm6-studio"
    program_dir.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program_dir / "sm6-studio"))
    monkeypatch.delenv("SM6_BUNDLED_MODELS_DIR")
    return program_dir


def test_the_installers_models_folder_is_searched_first(installed, tmp_path):
    shared = tmp_path / "var" / "lib" / "sm6-studio" / "models"
    shared.mkdir(parents=True)
    (installed / paths.INSTALL_FILE).write_text(f"models_dir = '{shared}'\n", encoding="utf-8")

    assert paths.bundled_models_dir() == shared
    assert paths.model_search_dirs() == [shared.resolve(), paths.user_models_dir()]


def test_without_an_installer_choice_only_the_persons_own_folder_is_searched(installed):
    assert paths.bundled_models_dir() == paths.user_models_dir()
    assert paths.model_search_dirs() == [paths.user_models_dir()]
    assert not any(str(d).startswith(str(paths.REPO_ROOT)) for d in paths.model_search_dirs())


@pytest.mark.parametrize(
    "text",
    [
        "models_dir = 7\n",
        "models_dir = ''\n",
        'models_dir = "a\\u0000b"\n',
        "models_dir = [\n",  # not TOML
        "\xff\xfe garbage",
        "models_dir = '~no-such-user-here/models'\n",
    ],
)
def test_a_damaged_install_file_falls_back_to_the_persons_folder(installed, text):
    (installed / paths.INSTALL_FILE).write_bytes(text.encode("utf-8", "surrogateescape"))
    assert paths.bundled_models_dir() == paths.user_models_dir()


def test_a_source_checkout_keeps_its_models_folder(monkeypatch, isolated_dirs):
    monkeypatch.delenv("SM6_BUNDLED_MODELS_DIR")
    assert paths.bundled_models_dir() == paths.REPO_ROOT / "models"
    assert Path(paths.REPO_ROOT / "models" / "README.md").is_file()


def test_leaving_kiosk_mode_restarts_the_installed_program_itself(monkeypatch, installed):
    from ui.entry import desktop_restart_argv

    program = str(installed / "sm6-studio")
    monkeypatch.setattr(sys, "argv", [program, "--kiosk", "--lang", "ko"])
    monkeypatch.setattr(sys, "orig_argv", [program, "--kiosk", "--lang", "ko"], raising=False)
    assert desktop_restart_argv() == [program, "--lang", "ko"]


def test_leaving_kiosk_mode_restarts_a_source_install_through_python(monkeypatch):
    monkeypatch.setattr(sys, "orig_argv", [sys.executable, "/venv/bin/sm6-studio", "--kiosk"], raising=False)
    from ui.entry import desktop_restart_argv

    assert desktop_restart_argv() == [sys.executable, "/venv/bin/sm6-studio"]
