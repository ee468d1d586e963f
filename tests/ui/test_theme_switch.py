"""Switching the theme in Settings while the app runs: every icon takes the new colours, and a save that leaves the
theme alone does not re-style the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.fixtures.designs import add_plain_design
from tests.ui.studio_helpers import close_app, open_app
from tests.ui.waits import laid_out
from ui.theme import DARK, LIGHT, Theme, theme_manager

WORKSPACES = ("design", "describe", "token", "wallet", "library", "settings")
TOLERANCE = 6  # per channel: a stroke's edge pixels are blended by antialiasing


def stroke_colour(icon: QIcon, size, mode: QIcon.Mode) -> QColor | None:
    """The colour an icon's lines are drawn in: the average of its most opaque pixels."""
    image = icon.pixmap(size, mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    pixels = [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]
    top = max((p.alpha() for p in pixels), default=0)
    solid = [p for p in pixels if top and p.alpha() >= top - 8]
    if not solid:
        return None
    return QColor(*(round(sum(getattr(p, c)() for p in solid) / len(solid)) for c in ("red", "green", "blue")))


def shown_colour(button: QAbstractButton) -> QColor | None:
    mode = QIcon.Mode.Normal if button.isEnabled() else QIcon.Mode.Disabled
    return stroke_colour(button.icon(), button.iconSize(), mode)


def close_to(color: QColor | None, hex_color: str) -> bool:
    want = QColor(hex_color)
    return color is not None and all(
        abs(getattr(color, c)() - getattr(want, c)()) <= TOLERANCE for c in ("red", "green", "blue")
    )


def samples(app) -> dict[str, list[tuple[str, QAbstractButton, str]]]:
    """A few buttons of each workspace and the theme colour their icon is meant to have."""
    studio, library, rail = app.studio, app.library_view, app.window.nav_rail
    return {
        "design": [
            ("Favourite", studio.favourite, "text"),
            ("Refine", studio.refine, "text"),
            ("Use this design", studio.use, "text"),
            ("Advanced chevron", studio.controls.advanced_toggle, "text"),
            ("Import model", studio.controls.import_model, "text"),
        ],
        "describe": [("Preview the token", app.describe_view.preview_token, "text")],
        "token": [("Export CAR", app.token_view.export_button, "text")],
        "wallet": [("Lock", app.wallet_view.lock_button, "text")],
        "library": [
            ("Favourites filter", library.favourites_button, "text"),
            ("Favourite", library.favourite_button, "text"),
            ("Open in the studio", library.open_button, "on_accent"),
        ],
        "settings": [
            ("rail: Settings (current)", rail.item("settings"), "text"),
            ("rail: Design", rail.item("design"), "text_secondary"),
            ("Open data folder", app.settings_page.data_folder_row.open_button, "text_secondary"),
        ],
    }


def switch_theme(qtbot, app, mode: str) -> None:
    """As a person does it: Settings, the Appearance choice, Save."""
    app.window.show_workspace("settings")
    page = app.settings_page
    qtbot.mouseClick(page.theme_radios[mode], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.sig_settings_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def wrong_icons(app, theme: Theme, workspace: str) -> list[str]:
    wrong = []
    for what, button, role in samples(app)[workspace]:
        want = getattr(theme, role) if button.isEnabled() else theme.text_disabled
        got = shown_colour(button)
        if not close_to(got, want):
            wrong.append(f"{workspace}: {what} is {got.name() if got else 'blank'}, not {want}")
    return wrong


def other_themes_colours_on_screen(app, theme: Theme) -> list[str]:
    """Every icon in the window, buttons and labels: none may keep a colour only the other theme uses."""
    other = DARK if theme is LIGHT else LIGHT
    own = (theme.text, theme.text_secondary, theme.text_disabled, theme.on_accent)
    # Only colours no role of this theme comes near: in light that is the dark theme's text, the one that vanished.
    stale = [
        c
        for c in (other.text, other.text_secondary, other.text_disabled)
        if not any(close_to(QColor(c), o) for o in own)
    ]
    found = []
    for button in app.window.findChildren(QAbstractButton):
        if button.icon().isNull():
            continue
        got = shown_colour(button)
        if any(close_to(got, c) for c in stale):
            found.append(f"{type(button).__name__} {button.text() or button.toolTip()!r}: {got.name()}")
    for label in app.window.findChildren(QLabel):
        pm = label.pixmap()
        if pm.isNull() or max(pm.width(), pm.height()) > 128:  # icons only, not design images
            continue
        got = stroke_colour(QIcon(pm), pm.size(), QIcon.Mode.Normal)
        if any(close_to(got, c) for c in stale):
            found.append(f"QLabel icon in {type(label.parentWidget()).__name__}: {got.name()}")
    return found


def test_switching_theme_in_settings_retints_the_icons_of_every_workspace(qtbot, tiny_sd15, tmp_path):
    app = open_app(qtbot)
    try:
        design = add_plain_design(app.services.library, "pearl white by the harbour")
        app.design_vm.open_design(design)  # Favourite, Refine and Use this design become active
        app.describe_vm.set_design(design)
        app.token_view.set_design(design)
        app.window.show_workspace("library")
        app.library_view.refresh()
        qtbot.waitUntil(lambda: app.library_view.select_design(design.id))
        assert studio_buttons_enabled(app)

        for theme, mode in ((LIGHT, "light"), (DARK, "dark")):
            switch_theme(qtbot, app, mode)
            wrong = []
            for workspace in WORKSPACES:
                app.window.show_workspace(workspace)
                laid_out(qtbot, app.window)
                if theme is LIGHT:
                    app.window.grab().save(str(tmp_path / f"light-after-dark-{workspace}.png"))
                wrong += wrong_icons(app, theme, workspace)
            wrong += other_themes_colours_on_screen(app, theme)
            assert wrong == [], f"after switching to {mode}"
    finally:
        close_app(app)


def studio_buttons_enabled(app) -> bool:
    return all(b.isEnabled() for b in (app.studio.favourite, app.studio.refine, app.studio.use))


def save_without_touching_the_theme(page, change: str) -> None:
    if change == "describe model":
        page.describe_card.model.setText("gpt-4.1-mini")
    elif change == "live previews":
        page.live_previews_check.setChecked(not page.live_previews_check.isChecked())
    elif change == "device":
        page.device_combo.setCurrentIndex((page.device_combo.currentIndex() + 1) % page.device_combo.count())
    elif change == "nothing":
        pass


@pytest.mark.parametrize("change", ["describe model", "live previews", "device", "nothing"])
def test_a_save_that_keeps_the_theme_does_not_restyle_the_window(qtbot, tiny_sd15, change):
    app = open_app(qtbot)
    try:
        app.window.show_workspace("settings")
        page = app.settings_page
        before = theme_manager().applied_count
        save_without_touching_the_theme(page, change)
        with qtbot.waitSignal(page.sig_settings_changed):
            qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert theme_manager().applied_count == before, f"saving a changed {change} re-styled the whole window"

        switch_theme(qtbot, app, "light")  # the theme itself still applies at once
        assert theme_manager().applied_count == before + 1 and theme_manager().theme is LIGHT
    finally:
        close_app(app)
