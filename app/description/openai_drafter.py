"""Streaming drafts from OpenAI, or any OpenAI-compatible server (LM Studio, Ollama, llama.cpp) by base URL.

Text reaches the caller already sanitised, piece by piece, so the editor can show it as it
arrives. Failures become `DraftError`s in plain words. The API key is only ever handed to the
`openai` client: it is not logged, and error text is scrubbed of it (OpenAI's own 401 message
quotes part of the key).
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import urlsplit

from app import safejson
from app.description import messages as msgs
from app.description.guarded_stream import GarbledStream, guarded_client_class
from app.description.models import DescribeSettings, DraftError, DraftRequest, DraftResult
from app.description.sanitize import StreamSanitizer
from app.messages import Message

log = logging.getLogger(__name__)

AUTO_RETRY_KINDS = frozenset({"rate_limit", "server", "network"})
MAX_BACKOFF_S = 8.0
MAX_RETRY_AFTER_S = 30.0  # a longer wait is the person's call, not ours: say how long and stop
_KEYLIKE = re.compile(r"\bsk-[A-Za-z0-9_\-*.]{4,}|\bBearer\s+\S+")  # what OpenAI echoes of a key
_NEXT = msgs.OR_KEEP_OFFLINE()  # the way on that every drafting error offers
# The openai client will not start without some key. A local server (LM Studio, Ollama, llama.cpp) ignores it; this
# one says plainly, in a server's log, that it is no key at all.
NO_KEY_PLACEHOLDER = "sm6-no-api-key"
OPENAI_HOSTS = ("api.openai.com",)


def needs_key(base_url: str) -> bool:
    """Whether drafting at `base_url` needs an API key: OpenAI's own API does; another OpenAI-compatible server
    (LM Studio, Ollama, llama.cpp on this computer or the network) may not, so it is asked without one."""
    url = base_url.strip()
    if not url:
        return True
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return True
    return host in OPENAI_HOSTS or host.endswith(".openai.com")


class _Malformed(Exception):
    """A chunk that is valid JSON but not a chat-completion chunk."""


@dataclass
class _Progress:
    """One attempt's stream so far."""

    sanitizer: StreamSanitizer
    cap: int  # characters; past this a runaway server is cut off as if it had hit max_tokens
    received: int = 0  # characters delivered to the caller
    refusal: str = ""
    finish_reason: str | None = None
    response_id: str = ""
    retry_after: float | None = field(default=None)


