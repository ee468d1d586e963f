"""Send KAIA (a prize payout): to whom, how much, exactly what will be signed, then the receipt.

Nothing is recorded until Confirm, and then from what was reviewed; the review is always of what the form says now
(ui.wallet.transaction_dialog). What makes two confirmations the same payout is what the person confirmed, the
network, recipient, amount and note (app.chain.mint_outbox explains the rule), not this dialog: a double click, a
crash or "Send again" on a payout that never landed pays it once, and the same values again after it landed are
shown as paid before, to be confirmed as another payout only on purpose.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.chain.networks import checked_recipient, format_kaia, parse_kaia
from app.chain.service import MAX_MEMO_LENGTH
from app.chain.user_input import checked_text
from ui.wallet.transaction_dialog import TransactionDialog
from ui.widgets.card import Card
from ui.widgets.dates import date_time_text
from ui.widgets.form_layout import form_layout


class SendDialog(TransactionDialog):
    confirm_text = "Confirm and send"
    busy_text = "Sending…"
    what = "transfer"

    def __init__(self, service, address: str, parent: QWidget | None = None, again=None, network=None) -> None:
        super().__init__(service, address, parent, network)
        self.setWindowTitle("Send KAIA")
        self._setup_ui()
        if again is not None:  # the same values: confirming them continues that payout, which never landed
            self.recipient.setText(again.recipient)
            self.amount.setText(format_kaia(again.value, 18).removesuffix(" KAIA").replace(",", ""))
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
        self.memo.setToolTip("A note tells apart two payouts of the same amount to the same address")
        self.memo.setAccessibleName("Note")
        self.memo.setMaxLength(MAX_MEMO_LENGTH)
        form.addRow("Note", self.memo)
        box.add_layout(form)
        return box

    def _request(self) -> tuple[str, int, str]:
        recipient = self._field(self.recipient, checked_recipient, self.recipient.text(), sender=self.address)
        value = self._field(self.amount, parse_kaia, self.amount.text())
        memo = self._field(self.memo, checked_text, self.memo.text(), "The note", MAX_MEMO_LENGTH)
        return recipient, value, memo

    def _quote_future(self, request: tuple[str, int, str]):
        return self.service.quote_send(*request)

    def _review_rows(self, quote) -> list[tuple[str, str]]:
        tx = quote.tx
        return [
            ("Network", f"{quote.network.name} (chain {tx['chainId']})"),
            ("From", tx["from"]),
            ("To", tx["to"]),
            ("Amount", format_kaia(tx["value"], 18)),  # every decimal: what is shown is what is signed
            ("Note", quote.memo or "—"),
            ("Total at most", format_kaia(tx["value"] + quote.max_cost, 6)),
        ]

    def _review_warning(self, quote) -> str:
        earlier = quote.repeat_of
        if earlier is None:
            return ""
        when = date_time_text(earlier.updated_at)
        note = f"the note “{earlier.memo}”" if earlier.memo else "no note"
        return (
            f"{format_kaia(earlier.value, 18)} was already sent to this address with {note} on {when}. Confirm only "
            "if this is another payout; give it its own note (such as “Prize #2”) to tell them apart."
        )

    def _result(self, record):
        return (
            f"Sent {format_kaia(record.value, 6)}",
            f"{format_kaia(record.value, 18)} went to {record.recipient}. The receipt is final.",
            [(self.tx_link, self.quote.network.tx_url(record.tx_hash))],
        )
