"""Sandbox chain start against its history: time to open it and Python memory it holds once open, for a chain of
SHORT and of LONG blocks. Reading through SQLite, neither should grow with the history (issue 14: every row was
loaded into memory at each start)."""

from __future__ import annotations

import time
import tracemalloc

from tests.benchmarks.common import bench_root, median, report

SHORT, LONG = 10, 600
RUNS = 5


def _grow(folder, blocks: int) -> None:
    from eth_account import Account

    from app.chain.networks import KEI_PER_KAIA
    from app.chain.sandbox import SandboxChain

    chain = SandboxChain(folder)
    for _ in range(blocks):
        chain.fund(Account.create().address, amount_kei=KEI_PER_KAIA, minter=False)
    chain.close()


def _open(folder) -> tuple[float, int]:
    """(seconds to open, bytes of Python memory still held by the open chain)."""
    from app.chain.sandbox import SandboxChain

    tracemalloc.start()
    started = time.perf_counter()
    chain = SandboxChain(folder)
    seconds = time.perf_counter() - started
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    chain.close()
    return seconds, held


def run() -> None:
    root = bench_root()
    figures = {}
    for blocks in (SHORT, LONG):
        folder = root / f"sandbox-{blocks}"
        _grow(folder, blocks)
        _open(folder)  # warm: imports and the OS file cache
        runs = [_open(folder) for _ in range(RUNS)]
        figures[blocks] = (median([s for s, _ in runs]), median([h for _, h in runs]))
    print(f"  ({SHORT} and {LONG} blocks; median of {RUNS} starts)")
    report(f"sandbox start, {LONG} vs {SHORT} blocks", figures[LONG][0], figures[SHORT][0], "<= 1.2")
    report(
        f"memory held at start, {LONG} vs {SHORT}",
        figures[LONG][1] / 1024,
        figures[SHORT][1] / 1024,
        "<= 1.1",
        "KiB",
    )
