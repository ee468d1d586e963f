"""Settings for drafting descriptions: which model and server, how long, and the OpenAI key (kept in the system
keyring, never in a file; shown masked)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.description.keys import ApiKeyStore
from app.description.models import DESCRIBE_LIMITS, DescribeSettings
from ui.i18n import translate
from ui.widgets.card import Card
from ui.widgets.form_layout import form_layout
from ui.widgets.number_field import NumberField
from ui.widgets.secret_row import SecretRow


class DescribeSettingsCard(Card):
    def __init__(self, keys: ApiKeyStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.keys = keys or ApiKeyStore()
        self._build_form()
        self.retranslate()

    def _build_form(self) -> None:
        form = form_layout()
        self._labels: list[QLabel] = []

        def add_row(field: QWidget, row: QWidget | None = None) -> None:
            label = QLabel()
            label.setBuddy(field)
            self._labels.append(label)
            form.addRow(label, row or field)

        self.model = QLineEdit()
        self.model.setPlaceholderText("gpt-4o-mini")
        add_row(self.model)
        self.base_url = QLineEdit()
        add_row(self.base_url)
        # Typed, not spun: a value out of range is refused with a sentence under the field, never clamped quietly.
        self.temperature = NumberField("", *DESCRIBE_LIMITS["temperature"], decimals=2, example="0.8")
        add_row(self.temperature, self.temperature.row)
        self.max_tokens = NumberField("", *DESCRIBE_LIMITS["max_tokens"])
        add_row(self.max_tokens, self.max_tokens.row)
        self.char_limit = NumberField("", *DESCRIBE_LIMITS["char_limit"])
        add_row(self.char_limit, self.char_limit.row)
        self.body.addLayout(form)

        self.key_row = SecretRow(
            self.keys,
            lambda: translate("DescribeSettingsCard", "Paste an OpenAI API key"),
            _describe_key,
            what=lambda: translate("DescribeSettingsCard", "OpenAI API key"),
            save_text=lambda: translate("DescribeSettingsCard", "Save key"),
        )
        self.body.addWidget(self.key_row)
        # The names the rest of the app and its tests know these by.
        self.key_status, self.key_input = self.key_row.status, self.key_row.input
        self.save_key, self.remove_key = self.key_row.save_button, self.key_row.remove_button

    def retranslate(self) -> None:
        self.set_title(translate("DescribeSettingsCard", "Descriptions (ChatGPT)"))
        creativity = translate("DescribeSettingsCard", "Creativity")
        longest = translate("DescribeSettingsCard", "Longest draft")
        limit = translate("DescribeSettingsCard", "Description limit")
        words = (translate("DescribeSettingsCard", "Model"), translate("DescribeSettingsCard", "Server"))
        for label, text in zip(self._labels, (*words, creativity, longest, limit)):
            label.setText(text)
        self.model.setAccessibleName(words[0])
        self.base_url.setAccessibleName(words[1])
        self.base_url.setPlaceholderText(
            translate("DescribeSettingsCard", "OpenAI — or e.g. http://127.0.0.1:1234/v1 for LM Studio")
        )
        self.base_url.setToolTip(
            translate("DescribeSettingsCard", "Leave empty for OpenAI. A local OpenAI-compatible server works offline.")
        )
        self.temperature.set_words(creativity, example="0.8")
        self.max_tokens.set_words(longest, unit=translate("DescribeSettingsCard", "tokens"))
        self.char_limit.set_words(limit, unit=translate("DescribeSettingsCard", "characters"))

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
        return translate("DescribeSettingsCard", "Using the key from OPENAI_API_KEY ({masked}).").format(
            masked=lookup.masked
        )
    if lookup.source == "session":
        return translate(
            "DescribeSettingsCard",
            "Using the key you entered, for this session only ({masked}); it is forgotten at quit.",
        ).format(masked=lookup.masked)
    if lookup.source == "keyring":
        return translate("DescribeSettingsCard", "Using the key saved in the system keyring ({masked}).").format(
            masked=lookup.masked
        )
    return translate(
        "DescribeSettingsCard",
        "No key yet. ChatGPT needs one; a local server (LM Studio, Ollama, llama.cpp) drafts without. Otherwise "
        "drafts are made offline from templates.",
    )
