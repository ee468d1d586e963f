"""Dates and times as a person reads them, in one form everywhere, following the locale (QLocale), so a Korean
showroom reads "2026년 12월 6일 오후 7:01" where an English one reads "6 Dec 2026 19:01".

The date is the locale's long date without the weekday and with the short month name; the time is the locale's short
time (with seconds where a moment matters to the second, as "Saved").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from app.messages import set_moment_formatter

When = float | int | dt.datetime  # seconds since the epoch, or a datetime (naive means local time)


def date_text(when: When, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(_qdatetime(when).date(), _date_format(locale))


def time_text(when: When, locale: QLocale | None = None, *, seconds: bool = False) -> str:
    locale = locale or QLocale()
    return locale.toString(_qdatetime(when).time(), _time_format(locale, seconds))


def date_time_text(when: When, locale: QLocale | None = None) -> str:
    """The date and the time, as Activity and the Library show when something happened."""
    locale = locale or QLocale()
    return f"{date_text(when, locale)} {time_text(when, locale)}"


def show_moments_in_messages() -> None:
    """Core messages carry moments as datetimes (a contract's deadline), never as text: from now on they read like
    every other date in the window. The window calls this once at start (ui/application.py)."""
    set_moment_formatter(date_time_text)


def _date_format(locale: QLocale) -> str:
    fmt = locale.dateFormat(QLocale.FormatType.LongFormat).replace("dddd", "")
    fmt = fmt.replace("MMMM", "MMM")
    return " ".join(fmt.split()).strip(" ,")


def _time_format(locale: QLocale, seconds: bool) -> str:
    fmt = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "ss" not in fmt:
        fmt = fmt.replace("mm", "mm:ss", 1)
    return fmt


def _qdatetime(when: When) -> QDateTime:
    if isinstance(when, dt.datetime):
        try:
            moment = when if when.tzinfo is None else when.astimezone().replace(tzinfo=None)
        except OverflowError:  # at the calendar's edge (a deadline of 9999-12-31 seen east of UTC): as it was given
            moment = when.replace(tzinfo=None)
    else:
        try:
            moment = dt.datetime.fromtimestamp(float(when))
        except (OverflowError, OSError, ValueError):  # far outside what a clock says: the epoch, not a crash
            moment = dt.datetime.fromtimestamp(0)
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second))
