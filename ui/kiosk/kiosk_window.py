"""The showroom kiosk's window: full screen, frameless, a walk-up visitor's guided flow in front of everything.

attract → 1 Design → 2 Describe → 3 Preview → 4 Submit → thank-you → attract. Each visitor is a session: Start
begins one (`AppController.start_visitor_session`: earlier designs hidden from every listing), and Done, a reset
after no input (IdleWatch) or the failsafe ends it, wiping from view and memory what the visitor typed, drafted,
made and copied. Staff reach their panel through `staff_requested` (five taps on the logo within three seconds, or
Ctrl+Alt+Shift+S) and pause the kiosk with `set_paused`. The steps reuse the workspaces' view-models: the kiosk
adds no logic of its own to generating, describing, assembling or minting.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from ui.i18n import Retranslating, apply_language, current_language, language_for, translate
from ui.kiosk.calm_screens import AttractScreen, MessageScreen, StillThereOverlay
from ui.kiosk.describe_step import DescribeStep
from ui.kiosk.design_step import DesignStep
from ui.kiosk.idle_watch import IdleWatch
from ui.kiosk.kiosk_header import KioskHeader
from ui.kiosk.kiosk_style import kiosk_stylesheet
from ui.kiosk.preview_step import PreviewStep
from ui.kiosk.scrolling import keep_visible
from ui.kiosk.submit_step import SubmitStep
from ui.kiosk.thanks_screen import ThanksScreen
from ui.theme import current_theme

log = logging.getLogger(__name__)

STAFF_SHORTCUT = "Ctrl+Alt+Shift+S"  # i18n: not shown - a key sequence
SCREENS = ("attract", "design", "describe", "preview", "submit", "thanks", "failed", "paused")
VISIT_SCREENS = ("design", "describe", "preview", "submit", "thanks")  # a visit is in progress on these
TIMED_SCREENS = (*VISIT_SCREENS, "failed")  # these return to the attract screen by themselves


class KioskWindow(Retranslating, QWidget):
    staff_requested = Signal()
    sig_screen_changed = Signal(str)

    def __init__(
        self, controller, still_there_s: float | None = None, reset_s: float | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.paused = False
        self.keyboard: QWidget | None = None  # the on-screen keyboard, once added (add_keyboard)
        self.staff_gate = None  # the staff's PIN pad and panel, once installed (equip)
        self.setObjectName("kiosk")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        kiosk = controller.services.settings.kiosk
        self.idle = IdleWatch(
            kiosk.still_there_after_s if still_there_s is None else still_there_s,
            kiosk.reset_after_s if reset_s is None else reset_s,
            self,
        )
        self._setup_ui()
        self.idle.sig_still_there.connect(self._on_still_there)
        self.idle.sig_tick.connect(self.still_there.show_seconds)
        self.idle.sig_back.connect(self.still_there.hide)
        self.idle.sig_reset.connect(self.end_visit)
        self.staff_shortcut = QShortcut(QKeySequence(STAFF_SHORTCUT), self)
        self.staff_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.staff_shortcut.activated.connect(self.staff_requested)
        self.header.logo.sig_staff.connect(self.staff_requested)
        self.setStyleSheet(kiosk_stylesheet(current_theme()))
        self._no_context_menus()
        self.go("attract")
        self.retranslate()

    def _setup_ui(self) -> None:
        c = self.controller
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header = KioskHeader()
        lay.addWidget(self.header)
        self.pages = QStackedWidget()
        # The steps scroll rather than overflow when the on-screen keyboard takes the bottom of the screen: the field
        # being typed into is kept in view above it (_keep_focus_in_view).
        self.scroll = QScrollArea()
        self.scroll.setObjectName("kioskPages")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.pages)
        self.scroll.viewport().setAutoFillBackground(False)
        self.pages.setAutoFillBackground(False)
        lay.addWidget(self.scroll, 1)
        self.attract = AttractScreen()
        self.design = DesignStep(c.design_vm)
        self.describe = DescribeStep(c.describe_vm)
        self.preview = PreviewStep(c.token_vm)
        self.submit = SubmitStep(c.services.chain, lambda: c.services.settings.chain.selected_network())
        self.thanks = ThanksScreen()
        self.failed = MessageScreen("failed")
        self.paused_screen = MessageScreen("paused")
        self.screens = dict(
            zip(
                SCREENS,
                (self.attract, self.design, self.describe, self.preview, self.submit, self.thanks, self.failed,
                 self.paused_screen),
            )
        )  # fmt: skip
        for screen in self.screens.values():
            self.pages.addWidget(screen)
        self.still_there = StillThereOverlay(self)
        self.still_there.sig_here.connect(self._on_still_here)

        self.attract.sig_start.connect(self.start_visit)
        self.design.sig_back.connect(self.end_visit)
        self.design.sig_next.connect(self._to_describe)
        self.describe.sig_back.connect(lambda: self.go("design"))
        self.describe.sig_next.connect(self._to_preview)
        self.preview.sig_back.connect(lambda: self.go("describe"))
        self.preview.sig_next.connect(self._to_submit)
        self.preview.sig_failed.connect(self.show_failsafe)
        self.submit.sig_back.connect(lambda: self.go("preview"))
        self.submit.sig_done.connect(self._to_thanks)
        self.submit.sig_failed.connect(self.show_failsafe)
        self.thanks.sig_done.connect(self.end_visit)
        self.failed.sig_action.connect(self.end_visit)

    # --- the screens ---

    @property
    def screen_name(self) -> str:
        return SCREENS[self.pages.currentIndex()]

    def go(self, name: str) -> None:
        if self.paused and name != "paused":
            name = "paused"
        focus = QApplication.focusWidget()
        if focus is not None and self.pages.isAncestorOf(focus) and not self.screens[name].isAncestorOf(focus):
            focus.clearFocus()  # the field left behind takes the on-screen keyboard with it
        self.pages.setCurrentWidget(self.screens[name])
        self.scroll.verticalScrollBar().setValue(0)
        self.header.show_step(name if name in self.header.step_labels else ("all" if name == "thanks" else ""))
        if name not in TIMED_SCREENS:
            self.idle.stop()
            self.still_there.hide()
        elif not self.idle.running:
            self.idle.start()
        self.sig_screen_changed.emit(name)

    def start_visit(self) -> None:
        if self.paused:
            return
        self._wipe(keep_language=True)  # a fresh session in the language just chosen: earlier designs hidden
        self.go("design")

    def end_visit(self) -> None:
        """Done, an idle reset, or Back from the first step: the visit is wiped and the attract screen waits."""
        self._wipe()
        self.go("attract")

    def show_failsafe(self) -> None:
        """Something no sentence can help with: a calm screen in the visitor's language, the visit already wiped."""
        log.warning("kiosk failsafe shown on %s", self.screen_name)
        self._wipe(keep_language=True)
        self.go("failed")

    def set_paused(self, paused: bool) -> None:
        """Staff: a calm "taking a break" screen on which no visitor can start (the visit in progress is wiped)."""
        self.paused = paused
        if paused:
            self._wipe()
            self.go("paused")
        else:
            self.go("attract")

    def _to_describe(self, design) -> None:
        self.describe.enter(design)
        self.go("describe")

    def _to_preview(self, design, language: str) -> None:
        self.controller.token_vm.set_design(design, language)
        self.go("preview")

    def _to_submit(self, draft) -> None:
        self.submit.enter(draft, self.preview.picture.image)
        self.go("submit")

    def _to_thanks(self, record, network) -> None:
        self.thanks.show_token(record, network, self.submit.picture.image)
        self.go("thanks")

    def _on_still_there(self) -> None:
        if self.screen_name in VISIT_SCREENS:  # the failsafe screen has nothing to keep: it just starts over
            self.still_there.cover()

    def _on_still_here(self) -> None:
        self.still_there.hide()
        self.idle.start()

    # --- privacy ---

    def _wipe(self, keep_language: bool = False) -> None:
        """Nothing of the visit stays: jobs stopped, the session renewed (earlier designs hidden from every listing),
        the view-models' state and every field cleared, the clipboard emptied, the kiosk's own language back."""
        c = self.controller
        self.idle.stop()
        self.still_there.hide()
        if c.services is not None:
            c.services.backend.cancel_all()
        c.start_visitor_session()
        vm = c.design_vm
        vm.negative_prompt, vm.error, vm.random_seed = "", None, True
        vm.preset, vm.keep_shape, vm.source = "studio", 40, "base"
        vm.view, vm.mask, vm.source_picture, vm.control_model = "side", "none", "", ""  # the sketch's guide goes too
        c.describe_vm.error = None
        for step in (self.design, self.describe, self.preview, self.submit, self.thanks):
            step.clear()
        clipboard = QGuiApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        if not keep_language and c.services is not None:
            home = language_for(c.services.settings.language)
            if home != current_language():
                apply_language(home)

    def _no_context_menus(self) -> None:
        for widget in (self, *self.findChildren(QWidget)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def equip(self):
        """What the kiosk needs beyond its screens: the on-screen keyboard (loaded where ui/application.py asked Qt
        for it before the QApplication existed) and the staff's way in (PIN pad, panel); returns the staff gate."""
        from ui.kiosk.keyboard import OnScreenKeyboard
        from ui.kiosk.staff_gate import install_staff_gate

        self.add_keyboard(OnScreenKeyboard(self))
        self.staff_gate = install_staff_gate(self, self.controller)
        return self.staff_gate

    def add_keyboard(self, keyboard: QWidget) -> None:
        """The on-screen keyboard (ui/kiosk/keyboard.py) as the bottom row: the screens above make room for it."""
        self.keyboard = keyboard
        self.layout().addWidget(keyboard)
        self._no_context_menus()
        shown = getattr(keyboard, "shown", None)
        if shown is not None:
            shown.connect(self._on_keyboard_shown)

    def _on_keyboard_shown(self, _up: bool) -> None:
        QTimer.singleShot(0, self, self._keep_focus_in_view)

    def _keep_focus_in_view(self) -> None:
        """The field being typed into, above the keyboard that just took room (the step scrolls to it)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.pages.isAncestorOf(focus):
            keep_visible(self.scroll, focus)

    def close_for_good(self) -> None:
        """The app is quitting: nothing keeps listening or ticking."""
        if self.staff_gate is not None:
            self.staff_gate.close()  # an open PIN pad or panel stops its timers and filters
        self.idle.stop()
        self.close()
        self.deleteLater()

    # --- Qt ---

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.still_there.isVisible():
            self.still_there.setGeometry(self.rect())
        super().resizeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("KioskWindow", "SM6 Design Studio"))
