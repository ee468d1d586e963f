"""web3's HTTP provider with a node's reply treated as hostile input: capped, parsed safely, and matched to its request.

web3's own provider buffers the whole body (a node, or a proxy in front of it, can send gigabytes), parses it with
the plain json module (a deeply nested reply overflows the C stack once anything raises the recursion limit), and
never compares the reply's id with the request's, so a reply meant for another request is taken as the answer. Only
the two steps that touch the bytes are replaced here: reading the body and decoding it. Every failure is a
ChainError saying in plain words what the node did; the node's own bytes go to `details` only.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ReadTimeoutError
from web3 import HTTPProvider

from app import safejson
from app.chain import errors
from app.chain import messages as msgs
from app.reply_deadline import ReplyDeadline

MAX_REPLY_BYTES = 8 * 1024 * 1024  # a latest block with its hashes is ~50 KB; no call this app makes needs more
_READ_SIZE = 64 * 1024


class GuardedHTTPProvider(HTTPProvider):
    def __init__(
        self, endpoint_uri: str, network_name: str, timeout_s: float, max_reply_bytes: int = MAX_REPLY_BYTES, **kwargs
    ) -> None:
        super().__init__(
            endpoint_uri, request_kwargs={"timeout": timeout_s}, exception_retry_configuration=None, **kwargs
        )
        self.network_name = network_name
        self.timeout_s = timeout_s
        self.max_reply_bytes = max_reply_bytes
        # web3 encodes, posts and decodes one request on the calling thread; what decoding needs from the first two
        # steps (the id sent, the HTTP status) is kept per thread, as more than one thread may share a provider.
        self._exchange = threading.local()

    def encode_rpc_request(self, method, params) -> bytes:
        data = super().encode_rpc_request(method, params)
        self._exchange.sent_id = safejson.loads(data, safejson.NODE_REQUEST())["id"]  # our own bytes: the id web3 chose
        return data

    def _make_request(self, method, request_data: bytes) -> bytes:
        """POST the request and read at most `max_reply_bytes` of the reply, all within `timeout_s`."""
        cutoff = ReplyDeadline(self.timeout_s)
        _exchange.deadline = cutoff
        try:
            return self._post(request_data, time.monotonic() + self.timeout_s)
        except requests.RequestException as exc:
            if cutoff.cut:  # the head trickled in past the deadline: cut, as the body's loop below would be
                raise errors.timed_out(self.network_name, f"reply unfinished after {self.timeout_s:g} s") from exc
            raise
        finally:
            _exchange.deadline = None
            cutoff.stop()

    def _post(self, request_data: bytes, deadline: float) -> bytes:
        kwargs = self.get_request_kwargs()
        session = self._request_session_manager.cache_and_return_session(
            self.endpoint_uri, request_timeout=kwargs["timeout"]
        )
        if not isinstance(session.get_adapter(self.endpoint_uri), _WatchedAdapter):
            session.mount("http://", _WatchedAdapter())
            session.mount("https://", _WatchedAdapter())
        with session.post(self.endpoint_uri, data=request_data, stream=True, **kwargs) as response:
            self._exchange.status = response.status_code
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_reply_bytes:
                raise self._too_large(f"Content-Length {declared}")
            body = bytearray()
            try:
                for piece in response.iter_content(_READ_SIZE):
                    body += piece
                    if len(body) > self.max_reply_bytes:
                        raise self._too_large(f"more than {len(body)} bytes and still sending")
                    if time.monotonic() > deadline:  # a node trickling its reply, each byte just within the timeout
                        raise errors.timed_out(self.network_name, f"reply unfinished after {self.timeout_s:g} s")
            except requests.ConnectionError as exc:
                if exc.args and isinstance(exc.args[0], ReadTimeoutError):  # requests' name for a stall mid-body
                    raise requests.ReadTimeout(*exc.args) from None
                raise
            return bytes(body)

    def decode_rpc_response(self, raw_response: bytes) -> dict[str, Any]:
        status = getattr(self._exchange, "status", 200)
        sent_id = getattr(self._exchange, "sent_id", None)
        http = f"HTTP {status}, {len(raw_response)} bytes: {raw_response[:200]!r}"
        if not raw_response.strip():
            problem = msgs.REPLY_ERROR_ONLY(status=status) if status >= 400 else msgs.REPLY_EMPTY()
            raise errors.bad_reply(self.network_name, problem, http)
        try:
            reply = safejson.loads(raw_response, safejson.NODE_REPLY(), max_bytes=self.max_reply_bytes)
        except safejson.BadJSON as exc:
            if status >= 400:
                problem = msgs.REPLY_ERROR_PAGE(status=status)
            else:
                problem = msgs.REPLY_NOT_JSON_RPC()
            raise errors.bad_reply(self.network_name, problem, f"{exc.msg.english()} {http}") from None
        if not isinstance(reply, dict) or reply.get("jsonrpc") != "2.0":
            raise errors.bad_reply(self.network_name, msgs.REPLY_NOT_JSON_RPC(), http)
        error = reply.get("error")
        if "error" in reply and not (isinstance(error, dict) and isinstance(error.get("message"), str)):
            raise errors.bad_reply(self.network_name, msgs.REPLY_BAD_ERROR(), http)
        reply_id = reply.get("id")
        same_id = type(reply_id) is type(sent_id) and reply_id == sent_id  # 1 is not "1", nor True
        # JSON-RPC lets a node answer an error with a null id when it could not read the request's.
        if not same_id and not (reply_id is None and "error" in reply):
            raise errors.bad_reply(
                self.network_name,
                msgs.REPLY_OTHER_REQUEST(),
                f"request id {sent_id!r}, reply id {reply_id!r}; {http}",
            )
        if "error" not in reply and "result" not in reply:
            raise errors.bad_reply(self.network_name, msgs.REPLY_NO_RESULT(), http)
        if status >= 400 and "error" not in reply:
            raise errors.bad_reply(self.network_name, msgs.REPLY_HTTP_ERROR(status=status), http)
        return reply

    def make_batch_request(self, batch_requests):
        raise NotImplementedError("batches would bypass the reply checks; this app sends one request at a time")

    def _too_large(self, details: str) -> errors.ChainError:
        limit = self.max_reply_bytes // (1024 * 1024)
        return errors.bad_reply(self.network_name, msgs.REPLY_TOO_LARGE(limit=limit), details)


# The exchange's deadline, for the connection that reads its reply's head (on the thread making the request).
_exchange = threading.local()


class _Watched:
    """A connection that hands its socket to the exchange's deadline before reading the reply's head: a fresh
    connection or one kept alive from an earlier request alike."""

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        deadline = getattr(_exchange, "deadline", None)
        if deadline is not None:
            deadline.watch(self.sock)
        return super().getresponse(*args, **kwargs)


class _WatchedHTTP(_Watched, HTTPConnection):
    pass


class _WatchedHTTPS(_Watched, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTP


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPS


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _WatchedAdapter(HTTPAdapter):
    """requests' adapter, its connections watched (a proxy's too, except SOCKS, which has pools of its own)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager
