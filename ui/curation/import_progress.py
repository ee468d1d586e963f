"""One import running in the background, and the words that describe how far it got.

`ImportJob` outlives the Import dialog: the dialog can be closed while the import goes on, and the Curation workspace
keeps the job (it hears `ImportDialog.sig_job`) to show a small progress chip from `progressed` / `ended` and
`short_status(job.progress)`. Cancel pauses it: the importer saves its cursor after every batch, so starting the same
source again continues from there.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QLocale, QObject, Signal

from app.curation.duplicate_pass import run_duplicate_pass
from app.curation.importer import ImportProgress, ImportSource, run_import
from app.curation.thumbnail_pass import backfill_thumbnails
from app.errors import UserFacingError
from app.executors import run
from ui.i18n import translate
from ui.tasks import call_on_ui, deliver

log = logging.getLogger(__name__)


def count(n: int) -> str:
    return QLocale().toString(int(n))


def time_left(seconds: float | None) -> str:
    """ "about 3 min left", rounded the way a person reads it; "" while there is no estimate yet."""
    if seconds is None:
        return ""
    if seconds < 60:
        return translate("ImportProgress", "less than a minute left")
    minutes = round(seconds / 60)
    if minutes < 90:
        return translate("ImportProgress", "about {minutes} min left").format(minutes=count(minutes))
    return translate("ImportProgress", "about {hours} h left").format(hours=QLocale().toString(seconds / 3600, "f", 1))


def read_of_total(progress: ImportProgress) -> str:
    if progress.total is None:
        return translate("ImportProgress", "{done} read").format(done=count(progress.done))
    return translate("ImportProgress", "{done} of {total} read").format(
        done=count(progress.done), total=count(progress.total)
    )


def tallies(progress: ImportProgress) -> str:
    return translate("ImportProgress", "{added} added · {already} already there · {bad} kept aside").format(
        added=count(progress.added), already=count(progress.already), bad=count(progress.bad)
    )


def short_status(progress: ImportProgress | None) -> str:
    """One line for the workspace's chip: "Importing: 8,400 of 14,000 read · about 3 min left"."""
    if progress is None:
        return ""
    if progress.error is not None:
        return translate("ImportProgress", "Import stopped")
    if progress.cancelled:
        return translate("ImportProgress", "Import paused at {done}").format(done=count(progress.done))
    if progress.finished:
        return translate("ImportProgress", "Import finished: {added} added").format(added=count(progress.added))
    left = time_left(progress.eta_s)
    line = translate("ImportProgress", "Importing: {read}").format(read=read_of_total(progress))
    return f"{line} · {left}" if left else line


class ImportJob(QObject):
    """Runs `run_import(store, make_source())` on a worker ("network" for the chain, else "disk").

    `make_source` runs on the worker too (listing a folder of 100,000 files or opening a node takes time); a
    UserFacingError it raises ends the job with that sentence. Signals arrive on the UI thread."""

    progressed = Signal(object)  # ImportProgress, at most every PROGRESS_EVERY_S
    ended = Signal(object)  # the last ImportProgress (finished, cancelled or with its error)

    def __init__(
        self,
        store: Any,
        make_source: Callable[[], ImportSource],
        *,
        executor: str = "disk",
        by: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._make_source, self._executor, self._by = store, make_source, executor, by
        self._cancel = threading.Event()
        # the workspace that held it went away (the app is closing): the import pauses with its cursor saved
        self.destroyed.connect(lambda *_a, stop=self._cancel: stop.set())
        self.progress: ImportProgress | None = None
        self.running = False
        self.unexpected = False
        self.task = None

    def start(self) -> None:
        self.running = True
        self.task = deliver(run(self._executor, self._work), self._done, self._failed, parent=self)

    def cancel(self) -> None:
        """Pause: the batch being read is stored with its cursor, so the next start continues after it."""
        self._cancel.set()

    def _work(self) -> ImportProgress:
        source = self._make_source()
        progress = run_import(self._store, source, on_progress=self._from_worker, cancel=self._cancel, by=self._by)
        if progress.finished and progress.added:
            # New pictures are hashed and every copy regrouped (seconds), so judges see copies side by side.
            run_duplicate_pass(self._store, cancel=self._cancel, by=self._by)
        if progress.finished:
            backfill_thumbnails(self._store, cancel=self._cancel)  # a store from before has none; else one query
        return progress

    def _from_worker(self, progress: ImportProgress) -> None:
        call_on_ui(lambda: self._show(progress) if shiboken6.isValid(self) else None)

    def _show(self, progress: ImportProgress) -> None:
        if self.running:
            self.progress = progress
            self.progressed.emit(progress)

    def _done(self, progress: ImportProgress) -> None:
        self.running = False
        self.progress = progress
        self.ended.emit(progress)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        if isinstance(error, UserFacingError):
            self.progress = ImportProgress("", 0, None, error=error.msg)
        else:
            log.error("the import failed", exc_info=error)
            self.unexpected = True
            self.progress = ImportProgress("", 0, None)
        self.ended.emit(self.progress)

    def error_text(self) -> str:
        """Why it stopped, as a plain sentence in the current language ("" when it did not stop on an error)."""
        if self.unexpected:
            return translate("ImportProgress", "The import stopped because of a problem inside the app. Try again.")
        progress = self.progress
        return str(progress.error) if progress is not None and progress.error is not None else ""
