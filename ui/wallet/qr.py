"""An address as a QR code (segno), drawn crisp at any size in the theme's text colour on its surface."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QPixmap


def qr_pixmap(text: str, size_px: int, dark: str, light: str) -> QPixmap:
    qr = segno.make(text, error="m")
    modules = qr.symbol_size(scale=1, border=2)[0]
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=max(1, size_px // modules), border=2, dark=dark, light=light)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
