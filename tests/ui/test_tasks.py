"""Work started from the UI comes back on the UI thread (ui/tasks.py): its result or its error, in the order the work
ended, never inside the call that asked, and never into a view that is gone. The core's changes arrive the same way."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest
import shiboken6
from PySide6.QtCore import QObject

from app.changes import ChangeFeed, DesignDeleted, TokenPublished
from app.executors import WORKERS, run
from ui.tasks import ChangeRelay, Task, call_on_ui, deliver, run_in_background

WAIT_MS = 5_000


def _on_worker(fn) -> None:
    """Run `fn` on a thread of its own and wait for it, as a backend's or an executor's thread would call."""
    thread = threading.Thread(target=fn, name="test-worker")
    thread.start()
    thread.join()


def test_result_and_error_come_back_on_the_ui_thread(qtbot):
    owner = QObject()
    seen = []
    ui_thread = threading.current_thread()

    def remember(kind):
        return lambda value: seen.append((kind, value, threading.current_thread()))

    run_in_background(threading.current_thread, remember("done"), remember("error"), owner)
    run_in_background(lambda: 1 / 0, remember("done"), remember("error"), owner, executor="network")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT_MS)
    done = next(item for item in seen if item[0] == "done")
    error = next(item for item in seen if item[0] == "error")
    assert done[1].name.startswith("sm6-pool-disk")  # the work ran on the named executor…
    assert isinstance(error[1], ZeroDivisionError)  # …and its failure reached the error handler…
    assert done[2] is ui_thread and error[2] is ui_thread  # …both on the UI thread


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]])
def test_answers_arrive_in_the_order_the_work_ended(qtbot, order):
    owner = QObject()
    futures = [Future() for _ in order]
    seen: list[int] = []
    for i, future in enumerate(futures):
        deliver(future, lambda _r, i=i: seen.append(i), lambda _e: None, owner)

    def finish() -> None:
        for i in order:
            futures[i].set_result(i)

    _on_worker(finish)
    qtbot.waitUntil(lambda: len(seen) == len(order), timeout=WAIT_MS)
    assert seen == order


@pytest.mark.parametrize("outcome", ["result", "error"])
def test_an_answer_already_there_still_comes_later_never_inside_the_call(qtbot, outcome):
    owner = QObject()
    future: Future = Future()
    future.set_result(1) if outcome == "result" else future.set_exception(ValueError("no"))
    seen = []
    task = deliver(future, seen.append, seen.append, owner)
    assert seen == [] and task.pending()  # the caller finishes what it was doing first
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=WAIT_MS)
    assert not shiboken6.isValid(task) or not task.pending()


@pytest.mark.parametrize("when", ["before the work ends", "after it ended, before the answer was handled"])
def test_an_answer_for_a_deleted_view_is_dropped(qtbot, when):
    owner, witness = QObject(), QObject()
    future: Future = Future()
    calls = []
    deliver(future, calls.append, calls.append, owner)
    other = deliver(run("disk", lambda: "still here"), calls.append, calls.append, witness)
    if when == "before the work ends":
        shiboken6.delete(owner)
        _on_worker(lambda: future.set_result("too late"))
    else:
        _on_worker(lambda: future.set_result("too late"))  # its answer is queued now…
        shiboken6.delete(owner)  # …and its view goes before the UI thread gets to it
    qtbot.waitUntil(lambda: not shiboken6.isValid(other), timeout=WAIT_MS)  # a later answer got through
    assert calls == ["still here"]


def test_views_deleted_while_their_work_ends_on_workers_get_nothing_and_the_rest_get_their_answers(qtbot):
    # The worker that finishes a future and the UI thread deleting its view race here hundreds of times: the worker
    # must not touch the Task (a QObject being deleted on the UI thread), and only live views are answered.
    views = [QObject() for _ in range(300)]
    futures: list[Future] = [Future() for _ in views]
    answered: list[int] = []
    for n, (view, future) in enumerate(zip(views, futures)):
        deliver(future, lambda _result, n=n: answered.append(n), answered.append, view)
    started = threading.Event()

    def finish_all() -> None:
        started.set()
        for n, future in enumerate(futures):
            future.set_result(n)

    worker = threading.Thread(target=finish_all, name="test-worker")
    worker.start()
    started.wait()
    for view in views[::2]:  # every other view goes while the answers are being posted
        shiboken6.delete(view)
    worker.join()
    last, witness = [], QObject()
    deliver(run("disk", lambda: "after all of them"), last.append, last.append, witness)  # answered after them
    qtbot.waitUntil(lambda: last == ["after all of them"], timeout=WAIT_MS)
    assert sorted(answered) == list(range(1, len(views), 2))


@pytest.mark.parametrize("end", ["result", "error", "cancelled"])
def test_pending_until_the_answer_is_handed_over(qtbot, end):
    owner = QObject()
    future: Future = Future()
    calls = []
    task = deliver(future, calls.append, calls.append, owner)
    assert task.pending() and owner.findChildren(Task) == [task]  # a closing dialog finds it and waits
    if end == "result":
        _on_worker(lambda: future.set_result("ok"))
    elif end == "error":
        _on_worker(lambda: future.set_exception(OSError("disk full")))
    else:
        future.cancel()  # the executor shut down (the app is closing): nobody waits for an answer
    qtbot.waitUntil(lambda: not shiboken6.isValid(task), timeout=WAIT_MS)  # answered, then gone
    assert len(calls) == (0 if end == "cancelled" else 1)


def test_quick_work_is_not_stuck_behind_answers_still_waiting(qtbot):
    owner = QObject()
    held = [Future() for _ in range(2 * WORKERS["disk"])]
    for future in held:  # answers waiting are no work: no worker is held by them
        deliver(future, lambda _r: None, lambda _e: None, owner)
    seen = []
    run_in_background(lambda: "quick", seen.append, seen.append, owner)
    qtbot.waitUntil(lambda: seen == ["quick"], timeout=WAIT_MS)
    for future in held:
        future.cancel()


def test_call_on_ui_from_a_worker_runs_on_the_ui_thread_in_order(qtbot):
    seen = []
    _on_worker(lambda: [call_on_ui(lambda i=i: seen.append((i, threading.current_thread()))) for i in range(20)])
    qtbot.waitUntil(lambda: len(seen) == 20, timeout=WAIT_MS)
    assert [i for i, _ in seen] == list(range(20))
    assert {thread for _, thread in seen} == {threading.current_thread()}


@pytest.mark.parametrize(
    "changes",
    [
        [TokenPublished("bafy-1", "uploading")],
        [TokenPublished("bafy-1", "uploading"), TokenPublished("bafy-1", "pinned"), DesignDeleted("d-1")],
    ],
)
def test_change_relay_delivers_a_change_published_on_a_worker_on_the_ui_thread(qtbot, changes):
    feed = ChangeFeed()
    owner = QObject()
    relay = ChangeRelay(feed, owner)
    heard = []
    relay.changed.connect(lambda change: heard.append((change, threading.current_thread())))
    _on_worker(lambda: [feed.publish(change) for change in changes])
    qtbot.waitUntil(lambda: len(heard) == len(changes), timeout=WAIT_MS)
    assert [change for change, _ in heard] == changes
    assert {thread for _, thread in heard} == {threading.current_thread()}


@pytest.mark.parametrize("how", ["closed", "deleted with its view"])
def test_a_relay_that_went_hears_nothing_more(qtbot, how):
    feed = ChangeFeed()
    owner = QObject()
    relay = ChangeRelay(feed, owner)
    heard = []
    relay.changed.connect(heard.append)
    if how == "closed":
        relay.close()
    else:
        shiboken6.delete(owner)
    keeper = QObject()
    witness = ChangeRelay(feed, keeper)
    later = []
    witness.changed.connect(later.append)
    _on_worker(lambda: feed.publish(DesignDeleted("d-2")))
    qtbot.waitUntil(lambda: later == [DesignDeleted("d-2")], timeout=WAIT_MS)
    assert heard == []
    witness.close()
