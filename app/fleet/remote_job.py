"""One job on the generation server, from the kiosk's side: its stream of lines turned into the events the local
engine sends (app/generation/events.py), in the same order, and its images handed to the sink like the engine does.

No doubles: the job travels with a `job_key` the kiosk made. When the connection breaks, the same key is sent again
(a few times, with a pause between): the server replays a finished job's lines instead of generating it again, or
answers "in progress" while it still runs. Images already kept are recognised by their index and never kept twice.
When the server cannot be reached again, the job fails saying so — whatever it made before is in the library once.
An image whose PNG records another request, seed or model than this job's (app/fleet/provenance.py) is never kept:
the job fails there, in words.
"""

from __future__ import annotations

import io
import logging
import traceback
from concurrent import futures
from concurrent.futures import Future
from typing import Any, Callable

from app.errors import RequestError, UserFacingError
from app.executors import Serial
from app.fleet import provenance, wire
from app.fleet import remote_messages as msgs
from app.fleet.remote_http import Dropped, Refusal, ServerConnection, ServerRefused

# The server's own sentences (BUSY, REPLICA_GONE) are Msgs of app.fleet.server: importing it puts their ids in this
# process's catalogue, so a kiosk says them in its language (and knows "busy" when it sees it), not in English.
from app.fleet.server import BUSY as SERVER_BUSY
from app.generation import events as ev
from app.generation.engine import UNEXPECTED_FAILURE
from app.generation.events import JobState
from app.generation.generated import GeneratedImage, ImageSink
from app.generation.jobs import Job, JobBook
from app.generation.request import GenerationRequest
from app.reply_deadline import cut

log = logging.getLogger(__name__)

RECONNECT_PAUSES_S = (0.5, 1.0, 2.0)  # one try after each pause once the connection broke; then the job fails
IN_PROGRESS_PAUSE_S = 1.0  # the server still runs the job the broken connection was following: ask again after this
IN_PROGRESS_WAITS = 300  # … for at most about five minutes (the longest job a kiosk waits for)
MAX_PIXELS = 4096 * 4096  # an image or preview larger than any request makes is not ours
MAX_SOURCE_BYTES = 40 * 1024 * 1024  # a design or picture sent to refine from (base64 keeps the line under 64 MiB)
# After the connection broke, answers that mean "not back yet" (a restarting server's proxy answers 404 or 503).
RETRIED = (Refusal.UNREACHABLE, Refusal.BUSY, Refusal.STATUS, Refusal.NOT_FOUND, Refusal.BAD_REPLY)
SERVER_BUSY_ID = SERVER_BUSY.id  # the server's own "busy" when its replicas' queue refused the job mid-stream
BUSY_RETRY_S = 10


class _Lost(Exception):
    """The server could not be reached again after the connection broke."""


class _Cancelled(Exception):
    """The person cancelled (or a newer job on the same stream replaced this one)."""


