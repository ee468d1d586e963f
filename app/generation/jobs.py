"""The job bookkeeping every generation backend shares: ids, states, listeners, cancel, "latest wins" streams and
pruning. A backend (the local engine, later a remote one) adds only how a job runs."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from app.generation import events as ev
from app.generation.events import JobSnapshot, JobState
from app.generation.request import GenerationRequest
from app.messages import Message

log = logging.getLogger(__name__)

Listener = Callable[[ev.EngineEvent], None]
# Finished jobs kept for `jobs(include_finished=True)`: enough for any history view, bounded for a kiosk's day.
KEEP_FINISHED = 50


@dataclass
class Job:
    id: str
    request: GenerationRequest
    created_at: float = field(default_factory=time.time)
    state: JobState = JobState.QUEUED
    image_index: int = 0
    step: int = 0
    steps: int = 0
    cancel_event: threading.Event = field(default_factory=threading.Event)
    steps_after_cancel: int = 0  # denoising steps that completed after Cancel was pressed
    save: bool = True  # False: no image goes to the sink; JobFinished carries the GeneratedImages
    stream: str = ""
    replaced_by: str = ""  # set when a newer job on the same stream took its place
    taken: bool = False  # denoised in an earlier job's passes (app/generation/shared_pass.py): nothing left to run

    def snapshot(self) -> JobSnapshot:
        return JobSnapshot(
            self.id, self.request, self.state, self.image_index, self.step, self.steps, self.created_at, self.stream
        )


class Listeners:
    """Who hears a backend's events. A copy-on-write list: (un)subscribing while an event is sent is safe, and a
    broken listener never stops the others or the backend."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def add(self, listener: Listener) -> None:
        with self._lock:
            self._listeners = [*self._listeners, listener]

    def remove(self, listener: Listener) -> None:
        with self._lock:
            self._listeners = [x for x in self._listeners if x != listener]

    def emit(self, event: ev.EngineEvent) -> None:
        for listener in self._listeners:
            try:
                listener(event)
            except Exception:  # noqa: BLE001 - logged with its traceback
                log.exception("Generation listener failed on %s", type(event).__name__)


class RelaysEvents:
    """A backend in front of others (switching.py, app/fleet/fallback.py): its own listeners, which hear what it
    passes on from the backends behind it. Call `RelaysEvents.__init__` before subscribing to those."""

    def __init__(self) -> None:
        self._listeners = Listeners()

    def subscribe(self, listener: Listener) -> None:
        self._listeners.add(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, event: ev.EngineEvent) -> None:
        self._listeners.emit(event)


class JobBook:
    """Thread-safe: submit and cancel come from any thread, progress from the backend's worker."""

    def __init__(self) -> None:
        self._listeners = Listeners()
        self._jobs: dict[str, Job] = {}  # in submission order
        self._finished: list[str] = []  # ids of finished jobs still in _jobs, oldest first
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    # ----- listeners -----
    def subscribe(self, listener: Listener) -> None:
        self._listeners.add(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, event: ev.EngineEvent) -> None:
        self._listeners.emit(event)

    # ----- jobs -----
    def open(self, request: GenerationRequest, save: bool = True, stream: str = "") -> Job:
        """Record a new queued job and announce it. On a stream, the newest job wins: a queued job of that stream is
        cancelled at once, a running one is asked to stop (its JobCancelled names the job that replaced it)."""
        job = Job(f"job-{next(self._ids)}", request, save=save, stream=stream)
        replaced: list[Job] = []
        with self._lock:
            if stream:
                for other in self._jobs.values():
                    if other.stream == stream and not other.state.finished and not other.cancel_event.is_set():
                        other.cancel_event.set()
                        other.replaced_by = job.id
                        if other.state is JobState.QUEUED:
                            other.state = JobState.CANCELLED
                            replaced.append(other)
            self._jobs[job.id] = job
        for other in replaced:
            self.emit(ev.JobCancelled(other.snapshot(), 0, job.id))
        self.emit(ev.JobQueued(job.snapshot()))
        return job

    def cancel(self, job_id: str) -> bool:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.state.finished:
                return False
            job.cancel_event.set()
            queued = job.state is JobState.QUEUED
            if queued:
                job.state = JobState.CANCELLED
        if queued:  # it never started: report at once instead of when the worker reaches it
            self.emit(ev.JobCancelled(job.snapshot(), 0, job.replaced_by))
        return True

    def take_queued(self, fits: Callable[[Job], bool], images: int) -> list[Job]:
        """Queued jobs, oldest first, that `fits` and whose variations add up to at most `images`: they leave the
        queue (their own turn finds nothing to do) and are run by the caller."""
        taken: list[Job] = []
        with self._lock:
            for job in self._jobs.values():
                if job.state is not JobState.QUEUED or job.taken or job.cancel_event.is_set():
                    continue
                if job.request.batch <= images and fits(job):
                    job.taken = True
                    images -= job.request.batch
                    taken.append(job)
        return taken

    def cancel_all(self) -> None:
        for snap in self.snapshots():
            self.cancel(snap.id)

    def snapshots(self, include_finished: bool = False) -> list[JobSnapshot]:
        with self._lock:
            return [j.snapshot() for j in self._jobs.values() if include_finished or not j.state.finished]

    def wait_idle(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.snapshots():
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def set(self, job: Job, **changes) -> JobSnapshot:
        with self._lock:
            for key, value in changes.items():
                setattr(job, key, value)
            return job.snapshot()

    def step(self, job: Job, image_index: int, step: int, steps: int, preview) -> None:
        if job.cancel_event.is_set():
            job.steps_after_cancel += 1
        self.emit(ev.StepProgress(self.set(job, image_index=image_index, step=step, steps=steps), preview))

    def finish(
        self, job: Job, state: JobState, message: str | Message = "", details: str = "", results=((), ())
    ) -> None:
        """The job's one closing event. `results`: (designs, images) of a job that finished."""
        with self._lock:
            already = job.state is JobState.CANCELLED
            job.state = state
        self._retire(job)
        if state is JobState.CANCELLED:
            if not already:
                self.emit(ev.JobCancelled(job.snapshot(), job.steps_after_cancel, job.replaced_by))
        elif state is JobState.FAILED:
            self.emit(ev.JobFailed(job.snapshot(), message, details))
        else:
            self.emit(ev.JobFinished(job.snapshot(), *map(tuple, results)))

    def _retire(self, job: Job) -> None:
        """Keep only the newest KEEP_FINISHED finished jobs: a backend runs for days at a kiosk."""
        with self._lock:
            if job.id not in self._finished:
                self._finished.append(job.id)
            while len(self._finished) > KEEP_FINISHED:
                self._jobs.pop(self._finished.pop(0), None)
