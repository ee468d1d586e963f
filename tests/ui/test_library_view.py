"""The Library workspace on a real SQLite library with real PNG files: what a user would notice."""

from __future__ import annotations

import html
import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from app.generation.pngmeta import encode_png
from app.generation.request import GenerationRequest
from app.library.models import Design, NewDesign
from app.library.store import Library
from ui.library import LibraryView
from ui.library.library_model import DesignRole, FailedRole
from ui.library.library_style import PAGE_SIZE
from ui.theme import DARK, LIGHT, apply_theme

# --- fixtures ------------------------------------------------------------------------------------


def png(index: int = 0, size: int = 64) -> bytes:
    """A coloured square; every index gets its own colour, so its own file."""
    colour = ((index * 53) % 256, (index * 97) % 256, (index * 29 + 80) % 256)
    out = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(out, format="PNG")
    return out.getvalue()


def new_design(prompt: str, index: int = 0, *, image: bytes | None = None, parent: str | None = None) -> NewDesign:
    request = GenerationRequest(
        prompt=prompt,
        preset="studio",
        seed=1000 + index,
        width=512,
        height=512,
        source="design" if parent else "none",
        source_design_id=parent,
    )
    return NewDesign(
        png=image if image is not None else png(index),
        request=request,
        seed=1000 + index,
        prompt_final=f"{prompt}, renault sm6",
        negative_final="blurry",
        model_name="sm6-base",
        model_hash="0123456789abcdef",
        device="cpu",
        parent_id=parent,
    )


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def library(data_dir):
    lib = Library.open(data_dir)
    yield lib
    lib.close()


@pytest.fixture
def make_view(library_views, library, qtbot):
    """A Library view once its first listing has come back from the worker thread."""

    def make(lib=None):
        view = library_views(lib or library)
        qtbot.waitUntil(lambda: view.model.is_ready, timeout=5000)
        return view

    return make


def reloaded(qtbot, view: LibraryView):
    """Waits for the listing the next action asks for (it is read off the UI thread)."""
    return qtbot.waitSignal(view.model.sig_loaded, timeout=5000)


def shoot(view: LibraryView, tmp_path: Path, name: str) -> Path:
    """Every test that builds the view leaves a picture of it behind, for a human to look at."""
    path = tmp_path / f"{name}.png"
    assert view.grab().save(str(path))
    return path


def shown_ids(view: LibraryView) -> list[str]:
    return view.model.loaded_ids()


def tile_centre(view: LibraryView, row: int) -> QPoint:
    index = view.model.index(row)
    view.grid.scrollTo(index)
    return view.grid.visualRect(index).center()


# --- the gallery ---------------------------------------------------------------------------------


def test_designs_are_shown_newest_first_with_the_newest_selected(make_view, library, tmp_path):
    made = [library.add(new_design(f"sm6 number {i}", i)) for i in range(3)]
    view = make_view()
    shoot(view, tmp_path, "newest_first")

    first, second = view.grid.visualRect(view.model.index(0)), view.grid.visualRect(view.model.index(1))
    assert second.left() == first.right() + 1 and second.top() == first.top()  # tiles side by side, in columns
    assert shown_ids(view) == [d.id for d in reversed(made)]
    assert view.count_label.full_text() == "3 designs"
    assert view.stack.currentWidget() is view.grid
    assert view.selected_design().id == made[-1].id
    assert view.details.prompt_label.text() == "sm6 number 2"
    assert view.details.seed_label.text() == "1002"
    assert view.details.size_label.text() == "64 × 64"
    assert view.details.preset_label.text() == "Studio product shot"
    assert view.open_button.isEnabled()


