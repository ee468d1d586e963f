"""Mint a token: who receives it, what it costs, exactly what will be signed, then progress to the receipt.

The recipient is read from the form when the review is asked for and again at Confirm (ui.wallet.transaction_dialog):
a recipient changed after the review is reviewed again before anything is signed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from app.chain.networks import checked_recipient
from ui.theme import SPACE_L
from ui.wallet.transaction_dialog import TransactionDialog
from ui.widgets.card import Card

THUMB = 96


class MintDialog(TransactionDialog):
    sig_minted = Signal(object)  # MintRecord
    confirm_text = "Confirm and mint"
    busy_text = "Minting…"
    what = "mint"

    def __init__(self, service, draft, address: str, parent: QWidget | None = None, kiosk: bool = False) -> None:
        super().__init__(service, address, parent)
        self.draft = draft
        self.kiosk = kiosk  # the showroom's wallet pays; the token goes to the visitor's own address
        self.setWindowTitle("Mint on Kaia")
        self._setup_ui()

    def _announce(self, record) -> None:
        # The app listens for sig_minted; the wallet's generic handling for sig_finished.
        super()._announce(record)
        self.sig_minted.emit(record)

    def _build_head(self, lay: QVBoxLayout) -> None:
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
        titles.addWidget(self._network_chip(), 0, Qt.AlignmentFlag.AlignLeft)  # aligned: its width binds nothing
        titles.addStretch(1)
        head.addLayout(titles, 1)
        lay.addLayout(head)

    def _build_request(self) -> Card:
        box = Card("Who receives it")
        self.recipient_group = QButtonGroup(self)
        self.to_self = QRadioButton(f"This wallet ({self.address[:6]}…{self.address[-4:]})")
        self.to_other = QRadioButton("Another address")
        self.to_self.setChecked(True)
        for radio in (self.to_self, self.to_other):
            self.recipient_group.addButton(radio)
            box.add_widget(radio)
        self.other_address = QLineEdit()
        self.other_address.setPlaceholderText("0x…")
        self.other_address.setAccessibleName("Recipient address")
        self.other_address.setEnabled(False)
        self.to_other.toggled.connect(self.other_address.setEnabled)
        box.add_widget(self.other_address)
        if self.kiosk:
            box.set_title("Your wallet address")
            self.to_self.hide()
            self.to_other.hide()
            self.to_other.setChecked(True)
            self.other_address.setPlaceholderText("Your Kaia wallet address (0x…): the token will be yours")
        self.recipient_box = box
        return box

    def _setup_ui(self) -> None:
        super()._setup_ui()
        self.token_link = self._link_button("View token")

    def recipient(self) -> str:
        """Who receives the token; InputError for an address where it would be lost (app.chain.networks)."""
        return self.address if self.to_self.isChecked() else checked_recipient(self.other_address.text())

    def _request(self) -> str:
        return self._field(self.other_address, self.recipient)

    def _quote_future(self, recipient: str):
        return self.service.quote_mint(self.draft, recipient)

    def _review_rows(self, quote) -> list[tuple[str, str]]:
        tx, record = quote.tx, quote.record
        return [
            ("Network", f"{quote.network.name} (chain {tx['chainId']})"),
            ("From", tx["from"]),
            ("Contract", tx["to"]),
            ("Call", "mint(to, tokenURI, contentHash)"),
            ("To", record.recipient),
            ("Token URI", record.token_uri),
            ("Content hash", "0x" + record.content_hash.hex()),
            ("Value", "0 KAIA"),
        ]

    def _result(self, record):
        network = self.quote.network
        return (
            f"Minted token #{record.token_id}",
            f"Token #{record.token_id} now belongs to {record.recipient}. The receipt is final.",
            [
                (self.tx_link, network.tx_url(record.tx_hash)),
                (self.token_link, network.token_url(record.token_id, record.contract)),
            ],
        )
