"""A showroom visitor draws the SM6 they imagine on the kiosk's sketch pad, and the drawing starts their design: through
the real kiosk window, the tiny model, and mouse strokes as a finger makes them."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from app.generation.pictures import default_store
from tests.ui.kiosk_flow_helpers import WAIT_MS, tap
from ui.i18n import apply_language


def stroke(canvas, points: list[tuple[float, float]]) -> None:
    """A finger's line across the paper, through `points` given in 0..1 of it."""
    paper = canvas.paper()

    def at(x: float, y: float) -> QPoint:
        return QPoint(round(paper.x() + x * paper.width()), round(paper.y() + y * paper.height()))

    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(canvas, at(x, y))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[-1]))


ROOF = [(0.2, 0.5), (0.35, 0.35), (0.6, 0.33), (0.8, 0.5)]
BODY = [(0.1, 0.5), (0.9, 0.5), (0.9, 0.65), (0.1, 0.65), (0.1, 0.5)]


def open_pad(qtbot, kiosk):
    window = kiosk.window
    if window.screen_name == "attract":
        tap(qtbot, window.attract.start)
    step = window.design
    tap(qtbot, step.start_sketch)
    pad = step.sketch_pad
    assert pad.isVisible() and pad.geometry() == step.rect()
    return step, pad


def use(qtbot, kiosk, pad) -> str:
    vm = kiosk.controller.design_vm
    tap(qtbot, pad.use)
    qtbot.waitUntil(lambda: not pad.isVisible() and bool(vm.source_picture), timeout=WAIT_MS)
    return vm.source_picture


def test_a_visitor_draws_undoes_clears_and_starts_the_design_from_the_sketch(qtbot, kiosk):
    vm = kiosk.controller.design_vm
    vm.width, vm.height = 96, 64  # a wide design: the paper takes its shape
    step, pad = open_pad(qtbot, kiosk)
    canvas = pad.canvas
    paper = canvas.paper()
    assert abs(paper.width() / paper.height() - 1.5) < 0.02
    assert not pad.use.isEnabled() and not pad.undo.isEnabled(), "nothing drawn: nothing to use or undo"
    qtbot.waitUntil(lambda: canvas.outline_ready, timeout=WAIT_MS)

    stroke(canvas, BODY)
    stroke(canvas, ROOF)
    assert len(canvas.strokes) == 2 and pad.use.isEnabled()
    tap(qtbot, pad.undo)
    assert len(canvas.strokes) == 1 and pad.use.isEnabled()
    tap(qtbot, pad.clear_button)
    assert canvas.is_empty and not pad.use.isEnabled()
    stroke(canvas, BODY)
    stroke(canvas, ROOF)

    sha = use(qtbot, kiosk, pad)
    kept = default_store().path_of(sha)
    assert kept is not None and hashlib.sha256(kept.read_bytes()).hexdigest() == sha
    with Image.open(kept) as picture:
        pixels = np.asarray(picture.convert("RGB"), dtype=np.int16)
    assert abs(pixels.shape[1] / pixels.shape[0] - 1.5) < 0.01
    dark = (pixels.max(axis=2) < 80).mean()
    assert 0.005 < dark < 0.2, "the strokes are in the picture"
    assert not ((pixels[..., 2] - pixels[..., 0]) > 12).any(), "the bluish tracing outline is never part of it"
    assert step.start_sketch.isChecked() and not step.start_base.isChecked()
    assert step.start_sketch.text() == "My sketch" and not step.start_sketch.icon().isNull()
    assert vm.control_model == "", "no ControlNet installed: the sketch is the picture the design starts from"

    kiosk.generate("a sketch come to life")
    design = vm.variations[0]
    assert design.request.source == "picture" and design.request.source_picture == sha
    assert vm.build_request().source == "picture"

    tap(qtbot, step.start_base)  # back to the SM6's own shape; the drawing waits on the pad
    assert vm.source == "base" and step.start_base.isChecked() and not step.start_sketch.isChecked()
    tap(qtbot, step.start_sketch)
    assert len(pad.canvas.strokes) == 2
    stroke(pad.canvas, [(0.5, 0.2), (0.5, 0.8)])
    tap(qtbot, pad.cancel)  # Cancel: the drawing goes back to the one last used
    assert not pad.isVisible() and len(pad.canvas.strokes) == 2


