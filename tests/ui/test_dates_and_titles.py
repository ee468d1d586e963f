"""One date format and one page title across the window: every date shown goes through ui/widgets/dates.py and
follows the locale (so a Korean showroom reads Korean dates), and every workspace opens with the same workspace
title (STYLE.md: 28 px)."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QLocale

from tests.ui.studio_helpers import close_app, open_app
from ui.library.design_details import format_created
from ui.theme import FONT_TITLE
from ui.token.token_widgets import format_trait
from ui.wallet.activity import ActivityRow
from ui.widgets.dates import date_text, date_time_text, time_text
from ui.widgets.page_title import PageTitle

UI = Path(__file__).resolve().parents[2] / "ui"
MOMENT = dt.datetime(2026, 12, 6, 19, 1, 5)  # local time
STAMP = MOMENT.timestamp()


@pytest.fixture
def locale():
    """Switch the app's locale for one test (as a Korean kiosk would), then put the original back."""
    original = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(original)


@pytest.mark.parametrize(
    ("name", "when", "with_seconds"),
    [
        ("en_GB", "6 Dec 2026 19:01", "19:01:05"),
        ("en_US", "Dec 6, 2026 7:01\u202fPM", "7:01:05\u202fPM"),  # CLDR's narrow no-break space before PM
        ("ko_KR", "2026년 12월 6일 오후 7:01", "오후 7:01:05"),
        ("C", "6 Dec 2026 19:01", "19:01:05"),
    ],
)
def test_one_format_that_follows_the_locale(locale, name, when, with_seconds):
    locale(name)
    for moment in (STAMP, int(STAMP), MOMENT):  # seconds since the epoch, or a datetime
        assert date_time_text(moment) == when
    assert time_text(STAMP, seconds=True) == with_seconds
    assert date_time_text(STAMP) == f"{date_text(STAMP)} {time_text(STAMP)}"
    assert date_text(STAMP) in when and time_text(STAMP) in when and "05" not in when
    assert "Sunday" not in date_time_text(STAMP) and "일요일" not in date_time_text(STAMP)  # no weekday


@pytest.mark.parametrize(
    "bad", [math.nan, math.inf, -math.inf, 1e30, -1e30], ids=["nan", "inf", "-inf", "huge", "-huge"]
)
def test_a_time_no_clock_can_show_is_the_epoch_not_a_crash(locale, bad):
    locale("en_GB")
    assert re.fullmatch(r"(1 Jan 1970|31 Dec 1969) \d\d:\d\d", date_time_text(bad))


def test_every_view_shows_dates_through_the_one_helper(locale):
    locale("ko_KR")
    record = SimpleNamespace(
        state="minted",
        kind="mint",
        token_id=3,
        updated_at=STAMP,
        error="",
        reason="",
        token_uri="ipfs://bafy",
        tx_hash="",
    )
    row = ActivityRow(record, None)
    assert row.title.text() == f"Token #3 · {date_time_text(STAMP)}" and "2026년 12월 6일" in row.title.text()
    assert format_created(STAMP) == date_time_text(STAMP)  # the Library's details
    assert format_trait({"trait_type": "Created", "value": int(STAMP), "display_type": "date"}) == (
        date_text(STAMP),
        True,
    )
    row.deleteLater()
    # Nothing in the window formats a date any other way.
    for path in UI.rglob("*.py"):
        if path.name == "dates.py":
            continue
        source = path.read_text(encoding="utf-8")
        for pattern in ("strftime(", "%d %b", "%H:%M", ".isoformat(", "fromtimestamp("):
            assert pattern not in source, f"{path.relative_to(UI.parent)} formats a date itself ({pattern})"


def test_every_workspace_has_the_same_page_title(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        titles = {}
        for key in app.window.workspace_keys():
            app.window.show_workspace(key)
            workspace = app.window.workspace(key)
            found = [t for t in workspace.findChildren(PageTitle) if t.isVisibleTo(workspace)]
            assert len(found) == 1, f"{key}: {len(found)} page titles"
            titles[key] = found[0]
        assert set(titles) >= {"design", "describe", "token", "wallet", "library", "settings"}
        for key, title in titles.items():
            assert title.font().pixelSize() == FONT_TITLE or title.fontInfo().pixelSize() == FONT_TITLE, key
            assert title.text(), key
    finally:
        close_app(app)
