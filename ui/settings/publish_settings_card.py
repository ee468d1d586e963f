"""Settings for publishing tokens to IPFS: a Kubo node's RPC address, a pinning service and its access token."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QWidget

from app.token.publish_settings import PinningTokenStore, PublishSettings
from ui.i18n import translate
from ui.settings.service_address import checked_service_address
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.secret_row import SecretRow

KUBO = "IPFS node"  # i18n: not shown (app/urls.py's key for the service)
PINNING = "pinning service"  # i18n: not shown (app/urls.py's key for the service)


class PublishSettingsCard(Card):
    def __init__(self, tokens: PinningTokenStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.tokens = tokens or PinningTokenStore()
        form = form_layout()
        self.kubo_url = QLineEdit()
        self._kubo_label = QLabel()
        self._kubo_label.setBuddy(self.kubo_url)
        form.addRow(self._kubo_label, self.kubo_url)
        self.pinning_endpoint = QLineEdit()
        self._pinning_label = QLabel()
        self._pinning_label.setBuddy(self.pinning_endpoint)
        form.addRow(self._pinning_label, self.pinning_endpoint)
        self.body.addLayout(form)
        self.token_row = SecretRow(
            self.tokens,
            lambda: translate("PublishSettingsCard", "Paste the pinning service's access token"),
            _describe_token,
            what=lambda: translate("PublishSettingsCard", "pinning service token"),
        )
        self.body.addWidget(self.token_row)
        self._explanation = QLabel()
        self._explanation.setTextFormat(Qt.TextFormat.PlainText)
        self._explanation.setWordWrap(True)
        self._explanation.setProperty("role", "caption")
        self._explanation.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body.addWidget(self._explanation)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_title(translate("PublishSettingsCard", "Publishing (IPFS)"))
        self._kubo_label.setText(translate("PublishSettingsCard", "IPFS node"))
        self.kubo_url.setPlaceholderText(translate("PublishSettingsCard", "e.g. http://127.0.0.1:5001"))
        self.kubo_url.setAccessibleName(translate("PublishSettingsCard", "IPFS node address"))
        self.kubo_url.setToolTip(
            translate(
                "PublishSettingsCard",
                "The RPC API address of a Kubo node (ipfs daemon); leave empty if you have none",
            )
        )
        self._pinning_label.setText(translate("PublishSettingsCard", "Pinning service"))
        self.pinning_endpoint.setPlaceholderText(translate("PublishSettingsCard", "e.g. https://api.example.com/psa"))
        self.pinning_endpoint.setAccessibleName(translate("PublishSettingsCard", "Pinning service address"))
        self.pinning_endpoint.setToolTip(
            translate("PublishSettingsCard", "The IPFS Pinning Service API endpoint from your pinning service")
        )
        self._explanation.setText(
            translate(
                "PublishSettingsCard",
                "Publishing puts the image and metadata on IPFS under the addresses the token already names. An IPFS "
                "node (Kubo) uploads them; a pinning service keeps them online, fetching them from your node. Without "
                "either, publishing waits in the outbox, and Export CAR… works with any service.",
            )
        )

    def load(self, settings: PublishSettings) -> None:
        self.kubo_url.setText(settings.kubo_url)
        self.pinning_endpoint.setText(settings.pinning_endpoint)

    def invalid_field(self) -> QLineEdit | None:
        """The first address that cannot be used, to put the cursor in."""
        for field, check in ((self.kubo_url, self._kubo), (self.pinning_endpoint, self._pinning)):
            try:
                check()
            except ValueError:
                return field
        return None

    def values(self) -> PublishSettings:
        """The addresses as typed, tidied; ValueError with a plain sentence when one cannot be used."""
        return PublishSettings(kubo_url=self._kubo(), pinning_endpoint=self._pinning())

    def _kubo(self) -> str:
        return checked_service_address(self.kubo_url.text(), KUBO, translate("PublishSettingsCard", "IPFS node"))

    def _pinning(self) -> str:
        name = translate("PublishSettingsCard", "pinning service")
        return checked_service_address(self.pinning_endpoint.text(), PINNING, name)


def _describe_token(lookup) -> str:
    if lookup.source == "env":
        return translate("PublishSettingsCard", "Using the pinning token from SM6_PINNING_TOKEN ({masked}).").format(
            masked=lookup.masked
        )
    if lookup.source == "session":
        return translate(
            "PublishSettingsCard",
            "Using the pinning token you entered, for this session only ({masked}); it is forgotten at quit.",
        ).format(masked=lookup.masked)
    if lookup.source == "keyring":
        return translate(
            "PublishSettingsCard", "Using the pinning token saved in the system keyring ({masked})."
        ).format(masked=lookup.masked)
    return translate(
        "PublishSettingsCard", "No pinning token saved. A pinning service needs one; an IPFS node alone does not."
    )
