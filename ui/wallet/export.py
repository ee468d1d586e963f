"""Export an account's keystore file (never offered in kiosk mode): the encrypted JSON exactly as stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.fsutil import atomic_write_text
from ui.background import watch


def export_keystore(parent: QWidget, service, address: str) -> None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        "Export keystore",
        str(Path.home() / f"{address}.json"),
        "Keystore files (*.json)",
        options=QFileDialog.Option.DontUseNativeDialog,
    )
    if not path:
        return

    def save(text: str) -> None:
        try:
            atomic_write_text(Path(path), text)
        except OSError as exc:
            parent.panel_error.show_message("The keystore could not be saved there. Choose another folder.", str(exc))
            return
        parent.panel_error.show_message(
            f"Saved {Path(path).name}. It is still encrypted with this wallet's password.", severity="info"
        )

    watch(service.export_keystore(address), save, lambda e: parent.panel_error.show_message(str(e)), parent)
