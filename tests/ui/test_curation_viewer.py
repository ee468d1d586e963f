"""The Curation viewer: an entry's picture fitted, zoomed around the cursor, panned; two pictures compared, linked."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.fixtures.shots import save_shot
from ui.curation.compare_view import CompareView
from ui.curation.image_viewer import ImageViewer, UnreadablePicture, decode_picture
from ui.i18n import apply_language


def png(width: int, height: int, colour=(40, 120, 200)) -> bytes:
    """A real PNG with a bright square in its top-left quarter, so a zoomed view shows which part it is."""
    picture = Image.new("RGB", (width, height), colour)
    picture.paste((250, 200, 20), (0, 0, width // 4, height // 4))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def viewer(qtbot):
    view = ImageViewer()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(qtbot, viewer: ImageViewer, data: bytes) -> None:
    with qtbot.waitSignal(viewer.sig_ready, timeout=5000):
        viewer.set_image(data)


def test_a_picture_is_fitted_to_the_window_and_centred(qtbot, viewer):
    shown(qtbot, viewer, png(1024, 512))

    assert viewer.is_fitted()
    assert viewer.scale() == pytest.approx(800 / 1024)
    top_left = viewer.image_point_at(QPointF(0, (600 - 512 * 800 / 1024) / 2))
    assert (top_left.x(), top_left.y()) == pytest.approx((0, 0), abs=0.5)


def test_zoom_keeps_the_point_under_the_cursor_where_it_is(qtbot, viewer):
    shown(qtbot, viewer, png(1024, 1024))
    cursor = QPointF(200, 150)
    before = viewer.image_point_at(cursor)

    viewer.zoom_by(2.0, cursor)
    assert not viewer.is_fitted()
    assert viewer.scale() == pytest.approx(2 * 600 / 1024)
    after = viewer.image_point_at(cursor)
    assert (after.x(), after.y()) == pytest.approx((before.x(), before.y()), abs=0.5)

    viewer.zoom_by(0.5, cursor)
    assert viewer.scale() == pytest.approx(600 / 1024)


def test_the_wheel_zooms_around_the_cursor(qtbot, viewer):
    shown(qtbot, viewer, png(1024, 1024))
    viewer.zoom_by(2.0)  # larger than the window: nothing is re-centred, so the cursor's point can stay put
    cursor = QPointF(330, 420)
    before = viewer.image_point_at(cursor)
    start = viewer.scale()
    for modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
        wheel = QWheelEvent(
            cursor,
            viewer.mapToGlobal(cursor),
            QPoint(),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewer, wheel)
    assert viewer.scale() == pytest.approx(start * 1.25 * 1.25)
    after = viewer.image_point_at(cursor)
    assert (after.x(), after.y()) == pytest.approx((before.x(), before.y()), abs=0.5)

    viewer.fit()
    viewer.zoom_by(2.0, QPointF(5, 300))  # beside the picture: it grows from its edge, leaving no empty strip
    assert viewer.image_point_at(QPointF(0, 300)).x() == pytest.approx(0, abs=0.5)


def test_keys_and_dragging_zoom_and_pan(qtbot, viewer):
    shown(qtbot, viewer, png(1024, 1024))
    fitted = viewer.scale()

    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.scale() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.scale() == pytest.approx(1.0)
    assert viewer.zoom_label() == "100%"
    centre = viewer.image_point_at(QPointF(400, 300))

    qtbot.mousePress(viewer, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    qtbot.mouseMove(viewer, QPoint(300, 250))
    qtbot.mouseRelease(viewer, Qt.MouseButton.LeftButton, pos=QPoint(300, 250))
    moved = viewer.image_point_at(QPointF(400, 300))
    assert (moved.x() - centre.x(), moved.y() - centre.y()) == pytest.approx((100, 50), abs=1)

    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.scale() == pytest.approx(0.8)
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.is_fitted() and viewer.scale() == pytest.approx(fitted)

    with qtbot.waitSignal(viewer.sig_close_requested, timeout=1000):
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)


def test_a_damaged_picture_says_so_and_a_newer_one_wins(qtbot, viewer):
    with qtbot.waitSignal(viewer.sig_ready, timeout=5000) as ready:
        viewer.set_image(b"\x89PNG\r\n\x1a\n not really")
    assert ready.args == [False] and viewer.failed() and not viewer.has_picture()

    viewer.set_image(png(64, 64, (255, 0, 0)))  # asked first, answered first: still replaced by the newer one
    shown(qtbot, viewer, png(300, 200))
    assert viewer.picture_size().width() == 300


def test_an_image_bomb_is_refused_before_it_is_decoded():
    header_only = png(16, 16)
    with pytest.raises(UnreadablePicture):
        decode_picture(header_only, max_pixels=100)  # 256 pixels declared: over this limit, nothing decoded


def test_compare_zooms_both_pictures_together_until_unlinked(qtbot):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    left, right = view.viewers
    with qtbot.waitSignals([left.sig_ready, right.sig_ready], timeout=5000):
        view.set_pair(png(1024, 1024), "Pearl night", png(512, 512, (200, 60, 60)), "Entry 1234")
    assert [c.full_text() for c in view.captions] == ["Pearl night", "Entry 1234"]

    left.zoom_by(2.0, QPointF(50, 50))
    # Same zoom relative to fitting (the copy is half the size), same part of the car in the middle.
    assert right.scale() / right.view_state().zoom_over_fit == pytest.approx(right.scale() / 2.0)
    assert right.view_state().zoom_over_fit == pytest.approx(2.0)
    assert right.view_state().centre == pytest.approx(left.view_state().centre, abs=0.01)

    right.setFocus()
    qtbot.keyClick(right, Qt.Key.Key_0)
    assert left.is_fitted()

    view.set_linked(False)
    left.zoom_by(3.0)
    assert right.is_fitted()

    with qtbot.waitSignal(view.sig_close_requested, timeout=1000):
        qtbot.keyClick(left, Qt.Key.Key_Escape)

    if os.environ.get("SM6_SHOTS_DIR"):
        view.set_linked(True)
        left.zoom_by(1.6, QPointF(100, 100))
        _shots(view, "compare")


def test_viewer_words_follow_the_language(qtbot, viewer, back_to_english):
    english = viewer.toolTip()
    apply_language("ko")
    qtbot.waitUntil(lambda: viewer.toolTip() != english, timeout=5000)  # Qt posts the language change
    assert any("\uac00" <= ch <= "\ud7a3" for ch in viewer.toolTip())
    apply_language("en")
    qtbot.waitUntil(lambda: viewer.toolTip() == english, timeout=5000)
    if os.environ.get("SM6_SHOTS_DIR"):
        shown(qtbot, viewer, png(1024, 768))
        viewer.resize(1280, 800)
        viewer.zoom_by(1.5, QPointF(300, 200))
        _shots(viewer, "viewer")


def _shots(widget, name: str) -> None:
    from PySide6.QtCore import QCoreApplication

    try:
        for lang in ("en", "ko"):
            apply_language(lang)
            QCoreApplication.processEvents()  # the posted language change
            save_shot(widget, f"{name}_{lang}")
    finally:
        apply_language("en")
