"""The local generation backend: diffusers on this computer, its jobs run one at a time on the app's `generation`
executor (app/executors.py: one worker, so torch always runs on the same thread and jobs run in the order given).

Front ends use it only through `GenerationBackend` (backend.py); listeners are called on the worker and hand-off
threads and must return quickly.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
import weakref
from concurrent import futures
from typing import Any, Callable

from app import executors
from app.errors import RequestError, UserFacingError
from app.generation import compiled_unet, guided, pictures
from app.generation import events as ev
from app.generation import messages as msgs
from app.generation.devices import choose_device
from app.generation.events import JobSnapshot, JobState
from app.generation.fast_decode import require_taesd, taesd_available
from app.generation.generated import GeneratedImage, ImageSink
from app.generation.jobs import KEEP_FINISHED, Job, JobBook, Listener
from app.generation.pipelines import LoadedModel, LoadOptions, load_model
from app.generation.presets import PresetBook, default_presets
from app.generation.registry import NOT_A_CHECKPOINT, ModelInfo, ModelRegistry, listed_models
from app.generation.request import GenerationRequest
from app.generation.runner import SOURCE_GONE, JobRunner, SourceImages
from app.generation.settings import GenerationSettings
from app.generation.shared_pass import Member, pass_key, run_members
from app.messages import Msg

log = logging.getLogger(__name__)
WORKER_PREFIX = f"{executors.THREAD_PREFIX}generation"

__all__ = ["Engine", "KEEP_FINISHED"]
UNEXPECTED_FAILURE = Msg(
    "generation.unexpected_failure",
    "Generation stopped because of an unexpected problem. Try again; if it happens again, try another model "
    "or smaller settings, and keep the details for a support request.",
)
OUT_OF_MEMORY = Msg(
    "generation.out_of_memory",
    "Not enough memory to generate this. Choose a smaller size or fewer variations, or turn on the low-memory "
    "options in Settings.",
)
PRELOAD_FAILED = Msg(
    "generation.preload_failed", "The model could not be loaded. Generate to try again, or choose another model."
)
_running: weakref.WeakSet = weakref.WeakSet()


def _stop_running_engines() -> None:
    # At exit the interpreter waits for the generation worker: a running job stops within a step instead of
    # finishing, and queued ones never start.
    for engine in list(_running):
        engine.cancel_all()


executors.before_exit(_stop_running_engines)


class Engine:
    """A GenerationBackend. `sources` finds a design's image for refining, `picture_source` a loaded sketch or photo;
    the sink (set_image_sink) keeps images."""

    def __init__(
        self,
        registry: ModelRegistry,
        settings: Callable[[], GenerationSettings] = GenerationSettings,
        presets: PresetBook | None = None,
        *,
        sources: SourceImages | None = None,
        picture_source: Callable[[], pictures.PictureSource] = pictures.default_store,
        sink: ImageSink | None = None,
        max_pass: int = 1,
    ) -> None:
        self._registry = registry
        # Images denoised together at most (app/generation/shared_pass.py): a generation server's setting; on a
        # desktop every image has its pass of its own.
        self._max_pass = max(1, max_pass)
        self._settings = settings
        self._presets = presets or default_presets()
        self._sources = sources
        self._picture_source = picture_source  # read for each job: a desktop's data folder may move
        self._sink = sink
        self._book = JobBook()
        self._loaded: LoadedModel | None = None
        self._closed = threading.Event()
        _running.add(self)

    # ----- GenerationBackend (any thread) -----
    def subscribe(self, listener: Listener) -> None:
        self._book.subscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._book.unsubscribe(listener)

    def set_image_sink(self, sink: ImageSink | None) -> None:
        self._sink = sink

    def models(self) -> list[ModelInfo]:
        return listed_models(self._registry.models)

    def refresh_models(self) -> list[ModelInfo]:
        return listed_models(self._registry.scan())

    def addons(self, kind: str, arch: str | None = None) -> list[ModelInfo]:
        return self._registry.addons(kind, arch)

    def model(self, model_id: str) -> ModelInfo | None:
        return self._registry.get(model_id) if model_id else None

    def model_with_hash(self, sha256: str, kind: str = "checkpoint") -> ModelInfo | None:
        candidates = self._registry.usable() if kind == "checkpoint" else self._registry.addons(kind)
        for model in candidates:
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
                raise RequestError(msgs.MODEL_GONE(model_id=model_id))
            if model is not None and model.kind != "checkpoint":
                if model_id:  # a ControlNet or LoRA named as the model
                    raise RequestError(NOT_A_CHECKPOINT(model=model.id))
                model = None  # a setting from before: the first usable checkpoint instead
            if model is not None:
                if not model.usable:
                    raise RequestError(model.error_msg or model.error or msgs.MODEL_UNUSABLE(model=model.id))
                return model
        usable = self._registry.usable()
        if not usable:
            raise RequestError(msgs.NO_MODEL_YET())
        return usable[0]

    def submit(self, request: GenerationRequest, save: bool = True, stream: str = "") -> JobSnapshot:
        request.validate()
        model = self.model_for(request.model_id)
        request = request.with_seed().replace(model_id=model.id)
        if request.source == "design" and (self._sources is None or self._sources(request.source_design_id) is None):
            raise RequestError(SOURCE_GONE())
        if request.source == "picture" and not self._picture_source().has(request.source_picture):
            raise RequestError(pictures.GONE())
        guided.resolve_addons(self._registry.get, model, request)
        if not request.decoder:
            fast = self._settings().fast_decoder and taesd_available(self._registry.search_dirs, model.arch or "sd15")
            request = request.replace(decoder="taesd" if fast else "vae")
        elif request.decoder == "taesd":  # made with TAESD (Verify, live mode): without it the pixels would differ
            require_taesd(self._registry.search_dirs, model)
        job = self._book.open(request, save=save, stream=stream)
        if self._schedule(self._run, job) is None:
            self._book.finish(job, JobState.CANCELLED)
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
        self._schedule(self._control, "preload", model_id)

    def unload(self) -> None:
        self._schedule(self._control, "unload", "")

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel every job and free the model. Returns once the job that was running has ended (its designs are
        handed over) and the model is released, or after `timeout` seconds."""
        self.cancel_all()
        if not self._closed.is_set():
            # after this engine's queued work (the worker runs in order); the collection that frees the weights is
            # not waited for, since the thread that owns collections may be the one waiting here
            released = self._schedule(self._release, 0.0)
            self._closed.set()
            if released is not None and not threading.current_thread().name.startswith(WORKER_PREFIX):
                futures.wait([released], timeout)
        _running.discard(self)

    # ----- local only -----
    @property
    def loaded_model(self) -> ModelInfo | None:
        loaded = self._loaded
        return loaded.model if loaded else None

    # ----- the generation worker -----
    def _schedule(self, fn: Callable[..., None], *args: Any) -> futures.Future | None:
        """Queue `fn` on the generation executor; None when the executors have shut down (the process exits)."""
        try:
            return executors.run("generation", self._logged, fn, *args)
        except RuntimeError:
            log.info("generation executor closed: %s not run", getattr(fn, "__name__", fn))
            return None

    @staticmethod
    def _logged(fn: Callable[..., None], *args: Any) -> None:
        try:
            fn(*args)
        except Exception:  # nobody waits on these futures: a failure must reach the log
            log.exception("generation work failed")

    def _emit(self, event: ev.EngineEvent) -> None:
        self._book.emit(event)

    def _control(self, action: str, model_id: str) -> None:
        if self._closed.is_set():
            return
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
            message = exc.msg if isinstance(exc, UserFacingError) else PRELOAD_FAILED()
            details = exc.details if isinstance(exc, UserFacingError) else traceback.format_exc()
            self._emit(ev.ModelLoadFailed(model.id, model.label, message, details))

    def _run(self, job: Job) -> None:
        book = self._book
        if job.taken:
            return  # its images were denoised in an earlier job's passes
        if job.cancel_event.is_set() or self._closed.is_set():
            book.finish(job, JobState.CANCELLED)
            return
        book.set(job, state=JobState.LOADING)  # out of the queue before its partners are taken from it
        jobs = [job, *self._partners(job)]
        for each in jobs:
            book.set(each, state=JobState.LOADING)
            self._emit(ev.JobStarted(each.snapshot()))
        try:
            model = self.model_for(job.request.model_id)
            # resolved again: a ControlNet or LoRA may have gone since the job was queued; hashed for the provenance
            addons = guided.resolve_addons(self._registry.get, model, job.request).hashed(self._registry.ensure_hash)
            loaded = self._ensure_loaded(model)
            members = []
            for each in jobs:  # a Stop pressed while the model loaded ends that job here; the others go on
                if each.cancel_event.is_set():
                    book.finish(each, JobState.CANCELLED)
                else:
                    book.set(each, state=JobState.RUNNING)
                    members.append(self._member(each))
            if not members:
                return
            runner = JobRunner(
                loaded, self._presets, self._sources, self._settings().live_previews, addons, self._picture_source()
            )
            run_members(runner, members, self._max_pass)
        except Exception as exc:  # report, keep the engine alive for the next job
            self._failed(jobs, exc)
        else:
            for member in members:
                self._finish_member(member)

    def _partners(self, job: Job) -> list[Job]:
        """Queued jobs that can share this one's passes, when passes are shared at all."""
        key = pass_key(job.request) if self._max_pass > 1 else None
        if key is None:
            return []
        room = self._max_pass - job.request.batch
        return self._book.take_queued(lambda other: pass_key(other.request) == key, room) if room > 0 else []

    def _member(self, job: Job) -> Member:
        sink = self._sink if job.save else None
        return Member(
            job.request,
            job.cancel_event,
            lambda i, s, n, p: self._book.step(job, i, s, n, p),
            (lambda image: self._keep(job, sink, image)) if sink is not None else None,
            owner=job,
        )

    def _finish_member(self, member: Member) -> None:
        job, book = member.owner, self._book
        if member.error is not None:
            self._failed([job], member.error)
        elif member.cut:
            book.finish(job, JobState.CANCELLED)
        else:
            try:
                results = member.results()
            except Exception as exc:  # its image sink failed (the library could not keep an image): said in words
                self._failed([job], exc)
                return
            book.finish(job, JobState.DONE, results=(results, ()) if member.on_image is not None else ((), results))

    def _failed(self, jobs: list[Job], exc: Exception) -> None:
        if isinstance(exc, UserFacingError):
            log.warning("Generation with %s failed: %s %s", jobs[0].request.model_id, exc.message, exc.details)
            self._finish_all(jobs, JobState.FAILED, exc.msg, exc.details)
            return
        log.exception("Generation failed")
        message = OUT_OF_MEMORY() if _out_of_memory(exc) else UNEXPECTED_FAILURE()
        self._finish_all(jobs, JobState.FAILED, message, traceback.format_exc())

    def _finish_all(self, jobs: list[Job], state: JobState, message="", details: str = "") -> None:
        for job in jobs:
            if not job.state.finished:
                self._book.finish(job, state, message, details)

    def _keep(self, job: Job, sink: ImageSink, image: GeneratedImage):
        """In the job's hand-off (a disk worker, one image at a time): the sink keeps the image, then (and only then)
        it is announced."""
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
        router = compiled_unet.router_of(self._loaded.txt2img.unet)
        if router is not None:
            router.on_busy = lambda busy: self._compiling(router, busy, model.label)
        self._emit(ev.ModelLoaded(model.id, model.label, device.label, time.perf_counter() - started, device.note))
        return self._loaded

    def _compiling(self, router, busy: bool, label: str) -> None:
        """Said only of the loaded model's UNet: a released one may finish its compile later, and its word then
        would contradict what the model loaded since is doing."""
        loaded = self._loaded
        if loaded is not None and loaded.txt2img is not None and compiled_unet.router_of(loaded.txt2img.unet) is router:
            self._emit(ev.Compiling(busy, label))

    def _release(self, wait_s: float | None = None) -> None:
        if self._loaded is not None:
            router = compiled_unet.router_of(self._loaded.txt2img.unet)
            if router is not None and not router.idle():
                self._emit(ev.Compiling(False, self._loaded.model.label))  # what it compiles is of no use any more
            self._loaded.release(wait_s)
            self._loaded = None


def _out_of_memory(exc: BaseException) -> bool:
    # torch.OutOfMemoryError (CUDA) subclasses RuntimeError; MPS and CPU allocators say it in words.
    return isinstance(exc, MemoryError) or type(exc).__name__ == "OutOfMemoryError" or "out of memory" in str(exc)
