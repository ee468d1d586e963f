"""The kiosk's HTTP side of the wire protocol (app/fleet/wire.py): requests to the generation server, its refusals
turned into sentences, and its NDJSON stream read one capped line at a time.

Everything the server sends is hostile: plain replies are capped, every line of a stream is capped and checked by
`wire.decode_line`, and a server that stops sending is cut off by the read timeout. HTTP is httpx (the `httpx2`
distribution, imported where used: the window starts without it): a client per request with one shared TLS
context, no proxy from the environment for a server on this machine, no redirects (the token goes to the address
the person set, nowhere else).

A request that never reached the server (refused connection, unknown host, bad certificate) raises
`ServerRefused`; one whose connection broke after it was sent raises `Dropped`, since the server may have it.
"""

from __future__ import annotations

import logging
import math
import ssl
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator

from app.errors import RequestError, UserFacingError
from app.fleet import remote_messages as msgs
from app.fleet import wire
from app.messages import Message
from app.reply_deadline import ReplyDeadline
from app.urls import check_service_url, is_loopback, shared_ssl_context

if TYPE_CHECKING:
    import httpx2

log = logging.getLogger(__name__)

SERVICE = "generation server"  # app/urls.py's key: names the service in a refused address
MAX_REPLY_BYTES = 8 * 1024 * 1024  # /health, /models, /cancel and refusals: a model list of hundreds fits
MAX_RETRY_AFTER_S = 3600


class Refusal:
    """Why the server did not take a request (`ServerRefused.kind`)."""

    UNREACHABLE = "unreachable"
    TLS = "tls"
    ADDRESS = "address"
    NO_TOKEN = "no_token"
    UNAUTHORIZED = "unauthorized"
    REVOKED = "revoked"
    BUSY = "busy"
    RATE_LIMITED = "rate_limited"
    BAD_REQUEST = "bad_request"
    IN_PROGRESS = "in_progress"
    NOT_FOUND = "not_found"
    STATUS = "status"
    BAD_REPLY = "bad_reply"


class ServerRefused(RequestError):
    """The server did not take the request; `kind` (a `Refusal`) says why, `retry_after` in seconds when the
    server named a wait."""

    def __init__(self, kind: str, message: str | Message, details: str = "", retry_after: float = 0.0) -> None:
        super().__init__(message, details)
        self.kind = kind
        self.retry_after = retry_after


class Dropped(Exception):
    """The connection broke after the request was sent: the server may have the job (retry with its job_key)."""


