"""The bridge brings a backend's events to the Qt thread: at most one step preview per job per frame, always the
newest, and every other event in order after the step shown before it. The events come from a real JobBook (what
every backend emits through) on a thread of their own, as a backend's worker sends them."""

from __future__ import annotations

import threading
import time

import pytest
from PIL import Image

from app.generation import events as ev
from app.generation.events import JobSnapshot, JobState
from app.generation.jobs import JobBook
from tests.app.engine_helpers import quick_request
from ui.engine_bridge import FRAME_MS, EngineBridge


@pytest.fixture
def bridge(qtbot):
    book = JobBook()
    bridge = EngineBridge(book)
    received: list = []
    bridge.sig_event.connect(received.append)
    yield book, bridge, received
    bridge.close()


def _send(book: JobBook, events, pause_s: float = 0.0) -> None:
    """Emit from another thread, as a backend's worker does, and wait until it has sent them all."""

    def run() -> None:
        for event in events:
            book.emit(event)
            if pause_s:
                time.sleep(pause_s)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


def _steps(count: int, job_id: str = "job-1") -> list:
    preview = Image.new("RGB", (8, 8))
    request = quick_request()
    snapshots = [JobSnapshot(job_id, request, JobState.RUNNING, 0, n, count) for n in range(1, count + 1)]
    return [ev.StepProgress(snap, preview) for snap in snapshots]


@pytest.mark.parametrize("burst", [2, 10, 100, 1000])
def test_a_burst_of_steps_shows_a_handful_of_previews_and_always_the_last(qtbot, bridge, burst):
    book, bridge, received = bridge
    steps = _steps(burst)
    _send(book, steps)
    qtbot.waitUntil(lambda: any(e is steps[-1] for e in received), timeout=2_000)
    qtbot.wait(3 * FRAME_MS)  # nothing more arrives later
    shown = [e for e in received if isinstance(e, ev.StepProgress)]
    assert 1 <= len(shown) <= 5 and shown[-1] is steps[-1]
    assert [e.job.step for e in shown] == sorted(e.job.step for e in shown)  # never an older step after a newer


def test_steps_slower_than_a_frame_are_each_shown(qtbot, bridge):
    book, bridge, received = bridge
    steps = _steps(6)
    for step in steps:
        _send(book, [step])
        qtbot.waitUntil(lambda s=step: any(e is s for e in received), timeout=2_000)
    assert [e for e in received if isinstance(e, ev.StepProgress)] == steps


def test_other_events_keep_their_order_and_come_after_the_last_step_before_them(qtbot, bridge):
    book, bridge, received = bridge
    steps = _steps(50)
    job = steps[-1].job
    ready = ev.ImageReady(job, design="design-1")
    finished = ev.JobFinished(job, ("design-1",))
    _send(book, [*steps, ready, finished])
    qtbot.waitUntil(lambda: finished in received, timeout=2_000)
    assert received[-3:] == [steps[-1], ready, finished]
    assert len([e for e in received if isinstance(e, ev.StepProgress)]) <= 5


def test_each_job_keeps_its_own_newest_step(qtbot, bridge):
    book, bridge, received = bridge
    first, second = _steps(30, "job-a"), _steps(30, "job-b")
    _send(book, [event for pair in zip(first, second) for event in pair])
    qtbot.waitUntil(lambda: first[-1] in received and second[-1] in received, timeout=2_000)
    shown = [e for e in received if isinstance(e, ev.StepProgress)]
    assert len(shown) <= 10


def test_a_closed_bridge_delivers_nothing_more(qtbot, bridge):
    book, bridge, received = bridge
    bridge.close()
    _send(book, _steps(5))
    qtbot.wait(3 * FRAME_MS)
    assert not [e for e in received if isinstance(e, ev.StepProgress)]
