"""Step 1, Design: a few words, a style tile, how close to the SM6's shape, Generate, then pick a variation.

Everything is the studio's own DesignViewModel (ui/design/design_vm.py): the kiosk only gives it a walk-up face.
Content safety is the view-model's too (the kiosk's policy enforces it): a blocked prompt is said under the prompt,
and a variation is shown and may be chosen only once its picture was checked; a held-back one shows only its blur.
Under the picture the visitor picks what the design starts from: the SM6's shape, or a sketch drawn on the pad
(ui/kiosk/sketch_pad.py), kept in the picture store and, where a ControlNet of the model's family is installed,
guiding the shape with its edges (a visitor never picks a ControlNet: the first "edges" one is taken). The SM6 tile
shows the chosen view small; tapped again it opens the view chooser (ui/kiosk/view_chooser.py)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ui.design.picture_checks import PictureState
from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import big_button, words
from ui.kiosk.kiosk_style import SMALL, THUMB
from ui.kiosk.picture import Picture
from ui.kiosk.sketch_pad import SketchScreen
from ui.kiosk.step_layout import nav_row, step_columns
from ui.kiosk.view_chooser import START_ICON, ViewChooser
from ui.tasks import run_in_background

TILES = ("studio", "busan-night", "coastal-road", "hanok-heritage", "watercolour", "cyberpunk")
MAX_VARIATIONS = 4  # what fits under the picture as big tappable tiles
SKETCH_ICON = 48  # the used sketch, small on its tile
# A safety note is a message in small type: under the prompt it must fit the side column at 1280×800 with the nav.
NOTE_QSS = f"QLabel {{ font-size: {SMALL}px; padding: 6px 12px; }}"  # i18n: not shown


def tile_words(preset_id: str) -> str:
    return {
        "studio": translate("DesignStep", "Showroom"),
        "busan-night": translate("DesignStep", "Busan at night"),
        "coastal-road": translate("DesignStep", "Coastal road"),
        "hanok-heritage": translate("DesignStep", "Hanok heritage"),
        "watercolour": translate("DesignStep", "Watercolour"),
        "cyberpunk": translate("DesignStep", "Neon city"),
    }.get(preset_id, "")


def waiting_words(position: int) -> str:
    """The visitor's design waits behind `position` others on the shared generation server (0: it is next)."""
    if position == 0:
        return translate("DesignStep", "Your SM6 is next…")
    return translate("DesignStep", "Your SM6 is number {n} in line…").format(n=position + 1)


