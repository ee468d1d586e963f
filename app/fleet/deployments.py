"""The Ray Serve deployments of the generation server: `Ingress` (HTTP, tokens, limits, audit, replay) in front of
`Generator` (the replicas that run the engine). Imported only by app/fleet/server.py once Ray is wanted: the kiosk
never imports Ray.

The ingress is one replica on purpose: it sees every request and every line, so the rate limits, the queue count
and the job_key memory (replay / 409) hold across any number of Generator replicas without a shared store. It does
no heavy work: the pixels are made by the Generators, each taking in as many jobs as one pass holds
(max_ongoing_requests = images_per_pass, 1 by default; the jobs inside share its passes), with Ray's own queue in
front of them bounded by max_queued_requests (BackPressureError, answered 503 busy).
"""

import asyncio  # no `from __future__ import annotations`: FastAPI reads the parameters' annotations as types
import logging
import re
import threading
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from ray import serve
from ray.serve.exceptions import BackPressureError, RequestCancelledError

from app import __version__, executors, paths, safejson
from app.errors import UserFacingError
from app.fleet import wire
from app.fleet.audit import AuditLog
from app.fleet.limits import JobMemory, RateLimiter
from app.fleet.replica import ReplicaCore
from app.fleet.server import BUSY, REPLICA_GONE
from app.fleet.tokens import Revoked, TokenStore, Unauthorized
from app.generation import messages as gen_msgs
from app.generation.registry import ModelRegistry, listed_models
from app.generation.settings import GenerationSettings
from app.messages import Message

log = logging.getLogger(__name__)
MAX_BODY = 100 * 1024 * 1024  # a request and two starting images
JOB_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")
EVENT = re.compile(rb'^\{"event":"(\w+)"')
BUSY_RETRY_S = 10
HASH_WAIT_S = 15.0  # how long GET /models waits for models not hashed yet (a kiosk's read timeout is 30 s)
RESCAN_S = 30.0  # how old the ingress's view of the models folders may be when it checks a request
FIRST_LINE_WAIT_S = 0.3  # how long a refusal by Ray's own queue (BackPressureError) is waited for before streaming
REQUEST_BODY = safejson.NODE_REQUEST()
KEEPALIVE_S = 5.0  # the longest a stream stays silent (a kiosk's read timeout is 30 s): see wire.ALIVE
ALIVE = wire.encode_event(wire.ALIVE)
REPLICAS_EVERY_S = 5.0

api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
# Ray pickles a deployment class when it is decorated: every helper it uses is defined above it.


def _model_dirs(models_dir: str) -> list[Path] | None:
    """The server's models folder when its settings name one; None: the app's own folders."""
    return [Path(models_dir)] if models_dir else None


@serve.deployment(max_ongoing_requests=1)
class Generator:
    def __init__(
        self, generation: dict[str, Any] | None = None, threads: int = 0, models_dir: str = "", max_pass: int = 1
    ) -> None:
        settings = GenerationSettings(**generation).validated() if generation else None
        registry = ModelRegistry(_model_dirs(models_dir))
        self.core = ReplicaCore(settings, registry, threads=threads, max_pass=max_pass)

    async def run(self, body: dict[str, Any]):
        async for line in self.core.run(body):
            yield line

    def device(self) -> str:
        return self.core.device()

    def __del__(self) -> None:  # Serve calls it when the replica stops
        core = getattr(self, "core", None)
        if core is not None:
            core.close()


def _running_generators() -> int:
    """How many Generator replicas of this application are running, by Serve's own status."""
    app = serve.get_replica_context().app_name
    deployment = serve.status().applications[app].deployments["Generator"]
    return int(deployment.replica_states.get("RUNNING", 0))


def _refusal(status: int, error: str, retry_after: int | None = None, **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"error": error, **extra}
    headers = {}
    if retry_after is not None:
        body["retry_after"] = retry_after
        headers["Retry-After"] = str(retry_after)
    return JSONResponse(body, status_code=status, headers=headers)


def _model_of(line: bytes) -> str:
    try:
        value = safejson.loads(line, REQUEST_BODY)
        return str(value["request"]["model_id"])
    except (safejson.BadJSON, KeyError, TypeError):
        return ""


async def _replayed(lines: list[bytes]):
    for line in lines:
        yield line[:-2] + b',"replayed":true}\n' if line.endswith(b"}\n") else line


