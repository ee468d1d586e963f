"""Sizes and the small stylesheet of the Library workspace, all derived from ui/theme.py.

The grid and the inspector need a few rules the application stylesheet does not have yet
(a frameless, transparent item view; a surface panel with a left edge). They live here, built
from the theme's values, until they move into ui/theme_qss.py.
"""

from __future__ import annotations

from string import Template

from PySide6.QtGui import QColor

from ui.theme import RADIUS, SPACE_M, SPACE_XL, Theme

# Grid
GRID_GAP = SPACE_M  # space between two tiles; each cell keeps half of it on every side
TILE_MIN = 176  # columns are added as soon as tiles can stay at least this wide
THUMB_SIDE = 256  # thumbnails are decoded with their short side at this many (device) pixels
PAGE_SIZE = 100  # designs read from the library per page: a few screens, decoded in a few milliseconds
TILE_RADIUS = RADIUS
PLACEHOLDER_ICON = 32
BADGE_SIZE = 26
BADGE_ICON = 14
BADGE_INSET = 8

# Inspector
INSPECTOR_WIDTH = 320
INSPECTOR_PADDING = SPACE_XL

# Badges sit on the picture itself (ui/widgets/tile_painting.py draws the scrim and the text on it).
BADGE_ALPHA = 0.55

SEARCH_WIDTH = 360
SEARCH_MIN_WIDTH = 200
SEARCH_DEBOUNCE_MS = 200

_QSS = Template(
    """
QAbstractItemView#libraryGrid, QAbstractItemView#libraryGrid:focus {
    background: transparent; border: none; padding: 0;
}
QFrame#libraryInspector { background: $surface; border: none; border-left: 1px solid $border; }
QScrollArea#inspectorScroll { background: transparent; border: none; }
QWidget#inspectorBody { background: transparent; }
QLabel#inspectorPrompt { font-size: ${body}px; }
/* The line edit's search and clear icons are tool buttons: keep the app's 40 px tool-button size off them. */
QLineEdit#librarySearch QToolButton {
    min-height: 0; min-width: 0; padding: 0; border: none; background: transparent;
}
/* A square, icon-only button beside a wide one (the favourite star). */
QPushButton#iconButton { min-width: ${square}px; max-width: ${square}px; padding: 0; }
QPushButton#iconButton:focus { min-width: ${square_focus}px; max-width: ${square_focus}px; padding: 0; }
"""
)


def library_stylesheet(theme: Theme, body_px: int, touch: int) -> str:
    """`touch`: the touch target, borders included (40 px on desktop, 64 in kiosk mode)."""
    # QSS widths are content widths: take off the 1 px border, or the 2 px focus ring.
    return _QSS.substitute(
        surface=theme.surface, border=theme.border, body=body_px, square=touch - 2, square_focus=touch - 4
    )


def with_alpha(color: str, alpha: float) -> QColor:
    result = QColor(color)
    result.setAlphaF(alpha)
    return result
