"""Step 1, Design: a few words, a style tile, how close to the SM6's shape, Generate, then pick a variation.

Everything is the studio's own DesignViewModel (ui/design/design_vm.py): the kiosk only gives it a walk-up face."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import big_button, words
from ui.kiosk.kiosk_style import THUMB
from ui.kiosk.picture import Picture
from ui.tasks import run_in_background

TILES = ("studio", "busan-night", "coastal-road", "hanok-heritage", "watercolour", "cyberpunk")
MAX_VARIATIONS = 4  # what fits under the picture as big tappable tiles
SIDE_WIDTH = 560


def tile_words(preset_id: str) -> str:
    return {
        "studio": translate("DesignStep", "Showroom"),
        "busan-night": translate("DesignStep", "Busan at night"),
        "coastal-road": translate("DesignStep", "Coastal road"),
        "hanok-heritage": translate("DesignStep", "Hanok heritage"),
        "watercolour": translate("DesignStep", "Watercolour"),
        "cyberpunk": translate("DesignStep", "Neon city"),
    }.get(preset_id, "")


class DesignStep(Retranslating, QWidget):
    sig_back = Signal()
    sig_next = Signal(object)  # the chosen design

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self._thumbs_asked = 0  # numbers each thumbnail read: a late answer for earlier variations is dropped
        self._setup_ui()
        vm.prompt_changed.connect(self._on_prompt)
        vm.preset_changed.connect(self._on_preset)
        vm.keep_shape_changed.connect(self.keep_shape.setValue)
        vm.preview_changed.connect(self.picture.set_image)
        vm.variations_changed.connect(self._on_variations)
        vm.current_design_changed.connect(self._on_current)
        for signal in (vm.busy_changed, vm.progress_changed, vm.error_changed):
            signal.connect(self._show_state)
        self.retranslate()

    def _setup_ui(self) -> None:
        lay = QHBoxLayout(self)
        lay.setContentsMargins(40, 24, 40, 24)
        lay.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(16)
        self.picture = Picture()
        left.addWidget(self.picture, 1)
        thumbs = QHBoxLayout()
        thumbs.setSpacing(12)
        thumbs.addStretch(1)  # centred under the picture, which is centred in its space
        self.thumb_group = QButtonGroup(self)
        self.thumbs: list[QPushButton] = []
        for _ in range(MAX_VARIATIONS):
            button = QPushButton()
            button.setProperty("kiosk", "thumb")
            button.setCheckable(True)
            button.setFixedSize(THUMB, THUMB)
            button.setIconSize(QSize(THUMB - 16, THUMB - 16))
            button.clicked.connect(self._on_thumb)
            button.hide()
            self.thumb_group.addButton(button)
            self.thumbs.append(button)
            thumbs.addWidget(button)
        thumbs.addStretch(1)
        left.addLayout(thumbs)
        lay.addLayout(left, 1)

        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(12)
        self.title = words("title", centred=False)
        side.addWidget(self.title)
        self.prompt = QLineEdit()
        self.prompt.setMaxLength(300)
        self.prompt.textEdited.connect(lambda text: setattr(self.vm, "prompt", text))
        self.prompt.returnPressed.connect(self._on_generate)
        side.addWidget(self.prompt)
        self.style_label = words("secondary", centred=False)
        side.addWidget(self.style_label)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.tile_group = QButtonGroup(self)
        self.tiles: dict[str, QPushButton] = {}
        known = {p.id for p in self.vm.presets.presets}
        for preset_id in (p for p in TILES if p in known):
            tile = QPushButton()
            tile.setProperty("kiosk", "tile")
            tile.setCheckable(True)
            tile.clicked.connect(lambda _c=False, p=preset_id: setattr(self.vm, "preset", p))
            self.tile_group.addButton(tile)
            grid.addWidget(tile, len(self.tiles) // 3, len(self.tiles) % 3)
            self.tiles[preset_id] = tile
        side.addLayout(grid)
        self.shape_label = words("secondary", centred=False)
        side.addWidget(self.shape_label)
        shape = QHBoxLayout()
        self.free_label = words("small", wrap=False, centred=False)
        shape.addWidget(self.free_label)
        self.keep_shape = QSlider(Qt.Orientation.Horizontal)
        self.keep_shape.setRange(0, 95)
        self.keep_shape.setValue(self.vm.keep_shape)
        self.keep_shape.valueChanged.connect(lambda value: setattr(self.vm, "keep_shape", value))
        shape.addWidget(self.keep_shape, 1)
        self.close_label = words("small", wrap=False, centred=False)
        shape.addWidget(self.close_label)
        side.addLayout(shape)
        self.generate = big_button()
        self.generate.clicked.connect(self._on_generate)
        side.addWidget(self.generate)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        side.addWidget(self.progress)
        self.message = words("message", centred=False)
        side.addWidget(self.message)
        side.addStretch(1)
        nav = QHBoxLayout()
        self.back = big_button(primary=False, kind="nav")
        self.back.clicked.connect(self.sig_back)
        nav.addWidget(self.back)
        nav.addStretch(1)
        self.next = big_button(kind="nav")
        self.next.clicked.connect(self._on_next)
        nav.addWidget(self.next)
        side.addLayout(nav)
        holder = QWidget()
        holder.setLayout(side)
        holder.setFixedWidth(SIDE_WIDTH)
        lay.addWidget(holder)

    # --- what the visitor does ---

    def _on_generate(self) -> None:
        if self.vm.busy:
            self.vm.cancel_current()
            return
        self.vm.random_seed = True  # a visitor never sees a seed: every Generate is a new set
        self.vm.source = "base"  # from the SM6 artwork, so the shape slider means what it says
        self.vm.batch = min(self.vm.batch, MAX_VARIATIONS)
        self.vm.generate()

    def _on_thumb(self) -> None:
        index = self.thumbs.index(self.sender())
        variations = self.vm.variations
        if index < len(variations):
            self.vm.show_design(variations[index])

    def _on_next(self) -> None:
        if self.vm.current_design is not None and not self.vm.busy:
            self.sig_next.emit(self.vm.current_design)

    # --- what the view-model says ---

    def _on_prompt(self, text: str) -> None:
        if self.prompt.text() != text:
            self.prompt.setText(text)

    def _on_preset(self, preset_id: str) -> None:
        tile = self.tiles.get(preset_id)
        if tile is not None:
            tile.setChecked(True)
        else:  # a style the kiosk offers no tile for: none lit
            self.tile_group.setExclusive(False)
            for each in self.tiles.values():
                each.setChecked(False)
            self.tile_group.setExclusive(True)

    def _on_variations(self, variations: list) -> None:
        self._thumbs_asked += 1
        asked = self._thumbs_asked
        shown = list(variations)[:MAX_VARIATIONS]
        for button, design in zip(self.thumbs, shown + [None] * (MAX_VARIATIONS - len(shown))):
            button.setVisible(design is not None)
            if design is None:
                button.setIcon(QIcon())
        paths = [d.image_path for d in shown]
        side = THUMB - 16

        def read() -> list[QImage]:
            fit, smooth = Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            return [QImage(path).scaled(side, side, fit, smooth) for path in paths]

        def arrived(images: list[QImage]) -> None:
            if asked == self._thumbs_asked:
                for button, image in zip(self.thumbs, images):
                    button.setIcon(QIcon(QPixmap.fromImage(image)))

        run_in_background(read, arrived, lambda _e: None, self)
        self._on_current(self.vm.current_design)

    def _on_current(self, design) -> None:
        ids = [d.id for d in self.vm.variations][:MAX_VARIATIONS]
        self.thumb_group.setExclusive(False)
        for index, button in enumerate(self.thumbs):
            button.setChecked(design is not None and index < len(ids) and ids[index] == design.id)
        self.thumb_group.setExclusive(True)
        self._show_state()

    def _show_state(self, *_args) -> None:
        vm = self.vm
        self.generate.setText(translate("DesignStep", "Stop") if vm.busy else translate("DesignStep", "Generate"))
        self.progress.setVisible(vm.busy)
        self.progress.setValue(vm.progress)
        error = vm.error
        self.message.setVisible(bool(error))
        self.message.setText(error[0] if error else "")
        self.next.setEnabled(vm.current_design is not None and not vm.busy)
        if vm.busy:
            hint = translate("DesignStep", "Your SM6 is taking shape…")
        elif vm.variations:
            hint = translate("DesignStep", "Tap the one you like best, then Next.")
        else:
            hint = translate("DesignStep", "Your design appears here.")
        self.picture.set_placeholder(hint)
        self.hint = hint

    def clear(self) -> None:
        """A new visitor: nothing of the last one's words or pictures stays in these widgets."""
        self._thumbs_asked += 1
        self.prompt.setText(self.vm.prompt)  # unlike clear(), it empties the undo history too
        self.picture.set_image(None)
        for button in self.thumbs:
            button.setIcon(QIcon())
            button.hide()
        self._on_preset(self.vm.preset)
        self._show_state()

    def retranslate(self) -> None:
        self.title.setText(translate("DesignStep", "Describe your SM6"))
        self.prompt.setPlaceholderText(translate("DesignStep", "e.g. pearl white with rose-gold trim, by the sea"))
        self.prompt.setAccessibleName(translate("DesignStep", "Your words"))
        self.style_label.setText(translate("DesignStep", "Pick a style"))
        for preset_id, tile in self.tiles.items():
            tile.setText(tile_words(preset_id))
        self.shape_label.setText(translate("DesignStep", "Keep the shape"))
        self.free_label.setText(translate("DesignStep", "Free"))
        self.close_label.setText(translate("DesignStep", "Close to the SM6"))
        self.back.setText(translate("DesignStep", "Back"))
        self.next.setText(translate("DesignStep", "Next"))
        for number, button in enumerate(self.thumbs, start=1):
            button.setAccessibleName(translate("DesignStep", "Variation {number}").format(number=number))
        self._on_preset(self.vm.preset)
        self._show_state()
