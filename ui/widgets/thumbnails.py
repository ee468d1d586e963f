"""Small pictures, decoded on the `disk` executor and kept in a least-recently-used cache (the Library's designs,
the Curation gallery's entries).

`ThumbnailLoader.get(key, side)` answers at once: the cached pixmap, or None while the picture
is being decoded (the caller draws a placeholder and repaints on `sig_loaded`). Requests are
served newest first and the waiting list is bounded, so scrolling fast through 14,000 designs
decodes what is on screen now, not what flew past a second ago.

The key is a file's path, or any name with `source`: a callable run on the disk executor that returns the picture's
path or its file bytes (a store's image, a disk thumbnail it builds first), so nothing of it runs on the UI thread.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from concurrent import futures
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from app.executors import run
from ui.tasks import deliver

log = logging.getLogger(__name__)

Key = tuple[str, int]
Source = Callable[[], "bytes | str | Path | None"]  # run off the UI thread: the picture's path or file bytes

DEFAULT_THREADS = 2  # decodes at a time: disk- and CPU-bound; leave cores to generation and workers to page reads
DEFAULT_CACHE_BYTES = 96 * 1024 * 1024  # about 370 thumbnails of 256×256 at 32 bits
DEFAULT_QUEUE_LIMIT = 256  # older wishes beyond this are forgotten (and asked again if still shown)
MAX_PIXELS = 64_000_000  # a larger declared size is an image bomb, refused before decoding (8000×8000)


def decode_scaled(path: str, side: int) -> QImage:
    """The image at `path` with its short side scaled down to `side` (never up); null when unreadable."""
    return _decode(QImageReader(path), path, side)


def decode_source(source: Source, side: int) -> QImage:
    """What `source` returns (a path, or an image file's bytes) decoded like `decode_scaled`; null when unreadable."""
    found = source()
    if found is None:
        return QImage()
    if isinstance(found, (str, Path)):
        return decode_scaled(str(found), side)
    buffer = QBuffer()
    buffer.setData(QByteArray(bytes(found)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return _decode(QImageReader(buffer), "image bytes", side)  # i18n: not shown (a log line's words)


def _decode(reader: QImageReader, what: str, side: int) -> QImage:
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        log.info("not decoding %s: it declares %d×%d pixels", what, size.width(), size.height())
        return QImage()
    if size.isValid() and min(size.width(), size.height()) > side:
        scale = side / min(size.width(), size.height())
        # Formats that can (JPEG) decode small directly; for PNG Qt scales right after decoding,
        # still here on the pool thread, so the UI thread only ever sees the small image.
        reader.setScaledSize(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
    image = reader.read()
    if image.isNull():
        log.info("cannot read %s: %s", what, reader.errorString())
        return image
    wanted = QImage.Format.Format_ARGB32_Premultiplied if image.hasAlphaChannel() else QImage.Format.Format_RGB32
    return image.convertToFormat(wanted)  # the formats QPainter draws fastest


class ThumbnailLoader(QObject):
    sig_loaded = Signal(str, int)  # key, side: the picture is in the cache now, or could not be read

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        threads: int = DEFAULT_THREADS,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        queue_limit: int = DEFAULT_QUEUE_LIMIT,
    ) -> None:
        super().__init__(parent)
        self._threads = max(1, threads)
        self._decoding: dict[Key, futures.Future] = {}  # touched on the UI thread only
        self._cache: OrderedDict[Key, QPixmap] = OrderedDict()
        self._cache_bytes = 0
        self._cache_limit = cache_bytes
        self._queue_limit = queue_limit
        self._waiting: OrderedDict[Key, None] = OrderedDict()  # newest request last, served first
        self._running: set[Key] = set()
        self._failed: set[Key] = set()
        self._sources: dict[Key, Source] = {}  # how to read a key that is not a path, while it waits or decodes

    # --- API -----------------------------------------------------------------------------------

    def get(self, path: str, side: int, source: Source | None = None) -> QPixmap | None:
        """The cached picture, or None: then it is decoded in the background unless it failed before. `path` is the
        file to decode, or only a name when `source` says where the picture comes from."""
        key = (path, side)
        pixmap = self._cache.get(key)
        if pixmap is not None:
            self._cache.move_to_end(key)
            return pixmap
        if key not in self._failed:
            if source is not None:
                self._sources[key] = source
            self._request(key)
        return None

    def peek(self, path: str, side: int) -> QPixmap | None:
        """The cached picture without asking for it to be loaded."""
        return self._cache.get((path, side))

    def best_cached(self, path: str) -> QPixmap | None:
        """The largest cached picture of `path` at any size: a stand-in while a bigger one loads."""
        found = [(side, pm) for (p, side), pm in self._cache.items() if p == path]
        return max(found, key=lambda item: item[0])[1] if found else None

    def failed(self, path: str, side: int) -> bool:
        return (path, side) in self._failed

    def is_busy(self) -> bool:
        return bool(self._waiting or self._running)

    def forget_failures(self) -> None:
        """Try unreadable files again (they may have been restored)."""
        self._failed.clear()

    def forget_pictures(self) -> None:
        """Drop every cached picture; each is decoded again when next asked for."""
        self._cache.clear()
        self._cache_bytes = 0

    def cancel_waiting(self) -> None:
        """Drop requests not started yet, e.g. when the grid shows other designs now."""
        self._waiting.clear()
        self._forget_idle_sources()

    def shutdown(self, timeout_ms: int = 3000) -> None:
        self._waiting.clear()
        self._forget_idle_sources()
        futures.wait(list(self._decoding.values()), timeout_ms / 1000)

    # --- internals -----------------------------------------------------------------------------

    def _request(self, key: Key) -> None:
        if key in self._running:
            return
        self._waiting[key] = None
        self._waiting.move_to_end(key)
        while len(self._waiting) > self._queue_limit:
            forgotten, _ = self._waiting.popitem(last=False)
            self._sources.pop(forgotten, None)
        self._start_jobs()

    def _forget_idle_sources(self) -> None:
        for key in list(self._sources):
            if key not in self._running:
                del self._sources[key]

    def _start_jobs(self) -> None:
        # At most `threads` decodes in the disk queue at once: a page read asked meanwhile waits for few of them.
        while self._waiting and len(self._running) < self._threads:
            key, _ = self._waiting.popitem(last=True)
            self._running.add(key)
            source = self._sources.get(key)
            if source is None:
                future = run("disk", decode_scaled, *key)
            else:
                future = run("disk", decode_source, source, key[1])
            self._decoding[key] = future
            deliver(
                future,
                lambda image, key=key: self._on_done(key, image),
                lambda error, key=key: self._failed_to_decode(key, error),
                self,
            )

    def _failed_to_decode(self, key: Key, error: BaseException) -> None:
        log.error("decoding %s failed", key[0], exc_info=error)  # the key must not stay marked running
        self._on_done(key, QImage())

    def _on_done(self, key: Key, image: QImage) -> None:
        path, side = key
        self._running.discard(key)
        self._decoding.pop(key, None)
        self._sources.pop(key, None)
        if image.isNull():
            self._failed.add(key)
        else:
            self._store(key, QPixmap.fromImage(image))
        self._start_jobs()
        self.sig_loaded.emit(path, side)

    def _store(self, key: Key, pixmap: QPixmap) -> None:
        old = self._cache.pop(key, None)
        if old is not None:
            self._cache_bytes -= _bytes(old)
        self._cache[key] = pixmap
        self._cache_bytes += _bytes(pixmap)
        while self._cache_bytes > self._cache_limit and len(self._cache) > 1:
            _, evicted = self._cache.popitem(last=False)
            self._cache_bytes -= _bytes(evicted)


def _bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)
