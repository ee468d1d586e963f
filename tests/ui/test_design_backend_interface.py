"""The Design studio depends only on the GenerationBackend interface: driven by a scripted backend that plays what a
remote GPU server would send (events from its own thread, PNGs that carry their provenance), the real view-model,
view, bridge and library saver behave as they do on the local engine. The scripted backend is the only stand-in
here; everything else is the real thing (a real Library on disk, real Qt widgets)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from app.errors import RequestError
from app.generation import events as ev
from app.generation import pngmeta
from app.generation.backend import GeneratedImage, GenerationBackend
from app.generation.events import JobState
from app.generation.jobs import JobBook
from app.generation.presets import default_presets
from app.generation.registry import ModelInfo
from tests.ui.studio_helpers import studio_on

SERVER_MODEL = ModelInfo("server-sd15", Path("/models-on-the-server/sd15"), "diffusers", "sd15", 0, sha256="ef" * 32)


class ScriptedBackend:
    """Plays each job on its own thread: started, `steps` steps per image with a small preview, each image handed to
    the sink and announced, then finished. `gate`, when set up, holds every job after its first step; `fail_with`
    makes the next job fail with that (message, details), as a server's error reply would."""

    def __init__(self, steps: int = 4) -> None:
        self._book = JobBook()
        self._sink = None
        self.steps = steps
        self.gate: threading.Event | None = None
        self.fail_with: tuple[str, str] | None = None
        self._threads: list[threading.Thread] = []

    # events
    def subscribe(self, listener) -> None:
        self._book.subscribe(listener)

    def unsubscribe(self, listener) -> None:
        self._book.unsubscribe(listener)

    def set_image_sink(self, sink) -> None:
        self._sink = sink

    # what it offers
    def models(self) -> list:
        return [SERVER_MODEL]

    def refresh_models(self) -> list:
        return self.models()

    def model(self, model_id: str):
        return SERVER_MODEL if model_id == SERVER_MODEL.id else None

    def model_for(self, model_id: str = ""):
        if model_id and model_id != SERVER_MODEL.id:
            raise RequestError(f"The server has no model '{model_id}'. Pick another one.")
        return SERVER_MODEL

    def model_with_hash(self, sha256: str, kind: str = "checkpoint"):
        return SERVER_MODEL if sha256 == SERVER_MODEL.sha256 and kind == "checkpoint" else None

    def addons(self, kind: str, arch: str | None = None) -> list:
        return []  # this server offers no ControlNets or LoRAs

    def device_label(self) -> str:
        return "Server · NVIDIA H100"

    def presets(self):
        return default_presets()

    # jobs
    def submit(self, request, save: bool = True, stream: str = ""):
        request.validate()
        request = request.with_seed().replace(model_id=self.model_for(request.model_id).id)
        job = self._book.open(request, save=save, stream=stream)
        thread = threading.Thread(target=self._play, args=(job,), name="scripted-backend")
        self._threads.append(thread)
        thread.start()
        return job.snapshot()

    def cancel(self, job_id: str) -> bool:
        return self._book.cancel(job_id)

    def cancel_all(self) -> None:
        self._book.cancel_all()

    def jobs(self, include_finished: bool = False) -> list:
        return self._book.snapshots(include_finished)

    def wait_idle(self, timeout=None) -> bool:
        return self._book.wait_idle(timeout)

    def preload(self, model_id: str = "") -> None:
        def load() -> None:
            self._book.emit(ev.ModelLoading(SERVER_MODEL.id, SERVER_MODEL.label, "loading"))
            if self.fail_with:
                self._book.emit(ev.ModelLoadFailed(SERVER_MODEL.id, SERVER_MODEL.label, *self.fail_with))
            else:
                self._book.emit(ev.ModelLoaded(SERVER_MODEL.id, SERVER_MODEL.label, self.device_label(), 0.1))

        thread = threading.Thread(target=load, name="scripted-preload")
        self._threads.append(thread)
        thread.start()

    def unload(self) -> None:
        pass

    def shutdown(self, timeout: float = 10.0) -> None:
        self.cancel_all()
        if self.gate is not None:
            self.gate.set()
        for thread in self._threads:
            thread.join(timeout)

    def _play(self, job) -> None:
        book = self._book
        if job.cancel_event.is_set():
            book.finish(job, JobState.CANCELLED)
            return
        book.set(job, state=JobState.RUNNING)
        book.emit(ev.JobStarted(job.snapshot()))
        if self.fail_with:
            book.finish(job, JobState.FAILED, *self.fail_with)
            return
        kept = []
        for index, seed in enumerate(job.request.seeds()):
            for step in range(1, self.steps + 1):
                book.step(job, index, step, self.steps, Image.new("RGB", (8, 8), (step * 40, 60, 90)))
                if step == 1 and self.gate is not None:
                    self.gate.wait(30)
                if job.cancel_event.is_set():
                    book.finish(job, JobState.CANCELLED)
                    return
            image = self._image(job.request, seed, index)
            if job.save and self._sink is not None:
                kept.append(self._sink(image))
                book.emit(ev.ImageReady(book.set(job, image_index=index), kept[-1]))
        book.finish(job, JobState.DONE, results=(kept, ()))

    def _image(self, request, seed: int, index: int) -> GeneratedImage:
        """What a server sends back: the PNG with its provenance inside, and the same details beside it."""
        pixels = Image.new("RGB", (request.width, request.height), (seed * 37 % 256, 120, 200))
        composed = self.presets().compose(request)
        parameters = pngmeta.a1111_parameters(
            positive=composed.positive, negative=composed.negative, steps=request.steps, sampler=request.scheduler,
            cfg=request.guidance, seed=seed, width=request.width, height=request.height,
            model_name=SERVER_MODEL.label, model_hash=SERVER_MODEL.short_hash,
        )  # fmt: skip
        model = {"name": SERVER_MODEL.label, "sha256": SERVER_MODEL.sha256}
        details = {"seed": seed, "variation": index, "model": model}
        png = pngmeta.encode_png(pixels, parameters=parameters, request=request.to_dict(), extra=details)
        parent = request.source_design_id if request.source == "design" else None
        return GeneratedImage(
            png=png, request=request, seed=seed, index=index, prompt_final=composed.positive,
            negative_final=composed.negative, model_name=SERVER_MODEL.label, model_hash=SERVER_MODEL.sha256,
            device=self.device_label(), parent_id=parent,
        )  # fmt: skip


