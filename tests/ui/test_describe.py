"""The Describe workspace with the real `openai` client talking to a real SSE server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
import qasync
from PySide6.QtCore import QLocale, Qt

from app.config import Settings, save_settings
from app.description.models import DescribeSettings
from tests.fixtures.designs import add_plain_design
from tests.fixtures.openai_server import FakeOpenAIServer, stream
from tests.ui.studio_helpers import close_app, open_app

KEY = "sk-test-0123456789abcdef"
DRAFT = "부산의 밤을 닮은 펄 화이트 SM6. 로즈골드 트림이 항구의 불빛을 받아 은은하게 빛납니다."


@pytest.fixture
def aio(qapp):
    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()  # also stops the loop's worker threads (DNS look-ups run there)
    asyncio.set_event_loop(None)


@pytest.fixture
def server():
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def online(server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    save_settings(Settings(describe=DescribeSettings(base_url=server.base_url, timeout_s=5.0, max_retries=0)))
    return server


def run_until(loop, predicate, timeout: float = 20.0) -> None:
    async def wait():
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, "timed out"
            await asyncio.sleep(0.01)

    loop.run_until_complete(wait())


def finish(loop, task) -> None:
    loop.run_until_complete(asyncio.gather(task, return_exceptions=True))


def add_design(library, prompt: str = "pearl white with rose-gold trim", colour=(220, 220, 230)):
    return add_plain_design(library, prompt, colour=colour)


def describe(qtbot, design=None, prompt: str = "pearl white with rose-gold trim"):
    app = open_app(qtbot)
    design = design or add_design(app.services.library, prompt)
    use(qtbot, app, design)
    assert app.window.current_workspace() == "describe"
    return app, app.describe_vm, app.describe_view, design


def use(qtbot, app, design) -> None:
    """ "Use this design": Describe opens it, and its saved texts arrive (read off the UI thread)."""
    app.design_vm.sig_use_design.emit(design)
    qtbot.waitUntil(lambda: not app.describe_vm.loading)


def test_a_draft_streams_into_the_editor_and_is_stored(qtbot, aio, online, tmp_path):
    online.script(stream(DRAFT, chunks=6, delay_s=0.05))
    app, vm, view, design = describe(qtbot)
    deltas = []
    vm.sig_delta.connect(lambda lang, d: deltas.append(d))
    qtbot.mouseClick(view.draft_button, Qt.MouseButton.LeftButton)
    run_until(aio, lambda: len(deltas) >= 2)
    assert view.draft_button.text() == "Stop" and 0 < len(view.editors["ko"].toPlainText()) < len(DRAFT)
    finish(aio, vm.task)
    vm.flush()  # returns once the writes asked so far (the draft's end) are stored: they run off the UI thread
    assert len(deltas) >= 4 and view.editors["ko"].toPlainText() == DRAFT
    assert view.count.text() == f"{len(DRAFT)} / {QLocale().toString(1000)}"  # grouped as the language groups
    assert view.draft_button.text() == "Draft again"  # regenerate
    assert view.info.text().startswith("AI draft · gpt-4o-mini")
    body = online.requests[0].body
    assert body["stream"] is True and "pearl white" in body["messages"][-1]["content"]
    assert online.key_outside_authorization(KEY) == []
    library = app.services.library
    assert library.description(design.id, "ko").text == DRAFT
    assert library.latest_draft(design.id, "ko").source == "openai"
    app.window.grab().save(str(tmp_path / "describe_streamed.png"))
    close_app(app)


def test_stop_mid_stream_keeps_the_partial_text(qtbot, aio, online):
    online.script(stream(DRAFT * 3, chunks=40, delay_s=0.05))
    app, vm, view, design = describe(qtbot)
    deltas = []
    vm.sig_delta.connect(lambda lang, d: deltas.append(d))
    vm.start_draft()
    run_until(aio, lambda: len(deltas) >= 3)
    qtbot.keyClick(view.editors["ko"], Qt.Key.Key_Escape)
    finish(aio, vm.task)
    vm.flush()
    partial = view.editors["ko"].toPlainText()
    assert partial and partial == "".join(deltas) and len(partial) < len(DRAFT * 3)
    assert not vm.streaming and "stopped" in vm.error[0]
    assert app.services.library.description(design.id, "ko").text == partial
    assert app.services.library.latest_draft(design.id, "ko").finish_reason == "cancelled"
    close_app(app)


def test_edits_survive_switching_designs_and_a_restart(qtbot, aio, online):
    app, vm, view, first = describe(qtbot)
    second = add_design(app.services.library, "gold wheels", (200, 170, 40))
    view.editors["ko"].setFocus()
    qtbot.keyClicks(view.editors["ko"], "My own words")
    use(qtbot, app, second)
    assert view.editors["ko"].toPlainText() == ""
    use(qtbot, app, first)
    assert view.editors["ko"].toPlainText() == "My own words"
    close_app(app)

    again, vm2, view2, _ = describe(qtbot, design=first)
    assert view2.editors["ko"].toPlainText() == "My own words"
    close_app(again)


def test_autosave_writes_within_a_second_of_typing(qtbot, aio, online):
    app, vm, view, design = describe(qtbot)
    view.editors["en"].setFocus()
    vm.language = "en"
    qtbot.keyClicks(view.editors["en"], "Night drive")
    qtbot.waitUntil(lambda: app.services.library.description(design.id, "en") is not None, timeout=1500)
    assert app.services.library.description(design.id, "en").text == "Night drive"
    qtbot.waitUntil(lambda: view.saved.text().startswith("Saved"))  # said once the write's answer is back
    close_app(app)


def test_a_redraft_never_overwrites_what_the_person_wrote(qtbot, aio, online):
    online.script(stream(DRAFT, chunks=3))
    app, vm, view, design = describe(qtbot)
    view.editors["ko"].setFocus()
    qtbot.keyClicks(view.editors["ko"], "Keep me")
    finish(aio, vm.start_draft())
    assert view.editors["ko"].toPlainText() == "Keep me"
    assert vm.ai["ko"] == DRAFT and "edits are kept" in vm.error[0]
    qtbot.mouseClick(view.revert_button, Qt.MouseButton.LeftButton)
    assert view.editors["ko"].toPlainText() == DRAFT
    view.editors["ko"].undo()
    assert view.editors["ko"].toPlainText() == "Keep me"
    close_app(app)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_offline_fallback_when_the_server_is_down(qtbot, aio, monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    save_settings(Settings(describe=DescribeSettings(base_url=url, timeout_s=2.0, max_retries=0)))
    app, vm, view, design = describe(qtbot)
    finish(aio, vm.start_draft())
    text = view.editors["ko"].toPlainText()
    assert text and "pearl white" in text
    assert view.info.text().startswith("Offline draft") and vm.error[0].startswith("Offline draft.")
    assert app.services.library.latest_draft(design.id, "ko").source == "offline"
    app.window.grab().save(str(tmp_path / "describe_offline.png"))
    close_app(app)


def test_draft_in_both_languages(qtbot, aio, online):
    online.script(stream(DRAFT, chunks=3), stream("A pearl-white SM6 that mirrors Busan's night.", chunks=3))
    app, vm, view, design = describe(qtbot)
    view.both_check.click()  # the one language choice is the tabs; "Both languages" drafts the other one too
    finish(aio, vm.start_draft())
    vm.flush()
    assert view.editors["ko"].toPlainText() == DRAFT
    assert view.editors["en"].toPlainText().startswith("A pearl-white SM6")
    assert set(app.services.library.descriptions(design.id)) == {"ko", "en"}
    close_app(app)


def test_without_a_key_chatgpt_gives_an_offline_draft_that_says_so_and_offers_a_key(qtbot, aio, monkeypatch, tmp_path):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    save_settings(Settings(describe=DescribeSettings(base_url="")))  # OpenAI itself, which needs a key
    app, vm, view, design = describe(qtbot)
    assert view.draft_button.text() == "Draft with ChatGPT"
    finish(aio, vm.start_draft())
    assert vm.offline["ko"] and vm.needs_key and view.editors["ko"].toPlainText()
    message = view.error.message()
    assert "No OpenAI key is set" in message and "offline draft" in message and view.error.severity() == "warning"
    assert view.draft_button.text() == "Draft with ChatGPT"  # not "Draft again": ChatGPT drafted nothing
    assert view.source_chip.isVisible() and view.retry_button.isVisible()
    action = view.error.action_button
    assert action.isVisible() and action.text() == "Add a key…"
    app.window.grab().save(str(tmp_path / "describe_no_key.png"))
    qtbot.mouseClick(action, Qt.MouseButton.LeftButton)
    assert app.window.current_workspace() == "settings"
    close_app(app)


def test_a_local_server_drafts_with_no_key_set(qtbot, aio, server, monkeypatch):
    from app.description.openai_drafter import NO_KEY_PLACEHOLDER

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    save_settings(Settings(describe=DescribeSettings(base_url=server.base_url, timeout_s=5.0, max_retries=0)))
    server.script(stream(DRAFT, chunks=2))
    app, vm, view, design = describe(qtbot)
    assert view.draft_button.text() == "Draft with AI"  # not ChatGPT: another OpenAI-compatible server
    finish(aio, vm.start_draft())
    assert view.editors["ko"].toPlainText() == DRAFT and not vm.offline["ko"] and vm.error is None
    assert [r.headers["authorization"] for r in server.requests] == [f"Bearer {NO_KEY_PLACEHOLDER}"]
    assert view.draft_button.text() == "Draft again" and not view.source_chip.isVisible()
    assert app.services.library.latest_draft(design.id, "ko").source == "openai"
    close_app(app)


def test_with_a_key_saved_the_server_gets_it(qtbot, aio, server, monkeypatch):
    from app.description.keys import ApiKeyStore

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    save_settings(Settings(describe=DescribeSettings(base_url=server.base_url, timeout_s=5.0, max_retries=0)))
    ApiKeyStore().set(KEY)  # the test keyring (keyrings.alt, in this test's XDG_DATA_HOME)
    server.script(stream(DRAFT, chunks=2))
    app, vm, view, design = describe(qtbot)
    finish(aio, vm.start_draft())
    assert view.editors["ko"].toPlainText() == DRAFT and len(server.requests) == 1
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
    close_app(app)


def test_settings_keep_the_key_in_the_keyring_and_never_in_a_file(qtbot, tmp_path, monkeypatch):
    import os

    from app.config import load_settings
    from app.description.keys import ApiKeyStore

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    app = open_app(qtbot)
    app.window.show_workspace("settings")
    card = app.settings_page.describe_card
    qtbot.waitUntil(lambda: "No key yet" in card.key_status.text())
    card.key_input.setText(KEY)
    card.save_key.click()
    qtbot.waitUntil(lambda: "system keyring" in card.key_status.text())
    assert KEY not in card.key_status.text() and card.key_status.text().endswith("(sk-…cdef).")
    assert card.key_input.text() == ""
    card.model.setText("llama3.1")
    card.base_url.setText("http://127.0.0.1:1234/v1")
    app.settings_page.save_button.click()
    saved = load_settings().describe
    assert (saved.model, saved.base_url) == ("llama3.1", "http://127.0.0.1:1234/v1")
    assert ApiKeyStore().get().key == KEY
    for folder in (os.environ["SM6_CONFIG_DIR"], os.environ["SM6_DATA_DIR"]):
        for path in __import__("pathlib").Path(folder).rglob("*"):
            if path.is_file():
                assert KEY.encode() not in path.read_bytes(), path
    app.window.grab().save(str(tmp_path / "settings_describe.png"))
    card.remove_key.click()
    qtbot.waitUntil(lambda: "No key yet" in card.key_status.text())
    close_app(app)


def test_a_refused_key_is_explained_and_an_offline_draft_is_there_at_once(qtbot, aio, online):
    from tests.fixtures.openai_server import unauthorized

    online.script(unauthorized())
    app, vm, view, design = describe(qtbot)
    view.editors["ko"].setFocus()
    finish(aio, vm.start_draft())
    assert "key was refused" in vm.error[0] and "Settings" in vm.error[0]
    assert view.editors["ko"].toPlainText() and vm.offline["ko"]
    assert view.source_chip.isVisible() and view.retry_button.isVisible()
    assert KEY not in vm.error[0] + vm.error[1]
    close_app(app)


def test_undo_redo_and_compare_are_offered_only_when_they_would_do_something(qtbot, aio, online):
    online.script(stream("A calm pearl white SM6 by the sea.", chunks=3))
    app, vm, view, _design = describe(qtbot)
    offered = lambda: (view.undo_button.isEnabled(), view.redo_button.isEnabled(), view.compare_button.isEnabled())  # noqa: E731
    assert offered() == (False, False, False)  # a design with no text yet and no draft
    editor = view.editors["ko"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Mine")
    assert offered() == (True, False, False)
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() != "Mine"
    assert offered()[1]  # what was undone can be redone
    vm.language = "en"  # the other language's editor has its own, empty history
    assert offered() == (False, False, False)
    vm.language = "ko"
    assert offered()[1]
    finish(aio, vm.start_draft())
    assert view.compare_button.isEnabled()  # the draft is there to compare the text with
    view.compare_button.setChecked(True)
    other = add_design(app.services.library, "gold wheels", (200, 170, 40))
    use(qtbot, app, other)  # a design with no draft: nothing to compare, and the comparison closes
    assert offered() == (False, False, False) and not view.compare_button.isChecked()
    assert not view.ai_box.isVisible()
    close_app(app)


def test_compare_strikes_out_removed_words_and_underlines_added_ones(qtbot, aio, online, tmp_path):
    online.script(stream("A calm pearl white SM6 by the sea.", chunks=3))
    app, vm, view, design = describe(qtbot)
    finish(aio, vm.start_draft())
    editor = view.editors["ko"]
    cursor = editor.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    cursor.insertText("bold")  # "calm" → "bold"
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText(" Made in Busan.")  # added, nothing removed
    view.compare_button.setChecked(True)
    assert view.ai_box.isVisible()
    assert view.ai_pane.toPlainText() == "A calm bold pearl white SM6 by the sea. Made in Busan."
    removed, added = [], []
    iterator = view.ai_pane.document().firstBlock().begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        fmt = fragment.charFormat()
        if fmt.fontStrikeOut():
            removed.append(fragment.text())
        elif fmt.fontUnderline():
            added.append(fragment.text())
        iterator += 1
    assert removed == ["calm"] and added == ["bold", " Made in Busan."]
    app.window.grab().save(str(tmp_path / "describe_compare.png"))
    close_app(app)


def test_preview_the_token_carries_the_description_on_screen(qtbot, aio, online, tmp_path):
    app, vm, view, design = describe(qtbot)
    view.editors["ko"].setFocus()
    view.editors["ko"].insertPlainText("펄 화이트 SM6")  # as an input method commits Hangul (QTest cannot type it)
    qtbot.mouseClick(view.preview_token, Qt.MouseButton.LeftButton)
    assert app.window.current_workspace() == "token"
    qtbot.waitUntil(lambda: not app.token_view.vm.loading)  # the token is assembled off the UI thread
    draft = app.token_view.draft
    assert draft.description == "펄 화이트 SM6" and draft.ready
    assert draft.metadata["description"] == "펄 화이트 SM6"
    app.window.grab().save(str(tmp_path / "token_from_describe.png"))
    close_app(app)


UNDO = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # QKeySequence.Undo and .Redo on Linux
REDO = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _write_in_first(qtbot, aio, vm, view, how: str) -> None:
    """Put text in the first design's Korean editor the way a person (or a draft) would, leaving undo history."""
    editor = view.editors["ko"]
    editor.setFocus()
    if how == "typed":
        qtbot.keyClicks(editor, "First visitor's words")
    elif how == "typed-then-undone":  # something to redo, too
        qtbot.keyClicks(editor, "First visitor's words")
        qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor, "Oh! ")
        editor.undo()
    elif how == "offline-draft":
        finish(aio, vm.start_draft(online=False))
    elif how == "reverted":  # a cursor replace: the kind of edit that keeps its history on purpose
        qtbot.keyClicks(editor, "Mine")
        finish(aio, vm.start_draft(online=False))
        qtbot.mouseClick(view.revert_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() and editor.document().isUndoAvailable()


SECOND_TEXTS = ("", "The second visitor's own text", "same as the first")
PRESSES = ("ctrl+z", "undo button", "ctrl+shift+z", "redo button", "ctrl+z, ctrl+z, ctrl+shift+z")


@pytest.mark.parametrize("how", ["typed", "typed-then-undone", "offline-draft", "reverted"])
def test_undo_after_switching_designs_never_brings_back_the_other_designs_text(qtbot, aio, online, how):
    app, vm, view, _ = describe(qtbot)
    library = app.services.library
    editor = view.editors["ko"]
    for second_text in SECOND_TEXTS:  # one window, a fresh pair of designs per case: as visitors come and go
        for press in PRESSES:
            case = f"{how} / second design holds {second_text!r} / {press}"
            first = add_design(library, "pearl white")
            second = add_design(library, "gold wheels", (200, 170, 40))
            use(qtbot, app, first)
            _write_in_first(qtbot, aio, vm, view, how)
            first_text = editor.toPlainText()
            shown = first_text if second_text == "same as the first" else second_text  # then nothing even changes
            if shown:
                library.save_description(second.id, "ko", shown)

            use(qtbot, app, second)
            assert editor.toPlainText() == shown, case
            assert not editor.document().isUndoAvailable() and not editor.document().isRedoAvailable(), case
            for step in press.split(", "):
                if step == "ctrl+z":
                    qtbot.keyClick(editor, *UNDO)
                elif step == "ctrl+shift+z":
                    qtbot.keyClick(editor, *REDO)
                else:
                    button = view.undo_button if step == "undo button" else view.redo_button
                    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            assert editor.toPlainText() == shown, case
            assert not vm._autosave.isActive(), case  # nothing waits to be saved into the second design
            vm.flush()
            stored = library.description(second.id, "ko")
            assert (stored.text if stored else "") == shown, case
            assert library.description(first.id, "ko").text == first_text, case
    close_app(app)


@pytest.mark.parametrize("switch_after_deltas", [0, 1, 3])
def test_switching_designs_while_a_draft_streams_keeps_each_text_with_its_design(
    qtbot, aio, online, switch_after_deltas
):
    online.script(stream(DRAFT * 3, chunks=30, delay_s=0.05))
    app, vm, view, first = describe(qtbot)
    library = app.services.library
    second = add_design(library, "gold wheels", (200, 170, 40))
    library.save_description(second.id, "ko", "Second visitor")
    deltas = []
    vm.sig_delta.connect(lambda lang, d: deltas.append(d))
    task = vm.start_draft()
    run_until(aio, lambda: len(deltas) >= switch_after_deltas)
    app.design_vm.sig_use_design.emit(second)
    finish(aio, task)
    aio.run_until_complete(asyncio.sleep(0.1))  # anything the stopped stream still hands over arrives now

    editor = view.editors["ko"]
    assert editor.toPlainText() == "Second visitor" and vm.texts["ko"] == "Second visitor"
    assert not vm.streaming and vm.error is None  # "Drafting stopped" was about the other design
    qtbot.keyClick(editor, *UNDO)
    vm.flush()
    assert library.description(second.id, "ko").text == "Second visitor"
    assert vm.ai["ko"] == "" and library.latest_draft(second.id, "ko") is None
    kept = library.description(first.id, "ko")
    assert DRAFT.startswith(kept.text if kept else "")  # the first design keeps what had arrived, nothing more
    close_app(app)


def test_at_a_kiosk_no_key_is_said_without_sending_anyone_to_settings(qtbot, qapp, monkeypatch):
    from tests.fixtures.kiosk import open_kiosk
    from tests.ui.studio_helpers import OPEN
    from ui.describe.describe_view import NOT_SET_UP_HERE
    from ui.theme import apply_theme

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    app, loop = open_kiosk(qapp)
    OPEN.append(app)
    qtbot.addWidget(app.window)
    try:
        design = add_design(app.services.library)
        app.design_vm.sig_use_design.emit(design)
        view, vm = app.describe_view, app.describe_vm
        loop.run_until_complete(asyncio.gather(vm.start_draft(), return_exceptions=True))
        assert vm.offline["ko"] and vm.needs_key
        assert view.error.message() == NOT_SET_UP_HERE and "Settings" not in view.error.message()
        assert not view.error.action_button.isVisible()
    finally:
        close_app(app)
        apply_theme(qapp, "dark")
        loop.close()
        asyncio.set_event_loop(None)
