"""The status bar's word on where designs are generated: "This computer · CPU", "Server · CUDA · NVIDIA H200 ·
2 waiting", or "Server unreachable" with a warning icon.

With a generation server (a backend that has `server_status()`, app/fleet/remote.py) the server is asked every
CHECK_EVERY_MS on the network executor while the window lives, and again after each job; the timer stops on
`stop()` (the controller's shutdown). A job that ran on this computer because the server could not take it says so
until the server takes one again (app/fleet/fallback.py). When Settings move generation elsewhere
(BackendChanged, app/generation/switching.py) the words, the polling and the device follow at once. A job's place
in the server's line (QueuePosition) shows as soon as it is told.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from app.fleet.fallback import RunsOnThisComputer
from app.generation import events as ev
from ui.i18n import translate
from ui.tasks import run_in_background

CHECK_EVERY_MS = 10_000
TOKEN_REFUSED = ("fleet.unauthorized", "fleet.revoked", "fleet.no_token")


def here_words(device: str) -> str:
    return translate("GenerationPlace", "This computer · {device}").format(device=device)


def server_words(status) -> tuple[str, bool]:
    """(words, warning) for a RemoteBackend ServerStatus."""
    if not status.reachable:
        return translate("GenerationPlace", "Server unreachable"), True
    if status.message is not None and status.message.id in TOKEN_REFUSED:
        return translate("GenerationPlace", "Server refuses this computer's token"), True
    device = status.device or translate("GenerationPlace", "starting")
    if status.position == 0:
        return translate("GenerationPlace", "Server · {device} · yours is next").format(device=device), False
    if status.position is not None:
        return translate("GenerationPlace", "Server · {device} · yours is number {position} in line").format(
            device=device, position=status.position + 1
        ), False
    if status.queued:
        return translate("GenerationPlace", "Server · {device} · {count} waiting").format(
            device=device, count=status.queued
        ), False
    return translate("GenerationPlace", "Server · {device}").format(device=device), False


class GenerationPlace(QObject):
    """Keeps `window`'s status bar item (MainWindow.set_place) saying where `backend`'s jobs run; `bridge`
    (ui/engine_bridge.py) tells it when a model loaded or a job ended."""

    def __init__(self, backend, bridge, window, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._window = window
        self._device = "CPU"  # this computer's, until a model load says which
        self._asking = False
        self._stopped = False
        self._switches = 0  # BackendChanged so far: an answer from before the latest one is about another place
        self._connecting = False  # switched to a server that has not answered yet
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        bridge.sig_model_loaded.connect(self._on_model_loaded)
        bridge.sig_event.connect(self._on_event)
        self.show()
        self._poll()

    @property
    def uses_server(self) -> bool:
        """Whether jobs go to a generation server now (the backend may have been switched since the start)."""
        return callable(getattr(self.backend, "server_status", None))

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()

    def _poll(self) -> None:
        if self.uses_server and not self._stopped:
            self.timer.start()
        else:
            self.timer.stop()

    def words(self) -> tuple[str, str, bool]:
        """(words, icon, warning) as they stand now."""
        if not self.uses_server:
            return here_words(self._device), _icon(self._device), False
        if self._connecting:
            return translate("GenerationPlace", "Server · connecting…"), "gpu", False
        if getattr(self.backend, "fell_back", None) is not None:  # the last job ran here: the server could not
            return self.backend.device_label(), "warning", True
        status = self.backend.server_status()
        words, warning = server_words(status)
        return words, "warning" if warning else _icon(status.device or "GPU"), warning

    def show(self) -> None:
        # A model load or a server answer queued before the window closed may arrive after it is gone.
        if not isValid(self._window):
            self.stop()
            return
        words, icon, warning = self.words()
        self._window.set_place(lambda: self.words()[0], icon, warning)

    def check(self) -> None:
        """Ask the server now (off the UI thread); the status bar follows its answer."""
        if not self.uses_server or self._asking or self._stopped:
            return
        self._asking = True
        switches = self._switches
        answered = lambda _answer: self._on_checked(switches)  # noqa: E731 - the same for an answer and a failure
        run_in_background(self.backend.check, answered, answered, self, executor="network")

    def _on_checked(self, switches: int) -> None:
        if switches != self._switches:
            return  # about where generation was before Settings moved it
        self._asking = self._connecting = False
        self.show()

    def _on_model_loaded(self, event) -> None:
        self._device = event.device_label
        self.show()

    def _on_event(self, event) -> None:
        if isinstance(event, ev.BackendChanged):
            self._switches += 1
            self._asking, self._connecting = False, self.uses_server
            self._poll()
        if isinstance(event, (*ev.JOB_ENDS, RunsOnThisComputer, ev.BackendChanged)):
            self.show()
            self.check()
        elif isinstance(event, (ev.QueuePosition, ev.JobStarted)):
            self.show()  # the place in the server's line as it changes, and gone once the job runs: no poll's wait


def _icon(device: str) -> str:
    return "cpu" if device.strip().upper().startswith("CPU") else "gpu"
