"""The one place for style values (STYLE.md) and the application stylesheet built from them.

Widgets never hard-code colours or sizes: they set an objectName or a dynamic property
(`primary`, `danger`, `role`, `variant`, `severity`) and the stylesheet here does the rest.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Literal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontInfo, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app import paths
from app.fsutil import atomic_write_text
from app.kiosk import DESKTOP, Policy
from ui.fonts import register_bundled_fonts
from ui.theme_qss import QSS_TEMPLATE

log = logging.getLogger(__name__)

ThemeMode = Literal["system", "light", "dark"]

# Type scale in pixels: caption, body, emphasis, section title, workspace title.
FONT_CAPTION = 12
FONT_BODY = 14
FONT_EMPHASIS = 16
FONT_SECTION = 20
FONT_TITLE = 28

# 8 px grid.
SPACE_XS = 4  # only inside compact controls (chips, icon-to-label gaps)
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24
SPACE_XXL = 32

RADIUS = 8
RADIUS_CARD = 12

# The round plate behind the icon of empty states and placeholders.
EMPTY_ICON_BOX = 88
EMPTY_ICON_SIZE = 40

TOUCH_DESKTOP = 40
TOUCH_LARGE = 64  # touch_sized (a kiosk's screen): fingers, STYLE.md

# Korean glyphs: the system font often lacks them, so Noto Sans KR is listed as a fallback family.
# It ships in resources/fonts/ (OFL, see its README.md) and ui/fonts.py registers it when a theme is applied.
KOREAN_FALLBACK_FAMILY = "Noto Sans KR"  # i18n: not shown
MONOSPACE_FAMILIES = "JetBrains Mono,Cascadia Mono,Menlo,Consolas,DejaVu Sans Mono,monospace".split(",")


@dataclass(frozen=True)
class Theme:
    name: str
    is_dark: bool
    background: str
    surface: str
    raised: str
    border: str
    text: str
    text_secondary: str
    accent: str = "#F2B705"
    on_accent: str = "#15181C"  # dark text on the warm yellow, in both themes
    success: str = "#2FA36B"
    warning: str = "#E0A100"
    danger: str = "#D64545"
    info: str = "#3B82F6"

    # Derived shades, computed so a palette change stays a one-line edit.
    @property
    def hover(self) -> str:
        return _mix(self.raised, self.text, 0.06)

    @property
    def pressed(self) -> str:
        return _mix(self.raised, self.text, 0.12)

    @property
    def border_strong(self) -> str:
        return _mix(self.border, self.text, 0.25)

    @property
    def text_disabled(self) -> str:
        return _mix(self.text_secondary, self.background, 0.45)

    @property
    def accent_hover(self) -> str:
        return _mix(self.accent, "#FFFFFF", 0.15) if self.is_dark else _mix(self.accent, "#000000", 0.06)

    @property
    def accent_pressed(self) -> str:
        return _mix(self.accent, "#000000", 0.14)

    def color(self, variant: str) -> str:
        """Colour for a semantic variant name; unknown names get the secondary text colour."""
        return {
            "success": self.success,
            "warning": self.warning,
            "danger": self.danger,
            "error": self.danger,
            "info": self.info,
            "accent": self.accent,
        }.get(variant, self.text_secondary)


DARK = Theme(
    name="dark",
    is_dark=True,
    background="#121417",
    surface="#1B1E23",
    raised="#24282F",
    border="#30353D",
    text="#ECEEF1",
    text_secondary="#A3A9B3",
)

LIGHT = Theme(
    name="light",
    is_dark=False,
    background="#F6F7F9",
    surface="#FFFFFF",
    raised="#F0F2F5",
    border="#DADDE2",
    text="#15181C",
    text_secondary="#5C636E",
)


def _mix(a: str, b: str, t: float) -> str:
    ca, cb = QColor(a), QColor(b)
    r = round(ca.red() + (cb.red() - ca.red()) * t)
    g = round(ca.green() + (cb.green() - ca.green()) * t)
    bl = round(ca.blue() + (cb.blue() - ca.blue()) * t)
    return f"#{r:02X}{g:02X}{bl:02X}"


def rgba(color: str, alpha: float) -> str:
    c = QColor(color)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {round(alpha * 255)})"


def touch_target(touch_sized: bool) -> int:
    """`touch_sized`: the policy's (app/kiosk.py) big targets for fingers, 64 px instead of 40."""
    return TOUCH_LARGE if touch_sized else TOUCH_DESKTOP


