"""The scrolling column of an inspector panel (the Library's design details, a Curation entry's details): a frameless
area that scrolls vertically only, and the widget inside it that the panel lays its parts on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QWidget


def scrolling_body(outer: QBoxLayout, scroll_name: str) -> tuple[QScrollArea, QWidget]:
    """The scroll area (named `scroll_name` for the stylesheet), added to `outer`, and its body ("inspectorBody")."""
    scroll = QScrollArea()
    scroll.setObjectName(scroll_name)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer.addWidget(scroll)
    body = QWidget()
    body.setObjectName("inspectorBody")
    scroll.setWidget(body)
    return scroll, body
