"""Minting as a newcomer meets it, through the real window, the py-evm sandbox and real keystores: a mint asked for
with no wallet says which token waits through set-up and unlock and then goes on to the mint; the review warns when
the token's files are only on this computer, with a way to publish; "not enough KAIA" on the sandbox offers test KAIA
right there; and the result leads to the token itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from app.chain.errors import ChainError
from app.chain.networks import KAIROS, MAINNET, SANDBOX
from tests.fixtures.designs import add_plain_design
from tests.fixtures.wallet_setup import PASSWORD
from tests.ui.studio_helpers import close_app, open_app
from tests.ui.token_helpers import token_ready
from ui.wallet.mint_dialog import LOCAL_ONLY_WARNING, ON_THE_WAY_NOTE, PUBLISHING_STARTED, MintDialog
from ui.wallet.wallet_view import PAGES

WAIT_MS = 60_000
KO = "부산의 밤을 닮은 펄 화이트 SM6. 로즈골드 트림이 항구의 불빛을 받아 은은하게 빛납니다."


def _page(wallet) -> str:
    return PAGES[wallet.pages.currentIndex()]


@pytest.fixture
def app(qtbot):
    controller = open_app(qtbot)
    controller.start_background_work()
    yield controller
    close_app(controller)


@pytest.fixture
def design(app):
    design = add_plain_design(app.services.library, "pearl white SM6 with rose-gold trim", size=(96, 64))
    app.services.library.save_description(design.id, "ko", KO)
    return design


def _create_account(qtbot, wallet) -> None:
    dialog = wallet.open_account_dialog("create")
    dialog.password.setText(PASSWORD)
    dialog.confirmation.setText(PASSWORD)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: _page(wallet) == "locked", timeout=WAIT_MS)


def _unlock(qtbot, wallet) -> None:
    wallet.password.setText(PASSWORD)
    wallet.unlock_button.click()
    qtbot.waitUntil(lambda: _page(wallet) == "panel", timeout=WAIT_MS)


def _ask_to_mint(qtbot, app, design) -> str:
    app.token_view.set_design(design)
    app.window.show_workspace("token")
    token_ready(qtbot, app.token_view)
    app.token_view.mint_button.click()
    assert app.window.current_workspace() == "wallet"
    return app.token_view.draft.metadata["name"]


@pytest.mark.parametrize("then", ["continue", "not now"])
def test_a_mint_with_no_wallet_waits_through_set_up_and_unlock(qtbot, app, design, then, tmp_path):
    wallet = app.wallet_view
    qtbot.waitUntil(lambda: _page(wallet) == "onboarding", timeout=WAIT_MS)
    name = _ask_to_mint(qtbot, app, design)
    note = wallet.pending_note
    assert note.isVisible() and note.message() == f"Set up a wallet to mint “{name}”; your token is waiting."
    app.window.grab().save(str(tmp_path / "wallet-pending-set-up.png"))
    _create_account(qtbot, wallet)
    assert note.isVisible() and note.message() == f"Unlock your wallet to mint “{name}”; your token is waiting."
    if then == "not now":
        note.dismiss_button.click()
    _unlock(qtbot, wallet)
    if then == "continue":  # straight on to the mint, the token named in the dialog
        qtbot.waitUntil(lambda: app.mint_dialog is not None, timeout=WAIT_MS)
        assert app.mint_dialog.draft.metadata["name"] == name
    else:
        qtbot.wait(100)
        assert app.mint_dialog is None
    assert not note.isVisible() and wallet.vm.pending_mint is None


def test_an_unlocked_wallet_mints_at_once_with_no_note(qtbot, app, design):
    wallet = app.wallet_view
    qtbot.waitUntil(lambda: _page(wallet) == "onboarding", timeout=WAIT_MS)
    _create_account(qtbot, wallet)
    _unlock(qtbot, wallet)
    _ask_to_mint(qtbot, app, design)
    qtbot.waitUntil(lambda: app.mint_dialog is not None, timeout=WAIT_MS)
    assert not wallet.pending_note.isVisible()


def test_sandbox_mint_from_not_enough_kaia_to_the_token_in_view(qtbot, app, design, tmp_path):
    """Unfunded on the sandbox: "Get test KAIA" in the error itself; a review that warns while the files are local;
    "Publish now" from there; then "View the token" shows the proof of the mint without scrolling."""
    wallet = app.wallet_view
    qtbot.waitUntil(lambda: _page(wallet) == "onboarding", timeout=WAIT_MS)
    _create_account(qtbot, wallet)
    _unlock(qtbot, wallet)
    _ask_to_mint(qtbot, app, design)
    qtbot.waitUntil(lambda: app.mint_dialog is not None, timeout=WAIT_MS)
    mint = app.mint_dialog
    mint.next_button.click()
    qtbot.waitUntil(lambda: mint.error.isVisible(), timeout=WAIT_MS)
    assert "not have enough KAIA" in mint.error.message() and mint.step == "recipient"
    action = mint.error.action_button
    assert action.isVisible() and action.text() == "Get test KAIA"
    qtbot.wait(50)
    mint.grab().save(str(tmp_path / "mint-not-enough-kaia.png"))
    action.click()
    qtbot.waitUntil(lambda: mint.step == "review", timeout=WAIT_MS)  # funded, and reviewed again by itself

    assert app.publish_queue.state(mint.draft.metadata_cid) == "local"
    assert mint.error.isVisible() and mint.error.message() == LOCAL_ONLY_WARNING
    assert mint.error.severity() == "warning" and mint.error.action_button.text() == "Publish now"
    qtbot.wait(50)
    mint.grab().save(str(tmp_path / "mint-review-local-only.png"))
    mint.error.action_button.click()
    assert mint.error.message() == PUBLISHING_STARTED and not mint.error.action_button.isVisible()
    qtbot.waitUntil(lambda: app.publish_queue.state(mint.draft.metadata_cid) != "local", timeout=WAIT_MS)

    with qtbot.waitSignal(mint.sig_minted, timeout=WAIT_MS):
        mint.next_button.click()
    assert mint.view_token_button.isVisible() and not mint.token_link.isVisible()  # the sandbox has no explorer
    mint.view_token_button.click()
    assert app.window.current_workspace() == "token" and app.token_view.design.id == design.id
    view = app.token_view
    qtbot.waitUntil(lambda: view.token_id.text() == "#1", timeout=WAIT_MS)
    viewport = view.scroll.viewport()
    for widget in (view.token_id, view.owner, view.mint_chip):
        shown = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        assert viewport.rect().contains(shown)
    app.window.grab().save(str(tmp_path / "token-after-view-the-token.png"))


@pytest.mark.parametrize(
    ("state", "words", "action"),
    [
        ("local", LOCAL_ONLY_WARNING, "Publish now"),
        ("failed", LOCAL_ONLY_WARNING, "Publish now"),
        ("queued", ON_THE_WAY_NOTE, None),
        ("offline", ON_THE_WAY_NOTE, None),
        ("uploading", ON_THE_WAY_NOTE, None),
        ("pinning", ON_THE_WAY_NOTE, None),
        ("pinned", "", None),
    ],
)
def test_the_review_says_where_the_files_are(qtbot, draft, state, words, action):
    class Quote:  # what the chain service returns for a review, as far as the warning reads it
        pass

    published = []
    dialog = MintDialog(None, draft, "0x" + "1" * 40, files_state=lambda: state, publish=lambda: published.append(1))
    qtbot.addWidget(dialog)
    assert dialog._review_warning(Quote()) == ((words, (action, dialog._on_publish_now)) if action else words)
    if action:
        dialog._on_publish_now()
        assert published == [1] and dialog.error.message() == PUBLISHING_STARTED


@pytest.mark.parametrize(
    ("network", "kind", "offered"),
    [
        (SANDBOX, "insufficient_funds", True),
        (KAIROS, "insufficient_funds", False),  # real test networks have their own faucets
        (MAINNET, "insufficient_funds", False),  # real money is never "one click away"
        (None, "insufficient_funds", False),  # network not known: no guess
        (SANDBOX, "nonce", False),
        (SANDBOX, "reverted", False),
        (SANDBOX, "unreachable", False),
    ],
)
def test_get_test_kaia_is_offered_only_for_not_enough_kaia_on_the_sandbox(qtbot, draft, network, kind, offered):
    dialog = MintDialog(None, draft, "0x" + "1" * 40, network=network)
    qtbot.addWidget(dialog)
    dialog._on_failed(ChainError(kind, "The wallet cannot pay for this.", "node said no"))
    assert dialog.error.message() == "The wallet cannot pay for this."
    assert dialog.error.action_button.isVisibleTo(dialog) is offered
    if offered:
        assert dialog.error.action_button.text() == "Get test KAIA"
