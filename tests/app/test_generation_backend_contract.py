"""What every GenerationBackend promises its front ends, run against each implementation (today the local diffusers
engine; a remote backend joins the `IMPLEMENTATIONS` list and must pass the same tests): the interface, the order
of events, designs announced only once saved, jobs that keep nothing, "latest wins" streams, models and presets."""

from __future__ import annotations

import hashlib
import inspect
import shutil
from pathlib import Path

import pytest

from app.errors import RequestError
from app.generation import events as ev
from app.generation.backend import LIVE_STREAM, GeneratedImage, GenerationBackend
from app.generation.events import JobState
from app.generation.pngmeta import read_png_metadata
from app.generation.presets import PresetBook
from app.generation.registry import ModelRegistry
from app.generation.settings import GenerationSettings
from app.library.store import Library
from app.services import local_backend
from tests.app.engine_helpers import Recorder, quick_request


def _local(root: Path, models: Path, request):
    registry = ModelRegistry([models])
    registry.scan()
    library = Library.open(root / "data")
    settings = GenerationSettings(device="cpu")
    return local_backend(registry, library, lambda: settings), library


def _switched(root: Path, models: Path, request):
    """The backend Settings → Generation switches (app/generation/switching.py), after one switch: its jobs' ids
    are renamed, and every promise must still hold."""
    from app.generation.switching import SwitchingBackend

    first, library = _local(root, models, request)
    backend = SwitchingBackend(lambda: first)
    registry = ModelRegistry([models])
    registry.scan()
    settings = GenerationSettings(device="cpu")
    assert backend.switch(lambda: local_backend(registry, library, lambda: settings))
    return backend, library


def _remote(root: Path, models: Path, request):
    """The generation server's client (app/fleet/remote.py) on a real Ray Serve application of its own, serving
    this module's models folder, saving into a library as the window does (app/services.py)."""
    from app.fleet.remote import RemoteBackend
    from app.library.saver import LibrarySaver

    fleet = request.getfixturevalue("fleet_server")
    url = fleet.start_app(REMOTE_APP, models_dir=str(models))
    request.addfinalizer(lambda: fleet.stop_app(REMOTE_APP))
    token = fleet.issue("kiosk-contract")
    request.addfinalizer(lambda: fleet.revoke("kiosk-contract"))
    library = Library.open(root / "data")
    saver = LibrarySaver(library)
    backend = RemoteBackend(url, token, timeout_s=60, sources=saver.source_image)
    saver.attach(backend)
    return backend, library


REMOTE_APP = "contract"
LOADS_ELSEWHERE = {"remote"}  # implementations whose models are loaded on another machine
IMPLEMENTATIONS = {"local": _local, "switched": _switched, "remote": _remote}


@pytest.fixture(
    scope="module",
    # `remote` asks for the server at run time: the mark tells tests/conftest.py to keep it running for these tests
    params=[
        pytest.param(name, marks=pytest.mark.fleet_server) if name == "remote" else name for name in IMPLEMENTATIONS
    ],
)
def shared(request, tiny_sd15_master, tmp_path_factory):
    """One backend per implementation for the module (loading a model is most of a test's time), with the tiny
    model and a second copy whose weights are damaged after the scan (for a preload that fails)."""
    root = tmp_path_factory.mktemp(f"contract-{request.param}")
    models = root / "models"
    shutil.copytree(tiny_sd15_master, models / "tiny-sd15")
    shutil.copytree(tiny_sd15_master, models / "will-break")
    backend, library = IMPLEMENTATIONS[request.param](root, models, request)
    recorder = Recorder()
    backend.subscribe(recorder)
    yield backend, recorder, library, models
    backend.shutdown()
    library.close()


def sound(**changes):
    return quick_request(**{"model_id": "tiny-sd15", **changes})


def of_job(recorder: Recorder, job_id: str) -> list:
    with recorder.lock:
        return [e for e in recorder.events if getattr(e, "job", None) is not None and e.job.id == job_id]


def test_it_offers_every_method_of_the_interface(shared):
    backend = shared[0]
    assert isinstance(backend, GenerationBackend)
    wanted = [name for name, _ in inspect.getmembers(GenerationBackend, inspect.isfunction) if not name.startswith("_")]
    assert len(wanted) >= 17 and all(callable(getattr(backend, name)) for name in wanted)
    assert isinstance(backend.presets(), PresetBook) and backend.presets().get("studio").id == "studio"
    assert backend.device_label()


