"""The kiosk reads a visitor's wallet address from the QR code held up to its camera: frames are read off the UI
thread, the latest one wins while the reader is busy, and a machine without a camera offers no scanner."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QImage

from ui.kiosk.address_scanner import AddressScanner, camera_available

ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7"


def qr_frame(text: str) -> QImage:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=8, border=6)
    image = QImage()
    image.loadFromData(buffer.getvalue())
    return image.convertToFormat(QImage.Format.Format_RGB32)


def test_without_a_camera_no_scanner_starts(qtbot):
    scanner = AddressScanner()
    qtbot.addWidget(scanner)
    assert camera_available() is False  # the test machine has none
    assert scanner.start() is False


def test_a_wallet_code_in_a_frame_gives_the_address(qtbot):
    scanner = AddressScanner()
    qtbot.addWidget(scanner)
    with qtbot.waitSignal(scanner.address_found, timeout=10_000) as found:
        scanner.offer_frame(qr_frame(f"ethereum:{ADDRESS}@8217"))
    assert found.args == [ADDRESS]


def test_while_busy_only_the_latest_frame_is_read(qtbot):
    scanner = AddressScanner()
    qtbot.addWidget(scanner)
    blank = QImage(640, 480, QImage.Format.Format_RGB32)
    blank.fill(0xFF808080)
    found: list[str] = []
    scanner.address_found.connect(found.append)
    scanner.offer_frame(blank)  # being read
    scanner.offer_frame(qr_frame("https://example.com"))  # replaced before it is read
    scanner.offer_frame(qr_frame(ADDRESS))  # the latest: read next
    qtbot.waitUntil(lambda: found == [ADDRESS], timeout=10_000)


def test_a_code_that_is_not_an_address_is_ignored(qtbot):
    scanner = AddressScanner()
    qtbot.addWidget(scanner)
    found: list[str] = []
    scanner.address_found.connect(found.append)
    scanner.offer_frame(qr_frame("https://kaiascan.io"))
    qtbot.waitUntil(lambda: not scanner._busy, timeout=10_000)
    assert found == []
