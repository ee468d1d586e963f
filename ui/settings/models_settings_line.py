"""A "Models" line at the foot of the Generation card: what is installed is managed in Models…, one button away.

Settings is staff-only (a kiosk never opens it), so the line needs no policy of its own. The app controller
connects `button.clicked` to Models…; nothing here is saved with the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_M, SPACE_S, SPACE_XS


class ModelsSettingsLine(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, SPACE_S, 0, 0)
        row.setSpacing(SPACE_M)
        words = QVBoxLayout()
        words.setSpacing(SPACE_XS)
        self.title = QLabel()
        self.title.setProperty("role", "emphasis")
        words.addWidget(self.title)
        self.caption = QLabel()
        self.caption.setProperty("role", "caption")
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        words.addWidget(self.caption)
        row.addLayout(words, 1)
        self.button = QPushButton()
        self.button.setIcon(icon("model"))
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("ModelsSettingsLine", "Models"))
        self.caption.setText(
            translate("ModelsSettingsLine", "The models, ControlNets and LoRAs in your models folders")
        )
        self.button.setText(translate("ModelsSettingsLine", "Manage models…"))
        self.button.setToolTip(translate("ModelsSettingsLine", "See, import and check every model installed"))


def install_models_line(page) -> ModelsSettingsLine:
    """Put the line at the foot of the settings page's Generation card."""
    line = ModelsSettingsLine()
    page._generation.add_widget(line)
    return line
