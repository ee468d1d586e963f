"""Content safety in the window's tests: wiring it as the window does, forcing a verdict, and telling a blur apart."""

from __future__ import annotations

import io
from dataclasses import replace

import numpy as np
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication

# open_nsfw scores the tiny model's pictures around 0.001-0.02: a threshold this low holds every one back, so a test
# sees a real "flagged" verdict from the real classifier without any explicit picture in the repository.
HOLD_EVERYTHING = 0.000001


def type_words(field, text: str) -> None:
    """Words typed as an input method delivers them (Hangul and full-width letters come this way, not as keys)."""
    field.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def use_safety(controller, **changes) -> None:
    """Settings as staff or the studio's card would set them, used at once (thresholds past the card's range too)."""
    services = controller.services
    safety = replace(services.settings.safety, **changes)
    services.use_settings(replace(services.settings, safety=safety))


def grey(image) -> np.ndarray:
    """A picture (QImage, QPixmap or PNG path) as 64×64 grey levels 0..255."""
    if isinstance(image, str):
        picture = Image.open(image)
    else:
        image = image.toImage() if not isinstance(image, QImage) else image
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        picture = Image.open(io.BytesIO(bytes(buffer.data())))
    return np.asarray(picture.convert("L").resize((64, 64)), dtype=float)


def detail(image) -> float:
    """How much neighbouring pixels differ, on average (grey levels at 64×64): a blur has next to none."""
    levels = grey(image)
    return float(np.abs(np.diff(levels, axis=0)).mean() + np.abs(np.diff(levels, axis=1)).mean())


def looks_blurred(shown, original_path: str) -> bool:
    """Nothing of the original can be made out: the shown picture is nearly flat where the original has detail, and
    far from it pixel by pixel."""
    far = np.abs(grey(shown) - grey(original_path)).mean() > 8
    return detail(shown) < 0.15 * detail(original_path) and far
