"""Responsiveness: the longest gap between 10 ms Qt timer ticks in the real window while the engine generates.

Baseline: the same timer in the same window while idle, measured in the same run, so the figures include what
this machine's scheduler does anyway.

The window collects on its UI thread only, as the app does (ui/ui_thread_gc.py). `responsiveness --ui-gc` compares
that with CPython's own collections (on whichever thread allocates, mostly the engine's), interleaved in one run.

`responsiveness --gc` instead times the full collection the engine runs whenever it frees a model, in the same
window after the same generation: as the engine leaves the process (the libraries frozen before the weights loaded),
then with every object back in Python's collections (as before app/gc_pauses.py froze the libraries)."""

from __future__ import annotations

import time

from tests.benchmarks.common import bench_model, bench_root, isolated_env, median, report

TICK_MS = 10


def _gaps(app, seconds: float, until=None) -> list[float]:
    from PySide6.QtCore import QElapsedTimer, QTimer

    gaps, clock = [], QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick():
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and not (until and until()):
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return gaps[1:]


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def run(options: list[str] | None = None) -> None:
    root = bench_root()
    isolated_env(root)
    bench_model(root)
    from app.config import load_settings
    from ui.app_controller import AppController
    from ui.application import create_qapplication
    from ui.theme import apply_theme
    from ui.ui_thread_gc import UiThreadCollector

    app = create_qapplication()
    collector = UiThreadCollector().install()  # as ui/application.py does
    apply_theme(app, "dark")
    controller = AppController(load_settings())
    controller.window.resize(1280, 800)
    controller.window.show()
    vm = controller.design_vm
    vm.prompt, vm.width, vm.height, vm.steps, vm.batch, vm.source = "pearl white", 256, 256, 8, 4, "base"
    engine = controller.services.engine
    vm.generate()  # warm-up: loads torch and the model
    _gaps(app, 600, until=lambda: not engine.jobs())
    if options and "--gc" in options:
        _frozen_against_unfrozen(app, controller, vm, engine)
        return
    if options and "--ui-gc" in options:
        _ui_thread_against_python(app, controller, vm, engine, collector)
        return
    idle = _gaps(app, 5)
    vm.generate()
    busy = _gaps(app, 600, until=lambda: not engine.jobs())
    controller.shutdown()
    print(f"  ({len(busy)} ticks while generating 4 images with live previews)")
    report("longest UI gap while generating", max(busy), max(idle), "<= 100 ms absolute", "ms")
    report("p99 UI gap while generating", _p99(busy), _p99(idle), "<= 30 ms absolute", "ms")


def _frozen_against_unfrozen(app, controller, vm, engine) -> None:
    """The full collection the engine runs when it frees a model (a switch, an unload), with the GIL held, so the
    window stops for it: timed after a generation in the real window, unfrozen (as before) and frozen."""
    import gc

    rows = {}
    for label in ("frozen", "unfrozen"):  # first as the engine left it: libraries frozen, the model's weights not
        if label == "unfrozen":
            gc.unfreeze()  # every object walked again, as before the libraries were frozen
        vm.generate()
        _gaps(app, 600, until=lambda: not engine.jobs())
        times = []
        for _ in range(5):
            started = time.perf_counter()
            gc.collect()
            times.append(time.perf_counter() - started)
        rows[label] = median(times)
        print(f"  {label}: {len(gc.get_objects())} objects walked, {gc.get_freeze_count()} frozen", flush=True)
    controller.shutdown()
    report("full collection (a model freed)", rows["frozen"] * 1000, rows["unfrozen"] * 1000, "lower", "ms")


def _ui_thread_against_python(app, controller, vm, engine, collector) -> None:
    """The window's gaps while generating with every collection on the UI thread (the app) and with CPython's own
    collections, three times each, interleaved so both meet the same machine."""
    rows: dict[str, list[tuple[float, float]]] = {"ui thread": [], "python": []}
    for label in ("python", "ui thread") * 3:
        if label == "python":
            collector.uninstall()
        else:
            collector.install()
        vm.generate()
        gaps = _gaps(app, 600, until=lambda: not engine.jobs())
        rows[label].append((max(gaps), _p99(gaps)))
    controller.shutdown()
    ui, python = rows["ui thread"], rows["python"]
    for column, (name, goal) in enumerate((("longest", "<= 100 ms absolute"), ("p99", "<= 30 ms absolute"))):
        here, before = median([r[column] for r in ui]), median([r[column] for r in python])
        report(f"{name} UI gap, collections on the UI thread", here, before, goal, "ms")
