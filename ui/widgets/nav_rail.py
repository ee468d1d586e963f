"""The vertical navigation rail: one icon-and-label item per workspace, Settings pinned at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from ui.i18n import Retranslating, translate
from ui.icons import icon
from ui.theme import SPACE_M, SPACE_S, SPACE_XS, TOUCH_LARGE, current_theme, repolish

RAIL_WIDTH = 88
ITEM_WIDTH = 72
ITEM_HEIGHT = TOUCH_LARGE  # 64: a comfortable target with a mouse and a finger alike
ICON_SIZE = 24
INDICATOR_WIDTH = 4
INDICATOR_HEIGHT = 32


class NavItem(QToolButton):
    """Its words are the window's to set (ui/main_window.py says them again when the language changes)."""

    def __init__(self, key: str, label: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.icon_name = icon_name
        self.setObjectName("navItem")
        self.setText(label)
        self.setAccessibleName(label)
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setFixedWidth(ITEM_WIDTH)
        self.setMinimumHeight(ITEM_HEIGHT)
        # Tab reaches the rail, arrows move within it; a mouse click doesn't leave a focus ring behind.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.toggled.connect(self.refresh_icon)

    def focusInEvent(self, event: QFocusEvent) -> None:
        keyboard = event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        self._set_keyboard_focus(keyboard)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._set_keyboard_focus(False)
        super().focusOutEvent(event)

    def _set_keyboard_focus(self, on: bool) -> None:
        if self.property("keyboardFocus") != on:
            self.setProperty("keyboardFocus", on)
            repolish(self)

    def refresh_icon(self) -> None:
        theme = current_theme()
        color = theme.text if self.isChecked() else theme.text_secondary
        self.setIcon(icon(self.icon_name, color, ICON_SIZE))


class NavRail(Retranslating, QFrame):
    """Items are exclusive: exactly one is checked once any exists. `sig_selected(key)` fires on user choice."""

    sig_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navRail")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(RAIL_WIDTH)
        self._items: dict[str, NavItem] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.buttonClicked.connect(self._on_item_clicked)
        self._setup_ui()
        self.retranslate()

    def retranslate(self) -> None:
        self._brand.setAccessibleName(translate("NavRail", "SM6 Design Studio"))

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_S, SPACE_M, SPACE_S, SPACE_M)
        layout.setSpacing(SPACE_XS)
        self._brand = QLabel("SM6")
        self._brand.setObjectName("navBrand")
        self._brand.setProperty("role", "emphasis")
        self._brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._brand)
        layout.addSpacing(SPACE_M)
        self._top = QVBoxLayout()
        self._top.setSpacing(SPACE_XS)
        self._bottom = QVBoxLayout()
        self._bottom.setSpacing(SPACE_XS)
        layout.addLayout(self._top)
        layout.addStretch(1)
        layout.addLayout(self._bottom)

    # --- API -----------------------------------------------------------------------------------

    def add_item(
        self, key: str, label: str, icon_name: str, *, bottom: bool = False, tooltip: str | None = None
    ) -> NavItem:
        if key in self._items:
            raise ValueError(f"navigation item {key!r} exists already")  # i18n: not shown
        item = NavItem(key, label, icon_name, self)
        item.setToolTip(tooltip or label)
        item.installEventFilter(self)
        self._group.addButton(item)
        (self._bottom if bottom else self._top).addWidget(item, 0, Qt.AlignmentFlag.AlignHCenter)
        self._items[key] = item
        item.refresh_icon()
        if len(self._items) == 1:
            item.setChecked(True)
        return item

    def keys(self) -> list[str]:
        """Keys in visual order, top to bottom."""
        return sorted(self._items, key=lambda k: self._visual_index(self._items[k]))

    def item(self, key: str) -> NavItem:
        return self._items[key]

    def current(self) -> str | None:
        checked = self._group.checkedButton()
        return checked.key if isinstance(checked, NavItem) else None

    def set_current(self, key: str) -> None:
        """Select without emitting `sig_selected`: the caller already knows."""
        self._items[key].setChecked(True)
        self.update()

    # --- behaviour -----------------------------------------------------------------------------

    def _on_item_clicked(self, item: NavItem) -> None:
        self.update()
        self.sig_selected.emit(item.key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, NavItem) and event.type() == QEvent.Type.KeyPress:
            if self._on_item_key(watched, event):  # type: ignore[arg-type]
                return True
        return super().eventFilter(watched, event)

    def _on_item_key(self, item: NavItem, event: QKeyEvent) -> bool:
        keys = self.keys()
        index = keys.index(item.key)
        target = {
            Qt.Key.Key_Up: index - 1,
            Qt.Key.Key_Down: index + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(keys) - 1,
        }.get(Qt.Key(event.key()))
        if target is not None:
            # Like tabs: moving with the arrows selects, wrapping at the ends.
            chosen = self._items[keys[target % len(keys)]]
            chosen.setFocus(Qt.FocusReason.TabFocusReason)
            chosen.click()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item.click()
            return True
        return False

    def _visual_index(self, item: NavItem) -> int:
        top = self._top.indexOf(item)
        return top if top >= 0 else 1000 + self._bottom.indexOf(item)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        checked = self._group.checkedButton()
        if checked is None:
            return
        # The accent pill at the rail's left edge marks the active workspace without colouring its text.
        geo = checked.geometry()
        rect = QRectF(0, geo.center().y() - INDICATOR_HEIGHT / 2 + 1, INDICATOR_WIDTH, INDICATOR_HEIGHT)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(current_theme().accent))
        painter.drawRoundedRect(rect.adjusted(-INDICATOR_WIDTH, 0, 0, 0), INDICATOR_WIDTH, INDICATOR_WIDTH)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            for item in self._items.values():
                item.refresh_icon()
        super().changeEvent(event)
