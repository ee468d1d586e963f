"""PySide6-Essentials 6.12.0 drops a reference to None on every void call under Python 3.11 and the app aborts
within minutes ("deallocating None"). pyproject excludes it; this guards against a future version doing the same."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10
