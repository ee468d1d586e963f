"""Export an account's keystore file (never offered in kiosk mode): the encrypted JSON exactly as stored."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.fsutil import atomic_write_text
from ui.background import watch
from ui.widgets.save_dialog import ask_save_path


def export_keystore(parent: QWidget, service, address: str) -> None:
    path = ask_save_path(parent, "Export keystore", f"{address}.json", "Keystore files (*.json)")
    if path is None:
        return

    def save(text: str) -> None:
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            parent.panel_error.show_message("The keystore could not be saved there. Choose another folder.", str(exc))
            return
        parent.panel_error.show_message(
            f"Saved {path.name}. It is still encrypted with this wallet's password.", severity="info"
        )

    watch(service.export_keystore(address), save, parent.panel_error.show_exception, parent)
