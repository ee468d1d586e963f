"""Malformed models in the model screens: Import model… refuses each with its reason, and the first-run view and the
picker list them as unusable, as plain text, beside the models that work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app import paths
from app.generation.registry import ModelRegistry
from tests.app.bad_models import DIFFUSERS_CASES, FILESYSTEM_CASES, SAFETENSORS_CASES, write_sd15_file
from tests.ui.studio_helpers import close_app, open_app
from ui.models.first_run_view import FirstRunView
from ui.models.import_dialog import ImportModelDialog
from ui.widgets.model_picker import ModelPicker

SOME_OF_EACH = [*SAFETENSORS_CASES[::4], *DIFFUSERS_CASES[::3], *FILESYSTEM_CASES]


@pytest.mark.parametrize("case", SOME_OF_EACH, ids=[c[0] for c in SOME_OF_EACH])
def test_import_dialog_refuses_a_malformed_model_with_its_reason(qtbot, tmp_path, case):
    _, make, words = case
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    bad = make(downloads)
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    dialog.open()

    assert dialog.set_source(bad) is None

    message = dialog.error_banner.message()
    assert words in message and "Traceback" not in message
    assert dialog.error_banner.message_label.textFormat() == Qt.TextFormat.PlainText
    assert not dialog.import_button.isEnabled() and dialog.summary_card.isHidden()
    dialog.start_import()
    assert not dialog.is_busy() and not paths.user_models_dir().exists()
    # The dialog stays usable: a sound model chosen next is accepted.
    assert dialog.set_source(write_sd15_file(downloads / "sound.safetensors")) is not None
    assert dialog.import_button.isEnabled()
    dialog.close()


def test_first_run_and_picker_list_every_malformed_model_beside_the_sound_one(qtbot, tmp_path):
    folders = []
    for index, (_, make, _) in enumerate(SOME_OF_EACH):
        folders.append(tmp_path / f"models-{index}")  # one folder each: the makers reuse their names
        folders[-1].mkdir()
        make(folders[-1])
    write_sd15_file(folders[0] / "sound.safetensors")
    registry = ModelRegistry(folders)
    models = registry.scan()
    unusable = [m for m in models if not m.usable]
    assert [m.id for m in registry.usable()] == ["sound.safetensors"]
    assert len(unusable) >= len(SOME_OF_EACH)

    view = FirstRunView()
    qtbot.addWidget(view)
    view.set_unusable(models)
    view.show()
    labels = {label.text(): label for label in view.unusable_card.findChildren(QLabel)}
    for model in unusable:  # names and reasons come from disk: shown literally
        assert labels[model.error].textFormat() == Qt.TextFormat.PlainText
        assert labels[model.id].textFormat() == Qt.TextFormat.PlainText

    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.set_models(models, "")
    assert picker.current_model_id() == "sound.safetensors"
    assert picker.is_selectable("sound.safetensors")
    assert not any(picker.is_selectable(m.id) for m in unusable)


@pytest.mark.parametrize("with_sound_model", [False, True], ids=["only-malformed", "beside-a-sound-one"])
def test_the_app_starts_with_malformed_models_in_the_models_folder(qtbot, models_dir, with_sound_model):
    moved = set()
    for index, (_, make, _) in enumerate(SOME_OF_EACH):
        scratch = models_dir / f"case-{index}"  # no model_index.json: the scan passes over it
        scratch.mkdir()
        made = make(scratch)
        if not made.is_symlink():  # links point relative to where they were made; the others move up
            moved.add(made.rename(models_dir / f"{index}-{made.name}").name)
    if with_sound_model:
        write_sd15_file(models_dir / "sound.safetensors")
    app = open_app(qtbot)
    try:
        registry = app.services.registry
        assert {m.path.name for m in registry.models if not m.usable} == moved
        if with_sound_model:
            assert app.design_page.currentWidget() is app.studio
            assert [m.id for m in registry.usable()] == ["sound.safetensors"]
        else:
            assert app.design_page.currentWidget() is app.first_run
            shown = dict(app.first_run.unusable_reasons())
            assert all(m.error == shown[m.id] for m in registry.models)
    finally:
        close_app(app)
