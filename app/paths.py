"""Where things live. Every location can be overridden by an environment variable, which tests and kiosks use."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from app import settings_file

APP_NAME = "SM6Studio"
APP_AUTHOR = "SM6"

REPO_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = REPO_ROOT / "resources"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Designs, the library database, caches: SM6_DATA_DIR, else the folder chosen in Settings, else the default."""
    return _env_path("SM6_DATA_DIR") or _chosen_data_dir() or default_data_dir()


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def _chosen_data_dir() -> Path | None:
    # app.config builds on this module, not the other way round, so the file is read here through the same guarded
    # reader; app.config is the one that reports a bad file and keeps it aside.
    return _path_in(config_dir() / "settings.toml", "data_dir")


def _path_in(file: Path, key: str) -> Path | None:
    """A folder named in a TOML file, read through the guarded reader; None when absent or not a usable path."""
    value = settings_file.read(file, set_aside=False).data.get(key, "")
    if not isinstance(value, str) or not value or "\x00" in value:
        return None
    try:
        return Path(value).expanduser()
    except (RuntimeError, ValueError):  # "~nobody-here/x": no such user
        return None


def config_dir() -> Path:
    """settings.toml. SM6_CONFIG_DIR overrides."""
    return _env_path("SM6_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def user_models_dir() -> Path:
    """Models imported through the app. SM6_MODELS_DIR overrides."""
    return _env_path("SM6_MODELS_DIR") or data_dir() / "models"


def bundled_models_dir() -> Path:
    """Where users drop weights: SM6_BUNDLED_MODELS_DIR, else in an installed package the folder its installer chose
    (`install.toml` beside the program), else the models/ folder of a source checkout."""
    chosen = _env_path("SM6_BUNDLED_MODELS_DIR")
    if chosen:
        return chosen
    if getattr(sys, "frozen", False):
        # Inside a package, REPO_ROOT is the program's own read-only files, upgraded and removed with it: weights
        # never go there.
        return installer_models_dir(Path(sys.executable).parent) or user_models_dir()
    return REPO_ROOT / "models"


INSTALL_FILE = "install.toml"


def installer_models_dir(program_dir: Path) -> Path | None:
    """The shared models folder an installer wrote into `install.toml` beside the program (the .deb:
    /var/lib/sm6-studio/models; Windows: the folder chosen in the installer), or None."""
    return _path_in(program_dir / INSTALL_FILE, "models_dir")


def model_search_dirs() -> list[Path]:
    """The repository's models/ folder (where users drop weights) and the per-user one, without duplicates."""
    dirs: list[Path] = []
    for d in (bundled_models_dir(), user_models_dir()):
        resolved = d.resolve() if d.exists() else d
        if resolved not in dirs:
            dirs.append(resolved)
    return dirs


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
