"""A second launch on a data folder brings the first window forward instead of opening a second owner.

The window that owns the folder (app.data_lock) listens on a local socket named after the folder. A later launch
finds the folder locked, asks that socket to "raise", and exits; when nothing answers (the owner is a headless
`generate`, or is still starting and never gets there), it says plainly that the folder is in use, and by which
process, then exits cleanly.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

from app.data_lock import FolderInUse
from ui.i18n import translate

log = logging.getLogger(__name__)

RAISE = b"raise\n"
ACK = b"ok\n"
HANDOVER_WAIT_S = 4.0  # the first window may still be building itself when a second launch comes
IO_WAIT_MS = 1000


def server_name(data_dir: Path) -> str:
    """Short (socket paths are limited to ~100 bytes) and the same for every spelling of the folder's path."""
    try:
        key = str(Path(data_dir).resolve())
    except OSError:
        key = str(data_dir)
    return "sm6-studio-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class FirstInstance(QObject):
    """Listens for later launches on the same data folder; each "raise" brings `window` forward."""

    sig_raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window: Callable[[], QWidget | None] = lambda: None
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self.name = server_name(data_dir)
        if not self._server.listen(self.name):
            # A socket file left by a killed owner. This process owns the folder now, so the name is ours.
            QLocalServer.removeServer(self.name)
            if not self._server.listen(self.name):
                log.warning("Later launches cannot reach this window: %s", self._server.errorString())
                return
        log.info("Listening for later launches on this data folder.")

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def set_window(self, window: Callable[[], QWidget | None]) -> None:
        """`window()` gives the window to raise: the app may replace its window (a new data folder chosen)."""
        self._window = window

    def close(self) -> None:
        self._server.close()

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > 64:  # not our protocol
                socket.abort()
            return
        line = bytes(socket.readLine(64).data())
        if line != RAISE:
            socket.abort()
            return
        self.bring_forward()
        socket.write(ACK)
        socket.flush()
        socket.disconnectFromServer()

    def bring_forward(self) -> None:
        log.info("Another launch asked for this data folder: brought the window forward.")
        window = self._window()
        if window is not None:
            window.setWindowState(
                (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
            )
            window.show()
            window.raise_()
            window.activateWindow()
        self.sig_raise_requested.emit()


def ask_first_to_raise(data_dir: Path, wait_s: float = HANDOVER_WAIT_S) -> bool:
    """True when the window owning `data_dir` answered and came forward. Blocks up to about `wait_s` seconds."""
    name = server_name(data_dir)
    deadline = time.monotonic() + wait_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(IO_WAIT_MS):
            socket.write(RAISE)
            answered = socket.waitForBytesWritten(IO_WAIT_MS) and _read_ack(socket)
            socket.abort()
            if answered:
                return True
        else:
            socket.abort()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


def _read_ack(socket: QLocalSocket) -> bool:
    data = b""
    while not data.endswith(b"\n") and socket.waitForReadyRead(IO_WAIT_MS):
        data += bytes(socket.readAll().data())
    return data == ACK


def hand_over(
    data_dir: Path,
    exc: FolderInUse,
    *,
    wait_s: float = HANDOVER_WAIT_S,
    show: Callable[[QMessageBox], None] = lambda box: box.exec(),
) -> int:
    """The second launch's whole job: bring the first window forward (exit 0) or explain why not (exit 1)."""
    if ask_first_to_raise(data_dir, wait_s):
        brought = translate(
            "single_instance", "SM6 Design Studio is already open on this data folder: its window was brought forward."
        )
        print(brought, flush=True)
        return 0
    log.warning("Not starting: %s", exc.message)
    title = translate("single_instance", "SM6 Design Studio is already running")
    box = QMessageBox(QMessageBox.Icon.Warning, title, exc.message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        translate(
            "single_instance",
            "Only one SM6 Design Studio can use a data folder at a time, so that nothing it saves is lost.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    print(f"sm6-studio: {exc.message}", file=sys.stderr, flush=True)
    show(box)
    return 1