def test_favourites_filter_shows_only_favourites_and_the_count_follows(make_view, library, qtbot, tmp_path):
    made = [library.add(new_design(f"design {i}", i)) for i in range(5)]
    for design in (made[1], made[3]):
        library.set_favourite(design.id, True)
    view = make_view()
    assert view.count_label.full_text() == "5 designs"

    with reloaded(qtbot, view):
        qtbot.mouseClick(view.favourites_button, Qt.MouseButton.LeftButton)
    shoot(view, tmp_path, "favourites_only")
    assert shown_ids(view) == [made[3].id, made[1].id]
    assert view.count_label.full_text() == "2 favourites"
    assert all(view.model.index(r).data(DesignRole).favourite for r in range(view.model.rowCount()))

    with reloaded(qtbot, view):
        qtbot.mouseClick(view.favourites_button, Qt.MouseButton.LeftButton)
    assert len(shown_ids(view)) == 5
    assert view.count_label.full_text() == "5 designs"


def test_search_narrows_the_grid_by_prompt_words_in_korean_and_english(make_view, library, qtbot, tmp_path):
    library.add(new_design("pearl white SM6 on a coastal road", 0))
    busan_night = library.add(new_design("부산 야경 속 검은색 SM6", 1))
    gold = library.add(new_design("matte gold SM6 with carbon trim", 2))
    busan_harbour = library.add(new_design("SM6 at the 부산 harbour, gold light", 3))
    view = make_view()
    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))

    view.search_edit.setFocus()
    qtbot.keyClicks(view.search_edit, "gold")
    qtbot.waitUntil(lambda: shown_ids(view) == [busan_harbour.id, gold.id], timeout=3000)
    assert len(resets) == 1  # typing is debounced: one query for the whole word, not one per key
    assert view.count_label.full_text() == "2 designs matching “gold”"

    view.search_edit.clear()
    view.search_edit.insert("부산")  # QTest cannot type Hangul (an input method would): insert it as one
    qtbot.waitUntil(lambda: shown_ids(view) == [busan_harbour.id, busan_night.id], timeout=3000)
    assert view.count_label.full_text() == "2 designs matching “부산”"
    shoot(view, tmp_path, "search_busan")

    view.search_edit.setText("GOLD 부산")  # every word, any case
    qtbot.waitUntil(lambda: shown_ids(view) == [busan_harbour.id], timeout=3000)
    assert view.count_label.full_text() == "1 design matching “GOLD 부산”"


def test_empty_library_invites_to_the_design_studio(make_view, qtbot, tmp_path):
    view = make_view()
    shoot(view, tmp_path, "empty_library")

    assert view.stack.currentWidget() is view.empty_library
    assert view.empty_library.title_label.text() == "Your designs will appear here"
    assert view.empty_library.primary_button.text() == "Go to the Design studio"
    assert not view.toolbar.isVisible()  # nothing to search yet
    assert not view.details.isVisible()
    with qtbot.waitSignal(view.sig_go_to_design, timeout=1000):
        qtbot.mouseClick(view.empty_library.primary_button, Qt.MouseButton.LeftButton)


def test_no_results_names_the_search_and_offers_to_clear_it(make_view, library, qtbot, tmp_path):
    for i in range(3):
        library.add(new_design(f"sm6 number {i}", i))
    view = make_view()
    view.search_edit.setText("zeppelin")
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.no_results, timeout=3000)
    shoot(view, tmp_path, "no_results")

    assert view.no_results.title_label.text() == "No designs match “zeppelin”"
    assert view.no_results.primary_button.text() == "Clear search"
    assert view.count_label.full_text() == "0 designs matching “zeppelin”"
    assert not view.details.isVisible()

    with reloaded(qtbot, view):
        qtbot.mouseClick(view.no_results.primary_button, Qt.MouseButton.LeftButton)
    assert view.search_edit.text() == ""
    assert view.stack.currentWidget() is view.grid
    assert len(shown_ids(view)) == 3


def test_nothing_overflows_in_the_smallest_workspace(make_view, library, qtbot, tmp_path):
    library.add(new_design("gold sm6", 0))
    view = make_view()
    view.resize(936, 640)  # MainWindow's minimum size minus the rail and the status bar
    view.favourites_button.setChecked(True)
    view.search_edit.setText("a very long search for a golden SM6 by the sea at night")
    qtbot.waitUntil(lambda: "matching" in view.count_label.full_text(), timeout=3000)
    shoot(view, tmp_path, "smallest")
    assert view.minimumSizeHint().width() <= 936
    assert view.count_label.text().endswith("…")  # shortened to fit, whole in the tooltip
    assert html.unescape(view.count_label.toolTip()) == f"<p>{view.count_label.full_text()}</p>"


