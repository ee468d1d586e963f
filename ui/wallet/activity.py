"""The wallet's recent mints, newest first: what state each is in, its token id, and links to the explorer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.chain.networks import format_kaia
from ui.theme import SPACE_M, SPACE_S
from ui.widgets.dates import date_time_text
from ui.widgets.status_chip import StatusChip

MAX_ROWS = 20
# state → (chip text, variant, icon)
STATE_CHIPS = {
    "waiting": ("Waiting", "neutral", "queue"),
    "signed": ("Sending…", "info", "refresh"),
    "sent": ("Sent", "info", "refresh"),
    "minted": ("Minted", "success", "success"),
    "confirmed": ("Sent", "success", "success"),
    "failed": ("Failed", "danger", "error"),
    "dropped": ("Not included", "warning", "warning"),
}


SIGNABLE = ("waiting", "failed", "dropped")  # nothing of it can land any more: the person may confirm it again


class ActivityRow(QWidget):
    sig_confirm_again = Signal(object)  # the record

    def __init__(self, record, network, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(SPACE_M)
        self.chip = StatusChip(*STATE_CHIPS.get(record.state, (record.state, "neutral", "info")))
        lay.addWidget(self.chip)
        text = QVBoxLayout()
        text.setSpacing(0)
        if record.kind == "send":
            title = f"{format_kaia(record.value)} to {record.recipient[:6]}…{record.recipient[-4:]}"
        else:
            title = f"Token #{record.token_id}" if record.token_id else "Mint"
        when = date_time_text(record.updated_at)
        self.title = QLabel(f"{title} · {when}")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        text.addWidget(self.title)
        self.detail = QLabel(str(record.reason) or (record.memo if record.kind == "send" else record.token_uri))
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # node and contract messages stay plain text
        self.detail.setProperty("role", "caption")
        self.detail.setWordWrap(True)
        text.addWidget(self.detail)
        lay.addLayout(text, 1)
        self.links: list[QPushButton] = []
        self.again_button: QPushButton | None = None
        if record.state in SIGNABLE:
            self.again_button = QPushButton("Send again…" if record.kind == "send" else "Mint again…")
            self.again_button.setToolTip("Review it afresh; nothing is signed until you confirm")
            self.again_button.clicked.connect(lambda: self.sig_confirm_again.emit(self.record))
            lay.addWidget(self.again_button)
        if network is not None and network.chain_id == record.chain_id:
            for label, url in (
                ("Transaction", network.tx_url(record.tx_hash) if record.tx_hash else ""),
                ("Token", network.token_url(record.token_id, record.contract) if record.token_id else ""),
            ):
                if url:
                    button = QPushButton(label)
                    button.setProperty("flat", True)
                    button.setToolTip(url)
                    button.clicked.connect(lambda _c=False, u=url: QDesktopServices.openUrl(QUrl(u)))
                    lay.addWidget(button)
                    self.links.append(button)


class ActivityList(QWidget):
    sig_confirm_again = Signal(object)  # a record the person wants to confirm again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(SPACE_S)
        self.empty = QLabel("Nothing minted or sent from this wallet yet. Mint a token from the Token workspace.")
        self.empty.setProperty("role", "secondary")
        self.empty.setWordWrap(True)
        self.body.addWidget(self.empty)
        self.rows: list[ActivityRow] = []

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