# Arrows and check marks for the stylesheet: QSS can only draw them from image files, and the
# icon set has no up/down chevrons, so a few tiny SVGs are written per colour into a temp folder.
_INDICATOR_SVGS = {
    "chevron-up": '<path d="m6 15 6-6 6 6" fill="none" stroke="{c}" stroke-width="2.25" '
    'stroke-linecap="round" stroke-linejoin="round"/>',
    "chevron-down": '<path d="m6 9 6 6 6-6" fill="none" stroke="{c}" stroke-width="2.25" '
    'stroke-linecap="round" stroke-linejoin="round"/>',
    "check": '<path d="M20 6 9 17l-5-5" fill="none" stroke="{c}" stroke-width="3" '
    'stroke-linecap="round" stroke-linejoin="round"/>',
    "dot": '<circle cx="12" cy="12" r="6" fill="{c}"/>',
}
_fallback_dir: tempfile.TemporaryDirectory[str] | None = None


def _indicator_folder() -> Path:
    """The data folder's cache, the same at every launch: the files there are named by what they draw, so a launch
    that ends hard (a kiosk's power cut) leaves nothing new behind, as a temporary folder per launch did, and
    removing the person's data (app/remove_data.py) takes them too."""
    global _fallback_dir
    folder = paths.data_dir() / "cache" / "indicators"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:  # no writable cache folder (a locked-down kiosk account): one for this launch only
        if _fallback_dir is None:
            _fallback_dir = tempfile.TemporaryDirectory(prefix="sm6-qss-")
        return Path(_fallback_dir.name)


def _indicator(name: str, color: str) -> str:
    """Path (forward slashes, as QSS url() wants) of the indicator `name` drawn in `color`."""
    folder = _indicator_folder()
    body = _INDICATOR_SVGS[name].format(c=color)
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{body}</svg>'
    path = folder / f"{name}-{color.lstrip('#').lower()}.svg"
    try:
        if not path.is_file() or path.read_text("utf-8") != svg:  # whole, and as this version draws it
            atomic_write_text(path, svg)  # whole or not at all: another launch may be reading it
    except OSError:
        log.warning("an indicator could not be drawn to %s", path, exc_info=True)
    return path.as_posix()


