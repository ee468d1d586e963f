"""Send KAIA (a prize payout): to whom, how much, exactly what will be signed, then the receipt.

Nothing is recorded until Confirm, and then from what was reviewed; the review is always of what the form says now
(ui.wallet.transaction_dialog). What makes two confirmations the same payout is what the person confirmed, the
network, recipient, amount and note (app.chain.mint_outbox explains the rule), not this dialog: a double click, a
crash or "Send again" on a payout that never landed pays it once, and the same values again after it landed are
shown as paid before, to be confirmed as another payout only on purpose.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.chain.networks import checked_recipient, format_kaia, parse_kaia
from app.chain.service import MAX_MEMO_LENGTH
from app.chain.user_input import checked_text
from ui.i18n import translate
from ui.wallet.transaction_dialog import TransactionDialog
from ui.wallet.words import network_name
from ui.widgets.card import Card
from ui.widgets.dates import date_time_text
from ui.widgets.form_layout import form_layout


class SendDialog(TransactionDialog):
    confirm_text = QT_TRANSLATE_NOOP("SendDialog", "Confirm and send")
    busy_text = QT_TRANSLATE_NOOP("SendDialog", "Sending…")
    bad_input_text = QT_TRANSLATE_NOOP(
        "SendDialog", "The transfer cannot be prepared as entered. Check the values, then try again."
    )
    on_its_way_text = QT_TRANSLATE_NOOP("SendDialog", "This transfer is already on its way: waiting for its receipt…")
    not_through_text = QT_TRANSLATE_NOOP("SendDialog", "The transfer did not go through.")
    app_problem_text = QT_TRANSLATE_NOOP(
        "SendDialog",
        "The transfer could not be prepared because of a problem in the app. Nothing was signed unless Activity "
        "shows it. Try again; if it keeps happening, copy the details for support.",
    )
    what = "transfer"  # for the log

    def __init__(self, service, address: str, parent: QWidget | None = None, again=None, network=None) -> None:
        super().__init__(service, address, parent, network)
        self._setup_ui()
        if again is not None:  # the same values: confirming them continues that payout, which never landed
            self.recipient.setText(again.recipient)
            self.amount.setText(format_kaia(again.value, 18).removesuffix(" KAIA").replace(",", ""))
            self.memo.setText(again.memo)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SendDialog", "Send KAIA"))
        self.title.setText(translate("SendDialog", "Send KAIA"))
        self.request_box.set_title(translate("SendDialog", "To whom, and how much"))
        self.recipient.setPlaceholderText(translate("SendDialog", "0x… the winner's address"))
        self.recipient.setAccessibleName(translate("SendDialog", "Recipient address"))
        self.amount.setPlaceholderText(translate("SendDialog", "e.g. 100"))
        self.amount.setAccessibleName(translate("SendDialog", "Amount in KAIA"))
        self.memo.setPlaceholderText(translate("SendDialog", "optional, kept in this app only: e.g. Prize #1"))
        self.memo.setToolTip(
            translate("SendDialog", "A note tells apart two payouts of the same amount to the same address")
        )
        self.memo.setAccessibleName(translate("SendDialog", "Note"))
        for field, words in (
            (self.recipient, translate("SendDialog", "To")),
            (self.amount, translate("SendDialog", "Amount (KAIA)")),
            (self.memo, translate("SendDialog", "Note")),
        ):
            self.form.labelForField(field).setText(words)
        super().retranslate()

    def _build_head(self, lay: QVBoxLayout) -> None:
        self.title = QLabel()
        self.title.setProperty("role", "section")
        lay.addWidget(self.title)
        lay.addWidget(self._network_chip())

    def _build_request(self) -> Card:
        box = Card(" ")
        self.form = form = form_layout()
        self.recipient = QLineEdit()
        form.addRow(" ", self.recipient)
        self.amount = QLineEdit()
        form.addRow(" ", self.amount)
        self.memo = QLineEdit()
        self.memo.setMaxLength(MAX_MEMO_LENGTH)
        form.addRow(" ", self.memo)
        box.add_layout(form)
        return box

    def _request(self) -> tuple[str, int, str]:
        recipient = self._field(self.recipient, checked_recipient, self.recipient.text(), sender=self.address)
        value = self._field(self.amount, parse_kaia, self.amount.text())
        memo = self._field(
            self.memo, checked_text, self.memo.text(), translate("SendDialog", "The note"), MAX_MEMO_LENGTH
        )
        return recipient, value, memo

    def _quote_future(self, request: tuple[str, int, str]):
        return self.service.quote_send(*request)

    def _review_rows(self, quote) -> list[tuple[str, str]]:
        tx = quote.tx
        chain = translate("Review", "{network} (chain {id})").format(
            network=network_name(quote.network), id=tx["chainId"]
        )
        return [
            (QT_TRANSLATE_NOOP("Review", "Network"), chain),
            (QT_TRANSLATE_NOOP("Review", "From"), tx["from"]),
            (QT_TRANSLATE_NOOP("Review", "To"), tx["to"]),
            (QT_TRANSLATE_NOOP("Review", "Amount"), format_kaia(tx["value"], 18)),  # every decimal is signed
            (QT_TRANSLATE_NOOP("Review", "Note"), quote.memo or "—"),
            (QT_TRANSLATE_NOOP("Review", "Total at most"), format_kaia(tx["value"] + quote.max_cost, 6)),
        ]

    def _review_warning(self, quote):
        earlier = quote.repeat_of
        if earlier is None:
            return ""
        return lambda: _repeat_warning(earlier)

    def _result(self, record):
        return (
            translate("SendDialog", "Sent {amount}").format(amount=format_kaia(record.value, 6)),
            translate("SendDialog", "{amount} went to {recipient}. The receipt is final.").format(
                amount=format_kaia(record.value, 18), recipient=record.recipient
            ),
            [(self.tx_link, self.quote.network.tx_url(record.tx_hash))],
        )


def _repeat_warning(earlier) -> str:
    values = {"amount": format_kaia(earlier.value, 18), "when": date_time_text(earlier.updated_at)}
    if earlier.memo:
        return translate(
            "SendDialog",
            "{amount} was already sent to this address with the note “{note}” on {when}. Confirm only if this is "
            "another payout; give it its own note (such as “Prize #2”) to tell them apart.",
        ).format(note=earlier.memo, **values)
    return translate(
        "SendDialog",
        "{amount} was already sent to this address with no note on {when}. Confirm only if this is another payout; "
        "give it its own note (such as “Prize #2”) to tell them apart.",
    ).format(**values)
