"""The Import dialog: a folder of submissions imported in the background, paused and continued, bad items listed."""

from __future__ import annotations

import pytest

from app.config import Settings
from app.curation.importer import ImportProgress
from app.curation.models import EntryFilter
from app.curation.store import open_store
from tests.fixtures.curation_files import write_submission_folder
from tests.fixtures.shots import save_shot
from ui.curation.import_dialog import ImportDialog
from ui.curation.import_progress import ImportJob, short_status
from ui.i18n import apply_language


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "curation.db"), tmp_path / "default.db")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_submission_folder(
        tmp_path_factory.mktemp("subs") / "entries", 30, with_metadata=False, bad=("damaged",)
    )


@pytest.fixture
def dialog(qtbot, store, folder):
    view = ImportDialog(store, None, Settings())
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.path.setText(str(folder))
    view._choice_changed()
    yield view
    if view.job is not None and view.job.running:
        view.job.cancel()
        qtbot.waitUntil(lambda: not view.job.running, timeout=10_000)


def run_to_end(qtbot, dialog) -> object:
    job = dialog.start()
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    return job


def test_a_folder_imports_to_the_end_with_counts_and_the_bad_item_listed_with_its_reason(qtbot, dialog, store):
    job = run_to_end(qtbot, dialog)

    progress = job.progress
    assert progress.finished and progress.done == progress.total == 31
    assert (progress.added, progress.already, progress.bad) == (31, 0, 1)
    assert dialog.read_label.text() == "31 of 31 read"
    assert dialog.tally_label.text() == "31 added · 0 already there · 1 kept aside"
    assert dialog.bar.value() == dialog.bar.maximum()
    assert store.count(EntryFilter(state="ok")) == 30
    assert store.unhashed() == [] and len(store.phashes()) == 30  # copies are looked for as the import ends
    qtbot.waitUntil(lambda: dialog.kept.count() == 1)
    line = dialog.kept.item(0).text()
    assert line.startswith("bad_damaged.png: ") and len(line) > len("bad_damaged.png: ") + 10
    assert "Traceback" not in line and "Error" not in line
    assert short_status(progress) == "Import finished: 31 added"
    save_shot(dialog, "import_finished_en")
    try:
        apply_language("ko")
        qtbot.waitUntil(lambda: dialog.start_button.text() == "가져오기 시작", timeout=5000)
        assert dialog.read_label.text() == "31개 중 31개 읽음"
        assert dialog.tally_label.text() == "31개 추가 · 0개 이미 있음 · 1개 제외"
        save_shot(dialog, "import_finished_ko")
    finally:
        apply_language("en")


def test_pausing_midway_then_continuing_doubles_nothing(qtbot, dialog, store):
    dialog.sig_job.connect(lambda job: job.cancel())  # paused before its first batch is stored
    job = run_to_end(qtbot, dialog)
    assert job.progress.cancelled and 0 < job.progress.done < 31
    paused_at = job.progress.done
    assert dialog.eta_label.text() == "Paused"
    assert dialog.start_button.text() == "Continue"
    qtbot.waitUntil(lambda: dialog.resume_label.isVisible())
    assert dialog.resume_label.text() == f"Continue the import from item {paused_at} of 31"
    save_shot(dialog, "import_paused_en")

    dialog.sig_job.disconnect()
    job = run_to_end(qtbot, dialog)

    assert job.progress.finished and job.progress.done == 31
    assert (job.progress.added, job.progress.already) == (31 - paused_at, 0)  # only what was left is read
    assert store.count(EntryFilter(state="ok")) == 30
    assert store.count(EntryFilter(state="bad")) == 1


def test_a_folder_that_is_not_there_says_so_in_a_plain_sentence(qtbot, dialog, tmp_path):
    dialog.path.setText(str(tmp_path / "no such folder"))
    job = run_to_end(qtbot, dialog)
    assert job.progress.error is not None
    assert "no such folder" in dialog.error.text() and "Errno" not in dialog.error.text()
    assert dialog.start_button.isEnabled()


def test_closing_the_dialog_leaves_the_import_running_for_the_workspace(qtbot, store, folder):
    from PySide6.QtWidgets import QWidget

    workspace = QWidget()
    qtbot.addWidget(workspace)
    dialog = ImportDialog(store, None, Settings(), parent=workspace)
    dialog.path.setText(str(folder))
    jobs = []
    dialog.sig_job.connect(jobs.append)
    dialog.resize(1280, 800)
    dialog.show()
    job = dialog.start()
    save_shot(dialog, "import_started_en")
    dialog.close()
    dialog.deleteLater()
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    assert jobs == [job] and job.parent() is workspace
    assert job.progress.finished and store.count(EntryFilter(state="ok")) == 30


def test_a_long_import_midway_says_how_far_and_how_long_in_either_language(qtbot, store, folder):
    """An import of 14,000 is caught midway: its job is shown the importer's progress, with no worker behind it."""
    dialog = ImportDialog(store, None, Settings())
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    job = ImportJob(store, lambda: None, parent=dialog)
    job.running = True
    job.progress = ImportProgress(f"folder:{folder}", 8400, 14000, 8380, 0, 20, 95.0, 170.0)
    dialog._follow(job)

    assert dialog.read_label.text() == "8,400 of 14,000 read" and dialog.eta_label.text() == "about 3 min left"
    assert dialog.tally_label.text() == "8,380 added · 0 already there · 20 kept aside"
    assert dialog.cancel_button.isVisible() and not dialog.start_button.isEnabled()
    assert short_status(job.progress) == "Importing: 8,400 of 14,000 read · about 3 min left"
    save_shot(dialog, "import_running_en")
    try:
        apply_language("ko")
        qtbot.waitUntil(lambda: dialog.eta_label.text() == "약 3분 남음", timeout=5000)
        assert dialog.read_label.text() == "14,000개 중 8,400개 읽음"
        save_shot(dialog, "import_running_ko")
    finally:
        apply_language("en")
    job.running = False
