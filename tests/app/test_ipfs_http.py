"""The IPFS clients' HTTP layer (httpx): proxies from the environment, the overall deadline, file names through
multipart, and a pinning token that could not travel in a header. Real servers on 127.0.0.1 only: the "remote"
node of the proxy test is a name that only the proxy (a local server) ever sees."""

from __future__ import annotations

import time

import pytest

from app.token.cid import UNIXFS_V1_2025, file_cid
from app.token.ipfs_clients import (
    KuboClient,
    PinningClient,
    ServiceConfigError,
    ServiceUnreachableError,
    token_problem,
)
from app.token.publish import WAITING_FOR_NETWORK, Outbox
from app.token.publish_settings import TOKEN_ENV_VAR, PinningTokenStore, PublishSettings
from app.token.publisher import Publisher, outbox_path
from tests.fixtures.hostile_http import Answer, HostileServer
from tests.fixtures.kubo_server import FakeKubo

pytestmark = pytest.mark.timeout(60)

PROXY_VARS = (
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
)


@pytest.fixture
def proxy(monkeypatch):
    """An HTTP proxy named in the environment, answering every request itself with Kubo's version reply."""
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
    with HostileServer(Answer(200, b'{"Version": "via-proxy"}')) as server:
        monkeypatch.setenv("HTTP_PROXY", server.base_url)
        monkeypatch.setenv("ALL_PROXY", server.base_url)
        yield server


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_node_on_this_machine_is_never_reached_through_a_proxy(kubo_node, proxy, host):
    url = kubo_node.base_url.replace("127.0.0.1", host)
    assert KuboClient(url, timeout_s=5).version() == "0.39.0"
    assert proxy.requests == []


def test_a_remote_node_goes_through_the_proxy_the_environment_names(proxy):
    assert KuboClient("http://ipfs.node.example:5001", timeout_s=5).version() == "via-proxy"
    (seen,) = proxy.requests
    assert seen.path.startswith("http://ipfs.node.example:5001/api/v0/version")


@pytest.mark.parametrize("trickle_s", [0.02, 0.2])
def test_a_node_that_trickles_its_reply_is_cut_off_at_the_deadline(tmp_path, trickle_s):
    """Each byte arrives well within the read timeout; only an overall deadline ends the wait."""
    body = b'{"Version": "' + b"9" * 200 + b'"}'
    with HostileServer(Answer(200, body, trickle_s=trickle_s)) as node:
        started = time.monotonic()
        with pytest.raises(ServiceUnreachableError) as caught:
            KuboClient(node.base_url, timeout_s=0.5).version()
        assert time.monotonic() - started < 2
        assert "cannot be reached" in caught.value.message and "unfinished" in caught.value.details
        with Outbox(tmp_path / f"outbox-{trickle_s}.sqlite3") as outbox:
            outbox.enqueue("token-1", [("metadata.json", b"{}", None, "unixfs-v1-2025")])
            (job,) = outbox.run_once(KuboClient(node.base_url, timeout_s=0.5))
    assert job.state == "local" and job.error == WAITING_FOR_NETWORK  # slow is offline: tried again later


@pytest.mark.parametrize(
    "filename",
    ["image.png", "SM6 디자인 #1.png", 'quote"and\\backslash.png', "line\nbreak.png", "100%.json", "a;b=c.png", ""],
)
def test_file_names_reach_the_node_as_given(kubo_node, filename):
    data = b"an SM6 in pearl white"
    assert KuboClient(kubo_node.base_url).add(data, UNIXFS_V1_2025, filename) == file_cid(data, UNIXFS_V1_2025)
    (seen,) = kubo_node.adds()
    assert seen.filename == (filename or "file") and seen.size == len(data)


SECRET = "s3cr3t-pinning-token"


@pytest.mark.parametrize(
    "token",
    [f"{SECRET}\nX-Injected: 1", f"{SECRET}\r\nmore", f"{SECRET} with spaces", f"{SECRET}é", f"{SECRET}\x00", "토큰"],
)
def test_a_token_that_cannot_travel_in_a_header_is_a_setting_to_fix(kubo_node, token):
    assert token_problem(token)
    with pytest.raises(ServiceConfigError) as caught:
        PinningClient(kubo_node.base_url, token)
    assert "access token" in caught.value.message and "Settings" in caught.value.message
    assert SECRET not in caught.value.message + caught.value.details and "토큰" not in caught.value.message
    assert kubo_node.requests == []


@pytest.mark.parametrize("token", [SECRET, f"  {SECRET}\n", "eyJhbGciOi.eyJzdWIiOi.sig-_+/="])
def test_a_token_pasted_with_surrounding_space_still_works(token):
    with FakeKubo(token=token.strip()) as service:
        client = PinningClient(service.base_url, token)
        assert client.pin(file_cid(b"x"), "x")["status"] in PinningClient.STATUSES
    assert token.strip() not in repr(client)


@pytest.mark.parametrize("token", ["토큰-0123", "tökén-0123", "token—0123"])
def test_publishing_says_the_token_is_unusable_instead_of_failing_each_run(tmp_path, monkeypatch, kubo_node, token):
    monkeypatch.setenv(TOKEN_ENV_VAR, token)  # the keyring refuses spaces and line breaks; these slip through it
    settings = PublishSettings(pinning_endpoint=kubo_node.base_url)
    publisher = Publisher(Outbox(outbox_path(tmp_path)), lambda: settings, PinningTokenStore(), timeout_s=5)
    try:
        publisher.outbox.enqueue("token-1", [("metadata.json", b"{}", None, "unixfs-v1-2025")])
        assert publisher.setup_problem() == token_problem(token) != ""
        (job,) = publisher.run_once()
    finally:
        publisher.close()
    assert job.state == "local" and kubo_node.requests == []
