"""Mint a token: who receives it, what it costs, exactly what will be signed, then progress to the receipt.

The recipient is read from the form when the review is asked for and again at Confirm (ui.wallet.transaction_dialog):
a recipient changed after the review is reviewed again before anything is signed. The review warns when the token's
files are not published yet (a marketplace could not show its image), with a way to publish them; the result offers
the token itself, in the Token workspace and on the explorer.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.chain.networks import checked_recipient
from app.kiosk import DESKTOP, Policy
from ui.i18n import translate
from ui.theme import SPACE_L
from ui.wallet.transaction_dialog import TransactionDialog
from ui.wallet.words import network_name
from ui.widgets.card import Card

THUMB = 96
MINT_CALL = "mint(to, tokenURI, contentHash)"  # i18n: not shown (the contract's code, the same in every language)
NOT_PUBLISHED = ("local", "failed")  # ui.token.publish_card's states in which the files are on this computer only
ON_THE_WAY = ("queued", "offline", "uploading", "pinning")
LOCAL_ONLY_WARNING = QT_TRANSLATE_NOOP(
    "MintDialog",
    "The token's files are only on this computer, so marketplaces cannot show its image until they are published. "
    "Publish them now; you can mint meanwhile.",
)
ON_THE_WAY_NOTE = QT_TRANSLATE_NOOP(
    "MintDialog",
    "The token's files are still on their way to IPFS: marketplaces show its image once they are published. The "
    "Token workspace shows how far they got.",
)
PUBLISHING_STARTED = QT_TRANSLATE_NOOP(
    "MintDialog",
    "Publishing started: the files go out in the background, and the Token workspace shows how far they got. You can "
    "confirm the mint now.",
)


class MintDialog(TransactionDialog):
    sig_minted = Signal(object)  # MintRecord
    sig_view_token = Signal(object)  # the design: the app shows it in the Token workspace
    confirm_text = QT_TRANSLATE_NOOP("MintDialog", "Confirm and mint")
    busy_text = QT_TRANSLATE_NOOP("MintDialog", "Minting…")
    bad_input_text = QT_TRANSLATE_NOOP(
        "MintDialog", "The mint cannot be prepared as entered. Check the values, then try again."
    )
    on_its_way_text = QT_TRANSLATE_NOOP("MintDialog", "This mint is already on its way: waiting for its receipt…")
    not_through_text = QT_TRANSLATE_NOOP("MintDialog", "The mint did not go through.")
    app_problem_text = QT_TRANSLATE_NOOP(
        "MintDialog",
        "The mint could not be prepared because of a problem in the app. Nothing was signed unless Activity shows "
        "it. Try again; if it keeps happening, copy the details for support.",
    )
    what = "mint"  # for the log

    def __init__(
        self,
        service,
        draft,
        address: str,
        parent: QWidget | None = None,
        policy: Policy = DESKTOP,
        *,
        network=None,
        files_state: Callable[[], str] | None = None,
        publish: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(service, address, parent, network)
        self.draft = draft
        self.policy = policy  # mints_to_visitor: the showroom's wallet pays, the token goes to the visitor's address
        self._files_state = files_state  # where the token's files are now (a publish_card state), when known
        self._publish = publish
        self._setup_ui()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("MintDialog", "Mint on Kaia"))
        self.title.setText(translate("MintDialog", "Mint this token"))
        short = f"{self.address[:6]}…{self.address[-4:]}"
        self.to_self.setText(translate("MintDialog", "This wallet ({address})").format(address=short))
        self.to_other.setText(translate("MintDialog", "Another address"))
        self.other_address.setAccessibleName(translate("MintDialog", "Recipient address"))
        if self.policy.mints_to_visitor:
            self.recipient_box.set_title(translate("MintDialog", "Your wallet address"))
            self.other_address.setPlaceholderText(
                translate("MintDialog", "Your Kaia wallet address (0x…): the token will be yours")
            )
        else:
            self.recipient_box.set_title(translate("MintDialog", "Who receives it"))
            self.other_address.setPlaceholderText("0x…")
        self.token_link.setText(translate("MintDialog", "View on KaiaScan"))
        self.view_token_button.setText(translate("MintDialog", "View the token"))
        self.view_token_button.setToolTip(translate("MintDialog", "Show the token in the Token workspace"))
        super().retranslate()

    def _announce(self, record) -> None:
        # The app listens for sig_minted; the wallet's generic handling for sig_finished.
        self.view_token_button.show()  # landed: the token can be looked at
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
        self.title = QLabel()
        self.title.setProperty("role", "section")
        titles.addWidget(self.title)
        name = QLabel(str(self.draft.metadata.get("name", "")))
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        titles.addWidget(name)
        titles.addWidget(self._network_chip(), 0, Qt.AlignmentFlag.AlignLeft)  # aligned: its width binds nothing
        titles.addStretch(1)
        head.addLayout(titles, 1)
        lay.addLayout(head)

    def _build_request(self) -> Card:
        box = Card(" ")
        self.recipient_group = QButtonGroup(self)
        self.to_self = QRadioButton()
        self.to_other = QRadioButton()
        self.to_self.setChecked(True)
        for radio in (self.to_self, self.to_other):
            self.recipient_group.addButton(radio)
            box.add_widget(radio)
        self.other_address = QLineEdit()
        self.other_address.setEnabled(False)
        self.to_other.toggled.connect(self.other_address.setEnabled)
        box.add_widget(self.other_address)
        if self.policy.mints_to_visitor:
            self.to_self.hide()
            self.to_other.hide()
            self.to_other.setChecked(True)
        self.recipient_box = box
        return box

    def _setup_ui(self) -> None:
        super()._setup_ui()
        self.token_link = self._link_button()
        self.view_token_button = QPushButton()
        self.view_token_button.setProperty("primary", True)
        self.view_token_button.clicked.connect(self._on_view_token)
        self.view_token_button.hide()
        self.links.insertWidget(0, self.view_token_button)

    def _on_view_token(self) -> None:
        self.sig_view_token.emit(self.draft.design)
        self.accept()

    def _review_warning(self, quote):
        state = self._files_state() if self._files_state is not None else "pinned"
        if state in NOT_PUBLISHED:
            publish = (QT_TRANSLATE_NOOP("MintDialog", "Publish now"), self._on_publish_now)
            action = publish if self._publish is not None else None
            return (LOCAL_ONLY_WARNING, action) if action else LOCAL_ONLY_WARNING
        return ON_THE_WAY_NOTE if state in ON_THE_WAY else ""

    def _on_publish_now(self) -> None:
        if self._publish is not None:
            self._publish()
        self.error.show_message(lambda: translate("MintDialog", PUBLISHING_STARTED), severity="info")

    def recipient(self) -> str:
        """Who receives the token; InputError for an address where it would be lost (app.chain.networks)."""
        return self.address if self.to_self.isChecked() else checked_recipient(self.other_address.text())

    def _request(self) -> str:
        return self._field(self.other_address, self.recipient)

    def _quote_future(self, recipient: str):
        return self.service.quote_mint(self.draft, recipient)

    def _review_rows(self, quote) -> list[tuple[str, str]]:
        tx, record = quote.tx, quote.record
        chain = translate("Review", "{network} (chain {id})").format(
            network=network_name(quote.network), id=tx["chainId"]
        )
        return [
            (QT_TRANSLATE_NOOP("Review", "Network"), chain),
            (QT_TRANSLATE_NOOP("Review", "From"), tx["from"]),
            (QT_TRANSLATE_NOOP("Review", "Contract"), tx["to"]),
            (QT_TRANSLATE_NOOP("Review", "Call"), MINT_CALL),
            (QT_TRANSLATE_NOOP("Review", "To"), record.recipient),
            (QT_TRANSLATE_NOOP("Review", "Token URI"), record.token_uri),
            (QT_TRANSLATE_NOOP("Review", "Content hash"), "0x" + record.content_hash.hex()),
            (QT_TRANSLATE_NOOP("Review", "Value"), "0 KAIA"),
        ]

    def _result(self, record):
        network = self.quote.network
        return (
            translate("MintDialog", "Minted token #{id}").format(id=record.token_id),
            translate("MintDialog", "Token #{id} now belongs to {recipient}. The receipt is final.").format(
                id=record.token_id, recipient=record.recipient
            ),
            [
                (self.tx_link, network.tx_url(record.tx_hash)),
                (self.token_link, network.token_url(record.token_id, record.contract)),
            ],
        )
