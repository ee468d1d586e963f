"""Bringing submissions into the curation store, in the background, resumable after a crash or a lost network.

A source (a folder, a ZIP, the library, the campaign contract: `app/curation/import_sources.py`) yields candidates,
each with the cursor that resumes right after it. The importer stores them in batches and saves the cursor after
each batch, so a run that stops anywhere — a crash, a lost network, "Cancel" — continues from the last batch it
stored. Nothing doubles: the store adds a submission once per source key, so the items of a batch stored just
before a crash are "already there" when read again. Nothing is dropped: a bad item is stored as such, with its
reason (`Candidate.problem`), and counted.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Protocol

from app.curation.interface import CurationStore
from app.curation.models import Candidate
from app.errors import UserFacingError
from app.messages import Message, Msg

log = logging.getLogger(__name__)

BATCH_ITEMS = 64  # candidates per transaction: a crash loses at most this much reading, never a stored item
BATCH_BYTES = 48 * 1024 * 1024  # … or this many image bytes, whichever comes first (memory stays bounded)
PROGRESS_EVERY_S = 0.25  # progress reports at most this often (a person reads it; a 14,000-item run floods nothing)

IMPORT_FAILED = Msg(
    "curation.import.failed",
    "The import stopped: {reason} What was imported so far is kept; import again to continue from there.",
)


class ImportSource(Protocol):
    key: str  # what the cursor is saved under: the same source gives the same key ("folder:/path", "chain:1001:0x…")

    def total(self) -> int | None:
        """How many items there are to read, when that is cheap to know (for the estimate); None otherwise."""
        ...

    def read(self, cursor: str | None) -> Iterator[tuple[Candidate, str]]:
        """Candidates from where `cursor` left off (None: the start), each with the cursor that resumes after it."""
        ...

    def position(self, cursor: str | None) -> int:
        """How many items a cursor has behind it (0 for None): the progress, against `total()`."""
        ...

    def cursor_when_done(self, last: str | None) -> str | None:
        """What to keep once the source is read to its end: None reads everything again next time (a folder: new
        files may sort anywhere), the last block scanned for a chain (the next run reads only newer mints)."""
        ...


@dataclass(frozen=True)
class ImportProgress:
    source: str
    done: int  # items read, this run and the runs before it that this one resumed
    total: int | None
    added: int = 0  # this run
    already: int = 0  # this run: in the store before (a resumed batch, or a second import of the same source)
    bad: int = 0  # this run: kept aside with a reason
    elapsed_s: float = 0.0
    eta_s: float | None = None  # None until there is a rate, or when the total is unknown
    finished: bool = False
    cancelled: bool = False
    error: Message | None = None  # why it stopped, when it did not finish

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.done / self.total) if self.total else None


def run_import(
    store: CurationStore,
    source: ImportSource,
    *,
    on_progress: Callable[[ImportProgress], None] = lambda _p: None,
    cancel: threading.Event | None = None,
    by: int | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> ImportProgress:
    """Import `source` into `store` from where it was left; returns the last progress (finished, cancelled, or
    stopped with its reason). Never raises for what a source or the store says in words; a bug still raises."""
    cancel = cancel or threading.Event()
    cursor = store.import_cursor(source.key)
    started = clock()
    progress = ImportProgress(source.key, source.position(cursor), source.total())
    first = progress.done
    last_report = started
    batch: list[Candidate] = []
    batch_bytes = 0
    pending_cursor = cursor

    def flush() -> None:
        nonlocal batch, batch_bytes, progress
        if batch:
            added, already = store.add(batch)
            bad = sum(1 for c in batch if c.problem is not None)
            progress = replace(
                progress, added=progress.added + added, already=progress.already + already, bad=progress.bad + bad
            )
            batch, batch_bytes = [], 0
        store.set_import_cursor(source.key, pending_cursor)

    def timed(**changes) -> ImportProgress:
        elapsed = clock() - started
        done = changes.get("done", progress.done)
        rate = (done - first) / elapsed if elapsed > 0 else 0.0
        eta = (progress.total - done) / rate if progress.total and rate > 0 else None
        return replace(progress, elapsed_s=elapsed, eta_s=None if eta is None else max(0.0, eta), **changes)

    try:
        for candidate, after in source.read(cursor):
            batch.append(candidate)
            batch_bytes += len(candidate.image)
            pending_cursor = after
            progress = replace(progress, done=source.position(after))
            if len(batch) >= BATCH_ITEMS or batch_bytes >= BATCH_BYTES:
                flush()
            if clock() - last_report >= PROGRESS_EVERY_S:
                last_report = clock()
                on_progress(timed())
            if cancel.is_set():
                flush()
                progress = timed(cancelled=True)
                on_progress(progress)
                return progress
        flush()
        store.set_import_cursor(source.key, source.cursor_when_done(pending_cursor))
        store.log("import", _summary(progress), by=by)
        done = max(progress.done, progress.total or 0)  # items that were part of an earlier candidate count too
        progress = replace(
            timed(finished=True, done=done, total=done if progress.total is None else progress.total), eta_s=0.0
        )
    except UserFacingError as exc:
        try:
            flush()  # what was read before the failure is kept, and the cursor with it
        except UserFacingError:
            log.warning("could not save the last batch of %s after: %s", source.key, exc)
        progress = timed(error=IMPORT_FAILED(reason=exc.msg))
        log.warning("import of %s stopped: %s", source.key, exc)
    on_progress(progress)
    return progress


def _summary(progress: ImportProgress) -> dict:
    return {
        "source": progress.source,
        "read": progress.done,
        "added": progress.added,
        "already": progress.already,
        "bad": progress.bad,
    }
