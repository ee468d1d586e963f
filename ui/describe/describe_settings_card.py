"""Settings for drafting descriptions: which model and server, how long, and the OpenAI key (kept in the system
keyring, never in a file; shown masked)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.description.keys import ApiKeyStore
from app.description.models import DescribeSettings
from app.errors import UserFacingError
from ui.background import run_in_background
from ui.theme import SPACE_M, SPACE_S
from ui.widgets.card import Card


class DescribeSettingsCard(Card):
    def __init__(self, keys: ApiKeyStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Descriptions (ChatGPT)", parent)
        self.keys = keys or ApiKeyStore()
        self._build_form()
        self.refresh_key_status()

    def _build_form(self) -> None:
        form = QFormLayout()
        form.setHorizontalSpacing(SPACE_M)
        form.setVerticalSpacing(SPACE_S)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.model = QLineEdit()
        self.model.setPlaceholderText("gpt-4o-mini")
        form.addRow("Model", self.model)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("OpenAI — or e.g. http://127.0.0.1:1234/v1 for LM Studio")
        self.base_url.setToolTip("Leave empty for OpenAI. A local OpenAI-compatible server works offline.")
        form.addRow("Server", self.base_url)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        form.addRow("Creativity", self.temperature)
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(50, 4000)
        self.max_tokens.setSuffix(" tokens")
        form.addRow("Longest draft", self.max_tokens)
        self.char_limit = QSpinBox()
        self.char_limit.setRange(100, 5000)
        self.char_limit.setSuffix(" characters")
        form.addRow("Description limit", self.char_limit)
        self.body.addLayout(form)

        self.key_status = QLabel()
        self.key_status.setTextFormat(Qt.TextFormat.PlainText)
        self.key_status.setWordWrap(True)
        self.key_status.setProperty("role", "caption")
        self.body.addWidget(self.key_status)
        row = QHBoxLayout()
        row.setSpacing(SPACE_S)
        self.key_input = QLineEdit()
        self.key_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_input.setPlaceholderText("Paste an OpenAI API key")
        self.key_input.setAccessibleName("OpenAI API key")
        row.addWidget(self.key_input, 1)
        self.save_key = QPushButton("Save key")
        self.save_key.clicked.connect(self._on_save_key)
        row.addWidget(self.save_key)
        self.remove_key = QPushButton("Remove")
        self.remove_key.clicked.connect(self._on_remove_key)
        row.addWidget(self.remove_key)
        self.body.addLayout(row)

    # ----- values -----
    def load(self, settings: DescribeSettings) -> None:
        self._original = settings
        self.model.setText(settings.model)
        self.base_url.setText(settings.base_url)
        self.temperature.setValue(settings.temperature)
        self.max_tokens.setValue(settings.max_tokens)
        self.char_limit.setValue(settings.char_limit)

    def values(self) -> DescribeSettings:
        base = getattr(self, "_original", DescribeSettings())
        return dataclasses.replace(
            base,
            model=self.model.text().strip() or DescribeSettings.model,
            base_url=self.base_url.text().strip(),
            temperature=round(self.temperature.value(), 2),
            max_tokens=self.max_tokens.value(),
            char_limit=self.char_limit.value(),
        )

    # ----- key (keyring calls can block: never on the UI thread) -----
    def refresh_key_status(self) -> None:
        run_in_background(self.keys.get, self._show_lookup, self._show_error, self)

    def _show_lookup(self, lookup) -> None:
        if lookup.source == "env":
            text = f"Using the key from OPENAI_API_KEY ({lookup.masked})."
        elif lookup.source == "keyring":
            text = f"Using the key saved in the system keyring ({lookup.masked})."
        else:
            text = "No key yet: drafts are made offline from templates until you add one."
        if lookup.problem:
            text += " " + lookup.problem
        self.key_status.setText(text)
        self.remove_key.setEnabled(lookup.source == "keyring")

    def _show_error(self, error: BaseException) -> None:
        self.key_status.setText(error.message if isinstance(error, UserFacingError) else f"Key not saved: {error}")

    def _on_save_key(self) -> None:
        key = self.key_input.text()
        self.key_input.clear()  # the key leaves the widget at once; only the keyring keeps it
        run_in_background(lambda: self.keys.set(key), lambda _r: self.refresh_key_status(), self._show_error, self)

    def _on_remove_key(self) -> None:
        run_in_background(self.keys.clear, lambda _r: self.refresh_key_status(), self._show_error, self)