def test_favourites_without_any_says_how_to_star_one(make_view, library, qtbot, tmp_path):
    library.add(new_design("plain sm6", 0))
    view = make_view()
    with reloaded(qtbot, view):
        view.favourites_button.setChecked(True)
    shoot(view, tmp_path, "no_favourites")

    assert view.stack.currentWidget() is view.no_results
    assert view.no_results.title_label.text() == "No favourites yet"
    with reloaded(qtbot, view):
        qtbot.mouseClick(view.no_results.primary_button, Qt.MouseButton.LeftButton)  # "Show all designs"
    assert not view.favourites_button.isChecked()
    assert view.stack.currentWidget() is view.grid


# --- opening, favourites, changes from elsewhere -------------------------------------------------


def test_double_click_enter_and_the_button_open_the_design_in_the_studio(make_view, library, qtbot, tmp_path):
    made = [library.add(new_design(f"sm6 number {i}", i)) for i in range(4)]
    view = make_view()
    shoot(view, tmp_path, "open_in_studio")
    second = made[-2]  # shown in row 1

    with qtbot.waitSignal(view.sig_open_in_studio, timeout=1000) as opened:
        centre = tile_centre(view, 1)
        qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double click's first press
        qtbot.mouseDClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert isinstance(opened.args[0], Design) and opened.args[0].id == second.id

    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)  # keyboard: move to the next design, Enter opens it
    with qtbot.waitSignal(view.sig_open_in_studio, timeout=1000) as opened:
        qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert opened.args[0].id == made[-3].id

    assert "(Enter)" in view.open_button.toolTip()
    with qtbot.waitSignal(view.sig_open_in_studio, timeout=1000) as opened:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened.args[0].id == view.selected_design().id == made[-3].id


def test_a_favourite_toggled_here_is_saved_to_disk(make_view, library, data_dir, qtbot, tmp_path):
    made = [library.add(new_design(f"sm6 number {i}", i)) for i in range(2)]
    view = make_view()
    assert view.selected_design().id == made[-1].id

    with qtbot.waitSignal(view.sig_design_changed, timeout=1000) as changed:
        qtbot.mouseClick(view.favourite_button, Qt.MouseButton.LeftButton)
    shoot(view, tmp_path, "favourite_toggled")
    assert changed.args[0].id == made[-1].id and changed.args[0].favourite
    assert view.favourite_button.isChecked()
    assert view.model.index(0).data(DesignRole).favourite  # the tile shows its star badge
    assert "Remove from favourites (F)" == view.favourite_button.toolTip()

    library.close()
    with Library.open(data_dir) as reopened:
        assert reopened.get(made[-1].id).favourite
        assert not reopened.get(made[0].id).favourite


def test_f_toggles_the_favourite_but_typing_f_in_search_does_not(make_view, library, qtbot):
    design = library.add(new_design("sm6 in the fog", 0))
    view = make_view()
    view.activateWindow()
    view.grid.setFocus()
    qtbot.waitUntil(lambda: view.grid.hasFocus(), timeout=1000)

    with qtbot.waitSignal(view.sig_design_changed, timeout=1000):
        qtbot.keyClick(view.grid, Qt.Key.Key_F)
    assert library.get(design.id).favourite

    qtbot.keyClick(view.grid, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: to the search field
    assert view.search_edit.hasFocus()
    qtbot.keyClicks(view.search_edit, "fog")
    assert view.search_edit.text() == "fog"
    assert library.get(design.id).favourite  # still starred: the letter went into the field
    assert "Ctrl+F" in view.search_edit.toolTip()


def test_add_design_puts_the_new_one_first_without_a_reload(make_view, library, qtbot, tmp_path):
    made = [library.add(new_design(f"sm6 number {i}", i)) for i in range(3)]
    view = make_view()
    view.select_design(made[0].id)
    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))

    fresh = library.add(new_design("fresh from the studio", 9))
    view.add_design(fresh)
    shoot(view, tmp_path, "added_design")
    assert shown_ids(view)[0] == fresh.id
    assert len(shown_ids(view)) == 4
    assert not resets
    assert view.count_label.full_text() == "4 designs"
    assert view.selected_design().id == made[0].id  # the person's selection is not taken away

    view.search_edit.setText("number")
    qtbot.waitUntil(lambda: len(shown_ids(view)) == 3, timeout=3000)
    hidden = library.add(new_design("something else", 10))
    view.add_design(hidden)  # the search hides it: the grid stays as it is
    assert hidden.id not in shown_ids(view)


