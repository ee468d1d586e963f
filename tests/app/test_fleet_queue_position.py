"""A job waiting in the generation server's line says where it stands: a QueuePosition when the server first tells
its place and each time the place changes (not for the server's repeated keep-alive lines), before JobStarted —
through a real RemoteBackend talking to a scripted server on 127.0.0.1, alone, behind a FallbackBackend and behind
a SwitchingBackend that renamed its jobs after a switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.fleet.fallback import FallbackBackend
from app.fleet.remote import RemoteBackend
from app.generation import events as ev
from app.generation.registry import ModelInfo
from app.generation.switching import SwitchingBackend
from tests.app.engine_helpers import Recorder, quick_request
from tests.fixtures.scripted_fleet import QueuedJob, ScriptedFleet

MODEL = ModelInfo("tiny-sd15", Path("tiny-sd15"), "diffusers", "sd15", 1000, sha256="ab" * 32)
TOKEN = "kiosk-7-queue-token"


def _no_local_engine():
    pytest.fail("the server took the job: nothing may run on this computer")


def _remote(server: ScriptedFleet) -> RemoteBackend:
    return RemoteBackend(server.url, TOKEN, timeout_s=5)


def _run(make_backend, positions=(2, 2, 1, 1, 1, 0, 0)) -> tuple[str, list, ScriptedFleet]:
    """One job (two variations) through `make_backend(server)`: its id and every event of it, in order."""
    with ScriptedFleet([MODEL], generate=QueuedJob(positions)) as server:
        backend = make_backend(server)
        recorder = Recorder()
        backend.subscribe(recorder)
        try:
            job = backend.submit(quick_request(model_id="tiny-sd15", batch=2))
            end = recorder.wait_job(job.id, timeout=30)
        finally:
            backend.shutdown()
    assert isinstance(end, ev.JobFinished), getattr(end, "message", end)
    with recorder.lock:
        events = [e for e in recorder.events if getattr(e, "job", None) is not None and e.job.id == job.id]
    return job.id, events, server


def _waiting_then_running(events: list) -> None:
    kinds = [type(e) for e in events]
    assert kinds[:5] == [ev.JobQueued, ev.QueuePosition, ev.QueuePosition, ev.QueuePosition, ev.JobStarted]
    assert [e.position for e in events if isinstance(e, ev.QueuePosition)] == [2, 1, 0]  # each once, as it changed
    assert kinds[-1] is ev.JobFinished and len(events[-1].images) == 2
    assert all(e.job.state is ev.JobState.QUEUED for e in events[1:4])


def test_the_place_in_line_is_told_once_per_change_before_the_job_starts():
    job_id, events, _server = _run(_remote)
    _waiting_then_running(events)
    assert job_id == "job-1"


def test_a_job_first_told_it_runs_next_hears_it_once():
    _job_id, events, _server = _run(_remote, positions=(0, 0, 0))
    assert [e.position for e in events if isinstance(e, ev.QueuePosition)] == [0]


def test_the_place_in_line_passes_through_the_fallback_under_the_job_s_id():
    job_id, events, _server = _run(lambda server: FallbackBackend(_remote(server), _no_local_engine))
    _waiting_then_running(events)
    assert not job_id.startswith("here-")


def test_the_place_in_line_passes_through_a_switch_under_the_renamed_id():
    def switched(server):
        backend = SwitchingBackend(lambda: _remote(server))
        assert backend.switch(lambda: _remote(server))  # idle: at once; its jobs are "b1-…" from now on
        return backend

    job_id, events, _server = _run(switched)
    _waiting_then_running(events)
    assert job_id == "b1-job-1"
