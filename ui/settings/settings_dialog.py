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

from app import i18n as core_i18n
from app import paths
from app.config import DEVICES, THEMES, Settings, save_settings
from ui.i18n import Retranslating, language_for, translate
from ui.settings.chain_settings_card import ChainSettingsCard
from ui.settings.describe_settings_card import DescribeSettingsCard
from ui.settings.generation_place_section import GenerationPlaceSection
from ui.settings.publish_settings_card import PublishSettingsCard
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS
from ui.widgets.card import Card
from ui.widgets.error_banner import ErrorBanner, plain_words
from ui.widgets.folder_row import FolderRow
from ui.widgets.page_title import PageTitle

DIALOG_WIDTH = 880
MAX_HEIGHT = 720  # fits a 1280×800 screen; the sections scroll below that
SAVE_SHORTCUT = "Ctrl+S"  # i18n: not shown (a key sequence; its native text is)
MEMORY_OPTIONS = ("attention_slicing", "vae_tiling", "cpu_offload")  # generation settings, in the order shown


def theme_word(name: str) -> str:
    if name == "light":
        return translate("SettingsDialog", "Light")
    if name == "dark":
        return translate("SettingsDialog", "Dark")
    return translate("SettingsDialog", "System")


def device_word(name: str) -> str:
    return {
        "cuda": translate("SettingsDialog", "NVIDIA CUDA"),
        "mps": translate("SettingsDialog", "Apple MPS"),
        "cpu": translate("SettingsDialog", "CPU"),
    }.get(name, translate("SettingsDialog", "Auto"))


def language_word(choice: str) -> str:
    """Each language in its own words; "system" says which one the computer's setting means here."""
    if choice in core_i18n.NAMES:
        return core_i18n.NAMES[choice]
    system = core_i18n.NAMES[language_for("system")]
    return translate("SettingsDialog", "System language ({language})").format(language=system)


def memory_words(name: str) -> tuple[str, str]:
    """(label, when to use it) for a low-memory option."""
    if name == "attention_slicing":
        return translate("SettingsDialog", "Attention slicing"), translate(
            "SettingsDialog", "Less graphics memory, a little slower. Use it if generating runs out of memory."
        )
    if name == "vae_tiling":
        return translate("SettingsDialog", "VAE tiling"), translate(
            "SettingsDialog", "For large images, or when memory runs out at the very last step."
        )
    return translate("SettingsDialog", "Model CPU offload"), translate(
        "SettingsDialog", "For graphics cards with 4–6 GB of memory. Much slower."
    )


