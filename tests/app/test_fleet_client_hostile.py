"""The kiosk's generation client (app/fleet/remote.py) against servers that refuse, break off or lie: a real HTTP
server on 127.0.0.1 sends whatever each test scripts (tests/fixtures/hostile_http.py). Every case ends in a sentence
in the person's language and nothing kept twice — never a crash, a hang or a half-made design."""

from __future__ import annotations

import io
import json
import socket
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image

from app import i18n
from app.errors import RequestError
from app.fleet import remote_job, wire
from app.fleet.fallback import FallbackBackend, RunsOnThisComputer
from app.fleet.remote import RemoteBackend
from app.fleet.server import BUSY
from app.generation import events as ev
from app.generation import messages as gen_msgs
from app.generation import pngmeta
from app.generation.events import JobState
from app.generation.registry import ModelInfo, ModelRegistry
from app.generation.request import GenerationRequest
from app.generation.settings import GenerationSettings
from app.library.saver import LibrarySaver
from app.library.store import Library
from app.services import local_backend
from tests.app.engine_helpers import Recorder
from tests.fixtures.hostile_http import Answer, HostileServer, Received
from tests.fixtures.scripted_fleet import server_png

TOKEN = "kiosk-7-secret-token"
MODEL = ModelInfo("tiny-sd15", Path("tiny-sd15"), "diffusers", "sd15", 1000, sha256="ab" * 32)
MODELS = json.dumps({"models": [wire.model_to_dict(MODEL)], "device": "CPU"}).encode()


@pytest.fixture(autouse=True)
def quick_reconnects(monkeypatch):
    monkeypatch.setattr(remote_job, "RECONNECT_PAUSES_S", (0.05, 0.05, 0.05))
    monkeypatch.setattr(remote_job, "IN_PROGRESS_PAUSE_S", 0.05)


@pytest.fixture
def library(tmp_path):
    library = Library.open(tmp_path / "kiosk-data")
    yield library
    library.close()


def request(**changes) -> GenerationRequest:
    base = GenerationRequest(prompt="pearl white", preset="studio", seed=42, steps=3, width=64, height=64)
    return base.replace(**changes)


def png(size=(64, 64), colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (9, 9, 9)).save(out, "JPEG")
    return out.getvalue()


def queued(position: int) -> dict:
    return {"event": "queued", "position": position}


def lines(*events: dict) -> bytes:
    return b"".join(wire.encode_event(e) for e in events)


def concrete(sent: Received, **changes) -> dict:
    """The request the server runs for the job `sent` asked for (its decoder filled in), with `changes`."""
    return {**sent.json()["request"], "decoder": "vae", **changes}


def started(sent: Received, **changes) -> dict:
    return {"event": "started", "request": concrete(sent, **changes)}


def made(sent: Received, index: int, **changes) -> bytes:
    """The PNG a server's engine makes of image `index` of the job `sent` asked for, its provenance included
    (`changes`: of the request it records)."""
    return server_png(concrete(sent, **changes), index, (index * 40, 0, 0), prompt_final="pearl white, studio")


def image(sent: Received, index: int, **changes) -> dict:
    req = sent.json()["request"]
    return {
        "event": "image",
        "index": index,
        "seed": req["seed"] + index,
        "prompt_final": "pearl white, studio",
        "negative_final": "",
        "model_name": "tiny-sd15",
        "model_hash": "ab" * 32,
        "device": "CPU",
        "parent_id": None,
        "seconds": 0.1,
        "png": wire.b64(made(sent, index)),
        **changes,
    }


def serving(generate):
    """A server that lists the tiny model and answers POST /generate with `generate(received)`."""

    def answer(received: Received) -> Answer:
        if received.path == "/models":
            return Answer(body=MODELS)
        if received.path == "/health":
            return Answer(
                body=b'{"ok": true, "version": "0.1.0", "device": "CPU", "replicas": 1, "queued": 2, "running": 1}'
            )
        if received.path == "/cancel":
            return Answer(body=b'{"cancelled": true}')
        return generate(received)

    return answer


def backend_for(server: HostileServer, library=None, **options) -> tuple[RemoteBackend, Recorder]:
    backend = RemoteBackend(server.base_url, TOKEN, timeout_s=options.pop("timeout_s", 5.0), **options)
    if library is not None:
        LibrarySaver(library).attach(backend)
    recorder = Recorder()
    backend.subscribe(recorder)
    return backend, recorder


