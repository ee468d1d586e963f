"""Where a file dialog opens: the folder this kind of file last came from, else the usual folder for it.

Qt's own default is the folder the last file dialog of the process visited, which may be anywhere: a save refused in
a system folder, a USB stick since removed. A dialog opening in /proc hangs the window, because the dialog reads
device files there to guess their types."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

_USUAL = {
    "pictures": QStandardPaths.StandardLocation.PicturesLocation,
    "downloads": QStandardPaths.StandardLocation.DownloadLocation,
}
_last: dict[str, Path] = {}


def start_folder(purpose: str) -> Path:
    """The folder a dialog for `purpose` ("pictures", "downloads") opens in."""
    last = _last.get(purpose)
    if last is not None and last.is_dir():
        return last
    location = _USUAL.get(purpose)
    usual = Path(QStandardPaths.writableLocation(location)) if location is not None else None
    return usual if usual is not None and usual.is_dir() else Path.home()


def remember(purpose: str, chosen: str) -> None:
    """The next dialog for `purpose` opens where `chosen` (a file the person picked) is."""
    folder = Path(chosen).parent
    if chosen and folder.is_dir():
        _last[purpose] = folder
