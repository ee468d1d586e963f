"""The "What will be signed" table both the mint and the send dialogs show: one row per field of the transaction,
addresses and hashes in monospace on one line (elided in the middle, whole in the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from app.chain.networks import GKEI, format_kaia
from ui.widgets.copy_field import AddressLabel

MONO_KEYS = ("From", "Contract", "To", "Token URI", "Content hash")


def fee_rows(quote) -> list[tuple[str, str]]:
    tx = quote.tx
    return [
        ("Nonce", str(tx["nonce"])),
        ("Gas limit", f"{tx['gas']:,}"),
        ("Max fee per gas", f"{tx['maxFeePerGas'] / GKEI:,.2f} Gkei (tip {tx['maxPriorityFeePerGas'] / GKEI:g})"),
        ("Fee", f"about {format_kaia(quote.likely_cost, 6)}, at most {format_kaia(quote.max_cost, 6)}"),
    ]


def fill_review(grid: QGridLayout, rows: list[tuple[str, str]]) -> None:
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
    for i, (key, value) in enumerate(rows):
        name = QLabel(key)
        name.setProperty("role", "secondary")
        if key in MONO_KEYS:
            shown = AddressLabel(value)
            shown.setObjectName("address")
        else:
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)  # nothing here is ever read as markup
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
        grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(shown, i, 1)