def run_job(generate, library=None, req=None, **options):
    """Submit one job to a server answering `generate`; (its end event, every event of it, the server)."""
    with HostileServer(serving(generate)) as server:
        backend, recorder = backend_for(server, library, **options)
        try:
            job = backend.submit(req or request())
            end = recorder.wait_job(job.id, timeout=60)
        finally:
            backend.shutdown()
    events = [e for e in recorder.events if getattr(e, "job", None) is not None and e.job.id == job.id]
    return end, events, server


# --- refusals, in words --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_server_that_is_not_there_is_named_with_its_address_and_lets_the_kiosk_fall_back():
    url = f"http://127.0.0.1:{free_port()}"
    backend = RemoteBackend(url, TOKEN, timeout_s=2)
    try:
        with pytest.raises(RequestError) as refused:
            backend.submit(request())
        status = backend.check()
    finally:
        backend.shutdown()
    assert refused.value.msg.id == "fleet.unreachable" and url in refused.value.message
    assert TOKEN not in refused.value.message + refused.value.details
    assert not status.reachable and status.message.id == "fleet.unreachable"
    assert backend.models() == [] and backend.device_label() == "Server"


@pytest.mark.parametrize(
    ("status", "error", "said"),
    [(401, "unauthorized", "does not accept this computer's token"), (403, "revoked", "was withdrawn by staff")],
)
def test_a_refused_token_says_to_ask_staff_for_a_new_one(status, error, said):
    reply = Answer(status, json.dumps({"error": error}).encode())
    with HostileServer(lambda r: Answer(body=b'{"ok": true, "device": "CPU"}') if r.path == "/health" else reply) as s:
        backend = RemoteBackend(s.base_url, TOKEN, timeout_s=5)
        try:
            with pytest.raises(RequestError) as refused:
                backend.submit(request())
            checked = backend.check()
        finally:
            backend.shutdown()
    assert refused.value.msg.id == f"fleet.{error}" and said in refused.value.message
    assert "Settings → Generation" in refused.value.message
    assert checked.reachable and checked.device == "CPU" and checked.message.id == f"fleet.{error}"
    assert all(r.path == "/health" or f"Bearer {TOKEN}" for r in s.requests)


def test_a_kiosk_without_a_token_is_told_where_to_enter_one():
    with HostileServer(Answer(body=MODELS)) as server:
        backend = RemoteBackend(server.base_url, "", timeout_s=5)
        try:
            with pytest.raises(RequestError) as refused:
                backend.submit(request())
        finally:
            backend.shutdown()
    assert refused.value.msg.id == "fleet.no_token" and not server.requests


@pytest.mark.parametrize(
    ("status", "error", "words"),
    [(503, "busy", "The generation server is busy. Try again in 8 s."), (429, "rate_limited", "Try again in 8 s.")],
)
def test_a_busy_or_rate_limited_server_says_when_to_try_again_before_the_job_starts(status, error, words):
    refusal = Answer(status, json.dumps({"error": error, "retry_after": 7.2}).encode())
    end, events, server = run_job(lambda r: refusal)
    assert isinstance(end, ev.JobFailed) and end.msg.id == f"fleet.{error}" and words in end.message
    assert [type(e) for e in events] == [ev.JobQueued, ev.JobFailed]  # never started: a fallback may run it here
    assert sum(r.path == "/generate" for r in server.requests) == 1


def test_a_server_failure_is_said_in_the_kiosks_language_when_its_id_is_known():
    failed = {
        "event": "failed",
        "message": {"id": "generation.out_of_memory", "params": {}, "english": "Not enough memory…"},
        "details": f"Traceback … {TOKEN}",
    }
    unknown = {"event": "failed", "message": {"id": "server.new_thing", "params": {}, "english": "A new problem."}}
    i18n.set_language("ko")
    try:
        known_end, _, _ = run_job(lambda r: Answer(body=lines(started(r), failed)))
        unknown_end, _, _ = run_job(lambda r: Answer(body=lines(started(r), unknown)))
        korean = known_end.msg.render()
    finally:
        i18n.set_language("en")
    assert known_end.msg.id == "generation.out_of_memory" and "메모리" in korean
    assert TOKEN not in known_end.details
    assert unknown_end.message == "A new problem."


