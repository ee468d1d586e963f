"""The generation server over raw HTTP (issue 20): a real Ray Serve application with the tiny model, shared by the
session (tests/fixtures/fleet_server.py). Each test issues its own token, so limits and the audit log are its own."""

from __future__ import annotations

import io
import time
import uuid

import httpx2
import pytest

from app.fleet import wire
from app.generation import pngmeta
from app.generation.hashing import HashCache
from app.generation.registry import ModelRegistry

pytestmark = pytest.mark.timeout(180)


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _body(steps: int = 4, **request) -> dict:
    request = {"prompt": "a red SM6 by the sea", "steps": steps, "width": 64, "height": 64, "seed": 7, **request}
    return {"job_key": uuid.uuid4().hex, "request": request, "save": True, "previews": True}


def _long_body() -> dict:
    return _body(steps=150, width=1024, height=1024, batch=8)  # minutes with the tiny model: long enough to cancel


def _generate(url: str, token: str, body: dict, timeout: float = 120) -> tuple[list[dict], list[bytes]]:
    with httpx2.Client(timeout=timeout) as client:
        with client.stream("POST", f"{url}/generate", json=body, headers=_auth(token)) as reply:
            assert reply.status_code == 200, reply.read()
            raw = [line.encode() + b"\n" for line in reply.iter_lines() if line]
    return [wire.decode_line(line) for line in raw], raw


def _outcomes(fleet_server, token_name: str) -> list[str]:
    return [e["outcome"] for e in fleet_server.audit() if e["token"] == token_name]


def test_health_needs_no_token_and_says_nothing_private(fleet_server):
    reply = httpx2.get(f"{fleet_server.url}/health", timeout=30)
    assert reply.status_code == 200
    health = wire.decode_reply(reply.content)
    assert health["ok"] is True and health["device"] == "CPU"
    assert set(health) == {"ok", "version", "device", "replicas", "queued", "running"}
    assert health["replicas"] == 1  # counted by Serve's controller: the generators running now


def test_ray_itself_asks_for_a_token_kept_in_an_owner_only_file_of_the_servers_data(fleet_server):
    import os
    import stat

    token_file = fleet_server.data_dir / "serve" / "ray_auth_token"
    assert os.environ["RAY_AUTH_MODE"] == "token" and os.environ["RAY_AUTH_TOKEN_PATH"] == str(token_file)
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600 and len(token_file.read_text()) == 64


def test_a_model_added_while_the_server_runs_can_be_generated_with_no_restart(fleet_server):
    import shutil

    added = fleet_server.root / "models" / "tiny-added"
    shutil.copytree(fleet_server.root / "models" / "tiny-sd15", added)
    try:
        token = fleet_server.issue("kiosk-new-model")
        reply = httpx2.get(f"{fleet_server.url}/models", headers=_auth(token), timeout=60)
        assert "tiny-added" in [m["id"] for m in wire.decode_reply(reply.content)["models"]]
        lines, _ = _generate(fleet_server.url, token, _body(steps=1, model_id="tiny-added"))
        assert lines[-1]["event"] == "finished", lines[-1]
        image = next(line for line in lines if line["event"] == "image")
        assert image["model_name"] == "tiny-added"
    finally:
        shutil.rmtree(added)


def test_models_need_a_known_token_and_a_revoked_one_is_refused_at_once(fleet_server):
    assert httpx2.get(f"{fleet_server.url}/models", timeout=30).status_code == 401
    assert httpx2.get(f"{fleet_server.url}/models", headers=_auth("not-a-token"), timeout=30).status_code == 401
    token = fleet_server.issue("kiosk-models")
    reply = httpx2.get(f"{fleet_server.url}/models", headers=_auth(token), timeout=30)
    assert reply.status_code == 200
    models = [wire.model_from_dict(m) for m in wire.decode_reply(reply.content)["models"]]
    assert [m.id for m in models if m.usable] == ["tiny-sd15"]
    assert str(models[0].path) == "tiny-sd15"  # the server's folders stay on the server

    fleet_server.revoke("kiosk-models")  # while the server runs: no restart
    refused = httpx2.get(f"{fleet_server.url}/models", headers=_auth(token), timeout=30)
    assert refused.status_code == 403 and wire.decode_reply(refused.content)["error"] == "revoked"


def test_models_carry_each_usable_models_sha256_so_a_kiosk_can_verify_designs_of_any_of_them(fleet_server, tmp_path):
    token = fleet_server.issue("kiosk-model-hashes")
    reply = httpx2.get(f"{fleet_server.url}/models", headers=_auth(token), timeout=30)
    listed = {m.id: m for m in map(wire.model_from_dict, wire.decode_reply(reply.content)["models"]) if m.usable}
    kiosk = ModelRegistry([fleet_server.root / "models"], hash_cache=HashCache(tmp_path / "hashes.json"))
    kiosk.scan()
    assert listed["tiny-sd15"].sha256 == kiosk.ensure_hash(kiosk.get("tiny-sd15")).sha256  # no job ran it yet here


