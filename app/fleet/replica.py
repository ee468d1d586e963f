"""What one generation server replica runs: the app's own `Engine`, turned into the wire's NDJSON lines.

No Ray here (app/fleet/server.py wraps it in a deployment), so it is the same core as the desktop app: the server's
models folders, its registry and default presets, the engine's worker thread. Nothing is saved on the server: the
image sink hands each GeneratedImage straight back, and its PNG bytes (provenance included) go out as they are; the
design a refine starts from and a visitor's sketch or photo are held in memory only while the job that sent them runs.
The engine calls listeners on its worker threads; they hop onto the replica's event loop with call_soon_threadsafe.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import io
import logging
import os
import re
import time
from pathlib import Path
from typing import Any, AsyncIterator

from app.errors import RequestError, UserFacingError
from app.fleet import wire
from app.generation import events as ev
from app.generation import pictures
from app.generation.engine import Engine
from app.generation.generated import GeneratedImage
from app.generation.registry import ModelRegistry
from app.generation.request import GenerationRequest
from app.generation.settings import GenerationSettings

log = logging.getLogger(__name__)
MAX_DETAILS = 4000
MAX_SOURCE_BYTES = 32 * 1024 * 1024
_DESIGN_ID = re.compile(r"[A-Za-z0-9_-]{1,80}")
RESCAN_S = 30.0  # the longest a replica goes without scanning the models folders (a model's files replaced)


def _folders_stamp(folders: list[Path]) -> tuple:
    """What the models folders hold, by name: each folder's entries and those of the folders directly in it (a
    model folder, `lora/`, `controlnet/`). A model added, removed or renamed changes it; times are not used, since
    two changes within one clock tick share one."""
    stamp = []
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                found = sorted((e.name, e.is_dir(follow_symlinks=True)) for e in entries)
        except OSError:  # not there (yet): its absence is part of the stamp
            stamp.append((str(folder), None))
            continue
        stamp.append((str(folder), tuple(found)))
        for name, is_dir in found:
            if is_dir:
                try:
                    stamp.append((f"{folder}/{name}", tuple(sorted(os.listdir(folder / name)))))
                except OSError:
                    stamp.append((f"{folder}/{name}", None))
    return tuple(stamp)


class ReplicaCore:
    """As many jobs at once as the deployment's max_ongoing_requests lets in (its images per pass): the engine runs
    them on its one worker, joining the waiting ones into shared passes (app/generation/shared_pass.py)."""

    def __init__(
        self,
        generation: GenerationSettings | None = None,
        registry: ModelRegistry | None = None,
        threads: int = 0,
        max_pass: int = 1,
    ) -> None:
        if threads > 0:  # the cores Ray gave this replica (app/fleet/server.py replica_cpus)
            import torch

            torch.set_num_threads(threads)
        self._base = generation or GenerationSettings()  # the server's [generation] settings, read by `serve`
        self._previews = 0  # jobs here now whose kiosks want step previews
        # a refine's starting image, held in memory while the jobs here now that sent it run: a visitor's design
        # never touches the server's disk, so a replica stopped hard leaves none of them behind
        self._sources = pictures.HeldBytes()  # by design id
        self.registry = registry or ModelRegistry()
        self._stamp = _folders_stamp(self.registry.search_dirs)
        self.registry.scan()
        self._scanned = time.monotonic()
        self._pictures = pictures.HeldPictures()  # a sketch or photo, like a refine's image, only while its job runs
        self.engine = Engine(
            self.registry,
            settings=self._settings,
            sources=self._source_of,
            picture_source=lambda: self._pictures,
            max_pass=max_pass,
        )
        self.engine.set_image_sink(lambda image: image)  # kept by nobody here: announced, then sent

    def device(self) -> str:
        return self.engine.device_label()

    def close(self) -> None:
        self.engine.shutdown()

    def _settings(self) -> GenerationSettings:
        return dataclasses.replace(self._base, live_previews=self._previews > 0)

    def _source_of(self, design_id: str | None) -> io.BytesIO | None:
        data = self._sources.get(design_id or "")
        return None if data is None else io.BytesIO(data)

    def _look_at_models(self, model_id: str) -> None:
        """The models folders looked at again before a job when what they hold changed (a model added, removed or
        renamed), when the job names a model not seen yet, or after RESCAN_S. A scan reads every model's configs
        (7 ms each here); the check only lists the folders."""
        stamp = _folders_stamp(self.registry.search_dirs)
        unknown = bool(model_id) and self.registry.get(model_id) is None
        if unknown or stamp != self._stamp or time.monotonic() - self._scanned > RESCAN_S:
            self.registry.scan()
            self._stamp, self._scanned = stamp, time.monotonic()

    def _wait_ended(self, job_id: str, timeout: float) -> None:
        """Until this job has ended (its images handed over), whatever the others sharing the replica are doing."""
        deadline = time.monotonic() + timeout
        while any(job.id == job_id for job in self.engine.jobs()) and time.monotonic() < deadline:
            time.sleep(0.01)

    def _take_sources(self, body: dict[str, Any], request: GenerationRequest) -> tuple[str, str]:
        """The images a refine or a picture starts from, sent along since the server has no library. Returns the
        design id whose image this job sent and the sha256 of the picture it sent ("" for none)."""
        sent, picture = "", ""
        if request.source == "design" and isinstance(body.get("source_png"), str):
            if _DESIGN_ID.fullmatch(request.source_design_id or ""):
                data = _b64(body["source_png"])
                sent = request.source_design_id or ""
                self._sources.hold(sent, data)
        if request.source == "picture" and isinstance(body.get("picture_png"), str):
            try:
                picture = self._pictures.hold_picture(_b64(body["picture_png"]))
            except UserFacingError:
                self._drop_sources((sent, ""))
                raise
        return sent, picture

    def _drop_sources(self, sent: tuple[str, str]) -> None:
        """A job's starting images are its own, not kept after it (unless another job here sent them too)."""
        design_id, picture = sent
        if picture:
            self._pictures.release(picture)
        if design_id:
            self._sources.release(design_id)

    async def run(self, body: dict[str, Any]) -> AsyncIterator[bytes]:
        """The job's lines from "started" to its one end; a cancelled caller (CancelledError) cancels the job."""
        loop = asyncio.get_running_loop()
        events: asyncio.Queue = asyncio.Queue()

        def listener(event: ev.EngineEvent) -> None:
            loop.call_soon_threadsafe(events.put_nowait, event)

        self.engine.subscribe(listener)
        job_id, sent = "", ("", "")
        previews = body.get("previews", True) is not False
        self._previews += previews
        try:
            try:
                request = wire.line_request(body)
                self._look_at_models(request.model_id)
                sent = self._take_sources(body, request)
                job_id = self.engine.submit(request, save=True).id
            except UserFacingError as exc:  # a request that cannot run here (its model is gone, say)
                yield _failed(exc)
                return
            while True:
                event = await events.get()
                if getattr(getattr(event, "job", None), "id", job_id) != job_id:
                    continue
                line = _line(event, previews)
                if line is not None:
                    yield line
                if isinstance(event, ev.JOB_ENDS):
                    return
        except (asyncio.CancelledError, GeneratorExit):
            if job_id:
                self.engine.cancel(job_id)
                await loop.run_in_executor(None, self._wait_ended, job_id, 30.0)
            raise
        finally:
            self.engine.unsubscribe(listener)
            self._previews -= previews
            self._drop_sources(sent)