@serve.deployment(num_replicas=1, max_ongoing_requests=1000)
@serve.ingress(api)
class Ingress:
    def __init__(self, generator, options: dict[str, Any]) -> None:
        self.gen = generator
        self.options = options
        data = Path(options["data_dir"]) if options.get("data_dir") else paths.data_dir()
        self.tokens = TokenStore(data / "serve" / "tokens.json")
        self.audit = AuditLog(data / "serve" / "audit.jsonl")
        self.rate = RateLimiter(options.get("rate_per_minute", 30))
        self.memory = JobMemory()
        self.max_queued = int(options.get("max_queued", 8))
        self.keepalive_s = max(0.1, float(options.get("keepalive_s", KEEPALIVE_S)))
        self.waiting: list[str] = []  # job keys sent to the Generators and not started yet, oldest first
        self.running: set[str] = set()
        self.calls: dict[str, Any] = {}  # job key -> its streaming call, for POST /cancel
        self.registry = ModelRegistry(_model_dirs(str(options.get("models_dir", ""))))
        self._scanned = -RESCAN_S
        self._device = ""
        self._running_replicas: int | None = None
        self._replicas_at = -REPLICAS_EVERY_S
        self._hashing = threading.Lock()
        executors.run_long("model-hashes", self._hash_models)

    # ----- helpers -----
    def _caller(self, request: Request) -> str | JSONResponse:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header[:7].lower() == "bearer " else ""
        try:
            return self.tokens.check(token)
        except Revoked:
            return _refusal(403, "revoked")
        except Unauthorized:
            return _refusal(401, "unauthorized")
        except UserFacingError:  # a token file that cannot be read: refuse everyone rather than let anyone in
            log.exception("token file unreadable")
            return _refusal(401, "unauthorized")

    async def _device_label(self) -> str:
        if not self._device and not self.waiting and not self.running:
            try:
                self._device = await asyncio.wait_for(self.gen.device.remote(), 20)
            except Exception:  # noqa: BLE001 - said as unknown; asked again next time
                log.warning("the generators' device is unknown", exc_info=True)
        return self._device or ("CUDA" if self.options.get("gpus_per_replica") else "CPU")

    async def _replicas(self) -> int:
        """Generator replicas running now (autoscaling moves it), asked of Serve's controller at most every
        REPLICAS_EVERY_S; the configured count while it cannot say."""
        if time.monotonic() - self._replicas_at > REPLICAS_EVERY_S:
            self._replicas_at = time.monotonic()
            try:
                self._running_replicas = await asyncio.wait_for(asyncio.to_thread(_running_generators), 5)
            except Exception:  # noqa: BLE001 - the count is informative only
                log.warning("the controller did not say how many generators run", exc_info=True)
        if self._running_replicas is None:
            return int(self.options.get("replicas", 1))
        return self._running_replicas

    # ----- endpoints -----
    @api.get("/health")
    async def health(self) -> dict[str, Any]:
        return {
            "ok": True,
            "version": __version__,
            "device": await self._device_label(),
            "replicas": await self._replicas(),
            "queued": len(self.waiting),
            "running": len(self.running),
        }

    @api.get("/models")
    async def models(self, request: Request):
        caller = self._caller(request)
        if isinstance(caller, Response):
            return caller
        found = await asyncio.to_thread(self._scan)
        if any(m.usable and not m.sha256 for m in found):  # a model added since start-up: hashed before it is listed
            hashing = asyncio.ensure_future(asyncio.to_thread(self._hash_models))
            await asyncio.wait({hashing}, timeout=HASH_WAIT_S)
            found = await asyncio.to_thread(self._scan)  # the hashes now come from the registry's hash cache
        return {"models": [wire.model_to_dict(m) for m in found], "device": await self._device_label()}

    def _scan(self) -> list:
        models = self.registry.scan()
        self._scanned = time.monotonic()
        return listed_models(models) + self.registry.addons("controlnet") + self.registry.addons("lora")

    def _hash_models(self) -> None:
        """Every usable model's sha256, so a kiosk can Verify a design made with a model it never used. Cached by
        size and modification time: after the first run (started with the server) this only looks at the files."""
        with self._hashing:
            for model in self._scan():
                if model.usable and not model.sha256:
                    try:
                        self.registry.ensure_hash(model)
                    except Exception:  # noqa: BLE001 - listed without its hash; tried again on the next /models
                        log.warning("cannot hash %s", model.id, exc_info=True)

    def _cannot_run(self, request) -> Message | None:
        """Why no Generator could run `request` (its model is not on the server, or there is none): said before
        queueing, as 400 bad_request. The Generators check again, and say a later failure as a "failed" line."""
        if time.monotonic() - self._scanned > RESCAN_S:
            self._scan()
        if request.model_id:
            model = self.registry.get(request.model_id)
            if model is None:
                return gen_msgs.MODEL_GONE(model_id=request.model_id)
            if not model.usable:
                return model.error_msg or gen_msgs.MODEL_UNUSABLE(model=model.id)
            return None
        return None if self.registry.usable() else gen_msgs.NO_MODEL_YET()

    @api.post("/cancel")
    async def cancel(self, request: Request):
        caller = self._caller(request)
        if isinstance(caller, Response):
            return caller
        body = await self._body(request)
        if isinstance(body, Response):
            return body
        key = str(body.get("job_key", ""))
        job, call = self.memory.get(key), self.calls.get(key)
        if job is None or call is None or job.token != caller:
            return {"cancelled": False}
        call.cancel()
        return {"cancelled": True}

    @api.post("/generate")
    async def generate(self, request: Request):
        caller = self._caller(request)
        if isinstance(caller, Response):
            return caller
        body = await self._body(request)
        if isinstance(body, Response):
            return body
        key = body.get("job_key")
        if not isinstance(key, str) or not JOB_KEY.fullmatch(key):
            return _refusal(400, "bad_request", message=wire.message_to_dict(wire.BAD_REPLY(problem="job_key")))
        try:
            job_request = wire.line_request(body)
        except wire.WireError as exc:
            return _refusal(400, "bad_request", message=wire.message_to_dict(exc.msg))
        prompt, model = job_request.prompt, job_request.model_id
        problem = await asyncio.to_thread(self._cannot_run, job_request)
        if problem is not None:
            return _refusal(400, "bad_request", message=wire.message_to_dict(problem))
        known = self.memory.get(key)
        if known is not None:
            if known.running or known.token != caller:
                return _refusal(409, "in_progress")
            self.audit.record(caller, key, "replayed", prompt=prompt, model=model)
            return StreamingResponse(_replayed(known.lines), media_type="application/x-ndjson")
        wait = self.rate.take(caller)
        if wait:
            self.audit.record(caller, key, "rate_limited", prompt=prompt, model=model)
            return _refusal(429, "rate_limited", wait)
        if len(self.waiting) >= self.max_queued:
            self.audit.record(caller, key, "busy", prompt=prompt, model=model)
            return _refusal(503, "busy", BUSY_RETRY_S)
        self.memory.start(key, caller)
        self.waiting.append(key)
        call = self.gen.options(stream=True).run.remote(body)
        first = asyncio.ensure_future(call.__anext__())
        await asyncio.wait({first}, timeout=FIRST_LINE_WAIT_S)
        if first.done() and isinstance(first.exception(), BackPressureError):
            self._forget(key, keep=False)
            self.audit.record(caller, key, "busy", prompt=prompt, model=model)
            return _refusal(503, "busy", BUSY_RETRY_S)
        self.calls[key] = call
        lines = self._stream(key, caller, call, first, prompt, model)
        return StreamingResponse(lines, media_type="application/x-ndjson")

    async def _body(self, request: Request) -> dict | Response:
        size = request.headers.get("content-length", "")
        if size.isdigit() and int(size) > MAX_BODY:
            return _refusal(413, "bad_request")
        raw = await request.body()
        try:
            return safejson.loads_object(raw, REQUEST_BODY, max_bytes=MAX_BODY)
        except safejson.BadJSON as exc:
            return _refusal(400, "bad_request", message=wire.message_to_dict(exc.msg))

    def _position(self, key: str) -> int:
        return self.waiting.index(key) if key in self.waiting else 0

    def _forget(self, key: str, keep: bool) -> None:
        if key in self.waiting:
            self.waiting.remove(key)
        self.running.discard(key)
        self.calls.pop(key, None)
        self.memory.end(key, keep)

    async def _stream(self, key: str, caller: str, call, first: asyncio.Future, prompt: str, model: str):
        started, outcome, job = time.monotonic(), "cut", self.memory.get(key)
        pending: asyncio.Future | None = None
        try:
            position, said = self._position(key), time.monotonic()
            yield wire.encode_event("queued", position=position)
            while not first.done():  # the position when it changes, and again at least every keepalive_s
                await asyncio.wait({first}, timeout=min(0.5, self.keepalive_s))
                now = self._position(key)
                if not first.done() and (now != position or time.monotonic() - said >= self.keepalive_s):
                    position, said = now, time.monotonic()
                    yield wire.encode_event("queued", position=position)
            if key in self.waiting:
                self.waiting.remove(key)
            self.running.add(key)
            line = first.result()
            while True:
                if job is not None:
                    job.lines.append(line)
                match = EVENT.match(line)
                event = match.group(1).decode() if match else ""
                if event == "started":
                    model = _model_of(line) or model
                yield line
                if event in wire.ENDS:
                    outcome = event
                    break
                pending = asyncio.ensure_future(call.__anext__())
                while not (await asyncio.wait({pending}, timeout=self.keepalive_s))[0]:
                    yield ALIVE  # a model loading, a slow step: the kiosk's read timeout must not take it as lost
                line = pending.result()
        except BackPressureError:
            outcome = "busy"
            yield wire.encode_event("failed", message=wire.message_to_dict(BUSY()), details="")
        except (asyncio.CancelledError, GeneratorExit):
            outcome = "cancelled"
            call.cancel()
            for waiting in (first, pending):
                if waiting is not None and not waiting.done():
                    waiting.cancel()
            raise
        except RequestCancelledError:  # POST /cancel by its job key
            outcome = "cancelled"
            yield wire.encode_event("cancelled")
        except StopAsyncIteration:
            outcome = "cut"
        except Exception:  # a replica that died mid-job: said as a failure, kept out of the replay memory
            log.exception("generation call failed")
            outcome = "failed"
            yield wire.encode_event("failed", message=wire.message_to_dict(REPLICA_GONE()), details="")
        finally:
            keep = outcome in ("finished", "failed") and job is not None and bool(job.lines)
            self._forget(key, keep)
            seconds = time.monotonic() - started
            self.audit.record(caller, key, outcome, prompt=prompt, model=model, seconds=seconds)