class DesignStep(Retranslating, QWidget):
    sig_back = Signal()
    sig_next = Signal(object)  # the chosen design

    def __init__(self, vm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self._thumbs_asked = 0  # numbers each thumbnail read: a late answer for earlier variations is dropped
        self._thumb_images: dict[str, QImage] = {}  # design id -> its own picture, small (shown once allowed)
        self._sketch = ""  # sha256 of the visitor's sketch in the picture store, once used
        self._sketch_guide = ""  # the ControlNet chosen for it (the kiosk offers no other way to pick one)
        self._asked_sketch = False  # a sketch is on its way to the picture store
        self._setup_ui()
        vm.prompt_changed.connect(self._on_prompt)
        vm.preset_changed.connect(self._on_preset)
        vm.keep_shape_changed.connect(self.keep_shape.setValue)
        vm.preview_changed.connect(self.picture.set_image)
        vm.preview_changed.connect(lambda _image: self._show_place_in_line())  # on the picture, or its placeholder
        vm.variations_changed.connect(self._on_variations)
        vm.current_design_changed.connect(self._on_current)
        vm.prompt_problem_changed.connect(self._show_prompt_problem)
        vm.sig_picture_checked.connect(lambda _design_id: self._show_thumbs())
        vm.sig_picture_kept.connect(self._on_sketch_kept)
        vm.picture_problem_changed.connect(self._on_sketch_problem)
        vm.picture_loading_changed.connect(self._show_state)
        vm.source_changed.connect(lambda _source: self._show_start())
        for signal in (vm.busy_changed, vm.progress_changed, vm.error_changed, vm.waiting_position_changed):
            signal.connect(self._show_state)
        self.retranslate()

    def _setup_ui(self) -> None:
        left = QVBoxLayout()
        left.setSpacing(16)
        self.picture = Picture()
        left.addWidget(self.picture, 1)
        # What the picture is doing is said on the picture: the place in the server's line over an earlier design
        # (with none, the picture's own placeholder says it), why the last Generate failed, and the progress. The side
        # column, full at 1280×800 in Korean, keeps its size whatever happens, so Back and Next never leave the screen.
        self.place_in_line = words("chip")  # across the picture, wrapping: a small design leaves it less than a line
        over = QVBoxLayout(self.picture.overlay())
        over.setContentsMargins(24, 24, 24, 24)
        over.setSpacing(12)
        over.addStretch(1)
        over.addWidget(self.place_in_line)
        self.message = words("message-on-picture", centred=False)  # opaque: readable over any design
        over.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        over.addWidget(self.progress)
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
        self.picture_note = _note()  # why a picture is blurred (the picture above gives way to it)
        left.addWidget(self.picture_note)
        start = QHBoxLayout()  # what the design starts from: the SM6's shape, or a sketch the visitor draws
        start.setSpacing(12)
        self.start_base = _start_tile()
        self.start_base.setIconSize(START_ICON)
        self.start_base.clicked.connect(self._on_start_base)
        start.addWidget(self.start_base, 1)
        self.start_sketch = _start_tile()
        self.start_sketch.setIconSize(QSize(SKETCH_ICON, SKETCH_ICON))
        self.start_sketch.clicked.connect(self._on_draw)
        start.addWidget(self.start_sketch, 1)
        left.addLayout(start)
        _row, side = step_columns(self, left, spacing=12)
        self.title = words("title", centred=False)
        side.addWidget(self.title)
        self.prompt = QLineEdit()
        self.prompt.setMaxLength(300)
        self.prompt.textEdited.connect(lambda text: setattr(self.vm, "prompt", text))
        self.prompt.returnPressed.connect(self._on_generate)
        prompt = QVBoxLayout()  # the note sits close under the words it is about
        prompt.setSpacing(6)
        prompt.addWidget(self.prompt)
        self.prompt_note = _note()  # why these words can't be used (never the word itself)
        prompt.addWidget(self.prompt_note)
        side.addLayout(prompt)
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
        side.addStretch(1)
        self.back, self.next = nav_row(side, self.sig_back, self._on_next)
        self.sketch_pad = SketchScreen(self)  # covers the step while the visitor draws
        self.sketch_pad.sig_use.connect(self._on_use_sketch)
        self.sketch_pad.sig_cancel.connect(self._show_start)
        self.view_chooser = ViewChooser(self.vm, self, seen_by=self.start_base)  # covers the step while open
        self.view_chooser.sig_pictures.connect(self._show_start)
        self.vm.view_changed.connect(lambda _view: self._show_start())

    # --- what the visitor does ---

    def _on_generate(self) -> None:
        if self.vm.busy:
            self.vm.cancel_current()
            return
        self.vm.random_seed = True  # a visitor never sees a seed: every Generate is a new set
        # From the SM6 artwork (or the visitor's sketch), so the shape slider means what it says.
        self.vm.source = "picture" if self.sketch_in_use else "base"
        self.vm.batch = min(self.vm.batch, MAX_VARIATIONS)
        self.prompt.setCursorPosition(0)  # a long wish is read from its start, not from wherever typing ended
        self.vm.generate()

    def _on_thumb(self) -> None:
        index = self.thumbs.index(self.sender())
        variations = self.vm.variations
        if index < len(variations) and self.vm.may_use(variations[index]):
            self.vm.show_design(variations[index])
        else:
            self._on_current(self.vm.current_design)  # the tap lit it: put the light back where it was

    # --- the sketch pad ---

    @property
    def sketch_in_use(self) -> bool:
        return bool(self._sketch) and self.vm.source_picture == self._sketch

    def _on_draw(self) -> None:
        self._show_start()  # the tap lit the tile: it stays lit only while a sketch is in use
        self.sketch_pad.open_for(self.vm.width, self.vm.height)

    def _on_start_base(self, checked: bool = True) -> None:
        """Back to the SM6's own shape: the sketch stays on the pad, to use again. Tapped when already chosen (the
        tap unchecked it): which view of the SM6."""
        vm = self.vm
        if not checked:
            self._show_start()
            self.view_chooser.open()
            return
        if vm.source == "picture":
            vm.source = "base"
        if self._sketch_guide and vm.control_model == self._sketch_guide:
            vm.control_model = ""
        self._sketch_guide = ""
        self._show_start()

    def _on_use_sketch(self, png: bytes) -> None:
        self._asked_sketch = True
        self.vm.use_sketch(png)

    def _on_sketch_kept(self, sha: str) -> None:
        if not self._asked_sketch:
            return  # a picture loaded elsewhere (the studio), not this visitor's sketch
        self._asked_sketch = False
        self._sketch = sha
        vm = self.vm
        # Its edges guide a ControlNet where one of the model's family is installed; else the sketch alone starts it.
        guides = [m for m in vm.controlnets if (getattr(m, "hint", "") or "edges") == "edges"]
        if guides and not vm.control_model:
            self._sketch_guide = vm.control_model = guides[0].id
            vm.control_hint = "edges"
        self.sketch_pad.kept()
        self._show_start()

    def _on_sketch_problem(self, problem) -> None:
        if problem is None or not self._asked_sketch:
            return
        self._asked_sketch = False
        text = str(problem) if not isinstance(problem, str) else ""
        self.sketch_pad.show_problem(text or translate("DesignStep", "Your sketch could not be kept. Try again."))

    def _show_start(self) -> None:
        sketch = self.sketch_in_use and self.vm.source == "picture"
        self.start_base.setChecked(not sketch)
        self.start_base.setIcon(self.view_chooser.icon(self.vm.view))
        self.start_sketch.setChecked(sketch)
        thumb = self.vm.picture_thumb if sketch else None
        self.start_sketch.setIcon(QIcon(QPixmap.fromImage(thumb)) if thumb is not None else QIcon())
        self.start_sketch.setText(
            translate("DesignStep", "My sketch") if sketch else translate("DesignStep", "Draw your own")
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.sketch_pad.isVisible():
            self.sketch_pad.setGeometry(self.rect())

    def _on_next(self) -> None:
        design = self.vm.current_design
        if design is not None and not self.vm.busy and self.vm.may_use(design):
            self.sig_next.emit(design)

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
        self._thumb_images = {d.id: image for d in shown for image in [self._thumb_images.get(d.id)] if image}
        self._show_thumbs()
        wanted = [(d.id, d.image_path) for d in shown if d.id not in self._thumb_images]
        side = THUMB - 16

        def read() -> list[tuple[str, QImage]]:
            fit, smooth = Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            return [(design_id, QImage(path).scaled(side, side, fit, smooth)) for design_id, path in wanted]

        def arrived(images: list[tuple[str, QImage]]) -> None:
            if asked == self._thumbs_asked:
                self._thumb_images.update(images)
                self._show_thumbs()

        if wanted:
            run_in_background(read, arrived, lambda _e: None, self)
        self._on_current(self.vm.current_design)

    def _show_thumbs(self) -> None:
        """Each variation as its check allows: its picture, its blur (held back), or a quiet empty tile (checking)."""
        shown = list(self.vm.variations)[:MAX_VARIATIONS]
        for button, design in zip(self.thumbs, shown + [None] * (MAX_VARIATIONS - len(shown))):
            button.setVisible(design is not None)
            if design is None:
                button.setIcon(QIcon())
                continue
            state = self.vm.picture_state(design)
            if state is PictureState.HELD_BACK:
                blurred = self.vm.blurred_picture(design)
                button.setIcon(QIcon(QPixmap.fromImage(blurred)) if blurred is not None else QIcon())
            elif state is PictureState.CHECKING:
                button.setIcon(QIcon())
            else:
                image = self._thumb_images.get(design.id)
                button.setIcon(QIcon(QPixmap.fromImage(image)) if image is not None else QIcon())
            button.setEnabled(state in (PictureState.FREE, PictureState.ALLOWED))
            button.setProperty("picture", state.value)
        self._show_state()

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
        self.generate.setEnabled(vm.busy or not vm.picture_loading)  # a sketch on its way to the store comes first
        self.progress.setVisible(vm.busy)
        self.progress.setValue(vm.progress)
        error = vm.error
        self.message.setVisible(bool(error))
        self.message.setText(error[0] if error else "")
        held_back = self._held_back_words()
        self.picture_note.setVisible(bool(held_back))
        self.picture_note.setText(held_back)
        self.next.setEnabled(vm.current_design is not None and not vm.busy and vm.may_use(vm.current_design))
        waiting = self._show_place_in_line()
        if waiting:
            hint = self.place_in_line.text()
        elif vm.busy:
            hint = translate("DesignStep", "Your SM6 is taking shape…")
        elif vm.variations:
            hint = translate("DesignStep", "Tap the one you like best, then Next.")
        else:
            hint = translate("DesignStep", "Your design appears here.")
        self.picture.set_placeholder(hint)
        self.hint = hint

    def _show_place_in_line(self) -> bool:
        """Whether the design waits in the generation server's line; if so, its place is said over the picture."""
        vm = self.vm
        waiting = vm.busy and vm.waiting_position is not None
        self.place_in_line.setText(waiting_words(vm.waiting_position) if waiting else "")
        self.place_in_line.setVisible(waiting and self.picture.image is not None)
        return waiting

    def _held_back_words(self) -> str:
        """The kind sentence for a held-back picture: the one shown large, else the first held-back variation."""
        vm = self.vm
        for design in [vm.current_design, *vm.variations[:MAX_VARIATIONS]]:
            message = vm.picture_message(design) if design is not None else None
            if message is not None:
                return str(message)
        return ""

    def _show_prompt_problem(self, *_args) -> None:
        problem = self.vm.prompt_problem
        self.prompt_note.setText(str(problem) if problem is not None else "")
        self.prompt_note.setVisible(problem is not None)
        # The note takes the room of the two section names (the tiles and the slider's ends say what they are), so
        # nothing below it leaves the screen at 1280×800 and nothing above it moves.
        self.style_label.setVisible(problem is None)
        self.shape_label.setVisible(problem is None)

    def clear(self) -> None:
        """A new visitor: nothing of the last one's words or pictures stays in these widgets."""
        self._thumbs_asked += 1
        self._thumb_images = {}
        self.vm.forget_picture_checks()  # verdicts and blurs of the last visitor's pictures go too
        self.vm.prompt_problem = None
        self.prompt.setText(self.vm.prompt)  # unlike clear(), it empties the undo history too
        self.picture.set_image(None)
        for button in self.thumbs:
            button.setIcon(QIcon())
            button.hide()
        self._on_preset(self.vm.preset)
        self._sketch = self._sketch_guide = ""
        self._asked_sketch = False
        self.sketch_pad.wipe()  # no stroke of the last visitor stays, drawn or used
        self.view_chooser.hide()
        self._show_start()
        self._show_prompt_problem()
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
        self.start_base.setText(translate("DesignStep", "Start from the SM6"))
        self.back.setText(translate("DesignStep", "Back"))
        self.next.setText(translate("DesignStep", "Next"))
        for number, button in enumerate(self.thumbs, start=1):
            button.setAccessibleName(translate("DesignStep", "Variation {number}").format(number=number))
        self._on_preset(self.vm.preset)
        self._show_start()
        self._show_prompt_problem()
        self._show_state()


def _start_tile() -> QPushButton:
    tile = QPushButton()
    tile.setProperty("kiosk", "tile")
    tile.setCheckable(True)
    return tile


def _note() -> QLabel:
    note = words("message", centred=False)
    note.setStyleSheet(NOTE_QSS)
    note.hide()
    return note
