"""The review sheet for a round's payouts: every line (rank, entry, recipient read from the chain, prize), what is
left out and why, the total, the sending wallet and its balance, the fees, and whether the wallet holds enough.
Confirm is the one decision: it records the list once and sends it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.chain.networks import format_kaia
from app.curation.payouts import PayoutPlan
from ui.i18n import Retranslating, translate
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, current_theme, repolish, tabular_font
from ui.widgets.copy_field import AddressLabel
from ui.widgets.status_chip import StatusChip

TONES = ("success", "warning", "danger")


def plain(text: str, role: str = "") -> QLabel:
    """`role`: a text role of the stylesheet, or a tone (success, warning, danger) drawn in the theme's colour;
    the words say it too (a ✓, ⚠ or ✕ leads them), never the colour alone."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from outside: never markup
    set_tone(label, role)
    return label


def set_tone(label: QLabel, role: str) -> None:
    if role in TONES:
        label.setProperty("role", "")
        label.setStyleSheet(f"color: {getattr(current_theme(), role)};")
    else:
        label.setStyleSheet("")
        label.setProperty("role", role)


def amount_label(kei: int) -> QLabel:
    label = plain(format_kaia(kei, 6))
    label.setFont(tabular_font(label.font()))
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


def empty_layout(layout: QLayout) -> None:
    """Take every item out of `layout`, its widgets deleted."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()  # gone from the screen now, not when the deletion comes round
            widget.setObjectName("")  # and no longer found by its name (a row's new label has it now)
            widget.deleteLater()


def statement(right_margin: int = 0) -> tuple[QGridLayout, QScrollArea]:
    """A grid of payout lines in a frameless scroll area: rank, entry, recipient, amount, and what a page adds."""
    lines = QWidget()
    grid = QGridLayout(lines)
    grid.setContentsMargins(0, 0, right_margin, 0)
    grid.setHorizontalSpacing(SPACE_L)
    grid.setVerticalSpacing(SPACE_S)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(lines)
    return grid, scroll


def add_heads(grid: QGridLayout, heads: list[str]) -> None:
    """The column heads on row 0; the amounts' column (the fourth) right-aligned like its figures, the
    recipients' (the third) taking the room left."""
    for column, head in enumerate(heads):
        label = plain(head, "secondary")
        if column == 3:
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(label, 0, column)
    grid.setColumnStretch(2, 1)


def rank_label(rank: int) -> QLabel:
    label = plain(f"#{rank}")
    label.setFont(tabular_font(label.font()))
    return label


def network_chip(network) -> StatusChip:
    if network.real_money:
        return StatusChip(network.name, "neutral")
    return StatusChip(translate("PayoutReview", "TEST · {network}").format(network=network.name), "info", "info")


class PayoutReview(Retranslating, QDialog):
    """accept() on Confirm (only when the wallet holds enough); the caller then records and sends `plan`."""

    def __init__(self, plan: PayoutPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setMinimumWidth(760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_M)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setProperty("role", "section")
        top.addWidget(self.title, 1)
        self.chip = network_chip(plan.network)
        top.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "secondary")
        layout.addWidget(self.hint)
        self.grid, scroll = statement()
        self.lines = scroll.widget()
        layout.addWidget(scroll, 1)
        self.summary = QWidget()
        self.summary_grid = QGridLayout(self.summary)
        self.summary_grid.setContentsMargins(0, SPACE_S, 0, 0)
        self.summary_grid.setHorizontalSpacing(SPACE_L)
        self.summary_grid.setColumnStretch(1, 1)
        layout.addWidget(self.summary)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton()
        self.confirm_button.setProperty("primary", True)
        self.confirm_button.setEnabled(plan.enough and bool(plan.payable))
        self.confirm_button.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        plan = self.plan
        self.setWindowTitle(translate("PayoutReview", "Review the payouts"))
        self.title.setText(translate("PayoutReview", "Review the payouts"))
        self.hint.setText(
            translate(
                "PayoutReview",
                "Check every line. Confirm records this list once and sends each prize from the wallet below; "
                "no winner is ever paid twice, even from another staff machine.",
            )
        )
        self.cancel_button.setText(translate("PayoutReview", "Cancel"))
        self.confirm_button.setText(translate("PayoutReview", "Confirm and send"))
        self._fill_lines()
        self._fill_summary()
        if not plan.payable:
            self.verdict.setText(translate("PayoutReview", "✕ No winner of this round can be paid on chain."))
            set_tone(self.verdict, "danger")
        elif plan.enough:
            self.verdict.setText(translate("PayoutReview", "✓ The wallet holds enough for every prize and its fee."))
            set_tone(self.verdict, "success")
        else:
            self.verdict.setText(
                translate(
                    "PayoutReview",
                    "✕ Not enough KAIA: the wallet holds {balance}, these payouts need up to {needed}. Add KAIA to "
                    "the wallet, then review again.",
                ).format(balance=format_kaia(plan.balance, 6), needed=format_kaia(plan.needed, 6))
            )
            set_tone(self.verdict, "danger")
        repolish(self.verdict)

    def _fill_lines(self) -> None:
        grid = self.grid
        empty_layout(grid)
        heads = [
            translate("PayoutReview", "Rank"),
            translate("PayoutReview", "Entry"),
            translate("PayoutReview", "Recipient"),
            translate("PayoutReview", "Amount"),
        ]
        add_heads(grid, heads)
        row = 1
        for line in self.plan.lines:
            grid.addWidget(rank_label(line.rank), row, 0)
            name = line.name or translate("PayoutReview", "Entry {entry}").format(entry=line.entry)
            grid.addWidget(plain(name), row, 1)
            if line.recipient:
                address = AddressLabel(line.recipient)
                address.setObjectName("address")
                grid.addWidget(address, row, 2)
            else:
                grid.addWidget(plain("—", "secondary"), row, 2)
            amount = amount_label(line.value)
            amount.setEnabled(line.payable)
            grid.addWidget(amount, row, 3)
            row += 1
            if line.note is not None:
                role = "warning" if line.payable else "secondary"
                note = plain(("⚠ " if line.payable else "") + str(line.note), role)
                note.setWordWrap(True)
                grid.addWidget(note, row, 1, 1, 3)
                row += 1
        grid.setRowStretch(row, 1)

    def _fill_summary(self) -> None:
        plan = self.plan
        grid = self.summary_grid
        empty_layout(grid)
        count = len(plan.payable)
        prizes = (
            translate("PayoutReview", "{total} in 1 payout")
            if count == 1
            else translate("PayoutReview", "{total} in {count} payouts")
        ).format(total=format_kaia(plan.total, 6), count=count)
        fees = translate("PayoutReview", "about {likely} each, at most {most} each").format(
            likely=format_kaia(plan.fee_likely, 6), most=format_kaia(plan.fee_max, 6)
        )
        rows = (
            (translate("PayoutReview", "Total"), plain(prizes, "emphasis")),
            (translate("PayoutReview", "From"), AddressLabel(plan.sender)),
            (translate("PayoutReview", "Balance"), plain(format_kaia(plan.balance, 6))),
            (translate("PayoutReview", "Fees"), plain(fees)),
            (translate("PayoutReview", "Needed at most"), plain(format_kaia(plan.needed, 6))),
        )
        for i, (key, value) in enumerate(rows):
            grid.addWidget(plain(key, "secondary"), i, 0)
            value.setFont(tabular_font(value.font()))
            grid.addWidget(value, i, 1)
