"""The status bar says what is going on in words that are never cut mid-letter: at 1024×680, 1280×800 and 1920×1080,
with short and long busy texts and model and device names of any length, the busy chip shows its whole text or ends
it in "…", the model and device give way before it does, and nothing sticks out or overlaps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from tests.ui.waits import laid_out
from ui.main_window import MainWindow

SIZES = [(1024, 680), (1280, 800), (1920, 1080)]
LONG_MODEL = "realisticVisionV60B1_v51HyperVAE-inpainting-fp16-pruned-emaonly-final-v2 · SD 1.x · 3f2a9c1d0e"
LONG_DEVICE = "CUDA · NVIDIA GeForce RTX 4090 Laptop GPU (16 GB)"
# (model, device, busy text): the everyday case, long names from files on disk, a long status of its own.
STATES = [
    ("tiny-sd15 · SD 1.x", "CPU", "Loading model…"),
    ("tiny-sd15 · SD 1.x", "CPU", "Checking model…"),
    (LONG_MODEL, LONG_DEVICE, "Loading model…"),
    (LONG_MODEL, LONG_DEVICE, "Generating…"),
    ("SM6 · SDXL 1.0", "CPU", "Building the demo model on this computer, which takes a few seconds…"),
    ("<b>bold</b> & <img src=x> model", "CPU", "Loading model…"),  # a file name is text, never markup
]


def _box(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def _not_cut(label) -> bool:
    """Shown whole, or its start and "…" (what a person can still read), never a word cut at the edge."""
    full, shown = label.full_text(), label.text()
    fits = label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    return fits and (shown == full or (shown.endswith("…") and full.startswith(shown[:-1])))


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize(
    "model, device, busy", STATES, ids=["short", "checking", "long-names", "generating", "long-status", "markup"]
)
def test_the_status_bar_never_cuts_a_word(qtbot, window, size, model, device, busy):
    window.resize(*size)
    window.set_model(model)
    window.set_device(device)
    window.set_busy(True, busy)
    laid_out(qtbot, window)
    bar = window.statusBar()
    chip = window.busy_chip()
    model_label, device_label = window._model_item.label, window._device_item.label
    for label in (model_label, device_label, chip._text_label):
        assert _not_cut(label), f"{label.full_text()!r} shows as {label.text()!r}"
    if len(busy) < 20:  # a short status always shows whole: the names give way first
        assert chip.shown_text() == busy
    boxes = [_box(w, bar) for w in (window._model_item, window._device_item, chip)]
    assert all(bar.rect().contains(box) for box in boxes), boxes
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :]), boxes
    assert window.status_texts() == (model, device, busy)  # in full for tests and screen readers
    assert chip.toolTip() or chip._text_label.toolTip()  # the whole status is one hover away


def test_a_status_that_comes_back_short_shows_whole_again(qtbot, window):
    window.resize(1024, 680)
    window.set_model(LONG_MODEL)
    window.set_busy(True, STATES[4][2])
    laid_out(qtbot, window)
    assert window.busy_chip().shown_text().endswith("…")
    window.set_busy(False)
    laid_out(qtbot, window)
    assert window.busy_chip().shown_text() == "Ready"
