"""A combo box of the models the registry found: usable ones to choose, unusable ones listed but greyed out.

Each usable entry reads "label · SD 1.x · 4a3b2c1d0e" (the short hash once it is known; an inpainting or
few-step checkpoint says so after its family: "· Turbo"), the demo model says that it is the demo, and an
unusable entry explains itself in its tooltip so the list never silently hides files.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from app.generation.backend import ModelInfo
from ui.i18n import translate
from ui.icons import icon
from ui.theme import SPACE_M, SPACE_XL, current_theme
from ui.widgets.folder_row import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole
ICON_SIZE = 16
MIN_CHARS = 28  # wide enough for a typical name without letting a long one push the layout around
POPUP_MAX_WIDTH = 720
ITEM_HEIGHT = SPACE_XL + SPACE_M  # 36: roomy rows that are easy to hit
SEPARATOR = " · "


def model_label(model: ModelInfo) -> str:
    """The model's name in the current language (the demo model is named in words; a file by its own name)."""
    if model.is_demo:
        return translate("ModelPicker", "Demo model (random weights, abstract images)")
    return model.label


def model_reason(model: ModelInfo) -> str:
    """Why a model cannot be used, in the current language; "" for a usable one."""
    if model.error_msg is not None:
        return model.error_msg.render()
    return model.error or ""


def model_tag(model: ModelInfo) -> tuple[str, str]:
    """The small word for a checkpoint that behaves differently (inpainting, few-step), and what it means; ("", "")
    for a plain one."""
    if model.variant == "inpainting":
        return translate("ModelPicker", "Inpainting"), translate(
            "ModelPicker", "Inpainting model: it repaints the car or the scene around what it keeps"
        )
    if model.speed == "turbo":
        return translate("ModelPicker", "Turbo"), translate(
            "ModelPicker", "Few-step model: one step, no guidance — fast enough for live mode"
        )
    if model.speed == "lcm":
        return translate("ModelPicker", "LCM"), translate("ModelPicker", "Few-step model: about four steps")
    return "", ""


def model_text(model: ModelInfo) -> str:
    """What the list shows for one model."""
    if not model.usable:
        return translate("ModelPicker", "{name} — can't be used").format(name=model.id)
    tag, _meaning = model_tag(model)
    parts = [model_label(model), model.arch_label, *([tag] if tag else [])]
    if model.short_hash:
        parts.append(model.short_hash)
    return SEPARATOR.join(parts)


class ModelPicker(QComboBox):
    sig_model_chosen = Signal(str)  # model id; only on the user's choice, never on set_models

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(MIN_CHARS)
        self._models: list[ModelInfo] = []
        self._item_model = QStandardItemModel(self)
        self.setModel(self._item_model)
        # The default popup delegate paints like a menu and ignores the stylesheet's selection colours
        # (light text on the accent); a styled delegate follows the theme and draws the separator.
        self.setItemDelegate(QStyledItemDelegate(self))
        # `activated` fires only for the user's pick, so refilling the list never looks like a choice.
        self.activated.connect(self._on_activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(translate("ModelPicker", "Model"))
        self.setToolTip(translate("ModelPicker", "The model that paints your design"))
        self.setPlaceholderText(translate("ModelPicker", "No model"))
        if self._models:
            self.set_models(self._models, self.current_model_id())  # the entries' words, the selection kept

    # --- API -----------------------------------------------------------------------------------

    def set_models(self, models: list[ModelInfo], current_id: str = "") -> None:
        """Show `models` and select `current_id` (else the first usable one); emits nothing."""
        self._models = list(models)
        usable = [m for m in models if m.usable]
        unusable = [m for m in models if not m.usable]
        self.blockSignals(True)
        try:
            self._item_model.clear()
            for model in usable:
                self._item_model.appendRow(self._item(model))
            if usable and unusable:
                self.insertSeparator(self.count())
            for model in unusable:
                self._item_model.appendRow(self._item(model))
            chosen = next((m for m in usable if m.id == current_id), usable[0] if usable else None)
            self.setCurrentIndex(self.findData(chosen.id, ID_ROLE) if chosen else -1)
        finally:
            self.blockSignals(False)
        self.setEnabled(bool(usable))
        self._fit_popup()

    def current_model_id(self) -> str:
        """The selected usable model's id, or "" when there is none."""
        value = self.currentData(ID_ROLE)
        return value if isinstance(value, str) else ""

    def models(self) -> list[ModelInfo]:
        return list(self._models)

    def item_texts(self) -> list[str]:
        """Every entry as shown, separators left out."""
        return [self.itemText(i) for i in range(self.count()) if self.itemData(i, ID_ROLE) is not None]

    def is_selectable(self, model_id: str) -> bool:
        index = self.findData(model_id, ID_ROLE)
        return index >= 0 and bool(self._item_model.item(index).flags() & Qt.ItemFlag.ItemIsEnabled)

    # --- behaviour -----------------------------------------------------------------------------

    def _item(self, model: ModelInfo) -> QStandardItem:
        theme = current_theme()
        item = QStandardItem(model_text(model))
        item.setData(model.id, ID_ROLE)
        item.setSizeHint(QSize(0, ITEM_HEIGHT))
        if model.usable:
            item.setIcon(icon("dice" if model.is_demo else "model", theme.text_secondary, ICON_SIZE))
            if model.is_demo:
                hint = translate("ModelPicker", "Demo model: random weights, abstract images — for trying the workflow")
            elif model.format == "diffusers":
                hint = translate("ModelPicker", "{arch} folder").format(arch=model.arch_label)
            else:
                hint = translate("ModelPicker", "{arch} checkpoint").format(arch=model.arch_label)
            meaning = model_tag(model)[1]
            item.setToolTip(plain_tooltip("\n".join(line for line in (hint, meaning, str(model.path)) if line)))
        else:
            # Shown but not selectable, so nobody wonders where their file went; the reason is one hover away.
            item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable))
            item.setIcon(icon("warning", theme.warning, ICON_SIZE))
            item.setToolTip(
                plain_tooltip(model_reason(model) or translate("ModelPicker", "This model cannot be used."))
            )
        return item

    def _fit_popup(self) -> None:
        # The popup may be wider than the closed combo, so long names are readable when choosing.
        metrics = self.view().fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        self.view().setMinimumWidth(min(widest + ICON_SIZE + 3 * SPACE_XL, POPUP_MAX_WIDTH))

    def _on_activated(self, index: int) -> None:
        model_id = self.itemData(index, ID_ROLE)
        if isinstance(model_id, str) and self.is_selectable(model_id):
            self.sig_model_chosen.emit(model_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange and self._models:
            current = self.current_model_id()
            self.set_models(self._models, current)  # re-tint the icons for the new theme
        super().changeEvent(event)
