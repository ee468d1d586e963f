"""Dialogs made for one use: freed once closed, and remembered only weakly.

A dialog parented to the window lives as long as the window unless something deletes it. At a kiosk one Mint
dialog per visitor, each holding that visitor's token image, was kept for the whole day (issue 14: 2.4 MB per
visitor). A dialog closed while its work is still on the way (a mint waiting for its receipt) is kept until that
answer has arrived, so what it announces still reaches the app; then it goes too. Its work is parented to it
(ui.tasks.deliver), so nothing calls back into a dialog that is gone.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from ui.tasks import Task


class _FreeWhenClosed(QObject):
    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        dialog.finished.connect(self._free_when_idle)

    def _free_when_idle(self, *_args) -> None:
        if not shiboken6.isValid(self):  # a task's `destroyed` while the dialog itself is being deleted
            return
        dialog = self.parent()
        if dialog is None or dialog.isVisible():  # opened again in the meantime: it is still in use
            return
        waiting = [task for task in dialog.findChildren(Task) if task.pending()]
        if waiting:
            for task in waiting:
                task.destroyed.connect(self._free_when_idle)  # each task deletes itself once it has answered
            return
        dialog.deleteLater()


def free_when_closed(dialog: QDialog) -> QDialog:
    """Delete `dialog` once it is closed (accepted, rejected or closed) and its background work has answered."""
    _FreeWhenClosed(dialog)
    return dialog


class LastDialog:
    """An attribute holding the dialog opened last, by weak reference: it reads None once that dialog is freed,
    so remembering a dialog (for tests, or to raise it again) never keeps it alive."""

    def __set_name__(self, owner, name: str) -> None:
        self._key = f"_last_dialog_{name}"

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        ref = obj.__dict__.get(self._key)
        dialog = ref() if ref is not None else None
        return dialog if dialog is not None and shiboken6.isValid(dialog) else None

    def __set__(self, obj, dialog) -> None:
        obj.__dict__[self._key] = weakref.ref(dialog) if dialog is not None else None