def build_stylesheet(theme: Theme, touch_sized: bool = False) -> str:
    touch = touch_target(touch_sized)
    big = touch_sized
    t = theme
    values = {
        "background": t.background,
        "surface": t.surface,
        "raised": t.raised,
        "border": t.border,
        "border_strong": t.border_strong,
        "text": t.text,
        "text_secondary": t.text_secondary,
        "text_disabled": t.text_disabled,
        "hover": t.hover,
        "pressed": t.pressed,
        "accent": t.accent,
        "accent_hover": t.accent_hover,
        "accent_pressed": t.accent_pressed,
        "accent_disabled": rgba(t.accent, 0.35),
        "accent_tint": rgba(t.accent, 0.16),
        "on_accent": t.on_accent,
        "on_accent_disabled": rgba(t.on_accent, 0.55),
        "danger": t.danger,
        "danger_hover": _mix(t.danger, "#000000", 0.1),
        "scroll_handle": rgba(t.text, 0.22),
        "scroll_handle_hover": rgba(t.text, 0.38),
        "mono": ", ".join(f'"{f}"' for f in MONOSPACE_FAMILIES[:-1]) + ", monospace",
        # Kiosk users scroll by dragging the content, but a fat bar is still easier to hit.
        "scroll_width": 14 if big else 10,
        # Handle outer size = content + 2 px border on each side; the margin centres it on a 4 px groove.
        "slider_handle": (28 if big else 18) - 4,
        "slider_margin": ((28 if big else 18) - 4) // 2,
        "slider_radius": (28 if big else 18) // 2,
        "empty_icon_radius": EMPTY_ICON_BOX // 2,
        # QSS min-height is the content box: subtract the 1 px border (2 px when focused).
        "control_h": touch - 2,
        "control_h_focus": touch - 4,
        "chip_h": 32 if big else 24,
        "font_caption": FONT_CAPTION,
        "font_emphasis": FONT_EMPHASIS,
        "font_section": FONT_SECTION,
        "font_title": FONT_TITLE,
        "radius": RADIUS,
        "radius_card": RADIUS_CARD,
        "radius_chip": 16 if big else 12,
        # Rail items are touch-sized everywhere: 64 px outer = content + 2×2 border + 8+4 padding.
        "nav_item_h": TOUCH_LARGE - 4 - SPACE_S - SPACE_XS,
        "check_size": 28 if big else 18,
        "check_radius": 6 if big else 4,
        "radio_radius": (28 if big else 18) // 2,
        "arrow_box": 32 if big else 24,
        "img_up": _indicator("chevron-up", t.text_secondary),
        "img_down": _indicator("chevron-down", t.text_secondary),
        "img_up_disabled": _indicator("chevron-up", t.text_disabled),
        "img_down_disabled": _indicator("chevron-down", t.text_disabled),
        "img_check": _indicator("check", t.on_accent),
        "img_dot": _indicator("dot", t.accent),
        "s_xs": SPACE_XS,
        "s_s": SPACE_S,
        "s_m": SPACE_M,
        "s_l": SPACE_L,
        "s_xl": SPACE_XL,
    }
    for name in ("success", "warning", "danger", "info"):
        color = t.color(name)
        values[f"{name}"] = color
        values[f"{name}_tint"] = rgba(color, 0.14)
        values[f"{name}_edge"] = rgba(color, 0.55)
    values["neutral_tint"] = rgba(t.text, 0.06)
    values["neutral_edge"] = t.border
    return Template(QSS_TEMPLATE).substitute(values)


def build_palette(theme: Theme) -> QPalette:
    """Palette for what the stylesheet doesn't reach: native dialogs, item views, the Fusion style itself."""
    t = theme
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: t.background,
        QPalette.ColorRole.WindowText: t.text,
        QPalette.ColorRole.Base: t.surface,
        QPalette.ColorRole.AlternateBase: t.raised,
        QPalette.ColorRole.Text: t.text,
        QPalette.ColorRole.Button: t.raised,
        QPalette.ColorRole.ButtonText: t.text,
        QPalette.ColorRole.BrightText: t.danger,
        QPalette.ColorRole.Highlight: t.accent,
        QPalette.ColorRole.HighlightedText: t.on_accent,
        QPalette.ColorRole.ToolTipBase: t.raised,
        QPalette.ColorRole.ToolTipText: t.text,
        QPalette.ColorRole.PlaceholderText: t.text_secondary,
        QPalette.ColorRole.Link: t.info,
        QPalette.ColorRole.LinkVisited: t.info,
        QPalette.ColorRole.Light: t.hover,
        QPalette.ColorRole.Midlight: t.raised,
        QPalette.ColorRole.Mid: t.border,
        QPalette.ColorRole.Dark: t.border_strong,
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Accent: t.accent,
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(t.text_disabled))
    return p


