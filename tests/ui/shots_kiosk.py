"""Screenshots of every kiosk screen, for looking at (not part of the suite: its name is not test_*).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider tests/ui/shots_kiosk.py

Writes <screen>-<W>x<H>-<lang>.png to $SM6_SHOTS_DIR (default /tmp/shots16): a real visitor's walk with the tiny
model and the sandbox chain, each screen at 1280×800 and 1920×1080, in English and Korean.
"""

from __future__ import annotations

import os
from pathlib import Path

from eth_account import Account
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.kiosk_flow_helpers import WAIT_MS, Kiosk, tap
from ui.i18n import apply_language

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots16"))
SIZES = ((1280, 800), (1920, 1080))


def _shoot(qtbot, window, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ko"):
        apply_language(lang)
        for width, height in SIZES:
            window.resize(width, height)
            for _ in range(10):  # a new language's sizes take several rounds of layout requests to settle
                QApplication.processEvents()
            if window.still_there.isVisible():
                window.still_there.setGeometry(window.rect())
            window.grab().save(str(OUT / f"kiosk-{name}-{width}x{height}-{lang}.png"))
    apply_language("en")


def test_shots(qtbot, qapp, tiny_sd15):
    kiosk = Kiosk(qtbot, qapp)
    try:
        window, c = kiosk.window, kiosk.controller
        window.idle.set_times(3600, 7200)
        kiosk.open_wallet()
        _shoot(qtbot, window, "attract")
        tap(qtbot, window.attract.start)
        _shoot(qtbot, window, "design-empty")
        vm = c.design_vm
        vm.width = vm.height = 128
        vm.steps, vm.batch = 4, 4
        window.design.prompt.setFocus()
        QTest.keyClicks(window.design.prompt, "pearl white with rose-gold trim, by the sea at dusk")
        tap(qtbot, window.design.generate)
        qtbot.waitUntil(lambda: len(vm.variations) == 4 and not vm.busy and not vm.reading, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: all(not b.icon().isNull() for b in window.design.thumbs[:4]), timeout=WAIT_MS)
        _shoot(qtbot, window, "design")
        from app.fleet.remote_messages import UNREACHABLE

        vm.error = (str(UNREACHABLE(url="https://generation.example-campaign.kr:8443")), "", "error")
        _shoot(qtbot, window, "design-failed")
        vm.error = None
        tap(qtbot, window.design.next)
        kiosk.draft()
        _shoot(qtbot, window, "describe")
        tap(qtbot, window.describe.next)
        qtbot.waitUntil(lambda: window.preview.next.isEnabled(), timeout=WAIT_MS)
        _shoot(qtbot, window, "preview")
        tap(qtbot, window.preview.next)
        window.submit.address.setText("0x1234")
        tap(qtbot, window.submit.submit)
        _shoot(qtbot, window, "submit-wrong-address")
        window.submit.address.setText(Account.create().address)
        window.submit._say(None)
        window.submit._set_busy(True)
        _shoot(qtbot, window, "submit-sending")
        window.submit._set_busy(False)
        tap(qtbot, window.submit.submit)
        qtbot.waitUntil(lambda: window.screen_name == "thanks", timeout=WAIT_MS)
        from app.chain.networks import KAIROS

        window.thanks.show_token(window.thanks.record, KAIROS, window.submit.picture.image)
        _shoot(qtbot, window, "thanks")
        window.go("design")
        window.still_there.show_seconds(27)
        window.still_there.cover()
        _shoot(qtbot, window, "still-there")
        window.still_there.hide()
        window.show_failsafe()
        _shoot(qtbot, window, "failsafe")
        window.set_paused(True)
        _shoot(qtbot, window, "paused")
        window.set_paused(False)
    finally:
        kiosk.close()
