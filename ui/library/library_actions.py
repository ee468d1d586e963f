"""What the Library does with the selected design's picture (Save as…, Copy image), and the notes its actions
leave above the grid: "… was removed" with Undo, "Saved a copy as …" with Show in folder.

Each note stays until the person closes it (or, for a removal, undoes it) and says its words again in a new language;
both follow the view-model (`removed`, `saved`), so the view only places them."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.library.models import Design
from ui.i18n import translate
from ui.library.design_details import DesignDetailsPanel
from ui.library.library_vm import LibraryViewModel, removed_text
from ui.theme import SPACE_L
from ui.widgets.design_files import ask_copy_path, show_saved
from ui.widgets.error_banner import ErrorBanner


class LibraryActions(QWidget):
    """The notes, placed by the view in its header; `selected` gives the design the details panel shows."""

    def __init__(
        self,
        vm: LibraryViewModel,
        details: DesignDetailsPanel,
        selected: Callable[[], Design | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vm, self.details, self._selected = vm, details, selected
        details.sig_save_requested.connect(self.save_selected)
        details.sig_copy_requested.connect(self.copy_selected)
        details.pictures_allowed = vm.may_take_pictures_out
        vm.sig_copied.connect(self._on_copied)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_L)
        self.removed = ErrorBanner()
        self.removed.sig_dismissed.connect(vm.dismiss_removal)
        self.saved = ErrorBanner()
        self.saved.sig_dismissed.connect(vm.dismiss_saved)
        layout.addWidget(self.removed)
        layout.addWidget(self.saved)
        vm.removed_changed.connect(self._on_removed_changed)
        vm.saved_changed.connect(self._on_saved_changed)
        self.hide()  # with no note, it takes no room (nor the header's spacing)

    def save_selected(self) -> None:
        """Ask where, then save the selected design's PNG there (not at a kiosk, nor a held-back picture)."""
        design = self._selected()
        if design is None or not self.vm.may_take_pictures_out or not self.details.save_button.isEnabled():
            return
        path = ask_copy_path(self, design)
        if path is not None:
            self.vm.save_copy(design, path)

    def copy_selected(self) -> None:
        design = self._selected()
        if design is not None and self.vm.may_take_pictures_out and self.details.copy_button.isEnabled():
            self.vm.copy_picture(design)

    def _on_copied(self, design_id: str) -> None:
        shown = self._selected()
        if shown is not None and shown.id == design_id:
            self.details.show_copied()

    def _on_removed_changed(self, removed: tuple) -> None:
        if not removed:
            self.removed.clear()
        else:
            undo = (lambda: translate("LibraryView", "Undo"), self.vm.undo_removal)
            self.removed.show_message(lambda: removed_text(removed), severity="info", action=undo)
        self._fit()

    def _on_saved_changed(self, saved: Path | None) -> None:
        if saved is None:
            self.saved.clear()
        else:
            show_saved(self.saved, saved)
        self._fit()

    def _fit(self) -> None:
        self.setVisible(not (self.removed.isHidden() and self.saved.isHidden()))
