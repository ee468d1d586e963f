"""A visitor (or a designer) whose design waits in the generation server's line is told where they stand as soon as
the server says it, and as it changes, in English and Korean; then the design takes shape as usual. A real kiosk
window and a real studio window on a scripted server on 127.0.0.1 (tests/fixtures/scripted_fleet.py) that holds the
job in line until the test lets it move."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from app.config import Settings, save_settings
from app.fleet.settings import FleetSettings, FleetTokenStore
from app.generation.registry import ModelInfo
from tests.fixtures.scripted_fleet import QueuedJob, ScriptedFleet
from tests.ui.kiosk_flow_helpers import Kiosk, tap
from ui.i18n import apply_language

MODEL = ModelInfo("tiny-sd15", Path("tiny-sd15"), "diffusers", "sd15", 1000, sha256="ab" * 32)
TOKEN = "kiosk-7-Zq3vT9xWm2LpR8sYk4Nb"
WAIT_MS = 10_000


@pytest.fixture
def fleet(monkeypatch):
    """A scripted server whose one job waits behind two others, moving only when the test says; the settings point
    this computer at it, with its token in the keyring."""
    monkeypatch.delenv("SM6_FLEET_TOKEN", raising=False)
    FleetTokenStore().set(TOKEN)
    job = QueuedJob((2, 2, 1, 0), paced=True)
    with ScriptedFleet([MODEL], generate=job) as server:
        save_settings(Settings(fleet=FleetSettings(use="server", url=server.url)))
        yield server, job


@pytest.fixture
def kiosk(qtbot, qapp, fleet):
    opened = Kiosk(qtbot, qapp, size=(1920, 1080))
    try:
        yield opened
    finally:
        apply_language("en")
        opened.close()


def _start(qtbot, kiosk) -> tuple:
    window, vm = kiosk.window, kiosk.controller.design_vm
    tap(qtbot, window.attract.start)
    vm.width = vm.height = 64
    vm.steps, vm.batch = 3, 2
    step = window.design
    step.prompt.setFocus()
    QTest.keyClicks(step.prompt, "pearl white by the harbour")
    tap(qtbot, step.generate)
    return step, vm


def test_a_visitor_waiting_in_line_sees_their_place_then_their_sm6_taking_shape(qtbot, kiosk, fleet):
    _server, job = fleet
    step, vm = _start(qtbot, kiosk)
    qtbot.waitUntil(lambda: step.picture.placeholder == "Your SM6 is number 3 in line…", timeout=WAIT_MS)
    assert not step.place_in_line.isVisible()  # no picture yet: its placeholder says it, big, once
    assert step.generate.text() == "Stop" and step.generate.isEnabled() and not step.next.isEnabled()
    assert vm.status_text == "Waiting for the generation server: yours is number 3 in line"

    apply_language("ko")
    qtbot.waitUntil(lambda: step.hint == "내 SM6는 대기 3번째입니다…", timeout=WAIT_MS)
    assert step.picture.placeholder == step.hint and step.generate.text() == "중지"
    job.advance()
    qtbot.waitUntil(lambda: step.hint == "내 SM6는 대기 2번째입니다…", timeout=WAIT_MS)
    assert vm.status_text == "생성 서버 대기 중: 내 작업은 대기 2번째입니다"
    job.advance()
    qtbot.waitUntil(lambda: step.hint == "곧 내 SM6 차례입니다…", timeout=WAIT_MS)

    apply_language("en")
    qtbot.waitUntil(lambda: step.hint == "Your SM6 is next…", timeout=WAIT_MS)
    assert vm.status_text == "Waiting for the generation server: yours is next"
    job.advance()  # it starts
    qtbot.waitUntil(lambda: step.hint == "Your SM6 is taking shape…", timeout=WAIT_MS)
    assert not step.place_in_line.isVisible() and vm.waiting_position is None and vm.busy
    job.advance()  # its images
    qtbot.waitUntil(lambda: len(vm.variations) == 2 and not vm.busy and not vm.reading, timeout=WAIT_MS)
    assert step.generate.text() == "Generate" and not step.place_in_line.isVisible()
    qtbot.waitUntil(lambda: all(not b.icon().isNull() for b in step.thumbs[:2]), timeout=WAIT_MS)  # checked, shown


def test_waiting_again_over_a_design_says_the_place_on_the_picture_and_stop_calls_it_off(qtbot, kiosk, fleet):
    server, job = fleet
    step, vm = _start(qtbot, kiosk)
    for _ in range(4):  # through the line, started, images
        job.advance()
    qtbot.waitUntil(lambda: len(vm.variations) == 2 and not vm.busy and not vm.reading, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: step.picture.image is not None, timeout=WAIT_MS)
    tap(qtbot, step.generate)  # a new set: the server holds it third in line, over the design on screen
    qtbot.waitUntil(lambda: step.place_in_line.isVisible(), timeout=WAIT_MS)
    assert step.place_in_line.text() == "Your SM6 is number 3 in line…" and step.picture.image is not None
    tap(qtbot, step.generate)  # "Stop"
    qtbot.waitUntil(lambda: not vm.busy and step.generate.text() == "Generate", timeout=WAIT_MS)
    assert not step.place_in_line.isVisible() and step.hint == "Tap the one you like best, then Next."
    assert vm.waiting_position is None and vm.status_text == "Cancelled" and not vm.error
    assert len(vm.variations) == 2 and step.next.isEnabled()  # the visitor's designs stay
    qtbot.waitUntil(lambda: job.cut.is_set() or "POST /cancel" in server.asked, timeout=WAIT_MS)


def test_the_studio_and_its_status_bar_say_the_place_in_line_as_it_changes(qtbot, fleet):
    from tests.ui.studio_helpers import close_app, open_app

    _server, job = fleet
    app = open_app(qtbot)
    try:
        vm, status = app.design_vm, lambda: app.window.status_texts()[1]
        vm.width = vm.height = 64
        vm.steps, vm.batch, vm.prompt = 3, 1, "pearl white"
        assert vm.generate()
        said = app.studio.preview.status
        qtbot.waitUntil(
            lambda: said.text() == "Waiting for the generation server: yours is number 3 in line", timeout=WAIT_MS
        )
        assert status() == "Server · CUDA · NVIDIA H200 · yours is number 3 in line"  # at once, not at the poll
        assert app.window.status_texts()[2] == "Waiting for the server…"  # the busy chip, not "Ready"
        job.advance()
        job.advance()
        qtbot.waitUntil(lambda: status() == "Server · CUDA · NVIDIA H200 · yours is next", timeout=WAIT_MS)
        assert said.text() == "Waiting for the generation server: yours is next"
        job.advance()
        qtbot.waitUntil(
            lambda: vm.waiting_position is None and status() == "Server · CUDA · NVIDIA H200", timeout=WAIT_MS
        )
        job.advance()
        qtbot.waitUntil(lambda: said.text() == "Done · 1 design saved" and not vm.reading, timeout=WAIT_MS)
    finally:
        close_app(app)
