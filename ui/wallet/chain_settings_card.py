"""Settings for the wallet: where the campaign contract lives on each network, a custom node, and the auto-lock.

Addresses are checked (checksum included) before anything is saved; a mistake is named, never silently kept.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpinBox, QWidget

from app.chain.networks import checked_address
from app.chain.settings import ChainSettings
from app.urls import check_service_url
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout

EXPLANATION = (
    "The sandbox needs nothing here. For Kairos or Kaia Mainnet, enter the SM6DesignToken contract the campaign "
    "deployed. A custom node is checked against its chain id before anything is sent."
)


def _contract(text: str, where: str) -> str:
    if not text.strip():
        return ""
    try:
        return checked_address(text)
    except ValueError as exc:
        raise ValueError(f"The {where} contract address is not a valid address. {exc}") from None


class ChainSettingsCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Wallet and networks", parent)
        form = form_layout()
        self.kairos_contract = self._field(form, "Kairos contract", "0x… on Kairos (chain 1001)")
        self.mainnet_contract = self._field(form, "Mainnet contract", "0x… on Kaia Mainnet (chain 8217)")
        self.custom_rpc = self._field(form, "Custom node", "e.g. http://127.0.0.1:8551")
        self.custom_chain_id = self._field(form, "Its chain id", "e.g. 1001")
        self.custom_explorer = self._field(form, "Its explorer", "optional, e.g. https://kairos.kaiascan.io")
        self.custom_contract = self._field(form, "Its contract", "0x…")
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(1, 120)
        self.auto_lock.setSuffix(" minutes")
        self.auto_lock.setAccessibleName("Lock the wallet after")
        form.addRow("Lock after", self.auto_lock)
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
        self.custom_chain_id.setText(str(settings.custom_chain_id) if settings.custom_chain_id else "")
        self.custom_explorer.setText(settings.custom_explorer)
        self.custom_contract.setText(settings.custom_contract)
        self.auto_lock.setValue(settings.auto_lock_minutes)

    def values(self) -> ChainSettings:
        """ValueError with a plain sentence naming the field when something cannot be right."""
        chain_id_text = self.custom_chain_id.text().strip()
        if chain_id_text and not chain_id_text.isdigit():
            raise ValueError("The custom node's chain id is a whole number, such as 1001 for Kairos.")
        rpc = check_service_url(self.custom_rpc.text(), "custom node")
        if rpc and not chain_id_text:
            raise ValueError("Give the custom node's chain id too: the wallet checks it before sending anything.")
        return dataclasses.replace(
            getattr(self, "_original", ChainSettings()),
            kairos_contract=_contract(self.kairos_contract.text(), "Kairos"),
            mainnet_contract=_contract(self.mainnet_contract.text(), "Mainnet"),
            custom_rpc=rpc,
            custom_chain_id=int(chain_id_text or 0),
            custom_explorer=check_service_url(self.custom_explorer.text(), "explorer"),
            custom_contract=_contract(self.custom_contract.text(), "custom network's"),
            auto_lock_minutes=self.auto_lock.value(),
        )

    def invalid_field(self) -> QLineEdit | None:
        for field, check in (
            (self.kairos_contract, lambda t: _contract(t, "Kairos")),
            (self.mainnet_contract, lambda t: _contract(t, "Mainnet")),
            (self.custom_rpc, lambda t: check_service_url(t, "custom node")),
            (self.custom_explorer, lambda t: check_service_url(t, "explorer")),
            (self.custom_contract, lambda t: _contract(t, "custom")),
        ):
            try:
                check(field.text())
            except ValueError:
                return field
        if self.custom_chain_id.text().strip() and not self.custom_chain_id.text().strip().isdigit():
            return self.custom_chain_id
        return None
