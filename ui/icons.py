"""Line icons from resources/icons/*.svg, tinted to the theme by replacing `currentColor`."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resource
from ui.theme import current_theme

log = logging.getLogger(__name__)

_cache: dict[tuple[str, str, int, float], QIcon] = {}
_svg_text: dict[str, str] = {}
_reported_missing: set[str] = set()


def icon(name: str, color: str | None = None, size: int = 24) -> QIcon:
    """The icon `name` in `color` (default: the theme's text colour), or an empty QIcon if it is missing.

    The icon also gets a Disabled pixmap in the theme's disabled colour, so greyed-out buttons
    look deliberate rather than washed out by Qt's automatic fading.
    """
    theme = current_theme()
    color = color or theme.text
    dpr = _device_pixel_ratio()
    key = (name, color.upper(), size, dpr)
    cached = _cache.get(key)
    if cached is not None:
        return cached

    svg = _load_svg(name)
    if svg is None:
        return QIcon()  # not cached: the file may be added while the app runs
    result = QIcon()
    normal = _render(svg, color, size, dpr)
    if normal is None:
        _report_missing(name, "could not be rendered")
        return QIcon()
    result.addPixmap(normal, QIcon.Mode.Normal)
    disabled = _render(svg, theme.text_disabled, size, dpr)
    if disabled is not None:
        result.addPixmap(disabled, QIcon.Mode.Disabled)
    _cache[key] = result
    return result


def pixmap(name: str, color: str | None = None, size: int = 24) -> QPixmap:
    """A crisp pixmap for QLabel use; empty when the icon is missing."""
    dpr = _device_pixel_ratio()
    pm = icon(name, color, size).pixmap(size, size)
    if not pm.isNull() and abs(pm.devicePixelRatio() - dpr) > 0.01:
        pm.setDevicePixelRatio(dpr)
    return pm


def clear_cache() -> None:
    """Forget rendered icons and SVG text, e.g. after the icon files changed on disk."""
    _cache.clear()
    _svg_text.clear()


def _load_svg(name: str) -> str | None:
    text = _svg_text.get(name)
    if text is not None:
        return text
    path = resource("icons", name + ".svg")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        _report_missing(name, f"not readable at {path} ({exc.__class__.__name__})")
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
