"""Where things live. Every location can be overridden by an environment variable, which tests and kiosks use."""

from __future__ import annotations

import os
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
    value = settings_file.read(config_dir() / "settings.toml", set_aside=False).data.get("data_dir", "")
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
    """The models/ folder beside the app, where users drop weights. SM6_BUNDLED_MODELS_DIR overrides."""
    return _env_path("SM6_BUNDLED_MODELS_DIR") or REPO_ROOT / "models"


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