def test_a_request_that_fails_on_the_replica_ends_failed_without_starting(fleet_server):
    token = fleet_server.issue("kiosk-replica-fails")
    body = _body(source="picture", source_picture="ab" * 32, strength=0.6)
    body["picture_png"] = "this is not base64!"  # the ingress passes it on; the replica cannot read it
    lines, _ = _generate(fleet_server.url, token, body)
    events = [line["event"] for line in lines if line["event"] != "alive"]
    assert events[0] == "queued" and events[-1] == "failed" and "started" not in events
    assert lines[-1]["message"]["id"] == "generation.picture.unreadable_file"
    assert _outcomes(fleet_server, "kiosk-replica-fails") == ["failed"]


def test_a_generation_streams_in_order_and_the_png_carries_its_provenance(fleet_server):
    token = fleet_server.issue("kiosk-generate")
    lines, _ = _generate(fleet_server.url, token, _body(steps=4))
    events = [line["event"] for line in lines if line["event"] != "alive"]  # keep-alive lines come only if slow
    progress = events.count("progress")
    loading = events.count("loading")  # 0 when this replica had loaded the model for an earlier test
    assert events == ["queued", "started", *["loading"] * loading, *["progress"] * progress, "image", "finished"]
    started = next(line for line in lines if line["event"] == "started")
    assert wire.line_request(started).seed == 7 and started["request"]["model_id"] == "tiny-sd15"
    steps = [(line["image_index"], line["step"]) for line in lines if line["event"] == "progress"]
    assert steps == sorted(steps) and steps[-1][1] == 4
    image = next(line for line in lines if line["event"] == "image")
    png = wire.png_bytes(image)
    meta = pngmeta.read_png_metadata(png)
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        assert picture.size == (64, 64)
    assert meta["request"]["seed"] == 7 and meta["request"]["prompt"] == "a red SM6 by the sea"
    assert _outcomes(fleet_server, "kiosk-generate") == ["finished"]


def test_a_request_that_cannot_run_is_refused_before_queueing_in_the_kiosks_words(fleet_server):
    token = fleet_server.issue("kiosk-bad-request")
    for request, wanted in (({"model_id": "gone-model"}, "generation.model_gone"), ({"steps": 0}, "fleet.bad_reply")):
        reply = httpx2.post(f"{fleet_server.url}/generate", json=_body(**request), headers=_auth(token), timeout=60)
        assert reply.status_code == 400
        refusal = wire.decode_reply(reply.content)
        assert refusal["error"] == "bad_request" and refusal["message"]["id"] == wanted
        assert wire.message_from_dict(refusal["message"]).render() == refusal["message"]["english"]
    assert _outcomes(fleet_server, "kiosk-bad-request") == []  # nothing ran


def test_a_refine_starts_from_the_design_image_the_kiosk_sends(fleet_server):
    from PIL import Image

    start = io.BytesIO()
    Image.new("RGB", (64, 64), "navy").save(start, format="PNG")
    body = _body(steps=4, source="design", source_design_id="design-42", strength=0.5)
    body["source_png"] = wire.b64(start.getvalue())
    lines, _ = _generate(fleet_server.url, fleet_server.issue("kiosk-refine"), body)
    image = next(line for line in lines if line["event"] == "image")
    assert image["parent_id"] == "design-42" and lines[-1]["event"] == "finished"
    assert pngmeta.read_png_metadata(wire.png_bytes(image))["request"]["source_design_id"] == "design-42"


def test_the_same_job_key_replays_the_same_bytes_without_a_second_generation(fleet_server):
    token = fleet_server.issue("kiosk-replay")
    body = _body(steps=2)
    first, _ = _generate(fleet_server.url, token, body)
    again, _ = _generate(fleet_server.url, token, body)
    assert all(line.get("replayed") is True for line in again)
    pngs = [wire.png_bytes(line) for line in first if line["event"] == "image"]
    assert pngs and pngs == [wire.png_bytes(line) for line in again if line["event"] == "image"]
    assert _outcomes(fleet_server, "kiosk-replay") == ["finished", "replayed"]


def _events_until(lines, wanted: str) -> list[dict]:
    """Events read from `lines` (one `reply.iter_lines()` per stream: a dropped iterator closes the stream)."""
    seen = []
    for raw in lines:
        if raw:
            seen.append(wire.decode_line(raw))
            if seen[-1]["event"] in (wanted, *wire.ENDS):
                return seen
    return seen


