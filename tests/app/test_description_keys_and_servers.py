"""Drafting without an OpenAI key: a local OpenAI-compatible server (LM Studio, Ollama, llama.cpp) is asked with a
placeholder, never a real key; OpenAI itself without a key gives an offline draft that says so; and a key entered
where there is no keyring is used for the session only, never written anywhere."""

from __future__ import annotations

import asyncio

import keyring
import pytest
from keyring.backends import fail, null

from app.description import keys as keys_module
from app.description.keys import ApiKeyStore, InvalidApiKey, NoKeyring
from app.description.models import DescribeSettings, DraftError
from app.description.openai_drafter import NO_KEY_PLACEHOLDER, OpenAIDrafter, needs_key
from app.description.prompting import build_request
from app.description.service import DescriptionService
from app.library.store import Library
from tests.fixtures.designs import add_plain_design
from tests.fixtures.openai_server import FakeOpenAIServer, stream, unauthorized

TEXT = "A pearl white SM6 under the harbour lights of Busan, calm and bright."
ENV_KEY = "sk-env-Zq3vT9xWm2LpR8sYk4NbH7cJf6GdE1aUo5iKe0"


@pytest.fixture(autouse=True)
def no_keys(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    keys_module._session_keys.clear()
    yield
    keys_module._session_keys.clear()  # a session key must never outlive its test


@pytest.fixture
def server():
    with FakeOpenAIServer() as running:
        yield running


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "library") as lib:
        yield lib


def _draft(service, design):
    pieces: list[str] = []
    outcome = asyncio.run(service.draft(design, "en", pieces.append))
    return outcome, "".join(pieces)


@pytest.mark.parametrize(
    ("url", "needed"),
    [
        ("", True),  # OpenAI, the default
        ("https://api.openai.com/v1", True),
        ("https://API.OpenAI.com/v1", True),
        ("https://eu.api.openai.com/v1", True),
        ("http://127.0.0.1:1234/v1", False),  # LM Studio
        ("http://localhost:11434/v1", False),  # Ollama
        ("http://[::1]:8080/v1", False),  # llama.cpp on IPv6 loopback
        ("http://gpu-box.lan:8080/v1", False),  # a server elsewhere on the network
        ("https://api.openai.com.evil.example/v1", False),  # not OpenAI: nothing to protect by asking for its key
    ],
)
def test_which_servers_need_a_key(url, needed):
    assert needs_key(url) is needed


@pytest.mark.parametrize("missing", [None, "", "   ", "\n\t"], ids=["none", "empty", "spaces", "whitespace"])
def test_a_local_server_is_asked_without_a_key_and_gets_only_the_placeholder(server, library, missing):
    server.script(stream(TEXT, chunks=3))
    settings = DescribeSettings(base_url=server.base_url, timeout_s=5.0, max_retries=0)
    drafter = OpenAIDrafter(settings, missing)
    pieces: list[str] = []
    request = build_request(add_plain_design(library), "en", settings)
    result = asyncio.run(drafter.stream(request, pieces.append))
    assert result.text == TEXT == "".join(pieces) and result.source == "openai"
    assert server.requests[0].headers["authorization"] == f"Bearer {NO_KEY_PLACEHOLDER}"
    assert not NO_KEY_PLACEHOLDER.startswith("sk-")  # never mistaken for, nor shaped like, a real key


@pytest.mark.parametrize("missing", [None, "", "   "])
def test_openai_itself_without_a_key_is_refused_before_any_request(missing):
    with pytest.raises(DraftError) as caught:
        OpenAIDrafter(DescribeSettings(base_url=""), missing)
    assert caught.value.kind == "config" and "no OpenAI key" in caught.value.message


@pytest.mark.parametrize("status_reply", [unauthorized(), unauthorized(shown_key="sm6-no-api-key")])
def test_a_server_that_wants_a_key_after_all_says_so_plainly(server, library, status_reply):
    server.script(status_reply)
    settings = DescribeSettings(base_url=server.base_url, timeout_s=5.0, max_retries=0)
    request = build_request(add_plain_design(library), "en", settings)
    with pytest.raises(DraftError) as caught:
        asyncio.run(OpenAIDrafter(settings, None).stream(request, lambda _piece: None))
    assert caught.value.kind == "auth"
    assert "asks for an API key" in caught.value.message and "127.0.0.1" in caught.value.message
    assert "OpenAI key was refused" not in caught.value.message  # there was no OpenAI key to refuse


def test_the_service_drafts_online_at_a_local_server_with_no_key_set(server, library):
    server.script(stream(TEXT, chunks=2))
    design = add_plain_design(library)
    settings = DescribeSettings(base_url=server.base_url, timeout_s=5.0, max_retries=0)
    service = DescriptionService(library, settings=lambda: settings)
    assert not service.server_needs_key()
    outcome, streamed = _draft(service, design)
    assert outcome.result.source == "openai" and streamed == TEXT and not outcome.needs_key
    assert library.latest_draft(design.id, "en").source == "openai"
    assert [r.headers["authorization"] for r in server.requests] == [f"Bearer {NO_KEY_PLACEHOLDER}"]


def test_without_a_key_openai_gives_an_offline_draft_that_says_why(server, library):
    design = add_plain_design(library)
    service = DescriptionService(library, settings=DescribeSettings)
    assert service.server_needs_key()
    outcome, streamed = _draft(service, design)
    assert outcome.result.source == "offline" and outcome.needs_key and streamed == ""
    assert "No OpenAI key is set" in outcome.fallback_reason and "offline draft" in outcome.fallback_reason
    assert "Settings" in outcome.fallback_reason
    assert server.requests == []


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_with_no_keyring_a_key_can_be_used_for_the_session_and_is_written_nowhere(backend, isolated_dirs, tmp_path):
    original = keyring.get_keyring()
    keyring.set_keyring(backend())
    try:
        store = ApiKeyStore()
        with pytest.raises(NoKeyring):
            store.set(ENV_KEY)
        for bad in ("", "   ", "sk-abc def", "sk-abc\ndef"):
            with pytest.raises(InvalidApiKey):
                store.use_for_session(bad)
        assert store.get().key is None
        store.use_for_session(f" {ENV_KEY}\n")
        lookup = ApiKeyStore().get()  # another instance, as the drafting service holds
        assert (lookup.key, lookup.source) == (ENV_KEY, "session")
        store.clear()
        assert ApiKeyStore().get().key is None
    finally:
        keyring.set_keyring(original)
    for folder in [*isolated_dirs.values(), tmp_path]:
        for path in folder.rglob("*") if folder.exists() else ():
            if path.is_file():
                assert ENV_KEY.encode() not in path.read_bytes(), path
