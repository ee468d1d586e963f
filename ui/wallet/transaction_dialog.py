"""The steps every wallet transaction takes on screen: the request, "What will be signed", then progress to the
receipt. Nothing is signed before "Confirm"; the transaction shown is the one signed. The chain service does the
slow parts on its worker thread, so the dialog never blocks.

Subclasses (mint, send) provide the request card, the quote to ask for, the rows to review and the result words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from ui.background import watch
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, current_theme
from ui.token.token_widgets import token_stylesheet
from ui.wallet.review import fee_rows, fill_review
from ui.widgets.card import Card
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.status_chip import StatusChip

DIALOG_WIDTH = 640
IN_FLIGHT = ("signed", "sent")


class TransactionDialog(QDialog):
    sig_finished = Signal(object)  # the record, once its receipt says it landed
    confirm_text = "Confirm"
    busy_text = "Sending…"
    what = "transaction"

    def __init__(self, service, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.address = address  # the wallet account that signs
        self.quote = None
        self.record = None
        self.setMinimumWidth(DIALOG_WIDTH)

    # --- for subclasses ---

    def _build_head(self, lay: QVBoxLayout) -> None:
        raise NotImplementedError

    def _build_request(self) -> Card:
        raise NotImplementedError

    def _quote_future(self):
        """The service call that records the request and builds its transaction; ValueError for bad input."""
        raise NotImplementedError

    def _review_rows(self, quote) -> list[tuple[str, str]]:
        raise NotImplementedError

    def _result(self, record) -> tuple[str, str, list[tuple[QPushButton, str]]]:
        """(title, sentence, [(link button, url)]) for a record that landed."""
        raise NotImplementedError

    # --- layout ---

    def _setup_ui(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        lay.setSpacing(SPACE_L)
        self._build_head(lay)
        self.request_box = self._build_request()
        lay.addWidget(self.request_box)

        self.review_box = Card("What will be signed")
        self.review = QGridLayout()
        self.review.setHorizontalSpacing(SPACE_M)
        self.review.setVerticalSpacing(SPACE_S)
        self.review.setColumnStretch(1, 1)
        self.review_box.add_layout(self.review)
        lay.addWidget(self.review_box)

        self.result_box = Card("Done")
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextFormat(Qt.TextFormat.PlainText)
        self.result_box.add_widget(self.result_text)
        self.links = QHBoxLayout()
        self.links.addStretch(1)  # links line up on the left, before it
        self.tx_link = self._link_button("View transaction")
        self.result_box.add_layout(self.links)
        lay.addWidget(self.result_box)

        self.error = ErrorBanner()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_M)
        self.progress = QLabel()
        self.progress.setProperty("role", "caption")
        self.progress.setWordWrap(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons.addWidget(self.progress, 1)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.next_button = QPushButton("Review")
        self.next_button.setProperty("primary", True)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._on_next)
        buttons.addWidget(self.next_button)
        lay.addLayout(buttons)
        self.setStyleSheet(token_stylesheet(current_theme()))  # monospace addresses
        self._show_step("recipient")

    def _network_chip(self) -> StatusChip:
        self.network_chip = StatusChip("", "neutral", "info")
        self.network_chip.hide()
        return self.network_chip

    def _link_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("flat", True)
        button.clicked.connect(self._open_link)
        button.hide()
        self.links.insertWidget(self.links.count() - 1, button)
        return button

    # --- steps ---

    def _show_step(self, step: str) -> None:
        self.step = step
        self.request_box.setVisible(step == "recipient")  # under review, the rows say it
        self.review_box.setVisible(step in ("review", "sending"))
        self.result_box.setVisible(step == "done")
        self.next_button.setVisible(step != "done")
        self.next_button.setEnabled(step in ("recipient", "review"))
        self.next_button.setText({"recipient": "Review", "review": self.confirm_text}.get(step, self.busy_text))
        self.cancel_button.setText("Close" if step == "done" else "Cancel")
        self.cancel_button.setEnabled(step != "sending")
        QTimer.singleShot(0, self, self.adjustSize)  # fit this step; with a context: never after the dialog is gone

    def _on_next(self) -> None:
        self.error.clear()
        if self.step == "recipient":
            self._request_quote()
        elif self.step == "review":
            self._confirm()

    def _request_quote(self) -> None:
        try:
            future = self._quote_future()
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.next_button.setEnabled(False)
        self.progress.setText("Checking the network and estimating the fee…")
        watch(future, self._on_quote, self._on_failed, self)

    def _on_quote(self, quote) -> None:
        self.quote = quote
        self.progress.setText("")
        network = quote.network
        self.network_chip.set_state(network.label, "success" if network.real_money else "warning")
        self.network_chip.show()
        self.record = quote.record
        if quote.record.done:
            self._on_done(quote.record)
            return
        if quote.record.state in IN_FLIGHT:
            self._wait_existing()
            return
        fill_review(self.review, [*self._review_rows(quote), *fee_rows(quote)])
        self._show_step("review")

    def _confirm(self) -> None:
        self._show_step("sending")
        self.progress.setText("Signing, sending and waiting for the receipt…")
        watch(self.service.confirm(self.quote), self._on_done, self._on_failed, self)

    def _wait_existing(self) -> None:
        self._show_step("sending")
        self.progress.setText(f"This {self.what} is already on its way: waiting for its receipt…")
        watch(self.service.reconcile(), lambda _r: self._after_reconcile(), self._on_failed, self)

    def _after_reconcile(self) -> None:
        watch(self.service.mints(), self._pick_record, self._on_failed, self)

    def _pick_record(self, records) -> None:
        record = next((m for m in records if self.record is not None and m.id == self.record.id), None)
        if record is not None:
            self._on_done(record)

    def _on_done(self, record) -> None:
        self.record = record
        self.progress.setText("")
        network = self.quote.network if self.quote else None
        if record.done:
            title, text, links = self._result(record)
            self.result_box.set_title(title)
            self.result_text.setText(text)
            self._show_step("done")
            for button, url in links:
                self._set_link(button, url)
            self._announce(record)
            return
        if record.state in IN_FLIGHT:
            self.result_box.set_title("Sent — waiting for the network")
            self.result_text.setText(
                record.error or "The transaction is sent. The app keeps checking and shows the receipt in Activity."
            )
            self._show_step("done")
            self._set_link(self.tx_link, network.tx_url(record.tx_hash) if network else "")
            return
        self._show_step("recipient")
        self.error.show_message(record.error or f"The {self.what} did not go through.")

    def _announce(self, record) -> None:
        self.sig_finished.emit(record)

    def _set_link(self, button: QPushButton, url: str) -> None:
        button.setVisible(bool(url))
        button.setToolTip(url)
        button.setProperty("url", url)

    def _open_link(self) -> None:
        url = self.sender().property("url")
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def _on_failed(self, error: BaseException) -> None:
        self.progress.setText("")
        self._show_step("recipient")
        if isinstance(error, UserFacingError):
            self.error.show_message(error.message, error.details)
        else:
            self.error.show_message(f"The {self.what} could not be prepared: {error}")
