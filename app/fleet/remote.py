"""The generation server as a GenerationBackend (app/generation/backend.py): a kiosk without a GPU generates there,
and its front ends cannot tell — the same events in the same order, the same JobSnapshots, the same hand-off of
each finished image to the sink (the library's saver) before ImageReady, the same PNG bytes, provenance included.

Jobs run one at a time in the order given, like the local engine's, each followed on a thread of its own while it
lasts (`executors.run_long`: a job may wait minutes in the server's queue, which must not hold a shared worker).
The wire protocol is app/fleet/wire.py; HTTP and refusals are remote_http.py; one job's stream is remote_job.py.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import uuid
import weakref
from collections import deque
from typing import Any

from app import executors
from app.errors import RequestError
from app.fleet import remote_messages as msgs
from app.fleet.remote_http import Refusal, ServerConnection, ServerRefused, ServerStatus
from app.fleet.remote_job import JobStream, read_source
from app.fleet.wire import BAD_FIELD, WireError, model_from_dict
from app.generation import events as ev
from app.generation import messages as gen_msgs
from app.generation import pictures
from app.generation.events import JobSnapshot, JobState
from app.generation.generated import ImageSink
from app.generation.jobs import JobBook, Listener
from app.generation.presets import PresetBook, default_presets
from app.generation.registry import NOT_A_CHECKPOINT, ModelInfo, listed_models
from app.generation.request import GenerationRequest
from app.generation.runner import SOURCE_GONE, SourceImages

log = logging.getLogger(__name__)

__all__ = ["RemoteBackend", "ServerRefused", "ServerStatus"]
MAX_MODELS = 10_000
_SHA256 = re.compile(r"[0-9a-f]{64}")
_running: weakref.WeakSet = weakref.WeakSet()


def _stop_running_backends() -> None:
    # At exit: cut every stream, so the interpreter does not wait for a job thread reading from the server.
    for backend in list(_running):
        backend.cancel_all()


executors.before_exit(_stop_running_backends)


class RemoteBackend:
    """A GenerationBackend on the generation server at `url`, with this computer's `token`. `sources` finds a
    design's image for refining (sent along, the server has no library); the sink keeps finished images."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        timeout_s: float = 30.0,
        presets: PresetBook | None = None,
        sources: SourceImages | None = None,
        sink: ImageSink | None = None,
    ) -> None:
        self._conn = ServerConnection(url, token, timeout_s)
        self._presets = presets or default_presets()
        self._sources = sources
        self._sink = sink
        self._book = JobBook()
        self._lock = threading.Lock()
        self._models: list[ModelInfo] | None = None  # every model the server lists (add-ons too); None: not asked
        self._hashes: dict[str, str] = {}  # model id -> sha256, from the images the server sent
        self._asked = threading.Event()
        self._status = ServerStatus(reachable=False)
        self._streams: dict[str, JobStream] = {}  # jobs waiting or running here, by id
        self._waiting: deque[JobStream] = deque()
        self._pumping = False
        self._closed = threading.Event()
        _running.add(self)

    # ----- events -----
    def subscribe(self, listener: Listener) -> None:
        self._book.subscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._book.unsubscribe(listener)

    def set_image_sink(self, sink: ImageSink | None) -> None:
        self._sink = sink

    # ----- what the server offers -----
    def _all_models(self) -> list[ModelInfo]:
        """The cached list, fetched when never asked; [] while the server could not say (check() says why)."""
        models = self._models
        if models is None:
            if self._asked.is_set():  # asked and refused: say nothing until refresh_models(), check() or a submit
                return []
            try:
                models = self._fetch_models()
            except ServerRefused as exc:
                log.info("The generation server's models are unknown: %s %s", exc.msg.english(), exc.details)
                return []
        with self._lock:
            hashes = dict(self._hashes)
        if not hashes:
            return models
        # A server lists a model's hash once it has hashed it; the images it sent say it sooner (Verify needs it).
        return [dataclasses.replace(m, sha256=hashes[m.id]) if not m.sha256 and m.id in hashes else m for m in models]

    def _fetch_models(self) -> list[ModelInfo]:
        self._asked.set()  # asked once: the window's many questions about models never wait on the network again
        try:
            reply = self._conn.request_json("GET", "/models")
            listed = reply.get("models")
            if not isinstance(listed, list) or len(listed) > MAX_MODELS:
                raise WireError(BAD_FIELD, "models", field="models")
            models = [model_from_dict(item) for item in listed]
        except ServerRefused as exc:
            self._set_status(
                reachable=exc.kind not in (Refusal.UNREACHABLE, Refusal.TLS, Refusal.ADDRESS), message=exc.msg
            )
            raise
        except RequestError as exc:  # a WireError: the reply is not the protocol
            self._set_status(reachable=True, message=exc.msg)
            raise ServerRefused(Refusal.BAD_REPLY, exc.msg, exc.details) from None
        device = reply.get("device")
        with self._lock:
            self._models = models
        self._set_status(reachable=True, message=None, **({"device": device[:200]} if isinstance(device, str) else {}))
        return models

    def models(self) -> list[ModelInfo]:
        return listed_models(self._all_models())

    def refresh_models(self) -> list[ModelInfo]:
        try:
            return listed_models(self._fetch_models())
        except ServerRefused:
            return listed_models(self._models or [])

    def addons(self, kind: str, arch: str | None = None) -> list[ModelInfo]:
        found = [m for m in self._all_models() if m.usable and m.kind == kind and (arch is None or m.arch == arch)]
        return sorted(found, key=lambda m: m.id.lower())

    def model(self, model_id: str) -> ModelInfo | None:
        return next((m for m in self._all_models() if m.id == model_id), None) if model_id else None

    def model_for(self, model_id: str = "") -> ModelInfo:
        if self._models is None:
            self._fetch_models()  # ServerRefused in words: the server cannot be asked (unreachable, token, …)
        if model_id:
            model = self.model(model_id)
            if model is None:
                raise RequestError(gen_msgs.MODEL_GONE(model_id=model_id))
            if model.kind != "checkpoint":
                raise RequestError(NOT_A_CHECKPOINT(model=model.id))
            if not model.usable:
                raise RequestError(model.error_msg or model.error or gen_msgs.MODEL_UNUSABLE(model=model.id))
            return model
        usable = [m for m in self._all_models() if m.usable and m.kind == "checkpoint"]
        if not usable:
            raise RequestError(gen_msgs.NO_MODEL_YET())
        return usable[0]

    def model_with_hash(self, sha256: str, kind: str = "checkpoint") -> ModelInfo | None:
        """May ask the server again: it lists a model's hash only once it has hashed the model (at its first use)."""
        for fresh in (False, True):
            if fresh:
                self.refresh_models()
            found = [m for m in self._all_models() if m.usable and m.kind == kind and m.sha256 == sha256]
            if found:
                return found[0]
        return None

    def device_label(self) -> str:
        device = self._status.device
        return (msgs.SERVER_DEVICE(device=device) if device else msgs.SERVER_PLAIN()).render()

    def presets(self) -> PresetBook:
        return self._presets

    # ----- the server's health, for the status bar and Settings' "Test connection" -----
    def server_status(self) -> ServerStatus:
        """The last known state (no request): refreshed by check(), by the model list and by each job's stream."""
        return self._status

    def check(self) -> ServerStatus:
        """Ask the server now: /health (is it there, on what, how busy), then the model list, which also tells
        whether it accepts this computer's token. Never raises: a problem is the status's `message`."""
        try:
            health = self._conn.request_json("GET", "/health", authorised=False)
        except ServerRefused as exc:
            return self._set_status(reachable=False, message=exc.msg)
        device = health.get("device")
        self._set_status(
            reachable=True,
            message=None,
            queued=_count(health.get("queued")),
            running=_count(health.get("running")),
            **({"device": device[:200]} if isinstance(device, str) else {}),
        )
        try:
            self._fetch_models()
        except ServerRefused:
            pass  # the status says why (a refused token, a bad reply)
        return self._status

    def _set_status(self, **changes: Any) -> ServerStatus:
        with self._lock:
            self._status = dataclasses.replace(self._status, **changes)
            return self._status

    def _on_job_status(self, changes: dict[str, Any]) -> None:
        learned = changes.pop("model_hash", None)
        if learned is not None and _SHA256.fullmatch(learned[1] or ""):
            with self._lock:
                self._hashes[learned[0]] = learned[1]
        if changes:
            self._set_status(**({"reachable": True} if "device" in changes else {}), **changes)

    # ----- jobs -----
    def submit(self, request: GenerationRequest, save: bool = True, stream: str = "") -> JobSnapshot:
        request.validate()
        model = self.model_for(request.model_id)
        request = request.with_seed().replace(model_id=model.id)
        if request.source == "design" and (self._sources is None or self._sources(request.source_design_id) is None):
            raise RequestError(SOURCE_GONE())
        if request.source == "picture" and pictures.default_store().path_of(request.source_picture) is None:
            raise RequestError(pictures.GONE())
        job = self._book.open(request, save=save, stream=stream)
        follower = JobStream(
            job,
            uuid.uuid4().hex,
            self._conn,
            self._book,
            self._sink if save else None,
            self._source_bytes,
            self._on_job_status,
        )
        self._cut_replaced()
        with self._lock:
            self._streams[job.id] = follower
            self._waiting.append(follower)
            start = not self._pumping
            self._pumping = True
        if start:
            try:
                executors.run_long("fleet-jobs", self._pump)
            except RuntimeError:  # the interpreter is exiting: nothing more runs
                with self._lock:
                    self._pumping = False
                self._book.finish(job, JobState.CANCELLED)
        return job.snapshot()

    def _pump(self) -> None:
        """The job thread: each waiting job in turn, until none is left."""
        while True:
            with self._lock:
                if not self._waiting:
                    self._pumping = False
                    return
                follower = self._waiting.popleft()
            try:
                follower.run()
            except Exception:  # noqa: BLE001 - run() reports its own failures; this is a last guard for the thread
                log.exception("following a job on the generation server failed")
            finally:
                with self._lock:
                    self._streams.pop(follower.job.id, None)

    def _source_bytes(self, request: GenerationRequest) -> tuple[bytes | None, bytes | None]:
        """On the job thread: the design to refine, or the loaded picture, as the server needs them (it has no
        library and no picture folder of this computer)."""
        if request.source == "design":
            path = self._sources(request.source_design_id) if self._sources is not None else None
            if path is None:
                raise RequestError(SOURCE_GONE())
            return read_source(path, gen_msgs.SOURCE_UNREADABLE()), None
        if request.source == "picture":
            path = pictures.default_store().path_of(request.source_picture)
            if path is None:
                raise RequestError(pictures.GONE())
            return None, read_source(path, pictures.GONE())
        return None, None

    def _cut_replaced(self) -> None:
        """A newer job on a stream asked the one before it to stop (JobBook.open): its connection is cut now."""
        with self._lock:
            followers = list(self._streams.values())
        for follower in followers:
            if follower.job.cancel_event.is_set():
                follower.cancel()

    def cancel(self, job_id: str) -> bool:
        if not self._book.cancel(job_id):
            return False
        with self._lock:
            follower = self._streams.get(job_id)
        if follower is not None:
            follower.cancel()
            if follower.sent:  # a backstop, should the server not notice the connection closing
                self._tell_server_to_cancel(follower.job_key)
        return True

    def _tell_server_to_cancel(self, job_key: str) -> None:
        def tell() -> None:
            try:
                self._conn.request_json("POST", "/cancel", {"job_key": job_key})
            except ServerRefused as exc:
                log.info("The generation server was not told to cancel: %s", exc.details or exc.msg.english())

        try:
            executors.run("network", tell)
        except RuntimeError:  # exiting: the closed connection says it
            pass

    def cancel_all(self) -> None:
        for snapshot in self._book.snapshots():
            self.cancel(snapshot.id)

    def jobs(self, include_finished: bool = False) -> list[JobSnapshot]:
        return self._book.snapshots(include_finished)

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self._book.wait_idle(timeout)

    # ----- lifetime -----
    def preload(self, model_id: str = "") -> None:
        """The server loads its own models: here the model is looked up in the server's list (fetched when never
        asked) and said as the engine says it: ModelLoaded with the server's device when the server offers it,
        nothing when it does not (as the engine skips a preload of a model it does not have). An unreachable server
        says nothing here either: check() and the first job say that. A model whose files are damaged on the server
        fails the job that needs it, in words."""
        if self._closed.is_set():
            return
        try:
            executors.run("network", self._preload, model_id)
        except RuntimeError:  # shutting down
            pass

    def _preload(self, model_id: str) -> None:
        try:
            model = self.model_for(model_id)
        except RequestError as exc:  # ServerRefused too
            log.info("Preload skipped: %s", exc.msg.english())
            return
        self._book.emit(ev.ModelLoaded(model.id, model.label, self.device_label(), 0.0))

    def unload(self) -> None:
        """Nothing is loaded on this computer."""

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel every job (their connections are cut) and wait until the job thread has handed over what it had."""
        self._closed.set()
        self.cancel_all()
        if not threading.current_thread().name.startswith("sm6-long-fleet-jobs"):
            self._book.wait_idle(timeout)
        _running.discard(self)


def _count(value: Any) -> int:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9 else 0
