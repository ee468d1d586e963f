"""The entries the Curation gallery shows: every entry of the listing has a row, read from the store a page at a time.

A `KeysetPagedModel` (`ui/widgets/paged_model.py`, the Library's base too) over a `CurationStore`: the listing is
counted and anchored off the UI thread first, so the scroll bar spans all 100,000 entries at once; rows not read yet
are placeholders, and painting one asks for its page, read on the worker (`gallery_reader.py`). Pictures are the
thumbnails the import stored beside each original (a few KB, read and decoded on the disk executor through the shared
ThumbnailLoader); only an entry without one (a store from before them) is built from its original, once, into the
disk thumbnail cache. Nothing here queries the store on the UI thread.

A judge's own score and flags are painted on the tile; `entry_changed(key)` re-reads one entry after a score or a
decision, and repaints its tile alone. In a blind round (`blind`) nothing that identifies the entrant is given out.
"""

from __future__ import annotations

import html
from typing import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal

from app.curation.interface import CurationStore
from app.curation.models import CONFLICT, EntryFilter, Round, Submission, Verdict
from app.curation.thumbnail_cache import ThumbnailCache
from app.gc_pauses import freeze_long_lived_once
from app.library.paging import DesignIndex
from ui.curation.gallery_reader import (
    EntryPage,
    EntryRead,
    GalleryListing,
    GalleryWorker,
    load_listing,
    my_score,
    read_entry,
    read_entry_page,
)
from ui.i18n import translate
from ui.widgets.paged_model import AnyIndex, KeysetPagedModel
from ui.widgets.thumbnails import ThumbnailLoader

EntryRole = Qt.ItemDataRole.UserRole + 1  # the Submission (None while its page is being read, or when damaged)
FailedRole = Qt.ItemDataRole.UserRole + 2  # True when there is no picture to show (unreadable, missing, damaged row)
ScoreRole = Qt.ItemDataRole.UserRole + 3  # the viewing judge's weighted 1-5 score, or None
FlagsRole = Qt.ItemDataRole.UserRole + 4  # frozenset of FLAG_* that the tile marks
LoadedRole = Qt.ItemDataRole.UserRole + 5  # False while the row's page is being read

FLAG_DUPLICATE, FLAG_DISQUALIFIED, FLAG_CONFLICT, FLAG_BAD = "duplicate", "disqualified", "conflict", "bad"

PAGE_SIZE = 100
THUMB_SIDE = 256
MAX_LOADED_ROWS = 2000  # entries kept in memory; pages painted longest ago are read again when needed