def test_a_job_that_fails_on_the_server_before_it_starts_fails_in_the_servers_words_without_starting():
    gone = {"event": "failed", "message": wire.message_to_dict(gen_msgs.MODEL_GONE(model_id="tiny-sd15"))}
    end, events, _ = run_job(lambda r: Answer(body=lines(queued(1), {"event": "alive"}, queued(0), gone)))
    assert isinstance(end, ev.JobFailed) and end.msg.id == "generation.model_gone" and "tiny-sd15" in end.message
    kinds = [type(e) for e in events]
    assert kinds == [ev.JobQueued, ev.QueuePosition, ev.QueuePosition, ev.JobFailed]  # no JobStarted: nothing ran


@pytest.mark.parametrize(("said", "runs_here"), [(gen_msgs.MODEL_GONE(model_id="tiny-sd15"), False), (BUSY(), True)])
def test_the_fallback_runs_here_only_a_job_the_servers_replicas_were_too_busy_to_start(
    said, runs_here, tiny_sd15, models_dir, tmp_path
):
    registry = ModelRegistry([models_dir])
    registry.scan()
    library = Library.open(tmp_path / "kiosk-data")
    failed = {"event": "failed", "message": wire.message_to_dict(said), "details": ""}
    with HostileServer(serving(lambda r: Answer(body=lines(queued(0), failed)))) as server:

        def local():  # this computer's engine, made only when the server cannot take the job
            return local_backend(registry, library, lambda: GenerationSettings(device="cpu"))

        backend = FallbackBackend(RemoteBackend(server.base_url, TOKEN, timeout_s=5), local)
        LibrarySaver(library).attach(backend)
        recorder = Recorder()
        backend.subscribe(recorder)
        try:
            job = backend.submit(request(model_id="tiny-sd15"))
            end = recorder.wait_job(job.id, timeout=60)
        finally:
            backend.shutdown()
            kept = library.count()
            library.close()
    if runs_here:  # the server's words say why it ran here; the person's job keeps its id
        assert isinstance(end, ev.JobFinished) and len(end.designs) == 1
        assert recorder.of(RunsOnThisComputer)[0].reason.id == "fleet.busy"
    else:
        assert isinstance(end, ev.JobFailed) and end.msg.id == "generation.model_gone"
        assert not recorder.of(RunsOnThisComputer) and not recorder.of(ev.JobStarted)
    assert kept == int(runs_here)


def test_a_kiosk_knows_the_servers_own_sentences_without_loading_the_server():
    code = "import app.fleet.remote; from app.messages import CATALOGUE; print('serve.busy' in CATALOGUE)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "True"  # so a busy replica queue is said (and falls back) like a busy server


# --- hostile replies -----------------------------------------------------------------------------------------------


def progress(**changes) -> dict:
    return {"event": "progress", "image_index": 0, "step": 1, "steps": 3, "preview": None, **changes}


NOT_A_PNG = wire.b64(wire.PNG_SIGNATURE + b"x" * 99)
NOT_A_JPEG = wire.b64(b"\xff\xd8\xff" + b"0" * 50)


@pytest.mark.parametrize(
    ("name", "reply", "problem"),
    [
        ("not JSON", lambda r: Answer(body=b"<html>Bad gateway</html>\n"), "not valid JSON"),
        ("deep", lambda r: Answer(body=b"[" * 100_000 + b"\n"), "not valid JSON"),
        ("unknown event", lambda r: Answer(body=lines({"event": "format_disk"})), "an event this app does not know"),
        ("bad base64", lambda r: Answer(body=lines(started(r), image(r, 0, png="%%%not base64"))), "not a PNG"),
        ("a PNG that is not", lambda r: Answer(body=lines(started(r), image(r, 0, png=NOT_A_PNG))), "not a PNG"),
        ("wrong size", lambda r: Answer(body=lines(started(r), image(r, 0, png=wire.b64(png((65, 64)))))), "not a PNG"),
        ("bad preview", lambda r: Answer(body=lines(started(r), progress(preview=NOT_A_JPEG))), "not a JPEG"),
        ("other seed", lambda r: Answer(body=lines(started(r, seed=7))), "request"),
        ("wrong type", lambda r: Answer(body=lines(started(r), progress(image_index="0"))), "image_index"),
    ],
)
def test_a_reply_that_is_not_the_protocol_fails_the_job_in_words_and_keeps_nothing(library, name, reply, problem):
    end, events, _ = run_job(reply, library)
    assert isinstance(end, ev.JobFailed), name
    assert end.message.startswith("The generation server sent a reply this app cannot read") and problem in end.message
    assert library.count() == 0 and not [e for e in events if isinstance(e, ev.ImageReady)]


