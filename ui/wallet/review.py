"""The "What will be signed" table both the mint and the send dialogs show: one row per field of the transaction,
addresses and hashes in monospace on one line (elided in the middle, whole in the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from app.chain.networks import GKEI, format_kaia
from ui.i18n import translate
from ui.widgets.copy_field import AddressLabel

# Rows are keyed by their name's English (marked with QT_TRANSLATE_NOOP under "Review"), shown translated.
MONO_KEYS = ("From", "Contract", "To", "Token URI", "Content hash")  # i18n: not shown (row ids)


def fee_rows(quote) -> list[tuple[str, str]]:
    tx = quote.tx
    gas = translate("Review", "{max} Gkei (tip {tip})").format(
        max=f"{tx['maxFeePerGas'] / GKEI:,.2f}", tip=f"{tx['maxPriorityFeePerGas'] / GKEI:g}"
    )
    fee = translate("Review", "about {likely}, at most {most}").format(
        likely=format_kaia(quote.likely_cost, 6), most=format_kaia(quote.max_cost, 6)
    )
    return [
        (QT_TRANSLATE_NOOP("Review", "Nonce"), str(tx["nonce"])),
        (QT_TRANSLATE_NOOP("Review", "Gas limit"), f"{tx['gas']:,}"),
        (QT_TRANSLATE_NOOP("Review", "Max fee per gas"), gas),
        (QT_TRANSLATE_NOOP("Review", "Fee"), fee),
    ]


def fill_review(grid: QGridLayout, rows: list[tuple[str, str]]) -> None:
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
    for i, (key, value) in enumerate(rows):
        name = QLabel(translate("Review", key))
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
