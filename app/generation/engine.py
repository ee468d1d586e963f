"""The local generation backend: diffusers on this computer, a queue of jobs run on a single worker thread.

Front ends use it only through `GenerationBackend` (backend.py); listeners are called on the worker and hand-off
threads and must return quickly.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time
import traceback
import weakref
from typing import Callable

from app.errors import RequestError, UserFacingError
from app.generation import events as ev
from app.generation.devices import choose_device
from app.generation.events import JobSnapshot, JobState
from app.generation.generated import GeneratedImage, ImageSink
from app.generation.jobs import KEEP_FINISHED, Job, JobBook, Listener
from app.generation.pipelines import LoadedModel, LoadOptions, load_model
from app.generation.presets import PresetBook, default_presets
from app.generation.registry import ModelInfo, ModelRegistry
from app.generation.request import GenerationRequest
from app.generation.runner import SOURCE_GONE, Cancelled, JobRunner, SourceImages
from app.generation.settings import GenerationSettings

log = logging.getLogger(__name__)

__all__ = ["Engine", "KEEP_FINISHED"]
UNEXPECTED_FAILURE = (
    "Generation stopped because of an unexpected problem. Try again; if it happens again, try another model "
    "or smaller settings, and keep the details for a support request."
)
OUT_OF_MEMORY = (
    "Not enough memory to generate this. Choose a smaller size or fewer variations, or turn on the low-memory "
    "options in Settings."
)
PRELOAD_FAILED = "The model could not be loaded. Generate to try again, or choose another model."
_STOP = object()
# A worker still inside torch while the interpreter tears down can abort the process: stop them first.
_running: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _stop_running_engines() -> None:
    for engine in list(_running):
        engine.shutdown(timeout=5.0)


class Engine:
    """A GenerationBackend. `sources` finds a design's image for refining; the sink (set_image_sink) keeps images."""

    def __init__(
        self,
        registry: ModelRegistry,
        settings: Callable[[], GenerationSettings] = GenerationSettings,
        presets: PresetBook | None = None,
        *,
        sources: SourceImages | None = None,
        sink: ImageSink | None = None,
    ) -> None:
        self._registry = registry
        self._settings = settings
        self._presets = presets or default_presets()
        self._sources = sources
        self._sink = sink
        self._book = JobBook()
        self._queue: queue.Queue = queue.Queue()
        self._loaded: LoadedModel | None = None
        self._thread = threading.Thread(target=self._work, name="sm6-engine", daemon=True)
        self._thread.start()
        _running.add(self)

    # ----- GenerationBackend (any thread) -----
    def subscribe(self, listener: Listener) -> None:
        self._book.subscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._book.unsubscribe(listener)

    def set_image_sink(self, sink: ImageSink | None) -> None:
        self._sink = sink

    def models(self) -> list[ModelInfo]:
        return list(self._registry.models)

    def refresh_models(self) -> list[ModelInfo]:
        return list(self._registry.scan())

    def model(self, model_id: str) -> ModelInfo | None:
        return self._registry.get(model_id) if model_id else None

    def model_with_hash(self, sha256: str) -> ModelInfo | None:
        for model in self._registry.usable():
            if (model.sha256 or self._registry.ensure_hash(model).sha256) == sha256:
                return self._registry.get(model.id)
        return None

    def presets(self) -> PresetBook:
        return self._presets

    def device_label(self) -> str:
        return choose_device(self._settings().device).label

    def model_for(self, model_id: str = "") -> ModelInfo:
        wanted = model_id or self._settings().model_id
        if wanted:
            model = self._registry.get(wanted)
            if model is None and model_id:
                raise RequestError(
                    f"The model '{model_id}' is not installed any more. Pick another one or import it again."
                )
            if model is not None:
                if not model.usable:
                    raise RequestError(model.error or f"{model.id} cannot be used.")
                return model
        usable = self._registry.usable()
        if not usable:
            raise RequestError("No model yet. Import a Stable Diffusion model, or try the demo model.")
        return usable[0]

    def submit(self, request: GenerationRequest, save: bool = True, stream: str = "") -> JobSnapshot:
        request.validate()
        model = self.model_for(request.model_id)
        request = request.with_seed().replace(model_id=model.id)
        if request.source == "design" and (self._sources is None or self._sources(request.source_design_id) is None):
            raise RequestError(SOURCE_GONE)
        job = self._book.open(request, save=save, stream=stream)
        self._queue.put(job)
        return job.snapshot()

    def cancel(self, job_id: str) -> bool:
        return self._book.cancel(job_id)

    def cancel_all(self) -> None:
        self._book.cancel_all()

    def jobs(self, include_finished: bool = False) -> list[JobSnapshot]:
        return self._book.snapshots(include_finished)

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self._book.wait_idle(timeout)

    def preload(self, model_id: str = "") -> None:
        self._queue.put(("preload", model_id))

    def unload(self) -> None:
        self._queue.put(("unload", ""))

    def shutdown(self, timeout: float = 10.0) -> None:
        self.cancel_all()
        self._queue.put(_STOP)
        self._thread.join(timeout)
        _running.discard(self)

    # ----- local only -----
    @property
    def loaded_model(self) -> ModelInfo | None:
        loaded = self._loaded
        return loaded.model if loaded else None

    # ----- worker thread -----
    def _emit(self, event: ev.EngineEvent) -> None:
        self._book.emit(event)

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
            model = self.model_for(model_id)
        except UserFacingError as exc:
            log.info("Preload skipped: %s", exc)
            return
        try:
            self._ensure_loaded(model)
        except Exception as exc:  # the worker must outlive a model that will not load; the next job says why
            log.warning("Preloading %s failed", model.id, exc_info=True)
            message = exc.message if isinstance(exc, UserFacingError) else PRELOAD_FAILED
            details = exc.details if isinstance(exc, UserFacingError) else traceback.format_exc()
            self._emit(ev.ModelLoadFailed(model.id, model.label, message, details))

    def _run(self, job: Job) -> None:
        book = self._book
        if job.cancel_event.is_set():
            book.finish(job, JobState.CANCELLED)
            return
        book.set(job, state=JobState.LOADING)
        self._emit(ev.JobStarted(job.snapshot()))
        sink = self._sink if job.save else None
        try:
            loaded = self._ensure_loaded(self.model_for(job.request.model_id))
            if job.cancel_event.is_set():
                raise Cancelled
            book.set(job, state=JobState.RUNNING)
            runner = JobRunner(loaded, self._presets, self._sources, self._settings().live_previews)
            results = runner.run(
                job.request,
                job.cancel_event,
                lambda i, s, n, p: book.step(job, i, s, n, p),
                (lambda image: self._keep(job, sink, image)) if sink is not None else None,
            )
        except Cancelled:
            book.finish(job, JobState.CANCELLED)
        except UserFacingError as exc:
            log.warning("Generation with %s failed: %s %s", job.request.model_id, exc.message, exc.details)
            book.finish(job, JobState.FAILED, exc.message, exc.details)
        except Exception as exc:  # report, keep the engine alive for the next job
            log.exception("Generation failed")
            message = OUT_OF_MEMORY if _out_of_memory(exc) else UNEXPECTED_FAILURE
            book.finish(job, JobState.FAILED, message, traceback.format_exc())
        else:
            book.finish(job, JobState.DONE, results=(results, ()) if sink is not None else ((), results))

    def _keep(self, job: Job, sink: ImageSink, image: GeneratedImage):
        """On the hand-off thread: the sink keeps the image, then (and only then) it is announced."""
        kept = sink(image)
        self._emit(ev.ImageReady(self._book.set(job, image_index=image.index), kept))
        return kept

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
            model = self._registry.ensure_hash(model)
        self._emit(ev.ModelLoading(model.id, model.label, "loading"))
        started = time.perf_counter()
        self._loaded = load_model(model, options, self._registry.search_dirs)
        self._emit(ev.ModelLoaded(model.id, model.label, device.label, time.perf_counter() - started, device.note))
        return self._loaded

    def _release(self) -> None:
        if self._loaded is not None:
            self._loaded.release()
            self._loaded = None


def _out_of_memory(exc: BaseException) -> bool:
    # torch.OutOfMemoryError (CUDA) subclasses RuntimeError; MPS and CPU allocators say it in words.
    return isinstance(exc, MemoryError) or type(exc).__name__ == "OutOfMemoryError" or "out of memory" in str(exc)
