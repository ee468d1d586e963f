"""Line icons from resources/icons/*.svg, tinted to the theme by replacing `currentColor`.

A colour is a theme role ("text", "text_secondary", "accent", "on_accent", ...; `None` means "text") or a literal
"#RRGGBB". Every icon and pixmap made here remembers how it was asked for, and when the theme changes every button,
label, action and combo box entry that shows one is re-tinted in the new theme's colours (`_retint`): a view sets an
icon once and never thinks about themes again. Nothing here holds a widget: the live widgets are walked at the
change, so a closed view is neither kept alive nor visited.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel

from app.paths import resource
from ui.theme import Theme, current_theme, theme_manager

log = logging.getLogger(__name__)

ROLES = ("text", "text_secondary", "text_disabled", "accent", "on_accent", "success", "warning", "danger", "info")

_Spec = tuple[str, str | None, int]  # name, colour as asked (role or literal), size
_cache: dict[tuple, QIcon] = {}
_pixmaps: dict[tuple, QPixmap] = {}
_specs: dict[int, _Spec] = {}  # cacheKey of every icon and pixmap handed out -> how it was asked for
_svg_text: dict[str, str] = {}
_reported_missing: set[str] = set()


def icon(name: str, color: str | None = None, size: int = 24) -> QIcon:
    """The icon `name` in `color` (a theme role, default "text", or "#RRGGBB"), or an empty QIcon if it is missing.

    The icon also gets a Disabled pixmap in the theme's disabled colour, so greyed-out buttons
    look deliberate rather than washed out by Qt's automatic fading.
    """
    theme = current_theme()
    color = color or "text"
    resolved = getattr(theme, color) if color in ROLES else color
    dpr = _device_pixel_ratio()
    # The role is part of the key: "text" and a literal that happens to equal it today differ after a theme change.
    key = (name, color if color in ROLES else None, resolved.upper(), theme.text_disabled, size, dpr)
    cached = _cache.get(key)
    if cached is not None:
        return cached

    svg = _load_svg(name)
    if svg is None:
        return QIcon()  # not cached: the file may be added while the app runs
    result = QIcon()
    normal = _render(svg, resolved, size, dpr)
    if normal is None:
        _report_missing(name, "could not be rendered")  # i18n: not shown
        return QIcon()
    result.addPixmap(normal, QIcon.Mode.Normal)
    disabled = _render(svg, theme.text_disabled, size, dpr)
    if disabled is not None:
        result.addPixmap(disabled, QIcon.Mode.Disabled)
    _cache[key] = result
    _specs[result.cacheKey()] = (name, color, size)
    return result


def pixmap(name: str, color: str | None = None, size: int = 24) -> QPixmap:
    """A crisp pixmap for QLabel use; empty when the icon is missing."""
    made = icon(name, color, size)
    key = (made.cacheKey(), size)
    pm = _pixmaps.get(key)
    if pm is None:
        dpr = _device_pixel_ratio()
        pm = made.pixmap(size, size)
        if not pm.isNull() and abs(pm.devicePixelRatio() - dpr) > 0.01:
            pm.setDevicePixelRatio(dpr)
        if not pm.isNull():  # the same pixmap each time, so a label showing it can be found again
            _pixmaps[key] = pm
            _specs[pm.cacheKey()] = (name, color, size)
    return pm


def clear_cache() -> None:
    """Forget rendered icons and SVG text, e.g. after the icon files changed on disk."""
    _cache.clear()
    _pixmaps.clear()
    _specs.clear()
    _svg_text.clear()


def _retint(_theme: Theme) -> None:
    """Re-make every icon on screen from how it was asked for, in the theme now applied."""
    app = QApplication.instance()
    if app is None:
        return
    for widget in app.allWidgets():
        if isinstance(widget, QAbstractButton):
            spec = _specs.get(widget.icon().cacheKey())
            if spec is not None:
                widget.setIcon(icon(*spec))
        elif isinstance(widget, QLabel):
            spec = _specs.get(widget.pixmap().cacheKey())
            if spec is not None:
                widget.setPixmap(pixmap(*spec))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                spec = _specs.get(widget.itemIcon(i).cacheKey())
                if spec is not None:
                    widget.setItemIcon(i, icon(*spec))
        for action in widget.actions():
            spec = _specs.get(action.icon().cacheKey())
            if spec is not None:
                action.setIcon(icon(*spec))


theme_manager().theme_changed.connect(_retint)  # a module function: it holds no widget alive


def _load_svg(name: str) -> str | None:
    text = _svg_text.get(name)
    if text is not None:
        return text
    path = resource("icons", name + ".svg")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        _report_missing(name, f"not readable at {path} ({exc.__class__.__name__})")  # i18n: not shown
        return None
    _svg_text[name] = text
    return text


def _render(svg: str, color: str, size: int, dpr: float) -> QPixmap | None:
    data = QByteArray(svg.replace("currentColor", color).encode("utf-8"))
    renderer = QSvgRenderer(data)
    if not renderer.isValid():
        return None
    side = max(1, round(size * dpr))
    pm = QPixmap(side, side)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pm.setDevicePixelRatio(dpr)
    return pm


def _device_pixel_ratio() -> float:
    app = QGuiApplication.instance()
    if app is None:
        return 1.0
    # The highest ratio of any screen: a pixmap downscales cleanly when a window moves to a lower-DPI screen.
    screens = QGuiApplication.screens()
    return max((s.devicePixelRatio() for s in screens), default=1.0)


def _report_missing(name: str, why: str) -> None:
    if name in _reported_missing:
        return
    _reported_missing.add(name)
    log.warning("icon %r %s; showing none", name, why)
