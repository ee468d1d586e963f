"""UI tests run headless; every test starts from the dark, non-kiosk theme."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def dark_theme(qapp):
    from ui.theme import apply_theme

    apply_theme(qapp, "dark")
    yield
    apply_theme(qapp, "dark")


@pytest.fixture(autouse=True)
def close_leftover_apps():
    """A failing test must not leave an engine thread running into the next test (or interpreter exit)."""
    yield
    from tests.ui.studio_helpers import OPEN, close_app

    for controller in list(OPEN):
        close_app(controller)
