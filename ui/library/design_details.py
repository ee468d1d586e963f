"""The Library's inspector: the selected design larger, its prompt and settings, and what to do with it."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.generation.presets import default_presets
from app.library.models import Design
from ui.i18n import Retranslating, translate
from ui.icons import icon, pixmap
from ui.library.guidance_words import guidance_facts
from ui.library.library_model import prompt_of
from ui.library.library_style import (
    INSPECTOR_PADDING,
    INSPECTOR_WIDTH,
    PLACEHOLDER_ICON,
    THUMB_SIDE,
    TILE_RADIUS,
    with_alpha,
)
from ui.theme import (
    SPACE_L,
    SPACE_M,
    SPACE_S,
    SPACE_XL,
    SPACE_XS,
    current_theme,
    tabular_font,
)
from ui.widgets.copy_field import COPIED_MS
from ui.widgets.dates import date_time_text
from ui.widgets.picture_checks import PictureChecks
from ui.widgets.scroll_body import scrolling_body
from ui.widgets.thumbnails import ThumbnailLoader

OPEN_SHORTCUT = "Enter"  # i18n: not shown (a key's name; shown as QKeySequence writes it)
FAVOURITE_SHORTCUT = "F"
DELETE_SHORTCUT = "Delete"  # i18n: not shown (a key's name; shown as QKeySequence writes it)
SAVE_COPY_SHORTCUT = "Ctrl+Shift+S"  # i18n: not shown (a key's name; shown as QKeySequence writes it)
COPY_SHORTCUT = "Ctrl+C"  # i18n: not shown (a key's name; shown as QKeySequence writes it)
PREVIEW_WIDTH = INSPECTOR_WIDTH - 2 * INSPECTOR_PADDING
MAX_IMAGE_ASPECT = 1.25  # a tall picture may be this much taller than wide before it is letterboxed


def preview_decode_side(device_pixel_ratio: float) -> int:
    """Short side to decode the preview at: its width on screen is enough for any aspect ratio."""
    return max(THUMB_SIDE, math.ceil(PREVIEW_WIDTH * device_pixel_ratio))


def key_name(shortcut: str) -> str:
    """A shortcut as this computer and language write it."""
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def preset_label(preset_id: str) -> str:
    try:
        return default_presets().get(preset_id or "none").label
    except (OSError, ValueError, KeyError):
        return preset_id or translate("design_details", "No style")


def format_created(created_at: float) -> str:
    return date_time_text(created_at)


class DesignPreview(QWidget):
    """The selected design fitted into the panel's width, rounded; the thumbnail stands in while it loads."""

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._design: Design | None = None
        self._checks: PictureChecks | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        loader.sig_loaded.connect(self._on_loaded)

    def use_checks(self, checks: PictureChecks | None) -> None:
        """Content safety: a held-back picture is shown blurred, one being checked as the loading placeholder."""
        self._checks = checks
        if checks is not None:
            checks.checked.connect(self._on_checked)

    def set_design(self, design: Design | None) -> None:
        self._design = design
        self.updateGeometry()
        self.update()

    def _aspect(self) -> float:
        d = self._design
        if d is None or d.width <= 0 or d.height <= 0:
            return 1.0
        return min(MAX_IMAGE_ASPECT, d.height / d.width)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self._aspect())

    def sizeHint(self) -> QSize:
        return QSize(PREVIEW_WIDTH, self.heightForWidth(PREVIEW_WIDTH))

    def resizeEvent(self, event) -> None:
        self.setFixedHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def picture(self):
        """The best picture available now: the large one, else any cached size, else None."""
        if self._design is None:
            return None
        if self._checks is not None:
            return self._checks.shown(self._design, self._picture)
        return self._picture()

    def _picture(self):
        path = self._design.image_path
        return self._loader.get(path, preview_decode_side(self.devicePixelRatioF())) or self._loader.best_cached(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = current_theme()
        painter = QPainter(self)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        box = QRectF(self.rect())
        picture = self.picture()
        if picture is not None and not picture.isNull():
            scale = min(box.width() / picture.width(), box.height() / picture.height())
            w, h = picture.width() * scale, picture.height() * scale
            target = QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)
            shape = QPainterPath()
            shape.addRoundedRect(target, TILE_RADIUS, TILE_RADIUS)
            painter.setClipPath(shape)
            painter.drawPixmap(target, picture, QRectF(picture.rect()))
        else:
            shape = QPainterPath()
            shape.addRoundedRect(box, TILE_RADIUS, TILE_RADIUS)
            painter.fillPath(shape, with_alpha(theme.raised, 1.0))
            glyph = pixmap("image", theme.text_disabled, PLACEHOLDER_ICON)
            painter.drawPixmap(
                round(box.center().x() - PLACEHOLDER_ICON / 2), round(box.center().y() - PLACEHOLDER_ICON / 2), glyph
            )
        painter.end()

    def _on_loaded(self, path: str, _side: int) -> None:
        if self._design is not None and path == self._design.image_path:
            self.update()

    def _on_checked(self, design_id: str) -> None:
        if self._design is not None and design_id == self._design.id:
            self.update()


