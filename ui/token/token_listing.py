"""The token listing's parts: the proof of a mint (chain, token id, owner, contract, explorer links), the files card,
and the layout that puts the image, the listing and the "about" block side by side, or stacks them when narrow.

The page scrolls as one (TokenView); nothing here has a scroll area of its own, so no text is ever shut in a small
inner box, and the proof of a mint sits near the top of the listing, in view at 1280×800 without scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.i18n import translate
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from ui.token.token_widgets import (
    CHAIN_NAME,
    COLUMN_MAX,
    COLUMN_MIN,
    DETAIL_LABEL_WIDTH,
    IMAGE_MIN,
    NO_VALUE,
    NOT_MINTED,
    QWIDGETSIZE_MAX,
)
from ui.widgets.card import Card
from ui.widgets.copy_field import AddressLabel, CopyField
from ui.widgets.status_chip import StatusChip

WIDE_MIN = IMAGE_MIN + SPACE_XL + COLUMN_MIN  # narrower than this, the listing goes under the image


def plain_label(text: str, *, role: str | None = None, name: str | None = None, wrap=False, selectable=False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and descriptions come from people and models
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _detail_grid() -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(SPACE_M)
    grid.setVerticalSpacing(SPACE_S)
    grid.setColumnMinimumWidth(0, DETAIL_LABEL_WIDTH)
    grid.setColumnStretch(1, 1)
    return grid


def _add_rows(grid: QGridLayout, rows: list[QWidget | QHBoxLayout]) -> list[QLabel]:
    """One row per value, each with a key label (its words are set by the caller's retranslate); the key labels."""
    keys = []
    for i, value in enumerate(rows):
        keys.append(plain_label("", name="detailKey"))
        grid.addWidget(keys[-1], i, 0, Qt.AlignmentFlag.AlignVCenter)
        if isinstance(value, QWidget):
            grid.addWidget(value, i, 1)
        else:
            grid.addLayout(value, i, 1)
    return keys


class MintProof(Card):
    """Where the token lives once minted: chain and state, token id, owner, contract, and links to see it on the
    explorer. Before a mint it says so, with the chain it will be minted on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent, padding=SPACE_L)
        grid = _detail_grid()
        chain_row = QHBoxLayout()
        chain_row.setSpacing(SPACE_S)
        self.chain = plain_label("")
        self.chip = StatusChip("", "neutral", "info")
        chain_row.addWidget(self.chain)
        chain_row.addWidget(self.chip)
        chain_row.addStretch(1)
        self.token_id = plain_label("", role="secondary", selectable=True)
        # Addresses elide in the middle: shown whole, a 42-character address would widen the column past its edge.
        self.owner = AddressLabel(NO_VALUE)
        self.contract = AddressLabel(NO_VALUE)
        self.keys = _add_rows(grid, [chain_row, self.token_id, self.owner, self.contract])
        self.add_layout(grid)
        links = QHBoxLayout()
        links.setSpacing(SPACE_S)
        self.token_link = self._link()
        self.tx_link = self._link()
        links.addWidget(self.token_link)
        links.addWidget(self.tx_link)
        links.addStretch(1)
        self.add_layout(links)
        self._mint: tuple | None = None  # (record, network) shown, or None: said again in another language
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        owner, contract = translate("MintProof", "Owner"), translate("MintProof", "Contract")
        words = (translate("MintProof", "Chain"), translate("MintProof", "Token ID"), owner, contract)
        for key, text in zip(self.keys, words, strict=True):
            key.setText(text)
        self.owner.setAccessibleName(owner)
        self.contract.setAccessibleName(contract)
        self.token_link.setText(translate("MintProof", "View on KaiaScan"))
        self.tx_link.setText(translate("MintProof", "View transaction"))
        if self._mint is None:
            self.show_not_minted()
        else:
            self.show_mint(*self._mint)

    def _link(self) -> QPushButton:
        button = QPushButton()
        button.setProperty("flat", True)
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(button.property("url") or "")))
        return button

    def show_not_minted(self) -> None:
        self._mint = None
        not_minted = translate("MintProof", NOT_MINTED)
        self.chip.set_state(not_minted, "neutral", "info")
        self.chain.setText(translate("MintProof", CHAIN_NAME))
        self.token_id.setText(not_minted)
        self.owner.set_full_text(NO_VALUE)
        self.contract.set_full_text(NO_VALUE)
        for link in (self.token_link, self.tx_link):
            self._set_url(link, "")

    def show_mint(self, record, network) -> None:
        self._mint = (record, network)
        self.chip.set_state(translate("MintProof", "minted"), "success", "success")
        self.chain.setText(network.name)
        self.token_id.setText(f"#{record.token_id}")
        self.owner.set_full_text(record.recipient)
        self.contract.set_full_text(record.contract)
        self._set_url(self.token_link, network.token_url(record.token_id, record.contract))
        self._set_url(self.tx_link, network.tx_url(record.tx_hash) if record.tx_hash else "")

    @staticmethod
    def _set_url(button: QPushButton, url: str) -> None:
        button.setProperty("url", url)
        button.setToolTip(url)  # the address itself: what the link opens
        button.setVisible(bool(url))


class FilesCard(Card):
    """The token's two ipfs:// addresses, each with a copy button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda: translate("FilesCard", "Files"), parent, padding=SPACE_L)
        self.metadata_link = CopyField(lambda: translate("FilesCard", "Metadata address"))
        self.image_link = CopyField(lambda: translate("FilesCard", "Image address"))
        grid = _detail_grid()
        self.keys = _add_rows(grid, [self.metadata_link, self.image_link])
        self.add_layout(grid)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.keys[0].setText(translate("FilesCard", "Metadata"))
        self.keys[1].setText(translate("FilesCard", "Image"))


class PreviewLayout(QWidget):
    """Image on the left with the "about" block under it and the listing column on the right; narrower than
    WIDE_MIN, one column: image, listing, about."""

    def __init__(self, image: QWidget, listing: QWidget, about: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image, self.listing, self.about = image, listing, about
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(SPACE_XL)
        self.grid.setVerticalSpacing(SPACE_XL)
        self.grid.setColumnStretch(0, 1)
        self.wide: bool | None = None
        self.arrange(True)

    def arrange(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        for widget in (self.image, self.listing, self.about):
            self.grid.removeWidget(widget)
        top = Qt.AlignmentFlag.AlignTop
        if wide:
            self.grid.addWidget(self.image, 0, 0)
            self.grid.addWidget(self.about, 1, 0, top)
            self.grid.addWidget(self.listing, 0, 1, 2, 1, top)
            self.listing.setMinimumWidth(COLUMN_MIN)
            self.listing.setMaximumWidth(COLUMN_MAX)
            self.grid.setColumnStretch(0, 1)
            self.grid.setRowStretch(1, 1)  # the about block takes the height left under the image
            self.grid.setRowStretch(2, 0)
        else:
            self.grid.addWidget(self.image, 0, 0)
            self.grid.addWidget(self.listing, 1, 0)
            self.grid.addWidget(self.about, 2, 0, top)
            self.listing.setMinimumWidth(0)
            self.listing.setMaximumWidth(QWIDGETSIZE_MAX)
            self.grid.setColumnStretch(1, 0)
            self.grid.setRowStretch(1, 0)
            self.grid.setRowStretch(2, 1)

    def fit(self, width: int) -> None:
        """Arrange for `width`, the room the page has for it. Decided by the page, not by this widget's own width:
        side by side, this widget is at least WIDE_MIN wide and would never see the narrower width it should stack at.
        """
        self.arrange(width >= WIDE_MIN)
