"""Right-click on the studio's picture: Copy image and Save as… for the design shown, as in the Library's details.

Only a saved design's picture leaves (the library's PNG, byte for byte, provenance inside): not a step of a job under
way, not a live frame, not a picture the content check holds back or is still checking, and nothing at a kiosk. The
file is read and written on the `disk` executor; only the clipboard is touched on the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from app.kiosk import Policy
from ui.i18n import translate
from ui.icons import icon
from ui.tasks import run_in_background
from ui.theme import current_theme
from ui.widgets.design_files import (
    COPY_NOT_SAVED,
    PICTURE_NOT_READ,
    ask_copy_path,
    failure_details,
    put_on_clipboard,
    read_picture,
    show_saved,
    write_copy,
)
from ui.widgets.error_banner import ErrorBanner

COPY_SHORTCUT = "Ctrl+C"  # i18n: not shown (a key's name; shown as QKeySequence writes it)
SAVE_SHORTCUT = "Ctrl+Shift+S"  # i18n: not shown (a key's name; shown as QKeySequence writes it)


class PictureMenu(QObject):
    """`canvas` gets the menu, `owner` (the studio) the two shortcuts; `banner` says where a copy went, or why it did
    not; `live` (live mode, when there is one) shows frames that are not saved designs."""

    def __init__(self, vm, canvas: QWidget, owner: QWidget, banner: ErrorBanner, policy: Policy, live=None) -> None:
        super().__init__(owner)
        self.vm, self.canvas, self.banner, self.live = vm, canvas, banner, live
        self.allowed = policy.may_use_files
        self.copy_action = QAction(owner)
        self.copy_action.setShortcut(QKeySequence(COPY_SHORTCUT))
        self.copy_action.triggered.connect(self.copy_image)
        self.save_action = QAction(owner)
        self.save_action.setShortcut(QKeySequence(SAVE_SHORTCUT))
        self.save_action.triggered.connect(self.save_as)
        for action in (self.copy_action, self.save_action):
            # Anywhere in the studio; a text field with the focus still copies its own text first.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if self.allowed:
            owner.addActions([self.copy_action, self.save_action])
            canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            canvas.customContextMenuRequested.connect(self._open_menu)
        self.retranslate()

    def retranslate(self) -> None:
        self.copy_action.setText(translate("PictureMenu", "Copy image"))
        self.save_action.setText(translate("PictureMenu", "Save as…"))
        theme = current_theme()
        self.copy_action.setIcon(icon("copy", theme.text))
        self.save_action.setIcon(icon("download", theme.text))

    def design(self):
        """The saved design whose picture is shown and may leave the app, or None."""
        design = self.vm.current_design
        live = self.live is not None and self.live.on
        if not self.allowed or design is None or self.vm.busy or live or not self.vm.may_use(design):
            return None
        return design

    def copy_image(self) -> None:
        design = self.design()
        if design is None:
            return
        library = self.vm.library
        run_in_background(
            lambda: read_picture(library, design),
            lambda found: put_on_clipboard(*found),
            lambda exc: self._failed(PICTURE_NOT_READ, exc),
            self,
        )

    def save_as(self) -> None:
        design = self.design()
        if design is None:
            return
        path = ask_copy_path(self.canvas, design)
        if path is None:
            return
        library = self.vm.library
        run_in_background(
            lambda: write_copy(library, design, path),
            lambda where: show_saved(self.banner, where),
            lambda exc: self._failed(COPY_NOT_SAVED, exc),
            self,
        )

    def _open_menu(self, at: QPoint) -> None:
        usable = self.design() is not None
        for action in (self.copy_action, self.save_action):
            action.setEnabled(usable)
        menu = QMenu(self.canvas)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions([self.copy_action, self.save_action])
        menu.popup(self.canvas.mapToGlobal(at))
        self.menu = menu  # for tests: the menu open now

    def _failed(self, words: str, exc: BaseException) -> None:
        self.banner.show_message(lambda: translate("design_files", words), failure_details(exc))