class SettingsDialog(Retranslating, QDialog):
    sig_settings_changed = Signal(object)  # the saved Settings

    def __init__(self, settings: Settings, parent: QWidget | None = None, *, settings_path: Path | None = None) -> None:
        super().__init__(parent)
        # A copy: nothing the user clicks here reaches the caller's object unless Save is chosen.
        self._original = copy.deepcopy(settings)
        self._settings_path = settings_path
        self._problem = None  # says the last refusal to save again, in the language of the moment
        self._setup_ui()
        self.retranslate()
        self._load(self._original)
        self._fit_to_content()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self._title.setText(translate("SettingsDialog", "Settings"))
        self._appearance.set_title(translate("SettingsDialog", "Appearance"))
        for name, radio in self.theme_radios.items():
            radio.setText(theme_word(name))
        self._theme_caption.setText(translate("SettingsDialog", "System follows your computer's light or dark mode."))
        self._language_label.setText(translate("SettingsDialog", "&Language"))
        self.language_combo.setAccessibleName(translate("SettingsDialog", "Language"))
        for index in range(self.language_combo.count()):
            self.language_combo.setItemText(index, language_word(self.language_combo.itemData(index)))
        self._language_caption.setText(translate("SettingsDialog", "The window changes language as soon as you save."))
        self._generation.set_title(translate("SettingsDialog", "Generation"))
        self._device_label.setText(translate("SettingsDialog", "&Device"))
        for index in range(self.device_combo.count()):  # texts only: the chosen device stays chosen
            self.device_combo.setItemText(index, device_word(self.device_combo.itemData(index)))
        self.device_combo.setAccessibleName(translate("SettingsDialog", "Generation device"))
        self._device_caption.setText(
            translate(
                "SettingsDialog",
                "Auto picks an NVIDIA graphics card, then Apple silicon, then the processor (works everywhere, but "
                "slowly).",
            )
        )
        _say_option(
            self._previews_option,
            translate("SettingsDialog", "Live previews"),
            translate("SettingsDialog", "Watch the image take shape. Turn off only on a very slow computer."),
        )
        _say_option(
            self._fast_decoder_option,
            translate("SettingsDialog", "Fast final decoder (TAESD)"),
            translate("SettingsDialog", "Finishes each picture in a fraction of the time, a little softer."),
        )
        _say_option(
            self._compile_option,
            translate("SettingsDialog", "Compile for this graphics card"),
            translate(
                "SettingsDialog",
                "NVIDIA only. Faster steps once each picture size is compiled, in the background, about a minute the "
                "first time; pictures are made at the usual speed meanwhile.",
            ),
        )
        self._taesd_missing.setText(
            translate("SettingsDialog", "Put TAESD in the models folder (taesd, or taesdxl for SDXL)")
        )
        self._memory_label.setText(translate("SettingsDialog", "Low-memory options"))
        for name, option in self._memory_options.items():
            _say_option(option, *memory_words(name))
        self._folders.set_title(translate("SettingsDialog", "Folders"))
        self.data_folder_row.set_words(translate("SettingsDialog", "Designs and library"))
        self.user_models_row.set_words(translate("SettingsDialog", "Your models"))
        self.bundled_models_row.set_words(translate("SettingsDialog", "Models beside the app"))
        self.cancel_button.setText(translate("SettingsDialog", "Cancel"))
        self.cancel_button.setToolTip(translate("SettingsDialog", "Close without changing anything (Esc)"))
        self.save_button.setText(translate("SettingsDialog", "Save"))
        native = QKeySequence(SAVE_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(translate("SettingsDialog", "Save and apply ({shortcut})").format(shortcut=native))
        if self._problem is not None and self._banner_box.isVisibleTo(self):
            # The page hears of the language before its cards do; the sentence names their fields, so they go first.
            for card in (self.describe_card, self.publish_card, self.chain_card, self.place_section):
                card.retranslate()
            self._show_problem(self._problem)

    # --- layout --------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setMinimumWidth(DIALOG_WIDTH)
        self.setMaximumHeight(MAX_HEIGHT)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, SPACE_XL, 0, SPACE_XL)
        outer.setSpacing(0)
        title = self._title = PageTitle("")  # the same workspace title as every other page
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
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.setShortcut(QKeySequence(SAVE_SHORTCUT))
        self.save_button.clicked.connect(self._on_save)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.save_button)
        outer.addLayout(footer)

    def _build_appearance(self) -> Card:
        card = self._appearance = Card("", padding=SPACE_XL)
        row = QHBoxLayout()
        row.setSpacing(SPACE_XL)
        self._theme_group = QButtonGroup(self)
        self.theme_radios: dict[str, QRadioButton] = {}
        for name in THEMES:
            radio = QRadioButton()
            self._theme_group.addButton(radio)
            self.theme_radios[name] = radio
            row.addWidget(radio)
        row.addStretch(1)
        card.add_layout(row)
        self._theme_caption = _label("", "caption")
        card.add_widget(self._theme_caption)
        card.body.addSpacing(SPACE_S)
        self._language_label, self.language_combo = _combo_row(card, core_i18n.CHOICES)
        self._language_caption = _label("", "caption")
        card.add_widget(self._language_caption)
        return card

    def _build_generation(self) -> Card:
        card = self._generation = Card("", padding=SPACE_XL)
        self.place_section = GenerationPlaceSection()  # this computer or a generation server (app/fleet)
        card.add_widget(self.place_section)
        card.body.addSpacing(SPACE_S)
        self._device_label, self.device_combo = _combo_row(card, DEVICES)
        self._device_caption = _label("", "caption")
        card.add_widget(self._device_caption)
        card.body.addSpacing(SPACE_S)

        self._previews_option = _option()
        self.live_previews_check = self._previews_option[0]
        card.add_widget(self._previews_option[1])
        self._fast_decoder_option = _option()
        self.fast_decoder_check = self._fast_decoder_option[0]
        card.add_widget(self._fast_decoder_option[1])
        self._taesd_missing = _label("", "caption")  # the setting needs TAESD's weights: where they go
        self._taesd_missing.setContentsMargins(SPACE_XL + SPACE_XS, 0, 0, SPACE_XS)
        self._fast_decoder_option[1].layout().addWidget(self._taesd_missing)  # right under its caption
        self._taesd_missing.setVisible(not _taesd_installed())
        self._compile_option = _option()
        self.compile_check = self._compile_option[0]
        card.add_widget(self._compile_option[1])
        card.body.addSpacing(SPACE_S)
        self._memory_label = _label("", "emphasis")
        card.add_widget(self._memory_label)
        self.memory_checks: dict[str, QCheckBox] = {}
        self._memory_options: dict[str, tuple[QCheckBox, QWidget, QLabel]] = {}
        for name in MEMORY_OPTIONS:
            option = self._memory_options[name] = _option()
            self.memory_checks[name] = option[0]
            card.add_widget(option[1])
        return card

    def _build_folders(self) -> Card:
        card = self._folders = Card("", padding=SPACE_XL)
        self.data_folder_row = FolderRow("", paths.data_dir())
        self.user_models_row = FolderRow("", paths.user_models_dir())
        self.bundled_models_row = FolderRow("", paths.bundled_models_dir())
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
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        index = self.device_combo.findData(settings.generation.device)
        self.device_combo.setCurrentIndex(max(index, 0))
        self.live_previews_check.setChecked(settings.generation.live_previews)
        self.fast_decoder_check.setChecked(settings.generation.fast_decoder)
        self.compile_check.setChecked(settings.generation.compile_unet)
        self.describe_card.load(settings.describe)
        self.publish_card.load(settings.publish)
        self.chain_card.load(settings.chain)
        self.place_section.load(settings.fleet)
        for name, check in self.memory_checks.items():
            check.setChecked(bool(getattr(settings.generation, name)))

    def settings(self) -> Settings:
        """The settings as currently shown (not yet saved); fields this dialog doesn't show are kept."""
        result = copy.deepcopy(self._original)
        result.theme = next(name for name, radio in self.theme_radios.items() if radio.isChecked())
        result.language = self.language_combo.currentData()
        gen = result.generation
        gen.device = self.device_combo.currentData()
        gen.live_previews = self.live_previews_check.isChecked()
        gen.fast_decoder = self.fast_decoder_check.isChecked()
        gen.compile_unet = self.compile_check.isChecked()
        for name, check in self.memory_checks.items():
            setattr(gen, name, check.isChecked())
        result.describe = self.describe_card.values()
        result.publish = self.publish_card.values()
        result.chain = self.chain_card.values()
        result.fleet = self.place_section.values(result.fleet)
        return result.validated()

    def _show_problem(self, problem) -> None:
        """`problem()` gives (message, details) in the language of the moment; None when it is gone."""
        words = problem()
        if words is None:
            return
        self._problem = problem
        self._banner_box.show()
        self.error_banner.show_message(words[0], details=words[1])

    def _invalid_words(self) -> tuple[str, str] | None:
        # Checked again rather than kept: the sentence comes out in whichever language is current.
        try:
            self.settings()
        except ValueError as exc:
            fallback = translate("SettingsDialog", "One of these settings cannot be used. Check the highlighted field.")
            return plain_words(exc, fallback)
        return None

    def _on_save(self) -> None:
        try:
            new = self.settings()
        except ValueError:  # an address or number that cannot be used: say which, keep every edit, go there
            self._show_problem(self._invalid_words)
            field = (
                self.place_section.invalid_field()
                or self.describe_card.invalid_field()
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
            self._show_problem(lambda error=exc: _not_saved_words(error))
            return
        self._banner_box.hide()
        self._problem = None
        self.sig_settings_changed.emit(new)
        self.accept()


def _label(text: str, role: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def _not_saved_words(exc: OSError) -> tuple[str, str]:
    message = translate(
        "SettingsDialog",
        "Settings could not be saved: {reason}. Check that the settings folder is writable, then try again.",
    )
    return message.format(reason=exc.strerror or exc), str(exc)


def _combo_row(card: Card, choices: tuple[str, ...]) -> tuple[QLabel, QComboBox]:
    """A label and a combo box whose items carry the setting's ids as data (texts are set by retranslate)."""
    row = QHBoxLayout()
    row.setSpacing(SPACE_M)
    label = QLabel()
    combo = QComboBox()
    for choice in choices:
        combo.addItem("", choice)
    label.setBuddy(combo)
    row.addWidget(label)
    row.addWidget(combo, 1)
    card.add_layout(row)
    return label, combo


def _taesd_installed() -> bool:
    """TAESD for either family in a models folder (a few file checks, no loading)."""
    from app.generation.fast_decode import taesd_available

    dirs = paths.model_search_dirs()
    return taesd_available(dirs, "sd15") or taesd_available(dirs, "sdxl")


def _option() -> tuple[QCheckBox, QWidget, QLabel]:
    """A checkbox with a caption under its text saying when to use it (words set by `_say_option`)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    check = QCheckBox()
    layout.addWidget(check)
    hint = _label("", "caption")
    # Line the caption up with the checkbox text, past its indicator.
    hint.setContentsMargins(SPACE_XL + SPACE_XS, 0, 0, SPACE_XS)
    layout.addWidget(hint)
    return check, box, hint


def _say_option(option: tuple[QCheckBox, QWidget, QLabel], text: str, caption: str) -> None:
    check, _box, hint = option
    check.setText(text)
    check.setToolTip(caption)
    hint.setText(caption)
