"""The thumbnail pass: make the small picture of every stored image that has none yet (a store from before
thumbnails were made at import, or an import cut short between its batches), so the gallery never decodes an
original. Run at the end of an import, beside the duplicates pass.

Pictures are decoded in worker processes (the duplicates pass's pool: a picture that crashes a decoder costs only
its own thumbnail), streamed a page at a time, so memory stays flat at 100,000 pictures. A picture that cannot be
made into one (not a picture, an image bomb) stays without: the gallery shows its "could not read" tile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.curation import duplicates
from app.curation.interface import CurationStore
from app.curation.thumbnail_cache import stored_thumbnail

READ_AHEAD = 256  # image names read per query
WRITE_EVERY = 256  # thumbnails stored per transaction (a few MB)
IN_PROCESS_BELOW = 64  # fewer pictures than this: no worker processes


@dataclass(frozen=True)
class ThumbnailPassResult:
    made: int
    unusable: int  # pictures no thumbnail could be made of
    cancelled: bool = False


def backfill_thumbnails(
    store: CurationStore,
    *,
    workers: int = 2,
    on_progress: Callable[[int], None] = lambda _n: None,
    cancel: threading.Event | None = None,
) -> ThumbnailPassResult:
    cancel = cancel or threading.Event()
    names: list[str] = []  # a worker is handed an index into this, not the 64-character name

    def pictures() -> Iterator[tuple[int, bytes]]:
        after = ""
        while not cancel.is_set():
            page = store.missing_thumbnails(after=after, limit=READ_AHEAD)
            if not page:
                return
            for sha in page:
                data = store.image(sha)
                if data:
                    names.append(sha)
                    yield len(names) - 1, data
            after = page[-1]

    if len(store.missing_thumbnails(limit=IN_PROCESS_BELOW)) < IN_PROCESS_BELOW:
        workers = 1  # a few pictures: making them here is quicker than starting worker processes
    made = unusable = 0
    pending: list[tuple[str, bytes]] = []
    for chunk in duplicates.hashes_in_pool(pictures(), workers=workers, hash_one=stored_thumbnail):  # type: ignore[arg-type]
        for index, thumbnail in chunk:
            if thumbnail:
                pending.append((names[index], thumbnail))
            else:
                unusable += 1
        if len(pending) >= WRITE_EVERY:
            store.set_thumbnails(pending)
            made += len(pending)
            pending = []
        on_progress(made + len(pending) + unusable)
        if cancel.is_set():
            break
    if pending:
        store.set_thumbnails(pending)
        made += len(pending)
    return ThumbnailPassResult(made, unusable, cancelled=cancel.is_set())
