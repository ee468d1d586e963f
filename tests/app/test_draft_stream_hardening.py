"""An OpenAI-compatible server that misbehaves on purpose: it trickles a character at a time (each read within the
timeout, the draft never done), or streams chunks that are nested past the stack, huge, or not JSON at all. Each
ends as a plain DraftError; text that already arrived is kept. Real `openai` client, real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time

import pytest

from app.description import DescribeSettings, DraftError, OpenAIDrafter, build_request
from app.description.keys import ApiKeyStore
from app.description.service import DescriptionService
from app.library.store import Library
from tests.app.test_description_drafters import API_KEY, TEXT, draft, make_design
from tests.fixtures.designs import add_plain_design
from tests.fixtures.openai_server import FakeOpenAIServer, hostile, server_error, stream, trickle

pytestmark = pytest.mark.timeout(60)

DEADLINE_S = 1.0


@pytest.fixture
def server():
    with FakeOpenAIServer() as running:
        yield running


def _settings(server, **changes) -> DescribeSettings:
    values = dict(base_url=server.base_url, timeout_s=2.0, deadline_s=DEADLINE_S, max_retries=0)
    values.update(changes)
    return DescribeSettings(**values)


def _chunk(delta: dict) -> bytes:
    payload = {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
    }
    return b"data: " + json.dumps(payload).encode() + b"\n\n"


# --- an overall deadline --------------------------------------------------------------------------


@pytest.mark.parametrize("every_s", [0.05, 0.4])
def test_a_server_trickling_a_character_at_a_time_meets_the_deadline_and_the_text_is_kept(server, every_s):
    pieces: list[str] = []
    outcome, _, seconds = draft(server, trickle(TEXT, every_s), settings=_settings(server), on_delta=pieces.append)
    assert isinstance(outcome, DraftError) and outcome.kind == "timeout" and outcome.retryable
    assert DEADLINE_S <= seconds < DEADLINE_S + 1.5
    assert outcome.received_chars == len("".join(pieces)) > 0 and TEXT.startswith("".join(pieces))
    assert "took longer than 1 second" in outcome.message and "partial text" in outcome.message
    assert server.disconnected.wait(5)  # the connection was closed, not left trickling


@pytest.mark.parametrize("chunk", [{"content": ""}, {}])
def test_a_server_that_sends_only_empty_chunks_meets_the_deadline_too(server, chunk):
    """Keep-alive chunks with no text, each well within the read timeout: nothing for the length cap to count."""
    empties = dataclasses.replace(hostile(*[_chunk(chunk)] * 400), delay_s=0.05)
    outcome, pieces, seconds = draft(server, empties, settings=_settings(server))
    assert isinstance(outcome, DraftError) and outcome.kind == "timeout" and pieces == []
    assert DEADLINE_S <= seconds < DEADLINE_S + 1.5
    assert "did not finish a draft within 1 second" in outcome.message and "offline draft" in outcome.message


def test_retries_share_one_deadline(server):
    slow_failure = dataclasses.replace(server_error(503), wait_before_s=0.4)
    settings = _settings(server, max_retries=10)
    outcome, _, seconds = draft(server, *[slow_failure] * 20, settings=settings)
    assert isinstance(outcome, DraftError) and outcome.kind == "timeout" and seconds < DEADLINE_S + 1.5
    assert "did not finish a draft within 1 second" in outcome.message


def test_a_normal_draft_is_not_touched_by_the_deadline(server):
    result, pieces, _ = draft(server, stream(TEXT, chunks=10, delay_s=0.01), settings=_settings(server))
    assert result.text == TEXT == "".join(pieces)


def test_the_service_stores_the_partial_text_and_says_why(server, tmp_path):
    ApiKeyStore().set(API_KEY)
    library = Library.open(tmp_path / "data")
    try:
        design = add_plain_design(library)
        service = DescriptionService(library, settings=lambda: _settings(server))
        server.script(trickle(TEXT, 0.1))
        shown: list[str] = []
        outcome = asyncio.run(service.draft(design, "en", shown.append))
        assert outcome.partial_error is not None and outcome.partial_error.kind == "timeout"
        assert outcome.record.text == "".join(shown) != "" and outcome.record.finish_reason == "timeout"
        assert [d.text for d in library.drafts(design.id)] == [outcome.record.text]
    finally:
        library.close()


# --- chunks that are not chat-completion chunks ----------------------------------------------------

NESTED = {
    "a line of open brackets": b"data: " + b"[" * 100_000 + b"\n\n",
    "closed brackets": b"data: " + b"[" * 5000 + b"]" * 5000 + b"\n\n",
    "nested objects in the content": b'data: {"choices": [{"index": 0, "delta": {"content": '
    + b'{"a": ' * 3000
    + b"1"
    + b"}" * 3000
    + b"}}]}\n\n",
    "nested error": b'data: {"error": ' + b"[" * 50_000 + b"\n\n",
}
HUGE = {
    "a 3 MB chunk": _chunk({"content": "a" * 3_000_000}),
    "a line that never ends": b"data: " + b"a" * 3_000_000,
    "a million short data lines": b"data: x\n" * 300_000,
    "a 2 MB comment": b": " + b"k" * 2_000_000 + b"\n\n",
}
NOT_JSON = {
    "HTML": b"data: <html><body>502 Bad Gateway</body></html>\n\n",
    "plain words": b"data: hello world\n\n",
    "NaN": b'data: {"choices": NaN}\n\n',
    "truncated": b'data: {"choices": [{"delta": {"content": "bro\n\n',
    "Latin-1": 'data: {"choices": "caf\u00e9"}\n\n'.encode("latin-1"),
    "a list": b"data: [1, 2, 3]\n\n",
    "a number": b"data: 42\n\n",
    "null": b"data: null\n\n",
    "choices as text": b'data: {"choices": "many"}\n\n',
    "content as a list": _chunk({"content": ["a"]}),
}
ALL = {**NESTED, **HUGE, **NOT_JSON}


@pytest.mark.parametrize("name", list(ALL))
def test_a_hostile_chunk_gives_the_garbled_draft_error_not_a_crash(server, name):
    outcome, pieces, seconds = draft(server, hostile(ALL[name], text=TEXT), settings=_settings(server))
    assert isinstance(outcome, DraftError), (name, outcome)
    assert outcome.kind == "malformed" and "garbled" in outcome.message and seconds < 5
    assert pieces == [] and "[[[" not in outcome.message + outcome.details


@pytest.mark.parametrize("name", ["a line of open brackets", "a 3 MB chunk", "HTML"])
def test_a_hostile_chunk_after_some_text_keeps_that_text(server, name):
    first = _chunk({"content": "Pearl white SM6 under the harbour lights. "})
    pieces: list[str] = []
    settings = _settings(server)
    server.script(hostile(_chunk({"role": "assistant", "content": ""}), first, ALL[name]))
    request = build_request(make_design(), "en", settings)
    with pytest.raises(DraftError) as caught:
        asyncio.run(OpenAIDrafter(settings, API_KEY).stream(request, pieces.append))
    assert caught.value.kind == "malformed" and caught.value.received_chars == len("".join(pieces)) > 0


@pytest.mark.parametrize(
    "base_url", ["http://[::1", "http://localhost:99999/v1", "http://local host/v1", "ftp://x/v1", "not a url"]
)
def test_an_unusable_server_address_is_a_setting_to_fix(base_url):
    started = time.monotonic()
    with pytest.raises(DraftError) as caught:
        OpenAIDrafter(DescribeSettings(base_url=base_url), API_KEY)
    assert caught.value.kind == "config" and "server address" in caught.value.message
    assert time.monotonic() - started < 0.5