class DesignDetailsPanel(Retranslating, QFrame):
    sig_open_requested = Signal()
    sig_favourite_requested = Signal()  # toggle the shown design's favourite
    sig_parent_requested = Signal(str)  # the id of the design this one was refined from
    sig_delete_requested = Signal()  # remove the shown design (the view offers Undo)
    sig_save_requested = Signal()  # save a copy of the shown design's PNG (the view asks where)
    sig_copy_requested = Signal()  # put the shown design's picture on the clipboard

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryInspector")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(INSPECTOR_WIDTH)
        self._design: Design | None = None
        self._parent_available = False
        self._setup_ui(loader)
        self.retranslate()

    def _setup_ui(self, loader: ThumbnailLoader) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll, body = scrolling_body(outer, "inspectorScroll")
        self._scroll = scroll
        layout = QVBoxLayout(body)
        p = INSPECTOR_PADDING
        layout.setContentsMargins(p, p, p, p)
        layout.setSpacing(0)

        self.preview = DesignPreview(loader)
        layout.addWidget(self.preview)
        self.held_back_label = QLabel()  # why the picture is blurred (content safety), under it
        self.held_back_label.setObjectName("heldBackNote")
        self.held_back_label.setWordWrap(True)
        self.held_back_label.setProperty("role", "caption")
        self.held_back_label.setContentsMargins(0, SPACE_S, 0, 0)
        self.held_back_label.hide()
        layout.addWidget(self.held_back_label)
        layout.addSpacing(SPACE_L)
        self._checks: PictureChecks | None = None

        actions = QHBoxLayout()
        actions.setSpacing(SPACE_S)
        self.open_button = QPushButton()
        self.open_button.setProperty("primary", True)
        self.open_button.clicked.connect(self.sig_open_requested)
        actions.addWidget(self.open_button, 1)
        self.favourite_button = QPushButton()
        self.favourite_button.setCheckable(True)
        self.favourite_button.setMinimumWidth(0)
        self.favourite_button.setObjectName("iconButton")
        self.favourite_button.setIconSize(QSize(20, 20))
        self.favourite_button.clicked.connect(self._on_favourite_clicked)
        actions.addWidget(self.favourite_button)
        layout.addLayout(actions)
        # The picture out of the app: secondary, under the primary action; not at a kiosk.
        self.files_row = QWidget()
        files = QHBoxLayout(self.files_row)
        files.setContentsMargins(0, SPACE_S, 0, 0)
        files.setSpacing(SPACE_S)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveCopy")
        self.save_button.clicked.connect(self.sig_save_requested)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyPicture")
        self.copy_button.clicked.connect(self.sig_copy_requested)
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(COPIED_MS)
        self._copied_timer.timeout.connect(self._say_copy)
        for button in (self.save_button, self.copy_button):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # halves, whatever the words
            files.addWidget(button, 1)
        layout.addWidget(self.files_row)
        self.pictures_allowed = True  # the view turns it off where files and the clipboard are not for visitors
        layout.addSpacing(SPACE_XL)

        self.prompt_caption = _caption()
        layout.addWidget(self.prompt_caption)
        layout.addSpacing(SPACE_XS)
        self.prompt_label = _value_label()
        self.prompt_label.setObjectName("inspectorPrompt")
        layout.addWidget(self.prompt_label)
        layout.addSpacing(SPACE_XL)

        facts = QGridLayout()
        facts.setHorizontalSpacing(SPACE_L)
        facts.setVerticalSpacing(SPACE_M)
        facts.setColumnStretch(1, 1)
        self.fact_captions: list[QLabel] = []
        self.preset_label = self._add_fact(facts, 0)
        self.seed_label = self._add_fact(facts, 1, tabular=True)
        self.size_label = self._add_fact(facts, 2, tabular=True)
        self.model_label = self._add_fact(facts, 3)
        self.created_label = self._add_fact(facts, 4, tabular=True)
        layout.addLayout(facts)
        # How the shape was guided (view, mask, ControlNet, LoRAs, a loaded picture): rows under the other facts,
        # aligned with them, made as a design needs them; only the facts that apply are shown.
        self._facts_grid = facts
        self.guidance_rows: list[tuple[QLabel, QLabel]] = []

        self.lineage_box = QWidget()
        lineage = QVBoxLayout(self.lineage_box)
        lineage.setContentsMargins(0, SPACE_XL, 0, 0)
        lineage.setSpacing(SPACE_S)
        self.lineage_caption = _caption()
        lineage.addWidget(self.lineage_caption)
        self.parent_button = QPushButton()
        self.parent_button.clicked.connect(self._on_parent_clicked)
        self.parent_missing_label = _value_label()
        self.parent_missing_label.setProperty("role", "secondary")
        lineage.addWidget(self.parent_button, 0, Qt.AlignmentFlag.AlignLeft)
        lineage.addWidget(self.parent_missing_label)
        layout.addWidget(self.lineage_box)
        layout.addStretch(1)
        # Last and quiet: removing is rare, so it never sits beside the primary action.
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteDesign")
        self.delete_button.clicked.connect(self.sig_delete_requested)
        layout.addSpacing(SPACE_XL)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.delete_allowed = True  # the view turns it off where removing is not allowed (a kiosk, read-only)

        self.hint_label = _value_label()
        self.hint_label.setProperty("role", "secondary")
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.insertWidget(1, self.hint_label)
        direct = body.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        self._content = [w for w in direct if w not in (self.preview, self.hint_label, self.held_back_label)]
        self.refresh_icons()

    def _add_fact(self, grid: QGridLayout, row: int, *, tabular: bool = False) -> QLabel:
        self.fact_captions.append(_caption())
        grid.addWidget(self.fact_captions[-1], row, 0, Qt.AlignmentFlag.AlignTop)
        value = _value_label()
        if tabular:
            value.setFont(tabular_font(value.font()))
        grid.addWidget(value, row, 1)
        return value

    def retranslate(self) -> None:
        """The fixed words in the language in use; then the design shown is shown again (its "Unknown", its star)."""
        self.open_button.setText(translate("DesignDetailsPanel", "Open in the studio"))
        self.open_button.setToolTip(
            translate("DesignDetailsPanel", "Open this design in the Design studio to refine it ({shortcut})").format(
                shortcut=key_name(OPEN_SHORTCUT)
            )
        )
        self.prompt_caption.setText(translate("DesignDetailsPanel", "Prompt"))
        facts = (
            translate("DesignDetailsPanel", "Style"),
            translate("DesignDetailsPanel", "Seed"),
            translate("DesignDetailsPanel", "Size"),
            translate("DesignDetailsPanel", "Model"),
            translate("DesignDetailsPanel", "Created"),
        )
        for caption, words in zip(self.fact_captions, facts, strict=True):
            caption.setText(words)
        self.lineage_caption.setText(translate("DesignDetailsPanel", "Refined from"))
        self.parent_button.setText(translate("DesignDetailsPanel", "Show the original"))
        self.parent_button.setToolTip(translate("DesignDetailsPanel", "Select the design this one was refined from"))
        self.parent_missing_label.setText(translate("DesignDetailsPanel", "The original is no longer in the library."))
        self.delete_button.setText(translate("DesignDetailsPanel", "Remove from library"))
        self.delete_button.setToolTip(
            translate(
                "DesignDetailsPanel", "Remove this design and its descriptions from the library ({shortcut})"
            ).format(shortcut=key_name(DELETE_SHORTCUT))
        )
        self.save_button.setText(translate("DesignDetailsPanel", "Save as…"))
        self.save_button.setToolTip(
            translate(
                "DesignDetailsPanel", "Save this design's PNG, with its settings inside, where you choose ({shortcut})"
            ).format(shortcut=key_name(SAVE_COPY_SHORTCUT))
        )
        self._say_copy()
        self.copy_button.setToolTip(
            translate("DesignDetailsPanel", "Copy the picture, to paste it into another app ({shortcut})").format(
                shortcut=key_name(COPY_SHORTCUT)
            )
        )
        self.hint_label.setText(
            translate("DesignDetailsPanel", "Select a design to see it larger, with its prompt and settings.")
        )
        self.set_design(self._design, parent_available=self._parent_available)
        self._fit_width()

    # --- API -----------------------------------------------------------------------------------

    def design(self) -> Design | None:
        return self._design

    def use_checks(self, checks: PictureChecks | None) -> None:
        """Content safety: a held-back picture is blurred, and the panel says why under it."""
        self._checks = checks
        self.preview.use_checks(checks)
        if checks is not None:
            checks.checked.connect(self._show_held_back)

    def _show_held_back(self, *_args) -> None:
        message = self._checks.message(self._design) if self._checks is not None and self._design else None
        self.held_back_label.setText(str(message) if message is not None else "")  # said in the language shown now
        self.held_back_label.setVisible(message is not None)
        # A held-back picture (or one still being checked) leaves the app no more than it is shown unblurred.
        usable = self._design is not None and (self._checks is None or self._checks.may_use(self._design))
        for button in (self.save_button, self.copy_button):
            button.setEnabled(usable)

    def show_copied(self) -> None:
        """Copy image says "Copied" for a moment: the clipboard itself shows nothing."""
        self.copy_button.setText(translate("DesignDetailsPanel", "Copied"))
        self._copied_timer.start()

    def _say_copy(self) -> None:
        self._copied_timer.stop()
        self.copy_button.setText(translate("DesignDetailsPanel", "Copy image"))

    def set_design(self, design: Design | None, *, parent_available: bool = False) -> None:
        self._design = design
        self._parent_available = parent_available
        self.preview.set_design(design)
        self._show_held_back()
        for widget in self._content:
            widget.setVisible(design is not None)
        self.delete_button.setVisible(design is not None and self.delete_allowed)
        self.files_row.setVisible(design is not None and self.pictures_allowed)
        self.hint_label.setVisible(design is None)
        self.open_button.setEnabled(design is not None)
        self.favourite_button.setEnabled(design is not None)
        if design is None:
            self.favourite_button.setChecked(False)
            self.refresh_icons()
            return
        self.prompt_label.setText(prompt_of(design))
        self.preset_label.setText(preset_label(design.request.preset))
        self.seed_label.setText(str(design.seed))
        self.size_label.setText(f"{design.width} × {design.height}")
        self.model_label.setText(design.model_name or translate("DesignDetailsPanel", "Unknown"))
        self.created_label.setText(format_created(design.created_at))
        self._show_guidance(design)
        self.lineage_box.setVisible(bool(design.parent_id))
        self.parent_button.setVisible(bool(design.parent_id) and parent_available)
        self.parent_missing_label.setVisible(bool(design.parent_id) and not parent_available)
        self.favourite_button.setChecked(design.favourite)
        self.refresh_icons()

    def _show_guidance(self, design: Design) -> None:
        facts = guidance_facts(design.request)
        while len(self.guidance_rows) < len(facts):
            caption, value = _caption(), _value_label()
            row = len(self.fact_captions) + len(self.guidance_rows)
            self._facts_grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            self._facts_grid.addWidget(value, row, 1)
            self.guidance_rows.append((caption, value))
        for index, (caption, value) in enumerate(self.guidance_rows):
            shown = index < len(facts)
            caption.setText(facts[index][0] if shown else "")
            value.setText(facts[index][1] if shown else "")
            caption.setVisible(shown)
            value.setVisible(shown)

    # --- slots ---------------------------------------------------------------------------------

    def _on_favourite_clicked(self) -> None:
        # The button shows the stored state, which only changes once the library has saved it.
        self.favourite_button.setChecked(bool(self._design and self._design.favourite))
        self.sig_favourite_requested.emit()

    def _on_parent_clicked(self) -> None:
        if self._design is not None and self._design.parent_id:
            self.sig_parent_requested.emit(self._design.parent_id)

    def refresh_icons(self) -> None:
        theme = current_theme()
        favourite = bool(self._design and self._design.favourite)
        self.favourite_button.setIcon(icon("star-filled", theme.accent) if favourite else icon("star", theme.text))
        if favourite:
            words = translate("DesignDetailsPanel", "Remove from favourites")
            tip = translate("DesignDetailsPanel", "Remove from favourites ({shortcut})")
        else:
            words = translate("DesignDetailsPanel", "Add to favourites")
            tip = translate("DesignDetailsPanel", "Add to favourites ({shortcut})")
        self.favourite_button.setToolTip(tip.format(shortcut=key_name(FAVOURITE_SHORTCUT)))
        self.favourite_button.setAccessibleName(words)
        self.open_button.setIcon(icon("design", theme.on_accent))
        self.parent_button.setIcon(icon("lineage", theme.text))
        self.delete_button.setIcon(icon("trash", theme.text_secondary))
        self.save_button.setIcon(icon("download", theme.text))
        self.copy_button.setIcon(icon("copy", theme.text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_icons()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_width()
        super().changeEvent(event)

    def _fit_width(self) -> None:
        """Wide enough that "Open in the studio" (bold, beside the star) and the two halves under it are never cut, as
        in the kiosk's larger type."""
        bold = QFont(self.open_button.font())
        bold.setWeight(QFont.Weight.DemiBold)
        words = QFontMetrics(bold).horizontalAdvance(self.open_button.text())
        button = words + self.open_button.iconSize().width() + SPACE_XS + 2 * SPACE_L + 4  # padding, focus border
        star = max(self.favourite_button.sizeHint().width(), self.favourite_button.sizeHint().height())
        half = max(b.fontMetrics().horizontalAdvance(b.text()) for b in (self.save_button, self.copy_button))
        half += self.save_button.iconSize().width() + SPACE_XS + 2 * SPACE_L + 4
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        row = max(button + SPACE_S + star, 2 * half + SPACE_S)
        self.setFixedWidth(max(INSPECTOR_WIDTH, row + 2 * INSPECTOR_PADDING + bar))


def _caption(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "caption")
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # prompts and model names come from people and files
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label
