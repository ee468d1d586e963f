"""Settings: appearance, where generation runs, low-memory options, and where SM6 Studio keeps its files.

Edits are held in the dialog until Save, which writes settings.toml atomically and emits the new Settings;
Cancel leaves both the file and the running app untouched. Open it with `open()`.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.config import DEVICES, THEMES, Settings, save_settings
from ui.settings.chain_settings_card import ChainSettingsCard
from ui.settings.describe_settings_card import DescribeSettingsCard
from ui.settings.publish_settings_card import PublishSettingsCard
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS
from ui.widgets.card import Card
from ui.widgets.error_banner import ErrorBanner, plain_words
from ui.widgets.folder_row import FolderRow
from ui.widgets.page_title import PageTitle

DIALOG_WIDTH = 880
MAX_HEIGHT = 720  # fits a 1280×800 screen; the sections scroll below that
SAVE_SHORTCUT = "Ctrl+S"

THEME_WORDS = {"system": "System", "light": "Light", "dark": "Dark"}
DEVICE_WORDS = {"auto": "Auto", "cuda": "NVIDIA CUDA", "mps": "Apple MPS", "cpu": "CPU"}
DEVICE_EXPLANATION = (
    "Auto picks an NVIDIA graphics card, then Apple silicon, then the processor (works everywhere, but slowly)."
)
# (setting name, label, when to use it)
MEMORY_OPTIONS = (
    (
        "attention_slicing",
        "Attention slicing",
        "Less graphics memory, a little slower. Use it if generating runs out of memory.",
    ),
    ("vae_tiling", "VAE tiling", "For large images, or when memory runs out at the very last step."),
    ("cpu_offload", "Model CPU offload", "For graphics cards with 4–6 GB of memory. Much slower."),
)


class SettingsDialog(QDialog):
    sig_settings_changed = Signal(object)  # the saved Settings

    def __init__(self, settings: Settings, parent: QWidget | None = None, *, settings_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        # A copy: nothing the user clicks here reaches the caller's object unless Save is chosen.
        self._original = copy.deepcopy(settings)
        self._settings_path = settings_path
        self._setup_ui()
        self._load(self._original)
        self._fit_to_content()

    # --- layout --------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setMinimumWidth(DIALOG_WIDTH)
        self.setMaximumHeight(MAX_HEIGHT)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, SPACE_XL, 0, SPACE_XL)
        outer.setSpacing(0)
        title = PageTitle("Settings")  # the same workspace title as every other page
        title.setContentsMargins(SPACE_XL, 0, SPACE_XL, 0)
        outer.addWidget(title)
        outer.addSpacing(SPACE_L)

        # Two columns keep every setting in view on a 1280×800 screen; the page scrolls on anything smaller.
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        page = self._page = QWidget()
        page.setAutoFillBackground(False)
        columns = QHBoxLayout(page)
        columns.setContentsMargins(SPACE_XL, 0, SPACE_XL, 0)
        columns.setSpacing(SPACE_L)
        left = QVBoxLayout()
        left.setSpacing(SPACE_L)
        left.addWidget(self._build_appearance())
        self.describe_card = DescribeSettingsCard()
        left.addWidget(self.describe_card)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(SPACE_L)
        right.addWidget(self._build_generation())
        right.addWidget(self._build_folders())
        self.publish_card = PublishSettingsCard()
        right.addWidget(self.publish_card)
        self.chain_card = ChainSettingsCard()
        left.insertWidget(left.count() - 1, self.chain_card)  # above the stretch
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll.setWidget(page)
        outer.addWidget(scroll, 1)

        # Shown only when saving fails, right above the button that failed.
        self._banner_box = QWidget()
        wrap = QVBoxLayout(self._banner_box)
        wrap.setContentsMargins(SPACE_XL, SPACE_L, SPACE_XL, 0)
        self.error_banner = ErrorBanner()
        wrap.addWidget(self.error_banner)
        self._banner_box.hide()
        outer.addWidget(self._banner_box)
        outer.addSpacing(SPACE_XL)

        footer = QHBoxLayout()
        footer.setContentsMargins(SPACE_XL, 0, SPACE_XL, 0)
        footer.setSpacing(SPACE_M)
        footer.addStretch(1)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Close without changing anything (Esc)")
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton("Save")
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.setShortcut(QKeySequence(SAVE_SHORTCUT))
        native = QKeySequence(SAVE_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(f"Save and apply ({native})")
        self.save_button.clicked.connect(self._on_save)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.save_button)
        outer.addLayout(footer)

    def _build_appearance(self) -> Card:
        card = Card("Appearance", padding=SPACE_XL)
        row = QHBoxLayout()
        row.setSpacing(SPACE_XL)
        self._theme_group = QButtonGroup(self)
        self.theme_radios: dict[str, QRadioButton] = {}
        for name in THEMES:
            radio = QRadioButton(THEME_WORDS[name])
            self._theme_group.addButton(radio)
            self.theme_radios[name] = radio
            row.addWidget(radio)
        row.addStretch(1)
        card.add_layout(row)
        card.add_widget(_label("System follows your computer's light or dark mode.", "caption"))
        return card

    def _build_generation(self) -> Card:
        card = Card("Generation", padding=SPACE_XL)
        device_row = QHBoxLayout()
        device_row.setSpacing(SPACE_M)
        device_label = QLabel("Device")
        self.device_combo = QComboBox()
        for name in DEVICES:
            self.device_combo.addItem(DEVICE_WORDS[name], name)
        self.device_combo.setAccessibleName("Generation device")
        device_label.setBuddy(self.device_combo)
        device_row.addWidget(device_label)
        device_row.addWidget(self.device_combo, 1)
        card.add_layout(device_row)
        card.add_widget(_label(DEVICE_EXPLANATION, "caption"))
        card.body.addSpacing(SPACE_S)

        self.live_previews_check, previews = _option(
            "Live previews", "Watch the image take shape. Turn off only on a very slow computer."
        )
        card.add_widget(previews)
        card.body.addSpacing(SPACE_S)
        card.add_widget(_label("Low-memory options", "emphasis"))
        self.memory_checks: dict[str, QCheckBox] = {}
        for name, text, caption in MEMORY_OPTIONS:
            check, box = _option(text, caption)
            self.memory_checks[name] = check
            card.add_widget(box)
        return card

    def _build_folders(self) -> Card:
        card = Card("Folders", padding=SPACE_XL)
        self.data_folder_row = FolderRow("Designs and library", paths.data_dir())
        self.user_models_row = FolderRow("Your models", paths.user_models_dir())
        self.bundled_models_row = FolderRow("Models beside the app", paths.bundled_models_dir())
        for row in (self.data_folder_row, self.user_models_row, self.bundled_models_row):
            card.add_widget(row)
        return card

    def _fit_to_content(self) -> None:
        # A scroll area's size hint is small, so size the dialog to its content, up to what a 1280×800 screen holds.
        page_height = self._page.layout().totalHeightForWidth(DIALOG_WIDTH)
        chrome = self.layout().totalSizeHint().height() - self._scroll.sizeHint().height()
        self.resize(DIALOG_WIDTH, min(MAX_HEIGHT, page_height + chrome + SPACE_S))  # slack: no needless scroll bar

    # --- values --------------------------------------------------------------------------------

    def _load(self, settings: Settings) -> None:
        self.theme_radios.get(settings.theme, self.theme_radios["system"]).setChecked(True)
        index = self.device_combo.findData(settings.generation.device)
        self.device_combo.setCurrentIndex(max(index, 0))
        self.live_previews_check.setChecked(settings.generation.live_previews)
        self.describe_card.load(settings.describe)
        self.publish_card.load(settings.publish)
        self.chain_card.load(settings.chain)
        for name, check in self.memory_checks.items():
            check.setChecked(bool(getattr(settings.generation, name)))

    def settings(self) -> Settings:
        """The settings as currently shown (not yet saved); fields this dialog doesn't show are kept."""
        result = copy.deepcopy(self._original)
        result.theme = next(name for name, radio in self.theme_radios.items() if radio.isChecked())
        gen = result.generation
        gen.device = self.device_combo.currentData()
        gen.live_previews = self.live_previews_check.isChecked()
        for name, check in self.memory_checks.items():
            setattr(gen, name, check.isChecked())
        result.describe = self.describe_card.values()
        result.publish = self.publish_card.values()
        result.chain = self.chain_card.values()
        return result.validated()

    def _show_problem(self, message: str, details: str = "") -> None:
        self._banner_box.show()
        self.error_banner.show_message(message, details=details)

    def _on_save(self) -> None:
        try:
            new = self.settings()
        except ValueError as exc:  # an address or number that cannot be used: say which, keep every edit, go there
            self._show_problem(*plain_words(exc, "One of these settings cannot be used. Check the highlighted field."))
            field = (
                self.describe_card.invalid_field()
                or self.publish_card.invalid_field()
                or self.chain_card.invalid_field()
            )
            if field is not None:
                self._scroll.ensureWidgetVisible(field)
                field.setFocus()
            return
        try:
            save_settings(new, self._settings_path)
        except OSError as exc:
            self._show_problem(
                f"Settings could not be saved: {exc.strerror or exc}. Check that the settings folder is writable, "
                "then try again.",
                details=str(exc),
            )
            return
        self._banner_box.hide()
        self.sig_settings_changed.emit(new)
        self.accept()


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def _option(text: str, caption: str) -> tuple[QCheckBox, QWidget]:
    """A checkbox with a caption under its text saying when to use it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    check = QCheckBox(text)
    check.setToolTip(caption)
    layout.addWidget(check)
    hint = _label(caption, "caption")
    # Line the caption up with the checkbox text, past its indicator.
    hint.setContentsMargins(SPACE_XL + SPACE_XS, 0, 0, SPACE_XS)
    layout.addWidget(hint)
    return check, box
