"""The Curation workspace as a judge uses it, on a real SQLite store of 200 submissions: the first-run "Who is
judging?", a new round, "not judged by me" shrinking as the judge scores, keyboard scoring that shows the next entry
within 100 ms, another machine's work reaching this screen within 2 s, a locked round refusing keys with a plain
sentence, an unreachable server with "Try again", and no Curation at a kiosk."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.curation.judging_errors import ROUND_IS_CLOSED, ROUND_IS_LOCKED
from app.curation.models import DEFAULT_CRITERIA, DQ_UNSAFE, ROUND_LOCKED, Candidate
from app.curation.settings import CurationSettings
from app.curation.store import open_store
from tests.fixtures.curation_files import plain_png
from tests.fixtures.shots import save_shot
from ui.curation.curation_view import CurationView
from ui.curation.curation_vm import ASK_JUDGE, FAILED, READY, CurationViewModel
from ui.curation.gallery_model import FLAG_DISQUALIFIED, FlagsRole, ScoreRole
from ui.i18n import apply_language

WAIT_MS = 10_000
ENTRIES = 200


def candidate(n: int) -> Candidate:
    picture = plain_png(n, 96)
    sha = hashlib.sha256(picture).hexdigest()
    return Candidate(f"file:{sha}", "folder", f"entries/{n}.png", picture, sha, 96, 96, name=f"Pearl SM6 {n}")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """200 submissions, a judge "Ana", and an open blind round over them, built once; each test gets a copy."""
    folder = tmp_path_factory.mktemp("curation-template")
    store = open_store(str(folder / "curation.db"), folder / "default.db")
    try:
        store.add([candidate(n) for n in range(ENTRIES)])
        ana = store.add_judge("Ana")
        store.create_round("Long list", criteria=DEFAULT_CRITERIA, blind=True, entries=None, by=ana.id)
    finally:
        store.close()
    return folder / "curation.db"


class Workspace:
    def __init__(self, qtbot, database: str, tmp_path: Path, judge: str) -> None:
        self.settings = CurationSettings(database=database, judge=judge)
        self.saved: list[str] = []
        self.vm = CurationViewModel(lambda: self.settings, tmp_path / "default.db", save_judge=self._save_judge)
        self.view = CurationView(self.vm, thumbnails=tmp_path / "thumbs")
        self.view.resize(1280, 800)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.vm.open()

    def _save_judge(self, name: str) -> None:
        self.saved.append(name)
        self.settings = CurationSettings(database=self.settings.database, judge=name)

    def close(self) -> None:
        self.view.close_work()
        self.view.close()
        self.view.deleteLater()


@pytest.fixture
def open_workspace(qtbot, tmp_path, template):
    made: list[Workspace] = []

    def open_(judge: str = "Ana", database: str | None = None) -> Workspace:
        if database is None:
            database = str(tmp_path / "curation.db")
            shutil.copy(template, database)
        made.append(Workspace(qtbot, database, tmp_path, judge))
        return made[-1]

    yield open_
    for workspace in made:
        workspace.close()


@pytest.fixture
def other_machine(tmp_path):
    """The same database file opened by a second connection, as another judge's machine would."""
    opened = []

    def open_():
        store = open_store(str(tmp_path / "curation.db"), tmp_path / "other-default.db")
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()


def ready(qtbot, ws: Workspace) -> None:
    qtbot.waitUntil(lambda: ws.vm.phase == READY, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ws.view.model is not None and ws.view.model.is_ready, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ws.view.model.entry_at(0) is not None, timeout=WAIT_MS)


def test_the_first_time_it_asks_who_is_judging_and_keeps_the_name(qtbot, open_workspace):
    ws = open_workspace(judge="")
    qtbot.waitUntil(lambda: ws.vm.phase == ASK_JUDGE, timeout=WAIT_MS)
    picker = ws.view.judge_picker
    assert picker.isVisible() and [picker.judges.item(i).text() for i in range(picker.judges.count())] == ["Ana"]
    assert not picker.start_button.isEnabled()  # no name, nothing to start
    save_shot(ws.view, "curation_judge_picker_en")
    qtbot.keyClicks(picker.name_edit, "  Ben  ")
    qtbot.mouseClick(picker.start_button, Qt.MouseButton.LeftButton)
    ready(qtbot, ws)
    assert ws.saved == ["Ben"] and ws.vm.judge.name == "Ben"
    assert ws.view.judge_label.text() == "Judging as Ben"
    assert {j.name for j in ws.vm.store.judges()} == {"Ana", "Ben"}