def with_text_block(data: bytes, keyword: str, text: bytes, *, crc_flip: int = 0) -> bytes:
    """`data` with one more text block after its pixels (a damaged one with `crc_flip`): PIL still decodes it."""
    body = keyword.encode() + b"\0\0\0\0\0" + text
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body) ^ crc_flip)
    end = data.rindex(b"IEND") - 4
    return data[:end] + chunk + data[end:]


PLAIN_WITH = lambda keyword, text, **flip: lambda r: with_text_block(png(), keyword, text, **flip)  # noqa: E731


@pytest.mark.parametrize(
    ("name", "picture", "differs"),
    [
        ("another prompt", lambda r: made(r, 0, prompt="a red sports car"), "prompt: sent 'pearl white'"),
        ("another negative prompt", lambda r: made(r, 0, negative_prompt="people"), "negative_prompt"),
        ("another preset", lambda r: made(r, 0, preset="night"), "preset"),
        ("another model", lambda r: made(r, 0, model_id="other-sd15"), "model_id"),
        ("another size", lambda r: server_png(concrete(r, width=128), 0, size=(64, 64)), "width: sent 64"),
        ("other steps", lambda r: made(r, 0, steps=30), "steps"),
        ("another guidance", lambda r: made(r, 0, guidance=2.5), "guidance"),
        ("another sampler", lambda r: made(r, 0, scheduler="euler"), "scheduler"),
        ("another seed", lambda r: made(r, 0, seed=7), "seed: sent 42, the picture says 7"),
        ("variation 1's picture as image 0", lambda r: made(r, 1), "seed: expected 42, the picture says 43"),
        ("another model's hash", lambda r: server_png(concrete(r), 0, model_hash="cd" * 32), "model hash"),
        ("no provenance", lambda r: png(), "no sm6:request"),
        ("a request with no meta", PLAIN_WITH("sm6:request", json.dumps(request().to_dict()).encode()), "no sm6:meta"),
        ("a request that is not JSON", PLAIN_WITH("sm6:request", b"{not json"), "cannot be read"),
        ("a request with no prompt", PLAIN_WITH("sm6:request", b'{"seed": 42}'), "damaged"),
        ("a damaged text block", PLAIN_WITH("sm6:request", b"{}", crc_flip=1), "fails its checksum"),
    ],
)
def test_a_picture_whose_provenance_is_not_the_request_sent_is_not_kept(library, name, picture, differs):
    # it was kept as the visitor's design: its PNG then told Verify and the token another prompt, seed or model
    reply = lambda r: Answer(body=lines(started(r), image(r, 0, png=wire.b64(picture(r))), {"event": "finished"}))  # noqa: E731
    end, events, _ = run_job(reply, library, req=request(batch=2))
    assert isinstance(end, ev.JobFailed), name
    assert end.msg.id == "fleet.not_as_asked" and "was not kept" in end.message and differs in end.details, end.details
    assert end.details.startswith("image 0: ")
    assert library.count() == 0 and not [e for e in events if isinstance(e, ev.ImageReady)]


def test_a_batch_keeps_the_variations_that_match_and_fails_in_the_kiosks_language_at_one_that_does_not(library):
    def generate(r: Received) -> Answer:
        other = image(r, 1, png=wire.b64(made(r, 1, prompt="a red sports car")))
        return Answer(body=lines(started(r), image(r, 0), other, {"event": "finished"}))

    i18n.set_language("ko")
    try:
        end, events, _ = run_job(generate, library, req=request(batch=2))
        korean = end.msg.render()
    finally:
        i18n.set_language("en")
    assert isinstance(end, ev.JobFailed) and end.msg.id == "fleet.not_as_asked"
    assert end.details.startswith("image 1: ") and "'a red sports car'" in end.details
    assert "서버" in korean and "generation server" not in korean
    assert library.count() == 1 and [type(e) for e in events][-2:] == [ev.ImageReady, ev.JobFailed]
    assert library.list()[0].seed == 42  # the variation that matched, kept once


