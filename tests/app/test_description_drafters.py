"""Drafting descriptions: the real `openai` client against a real local server, the offline templates, the sanitiser."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import socket
import time
import unicodedata

import pytest

from app.description import (
    DescribeSettings,
    DraftError,
    OfflineDrafter,
    OpenAIDrafter,
    StreamSanitizer,
    build_request,
    clean_text,
    load_system_prompt,
    prompting,
    safe_text,
)
from app.generation.request import GenerationRequest
from app.library.models import Design
from tests.fixtures.openai_server import (
    FakeOpenAIServer,
    Reply,
    error,
    insufficient_quota,
    rate_limited,
    server_error,
    stream,
    unauthorized,
)

API_KEY = "sk-test-S3cr3tK3yS3cr3tK3yS3cr3tK3y"
TEXT = (
    "This Renault SM6 Inspire glows in pearl white under the lights of Gwangan Bridge. "
    "Calm, elegant and unmistakably yours, it was shaped from a few words into a car of its own."
)
KOREAN = "광안대교 불빛 아래 펄 화이트로 빛나는 르노 SM6 인스파이어입니다. 차분하고 우아한 분위기가 흐릅니다."


def make_design(design_id="design-1", prompt="pearl white SM6, calm and elegant, crimson sky", **kw) -> Design:
    request = GenerationRequest(
        prompt=prompt,
        preset=kw.pop("preset", "busan-night"),
        seed=7,
        source=kw.pop("source", "none"),
        source_design_id=kw.get("parent_id"),
    )
    fields = dict(created_at=0.0, image_sha256="0" * 64, image_path="/tmp/x.png", request=request, seed=424242)
    fields.update(prompt_final=prompt, negative_final="", model_name="tiny", model_hash="h", device="cpu")
    fields.update(parent_id=None, favourite=False, width=512, height=512)
    fields.update(kw)
    return Design(id=design_id, **fields)


@pytest.fixture
def server():
    with FakeOpenAIServer() as running:
        yield running


def draft(server, *replies, then=None, settings=None, language="en", on_delta=None):
    """Run one streamed draft; returns (result or DraftError, pieces, seconds)."""
    server.script(*replies, then=then)
    settings = settings or DescribeSettings(base_url=server.base_url, timeout_s=5.0)
    request = build_request(make_design(), language, settings)
    pieces: list[str] = []
    drafter = OpenAIDrafter(settings, API_KEY, backoff_base_s=0.01)
    started = time.monotonic()
    try:
        outcome = asyncio.run(drafter.stream(request, on_delta or pieces.append))
    except DraftError as exc:
        outcome = exc
    return outcome, pieces, time.monotonic() - started


# --- streaming ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, language", [(TEXT, "en"), (KOREAN, "ko")])
def test_stream_arrives_in_order_and_in_pieces(server, text, language):
    arrivals: list[tuple[float, str]] = []
    on_delta = lambda p: arrivals.append((time.monotonic(), p))  # noqa: E731
    result, _, _ = draft(server, stream(text, chunks=8, delay_s=0.03), language=language, on_delta=on_delta)
    pieces = [p for _, p in arrivals]
    assert len(pieces) >= 5
    assert "".join(pieces) == result.text == text
    assert arrivals[-1][0] - arrivals[0][0] > 0.1  # shown as it arrives, not all at the end
    assert (result.source, result.finish_reason, result.language) == ("openai", "stop", language)

    (received,) = server.requests
    body = received.body
    assert (body["model"], body["temperature"], body["max_tokens"], body["stream"]) == ("gpt-4o-mini", 0.8, 700, True)
    assert body["messages"][1]["content"] == result.prompt
    assert received.headers["authorization"] == f"Bearer {API_KEY}"
    assert server.key_outside_authorization(API_KEY) == []


def test_markup_and_control_characters_never_reach_the_editor(server):
    raw = "## A title\n\n**Pearl** white <b>SM6</b>\x1b[31m, `Inspire`\u202e trim.\x00\n- calm\n\n\n\nend"
    result, pieces, _ = draft(server, stream(raw, chunks=len(raw) // 2))  # 2-character chunks split "**" and tags
    assert "".join(pieces) == result.text == "A title\n\nPearl white SM6, Inspire trim.\ncalm\n\nend"


def test_finish_reason_length_returns_the_text_and_says_so(server):
    result, pieces, _ = draft(server, stream(TEXT, chunks=5, finish_reason="length"))
    assert result.finish_reason == "length" and result.text == TEXT == "".join(pieces)


def test_cancel_mid_stream_keeps_the_partial_text_and_closes_the_connection(server):
    server.script(stream(TEXT * 3, chunks=200, delay_s=0.05))
    settings = DescribeSettings(base_url=server.base_url)
    drafter = OpenAIDrafter(settings, API_KEY)
    pieces: list[str] = []

    async def scenario() -> float:
        some_text = asyncio.Event()

        def on_delta(piece: str) -> None:
            pieces.append(piece)
            if len("".join(pieces)) > 20:
                some_text.set()

        task = asyncio.create_task(drafter.stream(build_request(make_design(), "en", settings), on_delta))
        await asyncio.wait_for(some_text.wait(), 10)
        task.cancel()
        cancelled_at = time.monotonic()
        with pytest.raises(asyncio.CancelledError):
            await task
        return time.monotonic() - cancelled_at

    stop_took = asyncio.run(scenario())
    partial = "".join(pieces)
    assert stop_took < 1.0
    assert 20 < len(partial) < len(TEXT * 3) and (TEXT * 3).startswith(partial)
    assert server.disconnected.wait(5), "the server should see the client hang up"


# --- failures -------------------------------------------------------------------------------------

FORBIDDEN = error(403, "Project does not have access to model", "invalid_request_error")
NO_MODEL = error(404, "The model `gpt-9` does not exist", "invalid_request_error", "model_not_found")
FAILURES = {  # replies, then (every later reply), kind, retryable, requests the server saw, words in the message
    "bad key": ([unauthorized()], None, "auth", False, 1, "key was refused"),
    "forbidden": ([FORBIDDEN], None, "auth", False, 1, "not allowed"),
    "no credit": ([insufficient_quota()], None, "rate_limit", False, 1, "run out of credit"),
    "rate limited": ([], rate_limited("0"), "rate_limit", True, 3, "too many requests"),
    "server down": ([], server_error(503), "server", True, 3, "error 503"),
    "unknown model": ([NO_MODEL], None, "config", False, 1, "does not offer"),
    "dropped": ([stream(TEXT, chunks=6, cut_after=3)], stream(TEXT), "cut_off", True, 1, "part-way"),
    "no finish": ([stream(TEXT, chunks=6, cut_after=3, clean_eof=True)], stream(TEXT), "cut_off", True, 1, "part-way"),
    "garbled": ([stream(TEXT, chunks=6, malformed_at=2)], stream(TEXT), "malformed", True, 1, "garbled"),
    "filtered": ([stream(TEXT, finish_reason="content_filter")], None, "refusal", False, 1, "declined"),
    "refused": ([stream("", refusal="I'm sorry, but I can't help with that.")], None, "refusal", False, 1, "declined"),
    "not sse": ([Reply(text="{}", content_type="application/json")], None, "malformed", True, 1, "garbled"),
}


@pytest.mark.parametrize("name", FAILURES)
def test_each_failure_maps_to_a_plain_message_with_a_next_step(server, name):
    replies, then, kind, retryable, requests, words = FAILURES[name]
    outcome, pieces, _ = draft(server, *replies, then=then)
    assert isinstance(outcome, DraftError) and (outcome.kind, outcome.retryable) == (kind, retryable)
    message = str(outcome)
    assert words in message and message.endswith(".") and "\n" not in message and "{" not in message
    assert any(step in message for step in ("Settings", "Try again", "try again", "offline", "yourself"))
    assert len(server.requests) == requests
    assert outcome.received_chars == len("".join(pieces))  # what the caller already holds
    if name in ("dropped", "no finish", "garbled"):
        assert pieces and TEXT.startswith("".join(pieces))


def test_rate_limit_is_retried_after_the_servers_retry_after(server):
    settings = DescribeSettings(base_url=server.base_url, timeout_s=5.0)
    server.script(rate_limited(retry_after="1"), stream(TEXT))
    drafter = OpenAIDrafter(settings, API_KEY, backoff_base_s=0.0)
    started = time.monotonic()
    result = asyncio.run(drafter.stream(build_request(make_design(), "en", settings), lambda p: None))
    assert result.text == TEXT and len(server.requests) == 2
    assert time.monotonic() - started >= 1.0


@pytest.mark.parametrize("when", ["Mon, 01 Jan 99999 00:00:00 GMT", "Fri, 31 Dec 99999999999999999999 23:59:59 GMT"])
def test_a_retry_after_date_past_any_calendar_gives_the_usual_rate_limit_message(server, when):
    usual, _, _ = draft(server, then=rate_limited("0"))
    outcome, _, _ = draft(server, then=rate_limited(when))
    assert isinstance(outcome, DraftError) and (outcome.kind, outcome.retryable) == ("rate_limit", True)
    assert str(outcome) == str(usual) and "too many requests" in str(outcome)


@pytest.mark.parametrize("first", [server_error(500), rate_limited(retry_after=None)], ids=["500", "429"])
def test_a_passing_failure_is_retried_and_then_succeeds(server, first):
    result, pieces, _ = draft(server, first, stream(TEXT, chunks=3))
    assert result.text == "".join(pieces) == TEXT and len(server.requests) == 2


def test_no_retry_once_text_was_shown_so_nothing_is_duplicated(server):
    outcome, pieces, _ = draft(server, stream(TEXT, chunks=6, cut_after=2), then=stream(TEXT))
    assert outcome.kind == "cut_off" and len(server.requests) == 1
    assert TEXT.startswith("".join(pieces)) and len("".join(pieces)) < len(TEXT)


def test_a_silent_server_times_out(server):
    settings = DescribeSettings(base_url=server.base_url, timeout_s=0.5)
    outcome, _, took = draft(server, Reply(wait_before_s=5, text=TEXT), settings=settings)
    assert outcome.kind == "timeout" and "0.5 seconds" in str(outcome)
    assert took < 3 and len(server.requests) == 1


def test_an_unreachable_server_is_a_network_error():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = DescribeSettings(base_url=f"http://127.0.0.1:{port}/v1", timeout_s=2.0, max_retries=1)
    drafter = OpenAIDrafter(settings, API_KEY, backoff_base_s=0.01)
    with pytest.raises(DraftError) as caught:
        asyncio.run(drafter.stream(build_request(make_design(), "en", settings), lambda p: None))
    assert caught.value.kind == "network" and caught.value.retryable
    assert "Could not reach the drafting server (127.0.0.1)" in str(caught.value)


def test_setting_mistakes_are_explained(server):
    for key, url in (("  ", ""), ("sk-abc\ndef", ""), (API_KEY, "localhost:1234/v1")):
        with pytest.raises(DraftError) as caught:
            OpenAIDrafter(DescribeSettings(base_url=url), key)
        assert caught.value.kind == "config" and "Settings" in str(caught.value)
    outcome, _, _ = draft(server, stream(TEXT), settings=DescribeSettings(base_url=server.base_url.removesuffix("/v1")))
    assert outcome.kind == "config" and "ends in /v1" in str(outcome)


def test_the_api_key_never_appears_in_errors_or_logs(server, caplog):
    caplog.set_level(logging.DEBUG)
    secret_core = API_KEY[8:]
    errors = []
    for reply in (unauthorized(shown_key=API_KEY), server_error(500), stream(TEXT, cut_after=1)):
        outcome, _, _ = draft(server, reply, then=reply)
        errors.append(outcome)
    assert all(isinstance(e, DraftError) for e in errors)
    for e in errors:
        assert e.__cause__ is None and e.__context__ is None  # no chained exception carries the server's words
        for text in (str(e), e.details, repr(e)):
            assert secret_core not in text
    for record in caplog.records:
        assert secret_core not in record.getMessage() and secret_core not in str(record.exc_text or "")
    assert secret_core not in repr(OpenAIDrafter(DescribeSettings(), API_KEY))
    assert server.key_outside_authorization(API_KEY) == []


def test_the_fixture_also_answers_without_streaming(server):
    import openai

    server.script(Reply(text=TEXT))

    async def ask() -> str:
        async with openai.AsyncOpenAI(api_key=API_KEY, base_url=server.base_url, max_retries=0) as client:
            reply = await client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
            return reply.choices[0].message.content

    assert asyncio.run(ask()) == TEXT


# --- the sanitiser --------------------------------------------------------------------------------

CLEANING = [
    ("# Header\n## Sub\n**bold** *it* __u__ ~~gone~~ `code`", "Header\nSub\nbold it u gone code"),
    ("- one\n* two\n+ three\n• four\n1. kept", "one\ntwo\nthree\nfour\n1. kept"),
    ("<p>Hello <b>SM6</b></p><script>x</script>&amp; &lt;i&gt;no&lt;/i&gt; a < b", "Hello SM6\nx& no a < b"),
    ("[Renault](https://renault.co.kr) ![car](c.png) [kept]", "Renault car [kept]"),
    ("bell\x07 nul\x00 esc\x1b[1m bidi\u202etext\ttab\r\nline", "bell nul esc biditext tab\nline"),
    ("a\n\n\n\n\nb   c  \n", "a\n\nb c"),
    ("snake_case, 2~3 km, _soft_", "snake_case, 2~3 km, soft"),
    ("\u1112\u1161\u11ab \u1100\u1173\u11af e\u0301", "한 글 é"),
]


@pytest.mark.parametrize("raw, expected", CLEANING)
def test_clean_text_leaves_plain_text(raw, expected):
    cleaned = clean_text(raw)
    assert cleaned == expected
    assert json.loads(json.dumps(cleaned)) == cleaned and cleaned.encode("utf-8")
    assert unicodedata.is_normalized("NFC", cleaned)


def test_over_long_lines_are_broken_and_the_limit_is_kept():
    cleaned = clean_text("A" * 1000 + " end")
    assert max(len(line) for line in cleaned.splitlines()) <= 400
    assert clean_text("한국어 " * 400, limit=1000) == clean_text("한국어 " * 400)[:1000].rstrip()
    assert len(clean_text("x" * 5000, limit=1000)) <= 1000
    assert clean_text("lone \ud800 surrogate").encode("utf-8") == b"lone surrogate"
    typed = safe_text("  a *star* & <b>\x00\u202e\r\nnext  ")  # what a person typed keeps its characters
    assert typed == "a *star* & <b>\nnext" and len(safe_text("가나 " * 500, limit=1000)) == 1000


GARBAGE = [
    *"ab 가\u1112\u1161\u0301*_~`#>-•1.<>/![]()&;\n\r\t\x1b\x00\u202e",
    "<br/>",
    "&amp;",
    "&#10;",
    "[x](y)",
    "x" * 450,
]


def test_the_stream_sanitiser_matches_clean_text_however_the_text_is_split():
    rng = random.Random(6)
    texts = [raw for raw, _ in CLEANING] + ["".join(rng.choices(GARBAGE, k=rng.randint(2, 40))) for _ in range(400)]
    for raw in texts:
        for limit in (None, 25):
            cuts = sorted(rng.sample(range(1, len(raw)), min(len(raw) - 1, rng.randint(1, 12))))
            bounds = [0, *cuts, len(raw)]
            sanitizer = StreamSanitizer(limit)
            out = "".join(sanitizer.feed(raw[a:b]) for a, b in zip(bounds, bounds[1:])) + sanitizer.finish()
            assert out == clean_text(raw, limit), [raw[a:b] for a, b in zip(bounds, bounds[1:])]


def test_markup_split_across_deltas_is_still_removed():
    sanitizer = StreamSanitizer()
    pieces = [sanitizer.feed(d) for d in ("Pearl *", "*white", "*", "* SM6 <", "b>Inspire</", "b>")]
    pieces.append(sanitizer.finish())
    assert "".join(pieces) == "Pearl white SM6 Inspire"
    assert all("*" not in p and "<" not in p for p in pieces)
    korean = StreamSanitizer()
    assert korean.feed("\u1112") + korean.feed("\u1161\u11ab") + korean.finish() == "한"


# --- offline drafts -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ko"])
def test_offline_draft_is_usable_at_once_in_both_languages(language):
    design = make_design(prompt="a crimson SM6 at dusk with gold wheels")
    drafter = OfflineDrafter()
    started = time.monotonic()
    result = drafter.draft(design, language)
    assert time.monotonic() - started < 0.5
    assert (result.source, result.model, result.language) == ("offline", "offline-templates", language)
    assert "a crimson SM6 at dusk with gold wheels" in result.text
    assert result.prompt.startswith(language + "-") and result.text == clean_text(result.text)
    assert drafter.draft(design, language).text == result.text  # deterministic per design
    car, colour = ("르노 SM6", "빨간색") if language == "ko" else ("Renault SM6", "red")
    assert car in result.text and colour in result.text


@pytest.mark.parametrize("language", ["en", "ko"])
def test_offline_templates_differ_across_designs_and_stay_under_the_limit(language):
    results = [OfflineDrafter().draft(make_design(f"d{n}", prompt="word " * 400), language) for n in range(24)]
    assert len({r.prompt for r in results}) >= 3
    assert all(len(r.text) <= 1000 for r in results)
    tight = OfflineDrafter(DescribeSettings(char_limit=150)).draft(make_design(), language)
    assert 0 < len(tight.text) <= 150


def test_offline_draft_mentions_how_the_design_was_refined():
    lineage = [make_design("root"), make_design("mid", parent_id="root"), make_design("leaf", parent_id="mid")]
    english, korean = (OfflineDrafter().draft(lineage[-1], lang, lineage=lineage).text for lang in ("en", "ko"))
    assert "refined twice from an earlier design" in english.lower() and "두 번 다듬어" in korean


# --- the request ----------------------------------------------------------------------------------


def test_build_request_is_made_from_the_design():
    lineage = [make_design(f"g{n}", parent_id=f"g{n - 1}" if n else None) for n in range(3)]
    design = make_design("leaf", parent_id="g2", source="design")
    settings = DescribeSettings(model="local-llm", temperature=0.3, max_tokens=500)
    request = build_request(design, "ko", settings, lineage=[*lineage, design])
    system, user = request.messages[0]["content"], request.messages[1]["content"]
    assert (request.model, request.temperature, request.max_tokens, request.language) == ("local-llm", 0.3, 500, "ko")
    assert "Create Your SM6" in system and "Inspire" in system and "1,000" in system and "한국어" in system
    assert '"pearl white SM6, calm and elegant, crimson sky"' in user
    assert "Busan night harbour" in user and "Gwangan Bridge" in user
    assert "펄 화이트" in user and "빨간색" in user and "차분한" in user
    assert "refined 3 times from an earlier design" in user and "Seed: 424242" in user
    assert user.endswith("Write the description in Korean (한국어).")
    assert build_request(design, "ko", settings, lineage=[*lineage, design]) == request  # deterministic
    english = build_request(make_design(), "en", settings).messages[1]["content"]
    assert "red" in english and "calm" in english and english.endswith("in English.")
    assert "an original design" in english
    colours = prompting.find_terms(
        "Tired of red? Try pearl white, 빨간색의 노을", prompting.load_prompt_data()["colours"]
    )
    assert [(t.en, t.ko) for t in colours] == [("red", "빨간색"), ("pearl white", "펄 화이트")]  # whole words, longest


def test_the_system_prompt_comes_from_the_data_file(tmp_path, monkeypatch):
    assert "Create Your SM6" in load_system_prompt("en") and "no hashtags" in load_system_prompt("en")
    edited = prompting.prompt_file().read_text(encoding="utf-8").replace("Warm, confident", "Playful, {not a slot}")
    custom = tmp_path / "system_prompt.toml"
    custom.write_text(edited, encoding="utf-8")
    monkeypatch.setattr(prompting, "prompt_file", lambda: custom)
    request = build_request(make_design(), "en", DescribeSettings(char_limit=600))
    assert (
        "Playful, {not a slot}" in request.messages[0]["content"] and "600 characters" in request.messages[0]["content"]
    )
    custom.write_text("not = [valid", encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        build_request(make_design(), "en", DescribeSettings())
    assert caught.value.kind == "config"