def test_a_new_round_takes_every_valid_submission_with_the_default_rubric(qtbot, open_workspace):
    ws = open_workspace()
    ready(qtbot, ws)
    dialog = ws.view.open_new_round()
    assert [row[1].text() for row in dialog._rows] == ["True to the SM6", "Originality", "Craft", "Description"]
    assert not dialog.create_button.isEnabled()  # a round needs a name
    qtbot.keyClicks(dialog.name_edit, "Short list")
    dialog.blind_box.setChecked(False)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: ws.vm.current_round is not None and ws.vm.current_round.name == "Short list", timeout=WAIT_MS
    )
    made = ws.vm.current_round
    assert not made.blind and [c.id for c in made.criteria] == [c.id for c in DEFAULT_CRITERIA]
    assert ws.view.round_box.currentText() == "Short list" and ws.view.state_chip.text() == "Open"
    qtbot.waitUntil(lambda: ws.view.filter_bar.count_label.text() == "200 entries", timeout=WAIT_MS)


def test_scoring_by_keys_shows_the_next_entry_within_100_ms_and_not_judged_by_me_shrinks(qtbot, open_workspace):
    ws = open_workspace()
    ready(qtbot, ws)
    ws.view.filter_bar.mine_box.setChecked(True)
    qtbot.waitUntil(lambda: ws.vm.filter.not_judged_by == ws.vm.judge.id, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: ws.view.model.is_ready and ws.view.filter_bar.count_label.text() == "200 entries", timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: ws.view.model.entry_at(1) is not None, timeout=WAIT_MS)

    ws.view.grid.setFocus()
    ws.view.grid.setCurrentIndex(ws.view.model.index(0))
    qtbot.keyClick(ws.view.grid, Qt.Key.Key_Return)
    page = ws.view.viewer_page
    assert ws.view.inner.currentWidget() is page and page.row == 0
    first, second = ws.view.model.entry_at(0), ws.view.model.entry_at(1)
    qtbot.waitUntil(lambda: second.image_sha256 in page._pictures, timeout=WAIT_MS)  # prefetched

    shown_at: list[tuple[int, float]] = []
    page.sig_shown.connect(lambda key: shown_at.append((key, time.perf_counter())))
    for key in (Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_5):
        qtbot.keyClick(page.panel, key)
    assert page.submission.key == first.key  # three of four criteria: still this entry
    pressed = time.perf_counter()
    qtbot.keyClick(page.panel, Qt.Key.Key_2)
    assert shown_at and shown_at[-1][0] == second.key
    assert shown_at[-1][1] - pressed <= 0.100
    assert page.details.name_label.text() == "" or page.details.is_blind()  # a blind round: the name is not shown
    assert page.viewer.has_picture()  # the prefetched picture, at once

    qtbot.waitUntil(lambda: ws.vm.pending == 0, timeout=WAIT_MS)
    stored = ws.vm.store.verdict(ws.vm.current_round.id, first.key, ws.vm.judge.id)
    assert stored.scores == {"sm6": 4, "originality": 3, "craft": 5, "description": 2}
    assert ws.view.saving_label.text() == "Saved"
    qtbot.keyClick(page.panel, Qt.Key.Key_Escape)
    assert ws.view.inner.currentWidget() is ws.view.grid
    qtbot.waitUntil(lambda: ws.view.filter_bar.count_label.text() == "199 entries", timeout=WAIT_MS)


def test_another_machines_work_reaches_my_tiles_within_two_seconds(qtbot, open_workspace, other_machine):
    ws = open_workspace()
    ready(qtbot, ws)
    model, round_id = ws.view.model, ws.vm.current_round.id
    qtbot.waitUntil(lambda: model.entry_at(1) is not None, timeout=WAIT_MS)
    first, second = model.entry_at(0), model.entry_at(1)
    qtbot.wait(1200)  # the poller has read where the log stands
    elsewhere = other_machine()
    ben = elsewhere.add_judge("Ben")
    elsewhere.disqualify(first.key, DQ_UNSAFE, "", by=ben.id)
    ana = elsewhere.add_judge("Ana")  # this judge, scoring on a second machine
    for criterion in DEFAULT_CRITERIA:
        elsewhere.score(round_id, second.key, ana.id, criterion.id, 5)
    qtbot.waitUntil(lambda: FLAG_DISQUALIFIED in (model.index(0).data(FlagsRole) or ()), timeout=2000)
    qtbot.waitUntil(lambda: model.index(1).data(ScoreRole) == 5.0, timeout=2000)


