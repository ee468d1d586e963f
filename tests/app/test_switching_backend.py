"""Settings → Generation applies without a restart: the switching backend (app/generation/switching.py) moves new
jobs between this computer's engine (the tiny model) and a generation server (a scripted one on 127.0.0.1 that
answers every job "busy", so a job that reached it is plain to see), and a job already running finishes where it
started, its designs saved, before the switch happens."""

from __future__ import annotations

import threading

import pytest

from app.generation import events as ev
from app.generation.events import JobState
from app.generation.registry import ModelRegistry
from app.generation.settings import GenerationSettings
from app.library.saver import LibrarySaver
from app.library.store import Library
from app.services import Place, backend_at, generation_backend, local_backend
from tests.app.engine_helpers import Recorder, quick_request
from tests.fixtures.scripted_fleet import ScriptedFleet

TOKEN = "kiosk-7-Zq3vT9xWm2LpR8sYk4Nb"
BUSY = (503, {"error": "busy", "retry_after": 7})


@pytest.fixture
def here(tiny_sd15, models_dir, tmp_path):
    """(backend on this computer, recorder, registry, library); the backend is shut down after the test."""
    registry = ModelRegistry([models_dir])
    registry.scan()
    library = Library.open(tmp_path / "data")
    settings = GenerationSettings(device="cpu")
    backend = generation_backend(registry, library, lambda: _Settings(settings))
    recorder = Recorder()
    backend.subscribe(recorder)
    yield backend, recorder, registry, library
    backend.shutdown()
    assert backend.wait_retired(10)
    library.close()


class _Settings:
    """What generation_backend reads of the app's settings: the generation part, and this computer as the place."""

    def __init__(self, generation: GenerationSettings) -> None:
        from app.fleet.settings import FleetSettings

        self.generation, self.fleet = generation, FleetSettings()


def _server(server, registry, library):
    place = Place(True, server.url, token=TOKEN, timeout_s=5)
    return lambda: backend_at(place, registry, library, lambda: _Settings(GenerationSettings(device="cpu")))


def _here(registry, library):
    settings = GenerationSettings(device="cpu")
    return lambda: local_backend(registry, library, lambda: settings)


def _index(recorder: Recorder, event) -> int:
    with recorder.lock:
        return next(i for i, e in enumerate(recorder.events) if e is event)


def test_after_a_switch_the_next_job_goes_to_the_server_and_back_here(here):
    backend, rec, registry, library = here
    engine = backend.current
    first = rec.wait_job(backend.submit(quick_request(model_id="tiny-sd15")).id)
    assert isinstance(first, ev.JobFinished) and backend.device_label() == "CPU" and engine.loaded_model is not None
    with ScriptedFleet(registry.models, device="CUDA · NVIDIA H200", generate=BUSY) as server:
        assert backend.switch(_server(server, registry, library)) is True  # nothing running: at once
        assert rec.of(ev.BackendChanged) and not backend.switch_waiting
        assert backend.wait_retired(10) and engine.loaded_model is None  # this computer's memory is given back
        assert backend.device_label().startswith("Server")
        assert [m.id for m in backend.models()] == ["tiny-sd15"] and callable(backend.server_status)
        job = backend.submit(quick_request(model_id="tiny-sd15"))
        failed = rec.wait_job(job.id)
        assert "POST /generate" in server.asked  # the job went to the server …
        assert isinstance(failed, ev.JobFailed) and failed.msg.id == "fleet.busy"  # … which said so, in words
        assert job.id != first.job.id  # a new backend's jobs never reuse an id the window may remember
    assert backend.switch(_here(registry, library)) is True
    assert not hasattr(backend, "server_status")  # what only a server has goes with it
    back = rec.wait_job(backend.submit(quick_request(model_id="tiny-sd15", seed=7)).id)
    assert isinstance(back, ev.JobFinished) and library.get(back.designs[0].id) is not None
    assert len(rec.of(ev.BackendChanged)) == 2 and backend.wait_retired(10)


def test_a_switch_asked_while_a_job_runs_waits_for_it_and_cancel_still_reaches_the_old_jobs(here):
    backend, rec, registry, library = here
    kept: list = []
    saver = LibrarySaver(library)
    handed_over, go_on = threading.Event(), threading.Event()

    def keep(image):  # holds the first design until the test lets it go: the job is surely running meanwhile
        kept.append(image.seed)
        handed_over.set()
        assert go_on.wait(60)
        return saver.keep(image)

    backend.set_image_sink(keep)
    running = backend.submit(quick_request(model_id="tiny-sd15", seed=11))
    assert handed_over.wait(120)
    with ScriptedFleet(registry.models, generate=BUSY) as server:
        assert backend.switch(_server(server, registry, library)) is False  # a design is being made: later
        assert backend.switch_waiting and not hasattr(backend, "server_status")
        queued = backend.submit(quick_request(model_id="tiny-sd15", seed=12))  # joins the running one, here
        assert backend.cancel(queued.id) and isinstance(rec.wait_job(queued.id), ev.JobCancelled)
        assert backend.switch_waiting
        go_on.set()
        done = rec.wait_job(running.id, timeout=180)
        assert isinstance(done, ev.JobFinished) and library.get(done.designs[0].id) is not None
        changed = rec.wait_for(lambda e: isinstance(e, ev.BackendChanged))
        assert _index(rec, done) < _index(rec, changed)  # the job's last word came first
        assert server.asked.count("POST /generate") == 0 and not backend.switch_waiting
        after = backend.submit(quick_request(model_id="tiny-sd15", seed=13))
        assert isinstance(rec.wait_job(after.id), ev.JobFailed) and "POST /generate" in server.asked
    assert backend.switch(_here(registry, library)) is True
    again = rec.wait_job(backend.submit(quick_request(model_id="tiny-sd15", seed=14)).id)
    assert isinstance(again, ev.JobFinished) and kept == [11, 14]  # the same sink, through both switches
    assert [j.state for j in backend.jobs(include_finished=True)] == [JobState.DONE]


def test_a_backend_that_cannot_be_made_leaves_jobs_where_they_ran(here):
    backend, rec, _registry, _library = here

    def broken():
        raise OSError("no such thing")

    assert backend.switch(broken) is False
    engine = backend.current
    assert not backend.switch_waiting and backend.current is engine and backend.device_label() == "CPU"
    assert not rec.of(ev.BackendChanged)
