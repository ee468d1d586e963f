"""The kiosk's look: STYLE.md's colours and spacing at walk-up size (64 px targets, big type), in one place.

Applied to the kiosk window only, on top of the app's stylesheet; every selector is scoped to it by object name,
so nothing here reaches the workspaces behind it."""

from __future__ import annotations

from string import Template

from ui.theme import MONOSPACE_FAMILIES, RADIUS_CARD, TOUCH_LARGE, Theme, rgba

HEADLINE = 48
TITLE = 34
BODY = 22
BUTTON = 24
SMALL = 18
TILE_H = 64
THUMB = 136  # a variation's side on screen: four fit under the picture at 1280×800, big enough to tell apart
BIG_BUTTON_H = 80
NAV_BUTTON_H = 68

QSS = """
#kiosk { background: $background; }
#kiosk QLabel { font-size: ${body}px; color: $text; }
#kiosk QLabel[kiosk="headline"] { font-size: ${headline}px; font-weight: 700; }
#kiosk QLabel[kiosk="title"] { font-size: ${title}px; font-weight: 650; }
#kiosk QLabel[kiosk="secondary"] { color: $text_secondary; }
#kiosk QLabel[kiosk="small"] { font-size: ${small}px; color: $text_secondary; }
#kiosk QLabel[kiosk="chip"] { color: $text; background: $scrim; border: 1px solid $border;
    border-radius: ${radius}px; padding: 12px 24px; }
#kiosk QLabel[kiosk="message"] { font-size: ${body}px; color: $text; background: $warning_tint;
    border: 1px solid $warning_edge; border-radius: ${radius}px; padding: 16px; }
#kiosk QLabel[kiosk="message-on-picture"] { font-size: ${body}px; color: $text; background: $surface;
    border: 1px solid $warning_edge; border-radius: ${radius}px; padding: 16px; }
#kiosk QLabel[kiosk="logo"] { font-size: 28px; font-weight: 800; letter-spacing: 2px; color: $text; }
#kiosk QPushButton { font-size: ${button}px; min-height: ${touch}px; padding: 0 28px; border-radius: ${radius}px; }
#kiosk QPushButton[kiosk="big"] { min-height: ${big}px; font-size: 30px; font-weight: 700; padding: 0 48px; }
#kiosk QPushButton[kiosk="nav"] { min-height: ${nav}px; font-size: 26px; font-weight: 700; padding: 0 40px; }
#kiosk QPushButton[kiosk="tile"] { min-height: ${tile}px; font-size: ${small}px; padding: 0 8px;
    background: $surface; border: 2px solid $border; }
#kiosk QPushButton[kiosk="tile"]:checked { background: $accent_tint; border: 2px solid $accent; }
#kiosk QPushButton[kiosk="thumb"] { padding: 4px; background: $surface; border: 3px solid $border; }
#kiosk QPushButton[kiosk="thumb"]:checked { border: 3px solid $accent; }
#kiosk QPushButton[kiosk="language"] { min-height: ${touch}px; font-size: ${small}px; padding: 0 20px;
    background: transparent; border: 2px solid $border; }
#kiosk QPushButton[kiosk="language"]:checked { background: $raised; border: 2px solid $accent; }
#kiosk QLineEdit, #kiosk QPlainTextEdit { font-size: ${body}px; padding: 12px 16px; min-height: ${touch}px;
    border-radius: ${radius}px; }
#kiosk QLineEdit[kiosk="address"] { font-size: 19px; font-family: $mono; }
#kiosk QProgressBar { min-height: 16px; max-height: 16px; border-radius: 8px; }
#kiosk QSlider { min-height: ${touch}px; }
#kioskHeader { background: $surface; border-bottom: 1px solid $border; }
#kiosk QLabel[step="todo"] { color: $text_secondary; font-size: ${small}px; padding: 6px 18px; }
#kiosk QLabel[step="now"] { color: $on_accent; background: $accent; font-size: ${small}px; font-weight: 700;
    border-radius: 20px; padding: 6px 18px; }
#kiosk QLabel[step="done"] { color: $text; font-size: ${small}px; padding: 6px 18px; }
#kioskOverlay { background: $scrim; }
#kioskCard { background: $surface; border: 1px solid $border; border-radius: ${card}px; }
"""


def kiosk_stylesheet(theme: Theme) -> str:
    return Template(QSS).substitute(
        background=theme.background,
        surface=theme.surface,
        raised=theme.raised,
        border=theme.border,
        text=theme.text,
        text_secondary=theme.text_secondary,
        accent=theme.accent,
        accent_tint=rgba(theme.accent, 0.16),
        on_accent=theme.on_accent,
        warning_tint=rgba(theme.warning, 0.14),
        warning_edge=rgba(theme.warning, 0.55),
        scrim=rgba(theme.background, 0.86),
        mono=", ".join(f'"{family}"' for family in MONOSPACE_FAMILIES[:-1]) + ", monospace",
        headline=HEADLINE,
        title=TITLE,
        body=BODY,
        small=SMALL,
        button=BUTTON,
        touch=TOUCH_LARGE - 4,
        big=BIG_BUTTON_H - 4,
        nav=NAV_BUTTON_H - 4,
        tile=TILE_H - 4,
        radius=12,
        card=RADIUS_CARD * 2,
    )
