"""`executors.after`: quick calls at their moments (a reply's deadline cut-off), on one shared thread."""

from __future__ import annotations

import threading
import time

from app import executors


def test_calls_run_in_the_order_of_their_moments_on_one_thread():
    ran: list[tuple[str, str]] = []
    done = threading.Event()

    def note(name: str):
        def call() -> None:
            ran.append((name, threading.current_thread().name))
            if len(ran) == 3:
                done.set()

        return call

    executors.after(0.3, note("late"))
    executors.after(0.1, note("early"))
    executors.after(0.2, note("middle"))
    assert done.wait(5)
    assert [name for name, _ in ran] == ["early", "middle", "late"]
    assert {thread for _, thread in ran} == {"sm6-pool-alarms"}


def test_a_cancelled_call_never_runs_and_a_failing_one_stops_no_other():
    ran: list[str] = []
    done = threading.Event()
    cancel = executors.after(0.05, lambda: ran.append("cancelled"))
    executors.after(0.05, lambda: 1 / 0)
    executors.after(0.1, lambda: (ran.append("after"), done.set()))
    cancel()
    assert done.wait(5)
    time.sleep(0.05)  # nothing else is due: a late run of the cancelled call would show here
    assert ran == ["after"]
