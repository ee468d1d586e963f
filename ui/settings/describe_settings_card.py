"""Settings for drafting descriptions: which model and server, how long, and the OpenAI key (kept in the system
keyring, never in a file; shown masked)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QLineEdit, QWidget

from app.description.keys import ApiKeyStore
from app.description.models import DESCRIBE_LIMITS, DescribeSettings
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.number_field import NumberField
from ui.widgets.secret_row import SecretRow


class DescribeSettingsCard(Card):
    def __init__(self, keys: ApiKeyStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Descriptions (ChatGPT)", parent)
        self.keys = keys or ApiKeyStore()
        self._build_form()

    def _build_form(self) -> None:
        form = form_layout()
        self.model = QLineEdit()
        self.model.setPlaceholderText("gpt-4o-mini")
        form.addRow("Model", self.model)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("OpenAI — or e.g. http://127.0.0.1:1234/v1 for LM Studio")
        self.base_url.setToolTip("Leave empty for OpenAI. A local OpenAI-compatible server works offline.")
        form.addRow("Server", self.base_url)
        # Typed, not spun: a value out of range is refused with a sentence under the field, never clamped quietly.
        self.temperature = NumberField("Creativity", *DESCRIBE_LIMITS["temperature"], decimals=2, example="0.8")
        form.addRow("Creativity", self.temperature.row)
        self.max_tokens = NumberField("Longest draft", *DESCRIBE_LIMITS["max_tokens"], unit="tokens")
        form.addRow("Longest draft", self.max_tokens.row)
        self.char_limit = NumberField("Description limit", *DESCRIBE_LIMITS["char_limit"], unit="characters")
        form.addRow("Description limit", self.char_limit.row)
        self.body.addLayout(form)

        self.key_row = SecretRow(self.keys, "Paste an OpenAI API key", _describe_key)
        self.key_row.save_button.setText("Save key")
        self.body.addWidget(self.key_row)
        # The names the rest of the app and its tests know these by.
        self.key_status, self.key_input = self.key_row.status, self.key_row.input
        self.save_key, self.remove_key = self.key_row.save_button, self.key_row.remove_button

    # ----- values -----
    def load(self, settings: DescribeSettings) -> None:
        self._original = settings
        self.model.setText(settings.model)
        self.base_url.setText(settings.base_url)
        self.temperature.setValue(settings.temperature)
        self.max_tokens.setValue(settings.max_tokens)
        self.char_limit.setValue(settings.char_limit)

    def values(self) -> DescribeSettings:
        """ValueError with a plain sentence naming the field when a number is out of its range."""
        base = getattr(self, "_original", DescribeSettings())
        return dataclasses.replace(
            base,
            model=self.model.text().strip() or DescribeSettings.model,
            base_url=self.base_url.text().strip(),
            temperature=float(self.temperature.value()),
            max_tokens=int(self.max_tokens.value()),
            char_limit=int(self.char_limit.value()),
        )

    def invalid_field(self) -> NumberField | None:
        """The first field whose value cannot be saved, to put the cursor in."""
        return next((f for f in (self.temperature, self.max_tokens, self.char_limit) if not f.is_valid()), None)

    def refresh_key_status(self) -> None:
        self.key_row.refresh()


def _describe_key(lookup) -> str:
    if lookup.source == "env":
        return f"Using the key from OPENAI_API_KEY ({lookup.masked})."
    if lookup.source == "session":
        return f"Using the key you entered, for this session only ({lookup.masked}); it is forgotten at quit."
    if lookup.source == "keyring":
        return f"Using the key saved in the system keyring ({lookup.masked})."
    return (
        "No key yet. ChatGPT needs one; a local server (LM Studio, Ollama, llama.cpp) drafts without. Otherwise "
        "drafts are made offline from templates."
    )
