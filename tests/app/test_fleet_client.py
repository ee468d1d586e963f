"""A kiosk generating on the shared server (issue 20): the client (app/fleet/remote.py) against the real Ray Serve
application with the tiny model (tests/fixtures/fleet_server.py), saving into a real library like the window does.

What a person would notice: the design lands in the library with the same pixels and provenance a local run makes
(so Verify works on it), progress arrives in order, Cancel stops the job, a refused token or a busy server is said in
words, and a server that goes away mid-job fails the job without keeping anything twice."""

from __future__ import annotations

import io
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.errors import RequestError
from app.fleet import remote_job
from app.fleet.remote import RemoteBackend
from app.generation import events as ev
from app.generation.events import JobState
from app.generation.pngmeta import read_png_metadata
from app.generation.registry import ModelRegistry
from app.generation.settings import GenerationSettings
from app.library.saver import LibrarySaver
from app.library.store import Library
from app.services import local_backend
from app.token.assemble import assemble_token
from app.token.verify import verify
from tests.app.engine_helpers import Recorder, quick_request
from tests.fixtures.tcp_cut import CuttableRelay

pytestmark = pytest.mark.usefixtures("fleet_server")


class Kiosk:
    """A kiosk PC: its own library, its own RemoteBackend with a token of its own, the library's saver as sink."""

    def __init__(self, url: str, token: str, root: Path, **options) -> None:
        self.library = Library.open(root / "kiosk-data")
        self.backend = RemoteBackend(url, token, **{"timeout_s": 10.0, **options})
        LibrarySaver(self.library).attach(self.backend)
        self.recorder = Recorder()
        self.backend.subscribe(self.recorder)

    def of_job(self, job_id: str) -> list:
        with self.recorder.lock:
            return [e for e in self.recorder.events if getattr(e, "job", None) is not None and e.job.id == job_id]

    def close(self) -> None:
        self.backend.shutdown()
        self.library.close()


@pytest.fixture
def kiosk(request, fleet_server, tmp_path):
    name = f"kiosk-{request.node.name}"[:60]
    made = Kiosk(fleet_server.url, fleet_server.issue(name), tmp_path)
    yield made
    made.close()
    fleet_server.revoke(name)


