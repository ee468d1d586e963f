"""State of the Library workspace, independent of its widgets: the filter, the selection, what failed, and the
library's own news.

Everything it asks of the library runs on the Library's worker (`library_reader.py`), never on the UI thread. What
changed comes from the core's change feed (app/changes.py, through `ui.tasks.ChangeRelay`), whoever changed it: the
studio's saver, Describe, a second handle on the same folder, this workspace's own star. The view redraws only what a
change names (`sig_added`, `sig_changed`, `sig_deleted`, `sig_restored`), never the whole listing.

Removing asks nothing: the design leaves at once, and `removed` offers Undo for every removal since it was last
dismissed (the library keeps removed designs a day: app/library/edits.py).

    vm = LibraryViewModel(services.library, policy=policy_for(kiosk))
    view = LibraryView(vm)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from app.changes import DesignAdded, DesignChanged, DesignDeleted, DesignRestored
from app.errors import UserFacingError
from app.kiosk import DESKTOP, Policy
from app.library.interface import DesignStore
from app.library.models import Design
from ui.bind import ViewModel, observable
from ui.i18n import translate
from ui.library.library_model import prompt_of
from ui.library.library_reader import LibraryWorker
from ui.tasks import ChangeRelay
from ui.widgets.design_files import (
    COPY_NOT_SAVED,
    PICTURE_NOT_READ,
    failure_details,
    put_on_clipboard,
    read_picture,
    write_copy,
)
from ui.widgets.error_banner import plain_words
from ui.widgets.picture_checks import PictureChecks

GONE = QT_TRANSLATE_NOOP("LibraryViewModel", "This design is no longer in the library. Refresh to update the list.")
FAILED = QT_TRANSLATE_NOOP("LibraryViewModel", "That did not work. Try again.")
SEARCH_SHOWN_CHARS = 32  # a long search is shortened in the count and empty-state texts


def count_text(total: int, search: str, favourites_only: bool) -> str:
    """ "1,234 designs", "1 favourite", "12 favourites matching “gold”", in the language in use."""
    one = total == 1
    if search and favourites_only:
        words = (
            translate("library_vm", "{count} favourite matching “{search}”")
            if one
            else translate("library_vm", "{count} favourites matching “{search}”")
        )
    elif search:
        words = (
            translate("library_vm", "{count} design matching “{search}”")
            if one
            else translate("library_vm", "{count} designs matching “{search}”")
        )
    elif favourites_only:
        words = translate("library_vm", "{count} favourite") if one else translate("library_vm", "{count} favourites")
    else:
        words = translate("library_vm", "{count} design") if one else translate("library_vm", "{count} designs")
    return words.format(count=f"{total:,}", search=shorten(search))


def removed_text(removed: tuple[Design, ...]) -> str:
    """What the Undo offer would bring back: "“pearl white SM6” was removed from the library.", in the language in
    use."""
    if len(removed) == 1:
        words = translate("library_vm", "“{prompt}” was removed from the library.")
        return words.format(prompt=shorten(prompt_of(removed[0])))
    return translate("library_vm", "{count} designs were removed from the library.").format(count=f"{len(removed):,}")


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SEARCH_SHOWN_CHARS else text[: SEARCH_SHOWN_CHARS - 1].rstrip() + "…"


class LibraryViewModel(ViewModel):
    search = observable("")  # the search the listing shows (applied, not what is being typed)
    favourites_only = observable(False)
    selected = observable(None)  # the Design in the details panel, or None
    error = observable(None)  # (message, details) of the last action that failed (a Message or callable), or None
    removed = observable(())  # the designs removed since the Undo offer was last dismissed, oldest first
    saved = observable(None)  # the Path of the copy saved last (Save as…), until the person closes its note

    sig_added = Signal(object)  # a design new to the library, in this window's scope: on top if the filter allows
    sig_changed = Signal(object)  # a design's new state (its star): its tile and details redraw
    sig_deleted = Signal(str)  # the id of a design that left the library
    sig_restored = Signal(object)  # a removed design brought back (Undo): it goes back to its place in the listing
    sig_copied = Signal(str)  # the id of the design whose picture was just put on the clipboard

    def __init__(
        self, library: DesignStore, parent=None, *, policy: Policy = DESKTOP, checks: PictureChecks | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library  # read by the listing's model on the worker; never queried here on the UI thread
        self.policy = policy
        self.checks = checks  # the studio's picture checks: held-back pictures are shown blurred here too
        self.worker = LibraryWorker(self)
        self._favourite_wanted: dict[str, bool] = {}  # stars asked for and not saved yet, so a double press undoes
        self.relay = ChangeRelay(library.changes, self)
        self.relay.changed.connect(self._on_change)

    # --- what the view shows ----------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.library.is_read_only

    @property
    def may_take_pictures_out(self) -> bool:
        """Save as… and Copy image: not at a kiosk, where the next visitor would find them."""
        return self.policy.may_use_files

    @property
    def may_delete(self) -> bool:
        return self.policy.may_delete_designs and not self.library.is_read_only

    def notice(self, damaged: int) -> str:
        """Why nothing can be saved, and how many designs could not be read, in the language in use; "" when all is
        well."""
        parts = [str(self.library.read_only_reason)] if self.library.is_read_only else []
        if damaged == 1:
            parts.append(
                translate(
                    "LibraryViewModel",
                    "1 design was left out because its saved settings in the library file are damaged; the picture is "
                    "still in {folder}.",
                ).format(folder=self.library.images_dir)
            )
        elif damaged:
            parts.append(
                translate(
                    "LibraryViewModel",
                    "{count} designs were left out because their saved settings in the library file are damaged; the "
                    "pictures are still in {folder}.",
                ).format(count=f"{damaged:,}", folder=self.library.images_dir)
            )
        return " ".join(parts)

    def set_filter(self, search: str, favourites_only: bool) -> None:
        self.search, self.favourites_only = search.strip(), favourites_only

    # --- commands ---------------------------------------------------------------------------------

    def toggle_favourite(self, design: Design | None = None) -> None:
        """Star or un-star `design` (the selected one by default); the feed brings its new state back."""
        design = design or self.selected
        if design is None:
            return
        wanted = not self._favourite_wanted.get(design.id, design.favourite)
        self._favourite_wanted[design.id] = wanted
        library, design_id = self.library, design.id
        self.worker.run(
            lambda: library.set_favourite(design_id, wanted),
            self._on_favourite_saved,
            lambda exc: self._failed(exc, design_id),
        )

    def remove(self, design: Design) -> None:
        """Take a design out of the library (not at a kiosk), offering Undo; every workspace hears of it through
        the feed."""
        if not self.may_delete:
            return
        library, design_id = self.library, design.id
        self.worker.run(
            lambda: library.remove(design_id),
            lambda _none: setattr(self, "removed", (*self.removed, design)),
            self._failed,
        )

    def undo_removal(self) -> None:
        """Bring back every design the Undo offer names, newest removal first; the offer goes."""
        designs, self.removed = self.removed, ()
        if not designs:
            return
        library, ids = self.library, [design.id for design in reversed(designs)]
        self.worker.run(lambda: [library.restore(design_id) for design_id in ids], lambda _back: None, self._failed)

    def dismiss_removal(self) -> None:
        """The person closed the Undo offer: the removals stand (the library deletes them for good a day later)."""
        self.removed = ()

    def save_copy(self, design: Design, path: Path) -> None:
        """Write the design's PNG, provenance and all, at `path`; `saved` says where."""
        if not self.may_take_pictures_out:
            return
        library = self.library
        self.saved = None
        self.worker.run(
            lambda: write_copy(library, design, path),
            lambda where: setattr(self, "saved", where),
            lambda exc: self._said_failed(COPY_NOT_SAVED, exc),
        )

    def copy_picture(self, design: Design) -> None:
        """Put the design's picture on the clipboard; `sig_copied` once it is there."""
        if not self.may_take_pictures_out:
            return
        library, design_id = self.library, design.id

        def copied(found: tuple) -> None:
            put_on_clipboard(*found)
            self.sig_copied.emit(design_id)

        self.worker.run(
            lambda: read_picture(library, design), copied, lambda exc: self._said_failed(PICTURE_NOT_READ, exc)
        )

    def dismiss_saved(self) -> None:
        self.saved = None

    def dismiss_error(self) -> None:
        self.error = None

    # --- answers and news -------------------------------------------------------------------------

    def _on_favourite_saved(self, updated: Design) -> None:
        if self._favourite_wanted.get(updated.id) == updated.favourite:
            del self._favourite_wanted[updated.id]

    def _failed(self, exc: BaseException, design_id: str | None = None) -> None:
        if design_id is not None:
            self._favourite_wanted.pop(design_id, None)
        # Kept as a core Message or a callable, so the view says it again in another language.
        if isinstance(exc, KeyError):
            self.error = (lambda: translate("LibraryViewModel", GONE), "")
        else:
            message = exc.msg if isinstance(exc, UserFacingError) else (lambda: translate("LibraryViewModel", FAILED))
            self.error = (message, plain_words(exc)[1])

    def _said_failed(self, words: str, exc: BaseException) -> None:
        """A failure this workspace words itself (a file it could not write); the system's reason in the details."""
        self.error = (lambda: translate("design_files", words), failure_details(exc))

    def _on_change(self, change) -> None:
        if isinstance(change, DesignAdded):
            self._on_added(change.design)
        elif isinstance(change, DesignChanged):
            if self.selected is not None and self.selected.id == change.design.id:
                self.selected = change.design
            self.sig_changed.emit(change.design)
        elif isinstance(change, DesignDeleted):
            if self.selected is not None and self.selected.id == change.design_id:
                self.selected = None
            self.sig_deleted.emit(change.design_id)
        elif isinstance(change, DesignRestored):
            self.sig_restored.emit(change.design)

    def _on_added(self, design: Design) -> None:
        if self.library.visible_since is None:  # every design is this window's to show
            self.sig_added.emit(design)
            return
        # A kiosk shows only its current visitor's designs: one saved just before the visitor changed (or by another
        # handle) is checked against the store's own scope, which `get` applies, rather than trusted by its time.
        library, design_id = self.library, design.id
        self.worker.run(
            lambda: library.get(design_id),
            lambda found: self.sig_added.emit(found) if found is not None else None,
            lambda exc: None,
        )
