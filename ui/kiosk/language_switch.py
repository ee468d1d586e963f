"""한국어 | English: the visitor's language, each choice written in its own words.

It switches only the running app (`ui.i18n.apply_language`): the saved setting stays what staff chose, so the next
start (and the next visitor, after a reset) begins in the kiosk's own language."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from app import i18n as core_i18n
from ui.i18n import Retranslating, apply_language, current_language, translate


class LanguageSwitch(Retranslating, QWidget):
    sig_language_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for lang in ("ko", "en"):
            button = QPushButton(core_i18n.NAMES[lang])  # never translated: a visitor looks for their own language
            button.setCheckable(True)
            button.setProperty("kiosk", "language")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, lang=lang: self.choose(lang))
            self.group.addButton(button)
            self.buttons[lang] = button
            lay.addWidget(button)
        self._show(current_language())
        self.retranslate()

    def choose(self, lang: str) -> None:
        if lang != current_language():
            apply_language(lang)
            self.sig_language_changed.emit(lang)
        self._show(lang)

    def _show(self, lang: str) -> None:
        self.buttons.get(lang, self.buttons["en"]).setChecked(True)

    def retranslate(self) -> None:
        self.setAccessibleName(translate("LanguageSwitch", "Language"))
        self._show(current_language())
