"""The small "Manage models…" button that opens Models… (every model, ControlNet and LoRA installed) from where a
model is chosen. The app controller connects `clicked`; a kiosk never shows it (the studio's Advanced settings and
Settings, where it sits, are not a visitor's)."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton, QWidget

from ui.i18n import Retranslating, translate
from ui.icons import icon


class ManageModelsButton(Retranslating, QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(icon("model"))
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(translate("ManageModelsButton", "Manage models… — every model, ControlNet and LoRA installed"))
        self.setAccessibleName(translate("ManageModelsButton", "Manage models"))
