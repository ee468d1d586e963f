"""Copies among the submissions: exact (same sha256) and near (perceptual hashes a few bits apart: resized,
recompressed, slightly recoloured, cropped a little), grouped so judges see them side by side.

`perceptual_hash` decodes hostile bytes: the declared size is checked from the header before any pixel is decoded,
and large JPEGs are decoded at a reduced scale. `hashes_in_pool` spreads the hashing over worker processes and yields
results in chunks for the store to write in batches. `group` finds the groups without comparing every pair
(multi-index hashing), so 100,000 hashes group in seconds.
"""

from __future__ import annotations

import io
import warnings
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from app.executors import process_pool

MAX_IMAGE_BYTES = 64 * 1024 * 1024  # larger input is not hashed at all
MAX_PIXELS = 40_000_000  # declared width x height beyond this is an image bomb: refused before decoding
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP")  # what a submission's picture can be; other decoders stay shut
DECODE_SIDE = 256  # pictures are brought down to about this before hashing (phash looks at 32 x 32)
MAX_DISTANCE = 6  # bits of 64: the tests' copies differ by 0-4; unrelated pictures seldom come this close
CHUNK = 256  # pictures per task sent to a worker process and per chunk yielded
_MASK = (1 << 64) - 1

HashOne = Callable[[bytes], "int | None"]
Hashed = tuple[int, "int | None"]  # (key, perceptual hash or None)


def _signed(value: int) -> int:
    value &= _MASK
    return value - (1 << 64) if value >= 1 << 63 else value


