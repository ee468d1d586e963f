"""A generation server replica with several images per pass (issue 20): the jobs inside it at once share the next
pass, each stream says its image's pass, each kiosk gets previews only if it asked, and one job's starting image is
never taken from another waiting beside it."""

from __future__ import annotations

import asyncio
import base64
import io
import json

import pytest
from PIL import Image

from app.config import GenerationSettings
from app.fleet import wire
from app.fleet.remote import RemoteBackend
from app.fleet.replica import ReplicaCore
from app.generation import events as ev
from app.generation import pngmeta
from app.generation.registry import ModelRegistry
from tests.app.engine_helpers import Recorder, quick_request
from tests.app.test_fleet_queue_position import MODEL
from tests.app.test_shared_pass import HeldWorker
from tests.fixtures.scripted_fleet import QueuedJob, ScriptedFleet


@pytest.fixture
def core(tiny_sd15, models_dir):
    core = ReplicaCore(GenerationSettings(), ModelRegistry([models_dir]), max_pass=4)
    yield core
    core.close()


def _png(colour: str) -> str:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), colour).save(out, format="PNG")
    return wire.b64(out.getvalue())


def _run_together(core: ReplicaCore, bodies: list[dict]) -> list[list[dict]]:
    """The bodies sent to the replica while its worker is busy, so all of them are inside it before any starts."""

    async def collect(body: dict) -> list[dict]:
        return [json.loads(line) async for line in core.run(body)]

    async def main() -> list[list[dict]]:
        with HeldWorker():
            tasks = [asyncio.ensure_future(collect(body)) for body in bodies]
            while len(core.engine.jobs()) < len(bodies):
                await asyncio.sleep(0.01)
        return await asyncio.wait_for(asyncio.gather(*tasks), 120)

    return asyncio.run(main())


def test_jobs_inside_a_replica_share_a_pass_and_only_the_kiosks_that_asked_get_previews(core):
    bodies = [
        {"request": quick_request(prompt="pearl white", seed=1).to_dict(), "previews": True},
        {"request": quick_request(prompt="ocean blue", seed=2).to_dict(), "previews": False},
    ]
    streams = _run_together(core, bodies)
    for row, lines in enumerate(streams):
        assert [line["event"] for line in lines][-2:] == ["image", "finished"]
        image = next(line for line in lines if line["event"] == "image")
        assert wire.image_pass(image) == (2, row)
        recorded = pngmeta.read_png_metadata(wire.png_bytes(image))["request"]
        assert (recorded["pass_size"], recorded["pass_row"]) == (2, row)
    previews = [[line["preview"] for line in lines if line["event"] == "progress"] for lines in streams]
    assert previews[0] and all(previews[0]) and previews[1] and not any(previews[1])


def test_a_starting_image_stays_until_its_own_job_has_used_it(core):
    bodies = []
    for design, colour in (("design-a", "navy"), ("design-b", "orange")):
        request = quick_request(source="design", source_design_id=design, strength=0.5, seed=3)
        bodies.append({"request": request.to_dict(), "source_png": _png(colour)})
    # a job in between: the first job's stream has ended before the second one reads its starting image
    bodies.insert(1, {"request": quick_request(prompt="in between", steps=12, width=128, height=128).to_dict()})
    streams = _run_together(core, bodies)
    assert streams.pop(1)[-1]["event"] == "finished"
    pixels = []
    for lines, design in zip(streams, ("design-a", "design-b")):
        # before, the first job's end deleted every starting image, and the second failed: "design is gone"
        assert lines[-1]["event"] == "finished", lines[-1]
        image = next(line for line in lines if line["event"] == "image")
        assert image["parent_id"] == design
        pixels.append(Image.open(io.BytesIO(wire.png_bytes(image))).convert("RGB").tobytes())
    assert pixels[0] != pixels[1]  # the same prompt and seed: each started from its own picture
    assert len(core._sources) == 0  # nothing kept on the server after the jobs


def _from_scripted_server(shared_pass: dict):
    """One job through a real RemoteBackend from a server whose image lines carry `shared_pass`: how it ended."""
    with ScriptedFleet([MODEL], generate=QueuedJob((), shared_pass=shared_pass)) as server:
        backend = RemoteBackend(server.url, "kiosk-pass-token", timeout_s=5)
        recorder = Recorder()
        backend.subscribe(recorder)
        try:
            return recorder.wait_job(backend.submit(quick_request(model_id="tiny-sd15"), save=False).id, timeout=30)
        finally:
            backend.shutdown()


@pytest.mark.parametrize("shared, kept", [({"pass_size": 3, "pass_row": 1}, (3, 1)), ({}, (1, 0))])
def test_the_kiosk_keeps_the_pass_the_server_made_its_image_in(shared, kept):
    end = _from_scripted_server(shared)
    assert isinstance(end, ev.JobFinished), end
    (image,) = end.images
    assert (image.request.pass_size, image.request.pass_row) == kept  # what its token and Verify will read


def test_a_server_naming_an_impossible_pass_fails_the_job_in_words():
    end = _from_scripted_server({"pass_size": 2, "pass_row": 5})
    assert isinstance(end, ev.JobFailed) and "Traceback" not in end.message and end.message


def test_an_image_line_with_a_pass_that_is_not_one_is_refused():
    line = {"pass_size": 2, "pass_row": 2}
    for wrong in (line, {"pass_size": 2.5, "pass_row": 0}, {"pass_size": 17, "pass_row": 0}, {"pass_row": 1}):
        with pytest.raises(wire.WireError):
            wire.image_pass(wrong)
    assert wire.image_pass({}) == (1, 0) and wire.image_pass({"pass_size": 3, "pass_row": 2}) == (3, 2)


def test_a_visitors_picture_is_used_for_its_job_and_never_kept_on_the_server(core, tmp_path):
    from app.generation import pictures

    def job(colour: str) -> dict:
        png = _png(colour)
        sha = pictures.PictureStore(tmp_path / "kiosk").add_bytes(base64.b64decode(png))  # the kiosk's name for it
        request = quick_request(source="picture", source_picture=sha, strength=0.5, seed=3)
        return {"request": request.to_dict(), "picture_png": png}

    streams = _run_together(core, [job("navy"), job("orange"), job("navy")])
    pixels = []
    for lines in streams:
        assert lines[-1]["event"] == "finished", lines[-1]
        image = next(line for line in lines if line["event"] == "image")
        pixels.append(Image.open(io.BytesIO(wire.png_bytes(image))).convert("RGB").tobytes())
    assert pixels[0] == pixels[2] != pixels[1]  # each started from its own picture; the same picture twice is one
    assert len(core._pictures) == 0  # held while the jobs ran, gone after them
    assert not any((tmp_path / "data").rglob("*.png"))  # and never written to the server's disk

    # a picture that is no picture: the job fails in words, and nothing stays held
    bad = {"request": job("navy")["request"], "picture_png": wire.b64(b"not a picture at all")}

    async def send() -> list[dict]:
        return [json.loads(line) async for line in core.run(bad)]

    lines = asyncio.run(send())
    assert lines[-1]["event"] == "failed" and lines[-1]["message"]["id"] == "generation.picture.not_a_picture"
    assert len(core._pictures) == 0
