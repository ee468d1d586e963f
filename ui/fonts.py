"""Fonts shipped in resources/fonts/ (Noto Sans KR, see its README.md), registered with Qt at start-up.

Many machines and kiosks have no Korean font; registering the bundled one lets `ui/theme.py` list it as the
fallback family of the app font, so Hangul never renders as empty boxes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from app.paths import resource

log = logging.getLogger(__name__)

FONT_SUFFIXES = (".otf", ".ttf", ".ttc", ".otc")

# Font file -> the families Qt registered from it; a file that failed maps to [] so it is not retried.
_registered: dict[Path, list[str]] = {}


def bundled_font_files(folder: Path | None = None) -> list[Path]:
    folder = folder or resource("fonts")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES and p.is_file())


def register_bundled_fonts(folder: Path | None = None) -> list[str]:
    """Register every font file in resources/fonts/ with Qt; returns the family names they provide.

    Idempotent: a file is registered once per process, later calls only return the families. A file that
    Qt cannot load is logged and skipped. Needs a QGuiApplication; without one nothing is registered.
    """
    if QGuiApplication.instance() is None:
        log.warning("no QGuiApplication yet; bundled fonts not registered")
        return []
    families: list[str] = []
    for path in bundled_font_files(folder):
        if path not in _registered:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load bundled font %s", path)
                _registered[path] = []
            else:
                _registered[path] = list(QFontDatabase.applicationFontFamilies(font_id))
                log.debug("registered font %s: %s", path.name, ", ".join(_registered[path]))
        for family in _registered[path]:
            if family not in families:
                families.append(family)
    return families


__all__ = ["bundled_font_files", "register_bundled_fonts"]
