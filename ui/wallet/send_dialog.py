"""Send KAIA (a prize payout): to whom, how much, exactly what will be signed, then the receipt.

The request id is made when the dialog opens, so however often this payout is confirmed or retried — a double
click, a crash, a lost connection — it is paid once.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.chain.networks import checked_address, format_kaia, parse_kaia
from ui.wallet.transaction_dialog import TransactionDialog
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout


class SendDialog(TransactionDialog):
    confirm_text = "Confirm and send"
    busy_text = "Sending…"
    what = "transfer"

    def __init__(self, service, address: str, parent: QWidget | None = None, again=None) -> None:
        super().__init__(service, address, parent)
        self.request_id = again.content_hash if again is not None else os.urandom(32)
        self.setWindowTitle("Send KAIA")
        self._setup_ui()
        if again is not None:
            self.recipient.setText(again.recipient)
            self.amount.setText(format_kaia(again.value, 18).removesuffix(" KAIA"))
            self.memo.setText(again.memo)

    def _build_head(self, lay: QVBoxLayout) -> None:
        title = QLabel("Send KAIA")
        title.setProperty("role", "section")
        lay.addWidget(title)
        lay.addWidget(self._network_chip())

    def _build_request(self) -> Card:
        box = Card("To whom, and how much")
        form = form_layout()
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText("0x… the winner's address")
        self.recipient.setAccessibleName("Recipient address")
        form.addRow("To", self.recipient)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("e.g. 100")
        self.amount.setAccessibleName("Amount in KAIA")
        form.addRow("Amount (KAIA)", self.amount)
        self.memo = QLineEdit()
        self.memo.setPlaceholderText("optional, kept in this app only: e.g. Prize #1")
        self.memo.setAccessibleName("Note")
        form.addRow("Note", self.memo)
        box.add_layout(form)
        return box

    def _quote_future(self):
        try:
            recipient = checked_address(self.recipient.text())
        except ValueError:
            self.recipient.setFocus()
            raise
        try:
            value = parse_kaia(self.amount.text())
        except ValueError:
            self.amount.setFocus()
            raise
        if value <= 0:
            self.amount.setFocus()
            raise ValueError("Send more than 0 KAIA.")
        if recipient == self.address:
            self.recipient.setFocus()
            raise ValueError("That is this wallet's own address. Enter the address to send to.")
        return self.service.quote_send(recipient, value, self.request_id, self.memo.text().strip())

    def _review_rows(self, quote) -> list[tuple[str, str]]:
        tx = quote.tx
        return [
            ("Network", f"{quote.network.name} (chain {tx['chainId']})"),
            ("From", tx["from"]),
            ("To", tx["to"]),
            ("Amount", format_kaia(tx["value"], 6)),
            ("Total at most", format_kaia(tx["value"] + quote.max_cost, 6)),
        ]

    def _result(self, record):
        return (
            f"Sent {format_kaia(record.value, 6)}",
            f"{format_kaia(record.value, 6)} went to {record.recipient}. The receipt is final.",
            [(self.tx_link, self.quote.network.tx_url(record.tx_hash))],
        )
