"""A kiosk whose staff allow it generates on this computer when the server cannot take a job: a real local engine
on the tiny model, a real RemoteBackend, and a server that is either not there at all (a closed port on 127.0.0.1)
or a scripted one on 127.0.0.1 that answers "busy" or refuses the token (tests/fixtures/scripted_fleet.py)."""

from __future__ import annotations

import pytest

from app.config import GenerationSettings, Settings
from app.errors import RequestError
from app.fleet.fallback import FallbackBackend, RunsOnThisComputer
from app.fleet.remote import RemoteBackend
from app.fleet.settings import FleetSettings, FleetTokenStore
from app.generation import events as ev
from app.generation.registry import ModelRegistry
from app.library.saver import LibrarySaver
from app.library.store import Library
from app.services import generation_backend, local_backend
from tests.app.engine_helpers import Recorder, quick_request
from tests.fixtures.scripted_fleet import ScriptedFleet, closed_port_url


@pytest.fixture
def kiosk(tiny_sd15, models_dir, tmp_path):
    """(registry, library, make(url) -> (fallback, recorder)); every backend made is shut down after the test."""
    registry = ModelRegistry([models_dir])
    registry.scan()
    library = Library.open(tmp_path / "data")
    made: list = []
    settings = GenerationSettings(device="cpu")

    def make(url: str):
        made_local: list = []

        def local():
            made_local.append(local_backend(registry, library, lambda: settings))
            return made_local[-1]

        backend = FallbackBackend(RemoteBackend(url, "kiosk-7-token", timeout_s=5), local)
        LibrarySaver(library).attach(backend)
        recorder = Recorder()
        backend.subscribe(recorder)
        made.append(backend)
        return backend, recorder

    yield registry, library, make
    for backend in made:
        backend.shutdown()
    library.close()


def _of(recorder: Recorder, job_id: str) -> list:
    with recorder.lock:
        return [e for e in recorder.events if getattr(e, "job", None) is not None and e.job.id == job_id]


def test_an_unreachable_server_runs_the_job_here_and_says_so(kiosk):
    _registry, library, make = kiosk
    backend, rec = make(closed_port_url())
    assert backend.local is None  # nothing of this computer's engine until a job needs it
    job = backend.submit(quick_request(model_id="tiny-sd15", batch=2))
    end = rec.wait_job(job.id)
    assert isinstance(end, ev.JobFinished) and len(end.designs) == 2
    said = rec.of(RunsOnThisComputer)
    assert [s.job_id for s in said] == [job.id] and said[0].reason.id == "fleet.unreachable"
    kinds = [type(e) for e in _of(rec, job.id)]
    assert kinds[0] is ev.JobQueued and kinds[1] is ev.JobStarted and kinds[-1] is ev.JobFinished
    assert kinds.count(ev.ImageReady) == 2 and ev.StepProgress in kinds
    first = _of(rec, job.id)[0]
    with rec.lock:
        assert rec.events.index(said[0]) < rec.events.index(first)  # why, before the job's first word
    assert {d.id for d in end.designs} <= {d.id for d in library.list()}  # kept in the kiosk's library
    assert backend.device_label() == "This computer · CPU (server unreachable)"
    assert backend.jobs() == [] and backend.jobs(include_finished=True)[-1].id == job.id


def test_a_busy_server_hands_the_job_over_under_the_same_id(kiosk):
    registry, _library, make = kiosk
    with ScriptedFleet(registry.models, generate=(503, {"error": "busy", "retry_after": 7})) as server:
        backend, rec = make(server.url)
        job = backend.submit(quick_request(model_id="tiny-sd15"))  # the server takes it: its model list answered
        assert not job.id.startswith("here-")
        end = rec.wait_job(job.id)
    assert isinstance(end, ev.JobFinished) and len(end.designs) == 1
    assert not rec.of(ev.JobFailed)  # the server's "busy" became this computer's run, not a failure
    assert rec.of(RunsOnThisComputer)[0].reason.id == "fleet.busy"
    assert [type(e) for e in _of(rec, job.id)].count(ev.JobQueued) == 1  # announced once, by the server's answer
    assert "POST /generate" in server.asked


def test_a_job_that_ran_here_can_be_cancelled_by_its_id(kiosk):
    _registry, _library, make = kiosk
    backend, rec = make(closed_port_url())
    job = backend.submit(quick_request(model_id="tiny-sd15", steps=40, width=128, height=128))
    rec.wait_for(lambda e: isinstance(e, ev.StepProgress) and e.job.id == job.id)
    assert backend.cancel(job.id)
    assert isinstance(rec.wait_job(job.id), ev.JobCancelled)


def test_a_refused_token_is_not_a_reason_to_run_here(kiosk):
    registry, _library, make = kiosk
    refused = (401, {"error": "unauthorized"})
    with ScriptedFleet(registry.models, models_reply=refused) as server:
        backend, rec = make(server.url)
        with pytest.raises(RequestError) as said:
            backend.submit(quick_request(model_id="tiny-sd15"))
    assert said.value.msg.id == "fleet.unauthorized"  # staff must act: nothing silently runs elsewhere
    assert backend.local is None and not rec.of(RunsOnThisComputer)


def test_a_model_that_is_nowhere_is_refused_not_swapped(kiosk):
    _registry, _library, make = kiosk
    backend, rec = make(closed_port_url())
    with pytest.raises(RequestError, match="is not installed any more"):
        backend.submit(quick_request(model_id="not-installed"))
    assert not rec.of(ev.JobQueued)


def test_when_this_computer_cannot_either_the_server_s_words_are_said(tmp_path):
    library = Library.open(tmp_path / "data")
    registry = ModelRegistry([tmp_path / "no-models"])
    registry.scan()
    backend = FallbackBackend(
        RemoteBackend(closed_port_url(), "t0ken-for-kiosk", timeout_s=5),
        lambda: local_backend(registry, library, GenerationSettings),
    )
    try:
        with pytest.raises(RequestError) as said:
            backend.submit(quick_request())
        assert said.value.msg.id == "fleet.unreachable" and "cannot be reached" in str(said.value)
    finally:
        backend.shutdown()
        library.close()


@pytest.mark.parametrize(
    ("fleet", "kiosk", "kind"),
    [
        (FleetSettings(), False, "Engine"),
        (FleetSettings(kiosk_server_only=True), False, "Engine"),  # the kiosk policy binds a kiosk only
        (FleetSettings(use="server", url="http://127.0.0.1:9"), False, "RemoteBackend"),
        (FleetSettings(kiosk_server_only=True, url="http://127.0.0.1:9"), True, "RemoteBackend"),
        (FleetSettings(use="server", url="http://127.0.0.1:9", allow_local_fallback=True), False, "FallbackBackend"),
    ],
)
def test_the_settings_pick_where_designs_are_generated(fleet, kiosk, kind, tmp_path):
    FleetTokenStore().set("kiosk-7-token")
    library = Library.open(tmp_path / "data")
    registry = ModelRegistry([tmp_path / "no-models"])
    backend = generation_backend(registry, library, lambda: Settings(fleet=fleet), kiosk)
    try:
        assert type(backend.current).__name__ == kind  # inside the backend that switches when Settings change
        if kind == "RemoteBackend":
            assert backend._conn.token == "kiosk-7-token"  # from the keyring
    finally:
        backend.shutdown()
        library.close()