def test_a_job_announces_each_design_once_it_is_saved_and_ends_after_all_of_them(shared):
    backend, rec, library, _ = shared
    on_disk: list[bool] = []

    def check_when_announced(event) -> None:  # runs as the event is sent: the design must already be kept
        if isinstance(event, ev.ImageReady) and event.job.id == job.id:
            on_disk.append(Path(event.design.image_path).is_file() and library.get(event.design.id) is not None)

    backend.subscribe(check_when_announced)
    try:
        job = backend.submit(sound(batch=3, seed=300))
        done = rec.wait_job(job.id)
    finally:
        backend.unsubscribe(check_when_announced)
    kinds = [type(e) for e in of_job(rec, job.id) if not isinstance(e, ev.QueuePosition)]  # a server's line only
    assert kinds[0] is ev.JobQueued and kinds[1] is ev.JobStarted and kinds[-1] is ev.JobFinished
    ready = [e for e in of_job(rec, job.id) if isinstance(e, ev.ImageReady)]
    assert [e.job.image_index for e in ready] == [0, 1, 2] and on_disk == [True, True, True]
    assert kinds.index(ev.ImageReady) > max(i for i, k in enumerate(kinds) if k is ev.JobStarted)
    assert [d.id for d in done.designs] == [e.design.id for e in ready] and done.images == ()
    assert [d.seed for d in done.designs] == [300, 301, 302]
    assert done.job.state is JobState.DONE and job.id not in {j.id for j in backend.jobs()}


def test_a_job_that_keeps_nothing_hands_back_its_images_with_their_provenance(shared):
    backend, rec, library, _ = shared
    before = library.count()
    job = backend.submit(sound(batch=2, seed=77), save=False)
    done = rec.wait_job(job.id)
    assert isinstance(done, ev.JobFinished) and done.designs == ()
    assert not [e for e in of_job(rec, job.id) if isinstance(e, ev.ImageReady)]
    assert library.count() == before
    first, second = done.images
    assert isinstance(first, GeneratedImage) and (first.seed, second.seed) == (77, 78)
    assert first.image().size == (64, 64) and first.model_hash and first.device
    meta = read_png_metadata(first.png)
    assert meta["meta"]["seed"] == 77 and meta["request"]["prompt"] == "pearl white, gold trim"
    assert "Seed: 77" in meta["parameters"] and meta["digital_source_type"].endswith("trainedAlgorithmicMedia")


# --- latest wins ----------------------------------------------------------------------------------------------------


def _hold_the_worker(backend, rec):
    """A long job on no stream, so what is submitted next waits in the queue; returns its id once it runs."""
    blocker = backend.submit(sound(steps=150, width=128, height=128, seed=9))
    rec.wait_for(lambda e: isinstance(e, ev.StepProgress) and e.job.id == blocker.id)
    return blocker.id


@pytest.mark.parametrize("burst", [2, 5, 20])
def test_on_a_stream_only_the_newest_queued_request_runs(shared, burst):
    backend, rec, library, _ = shared
    blocker = _hold_the_worker(backend, rec)
    other = backend.submit(sound(seed=500), stream="another stream")
    live = [backend.submit(sound(seed=600 + i), stream=LIVE_STREAM) for i in range(burst)]
    for older, newer in zip(live, live[1:]):
        cancelled = rec.wait_job(older.id, timeout=5)
        assert isinstance(cancelled, ev.JobCancelled) and cancelled.replaced_by == newer.id
        assert cancelled.steps_after_cancel == 0
    assert [j.id for j in backend.jobs()] == [blocker, other.id, live[-1].id]
    assert all(j.stream == LIVE_STREAM for j in backend.jobs()[2:])
    backend.cancel(blocker)
    newest = rec.wait_job(live[-1].id)
    assert isinstance(newest, ev.JobFinished) and [d.seed for d in newest.designs] == [600 + burst - 1]
    assert isinstance(rec.wait_job(other.id), ev.JobFinished)  # another stream is left alone
    started = {e.job.id for e in rec.of(ev.JobStarted)}
    assert not started & {j.id for j in live[:-1]}


def test_on_a_stream_a_new_request_stops_the_running_one_within_a_step(shared):
    backend, rec, library, _ = shared
    before = library.count()
    running = backend.submit(sound(steps=150, width=128, height=128, seed=700), stream=LIVE_STREAM)
    rec.wait_for(lambda e: isinstance(e, ev.StepProgress) and e.job.id == running.id and e.job.step >= 2)
    newer = backend.submit(sound(seed=701), stream=LIVE_STREAM)
    stopped = rec.wait_job(running.id)
    assert isinstance(stopped, ev.JobCancelled) and stopped.replaced_by == newer.id
    assert stopped.steps_after_cancel <= 1 and stopped.job.step < 10
    assert isinstance(rec.wait_job(newer.id), ev.JobFinished)
    assert library.count() == before + 1


