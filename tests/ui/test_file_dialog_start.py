"""File dialogs open in the folder their kind of file came from last, else the usual one, never wherever the last
dialog of the process happened to be: a picture dialog that opened in /proc (after a save refused there) hung the
window, reading device files to guess their types."""

from __future__ import annotations

from pathlib import Path

from ui.widgets import start_folder as folders


def test_a_picture_dialog_opens_in_the_usual_folder_for_pictures(monkeypatch):
    monkeypatch.setattr(folders, "_last", {})
    start = folders.start_folder("pictures")
    assert start.is_dir() and start in (Path.home(), Path.home() / "Pictures")


def test_the_next_dialog_opens_where_the_last_picture_came_from(tmp_path, monkeypatch):
    monkeypatch.setattr(folders, "_last", {})
    (tmp_path / "sketches").mkdir()
    folders.remember("pictures", str(tmp_path / "sketches" / "car.png"))
    assert folders.start_folder("pictures") == tmp_path / "sketches"
    assert folders.start_folder("downloads") != tmp_path / "sketches"  # each kind of file keeps its own folder
    (tmp_path / "sketches").rmdir()  # a folder since removed (a USB stick): the usual one again
    assert folders.start_folder("pictures").is_dir()
