"""Where this machine keeps its curation files when the settings name no server."""

from __future__ import annotations

from pathlib import Path

from app import paths


def default_database_file() -> Path:
    """The SQLite file used when the database setting is empty (one machine)."""
    return paths.data_dir() / "curation" / "curation.db"