def test_closing_the_stream_cancels_the_job_within_a_step(fleet_server):
    token = fleet_server.issue("kiosk-cancel")
    long_job = _long_body()
    with httpx2.Client(timeout=120) as client:
        with client.stream("POST", f"{fleet_server.url}/generate", json=long_job, headers=_auth(token)) as reply:
            assert _events_until(reply.iter_lines(), "progress")[-1]["event"] == "progress"
        # leaving the block closed the stream: the replica stops within a step, so the next job runs at once
        started = time.monotonic()
        lines, _ = _generate(fleet_server.url, token, _body(steps=1))
        assert lines[-1]["event"] == "finished" and time.monotonic() - started < 10
    assert _outcomes(fleet_server, "kiosk-cancel") == ["cancelled", "finished"]
    assert fleet_server.audit()[-2]["job_key"] == long_job["job_key"]


def test_a_lost_stream_can_be_cancelled_by_its_job_key(fleet_server):
    token = fleet_server.issue("kiosk-cancel-key")
    job = _long_body()
    with httpx2.Client(timeout=120) as client:
        with client.stream("POST", f"{fleet_server.url}/generate", json=job, headers=_auth(token)) as reply:
            lines = reply.iter_lines()
            seen = _events_until(lines, "progress")
            assert seen[-1]["event"] == "progress", seen
            again = client.post(f"{fleet_server.url}/generate", json=job, headers=_auth(token))
            assert (again.status_code, again.json()) == (409, {"error": "in_progress"})  # never a second run
            other = fleet_server.issue("kiosk-not-the-owner")
            refused = client.post(f"{fleet_server.url}/cancel", json={"job_key": job["job_key"]}, headers=_auth(other))
            assert refused.json() == {"cancelled": False}
            cancel = client.post(f"{fleet_server.url}/cancel", json={"job_key": job["job_key"]}, headers=_auth(token))
            assert cancel.json() == {"cancelled": True}
            assert _events_until(lines, "cancelled")[-1] == {"event": "cancelled"}
    assert _outcomes(fleet_server, "kiosk-cancel-key") == ["cancelled"]


def test_beyond_the_queue_limit_the_server_answers_busy_with_retry_after(fleet_server):
    tokens = [fleet_server.issue(f"kiosk-queue-{i}") for i in range(3)]
    url = fleet_server.tight_url  # max_queued 1
    with httpx2.Client(timeout=120) as client:
        running = _long_body()
        with client.stream("POST", f"{url}/generate", json=running, headers=_auth(tokens[0])) as first:
            first_lines = first.iter_lines()
            assert _events_until(first_lines, "started")[-1]["event"] == "started"
            with client.stream("POST", f"{url}/generate", json=_body(steps=1), headers=_auth(tokens[1])) as second:
                second_lines = second.iter_lines()
                assert _events_until(second_lines, "queued")[-1] == {"event": "queued", "position": 0}
                health = wire.decode_reply(client.get(f"{url}/health").content)
                assert (health["running"], health["queued"]) == (1, 1)
                busy = client.post(f"{url}/generate", json=_body(steps=1), headers=_auth(tokens[2]))
    assert busy.status_code == 503
    assert wire.decode_reply(busy.content) == {"error": "busy", "retry_after": int(busy.headers["Retry-After"])}
    assert _outcomes(fleet_server, "kiosk-queue-2") == ["busy"]


def test_too_many_requests_from_one_token_are_refused_with_retry_after(fleet_server):
    token = fleet_server.issue("kiosk-rate")
    codes = []
    for _ in range(3):  # the tight application allows 2 a minute
        reply = httpx2.post(f"{fleet_server.tight_url}/generate", json=_body(steps=1), headers=_auth(token), timeout=60)
        codes.append(reply.status_code)
        reply.read()
    assert codes[:2] == [200, 200] and codes[2] == 429
    assert int(reply.headers["Retry-After"]) > 0
    assert wire.decode_reply(reply.content) == {
        "error": "rate_limited",
        "retry_after": int(reply.headers["Retry-After"]),
    }


def test_a_server_stopped_mid_job_ends_the_stream_and_comes_back_on_the_same_address(fleet_server):
    token = fleet_server.issue("kiosk-stopped")
    try:
        with httpx2.Client(timeout=120) as client:
            with client.stream(
                "POST", f"{fleet_server.url}/generate", json=_long_body(), headers=_auth(token)
            ) as reply:
                lines = reply.iter_lines()
                _events_until(lines, "progress")
                fleet_server.stop()
                try:
                    rest = _events_until(lines, "finished")
                except httpx2.HTTPError:  # cut off outright: the kiosk retries by job key or says so
                    rest = []
                assert not rest or rest[-1]["event"] == "failed"  # never a "finished" with no image
            assert client.get(f"{fleet_server.url}/health").status_code != 200
    finally:
        fleet_server.start()
    assert httpx2.get(f"{fleet_server.url}/health", timeout=60).status_code == 200
