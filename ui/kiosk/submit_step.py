"""Step 4, Submit: the visitor's wallet address, then the token is minted to it on the kiosk's network.

The mint takes the wallet's own path (app/chain/service.py: quote, then confirm — recorded, signed once, sent, its
receipt awaited) under `policy.mints_to_visitor`: the kiosk's wallet pays and the visitor's address receives.
Where the kiosk has a camera, "Scan a QR code" shows the scanner (address_scanner.py) in place of the picture; the
address it reads goes into the field, for the visitor to check before Submit."""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QProgressBar, QVBoxLayout, QWidget

from app.chain.networks import checked_recipient
from app.errors import UserFacingError
from ui.i18n import Retranslating, translate
from ui.kiosk.address_scanner import AddressScanner, camera_available
from ui.kiosk.calm_screens import big_button, words
from ui.kiosk.picture import Picture
from ui.kiosk.step_layout import nav_row, step_columns
from ui.tasks import deliver

log = logging.getLogger(__name__)


class SubmitStep(Retranslating, QWidget):
    sig_back = Signal()
    sig_done = Signal(object, object)  # MintRecord, Network
    sig_failed = Signal()  # something no sentence can help with: the failsafe takes over

    def __init__(self, service, network: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.network = network
        self.draft = None
        self.busy = False
        self._visit = 0  # numbers each visit: a mint answering after a reset is for nobody on screen
        self._message = None  # (text callable) so a language switch re-says it
        self.scanner: AddressScanner | None = None  # made the first time a visitor scans
        self._setup_ui()
        self.retranslate()

    def _setup_ui(self) -> None:
        self.picture = Picture()
        self.row, side = step_columns(self, self.picture)
        self.title = words("title", centred=False)
        side.addWidget(self.title)
        self.hint = words("secondary", centred=False)
        side.addWidget(self.hint)
        self.address = QLineEdit()
        self.address.setMaxLength(80)
        self.address.setProperty("kiosk", "address")  # all 42 characters in view, to check before Submit
        hints = Qt.InputMethodHint  # an address is hex: the on-screen keyboard offers Latin keys, no suggestions
        self.address.setInputMethodHints(hints.ImhLatinOnly | hints.ImhNoPredictiveText | hints.ImhNoAutoUppercase)
        self.address.textEdited.connect(lambda _t: self._say(None))
        self.address.returnPressed.connect(self._on_submit)
        side.addWidget(self.address)
        self.extras = QVBoxLayout()  # room for another way in (a camera's QR scanner, where there is a camera)
        side.addLayout(self.extras)
        self.scan = big_button(primary=False, kind="nav")
        self.scan.clicked.connect(lambda: self.open_scanner())
        self.scan.setVisible(camera_available())
        self.extras.addWidget(self.scan)
        self.message = words("message", centred=False)
        side.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        side.addWidget(self.progress)
        self.progress_text = words("secondary", centred=False)
        side.addWidget(self.progress_text)
        side.addStretch(1)
        self.back, self.submit = nav_row(side, self.sig_back, self._on_submit)
        self._set_busy(False)

    def enter(self, draft, picture) -> None:
        self.draft = draft
        self.picture.set_image(picture)
        self._say(None)

    def use_address(self, address: str) -> None:
        """An address read another way (a QR code): into the field, for the visitor to see before Submit."""
        if not self.busy:
            self.address.setText(address)
            self._say(None)

    # --- scanning ---

    def open_scanner(self, scanner: AddressScanner | None = None) -> None:
        """The camera's view where the picture was; `scanner` is one already made (the tests' own)."""
        if self.busy:
            return
        if self.scanner is None:
            self.scanner = scanner or AddressScanner()
            self.scanner.address_found.connect(self._on_scanned)
            self.scanner.cancelled.connect(self.close_scanner)
            self.row.insertWidget(0, self.scanner, 1)
        self.picture.hide()
        self.scanner.show()
        self.scanner.start()

    def _on_scanned(self, address: str) -> None:
        self.close_scanner()
        self.use_address(address)

    def close_scanner(self) -> None:
        if self.scanner is not None:
            self.scanner.hide()  # stops the camera (AddressScanner.hideEvent)
            self.scanner.stop()
        self.picture.show()

    # --- submitting ---

    def _on_submit(self) -> None:
        if self.busy or self.draft is None:
            return
        try:
            recipient = checked_recipient(self.address.text())
        except UserFacingError as exc:  # said kindly; what was typed stays to be corrected
            message = exc.msg  # the Message, said again in whichever language is chosen next
            self._say(lambda: str(message))
            self.address.setFocus()
            return
        if not self.service.unlocked_address():
            self._say(lambda: translate("SubmitStep", "This kiosk cannot send tokens right now. Please ask our staff."))
            return
        self.service.touch()
        self._say(None)
        self._set_busy(True)
        visit = self._visit
        deliver(
            self.service.quote_mint(self.draft, recipient),
            lambda quote: self._on_quote(visit, quote),
            lambda error: self._on_error(visit, error),
            self,
        )

    def _on_quote(self, visit: int, quote) -> None:
        if visit != self._visit:
            return
        if quote.record is not None and quote.record.done:
            self._finish(visit, quote.record, quote.network)
            return
        deliver(
            self.service.confirm(quote),
            lambda record: self._finish(visit, record, quote.network),
            lambda error: self._on_error(visit, error),
            self,
        )

    def _finish(self, visit: int, record, network) -> None:
        if visit != self._visit:
            return
        self._set_busy(False)
        if record.done or record.state in ("signed", "sent"):  # sent: it lands; the thank-you says no more than that
            self.sig_done.emit(record, network)
            return
        reason = record.reason
        self._say(
            lambda: str(reason or "") or translate("SubmitStep", "Your token could not be sent. Please try again.")
        )

    def _on_error(self, visit: int, error: BaseException) -> None:
        if visit != self._visit:
            return
        self._set_busy(False)
        if isinstance(error, UserFacingError):
            self._say(lambda: str(error.msg))
            return
        log.error("kiosk mint failed", exc_info=(type(error), error, error.__traceback__))
        self.sig_failed.emit()

    # --- showing ---

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.progress_text.setVisible(busy)
        self.address.setReadOnly(busy)
        self.submit.setEnabled(not busy)
        self.back.setEnabled(not busy)
        self.scan.setEnabled(not busy)

    def _say(self, text: Callable[[], str] | None) -> None:
        self._message = text
        self.message.setVisible(text is not None)
        self.message.setText(text() if text is not None else "")

    def clear(self) -> None:
        self._visit += 1
        self.close_scanner()
        self.draft = None
        self.address.setText("")  # unlike clear(), it empties the undo history too: Undo brings nothing back
        self.picture.set_image(None)
        self._say(None)
        self._set_busy(False)

    def retranslate(self) -> None:
        self.title.setText(translate("SubmitStep", "Make it yours"))
        self.hint.setText(
            translate(
                "SubmitStep",
                "Type or paste your Kaia wallet address. We send the token to it; the kiosk pays the fee.",
            )
        )
        self.address.setPlaceholderText(translate("SubmitStep", "Your wallet address (0x…)"))
        self.address.setAccessibleName(translate("SubmitStep", "Your wallet address"))
        self.progress_text.setText(translate("SubmitStep", "Sending your token to your wallet…"))
        self.picture.set_placeholder(translate("SubmitStep", "Your design"))
        self.back.setText(translate("SubmitStep", "Back"))
        self.submit.setText(translate("SubmitStep", "Submit"))
        self.scan.setText(translate("SubmitStep", "Scan a QR code"))
        self._say(self._message)