class OpenAIDrafter:
    def __init__(self, settings: DescribeSettings, api_key: str | None, *, backoff_base_s: float = 0.5) -> None:
        keyless = not api_key or not api_key.strip()
        if keyless and needs_key(settings.base_url):
            raise DraftError("config", msgs.NO_KEY(next_step=_NEXT))
        key = NO_KEY_PLACEHOLDER if keyless else api_key.strip()
        if not (key.isascii() and key.isprintable()) or " " in key:
            # A key pasted with a line break or stray characters: httpx would fail with the key in its message.
            raise DraftError("config", msgs.KEY_BAD_CHARACTERS(next_step=_NEXT))
        if settings.base_url and not _usable_base_url(settings.base_url):
            raise DraftError("config", msgs.BAD_SERVER_ADDRESS(next_step=_NEXT))
        self._settings = settings
        self._api_key = key
        self._keyless = keyless
        self._backoff_base_s = backoff_base_s

    def __repr__(self) -> str:  # never the key
        return f"OpenAIDrafter(model={self._settings.model!r}, server={self._server!r})"

    @property
    def _server(self) -> str:
        """Where drafts go, for messages: the host only (a base URL could carry credentials in it)."""
        if not self._settings.base_url:
            return "api.openai.com"
        return urlsplit(self._settings.base_url).hostname or "the configured server address"

    async def stream(self, request: DraftRequest, on_delta: Callable[[str], None]) -> DraftResult:
        """Stream a draft, calling `on_delta` with each sanitised piece; cancel the task to stop it.

        Retries 429, 5xx and unreachable servers up to `max_retries` times with backoff, but only
        while no text has reached the caller (a retry would repeat it). On cancellation the stream
        is closed, any held-back tail is delivered, and CancelledError propagates. The whole draft,
        retries included, ends by `deadline_s`: a server that trickles a character at a time stays
        within the read timeout for ever, so only an overall deadline stops it.
        """
        client = guarded_client_class()(  # the openai client with size limits and safe JSON on its stream
            api_key=self._api_key,
            base_url=self._settings.base_url or None,
            timeout=self._settings.timeout_s,
            max_retries=0,  # our loop retries, as it knows whether text was already shown
        )
        progress: _Progress | None = None
        deadline = asyncio.timeout(self._deadline_s)
        try:
            async with deadline:
                attempt = 0
                while True:
                    cap = max(4 * self._settings.char_limit, 4000)
                    progress = _Progress(StreamSanitizer(limit=cap), cap)
                    try:
                        return await self._attempt(client, request, on_delta, progress)
                    except DraftError as error:
                        delay = self._retry_delay(error, progress, attempt)
                        if delay is None:
                            log.info("Draft for %s failed: %s (%s)", request.design_id, error.kind, error.details)
                            raise
                        attempt += 1
                        log.info(
                            "Draft for %s failed (%s); retry %d of %d in %.2f s",
                            request.design_id,
                            error.kind,
                            attempt,
                            self._settings.max_retries,
                            delay,
                        )
                        await asyncio.sleep(delay)
        except TimeoutError:
            if not deadline.expired():
                raise
            error = self._past_deadline(progress.received if progress is not None else 0)
            log.info("Draft for %s failed: %s (%s)", request.design_id, error.kind, error.details)
            raise error from None
        finally:
            await client.close()

    @property
    def _deadline_s(self) -> float:
        deadline = self._settings.deadline_s
        return deadline if deadline > 0 else DescribeSettings.deadline_s

    def _retry_delay(self, error: DraftError, progress: _Progress, attempt: int) -> float | None:
        if progress.received or error.kind not in AUTO_RETRY_KINDS or not error.retryable:
            return None
        if attempt >= self._settings.max_retries:
            return None
        if progress.retry_after is not None:
            return progress.retry_after + random.uniform(0, 0.1)
        delay = min(self._backoff_base_s * 2**attempt, MAX_BACKOFF_S)
        return delay + random.uniform(0, delay / 2)  # jitter, so many clients do not retry in step

    async def _attempt(
        self, client: Any, request: DraftRequest, on_delta: Callable[[str], None], progress: _Progress
    ) -> DraftResult:
        import openai

        def deliver(piece: str) -> None:
            if piece:
                progress.received += len(piece)
                on_delta(piece)

        failure: DraftError | None = None
        try:
            stream = await client.chat.completions.create(
                model=request.model,
                messages=request.messages,
                temperature=request.temperature,
                max_tokens=request.max_tokens,  # not max_completion_tokens: local servers know this one
                stream=True,
            )
        except openai.APIError as exc:
            failure = self._map_api_error(exc, progress)
        if failure is not None:
            # Raised outside the except block, so no chained exception carries the server's words on.
            raise failure
        caught: Exception | None = None
        try:
            content_type = stream.response.headers.get("content-type", "")
            if "event-stream" not in content_type:
                raise _Malformed(f"content-type {content_type!r} instead of text/event-stream")
            async for chunk in stream:
                self._take_chunk(chunk, progress, deliver)
                if len(progress.sanitizer.text) >= progress.cap:
                    progress.finish_reason = "length"  # a server that ignores max_tokens; stop it here
                    break
        except asyncio.CancelledError:
            deliver(progress.sanitizer.finish())  # the held-back tail: the caller keeps all it was sent
            raise
        except (_Malformed, GarbledStream, openai.APIError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            caught = exc
        except (safejson.BadJSON, RecursionError) as exc:  # nested chunks, NaN, a chunk past its size cap
            caught = _Malformed(exc.problem if isinstance(exc, safejson.BadJSON) else "nesting past the stack")
        finally:
            await stream.close()
        deliver(progress.sanitizer.finish())
        if isinstance(caught, openai.APIError):
            raise self._map_api_error(caught, progress)
        if caught is not None:
            what = str(caught) if isinstance(caught, (_Malformed, GarbledStream)) else type(caught).__name__
            raise self._malformed(progress, what)
        return self._result(request, progress)

    def _take_chunk(self, chunk: Any, progress: _Progress, deliver: Callable[[str], None]) -> None:
        choices = getattr(chunk, "choices", None)
        if not isinstance(choices, list):
            raise _Malformed("a chunk without choices")
        progress.response_id = progress.response_id or str(getattr(chunk, "id", "") or "")
        for choice in choices:
            if getattr(choice, "index", 0) not in (0, None):
                continue  # we ask for one choice; ignore any others a server sends
            delta = getattr(choice, "delta", None)
            refusal = getattr(delta, "refusal", None)
            content = getattr(delta, "content", None)
            if isinstance(refusal, str):
                progress.refusal += refusal
            if isinstance(content, str):
                deliver(progress.sanitizer.feed(content))
            elif content is not None:
                raise _Malformed(f"content of type {type(content).__name__}")
            if getattr(choice, "finish_reason", None):
                progress.finish_reason = str(choice.finish_reason)

    def _result(self, request: DraftRequest, progress: _Progress) -> DraftResult:
        received = f"{progress.received} characters had arrived"
        if progress.refusal or progress.finish_reason == "content_filter":
            reason = self._scrub(progress.refusal[:200]) or "finish_reason content_filter"
            raise DraftError(
                "refusal",
                msgs.REFUSAL(),
                f"{reason}; {received}",
                received_chars=progress.received,
            )
        if progress.finish_reason is None:
            raise DraftError(
                "cut_off",
                msgs.CUT_OFF(),
                f"The stream ended without a finish reason; {received}.",
                retryable=True,
                received_chars=progress.received,
            )
        text = progress.sanitizer.text
        if not text:
            raise self._malformed(progress, "the stream held no text")
        log.debug("Draft for %s: %d characters, finish_reason=%s", request.design_id, len(text), progress.finish_reason)
        return DraftResult(
            text=text,
            language=request.language,
            source="openai",
            model=request.model,
            prompt=request.user_prompt,
            finish_reason=progress.finish_reason,
            created_at=time.time(),
            extra={"response_id": progress.response_id} if progress.response_id else {},
        )

    # --- errors ---

    def _scrub(self, text: str) -> str:
        return _KEYLIKE.sub("[hidden]", text.replace(self._api_key, "[hidden]"))

    def _past_deadline(self, received: int) -> DraftError:
        seconds = (msgs.ONE_SECOND if self._deadline_s == 1 else msgs.SECONDS)(count=self._deadline_s)
        if received:
            message = msgs.DEADLINE_PARTIAL(seconds=seconds)
        else:
            message = msgs.DEADLINE(seconds=seconds, next_step=_NEXT)
        details = f"{self._server}: overall deadline of {seconds} passed; {received} characters had arrived"
        return DraftError("timeout", message, details, retryable=True, received_chars=received)

    def _malformed(self, progress: _Progress, what: str) -> DraftError:
        return DraftError(
            "malformed",
            msgs.MALFORMED(next_step=_NEXT),
            f"{self._server}: {what}; {progress.received} characters had arrived.",
            retryable=True,
            received_chars=progress.received,
        )

    def _map_api_error(self, exc: Any, progress: _Progress) -> DraftError:
        import openai

        got = progress.received
        where = f"{self._server}; {got} characters had arrived"
        if isinstance(exc, openai.APITimeoutError):
            seconds = msgs.SECONDS(count=self._settings.timeout_s)
            if got:
                message = msgs.STALLED_PARTIAL(seconds=seconds)
            else:
                message = msgs.NO_ANSWER(seconds=seconds, next_step=_NEXT)
            return DraftError("timeout", message, where, retryable=True, received_chars=got)
        if isinstance(exc, openai.APIConnectionError):
            if got:
                return DraftError(
                    "cut_off",
                    msgs.CONNECTION_DROPPED(),
                    where,
                    retryable=True,
                    received_chars=got,
                )
            message = msgs.UNREACHABLE(server=self._server, next_step=_NEXT)
            return DraftError("network", message, where, retryable=True)
        if not isinstance(exc, openai.APIStatusError):  # an error event inside the stream
            said = self._scrub(str(getattr(exc, "message", "") or exc))[:300]
            message = msgs.SERVER_PROBLEM_PART_WAY(next_step=_NEXT)
            return DraftError("server", message, f"{where}; server said: {said}", retryable=True, received_chars=got)

        status = exc.status_code
        code = " ".join(str(v) for v in (getattr(exc, "type", None), getattr(exc, "code", None)) if v)
        said = self._scrub(str(getattr(exc, "message", "")))[:300]
        request_id = getattr(exc, "request_id", None) or ""
        details = (
            f"HTTP {status} {code}".strip() + f" from {where}; request id {request_id or '-'}; server said: {said}"
        )

        def error(kind: Any, message: Message, retryable: bool = False) -> DraftError:
            return DraftError(kind, message, details, retryable=retryable, received_chars=got)

        if status in (401, 403) and self._keyless:
            return error("auth", msgs.SERVER_WANTS_KEY(server=self._server, next_step=_NEXT))
        if status == 401:
            return error("auth", msgs.KEY_REFUSED(next_step=_NEXT))
        if status == 403:
            return error("auth", msgs.MODEL_FORBIDDEN(model=self._settings.model, next_step=_NEXT))
        if status == 429:
            if "insufficient_quota" in code or "billing" in code:
                return error("rate_limit", msgs.NO_CREDIT(next_step=_NEXT))
            progress.retry_after = _retry_after(exc.response.headers)
            if progress.retry_after is not None and progress.retry_after > MAX_RETRY_AFTER_S:
                wait = max(1, round(progress.retry_after))
                return error("rate_limit", msgs.WAIT_SECONDS(wait=wait, next_step=_NEXT), True)
            return error("rate_limit", msgs.BUSY(next_step=_NEXT), True)
        if status == 404 and "model" in f"{code} {said}".lower():
            return error("config", msgs.NO_SUCH_MODEL(model=self._settings.model, next_step=_NEXT))
        if status == 404:  # usually a local server's address without its /v1
            return error("config", msgs.NO_CHAT_ENDPOINT(server=self._server, next_step=_NEXT))
        if status in (408, 409) or status >= 500:
            return error("server", msgs.SERVER_ERROR(status=status, next_step=_NEXT), True)
        return error("config", msgs.REQUEST_REFUSED(status=status, next_step=_NEXT))


def _usable_base_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number from 0 to 65535
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and url.isprintable() and " " not in url


def _retry_after(headers: Any) -> float | None:
    """Seconds to wait from Retry-After (seconds or an HTTP date) or OpenAI's retry-after-ms."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            seconds = float(value) * scale
        except ValueError:
            continue
        if seconds == seconds:  # not NaN; "inf" and huge values are capped, and then exceed MAX_RETRY_AFTER_S
            return min(max(0.0, seconds), 86400.0)
    value = headers.get("retry-after")
    parsed = email.utils.parsedate_tz(value) if value else None
    try:
        return max(0.0, email.utils.mktime_tz(parsed) - time.time()) if parsed else None
    except (ValueError, OverflowError):  # a date past any calendar (year 99999): no hint, the usual message
        return None