def test_with_a_controlnet_installed_the_sketch_edges_guide_the_shape(qtbot, tiny_controlnet, kiosk):
    vm = kiosk.controller.design_vm
    assert vm.controlnets, "the tiny ControlNet is of the tiny model's family"
    _step, pad = open_pad(qtbot, kiosk)
    stroke(pad.canvas, BODY)
    sha = use(qtbot, kiosk, pad)
    assert vm.control_model == vm.controlnets[0].id and vm.control_hint == "edges"
    kiosk.generate("guided by my lines")
    request = vm.variations[0].request
    assert request.source_picture == sha and request.control_model == vm.controlnets[0].id

    kiosk.window.end_visit()
    assert vm.control_model == "" and vm.source == "base", "the next visitor starts from the SM6 again"


def test_the_next_visitor_finds_an_empty_pad(qtbot, kiosk):
    window, vm = kiosk.window, kiosk.controller.design_vm
    step, pad = open_pad(qtbot, kiosk)
    stroke(pad.canvas, ROOF)
    use(qtbot, kiosk, pad)
    tap(qtbot, step.start_sketch)
    stroke(pad.canvas, BODY)  # drawing again when the time runs out

    window.idle.sig_reset.emit()  # no input for too long: the visit ends
    assert window.screen_name == "attract"
    assert pad.canvas.is_empty and not pad.isVisible() and pad._used == []
    assert vm.source_picture == "" and vm.source == "base" and not step.sketch_in_use

    step, pad = open_pad(qtbot, kiosk)  # the next visitor
    assert pad.canvas.is_empty and not pad.use.isEnabled()
    assert step.start_sketch.text() == "Draw your own" and step.start_sketch.icon().isNull()
    tap(qtbot, pad.cancel)
    assert step.start_base.isChecked() and not step.start_sketch.isChecked()


def test_a_sketch_that_cannot_be_kept_says_so_and_stays_on_the_pad(qtbot, kiosk):
    vm = kiosk.controller.design_vm
    _step, pad = open_pad(qtbot, kiosk)
    stroke(pad.canvas, ROOF)
    folder = default_store().root
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_bytes(b"")  # a file where the picture folder should be: nothing can be written there
    tap(qtbot, pad.use)
    qtbot.waitUntil(lambda: pad.message.isVisible(), timeout=WAIT_MS)
    assert pad.isVisible() and len(pad.canvas.strokes) == 1 and pad.use.isEnabled()
    assert pad.message.text() and "Error" not in pad.message.text()
    assert vm.source == "base" and vm.source_picture == ""
    folder.unlink()
    tap(qtbot, pad.use)  # tried again: kept now
    qtbot.waitUntil(lambda: not pad.isVisible() and bool(vm.source_picture), timeout=WAIT_MS)


def test_a_finger_draws_as_the_mouse_does(qtbot, kiosk):
    _step, pad = open_pad(qtbot, kiosk)
    canvas = pad.canvas
    paper = canvas.paper()
    finger = QTest.createTouchDevice()
    points = [QPoint(round(paper.x() + paper.width() * x), round(paper.y() + paper.height() * 0.5)) for x in (0.2, 0.5)]
    QTest.touchEvent(canvas, finger).press(0, points[0], canvas).commit()
    QTest.touchEvent(canvas, finger).move(0, points[1], canvas).commit()
    QTest.touchEvent(canvas, finger).release(0, points[1], canvas).commit()
    qtbot.waitUntil(lambda: len(canvas.strokes) == 1 and pad.use.isEnabled())
    assert len(canvas.strokes[0]) >= 2
    tap(qtbot, pad.cancel)


def _fits(widget) -> bool:
    if isinstance(widget, QPushButton):
        bold = QFont(widget.font())
        bold.setWeight(QFont.Weight.Bold)
        return widget.width() >= QFontMetrics(bold).horizontalAdvance(widget.text()) + 16
    return widget.height() >= widget.heightForWidth(widget.width()) if widget.wordWrap() else True


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_the_korean_words_fit(qtbot, kiosk, size):
    window = kiosk.window
    step, pad = open_pad(qtbot, kiosk)
    stroke(pad.canvas, BODY)
    apply_language("ko")
    try:
        window.resize(*size)
        for _ in range(3):
            QApplication.processEvents()
        assert pad.use.text() == "내 스케치 사용" and pad.outline.text() == "SM6 윤곽선 보기"
        assert pad.geometry() == step.rect() and pad.rect().contains(pad.cancel.geometry())
        shown = [w for kind in (QPushButton, QLabel) for w in pad.findChildren(kind) if w.isVisible()]
        for widget in shown:
            assert _fits(widget), f"{widget.text()} is cut at {size}"
            assert window.rect().contains(widget.mapTo(window, widget.rect().bottomRight())), widget.text()
        tap(qtbot, pad.cancel)
        for tile in (step.start_base, step.start_sketch):
            assert _fits(tile), f"{tile.text()} is cut at {size}"
        assert step.start_sketch.text() == "직접 그리기"
    finally:
        apply_language("en")
