"""The studio's inspector: what to make (words, style, starting point) first, the finer settings folded away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.generation.request import MAX_BATCH, MAX_SIDE, MAX_STEPS, MIN_SIDE, SCHEDULERS
from app.generation.schedulers import scheduler_label
from app.kiosk import DESKTOP, Policy
from ui.bind import bind
from ui.design.few_step_note import FewStepNote
from ui.design.guidance_panel import GuideMissingNote, GuidePanel
from ui.design.lora_list import LoraList
from ui.design.picture_loader import LoadPictureButton, PictureLoader
from ui.design.queue_panel import QueuePanel
from ui.design.view_picker import BaseArtOptions
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from ui.widgets.form_layout import form_layout
from ui.widgets.manage_models_button import ManageModelsButton
from ui.widgets.model_picker import ModelPicker

PANEL_WIDTH = 392  # at least; wider when the starting-point buttons need it (a kiosk's larger type)
PROMPT_HEIGHT = 80  # three lines of body text
BATCH_WIDTH = 144
MODEL_CHARS = 10  # the model and size lists show at least this many characters, "…" after
SIDE_MIN_WIDTH = 96
SIZES = [
    ("square", 512, 512),
    ("landscape", 768, 512),
    ("portrait", 512, 768),
    ("xl_square", 1024, 1024),
    ("xl_wide", 1216, 832),
]
SOURCES = ("base", "none", "design")  # "picture": the button beside the title loads one


def _size_name(key: str) -> str:
    return {
        "square": translate("ControlsPanel", "Square"),
        "landscape": translate("ControlsPanel", "Landscape"),
        "portrait": translate("ControlsPanel", "Portrait"),
        "xl_square": translate("ControlsPanel", "SDXL square"),
        "xl_wide": translate("ControlsPanel", "SDXL wide"),
    }[key]


def _source_words(key: str) -> tuple[str, str]:
    """A starting point's button label and tooltip."""
    return {
        "base": (
            translate("ControlsPanel", "SM6 shape"),
            translate("ControlsPanel", "Start from the SM6 artwork, so the result keeps the car's silhouette"),
        ),
        "none": (translate("ControlsPanel", "Blank"), translate("ControlsPanel", "Start from noise: anything goes")),
        "design": (
            translate("ControlsPanel", "This design"),
            translate("ControlsPanel", "Refine the design in the preview"),
        ),
    }[key]


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "caption")
    label.setWordWrap(True)
    return label


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "emphasis")
    return label


def _group(parent_layout: QVBoxLayout, title: str | QWidget | None = None) -> QVBoxLayout:
    """A section of the inspector: its title close to its controls (8 px), sections apart (parent spacing)."""
    group = QVBoxLayout()
    group.setContentsMargins(0, 0, 0, 0)
    group.setSpacing(SPACE_S)
    if title is not None:
        group.addWidget(_section(title) if isinstance(title, str) else title)
    parent_layout.addLayout(group)
    return group


