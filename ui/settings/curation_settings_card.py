"""Settings for Curation (staff): where the judging database is, who judges on this computer, the campaign contract
its submissions are listed from, the IPFS source their files come through, and the prize for each rank.

Each change is saved at once, as the kiosk card's are: a judge on another machine may be waiting on the database
setting, and a field that cannot be used says why beside it and saves nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.chain.networks import checked_address
from app.chain.settings import NETWORK_KEYS
from app.curation.settings import CurationSettings
from app.curation.workplace import default_database_file
from app.errors import InputError
from app.fsutil import describe_os_error
from ui.i18n import translate
from ui.settings.curation_database_section import CurationDatabaseSection
from ui.settings.curation_prizes import PrizeFields
from ui.settings.saved_at_once import caption, install_on_page, show_save_note
from ui.settings.service_address import checked_service_address
from ui.theme import SPACE_S, SPACE_XS, repolish
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.number_field import NumberField

SaveCuration = Callable[[CurationSettings], None]  # writes settings.toml with this section; OSError when it cannot
IPFS_KEY = "IPFS node"  # i18n: not shown (app/urls.py's key for the service; it picks the example)
MAX_JUDGE_NAME = 80
MAX_BLOCK = 2**63 - 1


class CurationSettingsCard(Card):
    def __init__(
        self,
        curation: CurationSettings,
        save: SaveCuration,
        parent: QWidget | None = None,
        *,
        default_file: Path | None = None,
    ) -> None:
        super().__init__(lambda: translate("CurationSettingsCard", "Curation"), parent)
        self.curation = curation
        self._save = save
        self._default_file = default_file or default_database_file()
        self.note: tuple[str, str] | None = None  # ("ok", "") or ("disk", reason), under the card
        self._problems: dict[QWidget, Callable[[], str]] = {}  # a field's check, said again in the current language
        self._build()
        self.retranslate()
        self.load(curation)

    def _build(self) -> None:
        self.explanation = caption()
        self.add_widget(self.explanation)
        self.database_title = _heading()
        self.add_widget(self.database_title)
        self.database = CurationDatabaseSection(self.curation.database, self._default_file)
        self.database.sig_setting_changed.connect(lambda url: self._store(replace(self.curation, database=url)))
        self.add_widget(self.database)

        # Judging and the contract share one form, so their labels and fields line up.
        form = form_layout()
        self.judging_title = _heading()
        form.addRow(self.judging_title)
        self.judge = QLineEdit()
        self.judge.setMaxLength(MAX_JUDGE_NAME)
        self.judge.editingFinished.connect(self._on_judge_edited)
        self.judge_label = QLabel()
        self.judge_label.setBuddy(self.judge)
        form.addRow(self.judge_label, self.judge)
        self.judge_caption = caption()
        form.addRow(self.judge_caption)
        self.contract_title = _heading()
        form.addRow(self.contract_title)
        self.network = QComboBox()
        for key in ("", *NETWORK_KEYS):
            self.network.addItem("", key)
        self.network.currentIndexChanged.connect(self._on_network_chosen)
        self.contract = QLineEdit()
        self.contract.setMaxLength(100)
        self.contract.editingFinished.connect(self._on_contract_edited)
        self.from_block = NumberField(lambda: translate("CurationSettingsCard", "The first block"), 0, MAX_BLOCK)
        self.from_block.editingFinished.connect(self._on_from_block_edited)
        self.ipfs = QLineEdit()
        self.ipfs.setMaxLength(500)
        self.ipfs.editingFinished.connect(self._on_ipfs_edited)
        self._labels: dict[QWidget, QLabel] = {}
        self._problem_labels: dict[QWidget, QLabel] = {}
        for field in (self.network, self.contract, self.from_block, self.ipfs):
            label = self._labels[field] = QLabel()
            label.setBuddy(field)
            form.addRow(label, self._with_problem(field))
        self.add_layout(form)

        self.prizes_title = _heading()
        self.add_widget(self.prizes_title)
        self.prizes = PrizeFields()
        self.prizes.sig_edited.connect(self._on_prizes_edited)
        self.add_widget(self.prizes)
        self.message = caption()
        self.message.hide()
        self.add_widget(self.message)

    def _with_problem(self, field: QWidget) -> QWidget:
        """The field with a line under it that says what is wrong with it (hidden while nothing is)."""
        if isinstance(field, NumberField):
            return field.row  # says its own rule under it
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACE_XS)
        column.addWidget(field)
        problem = self._problem_labels[field] = caption()
        problem.setProperty("role", "")  # a problem reads as body text
        problem.hide()
        column.addWidget(problem)
        box.setFocusProxy(field)
        return box

    def retranslate(self) -> None:
        super().retranslate()
        self.explanation.setText(
            translate(
                "CurationSettingsCard",
                "How this computer takes part in judging the campaign. Changes here are saved at once.",
            )
        )
        self.database_title.setText(translate("CurationSettingsCard", "Database"))
        self.judging_title.setText(translate("CurationSettingsCard", "Judging"))
        self.judge_label.setText(translate("CurationSettingsCard", "Judge here as"))
        self.judge.setAccessibleName(translate("CurationSettingsCard", "Judge on this computer as"))
        self.judge.setPlaceholderText(translate("CurationSettingsCard", "e.g. Minji Kim"))
        self.judge_caption.setText(
            translate(
                "CurationSettingsCard",
                "Every score from this computer is signed with this name. Left empty, Curation asks when it opens.",
            )
        )
        self.contract_title.setText(translate("CurationSettingsCard", "Campaign contract"))
        for index in range(self.network.count()):  # texts only: the chosen network stays chosen
            key = self.network.itemData(index)
            self.network.setItemText(index, _network_word(key))
        self._labels[self.network].setText(translate("CurationSettingsCard", "Network"))
        self._labels[self.contract].setText(translate("CurationSettingsCard", "Contract"))
        self.contract.setPlaceholderText(translate("CurationSettingsCard", "0x… the campaign's token contract"))
        self._labels[self.from_block].setText(translate("CurationSettingsCard", "Listing starts at block"))
        self.from_block.setPlaceholderText(translate("CurationSettingsCard", "the block it was deployed in"))
        self._labels[self.ipfs].setText(translate("CurationSettingsCard", "IPFS source"))
        self.ipfs.setPlaceholderText(
            translate("CurationSettingsCard", "a Kubo node or gateway; empty: the publishing node")
        )
        self.ipfs.setToolTip(
            translate(
                "CurationSettingsCard",
                "A Kubo node's RPC address (like http://127.0.0.1:5001) or an HTTP gateway (like "
                "https://ipfs.io/ipfs/). Every file is checked against its CID, whichever source sends it.",
            )
        )
        for field, label in self._labels.items():
            field.setAccessibleName(label.text())
        self.prizes_title.setText(translate("CurationSettingsCard", "Prizes (KAIA)"))
        for field, check in self._problems.items():
            self._say_problem(field, check())
        self._show_note()

    # --- values --------------------------------------------------------------------------------

    def load(self, curation: CurationSettings) -> None:
        self.curation = curation
        self.database.load(curation.database)
        self.judge.setText(curation.judge)
        self.network.blockSignals(True)
        self.network.setCurrentIndex(max(self.network.findData(curation.network), 0))
        self.network.blockSignals(False)
        self.contract.setText(curation.contract)
        self.from_block.setValue(curation.from_block)
        self.ipfs.setText(curation.ipfs_source)
        self.prizes.load(curation.prizes_kaia)

    def _store(self, curation: CurationSettings) -> bool:
        if curation == self.curation:
            return True
        try:
            self._save(curation)
        except OSError as exc:
            self.note = ("disk", describe_os_error(exc))
            self._show_note()
            return False
        self.curation = curation
        self.database.saved(curation.database)
        self.note = ("ok", "")
        self._show_note()
        return True

    # --- checks --------------------------------------------------------------------------------

    def _checked(self, field: QWidget, check: Callable[[], object]) -> object | None:
        """`check()`'s value, or None after saying beside `field` why it cannot be used."""

        def words() -> str:
            try:
                check()
            except InputError as exc:
                return exc.message
            return ""

        problem = words()
        if problem:
            self._problems[field] = words
        else:
            self._problems.pop(field, None)
        self._say_problem(field, problem)
        return None if problem else check()

    def _say_problem(self, field: QWidget, words: str) -> None:
        label = self._problem_labels.get(field)
        if label is None:
            return
        label.setText(words)
        label.setVisible(bool(words))
        if field.property("invalid") != bool(words):
            field.setProperty("invalid", bool(words))
            repolish(field)

    def _contract_value(self) -> str:
        text = self.contract.text().strip()
        if not text:
            return ""
        try:
            return checked_address(text)
        except InputError as exc:
            raise InputError(
                translate("CurationSettingsCard", "The contract address is not a valid address. {reason}").format(
                    reason=exc.message
                )
            ) from None

    def _ipfs_value(self) -> str:
        return checked_service_address(self.ipfs.text(), IPFS_KEY, translate("CurationSettingsCard", "IPFS source"))

    # --- slots ---------------------------------------------------------------------------------

    def _on_judge_edited(self) -> None:
        name = " ".join(self.judge.text().split())  # one line, single spaces: it is shown beside every score
        self._store(replace(self.curation, judge=name))

    def _on_network_chosen(self, _index: int) -> None:
        self._store(replace(self.curation, network=self.network.currentData() or ""))

    def _on_contract_edited(self) -> None:
        address = self._checked(self.contract, self._contract_value)
        if address is not None:
            if address and address != self.contract.text():
                self.contract.setText(address)  # the checksummed form, as saved
            self._store(replace(self.curation, contract=address))

    def _on_from_block_edited(self) -> None:
        if self.from_block.is_valid():  # the field says what it takes, under it
            self._store(replace(self.curation, from_block=int(self.from_block.value())))

    def _on_ipfs_edited(self) -> None:
        url = self._checked(self.ipfs, self._ipfs_value)
        if url is not None:
            self._store(replace(self.curation, ipfs_source=url))

    def _on_prizes_edited(self) -> None:
        text = self.prizes.check()
        if text is not None:
            self._store(replace(self.curation, prizes_kaia=text))

    def _show_note(self) -> None:
        not_saved = translate("CurationSettingsCard", "Not saved: {reason}")
        show_save_note(
            self.message, self.note, translate("CurationSettingsCard", "Curation settings saved."), not_saved
        )


def _network_word(key: str) -> str:
    # Said here, not borrowed from the wallet: Settings and the workspaces do not import each other.
    if key == "sandbox":
        return translate("CurationSettingsCard", "Sandbox (test)")
    if key == "kairos":
        return translate("CurationSettingsCard", "Kairos testnet")
    if key == "mainnet":
        return translate("CurationSettingsCard", "Kaia Mainnet")
    if key == "custom":
        return translate("CurationSettingsCard", "Custom node (as set under Wallet and networks)")
    return translate("CurationSettingsCard", "The wallet's network")


def _heading() -> QLabel:
    label = QLabel()
    label.setProperty("role", "emphasis")
    label.setContentsMargins(0, SPACE_S, 0, 0)
    return label


def install_curation_card(page) -> CurationSettingsCard:
    """Put the curation card on the Settings page (its right column, above the stretch); each change writes the file
    as it is now with the new curation section and tells the page and the window, as the page's Save does."""
    card = install_on_page(page, "curation", CurationSettingsCard)
    columns = page._page.layout()
    left, right = columns.itemAt(0).layout(), columns.itemAt(1).layout()
    left.removeWidget(card)  # the left column already holds most cards: this tall one evens the two out
    right.insertWidget(right.count() - 1, card)
    return card
