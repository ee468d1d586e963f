"""Mint a token: who receives it, what it costs, exactly what will be signed, then progress to the receipt.

Nothing is signed until "Confirm and mint"; the transaction shown is the one signed. The chain service does the
slow parts on its worker thread; this dialog never blocks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.chain.networks import GKEI, checked_address, format_kaia
from app.errors import UserFacingError
from ui.background import watch
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, current_theme
from ui.token.token_widgets import ElidedLabel, token_stylesheet
from ui.widgets.card import Card
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.status_chip import StatusChip

DIALOG_WIDTH = 640
THUMB = 96


class MintDialog(QDialog):
    sig_minted = Signal(object)  # MintRecord

    def __init__(self, service, draft, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.draft = draft
        self.address = address  # the wallet account that signs
        self.quote = None
        self.record = None
        self.setWindowTitle("Mint on Kaia")
        self.setMinimumWidth(DIALOG_WIDTH)
        self._setup_ui()
        self.setStyleSheet(token_stylesheet(current_theme()))  # monospace addresses
        self._show_step("recipient")

    def _setup_ui(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        lay.setSpacing(SPACE_L)
        head = QHBoxLayout()
        head.setSpacing(SPACE_L)
        thumb = QLabel()
        thumb.setFixedSize(THUMB, THUMB)
        pixmap = QPixmap()
        pixmap.loadFromData(self.draft.image_bytes)
        thumb.setPixmap(
            pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
        head.addWidget(thumb, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        title = QLabel("Mint this token")
        title.setProperty("role", "section")
        titles.addWidget(title)
        name = QLabel(str(self.draft.metadata.get("name", "")))
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        titles.addWidget(name)
        self.network_chip = StatusChip("", "neutral", "info")
        self.network_chip.hide()
        titles.addWidget(self.network_chip, 0, Qt.AlignmentFlag.AlignLeft)  # aligned: its fixed width binds nothing
        titles.addStretch(1)
        head.addLayout(titles, 1)
        lay.addLayout(head)

        self.recipient_box = Card("Who receives it")
        self.recipient_group = QButtonGroup(self)
        self.to_self = QRadioButton(f"This wallet ({self.address[:6]}…{self.address[-4:]})")
        self.to_other = QRadioButton("Another address")
        self.to_self.setChecked(True)
        for radio in (self.to_self, self.to_other):
            self.recipient_group.addButton(radio)
            self.recipient_box.add_widget(radio)
        self.other_address = QLineEdit()
        self.other_address.setPlaceholderText("0x…")
        self.other_address.setAccessibleName("Recipient address")
        self.other_address.setEnabled(False)
        self.to_other.toggled.connect(self.other_address.setEnabled)
        self.recipient_box.add_widget(self.other_address)
        lay.addWidget(self.recipient_box)

        self.review_box = Card("What will be signed")
        self.review = QGridLayout()
        self.review.setHorizontalSpacing(SPACE_M)
        self.review.setVerticalSpacing(SPACE_S)
        self.review.setColumnStretch(1, 1)
        self.review_box.add_layout(self.review)
        lay.addWidget(self.review_box)

        self.result_box = Card("Minted")
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextFormat(Qt.TextFormat.PlainText)
        self.result_box.add_widget(self.result_text)
        links = QHBoxLayout()
        self.tx_link = QPushButton("View transaction")
        self.token_link = QPushButton("View token")
        for button in (self.tx_link, self.token_link):
            button.setProperty("flat", True)
            button.clicked.connect(self._open_link)
            links.addWidget(button)
        links.addStretch(1)
        self.result_box.add_layout(links)
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

    # --- steps ---

    def _show_step(self, step: str) -> None:
        self.step = step
        self.recipient_box.setVisible(step == "recipient")  # under review, the "To" row says it
        self.review_box.setVisible(step in ("review", "sending"))
        self.result_box.setVisible(step == "done")
        self.next_button.setVisible(step != "done")
        self.next_button.setEnabled(step in ("recipient", "review"))
        self.next_button.setText({"recipient": "Review", "review": "Confirm and mint"}.get(step, "Minting…"))
        self.cancel_button.setText("Close" if step == "done" else "Cancel")
        self.cancel_button.setEnabled(step != "sending")
        QTimer.singleShot(0, self.adjustSize)  # fit what this step shows, no more

    def _on_next(self) -> None:
        self.error.clear()
        if self.step == "recipient":
            self._request_quote()
        elif self.step == "review":
            self._confirm()

    def recipient(self) -> str:
        return self.address if self.to_self.isChecked() else checked_address(self.other_address.text())

    def _request_quote(self) -> None:
        try:
            recipient = self.recipient()
        except ValueError as exc:
            self.error.show_message(str(exc))
            self.other_address.setFocus()
            return
        self.next_button.setEnabled(False)
        self.progress.setText("Checking the network and estimating the fee…")
        watch(self.service.quote_mint(self.draft, recipient), self._on_quote, self._on_failed, self)

    def _on_quote(self, quote) -> None:
        self.quote = quote
        self.progress.setText("")
        network = quote.network
        self.network_chip.set_state(network.label, "success" if network.real_money else "warning")
        self.network_chip.show()
        if quote.record.state in ("minted", "signed", "sent"):
            self.record = quote.record
            self._on_done(quote.record) if quote.record.state == "minted" else self._wait_existing()
            return
        tx = quote.tx
        rows = [
            ("Network", f"{network.name} (chain {tx['chainId']})"),
            ("From", tx["from"]),
            ("Contract", tx["to"]),
            ("Call", "mint(to, tokenURI, contentHash)"),
            ("To", quote.record.recipient),
            ("Token URI", quote.record.token_uri),
            ("Content hash", "0x" + quote.record.content_hash.hex()),
            ("Value", "0 KAIA"),
            ("Nonce", str(tx["nonce"])),
            ("Gas limit", f"{tx['gas']:,}"),
            ("Max fee per gas", f"{tx['maxFeePerGas'] / GKEI:,.2f} Gkei (tip {tx['maxPriorityFeePerGas'] / GKEI:g})"),
            ("Fee", f"about {format_kaia(quote.likely_cost, 6)}, at most {format_kaia(quote.max_cost, 6)}"),
        ]
        while self.review.count():
            item = self.review.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for i, (key, value) in enumerate(rows):
            k = QLabel(key)
            k.setProperty("role", "secondary")
            if key in ("From", "Contract", "To", "Token URI", "Content hash"):
                v = ElidedLabel(value)  # one line, the middle elided when narrow, all of it in the tooltip
                v.setObjectName("address")
            else:
                v = QLabel(value)
                v.setTextFormat(Qt.TextFormat.PlainText)
                v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                v.setWordWrap(True)
            self.review.addWidget(k, i, 0, Qt.AlignmentFlag.AlignTop)
            self.review.addWidget(v, i, 1)
        self._show_step("review")

    def _confirm(self) -> None:
        self._show_step("sending")
        self.progress.setText("Signing, sending and waiting for the receipt…")
        watch(self.service.confirm_mint(self.quote), self._on_done, self._on_failed, self)

    def _wait_existing(self) -> None:
        self._show_step("sending")
        self.progress.setText("This token is already on its way: waiting for its receipt…")
        watch(self.service.reconcile(), lambda _r: self._after_reconcile(), self._on_failed, self)

    def _after_reconcile(self) -> None:
        watch(self.service.mints(), self._pick_record, self._on_failed, self)

    def _pick_record(self, mints) -> None:
        record = next((m for m in mints if self.record is not None and m.id == self.record.id), None)
        if record is not None:
            self._on_done(record)

    def _on_done(self, record) -> None:
        self.record = record
        self.progress.setText("")
        network = self.quote.network if self.quote else None
        if record.state == "minted":
            self.result_box.set_title(f"Minted token #{record.token_id}")
            self.result_text.setText(
                f"Token #{record.token_id} now belongs to {record.recipient}. The receipt is final."
            )
            self._show_step("done")
            self._set_link(self.tx_link, network.tx_url(record.tx_hash) if network else "")
            self._set_link(self.token_link, network.token_url(record.token_id, record.contract) if network else "")
            self.sig_minted.emit(record)
            return
        if record.state in ("signed", "sent"):
            self.result_box.set_title("Sent — waiting for the network")
            self.result_text.setText(
                record.error or "The transaction is sent. The app keeps checking and shows the receipt in Activity."
            )
            self._show_step("done")
            self._set_link(self.tx_link, network.tx_url(record.tx_hash) if network else "")
            self.token_link.hide()
            return
        self._show_step("recipient")
        self.error.show_message(record.error or "The mint did not go through.")

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
            self.error.show_message(f"The mint could not be prepared: {error}")