def test_the_first_design_ever_replaces_the_empty_state_and_is_selected(make_view, library, tmp_path):
    view = make_view()
    assert view.stack.currentWidget() is view.empty_library
    first = library.add(new_design("my first sm6", 0))
    view.add_design(first)
    shoot(view, tmp_path, "first_design")
    assert view.stack.currentWidget() is view.grid
    assert view.toolbar.isVisible() and view.details.isVisible()
    assert view.selected_design().id == first.id


def test_update_design_and_refresh_show_changes_made_elsewhere(make_view, library, qtbot, tmp_path):
    made = [library.add(new_design(f"sm6 number {i}", i)) for i in range(3)]
    view = make_view()
    view.select_design(made[1].id)

    view.update_design(library.set_favourite(made[1].id, True))  # starred in another workspace
    assert view.favourite_button.isChecked()
    assert view.model.index(1).data(DesignRole).favourite

    behind_our_back = library.add(new_design("made by the CLI", 7))
    with reloaded(qtbot, view):
        view.refresh()
    shoot(view, tmp_path, "refreshed")
    assert shown_ids(view)[0] == behind_our_back.id
    assert view.selected_design().id == made[1].id  # the selection survives the reload


def test_refined_from_selects_the_parent(make_view, library, qtbot, tmp_path):
    parent = library.add(new_design("the original sm6", 0))
    for i in range(1, 4):
        library.add(new_design(f"unrelated {i}", i))
    child = library.add(new_design("the refined sm6", 5, parent=parent.id))
    view = make_view()
    view.search_edit.setText("refined")  # the parent is hidden by the search
    qtbot.waitUntil(lambda: shown_ids(view) == [child.id], timeout=3000)
    assert view.select_design(child.id)  # listed already: selected at once
    shoot(view, tmp_path, "refined_from")

    assert view.details.lineage_box.isVisible()
    assert view.details.parent_button.isVisible()
    qtbot.mouseClick(view.details.parent_button, Qt.MouseButton.LeftButton)  # looked up by its key, off the UI thread
    qtbot.waitUntil(lambda: view.selected_design() is not None and view.selected_design().id == parent.id, timeout=5000)
    assert view.search_edit.text() == ""  # the search was cleared to show it
    assert not view.details.lineage_box.isVisible()


def test_prompts_are_plain_text_everywhere(make_view, library, tmp_path):
    design = library.add(new_design("<b>bold</b> <img src=x> & sm6", 0))
    view = make_view()
    shoot(view, tmp_path, "plain_text")
    label = view.details.prompt_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>bold</b> <img src=x> & sm6"
    tooltip = view.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt;" in tooltip and "<b>" not in tooltip
    assert view.selected_design().id == design.id


# --- 14,000 designs -------------------------------------------------------------------------------


