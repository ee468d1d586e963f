"""The duplicate pass at campaign size: `python tests/benchmarks/bench_curation_duplicates.py [--n 100000]`.

Makes `n` synthetic 128x128 PNG submissions in a temporary folder (random shapes and colours, distinct), among them
planted copies of earlier ones: 1% near copies (cropped, JPEG-recompressed, recoloured, resized, in turn) and 0.5%
byte-for-byte copies. Then measures, as the store's caller does it: reading every file and hashing it in a pool of 2
worker processes plus grouping (the first pass), grouping alone (the re-run: hashes cached in the store), and how
many planted copies landed in their original's group (recall) and how many unrelated pictures were grouped.

Baselines, in the same run: hashing one picture times n, spread over the workers (the pool's ideal); a plain sort
and unique of the same hashes (grouping can hardly be faster). Goals (issue 17): first pass <= 10 min on 2 cores,
re-run <= 30 s.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing
import random
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

WORKERS = 2
SIZE = 128
NEAR_SHARE, EXACT_SHARE = 0.01, 0.005
KINDS = ("cropped", "jpeg", "recoloured", "resized")
BATCH = 2_000  # pictures per generation task


def _picture(seed: int):
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", (SIZE, SIZE), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randrange(6, 12)):
        x, y = rng.randrange(SIZE), rng.randrange(SIZE)
        w, h = rng.randrange(SIZE // 10, SIZE // 2), rng.randrange(SIZE // 10, SIZE // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = rng.randrange(3)
        box = (x - w, y - h, x + w, y + h)
        if shape == 0:
            draw.ellipse(box, fill=colour)
        elif shape == 1:
            draw.rectangle(box, fill=colour)
        else:
            draw.polygon([(rng.randrange(SIZE), rng.randrange(SIZE)) for _ in range(3)], fill=colour)
    return image


def _encoded(image, fmt: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _copy(image, kind: str) -> bytes:
    from PIL import Image, ImageEnhance

    if kind == "cropped":
        return _encoded(image.crop((3, 3, SIZE - 3, SIZE - 3)))
    if kind == "jpeg":
        return _encoded(image, "JPEG", quality=60)
    if kind == "recoloured":
        return _encoded(ImageEnhance.Color(ImageEnhance.Brightness(image).enhance(1.06)).enhance(0.92))
    return _encoded(image.resize((SIZE * 3 // 4, SIZE * 3 // 4), Image.Resampling.LANCZOS))


def _plan(n: int) -> dict[int, tuple[str, int]]:
    """key -> (kind, original key) for the planted copies; every other key is a distinct picture."""
    rng = random.Random(2024)
    near, exact = int(n * NEAR_SHARE), int(n * EXACT_SHARE)
    keys = rng.sample(range(n // 2, n), near + exact)
    plan = {}
    for i, key in enumerate(keys):
        kind = KINDS[i % len(KINDS)] if i < near else "exact"
        plan[key] = (kind, rng.randrange(n // 2))  # originals come from the first half, never copies themselves
    return plan


def _write_batch(folder: str, keys: list[int], plan: dict[int, tuple[str, int]]) -> None:
    for key in keys:
        if key in plan:
            kind, original = plan[key]
            data = _encoded(_picture(original)) if kind == "exact" else _copy(_picture(original), kind)
        else:
            data = _encoded(_picture(key))
        Path(folder, f"{key}.img").write_bytes(data)


def _make(folder: Path, n: int, plan: dict[int, tuple[str, int]]) -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(WORKERS, mp_context=context) as pool:
        batches = [list(range(start, min(n, start + BATCH))) for start in range(0, n, BATCH)]
        for future in [pool.submit(_write_batch, str(folder), batch, plan) for batch in batches]:
            future.result()


def _read(folder: Path, n: int, digests: list[tuple[int, str]]):
    for key in range(n):
        data = (folder / f"{key}.img").read_bytes()
        digests.append((key, hashlib.sha256(data).hexdigest()))
        yield key, data


def run(n: int = 100_000) -> None:
    import numpy as np

    from app.curation.duplicates import group, hashes_in_pool, perceptual_hash
    from tests.benchmarks.common import bench_root, median, report

    root = bench_root()
    try:
        folder = root / "submissions"
        folder.mkdir()
        plan = _plan(n)
        started = time.perf_counter()
        _make(folder, n, plan)
        print(f"  made {n} pictures ({len(plan)} planted copies) in {time.perf_counter() - started:.1f} s", flush=True)

        sample = (folder / "0.img").read_bytes()
        one = median([_timed(perceptual_hash, sample) for _ in range(200)])

        digests: list[tuple[int, str]] = []
        started = time.perf_counter()
        hashes = [item for chunk in hashes_in_pool(_read(folder, n, digests), workers=WORKERS) for item in chunk]
        hashing = time.perf_counter() - started
        started = time.perf_counter()
        groups = group(digests, hashes)
        first_pass = hashing + time.perf_counter() - started

        rerun = median([_timed(group, digests, hashes) for _ in range(3)])
        values = np.array([h for _, h in hashes if h is not None], dtype=np.int64)
        sort = median([_timed(lambda: np.unique(np.sort(values))) for _ in range(5)])

        family = {key: original for key, (_, original) in plan.items()}
        group_of = {key: i for i, members in enumerate(groups) for key in members}
        found = {kind: 0 for kind in (*KINDS, "exact")}
        for key, (kind, original) in plan.items():
            found[kind] += key in group_of and group_of.get(original) == group_of[key]
        planted = {kind: sum(1 for k, _ in plan.values() if k == kind) for kind in found}
        strays = sum(len({family.get(key, key) for key in members}) - 1 for members in groups)
        unreadable = sum(h is None for _, h in hashes)

        report("hashing + grouping (first pass)", first_pass, one * n / WORKERS, "<= 600 s")
        report("grouping alone (re-run)", rerun, sort, "<= 30 s")
        recall = sum(found.values()) / max(1, len(plan))
        print(
            f"  recall of planted copies {recall:.1%} ("
            + ", ".join(f"{kind} {found[kind]}/{planted[kind]}" for kind in found)
            + f"); unrelated pictures grouped {strays}; unreadable {unreadable}; groups {len(groups)}",
            flush=True,
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="how many submissions (default 100000)")
    run(parser.parse_args(argv).n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
