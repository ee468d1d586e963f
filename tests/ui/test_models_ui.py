"""The model screens against real files and the real registry: first run, Import model…, Settings, the picker."""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from app import paths
from app.config import Settings, load_settings
from app.generation.registry import DEMO_MARKER, ModelRegistry
from tests.app.test_importer import write_sd15_file
from tests.app.test_registry import SD15_KEYS
from tests.fixtures.shots import save_shot
from ui.models.first_run_view import FirstRunView
from ui.models.import_dialog import ImportModelDialog
from ui.settings.settings_dialog import SettingsDialog
from ui.widgets.model_picker import ModelPicker

SIGNAL_TIMEOUT_MS = 30_000


@pytest.fixture
def outside(tmp_path) -> Path:
    path = tmp_path / "Downloads"
    path.mkdir()
    return path


def write_sparse_sd15(path: Path, size_mb: int) -> Path:
    """An SD 1.5-looking safetensors file of `size_mb`, mostly a sparse hole: big to copy, instant to write."""
    header, offset = {}, 0
    tensors = dict(SD15_KEYS, **{"model.diffusion_model.padding": (size_mb * 1024 * 1024 // 4,)})
    for key, shape in tensors.items():
        n = 4
        for d in shape:
            n *= d
        header[key] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + n]}
        offset += n
    raw = json.dumps(header).encode()
    with path.open("wb") as fh:
        fh.write(struct.pack("<Q", len(raw)) + raw)
        fh.truncate(8 + len(raw) + offset)
    return path


def user_models() -> list[str]:
    folder = paths.user_models_dir()
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- first run ---------------------------------------------------------------------------------------------------


def test_first_run_lists_unusable_models_with_plain_reasons_and_offers_both_ways_in(qtbot, models_dir, tmp_path):
    (models_dir / "<b>old.ckpt").write_bytes(b"\x80\x02")  # markup in a name must show literally
    good = write_sd15_file(tmp_path / "good.safetensors")
    (models_dir / "half.safetensors").write_bytes(good.read_bytes()[:-100])
    registry = ModelRegistry([models_dir])
    registry.scan()
    assert registry.usable() == []

    view = FirstRunView()
    qtbot.addWidget(view)
    view.resize(1192, 760)
    view.set_unusable(registry.models)
    view.show()

    reasons = dict(view.unusable_reasons())
    assert "pickled checkpoint" in reasons["<b>old.ckpt"] and "truncated" in reasons["half.safetensors"]
    shown = {label.text(): label for label in view.unusable_card.findChildren(QLabel)}
    assert "<b>old.ckpt" in shown and shown["<b>old.ckpt"].textFormat() == Qt.TextFormat.PlainText
    assert reasons["half.safetensors"] in shown
    assert view.user_folder_row.path_label.full_text() == str(paths.user_models_dir())
    save_shot(view, "first_run", tmp_path)

    with qtbot.waitSignal(view.sig_import_requested, timeout=1000):
        qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.sig_demo_requested, timeout=1000):
        qtbot.mouseClick(view.demo_button, Qt.MouseButton.LeftButton)

    view.set_busy("Building the demo model…")
    assert view.is_busy() and not view.import_button.isEnabled() and not view.demo_button.isEnabled()
    save_shot(view, "first_run_busy", tmp_path)
    view.set_busy(None)
    assert not view.is_busy() and view.demo_button.isEnabled()
    view.set_unusable([])
    assert view.unusable_card.isHidden()


# --- import dialog -----------------------------------------------------------------------------------------------


def test_import_dialog_refuses_a_pickled_checkpoint(qtbot, outside, tmp_path):
    source = outside / "classic.ckpt"
    source.write_bytes(b"\x80\x02")
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    dialog.open()

    assert dialog.set_source(source) is None
    assert "pickled checkpoint" in dialog.error_banner.message()
    assert not dialog.import_button.isEnabled() and dialog.summary_card.isHidden()
    save_shot(dialog, "import_refused", tmp_path)
    dialog.start_import()  # even forced, nothing happens
    assert not dialog.is_busy() and user_models() == []


