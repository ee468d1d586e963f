"""A design's picture taken out of the app: saved as a PNG file where the person chooses, or put on the clipboard.

The file is the library's own PNG, byte for byte, so its provenance (the A1111 `parameters`, the request, the XMP
marker) goes with it and Verify still recognises it. Reading and writing run on the Library's worker; only the
clipboard is touched on the UI thread.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from app.fsutil import atomic_write_bytes
from app.library.interface import DesignStore
from app.library.models import Design
from ui.i18n import translate
from ui.widgets.error_banner import ErrorBanner, plain_words
from ui.widgets.folder_row import open_folder
from ui.widgets.save_dialog import ask_save_path

COPY_SAVED = QT_TRANSLATE_NOOP("design_files", "Saved a copy as {name}.")
COPY_NOT_SAVED = QT_TRANSLATE_NOOP("design_files", "The copy could not be saved. Choose another folder and try again.")
PICTURE_NOT_READ = QT_TRANSLATE_NOOP(
    "design_files", "This design's picture could not be read from the library, so it was not copied."
)
_NAME_CHARS = 40  # of the prompt, in a suggested file name
_NOT_IN_A_NAME = re.compile(r"[^\w]+")  # letters and digits of any script stay; the rest becomes one "-"


def suggested_name(design: Design) -> str:
    """ "sm6-pearl-white-with-rose-gold-trim-7.png": the prompt's words and the seed, safe on every file system."""
    words = _NOT_IN_A_NAME.sub("-", (design.request.prompt or design.prompt_final).casefold()).strip("-_")
    words = words[:_NAME_CHARS].rstrip("-_") or "design"
    return f"sm6-{words}-{design.seed}.png"


def with_png_suffix(path: Path) -> Path:
    """The chosen path, ending in .png (Qt's dialog does not add it when the person typed a bare name)."""
    return path if path.suffix.casefold() == ".png" else path.with_name(path.name + ".png")


def ask_copy_path(parent: QWidget, design: Design) -> Path | None:
    """Where to save a copy of `design` (".png" added when not typed), or None when the person cancels."""
    title, kinds = translate("design_files", "Save a copy"), translate("design_files", "PNG images (*.png)")
    path = ask_save_path(parent, title, suggested_name(design), kinds)
    return with_png_suffix(path) if path is not None else None


def show_saved(banner: ErrorBanner, where: Path) -> None:
    """ "Saved a copy as …" with Show in folder, said again in a new language."""
    show = (lambda: translate("design_files", "Show in folder"), lambda: open_folder(where.parent, create=False))
    words = lambda: translate("design_files", COPY_SAVED).format(name=where.name)  # noqa: E731 - said again
    banner.show_message(words, severity="info", action=show)


def write_copy(library: DesignStore, design: Design, path: Path) -> Path:
    """On the worker: the design's PNG at `path`, whole or not at all. KeyError when its picture is missing."""
    atomic_write_bytes(path, library.images.open(design.image_sha256))
    return path


def read_picture(library: DesignStore, design: Design) -> tuple[bytes, QImage]:
    """On the worker: the PNG's bytes and its decoded image (QImage, unlike QPixmap, may be made off the UI thread).
    ValueError when the bytes are not a picture Qt can read."""
    png = library.images.open(design.image_sha256)
    image = QImage.fromData(png, "PNG")
    if image.isNull():
        raise ValueError("the library's PNG cannot be decoded")  # i18n: not shown (details only)
    return png, image


def failure_details(exc: BaseException) -> str:
    """What "Show details" holds when a copy fails: the system's own reason for a file, else the whole story."""
    return str(exc) if isinstance(exc, OSError) else plain_words(exc)[1]


def put_on_clipboard(png: bytes, image: QImage) -> None:
    """On the UI thread: the picture for any app that pastes images, and the PNG itself (with its provenance) for
    those that take files' bytes."""
    mime = QMimeData()
    mime.setImageData(image)
    mime.setData("image/png", png)
    QGuiApplication.clipboard().setMimeData(mime)
