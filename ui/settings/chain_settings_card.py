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
from app.urls import check_service_url
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.number_field import NumberField

EXPLANATION = (
    "The sandbox needs nothing here. For Kairos or Kaia Mainnet, enter the SM6DesignToken contract the campaign "
    "deployed. A custom node is checked against its chain id before anything is sent."
)


def _contract(text: str, where: str) -> str:
    if not text.strip():
        return ""
    try:
        return checked_address(text)
    except InputError as exc:
        raise InputError(f"The {where} contract address is not a valid address. {exc.message}") from None


class ChainSettingsCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Wallet and networks", parent)
        form = form_layout()
        self.kairos_contract = self._field(form, "Kairos contract", "0x… on Kairos (chain 1001)")
        self.mainnet_contract = self._field(form, "Mainnet contract", "0x… on Kaia Mainnet (chain 8217)")
        self.custom_rpc = self._field(form, "Custom node", "e.g. http://127.0.0.1:8551")
        self.custom_chain_id = NumberField(
            "The custom node's chain id", 1, MAX_CHAIN_ID, optional=True, example="1001 for Kairos"
        )
        self.custom_chain_id.setPlaceholderText("e.g. 1001")
        form.addRow("Its chain id", self.custom_chain_id.row)
        self.custom_explorer = self._field(form, "Its explorer", "optional, e.g. https://kairos.kaiascan.io")
        self.custom_contract = self._field(form, "Its contract", "0x…")
        self.auto_lock = NumberField("Lock after", *CHAIN_LIMITS["auto_lock_minutes"], unit="minutes")
        self.auto_lock.setAccessibleName("Lock the wallet after")
        form.addRow("Lock after", self.auto_lock.row)
        self.body.addLayout(form)
        note = QLabel(EXPLANATION)
        note.setWordWrap(True)
        note.setProperty("role", "caption")
        note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body.addWidget(note)

    def _field(self, form: QFormLayout, label: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(label)
        form.addRow(label, field)
        return field

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
            (self.kairos_contract, lambda: _contract(self.kairos_contract.text(), "Kairos")),
            (self.mainnet_contract, lambda: _contract(self.mainnet_contract.text(), "Mainnet")),
            (self.custom_rpc, lambda: check_service_url(self.custom_rpc.text(), "custom node")),
            (self.custom_chain_id, self._chain_id),
            (self.custom_explorer, lambda: check_service_url(self.custom_explorer.text(), "explorer")),
            (self.custom_contract, lambda: _contract(self.custom_contract.text(), "custom network's")),
            (self.auto_lock, self.auto_lock.value),
        ]

    def _chain_id(self) -> int | None:
        chain_id = self.custom_chain_id.value()
        if chain_id is None and self.custom_rpc.text().strip():
            raise InputError("Give the custom node's chain id too: the wallet checks it before sending anything.")
        return chain_id
