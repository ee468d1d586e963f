"""A showroom visitor picks which view of the SM6 their design starts from: through the real kiosk window, the view
chooser over step 1, and the tiny model."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from tests.ui.kiosk_flow_helpers import WAIT_MS, tap
from ui.i18n import apply_language


def open_chooser(qtbot, kiosk):
    window = kiosk.window
    if window.screen_name == "attract":
        tap(qtbot, window.attract.start)
    step = window.design
    chooser = step.view_chooser
    qtbot.waitUntil(lambda: chooser.pictures_ready, timeout=WAIT_MS)  # asked for when the SM6 tile was first drawn
    assert step.start_base.isChecked() and not step.start_base.icon().isNull(), "the chosen view shows, small"
    tap(qtbot, step.start_base)  # already chosen: a tap asks which view
    assert chooser.isVisible() and chooser.geometry() == step.rect()
    assert step.start_base.isChecked(), "the SM6 stays the start while the visitor looks"
    return step, chooser


def test_a_visitor_starts_from_the_rear_view_and_the_next_visitor_from_the_side(qtbot, kiosk):
    vm = kiosk.controller.design_vm
    step, chooser = open_chooser(qtbot, kiosk)
    assert chooser.tiles["side"].isChecked()
    side_icon = step.start_base.icon().pixmap(64, 64).toImage()

    tap(qtbot, chooser.tiles["rear34"])
    assert not chooser.isVisible() and vm.view == "rear34"
    assert step.start_base.isChecked() and step.start_base.icon().pixmap(64, 64).toImage() != side_icon

    kiosk.generate("a rear view by the sea")
    request = vm.variations[0].request
    assert request.source == "base" and request.view == "rear34"

    step, chooser = open_chooser(qtbot, kiosk)  # left open when the visit ends
    assert chooser.tiles["rear34"].isChecked()
    kiosk.window.end_visit()
    assert vm.view == "side" and not chooser.isVisible(), "the next visitor starts from the side view"
    tap(qtbot, kiosk.window.attract.start)
    assert step.start_base.isChecked() and step.start_base.icon().pixmap(64, 64).toImage() == side_icon


def test_cancel_keeps_the_view_and_a_sketch_gives_way_to_the_sm6_first(qtbot, kiosk):
    vm = kiosk.controller.design_vm
    step, chooser = open_chooser(qtbot, kiosk)
    tap(qtbot, chooser.tiles["front34"])
    step, chooser = open_chooser(qtbot, kiosk)
    tap(qtbot, chooser.cancel)
    assert not chooser.isVisible() and vm.view == "front34" and step.start_base.isChecked()

    vm.source_picture = step._sketch = "0" * 64  # a sketch in use (drawn as in test_kiosk_sketch.py)
    vm.source = "picture"
    assert step.start_sketch.isChecked() and not step.start_base.isChecked()
    tap(qtbot, step.start_base)  # one tap back to the SM6 (its view kept), not the chooser
    assert vm.source == "base" and vm.view == "front34" and not chooser.isVisible()
    assert step.start_base.isChecked() and not step.start_sketch.isChecked()


def _fits(widget) -> bool:
    if isinstance(widget, QPushButton):
        bold = QFont(widget.font())
        bold.setWeight(QFont.Weight.Bold)
        icon = widget.iconSize().width() + 8 if not widget.icon().isNull() else 0
        return widget.width() >= QFontMetrics(bold).horizontalAdvance(widget.text()) + icon + 16
    return widget.height() >= widget.heightForWidth(widget.width()) if widget.wordWrap() else True


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_the_korean_words_fit(qtbot, kiosk, size):
    window = kiosk.window
    apply_language("ko")
    try:
        window.resize(*size)
        step, chooser = open_chooser(qtbot, kiosk)
        for _ in range(3):
            QApplication.processEvents()
        assert chooser.labels["rear34"].text() == "후측면 시점" and chooser.cancel.text() == "취소"
        shown = [w for kind in (QPushButton, QLabel) for w in chooser.findChildren(kind) if w.isVisible()]
        assert len(shown) >= 5
        for widget in [*shown, *chooser.tiles.values()]:
            assert not isinstance(widget, (QPushButton, QLabel)) or _fits(widget), f"{widget.text()} is cut at {size}"
            for corner in (widget.rect().topLeft(), widget.rect().bottomRight()):
                assert chooser.rect().contains(widget.mapTo(chooser, corner)), f"{widget.accessibleName()} is cut"
        tap(qtbot, chooser.tiles["front34"])
        for tile in (step.start_base, step.start_sketch):
            assert _fits(tile), f"{tile.text()} is cut at {size}"
            assert window.rect().contains(tile.mapTo(window, tile.rect().bottomRight()))
    finally:
        apply_language("en")
