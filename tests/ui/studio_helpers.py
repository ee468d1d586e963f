"""Opening the real application controller on the test's own folders, with the tiny model installed."""

from __future__ import annotations

from app.config import load_settings
from ui.app_controller import AppController

OPEN: list[AppController] = []  # closed after each test by the conftest, even when the test failed


def open_app(qtbot, size=(1280, 800)) -> AppController:
    controller = AppController(load_settings())
    OPEN.append(controller)
    qtbot.addWidget(controller.window)
    controller.window.resize(*size)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    return controller


def close_app(controller: AppController) -> None:
    controller.shutdown()
    controller.window.close()
    if controller in OPEN:
        OPEN.remove(controller)


def settle(qtbot, controller: AppController, timeout: int = 120_000) -> None:
    qtbot.waitUntil(lambda: not controller.services.engine.jobs(), timeout=timeout)
    qtbot.wait(50)  # let queued engine events reach the widgets