def test_a_locked_round_refuses_score_keys_with_a_plain_sentence(qtbot, open_workspace, other_machine):
    ws = open_workspace()
    ready(qtbot, ws)
    round_id = ws.vm.current_round.id
    elsewhere = other_machine()
    elsewhere.set_round_state(round_id, "closed", by=None)
    elsewhere.set_round_state(round_id, ROUND_LOCKED, by=None)
    qtbot.waitUntil(lambda: ws.vm.current_round.state == ROUND_LOCKED, timeout=WAIT_MS)
    assert ws.view.state_chip.text() == "Locked"
    ws.view.open_viewer(0)
    page = ws.view.viewer_page
    entry = page.submission.key
    qtbot.keyClick(page.panel, Qt.Key.Key_3)
    assert page.panel.is_locked() and page.panel.locked_label.text() == ROUND_IS_LOCKED().english()
    assert page.panel.locked_note.isVisible()
    assert ws.vm.pending == 0 and elsewhere.verdict(round_id, entry, ws.vm.judge.id) is None


def test_an_unreachable_server_says_so_plainly_and_offers_try_again(qtbot, open_workspace):
    ws = open_workspace(database="postgresql://judge@127.0.0.1:9/curation")
    qtbot.waitUntil(lambda: ws.vm.phase == FAILED, timeout=WAIT_MS)
    banner = ws.view.error_banner
    assert banner.isVisible() and banner.message() and "Traceback" not in banner.message()
    assert ws.view.retry_button.isVisible() and ws.view.settings_button.isVisible()
    with qtbot.waitSignal(ws.view.sig_open_settings, timeout=WAIT_MS):
        qtbot.mouseClick(ws.view.settings_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ws.view.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ws.vm.phase == FAILED, timeout=WAIT_MS)


def test_screenshots_in_english_and_korean(qtbot, open_workspace):
    ws = open_workspace()
    ready(qtbot, ws)
    try:
        for language in ("en", "ko"):
            apply_language(language)
            qtbot.wait(300)  # thumbnails arrive
            assert ws.view.minimumSizeHint().width() <= 936  # fits the narrowest window beside the rail
            ws.view.show_gallery()
            save_shot(ws.view, f"curation_gallery_{language}")
            ws.view.open_viewer(0)
            qtbot.waitUntil(lambda: ws.view.viewer_page.viewer.has_picture(), timeout=WAIT_MS)
            save_shot(ws.view, f"curation_viewer_{language}")
            dialog = ws.view.open_new_round()
            qtbot.waitExposed(dialog)
            save_shot(dialog, f"curation_new_round_{language}")
            dialog.reject()
    finally:
        apply_language("en")


def test_a_score_the_store_refuses_is_put_back_with_a_banner(qtbot, open_workspace, other_machine):
    ws = open_workspace()
    ready(qtbot, ws)
    ws.view.live.stop()  # this screen has not heard yet that the round was closed elsewhere
    round_id = ws.vm.current_round.id
    other_machine().set_round_state(round_id, "closed", by=None)
    ws.view.open_viewer(0)
    page = ws.view.viewer_page
    entry = page.submission.key
    qtbot.keyClick(page.panel, Qt.Key.Key_4)
    assert ws.view.model.score_of(entry) == 4.0  # shown at once
    qtbot.waitUntil(lambda: ws.vm.pending == 0 and ws.view.model.score_of(entry) is None, timeout=WAIT_MS)
    banner = ws.view.error_banner
    assert banner.isVisible() and banner.message() == ROUND_IS_CLOSED().english()
    assert "Traceback" not in banner.message()
    qtbot.waitUntil(lambda: ws.view.state_chip.text() == "Closed", timeout=WAIT_MS)  # the rounds were read again
    assert page.panel.is_locked()


