"""The Token workspace's view-model, with a real Library, its change feed and the py-evm sandbox: the token is
assembled off the UI thread and the latest request wins; what changes elsewhere (a description saved, a design
deleted, a mint confirmed) reaches the preview without anyone refreshing it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.chain.service import ChainService
from app.chain.settings import ChainSettings
from app.changes import ChangeFeed
from app.library.store import Library
from app.token import assemble
from tests.fixtures.designs import add_plain_design
from tests.fixtures.wallet_setup import PASSWORD
from tests.ui.token_helpers import WAIT_MS, token_ready
from ui.tasks import Task
from ui.token import token_vm
from ui.token.token_view import PAGE_EMPTY, PAGE_LOADING, PAGE_TOKEN, TokenView
from ui.token.token_vm import IMAGE_UNREADABLE, TokenViewModel
from ui.wallet.mint_dialog import MintDialog

CHAIN_WAIT_MS = 60_000
KO = "부산의 밤을 닮은 펄 화이트 SM6."
EN = "A pearl white SM6 under Busan's harbour lights."


@pytest.fixture
def feed():
    return ChangeFeed()


@pytest.fixture
def library(tmp_path, feed):
    lib = Library.open(tmp_path / "library", feed)
    yield lib
    lib.close()


def described(library, prompt: str, colour=(200, 200, 210)):
    design = add_plain_design(library, prompt, size=(64, 48), colour=colour)
    library.save_description(design.id, "ko", f"{KO} {prompt}")
    library.save_description(design.id, "en", f"{EN} {prompt}")
    return design


@pytest.fixture
def make_view(qtbot, library, feed):
    def make(**kwargs) -> TokenView:
        view = TokenView(TokenViewModel(library, feed=feed, **kwargs))
        qtbot.addWidget(view)
        view.resize(1192, 760)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def answered(qtbot, view) -> None:
    """Until every answer on its way to the view-model has reached the UI thread."""
    qtbot.waitUntil(lambda: not any(task.pending() for task in view.vm.findChildren(Task)), timeout=WAIT_MS)


class Calls:
    """assemble_token as the view-model calls it, recording the thread and holding chosen designs until released."""

    def __init__(self, monkeypatch) -> None:
        self.threads: list[str] = []
        self.held: dict[str, threading.Event] = {}
        self.finished: list[str] = []
        self.lock = threading.Lock()
        monkeypatch.setattr(token_vm, "assemble_token", self)

    def hold(self, design_id: str) -> threading.Event:
        self.held[design_id] = threading.Event()
        return self.held[design_id]

    def __call__(self, library, design, **kwargs):
        with self.lock:
            self.threads.append(threading.current_thread().name)
        gate = self.held.get(design.id)
        if gate is not None:
            gate.wait(WAIT_MS / 1000)
        try:
            return assemble.assemble_token(library, design, **kwargs)
        finally:
            with self.lock:
                self.finished.append(design.id)


@pytest.mark.parametrize(("count", "slow"), [(2, 0), (3, 1), (5, 0), (5, 3)])
def test_switching_designs_quickly_shows_the_last_ones_token(qtbot, monkeypatch, library, make_view, count, slow):
    """One earlier design's token is held back until the last one is shown (the disk executor has two workers: the
    others go by on the second); when it arrives late, it is dropped."""
    designs = [described(library, f"design {i}", (40 * i, 90, 160)) for i in range(count)]
    late = [designs[slow]]
    calls = Calls(monkeypatch)
    gates = [calls.hold(d.id) for d in late]
    view = make_view()
    shown: list[str] = []
    view.vm.draft_changed.connect(lambda draft: shown.append(draft.design.id) if draft is not None else None)
    for design in designs:
        view.set_design(design)
        assert view.draft is None or view.draft.design.id == design.id  # never another design's token
    assert view.pages.currentIndex() == PAGE_LOADING and not view.mint_button.isEnabled()
    qtbot.waitUntil(lambda: designs[-1].id in calls.finished, timeout=WAIT_MS)
    token_ready(qtbot, view)
    for gate in gates:
        gate.set()  # the earlier designs' tokens arrive now, late
    qtbot.waitUntil(lambda: all(d.id in calls.finished for d in late), timeout=WAIT_MS)
    answered(qtbot, view)  # the late answers reached the UI thread, and were dropped there
    assert view.draft.design.id == designs[-1].id and shown == [designs[-1].id]
    assert view.name.text() == view.draft.metadata["name"]
    assert view.description.text().endswith(f"design {count - 1}")
    assert view.pages.currentIndex() == PAGE_TOKEN and view.mint_button.isEnabled()


def test_a_language_asked_for_last_wins_over_one_still_on_its_way(qtbot, monkeypatch, library, make_view):
    design = described(library, "harbour")
    view = make_view()
    view.set_design(design)
    token_ready(qtbot, view)
    calls = Calls(monkeypatch)
    gate = calls.hold(design.id)
    view.language_buttons["en"].click()  # held on its way
    assert not view.mint_button.isEnabled()  # quietly busy: nothing to mint until the token asked for is here
    assert view.pages.currentIndex() == PAGE_TOKEN  # the same design stays in view meanwhile
    del calls.held[design.id]
    view.language_buttons["ko"].click()
    token_ready(qtbot, view)
    gate.set()
    qtbot.waitUntil(lambda: len(calls.finished) == 2, timeout=WAIT_MS)
    answered(qtbot, view)
    assert view.draft.language == "ko" and view.language_buttons["ko"].isChecked()
    assert view.description.text().startswith(KO)


def test_the_ui_thread_never_assembles_a_token(qtbot, monkeypatch, library, make_view, tmp_path):
    calls = Calls(monkeypatch)
    design, other = described(library, "first"), described(library, "second")
    view = make_view()
    for step in (
        lambda: view.set_design(design),
        lambda: view.language_buttons["en"].click(),
        lambda: view.profile_combo.setCurrentIndex(1),
        lambda: view.refresh(),
        lambda: view.set_design(other),
    ):
        step()
        token_ready(qtbot, view)
    assert len(calls.threads) == 5
    assert all(name.startswith("sm6-pool-disk") for name in calls.threads), calls.threads
    assert threading.main_thread().name not in calls.threads


@pytest.mark.parametrize(
    ("whose", "language", "updates"),
    [("shown", "ko", True), ("shown", "en", False), ("other", "ko", False), ("other", "en", False)],
)
def test_a_description_saved_elsewhere_updates_the_preview(qtbot, monkeypatch, library, make_view, whose, language,
                                                           updates):  # fmt: skip
    """Saved by Describe, the command line or another judge: the feed says so, and only the token it changes is
    assembled again."""
    design, other = described(library, "shown"), described(library, "other")
    view = make_view()
    view.set_design(design)
    token_ready(qtbot, view)
    assert view.draft.language == "ko"
    calls = Calls(monkeypatch)
    target = design if whose == "shown" else other
    library.save_description(target.id, language, "새 설명: 항구의 불빛.")
    if updates:
        qtbot.waitUntil(lambda: view.description.text() == "새 설명: 항구의 불빛.", timeout=WAIT_MS)
        assert view.draft.description == "새 설명: 항구의 불빛."
        assert view.metadata_cid.value() == view.draft.metadata_cid
    else:
        answered(qtbot, view)
        assert calls.threads == [] and view.description.text().startswith(KO)  # nothing else was re-assembled


def test_a_token_shown_without_a_description_turns_to_the_language_one_is_written_in(qtbot, library, make_view):
    """A design opened before it was described shows its Korean token with no description; once an English one is
    written (in Describe, or anywhere) the preview shows it, as opening the design now would."""
    design = add_plain_design(library, "undescribed", size=(64, 48))
    view = make_view()
    view.set_design(design)
    token_ready(qtbot, view)
    assert view.draft.language == "ko" and view.draft.description == ""
    library.save_description(design.id, "en", EN)
    qtbot.waitUntil(lambda: view.draft is not None and view.draft.language == "en", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.description.text() == EN, timeout=WAIT_MS)
    library.save_description(design.id, "ko", KO)  # now the language shown has one: it stays as it is
    answered(qtbot, view)
    assert view.draft.language == "en" and view.description.text() == EN


def test_a_deleted_design_leaves_the_token_workspace_empty(qtbot, library, make_view):
    design, other = described(library, "going"), described(library, "staying")
    view = make_view()
    view.set_design(design)
    token_ready(qtbot, view)
    library.delete(other.id)  # not the one shown: nothing changes
    answered(qtbot, view)
    assert view.pages.currentIndex() == PAGE_TOKEN and view.design.id == design.id
    library.delete(design.id)
    qtbot.waitUntil(lambda: view.pages.currentIndex() == PAGE_EMPTY, timeout=WAIT_MS)
    assert view.draft is None and view.design is None


def _remove(path: Path) -> None:
    path.unlink()


def _folder_in_its_place(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize("damage", [_remove, _folder_in_its_place], ids=["missing", "a folder"])
def test_an_unreadable_image_is_said_plainly_and_blocks_minting(qtbot, library, make_view, damage):
    design = described(library, "damaged")
    damage(Path(design.image_path))
    view = make_view()
    view.set_design(design)
    token_ready(qtbot, view)
    assert view.problems.isVisible() and view.problems.message() == IMAGE_UNREADABLE
    assert "Errno" not in view.problems.message()  # the system's words only behind "Show details"
    assert not view.mint_button.isEnabled() and not view.export_button.isEnabled()
    with qtbot.assertNotEmitted(view.sig_mint_requested):
        view._on_mint_clicked()


def test_a_confirmed_mint_shows_its_proof_without_a_refresh(qtbot, library, feed, make_view, tmp_path):
    settings = ChainSettings()
    chain = ChainService(tmp_path / "data", lambda: settings, changes=feed)
    try:
        account = chain.create_account("Showroom", PASSWORD).result(CHAIN_WAIT_MS / 1000)
        address = chain.unlock(account.address, PASSWORD).result(CHAIN_WAIT_MS / 1000)
        chain.faucet(address).result(CHAIN_WAIT_MS / 1000)
        design = described(library, "to mint")
        view = make_view(chain=chain, network=settings.selected_network)
        view.vm.start()
        view.set_design(design)
        token_ready(qtbot, view)
        assert view.token_id.text() == "not minted yet" and view.mint_button.isEnabled()

        dialog = MintDialog(chain, view.draft, address, view)  # nobody connects the dialog to the view
        qtbot.addWidget(dialog)
        dialog.open()
        dialog.next_button.click()
        qtbot.waitUntil(lambda: dialog.step == "review", timeout=CHAIN_WAIT_MS)
        dialog.next_button.click()
        qtbot.waitUntil(lambda: view.token_id.text() == "#1", timeout=CHAIN_WAIT_MS)
        assert view.mint_chip.text() == "minted" and view.owner.full_text() == address
        assert not view.mint_button.isEnabled() and view.mint_button.text() == "Minted"
        qtbot.waitUntil(lambda: dialog.step == "done", timeout=CHAIN_WAIT_MS)
        dialog.close()

        other = described(library, "not minted", (10, 200, 10))
        view.set_design(other)  # another picture: not minted, and the proof goes at once
        assert view.token_id.text() == "not minted yet"
        token_ready(qtbot, view)
        view.set_design(design)  # back to the minted one: the outbox says so again
        qtbot.waitUntil(lambda: view.token_id.text() == "#1", timeout=CHAIN_WAIT_MS)
    finally:
        chain.close()


def test_words_typed_in_describe_reach_the_token_preview_without_a_visit(qtbot):
    """Through the real window: Describe's autosave publishes DescriptionSaved; the Token workspace, never shown in
    between, already carries the new words when the person goes there."""
    from tests.ui.studio_helpers import close_app, open_app

    app = open_app(qtbot)
    try:
        design = add_plain_design(app.services.library, "pearl white by the harbour", size=(64, 48))
        app.services.library.save_description(design.id, "ko", KO)
        app.token_vm.set_design(design)
        token_ready(qtbot, app.token_view)
        app.describe_vm.set_design(design)
        app.window.show_workspace("describe")
        qtbot.waitUntil(lambda: not app.describe_vm.loading, timeout=WAIT_MS)  # its texts are read off the UI thread
        editor = app.describe_view.editors["ko"]
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        editor.insertPlainText(" 로즈골드 트림.")  # as an input method commits Hangul
        qtbot.waitUntil(lambda: app.token_view.description.text() == KO + " 로즈골드 트림.", timeout=WAIT_MS)
        assert app.window.current_workspace() == "describe"
        assert app.token_view.draft.metadata["description"] == KO + " 로즈골드 트림."
    finally:
        close_app(app)


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        ({}, True),
        ({"token_uri": "ipfs://bafkreiothertoken"}, False),  # another token
        ({"chain_id": 8217}, False),  # minted on mainnet while the person looks at the sandbox
        ({"state": "sent"}, False),  # on its way, not minted yet
        ({"state": "failed"}, False),
    ],
    ids=["this token", "another token", "another network", "still on its way", "failed"],
)
def test_only_this_tokens_mint_on_this_network_shows_as_its_proof(qtbot, library, feed, make_view, change, shown):
    from types import SimpleNamespace

    from app.chain.networks import SANDBOX
    from app.changes import TokenMinted

    view = make_view(network=lambda: SANDBOX)
    design = described(library, "proof")
    view.set_design(design)
    token_ready(qtbot, view)
    record = SimpleNamespace(
        state="minted", token_uri=view.draft.token_uri, chain_id=SANDBOX.chain_id, token_id=7,
        recipient="0x" + "ab" * 20, contract="0x" + "cd" * 20, tx_hash="0x" + "ef" * 32,
    )  # fmt: skip
    feed.publish(TokenMinted(SimpleNamespace(**{**vars(record), **change})))
    if shown:
        qtbot.waitUntil(lambda: view.token_id.text() == "#7", timeout=WAIT_MS)
        assert view.mint_chip.text() == "minted" and not view.mint_button.isEnabled()
    else:
        answered(qtbot, view)
        assert view.token_id.text() == "not minted yet" and view.mint_button.isEnabled()