@pytest.fixture
def studio(qtbot, tmp_path):
    """The real Design studio on a scripted backend whose images the real saver keeps in a real library."""
    backend = ScriptedBackend()
    with studio_on(qtbot, tmp_path, backend) as (view, vm, library):
        yield view, vm, backend, library


def test_a_scripted_backend_is_a_generation_backend():
    assert isinstance(ScriptedBackend(), GenerationBackend)


def test_the_studio_generates_through_any_backend(qtbot, studio):
    view, vm, backend, library = studio
    view.controls.prompt.setFocus()
    qtbot.keyClicks(view.controls.prompt, "pearl white at dusk")
    qtbot.mouseClick(view.generate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.preview.status.text() == "Done · 2 designs saved", timeout=10_000)
    qtbot.waitUntil(lambda: not vm.reading)  # the last design's picture and lineage are read off the UI thread
    assert [d.seed for d in view.variations.designs()] == [5, 6] and library.count() == 2
    assert view.variations.title.text() == "Variations · 2 variations"
    assert [d.id for d in view.history.designs()] == [vm.current_design.id]
    assert vm.current_design.device == "Server · NVIDIA H100" and Path(vm.current_design.image_path).is_file()
    assert view.preview.canvas.image().width() == 64 and not vm.busy and not view.controls.queue.isVisible()


def test_a_refined_design_shows_its_lineage_as_a_chain(qtbot, studio):
    view, vm, backend, library = studio
    vm.prompt, vm.batch = "coastal road", 1
    vm.generate()
    qtbot.waitUntil(lambda: not vm.busy and vm.current_design is not None, timeout=10_000)
    root = vm.current_design
    vm.refine()
    qtbot.waitUntil(lambda: not vm.busy and vm.current_design.id != root.id, timeout=10_000)
    assert vm.current_design.parent_id == root.id
    assert [d.id for d in view.history.designs()] == [root.id, vm.current_design.id]
    assert view.history.title.text() == "Lineage · 2 generations" and view.history.kind.connected
    assert not view.variations.kind.connected and view.history.kind.icon != view.variations.kind.icon


def test_the_loading_line_under_the_preview_clears_once_the_model_has_loaded(qtbot, studio):
    view, vm, backend, _ = studio
    with qtbot.waitSignal(vm.bridge.sig_model_loaded, timeout=5_000):
        backend.preload()
    assert view.preview.status.text() == "Ready"


def test_a_model_that_will_not_load_says_so_instead_of_loading_forever(qtbot, studio):
    view, vm, backend, _ = studio
    backend.fail_with = ("The server could not load that model.", "HTTP 500 from gpu-1")
    with qtbot.waitSignal(vm.bridge.sig_model_load_failed, timeout=5_000):
        backend.preload()
    assert view.preview.status.text() == f"{SERVER_MODEL.label} could not be loaded"


def test_cancel_puts_back_the_design_that_was_shown(qtbot, studio):
    view, vm, backend, library = studio
    vm.prompt, vm.batch = "first", 1
    vm.generate()
    qtbot.waitUntil(lambda: not vm.busy and vm.current_design is not None, timeout=10_000)
    shown = vm.current_design
    backend.gate = threading.Event()
    vm.prompt = "second"
    vm.generate()
    qtbot.waitUntil(lambda: view.preview.status.text().startswith("Step 1"), timeout=10_000)
    assert view.preview.canvas.image().width() == 8  # the step preview
    qtbot.keyClick(view.controls.prompt, Qt.Key.Key_Escape)
    backend.gate.set()
    qtbot.waitUntil(lambda: not vm.busy, timeout=10_000)
    assert view.preview.status.text() == "Cancelled" and vm.current_design.id == shown.id
    assert view.preview.canvas.image().width() == 64 and library.count() == 1


@pytest.mark.parametrize(
    "message, details",
    [
        ("The server is busy. Try again in a minute.", "HTTP 503 Service Unavailable from gpu-1"),
        ("The server stopped answering. Check the connection and try again.", "ReadTimeout after 30 s"),
        ("This request is too large for the server. Choose a smaller size.", '{"error": "too large"}'),
    ],
)
def test_a_failure_from_the_backend_shows_its_message_and_keeps_the_details_aside(qtbot, studio, message, details):
    view, vm, backend, library = studio
    backend.fail_with = (message, details)
    vm.prompt = "gold wheels"
    vm.generate()
    qtbot.waitUntil(lambda: view.preview.status.text() == "Failed", timeout=10_000)
    assert view.error.message() == message and details not in view.error.message()
    assert library.count() == 0 and view.controls.prompt.toPlainText() == "gold wheels"
