"""Settings for publishing tokens to IPFS: a Kubo node's RPC address, a pinning service and its access token."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QWidget

from app.token.publish_settings import PinningTokenStore, PublishSettings
from app.urls import check_service_url
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.secret_row import SecretRow

EXPLANATION = (
    "Publishing puts the image and metadata on IPFS under the addresses the token already names. An IPFS node "
    "(Kubo) uploads them; a pinning service keeps them online, fetching them from your node. Without either, "
    "publishing waits in the outbox, and Export CAR… works with any service."
)


class PublishSettingsCard(Card):
    def __init__(self, tokens: PinningTokenStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Publishing (IPFS)", parent)
        self.tokens = tokens or PinningTokenStore()
        form = form_layout()
        self.kubo_url = QLineEdit()
        self.kubo_url.setPlaceholderText("e.g. http://127.0.0.1:5001")
        self.kubo_url.setAccessibleName("IPFS node address")
        self.kubo_url.setToolTip("The RPC API address of a Kubo node (ipfs daemon); leave empty if you have none")
        form.addRow("IPFS node", self.kubo_url)
        self.pinning_endpoint = QLineEdit()
        self.pinning_endpoint.setPlaceholderText("e.g. https://api.example.com/psa")
        self.pinning_endpoint.setAccessibleName("Pinning service address")
        self.pinning_endpoint.setToolTip("The IPFS Pinning Service API endpoint from your pinning service")
        form.addRow("Pinning service", self.pinning_endpoint)
        self.body.addLayout(form)
        self.token_row = SecretRow(self.tokens, "Paste the pinning service's access token", _describe_token)
        self.body.addWidget(self.token_row)
        explanation = QLabel(EXPLANATION)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setWordWrap(True)
        explanation.setProperty("role", "caption")
        explanation.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body.addWidget(explanation)

    def load(self, settings: PublishSettings) -> None:
        self.kubo_url.setText(settings.kubo_url)
        self.pinning_endpoint.setText(settings.pinning_endpoint)

    def invalid_field(self) -> QLineEdit | None:
        """The first address that cannot be used, to put the cursor in."""
        for field, what in ((self.kubo_url, "IPFS node"), (self.pinning_endpoint, "pinning service")):
            try:
                check_service_url(field.text(), what)
            except ValueError:
                return field
        return None

    def values(self) -> PublishSettings:
        """The addresses as typed, tidied; ValueError with a plain sentence when one cannot be used."""
        return PublishSettings(
            kubo_url=check_service_url(self.kubo_url.text(), "IPFS node"),
            pinning_endpoint=check_service_url(self.pinning_endpoint.text(), "pinning service"),
        )


def _describe_token(lookup) -> str:
    if lookup.source == "env":
        return f"Using the pinning token from SM6_PINNING_TOKEN ({lookup.masked})."
    if lookup.source == "session":
        return f"Using the pinning token you entered, for this session only ({lookup.masked}); it is forgotten at quit."
    if lookup.source == "keyring":
        return f"Using the pinning token saved in the system keyring ({lookup.masked})."
    return "No pinning token saved. A pinning service needs one; an IPFS node alone does not."