@dataclass(frozen=True)
class ServerStatus:
    """What the status bar shows of the server: whether it answers, what it runs on and how busy it is."""

    reachable: bool
    device: str = ""  # e.g. "CUDA · NVIDIA H200"; "" until the server said
    queued: int = 0  # requests waiting on the server, all kiosks together
    running: int = 0
    position: int | None = None  # this computer's job in the server's queue (0 = next), None when none waits
    message: Message | None = None  # why it is not reachable or usable, in words


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def _ssl_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(8):  # httpx wraps httpcore's error, which wraps the ssl module's
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _seconds(value: Any) -> int:
    """A server's "retry after" as whole seconds a person can wait (at least 1, at most an hour)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 5
    if not math.isfinite(number):
        return 5
    return int(min(MAX_RETRY_AFTER_S, max(1, math.ceil(number))))


class ServerConnection:
    """Requests to one server with one token. Thread-safe: each request has its own HTTP client."""

    def __init__(self, url: str, token: str, timeout_s: float = 30.0) -> None:
        self.raw_url = url
        self.token = token
        self.timeout_s = timeout_s

    # ----- addresses and errors -----
    @property
    def url(self) -> str:
        """The address as Settings check it (settings.toml may have been edited by hand); ServerRefused if unusable."""
        try:
            checked = check_service_url(self.raw_url, SERVICE)
        except ValueError as exc:
            message = exc.msg if isinstance(exc, UserFacingError) else str(exc)
            raise ServerRefused(Refusal.ADDRESS, message, "generation server address rejected") from None
        if not checked:
            from app.fleet.settings import NO_SERVER_ADDRESS

            raise ServerRefused(Refusal.ADDRESS, NO_SERVER_ADDRESS())
        return checked

    def scrub(self, text: str) -> str:
        return text.replace(self.token, "****") if self.token else text

    def unreachable(self, exc: BaseException | str) -> ServerRefused:
        details = self.scrub(f"{type(exc).__name__}: {exc}" if isinstance(exc, BaseException) else exc)
        origin = _origin(self.raw_url)
        if isinstance(exc, BaseException) and _ssl_failure(exc):
            return ServerRefused(Refusal.TLS, msgs.TLS_FAILED(url=origin), details)
        return ServerRefused(Refusal.UNREACHABLE, msgs.UNREACHABLE(url=origin), details)

    def refusal(self, status: int, body: bytes, headers: Any = None) -> ServerRefused:
        """The sentence for a reply that is not 200: the protocol's refusals by their `error`, else the status."""
        try:
            reply = wire.decode_reply(body)
        except wire.WireError:
            reply = {}
        error = reply.get("error") if isinstance(reply.get("error"), str) else ""
        wait = reply.get("retry_after", (headers or {}).get("Retry-After") if headers is not None else None)
        details = f"HTTP {status} {error}".strip()
        if not error and status in (404, 502, 503, 504):  # not the application: a proxy with no server behind it
            return self.unreachable(f"{details} {body[:200]!r}")
        if status == 401 or error == "unauthorized":
            return ServerRefused(Refusal.UNAUTHORIZED, msgs.UNAUTHORIZED(), details)
        if status == 403 or error == "revoked":
            return ServerRefused(Refusal.REVOKED, msgs.REVOKED(), details)
        if status == 429 or error == "rate_limited":
            seconds = _seconds(wait)
            return ServerRefused(Refusal.RATE_LIMITED, msgs.RATE_LIMITED(seconds=seconds), details, seconds)
        if status == 503 or error == "busy":
            seconds = _seconds(wait)
            return ServerRefused(Refusal.BUSY, msgs.BUSY(seconds=seconds), details, seconds)
        if status == 409 or error == "in_progress":
            return ServerRefused(Refusal.IN_PROGRESS, msgs.SERVER_ERROR(status=status), details)
        if status == 400 and "message" in reply:
            said = wire.message_from_dict(reply["message"])
            return ServerRefused(Refusal.BAD_REQUEST, said, details + " " + self.scrub(said.english())[:400])
        if status == 404 or error == "not_found":
            return ServerRefused(Refusal.NOT_FOUND, msgs.SERVER_ERROR(status=status), details)
        return ServerRefused(Refusal.STATUS, msgs.SERVER_ERROR(status=status), details + f" {body[:200]!r}")

    # ----- requests -----
    def _client(self) -> httpx2.Client:
        import httpx2

        timeout = self.timeout_s
        return httpx2.Client(
            verify=shared_ssl_context(),
            trust_env=not is_loopback(self.raw_url),  # a server on this machine is never reached through a proxy
            timeout=httpx2.Timeout(timeout),
            follow_redirects=False,
        )

    def _headers(self, authorised: bool) -> dict[str, str]:
        # Identity: the caps count the bytes that arrive, so a compressed reply cannot expand past them in memory.
        headers = {"Accept-Encoding": "identity"}
        if authorised:
            if not self.token:
                raise ServerRefused(Refusal.NO_TOKEN, msgs.NO_TOKEN())
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def request_json(self, method: str, path: str, body: Any = None, *, authorised: bool = True) -> dict[str, Any]:
        """A plain request and its JSON object reply; ServerRefused for a refusal, an unreachable server or a reply
        that is not the protocol (a hostile or broken server)."""
        import httpx2

        url = self.url + path
        headers = self._headers(authorised)
        deadline = ReplyDeadline(self.timeout_s)
        try:
            with self._client() as client:
                trace = {"trace": deadline.trace}
                with client.stream(method, url, json=body, headers=headers, extensions=trace) as reply:
                    payload = self._read_capped(reply)
                    status, reply_headers = reply.status_code, reply.headers
        except (httpx2.ConnectError, httpx2.ConnectTimeout) as exc:
            raise self.unreachable(exc) from None
        except (httpx2.InvalidURL, httpx2.UnsupportedProtocol) as exc:
            raise ServerRefused(
                Refusal.ADDRESS, msgs.UNREACHABLE(url=_origin(self.raw_url)), self.scrub(str(exc))
            ) from None
        except httpx2.HTTPError as exc:  # it answered, then broke off or went quiet
            raise self.unreachable(f"no whole reply after {self.timeout_s:g} s" if deadline.cut else exc) from None
        finally:
            deadline.stop()
        if status != 200:
            raise self.refusal(status, payload, reply_headers)
        try:
            return wire.decode_reply(payload)
        except wire.WireError as exc:
            raise ServerRefused(Refusal.BAD_REPLY, exc.msg, exc.details) from None

    def _read_capped(self, reply: httpx2.Response) -> bytes:
        declared = reply.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > MAX_REPLY_BYTES:
            raise ServerRefused(Refusal.BAD_REPLY, wire.WireError(wire.TOO_LONG).msg, f"Content-Length {declared}")
        payload = bytearray()
        for chunk in reply.iter_raw():
            payload += chunk
            if len(payload) > MAX_REPLY_BYTES:
                raise ServerRefused(
                    Refusal.BAD_REPLY, wire.WireError(wire.TOO_LONG).msg, f"over {MAX_REPLY_BYTES} bytes"
                )
        return bytes(payload)

    @contextmanager
    def stream_lines(
        self, path: str, body: dict[str, Any], on_socket: Callable[[Any], None]
    ) -> Iterator[Iterator[dict[str, Any]]]:
        """POST `body` and yield the reply's decoded lines. `on_socket(sock)` is given the connection's socket once
        the reply has begun (so another thread can cut it, see `cut`), and None when it ends. ServerRefused when the
        request never reached the server or was refused; Dropped when the connection broke or went quiet after it
        was sent (the lines read until then were already yielded); WireError for a line that is not the protocol."""
        import httpx2

        url = self.url + path
        headers = self._headers(True)
        sent = False
        head = ReplyDeadline(self.timeout_s)  # the lines have their own timeouts; the head must not trickle for ever
        try:
            with self._client() as client:
                with client.stream("POST", url, json=body, headers=headers, extensions={"trace": head.trace}) as reply:
                    head.stop()
                    sent = True
                    if reply.status_code != 200:
                        raise self.refusal(reply.status_code, self._read_capped(reply), reply.headers)
                    stream = reply.extensions.get("network_stream")
                    on_socket(stream.get_extra_info("socket") if stream is not None else None)
                    try:
                        yield _lines(reply)
                    finally:
                        on_socket(None)
        except (httpx2.ConnectError, httpx2.ConnectTimeout) as exc:
            raise self.unreachable(exc) from None
        except (httpx2.InvalidURL, httpx2.UnsupportedProtocol) as exc:
            raise ServerRefused(
                Refusal.ADDRESS, msgs.UNREACHABLE(url=_origin(self.raw_url)), self.scrub(str(exc))
            ) from None
        except (httpx2.HTTPError, OSError) as exc:
            if not sent and isinstance(exc, (httpx2.WriteError, httpx2.WriteTimeout)):
                raise self.unreachable(exc) from None
            why = f"no reply's head after {self.timeout_s:g} s" if head.cut else f"{type(exc).__name__}: {exc}"
            raise Dropped(self.scrub(why)) from None
        finally:
            head.stop()


def _lines(reply: httpx2.Response) -> Iterator[dict[str, Any]]:
    """Each line of the reply, decoded and checked; a line past the protocol's cap is refused before it is whole.
    The end of the stream without a line ending (a broken connection) raises Dropped."""
    buffer = bytearray()
    for chunk in reply.iter_raw():
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if len(buffer) + len(piece) > wire.MAX_LINE_BYTES:
                raise wire.WireError(wire.TOO_LONG, f"over {wire.MAX_LINE_BYTES} bytes")
            buffer += piece
            if end < 0:
                break
            start = end + 1
            line = bytes(buffer)
            buffer.clear()
            if line.strip():
                yield wire.decode_line(line)
    if bytes(buffer).strip():
        raise Dropped("the stream ended inside a line")
