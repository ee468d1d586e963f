"""Settings for the wallet: where the campaign contract lives on each network, a custom node, and the auto-lock.

Addresses are checked (checksum included) before anything is saved; a mistake is named, never silently kept.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.chain.networks import checked_address
from app.chain.settings import CHAIN_LIMITS, MAX_CHAIN_ID, ChainSettings
from app.errors import InputError
from ui.i18n import translate
from ui.settings.service_address import checked_service_address
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.number_field import NumberField


def _contract(text: str, where: str) -> str:
    if not text.strip():
        return ""
    try:
        return checked_address(text)
    except InputError as exc:
        raise InputError(_not_an_address(where).format(reason=exc.message)) from None


def _not_an_address(where: str) -> str:
    if where == "kairos":
        return translate("ChainSettingsCard", "The Kairos contract address is not a valid address. {reason}")
    if where == "mainnet":
        return translate("ChainSettingsCard", "The Mainnet contract address is not a valid address. {reason}")
    return translate("ChainSettingsCard", "The custom network's contract address is not a valid address. {reason}")


class ChainSettingsCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        form = form_layout()
        self._labels: dict[QWidget, QLabel] = {}  # each field's label in the form, said again by retranslate
        self.kairos_contract = self._field(form)
        self.mainnet_contract = self._field(form)
        self.custom_rpc = self._field(form)
        self.custom_chain_id = NumberField("", 1, MAX_CHAIN_ID, optional=True)
        self._add_row(form, self.custom_chain_id, self.custom_chain_id.row)
        self.custom_explorer = self._field(form)
        self.custom_contract = self._field(form)
        self.auto_lock = NumberField("", *CHAIN_LIMITS["auto_lock_minutes"])
        self._add_row(form, self.auto_lock, self.auto_lock.row)
        self.body.addLayout(form)
        self._note = QLabel()
        self._note.setWordWrap(True)
        self._note.setProperty("role", "caption")
        self._note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body.addWidget(self._note)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_title(translate("ChainSettingsCard", "Wallet and networks"))
        self._say(
            self.kairos_contract,
            translate("ChainSettingsCard", "Kairos contract"),
            translate("ChainSettingsCard", "0x… on Kairos (chain 1001)"),
        )
        self._say(
            self.mainnet_contract,
            translate("ChainSettingsCard", "Mainnet contract"),
            translate("ChainSettingsCard", "0x… on Kaia Mainnet (chain 8217)"),
        )
        self._say(
            self.custom_rpc,
            translate("ChainSettingsCard", "Custom node"),
            translate("ChainSettingsCard", "e.g. http://127.0.0.1:8551"),
        )
        self._say(
            self.custom_chain_id,
            translate("ChainSettingsCard", "Its chain id"),
            translate("ChainSettingsCard", "e.g. 1001"),
        )
        self.custom_chain_id.set_words(
            translate("ChainSettingsCard", "The custom node's chain id"),
            example=translate("ChainSettingsCard", "1001 for Kairos"),
        )
        self._say(
            self.custom_explorer,
            translate("ChainSettingsCard", "Its explorer"),
            translate("ChainSettingsCard", "optional, e.g. https://kairos.kaiascan.io"),
        )
        self._say(self.custom_contract, translate("ChainSettingsCard", "Its contract"), "0x…")
        self._say(self.auto_lock, translate("ChainSettingsCard", "Lock after"), "")
        self.auto_lock.set_words(
            translate("ChainSettingsCard", "Lock after"), unit=translate("ChainSettingsCard", "minutes")
        )
        self.auto_lock.setAccessibleName(translate("ChainSettingsCard", "Lock the wallet after"))
        self._note.setText(
            translate(
                "ChainSettingsCard",
                "The sandbox needs nothing here. For Kairos or Kaia Mainnet, enter the SM6DesignToken contract the "
                "campaign deployed. A custom node is checked against its chain id before anything is sent.",
            )
        )

    def _field(self, form: QFormLayout) -> QLineEdit:
        field = QLineEdit()
        self._add_row(form, field, field)
        return field

    def _add_row(self, form: QFormLayout, field: QLineEdit, row: QWidget) -> None:
        label = self._labels[field] = QLabel()
        label.setBuddy(field)
        form.addRow(label, row)

    def _say(self, field: QLineEdit, label: str, placeholder: str) -> None:
        self._labels[field].setText(label)
        field.setAccessibleName(label)
        if placeholder:
            field.setPlaceholderText(placeholder)

    def load(self, settings: ChainSettings) -> None:
        self._original = settings
        self.kairos_contract.setText(settings.kairos_contract)
        self.mainnet_contract.setText(settings.mainnet_contract)
        self.custom_rpc.setText(settings.custom_rpc)
        self.custom_chain_id.setValue(settings.custom_chain_id or None)
        self.custom_explorer.setText(settings.custom_explorer)
        self.custom_contract.setText(settings.custom_contract)
        self.auto_lock.setValue(settings.auto_lock_minutes)

    def values(self) -> ChainSettings:
        """ValueError with a plain sentence naming the field when something cannot be right."""
        checked = {field: check() for field, check in self._checks()}
        return dataclasses.replace(
            getattr(self, "_original", ChainSettings()),
            kairos_contract=checked[self.kairos_contract],
            mainnet_contract=checked[self.mainnet_contract],
            custom_rpc=checked[self.custom_rpc],
            custom_chain_id=int(checked[self.custom_chain_id] or 0),
            custom_explorer=checked[self.custom_explorer],
            custom_contract=checked[self.custom_contract],
            auto_lock_minutes=int(checked[self.auto_lock]),
        )

    def invalid_field(self) -> QLineEdit | None:
        """The field `values()` complains about first, to put the cursor in."""
        for field, check in self._checks():
            try:
                check()
            except ValueError:
                return field
        return None

    def _checks(self) -> list[tuple[QLineEdit, Callable[[], object]]]:
        # One order for both the message and the cursor, top of the card first.
        return [
            (self.kairos_contract, lambda: _contract(self.kairos_contract.text(), "kairos")),
            (self.mainnet_contract, lambda: _contract(self.mainnet_contract.text(), "mainnet")),
            (self.custom_rpc, self._custom_node),
            (self.custom_chain_id, self._chain_id),
            (self.custom_explorer, self._explorer),
            (self.custom_contract, lambda: _contract(self.custom_contract.text(), "custom")),
            (self.auto_lock, self.auto_lock.value),
        ]

    def _custom_node(self) -> str:
        service = "custom node"  # i18n: not shown (app/urls.py's key for it)
        return checked_service_address(self.custom_rpc.text(), service, translate("ChainSettingsCard", "custom node"))

    def _explorer(self) -> str:
        return checked_service_address(
            self.custom_explorer.text(), "explorer", translate("ChainSettingsCard", "explorer")
        )

    def _chain_id(self) -> int | None:
        chain_id = self.custom_chain_id.value()
        if chain_id is None and self.custom_rpc.text().strip():
            raise InputError(
                translate(
                    "ChainSettingsCard",
                    "Give the custom node's chain id too: the wallet checks it before sending anything.",
                )
            )
        return chain_id
