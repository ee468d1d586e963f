"""A generation server's engine joins waiting requests into one denoising pass: each person keeps their own job
(steps, Stop, image, failure), each image records its pass, and Verify regenerates it exactly on a desktop engine."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from app import executors
from app.config import GenerationSettings
from app.generation import events as ev
from app.generation.engine import Engine
from app.generation.pngmeta import read_png_metadata
from app.generation.registry import ModelRegistry
from app.generation.shared_pass import pass_key
from app.library.saver import LibrarySaver
from app.library.store import Library
from app.token.assemble import assemble_token
from app.token.metadata import regeneration_request, validate_metadata
from app.token.verify import verify
from tests.app.engine_helpers import Recorder, quick_request


@pytest.fixture
def registry(tiny_sd15, models_dir) -> ModelRegistry:
    registry = ModelRegistry([models_dir])
    registry.scan()
    return registry


@pytest.fixture
def engines(registry):
    """A server's engine (up to 4 images a pass) and a desktop's (a pass of its own for every image)."""
    made = []

    def make(max_pass: int = 1, **kwargs) -> tuple[Engine, Recorder]:
        engine = Engine(registry, lambda: GenerationSettings(), max_pass=max_pass, **kwargs)
        recorder = Recorder()
        engine.subscribe(recorder)
        made.append(engine)
        return engine, recorder

    yield make
    for engine in made:
        engine.shutdown()


class HeldWorker:
    """Keeps the generation worker busy until released, so the requests sent meanwhile are all waiting."""

    def __enter__(self) -> "HeldWorker":
        self.gate, self.holding = threading.Event(), threading.Event()
        executors.run("generation", lambda: (self.holding.set(), self.gate.wait(60)))
        assert self.holding.wait(30)
        return self

    def __exit__(self, *_exc) -> None:
        self.gate.set()


def _pixels(image) -> np.ndarray:
    return np.asarray(image.image().convert("RGB"))


def _regenerated(engine: Engine, recorder: Recorder, image) -> np.ndarray:
    """What a desktop engine makes of an image's own record (its request as the PNG keeps it)."""
    request = image.request.replace(seed=image.seed, batch=1)
    done = recorder.wait_job(engine.submit(request, save=False).id)
    assert isinstance(done, ev.JobFinished), done
    return _pixels(done.images[0])


def test_waiting_requests_share_one_pass_and_each_person_gets_their_own_job(engines):
    server, heard = engines(max_pass=4)
    prompts = ["pearl white, gold trim", "midnight blue by the sea", "matte black, red calipers"]
    with HeldWorker():
        jobs = [server.submit(quick_request(prompt=p, seed=10 + i), save=False) for i, p in enumerate(prompts)]
        wider = server.submit(quick_request(prompt="a wider one", width=96), save=False)  # another size: its own pass
    done = [heard.wait_job(job.id) for job in [*jobs, wider]]
    assert all(isinstance(d, ev.JobFinished) for d in done), done
    images = [d.images[0] for d in done]
    assert [(i.request.pass_size, i.request.pass_row) for i in images] == [(3, 0), (3, 1), (3, 2), (1, 0)]
    assert [i.seed for i in images[:3]] == [10, 11, 12]
    for job, prompt in zip(jobs, prompts):
        steps = [e.job.step for e in heard.of(ev.StepProgress) if e.job.id == job.id]
        assert steps == [1, 2, 3], (prompt, steps)
        started = [e for e in heard.of(ev.JobStarted) if e.job.id == job.id]
        assert len(started) == 1 and started[0].job.request.prompt == prompt
    recorded = read_png_metadata(images[1].png)
    assert recorded["request"]["pass_size"] == 3 and recorded["request"]["pass_row"] == 1
    assert "pass_size" not in read_png_metadata(images[3].png)["request"]  # recorded as every other image is

    desktop, desk_heard = engines()
    for image in images:
        assert np.array_equal(_regenerated(desktop, desk_heard, image), _pixels(image))