class GalleryModel(KeysetPagedModel):
    sig_loaded = Signal()  # a new listing is shown

    THUMBNAIL_ROLES = (Qt.ItemDataRole.DecorationRole, FailedRole)

    def __init__(
        self,
        store: CurationStore,
        loader: ThumbnailLoader,
        thumbnails: ThumbnailCache,
        parent=None,
        *,
        judge_id: int | None = None,
        page_size: int = PAGE_SIZE,
        max_rows: int = MAX_LOADED_ROWS,
    ) -> None:
        super().__init__(
            loader, GalleryWorker, EntryFilter(), parent, page_size=page_size, max_rows=max_rows, thumb_side=THUMB_SIDE
        )
        self._store = store
        self._thumbnails = thumbnails
        self.judge_id = judge_id
        self._blind = False
        self._round: Round | None = None
        # `_rows`: position -> its entry (None: a damaged row, which still holds its key in `_positions`).
        self._verdicts: dict[int, Verdict] = {}  # entry key -> the judge's verdict, for the pages read

    # --- state -----------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._index.total

    @property
    def filter(self) -> EntryFilter:
        return self._flt

    @property
    def blind(self) -> bool:
        return self._blind

    def set_blind(self, blind: bool) -> None:
        """Hide (or show again) what identifies an entrant: its name in titles and tooltips. Loading a round's
        listing follows that round's setting."""
        if blind != self._blind:
            self._blind = blind
            if self.rowCount():
                self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def loaded_count(self) -> int:
        return len(self._rows)

    # --- loading ---------------------------------------------------------------------------------

    def load(self, flt: EntryFilter) -> None:
        """Show the listing for `flt`; the previous one stays on screen until the answer comes."""
        self._generation += 1
        self._loading = True
        generation, store, size, judge = self._generation, self._store, self._page_size, self.judge_id
        self.worker.run(
            lambda: load_listing(store, flt, size, judge),
            lambda listing: self._on_listing(generation, flt, listing),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_listing(self, generation: int, flt: EntryFilter, listing: GalleryListing) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        self._loading = False
        self.beginResetModel()
        self._flt, self._round = flt, listing.round
        if listing.round is not None:
            self._blind = listing.round.blind  # the round's own setting; `set_blind` may change it for this listing
        self._start_afresh(listing.index)
        self._verdicts = {}
        for read in listing.pages:
            self._store_page(read, announce=False)
        self._ready = True
        self.endResetModel()
        self.sig_total_changed.emit(self.total)
        self.sig_loaded.emit()
        freeze_long_lived_once("gallery")  # the judge scrolls from here: no full collection walks these

    # --- pages -----------------------------------------------------------------------------------

    def _page_job(self, index: DesignIndex, page: int) -> Callable[[], EntryPage]:
        store, judge = self._store, self.judge_id
        return lambda: read_entry_page(store, index, page, judge)

    def _page_outdated(self) -> None:
        self.load(self._flt)  # the listing changed under it (an import, a disqualification): count it again

    def _store_page(self, read: EntryPage, *, announce: bool) -> None:
        base = read.page * self._page_size
        for offset, (key, submission) in enumerate(read.rows or []):
            self._rows[base + offset] = submission
            self._positions[key] = base + offset
        self._verdicts.update(read.verdicts)
        self._page_stored(read.page, announce=announce)

    def _drop_page(self, page: int) -> list:
        keys = super()._drop_page(page)  # damaged rows too: they hold a key but no entry
        for key in keys:
            self._verdicts.pop(key, None)
        return keys

    # --- changes made elsewhere --------------------------------------------------------------------

    def entry_changed(self, key: int, verdict: Verdict | None = None) -> None:
        """A score or decision changed entry `key`: repaint its tile. With the judge's new `verdict` in hand nothing
        is read; otherwise the entry and verdict are read again on the worker. An entry not held is left alone (its
        page is read fresh when it is next shown)."""
        if key not in self._positions:
            return
        if verdict is not None:
            self._verdicts[key] = verdict
            self._repaint(key)
            return
        generation, store, flt, judge = self._generation, self._store, self._flt, self.judge_id
        self.worker.run(
            lambda: read_entry(store, flt, key, judge),
            lambda read: self._on_entry(generation, key, read),
            lambda exc: self._on_failed(generation, exc),
        )

    def _on_entry(self, generation: int, key: int, read: EntryRead) -> None:
        position = self._positions.get(key)
        if generation != self._generation or position is None:
            return
        if read.submission is not None:
            self._rows[position] = read.submission
        if read.verdict is not None:
            self._verdicts[key] = read.verdict
        else:
            self._verdicts.pop(key, None)
        self._repaint(key)

    def _repaint(self, key: int) -> None:
        position = self._positions.get(key)
        if position is not None:
            index = self.index(position)
            self.dataChanged.emit(index, index)

    # --- lookups -------------------------------------------------------------------------------

    def entry_at(self, row: int) -> Submission | None:
        return self._rows.get(row)

    def row_of(self, key: int) -> int:
        return self._positions.get(key, -1)

    def verdict_of(self, key: int) -> Verdict | None:
        """The viewing judge's verdict for a held entry (the viewer shows it at once, without a read)."""
        return self._verdicts.get(key)

    def score_of(self, key: int) -> float | None:
        return my_score(self._verdicts.get(key), self._round)

    def flags_of(self, submission: Submission) -> frozenset[str]:
        flags = set()
        if submission.duplicate_group is not None:
            flags.add(FLAG_DUPLICATE)
        if submission.disqualified is not None:
            flags.add(FLAG_DISQUALIFIED)
        if submission.state != "ok":
            flags.add(FLAG_BAD)
        verdict = self._verdicts.get(submission.key)
        if verdict is not None and verdict.kind == CONFLICT:
            flags.add(FLAG_CONFLICT)
        return frozenset(flags)

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._index.total

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if not self._held(row):
            return False if role == LoadedRole else None
        submission = self._rows[row]
        if role == LoadedRole:
            return True
        if submission is None:  # a damaged row still holds its place
            return True if role == FailedRole else None
        if role == EntryRole:
            return submission
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(submission)
        if role == FailedRole:
            sha = submission.image_sha256
            return not sha or self._loader.failed(_thumb_key(sha), self.thumb_side)
        if role == ScoreRole:
            return self.score_of(submission.key)
        if role == FlagsRole:
            return self.flags_of(submission)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.title_of(submission)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Tooltips guess "rich text" from the content: escaped, an entrant's name is only ever words.
            return f"<p style='white-space:pre-wrap'>{html.escape(self.title_of(submission))}</p>"
        return None

    def title_of(self, submission: Submission) -> str:
        """What names an entry on screen: its name, or its number in a blind round (or when it has no name)."""
        if self._blind or not submission.name.strip():
            return translate("GalleryModel", "Entry {number}").format(number=submission.key)
        return " ".join(submission.name.split())

    # --- thumbnails ----------------------------------------------------------------------------

    def _thumbnail(self, submission: Submission):
        sha, side = submission.image_sha256, self.thumb_side
        if not sha:
            return None
        key = _thumb_key(sha)
        picture = self._loader.get(key, side, self._source(sha, side))
        if picture is None and not self._loader.failed(key, side):
            self._wait_for_thumbnail(key, submission.key)
        return picture

    def _source(self, sha: str, side: int) -> Callable[[], object]:
        store, cache = self._store, self._thumbnails
        # On the disk executor: the thumbnail made at import (one small read), else — a store from before the
        # thumbnail pass — one built from the original and kept on disk.
        return lambda: store.thumbnail(sha) or cache.get_or_build(sha, side, lambda: store.image(sha))


def _thumb_key(sha256: str) -> str:
    return f"curation:{sha256}"  # the loader's cache is keyed by name: never mistaken for a file's path
