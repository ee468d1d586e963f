"""How a section of the staff panel starts (the kiosk wallet, content safety): a column flush with the panel's card,
headed by its name in bold body type."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.kiosk.calm_screens import words


def section_column(section: QWidget) -> tuple[QVBoxLayout, QLabel]:
    """Lays `section` out as a column; returns it and the heading label (its words are the section's to set)."""
    lay = QVBoxLayout(section)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(8)
    heading = words("body", centred=False)
    heading.setStyleSheet("font-weight: 700;")  # i18n: not shown - a style
    lay.addWidget(heading)
    return lay, heading
