"""The generation server's wire protocol (app/fleet/wire.py): what the server writes reads back, and a hostile line
(too long, too deep, not JSON, wrong shapes, bad base64, an "image" that is no PNG) is a plain WireError."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from app import i18n
from app.fleet import wire
from app.fleet.limits import JobMemory, RateLimiter
from app.fleet.tokens import Revoked, TokenStore, Unauthorized
from app.generation import messages as gen_msgs
from app.generation.registry import ModelInfo
from app.messages import Message


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, format="PNG")
    return out.getvalue()


def _image_line(**changes) -> dict:
    line = {
        "event": "image",
        "index": 0,
        "seed": 7,
        "prompt_final": "a red SM6",
        "negative_final": "",
        "model_name": "tiny",
        "model_hash": "ab" * 32,
        "device": "CPU",
        "parent_id": None,
        "seconds": 0.5,
        "png": wire.b64(_png()),
    }
    return {**line, **changes}


def test_every_event_the_server_writes_reads_back_as_written():
    request = {"prompt": "a red SM6", "seed": 7, "steps": 4, "model_id": "tiny", "decoder": "vae"}
    lines = [
        wire.encode_event("queued", position=2),
        wire.encode_event("started", request=request),
        wire.encode_event("loading", stage="loading", model="Tiny"),
        wire.encode_event(wire.ALIVE),  # keep-alive while the model loads
        wire.encode_event("progress", image_index=0, step=1, steps=4, preview=None),
        wire.encode_event(_image_line()),
        wire.encode_event("finished", replayed=True),
        wire.encode_event("failed", message=wire.message_to_dict(gen_msgs.NO_MODEL_YET()), details="x"),
    ]
    decoded = [wire.decode_line(line) for line in lines]
    events = ["queued", "started", "loading", "alive", "progress", "image", "finished", "failed"]
    assert [d["event"] for d in decoded] == events
    assert wire.line_request(decoded[1]).seed == 7
    assert wire.png_bytes(decoded[5]) == _png()
    assert all(line.endswith(b"\n") and line.count(b"\n") == 1 for line in lines)


def test_a_message_travels_by_id_and_is_said_in_the_kiosks_language():
    sent = wire.message_to_dict(gen_msgs.SIDE_OUT_OF_RANGE(name=gen_msgs.WIDTH(), min_side=64, max_side=2048, value=9))
    message = wire.message_from_dict(sent)
    assert message.id == "generation.side_out_of_range" and isinstance(message.params["name"], Message)
    assert message.render() == sent["english"]
    i18n.set_language("ko")
    try:
        assert message.render() != sent["english"]  # translated here, from the id: not the server's English
    finally:
        i18n.set_language("en")
    unknown = wire.message_from_dict({"id": "from.a.newer.server", "params": {}, "english": "Something new."})
    assert unknown.render() == "Something new."


@pytest.mark.parametrize("params", [{"guidance": None}, {"guidance": {}}, {"guidance": 10**400}])
def test_a_message_whose_parameters_cannot_be_shown_is_still_said(params):
    # "{guidance:g}" of None, of an object or of a number past any float raised TypeError or OverflowError
    message = wire.message_from_dict({"id": "generation.guidance_out_of_range", "params": params})
    assert message.render() and message.english()


@pytest.mark.parametrize(
    "line, problem",
    [
        (b"not json at all", "not_json"),
        (b"[" * 100_000, "not_json"),  # nested deeper than any reply: refused before the decoder recurses
        (b'{"event": "explode"}', "unknown_event"),
        (b'["event", "queued"]', "not_json"),
        (b'{"event": "queued", "position": -1}', "bad_field"),
        (b'{"event": "queued", "position": true}', "bad_field"),
        (b'{"event": "progress", "image_index": 0, "step": 9, "steps": 4}', "bad_field"),
        (b'{"event": "progress", "image_index": 0, "step": 1, "steps": 4, "preview": "%%%"}', "bad_preview"),
        (b'{"event": "started", "request": {"prompt": "", "steps": 4}}', "bad_request"),
        (b'{"event": "started", "request": {"prompt": "x", "steps": "many"}}', "bad_request"),
        # each of these escaped as an AttributeError or an OverflowError
        (b'{"event": "started", "request": {"prompt": ["not", "text"]}}', "bad_request"),
        (b'{"event": "started", "request": {"prompt": "p", "guidance": 1' + b"0" * 400 + b"}}", "bad_request"),
        (b'{"event": "started", "request": {"prompt": "p", "loras": [["l", 1' + b"0" * 400 + b"]]}}", "bad_request"),
        (b'{"event": "loading", "stage": "dreaming", "model": "x"}', "bad_field"),
        (b'{"event": "failed", "message": "boom"}', "bad_field"),
        (b'{"event": "finished", "replayed": "yes"}', "bad_field"),
        (b"\xff\xfe{}", "not_json"),
    ],
)
def test_a_hostile_line_is_a_plain_wire_error(line, problem):
    with pytest.raises(wire.WireError) as caught:
        wire.decode_line(line)
    assert caught.value.problem == problem
    assert caught.value.message.startswith("The generation server sent a reply this app cannot read")


@pytest.mark.parametrize(
    "png",
    ["not base64!", base64.b64encode(b"GIF89a not a png").decode(), 42],
)
def test_an_image_line_whose_png_is_not_a_png_is_refused(png):
    with pytest.raises(wire.WireError) as caught:
        wire.decode_line(wire.encode_event(_image_line(png=png)))
    assert caught.value.problem in ("bad_image", "bad_field")


def test_a_line_over_the_size_limit_is_refused_unread(monkeypatch):
    monkeypatch.setattr(wire, "MAX_LINE_BYTES", 1000)
    with pytest.raises(wire.WireError) as caught:
        wire.decode_line(wire.encode_event(_image_line()) + b" " * 1000)
    assert caught.value.problem == "too_long"


def test_a_model_travels_without_the_servers_folders():
    model = ModelInfo("tiny", Path("/srv/secret/models/tiny-sd15"), "diffusers", "sd15", 1234, sha256="cd" * 32)
    sent = wire.model_to_dict(model)
    assert "/srv" not in repr(sent)
    back = wire.model_from_dict(sent)
    assert (back.id, back.path, back.arch, back.usable, back.sha256) == (
        "tiny",
        Path("tiny-sd15"),
        "sd15",
        True,
        "cd" * 32,
    )
    for bad in ({**sent, "name": "../../etc/passwd"}, {**sent, "size_bytes": "big"}, {**sent, "id": None}, []):
        with pytest.raises(wire.WireError):
            wire.model_from_dict(bad)


def test_tokens_are_kept_hashed_owner_only_and_a_revocation_applies_at_once(tmp_path):
    store = TokenStore(tmp_path / "serve" / "tokens.json")
    token = store.issue("Dealer Seoul 1")
    assert token not in store.path.read_text() and store.path.stat().st_mode & 0o077 == 0
    other_process = TokenStore(store.path)  # the server's own view of the file
    assert other_process.check(token) == "Dealer Seoul 1"
    store.revoke("Dealer Seoul 1")
    with pytest.raises(Revoked):
        other_process.check(token)
    for bad in ("", None, token + "x"):
        with pytest.raises(Unauthorized):
            other_process.check(bad)
    assert [(t.name, t.valid) for t in store.list()] == [("Dealer Seoul 1", False)]


@pytest.mark.parametrize(
    "bad_entry",
    [
        '"' + "ab" * 32 + '": {"name": "Huge", "created": 1' + "0" * 400 + ', "revoked": null}',  # past float range
        '"ab\u00e9": {"name": "Accented", "created": 1.0, "revoked": null}',  # not a sha256: compare_digest refuses it
    ],
    ids=["created_past_float", "key_not_a_digest"],
)
def test_a_damaged_token_entry_is_left_out_and_the_good_tokens_still_work(tmp_path, bad_entry):
    store = TokenStore(tmp_path / "serve" / "tokens.json")
    token = store.issue("Dealer Seoul 1")
    text = store.path.read_text()
    store.path.write_text(text.replace('"tokens": {', '"tokens": {' + bad_entry + ", ", 1))
    server = TokenStore(store.path)
    assert server.check(token) == "Dealer Seoul 1"
    with pytest.raises(Unauthorized, match="not known to the generation server"):
        server.check("a token nobody issued")
    assert [t.name for t in server.list()] == ["Dealer Seoul 1"]


def test_rate_limit_and_job_memory_follow_the_clock():
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert [limiter.take("a"), limiter.take("a")] == [0, 0]
    assert limiter.take("a") == 30 and limiter.take("b") == 0
    now[0] += 30
    assert limiter.take("a") == 0
    memory = JobMemory(keep_s=60, clock=lambda: now[0])
    memory.start("k1", "a").lines.append(b"{}\n")
    memory.end("k1", keep=True)
    memory.start("k2", "a")
    memory.end("k2", keep=False)  # cancelled: a retry runs it again
    assert memory.get("k1") is not None and memory.get("k2") is None
    now[0] += 61
    assert memory.get("k1") is None
