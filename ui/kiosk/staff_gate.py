"""The way from a kiosk to its staff panel: the kiosk window's hidden gesture (`staff_requested`: five taps on the
logo, or Ctrl+Alt+Shift+S) opens the PIN pad inside the window; the right PIN opens the staff panel there.

    gate = install_staff_gate(kiosk_window, controller)

`kiosk_window` offers `staff_requested` (a signal) and `set_paused(bool)`; `controller.services` is the app's
`Services` (settings, generation backend, chain, library). Leaving kiosk mode turns the setting off (saved), then
closes the app and starts it again as the desktop window (app/showroom/mode.py says why it is not a live switch).
The kiosk wallet, which staff unlock on the panel and which then stays unlocked while the kiosk runs, is locked
again when staff pause the kiosk or leave kiosk mode (and, like any wallet, when the app quits).
"""

from __future__ import annotations

import logging
import time
from typing import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from app import paths
from app.errors import UserFacingError
from app.showroom import mode
from app.showroom.staff import StaffLock
from ui.kiosk.staff_panel import StaffPanel
from ui.kiosk.staff_pin_pad import StaffPinPad

log = logging.getLogger(__name__)


def restart_as_desktop() -> None:
    mode.request_desktop_restart()
    QCoreApplication.quit()  # the window closes as at any quit; ui/entry.py then starts the desktop window


class StaffGate(QObject):
    def __init__(
        self,
        kiosk_window: QWidget,
        controller,
        *,
        on_exit: Callable[[], None] = restart_as_desktop,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(kiosk_window)
        self.window = kiosk_window
        self.controller = controller
        self.on_exit = on_exit
        self.paused = False
        self.lock = StaffLock(
            lambda: self._settings().kiosk.pin_hash,
            paths.data_dir(),
            lambda: self._settings().kiosk.wrong_pin_lockout_s,
            clock,
        )
        self.pad: StaffPinPad | None = None
        self.panel: StaffPanel | None = None
        kiosk_window.staff_requested.connect(self.open_pad)

    def _settings(self):
        return self.controller.services.settings

    def open_pad(self) -> None:
        if _alive(self.panel):
            self.panel.cover()
            return
        if not _alive(self.pad):
            self.pad = StaffPinPad(self.window, self.lock)
            self.pad.sig_opened.connect(self.open_panel)
        self.pad.cover()

    def open_panel(self) -> None:
        if not _alive(self.panel):
            paused = getattr(self.window, "paused", self.paused)  # the window knows best, where it says
            self.panel = StaffPanel(self.window, self.controller.services, paused=paused)
            self.panel.sig_pause.connect(self._on_pause)
            self.panel.sig_exit_kiosk.connect(self.exit_kiosk)
        self.panel.cover()

    def _on_pause(self, paused: bool) -> None:
        self.paused = paused
        self.window.set_paused(paused)
        if paused:
            self.lock_wallet()

    def lock_wallet(self) -> None:
        """Nobody may mint while the kiosk is paused or left: staff unlock it again when they resume."""
        chain = self.controller.services.chain
        if chain is not None:
            chain.lock()  # on the chain worker; the panel hears WalletChanged("lock")

    def exit_kiosk(self) -> None:
        """Kiosk mode off for the next start (saved first: a restart that still found it on would open a kiosk
        again), then the desktop window."""
        services = self.controller.services
        try:
            mode.turn_off(services.settings, services.save_settings)
        except UserFacingError as exc:
            log.warning("kiosk mode could not be turned off: %s", exc)
            if _alive(self.panel):
                self.panel.show_problem(exc.msg)
            return
        log.info("staff left kiosk mode")
        self.lock_wallet()
        self.close()
        self.on_exit()

    def close(self) -> None:
        for overlay in (self.pad, self.panel):
            if _alive(overlay):
                overlay.close_overlay()
        self.pad = self.panel = None


def _alive(widget) -> bool:
    return widget is not None and shiboken6.isValid(widget) and not widget.closed


def install_staff_gate(kiosk_window: QWidget, controller, **options) -> StaffGate:
    """Connect the kiosk window's staff gesture to the PIN pad and the staff panel; the gate lives as long as the
    window (its child)."""
    return StaffGate(kiosk_window, controller, **options)