def test_import_dialog_copies_a_model_the_registry_then_finds(qtbot, tiny_sd15_master, outside, tmp_path):
    source = Path(shutil.copytree(tiny_sd15_master, outside / "sm6-sketch"))
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    info = dialog.set_source(source)
    assert info is not None and info.arch == "sd15"
    assert dialog.import_button.isEnabled() and dialog.arch_chip.text() == "SD 1.x"
    save_shot(dialog, "import_valid", tmp_path)

    with qtbot.waitSignal(dialog.sig_imported, timeout=SIGNAL_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert blocker.args == [paths.user_models_dir() / "sm6-sketch"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    found = ModelRegistry([paths.user_models_dir()]).scan()
    assert [(m.id, m.usable) for m in found] == [("sm6-sketch", True)]


def test_import_dialog_refuses_a_name_that_is_taken(qtbot, outside):
    source = write_sd15_file(outside / "taken.safetensors")
    paths.user_models_dir().mkdir(parents=True)
    shutil.copy(source, paths.user_models_dir() / "taken.safetensors")
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    assert dialog.set_source(source) is None
    assert "already in" in dialog.error_banner.message() and not dialog.import_button.isEnabled()


def test_cancelling_a_copy_leaves_nothing_and_closing_mid_copy_cancels_too(qtbot, outside, tmp_path):
    # A 1 GB sparse file: copying it takes far longer than the dialog's first progress update, so the cancel
    # lands mid-copy; the cancel arrives within a chunk, so only a few MB are ever written.
    source = write_sparse_sd15(outside / "big.safetensors", size_mb=1024)
    dialog = ImportModelDialog(chunk_size=256 * 1024)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.set_source(source) is not None

    # Cancel as soon as the first bytes are reported, while the copy is surely still running.
    dialog.progress_bar.valueChanged.connect(
        lambda value: value > 0 and dialog.cancel_button.isEnabled() and dialog.cancel_button.click()
    )
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.is_busy()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=SIGNAL_TIMEOUT_MS)

    assert "cancelled" in dialog.error_banner.message()
    assert user_models() == [] and ModelRegistry([paths.user_models_dir()]).scan() == []
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    save_shot(dialog, "import_cancelled", tmp_path)

    dialog.progress_bar.valueChanged.disconnect()
    dialog.progress_bar.valueChanged.connect(lambda value: value > 0 and dialog.isVisible() and dialog.reject())
    dialog.start_import()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=SIGNAL_TIMEOUT_MS)
    assert not dialog.is_busy() and dialog.result() == QDialog.DialogCode.Rejected
    assert user_models() == []


# --- settings ----------------------------------------------------------------------------------------------------


def test_settings_dialog_saves_what_was_changed_and_cancel_changes_nothing(qtbot, tmp_path):
    original = Settings()
    original.generation.model_id = "sm6-dream.safetensors"  # not shown in the dialog, must survive a save
    dialog = SettingsDialog(original)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.theme_radios["light"].setChecked(True)
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findData("cpu"))
    dialog.memory_checks["attention_slicing"].setChecked(True)
    dialog.memory_checks["cpu_offload"].setChecked(True)
    dialog.live_previews_check.setChecked(False)
    save_shot(dialog, "settings", tmp_path)

    with qtbot.waitSignal(dialog.sig_settings_changed, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = load_settings()
    assert saved == blocker.args[0]
    assert saved.theme == "light" and saved.generation.device == "cpu"
    assert saved.generation.attention_slicing and saved.generation.cpu_offload
    assert not saved.generation.vae_tiling and not saved.generation.live_previews
    assert saved.generation.model_id == "sm6-dream.safetensors"
    assert original.theme == "system"  # the caller's object is never edited in place

    again = SettingsDialog(saved)
    qtbot.addWidget(again)
    assert again.theme_radios["light"].isChecked() and again.device_combo.currentData() == "cpu"
    again.theme_radios["dark"].setChecked(True)
    with qtbot.assertNotEmitted(again.sig_settings_changed):
        qtbot.mouseClick(again.cancel_button, Qt.MouseButton.LeftButton)
    assert load_settings() == saved


# --- model picker ------------------------------------------------------------------------------------------------


def test_model_picker_labels_models_and_keeps_unusable_ones_out_of_reach(qtbot, tiny_sd15_master, models_dir, tmp_path):
    demo = Path(shutil.copytree(tiny_sd15_master, models_dir / "sm6-demo"))
    (demo / DEMO_MARKER).write_text("{}")
    write_sd15_file(models_dir / "sm6-dream.safetensors")
    (models_dir / "old.ckpt").write_bytes(b"\x80\x02")
    registry = ModelRegistry([models_dir])
    models = registry.scan()
    dream = registry.ensure_hash(registry.get("sm6-dream.safetensors"))
    models = [dream if m.id == dream.id else m for m in models]

    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.resize(420, 40)
    with qtbot.assertNotEmitted(picker.sig_model_chosen):
        picker.set_models(models, "sm6-dream.safetensors")
    picker.show()

    texts = picker.item_texts()
    assert texts[0] == "Demo model (random weights, abstract images) · SD 1.x"
    assert texts[1] == f"sm6-dream · SD 1.x · {dream.short_hash}" and len(dream.short_hash) == 10
    assert texts[2] == "old.ckpt — can't be used"
    assert picker.current_model_id() == "sm6-dream.safetensors"
    assert not picker.is_selectable("old.ckpt") and picker.is_selectable("sm6-demo")
    save_shot(picker, "model_picker", tmp_path)

    with qtbot.waitSignal(picker.sig_model_chosen, timeout=1000) as blocker:
        qtbot.keyClick(picker, Qt.Key.Key_Up)
    assert blocker.args == ["sm6-demo"]
    with qtbot.waitSignal(picker.sig_model_chosen, timeout=1000) as blocker:
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert blocker.args == ["sm6-dream.safetensors"]
    with qtbot.assertNotEmitted(picker.sig_model_chosen):
        qtbot.keyClick(picker, Qt.Key.Key_Down)  # past the last usable model: the unusable one is never reached
    assert picker.current_model_id() == "sm6-dream.safetensors"


def test_model_picker_with_nothing_usable_is_disabled(qtbot, models_dir):
    (models_dir / "old.ckpt").write_bytes(b"\x80\x02")
    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.set_models(ModelRegistry([models_dir]).scan(), "")
    assert picker.current_model_id() == "" and not picker.isEnabled()
