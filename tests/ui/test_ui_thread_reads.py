"""Nothing the studio, Describe or "Mint again" shows is queried on the UI thread, and what they show is still right.

The real Library (real SQLite) of a real window, with its store methods wrapped to note the thread each call runs
on: opening a design, starring it, opening Describe, typing, and "Mint again" must make none of them on the main
thread. A read held back on purpose shows that a newer design's answer wins over an older one arriving late, and the
text typed last is what the store holds after a burst of typing and after quitting.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from app.description.sanitize import safe_text
from tests.fixtures.designs import plain_new_design
from tests.ui.studio_helpers import close_app, open_app
from ui.tasks import Task

WATCHED = ("lineage", "set_favourite", "get", "description", "latest_draft", "save_description", "descriptions")


def add_design(library, colour, parent=None, prompt="pearl white with rose-gold trim"):
    return library.add(
        plain_new_design(prompt, colour=colour, preset="studio", parent_id=parent.id if parent else None)
    )


def chain(library, length, shade):
    designs, parent = [], None
    for step in range(length):
        parent = add_design(library, (shade, 40 + 30 * step, 90), parent)
        designs.append(parent)
    return designs


class StoreCalls:
    """Wraps the real library's store methods on the instance: each call notes its method and thread, then runs."""

    def __init__(self, library, hold=None) -> None:
        self.calls: list[tuple[str, str]] = []
        self.hold = hold or {}  # (method, first argument) -> Event the call waits for before it reads
        for name in WATCHED:
            setattr(library, name, self._wrap(name, getattr(library, name)))

    def _wrap(self, name, method):
        def call(*args, **kwargs):
            self.calls.append((name, threading.current_thread().name))
            gate = self.hold.get((name, args[0] if args else None))
            if gate is not None:
                assert gate.wait(10), "a held read was never let go"
            return method(*args, **kwargs)

        return call

    def on_ui_thread(self) -> list[str]:
        main = threading.main_thread().name
        return [name for name, thread in self.calls if thread == main]

    def made(self) -> set[str]:
        return {name for name, _thread in self.calls}


@pytest.fixture
def app(qtbot):
    controller = open_app(qtbot)
    yield controller
    close_app(controller)


def ids(designs) -> list[str]:
    return [d.id for d in designs]


def answered(owner) -> bool:
    """Every read or write `owner` started has handed its answer back to the UI thread."""
    return not any(task.pending() for task in owner.findChildren(Task))


def spoil(path: str, how: str) -> None:
    """Make a design's picture unreadable the ways a disk or a person does."""
    if how == "missing":
        import os

        os.remove(path)
    elif how == "truncated":
        with open(path, "r+b") as f:
            f.truncate(40)
    elif how == "not an image":
        with open(path, "wb") as f:
            f.write(b"this is not a PNG at all\n" * 20)
    elif how == "empty":
        open(path, "wb").close()


@pytest.mark.parametrize("picture", ["readable", "missing", "truncated", "not an image", "empty"])
def test_opening_and_starring_a_design_query_nothing_on_the_ui_thread(qtbot, app, picture):
    library = app.services.library
    root, middle, leaf = chain(library, 3, 200)
    if picture != "readable":
        spoil(leaf.image_path, picture)
    store = StoreCalls(library)
    vm, studio = app.design_vm, app.studio

    app.library_view.sig_open_in_studio.emit(leaf)  # "Open in the studio"
    assert vm.current_design.id == leaf.id  # at once: the design itself needs no read
    qtbot.waitUntil(lambda: ids(vm.lineage) == [root.id, middle.id, leaf.id] and not vm.reading)
    qtbot.waitUntil(lambda: ids(studio.history.designs()) == [root.id, middle.id, leaf.id])
    if picture == "readable":
        assert vm.preview is not None and vm.preview.width() == 64
        assert studio.preview.canvas.image() is not None
    else:  # the calm placeholder, not a broken picture and not the last design's
        assert studio.preview.canvas.image() is None

    vm.toggle_favourite()
    qtbot.waitUntil(lambda: vm.current_design.favourite and studio.favourite.isChecked())
    vm.toggle_favourite()
    vm.toggle_favourite()  # two quick presses undo each other, whatever the first write has reached
    qtbot.waitUntil(lambda: answered(vm))
    qtbot.waitUntil(lambda: not studio.history.thumbnails_pending())
    assert {"lineage", "set_favourite"} <= store.made()
    assert store.on_ui_thread() == []
    assert vm.current_design.favourite and studio.favourite.isChecked()
    assert library.get(leaf.id).favourite  # the test's own look, after the check above


