"""Paying the winners, read like a bank statement: one line per winner (rank, entry, recipient with a copy button,
amount, state, transaction link), the total, and one primary button that moves it on: "Review and send…" (the
review sheet, ui/curation/payout_review.py, then Confirm), "Send" / "Try again" (the same payouts resume), or
nothing once every winner is paid. Receipts export as CSV.

    page = PayoutsPage(store, chain_service, settings, judge_id, round_id, parent=results_page)
    page.open()

The rules (exactly once, across machines) are app/curation/payouts.py's. The store is read on the "disk" worker;
the list is built and sent on the chain worker (`ChainService.run_on_chain`), never on the UI thread.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.chain.networks import BUILT_IN, format_kaia
from app.curation.models import ROUND_LOCKED
from app.curation.payout_store import FAILED, PAID, SENDING, SIGNED, PayoutLedger, PayoutRow
from app.curation.payouts import (
    NO_WALLET,
    NOT_LOCKED,
    Sender,
    build_plan,
    confirm_plan,
    export_receipts_csv,
    machine_name,
    send_payouts,
)
from ui.curation.payout_review import (
    PayoutReview,
    add_heads,
    amount_label,
    empty_layout,
    network_chip,
    plain,
    rank_label,
    set_tone,
    statement,
)
from ui.i18n import Retranslating, translate
from ui.tasks import deliver, run_in_background
from ui.theme import SPACE_M, SPACE_S, SPACE_XL, tabular_font
from ui.widgets.copy_field import CopyField
from ui.widgets.error_banner import ErrorBanner, plain_words
from ui.widgets.save_dialog import ask_save_path
from ui.widgets.status_chip import StatusChip

HASH_SHOWN = 10  # characters either side of "…" in a transaction hash


def state_words(state: str) -> tuple[str, str, str]:
    """(words, chip variant, icon) for a payout's state."""
    if state == PAID:
        return translate("PayoutsPage", "Paid"), "success", "success"
    if state == SIGNED:
        return translate("PayoutsPage", "Sent, awaiting receipt"), "info", "info"
    if state == SENDING:
        return translate("PayoutsPage", "Sending"), "info", "info"
    if state == FAILED:
        return translate("PayoutsPage", "Not paid"), "danger", "error"
    return translate("PayoutsPage", "Waiting"), "neutral", "queue"


