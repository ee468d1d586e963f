"""A GenerationBackend whose place can change while the app runs (Settings → Generation: this computer, or a
generation server): `SwitchingBackend` forwards to one inner backend at a time and keeps what front ends hold on to
— their listeners and the image sink — so the window, the library's saver and Verify keep their one object.

`switch(factory)` waits for the jobs already given to the inner backend: they run, save their images and end
there (cancel still reaches them), and jobs submitted meanwhile join them, so everything asked before the switch
happens in one place. Once the last has ended the new backend is made and takes every job from then on; the old one
stops listening and is shut down on a thread of its own; listeners hear `BackendChanged`.

Each inner backend numbers its jobs from 1, so the jobs of every backend after the first carry a prefix: an id a
view still remembers from before a switch never names a new job.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import threading
import time
from concurrent import futures
from typing import Any, Callable

from app import executors
from app.generation import events as ev
from app.generation.events import JobSnapshot
from app.generation.jobs import RelaysEvents

log = logging.getLogger(__name__)

Factory = Callable[[], Any]  # makes a GenerationBackend
_UNSET = object()
_ID_FIELDS = ("job_id", "replaced_by")  # event fields that name a job by id (RunsOnThisComputer, JobCancelled)


class SwitchingBackend(RelaysEvents):
    """A GenerationBackend over `factory()`; `switch(other_factory)` moves new jobs elsewhere (see the module).
    Attributes only some backends have (`server_status`, `check`, `fell_back`, …) are the current one's."""

    def __init__(self, factory: Factory) -> None:
        self._lock = threading.RLock()
        RelaysEvents.__init__(self)
        self._sink: Any = _UNSET  # never set: each inner backend keeps the sink it was made with
        self._generation = 0  # how many switches happened: the current backend's number
        self._open: set[str] = set()  # jobs announced and not yet ended (their end reached the listeners)
        self._submitting = 0  # submits under way on the current backend
        self._next: Factory | None = None  # a switch waiting for the open jobs
        self._retiring: list[futures.Future] = []  # old backends shutting down
        self._closed = False
        self._relay = None
        self._current = None
        self._adopt(factory())

    # ----- switching -----
    @property
    def current(self):
        """The inner backend that takes new jobs now."""
        return self._current

    @property
    def switch_waiting(self) -> bool:
        """A switch was asked and waits for the jobs submitted before it to end."""
        return self._next is not None

    def switch(self, factory: Factory) -> bool:
        """Send new jobs to `factory()`'s backend: now when no job is queued or running (True), else once those have
        ended (False). A later switch asked meanwhile replaces this one."""
        with self._lock:
            if self._closed:
                return False
            self._next = factory
        return self._apply_when_idle()

    def _apply_when_idle(self) -> bool:
        with self._lock:
            if self._next is None or self._open or self._submitting or self._closed:
                return False
            factory, self._next = self._next, None
            old, old_relay = self._current, self._relay
            try:
                self._adopt(factory())
            except Exception:  # noqa: BLE001 - keep generating where it did; the cause goes to the log
                log.exception("The new generation backend could not be made; jobs stay where they ran")
                return False
            self._retiring = [f for f in self._retiring if not f.done()]
        old.unsubscribe(old_relay)
        try:
            retired = executors.run_long("retire-backend", _shut_down, old)
        except RuntimeError:  # the interpreter is exiting: nothing is left to hand over
            pass
        else:
            with self._lock:
                self._retiring.append(retired)
        self._emit(ev.BackendChanged())
        return True

    def _adopt(self, backend) -> None:
        """Make `backend` the current one (under the lock, or in __init__)."""
        if self._current is not None:
            self._generation += 1
        number = self._generation
        relay = lambda event: self._from_inner(number, event)  # noqa: E731 - unsubscribe needs this very callable
        if self._sink is not _UNSET:
            backend.set_image_sink(self._sink)
        backend.subscribe(relay)
        self._current, self._relay = backend, relay

    # ----- ids: the first backend's as they are, later ones' with a prefix -----
    def _prefix(self, number: int) -> str:
        return f"b{number}-" if number else ""

    def _public(self, number: int, snapshot: JobSnapshot) -> JobSnapshot:
        if not number:
            return snapshot
        return dataclasses.replace(snapshot, id=self._prefix(number) + snapshot.id)

    def _inner_id(self, public_id: str) -> str | None:
        prefix = self._prefix(self._generation)
        return public_id[len(prefix) :] if public_id.startswith(prefix) else None

    def _event_for_listeners(self, number: int, event):
        if not number:
            return event
        prefix = self._prefix(number)
        changes = {}
        job = getattr(event, "job", None)
        if isinstance(job, JobSnapshot):
            changes["job"] = dataclasses.replace(job, id=prefix + job.id)
        for name in _ID_FIELDS:
            value = getattr(event, name, None)
            if isinstance(value, str) and value:
                changes[name] = prefix + value
        if not changes:
            return event
        # A shallow copy with the fields set: dataclasses.replace would make a failure's message again from its
        # rendered words and lose the message id (JobFailed.msg).
        renamed = copy.copy(event)
        for name, value in changes.items():
            object.__setattr__(renamed, name, value)
        return renamed

    # ----- events -----
    def set_image_sink(self, sink) -> None:
        with self._lock:
            self._sink = sink
            self._current.set_image_sink(sink)

    def _from_inner(self, number: int, event) -> None:
        """On the inner backend's threads. A retired backend has no job left; anything late from it is dropped."""
        if number != self._generation:
            return
        event = self._event_for_listeners(number, event)
        job = getattr(event, "job", None)
        if isinstance(event, ev.JobQueued):
            with self._lock:
                self._open.add(job.id)
        self._emit(event)
        if isinstance(event, ev.JOB_ENDS):
            with self._lock:  # only after its listeners heard the end: a switch never cuts a job's last word
                self._open.discard(job.id)
            self._apply_when_idle()

    # ----- jobs -----
    def submit(self, request, save: bool = True, stream: str = "") -> JobSnapshot:
        with self._lock:
            backend, number = self._current, self._generation
            self._submitting += 1
        try:
            return self._public(number, backend.submit(request, save, stream))
        finally:
            with self._lock:
                self._submitting -= 1
            self._apply_when_idle()

    def cancel(self, job_id: str) -> bool:
        inner = self._inner_id(job_id)
        return inner is not None and self._current.cancel(inner)

    def cancel_all(self) -> None:
        self._current.cancel_all()

    def jobs(self, include_finished: bool = False) -> list[JobSnapshot]:
        number, backend = self._generation, self._current
        return [self._public(number, job) for job in backend.jobs(include_finished)]

    def wait_idle(self, timeout: float | None = None) -> bool:
        """True once no job is queued or running and every job's end has reached the listeners."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                busy = bool(self._open) or self._submitting > 0
            if not busy and not self._current.jobs():
                return True
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.01)

    # ----- what it offers: the current backend's -----
    def models(self):
        return self._current.models()

    def refresh_models(self):
        return self._current.refresh_models()

    def addons(self, kind: str, arch: str | None = None):
        return self._current.addons(kind, arch)

    def model(self, model_id: str):
        return self._current.model(model_id)

    def model_for(self, model_id: str = ""):
        return self._current.model_for(model_id)

    def model_with_hash(self, sha256: str, kind: str = "checkpoint"):
        return self._current.model_with_hash(sha256, kind)

    def device_label(self) -> str:
        return self._current.device_label()

    def presets(self):
        return self._current.presets()

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("_current", "_lock"):  # copy and pickle probe these before __init__
            raise AttributeError(name)
        return getattr(self._current, name)

    # ----- lifetime -----
    def preload(self, model_id: str = "") -> None:
        self._current.preload(model_id)

    def unload(self) -> None:
        self._current.unload()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel everything and stop: the current backend here, and wait for old ones still shutting down."""
        with self._lock:
            self._closed = True
            self._next = None
            retiring = list(self._retiring)
        deadline = time.monotonic() + timeout
        self._current.shutdown(timeout)
        futures.wait(retiring, max(0.0, deadline - time.monotonic()))

    def wait_retired(self, timeout: float | None = None) -> bool:
        """Wait until the backends switched away from have shut down (their threads ended)."""
        with self._lock:
            retiring = list(self._retiring)
        return not futures.wait(retiring, timeout).not_done


def _shut_down(backend) -> None:
    try:
        backend.shutdown()
    except Exception:  # noqa: BLE001 - it had no job left; a failure to stop is only worth the log
        log.exception("A generation backend switched away from did not shut down cleanly")
