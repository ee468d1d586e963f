"""The leak check every test runs under (tests/fixtures/leaks.py) catches each kind of leftover and names it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QWidget

from tests.fixtures.leaks import Snapshot


def _shown_window():
    window = QWidget()
    window.setWindowTitle("Left open")
    window.show()
    return window, "QWidget('Left open', shown)"


def _hidden_dialog():
    dialog = QDialog()
    dialog.setWindowTitle("Mint on Kaia")
    return dialog, "QDialog('Mint on Kaia', hidden)"


def _closed_but_not_deleted():
    label = QLabel("bye")
    label.show()
    label.close()
    return label, "QLabel(hidden)"


def _menu():
    menu = QMenu()
    menu.setObjectName("moreMenu")
    return menu, "QMenu('moreMenu', hidden)"


@pytest.mark.parametrize("make", [_shown_window, _hidden_dialog, _closed_but_not_deleted, _menu])
def test_a_widget_left_alive_is_named(qtbot, make):
    before = Snapshot.take()
    widget, described = make()
    try:
        leaks = before.leaks()
        assert len(leaks) == 1 and leaks[0].startswith("1 widget(s) still alive") and described in leaks[0]
    finally:
        widget.deleteLater()
    assert before.leaks() == [], "deleted later counts as gone once Qt has deleted it"


def _repeating(owner):
    timer = QTimer(owner)
    timer.start(2000)
    return timer, "every 2000 ms (owner: QObject)"


def _pending_single_shot(owner):
    timer = QTimer(owner, singleShot=True)
    timer.setObjectName("autosave")
    timer.start(60_000)
    return timer, "'autosave' single shot (owner: QObject)"


def _unparented(_owner):
    timer = QTimer()
    timer.start(30)
    return timer, "every 30 ms (owner: no parent)"


@pytest.mark.parametrize("make", [_repeating, _pending_single_shot, _unparented])
def test_a_timer_left_running_is_named(qtbot, make):
    owner = QObject()
    before = Snapshot.take()
    timer, described = make(owner)
    try:
        leaks = before.leaks()
        assert len(leaks) == 1 and leaks[0].startswith("1 QTimer(s) still running") and described in leaks[0]
    finally:
        timer.stop()
    assert before.leaks() == [], "a stopped timer is no leak"


@pytest.mark.parametrize(
    ("name", "daemon", "leaks"),
    [
        ("sm6-engine", True, True),  # a service's own worker: it must stop when the service closes
        ("sm6-long-import", False, True),  # a long job's own thread ends with its work: a test waits for it
        ("Thread-7 (process_request_thread)", True, True),  # a test server's request thread
        ("sm6-pool-disk_0", True, False),  # the app-wide executors live as long as the process, on purpose
        ("sm6-pool-generation_0", True, False),
    ],
)
def test_a_thread_left_running_is_named_unless_it_belongs_to_a_shared_pool(monkeypatch, name, daemon, leaks):
    import tests.fixtures.leaks as leak_check

    monkeypatch.setattr(leak_check, "THREAD_GRACE_S", 0.2)  # the check waits this long for a thread to finish
    stop = threading.Event()
    before = Snapshot.take()
    thread = threading.Thread(target=stop.wait, name=name, daemon=daemon)
    thread.start()
    try:
        found = before.leaks()
        assert found == ([f"1 thread(s) still running: {name!r}"] if leaks else [])
    finally:
        stop.set()
        thread.join()
    assert before.leaks() == []


def test_a_thread_that_finishes_within_the_grace_period_is_no_leak():
    before = Snapshot.take()
    thread = threading.Thread(target=threading.Event().wait, args=(0.1,), name="sm6-chain_0")
    thread.start()
    assert before.leaks() == []
    assert not thread.is_alive()
