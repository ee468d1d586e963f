"""The Design studio: the image large in the middle, the inspector on the right, results and lineage below."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.kiosk import DESKTOP, Policy
from ui.design.controls_panel import ControlsPanel
from ui.design.live_mode import KEEP_SHORTCUT, LiveMode, LiveSwitch
from ui.design.picture_checks import PictureState
from ui.design.picture_menu import PictureMenu
from ui.design.preview_view import PreviewView
from ui.design.thumbnail_strip import LINEAGE, VARIATIONS, ThumbnailStrip
from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XL
from ui.widgets.error_banner import ErrorBanner
from ui.widgets.page_title import PageTitle

GENERATE_SHORTCUT = "Ctrl+Return"
CANCEL_SHORTCUT = "Escape"  # i18n: not shown
QWIDGETSIZE_MAX = (1 << 24) - 1
ICON_ONLY = "QPushButton { min-width: 0px; padding: 0px; }"  # a header button that shows only its icon


class _CtrlEnterFilter(QObject):
    """Text boxes take Ctrl+Enter as a line break before any shortcut sees it: catch it there."""

    def __init__(self, action, parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                if event.type() == QEvent.Type.KeyPress:
                    self._action()
                event.accept()
                return True
        return False


class StudioView(Retranslating, QWidget):
    sig_use_design = Signal(object)

    def __init__(self, vm, parent: QWidget | None = None, *, policy: Policy = DESKTOP) -> None:
        super().__init__(parent)
        self.vm = vm
        self.policy = policy
        self._setup_ui()
        self._connect()
        self.retranslate()

    def retranslate(self) -> None:
        self.picture_menu.retranslate()
        self.title.setText(translate("StudioView", "Design studio"))
        self.title.setAccessibleName(self.title.text())
        self.favourite.setToolTip(translate("StudioView", "Mark this design as a favourite (F)"))
        self._set_action_text(self.refine, translate("StudioView", "Refine"))
        self.refine.setToolTip(translate("StudioView", "Generate new variations starting from this design (R)"))
        self._set_action_text(self.use, translate("StudioView", "Use this design"))
        self.use.setToolTip(translate("StudioView", "Describe this design and turn it into a token"))
        self.variations.set_words(
            translate("StudioView", "Variations"), translate("StudioView", "Generate to see variations here")
        )
        self.history.set_words(
            translate("StudioView", "Lineage"), translate("StudioView", "Refine a design to build its lineage")
        )
        keys = QKeySequence(GENERATE_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.generate.setToolTip(translate("StudioView", "Generate ({shortcut})").format(shortcut=keys))
        self.cancel.setText(translate("StudioView", "Cancel"))
        self.cancel.setToolTip(translate("StudioView", "Cancel the running job (Esc)"))
        self.live_switch.setText(translate("StudioView", "Live"))
        self.live_switch.setToolTip(
            translate("StudioView", "Live mode: the picture follows the controls as you change them")
        )
        self.live_switch.updateGeometry()
        keys = QKeySequence(KEEP_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.keep.setToolTip(
            translate("StudioView", "Save the frame shown as a design ({shortcut})").format(shortcut=keys)
        )
        self._on_keep_changed()
        self._on_busy_changed(self.vm.busy)
        self._on_design_changed(self.vm.current_design)
        self.vm.retranslate()  # the status line under the preview, said again in the new language
        if self.centre.isVisible():
            self._fit_header()  # the words' widths changed: the header may need the icon-only form, or no longer

    def _setup_ui(self) -> None:
        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        center = QWidget()
        self.centre = center
        center.installEventFilter(self)
        col = QVBoxLayout(center)
        col.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_L)
        col.setSpacing(SPACE_L)
        header = QHBoxLayout()
        header.setSpacing(SPACE_S)
        self.title = PageTitle("")
        header.addWidget(self.title)
        # Live mode is for the desktop for now: a kiosk's visitor keeps the plain Generate (the policy's power rule).
        self.live = LiveMode(self.vm, self) if self.policy.may_see_advanced else None
        self.live_switch = LiveSwitch(center)
        self.live_switch.setVisible(self.live is not None)
        if self.live is not None:
            header.addSpacing(SPACE_L)
            header.addWidget(self.live_switch)
        header.addStretch(1)
        self.favourite = self._action_button("star")
        self.favourite.setCheckable(True)
        self.refine = self._action_button("refine")
        self.use = self._action_button("use")
        for button in (self.favourite, self.refine, self.use):
            header.addWidget(button)
        col.addLayout(header)
        self._header = header
        self._compact = False
        self.error = ErrorBanner()
        col.addWidget(self.error)
        self.preview = PreviewView()
        col.addWidget(self.preview, 1)
        # Right-click (or Ctrl+C, Ctrl+Shift+S): the design shown, copied or saved as a PNG; not at a kiosk.
        self.picture_menu = PictureMenu(self.vm, self.preview.canvas, self, self.error, self.policy, self.live)
        self.picture_note = QLabel()  # why the picture above is blurred (content safety), in plain words
        self.picture_note.setTextFormat(Qt.TextFormat.PlainText)
        self.picture_note.setWordWrap(True)
        self.picture_note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.picture_note.setObjectName("pictureNote")
        self.picture_note.hide()
        col.addWidget(self.picture_note)
        strips = QHBoxLayout()
        strips.setSpacing(SPACE_XL)
        self.variations = ThumbnailStrip("", "", VARIATIONS)
        self.variations.cover = self._cover
        strips.addWidget(self.variations, 3)
        self.history = ThumbnailStrip("", "", LINEAGE)
        self.history.cover = self._cover
        strips.addWidget(self.history, 2)
        col.addLayout(strips)

        inspector = QFrame()
        inspector.setObjectName("inspectorPanel")
        inspector.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side = QVBoxLayout(inspector)
        side.setContentsMargins(1, 0, 0, 0)  # leaves the panel's left border visible beside the scroll area
        side.setSpacing(0)
        self.controls = ControlsPanel(self.vm, policy=self.policy)
        side.addWidget(self.controls, 1)
        footer = QWidget()
        buttons = QHBoxLayout(footer)  # side by side: the inspector's height goes to the controls
        buttons.setContentsMargins(SPACE_XL, SPACE_M, SPACE_XL, SPACE_XL)
        buttons.setSpacing(SPACE_S)
        self.generate = QPushButton()
        self.generate.setIcon(icon("generate", "#15181C"))
        self.generate.setProperty("primary", True)
        self.generate.setMinimumHeight(48)
        buttons.addWidget(self.generate, 1)
        self.keep = QPushButton()  # in Generate's place while live mode is on
        self.keep.setIcon(icon("library", "#15181C"))
        self.keep.setProperty("primary", True)
        self.keep.setMinimumHeight(48)
        self.keep.hide()
        buttons.addWidget(self.keep, 1)
        self.cancel = QPushButton()
        self.cancel.setIcon(icon("cancel"))
        self.cancel.setMinimumHeight(48)
        buttons.addWidget(self.cancel)
        side.addWidget(footer)

        root.addWidget(center, 1)
        root.addWidget(inspector)

        QShortcut(QKeySequence(GENERATE_SHORTCUT), self, activated=self.vm.generate)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.vm.generate)
        QShortcut(QKeySequence(CANCEL_SHORTCUT), self, activated=self.vm.cancel_current)
        self._ctrl_enter = _CtrlEnterFilter(self.vm.generate, self)
        for edit in (self.controls.prompt, self.controls.negative):
            edit.installEventFilter(self._ctrl_enter)
        QShortcut(QKeySequence("F"), self, activated=self._on_favourite_key)
        QShortcut(QKeySequence("R"), self, activated=self._on_refine_key)
        if self.live is not None:
            QShortcut(QKeySequence(KEEP_SHORTCUT), self, activated=self.live.keep)

    def _action_button(self, icon_name: str) -> QPushButton:
        """Its words come in retranslate(); the "label" property keeps them while only the icon shows."""
        button = QPushButton()
        button.setIcon(icon(icon_name))
        button.setEnabled(False)
        return button

    def _set_action_text(self, button: QPushButton, text: str) -> None:
        button.setProperty("label", text)
        button.setAccessibleName(text)
        button.setText("" if self._compact else text)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.centre and event.type() == QEvent.Type.Resize:
            self._fit_header()
        return False

    def _fit_header(self) -> None:
        """Where the title and the worded buttons do not fit side by side (a narrow window, the kiosk's larger
        type), the buttons show their icons only; their words stay in the tooltip and the accessible name."""
        buttons = (self.favourite, self.refine, self.use)
        margins = self.centre.contentsMargins()
        room = self.centre.width() - margins.left() - margins.right()
        worded = sum(_worded_width(b) for b in buttons) + self._header.spacing() * (len(buttons) + 1)
        if self.live_switch.isVisibleTo(self):
            worded += self.live_switch.sizeHint().width() + SPACE_L + self._header.spacing()
        compact = self.title.sizeHint().width() + worded > room
        if compact != self._compact:
            self._compact = compact
            for button in buttons:
                button.setText("" if compact else button.property("label"))
                if compact:  # a square as tall as the touch target (a button's own sheet beats the app's padding)
                    button.setStyleSheet(ICON_ONLY)
                    button.setFixedWidth(button.sizeHint().height())
                else:
                    button.setMinimumWidth(0)
                    button.setMaximumWidth(QWIDGETSIZE_MAX)
                    button.setStyleSheet("")

    def _connect(self) -> None:
        vm = self.vm
        self.generate.clicked.connect(vm.generate)
        self.cancel.clicked.connect(vm.cancel_current)
        self.favourite.clicked.connect(vm.toggle_favourite)
        self.refine.clicked.connect(vm.refine)
        self.use.clicked.connect(vm.use_design)
        self.error.sig_dismissed.connect(vm.dismiss_error)
        self.variations.sig_design_clicked.connect(vm.show_design)
        self.history.sig_design_clicked.connect(vm.show_design)
        vm.preview_changed.connect(self.preview.canvas.set_image)
        vm.progress_changed.connect(self.preview.progress.setValue)
        vm.status_text_changed.connect(self.preview.status.setText)
        self.preview.status.setText(vm.status_text)
        vm.busy_changed.connect(self._on_busy_changed)
        vm.current_design_changed.connect(self._on_design_changed)
        vm.variations_changed.connect(lambda designs: self.variations.set_designs(designs, self._current_id()))
        vm.lineage_changed.connect(lambda designs: self.history.set_designs(designs, self._current_id()))
        vm.error_changed.connect(self._on_error_changed)
        vm.sig_use_design.connect(self.sig_use_design)
        vm.sig_picture_checked.connect(self._on_picture_checked)
        self._on_busy_changed(vm.busy)
        self._on_design_changed(vm.current_design)
        if self.live is not None:
            self.live_switch.toggled.connect(self.live.set_on)
            self.keep.clicked.connect(self.live.keep)
            self.live.on_changed.connect(self._on_live_changed)
            self.live.can_keep_changed.connect(self._on_keep_changed)
            self.live.kept_changed.connect(self._on_keep_changed)

    def _on_live_changed(self, on: bool) -> None:
        self.live_switch.setChecked(on)
        self.generate.setVisible(not on)
        self.keep.setVisible(on)
        self._on_keep_changed()

    def _on_keep_changed(self, *_args) -> None:
        live = self.live
        self.keep.setEnabled(live is not None and live.can_keep)
        kept = live is not None and live.kept
        self.keep.setText(translate("StudioView", "Kept") if kept else translate("StudioView", "Keep"))

    def hideEvent(self, event) -> None:
        if self.live is not None:  # the studio closed or left: no frames for nobody to see
            self.live.set_on(False)
        super().hideEvent(event)

    def _current_id(self) -> str | None:
        return self.vm.current_design.id if self.vm.current_design else None

    def _on_busy_changed(self, busy: bool) -> None:
        self.cancel.setEnabled(busy)
        self.generate.setText(translate("StudioView", "Add to queue") if busy else translate("StudioView", "Generate"))

    def _on_design_changed(self, design) -> None:
        has = design is not None
        for button in (self.favourite, self.refine, self.use):
            button.setEnabled(has)
        self.use.setEnabled(has and self.vm.may_use(design))  # held back or being checked: not to Describe/Token
        note = self.vm.picture_message(design) if has else None
        self.picture_note.setText(str(note) if note is not None else "")
        self.picture_note.setVisible(note is not None)
        self.favourite.setChecked(bool(has and design.favourite))
        self.favourite.setIcon(icon("star-filled" if has and design.favourite else "star"))
        favourited = has and design.favourite
        self._set_action_text(
            self.favourite,
            translate("StudioView", "Favourited") if favourited else translate("StudioView", "Favourite"),
        )
        self.variations.select(self._current_id())
        self.history.select(self._current_id())

    def _cover(self, design) -> QPixmap | None:
        """What a thumbnail shows instead of the design's own picture: its blur, or the placeholder while checked."""
        state = self.vm.picture_state(design)
        if state is PictureState.CHECKING:
            return QPixmap()
        if state is PictureState.HELD_BACK:
            blurred = self.vm.blurred_picture(design)
            return QPixmap.fromImage(blurred) if blurred is not None else QPixmap()
        return None

    def _on_picture_checked(self, _design_id: str) -> None:
        self.variations.refresh()
        self.history.refresh()
        self._on_design_changed(self.vm.current_design)

    def _on_error_changed(self, error) -> None:
        if error:
            self.error.show_message(error[0], error[1])
        else:
            self.error.clear()

    def _on_favourite_key(self) -> None:
        if self.favourite.isEnabled():
            self.vm.toggle_favourite()

    def _on_refine_key(self) -> None:
        if self.refine.isEnabled():
            self.vm.refine()


def _worded_width(button: QPushButton) -> int:
    """The width `button` takes with its words shown (whatever it shows now)."""
    shown = button.text()
    if shown:
        return button.sizeHint().width()
    button.setText(button.property("label"))
    width = button.sizeHint().width()
    button.setText(shown)
    return width
