"""The wallet's recent mints, newest first: what state each is in, its token id, and links to the explorer."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.chain.networks import format_kaia
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_M, SPACE_S
from ui.widgets.dates import date_time_text
from ui.widgets.status_chip import StatusChip

MAX_ROWS = 20
# state → (chip text, variant, icon)
STATE_CHIPS = {
    "waiting": (QT_TRANSLATE_NOOP("ActivityRow", "Waiting"), "neutral", "queue"),
    "signed": (QT_TRANSLATE_NOOP("ActivityRow", "Sending…"), "info", "refresh"),
    "sent": (QT_TRANSLATE_NOOP("ActivityRow", "Sent"), "info", "refresh"),
    "minted": (QT_TRANSLATE_NOOP("ActivityRow", "Minted"), "success", "success"),
    "confirmed": (QT_TRANSLATE_NOOP("ActivityRow", "Sent"), "success", "success"),
    "failed": (QT_TRANSLATE_NOOP("ActivityRow", "Failed"), "danger", "error"),
    "dropped": (QT_TRANSLATE_NOOP("ActivityRow", "Not included"), "warning", "warning"),
}


SIGNABLE = ("waiting", "failed", "dropped")  # nothing of it can land any more: the person may confirm it again


class ActivityRow(Retranslating, QWidget):
    sig_confirm_again = Signal(object)  # the record

    def __init__(self, record, network, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_M)
        state = STATE_CHIPS.get(record.state, (record.state, "neutral", "info"))
        self.chip = StatusChip("", state[1], state[2])
        lay.addWidget(self.chip)
        text = QVBoxLayout()
        text.setSpacing(0)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        text.addWidget(self.title)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # node and contract messages stay plain text
        self.detail.setProperty("role", "caption")
        self.detail.setWordWrap(True)
        text.addWidget(self.detail)
        lay.addLayout(text, 1)
        self.links: list[QPushButton] = []
        self.again_button: QPushButton | None = None
        if record.state in SIGNABLE:
            self.again_button = QPushButton()
            self.again_button.clicked.connect(lambda: self.sig_confirm_again.emit(self.record))
            lay.addWidget(self.again_button)
        self._link_words: list[str] = []
        if network is not None and network.chain_id == record.chain_id:
            for label, url in (
                (
                    QT_TRANSLATE_NOOP("ActivityRow", "Transaction"),
                    network.tx_url(record.tx_hash) if record.tx_hash else "",
                ),
                (
                    QT_TRANSLATE_NOOP("ActivityRow", "Token"),
                    network.token_url(record.token_id, record.contract) if record.token_id else "",
                ),
            ):
                if url:
                    self._link_words.append(label)
                    button = QPushButton()
                    button.setProperty("flat", True)
                    button.setToolTip(url)
                    button.clicked.connect(lambda _c=False, u=url: QDesktopServices.openUrl(QUrl(u)))
                    lay.addWidget(button)
                    self.links.append(button)
        self.retranslate()

    def retranslate(self) -> None:
        record = self.record
        state = STATE_CHIPS.get(record.state)
        self.chip.set_text(translate("ActivityRow", state[0]) if state else record.state)
        when = date_time_text(record.updated_at)
        if record.kind == "send":
            title = translate("ActivityRow", "{amount} to {recipient} · {when}").format(
                amount=format_kaia(record.value), recipient=f"{record.recipient[:6]}…{record.recipient[-4:]}", when=when
            )
        elif record.token_id:
            title = translate("ActivityRow", "Token #{id} · {when}").format(id=record.token_id, when=when)
        else:
            title = translate("ActivityRow", "Mint · {when}").format(when=when)
        self.title.setText(title)
        # The reason is a core message, said in the language of the moment.
        self.detail.setText(str(record.reason) or (record.memo if record.kind == "send" else record.token_uri))
        if self.again_button is not None:
            self.again_button.setText(
                translate("ActivityRow", "Send again…")
                if record.kind == "send"
                else translate("ActivityRow", "Mint again…")
            )
            self.again_button.setToolTip(
                translate("ActivityRow", "Review it afresh; nothing is signed until you confirm")
            )
        for button, label in zip(self.links, self._link_words):
            button.setText(translate("ActivityRow", label))


class ActivityList(Retranslating, QWidget):
    sig_confirm_again = Signal(object)  # a record the person wants to confirm again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(SPACE_S)
        self.empty = QLabel()
        self.empty.setProperty("role", "secondary")
        self.empty.setWordWrap(True)
        self.body.addWidget(self.empty)
        self.rows: list[ActivityRow] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(
            translate(
                "ActivityList", "Nothing minted or sent from this wallet yet. Mint a token from the Token workspace."
            )
        )

    def set_mints(self, mints, network) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        newest = sorted(mints, key=lambda m: m.updated_at, reverse=True)[:MAX_ROWS]
        for record in newest:
            row = ActivityRow(record, network)
            row.sig_confirm_again.connect(self.sig_confirm_again)
            self.body.addWidget(row)
            self.rows.append(row)
        self.empty.setVisible(not self.rows)
