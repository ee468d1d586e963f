"""What the staff's screens share: they cover the kiosk window from inside it (never a window of their own that a
visitor could move, or find behind the kiosk), in a centred card, and close themselves after a minute without input,
so a PIN pad or panel left open never waits for the next visitor. The on-screen keyboard, where the kiosk has one,
stays uncovered below them: staff type a password on it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

IDLE_CLOSE_MS = 60_000
_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
}


class StaffOverlay(QFrame):
    """Covers its parent (the kiosk window) and follows its size; `card` holds the content."""

    sig_closed = Signal()

    def __init__(self, host: QWidget, card_width: int) -> None:
        super().__init__(host)
        self.setObjectName("kioskOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # staff at a keyboard type the PIN too
        self.card = QFrame()
        self.card.setObjectName("kioskCard")
        self.card.setFixedWidth(card_width)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.card)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_CLOSE_MS)
        self.idle.timeout.connect(self.close_overlay)
        self._closed = False
        host.installEventFilter(self)
        self.keyboard = host.findChild(QWidget, "OnScreenKeyboard")  # the kiosk's own row (ui/kiosk/keyboard.py)
        if self.keyboard is not None:
            self.keyboard.installEventFilter(self)  # it grows and shrinks: the overlay follows
        QApplication.instance().installEventFilter(self)  # any touch or key while it is open counts as staff input
        self.hide()

    def covered_rect(self) -> QRect:
        """The host's area above its keyboard (all of it while the keyboard takes no room)."""
        rect = self.parentWidget().rect()
        if self.keyboard is not None and shiboken6.isValid(self.keyboard) and self.keyboard.height() > 0:
            rect.setBottom(self.keyboard.geometry().top() - 1)
        return rect

    def cover(self) -> None:
        self.setGeometry(self.covered_rect())
        self.raise_()
        self.show()
        self.setFocus()
        self.idle.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT and not self._closed:
            self.idle.start()
        elif event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and obj in (self.parentWidget(), self.keyboard):
            self.setGeometry(self.covered_rect())
        return False

    def close_overlay(self) -> None:
        """Gone for good: timers stopped, filters removed, the widget freed."""
        if self._closed:
            return
        self._closed = True
        self.idle.stop()
        self.stop_timers()
        QApplication.instance().removeEventFilter(self)
        if self.parentWidget() is not None:
            self.parentWidget().removeEventFilter(self)
        if self.keyboard is not None and shiboken6.isValid(self.keyboard):
            self.keyboard.removeEventFilter(self)
        self.hide()
        self.sig_closed.emit()
        self.deleteLater()

    @property
    def closed(self) -> bool:
        return self._closed

    def stop_timers(self) -> None:
        """A subclass stops its own timers here."""