def test_a_picture_made_as_asked_is_kept_with_its_provenance(library):
    end, _, _ = run_job(lambda r: Answer(body=lines(started(r), image(r, 0), {"event": "finished"})), library)
    assert isinstance(end, ev.JobFinished) and library.count() == 1
    kept = pngmeta.read_png_metadata(Path(end.designs[0].image_path))
    assert kept["request"]["prompt"] == "pearl white" and kept["meta"]["seed"] == 42


def test_a_line_without_end_is_cut_off_at_the_protocols_limit(library):
    end, _, server = run_job(lambda r: Answer(body=b'{"event": "queued", "position": "', endless=b"9"), library)
    assert isinstance(end, ev.JobFailed) and "a line is too long" in end.message
    assert server.sent_bytes < wire.MAX_LINE_BYTES + 16 * 1024 * 1024  # it hung up soon after the cap


def test_a_server_that_goes_quiet_is_given_up_on_with_words(library):
    quiet = lambda r: Answer(body=lines(started(r)) + b'{"event": "queu', trickle_s=0.4)  # noqa: E731
    end, events, server = run_job(quiet, library, timeout_s=0.3)
    assert isinstance(end, ev.JobFailed) and end.msg.id == "fleet.lost" and "nothing was saved twice" in end.message
    keys = {r.json()["job_key"] for r in server.requests if r.path == "/generate"}
    assert len(keys) == 1 and sum(r.path == "/generate" for r in server.requests) == 4  # the same job, tried again


# --- no doubles ----------------------------------------------------------------------------------------------------


def test_a_dropped_connection_is_retried_with_the_same_key_and_nothing_is_kept_twice(library):
    calls: list[Received] = []

    def generate(received: Received) -> Answer:
        calls.append(received)
        if len(calls) == 1:  # image 0 arrives, then the connection ends without an end
            return Answer(body=lines(started(received), image(received, 0)))
        if len(calls) == 2:
            return Answer(409, b'{"error": "in_progress"}')
        replay = [started(received), image(received, 0), image(received, 1), {"event": "finished"}]
        return Answer(body=lines(*({**e, "replayed": True} for e in replay)))

    end, events, _ = run_job(generate, library, req=request(batch=2))
    assert isinstance(end, ev.JobFinished) and end.job.state is JobState.DONE
    assert len({c.json()["job_key"] for c in calls}) == 1 and len(calls) == 3
    kinds = [type(e) for e in events]
    assert kinds == [ev.JobQueued, ev.JobStarted, ev.ImageReady, ev.ImageReady, ev.JobFinished]
    assert library.count() == 2 and [d.seed for d in end.designs] == [42, 43]
    assert Path(end.designs[1].image_path).read_bytes() == made(calls[-1], 1)


def test_a_server_that_never_comes_back_fails_the_job_and_keeps_what_arrived_once(library):
    calls: list[Received] = []

    def generate(received: Received) -> Answer:
        calls.append(received)
        if len(calls) == 1:
            return Answer(body=lines(started(received), image(received, 0)))
        return Answer(503, b'{"error": "busy", "retry_after": 1}')

    end, events, _ = run_job(generate, library, req=request(batch=2))
    assert isinstance(end, ev.JobFailed) and end.msg.id == "fleet.lost"
    assert library.count() == 1 and len(calls) == 4
    assert [type(e) for e in events][-2:] == [ev.ImageReady, ev.JobFailed]


def test_a_cancel_cuts_the_stream_and_tells_the_server(library):
    def generate(received: Received) -> Answer:
        steps = [{"event": "progress", "image_index": 0, "step": i, "steps": 500, "preview": None} for i in range(500)]
        return Answer(body=lines(started(received), *steps), trickle_s=0.001)

    with HostileServer(serving(generate)) as server:
        backend, recorder = backend_for(server, library)
        try:
            job = backend.submit(request())
            recorder.wait_for(lambda e: isinstance(e, ev.StepProgress))
            assert backend.cancel(job.id)
            end = recorder.wait_job(job.id, timeout=10)
            backend.wait_idle(5)
            deadline = time.monotonic() + 5
            while not any(r.path == "/cancel" for r in server.requests) and time.monotonic() < deadline:
                time.sleep(0.01)  # the backstop goes out on a network worker
        finally:
            backend.shutdown()
    assert isinstance(end, ev.JobCancelled) and end.steps_after_cancel == 0
    cancels = [r for r in server.requests if r.path == "/cancel"]
    sent = next(r for r in server.requests if r.path == "/generate")
    assert [c.json()["job_key"] for c in cancels] == [sent.json()["job_key"]]