def test_a_big_library_spans_the_scroll_bar_and_reads_only_the_pages_shown(make_view, library, qtbot, tmp_path):
    images = [png(i) for i in range(12)]
    total = 1_250
    library.add_many(new_design(f"design {i}", i, image=images[i % len(images)]) for i in range(total))
    view = make_view()
    shoot(view, tmp_path, "big_library")

    assert view.model.rowCount() == total  # every design has its place from the start
    assert view.model.loaded_count() == PAGE_SIZE  # but only the first page is read
    assert view.count_label.full_text() == "1,250 designs"
    bar, side = view.grid.verticalScrollBar(), view.grid.gridSize().height()
    assert bar.maximum() + bar.pageStep() == -(-total // view.grid.columns) * side  # the bar spans every design

    bar.setValue(bar.maximum())  # dragged to the end: the last page is read, none of those between
    oldest = view.model.index(total - 1)
    qtbot.waitUntil(lambda: oldest.data(DesignRole) is not None, timeout=5000)
    assert oldest.data(DesignRole).request.prompt == "design 0"
    assert view.model.loaded_count() <= 3 * PAGE_SIZE

    seen: list[str] = []
    for value in range(0, bar.maximum() + bar.pageStep(), bar.pageStep()):  # and back, a screen at a time
        bar.setValue(value)
        shown = view.grid.visible_rows()
        qtbot.waitUntil(lambda: all(view.model.design_at(r) is not None for r in shown), timeout=5000)
        seen += [view.model.design_at(r).id for r in shown if not seen or r >= len(seen)]
    assert len(seen) == total == len(set(seen))
    assert seen == sorted(seen, reverse=True)  # newest first (ids sort by creation time)


def test_thumbnails_arrive_in_the_background_decoded_small(make_view, library, qtbot, tmp_path):
    big = io.BytesIO()
    Image.new("RGB", (1024, 1024), (200, 160, 40)).save(big, format="PNG")
    image = encode_png(Image.open(big), parameters="gold sm6", request={"prompt": "gold sm6"})
    design = library.add(new_design("gold sm6", 0, image=image))
    view = make_view()
    index = view.model.index(0)

    qtbot.waitUntil(lambda: index.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=5000)
    thumbnail = index.data(Qt.ItemDataRole.DecorationRole)
    assert min(thumbnail.width(), thumbnail.height()) == view.model.thumb_side < 1024
    assert thumbnail.toImage().pixelColor(10, 10).red() == 200
    qtbot.waitUntil(lambda: not view.loader.is_busy(), timeout=5000)
    shoot(view, tmp_path, "thumbnail_loaded")
    assert view.details.preview.picture() is not None
    assert design.width == 1024


def test_the_view_follows_a_theme_switch(make_view, library, qapp, tmp_path):
    library.add(new_design("sm6 by day", 0))
    view = make_view()
    apply_theme(qapp, "light")  # the conftest puts the dark theme back afterwards
    shoot(view, tmp_path, "light_theme")
    assert LIGHT.surface in view.styleSheet() and DARK.surface not in view.styleSheet()


def test_a_missing_image_shows_a_placeholder_instead_of_failing(make_view, library, qtbot, tmp_path):
    design = library.add(new_design("lost picture", 0))
    Path(design.image_path).unlink()
    view = make_view()
    index = view.model.index(0)
    index.data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: index.data(FailedRole) is True, timeout=5000)
    shoot(view, tmp_path, "missing_image")
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert view.selected_design().id == design.id


def test_the_notes_above_the_grid_are_tinted_as_every_banner_is(make_view, library, qtbot):
    # Banners take their colours from their object name: one renamed for its workspace lost its tint and floated,
    # words and buttons loose on the page.
    library.add(new_design("sm6 by day", 0))
    library.add(new_design("sm6 by night", 1))
    view = make_view()
    qtbot.waitUntil(lambda: view.selected_design() is not None, timeout=5000)
    view.remove_selected()
    qtbot.waitUntil(view.removed_banner.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: view.removed_banner.height() > 0, timeout=5000)
    shot = view.grab().toImage()
    banner = view.removed_banner
    inside = banner.mapTo(view, QPoint(6, banner.height() // 2))  # within its edge, left of its icon
    above = banner.mapTo(view, QPoint(6, -4))  # the page, in the gap over it
    assert shot.pixelColor(inside) != shot.pixelColor(above)
