"""Asking where to save an export (a CAR file, a keystore)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget, title: str, suggested_name: str, file_filter: str) -> Path | None:
    """The chosen path, or None when the person cancels.

    Qt's own dialog rather than the platform's, as for model import: it follows the app's theme and looks and
    behaves the same on every system the campaign runs on."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path.home() / suggested_name),
        file_filter,
        options=QFileDialog.Option.DontUseNativeDialog,
    )
    return Path(path) if path else None
