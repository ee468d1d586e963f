"""An IPFS node or pinning service gone wrong: addresses no client can use, HTML pages, errors, garbled bytes,
nesting that would overflow the parser, replies without end and replies of the wrong shape. Each is a plain
PublishError, never a crash, and an address that cannot work is a setting to fix, not "waiting for the network".

The services are real HTTP servers on 127.0.0.1 (tests/fixtures/hostile_http.py)."""

from __future__ import annotations

import json
import time

import pytest

from app.token.cid import UNIXFS_V1_2025, file_cid
from app.token.ipfs_clients import (
    MAX_REPLY_BYTES,
    KuboClient,
    MalformedReplyError,
    PinningClient,
    PublishError,
    ServiceConfigError,
    ServiceHTTPError,
    ServiceUnreachableError,
    _Http,
)
from app.token.publish import WAITING_FOR_NETWORK, Outbox
from tests.fixtures.hostile_http import Answer, HostileServer

pytestmark = pytest.mark.timeout(60)

TOKEN = "secret-token-0123456789"
RAW = ("<html", "<body", "\\x", "Traceback", "[[[")


def _plain(error: PublishError) -> None:
    assert not any(raw in error.message for raw in RAW) and TOKEN not in error.message + error.details, error.message


# --- addresses no client can use ------------------------------------------------------------------

UNUSABLE = [
    "not a url",
    "ftp://node.example",
    "file:///etc/passwd",
    "http://",
    "http://:5001",
    "http://exa mple.com:5001",
    "http://127.0.0.1:abc",
    "http://127.0.0.1:70000",
    "http://[::1",
    "javascript:alert(1)",
    "http://user:pw@127.0.0.1:5001",
    "127.0.0.1:5001",
]


@pytest.mark.parametrize("url", UNUSABLE)
def test_an_unusable_address_is_a_setting_to_fix_not_an_offline_state(url):
    for make in (lambda: KuboClient(url, timeout_s=1), lambda: PinningClient(url, TOKEN, timeout_s=1)):
        started = time.monotonic()
        with pytest.raises(ServiceConfigError) as caught:
            make()
        assert not isinstance(caught.value, ServiceUnreachableError)
        assert "address" in caught.value.message and "Settings" in caught.value.message
        assert time.monotonic() - started < 0.5  # said at once: nothing waited on a network
        _plain(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "not a url/api/v0/add",
        "ftp://node.example/api/v0/add",
        "file:///etc/passwd",
        "http://127.0.0.1:abc/api/v0/add",
        "http://exa mple.com/api",
        "http://[::1/api",
    ],
)
def test_the_http_layer_refuses_an_unusable_address_as_a_setting(url):
    """Whatever reaches the request itself: `ftp://` used to wait "for the network" for ever, "not a url" raised."""
    with pytest.raises(ServiceConfigError) as caught:
        _Http("IPFS node", 1).request("POST", url, b"")
    assert "Settings" in caught.value.message


def test_a_job_sent_to_an_unusable_address_fails_with_the_reason_instead_of_waiting(tmp_path):
    class Unusable(KuboClient):
        def __init__(self) -> None:  # built past the constructor's check: the request must still refuse it
            self.base_url = "ftp://node.example"
            self._http = _Http(self.service, 1)

    with Outbox(tmp_path / "outbox.sqlite3") as outbox:
        outbox.enqueue("token-1", [("metadata.json", b"{}", None, "unixfs-v1-2025")])
        (job,) = outbox.run_once(Unusable())
    assert job.state == "failed" and job.error != WAITING_FOR_NETWORK and "Settings" in job.error


# --- replies that are not what the API promises ---------------------------------------------------


def _deep(levels: int) -> bytes:
    return b'{"a": ' * levels + b"1" + b"}" * levels


