"""`executors.Serial` runs pieces one at a time, in the order given, on a shared executor, and holds no worker while a
piece waits its turn; `run_long` gives long work a thread of its own that ends with it."""

from __future__ import annotations

import threading
from concurrent.futures import wait

import pytest

from app.executors import WORKERS, Serial, run, run_long


@pytest.mark.parametrize("count", [2, 10, 50])
def test_pieces_run_one_at_a_time_in_the_order_given(count):
    serial = Serial("disk")
    order: list[int] = []
    running = threading.Semaphore(1)  # a second piece running at once would find it taken
    overlaps: list[int] = []

    def piece(i: int) -> int:
        if not running.acquire(blocking=False):
            overlaps.append(i)
        order.append(i)
        running.release()
        return i

    futures = [serial.submit(piece, i) for i in range(count)]
    assert [f.result(timeout=10) for f in futures] == list(range(count))
    assert order == list(range(count)) and overlaps == []


@pytest.mark.parametrize("error", [ValueError("bad page"), OSError("disk gone"), KeyError("id")])
def test_a_failing_piece_fails_alone(error):
    serial = Serial("disk")

    def fail():
        raise error

    first, failed, after = serial.submit(lambda: 1), serial.submit(fail), serial.submit(lambda: 3)
    assert first.result(timeout=10) == 1 and after.result(timeout=10) == 3
    assert failed.exception(timeout=10) is error


def test_a_piece_cancelled_while_it_waits_never_runs():
    serial = Serial("disk")
    gate = threading.Event()
    ran: list[str] = []
    first = serial.submit(gate.wait, 10)
    second = serial.submit(lambda: ran.append("second"))
    third = serial.submit(lambda: ran.append("third"))
    assert second.cancel()
    gate.set()
    wait([first, third], timeout=10)
    assert ran == ["third"]


def test_pieces_waiting_their_turn_hold_no_worker():
    serial = Serial("disk")
    gate = threading.Event()
    held = [serial.submit(gate.wait, 10) for _ in range(2 * WORKERS["disk"])]  # one runs, the rest wait their turn
    free = WORKERS["disk"] - 1  # the running piece holds one worker; every other one must be free at once
    meeting = threading.Barrier(free)
    others = [run("disk", meeting.wait, 10) for _ in range(free)]
    try:
        wait(others, timeout=10)
        assert all(f.done() and f.exception() is None for f in others)
    finally:
        gate.set()
        wait(held, timeout=10)


@pytest.mark.parametrize("what", ["verify", "import"])
def test_long_work_runs_on_a_thread_of_its_own_that_ends_with_it(what):
    seen: list[threading.Thread] = []
    future = run_long(what, lambda: seen.append(threading.current_thread()) or "done")
    assert future.result(timeout=10) == "done"
    assert seen[0].name == f"sm6-long-{what}"
    seen[0].join(5)
    assert not seen[0].is_alive()


def test_an_unknown_executor_is_refused_at_once():
    with pytest.raises(ValueError, match="unknown executor"):
        Serial("gpu")  # type: ignore[arg-type]
