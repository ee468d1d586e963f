"""Live mode in the Design studio, on the real engine and the tiny model: the picture follows the controls (latest
request wins, stale frames never shown), frames leave nothing behind, and Keep saves the frame shown, once."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.generation.engine import Engine
from app.generation.registry import ModelRegistry
from app.generation.settings import GenerationSettings
from app.kiosk import KIOSK
from app.library.saver import LibrarySaver
from app.library.store import Library
from tests.fixtures.tiny_taesd import build_tiny_taesd
from ui.design.design_vm import DesignViewModel
from ui.design.studio_view import StudioView
from ui.engine_bridge import EngineBridge


@pytest.fixture
def live_studio(request, qtbot, tmp_path, tiny_sd15, tiny_sd15_master, models_dir):
    """The studio on the real engine (two copies of the tiny model; a tiny TAESD when the test's parameter says
    so), its images kept by the real saver: yields (view, vm, library); live mode off at the start."""
    shutil.copytree(tiny_sd15_master, models_dir / "tiny-sd15-copy")
    if getattr(request, "param", False):
        build_tiny_taesd(models_dir)
    registry = ModelRegistry([models_dir])
    registry.scan()
    settings = GenerationSettings(device="cpu")
    library = Library.open(tmp_path / "data")
    saver = LibrarySaver(library)
    engine = Engine(registry, lambda: settings, sources=saver.source_image)
    saver.attach(engine)
    bridge = EngineBridge(engine)
    vm = DesignViewModel(bridge, library)
    view = StudioView(vm)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    vm.width = vm.height = 64
    vm.steps, vm.source, vm.model_id, vm.prompt = 2, "none", "tiny-sd15", "pearl white"
    try:
        yield view, vm, library
    finally:
        view.live.set_on(False)
        bridge.close()
        engine.shutdown()
        library.close()


def frames_of(live) -> list:
    frames: list = []
    live.sig_frame.connect(frames.append)
    return frames


def live_idle(vm) -> bool:
    return not any(job.stream == "live" for job in vm.backend.jobs())


def pngs(root) -> list:
    return sorted(root.rglob("*.png"))


def shown_pixels(view) -> bytes:
    image = view.preview.canvas.image().convertToFormat(QImage.Format.Format_RGB888)
    row = image.width() * 3
    data = bytes(image.constBits())
    return b"".join(data[y * image.bytesPerLine() : y * image.bytesPerLine() + row] for y in range(image.height()))


def test_quick_changes_show_frames_only_of_the_last_request_and_keep_nothing(qtbot, live_studio, tmp_path):
    view, vm, library = live_studio
    live, frames, cancelled = view.live, frames_of(view.live), []
    vm.bridge.sig_job_cancelled.connect(cancelled.append)
    vm.random_seed, vm.steps, vm.model_id = True, 150, ""  # slow frames; the backend chooses the model
    assert not live.on and view.generate.isVisibleTo(view) and not view.keep.isVisibleTo(view)

    view.live_switch.click()
    assert live.on and not view.generate.isVisibleTo(view) and view.keep.isVisibleTo(view)
    assert not vm.random_seed and not view.keep.isEnabled()  # a fixed seed; nothing to keep yet
    qtbot.waitUntil(lambda: vm.progress > 0, timeout=60_000)  # the first frame is denoising
    first = live._latest
    vm.prompt = "pearl white, rose-gold trim"
    qtbot.waitUntil(lambda: live._latest != first, timeout=5_000)  # asked ~200 ms after the change
    for words in ("coastal road", "coastal road at dusk", "coastal road at dusk, gold wheels"):
        vm.prompt = words  # quicker than the debounce: one frame for the last
    vm.steps = 3
    qtbot.waitUntil(lambda: bool(frames) and live_idle(vm), timeout=60_000)

    assert [f.request.prompt for f in frames] == ["coastal road at dusk, gold wheels"]
    assert frames[0].request.batch == 1 and frames[0].request.steps == 3
    assert frames[0].request.decoder == "vae"  # no TAESD installed: the model's own VAE decodes the frames
    assert first in {event.job.id for event in cancelled}  # the running frame was stopped, not finished
    assert view.preview.status.text().startswith("Live · ") and "ms a frame" in view.preview.status.text()
    assert shown_pixels(view) == frames[0].image().convert("RGB").tobytes()
    assert library.count() == 0 and pngs(tmp_path / "data") == []  # frames are never saved
    assert vm.variations == [] and vm.current_design is None and not vm.busy


def test_keep_saves_the_frame_shown_once_with_its_request(qtbot, live_studio, tmp_path):
    view, vm, library = live_studio
    frames = frames_of(view.live)
    view.live_switch.click()
    qtbot.waitUntil(lambda: len(frames) == 1 and live_idle(vm), timeout=60_000)
    frame, pixels = frames[0], shown_pixels(view)
    assert view.keep.isEnabled() and view.keep.text() == "Keep"

    vm.steps = 150  # a newer frame, still rendering when Keep is pressed
    vm.prompt = "night drive"
    qtbot.waitUntil(lambda: vm.progress > 0, timeout=10_000)
    qtbot.mouseClick(view.keep, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # twice: still one design
    qtbot.waitUntil(lambda: vm.current_design is not None, timeout=10_000)

    design = vm.current_design
    assert library.count() == 1 and design.request == frame.request and design.request.prompt == "pearl white"
    with Image.open(design.image_path) as png:
        assert png.convert("RGB").tobytes() == pixels == frame.image().convert("RGB").tobytes()
    assert view.variations.designs() == [design] and view.keep.text() == "Kept" and not view.keep.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    vm.steps = 2
    qtbot.waitUntil(lambda: len(frames) == 2 and live_idle(vm), timeout=60_000)
    assert frames[1].request.prompt == "night drive" and view.keep.isEnabled()  # a new frame may be kept
    assert library.count() == 1 and len(pngs(tmp_path / "data")) == 1


def test_turning_live_off_cancels_its_frame_and_brings_generate_back(qtbot, live_studio):
    view, vm, library = live_studio
    live, cancelled = view.live, []
    vm.bridge.sig_job_cancelled.connect(cancelled.append)
    vm.steps, vm.random_seed = 150, True
    view.live_switch.click()
    qtbot.waitUntil(lambda: vm.progress > 0, timeout=60_000)
    running = live._latest

    view.live_switch.click()
    qtbot.waitUntil(lambda: running in {event.job.id for event in cancelled}, timeout=10_000)
    assert not live.on and view.generate.isVisibleTo(view) and not view.keep.isVisibleTo(view)
    assert vm.random_seed and vm.status_text == "Ready" and vm.progress == 0
    assert cancelled[-1].steps_after_cancel <= 1 and library.count() == 0
    vm.prompt = "changed after live went off"
    qtbot.waitUntil(lambda: live_idle(vm), timeout=10_000)
    assert vm.backend.jobs() == []  # no frame asked once off


@pytest.mark.parametrize("live_studio", [True], indirect=True, ids=["taesd"])
def test_frames_are_decoded_with_taesd_where_it_is_installed(qtbot, live_studio):
    view, vm, _library = live_studio
    frames, failed = frames_of(view.live), []
    vm.bridge.sig_job_failed.connect(failed.append)
    view.live_switch.click()
    qtbot.waitUntil(lambda: len(frames) == 1 and live_idle(vm), timeout=60_000)
    assert frames[0].request.decoder == "taesd" and failed == []


def test_switching_the_model_or_the_size_in_live_mode_makes_a_frame_of_it(qtbot, live_studio):
    view, vm, _library = live_studio
    frames = frames_of(view.live)
    view.live_switch.click()
    qtbot.waitUntil(lambda: len(frames) == 1 and live_idle(vm), timeout=60_000)
    vm.model_id = "tiny-sd15-copy"
    qtbot.waitUntil(lambda: len(frames) == 2 and live_idle(vm), timeout=60_000)
    assert frames[1].request.model_id == "tiny-sd15-copy" and frames[1].model_name != ""
    vm.width, vm.height = 96, 64
    qtbot.waitUntil(lambda: len(frames) == 3 and live_idle(vm), timeout=60_000)
    assert frames[2].image().size == (96, 64) and view.preview.canvas.image().width() == 96


def test_closing_the_studio_stops_live_mode(qtbot, live_studio):
    view, vm, _library = live_studio
    view.live_switch.click()
    assert view.live.on
    view.close()
    assert not view.live.on and not view.live_switch.isChecked()
    qtbot.waitUntil(lambda: live_idle(vm), timeout=10_000)


def test_there_is_no_live_mode_at_the_kiosk(qtbot, tmp_path):
    from tests.ui.test_design_backend_interface import ScriptedBackend

    backend, library = ScriptedBackend(), Library.open(tmp_path / "data")
    bridge = EngineBridge(backend)
    view = StudioView(DesignViewModel(bridge, library), policy=KIOSK)
    qtbot.addWidget(view)
    try:
        assert view.live is None and not view.live_switch.isVisibleTo(view) and not view.keep.isVisibleTo(view)
    finally:
        bridge.close()
        backend.shutdown()
        library.close()


def test_a_slider_drag_gets_frames_while_it_goes_on_and_one_for_where_it_stops(qtbot, live_studio):
    view, vm, library = live_studio
    live, frames = view.live, frames_of(view.live)
    view.live_switch.click()
    qtbot.waitUntil(lambda: len(frames) == 1 and live_idle(vm), timeout=60_000)
    asked = len(vm.backend.jobs(include_finished=True))
    for keep in range(41, 51):  # a change every ~100 ms: never the 200 ms of quiet a frame waits for
        vm.keep_shape = keep
        qtbot.waitUntil(lambda: live._quiet.remainingTime() <= 100, timeout=5_000)
    during = len(vm.backend.jobs(include_finished=True)) - asked
    qtbot.waitUntil(lambda: live_idle(vm) and frames[-1].request.strength == 0.5, timeout=60_000)
    assert 2 <= during <= 4  # about one every 300 ms of the ~1 s drag, not one per change
    assert library.count() == 0 and vm.variations == []
