"""The kiosk soak: many visitors through the kiosk's guided flow (the real window, the demo model at 64² in 2 steps,
the sandbox chain), each walking attract → design → describe → preview → submit → thank-you, some pressing Back,
switching to Korean, typing a wrong address first or walking away (tests/fixtures/kiosk_visitors.py).

Checked as it goes: no visitor ever sees another's words, address or picture (after each visit and on the next
visitor's first screen), the clipboard is empty, every visitor who submitted has exactly one token (outbox and
chain), those who walked away have none, the failsafe never showed, nothing was logged at ERROR. Memory: resident
size every `SAMPLE_EVERY` visitors; after `SM6_KIOSK_WARM_UP` (50) the end must be within 10 % of the first sample.
`SM6_KIOSK_VISITORS` (default 500) sizes the run; `SM6_KIOSK_TRACE=1` also prints the Python allocations that grew
after the warm-up (slower), for hunting what still grows. tests/ui/test_kiosk_soak.py runs 20 of the same visitors.
"""

from __future__ import annotations

import gc
import os
import time

from tests.benchmarks.common import bench_root, isolated_env, report

VISITORS = int(os.environ.get("SM6_KIOSK_VISITORS", "500"))
WARM_UP = int(os.environ.get("SM6_KIOSK_WARM_UP", "50"))
SAMPLE_EVERY = 25
TRACE = os.environ.get("SM6_KIOSK_TRACE") == "1"


def run() -> float:
    root = bench_root()
    isolated_env(root)
    # The on-screen keyboard keeps its user data under XDG_DATA_HOME: this run's own, as the keyboard's test does.
    os.environ["XDG_DATA_HOME"] = str(root / "xdg-data")
    from app.generation.demo_model import install_demo_model
    from app.kiosk import KIOSK
    from tests.fixtures.kiosk import live_widgets, rss_mb, settle_deletions
    from tests.fixtures.kiosk_visitors import CrashWatch, VisitorDriver, close_kiosk, open_kiosk_window
    from ui.application import create_qapplication

    install_demo_model()  # what "Try the demo model" installs, into this run's own models folder
    # No Python message handler for Qt's warnings (the old benchmark filtered offscreen noise so): with one installed,
    # building the window hung in the on-screen keyboard's QML load, which warns from a thread of its own.
    controller, loop = open_kiosk_window(create_qapplication(KIOSK))
    watch = CrashWatch(controller.kiosk_window).install()
    driver = VisitorDriver(controller, loop)
    try:
        driver.open_for_the_day()
        samples: list[tuple[int, float]] = []
        before = None  # the allocations at the warm-up, when tracing
        print(f"  {'visitor':>7} {'RSS MB':>8} {'widgets':>8} {'s/visitor':>10}", flush=True)
        started = last_time = time.perf_counter()
        last_n = 0
        for n in range(1, VISITORS + 1):
            driver.visitor(n)
            if n == WARM_UP or n % SAMPLE_EVERY == 0 or n == VISITORS:
                settle_deletions()
                now = time.perf_counter()
                rss, widgets = rss_mb(), live_widgets()
                print(f"  {n:>7} {rss:>8.1f} {widgets:>8} {(now - last_time) / (n - last_n):>10.2f}", flush=True)
                last_time, last_n = now, n
                if n >= min(WARM_UP, VISITORS):
                    samples.append((n, rss))
                if n == WARM_UP and TRACE:
                    import tracemalloc

                    tracemalloc.start(12)
                    before = tracemalloc.take_snapshot()
        seconds = time.perf_counter() - started
        mint_problems = driver.mint_problems()
        if before is not None:
            _print_growth(before)
    finally:
        watch.uninstall()
        close_kiosk(controller, loop)
    submitted = [v for v in driver.visits if v.submitted]
    for problem in (driver.privacy_violations + mint_problems + watch.problems)[:20]:
        print(f"  PROBLEM: {problem}", flush=True)
    (first_n, warm_rss), (end_n, final_rss) = (samples[0], samples[-1]) if samples else ((0, 0.0), (0, 0.0))
    slope = 100 * (final_rss - warm_rss) / max(1, end_n - first_n)
    ratio = final_rss / warm_rss if warm_rss else float("nan")
    print(
        f"  {VISITORS} visitors: {len(submitted)} minted, {VISITORS - len(submitted)} walked away; "
        f"{seconds / VISITORS:.2f} s per visitor ({seconds / 60:.1f} min)\n"
        f"  RSS {warm_rss:.1f} MB after {first_n} → {final_rss:.1f} MB after {end_n} "
        f"(ratio {ratio:.3f}, goal <= 1.10; {slope:+.1f} MB per 100 visitors)\n"
        f"  privacy violations {len(driver.privacy_violations)} (goal 0); duplicate or missing mints "
        f"{len(mint_problems)} (goal 0); crashes, failsafe screens and errors logged {len(watch.problems)} (goal 0)",
        flush=True,
    )
    return report("kiosk RSS end / after warm-up", final_rss, warm_rss, "<= 1.10", "MB")


def _print_growth(before) -> None:
    import tracemalloc

    gc.collect()
    for stat in tracemalloc.take_snapshot().compare_to(before, "traceback")[:10]:
        print(f"  +{stat.size_diff / 1024:9.1f} KiB {stat.count_diff:+7d} objects", flush=True)
        for line in stat.traceback.format()[-8:]:
            print("      " + line, flush=True)
    tracemalloc.stop()
