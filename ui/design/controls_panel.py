"""The studio's inspector: what to make (words, style, starting point) first, the finer settings folded away."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
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
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.generation.request import MAX_BATCH, MAX_SIDE, MAX_STEPS, MIN_SIDE
from app.generation.schedulers import SCHEDULER_TABLE
from ui.bind import bind
from ui.design.queue_panel import QueuePanel
from ui.icons import icon
from ui.models.model_picker import ModelPicker
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL, SPACE_XS
from ui.widgets.form_layout import form_layout

PANEL_WIDTH = 392
SIZES = [
    ("Square · 512 × 512", 512, 512),
    ("Landscape · 768 × 512", 768, 512),
    ("Portrait · 512 × 768", 512, 768),
    ("SDXL square · 1024 × 1024", 1024, 1024),
    ("SDXL wide · 1216 × 832", 1216, 832),
]
SOURCES = [
    ("base", "SM6 shape", "Start from the SM6 artwork, so the result keeps the car's silhouette"),
    ("none", "Blank", "Start from noise: anything goes"),
    ("design", "This design", "Refine the design in the preview"),
]


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "caption")
    label.setWordWrap(True)
    return label


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "emphasis")
    return label


class ControlsPanel(QScrollArea):
    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setObjectName("inspector")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(PANEL_WIDTH)
        self._setup_ui()
        self._bind()

    def _setup_ui(self) -> None:
        body = QWidget()
        body.setObjectName("inspectorBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        layout.setSpacing(SPACE_L)

        layout.addWidget(_section("Describe your SM6"))
        self.prompt = QPlainTextEdit()
        self.prompt.setPlaceholderText("Colour, wheels, lights, mood… e.g. “pearl white with rose-gold trim at dusk”")
        self.prompt.setTabChangesFocus(True)
        self.prompt.setFixedHeight(96)
        self.prompt.setAccessibleName("Prompt")
        layout.addWidget(self.prompt)

        layout.addWidget(_section("Style"))
        self.preset = QComboBox()
        for preset in self.vm.presets.presets:
            self.preset.addItem(preset.label, preset.id)
        self.preset.setAccessibleName("Style preset")
        layout.addWidget(self.preset)
        self.preset_caption = _caption("")
        layout.addWidget(self.preset_caption)

        layout.addWidget(_section("Starting point"))
        row = QHBoxLayout()
        row.setSpacing(SPACE_S)
        self.source_group = QButtonGroup(self)
        self.source_buttons: dict[str, QPushButton] = {}
        for key, label, tip in SOURCES:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setProperty("segment", True)
            self.source_group.addButton(button)
            self.source_buttons[key] = button
            row.addWidget(button)
        layout.addLayout(row)
        self.keep_row = QWidget()
        keep = QVBoxLayout(self.keep_row)
        keep.setContentsMargins(0, 0, 0, 0)
        keep.setSpacing(SPACE_XS)
        keep_header = QHBoxLayout()
        keep_header.addWidget(QLabel("Keep the shape"))
        keep_header.addStretch(1)
        self.keep_value = QLabel()
        self.keep_value.setProperty("role", "secondary")
        keep_header.addWidget(self.keep_value)
        keep.addLayout(keep_header)
        self.keep_shape = QSlider(Qt.Orientation.Horizontal)
        self.keep_shape.setRange(0, 95)
        self.keep_shape.setAccessibleName("Keep the shape")
        self.keep_shape.setToolTip("More keeps the starting image's shape; less lets the style take over")
        keep.addWidget(self.keep_shape)
        layout.addWidget(self.keep_row)

        layout.addWidget(_section("Variations"))
        var_row = QHBoxLayout()
        var_row.setSpacing(SPACE_M)
        self.batch = QSpinBox()
        self.batch.setRange(1, MAX_BATCH)
        self.batch.setAccessibleName("Variations")
        self.batch.setSuffix(" images")
        var_row.addWidget(self.batch, 1)
        self.random_seed = QCheckBox("Random seed")
        var_row.addWidget(self.random_seed)
        layout.addLayout(var_row)
        seed_row = QHBoxLayout()
        seed_row.setSpacing(SPACE_S)
        seed_row.addWidget(QLabel("Seed"))
        # A line edit, not a spin box: seeds go up to 2^32 - 1 and Qt's spin boxes stop at 2^31 - 1.
        self.seed = QLineEdit()
        self.seed.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,10}"), self.seed))
        self.seed.setAccessibleName("Seed")
        seed_row.addWidget(self.seed, 1)
        layout.addLayout(seed_row)

        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setText("Advanced settings")
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setIcon(icon("chevron-right"))
        self.advanced_toggle.toggled.connect(self._on_advanced_toggled)
        layout.addWidget(self.advanced_toggle)
        self.advanced = self._advanced_form()
        self.advanced.setVisible(False)
        layout.addWidget(self.advanced)

        layout.addWidget(_section("What the model sees"))
        self.final_prompt = _caption("")
        self.final_prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.final_prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.final_prompt)
        self.final_negative = _caption("")
        self.final_negative.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.final_negative)

        layout.addStretch(1)
        self.queue = QueuePanel()
        self.queue.setVisible(False)
        layout.addWidget(self.queue)
        self.setWidget(body)

    def _advanced_form(self) -> QWidget:
        box = QWidget()
        form = form_layout(box, row_gap=SPACE_M)
        form.setContentsMargins(0, 0, 0, 0)
        model_row = QHBoxLayout()
        model_row.setSpacing(SPACE_S)
        self.model = ModelPicker()
        model_row.addWidget(self.model, 1)
        self.import_model = QToolButton()
        self.import_model.setIcon(icon("import"))
        self.import_model.setToolTip("Import model…")
        self.import_model.setAccessibleName("Import model")
        model_row.addWidget(self.import_model)
        form.addRow("Model", model_row)
        self.size = QComboBox()
        for label, w, h in SIZES:
            self.size.addItem(label, (w, h))
        self.size.addItem("Custom", None)
        self.size.activated.connect(self._on_size_chosen)
        form.addRow("Size", self.size)
        dims = QHBoxLayout()
        dims.setSpacing(SPACE_S)
        self.width_spin, self.height_spin = QSpinBox(), QSpinBox()
        for spin, name in ((self.width_spin, "Width"), (self.height_spin, "Height")):
            spin.setRange(MIN_SIDE, MAX_SIDE)
            spin.setSingleStep(8)
            spin.setSuffix(" px")
            spin.setAccessibleName(name)
        dims.addWidget(self.width_spin)
        dims.addWidget(QLabel("×"))
        dims.addWidget(self.height_spin)
        form.addRow("", dims)
        self.steps = QSpinBox()
        self.steps.setRange(1, MAX_STEPS)
        form.addRow("Steps", self.steps)
        self.guidance = QDoubleSpinBox()
        self.guidance.setRange(0.0, 30.0)
        self.guidance.setSingleStep(0.5)
        self.guidance.setDecimals(1)
        form.addRow("Guidance", self.guidance)
        self.scheduler = QComboBox()
        for key, (label, _cls, _extra) in SCHEDULER_TABLE.items():
            self.scheduler.addItem(label, key)
        form.addRow("Sampler", self.scheduler)
        self.negative = QPlainTextEdit()
        self.negative.setPlaceholderText("What to avoid, e.g. “dented, rusty”")
        self.negative.setFixedHeight(64)
        self.negative.setTabChangesFocus(True)
        form.addRow("Avoid", self.negative)
        return box

    def _bind(self) -> None:
        vm = self.vm
        bind(vm, "prompt", self.prompt, "plainText")
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
        bind(vm, "final_negative", self.final_negative, "text", to_widget=lambda t: f"Avoid: {t}" if t else "")
        vm.preset_changed.connect(self._on_preset_changed)
        vm.random_seed_changed.connect(lambda random: self.seed.setEnabled(not random))
        vm.keep_shape_changed.connect(lambda v: self.keep_value.setText(f"{v}%"))
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
        self.source_buttons["design"].setEnabled(vm.current_design is not None)
        self._on_preset_changed(vm.preset)
        self._on_source_changed(vm.source)
        self._sync_size_combo()

    def set_models(self, models: list, current_id: str) -> None:
        """All models found, usable first; the unusable ones are shown with their reason but cannot be picked."""
        self.model.set_models(models, current_id)
        self.vm.model_id = self.model.current_model_id()

    def _on_preset_changed(self, preset_id: str) -> None:
        self.preset_caption.setText(self.vm.presets.get(preset_id).description)

    def _on_source_changed(self, source: str) -> None:
        self.source_buttons[source].setChecked(True)
        self.keep_row.setVisible(source != "none")

    def _on_size_chosen(self, index: int) -> None:
        size = self.size.itemData(index)
        if size:
            self.vm.width, self.vm.height = size

    def _sync_size_combo(self, *_args) -> None:
        index = self.size.findData((self.vm.width, self.vm.height))
        self.size.setCurrentIndex(index if index >= 0 else self.size.count() - 1)

    def _on_advanced_toggled(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setIcon(icon("chevron-down" if shown else "chevron-right"))
