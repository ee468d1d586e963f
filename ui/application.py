"""Starting the window: Qt first, on screen at once; torch and the model load in the background afterwards."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from app.kiosk import DESKTOP, Policy

log = logging.getLogger(__name__)


def create_qapplication(policy: Policy = DESKTOP) -> QApplication:
    if policy.guided_flow and QApplication.instance() is None:
        from ui.kiosk.keyboard import prepare_environment

        prepare_environment()  # Qt picks its input method as the QApplication is made: the kiosk's keyboard first
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("SM6 Design Studio")  # i18n: not shown (names the app's folders; the same in any language)
    app.setOrganizationName("SM6")
    app.setApplicationDisplayName("SM6 Design Studio")  # i18n: not shown (the window gives it in the person's language)
    app.setDesktopFileName("sm6-studio")  # i18n: not shown (Linux desktops match the installed sm6-studio.desktop)
    app.setWindowIcon(app_icon())
    from ui.widgets.dates import show_moments_in_messages

    show_moments_in_messages()  # a date inside a core message reads like every other date on screen
    return app


def app_icon() -> QIcon:
    """The app's mark for every window (and a Windows task bar or a Linux dock without the .desktop file). An SVG
    QIcon draws nothing until a size is asked for, so setting it costs the first paint nothing."""
    from app import paths

    return QIcon(str(paths.resource("app", "sm6-studio.svg")))


def install_about_shortcut(window: QWidget, device_setting: Callable[[], str]) -> QShortcut:
    """F1 opens About SM6 Design Studio from `window`; the dialog's module is imported only then (first paint)."""

    def open_it() -> None:
        from ui.widgets.about_dialog import open_about

        open_about(window, device_setting())

    shortcut = QShortcut(QKeySequence("F1"), window)  # i18n: not shown (a key sequence)
    shortcut.activated.connect(open_it)
    return shortcut


class FirstPaint(QObject):
    """Calls back once, right after the window's first paint (the moment a user sees it)."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


def open_main_window(loaded, policy: Policy = DESKTOP):
    """The controller and its window, showing what the start has to tell the person (a settings file that could
    not be used) above every workspace. `loaded` is app.config.LoadedSettings; `policy` what a person may do."""
    from ui.app_controller import AppController

    controller = AppController(loaded.settings, policy=policy)
    if policy.may_open_settings and not policy.guided_flow:  # never at a kiosk: F1 there would show staff's folders
        install_about_shortcut(controller.window, lambda: controller.settings.generation.device)
    if loaded.warning:  # by its id when it has one: said again if the person changes the language
        controller.window.show_notice(loaded.warning_msg or loaded.warning, loaded.details)
    return controller


def run_app(policy: Policy = DESKTOP) -> int:
    import qasync

    from app import crash_log, data_lock, paths
    from app.config import read_settings
    from ui.crash_guard import CrashGuard
    from ui.i18n import apply_language, language_for
    from ui.theme import apply_theme
    from ui.ui_thread_gc import UiThreadCollector

    crash_log.configure_logging(console=True)
    app = create_qapplication(policy)
    collector = UiThreadCollector().install()  # no collection on a worker thread finalises a Qt object
    # The folder first: a second launch must change nothing (not even keep a bad settings file aside) before it
    # hands over to the window that owns the folder.
    data_dir = paths.data_dir()
    try:
        folder_lock = data_lock.hold(data_dir)
    except data_lock.FolderInUse as exc:
        from ui.single_instance import hand_over

        # Read only (a bad file is not kept aside here): the second launch says why it stops in the person's language.
        apply_language(language_for(read_settings(set_aside=False).settings.language))
        return hand_over(data_dir, exc)
    instance = None
    guard = None
    try:
        loaded = read_settings()
        apply_language(language_for(loaded.settings.language))  # before any window: its first paint is in it
        apply_theme(app, loaded.settings.theme, policy)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        controller = open_main_window(loaded, policy)
        guard = CrashGuard(controller.show_problem).install()  # at a kiosk: its failsafe screen

        def after_first_paint() -> None:
            # Listening for later launches waits for the window too: a later launch keeps knocking for seconds.
            nonlocal instance
            from ui.single_instance import FirstInstance

            instance = FirstInstance(data_dir)
            instance.set_window(lambda: controller.shown_window)
            controller.start_background_work()  # torch and the model load only once the window is on screen

        if os.environ.get("SM6_EXIT_AFTER_FIRST_PAINT"):  # the startup benchmark's probe
            FirstPaint(controller.shown_window, lambda: (print("FIRST_PAINT", flush=True), app.quit()))
        else:
            FirstPaint(controller.shown_window, after_first_paint)
        if controller.kiosk_window is not None:
            controller.kiosk_window.showFullScreen()  # frameless: no window controls for a visitor
        else:
            controller.window.show()
        closed = asyncio.Event()
        app.aboutToQuit.connect(closed.set)
        app.aboutToQuit.connect(controller.shutdown)
        with loop:
            loop.run_until_complete(closed.wait())
        return 0
    finally:
        collector.uninstall()
        if guard is not None:
            guard.uninstall()
        if instance is not None:
            instance.close()
        if folder_lock is not None:
            folder_lock.release()
