"""The duplicates pass over the whole store: hash every picture not hashed yet (in worker processes, streamed, so
memory stays flat at 100,000 pictures), then group exact copies (the same sha256) and near copies (perceptual
hashes a few bits apart) and store the groups, so judges see copies side by side.

Hashes are kept in the store: a second pass hashes only what was imported since and regroups everything, which is
seconds, not minutes. Only valid entries take part; a picture that cannot be hashed is left out of near copies
(it still groups with its exact copies)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.curation import duplicates
from app.curation.interface import CurationStore

READ_AHEAD = 512  # keys read per query while hashing
WRITE_EVERY = 1024  # hashes stored per transaction
IN_PROCESS_BELOW = 256  # fewer pictures to hash than this: no worker processes


@dataclass(frozen=True)
class DuplicatePassResult:
    hashed: int  # pictures hashed in this pass
    unreadable: int  # pictures that could not be hashed
    groups: int
    entries_in_groups: int
    hashing_s: float
    grouping_s: float
    cancelled: bool = False


def run_duplicate_pass(
    store: CurationStore,
    *,
    workers: int = 2,
    on_progress: Callable[[int], None] = lambda _n: None,
    cancel: threading.Event | None = None,
    by: int | None = None,
) -> DuplicatePassResult:
    cancel = cancel or threading.Event()
    started = time.monotonic()
    hashed = unreadable = 0
    failed: set[int] = set()

    def pictures() -> Iterator[tuple[int, bytes]]:
        after = 0
        while not cancel.is_set():
            page = [(k, sha) for k, sha in store.unhashed(after=after, limit=READ_AHEAD)]
            if not page:
                return
            for key, sha in page:
                data = store.image(sha)
                if data is not None:
                    yield key, data
            after = page[-1][0]

    if len(store.unhashed(limit=IN_PROCESS_BELOW)) < IN_PROCESS_BELOW:
        workers = 1  # a few new pictures: hashing them here is quicker than starting worker processes
    pending: list[tuple[int, int]] = []
    for chunk in duplicates.hashes_in_pool(pictures(), workers=workers):
        for key, value in chunk:
            if value is None:
                failed.add(key)
            else:
                pending.append((key, value))
        if len(pending) >= WRITE_EVERY:
            store.set_phashes(pending)
            hashed += len(pending)
            pending = []
        on_progress(hashed + len(pending) + len(failed))
        if cancel.is_set():
            break
    if pending:
        store.set_phashes(pending)
        hashed += len(pending)
    unreadable = len(failed)
    hashing_s = time.monotonic() - started
    if cancel.is_set():
        return DuplicatePassResult(hashed, unreadable, 0, 0, hashing_s, 0.0, cancelled=True)
    grouping = time.monotonic()
    groups = duplicates.group(store.image_hashes(), store.phashes())
    store.set_duplicate_groups(groups)
    result = DuplicatePassResult(
        hashed, unreadable, len(groups), sum(len(g) for g in groups), hashing_s, time.monotonic() - grouping
    )
    store.log("duplicates", {"hashed": hashed, "groups": result.groups, "entries": result.entries_in_groups}, by=by)
    return result