def test_a_row_depends_on_its_pass_not_on_the_other_prompts(engines):
    """Why a pass of copies regenerates a row: the same bytes whatever the other rows asked for."""
    server, heard = engines(max_pass=2)
    rows = []
    for other in ("a red one", "something else entirely, at night"):
        with HeldWorker():
            mine = server.submit(quick_request(seed=5), save=False)
            server.submit(quick_request(prompt=other, seed=99), save=False)
        rows.append(heard.wait_job(mine.id).images[0])
    assert rows[0].request.pass_size == rows[1].request.pass_size == 2
    assert np.array_equal(_pixels(rows[0]), _pixels(rows[1]))


def test_one_person_stopping_leaves_the_others_in_the_pass(engines):
    server, heard = engines(max_pass=4)
    stopped: dict[str, str] = {}

    def stop_at_second_step(event) -> None:
        if isinstance(event, ev.StepProgress) and event.job.id == stopped.get("id") and event.job.step == 2:
            server.cancel(event.job.id)

    server.subscribe(stop_at_second_step)
    with HeldWorker():
        leaving = server.submit(quick_request(prompt="changed my mind", steps=6), save=False)
        stopped["id"] = leaving.id
        staying = server.submit(quick_request(prompt="keep going", steps=6, seed=3), save=False)
    assert isinstance(heard.wait_job(leaving.id), ev.JobCancelled)
    kept = heard.wait_job(staying.id)
    assert isinstance(kept, ev.JobFinished)
    assert [e.job.step for e in heard.of(ev.StepProgress) if e.job.id == leaving.id] == [1, 2]
    assert [e.job.step for e in heard.of(ev.StepProgress) if e.job.id == staying.id] == [1, 2, 3, 4, 5, 6]
    image = kept.images[0]
    assert (image.request.pass_size, image.request.pass_row) == (2, 1)
    desktop, desk_heard = engines()
    assert np.array_equal(_regenerated(desktop, desk_heard, image), _pixels(image))


def test_variations_fill_a_pass_and_a_request_too_big_for_it_runs_in_several(engines):
    server, heard = engines(max_pass=3)
    with HeldWorker():
        many = server.submit(quick_request(batch=4, seed=50), save=False)  # 4 variations: passes of 3 and 1
        other = server.submit(quick_request(prompt="waits for the next turn", seed=7), save=False)
    images = heard.wait_job(many.id).images
    assert [(i.seed, i.request.pass_size, i.request.pass_row) for i in images] == [
        (50, 3, 0),
        (51, 3, 1),
        (52, 3, 2),
        (53, 1, 0),
    ]
    assert heard.wait_job(other.id).images[0].request.pass_size == 1  # no room left beside the four: its own turn
    # the three variations of the first pass advance together and are told once, then the fourth: never backwards
    told = [(e.job.image_index, e.job.step) for e in heard.of(ev.StepProgress) if e.job.id == many.id]
    assert told == [(0, 1), (0, 2), (0, 3), (3, 1), (3, 2), (3, 3)]


def test_what_cannot_share_a_pass():
    base = quick_request()
    assert pass_key(base) == pass_key(base.replace(prompt="other words", negative_prompt="blurry", seed=9, batch=2))
    assert pass_key(base) == pass_key(base.replace(preset="night"))
    for changed in (dict(width=96), dict(steps=4), dict(guidance=5.0), dict(scheduler="euler"), dict(model_id="x")):
        assert pass_key(base.replace(**changed)) != pass_key(base), changed
    assert pass_key(base.replace(source="base", view="rear34")) != pass_key(base.replace(source="base"))
    assert pass_key(base.replace(loras=(("ink", 0.5),))) != pass_key(base)
    assert pass_key(base.replace(pass_size=2, pass_row=1)) is None  # a regeneration repeats its own pass


