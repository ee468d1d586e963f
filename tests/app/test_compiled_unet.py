"""torch.compile for the UNet in the background (app/generation/compiled_unet.py), on the real tiny pipeline.

On CUDA the compiler is Inductor with CUDA graphs, which this machine cannot run. These use torch.compile itself
(Dynamo tracing the real UNet) with a backend that counts what it compiles, and can be held back, so they show what
a person would notice: no job waits for a compile, a compiled UNet gives the same picture, each kind of input is
compiled once, and a compile that fails leaves generation as it was."""

from __future__ import annotations

import logging
import os
import shutil
import threading

import numpy as np
import pytest
import torch

from app.generation import compiled_unet
from app.generation.devices import DeviceChoice
from app.generation.guided import Addons
from app.generation.pipelines import LoadOptions, load_model
from app.generation.presets import default_presets
from app.generation.registry import ModelRegistry
from app.generation.runner import JobRunner
from tests.app.engine_helpers import quick_request


class Backend:
    """A torch.compile backend that runs the traced graph as it is, counting compiles and calls into it."""

    def __init__(self, hold: threading.Event | None = None, fail: bool = False, break_after: int = 0) -> None:
        self.break_after = break_after  # compiled code that fails at run time after this many calls from jobs
        self.compiles = 0
        self.compiles_in_jobs = 0  # a job that compiles is the minute-long stall this is all about
        self.calls = 0  # calls from jobs; the background compile's own trial run is not one
        self.hold = hold
        self.fail = fail
        self.entered = threading.Event()  # a compile has reached the backend

    def __call__(self, graph, _example_inputs):
        self.entered.set()
        if self.hold is not None:
            assert self.hold.wait(60), "the test never let the compile go on"
        if self.fail:
            raise RuntimeError("this GPU's compiler cannot build the kernels")
        self.compiles += 1
        self.compiles_in_jobs += not _in_background()

        def run(*args):
            self.calls += not _in_background()
            if self.break_after and self.calls > self.break_after:
                raise RuntimeError("accessing tensor output of CUDAGraphs that has been overwritten")
            return graph.forward(*args)

        return run

    def compiler(self, forward):
        return torch.compile(forward, backend=self, fullgraph=True, dynamic=False)


@pytest.fixture(autouse=True)
def fresh_compiler_state():
    """Each test's backend is new to torch, which keeps every compiled entry of a function for the whole process."""
    torch._dynamo.reset()
    yield
    torch._dynamo.reset()


def _in_background() -> bool:
    return threading.current_thread().name.startswith("sm6-long-unet-compile")


@pytest.fixture(scope="module")
def model(tiny_sd15_master):
    (found,) = ModelRegistry([tiny_sd15_master.parent]).scan()
    return found


def load(model):
    return load_model(model, LoadOptions(DeviceChoice("cpu", "float32", "CPU")))


def generate(loaded, addons: Addons | None = None, **changes) -> np.ndarray:
    request = quick_request(**{"model_id": loaded.model.id, "steps": 3, "width": 64, "height": 64, **changes})
    if addons is not None:
        request = request.replace(loras=tuple((info.id, weight) for info, weight in addons.loras))
    runner = JobRunner(loaded, default_presets(), addons=addons)
    (image,) = runner.run(request, threading.Event(), lambda *_: None)
    return np.asarray(image.pixels)


def settle(router) -> None:
    deadline = threading.Event()
    for _ in range(600):
        if router.idle():
            return
        deadline.wait(0.1)
    raise AssertionError("the background compile never ended")


def test_no_job_waits_for_the_compile_and_the_compiled_unet_gives_the_same_picture(model):
    loaded = load(model)
    plain = generate(loaded)
    hold = threading.Event()
    backend = Backend(hold)
    router = compiled_unet.install(loaded.txt2img.unet, backend.compiler)
    try:
        # the compile is held back for as long as the test likes: the job runs uncompiled meanwhile
        assert np.array_equal(generate(loaded), plain)
        assert backend.compiles == 0 and router.compiled_kinds == 0
        hold.set()
        settle(router)
        assert backend.compiles == 1 and router.compiled_kinds == 1
        calls = backend.calls
        assert np.array_equal(generate(loaded), plain)  # compiled now, the same pixels
        assert backend.calls - calls == 3  # each of the 3 steps went through it
        assert backend.compiles == 1 and backend.compiles_in_jobs == 0
    finally:
        hold.set()
        router.close()


