"""Opening the kiosk's guided flow on the test's own folders, and walking a visitor through it with real clicks."""

from __future__ import annotations

import asyncio

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.config import load_settings
from app.kiosk import KIOSK
from tests.fixtures.wallet_setup import open_new_wallet
from tests.ui.studio_helpers import OPEN, close_app
from ui.app_controller import AppController
from ui.i18n import apply_language
from ui.theme import apply_theme

WAIT_MS = 120_000


def tap(qtbot, button) -> None:
    """A finger on a visible, enabled button (the kiosk counts it as input, as it counts a real touch)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


class Kiosk:
    """A kiosk controller with its window on screen at `size`, a qasync loop for the Describe step's drafts."""

    def __init__(self, qtbot, qapp, size=(1280, 800)) -> None:
        self.qtbot = qtbot
        self.loop = qasync.QEventLoop(qapp, already_running=False)
        asyncio.set_event_loop(self.loop)
        apply_theme(qapp, "dark", policy=KIOSK)
        self.controller = AppController(load_settings(), policy=KIOSK)
        OPEN.append(self.controller)
        qtbot.addWidget(self.controller.window)
        self.window = self.controller.kiosk_window
        self.window.resize(*size)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.controller.start_background_work()

    def open_wallet(self) -> None:
        """Staff's part, once: the kiosk's wallet created, unlocked and given sandbox KAIA and the minter role."""
        wallet = self.controller.wallet_view

        def wait(ready, what: str) -> None:
            self.qtbot.waitUntil(ready, timeout=WAIT_MS)

        open_new_wallet(wallet, wait, funded=True)

    def generate(self, prompt: str) -> None:
        """Step 1 with the tiny model: a small, quick set of two variations."""
        qtbot, window, vm = self.qtbot, self.window, self.controller.design_vm
        vm.width = vm.height = 64
        vm.steps, vm.batch = 3, 2
        step = window.design
        step.prompt.setFocus()
        QTest.keyClicks(step.prompt, prompt)
        tap(qtbot, step.generate)
        qtbot.waitUntil(lambda: len(vm.variations) == 2 and not vm.busy and not vm.reading, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: all(not b.icon().isNull() for b in step.thumbs[:2]), timeout=WAIT_MS)

    def draft(self) -> None:
        """Step 2's draft (offline: the tests have no API key), run to its end."""
        task = self.controller.describe_vm.task
        if task is not None:
            self.loop.run_until_complete(asyncio.gather(task, return_exceptions=True))
        self.qtbot.waitUntil(lambda: self.window.describe.next.isEnabled(), timeout=WAIT_MS)

    def needs_scrolling(self) -> list[str]:
        """The languages in which the screen shown does not fit the window (with no keyboard up): a visitor at a
        kiosk should never have to find the rest of a screen by scrolling."""
        cut = []
        for language in ("en", "ko"):
            apply_language(language)
            if self.scrolls():
                cut.append(language)
        apply_language("en")
        return cut

    def scrolls(self) -> bool:
        """Whether the screen shown, in the language shown, is taller than the window."""
        for _ in range(10):  # new words reach the scroll area through several rounds of layout requests
            QApplication.processEvents()
        return self.window.scroll.verticalScrollBar().maximum() > 0

    def close(self) -> None:
        try:
            apply_language("en")
            QGuiApplication.clipboard().clear()
            close_app(self.controller)
        finally:
            self.loop.close()
            asyncio.set_event_loop(None)


def opened_kiosk(qtbot, qapp):
    """A fixture's body: the Kiosk, open for the test, closed after it whatever happened."""
    opened = Kiosk(qtbot, qapp)
    try:
        yield opened
    finally:
        opened.close()
