"""The kiosk's on-screen keyboard: Qt Virtual Keyboard (PySide6's add-ons) in the kiosk window's own layout.

A touch kiosk has no keyboard, and a visitor types a prompt, a description and a wallet address, in Korean or
English. The keyboard is a row at the bottom of the kiosk window (not a window of its own floating over the
content): it takes room only while a text field has focus, so the layout above it moves up rather than being
covered, and it follows the kiosk's language (Hangul composes as it is typed: ㅎ ㅏ ㄴ → 한).

Qt picks its input method when the application starts: `prepare_environment()` must run before the QApplication
exists (ui/application.py does so for the kiosk). Where Qt Virtual Keyboard cannot load (a missing system
library, e.g. Debian's libpulse0), the kiosk runs without it: `OnScreenKeyboard.available` is False, the reason
is logged, and staff see it under Health.

A Python Qt message handler (qInstallMessageHandler) must not be installed in a process that loads the keyboard:
loading its QML then hangs (seen with PySide6 6.11). The app installs none.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QEvent, QMetaObject, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from app import paths
from ui.i18n import current_language

log = logging.getLogger(__name__)

INPUT_METHOD = "qtvirtualkeyboard"
_KEYBOARD_LOCALES = {"ko": "ko_KR", "en": "en_GB"}


def prepare_environment(environ: "os._Environ[str] | dict[str, str] | None" = None) -> None:
    """Ask Qt for the virtual keyboard as the input method, shown inside our window rather than its own. Before
    the QApplication is made; a person's own QT_IM_MODULE choice is kept."""
    env = os.environ if environ is None else environ
    env.setdefault("QT_IM_MODULE", INPUT_METHOD)
    env["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] = "1"
    if env.get("QT_QPA_PLATFORM") == "offscreen":  # no GPU context headless: Qt Quick draws in software
        env.setdefault("QT_QUICK_BACKEND", "software")


def input_method_ready() -> bool:
    return os.environ.get("QT_IM_MODULE") == INPUT_METHOD


class _Host(QObject):
    """What the keyboard's QML tells us: shown or hidden, and how tall it is."""

    active = Signal(bool)
    height = Signal(int)

    @Slot(bool)
    def panelActive(self, active: bool) -> None:  # noqa: N802 - called from QML
        self.active.emit(active)

    @Slot(float)
    def panelHeight(self, height: float) -> None:  # noqa: N802 - called from QML
        self.height.emit(round(height))


class OnScreenKeyboard(QWidget):
    """The keyboard row. No room taken (height 0) until a text field in the window asks for input."""

    shown = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OnScreenKeyboard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._view = None
        self._root = None
        self.available = False
        self.problem = ""
        self.active = False
        self._panel_height = 0
        self.setFixedHeight(0)  # no room until a field wants input (kept shown: the keyboard must stay loaded)
        if not input_method_ready():
            self.problem = "QT_IM_MODULE is not qtvirtualkeyboard"  # i18n: not shown (the log, staff's details)
            return
        self._load()

    def _load(self) -> None:
        from PySide6.QtQuickWidgets import QQuickWidget

        self._host = _Host(self)
        view = QQuickWidget(self)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap on a key must leave the focus in the text field
        view.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        view.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        view.setClearColor(Qt.GlobalColor.transparent)
        view.rootContext().setContextProperty("host", self._host)
        self._host.active.connect(self._on_active)
        self._host.height.connect(self._on_height)
        view.setSource(QUrl.fromLocalFile(str(paths.resource("kiosk", "keyboard.qml"))))
        if view.status() != QQuickWidget.Status.Ready or view.rootObject() is None:
            errors = "; ".join(e.toString() for e in view.errors())
            self.problem = errors or "keyboard.qml did not load"  # i18n: not shown (the log, staff's details)
            log.warning("on-screen keyboard unavailable: %s", self.problem)
            view.deleteLater()
            return
        self._view, self._root = view, view.rootObject()
        self.available = True
        self.follow_language()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field that takes text gets the keyboard as soon as it has focus (a tap, or the step that focused it);
        anything else sends it away, so it never covers a screen that has nothing to type."""
        if (
            new is not None
            and new.window() is self.window()
            and new.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        ):
            self.follow_language()
            QGuiApplication.inputMethod().show()
        elif new is None or new.window() is self.window():
            QGuiApplication.inputMethod().hide()

    def follow_language(self) -> None:
        """The keyboard in the kiosk's language, or English letters while the field being typed into takes nothing
        else (a wallet address says so with Qt.ImhLatinOnly), so nobody has to find the globe key."""
        if self._root is None:
            return
        focused = QApplication.focusWidget()
        latin_only = focused is not None and bool(focused.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly)
        locale = "en_GB" if latin_only else _KEYBOARD_LOCALES.get(current_language(), "en_GB")
        self._root.setProperty("locale", locale)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.follow_language()
        super().changeEvent(event)

    def input_locale(self) -> str:
        if self._root is None:
            return ""
        return str(QMetaObject.invokeMethod(self._root, "inputLocale", Q_RETURN_ARG("QVariant")))

    def type_key(self, key: Qt.Key, text: str) -> bool:
        """Sends one key as a tap on it would (the keyboard's input engine)."""
        if self._root is None:
            return False
        return bool(
            QMetaObject.invokeMethod(
                self._root, "typeKey", Q_RETURN_ARG("QVariant"), Q_ARG("QVariant", int(key)), Q_ARG("QVariant", text)
            )
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._view is not None:
            self._view.setGeometry(self.rect())
        super().resizeEvent(event)

    def _on_height(self, height: int) -> None:
        self._panel_height = height
        self.setFixedHeight(height if self.active else 0)

    def _on_active(self, active: bool) -> None:
        self.active = active
        self.setFixedHeight(self._panel_height if active else 0)
        self.shown.emit(active)