def pixels(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as img:
        return np.asarray(img.convert("RGB"))


def test_a_design_made_on_the_server_is_kept_with_the_pixels_and_provenance_of_a_local_run(
    kiosk, tiny_sd15_master, tmp_path
):
    request = quick_request(model_id="tiny-sd15", batch=2, seed=4242, steps=3)
    job = kiosk.backend.submit(request)
    done = kiosk.recorder.wait_job(job.id, timeout=120)

    assert isinstance(done, ev.JobFinished), getattr(done, "message", done)
    kinds = [type(e) for e in kiosk.of_job(job.id)]
    waited = [k for k in kinds if k is not ev.QueuePosition]  # the server's line said, before JobStarted
    assert waited[:2] == [ev.JobQueued, ev.JobStarted] and kinds[-1] is ev.JobFinished
    assert kinds.index(ev.QueuePosition) < kinds.index(ev.JobStarted)
    steps = [(e.job.image_index, e.job.step) for e in kiosk.of_job(job.id) if isinstance(e, ev.StepProgress)]
    assert steps == sorted(steps) and steps[-1] == (1, 3)  # progress in order, for both variations
    ready = [e for e in kiosk.of_job(job.id) if isinstance(e, ev.ImageReady)]
    assert [e.design.id for e in ready] == [d.id for d in done.designs] and kiosk.library.count() == 2
    assert kinds.index(ev.ImageReady) > kinds.index(ev.JobStarted)

    # The same request on this computer's own engine, as app/services.py builds it.
    models = tmp_path / "models"
    shutil.copytree(tiny_sd15_master, models / "tiny-sd15")
    registry = ModelRegistry([models])
    registry.scan()
    here = Library.open(tmp_path / "local-data")
    engine = local_backend(registry, here, lambda: GenerationSettings(device="cpu"))
    local = Recorder()
    engine.subscribe(local)
    try:
        local_done = local.wait_job(engine.submit(request).id, timeout=120)
    finally:
        engine.shutdown()
        here.close()
    assert isinstance(local_done, ev.JobFinished)

    for remote_design, local_design in zip(done.designs, local_done.designs, strict=True):
        remote_png = Path(remote_design.image_path).read_bytes()
        local_png = Path(local_design.image_path).read_bytes()
        assert np.array_equal(pixels(remote_png), pixels(local_png))
        theirs, ours = read_png_metadata(remote_png), read_png_metadata(local_png)
        assert theirs["request"] == ours["request"] and theirs["parameters"] == ours["parameters"]
        assert theirs["digital_source_type"].endswith("trainedAlgorithmicMedia")
        theirs["meta"].pop("seconds")
        ours["meta"].pop("seconds")  # how long it took is the one thing that differs
        assert theirs["meta"] == ours["meta"]
        assert (remote_design.seed, remote_design.model_hash, remote_design.device) == (
            local_design.seed,
            local_design.model_hash,
            "CPU",
        )
    assert kiosk.backend.device_label() == "Server · CPU" and kiosk.backend.server_status().reachable

    # Verify, on the kiosk: the token's image regenerated on the server has the same pixels.
    design = done.designs[0]
    kiosk.library.save_description(design.id, "en", "A pearl white SM6.")
    draft = assemble_token(kiosk.library, design, language="en")
    result = verify(kiosk.backend, draft.metadata, draft.image_bytes, timeout_s=120)
    assert (result.verdict, result.compared) == ("exact", "pixels") and kiosk.library.count() == 2


def test_cancel_stops_the_job_on_the_server_within_a_step(kiosk, fleet_server):
    job = kiosk.backend.submit(quick_request(model_id="tiny-sd15", steps=150, width=128, height=128, seed=9))
    kiosk.recorder.wait_for(lambda e: isinstance(e, ev.StepProgress) and e.job.id == job.id, timeout=120)
    pressed = time.perf_counter()
    assert kiosk.backend.cancel(job.id)
    end = kiosk.recorder.wait_job(job.id, timeout=30)
    assert isinstance(end, ev.JobCancelled) and end.job.state is JobState.CANCELLED
    assert time.perf_counter() - pressed < 5 and kiosk.library.count() == 0
    deadline = time.monotonic() + 30  # the server's own record of the job says it was cut
    while time.monotonic() < deadline and not any(e.get("outcome") == "cancelled" for e in fleet_server.audit()):
        time.sleep(0.1)
    assert any(e.get("outcome") == "cancelled" for e in fleet_server.audit())


def test_a_wrong_or_revoked_token_is_refused_in_words(fleet_server, tmp_path):
    stranger = RemoteBackend(fleet_server.url, "not-a-token-of-this-server", timeout_s=10)
    token = fleet_server.issue("kiosk-revoked")
    fleet_server.revoke("kiosk-revoked")
    revoked = RemoteBackend(fleet_server.url, token, timeout_s=10)
    try:
        with pytest.raises(RequestError) as wrong:
            stranger.submit(quick_request(model_id="tiny-sd15"))
        with pytest.raises(RequestError) as withdrawn:
            revoked.submit(quick_request(model_id="tiny-sd15"))
        status = revoked.check()
    finally:
        stranger.shutdown()
        revoked.shutdown()
    assert wrong.value.msg.id == "fleet.unauthorized" and "ask staff" in wrong.value.message.lower()
    assert withdrawn.value.msg.id == "fleet.revoked" and "withdrawn" in withdrawn.value.message
    assert status.reachable and status.message.id == "fleet.revoked"


def test_a_full_queue_is_answered_busy_with_when_to_try_again(fleet_server, tmp_path):
    kiosks = [Kiosk(fleet_server.tight_url, fleet_server.issue(f"kiosk-busy-{i}"), tmp_path / str(i)) for i in range(3)]
    long = quick_request(model_id="tiny-sd15", steps=150, width=128, height=128, seed=5)
    try:
        first = kiosks[0].backend.submit(long)
        kiosks[0].recorder.wait_for(lambda e: isinstance(e, ev.StepProgress), timeout=120)
        second = kiosks[1].backend.submit(long)  # waits: the queue holds one
        kiosks[1].recorder.wait_for(lambda e: isinstance(e, ev.JobQueued), timeout=30)
        deadline = time.monotonic() + 30
        while kiosks[1].backend.server_status().position is None and time.monotonic() < deadline:
            time.sleep(0.05)
        third = kiosks[2].backend.submit(long)
        refused = kiosks[2].recorder.wait_job(third.id, timeout=60)
        assert isinstance(refused, ev.JobFailed) and refused.msg.id == "fleet.busy"
        assert "The generation server is busy. Try again in" in refused.message
        third_kinds = [type(e) for e in kiosks[2].of_job(third.id) if not isinstance(e, ev.QueuePosition)]
        assert third_kinds == [ev.JobQueued, ev.JobFailed]  # a fallback may run it
        for k, job in ((kiosks[0], first), (kiosks[1], second)):
            k.backend.cancel(job.id)
            assert isinstance(k.recorder.wait_job(job.id, timeout=60), ev.JobCancelled)
    finally:
        for i, k in enumerate(kiosks):
            k.close()
            fleet_server.revoke(f"kiosk-busy-{i}")


def test_a_kiosk_whose_read_timeout_is_shorter_than_its_wait_in_the_queue_keeps_its_one_job(fleet_server, tmp_path):
    # The tight application repeats "queued" every 0.5 s while a job waits: a 2 s read timeout never fires.
    names = ("kiosk-keepalive-ahead", "kiosk-keepalive-waits")
    ahead = Kiosk(fleet_server.tight_url, fleet_server.issue(names[0]), tmp_path / "ahead")
    waits = Kiosk(fleet_server.tight_url, fleet_server.issue(names[1]), tmp_path / "waits", timeout_s=2.0)
    try:
        long = quick_request(model_id="tiny-sd15", steps=150, width=1024, height=1024, batch=8, seed=5)  # minutes
        first = ahead.backend.submit(long)
        ahead.recorder.wait_for(lambda e: isinstance(e, ev.StepProgress), timeout=120)
        job = waits.backend.submit(quick_request(model_id="tiny-sd15", steps=2))
        deadline = time.monotonic() + 30
        while waits.backend.server_status().position is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(5.0)  # the point of the test: a wait well past the kiosk's 2 s read timeout
        assert waits.backend.server_status().position == 0
        # still its first attempt, told its place once however often the line repeated it
        assert [type(e) for e in waits.of_job(job.id)] == [ev.JobQueued, ev.QueuePosition]
        ahead.backend.cancel(first.id)
        assert isinstance(ahead.recorder.wait_job(first.id, timeout=60), ev.JobCancelled)
        end = waits.recorder.wait_job(job.id, timeout=60)
    finally:
        ahead.close()
        waits.close()
        for name in names:
            fleet_server.revoke(name)
    assert isinstance(end, ev.JobFinished), getattr(end, "message", end)
    assert [type(e) for e in waits.of_job(job.id)].count(ev.JobStarted) == 1
    assert [e["outcome"] for e in fleet_server.audit() if e["token"] == names[1]] == ["finished"]  # one attempt


def test_a_connection_lost_mid_job_is_followed_again_and_nothing_is_kept_twice(fleet_server, tmp_path):
    token = fleet_server.issue("kiosk-cut-once")
    with CuttableRelay(fleet_server.settings.port) as relay:
        kiosk = Kiosk(relay.url, token, tmp_path)
        try:
            job = kiosk.backend.submit(quick_request(model_id="tiny-sd15", batch=3, steps=20, width=96, height=96))
            kiosk.recorder.wait_for(lambda e: isinstance(e, ev.ImageReady) and e.job.id == job.id, timeout=120)
            relay.cut()
            end = kiosk.recorder.wait_job(job.id, timeout=120)
        finally:
            kiosk.close()
            fleet_server.revoke("kiosk-cut-once")
    assert isinstance(end, ev.JobFinished), getattr(end, "message", end)
    assert [d.seed for d in end.designs] == [42, 43, 44] and kiosk_count(tmp_path) == 3
    assert [type(e) for e in kiosk.of_job(job.id)].count(ev.JobStarted) == 1
    keys = {e["job_key"] for e in fleet_server.audit() if e["token"] == "kiosk-cut-once"}
    assert len(keys) == 1 and relay.connections >= 2  # followed again under the same key, never a second job


def test_a_server_gone_mid_job_fails_the_job_in_words_and_keeps_what_arrived_once(fleet_server, tmp_path, monkeypatch):
    monkeypatch.setattr(remote_job, "RECONNECT_PAUSES_S", (0.1, 0.1, 0.1))
    token = fleet_server.issue("kiosk-gone")
    with CuttableRelay(fleet_server.settings.port) as relay:
        kiosk = Kiosk(relay.url, token, tmp_path)
        try:
            job = kiosk.backend.submit(quick_request(model_id="tiny-sd15", batch=3, steps=40, width=128, height=128))
            kiosk.recorder.wait_for(lambda e: isinstance(e, ev.ImageReady) and e.job.id == job.id, timeout=120)
            relay.close()
            end = kiosk.recorder.wait_job(job.id, timeout=60)
        finally:
            kiosk.close()
    assert isinstance(end, ev.JobFailed) and end.msg.id == "fleet.lost"
    assert "nothing was saved twice" in end.message and not kiosk.backend.server_status().reachable
    ready = [e for e in kiosk.of_job(job.id) if isinstance(e, ev.ImageReady)]
    assert 1 <= len(ready) < 3 and kiosk_count(tmp_path) == len(ready)
    deadline = time.monotonic() + 30  # the server stopped the job nobody follows any more
    while time.monotonic() < deadline and not _outcomes(fleet_server, "kiosk-gone"):
        time.sleep(0.1)
    assert _outcomes(fleet_server, "kiosk-gone") == ["cancelled"]
    fleet_server.revoke("kiosk-gone")


def test_a_server_stopped_for_maintenance_finishes_or_fails_the_job_once_then_is_unreachable(kiosk, fleet_server):
    job = kiosk.backend.submit(quick_request(model_id="tiny-sd15", batch=2, steps=40, width=128, height=128, seed=3))
    kiosk.recorder.wait_for(lambda e: isinstance(e, ev.ImageReady) and e.job.id == job.id, timeout=120)
    stopper = threading.Thread(target=fleet_server.stop, name="sm6-test-stop-server")
    stopper.start()
    try:
        end = kiosk.recorder.wait_job(job.id, timeout=120)
        stopper.join(120)
        later = kiosk.backend.submit(quick_request(model_id="tiny-sd15", seed=5))
        refused = kiosk.recorder.wait_job(later.id, timeout=60)
    finally:
        stopper.join(120)
        fleet_server.start()
    ready = [e for e in kiosk.of_job(job.id) if isinstance(e, ev.ImageReady)]
    if isinstance(end, ev.JobFailed):  # the running job is drained when it ends in time, else cut or called off
        # cut: the stream ends unfinished; called off: the server says its replica went, or cancels it, in words
        assert end.msg.id in ("fleet.lost", "serve.replica_gone", "fleet.stopped_by_server")
    else:
        assert isinstance(end, ev.JobFinished) and len(end.designs) == 2
    assert kiosk.library.count() == len(ready) == len({e.design.id for e in ready})
    assert isinstance(refused, ev.JobFailed) and refused.msg.id == "fleet.unreachable"  # a fallback may run it here
    assert [type(e) for e in kiosk.of_job(later.id)] == [ev.JobQueued, ev.JobFailed]


def kiosk_count(root: Path) -> int:
    library = Library.open(root / "kiosk-data")
    try:
        return library.count()
    finally:
        library.close()


def _outcomes(fleet_server, token_name: str) -> list[str]:
    return [e["outcome"] for e in fleet_server.audit() if e["token"] == token_name]
