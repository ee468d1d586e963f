"""The application shell: navigation rail, workspaces, status bar. No business logic lives here."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from app.messages import Message
from ui.i18n import Retranslating, translate
from ui.icons import pixmap
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XS, current_theme
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.error_banner import ErrorBanner, Severity
from ui.widgets.nav_rail import NavRail
from ui.widgets.status_chip import StatusChip
from ui.widgets.words import Words, said

DEFAULT_SIZE = QSize(1440, 900)
# Small enough for a 1280×800 screen once the OS title bar and task bar take their share;
# workspaces must fit in (MINIMUM_SIZE - rail - status bar), about 936×640.
MINIMUM_SIZE = QSize(1024, 680)
MAX_NUMBERED_SHORTCUTS = 9
SETTINGS_SHORTCUT = "Ctrl+,"
BUSY_CHIP_MAX_WIDTH = 360  # a longer status ends in "…" (its tooltip has it all)


def window_title() -> str:
    return translate("MainWindow", "SM6 Design Studio")


class _StatusItem(QWidget):
    """An icon and a short text for the status bar, e.g. the model name or the device."""

    def __init__(self, icon_name: str, describe: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._tone = "neutral"  # "warning": the icon in the warning colour (the words say it too)
        self._describe = describe  # the text → its tooltip and accessible name, a whole sentence in any language
        self._words: Words = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACE_S, 0, SPACE_S, 0)
        layout.setSpacing(SPACE_XS + 2)
        self._icon = QLabel()
        self._icon.setFixedSize(14, 14)
        # A model name from a file can be any length: it gives way with "…" before the busy chip is cut.
        self.label = ElidedLabel()
        layout.addWidget(self._icon)
        layout.addWidget(self.label)
        self._refresh_icon()

    def set_icon(self, icon_name: str, tone: str = "neutral") -> None:
        self._icon_name, self._tone = icon_name, tone
        self._refresh_icon()

    def set_text(self, words: Words) -> None:
        self._words = words
        self.refresh_text()

    def refresh_text(self) -> None:
        text = said(self._words)
        self.label.set_full_text(text)
        self.setToolTip(self._describe(text))
        self.setAccessibleName(self._describe(text))

    def _refresh_icon(self) -> None:
        theme = current_theme()
        color = theme.text_secondary if self._tone == "neutral" else theme.color(self._tone)
        self._icon.setPixmap(pixmap(self._icon_name, color, 14))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)


class MainWindow(Retranslating, QMainWindow):
    sig_workspace_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widgets: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}  # pages made when first shown
        self._titles: dict[str, Words] = {}
        self._shortcuts: dict[str, QShortcut] = {}
        self._numbered: list[str] = []
        self._busy: tuple[bool, Words] = (False, "")
        self._notice: tuple[Words | Message, Words, Severity] | None = None
        self._setup_ui()
        self.retranslate()

    def _setup_ui(self) -> None:
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(_fit_to_screen(DEFAULT_SIZE))

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav_rail = NavRail()
        self.nav_rail.sig_selected.connect(self._on_nav_selected)
        self.stack = QStackedWidget()
        self.stack.setObjectName("workspaces")
        # Above every workspace: what the whole app must tell the person at start (e.g. a settings file that could
        # not be read). Hidden until there is something to say.
        self.notice = ErrorBanner()
        self._notice_box = QWidget()
        notice_layout = QVBoxLayout(self._notice_box)
        notice_layout.setContentsMargins(SPACE_L, SPACE_M, SPACE_L, 0)
        notice_layout.addWidget(self.notice)
        self._notice_box.hide()
        self.notice.sig_dismissed.connect(self._on_notice_dismissed)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._notice_box)
        column.addWidget(self.stack, 1)
        layout.addWidget(self.nav_rail)
        layout.addLayout(column, 1)
        self.setCentralWidget(central)

        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self._model_item = _StatusItem("model", lambda text: translate("MainWindow", "Model: {name}").format(name=text))
        self._device_item = _StatusItem("cpu", lambda text: translate("MainWindow", "Device: {name}").format(name=text))
        self._busy_chip = StatusChip("", "neutral", "success")
        self._busy_chip.setMaximumWidth(BUSY_CHIP_MAX_WIDTH)
        bar.addPermanentWidget(self._model_item)
        bar.addPermanentWidget(self._device_item)
        bar.addPermanentWidget(self._busy_chip)
        bar.setContentsMargins(SPACE_S, SPACE_XS, SPACE_S, SPACE_XS)
        self.set_model(None)
        self.set_device("CPU")

    def retranslate(self) -> None:
        title = window_title()
        # Linux window managers show "<title> — <display name>" when the two differ: both follow the language.
        QGuiApplication.setApplicationDisplayName(title)
        self.setWindowTitle(title)
        for key in self._titles:
            self._show_title(key)
        self._model_item.refresh_text()
        self._device_item.refresh_text()
        self.set_busy(*self._busy)
        if self._notice is not None and not self._notice_box.isHidden():  # shown, even while the window is not
            self.show_notice(*self._notice)

    # --- workspaces ----------------------------------------------------------------------------

    def add_workspace(
        self,
        key: str,
        widget: QWidget | Callable[[], QWidget],
        title: Words,
        icon_name: str,
        *,
        bottom: bool | None = None,
    ) -> None:
        """Add a page and its rail item, in call order. The first nine top items get Ctrl+1..9.
        "settings" is pinned to the rail's bottom (unless `bottom` says otherwise) and gets Ctrl+,.

        `widget` may be a function that makes the page: it is called the first time the page is shown or asked for
        (`workspace(key)`), so a page few people open (Settings) costs nothing before the window's first paint.
        `title` is said again when the language changes: pass `lambda: translate(...)`, not the words of the moment."""
        if not isinstance(widget, QWidget):
            self._factories[key] = widget
            widget = QWidget()  # stands in the stack until the page is made
        if bottom is None:
            bottom = key == "settings"
        if key in self._widgets:
            raise ValueError(f"workspace {key!r} exists already")  # i18n: not shown
        shortcut_text = ""
        if not bottom and len(self._numbered) < MAX_NUMBERED_SHORTCUTS:
            self._numbered.append(key)
            shortcut_text = f"Ctrl+{len(self._numbered)}"
        elif key == "settings":
            shortcut_text = SETTINGS_SHORTCUT
        self.nav_rail.add_item(key, said(title), icon_name, bottom=bottom)
        self._widgets[key] = widget
        self._titles[key] = title
        self.stack.addWidget(widget)
        if shortcut_text:
            shortcut = QShortcut(QKeySequence(shortcut_text), self)
            shortcut.activated.connect(lambda k=key: self.show_workspace(k))
            self._shortcuts[key] = shortcut
        self._show_title(key)
        if len(self._widgets) == 1:
            self.show_workspace(key)

    def _show_title(self, key: str) -> None:
        title, item, shortcut = said(self._titles[key]), self.nav_rail.item(key), self._shortcuts.get(key)
        item.setText(title)
        item.setAccessibleName(title)
        if shortcut is None:
            item.setToolTip(title)
        else:
            keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(translate("MainWindow", "{workspace} ({shortcut})").format(workspace=title, shortcut=keys))

    def show_workspace(self, key: str) -> None:
        widget = self.workspace(key)  # KeyError for an unknown key: a programming error, fail loudly
        changed = self.stack.currentWidget() is not widget
        self.stack.setCurrentWidget(widget)
        self.nav_rail.set_current(key)
        if changed:
            self.sig_workspace_changed.emit(key)

    def current_workspace(self) -> str | None:
        current = self.stack.currentWidget()
        return next((k for k, w in self._widgets.items() if w is current), None)

    def workspace(self, key: str) -> QWidget:
        factory = self._factories.pop(key, None)
        if factory is not None:
            stand_in = self._widgets[key]
            page = factory()
            self.stack.insertWidget(self.stack.indexOf(stand_in), page)
            self._widgets[key] = page
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        return self._widgets[key]

    def workspace_keys(self) -> list[str]:
        return self.nav_rail.keys()

    def shortcut_for(self, key: str) -> QKeySequence | None:
        shortcut = self._shortcuts.get(key)
        return shortcut.key() if shortcut else None

    def show_notice(self, message: Words | Message, details: Words = "", severity: Severity = "warning") -> None:
        """A message for the whole window, above the workspaces, until the person dismisses it. A core Message (or
        a function) is said again in the new language when the language changes."""
        self._notice = (message, details, severity)
        self.notice.show_message(said(message), said(details), severity)
        self._notice_box.show()

    def _on_notice_dismissed(self) -> None:
        self._notice = None
        self._notice_box.hide()

    # --- status bar ----------------------------------------------------------------------------

    def set_model(self, text: Words | None) -> None:
        """The model's name (from its file: shown as it is); None says there is no model."""
        self._model_item.set_text(text if text is not None else (lambda: translate("MainWindow", "No model")))

    def set_device(self, text: str) -> None:
        """E.g. "CPU" or "CUDA · RTX 4090"; anything not starting with CPU gets the GPU icon."""
        self._device_item.set_icon("cpu" if text.strip().upper().startswith("CPU") else "gpu")
        self._device_item.set_text(text)

    def set_place(self, words: Words, icon_name: str, warning: bool = False) -> None:
        """Where designs are generated (ui/generation_place.py), e.g. "Server · CUDA · NVIDIA H200 · 2 waiting";
        `warning` when the server cannot be reached (a warning icon beside the words that say so)."""
        self._device_item.set_icon(icon_name, "warning" if warning else "neutral")
        self._device_item.set_text(words)

    def set_busy(self, busy: bool, text: Words = "") -> None:
        """`text` as for `show_notice`: a function or a Message follows a change of language."""
        self._busy = (busy, text)
        if busy:
            self._busy_chip.set_state(said(text) or translate("MainWindow", "Working…"), "info", "refresh")
        else:
            self._busy_chip.set_state(said(text) or translate("MainWindow", "Ready"), "neutral", "success")

    def busy_chip(self) -> StatusChip:
        return self._busy_chip

    def status_texts(self) -> tuple[str, str, str]:
        """Model, device and busy texts in full (the screen may end them in "…"); for tests and accessibility."""
        return self._model_item.label.full_text(), self._device_item.label.full_text(), self._busy_chip.text()

    # --- slots ---------------------------------------------------------------------------------

    def _on_nav_selected(self, key: str) -> None:
        self.show_workspace(key)


def _fit_to_screen(size: QSize) -> QSize:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return size
    available = screen.availableGeometry().size()
    return QSize(min(size.width(), available.width()), min(size.height(), available.height()))