def _b64(text: str) -> bytes:
    if len(text) > MAX_SOURCE_BYTES * 4 // 3 + 4:
        raise RequestError(pictures.FILE_TOO_LARGE(max_mb=MAX_SOURCE_BYTES // (1024 * 1024)))
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise RequestError(pictures.UNREADABLE_FILE()) from None


def _failed(exc: UserFacingError) -> bytes:
    return wire.encode_event("failed", message=wire.message_to_dict(exc.msg), details=exc.details[:MAX_DETAILS])


def _line(event: ev.EngineEvent, previews: bool = True) -> bytes | None:
    if isinstance(event, ev.JobStarted):
        return wire.encode_event("started", request=event.job.request.to_dict())
    if isinstance(event, ev.ModelLoading):
        return wire.encode_event("loading", stage=event.stage, model=event.label)
    if isinstance(event, ev.StepProgress):
        job = event.job
        preview = wire.b64(_jpeg(event.preview)) if previews and event.preview is not None else None
        return wire.encode_event(
            "progress", image_index=job.image_index, step=job.step, steps=job.steps, preview=preview
        )
    if isinstance(event, ev.ImageReady) and isinstance(event.design, GeneratedImage):
        return image_line(event.design)
    if isinstance(event, ev.JobFinished):
        return wire.encode_event("finished")
    if isinstance(event, ev.JobCancelled):
        return wire.encode_event("cancelled")
    if isinstance(event, ev.JobFailed):
        return wire.encode_event("failed", message=wire.message_to_dict(event.msg), details=event.details[:MAX_DETAILS])
    return None


def image_line(image: GeneratedImage) -> bytes:
    return wire.encode_event(
        "image",
        index=image.index,
        seed=image.seed,
        prompt_final=image.prompt_final,
        negative_final=image.negative_final,
        model_name=image.model_name,
        model_hash=image.model_hash,
        device=image.device,
        parent_id=image.parent_id,
        seconds=round(image.seconds, 3),
        png=wire.b64(image.png),
        **_pass_fields(image.request),
    )


def _pass_fields(request: GenerationRequest) -> dict[str, int]:
    """Named only for an image that shared its pass: the lines of a server that never joins them stay as they were."""
    return {"pass_size": request.pass_size, "pass_row": request.pass_row} if request.pass_size > 1 else {}


def _jpeg(preview: Any) -> bytes:
    out = io.BytesIO()
    preview.convert("RGB").save(out, format="JPEG", quality=80)
    return out.getvalue()
