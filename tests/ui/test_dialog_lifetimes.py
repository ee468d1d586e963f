"""Dialogs made per use are freed when closed, through the real window: opened and closed many times, the number of
live widgets (and of each dialog's instances) comes back to where it was. A dialog closed while its work is on the
way stays until the answer arrives, hands it on, and only then goes."""

from __future__ import annotations

import gc
import time
import weakref

import pytest
import shiboken6
from eth_account import Account
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from app.config import load_settings
from app.kiosk import policy_for
from tests.fixtures.designs import add_plain_design
from tests.fixtures.wallet_setup import open_new_wallet
from tests.ui.studio_helpers import OPEN, close_app
from ui.app_controller import AppController
from ui.design.picture_checks import PictureState
from ui.models.import_dialog import ImportModelDialog
from ui.tasks import Task
from ui.wallet.account_dialog import AccountDialog
from ui.wallet.mint_dialog import MintDialog
from ui.wallet.send_dialog import SendDialog
from ui.wallet.wallet_vm import PAGES

ROUNDS = 12
PASSWORD = "harbour lights over busan"
WAIT_MS = 60_000


def _free_deleted() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def live_widgets() -> int:
    _free_deleted()
    return len(QApplication.allWidgets())


def in_qt(cls) -> int:
    """Dialogs of `cls` still alive in Qt."""
    _free_deleted()
    return sum(1 for w in QApplication.allWidgets() if isinstance(w, cls))


def all_gone(refs: list[weakref.ref]) -> bool:
    """Every dialog in `refs` deleted in Qt and its Python object collected (nothing holds on to it)."""
    _free_deleted()
    gc.collect()
    return all(ref() is None for ref in refs)


def _open(qtbot, kiosk: bool) -> AppController:
    controller = AppController(load_settings(), policy=policy_for(kiosk))
    OPEN.append(controller)
    qtbot.addWidget(controller.window)
    controller.window.resize(1280, 800)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    controller.start_background_work()
    return controller


def _page(wallet) -> str:
    return PAGES[wallet.pages.currentIndex()]


def _unlocked_wallet(qtbot, app: AppController, funded: bool = False):
    open_new_wallet(app.wallet_view, lambda ready, _what: qtbot.waitUntil(ready, timeout=WAIT_MS), funded=funded)
    return app.wallet_view


def _token_ready(app: AppController, visitor: int = 0):
    """A described design on the Token workspace, ready to mint; each visitor's image (so content hash) differs."""
    library = app.services.library
    text = f"Visitor {visitor}'s pearl white SM6 under Busan's harbour lights."
    design = add_plain_design(library, text, colour=(visitor % 256, 120, 200))
    library.save_description(design.id, "en", text)
    app.token_view.set_design(design)
    app.token_view.set_language("en")
    app.window.show_workspace("token")
    _until(lambda: not app.token_view.vm.loading)  # the token is assembled off the UI thread
    assert app.token_view.draft is not None and app.token_view.draft.ready
    checks = app.design_vm.checks  # at a kiosk a picture is checked before it may be minted: done once, here
    _until(lambda: checks is None or checks.state(design) is not PictureState.CHECKING)
    return design


def _until(ready) -> None:
    deadline = time.monotonic() + WAIT_MS / 1000
    while not ready():
        assert time.monotonic() < deadline, "timed out"
        QApplication.processEvents()
        time.sleep(0.002)


def _cycle(qtbot, cls, open_one, close_one, rounds: int = ROUNDS) -> None:
    """Open and close one dialog (`open_one` returns it): once to warm up, then `rounds` times against that count.
    Each dialog is watched through a weak reference only, so the check itself keeps none alive."""
    close_one(open_one())
    qtbot.waitUntil(lambda: in_qt(cls) == 0, timeout=WAIT_MS)
    widgets = live_widgets()
    refs: list[weakref.ref] = []
    for _ in range(rounds):
        dialog = open_one()
        assert isinstance(dialog, cls) and dialog.isVisible()
        refs.append(weakref.ref(dialog))
        close_one(dialog)
        del dialog
    qtbot.waitUntil(lambda: in_qt(cls) == 0, timeout=WAIT_MS)
    assert all_gone(refs)
    assert live_widgets() == widgets