class ControlsPanel(Retranslating, QScrollArea):
    """Laid out to fit a 1280×800 window without scrolling: what to make, the starting point, how many, and what
    the model will be told; the seed and the finer settings are folded under "Advanced settings"."""

    def __init__(self, vm, parent: QWidget | None = None, *, policy: Policy = DESKTOP) -> None:
        super().__init__(parent)
        self.vm = vm
        self.policy = policy
        self.setObjectName("inspector")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._setup_ui()
        self._bind()
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            self.prompt_title: translate("ControlsPanel", "Describe your SM6"),
            self.style_title: translate("ControlsPanel", "Style"),
            self.source_title: translate("ControlsPanel", "Starting point"),
            self.keep_title: translate("ControlsPanel", "Keep the shape"),
            self.variations_title: translate("ControlsPanel", "Variations"),
            self.final_title: translate("ControlsPanel", "What the model sees"),
        }
        for label, text in titles.items():
            label.setText(text)
        self.prompt.setPlaceholderText(
            translate("ControlsPanel", "Colour, wheels, lights, mood… e.g. “pearl white with rose-gold trim at dusk”")
        )
        self.prompt.setAccessibleName(translate("ControlsPanel", "Prompt"))
        self._show_prompt_problem()
        for index in range(self.preset.count()):  # the labels follow the language (app/generation/presets.py)
            self.preset.setItemText(index, self.vm.presets.get(self.preset.itemData(index)).label)
        self.preset.setAccessibleName(translate("ControlsPanel", "Style preset"))
        self._on_preset_changed(self.vm.preset)
        for key, button in self.source_buttons.items():
            label, tip = _source_words(key)
            button.setText(label)
            button.setToolTip(tip)
        self.keep_shape.setAccessibleName(translate("ControlsPanel", "Keep the shape"))
        self.keep_shape.setToolTip(
            translate("ControlsPanel", "More keeps the starting image's shape; less lets the style take over")
        )
        self.batch.setAccessibleName(translate("ControlsPanel", "Variations"))
        self._on_batch_changed(self.vm.batch)
        self.advanced_toggle.setText(translate("ControlsPanel", "Advanced settings"))
        self.advanced_toggle.setToolTip(
            translate("ControlsPanel", "Seed, model, size, steps, guidance, sampler and what to avoid")
        )
        self._retranslate_advanced()
        self.final_negative.setText(self._avoid_text(self.vm.final_negative))
        self._fit_width()
        self._fit_spacing()

    def _retranslate_advanced(self) -> None:
        rows = {
            "seed": translate("ControlsPanel", "Seed"),
            "model": translate("ControlsPanel", "Model"),
            "size": translate("ControlsPanel", "Size"),
            "steps": translate("ControlsPanel", "Steps"),
            "guidance": translate("ControlsPanel", "Guidance"),
            "sampler": translate("ControlsPanel", "Sampler"),
            "loras": translate("ControlsPanel", "LoRAs"),
            "avoid": translate("ControlsPanel", "Avoid"),
        }
        for key, text in rows.items():
            self.form_labels[key].setText(text)
        self.seed.setAccessibleName(translate("ControlsPanel", "Seed"))
        self.random_seed.setText(translate("ControlsPanel", "Random"))
        self.random_seed.setToolTip(
            translate("ControlsPanel", "Draw a new seed for every generation; untick to repeat one exactly")
        )
        self.random_seed.setAccessibleName(translate("ControlsPanel", "Random seed"))
        self.import_model.setToolTip(translate("ControlsPanel", "Import model…"))
        self.import_model.setAccessibleName(translate("ControlsPanel", "Import model"))
        for index, (key, width, height) in enumerate(SIZES):
            words = translate("ControlsPanel", "{name} · {width} × {height}")
            self.size.setItemText(index, words.format(name=_size_name(key), width=width, height=height))
        self.size.setItemText(len(SIZES), translate("ControlsPanel", "Custom"))
        self.width_spin.setAccessibleName(translate("ControlsPanel", "Width"))
        self.height_spin.setAccessibleName(translate("ControlsPanel", "Height"))
        self.negative.setPlaceholderText(translate("ControlsPanel", "What to avoid, e.g. “dented, rusty”"))

    @staticmethod
    def _avoid_text(negative: str) -> str:
        return translate("ControlsPanel", "Avoid: {words}").format(words=negative) if negative else ""

    def _setup_ui(self) -> None:
        body = QWidget()
        body.setObjectName("inspectorBody")
        layout = self._body_layout = QVBoxLayout(body)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_L)
        layout.setSpacing(SPACE_L)

        # Every word is set in retranslate(), in the language shown.
        self.prompt_title, self.style_title, self.source_title = _section(""), _section(""), _section("")
        self.variations_title, self.final_title = _section(""), _section("")
        group = _group(layout, self.prompt_title)
        self.prompt = QPlainTextEdit()
        self.prompt.setTabChangesFocus(True)
        self.prompt.setFixedHeight(PROMPT_HEIGHT)
        group.addWidget(self.prompt)
        self.prompt_note = QLabel()  # why the words can't be used (content safety), never the word itself
        self.prompt_note.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_note.setWordWrap(True)
        self.prompt_note.hide()
        group.addWidget(self.prompt_note)

        group = _group(layout, self.style_title)
        self.preset = QComboBox()
        for preset in self.vm.presets.presets:
            self.preset.addItem(preset.label, preset.id)
        group.addWidget(self.preset)
        self.preset_caption = _caption("")
        group.addWidget(self.preset_caption)

        source_head = QHBoxLayout()
        source_head.setSpacing(SPACE_S)
        source_head.addWidget(self.source_title)
        source_head.addStretch(1)
        self.picture = PictureLoader(self.vm)  # a loaded sketch or photo, shown under the segments
        self.load_picture = LoadPictureButton(self.vm, self.picture)
        if not self.policy.may_use_files:  # it opens a file dialog (shown unparented, it would open as a window)
            self.load_picture.hide()
        source_head.addWidget(self.load_picture)
        group = _group(layout)
        group.addLayout(source_head)
        row = QHBoxLayout()
        row.setSpacing(SPACE_S)
        self.source_group = QButtonGroup(self)
        self.source_buttons: dict[str, QPushButton] = {}
        for key in SOURCES:
            button = QPushButton()
            button.setCheckable(True)
            button.setProperty("segment", True)
            self.source_group.addButton(button)
            self.source_buttons[key] = button
            row.addWidget(button, 1)
        group.addLayout(row)
        self.base_options = BaseArtOptions(self.vm, repaint=self.policy.may_see_advanced)  # view, what is repainted
        group.addWidget(self.base_options)
        group.addWidget(self.picture)
        self.keep_row = QWidget()
        keep = QHBoxLayout(self.keep_row)
        keep.setContentsMargins(0, 0, 0, 0)
        keep.setSpacing(SPACE_M)
        self.keep_title = QLabel()
        keep.addWidget(self.keep_title)
        self.keep_shape = QSlider(Qt.Orientation.Horizontal)
        self.keep_shape.setRange(0, 95)
        keep.addWidget(self.keep_shape, 1)
        self.keep_value = QLabel()
        self.keep_value.setProperty("role", "secondary")
        self.keep_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.keep_value.setMinimumWidth(self.keep_value.fontMetrics().horizontalAdvance("100%"))
        keep.addWidget(self.keep_value)
        group.addWidget(self.keep_row)
        self.guide = GuidePanel(self.vm)
        layout.addWidget(self.guide)

        var_row = QHBoxLayout()
        var_row.setSpacing(SPACE_M)
        var_row.addWidget(self.variations_title)
        var_row.addStretch(1)
        self.batch = QSpinBox()
        self.batch.setRange(1, MAX_BATCH)
        self.batch.setMinimumWidth(BATCH_WIDTH)
        var_row.addWidget(self.batch)
        layout.addLayout(var_row)

        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setIcon(icon("chevron-right"))
        # Not checkable: a disclosure, not an on/off switch, so it never takes the pressed look while open.
        self.advanced_toggle.clicked.connect(lambda: self.show_advanced(not self.advanced.isVisibleTo(self)))
        group = _group(layout)
        group.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.advanced = self._advanced_form()
        self.advanced.setVisible(False)
        group.addWidget(self.advanced)
        # The seed, sampler and model are for people who tune; a visitor gets the words, style and starting point.
        self.advanced_toggle.setVisible(self.policy.may_see_advanced)

        # What the model is told (the preset's words, what to avoid) grows with the prompt: a kiosk's inspector must
        # fit its screen whatever a visitor types, so there it is folded away with the other finer settings.
        self.final_box = QWidget()
        self.final_box.setVisible(self.policy.may_see_advanced)
        layout.addWidget(self.final_box)
        group = QVBoxLayout(self.final_box)
        group.setContentsMargins(0, 0, 0, 0)
        group.setSpacing(SPACE_S)
        group.addWidget(self.final_title)
        self.final_prompt = _caption("")
        self.final_prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.final_prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        group.addWidget(self.final_prompt)
        self.final_negative = _caption("")
        self.final_negative.setTextFormat(Qt.TextFormat.PlainText)
        group.addWidget(self.final_negative)

        layout.addStretch(1)
        self.queue = QueuePanel()
        self.queue.setVisible(False)
        layout.addWidget(self.queue)
        self.setWidget(body)

    def _advanced_form(self) -> QWidget:
        box = QWidget()
        form = form_layout(box, row_gap=SPACE_M)
        form.setContentsMargins(0, 0, 0, 0)
        keys = ("seed", "model", "size", "steps", "guidance", "sampler", "loras", "avoid")
        self.form_labels = {key: QLabel() for key in keys}
        seed_row = QHBoxLayout()
        seed_row.setSpacing(SPACE_M)
        # A line edit, not a spin box: seeds go up to 2^32 - 1 and Qt's spin boxes stop at 2^31 - 1.
        self.seed = QLineEdit()
        self.seed.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,10}"), self.seed))
        seed_row.addWidget(self.seed, 1)
        self.random_seed = QCheckBox()
        seed_row.addWidget(self.random_seed)
        form.addRow(self.form_labels["seed"], seed_row)
        model_row = QHBoxLayout()
        model_row.setSpacing(SPACE_S)
        self.model = ModelPicker()
        self.model.setMinimumContentsLength(MODEL_CHARS // 2)  # a long name is cut with "…"; two buttons share the row
        self.model.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model_row.addWidget(self.model, 1)
        self.import_model = QToolButton()
        self.import_model.setIcon(icon("import"))
        self.import_model.setVisible(self.policy.may_use_files)  # it opens a file dialog
        model_row.addWidget(self.import_model)
        self.manage_models = ManageModelsButton()  # Models…, opened by the app controller
        model_row.addWidget(self.manage_models)
        form.addRow(self.form_labels["model"], model_row)
        self.guide_missing = GuideMissingNote(self.vm)
        form.addRow("", self.guide_missing)
        self.size = QComboBox()
        self.size.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.size.setMinimumContentsLength(MODEL_CHARS)
        for _key, w, h in SIZES:
            self.size.addItem("", (w, h))
        self.size.addItem("", None)  # Custom
        self.size.activated.connect(self._on_size_chosen)
        form.addRow(self.form_labels["size"], self.size)
        dims = QHBoxLayout()
        dims.setSpacing(SPACE_S)
        self.width_spin, self.height_spin = QSpinBox(), QSpinBox()
        for spin in (self.width_spin, self.height_spin):
            # Spin boxes never go below their size hint by default: let the two share the row instead.
            spin.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            spin.setMinimumWidth(SIDE_MIN_WIDTH)
            spin.setRange(MIN_SIDE, MAX_SIDE)
            spin.setSingleStep(8)
            spin.setSuffix(" px")
        dims.addWidget(self.width_spin)
        dims.addWidget(QLabel("×"))
        dims.addWidget(self.height_spin)
        form.addRow("", dims)
        self.steps = QSpinBox()
        self.steps.setRange(1, MAX_STEPS)
        form.addRow(self.form_labels["steps"], self.steps)
        self.guidance = QDoubleSpinBox()
        self.guidance.setRange(0.0, 30.0)
        self.guidance.setSingleStep(0.5)
        self.guidance.setDecimals(1)
        form.addRow(self.form_labels["guidance"], self.guidance)
        self.scheduler = QComboBox()
        for key in SCHEDULERS:
            self.scheduler.addItem(scheduler_label(key), key)
        form.addRow(self.form_labels["sampler"], self.scheduler)
        self.few_step_note = FewStepNote(self.vm)
        form.addRow("", self.few_step_note)
        self.loras = LoraList(self.vm)
        form.addRow(self.form_labels["loras"], self.loras)
        self.negative = QPlainTextEdit()
        self.negative.setFixedHeight(64)
        self.negative.setTabChangesFocus(True)
        form.addRow(self.form_labels["avoid"], self.negative)
        return box

    def _bind(self) -> None:
        vm = self.vm
        bind(vm, "prompt", self.prompt, "plainText")
        vm.prompt_problem_changed.connect(self._show_prompt_problem)
        bind(vm, "preset", self.preset, "currentData")
        bind(vm, "batch", self.batch, "value")
        bind(vm, "random_seed", self.random_seed, "checked")
        bind(vm, "seed", self.seed, "text", to_widget=str, to_model=lambda text: int(text) if text else 0)
        bind(vm, "keep_shape", self.keep_shape, "value")
        bind(vm, "steps", self.steps, "value")
        bind(vm, "guidance", self.guidance, "value")
        bind(vm, "width", self.width_spin, "value")
        bind(vm, "height", self.height_spin, "value")
        bind(vm, "scheduler", self.scheduler, "currentData")
        bind(vm, "negative_prompt", self.negative, "plainText")
        self.model.sig_model_chosen.connect(lambda model_id: setattr(vm, "model_id", model_id))
        bind(vm, "final_prompt", self.final_prompt, "text")
        bind(vm, "final_negative", self.final_negative, "text", to_widget=self._avoid_text)
        vm.preset_changed.connect(self._on_preset_changed)
        vm.random_seed_changed.connect(lambda random: self.seed.setEnabled(not random))
        vm.keep_shape_changed.connect(lambda v: self.keep_value.setText(f"{v}%"))
        vm.batch_changed.connect(self._on_batch_changed)
        vm.source_changed.connect(self._on_source_changed)
        vm.current_design_changed.connect(lambda d: self.source_buttons["design"].setEnabled(d is not None))
        vm.width_changed.connect(self._sync_size_combo)
        vm.height_changed.connect(self._sync_size_combo)
        vm.jobs_changed.connect(self.queue.set_jobs)
        self.queue.sig_cancel_job.connect(vm.cancel_job)
        for key, button in self.source_buttons.items():
            button.clicked.connect(lambda _checked=False, k=key: setattr(vm, "source", k))
        self.seed.setEnabled(not vm.random_seed)
        self.keep_value.setText(f"{vm.keep_shape}%")
        self._on_batch_changed(vm.batch)
        self.source_buttons["design"].setEnabled(vm.current_design is not None)
        self._on_preset_changed(vm.preset)
        self._on_source_changed(vm.source)
        self._sync_size_combo()

    def _show_prompt_problem(self, *_args) -> None:
        problem = self.vm.prompt_problem
        self.prompt_note.setText(str(problem) if problem is not None else "")
        self.prompt_note.setVisible(problem is not None)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_width()
            self._fit_spacing()

    def _fit_spacing(self) -> None:
        """Sections 16 px apart, less the room a taller script adds above its words: Hangul comes from a fallback font
        with a taller line (Noto Sans KR), which already puts air above each title. Without this the Korean inspector
        would scroll at 1280×800."""
        title = self.prompt_title
        title.ensurePolished()
        taller = max(0, title.sizeHint().height() - QFontMetrics(title.font()).height())
        self._body_layout.setSpacing(max(SPACE_S, SPACE_L - taller))

    def _fit_width(self) -> None:
        """Wide enough that no starting-point label is cut, even in bold (checked) and the kiosk's larger type."""
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(bold)
        # text + the segment's 8 px padding each side + a 2 px focus border each side
        segment = max(metrics.horizontalAdvance(b.text()) for b in self.source_buttons.values()) + 2 * SPACE_S + 4
        for button in self.source_buttons.values():
            button.setMinimumWidth(segment)
        bar = self.verticalScrollBar().sizeHint().width()  # the stylesheet's width, shown when the body scrolls
        count = len(self.source_buttons)
        needed = count * segment + (count - 1) * SPACE_S + 2 * SPACE_XL + bar
        self.setFixedWidth(max(PANEL_WIDTH, needed))

    def set_models(self, models: list, current_id: str) -> None:
        """All models found, usable first; the unusable ones are shown with their reason but cannot be picked."""
        self.model.set_models(models, current_id)
        self.vm.model_id = self.model.current_model_id()
        self.vm.refresh_addons()  # ControlNets and LoRAs may have come or gone with the models

    def _on_batch_changed(self, count: int) -> None:
        self.batch.setSuffix(
            translate("ControlsPanel", " image") if count == 1 else translate("ControlsPanel", " images")
        )

    def _on_preset_changed(self, preset_id: str) -> None:
        self.preset_caption.setText(self.vm.presets.get(preset_id).description)

    def _on_source_changed(self, source: str) -> None:
        button = self.source_buttons.get(source)
        self.source_group.setExclusive(button is not None)  # a loaded picture: none of the three is chosen
        for key, other in self.source_buttons.items():
            other.setChecked(key == source)
        self.source_group.setExclusive(True)
        self.keep_row.setVisible(source != "none")
        self.picture.setVisible(source == "picture")

    def _on_size_chosen(self, index: int) -> None:
        size = self.size.itemData(index)
        if size:
            self.vm.width, self.vm.height = size

    def _sync_size_combo(self, *_args) -> None:
        index = self.size.findData((self.vm.width, self.vm.height))
        self.size.setCurrentIndex(index if index >= 0 else self.size.count() - 1)

    def show_advanced(self, shown: bool) -> None:
        shown = shown and self.policy.may_see_advanced
        self.advanced.setVisible(shown)
        self.advanced_toggle.setIcon(icon("chevron-down" if shown else "chevron-right"))
        if shown:  # once laid out, scroll so the unfolded settings are in view
            QTimer.singleShot(0, self, lambda: self.ensureWidgetVisible(self.advanced, 0, 0))
