"""The staff panel, inside the kiosk window behind the staff PIN: leave kiosk mode, pause and resume, the kiosk's
health (model, device, chain, queue, disk, on-screen keyboard, picture check), the kiosk wallet and its unlock
(staff_wallet.py), content safety (staff_safety.py) and today's submissions exported to a folder staff choose. The
middle scrolls, so it fits above the on-screen keyboard too. It closes itself after a minute without a touch
(staff_overlay.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.messages import Message
from app.showroom.export import write_submissions
from ui.i18n import Retranslating, translate
from ui.kiosk.calm_screens import words
from ui.kiosk.scrolling import keep_visible
from ui.kiosk.staff_overlay import StaffOverlay
from ui.kiosk.staff_reads import Health, read_health, todays_submissions
from ui.kiosk.staff_safety import StaffSafetySection
from ui.kiosk.staff_wallet import StaffWalletSection
from ui.tasks import deliver, run_in_background
from ui.wallet.words import network_name

SCROLL_QSS = "#staffScroll, #staffScroll > #qt_scrollarea_viewport, #staffBody { background: transparent; }"
HEALTH_ROWS = ("model", "device", "chain", "queue", "disk", "keyboard", "picture")


def _short(reason: str) -> str:
    """A reason from Qt or the classifier, for staff: one line, never a wall of text."""
    line = " ".join(str(reason).split())
    return line if len(line) <= 120 else line[:119] + "…"


def ask_for_folder(parent: QWidget) -> Path | None:
    """The kiosk's only file dialog, for staff: Qt's own (a native one could open behind a full-screen kiosk)."""
    folder = QFileDialog.getExistingDirectory(
        parent,
        translate("StaffPanel", "Export today's submissions to"),
        "",
        QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog,
    )
    return Path(folder) if folder else None


class StaffPanel(Retranslating, StaffOverlay):
    sig_exit_kiosk = Signal()
    sig_pause = Signal(bool)  # True: pause the kiosk

    def __init__(self, host: QWidget, services, paused: bool = False) -> None:
        super().__init__(host, card_width=960)
        self.services = services
        self.paused = paused
        self.choose_folder: Callable[[QWidget], Path | None] = ask_for_folder
        self.health: Health | None = None
        self.chain: tuple | None = None  # (network, block) or (network, None) when unreachable
        self.chain_error = False
        self.note: tuple[str, object] | None = None  # what the last export said: ("done", (count, folder)) or error
        self.exporting = False
        self._setup_ui()
        self.retranslate()
        self.check_health()

    def _setup_ui(self) -> None:
        lay = QVBoxLayout(self.card)
        lay.setContentsMargins(40, 36, 40, 36)
        lay.setSpacing(16)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.setSpacing(4)
        self.title = words("title", centred=False)
        self.hint = words("small", centred=False)
        heading.addWidget(self.title)
        heading.addWidget(self.hint)
        top.addLayout(heading, 1)
        self.recheck_button = self._button(top, self.check_health)
        top.setAlignment(self.recheck_button, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)
        body = QWidget()
        body.setObjectName("staffBody")
        middle = QVBoxLayout(body)
        middle.setContentsMargins(0, 0, 16, 0)
        middle.setSpacing(24)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        self.names: dict[str, object] = {}
        self.values: dict[str, object] = {}
        for row, key in enumerate(HEALTH_ROWS):
            name, value = words("secondary", centred=False), words("body", centred=False)
            self.names[key], self.values[key] = name, value
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        middle.addLayout(grid)
        self.wallet = StaffWalletSection(self.services)
        middle.addWidget(self.wallet)
        self.safety = StaffSafetySection(self.services)
        middle.addWidget(self.safety)
        middle.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.scroll.setObjectName("staffScroll")
        self.scroll.setStyleSheet(SCROLL_QSS)
        QScroller.grabGesture(self.scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        lay.addWidget(self.scroll, 1)
        self.scroll.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.message = words("message", centred=False)
        self.message.hide()
        lay.addWidget(self.message)
        actions, leave = QHBoxLayout(), QHBoxLayout()
        actions.setSpacing(16)
        leave.setSpacing(16)
        self.pause_button = self._button(actions, self._on_pause, stretch=1)
        self.export_button = self._button(actions, self._on_export, stretch=1)
        self.exit_button = self._button(leave, self.sig_exit_kiosk.emit)
        leave.addStretch(1)
        self.close_button = self._button(leave, self.close_overlay, primary=True)
        self.footer = QWidget()
        bottom = QVBoxLayout(self.footer)
        bottom.setContentsMargins(0, 8, 0, 0)
        bottom.setSpacing(16)
        bottom.addLayout(actions)
        bottom.addLayout(leave)
        lay.addWidget(self.footer)
        if self.keyboard is not None and hasattr(self.keyboard, "shown"):
            self.keyboard.shown.connect(self._on_keyboard)

    def cover(self) -> None:
        """Fits the card to the room there is (above the keyboard too): the middle scrolls."""
        super().cover()
        self._fit_card()

    def _fit_card(self) -> None:
        self.card.setMaximumHeight(max(240, self.height() - 32))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_card()

    def _on_keyboard(self, up: bool) -> None:
        """While staff type (the keyboard up, the room halved), the panel's own buttons step aside for the field."""
        if not self.closed:
            self.footer.setVisible(not up)
            self.hint.setVisible(not up)
            focus = QApplication.focusWidget()
            if up and focus is not None and self.scroll.widget().isAncestorOf(focus):
                QTimer.singleShot(0, self, lambda: self._keep_in_view(focus))

    def _on_focus_changed(self, _old, new) -> None:
        """The field staff type into stays in view, above the on-screen keyboard that just took room."""
        if new is not None and shiboken6.isValid(self) and not self.closed and self.scroll.widget().isAncestorOf(new):
            QTimer.singleShot(0, self, lambda: self._keep_in_view(new))

    def _keep_in_view(self, widget) -> None:
        if shiboken6.isValid(widget) and not self.closed:
            keep_visible(self.scroll, widget)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is getattr(self, "scroll", None) and event.type() == QEvent.Type.Resize and not self.closed:
            focus = QApplication.focusWidget()  # the keyboard came up and the room shrank: the field stays in view
            if focus is not None and self.scroll.widget().isAncestorOf(focus):
                QTimer.singleShot(0, self, lambda: self._keep_in_view(focus))
        return super().eventFilter(obj, event)

    def stop_timers(self) -> None:
        QApplication.instance().focusChanged.disconnect(self._on_focus_changed)

    def _button(self, row: QHBoxLayout, slot, primary: bool = False, stretch: int = 0) -> QPushButton:
        button = QPushButton()
        button.setProperty("primary", primary)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        row.addWidget(button, stretch)
        return button

    def retranslate(self) -> None:
        self.title.setText(translate("StaffPanel", "Staff panel"))
        self.hint.setText(translate("StaffPanel", "Closes by itself after a minute without a touch."))
        self.names["model"].setText(translate("StaffPanel", "Model"))
        self.names["device"].setText(translate("StaffPanel", "Runs on"))
        self.names["chain"].setText(translate("StaffPanel", "Network"))
        self.names["queue"].setText(translate("StaffPanel", "Generation queue"))
        self.names["disk"].setText(translate("StaffPanel", "Disk space"))
        self.names["keyboard"].setText(translate("StaffPanel", "On-screen keyboard"))
        self.names["picture"].setText(translate("StaffPanel", "Picture check"))
        self.export_button.setText(translate("StaffPanel", "Export today's submissions…"))
        self.recheck_button.setText(translate("StaffPanel", "Check again"))
        self.exit_button.setText(translate("StaffPanel", "Exit kiosk mode"))
        self.exit_button.setToolTip(translate("StaffPanel", "Turns kiosk mode off and restarts as the desktop app"))
        self.close_button.setText(translate("StaffPanel", "Close"))
        self._show_pause()
        self._show_health()
        self._show_note()

    # --- pause -----------------------------------------------------------------------------------

    def _on_pause(self) -> None:
        self.paused = not self.paused
        self.sig_pause.emit(self.paused)
        self._show_pause()

    def _show_pause(self) -> None:
        if self.paused:
            self.pause_button.setText(translate("StaffPanel", "Resume the kiosk"))
        else:
            self.pause_button.setText(translate("StaffPanel", "Pause the kiosk"))

    # --- health ----------------------------------------------------------------------------------

    def check_health(self) -> None:
        self.health, self.chain, self.chain_error = None, None, False
        self._show_health()
        if hasattr(self, "wallet"):
            self.wallet.refresh()
        services = self.services
        run_in_background(lambda: read_health(services), self._on_health, self._on_health_failed, parent=self)
        if services.chain is not None:
            deliver(services.chain.head(), self._on_chain, self._on_chain_failed, parent=self)

    def _on_health(self, health: Health) -> None:
        self.health = health
        self._show_health()

    def _on_health_failed(self, _error: BaseException) -> None:
        self.health = Health("", None, "", 0, -1, -1)
        self._show_health()

    def _on_chain(self, head) -> None:
        network, block = head
        self.chain = (network, block)
        self._show_health()

    def _on_chain_failed(self, _error: BaseException) -> None:
        self.chain_error = True
        self._show_health()

    def _show_health(self) -> None:
        checking = translate("StaffPanel", "Checking…")
        h = self.health
        v = self.values
        if h is None:
            for key in ("model", "device", "queue", "disk", "picture"):
                v[key].setText(checking)
        else:
            v["model"].setText(h.model or str(h.model_problem or translate("StaffPanel", "No model can be used")))
            v["device"].setText(h.device or translate("StaffPanel", "Unknown"))
            if h.queue == 0:
                v["queue"].setText(translate("StaffPanel", "Nothing waiting"))
            elif h.queue == 1:
                v["queue"].setText(translate("StaffPanel", "1 job queued or running"))
            else:
                v["queue"].setText(translate("StaffPanel", "{count} jobs queued or running").format(count=h.queue))
            self._show_picture(h.picture_problem)
            if h.disk_free < 0:
                v["disk"].setText(translate("StaffPanel", "Unknown"))
            else:
                locale = QLocale()
                v["disk"].setText(
                    translate("StaffPanel", "{free} free of {total}").format(
                        free=locale.formattedDataSize(h.disk_free), total=locale.formattedDataSize(h.disk_total)
                    )
                )
        self._show_keyboard()
        if self.services.chain is None:
            v["chain"].setText(translate("StaffPanel", "Not set up"))
        elif self.chain_error:
            v["chain"].setText(translate("StaffPanel", "Cannot be reached"))
        elif self.chain is None:
            v["chain"].setText(checking)
        else:
            network, block = self.chain
            v["chain"].setText(
                translate("StaffPanel", "{network} · reachable · block {block}").format(
                    network=network_name(network),
                    block=QLocale().toString(block),  # in the language shown now
                )
            )

    def _show_keyboard(self) -> None:
        keyboard = self.keyboard
        if keyboard is None:
            text = translate("StaffPanel", "Not in use")
        elif getattr(keyboard, "available", False):
            text = translate("StaffPanel", "Ready")
        else:
            text = translate("StaffPanel", "Not available ({reason})").format(reason=_short(keyboard.problem))
        self.values["keyboard"].setText(text)

    def _show_picture(self, problem: str | None) -> None:
        if problem is None:
            text = translate("StaffPanel", "Unknown")
        elif not problem:
            text = translate("StaffPanel", "Ready")
        else:
            text = translate("StaffPanel", "Not available, so no picture can be submitted ({reason})").format(
                reason=_short(problem)
            )
        self.values["picture"].setText(text)

    # --- export ----------------------------------------------------------------------------------

    def _on_export(self) -> None:
        if self.exporting or self.services.chain is None:
            return
        folder = self.choose_folder(self)
        if folder is None or self.closed:
            return
        self.exporting = True
        self.export_button.setEnabled(False)
        services, day = self.services, date.today()

        def write(records: list) -> tuple[int, Path]:
            rows = todays_submissions(services, records, day)
            return len(rows), write_submissions(folder, rows, day)

        def on_records(records: list) -> None:
            run_in_background(lambda: write(records), self._on_exported, self._on_export_failed, parent=self)

        deliver(services.chain.mints(), on_records, self._on_export_failed, parent=self)

    def _on_exported(self, result: tuple[int, Path]) -> None:
        self.exporting = False
        self.export_button.setEnabled(True)
        self.note = ("done", result)
        self._show_note()

    def _on_export_failed(self, error: BaseException) -> None:
        self.exporting = False
        self.export_button.setEnabled(True)
        self.note = ("error", error.msg if isinstance(error, UserFacingError) else None)
        self._show_note()

    def show_problem(self, message: Message) -> None:
        """A sentence from the gate (leaving kiosk mode failed), shown where the export's result goes."""
        self.note = ("error", message)
        self._show_note()

    def _show_note(self) -> None:
        if self.note is None:
            self.message.hide()
            return
        kind, what = self.note
        if kind == "done":
            count, folder = what
            if count == 0:
                text = translate("StaffPanel", "No submissions today. An empty list was saved in {folder}.")
            elif count == 1:
                text = translate("StaffPanel", "1 submission exported to {folder}.")
            else:
                text = translate("StaffPanel", "{count} submissions exported to {folder}.")
            text = text.format(count=count, folder=str(folder))
        else:
            text = str(what) if what is not None else translate("StaffPanel", "The export failed. Try again.")
        self.message.setText(text)
        self.message.show()
