"""What the Design workspace shows while no usable model exists: where weights come from and the next step.

The page answers "what do I do next?" with one primary action (Import model…), offers the demo model as the
quick way in, shows the folders SM6 Studio scans, and lists every model file it found but cannot use, each with
its reason, so nobody wonders why their download was skipped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.generation.backend import ModelInfo
from app.kiosk import DESKTOP, Policy
from app.messages import Message
from ui.i18n import Retranslating, translate
from ui.icons import pixmap
from ui.theme import (
    EMPTY_ICON_BOX,
    EMPTY_ICON_SIZE,
    SPACE_L,
    SPACE_M,
    SPACE_S,
    SPACE_XL,
    SPACE_XXL,
    current_theme,
)
from ui.widgets.card import Card
from ui.widgets.centered_column import CenteredColumn
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.folder_row import FolderRow, plain_tooltip
from ui.widgets.model_picker import model_reason
from ui.widgets.words import Words, said

HERO_WIDTH = 560  # the explanation reads as two or three calm lines
CARDS_WIDTH = 880  # two cards side by side fit a 1280×800 window without scrolling
IMPORT_SHORTCUT = "Ctrl+I"  # i18n: not shown (a key sequence; its native text is)
ROW_ICON = 18


class FirstRunView(Retranslating, QWidget):
    sig_import_requested = Signal()
    sig_demo_requested = Signal()
    sig_rescan_requested = Signal()  # the user copied files into a models folder and wants them found

    def __init__(self, parent: QWidget | None = None, *, policy: Policy = DESKTOP) -> None:
        super().__init__(parent)
        self.policy = policy
        self.setObjectName("firstRunView")
        self._unusable: list[ModelInfo] = []
        self._busy: Words | None = None
        self._setup_ui()
        self._refresh_icons()
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(translate("FirstRunView", "No model yet"))
        self.text_label.setText(
            translate(
                "FirstRunView",
                "SM6 Studio paints your car with a Stable Diffusion model that runs on this computer. Get a Stable "
                "Diffusion 1.5, 2.x or SDXL checkpoint as a .safetensors file from its publisher or a model site, "
                "then import it.",
            )
        )
        self.import_button.setText(translate("FirstRunView", "Import model…"))
        native = QKeySequence(IMPORT_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.import_button.setToolTip(
            translate("FirstRunView", "Import a .safetensors checkpoint or a diffusers folder ({shortcut})").format(
                shortcut=native
            )
        )
        self.demo_button.setText(translate("FirstRunView", "Try the demo model"))
        self.demo_button.setToolTip(
            translate("FirstRunView", "Build a small demo model on this computer (a few seconds, no download)")
        )
        self.demo_caption.setText(
            translate("FirstRunView", "Random weights, abstract images — for trying the workflow, not for real designs")
        )
        self.busy_bar.setAccessibleName(translate("FirstRunView", "Working"))
        self.busy_label.setText(said(self._busy))
        self.folders_card.set_title(translate("FirstRunView", "Or use a models folder"))
        self._folders_caption.setText(
            translate("FirstRunView", "SM6 Studio finds checkpoints and diffusers folders you copy into either folder.")
        )
        self.user_folder_row.set_words(translate("FirstRunView", "Your models"))
        self.user_folder_row.open_button.setAccessibleName(translate("FirstRunView", "Open models folder"))
        self.bundled_folder_row.set_words(translate("FirstRunView", "Beside the app"))
        self.rescan_button.setText(translate("FirstRunView", "Check again"))
        self.rescan_button.setToolTip(translate("FirstRunView", "Look for new models in these folders"))
        self.unusable_card.set_title(translate("FirstRunView", "Found, but can't be used"))

    # --- layout --------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # A scroll area keeps a long list of skipped files reachable in a small window; it is invisible otherwise.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)
        page = QWidget()
        page.setAutoFillBackground(False)
        scroll.setWidget(page)
        outer.addWidget(scroll)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(SPACE_XXL, SPACE_XXL, SPACE_XXL, SPACE_XXL)
        layout.setSpacing(0)
        layout.addStretch(2)  # slightly above the optical centre, like the other empty pages
        layout.addWidget(self._build_hero())
        layout.addSpacing(SPACE_XXL + SPACE_L)
        layout.addWidget(self._build_cards())
        layout.addStretch(3)

    def _build_hero(self) -> QWidget:
        column = CenteredColumn(HERO_WIDTH)
        body = column.body
        self._icon_label = QLabel()
        self._icon_label.setObjectName("emptyIcon")
        self._icon_label.setFixedSize(EMPTY_ICON_BOX, EMPTY_ICON_BOX)
        self._icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(self._icon_label, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addSpacing(SPACE_XL)
        self.title_label = _label("", "title", centred=True)
        body.addWidget(self.title_label)
        body.addSpacing(SPACE_M)
        self.text_label = _label("", "secondary", centred=True)
        body.addWidget(self.text_label)
        body.addSpacing(SPACE_XL)

        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_M)
        buttons.addStretch(1)
        self.import_button = QPushButton()
        self.import_button.setProperty("primary", True)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.sig_import_requested)
        self.import_button.setVisible(self.policy.may_use_files)  # a file dialog: not for a visitor
        buttons.addWidget(self.import_button)
        self.demo_button = QPushButton()
        self.demo_button.clicked.connect(self.sig_demo_requested)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        body.addLayout(buttons)
        body.addSpacing(SPACE_S)
        self.demo_caption = _label("", "caption", centred=True)
        body.addWidget(self.demo_caption)

        # Busy: an indeterminate bar and what is happening, in place of a blocking wait.
        self.busy_box = QWidget()
        busy = QVBoxLayout(self.busy_box)
        busy.setContentsMargins(SPACE_XXL * 2, SPACE_L, SPACE_XXL * 2, 0)
        busy.setSpacing(SPACE_S)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_label = _label("", "secondary", centred=True)
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label)
        self.busy_box.hide()
        body.addWidget(self.busy_box)

        self.error_banner = ErrorBanner()
        self.error_banner.hide()
        body.addSpacing(SPACE_L)
        body.addWidget(self.error_banner)

        shortcut = QShortcut(QKeySequence(IMPORT_SHORTCUT), self)
        shortcut.activated.connect(self._on_import_shortcut)
        return column

    def _build_cards(self) -> QWidget:
        # As wide as the explanation while there is one card; wider once the skipped-models card joins it.
        column = self._cards_column = CenteredColumn(HERO_WIDTH)
        row = QHBoxLayout()
        row.setSpacing(SPACE_L)
        column.body.addLayout(row)

        self.folders_card = Card("", padding=SPACE_XL)
        self._folders_caption = _label("", "caption")
        self.folders_card.add_widget(self._folders_caption)
        self.user_folder_row = FolderRow("", paths.user_models_dir())
        self.bundled_folder_row = FolderRow("", paths.bundled_models_dir())
        for folder in (self.user_folder_row, self.bundled_folder_row):
            folder.open_button.setVisible(self.policy.may_use_files)  # it opens the file manager
        self.folders_card.add_widget(self.user_folder_row)
        self.folders_card.add_widget(self.bundled_folder_row)
        self.rescan_button = QPushButton()
        self.rescan_button.clicked.connect(self.sig_rescan_requested)
        self.folders_card.add_widget(self.rescan_button, 0)
        self.folders_card.body.setAlignment(self.rescan_button, Qt.AlignmentFlag.AlignLeft)
        self.folders_card.body.addStretch(1)
        row.addWidget(self.folders_card, 1)

        self.unusable_card = Card("", padding=SPACE_XL)
        self._unusable_rows = QVBoxLayout()
        self._unusable_rows.setSpacing(SPACE_L)
        self.unusable_card.add_layout(self._unusable_rows)
        self.unusable_card.body.addStretch(1)
        self.unusable_card.hide()
        row.addWidget(self.unusable_card, 1)
        return column

    # --- API -----------------------------------------------------------------------------------

    def set_unusable(self, models: list[ModelInfo]) -> None:
        """List the models the registry found but cannot use, each with its reason; hidden when there are none."""
        self._unusable = [m for m in models if not m.usable]
        while self._unusable_rows.count():
            item = self._unusable_rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for model in self._unusable:
            self._unusable_rows.addWidget(_UnusableRow(model))
        self.unusable_card.setVisible(bool(self._unusable))
        self._cards_column.inner.setMaximumWidth(CARDS_WIDTH if self._unusable else HERO_WIDTH)

    def unusable_reasons(self) -> list[tuple[str, str]]:
        """(name, reason) pairs as shown, for tests and accessibility checks."""
        return [(m.id, model_reason(m)) for m in self._unusable]

    def set_busy(self, text: Words | None) -> None:
        """Show progress with `text` and disable the actions (e.g. while the demo model builds); None clears.
        A callable `text` is said again when the language changes (see words.py)."""
        self._busy = text or None
        busy = self._busy is not None
        self.busy_label.setText(said(self._busy))
        self.busy_box.setVisible(busy)
        for button in (self.import_button, self.demo_button, self.rescan_button):
            button.setEnabled(not busy)
        if busy:
            self.error_banner.clear()

    def is_busy(self) -> bool:
        return self.busy_box.isVisibleTo(self)

    def show_error(self, message: "Words | Message", details: str = "") -> None:
        """A failed action (e.g. the demo build), shown under the buttons as plain text (a core Message or a
        callable is said again when the language changes)."""
        self.error_banner.show_message(message, details)

    # --- behaviour -----------------------------------------------------------------------------

    def _on_import_shortcut(self) -> None:
        if self.import_button.isEnabled() and self.policy.may_use_files:
            self.sig_import_requested.emit()

    def _refresh_icons(self) -> None:
        self._icon_label.setPixmap(pixmap("model", current_theme().text_secondary, EMPTY_ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icons()
        super().changeEvent(event)


class _UnusableRow(Retranslating, QWidget):
    """A warning icon, the file's name and why it is skipped. Both texts come from disk: plain text only."""

    def __init__(self, model: ModelInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE_M)
        self._icon = QLabel()
        self._icon.setFixedSize(ROW_ICON, ROW_ICON)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(SPACE_S // 2)
        self.name_label = _label(model.id, None)
        self.name_label.setToolTip(plain_tooltip(str(model.path)))
        self.reason_label = _label("", "caption")
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.name_label)
        text.addWidget(self.reason_label)
        row.addLayout(text, 1)
        self._refresh_icon()
        self.retranslate()

    def retranslate(self) -> None:
        reason = model_reason(self.model)  # the core's words for it, by id, in the current language
        self.reason_label.setText(reason)
        self.setAccessibleName(
            translate("FirstRunView", "Skipped {name}: {reason}").format(name=self.model.id, reason=reason)
        )

    def _refresh_icon(self) -> None:
        self._icon.setPixmap(pixmap("warning", current_theme().warning, ROW_ICON))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)


def _label(text: str, role: str | None, centred: bool = False) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    # Wrapped labels take the column's width, not their guessed size hint (see CenteredColumn).
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label
