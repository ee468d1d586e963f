"""Starting the window: Qt first, on screen at once; torch and the model load in the background afterwards."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)


def create_qapplication() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("SM6 Design Studio")
    app.setOrganizationName("SM6")
    app.setApplicationDisplayName("SM6 Design Studio")
    return app


class FirstPaint(QObject):
    """Calls back once, right after the window's first paint (the moment a user sees it)."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


def run_app(kiosk: bool = False) -> int:
    import qasync

    from app.config import load_settings
    from ui.app_controller import AppController
    from ui.theme import apply_theme

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_qapplication()
    settings = load_settings()
    apply_theme(app, settings.theme, kiosk=kiosk)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    controller = AppController(settings, kiosk=kiosk)
    if os.environ.get("SM6_EXIT_AFTER_FIRST_PAINT"):  # the startup benchmark's probe
        FirstPaint(controller.window, lambda: (print("FIRST_PAINT", flush=True), app.quit()))
    else:
        # torch and the model load only once the window is on screen.
        FirstPaint(controller.window, controller.start_background_work)
    controller.window.show()
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    app.aboutToQuit.connect(controller.shutdown)
    with loop:
        loop.run_until_complete(closed.wait())
    return 0
