"""Python's collector runs on the UI thread only (ui/ui_thread_gc.py): garbage holding a Qt object is never
finalised on a worker thread, however much the workers allocate, and is still collected."""

from __future__ import annotations

import gc
import threading
import time

import pytest
from PySide6.QtCore import QObject

from app import gc_pauses
from app.generation.pipelines import free_memory


class Witness:
    """Garbage as a closed view leaves it: a reference cycle holding a Qt object. Says where it was finalised."""

    def __init__(self, where: list[str]) -> None:
        self.cycle = self
        self.qt = QObject()
        self.where = where

    def __del__(self) -> None:
        self.where.append(threading.current_thread().name)


def _on_worker(fn) -> threading.Thread:
    thread = threading.Thread(target=fn, name="sm6-test-worker")
    thread.start()
    return thread


_made_by_workers: list = []


@pytest.fixture(autouse=True)
def _forget_what_workers_made():
    yield
    _made_by_workers.clear()


def _allocate_a_lot() -> None:
    """What a model load or a chain call does: many new objects that stay. CPython collects once 700 more containers
    live than when it last did, on the thread making them."""
    _made_by_workers.append([[] for _ in range(200_000)])


@pytest.fixture
def collector(collections_on_the_ui_thread):
    """The one the UI tests run under (tests/ui/conftest.py), as the app installs it."""
    assert not gc.isenabled()
    return collections_on_the_ui_thread


def test_garbage_left_while_a_worker_allocates_is_finalised_on_the_ui_thread(qtbot, collector):
    where: list[str] = []
    Witness(where)
    _on_worker(_allocate_a_lot).join()
    assert where == []  # the worker allocated far past the thresholds, and collected nothing
    qtbot.waitUntil(lambda: bool(where), timeout=5_000)
    assert where == [threading.main_thread().name]


def test_freeing_a_model_on_the_engines_worker_collects_on_the_ui_thread(qtbot, collector):
    where: list[str] = []
    Witness(where)
    worker = _on_worker(free_memory)  # what the engine's worker runs when it drops a model's weights
    qtbot.waitUntil(lambda: bool(where) and not worker.is_alive(), timeout=5_000)
    assert where == [threading.main_thread().name]


def test_a_worker_the_ui_thread_waits_on_never_waits_for_it(qtbot, collector, monkeypatch):
    """The engine's release while the window shuts down: the UI thread is waiting on that worker."""
    monkeypatch.setattr(gc_pauses, "OWNER_WAIT_S", 60.0)
    where: list[str] = []
    Witness(where)
    answers: list[bool] = []
    started = time.monotonic()
    _on_worker(lambda: answers.append(gc_pauses.collect(wait_s=0.0))).join(timeout=30)  # the UI thread blocks here
    assert answers == [False] and time.monotonic() - started < 30
    assert where == []
    qtbot.waitUntil(lambda: bool(where), timeout=5_000)  # collected once the UI thread runs again
    assert where == [threading.main_thread().name]


def test_once_uninstalled_python_collects_where_it_allocates_again(collector):
    """What the command line and the generation server keep, and what the tests above would see without the
    collector: a worker's allocations finalise the garbage on the worker."""
    collector.uninstall()
    try:
        assert gc.isenabled()
        where: list[str] = []
        Witness(where)
        _on_worker(_allocate_a_lot).join()
        assert where == ["sm6-test-worker"]
    finally:
        collector.install()