def test_a_request_on_no_stream_never_replaces_another(shared):
    backend, rec, _, _ = shared
    first, second = backend.submit(sound(seed=801)), backend.submit(sound(seed=802))
    assert isinstance(rec.wait_job(first.id), ev.JobFinished) and isinstance(rec.wait_job(second.id), ev.JobFinished)


# --- cancel ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("job_id", ["job-999999", "", "not a job", "job-1\n"])
def test_cancelling_a_job_that_does_not_exist_changes_nothing(shared, job_id):
    backend = shared[0]
    assert backend.cancel(job_id) is False


def test_cancelling_a_finished_job_says_it_had_ended(shared):
    backend, rec, _, _ = shared
    job = backend.submit(sound(seed=900), save=False)
    rec.wait_job(job.id)
    assert backend.cancel(job.id) is False
    assert [j.state for j in backend.jobs(include_finished=True) if j.id == job.id] == [JobState.DONE]


# --- models ---------------------------------------------------------------------------------------------------------


def test_it_lists_its_models_and_picks_a_usable_one(shared):
    backend = shared[0]
    ids = [m.id for m in backend.models()]
    assert {"tiny-sd15", "will-break"} <= set(ids)
    assert backend.model("tiny-sd15").usable and backend.model("no such model") is None
    assert backend.model_for("tiny-sd15").id == "tiny-sd15" and backend.model_for("").usable
    assert [m.id for m in backend.refresh_models()] == ids


@pytest.mark.parametrize("model_id", ["not-installed", "../tiny-sd15", "TINY-SD15", "tiny-sd15 ", "x" * 300, "🚗"])
def test_a_model_that_is_not_there_is_refused_in_words(shared, model_id):
    backend, _, library, _ = shared
    before = len(backend.jobs(include_finished=True))
    with pytest.raises(RequestError, match="is not installed any more"):
        backend.submit(sound(model_id=model_id))
    assert len(backend.jobs(include_finished=True)) == before


def test_a_model_is_found_by_the_hash_its_designs_record(shared):
    backend, rec, _, _ = shared
    (design,) = rec.wait_job(backend.submit(sound(seed=950)).id).designs
    model = backend.model_with_hash(design.model_hash)  # what Verify does with a token's metadata
    assert model is not None and model.id == "tiny-sd15" and model.sha256 == design.model_hash


@pytest.mark.parametrize("sha256", ["0" * 64, "", "zz", "A" * 64, "tiny-sd15"])
def test_a_hash_no_model_has_finds_nothing(shared, sha256):
    assert shared[0].model_with_hash(sha256) is None


def test_controlnets_and_loras_are_offered_apart_from_the_models(shared):
    backend = shared[0]
    assert backend.addons("controlnet") == [] and backend.addons("lora", "sd15") == []  # none installed here
    assert all(m.kind == "checkpoint" for m in backend.models() if m.usable)
    model_hash = backend.model_with_hash(backend.model_for("tiny-sd15").sha256 or "0" * 64)
    assert model_hash is None or backend.model_with_hash(model_hash.sha256, "lora") is None


def test_a_model_that_will_not_load_is_reported_and_the_next_job_still_runs(shared, request):
    backend, rec, _, models = shared
    weights = next((models / "will-break" / "unet").glob("*.safetensors"))
    original = weights.read_bytes()
    weights.write_bytes(original[:100])  # damaged after the scan
    try:
        backend.preload("will-break")
        if request.node.callspec.params["shared"] in LOADS_ELSEWHERE:
            # The server loads a model at the job that needs it: a preload only looks it up in the server's list.
            # Its scan ("is damaged: … Copy the whole folder again", refused at submit) or its load ("could not be
            # loaded: the file may be damaged …", a failed job) says so, whichever meets the damage first.
            try:
                failed = rec.wait_job(backend.submit(sound(model_id="will-break", seed=999)).id)
                assert isinstance(failed, ev.JobFailed)
                message = failed.message
            except RequestError as refused:
                message = str(refused.msg)
            assert message.startswith("will-break ") and "damaged" in message and str(models) not in message
        else:
            failed = rec.wait_for(lambda e: isinstance(e, ev.ModelLoadFailed) and e.model_id == "will-break", 60)
            assert "could not be loaded" in failed.message and str(weights) not in failed.message
    finally:
        weights.write_bytes(original)
    assert isinstance(rec.wait_job(backend.submit(sound(seed=1000)).id), ev.JobFinished)
    backend.preload("tiny-sd15")
    rec.wait_for(lambda e: isinstance(e, ev.ModelLoaded) and e.model_id == "tiny-sd15")


def test_the_hash_of_a_kept_design_matches_its_png(shared):
    backend, rec, library, _ = shared
    (design,) = rec.wait_job(backend.submit(sound(seed=1100)).id).designs
    assert hashlib.sha256(Path(design.image_path).read_bytes()).hexdigest() == design.image_sha256
