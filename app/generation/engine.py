"""The one engine every front end talks to: a queue of generation jobs run on a single worker thread.

The UI (or the CLI) submits requests and listens to events; it never touches a diffusers pipeline.
Listeners are called on the worker thread and must return quickly.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import queue
import threading
import time
import traceback
import weakref
from dataclasses import dataclass, field
from typing import Callable

from app.config import GenerationSettings
from app.errors import RequestError, UserFacingError
from app.generation import events as ev
from app.generation.devices import choose_device
from app.generation.events import JobSnapshot, JobState
from app.generation.pipelines import LoadedModel, LoadOptions, load_model
from app.generation.presets import PresetBook, default_presets
from app.generation.registry import ModelInfo, ModelRegistry
from app.generation.request import GenerationRequest
from app.generation.runner import Cancelled, JobRunner

log = logging.getLogger(__name__)

Listener = Callable[[ev.EngineEvent], None]
# Finished jobs kept for `jobs(include_finished=True)`: enough for any history view, bounded for a kiosk's day.
KEEP_FINISHED = 50
UNEXPECTED_FAILURE = (
    "Generation stopped because of an unexpected problem. Try again; if it happens again, try another model "
    "or smaller settings, and keep the details for a support request."
)
OUT_OF_MEMORY = (
    "Not enough memory to generate this. Choose a smaller size or fewer variations, or turn on the low-memory "
    "options in Settings."
)
_STOP = object()
# A worker still inside torch while the interpreter tears down can abort the process: stop them first.
_running: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _stop_running_engines() -> None:
    for engine in list(_running):
        engine.shutdown(timeout=5.0)


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
    save: bool = True  # False: JobFinished carries PIL images and nothing is added to the library

    def snapshot(self) -> JobSnapshot:
        return JobSnapshot(self.id, self.request, self.state, self.image_index, self.step, self.steps, self.created_at)


class Engine:
    def __init__(
        self,
        registry: ModelRegistry,
        library,
        settings: Callable[[], GenerationSettings] = GenerationSettings,
        presets: PresetBook | None = None,
    ) -> None:
        self.registry = registry
        self.library = library
        self._settings = settings
        self.presets = presets or default_presets()
        self._listeners: list[Listener] = []
        self._jobs: dict[str, Job] = {}  # in submission order
        self._finished: list[str] = []  # ids of finished jobs still in _jobs, oldest first
        self._lock = threading.Lock()
        self._queue: queue.Queue = queue.Queue()
        self._ids = itertools.count(1)
        self._loaded: LoadedModel | None = None
        self._thread = threading.Thread(target=self._work, name="sm6-engine", daemon=True)
        self._thread.start()
        _running.add(self)

    # ----- public API (any thread) -----
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def device_label(self) -> str:
        """Where the next job runs, e.g. "CPU" or "CUDA · NVIDIA H200"."""
        return choose_device(self._settings().device).label

    def resolve_model(self, model_id: str = "") -> ModelInfo:
        """The model a request will run on; RequestError with the next step when there is none."""
        wanted = model_id or self._settings().model_id
        if wanted:
            model = self.registry.get(wanted)
            if model is None and model_id:
                raise RequestError(
                    f"The model '{model_id}' is not installed any more. Pick another one or import it again."
                )
            if model is not None:
                if not model.usable:
                    raise RequestError(model.error or f"{model.id} cannot be used.")
                return model
        usable = self.registry.usable()
        if not usable:
            raise RequestError("No model yet. Import a Stable Diffusion model, or try the demo model.")
        return usable[0]

    def submit(self, request: GenerationRequest, save: bool = True) -> JobSnapshot:
        request.validate()
        model = self.resolve_model(request.model_id)
        request = request.with_seed().replace(model_id=model.id)
        if request.source == "design" and self.library.get(request.source_design_id) is None:
            raise RequestError("The design to refine is no longer in the library.")
        job = Job(f"job-{next(self._ids)}", request, save=save)
        with self._lock:
            self._jobs[job.id] = job
        self._emit(ev.JobQueued(job.snapshot()))
        self._queue.put(job)
        return job.snapshot()

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
            self._emit(ev.JobCancelled(job.snapshot(), 0))
        return True

    def cancel_all(self) -> None:
        for snap in self.jobs():
            self.cancel(snap.id)

    def jobs(self, include_finished: bool = False) -> list[JobSnapshot]:
        with self._lock:
            return [j.snapshot() for j in self._jobs.values() if include_finished or not j.state.finished]

    def wait_idle(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.jobs():
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def preload(self, model_id: str = "") -> None:
        """Load a model ahead of the first job, so the first Generate starts at once."""
        self._queue.put(("preload", model_id))

    def unload(self) -> None:
        self._queue.put(("unload", ""))

    def shutdown(self, timeout: float = 10.0) -> None:
        self.cancel_all()
        self._queue.put(_STOP)
        self._thread.join(timeout)
        _running.discard(self)

    @property
    def loaded_model(self) -> ModelInfo | None:
        loaded = self._loaded
        return loaded.model if loaded else None

    # ----- worker thread -----
    def _emit(self, event: ev.EngineEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not kill the engine
                log.exception("Engine listener failed on %s", type(event).__name__)

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                self._release()
                return
            if isinstance(item, tuple):
                self._control(*item)
            else:
                self._run(item)

    def _control(self, action: str, model_id: str) -> None:
        if action == "unload":
            self._release()
            return
        try:
            self._ensure_loaded(self.resolve_model(model_id))
        except UserFacingError as exc:
            log.info("Preload skipped: %s", exc)

    def _run(self, job: Job) -> None:
        if job.cancel_event.is_set():
            self._finish(job, JobState.CANCELLED)
            return
        self._set(job, state=JobState.LOADING)
        self._emit(ev.JobStarted(job.snapshot()))
        try:
            model = self.resolve_model(job.request.model_id)
            loaded = self._ensure_loaded(model)
            if job.cancel_event.is_set():
                raise Cancelled
            self._set(job, state=JobState.RUNNING)
            runner = JobRunner(loaded, self.presets, self.library, self._settings().live_previews)
            designs = runner.run(
                job.request,
                job.cancel_event,
                lambda i, s, n, p: self._on_step(job, i, s, n, p),
                lambda design, i: self._emit(ev.ImageReady(self._set(job, image_index=i), design)),
                save=job.save,
            )
        except Cancelled:
            self._finish(job, JobState.CANCELLED)
        except UserFacingError as exc:
            log.warning("Generation with %s failed: %s %s", job.request.model_id, exc.message, exc.details)
            self._finish(job, JobState.FAILED, exc.message, exc.details)
        except Exception as exc:  # report, keep the engine alive for the next job
            log.exception("Generation failed")
            message = OUT_OF_MEMORY if _out_of_memory(exc) else UNEXPECTED_FAILURE
            self._finish(job, JobState.FAILED, message, traceback.format_exc())
        else:
            self._set(job, state=JobState.DONE)
            self._retire(job)
            self._emit(ev.JobFinished(job.snapshot(), tuple(designs)))

    def _on_step(self, job: Job, image_index: int, step: int, steps: int, preview) -> None:
        if job.cancel_event.is_set():
            job.steps_after_cancel += 1
        snap = self._set(job, image_index=image_index, step=step, steps=steps)
        self._emit(ev.StepProgress(snap, preview))

    def _set(self, job: Job, **changes) -> JobSnapshot:
        with self._lock:
            for key, value in changes.items():
                setattr(job, key, value)
            return job.snapshot()

    def _finish(self, job: Job, state: JobState, message: str = "", details: str = "") -> None:
        with self._lock:
            already = job.state is JobState.CANCELLED
            job.state = state
        self._retire(job)
        if state is JobState.CANCELLED:
            if not already:
                self._emit(ev.JobCancelled(job.snapshot(), job.steps_after_cancel))
        elif state is JobState.FAILED:
            self._emit(ev.JobFailed(job.snapshot(), message, details))

    def _retire(self, job: Job) -> None:
        """Keep only the newest KEEP_FINISHED finished jobs: the engine runs for days at a kiosk."""
        with self._lock:
            if job.id not in self._finished:
                self._finished.append(job.id)
            while len(self._finished) > KEEP_FINISHED:
                self._jobs.pop(self._finished.pop(0), None)

    def _ensure_loaded(self, model: ModelInfo) -> LoadedModel:
        gen = self._settings()
        device = choose_device(gen.device)
        options = LoadOptions(
            device, gen.attention_slicing, gen.vae_tiling, gen.cpu_offload, gen.channels_last, gen.compile_unet
        )
        current = self._loaded
        if (
            current
            and current.model.id == model.id
            and current.model.path == model.path
            and current.options.key == options.key
        ):
            return current
        self._release()
        if not model.sha256:
            self._emit(ev.ModelLoading(model.id, model.label, "hashing"))
            model = self.registry.ensure_hash(model)
        self._emit(ev.ModelLoading(model.id, model.label, "loading"))
        started = time.perf_counter()
        self._loaded = load_model(model, options, self.registry.search_dirs)
        self._emit(ev.ModelLoaded(model.id, model.label, device.label, time.perf_counter() - started, device.note))
        return self._loaded

    def _release(self) -> None:
        if self._loaded is not None:
            self._loaded.release()
            self._loaded = None


def _out_of_memory(exc: BaseException) -> bool:
    # torch.OutOfMemoryError (CUDA) subclasses RuntimeError; MPS and CPU allocators say it in words.
    return isinstance(exc, MemoryError) or type(exc).__name__ == "OutOfMemoryError" or "out of memory" in str(exc)