def test_the_studio_strips_decode_their_thumbnails_off_the_ui_thread(qtbot, app, monkeypatch):
    from ui.design import thumbnail_strip

    decoded_on: list[str] = []
    real = thumbnail_strip.decode_thumbnail

    def noting(path, size=thumbnail_strip.THUMB):
        decoded_on.append(threading.current_thread().name)
        return real(path, size)

    monkeypatch.setattr(thumbnail_strip, "decode_thumbnail", noting)
    designs = chain(app.services.library, 4, 120)
    strip = app.studio.variations
    app.design_vm.variations = designs
    assert strip.list.count() == 4  # placeholders at once, pictures as they arrive
    qtbot.waitUntil(lambda: not strip.thumbnails_pending())
    assert len(decoded_on) == 4 and threading.main_thread().name not in decoded_on
    first = strip.list.item(0).icon().pixmap(thumbnail_strip.THUMB).toImage()
    colour = first.pixelColor(first.width() // 2, first.height() // 2)
    assert (colour.red(), colour.green()) == (120, 40)  # the design's own picture, not the placeholder
    app.design_vm.variations = list(reversed(designs))
    assert len(decoded_on) == 4  # already decoded: kept, not read again


@pytest.mark.parametrize(
    "older, newer",
    [
        ("leaf of one chain", "root of another"),
        ("leaf of one chain", "leaf of another"),
        ("root of one chain", "leaf of the same chain"),
        ("leaf of one chain", "its own root"),
    ],
)
def test_a_slow_read_overtaken_by_a_newer_design_never_shows(qtbot, app, older, newer):
    library = app.services.library
    first, second = chain(library, 3, 60), chain(library, 2, 230)
    a = first[0] if older.startswith("root") else first[-1]
    b = {
        "root of another": second[0],
        "leaf of another": second[-1],
        "leaf of the same chain": first[-1],
        "its own root": first[0],
    }[newer]
    expected = ids(library.lineage(b.id))  # asked before the wrapper watches
    release = threading.Event()
    store = StoreCalls(library, hold={("lineage", a.id): release})
    vm = app.design_vm
    vm.open_design(a)
    qtbot.waitUntil(lambda: "lineage" in store.made())  # a's read has begun, and is held
    shown: list[list[str]] = []
    vm.lineage_changed.connect(lambda designs: shown.append(ids(designs)))

    vm.open_design(b)  # while a's lineage is still being read
    qtbot.waitUntil(lambda: ids(vm.lineage) == expected and not vm.reading)
    release.set()  # a's answer arrives now, late
    qtbot.waitUntil(lambda: answered(vm))
    assert vm.current_design.id == b.id and ids(vm.lineage) == expected
    assert shown and all(lineage[-1] == b.id for lineage in shown)  # from b on, never a lineage ending elsewhere
    assert ids(app.studio.history.designs()) == expected
    assert store.on_ui_thread() == []


def open_describe(qtbot, app, design):
    app.design_vm.sig_use_design.emit(design)  # "Use this design"
    qtbot.waitUntil(lambda: not app.describe_vm.loading)
    return app.describe_view


@pytest.mark.parametrize(
    "saved",
    ["", "부산의 밤을 닮은 펄 화이트 SM6.", "Two lines\nof text", "x" * 900],
)
def test_describe_opens_and_autosaves_with_no_store_call_on_the_ui_thread(qtbot, app, saved):
    library = app.services.library
    design = add_design(library, (10, 200, 10))
    if saved:
        library.save_description(design.id, "ko", saved)
    store = StoreCalls(library)
    view = open_describe(qtbot, app, design)
    editor = view.editors["ko"]
    assert editor.toPlainText() == saved and not editor.isReadOnly()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Night drive")
    qtbot.waitUntil(lambda: view.saved.text().startswith("Saved"), timeout=3000)  # within a second of typing
    assert {"description", "latest_draft", "save_description"} <= store.made()
    assert store.on_ui_thread() == []


@pytest.mark.parametrize("picture", ["readable", "missing", "truncated", "not an image", "empty"])
def test_describe_shows_the_designs_picture_decoded_off_the_ui_thread(qtbot, app, monkeypatch, picture):
    from ui.describe import describe_vm

    decoded_on: list[str] = []
    real = describe_vm._picture

    def noting(path):
        decoded_on.append(threading.current_thread().name)
        return real(path)

    monkeypatch.setattr(describe_vm, "_picture", noting)
    library = app.services.library
    before, design = add_design(library, (250, 250, 0)), add_design(library, (0, 120, 250))
    if picture != "readable":
        spoil(design.image_path, picture)
    open_describe(qtbot, app, before)  # a picture on screen first: it must not stay for the next design
    view = open_describe(qtbot, app, design)
    assert len(decoded_on) == 2 and threading.main_thread().name not in decoded_on
    shown = view.image.pixmap().toImage()
    if picture == "readable":
        colour = shown.pixelColor(shown.width() // 2, shown.height() // 2)
        assert (colour.red(), colour.green(), colour.blue()) == (0, 120, 250)
        assert shown.width() == describe_vm.PICTURE_SIDE
    else:  # an empty frame, never the design shown before
        assert shown.isNull()


def type_text(qtbot, editor, text: str) -> None:
    for number, line in enumerate(text.split("\n")):  # QTest types no "\n": Return starts a line, as a person's does
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(editor, line)


@pytest.mark.parametrize(
    "typed",
    [
        "Quick burst",
        "Two\nlines typed fast",
        "Ends with a space ",
        "a" * 300,
    ],
)
def test_the_last_text_typed_is_saved_after_a_burst_and_after_quitting(qtbot, typed):
    app = open_app(qtbot)
    library = app.services.library
    design = add_design(library, (30, 30, 200))
    other = add_design(library, (200, 30, 30))
    view = open_describe(qtbot, app, design)
    editor = view.editors["ko"]
    editor.setFocus()
    half = len(typed) // 2
    type_text(qtbot, editor, typed[:half])
    qtbot.waitUntil(lambda: view.saved.text().startswith("Saved"), timeout=3000)  # one autosave while typing
    type_text(qtbot, editor, typed[half:])  # the rest as a burst, quitting before its autosave is due
    assert app.describe_vm._autosave.isActive()  # the last keystrokes are not written yet
    store = StoreCalls(library)
    close_app(app)  # quits: the last second of typing is flushed
    assert store.on_ui_thread() == []

    again = open_app(qtbot)  # the library opened again from its folder
    stored = again.services.library.description(design.id, "ko")
    assert stored is not None and stored.text == safe_text(typed)  # as stored: trailing spaces dropped
    assert again.services.library.description(other.id, "ko") is None  # nothing went into another design
    close_app(again)


@pytest.mark.parametrize("which", ["there", "deleted", "never existed", "empty id", "quoted id"])
def test_mint_again_reads_the_design_off_the_ui_thread(qtbot, app, which):
    library = app.services.library
    design = add_design(library, (90, 90, 20))
    design_id = {
        "there": design.id,
        "deleted": design.id,
        "never existed": "0" * 32,
        "empty id": "",
        "quoted id": "x' OR '1'='1",
    }[which]
    if which == "deleted":
        library.delete(design.id)
    store = StoreCalls(library)
    app.wallet_view.sig_mint_again.emit(design_id)
    if which == "there":  # it needs a description first: the token workspace shows it and says so
        qtbot.waitUntil(lambda: app.token_vm.design is not None and app.token_vm.design.id == design.id)
        qtbot.waitUntil(lambda: not app.token_vm.loading)
        assert app.wallet_vm.error is None
    else:
        qtbot.waitUntil(lambda: app.wallet_vm.error is not None)
        message = app.wallet_vm.error[0]
        assert "no longer in the library" in message
        assert not design_id or design_id not in message  # plain words, not the id or what the store said
        assert app.token_vm.design is None
    assert "get" in store.made()
    assert store.on_ui_thread() == []
