"""A date inside a core message travels as a moment, not as text: the contract's "Submissions closed on …" carries
the deadline as a datetime parameter of an app.messages id, the core's default rendering stays the English UTC one
(what logs keep), and the window shows it in the one date format of ui/widgets/dates.py, in the person's locale."""

from __future__ import annotations

from datetime import UTC, datetime

import eth_abi
import pytest
from eth_utils import keccak
from PySide6.QtCore import QLocale

from app.chain.contract import SUBMISSIONS_CLOSED, SUBMISSIONS_CLOSED_AT_UNIX_TIME, decode_revert
from app.chain.errors import ChainError
from app.messages import set_moment_formatter
from ui.widgets.dates import date_time_text, show_moments_in_messages
from ui.widgets.error_banner import ErrorBanner

SELECTOR = keccak(text="SubmissionsClosed(uint64)")[:4]
# Deadlines a contract may hold: the test chain's, the epoch, an ordinary one, the last second of a year.
DEADLINES = [4_102_444_800, 0, 1_767_225_600, 1_798_761_599]
# Deadlines no calendar can show (a uint64 goes far past year 9999): the number, not a crash.
NO_DATE = [2**64 - 1, 2**63, 253_402_300_800]


def refusal(deadline: int):
    return decode_revert(SELECTOR + eth_abi.encode(["uint64"], [deadline]))


@pytest.fixture
def window_dates():
    """The window's way of showing moments, as ui/application.py installs it; the core's default after."""
    original = QLocale()
    show_moments_in_messages()
    yield lambda name: QLocale.setDefault(QLocale(name))
    set_moment_formatter(None)
    QLocale.setDefault(original)


@pytest.mark.parametrize("deadline", DEADLINES)
def test_the_core_carries_the_deadline_as_a_moment(deadline):
    reason = refusal(deadline)
    moment = datetime.fromtimestamp(deadline, UTC)
    assert reason.name == "SubmissionsClosed" and reason.args == {"deadline": deadline}
    assert reason.msg.id == SUBMISSIONS_CLOSED.id and reason.msg.params == {"deadline": moment}
    assert "{deadline}" in SUBMISSIONS_CLOSED.template  # no date was written into the sentence
    english = reason.msg.english()
    assert f"{moment.day} {moment:%B} {moment.year} at {moment:%H:%M} UTC" in english
    assert reason.message == english  # no front end has said how it shows dates
    assert "campaign staff" in english


@pytest.mark.parametrize("deadline", NO_DATE)
def test_a_deadline_no_calendar_can_show_is_said_as_its_number(deadline):
    reason = refusal(deadline)
    assert reason.msg.id == SUBMISSIONS_CLOSED_AT_UNIX_TIME.id
    assert f"Unix time {deadline}" in reason.message


@pytest.mark.parametrize("deadline", DEADLINES)
@pytest.mark.parametrize("locale_name", ["en_GB", "ko_KR", "de_DE"])
def test_the_window_shows_the_deadline_in_its_own_date_format(qapp, window_dates, deadline, locale_name):
    window_dates(locale_name)
    reason = refusal(deadline)
    moment = datetime.fromtimestamp(deadline, UTC)
    shown = reason.message
    assert date_time_text(moment) in shown
    assert "UTC" not in shown  # the person's own clock, as every other date on screen
    assert "UTC" in reason.msg.english()  # the log keeps the unambiguous one


def test_a_refused_mint_reads_the_same_in_the_error_banner(qtbot, window_dates):
    window_dates("ko_KR")
    reason = refusal(DEADLINES[0])
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    banner.show_exception(ChainError("reverted", reason.msg, "execution reverted"))
    assert date_time_text(datetime.fromtimestamp(DEADLINES[0], UTC)) in banner.message()
    assert "execution reverted" not in banner.message()  # the node's words stay behind "Show details"


def test_the_last_moment_a_calendar_holds_shows_east_of_utc(qapp, window_dates, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Seoul")  # nine hours ahead: the year 10000 there, which datetime cannot hold
    time.tzset()
    try:
        window_dates("ko_KR")
        reason = refusal(253_402_300_799)  # 9999-12-31 23:59:59 UTC: an OverflowError in the window's date format
        assert reason.msg.id == SUBMISSIONS_CLOSED.id and "9999" in reason.message
    finally:
        monkeypatch.undo()
        time.tzset()
