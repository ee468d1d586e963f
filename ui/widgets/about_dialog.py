"""About SM6 Design Studio: which build this is and what it runs on, where its files are, its licences, and the
same facts as plain text for a support call.

Opened from the foot of the Settings page and with F1 from the desktop window; never at a kiosk (a kiosk has no
Settings, and the shortcut is only installed where Settings may be opened). It lives here, below the window and the
Settings page, because both open it (pyproject.toml's ui-layers contract). What the app runs on needs torch, which
the window never imports itself: the dialog asks in the background and fills the line in when the answer comes.
"""

from __future__ import annotations

import platform
import sys

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import __version__, build_info, paths
from ui.dialog_lifetime import free_when_closed
from ui.i18n import Retranslating, translate
from ui.tasks import run_in_background
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS
from ui.widgets.folder_row import FolderRow

DIALOG_WIDTH = 640
ICON_SIDE = 64
NAME = "SM6 Design Studio"  # i18n: not shown (the product's name, the same in every language)


def app_icon_path() -> str:
    return str(paths.resource("app", "sm6-studio.svg"))


def device_facts(preference: str) -> tuple[str, bool]:
    """(what generation runs on, e.g. "NVIDIA GeForce RTX 4070 (CUDA 12.8)" or "CPU"; whether torch sees a CUDA
    device). Imports torch: call it in the background, never on the UI thread."""
    import torch

    from app.generation.devices import choose_device

    choice = choose_device(preference)
    usable = bool(torch.cuda.is_available())
    if choice.device == "cuda":
        return f"{torch.cuda.get_device_name(0)} (CUDA {torch.version.cuda})", usable
    return choice.label, usable