def test_results_open_in_place_of_the_gallery_and_back(qtbot, open_workspace):
    ws = open_workspace()
    ready(qtbot, ws)
    qtbot.mouseClick(ws.view.results_button, Qt.MouseButton.LeftButton)
    assert ws.view.inner.currentWidget() is ws.view.results_page and not ws.view.filter_bar.isVisible()
    assert ws.view.results_button.text() == "Back to the gallery"
    assert ws.view.minimumSizeHint().width() <= 936
    qtbot.wait(200)  # its first read answers
    qtbot.mouseClick(ws.view.results_button, Qt.MouseButton.LeftButton)
    assert ws.view.inner.currentWidget() is ws.view.grid and ws.view.results_button.text() == "Results"


def test_an_entry_with_a_copy_is_compared_side_by_side(qtbot, open_workspace, other_machine):
    ws = open_workspace()
    ready(qtbot, ws)
    model = ws.view.model
    qtbot.waitUntil(lambda: model.entry_at(3) is not None, timeout=WAIT_MS)
    first, copy = model.entry_at(0).key, model.entry_at(3).key
    other_machine().set_duplicate_groups([[first, copy]])
    with qtbot.waitSignal(model.sig_loaded, timeout=WAIT_MS):
        model.load(ws.vm.filter)
    qtbot.waitUntil(lambda: model.entry_at(0) is not None, timeout=WAIT_MS)
    ws.view.open_viewer(0)
    page = ws.view.viewer_page
    assert page.compare_button.isVisible()
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ws.view.inner.currentWidget() is ws.view.compare_view, timeout=WAIT_MS)
    assert [c.full_text() for c in ws.view.compare_view.captions] == [f"Entry {first}", f"Entry {copy}"]  # blind
    qtbot.keyClick(ws.view.compare_view.viewers[0], Qt.Key.Key_Escape)
    assert ws.view.inner.currentWidget() is page


def test_a_search_that_finds_nothing_explains_and_offers_import(qtbot, open_workspace):
    ws = open_workspace()
    ready(qtbot, ws)
    qtbot.keyClicks(ws.view.filter_bar.search, "no such entry anywhere")
    qtbot.waitUntil(lambda: ws.view.filter_bar.count_label.text() == "0 entries", timeout=WAIT_MS)
    assert ws.view.inner.currentWidget() is ws.view.empty and ws.view.empty.isVisible()
    qtbot.mouseClick(ws.view.empty.primary_button, Qt.MouseButton.LeftButton)
    dialog = ws.view.import_dialog
    qtbot.waitExposed(dialog)
    dialog.reject()
    ws.view.filter_bar.search.clear()
    qtbot.waitUntil(lambda: ws.view.filter_bar.count_label.text() == "200 entries", timeout=WAIT_MS)
    assert ws.view.inner.currentWidget() is ws.view.grid


def test_backspace_takes_a_score_back_in_the_store(qtbot, open_workspace):
    ws = open_workspace()
    ready(qtbot, ws)
    ws.view.grid.setCurrentIndex(ws.view.model.index(0))
    qtbot.keyClick(ws.view.grid, Qt.Key.Key_Return)
    page = ws.view.viewer_page
    entry = page.submission.key
    qtbot.keyClick(page.panel, Qt.Key.Key_4)  # "True to the SM6": 4, then on to the next criterion
    qtbot.keyClick(page.panel, Qt.Key.Key_Left)
    qtbot.keyClick(page.panel, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: ws.vm.pending == 0, timeout=WAIT_MS)
    stored = ws.vm.store.verdict(ws.vm.current_round.id, entry, ws.vm.judge.id)
    assert stored is not None and stored.scores == {}
    assert ws.view.error_banner.isHidden()  # taken back, not refused


def test_another_judges_scores_reach_the_results_on_my_screen_within_two_seconds(qtbot, open_workspace, other_machine):
    ws = open_workspace()
    ready(qtbot, ws)
    round_id, entry = ws.vm.current_round.id, ws.view.model.entry_at(0).key
    qtbot.mouseClick(ws.view.results_button, Qt.MouseButton.LeftButton)
    results = ws.view.results_page
    qtbot.waitUntil(lambda: results.loaded is not None and not results.busy, timeout=WAIT_MS)
    assert "Min-jun" not in results.judges.text()
    qtbot.wait(1200)  # the poller has read where the log stands

    elsewhere = other_machine()
    minjun = elsewhere.add_judge("Min-jun")
    for criterion in DEFAULT_CRITERIA:
        elsewhere.score(round_id, entry, minjun.id, criterion.id, 4)
    qtbot.waitUntil(lambda: "Min-jun: 1 judged" in results.judges.text(), timeout=2000)
