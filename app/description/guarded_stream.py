"""The `openai` client with its server-sent-event decoding limited: a line, an event and each JSON chunk have a size
cap, and every chunk is parsed through app/safejson.py.

The SDK's own decoder "imposes no line or event size limit" (a server that never sends a newline fills memory) and
parses each `data:` line with the plain json module (a line of nested brackets overflows the stack). Only the
decoder is replaced, through the client's own `_make_sse_decoder` hook; the rest of the SDK runs as it is.
"""

from __future__ import annotations

import functools
from typing import Any, AsyncIterator, Iterator

from app import safejson

MAX_EVENT_BYTES = 1024 * 1024  # one chunk of a chat stream is a few hundred bytes; a megabyte is no chunk


class GarbledStream(Exception):
    """The stream broke a limit no real chat stream comes near; the text says which (for details and the log)."""


@functools.cache
def guarded_client_class() -> type:
    """openai.AsyncOpenAI with the guarded decoder (built on first use: importing openai takes a while)."""
    import openai
    from openai._streaming import ServerSentEvent, SSEDecoder

    class GuardedEvent(ServerSentEvent):
        def json(self) -> Any:
            return safejson.loads(self.data, safejson.DRAFT_STREAM_PIECE(), max_bytes=MAX_EVENT_BYTES)

    class GuardedDecoder(SSEDecoder):
        def iter_bytes(self, iterator: Iterator[bytes]) -> Iterator[ServerSentEvent]:
            yield from super().iter_bytes(_capped_lines(iterator))

        async def aiter_bytes(self, iterator: AsyncIterator[bytes]) -> AsyncIterator[ServerSentEvent]:
            async for event in super().aiter_bytes(_async_capped_lines(iterator)):
                yield event

        def decode(self, line: str) -> ServerSentEvent | None:
            # An event is every line up to a blank one: many short data: lines, never a blank one, have no end.
            self._event_bytes = 0 if not line else getattr(self, "_event_bytes", 0) + len(line) + 1
            if self._event_bytes > MAX_EVENT_BYTES:
                raise GarbledStream(f"an event of more than {MAX_EVENT_BYTES} bytes")
            event = super().decode(line)
            if event is None:
                return None
            return GuardedEvent(event=event.event, data=event.data, id=event.id, retry=event.retry)

    class GuardedAsyncOpenAI(openai.AsyncOpenAI):
        def _make_sse_decoder(self) -> SSEDecoder:
            return GuardedDecoder()

    return GuardedAsyncOpenAI


class _LineCap:
    """Counts the bytes since the last line break across chunks."""

    def __init__(self) -> None:
        self.pending = 0

    def check(self, chunk: bytes) -> None:
        last = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
        self.pending = len(chunk) - last - 1 if last >= 0 else self.pending + len(chunk)
        if self.pending > MAX_EVENT_BYTES:
            raise GarbledStream(f"a line of more than {MAX_EVENT_BYTES} bytes")


def _capped_lines(iterator: Iterator[bytes]) -> Iterator[bytes]:
    cap = _LineCap()
    for chunk in iterator:
        cap.check(chunk)
        yield chunk


async def _async_capped_lines(iterator: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    cap = _LineCap()
    async for chunk in iterator:
        cap.check(chunk)
        yield chunk
