"""The one way the core runs work in the background: a few named executors, each for one kind of wait.

    from app.executors import run
    future = run("disk", library.page, after, 200)

- `generation`: model loading and denoising (one at a time: they share the GPU and its memory);
- `chain`: node calls and signing (one at a time, so nonces go out in order);
- `disk`: SQLite pages, thumbnails, files, the keyring (may block on a desktop prompt);
- `network`: IPFS, the description model, HTTP checks.

A job that may run for minutes (Verify regenerating an image, importing a model) must not hold a shared worker
while quick work waits behind it: `run_long` gives it a thread of its own, named for what it does. Work that must
run one piece at a time in order on an executor with more workers (a job's image hand-offs, the Library's reads)
goes through a `Serial`. `before_exit` hooks stop long work before the interpreter waits for these threads at exit.
`after(seconds, fn)` runs a quick call at a moment (a deadline's cut-off) on one thread shared by every caller.

Futures come back to a Qt front end through ui/tasks.py (`deliver`), the one way results reach the UI thread.
Every executor's threads are named `sm6-pool-<name>` so a test or a crash report can tell whose thread it is.
"""

from __future__ import annotations

import atexit
import heapq
import itertools
import logging
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Callable, Literal

ExecutorName = Literal["generation", "chain", "disk", "network"]

WORKERS: dict[str, int] = {"generation": 1, "chain": 1, "disk": 2, "network": 4}
THREAD_PREFIX = "sm6-pool-"

log = logging.getLogger(__name__)
_lock = threading.Lock()
_executors: dict[str, ThreadPoolExecutor] = {}
_exit_hooks: list[Callable[[], None]] = []


def executor(name: ExecutorName) -> ThreadPoolExecutor:
    """The shared executor `name`, made on first use (importing this module starts no thread)."""
    if name not in WORKERS:
        raise ValueError(f"unknown executor {name!r}: one of {', '.join(WORKERS)}")
    with _lock:
        pool = _executors.get(name)
        if pool is None:
            pool = _executors[name] = ThreadPoolExecutor(WORKERS[name], thread_name_prefix=f"{THREAD_PREFIX}{name}")
        return pool


def run(name: ExecutorName, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
    return executor(name).submit(fn, *args, **kwargs)


def run_long(what: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
    """Run `fn` on a thread of its own (named `sm6-long-<what>`), for work too long to hold a shared worker."""
    future: Future = Future()

    def work() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on the future
            future.set_exception(exc)
        else:
            future.set_result(result)

    threading.Thread(target=work, name=f"sm6-long-{what}", daemon=True).start()
    return future


class Serial:
    """Work that must run one piece at a time, in the order given, on a shared executor with more workers.

    Each piece is handed to the executor only when the one before it has ended, so it holds a worker only while it
    runs (never while it waits its turn). The images of one generation job are handed to the library this way, in
    the order they were made; the Library's reads answer in the order they were asked.
    """

    def __init__(self, name: ExecutorName) -> None:
        executor(name)  # an unknown name fails here, not at the first submit
        self.name = name
        self._lock = threading.Lock()
        self._waiting: deque[tuple[Future, Callable[[], Any]]] = deque()
        self._busy = False

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        with self._lock:
            self._waiting.append((future, lambda: fn(*args, **kwargs)))
            if self._busy:
                return future
            self._busy = True
        self._next()
        return future

    def _next(self) -> None:
        while True:
            with self._lock:
                if not self._waiting:
                    self._busy = False
                    return
                future, call = self._waiting.popleft()
            if not future.set_running_or_notify_cancel():
                continue  # cancelled while it waited its turn
            try:
                run(self.name, self._step, future, call)
            except RuntimeError as exc:  # the executors shut down (the process is exiting): nothing more runs
                future.set_exception(exc)
                continue
            return

    def _step(self, future: Future, call: Callable[[], Any]) -> None:
        try:
            result = call()
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on the future
            future.set_exception(exc)
        else:
            future.set_result(result)
        finally:
            self._next()


class _Alarms:
    """One thread that makes quick calls at their moments (a deadline's cut-off), started on first use."""

    def __init__(self) -> None:
        self._ready = threading.Condition()
        self._due: list[tuple[float, int, list]] = []  # (moment, order, [fn or None once cancelled])
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def after(self, seconds: float, fn: Callable[[], None]) -> Callable[[], None]:
        call = [fn]
        with self._ready:
            heapq.heappush(self._due, (time.monotonic() + seconds, next(self._order), call))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=f"{THREAD_PREFIX}alarms", daemon=True)
                self._thread.start()
            self._ready.notify()

        def cancel() -> None:
            with self._ready:
                call[0] = None
                while self._due and self._due[0][2][0] is None:  # cancelled ones at the front go at once
                    heapq.heappop(self._due)

        return cancel

    def _run(self) -> None:
        while True:
            with self._ready:
                while not self._due or self._due[0][0] > time.monotonic():
                    self._ready.wait(self._due[0][0] - time.monotonic() if self._due else None)
                call = heapq.heappop(self._due)[2]
                fn, call[0] = call[0], None
            if fn is not None:
                try:
                    fn()
                except Exception:  # noqa: BLE001 - one failing call must not stop the others
                    log.exception("a call at its moment failed")


_alarms = _Alarms()


def after(seconds: float, fn: Callable[[], None]) -> Callable[[], None]:
    """Call `fn` once `seconds` have passed, on the one alarm thread (`sm6-pool-alarms`); returns a cancel. `fn`
    must be quick (it delays the calls due after it): a socket shut, a flag set."""
    return _alarms.after(seconds, fn)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes for CPU-bound work that would hold the GIL (hashing 100,000 pictures). Spawned, never forked:
    the window has threads, and a forked child would inherit their locks mid-use. The caller shuts it down."""
    import multiprocessing

    return ProcessPoolExecutor(max_workers=max(1, workers), mp_context=multiprocessing.get_context("spawn"))


def before_exit(fn: Callable[[], None]) -> None:
    """Call `fn` when the interpreter exits, before the executors' threads are joined: a hook that stops long work
    (e.g. cancels running generation jobs) so the exit does not wait for it to finish."""
    _exit_hooks.append(fn)


def _at_exit() -> None:
    for hook in reversed(_exit_hooks):
        try:
            hook()
        except Exception:  # noqa: BLE001 - one failing hook must not keep the others from running
            log.exception("an exit hook failed")
    shutdown(wait=False)  # queued work that has not started is dropped; running work finishes


def shutdown(wait: bool = True) -> None:
    """Stop every executor (at exit); queued work that has not started is cancelled."""
    with _lock:
        pools = list(_executors.values())
        _executors.clear()
    for pool in pools:
        pool.shutdown(wait=wait, cancel_futures=True)


atexit.register(shutdown, False)
# Runs before concurrent.futures joins every executor thread at exit (its hooks run last registered first), which
# would otherwise wait for queued work and for a running generation to end.
threading._register_atexit(_at_exit)