def test_each_kind_of_input_is_compiled_once_and_every_pipeline_on_the_weights_uses_it(model):
    loaded = load(model)
    backend = Backend()
    router = compiled_unet.install(loaded.txt2img.unet, backend.compiler)
    try:
        generate(loaded)
        settle(router)
        calls = backend.calls
        # the body mask runs the inpainting pipeline built on the same weights, with the same shapes: compiled
        generate(loaded, source="base", mask="body", strength=0.6, seed=5)
        assert backend.calls > calls and backend.compiles == 1
        generate(loaded, width=96)  # a new size: runs as it is while that one compiles
        settle(router)
        calls = backend.calls
        generate(loaded, width=96, seed=3)
        assert backend.calls > calls
        assert backend.compiles == router.compiled_kinds == 2 and backend.compiles_in_jobs == 0
    finally:
        router.close()


def test_with_a_lora_applied_the_unet_runs_uncompiled_and_compiles_nothing(model, tiny_lora_masters):
    """A LoRA's weights are numbers compiled code would be specialised to: each LoRA, or weight, would compile again
    inside a job. Once it is gone, the UNet is compiled again in the background and then used."""
    registry = ModelRegistry([model.path.parent, tiny_lora_masters])
    registry.scan()
    (lora,) = [registry.ensure_hash(m) for m in registry.addons("lora") if m.path.stem == "tiny-style"]
    loaded = load(registry.ensure_hash(registry.get(model.id)))
    backend = Backend()
    router = compiled_unet.install(loaded.txt2img.unet, backend.compiler)
    try:
        generate(loaded)
        settle(router)
        calls = backend.calls
        styled = Addons(loras=((lora, 0.8),))
        generate(loaded, styled)
        settle(router)
        generate(loaded, styled, seed=4)
        assert backend.calls == calls and backend.compiles == 1
        generate(loaded)  # the model's own layers back: compiled again in the background, never in a job
        assert backend.calls == calls
        settle(router)
        generate(loaded, seed=6)
        assert backend.calls > calls and backend.compiles_in_jobs == 0
    finally:
        router.close()


def test_a_compile_that_fails_leaves_generation_as_it_was(model, caplog):
    loaded = load(model)
    plain = generate(loaded)
    router = compiled_unet.install(loaded.txt2img.unet, Backend(fail=True).compiler)
    try:
        with caplog.at_level(logging.WARNING, logger="app.generation.compiled_unet"):
            generate(loaded)
            settle(router)
        assert "runs uncompiled" in caplog.text
        assert np.array_equal(generate(loaded), plain) and router.compiled_kinds == 0
    finally:
        router.close()


def test_compiled_code_that_fails_in_a_job_is_set_aside_and_the_job_finishes(model, caplog):
    loaded = load(model)
    backend = Backend(break_after=1)
    router = compiled_unet.install(loaded.txt2img.unet, backend.compiler)
    try:
        generate(loaded)
        settle(router)
        with caplog.at_level(logging.WARNING, logger="app.generation.compiled_unet"):
            picture = generate(loaded)  # its second step fails compiled: that step and the rest run as they are
        assert picture.std() > 0 and "runs uncompiled from now on" in caplog.text
        assert router.compiled_kinds == 0
        calls = backend.calls
        generate(loaded, seed=8)
        assert backend.calls == calls  # never tried again
    finally:
        router.close()


def test_the_engine_compiles_in_the_background_says_so_and_then_uses_it(tiny_sd15_master, tmp_path, monkeypatch):
    """The engine end to end with the compile setting on: on CUDA the compiler is Inductor, here the counting one."""
    from app.generation import events as ev

    backend = Backend()
    engine, rec, library = _engine_compiling_with(backend, tiny_sd15_master, tmp_path, monkeypatch)
    try:
        request = quick_request(model_id="tiny-sd15", steps=3)
        first = rec.wait_job(engine.submit(request).id)
        assert isinstance(first, ev.JobFinished), first
        rec.wait_for(lambda e: isinstance(e, ev.Compiling) and not e.active)
        assert [(e.active, e.label) for e in rec.of(ev.Compiling)] == [(True, "tiny-sd15"), (False, "tiny-sd15")]
        again = rec.wait_job(engine.submit(request).id)  # compiled now: the same request, the same picture
        assert backend.calls == 3 and backend.compiles_in_jobs == 0
        assert _pixels(again).tobytes() == _pixels(first).tobytes()
    finally:
        engine.shutdown()
        library.close()


