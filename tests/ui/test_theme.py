from __future__ import annotations

import logging
import os
import re
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.kiosk import policy_for
from ui import icons
from ui.theme import DARK, LIGHT, apply_theme, build_stylesheet, current_theme, tabular_font, theme_manager

STYLE_DARK = ["#121417", "#1B1E23", "#24282F", "#30353D", "#ECEEF1", "#A3A9B3"]
STYLE_LIGHT = ["#F6F7F9", "#FFFFFF", "#F0F2F5", "#DADDE2", "#15181C", "#5C636E"]


def test_palettes_match_style_md():
    assert [DARK.background, DARK.surface, DARK.raised, DARK.border, DARK.text, DARK.text_secondary] == STYLE_DARK
    assert [
        LIGHT.background,
        LIGHT.surface,
        LIGHT.raised,
        LIGHT.border,
        LIGHT.text,
        LIGHT.text_secondary,
    ] == STYLE_LIGHT
    for theme in (DARK, LIGHT):
        assert (theme.accent, theme.on_accent) == ("#F2B705", "#15181C")
        assert (theme.success, theme.warning, theme.danger, theme.info) == ("#2FA36B", "#E0A100", "#D64545", "#3B82F6")


def test_light_and_dark_stylesheets_differ_and_use_style_colours():
    dark, light = build_stylesheet(DARK), build_stylesheet(LIGHT)
    assert dark != light
    for color in STYLE_DARK + ["#F2B705"]:
        assert color in dark
    for color in STYLE_LIGHT + ["#F2B705"]:
        assert color in light
    assert "$" not in dark, "every template placeholder is filled"


def test_the_drawn_indicators_are_kept_once_in_the_cache_and_a_damaged_one_is_redrawn(qapp):

    cache = Path(os.environ["SM6_DATA_DIR"]) / "cache"
    temporary = {name for name in os.listdir(tempfile.gettempdir()) if name.startswith("sm6-qss-")}
    urls = set(re.findall(r'url\("([^"]*\.svg)"\)', build_stylesheet(DARK) + build_stylesheet(LIGHT)))
    assert urls and all(Path(url).parent.is_relative_to(cache) for url in urls)
    drawn = sorted(cache.rglob("*.svg"))
    assert {p.as_posix() for p in drawn} == urls  # one file for each indicator and colour, nothing else
    check = next(p for p in drawn if p.name.startswith("check-"))
    check.write_text("<svg")  # cut short (a power cut while another launch wrote it)
    build_stylesheet(DARK), build_stylesheet(LIGHT)  # the next launch's
    assert sorted(cache.rglob("*.svg")) == drawn and check.read_text().endswith("</svg>")
    assert {name for name in os.listdir(tempfile.gettempdir()) if name.startswith("sm6-qss-")} <= temporary


def _button_height(qtbot, kiosk: bool, qapp, tmp_path) -> int:
    apply_theme(qapp, "dark", policy=policy_for(kiosk))
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    button = QPushButton("Generate")
    button.setProperty("primary", True)
    layout.addWidget(button)
    layout.addStretch(1)
    page.resize(400, 300)
    page.show()
    qtbot.waitExposed(page)
    page.grab().save(str(tmp_path / f"button_{'kiosk' if kiosk else 'desktop'}.png"))
    return button.height()


def test_kiosk_mode_raises_button_height_to_touch_size(qtbot, qapp, tmp_path):
    assert _button_height(qtbot, False, qapp, tmp_path) >= 40
    assert _button_height(qtbot, True, qapp, tmp_path) >= 64


def test_apply_theme_sets_palette_and_follows_system_scheme(qapp):
    apply_theme(qapp, "light")
    assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() == LIGHT.background
    apply_theme(qapp, "system")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert current_theme() is LIGHT
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert current_theme() is DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() == DARK.background


def test_explicit_mode_ignores_system_changes(qapp):
    apply_theme(qapp, "dark")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert current_theme() is DARK


def test_tabular_font_turns_on_tnum():
    font = tabular_font(QFont())
    tag = QFont.Tag.fromString("tnum")
    assert font.isFeatureSet(tag) and font.featureValue(tag) == 1


def test_missing_icon_is_empty_and_logged_once(caplog):
    with caplog.at_level(logging.WARNING, logger="ui.icons"):
        first = icons.icon("does-not-exist-anywhere")
        second = icons.icon("does-not-exist-anywhere", "#FF0000", 32)
    assert first.isNull() and second.isNull()
    assert sum("does-not-exist-anywhere" in r.getMessage() for r in caplog.records) == 1


