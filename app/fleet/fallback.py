"""The generation server first, this computer when the server cannot take a job (staff allow it per computer).

`FallbackBackend` forwards everything to the remote backend. A job the server refuses as unreachable or busy (at
submit, or as its stream's first answer, before it started) runs on a local Engine instead, made only then by
`local_factory`, so a kiosk without a GPU loads nothing until it needs to. The person's job keeps its id: the
local engine's events are relayed under it, after a `RunsOnThisComputer` event that says why.

Local jobs are relayed as "here-<id>" (the local engine numbers its jobs as the remote one does), so ids never clash.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from dataclasses import dataclass
from typing import Any, Callable

from app.errors import RequestError
from app.generation import events as ev
from app.generation.events import JobSnapshot
from app.generation.jobs import RelaysEvents
from app.messages import Message, Msg

log = logging.getLogger(__name__)

# The remote backend's refusals after which this computer may run the job (app/fleet/remote.py).
FALLBACK_IDS = frozenset({"fleet.unreachable", "fleet.busy"})
HERE_INSTEAD_LABEL = Msg("fleet.here_instead_label", "This computer · {device} (server unreachable)")
HERE_PREFIX = "here-"
NO_MODEL_HERE = "generation.no_model_yet"  # this computer has no model at all: the server's refusal is the news
_UNSET = object()


@dataclass(frozen=True)
class RunsOnThisComputer:
    """The server could not take job `job_id` (`reason`, in words): it runs on this computer instead."""

    job_id: str
    reason: Message


class FallbackBackend(RelaysEvents):
    """A GenerationBackend: `remote` (a RemoteBackend) first, a local Engine from `local_factory()` when it cannot."""

    def __init__(self, remote, local_factory: Callable[[], Any]) -> None:
        self.remote = remote
        self._local_factory = local_factory
        self._local = None
        self._lock = threading.RLock()
        RelaysEvents.__init__(self)
        self._sink: Any = _UNSET
        self._pending: dict[str, tuple] = {}  # remote job id -> (save, stream), until it starts or ends
        self._announcing: tuple[str, Message] | None = None  # (public id or "", why) while a local submit runs
        self._here_for: dict[str, str] = {}  # local job id -> the id the person knows it by (a remote job's)
        self._replaced: set[str] = set()  # remote job ids whose failure was replaced by a local run
        self.fell_back: Message | None = None  # why the latest job ran here; None once the server took one
        remote.subscribe(self._from_remote)

    # ----- the local engine, made when first needed -----
    @property
    def local(self):
        """The local engine, or None while none was needed."""
        return self._local

    def _here(self):
        with self._lock:
            if self._local is None:
                local = self._local_factory()
                if self._sink is not _UNSET:
                    local.set_image_sink(self._sink)
                local.subscribe(self._from_local)
                self._local = local
            return self._local

    # ----- jobs -----
    def submit(self, request, save: bool = True, stream: str = "") -> JobSnapshot:
        with self._lock:  # held until the job is on record: its first answer may arrive on another thread at once
            try:
                snapshot = self.remote.submit(request, save, stream)
            except RequestError as exc:
                if exc.msg.id not in FALLBACK_IDS:
                    raise
                refused = exc
            else:
                self._pending[snapshot.id] = (save, stream)
                return snapshot
        try:
            return self._run_here(request, save, stream, refused.msg)
        except RequestError as here:
            if here.msg.id != NO_MODEL_HERE:
                raise  # the request itself cannot run (a model named that is nowhere, a size out of range)
            log.warning("The server could not take a job, and this computer has no model to run it")
            raise refused from None  # the server's words: the reason nothing happens

    def _run_here(self, request, save: bool, stream: str, reason: Message, known_as: str = "") -> JobSnapshot:
        local = self._here()
        if request.model_id and local.model(request.model_id) is None and self.remote.model(request.model_id):
            request = request.replace(model_id="")  # one of the server's models, not here: this computer's default
        with self._lock:  # the local job's first event (queued, sent from inside submit) learns its public id
            self._announcing = (known_as, reason)
            try:
                snapshot = local.submit(request, save, stream)
            finally:
                self._announcing = None
            self.fell_back = reason
            return self._public(snapshot)

    def cancel(self, job_id: str) -> bool:
        local_id = self._local_id(job_id)
        if local_id is not None and self._local is not None and self._local.cancel(local_id):
            return True
        return self.remote.cancel(job_id)

    def cancel_all(self) -> None:
        self.remote.cancel_all()
        if self._local is not None:
            self._local.cancel_all()

    def jobs(self, include_finished: bool = False) -> list[JobSnapshot]:
        remote = [j for j in self.remote.jobs(include_finished) if j.id not in self._replaced]
        here = [self._public(j) for j in self._local.jobs(include_finished)] if self._local is not None else []
        return sorted(remote + here, key=lambda j: j.created_at)

    def wait_idle(self, timeout: float | None = None) -> bool:
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        if not self.remote.wait_idle(timeout):
            return False
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        return self._local is None or self._local.wait_idle(left)

    # ----- events -----
    def set_image_sink(self, sink) -> None:
        with self._lock:
            self._sink = sink
            self.remote.set_image_sink(sink)
            if self._local is not None:
                self._local.set_image_sink(sink)

    def _from_remote(self, event) -> None:
        job = getattr(event, "job", None)
        if job is not None:
            with self._lock:
                pending = self._pending.get(job.id)
                if isinstance(event, (ev.JobStarted, *ev.JOB_ENDS)):
                    self._pending.pop(job.id, None)
                if isinstance(event, ev.JobStarted):
                    self.fell_back = None
            if pending is not None and isinstance(event, ev.JobFailed) and event.msg.id in FALLBACK_IDS:
                if self._replace(job.id, pending, event):
                    return
        self._emit(event)

    def _replace(self, job_id: str, pending: tuple, failed: ev.JobFailed) -> bool:
        """Run a job the server could not take here instead, under the same id; False when this computer cannot
        either (the server's failure is then the one the person reads)."""
        save, stream = pending
        with self._lock:
            self._replaced.add(job_id)  # from now on the person's job is the local one
        try:
            self._run_here(failed.job.request, save, stream, failed.msg, known_as=job_id)
        except Exception:  # noqa: BLE001 - no model here, or a request this computer refuses: say the server's words
            log.warning("A job the server could not take cannot run on this computer either", exc_info=True)
            with self._lock:
                self._replaced.discard(job_id)
            return False
        return True

    def _from_local(self, event) -> None:
        job = getattr(event, "job", None)
        if job is None:
            self._emit(event)
            return
        with self._lock:
            announcing = self._announcing if isinstance(event, ev.JobQueued) else None
            if announcing is not None and announcing[0]:
                self._here_for[job.id] = announcing[0]
            changes: dict[str, Any] = {"job": self._public(job)}
            if isinstance(event, ev.JobCancelled) and event.replaced_by:
                changes["replaced_by"] = self._public_id(event.replaced_by)
        if announcing is not None:
            self._emit(RunsOnThisComputer(changes["job"].id, announcing[1]))
            if announcing[0]:
                return  # the server's first answer announced the person's job as queued already
        self._emit(dataclasses.replace(event, **changes))

    def _public_id(self, local_id: str) -> str:
        return self._here_for.get(local_id) or HERE_PREFIX + local_id

    def _public(self, snapshot: JobSnapshot) -> JobSnapshot:
        return dataclasses.replace(snapshot, id=self._public_id(snapshot.id))

    def _local_id(self, public_id: str) -> str | None:
        with self._lock:
            known = next((local for local, shown in self._here_for.items() if shown == public_id), None)
        if known is not None:
            return known
        return public_id[len(HERE_PREFIX) :] if public_id.startswith(HERE_PREFIX) else None

    # ----- what it offers: the server's, else this computer's while the server has told nothing -----
    def _offering(self):
        return self.remote if self.remote.models() else self._here()

    def models(self):
        return self._offering().models()

    def refresh_models(self):
        found = self.remote.refresh_models()
        return found if found else self._here().refresh_models()

    def addons(self, kind: str, arch: str | None = None):
        return self._offering().addons(kind, arch)

    def model(self, model_id: str):
        return self.remote.model(model_id) or self._here().model(model_id)

    def model_for(self, model_id: str = ""):
        return self._offering().model_for(model_id)

    def model_with_hash(self, sha256: str, kind: str = "checkpoint"):
        found = self.remote.model_with_hash(sha256, kind)
        return found if found is not None else self._here().model_with_hash(sha256, kind)

    def device_label(self) -> str:
        if self.fell_back is not None and self._local is not None:
            return str(HERE_INSTEAD_LABEL(device=self._local.device_label()))
        return self.remote.device_label()

    def presets(self):
        return self.remote.presets()

    def server_status(self):
        return self.remote.server_status()

    def check(self):
        return self.remote.check()

    # ----- lifetime -----
    def preload(self, model_id: str = "") -> None:
        self.remote.preload(model_id)  # this computer loads nothing until a job needs it

    def unload(self) -> None:
        self.remote.unload()
        if self._local is not None:
            self._local.unload()

    def shutdown(self, timeout: float = 10.0) -> None:
        self.remote.shutdown(timeout)
        if self._local is not None:
            self._local.shutdown(timeout)