def tabular_font(base: QFont) -> QFont:
    """`base` with tabular (fixed-width) figures, for numbers that change: balances, counters, progress."""
    font = QFont(base)
    if hasattr(font, "setFeature"):  # Qt >= 6.7
        font.setFeature(QFont.Tag.fromString("tnum"), 1)
    # Older Qt: nothing to do portably; most UI fonts (DejaVu, Segoe, SF) default to tabular digits anyway.
    return font


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property (`variant`, `severity`, ...) changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class ThemeManager(QObject):
    """Holds the active theme and follows the system colour scheme when the mode is "system"."""

    theme_changed = Signal(object)  # Theme

    def __init__(self) -> None:
        super().__init__()
        self.theme: Theme = DARK
        self.mode: ThemeMode = "system"
        self.policy: Policy = DESKTOP  # what the window is sized for (touch_sized) and may show
        self._app: QApplication | None = None
        self._listening = False
        self._applied: tuple[QApplication, Theme, bool, str] | None = None  # what is on screen now
        self.applied_count = 0  # how often the whole window was re-styled (each costs up to a second)

    def apply(self, app: QApplication, mode: ThemeMode = "system", policy: Policy = DESKTOP) -> Theme:
        """Style the app for `mode`; a no-op when that exact style is already applied (re-polishing a full window
        freezes it for up to a second, so a caller may apply whenever it likes)."""
        if mode not in ("system", "light", "dark"):
            raise ValueError(f"unknown theme mode {mode!r}")  # i18n: not shown
        self._app, self.mode, self.policy = app, mode, policy
        if not self._listening:
            QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
            self._listening = True
        return self._apply_now()

    def resolve(self, scheme: Qt.ColorScheme | None = None) -> Theme:
        if self.mode == "light":
            return LIGHT
        if self.mode == "dark":
            return DARK
        if scheme is None:
            scheme = QGuiApplication.styleHints().colorScheme()
        # An unknown scheme (many Linux desktops, offscreen) gets the dark theme: the design image is the hero.
        return LIGHT if scheme == Qt.ColorScheme.Light else DARK

    def _apply_now(self, scheme: Qt.ColorScheme | None = None) -> Theme:
        app = self._app
        assert app is not None
        self.theme = self.resolve(scheme)
        applied = self._applied
        if applied is not None and applied[0] is app and applied[1:3] == (self.theme, self.policy.touch_sized):
            if app.styleSheet() == applied[3]:  # nobody replaced the stylesheet since
                return self.theme
        # Fusion draws the same on every OS and honours the palette; native styles ignore parts of QSS.
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")  # i18n: not shown
        register_bundled_fonts()  # ~5 ms the first time, then only a folder listing
        app.setFont(_base_font(app.font(), self.policy.touch_sized))
        app.setPalette(build_palette(self.theme))
        app.setStyleSheet(build_stylesheet(self.theme, self.policy.touch_sized))
        self._applied = (app, self.theme, self.policy.touch_sized, app.styleSheet())
        self.applied_count += 1
        self.theme_changed.emit(self.theme)
        return self.theme

    def _on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._app is not None and self.mode == "system":
            log.info("system colour scheme changed to %s; re-applying theme", scheme)
            self._apply_now(scheme)


def _base_font(current: QFont, touch_sized: bool) -> QFont:
    font = QFont(current)
    families = [f for f in font.families() if f != KOREAN_FALLBACK_FAMILY] or [font.family()]
    # A generic name ("Sans Serif" on Linux without a desktop) is no family setFamilies() can find: it would skip
    # it and draw Latin in the fallback too. So lead with the family the system resolves it to.
    resolved = QFontInfo(QFont(families)).family()
    families = [f for f in dict.fromkeys([resolved, *families]) if f != KOREAN_FALLBACK_FAMILY] or families
    font.setFamilies(families + [KOREAN_FALLBACK_FAMILY])
    font.setPixelSize(FONT_EMPHASIS if touch_sized else FONT_BODY)
    return font


_manager: ThemeManager | None = None


def theme_manager() -> ThemeManager:
    global _manager
    if _manager is None:
        _manager = ThemeManager()
    return _manager


def current_theme() -> Theme:
    return theme_manager().theme


def apply_theme(app: QApplication, mode: ThemeMode = "system", policy: Policy = DESKTOP) -> Theme:
    """Style the whole app, sized for `policy` (touch_sized: the kiosk's big targets and type); with mode "system"
    it follows later OS light/dark switches too."""
    return theme_manager().apply(app, mode, policy)


__all__ = [
    "DARK",
    "LIGHT",
    "Theme",  # i18n: not shown
    "ThemeMode",
    "apply_theme",
    "build_palette",
    "build_stylesheet",
    "current_theme",
    "repolish",
    "rgba",
    "tabular_font",
    "theme_manager",
    "touch_target",
]