class AboutDialog(Retranslating, QDialog):
    def __init__(self, device_setting: str = "auto", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.build = build_info.current()
        self._device: str | None = None  # None: still being found out; "" when it could not be
        self._cuda_usable: bool | None = None
        self._setup_ui()
        self.retranslate()
        run_in_background(
            lambda: device_facts(device_setting), self._on_device, self._on_device_error, parent=self, executor="disk"
        )

    # --- words ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AboutDialog", "About SM6 Design Studio"))
        self.version_label.setText(translate("AboutDialog", "Version {version}").format(version=__version__))
        self.build_name.setText(translate("AboutDialog", "Build"))
        self.build_label.setText(build_info.describe(self.build))
        self.device_name.setText(translate("AboutDialog", "Runs on"))
        self._show_device()
        self.folders_title.setText(translate("AboutDialog", "Folders"))
        open_words = translate("AboutDialog", "Open folder")
        self.data_row.set_words(translate("AboutDialog", "Designs and library"), open_words)
        self.config_row.set_words(translate("AboutDialog", "Settings"), open_words)
        self.models_row.set_words(translate("AboutDialog", "Your models"), open_words)
        self.licences_title.setText(translate("AboutDialog", "Licences"))
        self.licences_label.setText(licences_text())
        self.copy_button.setText(translate("AboutDialog", "Copy details"))
        self.copy_button.setToolTip(translate("AboutDialog", "Copy these facts as plain text, for a support call"))
        self.close_button.setText(translate("AboutDialog", "Close"))

    def _show_device(self) -> None:
        if self._device is None:
            self.device_label.setText(translate("AboutDialog", "Finding out…"))
        elif not self._device:
            self.device_label.setText(translate("AboutDialog", "Unknown (see `sm6-studio doctor`)"))
        else:
            self.device_label.setText(self._device)
        note = build_info.note(self.build, self._cuda_usable)
        self.note_label.setText(str(note) if note is not None else "")
        self.note_label.setVisible(note is not None)
        self._fit()

    def _fit(self) -> None:
        """As tall as the words need at this width: a note or another language may add a line while it is open."""
        layout = self.layout()
        if layout is None:
            return
        layout.invalidate()
        height = layout.totalHeightForWidth(DIALOG_WIDTH)
        if height < 0:
            height = layout.totalSizeHint().height()
        self.setMinimumHeight(height)
        self.resize(DIALOG_WIDTH, height)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.close_button.setFocus()  # not the first folder's button: Close is what most people want next

    # --- layout --------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setMinimumWidth(DIALOG_WIDTH)
        self.setMaximumWidth(DIALOG_WIDTH)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        outer.setSpacing(SPACE_L)

        head = QHBoxLayout()
        head.setSpacing(SPACE_L)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(QIcon(app_icon_path()).pixmap(QSize(ICON_SIDE, ICON_SIDE), self.devicePixelRatioF()))
        self.icon_label.setFixedSize(ICON_SIDE, ICON_SIDE)
        head.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(SPACE_XS)
        self.name_label = _label("title", NAME)
        self.version_label = _label("secondary")
        words.addWidget(self.name_label)
        words.addWidget(self.version_label)
        words.addStretch(1)
        head.addLayout(words, 1)
        outer.addLayout(head)

        facts = QGridLayout()
        facts.setHorizontalSpacing(SPACE_L)
        facts.setVerticalSpacing(SPACE_S)
        facts.setColumnStretch(1, 1)
        self.build_name, self.build_label = _label("secondary"), _label(selectable=True)
        self.note_label = _label("caption", wrap=True)
        self.device_name, self.device_label = _label("secondary"), _label(selectable=True)
        facts.addWidget(self.build_name, 0, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.build_label, 0, 1)
        facts.addWidget(self.note_label, 1, 1)
        facts.addWidget(self.device_name, 2, 0, Qt.AlignmentFlag.AlignTop)
        facts.addWidget(self.device_label, 2, 1)
        outer.addLayout(facts)

        self.folders_title = _label("emphasis")
        outer.addWidget(self.folders_title)
        self.data_row = FolderRow("", paths.data_dir())
        self.config_row = FolderRow("", paths.config_dir())
        self.models_row = FolderRow("", paths.user_models_dir())
        folders = QVBoxLayout()
        folders.setSpacing(SPACE_M)
        for row in (self.data_row, self.config_row, self.models_row):
            row.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            folders.addWidget(row)
        outer.addLayout(folders)

        self.licences_title = _label("emphasis")
        self.licences_label = _label("caption", wrap=True, selectable=True)
        outer.addWidget(self.licences_title)
        outer.addWidget(self.licences_label)

        outer.addSpacing(SPACE_S)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_M)
        buttons.addStretch(1)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = QPushButton()
        self.close_button.setProperty("primary", True)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)

    # --- facts ---------------------------------------------------------------------------------

    def details_text(self) -> str:
        """The facts a support call needs, as plain text, in the person's language (values as they are)."""
        info = self.build
        lines = [
            f"{NAME} {__version__}",
            translate("AboutDialog", "Build: {build}").format(build=build_info.describe(info)),
        ]
        note = build_info.note(info, self._cuda_usable)
        if note is not None:
            lines.append(translate("AboutDialog", "Note: {note}").format(note=note))
        if info.packaged:
            lines.append(translate("AboutDialog", "Packaged by: {packager}").format(packager=info.packager or "?"))
            lines.append(translate("AboutDialog", "Built: {moment}").format(moment=info.built or "?"))
            lines.append(translate("AboutDialog", "Source commit: {commit}").format(commit=info.commit or "?"))
            lines.append(translate("AboutDialog", "torch: {version}").format(version=info.torch or "?"))
        lines += [
            translate("AboutDialog", "Runs on: {device}").format(device=self.device_label.text()),
            translate("AboutDialog", "System: {system}").format(system=platform.platform()),
            translate("AboutDialog", "Python: {version}").format(version=sys.version.split()[0]),
            translate("AboutDialog", "Designs and library: {path}").format(path=self.data_row.path),
            translate("AboutDialog", "Settings: {path}").format(path=self.config_row.path),
            translate("AboutDialog", "Your models: {path}").format(path=self.models_row.path),
        ]
        return "\n".join(lines) + "\n"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(translate("AboutDialog", "Copied"))

    def _on_device(self, facts: tuple[str, bool]) -> None:
        self._device, self._cuda_usable = facts
        self._show_device()

    def _on_device_error(self, _error: BaseException) -> None:
        self._device = ""  # torch could not be loaded: doctor says why, in full
        self._show_device()


def licences_text() -> str:
    return translate(
        "AboutDialog",
        "SM6 Design Studio is proprietary software of SM6. It is built with Qt for Python (PySide6, LGPL-3.0; at a "
        "showroom kiosk also Qt Virtual Keyboard, GPL-3.0), PyTorch (BSD-3-Clause), Hugging Face diffusers "
        "(Apache-2.0) and the Noto Sans KR font (SIL Open Font License 1.1).",
    )


def _label(role: str = "", text: str = "", *, wrap: bool = False, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a path or a GPU's name is shown as it is, never as markup
    if role:
        label.setProperty("role", role)
    if wrap:
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def open_about(parent: QWidget, device_setting: str = "auto") -> AboutDialog:
    """Show the About box over `parent`; it is freed once closed."""
    dialog = AboutDialog(device_setting, parent)
    free_when_closed(dialog)
    dialog.open()
    return dialog
