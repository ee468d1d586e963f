"""The Models page and Import model… with ControlNets, LoRAs, inpainting and few-step checkpoints: real files, the real
registry, real widgets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app import paths
from app.generation.hashing import HashCache
from app.generation.registry import ModelRegistry, listed_models
from tests.app.test_addon_models import LORAS, REFUSED, original_controlnet, write
from tests.app.test_registry import SD15_KEYS, UNET
from ui.i18n import apply_language
from ui.models.import_dialog import ImportModelDialog
from ui.models.models_dialog import ModelsDialog
from ui.models.models_page import ModelsPage

SIGNAL_TIMEOUT_MS = 30_000


@pytest.fixture
def installed(tiny_sd15, tiny_controlnet, tiny_lora_masters, models_dir, tmp_path) -> list:
    """A models folder with a model, an inpainting and a turbo checkpoint, a ControlNet, two LoRAs and a LoHa."""
    write(models_dir / "sm6-inpainting.safetensors", {**SD15_KEYS, UNET + "input_blocks.0.0.weight": (8, 9, 3, 3)})
    write(models_dir / "sd_turbo.safetensors", SD15_KEYS)
    (models_dir / "lora").mkdir()
    shutil.copy2(tiny_lora_masters / "tiny-style.safetensors", models_dir / "lora" / "chrome-style.safetensors")
    shutil.copy2(tiny_lora_masters / "lcm-lora-tiny.safetensors", models_dir / "lora" / "lcm-lora-sd15.safetensors")
    write(models_dir / "lora" / "loha-style.safetensors", REFUSED["loha"][0])
    registry = ModelRegistry([models_dir], HashCache(tmp_path / "hashes.json"))
    registry.scan()
    registry.ensure_hash(registry.get("chrome-style.safetensors"))
    return [*listed_models(registry.models), *registry.addons("controlnet"), *registry.addons("lora")]


def test_the_page_lists_each_kind_in_its_own_section_with_family_size_and_hash(qtbot, installed):
    page = ModelsPage()
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.set_models(installed)
    page.show()

    assert page.shown("checkpoint") == ["sd_turbo.safetensors", "sm6-inpainting.safetensors", "tiny-sd15"]
    assert page.shown("controlnet") == ["tiny-controlnet"]
    assert page.shown("lora") == ["chrome-style.safetensors", "lcm-lora-sd15.safetensors", "loha-style.safetensors"]
    assert page.cards["controlnet"].title() == "ControlNets (shape guides)" and page.cards["lora"].title() == "LoRAs"

    def chips(model_id: str) -> list[str]:
        return [chip.text() for chip in page.row(model_id).chips]

    assert chips("sm6-inpainting.safetensors") == ["SD 1.x", "Inpainting"]
    assert chips("sd_turbo.safetensors") == ["SD 1.x", "Turbo"]
    assert chips("lcm-lora-sd15.safetensors") == ["SD 1.x", "LCM"]
    assert chips("tiny-controlnet") == ["SD 1.x", "Edges"]
    lora = page.row("chrome-style.safetensors")
    assert lora.name_label.full_text() == "chrome-style" and "hash " in lora.detail_label.text()
    assert lora.model.short_hash in lora.detail_label.text() and "KB" in lora.detail_label.text()
    refused = page.row("loha-style.safetensors")
    assert "LyCORIS" in refused.detail_label.text() and refused.chips == []
    assert refused.detail_label.textFormat() == Qt.TextFormat.PlainText


def test_an_empty_section_says_what_it_is_for_and_how_to_add_one(qtbot, tiny_sd15, models_dir):
    page = ModelsPage()
    qtbot.addWidget(page)
    page.set_models(ModelRegistry([models_dir]).scan())
    assert page.shown("controlnet") == [] and page._empty["controlnet"].isVisibleTo(page)
    assert "keeps the SM6's outline" in page._empty["controlnet"].text()
    assert "lora folder" in page._empty["lora"].text() and not page._empty["checkpoint"].isVisibleTo(page)
    with qtbot.waitSignal(page.sig_import_requested, timeout=1000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.sig_rescan_requested, timeout=1000):
        qtbot.mouseClick(page.rescan_button, Qt.MouseButton.LeftButton)


def test_the_page_follows_the_language(qtbot, installed, back_to_english):
    page = ModelsPage()
    qtbot.addWidget(page)
    page.set_models(installed)
    page.show()
    apply_language("ko")
    qtbot.waitUntil(lambda: page.cards["lora"].title() == "LoRA", timeout=5000)
    assert (
        page.cards["controlnet"].title() == "ControlNet (형태 가이드)" and page.import_button.text() == "모델 가져오기…"
    )
    assert [c.text() for c in page.row("sm6-inpainting.safetensors").chips] == ["SD 1.x", "인페인팅"]
    assert [c.text() for c in page.row("tiny-controlnet").chips] == ["SD 1.x", "윤곽선"]
    assert "해시" in page.row("chrome-style.safetensors").detail_label.text()
    assert "LyCORIS 파일" in page.row("loha-style.safetensors").detail_label.text()  # the core's words, by id
    apply_language("en")
    qtbot.waitUntil(lambda: page.cards["lora"].title() == "LoRAs", timeout=5000)
    assert "LyCORIS file" in page.row("loha-style.safetensors").detail_label.text()


def test_the_models_dialog_hands_its_actions_on_and_closes(qtbot, installed):
    dialog = ModelsDialog()
    qtbot.addWidget(dialog)
    dialog.set_models(installed)
    dialog.open()
    assert dialog.page.shown("controlnet") == ["tiny-controlnet"]
    with qtbot.waitSignal(dialog.sig_rescan_requested, timeout=1000):
        qtbot.mouseClick(dialog.page.rescan_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize("kind", ["lora", "controlnet"])
def test_import_says_where_an_addon_goes_and_puts_it_there(qtbot, tiny_lora_masters, tmp_path, kind):
    downloads = tmp_path / "Downloads"
    if kind == "lora":
        source = write(downloads / "chrome.safetensors", LORAS["kohya-sdxl"][0])
        chips, folder = ["SDXL", "LoRA"], "lora"
    else:
        source = write(downloads / "control_v11f1p_sd15_depth.safetensors", original_controlnet(768))
        chips, folder = ["SD 1.x", "ControlNet"], "controlnet"
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    info = dialog.set_source(source)
    assert info is not None and info.kind == kind
    assert [dialog.arch_chip.text(), dialog.kind_chip.text()] == chips
    assert f"{folder} folder" in dialog.where_label.text() and dialog.where_label.isVisibleTo(dialog)
    assert dialog.tags_chip.isVisibleTo(dialog) == (kind == "controlnet")

    with qtbot.waitSignal(dialog.sig_imported, timeout=SIGNAL_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [paths.user_models_dir() / folder / source.name]
    assert (paths.user_models_dir() / folder / source.name).is_file()


def test_import_refuses_a_lycoris_file_in_words(qtbot, tmp_path):
    source = write(tmp_path / "Downloads" / "loha.safetensors", REFUSED["loha"][0])
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    assert dialog.set_source(source) is None
    assert "LyCORIS" in dialog.error_banner.message() and not dialog.import_button.isEnabled()
    assert not (paths.user_models_dir() / "lora").exists()


def test_a_checkpoint_import_says_nothing_about_folders(qtbot, tmp_path):
    source = write(tmp_path / "Downloads" / "plain.safetensors", SD15_KEYS)
    dialog = ImportModelDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.set_source(Path(source)) is not None
    assert dialog.kind_chip.text() == "Model" and not dialog.where_label.isVisibleTo(dialog)
    assert not dialog.tags_chip.isVisibleTo(dialog)


def test_models_dialog_from_the_app_shows_a_lora_dropped_in_after_check_again(qtbot, tiny_sd15, models_dir):
    from tests.ui.studio_helpers import close_app, open_app

    app = open_app(qtbot, (1280, 800))
    try:
        app.open_models_dialog()
        dialog = app.models_dialog
        assert dialog.page.shown("checkpoint") == ["tiny-sd15"] and dialog.page.shown("lora") == []
        write(models_dir / "lora" / "chrome.safetensors", LORAS["kohya-sd15"][0])
        qtbot.mouseClick(dialog.page.rescan_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.page.shown("lora") == ["chrome.safetensors"], timeout=5000)
        assert app.studio.controls.model.current_model_id() == "tiny-sd15"  # a LoRA never becomes the model
        assert not any("chrome" in text for text in app.studio.controls.model.item_texts())
        dialog.close()
    finally:
        close_app(app)
