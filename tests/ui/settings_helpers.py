"""The Settings page as its tests open it: on the settings file as it is now, at its size on a 1280×800 screen."""

from __future__ import annotations

from app.config import load_settings


def open_settings_page(qtbot):
    from ui.settings.settings_page import SettingsPage

    page = SettingsPage(load_settings())
    qtbot.addWidget(page)
    page.resize(1192, 770)
    page.show()
    qtbot.waitExposed(page)
    return page
