"""The frame every kiosk step stands on: the picture (the hero) on the left, a side column of fixed width on the right
with the step's words and controls, and the Back / Next row at its foot. One builder, so the four steps line up as
the visitor walks from one to the next."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QLayout, QPushButton, QVBoxLayout, QWidget

from ui.kiosk.calm_screens import big_button

SIDE_WIDTH = 560  # the controls keep their size on a bigger screen: the picture takes the rest


def step_columns(step: QWidget, left: QWidget | QLayout, spacing: int = 16) -> tuple[QHBoxLayout, QVBoxLayout]:
    """Lays `step` out as `left` (stretching) beside a side column; returns the row and the side column to fill."""
    row = QHBoxLayout(step)
    row.setContentsMargins(40, 24, 40, 24)
    row.setSpacing(32)
    if isinstance(left, QLayout):
        row.addLayout(left, 1)
    else:
        row.addWidget(left, 1)
    side = QVBoxLayout()
    side.setContentsMargins(0, 0, 0, 0)
    side.setSpacing(spacing)
    holder = QWidget()
    holder.setLayout(side)
    holder.setFixedWidth(SIDE_WIDTH)
    row.addWidget(holder)
    return row, side


def nav_row(
    side: QVBoxLayout, on_back: Callable[[], None], on_next: Callable[[], None]
) -> tuple[QPushButton, QPushButton]:
    """Back on the left, the step's forward button (primary) on the right, at the foot of `side`."""
    nav = QHBoxLayout()
    back = big_button(primary=False, kind="nav")
    back.clicked.connect(on_back)
    nav.addWidget(back)
    nav.addStretch(1)
    forward = big_button(kind="nav")
    forward.clicked.connect(on_next)
    nav.addWidget(forward)
    side.addLayout(nav)
    return back, forward
