"""Models…: the installed models, ControlNets and LoRAs (ModelsPage) in a dialog, with Import model… and Check
again handed to whoever opened it. Open it with `open()`, never `exec()` (DESIGN.md rule 5)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.generation.backend import ModelInfo
from ui.i18n import Retranslating, translate
from ui.models.models_page import ModelsPage
from ui.theme import SPACE_L

DIALOG_SIZE = (820, 720)  # fits a 1280×800 window with room around it


class ModelsDialog(Retranslating, QDialog):
    sig_import_requested = Signal()
    sig_rescan_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, may_use_files: bool = True) -> None:
        super().__init__(parent)
        self.resize(*DIALOG_SIZE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, SPACE_L)
        self.page = ModelsPage(may_use_files=may_use_files)
        self.page.sig_import_requested.connect(self.sig_import_requested)
        self.page.sig_rescan_requested.connect(self.sig_rescan_requested)
        layout.addWidget(self.page, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setContentsMargins(SPACE_L, 0, SPACE_L, 0)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ModelsDialog", "Models"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("ModelsDialog", "Close"))

    def set_models(self, models: list[ModelInfo]) -> None:
        self.page.set_models(models)