def perceptual_hash(image: bytes) -> int | None:
    """imagehash's 64-bit DCT hash (phash) of the picture, as a signed int64 (what the store keeps); None for bytes
    that are not a picture, are damaged, or declare more than MAX_PIXELS."""
    import imagehash
    from PIL import Image

    if not image or len(image) > MAX_IMAGE_BYTES:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # DecompressionBombWarning and friends: we check the size ourselves
            with Image.open(io.BytesIO(image), formats=FORMATS) as picture:
                width, height = picture.size  # from the header: nothing is decoded yet
                if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
                    return None
                picture.draft("L", (DECODE_SIDE, DECODE_SIDE))  # JPEG: decode at 1/2..1/8 scale
                gray = picture.convert("L")
        if max(gray.size) > DECODE_SIDE:
            gray.thumbnail((DECODE_SIDE, DECODE_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0)
        bits = imagehash.phash(gray).hash.flatten()
    except Exception:  # noqa: BLE001 - any failure to decode hostile bytes means "no hash", never a crash
        return None
    return _signed(int.from_bytes(np.packbits(bits).tobytes(), "big"))


def _hash_chunk(chunk: list[tuple[int, bytes]], hash_one: HashOne = perceptual_hash) -> list[tuple[int, int | None]]:
    return [(key, hash_one(image)) for key, image in chunk]


def _chunks(images: Iterable[tuple[int, bytes]], size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for item in images:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Pool:
    """Spawned worker processes (never forked: the window has threads). When a picture kills a worker (a decoder
    crash), the pool is replaced and the chunks that were in it are hashed a picture at a time, so only the picture
    that kills a worker goes without a hash and the pass goes on."""

    def __init__(self, workers: int, hash_one: HashOne):
        self.workers, self.hash_one = workers, hash_one
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return process_pool(self.workers)

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if broken is self.executor:
            broken.shutdown(wait=True, cancel_futures=True)
            self.executor = self._new()

    def submit(self, part: list[tuple[int, bytes]]) -> tuple[Future, ProcessPoolExecutor]:
        executor = self.executor
        try:
            return executor.submit(_hash_chunk, part, self.hash_one), executor
        except BrokenProcessPool:
            self._replace(executor)
            return self.executor.submit(_hash_chunk, part, self.hash_one), self.executor

    def result(self, sent: tuple[Future, ProcessPoolExecutor], part: list[tuple[int, bytes]]) -> list[Hashed]:
        future, executor = sent
        try:
            return future.result()
        except BrokenProcessPool:
            self._replace(executor)
            return [self._alone(item) for item in part]

    def _alone(self, item: tuple[int, bytes]) -> Hashed:
        executor = self.executor
        try:
            return executor.submit(_hash_chunk, [item], self.hash_one).result()[0]
        except BrokenProcessPool:
            self._replace(executor)
            return item[0], None

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def hashes_in_pool(
    images: Iterable[tuple[int, bytes]], workers: int = 2, chunk: int = CHUNK, hash_one: HashOne = perceptual_hash
) -> Iterator[list[Hashed]]:
    """(key, perceptual hash or None) for each (key, picture bytes), in chunks, in the order given. `images` is read
    lazily and only a few chunks are in flight, so memory stays flat at 100,000 pictures. `workers <= 1` hashes
    here. Stopping the iteration (closing the generator) stops the pool. `hash_one` must be a module-level function
    (worker processes import it); tests pass one that crashes."""
    if workers <= 1:
        for part in _chunks(images, chunk):
            yield _hash_chunk(part, hash_one)
        return
    pool = _Pool(workers, hash_one)
    pending: deque[tuple[tuple[Future, ProcessPoolExecutor], list[tuple[int, bytes]]]] = deque()
    try:
        for part in _chunks(images, chunk):
            pending.append((pool.submit(part), part))
            if len(pending) >= 2 * workers:
                yield pool.result(*pending.popleft())
        while pending:
            yield pool.result(*pending.popleft())
    finally:
        pool.close()


def _as_unsigned(hashes: Sequence[int]) -> np.ndarray:
    return np.array([h & _MASK for h in hashes], dtype=np.uint64)


def _blocks(bits: int, count: int) -> list[tuple[int, int]]:
    """(shift, mask) of `count` blocks that together cover the 64 bits."""
    sizes = [bits // count + (1 if i < bits % count else 0) for i in range(count)]
    out, shift = [], 0
    for size in sizes:
        out.append((shift, (1 << size) - 1))
        shift += size
    return out


def _joined(labels: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """`labels` (each index's representative index) after joining a[k] with b[k]."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(labels)
    rows, cols = np.concatenate((np.arange(n), a)), np.concatenate((labels, b))
    graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
    component = connected_components(graph, directed=False)[1]
    return np.unique(component, return_index=True)[1][component]


def near_components(hashes: np.ndarray, max_distance: int) -> np.ndarray:
    """For each of the distinct uint64 `hashes`, the index of a representative: hashes within `max_distance` bits
    share one, transitively. Multi-index hashing: split the 64 bits into max_distance + 1 blocks; two hashes within
    d bits agree exactly on at least one block (pigeonhole), so only hashes that share a block value are compared,
    then their full distance is checked. Pairs found are folded into the labels every `limit` pairs and hashes
    already joined are not compared again, so a dense cluster of similar hashes (thousands of near-blank pictures)
    costs comparisons, not memory."""
    labels = np.arange(len(hashes))
    if len(hashes) < 2:
        return labels
    found_a: list[np.ndarray] = []
    found_b: list[np.ndarray] = []
    found, limit = 0, max(100_000, len(hashes))  # pairs held before they are folded into `labels`
    for shift, mask in _blocks(64, min(max_distance + 1, 64)):
        if found:  # what the last block found: fold it in, so this block skips pairs already joined
            labels = _joined(labels, np.concatenate(found_a), np.concatenate(found_b))
            found_a, found_b, found = [], [], 0
        block = (hashes >> np.uint64(shift)) & np.uint64(mask)
        order = np.argsort(block, kind="stable")
        sorted_block = block[order]
        starts = np.concatenate(([True], sorted_block[1:] != sorted_block[:-1]))
        run_end = np.concatenate((np.flatnonzero(starts)[1:], [len(order)]))
        end = run_end[np.cumsum(starts) - 1]  # where each position's run of equal block values ends
        active = np.flatnonzero(end - np.arange(len(order)) > 1)
        sorted_hashes, sorted_labels = hashes[order], labels[order]
        offset = 1
        while len(active):  # each hash against the one `offset` further on in its run: every pair once
            other = active + offset
            close = np.bitwise_count(sorted_hashes[active] ^ sorted_hashes[other]) <= max_distance
            i, j = active[close], other[close]
            new = sorted_labels[i] != sorted_labels[j]  # not joined already (labels lag up to `limit` pairs)
            if np.any(new):
                found_a.append(order[i[new]])
                found_b.append(order[j[new]])
                found += int(np.count_nonzero(new))
                if found > limit:
                    labels = _joined(labels, np.concatenate(found_a), np.concatenate(found_b))
                    sorted_labels = labels[order]
                    found_a, found_b, found = [], [], 0
            offset += 1
            active = active[end[active] - active > offset]
    return _joined(labels, np.concatenate(found_a), np.concatenate(found_b)) if found else labels


def group(
    exact: Sequence[tuple[int, str]], near: Sequence[tuple[int, int | None]], *, max_distance: int = MAX_DISTANCE
) -> list[list[int]]:
    """Groups of entries that are copies of each other: they share a sha256 (`exact`: (entry, hex)) or their
    perceptual hashes (`near`: (entry, phash), None skipped) are within `max_distance` bits, transitively. Only
    groups of two or more; each sorted, the groups by their first entry."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    keys = np.unique(np.array([e for e, _ in exact] + [e for e, h in near if h is not None], dtype=np.int64))
    if len(keys) < 2:
        return []
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []

    def link(nodes: np.ndarray, labels: np.ndarray) -> None:
        """Ties each node to the first node with the same label (the same sha256, the same hash)."""
        if not len(nodes):
            return
        _, first, where = np.unique(labels, return_index=True, return_inverse=True)
        left.append(nodes)
        right.append(nodes[first][where])

    if exact:
        digests = np.array([digest.lower() for _, digest in exact if digest])
        link(np.searchsorted(keys, [e for e, digest in exact if digest]), digests)
    present = [(e, h) for e, h in near if h is not None]
    if present:
        nodes = np.searchsorted(keys, [e for e, _ in present])
        hashes = _as_unsigned([h for _, h in present])
        link(nodes, hashes)  # identical hashes first: 5,000 blank pictures are one value, not 12 million pairs
        distinct, first = np.unique(hashes, return_index=True)
        link(nodes[first], near_components(distinct, max_distance))
    if not left:
        return []
    a, b = np.concatenate(left), np.concatenate(right)
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(len(keys), len(keys)))
    _, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels)
    members = np.flatnonzero(sizes[labels] >= 2)
    if not len(members):
        return []
    by_label = members[np.argsort(labels[members], kind="stable")]
    cuts = np.flatnonzero(np.diff(labels[by_label])) + 1
    groups = [keys[part].tolist() for part in np.split(by_label, cuts)]
    return sorted(groups, key=lambda members_: members_[0])