class PayoutsPage(Retranslating, QDialog):
    sig_row_moved = Signal(object)  # from the chain worker: a PayoutRow changed state (queued to the UI thread)

    def __init__(
        self, store: Any, chain_service: Any, settings: Any, judge_id: int | None, round_id: int, parent=None
    ) -> None:
        super().__init__(parent)
        self.store, self.chain, self.judge_id, self.round_id = store, chain_service, judge_id, round_id
        self.curation = getattr(settings, "curation", settings)
        chain_settings = getattr(settings, "chain", None)
        self.networks = {n.chain_id: n for n in BUILT_IN.values()}
        if chain_settings is not None:
            wallet = chain_settings.selected_network()
            self.networks[wallet.chain_id] = wallet
        self.ledger = PayoutLedger(store)
        self.machine = machine_name(chain_service.data_dir)
        self.round: Any = None
        self.rows: list[PayoutRow] = []
        self.names: dict[int, str] = {}
        self.busy = False
        self.review: PayoutReview | None = None
        self.sig_row_moved.connect(self._on_row_moved)
        self._setup_ui()
        self.retranslate()
        self.reload()

    def _setup_ui(self) -> None:
        self.setMinimumSize(960, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_M)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setProperty("role", "title")
        top.addWidget(self.title, 1)
        self.chip_box = QHBoxLayout()
        top.addLayout(self.chip_box)
        layout.addLayout(top)
        self.subtitle = plain("", "secondary")
        layout.addWidget(self.subtitle)
        self.banner = ErrorBanner()
        self.banner.hide()
        layout.addWidget(self.banner)
        self.grid, scroll = statement(right_margin=SPACE_S)
        self.statement = scroll.widget()
        self.scroll = scroll
        self.empty = plain("", "secondary")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self.total = plain("", "emphasis")
        self.total.setFont(tabular_font(self.total.font()))
        layout.addWidget(self.total)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_S)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_receipts)
        self.primary_button = QPushButton()
        self.primary_button.setProperty("primary", True)
        self.primary_button.setDefault(True)
        self.primary_button.clicked.connect(self._on_primary)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.primary_button)
        layout.addLayout(buttons)

    # --- words ---

    def retranslate(self) -> None:
        self.setWindowTitle(translate("PayoutsPage", "Pay the winners"))
        self.title.setText(translate("PayoutsPage", "Pay the winners"))
        self.close_button.setText(translate("PayoutsPage", "Close"))
        self.export_button.setText(translate("PayoutsPage", "Export receipts…"))
        self._show()

    def _show(self) -> None:
        """Everything that follows the state: the statement, the total, what the primary button does."""
        rnd, rows = self.round, self.rows
        if rnd is not None:
            self.subtitle.setText(
                translate("PayoutsPage", "{round} · campaign {campaign}").format(
                    round=rnd.name, campaign=self.curation.campaign
                )
            )
        self._fill()
        paid = sum(1 for r in rows if r.state == PAID)
        if rows:
            self.total.setText(
                translate("PayoutsPage", "Total {total} · {paid} of {count} paid").format(
                    total=format_kaia(sum(r.value for r in rows), 6), paid=paid, count=len(rows)
                )
            )
        self.total.setVisible(bool(rows))
        self.export_button.setEnabled(bool(rows) and not self.busy)
        locked = rnd is not None and rnd.state == ROUND_LOCKED
        if rnd is not None and not locked:
            self.empty.setText(NOT_LOCKED().render())
        elif not rows:
            self.empty.setText(
                translate(
                    "PayoutsPage",
                    "Nothing has been paid for this round yet. Review the list to see each winner's prize and the "
                    "token owner it goes to, read from the chain now.",
                )
            )
        elif paid == len(rows):
            self.empty.setText(translate("PayoutsPage", "✓ Every winner is paid. Export the receipts to keep them."))
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))
        self.scroll.setVisible(bool(rows))  # with no statement yet, the words say what to do instead
        self.layout().setStretchFactor(self.empty, 0 if rows else 1)
        if not rows:
            words = translate("PayoutsPage", "Review and send…")
        elif any(r.state == FAILED or r.error.english() for r in rows):
            words = translate("PayoutsPage", "Try again")
        else:
            words = translate("PayoutsPage", "Send")
        if self.busy:
            words = translate("PayoutsPage", "Working…")
        self.primary_button.setText(words)
        self.primary_button.setVisible(not rows or paid < len(rows))
        self.primary_button.setEnabled(locked and not self.busy)

    def _fill(self) -> None:
        grid = self.grid
        empty_layout(grid)
        empty_layout(self.chip_box)
        if not self.rows:
            return
        network = self.networks.get(self.rows[0].chain_id)
        if network is not None:
            self.chip_box.addWidget(network_chip(network))
        heads = ("Rank", "Entry", "Recipient", "Amount", "State", "Transaction")  # i18n: not shown (ids)
        words = {
            "Rank": translate("PayoutsPage", "Rank"),
            "Entry": translate("PayoutsPage", "Entry"),
            "Recipient": translate("PayoutsPage", "Recipient"),
            "Amount": translate("PayoutsPage", "Amount"),
            "State": translate("PayoutsPage", "State"),
            "Transaction": translate("PayoutsPage", "Transaction"),
        }
        add_heads(grid, [words[head] for head in heads])
        at = 1
        for row in self.rows:
            grid.addWidget(rank_label(row.rank), at, 0)
            name = self.names.get(row.entry) or translate("PayoutsPage", "Entry {entry}").format(entry=row.entry)
            grid.addWidget(plain(name), at, 1)
            recipient = CopyField(lambda: translate("PayoutsPage", "Recipient"))
            recipient.set_value(row.recipient)
            recipient.setObjectName(f"recipient-{row.rank}")
            grid.addWidget(recipient, at, 2)
            grid.addWidget(amount_label(row.value), at, 3)
            text, variant, icon_name = state_words(row.state)
            chip = StatusChip(text, variant, icon_name)  # type: ignore[arg-type]
            chip.setObjectName(f"state-{row.rank}")
            grid.addWidget(chip, at, 4, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(self._tx_label(row), at, 5)
            at += 1
            if row.error.english() and row.state != PAID:
                note = plain("✕ " + row.error.render(), "danger")
                note.setWordWrap(True)
                grid.addWidget(note, at, 1, 1, 5)
                at += 1
        grid.setRowStretch(at, 1)

    def _tx_label(self, row: PayoutRow) -> QLabel:
        label = QLabel()
        label.setObjectName(f"tx-{row.rank}")
        label.setFont(tabular_font(label.font()))
        if not row.tx_hash:
            label.setText("—")
            set_tone(label, "secondary")
            return label
        short = f"{row.tx_hash[: HASH_SHOWN + 2]}…{row.tx_hash[-HASH_SHOWN:]}"
        network = self.networks.get(row.chain_id)
        url = network.tx_url(row.tx_hash) if network is not None else ""
        label.setToolTip(row.tx_hash)
        if url:
            label.setTextFormat(Qt.TextFormat.RichText)  # our own link to the explorer: a hash we signed
            label.setText(f'<a href="{html.escape(url, quote=True)}">{html.escape(short)}</a>')
            label.setOpenExternalLinks(True)
        else:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(short)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # --- loading ---

    def reload(self) -> None:
        store, ledger, campaign, round_id = self.store, self.ledger, self.curation.campaign, self.round_id

        def read() -> tuple[Any, list[PayoutRow], dict[int, str]]:
            rows = ledger.rows(campaign, round_id)
            names = {s.key: s.name for s in store.submissions([r.entry for r in rows])}
            return store.round(round_id), rows, names

        run_in_background(read, self._loaded, self._failed, self, "disk")

    def _loaded(self, answer: tuple[Any, list[PayoutRow], dict[int, str]]) -> None:
        self.round, self.rows, self.names = answer
        self._show()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        words, details = plain_words(exc)
        self.banner.show_message(words, details)
        self._show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._show()

    # --- review, confirm, send ---

    def _on_primary(self) -> None:
        self.banner.hide()
        if self.chain.unlocked_address() is None:
            self.banner.show_message(NO_WALLET(), severity="info")
            return
        if self.rows:
            self.send()
        else:
            self.make_list()

    def make_list(self) -> None:
        store, curation, round_id = self.store, self.curation, self.round_id
        self._set_busy(True)
        future = self.chain.run_on_chain(
            lambda client, outbox, signer: build_plan(store, curation, round_id, client, signer.address)
        )
        deliver(future, self._review_plan, self._failed, self)

    def _review_plan(self, plan) -> None:
        self._set_busy(False)
        review = PayoutReview(plan, self)
        review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        review.accepted.connect(lambda: self._confirm(plan))
        review.finished.connect(lambda _result: setattr(self, "review", None))
        self.review = review
        review.open()

    def _confirm(self, plan) -> None:
        ledger, by = self.ledger, self.judge_id
        self._set_busy(True)
        run_in_background(lambda: confirm_plan(ledger, plan, by=by), self._recorded, self._failed, self, "disk")

    def _recorded(self, rows: list[PayoutRow]) -> None:
        self.rows = rows
        self.reload()
        self.send()

    def send(self) -> None:
        ledger, machine, by = self.ledger, self.machine, self.judge_id
        campaign, round_id, moved = self.curation.campaign, self.round_id, self._moved_on_worker
        self._set_busy(True)

        def run(client, outbox, signer):
            sender = Sender(ledger, outbox, client, signer, machine, by=by)
            return send_payouts(sender, campaign, round_id, progress=moved)

        deliver(self.chain.run_on_chain(run), self._sent, self._send_failed, self)

    def _moved_on_worker(self, row: PayoutRow) -> None:
        try:
            self.sig_row_moved.emit(row)
        except RuntimeError:  # the page was closed while its payouts went on: they finish without it
            pass

    def _on_row_moved(self, row: PayoutRow) -> None:
        self.rows = [row if r.entry == row.entry else r for r in self.rows]
        self._show()

    def _sent(self, rows: list[PayoutRow]) -> None:
        self.rows = rows
        self._set_busy(False)

    def _send_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self.reload()

    # --- receipts ---

    def export_receipts(self) -> None:
        name = f"{self.curation.campaign}-payouts.csv"
        path = ask_save_path(self, translate("PayoutsPage", "Export receipts"), name, "CSV (*.csv)")
        if path is not None:
            self.export_to(path)

    def export_to(self, path) -> None:
        store, round_id, campaign = self.store, self.round_id, self.curation.campaign
        networks = list(self.networks.values())

        def write() -> int:
            return export_receipts_csv(store, round_id, path, campaign=campaign, networks=networks)

        def done(_count: int) -> None:
            words = translate("PayoutsPage", "Receipts saved to {file}.").format(file=str(path))
            self.banner.show_message(words, severity="info")

        run_in_background(write, done, self._failed, self, "disk")