def test_icon_is_tinted_with_the_given_colour(tmp_path, monkeypatch):
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "square.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<rect width="24" height="24" fill="currentColor"/></svg>'
    )
    monkeypatch.setattr(icons, "resource", lambda *parts: tmp_path.joinpath(*parts))
    icons.clear_cache()
    try:
        image = icons.icon("square", "#FF0000", 16).pixmap(16, 16).toImage()
        assert image.pixelColor(8, 8).name() == "#ff0000"
        default = icons.icon("square", size=16).pixmap(16, 16).toImage()
        assert default.pixelColor(8, 8).name().upper() == current_theme().text
    finally:
        icons.clear_cache()


def _square_icons(tmp_path, monkeypatch) -> None:
    (tmp_path / "icons").mkdir(exist_ok=True)
    (tmp_path / "icons" / "square.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<rect width="24" height="24" fill="currentColor"/></svg>'
    )
    monkeypatch.setattr(icons, "resource", lambda *parts: tmp_path.joinpath(*parts))
    icons.clear_cache()


def _centre(icon_or_pixmap, size: int = 16) -> str:
    pm = icon_or_pixmap.pixmap(size, size) if hasattr(icon_or_pixmap, "availableSizes") else icon_or_pixmap
    image = pm.toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2).name().upper()


@pytest.mark.parametrize("role", ["text", "text_secondary", "text_disabled", "accent"])
def test_icons_in_a_theme_role_follow_a_theme_change_on_every_kind_of_holder(qtbot, qapp, tmp_path, monkeypatch, role):
    _square_icons(tmp_path, monkeypatch)
    page = QWidget()
    qtbot.addWidget(page)
    button, label, edit, combo = QPushButton("Go", page), QLabel(page), QLineEdit(page), QComboBox(page)
    button.setIcon(icons.icon("square", role, 16))
    label.setPixmap(icons.pixmap("square", role, 16))
    action = edit.addAction(icons.icon("square", role, 16), QLineEdit.ActionPosition.LeadingPosition)
    combo.addItem(icons.icon("square", role, 16), "one")
    fixed = QPushButton("Fixed", page)
    fixed.setIcon(icons.icon("square", "#FF0000", 16))  # a literal colour is the caller's choice: it stays
    try:
        for theme, mode in ((LIGHT, "light"), (DARK, "dark"), (LIGHT, "light")):
            apply_theme(qapp, mode)
            want = getattr(theme, role)
            shown = [
                _centre(button.icon()),
                _centre(label.pixmap()),
                _centre(action.icon()),
                _centre(combo.itemIcon(0)),
            ]
            assert shown == [want] * 4, f"{role} in {mode}"
            assert _centre(fixed.icon()) == "#FF0000"
    finally:
        icons.clear_cache()


def test_an_icon_made_without_a_colour_is_the_text_role(qtbot, qapp, tmp_path, monkeypatch):
    _square_icons(tmp_path, monkeypatch)
    try:
        apply_theme(qapp, "light")
        literal = icons.icon("square", LIGHT.text, 16)  # today the same colour as the role, but not the same icon
        button = QPushButton()
        qtbot.addWidget(button)
        button.setIcon(icons.icon("square", size=16))
        assert button.icon().cacheKey() != literal.cacheKey()
        apply_theme(qapp, "dark")
        assert _centre(button.icon()) == DARK.text
        assert _centre(literal) == LIGHT.text
    finally:
        icons.clear_cache()


def test_the_icon_registry_keeps_no_closed_widget_alive(qtbot, qapp):
    import gc
    import weakref

    button = QPushButton()
    button.setIcon(icons.icon("star"))
    gone = weakref.ref(button)
    with qtbot.waitSignal(button.destroyed):
        button.deleteLater()
    del button
    gc.collect()
    assert gone() is None
    apply_theme(qapp, "light")  # re-tinting walks only live widgets: nothing to trip over


@pytest.mark.parametrize(
    ("first", "second", "restyled"),
    [
        (("dark", False), ("dark", False), False),
        (("light", False), ("light", False), False),
        (("dark", False), ("light", False), True),
        (("dark", False), ("dark", True), True),  # kiosk sizes are part of the style
        (("system", False), ("dark", False), False),  # offscreen "system" is dark already
    ],
)
def test_applying_a_theme_restyles_only_when_the_style_changes(qapp, first, second, restyled):
    manager = theme_manager()
    apply_theme(qapp, first[0], policy=policy_for(first[1]))
    count = manager.applied_count
    with_signal = []
    manager.theme_changed.connect(with_signal.append)
    try:
        apply_theme(qapp, second[0], policy=policy_for(second[1]))
    finally:
        manager.theme_changed.disconnect(with_signal.append)
    assert (manager.applied_count - count, len(with_signal)) == ((1, 1) if restyled else (0, 0))
    apply_theme(qapp, "dark")


def test_a_stylesheet_replaced_from_outside_is_put_back(qapp):
    apply_theme(qapp, "dark")
    qapp.setStyleSheet("")
    apply_theme(qapp, "dark")
    assert DARK.background in qapp.styleSheet()