def _reject(dialog: QDialog) -> None:
    dialog.reject()


def _escape(dialog: QDialog) -> None:
    QTest.keyClick(dialog, Qt.Key.Key_Escape)


def test_mint_and_import_dialogs_are_freed_when_closed(qtbot):
    app = _open(qtbot, kiosk=True)  # where one Mint dialog per visitor piled up
    try:
        _unlocked_wallet(qtbot, app)
        _token_ready(app)

        def open_mint():
            app.token_view.mint_button.click()
            return app.mint_dialog

        def cancel(dialog):
            dialog.cancel_button.click()

        for close_one in (cancel, _reject, _escape, lambda d: d.close()):
            _cycle(qtbot, MintDialog, open_mint, close_one, rounds=ROUNDS // 3)
        assert app.mint_dialog is None  # remembered weakly: nothing keeps the last one

        def open_import():
            app.window.show_workspace("design")
            app.studio.controls.import_model.click()
            return app.import_dialog

        _cycle(qtbot, ImportModelDialog, open_import, lambda d: d.cancel_button.click())
    finally:
        close_app(app)


def test_wallet_dialogs_and_questions_are_freed_when_closed(qtbot):
    app = _open(qtbot, kiosk=False)
    try:
        wallet = _unlocked_wallet(qtbot, app)
        app.window.show_workspace("wallet")

        def open_send():
            wallet.send_button.click()
            return wallet._dialog

        _cycle(qtbot, SendDialog, open_send, lambda d: d.cancel_button.click())
        _cycle(qtbot, SendDialog, open_send, _escape)

        for mode in ("create", "import"):
            _cycle(qtbot, AccountDialog, lambda m=mode: wallet.open_account_dialog(m), _reject)

        def open_rename():
            wallet.rename_action.trigger()
            return wallet._dialog

        _cycle(qtbot, QInputDialog, open_rename, _reject)

        def open_remove_question():
            wallet.remove_action.trigger()
            return wallet._question

        def say_cancel(box):
            box.button(QMessageBox.StandardButton.Cancel).click()

        _cycle(qtbot, QMessageBox, open_remove_question, say_cancel)

        def open_mainnet_question():
            combo = wallet.network_combo
            combo.setCurrentIndex(combo.findData("mainnet"))
            combo.activated.emit(combo.currentIndex())
            return wallet._question

        _cycle(qtbot, QMessageBox, open_mainnet_question, say_cancel)
        assert wallet._dialog is None and wallet._question is None
        assert _page(wallet) == "panel" and app.services.chain.unlocked_address() == wallet.address  # nothing changed
    finally:
        close_app(app)


@pytest.mark.parametrize("when", ["while quoting", "while minting"])
def test_a_dialog_closed_while_its_work_runs_hands_the_answer_on_and_then_goes(qtbot, when):
    """The answer still reaches the app (the token shows as minted) and never a dialog that is gone."""
    app = _open(qtbot, kiosk=True)
    try:
        _unlocked_wallet(qtbot, app, funded=True)
        visitors = [Account.create().address for _ in range(3)]
        for number, visitor in enumerate(visitors, start=1):
            _token_ready(app, number)
            app.token_view.mint_button.click()
            dialog = app.mint_dialog
            dialog.other_address.setText(visitor)
            dialog.next_button.click()
            if when == "while minting":
                qtbot.waitUntil(lambda d=dialog: d.step == "review", timeout=WAIT_MS)
                dialog.next_button.click()
            assert any(task.pending() for task in dialog.findChildren(Task))
            _escape(dialog)
            assert not dialog.isVisible()
            _free_deleted()
            assert shiboken6.isValid(dialog)  # kept while its answer is on the way
            ref = weakref.ref(dialog)
            del dialog
            qtbot.waitUntil(lambda: in_qt(MintDialog) == 0, timeout=WAIT_MS)
            assert all_gone([ref])
            assert app.mint_dialog is None
            if when == "while minting":  # what the dialog announced reached the app before it went
                assert app.token_view.token_id.text() == f"#{number}" and app.token_view.owner.full_text() == visitor
            else:
                assert app.token_view.mint_button.isEnabled()  # nothing was signed
    finally:
        close_app(app)
