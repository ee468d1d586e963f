"""One overall deadline for an HTTP exchange, its reply's status line and headers included.

HTTP libraries bound each read by their timeout, not the exchange: a server that sends its reply a byte at a time,
each just within the timeout, holds the caller for hours, and the head is read inside the library, before any
caller's loop over the body can look at the clock. So the exchange's sockets are cut at the deadline
(`executors.after`), and shutting a socket down wakes the read that waits on it. httpx's `trace` extension names
each connection as it is made, redirects' included; for requests (which web3 uses), `app/chain/rpc_provider.py`'s
adapter hands over each connection's socket as the reply's head is read.

    deadline = ReplyDeadline(timeout_s)
    try:
        with client.stream(..., extensions={"trace": deadline.trace}) as reply: ...
    except httpx2.HTTPError:
        ...  # deadline.cut says whether the deadline was the reason
    finally:
        deadline.stop()
"""

from __future__ import annotations

import socket
import threading
from typing import Any

from app import executors


class ReplyDeadline:
    def __init__(self, seconds: float) -> None:
        self.cut = False
        self._sockets: list[Any] = []
        self._lock = threading.Lock()
        self._cancel = executors.after(seconds, self._cut_all)

    def trace(self, name: str, info: dict[str, Any]) -> None:
        """httpx's `trace` extension: told of each new connection."""
        if not name.endswith("connect_tcp.complete"):
            return
        stream = info.get("return_value")
        self.watch(stream.get_extra_info("socket") if stream is not None else None)

    def watch(self, sock: Any) -> None:
        """Cut `sock` too at the deadline (at once when it has passed)."""
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            late = self.cut
        if late:  # connected just as the deadline passed
            cut(sock)

    def stop(self) -> None:
        """The exchange is over: no cut-off (one already due may still shut sockets httpx has closed, harmlessly)."""
        self._cancel()

    def _cut_all(self) -> None:
        with self._lock:
            self.cut = True
            sockets = list(self._sockets)
        for sock in sockets:
            cut(sock)


def cut(sock: Any) -> None:
    """Break a connection another thread is reading: its read returns at once (closing alone would not wake it)."""
    if sock is None:
        return
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's, also for TLS: wakes a blocked read
    except (OSError, TypeError, ValueError):
        pass