def test_verify_says_exact_for_a_token_made_in_a_shared_pass(engines, registry, isolated_dirs):
    library = Library.open(isolated_dirs["SM6_DATA_DIR"])
    saver = LibrarySaver(library)
    server, heard = engines(max_pass=2, sources=saver.source_image)
    saver.attach(server)
    try:
        with HeldWorker():
            first = server.submit(quick_request(source="base", strength=0.6, seed=21))
            second = server.submit(quick_request(prompt="silver at dawn", source="base", strength=0.6, seed=22))
        heard.wait_job(first.id)
        design = heard.wait_job(second.id).designs[0]
        assert (design.request.pass_size, design.request.pass_row) == (2, 1)
        library.save_description(design.id, "en", "A silver SM6 at dawn.")
        draft = assemble_token(library, design, language="en")
        assert draft.metadata["properties"]["generation"]["pass"] == {"size": 2, "row": 1}
        assert validate_metadata(draft.metadata) == []
        assert regeneration_request(draft.metadata).pass_row == 1
        desktop, _ = engines()
        result = verify(desktop, draft.metadata, draft.image_bytes)
        assert (result.verdict, result.compared) == ("exact", "pixels")
    finally:
        server.shutdown()
        library.close()


@pytest.mark.parametrize(
    "shared, words",
    [
        ({"size": 2}, "damaged or incomplete"),
        ({"size": "2", "row": 0}, "damaged or incomplete"),
        ({"size": 2, "row": 2}, "shared pass"),
        ({"size": 99, "row": 0}, "shared pass"),
    ],
)
def test_a_damaged_pass_in_a_token_is_refused_in_words(shared, words):
    from app.errors import RequestError

    generation = {
        "prompt": "p",
        "seed": 1,
        "steps": 3,
        "guidance": 7.0,
        "width": 64,
        "height": 64,
        "sampler": "euler",
        "pass": shared,
    }
    with pytest.raises(RequestError) as refused:
        regeneration_request({"properties": {"generation": generation}})
    assert words in refused.value.message


def test_variations_asked_of_a_shared_pass_row_each_repeat_that_row(engines):
    """A request naming a pass (as Verify's does) with variations: each one is made as that row, none is refused."""
    server, heard = engines(max_pass=2)
    with HeldWorker():
        first = server.submit(quick_request(seed=30), save=False)
        server.submit(quick_request(prompt="the other row", seed=31), save=False)
    image = heard.wait_job(first.id).images[0]
    desktop, desk_heard = engines()
    again = desk_heard.wait_job(desktop.submit(image.request.replace(seed=30, batch=2), save=False).id).images
    assert [(i.seed, i.request.pass_size, i.request.pass_row) for i in again] == [(30, 2, 0), (31, 2, 0)]
    assert np.array_equal(_pixels(again[0]), _pixels(image))


def test_a_partner_stopped_while_the_model_loads_ends_cancelled_and_the_engine_goes_idle(engines):
    server, heard = engines(max_pass=4)
    ids: dict[str, str] = {}

    def stop_partner_when_the_pass_starts(event) -> None:
        if isinstance(event, ev.JobStarted) and event.job.id == ids.get("head"):
            server.cancel(ids["partner"])

    server.subscribe(stop_partner_when_the_pass_starts)
    with HeldWorker():
        ids["head"] = server.submit(quick_request(prompt="goes on", seed=1), save=False).id
        ids["partner"] = server.submit(quick_request(prompt="stopped", seed=2), save=False).id
    assert isinstance(heard.wait_job(ids["head"]), ev.JobFinished)
    assert isinstance(heard.wait_job(ids["partner"]), ev.JobCancelled)
    assert server.wait_idle(10)  # the stopped job is not left looking as if it ran
    (stopped,) = [job for job in server.jobs(include_finished=True) if job.id == ids["partner"]]
    assert stopped.state is ev.JobState.CANCELLED
