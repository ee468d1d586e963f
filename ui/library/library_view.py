"""The Library workspace: every design ever made, newest first, searchable, with an inspector.

It shows a LibraryViewModel (`library_vm.py`) and never calls the library itself: everything is read or written on
the Library's worker (`library_reader.py`), so the window never waits on the library, however large it is. Designs
made, starred or removed anywhere (the studio, Describe, another handle on the folder) arrive through the view-model,
which hears the core's change feed; only the tiles they name redraw.

view = LibraryView(LibraryViewModel(services.library, policy=policy))   # or LibraryView(library): a VM of its own
view.sig_open_in_studio.connect(studio.open_design)   # Design
view.sig_go_to_design.connect(lambda: window.show_workspace("design"))
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.library.models import Design
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.library.design_details import (
    COPY_SHORTCUT,
    DELETE_SHORTCUT,
    FAVOURITE_SHORTCUT,
    SAVE_COPY_SHORTCUT,
    DesignDetailsPanel,
    key_name,
)
from ui.library.design_grid import DesignGrid
from ui.library.empty_states import empty_library, no_results, say_no_results
from ui.library.library_actions import LibraryActions
from ui.library.library_model import LibraryModel, matches
from ui.library.library_style import (
    GRID_GAP,
    SEARCH_DEBOUNCE_MS,
    SEARCH_MIN_WIDTH,
    SEARCH_WIDTH,
    THUMB_SIDE,
    library_stylesheet,
)
from ui.library.library_vm import LibraryViewModel, count_text
from ui.library.library_vm import shorten as _shorten
from ui.theme import (
    FONT_BODY,
    SPACE_L,
    SPACE_M,
    SPACE_XL,
    SPACE_XXL,
    Theme,
    current_theme,
    tabular_font,
    theme_manager,
    touch_target,
)
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.page_title import PageTitle
from ui.widgets.thumbnails import ThumbnailLoader

FIND_SHORTCUT = "Ctrl+F"
UNDO_SHORTCUT = QKeySequence.StandardKey.Undo  # Ctrl+Z; a focused search field keeps its own
COUNT_WIDEST = 88_888  # the count label always has room for this many favourites, in any language


class LibraryView(Retranslating, QWidget):
    sig_open_in_studio = Signal(object)  # Design to continue in the Design studio
    sig_design_changed = Signal(object)  # Design whose new state (favourite) is shown now, wherever it changed
    sig_go_to_design = Signal()  # the empty library's "Go to the Design studio"

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        # A bare library (tests, tools) gets a view-model of its own, which hears the library's feed.
        self.vm = vm if isinstance(vm, LibraryViewModel) else LibraryViewModel(vm, self)
        self.loader = ThumbnailLoader(self)
        self.model = LibraryModel(self.vm.library, self.loader, self, checks=self.vm.checks)
        self.model.thumb_side = round(THUMB_SIDE * _device_pixel_ratio())
        self._no_results_action = self.clear_search
        self._syncing_filter = False
        self._notice_shown: tuple = (False, 0)  # (read-only, damaged) the notice banner last said
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self._setup_ui()
        self._setup_shortcuts()
        self._on_theme_changed(current_theme())
        theme_manager().theme_changed.connect(self._on_theme_changed)
        self._pending_keep: str | None = None  # the design a load on its way should select
        self._locating: str | None = None  # the design select_design is looking up
        self.vm.sig_added.connect(self.add_design)
        self.vm.sig_changed.connect(self.update_design)
        self.vm.sig_deleted.connect(self.remove_design)
        self.vm.sig_restored.connect(self.restore_design)
        self.vm.error_changed.connect(self._on_vm_error)
        self.model.sig_total_changed.connect(self._update_count)
        self.model.sig_error.connect(self._on_model_error)
        self.model.sig_loaded.connect(self._on_loaded)
        self.model.sig_located.connect(self._on_located)
        self.model.sig_outdated.connect(self.refresh)
        self.model.sig_damaged_changed.connect(self._update_notice)  # a later page may hold a damaged row
        self.model.dataChanged.connect(self._on_rows_changed)
        self.toolbar.hide()  # until the first answer says whether there is anything to search
        self.details.hide()
        self.retranslate()
        self._reload(keep_selection=False)

    def _setup_ui(self) -> None:
        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        half = GRID_GAP // 2
        column = QVBoxLayout()
        # Tiles keep half a gap around them: pull the grid out by that much so pictures line up with the title.
        column.setContentsMargins(SPACE_XXL - half, SPACE_XL, SPACE_XL - half, 0)
        column.setSpacing(SPACE_L - half)
        root.addLayout(column, 1)

        header = QVBoxLayout()
        header.setContentsMargins(half, 0, half, 0)
        header.setSpacing(SPACE_L)
        self.title_label = PageTitle(lambda: translate("LibraryView", "Library"))
        header.addWidget(self.title_label)

        self.toolbar = QWidget()
        bar = QHBoxLayout(self.toolbar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(SPACE_M)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(SEARCH_WIDTH)
        self.search_edit.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._search_action = self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.textChanged.connect(self._on_search_edited)
        self.search_edit.returnPressed.connect(self._on_search_return)
        bar.addWidget(self.search_edit, 2)
        self.favourites_button = QPushButton()
        self.favourites_button.setCheckable(True)
        self.favourites_button.toggled.connect(self._on_favourites_toggled)
        bar.addWidget(self.favourites_button)
        self.count_label = ElidedLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # It takes the room left and never asks for more, so a long search cannot widen the window.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label.setProperty("role", "secondary")
        self.count_label.setFont(tabular_font(self.count_label.font()))
        bar.addWidget(self.count_label, 1)
        header.addWidget(self.toolbar)

        # Standing facts about the library (read-only, damaged rows); errors of one action go below it.
        self.notice_banner = ErrorBanner()
        header.addWidget(self.notice_banner)
        self.error_banner = ErrorBanner()
        header.addWidget(self.error_banner)
        column.addLayout(header)

        self.stack = QStackedWidget()
        self.grid = DesignGrid()
        self.grid.setModel(self.model)
        self.grid.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.grid.doubleClicked.connect(self._on_open_index)
        self.grid.sig_open_requested.connect(self._on_open_index)
        self.stack.addWidget(self.grid)

        self.empty_library = empty_library()
        self.empty_library.sig_primary_clicked.connect(self.sig_go_to_design)
        self.stack.addWidget(self.empty_library)
        self.no_results = no_results()
        self.no_results.sig_primary_clicked.connect(lambda: self._no_results_action())
        self.no_results.sig_secondary_clicked.connect(self.show_all)
        self.stack.addWidget(self.no_results)
        column.addWidget(self.stack, 1)

        self.details = DesignDetailsPanel(self.loader)
        self.details.use_checks(self.vm.checks)
        self.details.sig_open_requested.connect(self._on_open_selected)
        self.details.sig_favourite_requested.connect(self.toggle_favourite)
        self.details.sig_delete_requested.connect(self.remove_selected)
        self.details.sig_parent_requested.connect(self.select_design)
        self.details.delete_allowed = self.vm.may_delete
        self.details.set_design(None)
        root.addWidget(self.details)
        # What an action just did (a removal: Undo; a saved copy), and the picture's Save as… and Copy image.
        self.design_actions = LibraryActions(self.vm, self.details, self._selected_design)
        self.removed_banner, self.saved_banner = self.design_actions.removed, self.design_actions.saved
        header.addWidget(self.design_actions)  # under the banners
        self.open_button = self.details.open_button
        self.favourite_button = self.details.favourite_button
        self.setFocusProxy(self.grid)  # view.setFocus() puts the keyboard on the designs

    def _setup_shortcuts(self) -> None:
        # Window-wide, but Qt only fires them while this workspace is visible; a focused text
        # field keeps its letters (it claims them before shortcuts), so typing "f" never stars.
        self._find_shortcut = QShortcut(QKeySequence(FIND_SHORTCUT), self)
        self._find_shortcut.activated.connect(self.focus_search)
        self._favourite_shortcut = QShortcut(QKeySequence(FAVOURITE_SHORTCUT), self)
        self._favourite_shortcut.activated.connect(self.toggle_favourite)
        self._delete_shortcut = QShortcut(QKeySequence(DELETE_SHORTCUT), self.grid)  # on the grid: never a field's key
        self._delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._delete_shortcut.activated.connect(self.remove_selected)
        self._undo_shortcut = QShortcut(QKeySequence(UNDO_SHORTCUT), self)
        self._undo_shortcut.activated.connect(self.vm.undo_removal)
        self._save_shortcut = QShortcut(QKeySequence(SAVE_COPY_SHORTCUT), self)
        self._save_shortcut.activated.connect(self.design_actions.save_selected)
        self._copy_shortcut = QShortcut(QKeySequence(COPY_SHORTCUT), self.grid)  # on the grid: a field copies its text
        self._copy_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._copy_shortcut.activated.connect(self.design_actions.copy_selected)

    def retranslate(self) -> None:
        """The fixed words in the language in use, then the count said again (the empty states and banners say their
        own words again)."""
        self.search_edit.setPlaceholderText(translate("LibraryView", "Search prompts…"))
        self.search_edit.setToolTip(
            translate("LibraryView", "Search the prompts of your designs ({shortcut})").format(
                shortcut=key_name(FIND_SHORTCUT)
            )
        )
        self.search_edit.setAccessibleName(translate("LibraryView", "Search prompts"))
        self.favourites_button.setText(translate("LibraryView", "Favourites"))
        self.favourites_button.setToolTip(translate("LibraryView", "Show only the designs you starred"))
        self.grid.setAccessibleName(translate("LibraryView", "Designs"))
        # The number itself always fits; only a quoted search gets shortened.
        widest = count_text(COUNT_WIDEST, "", True).replace("8", "0")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest))
        if self.model.is_ready:
            self._update_count(self.model.total)

    # --- public API ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the library again (e.g. after another window changed it); the selection stays if it can."""
        self.loader.forget_failures()
        self._reload(keep_selection=True)

    def add_design(self, design: Design) -> None:
        """A design just made (the view-model heard it): it appears first at once (unless the search hides it)."""
        had_rows = self.model.rowCount() > 0
        if self.model.prepend(design):
            self._update_page()
            if not had_rows or self._selected_design() is None:
                self._select_row(0)

    def update_design(self, design: Design) -> None:
        """A design changed (starred here or in the studio): its tile and, if shown, its details redraw."""
        row = self.model.replace(design)
        if self.details.design() is not None and self.details.design().id == design.id:
            self._show_details(design, self.model.parent_listed_at(row))
        self.sig_design_changed.emit(design)

    def remove_design(self, design_id: str) -> None:
        """A design left the library: its tile goes; the selection moves to the design that takes its place."""
        selected = self._selected_id() == design_id
        row = self.model.remove(design_id)
        if selected:
            self._select_row(min(row, self.model.rowCount() - 1))
        self._update_page()

    def restore_design(self, design: Design) -> None:
        """A removed design is back (Undo): the listing is read again around it, and it is selected where it was."""
        if not matches(design, self.model.search, self.model.favourites_only):
            self._set_filter_widgets("", False)
        self._reload(keep_selection=True, keep_id=design.id)

    def remove_selected(self) -> None:
        """Remove the selected design (its descriptions go with it) at once; the banner offers Undo. Not at a kiosk."""
        design = self._selected_design()
        if design is not None and self.vm.may_delete:
            self.vm.remove(design)

    def select_design(self, design_id: str) -> bool:
        """Select and reveal a design, clearing the search or favourites filter if it hides it.

        True when it was selected at once; otherwise it is looked up by its key in the background and selected when
        found (a design no longer in the library is left unselected)."""
        row = self.model.row_of(design_id)
        if row >= 0:
            self._locating = None
            self._select_row(row)
            return True
        self._locating = design_id
        self.model.locate(design_id)
        return False

    def start_over(self) -> None:
        """Forget the search, the favourites filter and the selection, and show the newest designs (a new visitor)."""
        self._locating = self._pending_keep = None
        self._set_filter_widgets("", False)
        self.model.clear()
        self._show_details(None)
        self._update_page()
        self._reload(keep_selection=False)

    def selected_design(self) -> Design | None:
        return self._selected_design()

    def toggle_favourite(self) -> None:
        self.vm.toggle_favourite(self._selected_design())

    def _on_vm_error(self, error) -> None:
        if error is None:
            self.error_banner.clear()
        else:
            self.error_banner.show_message(error[0], details=error[1])

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def clear_search(self) -> None:
        self.search_edit.clear()
        self._apply_filter()

    def show_all(self) -> None:
        self._set_filter_widgets("", False)
        self._apply_filter()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the workspace mid-typing: apply the search now, so the grid matches the field on return.
        if self._search_timer.isActive():
            self._apply_filter()
        super().hideEvent(event)

    # --- loading and state ---------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self._reload(keep_selection=True)

    def _reload(self, keep_selection: bool, keep_id: str | None = None) -> None:
        """Load the listing for the filter in the fields; the kept design (by id) is found by its key, not by paging."""
        if keep_id is None and keep_selection:
            keep_id = self._pending_keep or self._selected_id()
        self._pending_keep = keep_id
        self.vm.set_filter(self.search_edit.text(), self.favourites_button.isChecked())
        self.model.load(self.vm.search, self.vm.favourites_only, keep_id)

    def _on_loaded(self, row: int) -> None:
        self._pending_keep = None
        self._update_page()
        self._select_row(row if row >= 0 else 0)
        self._update_notice()

    def _on_located(self, design_id: str, row: int, design: Design | None) -> None:
        if design_id != self._locating:
            return  # the person has moved on
        self._locating = None
        if row >= 0:
            self._select_row(row)
        elif design is not None:  # a filter hides it, or it is newer than the listing: load again around it
            if not matches(design, self.model.search, self.model.favourites_only):
                self._set_filter_widgets("", False)
            self._reload(keep_selection=True, keep_id=design_id)

    def _on_model_error(self, exc: BaseException) -> None:
        self._pending_keep = self._locating = None
        self.error_banner.show_exception(exc)
        self._update_page()

    def _update_notice(self, *_args) -> None:
        """Why nothing can be saved, and how many designs could not be read: said once, kept in view."""
        shown, damaged = (self.vm.read_only, self.model.damaged), self.model.damaged
        if shown != self._notice_shown:  # once dismissed, the same notice does not come back on every reload
            self._notice_shown = shown
            if self.vm.notice(damaged):  # said again by the banner in another language
                self.notice_banner.show_message(lambda: self.vm.notice(damaged), severity="warning")
            else:
                self.notice_banner.clear()

    def _update_page(self) -> None:
        if not self.model.is_ready:
            return
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.grid)
            empty_library = False
        else:
            filtered = bool(self.model.search) or self.model.favourites_only
            empty_library = not filtered or self.model.library_empty
            if empty_library:
                self.stack.setCurrentWidget(self.empty_library)
            else:
                self._set_no_results_texts()
                self.stack.setCurrentWidget(self.no_results)
        self.toolbar.setVisible(not empty_library)
        self.details.setVisible(self.stack.currentWidget() is self.grid)
        self._update_count(self.model.total)

    def _set_no_results_texts(self) -> None:
        clears = say_no_results(self.no_results, _shorten(self.model.search), self.model.favourites_only)
        self._no_results_action = self.clear_search if clears else self.show_all

    def _update_count(self, total: int) -> None:
        self.count_label.set_full_text(count_text(total, self.model.search, self.model.favourites_only))

    def _set_filter_widgets(self, search: str, favourites_only: bool) -> None:
        """Show a filter in the fields without each change starting its own reload."""
        # Not blockSignals: the line edit hides its clear button on its own textChanged.
        self._syncing_filter = True
        try:
            self.search_edit.setText(search)
            self.favourites_button.setChecked(favourites_only)
        finally:
            self._syncing_filter = False
        self._search_timer.stop()
        self._refresh_icons()

    # --- selection -----------------------------------------------------------------------------

    def _selected_design(self) -> Design | None:
        rows = self.grid.selectionModel().selectedRows()
        return self.model.design_at(rows[0].row()) if rows else None

    def _selected_id(self) -> str | None:
        design = self._selected_design()
        return design.id if design else None

    def _select_row(self, row: int) -> None:
        index = self.model.index(row)
        if index.isValid():
            self.grid.reveal(index)  # first: selecting would scroll it just barely into view
            self.grid.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self.grid.selectionModel().clearSelection()
        self._on_selection_changed()

    def _show_details(self, design: Design | None, parent_listed: bool = False) -> None:
        # Whether the original is still there came with the design's page: nothing to ask the library here.
        self.details.set_design(design, parent_available=parent_listed)
        self.vm.selected = design
        if self.vm.read_only:  # a star could not be saved: the notice above says why
            self.favourite_button.setEnabled(False)

    def _on_selection_changed(self, *_args) -> None:
        rows = self.grid.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        design = self.model.design_at(row)
        self.model.keep_loaded = design.id if design else None  # scrolled far away, its page stays
        self._show_details(design, self.model.parent_listed_at(row))

    def _on_rows_changed(self, top: QModelIndex, bottom: QModelIndex, _roles=()) -> None:
        rows = self.grid.selectionModel().selectedRows()
        if rows and self.details.design() is None and top.row() <= rows[0].row() <= bottom.row():
            self._on_selection_changed()  # a placeholder was selected, and its page has arrived

    # --- slots ---------------------------------------------------------------------------------

    def _on_search_edited(self, _text: str) -> None:
        if not self._syncing_filter:
            self._search_timer.start()

    def _on_search_return(self) -> None:
        self._apply_filter()

    def _on_favourites_toggled(self, _checked: bool) -> None:
        self._refresh_icons()
        if not self._syncing_filter:
            self._apply_filter()

    def _on_open_index(self, index: QModelIndex) -> None:
        design = self.model.design_at(index.row()) if index.isValid() else None
        if design is not None:
            self.sig_open_in_studio.emit(design)

    def _on_open_selected(self) -> None:
        design = self._selected_design()
        if design is not None:
            self.sig_open_in_studio.emit(design)

    def _on_theme_changed(self, theme: Theme) -> None:
        self.setStyleSheet(library_stylesheet(theme, FONT_BODY, touch_target(theme_manager().policy.touch_sized)))
        self._refresh_icons()
        self.details.refresh_icons()
        self.grid.viewport().update()

    def _refresh_icons(self) -> None:
        theme = current_theme()
        self._search_action.setIcon(icon("search", theme.text_secondary))
        starred = self.favourites_button.isChecked()
        self.favourites_button.setIcon(icon("star-filled", theme.accent) if starred else icon("star", theme.text))


def _device_pixel_ratio() -> float:
    return max((s.devicePixelRatio() for s in QGuiApplication.screens()), default=1.0)
