"""Settings as a workspace page (the rail's bottom item): the settings form, embedded instead of floating."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.config import Settings
from ui.i18n import translate
from ui.settings.curation_settings_card import install_curation_card
from ui.settings.kiosk_settings_card import install_showroom_card
from ui.settings.models_settings_line import install_models_line
from ui.settings.safety_settings_card import install_safety_card
from ui.settings.settings_dialog import SettingsDialog
from ui.widgets.about_dialog import open_about


class SettingsPage(SettingsDialog):
    """Save applies and stays on the page; Cancel puts back what was saved last."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setMaximumHeight(16_777_215)
        self.sig_settings_changed.connect(self._remember)
        self.showroom_card = install_showroom_card(self)  # saves its own changes at once (see the card)
        self.safety_card = install_safety_card(self)  # saves its own changes at once, like the kiosk card
        self.curation_card = install_curation_card(self)  # staff only, as the whole page is; saves at once
        self.models_line = install_models_line(self)  # Manage models…: the controller opens Models…
        self.about_button = self._install_about_button()

    def retranslate(self) -> None:
        super().retranslate()
        self.cancel_button.setText(translate("SettingsPage", "Revert"))
        self.cancel_button.setToolTip(translate("SettingsPage", "Put back the saved settings"))
        if hasattr(self, "about_button"):  # the dialog's words are said before the page adds its own
            self._say_about()

    def _say_about(self) -> None:
        self.about_button.setText(translate("SettingsPage", "About SM6 Design Studio…"))
        self.about_button.setToolTip(translate("SettingsPage", "Version, build, folders and licences (F1)"))

    def _install_about_button(self) -> QPushButton:
        """A quiet entry at the foot's far left, away from Revert and Save."""
        button = QPushButton()
        button.setProperty("flat", True)
        button.clicked.connect(lambda: open_about(self.window(), self._original.generation.device))
        footer = next(
            item.layout()
            for item in (self.layout().itemAt(i) for i in range(self.layout().count()))
            if item.layout() is not None and item.layout().indexOf(self.cancel_button) >= 0
        )
        footer.insertWidget(0, button)
        self.about_button = button
        self._say_about()
        return button

    def _remember(self, settings: Settings) -> None:
        self._original = copy.deepcopy(settings)

    def done(self, _result: int) -> None:  # a page never closes
        self._load(self._original)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc cancels generation elsewhere; never wipe edits here
            event.ignore()
            return
        super().keyPressEvent(event)