def test_the_status_shows_the_servers_device_and_queue():
    with HostileServer(serving(lambda r: Answer(404))) as server:
        backend = RemoteBackend(server.base_url, TOKEN, timeout_s=5)
        try:
            status = backend.check()
            label = backend.device_label()
            i18n.set_language("ko")
            korean = backend.device_label()
        finally:
            i18n.set_language("en")
            backend.shutdown()
    assert status.reachable and (status.device, status.queued, status.running) == ("CPU", 2, 1)
    assert status.message is None and label == "Server · CPU" and korean == "서버 · CPU"
    assert [m.id for m in backend.models()] == ["tiny-sd15"]


def test_a_server_whose_reply_trickles_is_given_up_on_at_the_timeout():
    # each byte came within the read timeout, so the status check waited for hours
    with HostileServer(Answer(head_trickle_s=0.05)) as server:
        backend = RemoteBackend(server.base_url, TOKEN, timeout_s=1)
        started = time.monotonic()
        try:
            status = backend.check()
        finally:
            backend.shutdown()
    assert time.monotonic() - started < 4
    assert not status.reachable and status.message is not None and "cannot be reached" in str(status.message)


def test_a_job_whose_reply_head_trickles_ends_in_words_instead_of_waiting_for_ever(library):
    started = time.monotonic()
    end, _, server = run_job(lambda r: Answer(head_trickle_s=0.05), library, timeout_s=0.5)
    assert isinstance(end, ev.JobFailed) and end.msg.id == "fleet.lost" and "nothing was saved twice" in end.message
    assert time.monotonic() - started < 30 and library.count() == 0
    assert len({r.json()["job_key"] for r in server.requests if r.path == "/generate"}) == 1  # followed, not doubled


def test_a_secure_connection_that_fails_is_said_as_such():
    with HostileServer(Answer(body=MODELS)) as server:
        url = server.base_url.replace("http://", "https://")
        backend = RemoteBackend(url, TOKEN, timeout_s=5)
        try:
            with pytest.raises(RequestError) as refused:
                backend.submit(request())
        finally:
            backend.shutdown()
    assert refused.value.msg.id == "fleet.tls_failed" and url in refused.value.message


def test_a_newer_job_on_the_same_stream_replaces_the_running_one(library):
    def generate(received: Received) -> Answer:
        if received.json()["request"]["seed"] == 1:  # the first: steps that trickle in until it is replaced
            return Answer(body=lines(started(received), *[progress(step=1)] * 300), trickle_s=0.002)
        return Answer(body=lines(started(received), image(received, 0), {"event": "finished"}))

    with HostileServer(serving(generate)) as server:
        backend, recorder = backend_for(server, library)
        try:
            first = backend.submit(request(seed=1), stream="live")
            recorder.wait_for(lambda e: isinstance(e, ev.StepProgress))
            second = backend.submit(request(seed=2), stream="live")
            replaced = recorder.wait_job(first.id, timeout=10)
            done = recorder.wait_job(second.id, timeout=10)
        finally:
            backend.shutdown()
    assert isinstance(replaced, ev.JobCancelled) and replaced.replaced_by == second.id
    assert isinstance(done, ev.JobFinished) and library.count() == 1


def test_the_window_asks_the_server_for_its_models_once_until_told_to_look_again():
    with HostileServer(Answer(401, b'{"error": "unauthorized"}')) as server:
        backend = RemoteBackend(server.base_url, TOKEN, timeout_s=5)
        try:
            answers = [backend.models(), backend.addons("lora"), backend.model("tiny-sd15"), backend.models()]
            asked_once = len(server.requests)
            backend.refresh_models()
        finally:
            backend.shutdown()
    assert answers == [[], [], None, []] and asked_once == 1 and len(server.requests) == 2
    assert backend.server_status().message.id == "fleet.unauthorized"
