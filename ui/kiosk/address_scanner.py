"""Reading a visitor's wallet address from the QR code their wallet app shows, with the kiosk's camera.

Offered only where a camera is present. Frames are decoded off the UI thread (app/chain/address_qr.py, on the `disk`
executor), one at a time: while one frame is being read, newer ones replace each other and only the latest is read
next, so a slow decoder never queues up seconds of video. The camera runs only while the scanner is shown, and stops
when it is hidden or the visit ends.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.chain.address_qr import addresses_in_image
from ui.i18n import Retranslating, translate
from ui.tasks import run_in_background

log = logging.getLogger(__name__)


def camera_available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices

        return bool(QMediaDevices.videoInputs())
    except Exception:  # noqa: BLE001 - no multimedia backend on this machine: no camera to offer
        log.debug("no camera: the multimedia backend is unavailable", exc_info=True)
        return False


def _grey(image: QImage):
    """The frame as a PIL greyscale image, from its pixels (no encoding); runs on the worker, not the UI thread."""
    from PIL import Image

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    size, stride = (grey.width(), grey.height()), grey.bytesPerLine()
    return Image.frombuffer("L", size, bytes(grey.constBits()), "raw", "L", stride, 1)


class AddressScanner(Retranslating, QWidget):
    """A viewfinder with one line of help and Cancel; `address_found(address)` once a wallet code is read."""

    address_found = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AddressScanner")
        self._camera = self._session = None
        self._busy = False
        self._waiting: QImage | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self._viewfinder = QWidget(self)
        self._viewfinder.setMinimumSize(480, 360)
        layout.addWidget(self._viewfinder, 1, Qt.AlignmentFlag.AlignHCenter)
        self._help = QLabel(self)
        self._help.setWordWrap(True)
        self._help.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._help)
        self._cancel = QPushButton(self)
        self._cancel.setMinimumHeight(64)
        self._cancel.clicked.connect(self._on_cancel)
        layout.addWidget(self._cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self._help.setText(translate("AddressScanner", "Hold your wallet's QR code up to the camera."))
        self._cancel.setText(translate("AddressScanner", "Type it instead"))

    def start(self) -> bool:
        """Starts the camera; False (and nothing started) where there is none."""
        if self._camera is not None:
            return True
        if not camera_available():
            return False
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        video = QVideoWidget(self._viewfinder)
        video.resize(self._viewfinder.size())
        video.show()
        self._camera, self._session = QCamera(self), QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoOutput(video)
        video.videoSink().videoFrameChanged.connect(self._on_frame)
        self._camera.start()
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._session.deleteLater()
            self._camera = self._session = None
        self._waiting = None

    def _on_frame(self, frame) -> None:
        self.offer_frame(frame.toImage())

    def offer_frame(self, image: QImage) -> None:
        """A frame from the camera: read now if the reader is free, else kept as the next one (replacing older)."""
        if image.isNull():
            return
        if self._busy:
            self._waiting = image
            return
        self._busy = True
        frame = image.copy()  # QImage is safe to hand to another thread once it is a copy of its own
        run_in_background(lambda: addresses_in_image(_grey(frame)), self._on_read, self._on_failed, self)

    def _on_read(self, addresses: list[str]) -> None:
        self._busy = False
        if addresses:
            self._waiting = None
            self.address_found.emit(addresses[0])
        elif self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.offer_frame(waiting)

    def _on_failed(self, error: BaseException) -> None:
        log.warning("reading a camera frame failed: %s", error)
        self._busy = False

    def _on_cancel(self) -> None:
        self.stop()
        self.cancelled.emit()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.stop()
        super().hideEvent(event)