class JobStream:
    """Runs `job` on the server through `conn` (on the backend's job thread); the JobBook announces its events."""

    def __init__(
        self,
        job: Job,
        job_key: str,
        conn: ServerConnection,
        book: JobBook,
        sink: ImageSink | None,
        source_bytes: Callable[[GenerationRequest], tuple[bytes | None, bytes | None]],
        on_status: Callable[[dict[str, Any]], None],
    ) -> None:
        self.job = job
        self.job_key = job_key
        self.conn = conn
        self.book = book
        self.sink = sink
        self.source_bytes = source_bytes
        self.on_status = on_status  # {"position": n | None}, {"device": "…"}, {"model_hash": (model id, sha256)}
        self.sent = False  # whether a request with this job's key may have reached the server
        self.sock: Any = None  # the socket of the connection being read, for `cancel` to cut
        self.concrete: GenerationRequest | None = None  # the "started" line's request
        self.position: int | None = None  # the last place in the server's line announced (its lines repeat it)
        self.seen: set[int] = set()  # indices of the images already taken (a replay sends them again)
        self.handed: list[Future] = []
        self.images: list[GeneratedImage] = []  # save=False (or no sink): what JobFinished carries
        self._handoff: Serial | None = None

    # ----- cancel (any thread) -----
    def cancel(self) -> None:
        cut(self.sock)

    def _on_socket(self, sock: Any) -> None:
        self.sock = sock
        if sock is not None and self.job.cancel_event.is_set():  # cancelled just before the reply began
            cut(sock)

    # ----- the job thread -----
    def run(self) -> None:
        job, book = self.job, self.book
        if job.cancel_event.is_set():
            book.finish(job, JobState.CANCELLED)
            return
        end: dict[str, Any] | None = None
        try:
            source_png, picture_png = self.source_bytes(job.request)
            body = {
                "job_key": self.job_key,
                "request": job.request.to_dict(),
                "save": job.save,
                "previews": True,
                "source_png": wire.b64(source_png) if source_png is not None else None,
                "picture_png": wire.b64(picture_png) if picture_png is not None else None,
            }
            end = self._follow(body)
            self._wait_for_handoffs()
            results = [f.result() for f in self.handed]  # a sink that failed fails the job with its words
        except _Cancelled:
            self._finish_cancelled()
        except _Lost as exc:
            self.on_status({"reachable": False, "message": msgs.LOST()})
            self._finish_failed(msgs.LOST(), str(exc))
        except UserFacingError as exc:
            if isinstance(exc, ServerRefused) and exc.kind in (Refusal.UNREACHABLE, Refusal.TLS):
                self.on_status({"reachable": False, "message": exc.msg})
            log.warning("A job on the generation server failed: %s %s", exc.msg.english(), exc.details)
            self._finish_failed(exc.msg, exc.details)
        except Exception:  # noqa: BLE001 - report in words, keep the backend alive for the next job
            log.exception("A job on the generation server failed")
            self._finish_failed(UNEXPECTED_FAILURE(), traceback.format_exc())
        else:
            self._finish(end, results)
        finally:
            self.on_status({"position": None})

    def _finish(self, end: dict[str, Any], results: list) -> None:
        job, book = self.job, self.book
        kind = end["event"]
        if kind == "finished":
            expected = set(range(self.concrete.batch)) if self.concrete is not None else {-1}
            if self.seen != expected:  # "finished" without every variation: not what the protocol promises
                self._finish_failed(wire.WireError(wire.BAD_FIELD, "images missing", field="image").msg)
                return
            if self.sink is not None:
                book.finish(job, JobState.DONE, results=(results, ()))
            else:
                book.finish(job, JobState.DONE, results=((), sorted(self.images, key=lambda i: i.index)))
        elif kind == "cancelled":
            if job.cancel_event.is_set():
                book.finish(job, JobState.CANCELLED)
            else:  # the server stopped it on its own (shut down, or it lost us)
                book.finish(job, JobState.FAILED, msgs.STOPPED_BY_SERVER(), "the server sent cancelled")
        else:
            message = wire.message_from_dict(end.get("message"))
            details = end.get("details") if isinstance(end.get("details"), str) else ""
            if message.id == SERVER_BUSY_ID and self.concrete is None:  # refused before it started: a busy server
                message = msgs.BUSY(seconds=BUSY_RETRY_S)
            book.finish(job, JobState.FAILED, message, self.conn.scrub(details)[:4000])

    def _finish_cancelled(self) -> None:
        self._wait_for_handoffs()
        self.book.finish(self.job, JobState.CANCELLED)

    def _finish_failed(self, message, details: str = "") -> None:
        self._wait_for_handoffs()
        for future in self.handed:  # a save that failed says where the image went: its words first
            error = future.exception()
            if isinstance(error, UserFacingError):
                message, details = error.msg, error.details
                break
        self.book.finish(self.job, JobState.FAILED, message, details)

    def _wait_for_handoffs(self) -> None:
        # Images that arrived before a cancel or a failure are kept: every hand-off ends before the job does.
        futures.wait(self.handed)

    # ----- the conversation with the server -----
    def _follow(self, body: dict[str, Any]) -> dict[str, Any]:
        """The job's end line, reconnecting with the same job_key when the connection breaks."""
        cancel = self.job.cancel_event
        drops = waits = 0
        while True:
            if cancel.is_set():
                raise _Cancelled
            try:
                return self._attempt(body)
            except Dropped as exc:
                problem: str = str(exc)
            except ServerRefused as exc:
                if exc.kind == Refusal.IN_PROGRESS:  # the job the broken connection followed still runs there
                    waits += 1
                    if waits > IN_PROGRESS_WAITS:
                        raise _Lost("still in progress on the server") from None
                    if cancel.wait(IN_PROGRESS_PAUSE_S):
                        raise _Cancelled from None
                    continue
                if not self.sent or exc.kind not in RETRIED:
                    raise  # never reached the server (or refused outright): the person reads why
                problem = f"{exc.kind}: {exc.details}"
            if cancel.is_set():
                raise _Cancelled
            log.info("The connection to the generation server broke (%s); trying again", problem)
            if drops >= len(RECONNECT_PAUSES_S):
                raise _Lost(problem)
            if cancel.wait(RECONNECT_PAUSES_S[drops]):
                raise _Cancelled
            drops += 1

    def _attempt(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            with self.conn.stream_lines("/generate", body, self._on_socket) as lines:
                self.sent = True
                for line in lines:
                    if self.job.cancel_event.is_set():
                        raise _Cancelled
                    if line["event"] in wire.ENDS:
                        return line
                    self._take(line)
        except Dropped:
            self.sent = True  # the request went out: the server may have it
            raise
        if self.job.cancel_event.is_set():
            raise _Cancelled
        raise Dropped("the stream ended before the job did")

    def _take(self, line: dict[str, Any]) -> None:
        kind = line["event"]
        replayed = line.get("replayed") is True
        if kind == "started":
            self._started(line)
            return
        if kind == "image":
            self._image(line)
            return
        if replayed:  # a finished job's waits and steps are over: only its results matter
            return
        if kind == "queued":
            self._queued(int(line["position"]))
        elif kind == "loading":
            model = self.concrete.model_id if self.concrete is not None else self.job.request.model_id
            self.book.emit(ev.ModelLoading(model, _text(line["model"], 200), line["stage"]))
        elif kind == "progress":
            self._progress(line)

    def _queued(self, position: int) -> None:
        self.on_status({"position": position})
        if self.concrete is not None or position == self.position or self.job.cancel_event.is_set():
            return  # a keep-alive repeat, or a wait that is over for the person
        self.position = position
        self.book.emit(ev.QueuePosition(self.job.snapshot(), position))

    def _started(self, line: dict[str, Any]) -> None:
        concrete = wire.line_request(line)
        ours = self.job.request
        same = concrete.replace(decoder="") == ours.replace(decoder="") and ours.decoder in ("", concrete.decoder)
        if not same:  # a server that runs something else than asked is not to be believed
            raise wire.WireError(wire.BAD_FIELD, "the started request differs from the one sent", field="request")
        if self.concrete is not None:
            return  # a replay, or a reconnection: the job was announced as started already
        self.concrete = concrete
        self.on_status({"position": None, "reachable": True, "message": None})
        self.book.emit(ev.JobStarted(self.book.set(self.job, request=concrete, state=JobState.LOADING)))

    def _progress(self, line: dict[str, Any]) -> None:
        if self.concrete is None:
            raise wire.WireError(wire.BAD_FIELD, "progress before started", field="event")
        index = int(line["image_index"])
        if index in self.seen or index >= self.concrete.batch:
            return  # steps of an image already kept (after a reconnection)
        if self.job.state is not JobState.RUNNING:
            self.book.set(self.job, state=JobState.RUNNING)
        preview = _preview(wire.preview_bytes(line))
        self.book.step(self.job, index, int(line["step"]), int(line["steps"]), preview)

    def _image(self, line: dict[str, Any]) -> None:
        request = self.concrete
        if request is None:
            raise wire.WireError(wire.BAD_FIELD, "image before started", field="event")
        index = int(line["index"])
        if index in self.seen:
            return  # kept already, before the connection broke
        if index >= request.batch or line["seed"] != request.seeds()[index]:
            raise wire.WireError(wire.BAD_FIELD, f"image {index} seed {line['seed']}", field="seed")
        png = wire.png_bytes(line)
        pixels = _png_pixels(png, (request.width, request.height))
        device = _text(line["device"], 200)
        size, row = wire.image_pass(line)
        image = GeneratedImage(
            png=png,
            # what the engine packs: the steps that actually ran, and the pass the image was denoised in
            request=request.runnable().replace(pass_size=size, pass_row=row),
            seed=int(line["seed"]),
            index=index,
            prompt_final=_text(line["prompt_final"], wire.MAX_TEXT),
            negative_final=_text(line["negative_final"], wire.MAX_TEXT),
            model_name=_text(line["model_name"], 400),
            model_hash=_text(line["model_hash"], 128),
            device=device,
            parent_id=request.source_design_id if request.source == "design" else None,
            seconds=float(line["seconds"]),
            pixels=pixels,
        )
        provenance.check(image)  # a picture that says it was made otherwise is not kept: the job fails here
        self.seen.add(index)
        if device:
            self.on_status({"device": device})
        if image.model_hash:
            self.on_status({"model_hash": (request.model_id, image.model_hash)})
        if self.sink is None:
            self.images.append(image)
            return
        if self._handoff is None:
            self._handoff = Serial("disk")  # one image at a time, in the order they came, as the engine does
        self.handed.append(self._handoff.submit(self._keep, image))

    def _keep(self, image: GeneratedImage) -> Any:
        """On a disk worker: the sink keeps the image, then (and only then) it is announced."""
        kept = self.sink(image)
        self.book.emit(ev.ImageReady(self.book.set(self.job, image_index=image.index), kept))
        return kept


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _png_pixels(png: bytes, size: tuple[int, int]):
    """The image of a PNG the server sent, decoded whole (a damaged file fails here, not in the library); WireError
    when it is not a PNG of the request's size."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(png)) as img:
            if img.format != "PNG" or img.size != size or img.width * img.height > MAX_PIXELS:
                raise ValueError(f"{img.format} of {img.size}")
            return img.convert("RGB")
    except Exception as exc:  # noqa: BLE001 - any decoder failure means the same: not a picture of ours
        raise wire.WireError(wire.BAD_IMAGE, f"{type(exc).__name__}: {exc}"[:400]) from None


def _preview(jpeg: bytes | None):
    if jpeg is None:
        return None
    from PIL import Image

    try:
        with Image.open(io.BytesIO(jpeg)) as img:
            if img.format != "JPEG" or img.width * img.height > MAX_PIXELS:
                raise ValueError(f"{img.format} of {img.size}")
            return img.convert("RGB")
    except Exception as exc:  # noqa: BLE001 - a broken preview is a broken reply
        raise wire.WireError(wire.BAD_PREVIEW, f"{type(exc).__name__}: {exc}"[:400]) from None


def read_source(path: Any, gone: Any) -> bytes:
    """The bytes of a design or picture to send; RequestError `gone` when the file cannot be read."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except (OSError, TypeError) as exc:
        raise RequestError(gone, f"{type(exc).__name__}: {exc}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise RequestError(gone, f"over {MAX_SOURCE_BYTES} bytes")
    return data
