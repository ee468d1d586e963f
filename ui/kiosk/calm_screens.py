"""The kiosk's screens outside the four steps: the attract screen, one-message screens (paused, "something went wrong")
and the "Still there?" overlay. Each has one thing to do, in big type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import Retranslating, translate
from ui.kiosk.picture import Picture, base_artwork


def big_button(primary: bool = True, kind: str = "big") -> QPushButton:
    """A touch button: "big" for the one thing a screen is for, "nav" for Back and Next."""
    button = QPushButton()
    button.setProperty("kiosk", kind)
    button.setProperty("primary", primary)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def words(role: str, wrap: bool = True, centred: bool = True) -> QLabel:
    label = QLabel()
    label.setProperty("kiosk", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class AttractScreen(Retranslating, QWidget):
    sig_start = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(64, 32, 64, 48)
        lay.setSpacing(24)
        self.picture = Picture(minimum=200)
        self.picture.set_image(base_artwork())  # only ever the base artwork: never a visitor's design
        lay.addWidget(self.picture, 1)
        self.headline = words("headline")
        lay.addWidget(self.headline)
        self.subline = words("secondary")
        lay.addWidget(self.subline)
        self.start = big_button()
        self.start.setMinimumWidth(360)
        self.start.clicked.connect(self.sig_start)
        lay.addWidget(self.start, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.headline.setText(translate("AttractScreen", "Design your own SM6"))
        self.subline.setText(
            translate("AttractScreen", "Describe it, watch it appear, and take it home as a token in your wallet.")
        )
        self.start.setText(translate("AttractScreen", "Start"))


class MessageScreen(Retranslating, QWidget):
    """A calm full-screen sentence with at most one big button: `kind` is "paused" or "failed"."""

    sig_action = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        lay = QVBoxLayout(self)
        lay.setContentsMargins(96, 64, 96, 96)
        lay.setSpacing(24)
        lay.addStretch(2)
        self.title = words("headline")
        lay.addWidget(self.title)
        self.text = words("secondary")
        lay.addWidget(self.text)
        lay.addSpacing(24)
        self.action = big_button()
        self.action.setMinimumWidth(360)
        self.action.clicked.connect(self.sig_action)
        self.action.setVisible(kind == "failed")
        lay.addWidget(self.action, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        if self.kind == "paused":
            self.title.setText(translate("MessageScreen", "This kiosk is taking a break"))
            self.text.setText(
                translate("MessageScreen", "It will be back soon. Our staff are happy to help meanwhile.")
            )
        else:
            self.title.setText(translate("MessageScreen", "Something went wrong — let's start again"))
            self.text.setText(
                translate("MessageScreen", "It was not your doing. Your design was not shared with anyone.")
            )
            self.action.setText(translate("MessageScreen", "Start again"))


class StillThereOverlay(Retranslating, QFrame):
    """Covers the kiosk window: "Still there?" with the seconds left and one big button."""

    sig_here = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.seconds = 0
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = QFrame()
        card.setObjectName("kioskCard")
        card.setFixedWidth(720)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(48, 48, 48, 48)
        lay.setSpacing(24)
        self.title = words("headline")
        lay.addWidget(self.title)
        self.countdown = words("secondary")
        lay.addWidget(self.countdown)
        self.here = big_button()
        self.here.clicked.connect(self.sig_here)
        lay.addWidget(self.here)
        outer.addWidget(card)
        self.hide()
        self.retranslate()

    def show_seconds(self, seconds: int) -> None:
        self.seconds = max(0, seconds)
        self.countdown.setText(
            translate("StillThereOverlay", "For your privacy, this kiosk starts over in {seconds} s.").format(
                seconds=self.seconds
            )
        )

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def retranslate(self) -> None:
        self.title.setText(translate("StillThereOverlay", "Still there?"))
        self.here.setText(translate("StillThereOverlay", "I'm still here"))
        self.show_seconds(self.seconds)