def test_a_model_unloaded_while_its_unet_compiles_is_no_longer_said_to_compile(tiny_sd15_master, tmp_path, monkeypatch):
    from app.generation import events as ev

    hold = threading.Event()
    backend = Backend(hold)
    engine, rec, library = _engine_compiling_with(backend, tiny_sd15_master, tmp_path, monkeypatch)
    try:
        rec.wait_job(engine.submit(quick_request(model_id="tiny-sd15", steps=3)).id)
        rec.wait_for(lambda e: isinstance(e, ev.Compiling) and e.active)
        assert backend.entered.wait(60)
        engine.unload()  # the compile goes on, held back, for a model that is gone
        rec.wait_for(lambda e: isinstance(e, ev.Compiling) and not e.active)
        hold.set()  # it ends now: nothing more is said of it
        for _ in range(600):  # until the compile's thread has ended, having said what it would
            if not any(t.name.startswith("sm6-long-unet-compile") for t in threading.enumerate()):
                break
            threading.Event().wait(0.1)
        assert backend.compiles == 1
        engine.shutdown()
        assert [e.active for e in rec.of(ev.Compiling)] == [True, False]
    finally:
        hold.set()
        engine.shutdown()
        library.close()


def _engine_compiling_with(backend: Backend, master, tmp_path, monkeypatch):
    """An engine over the tiny model with the compile setting on, compiling with `backend` where CUDA has Inductor."""
    from app.generation import pipelines
    from tests.app.engine_helpers import make_engine

    placed = pipelines._place

    def place(pipe, options):
        device = placed(pipe, options)
        if options.compile_unet:
            compiled_unet.install(pipe.unet, backend.compiler)
        return device

    monkeypatch.setattr(pipelines, "_place", place)
    shutil.copytree(master, tmp_path / "models" / "tiny-sd15")
    return make_engine(tmp_path / "models", tmp_path / "data", compile_unet=True)


def _pixels(finished) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(finished.designs[0].image_path))


def test_more_kinds_of_input_than_torch_compiles_by_default_are_all_compiled():
    """Torch stops compiling a function after 8 entries; a person trying sizes, batches and models in one session
    passes that soon. A small module stands in for the UNet: what is counted is entries of its forward."""

    class Small(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.scale = torch.nn.Parameter(torch.ones(1))

        def forward(self, sample):
            return sample * self.scale + 1

    backend = Backend()
    module = Small()
    router = compiled_unet.install(module, backend.compiler)
    try:
        for width in range(1, 13):
            module(torch.ones(1, width))
            settle(router)
        router.begin_pass()
        assert router.compiled_kinds == 12 and backend.compiles == 12
        assert torch.equal(module(torch.ones(1, 12)), torch.full((1, 12), 2.0))  # compiled, the same numbers
    finally:
        router.close()


def test_compiled_kernels_are_kept_in_the_apps_cache_folder_unless_the_person_chose_one(tmp_path, monkeypatch):
    monkeypatch.delenv(compiled_unet.CACHE_ENV, raising=False)
    compiled_unet.use_cache_folder(tmp_path / "ours")
    assert (tmp_path / "ours").is_dir()
    assert os.environ[compiled_unet.CACHE_ENV] == str(tmp_path / "ours")
    monkeypatch.delenv(compiled_unet.CACHE_ENV)
    (tmp_path / "a-file").write_text("not a folder")
    compiled_unet.use_cache_folder(tmp_path / "a-file" / "cache")  # cannot be made: torch's own folder serves
    assert compiled_unet.CACHE_ENV not in os.environ
    monkeypatch.setenv(compiled_unet.CACHE_ENV, str(tmp_path / "theirs"))
    compiled_unet.use_cache_folder(tmp_path / "ours-again")
    assert os.environ[compiled_unet.CACHE_ENV] == str(tmp_path / "theirs")
