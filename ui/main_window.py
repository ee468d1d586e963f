"""The application shell: navigation rail, workspaces, status bar. No business logic lives here."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from ui.icons import pixmap
from ui.theme import SPACE_L, SPACE_M, SPACE_S, SPACE_XS, current_theme
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.error_banner import ErrorBanner, Severity
from ui.widgets.nav_rail import NavRail
from ui.widgets.status_chip import StatusChip

WINDOW_TITLE = "SM6 Design Studio"
DEFAULT_SIZE = QSize(1440, 900)
# Small enough for a 1280×800 screen once the OS title bar and task bar take their share;
# workspaces must fit in (MINIMUM_SIZE - rail - status bar), about 936×640.
MINIMUM_SIZE = QSize(1024, 680)
MAX_NUMBERED_SHORTCUTS = 9
SETTINGS_SHORTCUT = "Ctrl+,"
BUSY_CHIP_MAX_WIDTH = 360  # a longer status ends in "…" (its tooltip has it all)


class _StatusItem(QWidget):
    """An icon and a short text for the status bar, e.g. the model name or the device."""

    def __init__(self, icon_name: str, accessible_prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._prefix = accessible_prefix
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

    def set_icon(self, icon_name: str) -> None:
        self._icon_name = icon_name
        self._refresh_icon()

    def set_text(self, text: str) -> None:
        self.label.set_full_text(text)
        self.setToolTip(f"{self._prefix}: {text}")
        self.setAccessibleName(f"{self._prefix}: {text}")

    def _refresh_icon(self) -> None:
        self._icon.setPixmap(pixmap(self._icon_name, current_theme().text_secondary, 14))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_icon()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    sig_workspace_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widgets: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}  # pages made when first shown
        self._titles: dict[str, str] = {}
        self._shortcuts: dict[str, QShortcut] = {}
        self._numbered: list[str] = []
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setWindowTitle(WINDOW_TITLE)
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
        self.notice.sig_dismissed.connect(self._notice_box.hide)
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
        self._model_item = _StatusItem("model", "Model")
        self._device_item = _StatusItem("cpu", "Device")
        self._busy_chip = StatusChip("Ready", "neutral", "success")
        self._busy_chip.setMaximumWidth(BUSY_CHIP_MAX_WIDTH)
        bar.addPermanentWidget(self._model_item)
        bar.addPermanentWidget(self._device_item)
        bar.addPermanentWidget(self._busy_chip)
        bar.setContentsMargins(SPACE_S, SPACE_XS, SPACE_S, SPACE_XS)
        self.set_model("No model")
        self.set_device("CPU")

    # --- workspaces ----------------------------------------------------------------------------

    def add_workspace(
        self,
        key: str,
        widget: QWidget | Callable[[], QWidget],
        title: str,
        icon_name: str,
        *,
        bottom: bool | None = None,
    ) -> None:
        """Add a page and its rail item, in call order. The first nine top items get Ctrl+1..9.
        "settings" is pinned to the rail's bottom (unless `bottom` says otherwise) and gets Ctrl+,.

        `widget` may be a function that makes the page: it is called the first time the page is shown or asked for
        (`workspace(key)`), so a page few people open (Settings) costs nothing before the window's first paint."""
        if not isinstance(widget, QWidget):
            self._factories[key] = widget
            widget = QWidget()  # stands in the stack until the page is made
        if bottom is None:
            bottom = key == "settings"
        if key in self._widgets:
            raise ValueError(f"workspace {key!r} exists already")
        shortcut_text = ""
        if not bottom and len(self._numbered) < MAX_NUMBERED_SHORTCUTS:
            self._numbered.append(key)
            shortcut_text = f"Ctrl+{len(self._numbered)}"
        elif key == "settings":
            shortcut_text = SETTINGS_SHORTCUT
        seq = QKeySequence(shortcut_text)
        tooltip = f"{title} ({seq.toString(QKeySequence.SequenceFormat.NativeText)})" if shortcut_text else title
        self.nav_rail.add_item(key, title, icon_name, bottom=bottom, tooltip=tooltip)
        self._widgets[key] = widget
        self._titles[key] = title
        self.stack.addWidget(widget)
        if shortcut_text:
            shortcut = QShortcut(seq, self)
            shortcut.activated.connect(lambda k=key: self.show_workspace(k))
            self._shortcuts[key] = shortcut
        if len(self._widgets) == 1:
            self.show_workspace(key)

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

    def show_notice(self, message: str, details: str = "", severity: Severity = "warning") -> None:
        """A message for the whole window, above the workspaces, until the person dismisses it."""
        self.notice.show_message(message, details, severity)
        self._notice_box.show()

    # --- status bar ----------------------------------------------------------------------------

    def set_model(self, text: str) -> None:
        self._model_item.set_text(text)

    def set_device(self, text: str) -> None:
        """E.g. "CPU" or "CUDA · RTX 4090"; anything not starting with CPU gets the GPU icon."""
        self._device_item.set_icon("cpu" if text.strip().upper().startswith("CPU") else "gpu")
        self._device_item.set_text(text)

    def set_busy(self, busy: bool, text: str = "") -> None:
        if busy:
            self._busy_chip.set_state(text or "Working…", "info", "refresh")
        else:
            self._busy_chip.set_state(text or "Ready", "neutral", "success")

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
