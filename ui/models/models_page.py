"""Every model SM6 Studio found, in three sections: the models that paint, the ControlNets that guide the shape, and
the LoRAs that add a style; each with its family, size and short hash, and each file that cannot be used with why.

Names, paths and reasons come from files on disk: plain text only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.generation.backend import ModelInfo
from ui.i18n import Retranslating, translate
from ui.icons import pixmap
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS, current_theme
from ui.widgets.card import Card
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.folder_row import human_size, plain_tooltip
from ui.widgets.model_picker import model_label, model_reason
from ui.widgets.status_chip import StatusChip

KINDS = ("checkpoint", "controlnet", "lora")
ROW_ICON = 18
PAGE_WIDTH = 760  # a calm reading width; the page scrolls when the lists are long


def section_title(kind: str) -> str:
    if kind == "controlnet":
        return translate("ModelsPage", "ControlNets (shape guides)")
    if kind == "lora":
        return translate("ModelsPage", "LoRAs")
    return translate("ModelsPage", "Models")


def empty_text(kind: str) -> str:
    if kind == "controlnet":
        return translate(
            "ModelsPage",
            "No ControlNet yet. A ControlNet keeps the SM6's outline while the model paints: import one, or put it "
            "in the controlnet folder of your models.",
        )
    if kind == "lora":
        return translate(
            "ModelsPage",
            "No LoRA yet. A LoRA adds a style or a look to a model of its family: import one, or put it in the lora "
            "folder of your models.",
        )
    return translate("ModelsPage", "No model yet. Import a Stable Diffusion checkpoint or a diffusers folder.")


def tags(model: ModelInfo) -> list[str]:
    """The small words beside a model's family: what makes it behave differently."""
    out = []
    if model.variant == "inpainting":
        out.append(translate("ModelsPage", "Inpainting"))
    if model.speed == "turbo":
        out.append(translate("ModelsPage", "Turbo"))
    elif model.speed == "lcm":
        out.append(translate("ModelsPage", "LCM"))
    if model.kind == "controlnet":
        out.append(translate("ModelsPage", "Depth") if model.hint == "depth" else translate("ModelsPage", "Edges"))
    return out


