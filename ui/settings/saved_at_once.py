"""What the Settings page's cards that save each change at once share (the showroom kiosk, content safety): how
such a card is put on the page and writes its one section of settings.toml, and its caption labels."""

from __future__ import annotations

import copy
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.config import read_settings, save_settings


def caption() -> QLabel:
    """Small secondary words that wrap to the card's width (an explanation, or the note under the card)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("role", "caption")
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def show_save_note(label: QLabel, note: tuple[str, object] | None, saved: str, not_saved: str) -> None:
    """The note under a card: nothing (None), why a change was not saved ("disk": `not_saved` with its {reason}),
    or `saved`, the words for what was."""
    if note is None:
        label.hide()
        return
    kind, reason = note
    label.setText(not_saved.format(reason=str(reason)) if kind == "disk" else saved)
    label.show()


def install_on_page(page, section: str, make_card: Callable[[object, Callable[[object], None]], QWidget]) -> QWidget:
    """Put `make_card(current section, save)` on the Settings page (its left column, above the stretch). Each
    `save(value)` writes the file as it is now with `section` replaced and tells the page and the window, as the
    page's Save does; OSError when it cannot."""

    def save(value) -> None:
        # The file as it is now (the wallet may have changed the network since the page opened), else what the page
        # saved last; other cards' unsaved edits stay theirs to save.
        fresh = read_settings(page._settings_path, set_aside=False)
        new = fresh.settings if not fresh.warning else copy.deepcopy(page._original)
        setattr(new, section, value)
        save_settings(new, page._settings_path)
        page.sig_settings_changed.emit(new)

    card = make_card(getattr(page._original, section), save)
    left = page._page.layout().itemAt(0).layout()
    left.insertWidget(left.count() - 1, card)
    return card