HOSTILE = {
    "an HTML page": Answer(200, b"<html><body>Proxy login required</body></html>", "text/html"),
    "an HTML 500": Answer(500, b"<html><body>500 Internal Server Error</body></html>", "text/html"),
    "a 502 with nothing": Answer(502, b""),
    "garbled bytes": Answer(200, bytes(range(256)) * 4),
    "an empty body": Answer(200, b""),
    "a million brackets": Answer(200, b"[" * 1_000_000),
    "deep objects": Answer(200, _deep(5000)),
    "a deep error body": Answer(500, b'{"Message": ' + _deep(10_000) + b"}"),
    "an endless body": Answer(200, b'{"Hash": "', endless=b"a"),
    "endless brackets": Answer(200, b"", endless=b"[" * 1024),
    "a Content-Length of 10 GB": Answer(200, b"{}", content_length=10 * 1024**3),
    "a list": Answer(200, b'[{"Hash": "bafy"}]'),
    "a string": Answer(200, b'"bafy"'),
    "a number for the CID": Answer(200, b'{"Name": "x", "Hash": 5, "Size": "1"}'),
    "NaN": Answer(200, b'{"Hash": NaN}'),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_kubo_reply_that_is_not_kubos_is_a_plain_error(name):
    with HostileServer(HOSTILE[name]) as node:
        started = time.monotonic()
        with pytest.raises(PublishError) as caught:
            KuboClient(node.base_url, timeout_s=5).add(b"hello", UNIXFS_V1_2025, "hello.txt")
        assert time.monotonic() - started < 5
        assert node.sent_bytes < 4 * MAX_REPLY_BYTES  # stopped reading at the cap, did not buffer it all
    error = caught.value
    assert isinstance(error, (MalformedReplyError, ServiceHTTPError)) and "IPFS node" in error.message
    _plain(error)


@pytest.mark.parametrize("name", ["an HTML page", "a million brackets", "an endless body", "a list", "a string"])
def test_kubo_version_and_id_replies_are_checked_too(name):
    with HostileServer(HOSTILE[name]) as node:
        client = KuboClient(node.base_url, timeout_s=5)
        with pytest.raises(MalformedReplyError) as caught:
            client.version()
        _plain(caught.value)
        try:
            assert client.addresses() == []  # a node that does not say is still a node
        except MalformedReplyError as exc:
            _plain(exc)


def test_an_endless_reply_is_cut_off_with_a_plain_sentence():
    with HostileServer(HOSTILE["an endless body"]) as node:
        with pytest.raises(MalformedReplyError, match="larger than 8 MB"):
            KuboClient(node.base_url, timeout_s=5).version()


def test_an_error_page_is_not_quoted_but_kubos_own_message_is():
    with HostileServer(HOSTILE["an HTML 500"]) as node:
        with pytest.raises(ServiceHTTPError) as caught:
            KuboClient(node.base_url).version()
    assert caught.value.status == 500 and "It said" not in caught.value.message
    body = json.dumps({"Message": "failed to write block:\x1b[31m no space left\u202e on device", "Code": 0}).encode()
    with HostileServer(Answer(500, body)) as node:
        with pytest.raises(ServiceHTTPError) as caught:
            KuboClient(node.base_url).version()
    message = caught.value.message
    assert "It said: failed to write block:" in message and "no space left" in message
    assert "\x1b" not in message and "\u202e" not in message  # the node's words, as plain text only


PIN_HOSTILE = {
    **{k: HOSTILE[k] for k in ("an HTML page", "an HTML 500", "garbled bytes", "a million brackets", "deep objects")},
    **{k: HOSTILE[k] for k in ("an endless body", "a Content-Length of 10 GB", "a list", "a string", "NaN")},
    "a status nobody knows": Answer(202, b'{"requestid": "1", "status": "maybe"}'),
    "no request id": Answer(202, b'{"status": "queued"}'),
    "an error that is text": Answer(400, b'{"error": "bad"}'),
    "an error echoing the token": Answer(400, json.dumps({"error": {"details": f"token {TOKEN}"}}).encode()),
    "a deep error": Answer(400, b'{"error": ' + _deep(1000) + b"}"),
}


@pytest.mark.parametrize("name", list(PIN_HOSTILE))
def test_a_pinning_service_reply_that_is_not_a_pin_status_is_a_plain_error(name):
    with HostileServer(PIN_HOSTILE[name]) as service:
        client = PinningClient(service.base_url, TOKEN, timeout_s=5)
        with pytest.raises(PublishError) as caught:
            client.pin(file_cid(b"hello"), "hello")
        with pytest.raises(PublishError):
            client.status("request-1")
    assert "pinning service" in caught.value.message
    _plain(caught.value)


@pytest.mark.parametrize("name", ["an HTML page", "a million brackets", "an endless body", "a number for the CID"])
def test_the_outbox_fails_the_job_plainly_and_keeps_going(tmp_path, name):
    with HostileServer(HOSTILE[name]) as node, Outbox(tmp_path / "outbox.sqlite3") as outbox:
        outbox.enqueue("token-1", [("metadata.json", b"{}", None, "unixfs-v1-2025")])
        outbox.enqueue("token-2", [("metadata.json", b"{ }", None, "unixfs-v1-2025")])
        jobs = outbox.run_once(KuboClient(node.base_url, timeout_s=5))
    assert [job.state for job in jobs] == ["failed", "failed"]
    assert all("IPFS node" in job.error and not any(raw in job.error for raw in RAW) for job in jobs)


# --- replies that would hold publishing for hours ---------------------------------------------------


def test_a_cid_of_a_megabyte_is_not_a_cid_and_fails_the_job_at_once(tmp_path):
    # base58 decodes in quadratic time: comparing this "CID" with ours took minutes, then its megabyte was stored
    answer = Answer(200, b'{"Name": "metadata.json", "Hash": "z' + b"2" * 1_000_000 + b'", "Size": "2"}\n')
    with HostileServer(answer) as node, Outbox(tmp_path / "outbox.sqlite3") as outbox:
        outbox.enqueue("token-1", [("metadata.json", b"{}", None, "unixfs-v1-2025")])
        started = time.monotonic()
        [job] = outbox.run_once(KuboClient(node.base_url, timeout_s=5))
    assert time.monotonic() - started < 5
    assert job.state == "failed" and "did not say which CID" in job.error and len(job.error) < 1000


@pytest.mark.parametrize(
    "request_id",
    [b'"' + b"r" * 7_000_000 + b'"', b"5", b'["a"]', b'""', b'"a\\nb"'],
    ids=["huge", "5", "list", "", "nl"],
)
def test_a_pin_request_id_that_is_no_id_is_not_a_pin_status(request_id):
    # it is stored and sent back in a URL: a megabyte of it became "fix the address in Settings"
    with HostileServer(Answer(202, b'{"status": "queued", "requestid": ' + request_id + b"}")) as service:
        with pytest.raises(MalformedReplyError):
            PinningClient(service.base_url, TOKEN, timeout_s=5).pin(file_cid(b"hello"), "hello")


def test_a_reply_head_that_trickles_is_cut_off_at_the_deadline():
    with HostileServer(Answer(head_trickle_s=0.05)) as service:
        url = service.base_url
        started = time.monotonic()
        with pytest.raises(ServiceUnreachableError):
            KuboClient(url, timeout_s=1).version()
    assert time.monotonic() - started < 4
