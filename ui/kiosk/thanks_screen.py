"""The thank-you screen: the token is the visitor's, with a QR code that opens it on the network's explorer
(KaiaScan), and "Done" for the next visitor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import big_button, words
from ui.kiosk.picture import Picture
from ui.kiosk.step_layout import step_columns
from ui.wallet.qr import qr_pixmap

QR_SIDE = 300


class ThanksScreen(Retranslating, QWidget):
    sig_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = None
        self.qr_text = ""  # what the QR code says: the token's page on the explorer
        self.picture = Picture()
        _row, side = step_columns(self, self.picture, spacing=20)  # the steps' frame: the picture stays put
        side.addStretch(1)
        self.title = words("headline", centred=False)
        side.addWidget(self.title)
        self.text = words("secondary", centred=False)
        side.addWidget(self.text)
        self.qr = QLabel()
        self.qr.setFixedSize(QR_SIDE, QR_SIDE)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignLeft)
        self.qr_caption = words("small", centred=False)
        side.addWidget(self.qr_caption)
        side.addStretch(1)
        self.done = big_button()
        self.done.clicked.connect(self.sig_done)
        side.addWidget(self.done)
        self.retranslate()

    def show_token(self, record, network, picture) -> None:
        self.record = record
        self.picture.set_image(picture)
        url = network.token_url(record.token_id, record.contract) if record.token_id is not None else ""
        self.qr_text = url
        self.qr.setVisible(bool(url))
        self.qr_caption.setVisible(bool(url))
        if url:  # dark modules on white: phone cameras read that best, whatever the theme
            self.qr.setPixmap(qr_pixmap(url, QR_SIDE, "#15181C", "#FFFFFF"))
        else:
            self.qr.clear()
        self.retranslate()

    def clear(self) -> None:
        self.record = None
        self.qr_text = ""
        self.qr.clear()
        self.picture.set_image(None)

    def retranslate(self) -> None:
        self.title.setText(translate("ThanksScreen", "Thank you!"))
        record = self.record
        if record is not None and record.token_id is not None:
            self.text.setText(
                translate("ThanksScreen", "Token #{number} is yours. It is in your wallet now.").format(
                    number=record.token_id
                )
            )
        else:
            self.text.setText(translate("ThanksScreen", "Your token is on its way to your wallet."))
        self.qr_caption.setText(translate("ThanksScreen", "Scan to see your token on KaiaScan."))
        self.done.setText(translate("ThanksScreen", "Done"))