class ModelsPage(Retranslating, QWidget):
    sig_import_requested = Signal()
    sig_rescan_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, may_use_files: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("modelsPage")
        self._may_use_files = may_use_files
        self._models: list[ModelInfo] = []
        self._setup_ui()
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(translate("ModelsPage", "Installed models"))
        self.intro_label.setText(
            translate(
                "ModelsPage",
                "Models paint your SM6; ControlNets keep its shape; LoRAs add a style. Each must be of the model's "
                "family (SD 1.x, SD 2.x or SDXL).",
            )
        )
        self.import_button.setText(translate("ModelsPage", "Import model…"))
        self.import_button.setToolTip(translate("ModelsPage", "Import a checkpoint, ControlNet or LoRA"))
        self.rescan_button.setText(translate("ModelsPage", "Check again"))
        self.rescan_button.setToolTip(translate("ModelsPage", "Look for new models in the models folders"))
        for kind, card in self.cards.items():
            card.set_title(section_title(kind))
            self._empty[kind].setText(empty_text(kind))

    # --- layout --------------------------------------------------------------------------------

    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)
        page = QWidget()
        page.setAutoFillBackground(False)
        page.setMaximumWidth(PAGE_WIDTH)
        holder = QWidget()
        holder.setAutoFillBackground(False)
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        centred.addStretch(1)
        centred.addWidget(page, 100)
        centred.addStretch(1)
        scroll.setWidget(holder)
        outer.addWidget(scroll)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE_L)
        head = QHBoxLayout()
        head.setSpacing(SPACE_M)
        text = QVBoxLayout()
        text.setSpacing(SPACE_XS)
        self.title_label = _label("section")
        self.intro_label = _label("secondary")
        text.addWidget(self.title_label)
        text.addWidget(self.intro_label)
        head.addLayout(text, 1)
        self.rescan_button = QPushButton()
        self.rescan_button.clicked.connect(self.sig_rescan_requested)
        self.import_button = QPushButton()
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.sig_import_requested)
        self.import_button.setVisible(self._may_use_files)  # a file dialog: not for a visitor
        head.addWidget(self.rescan_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.cards: dict[str, Card] = {}
        self._rows: dict[str, QVBoxLayout] = {}
        self._empty: dict[str, QLabel] = {}
        for kind in KINDS:
            card = self.cards[kind] = Card("", padding=SPACE_L)
            rows = self._rows[kind] = QVBoxLayout()
            rows.setSpacing(SPACE_M)
            card.add_layout(rows)
            self._empty[kind] = _label("caption")
            card.add_widget(self._empty[kind])
            layout.addWidget(card)
        layout.addStretch(1)

    # --- API -----------------------------------------------------------------------------------

    def set_models(self, models: list[ModelInfo]) -> None:
        """Show `models` (every kind, usable or not) in their sections: usable ones first, by name."""
        self._models = list(models)
        for kind in KINDS:
            rows = self._rows[kind]
            while rows.count():
                item = rows.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
            mine = [m for m in self._models if m.kind == kind]
            mine.sort(key=lambda m: (not m.usable, m.id.lower()))
            for model in mine:
                rows.addWidget(ModelRow(model))
            self._empty[kind].setVisible(not mine)

    def shown(self, kind: str) -> list[str]:
        """The ids listed in a section, in order (for tests and accessibility checks)."""
        rows = self._rows[kind]
        return [rows.itemAt(i).widget().model.id for i in range(rows.count()) if rows.itemAt(i).widget()]

    def row(self, model_id: str) -> "ModelRow | None":
        return next((r for r in self.findChildren(ModelRow) if r.model.id == model_id), None)


class ModelRow(Retranslating, QWidget):
    """An icon, the name, then its family and tags as chips, and its size and short hash; or why it cannot be used."""

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
        text.setSpacing(SPACE_XS)
        # The name and its chips on one line keep a long list short; a long name gives way with "…".
        line = QHBoxLayout()
        line.setSpacing(SPACE_S)
        self.name_label = ElidedLabel()
        line.addWidget(self.name_label, 0, Qt.AlignmentFlag.AlignVCenter)
        line.addSpacing(SPACE_XS)
        self.chips: list[StatusChip] = []
        for _ in range(1 + len(tags(model)) if model.usable else 0):
            chip = StatusChip("", "neutral")
            self.chips.append(chip)
            line.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
        line.addStretch(1)
        text.addLayout(line)
        self.detail_label = _label("caption")
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.detail_label)
        row.addLayout(text, 1)
        self._refresh_icon()
        self.retranslate()

    def retranslate(self) -> None:
        model = self.model
        self.name_label.set_full_text(model_label(model) if model.usable else model.id)
        self.name_label.setToolTip(plain_tooltip(str(model.path)))
        if not model.usable:
            reason = model_reason(model)
            self.detail_label.setText(reason)
            self.setAccessibleName(
                translate("ModelsPage", "{name} can't be used: {reason}").format(name=model.id, reason=reason)
            )
            return
        for chip, word in zip(self.chips, [model.arch_label, *tags(model)], strict=True):
            chip.set_text(word)
        size = human_size(model.size_bytes)
        if model.short_hash:
            detail = translate("ModelsPage", "{size} · hash {hash}").format(size=size, hash=model.short_hash)
        else:
            detail = translate("ModelsPage", "{size} · hash not computed yet").format(size=size)
        self.detail_label.setText(detail)
        self.setAccessibleName(f"{self.name_label.full_text()}, {', '.join(c.text() for c in self.chips)}, {detail}")

    def _refresh_icon(self) -> None:
        theme = current_theme()
        if self.model.usable:
            self._icon.setPixmap(pixmap("model", theme.text_secondary, ROW_ICON))
        else:
            self._icon.setPixmap(pixmap("warning", theme.warning, ROW_ICON))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)


def _label(role: str | None) -> QLabel:
    label = QLabel()
    if role:
        label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label
