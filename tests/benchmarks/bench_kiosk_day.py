"""A day at a kiosk: memory of the real window (kiosk mode, tiny model, sandbox chain) over many visitors, each of
whom generates, drafts a description offline, previews the token and mints it through the Mint dialog.

Resident memory after a warm-up against the end: the goal is flat within 10 % (issue 14 saw 2.4 MB per visitor).
`SM6_KIOSK_VISITORS` (default 200) and `SM6_KIOSK_WARM_UP` (20) size the run; `SM6_KIOSK_TRACE=1` also prints the
Python allocations and object kinds that grew after the warm-up (slower), for hunting what still grows.
"""

from __future__ import annotations

import gc
import os
import time
from collections import Counter

from tests.benchmarks.common import bench_root, isolated_env, report

VISITORS = int(os.environ.get("SM6_KIOSK_VISITORS", "200"))
WARM_UP = int(os.environ.get("SM6_KIOSK_WARM_UP", "20"))
SAMPLE_EVERY = 10


def _object_kinds() -> Counter:
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects())


def run() -> float:
    root = bench_root()
    isolated_env(root)
    from tests.fixtures.tiny_models import build_tiny_sd15

    build_tiny_sd15(root / "models" / "tiny-sd15")
    from PySide6.QtCore import qInstallMessageHandler

    from tests.fixtures.kiosk import KioskDay, live_widgets, open_kiosk, rss_mb, settle_deletions
    from ui.application import create_qapplication

    # The offscreen platform warns once per dialog shown ("does not support propagateSizeHints"): noise here.
    qInstallMessageHandler(lambda _kind, _where, text: None if "propagateSizeHints" in text else print(text))
    trace = os.environ.get("SM6_KIOSK_TRACE") == "1"
    controller, loop = open_kiosk(create_qapplication())
    day = KioskDay(controller, loop)
    day.open_for_the_day()
    started = time.perf_counter()
    warm_rss = warm_widgets = warm_time = 0.0
    kinds_before = snapshot_before = None
    print(f"  {'visitor':>7} {'RSS MB':>8} {'widgets':>8} {'s/visitor':>10}", flush=True)
    last_time, last_n = started, 0
    for n in range(1, VISITORS + 1):
        day.visitor()
        if n == WARM_UP or n % SAMPLE_EVERY == 0 or n == VISITORS:
            settle_deletions()
            now = time.perf_counter()
            rss, widgets = rss_mb(), live_widgets()
            print(f"  {n:>7} {rss:>8.1f} {widgets:>8} {(now - last_time) / (n - last_n):>10.2f}", flush=True)
            last_time, last_n = now, n
            if n == WARM_UP:
                warm_rss, warm_widgets, warm_time = rss, widgets, now
                if trace:
                    import tracemalloc

                    kinds_before = _object_kinds()
                    tracemalloc.start(12)
                    snapshot_before = tracemalloc.take_snapshot()
    final_rss, final_widgets = rss_mb(), live_widgets()
    seconds_per_visitor = (time.perf_counter() - warm_time) / max(1, VISITORS - WARM_UP)
    if trace and snapshot_before is not None:
        import tracemalloc

        gc.collect()
        for stat in tracemalloc.take_snapshot().compare_to(snapshot_before, "traceback")[:12]:
            print(f"  +{stat.size_diff / 1024:9.1f} KiB {stat.count_diff:+7d} objects", flush=True)
            for line in stat.traceback.format()[-6:]:
                print("      " + line, flush=True)
        grown = _object_kinds() - kinds_before
        print("  object kinds that grew:", grown.most_common(15), flush=True)
    controller.shutdown()
    controller.window.close()
    growth = 100 * (final_rss - warm_rss) / warm_rss
    per_visitor = (final_rss - warm_rss) / max(1, VISITORS - WARM_UP)
    print(
        f"  {VISITORS} visitors: RSS {warm_rss:.1f} MB after {WARM_UP} → {final_rss:.1f} MB "
        f"({growth:+.1f} %, {per_visitor * 1024:+.0f} KiB per visitor); widgets {warm_widgets} → {final_widgets}; "
        f"{seconds_per_visitor:.2f} s per visitor; {len(day.minted)} tokens minted",
        flush=True,
    )
    return report("kiosk RSS after / after warm-up", final_rss, warm_rss, "<= 1.10", "MB")
