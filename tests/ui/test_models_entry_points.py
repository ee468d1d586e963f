"""Ways to Models… from where models matter (the studio's model row, the guide's "see Models" line, Settings), and
none at a kiosk; the model list's words for inpainting and few-step checkpoints; LoRA rows with room to drag. The real
app controller, real widgets, real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.generation.registry import ModelInfo
from app.kiosk import KIOSK
from tests.ui.studio_helpers import close_app, open_app
from ui.i18n import apply_language
from ui.widgets.model_picker import ModelPicker


def models_dialog_opens(qtbot, app) -> None:
    qtbot.waitUntil(lambda: app.models_dialog is not None and app.models_dialog.isVisible(), timeout=5000)
    assert app.models_dialog.page.shown("checkpoint") == ["tiny-sd15"]
    app.models_dialog.close()


def test_manage_models_beside_import_opens_models_and_a_second_click_raises_the_same(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        controls = app.studio.controls
        controls.show_advanced(True)
        button = controls.manage_models
        qtbot.waitUntil(button.isVisible)
        assert button.toolTip().startswith("Manage models…") and button.accessibleName() == "Manage models"
        right = button.mapTo(controls.viewport(), button.rect().topRight()).x()
        assert right < controls.viewport().width(), "the button sticks out of the inspector"
        row = button.mapTo(controls, button.rect().center()).y()
        assert abs(row - controls.import_model.mapTo(controls, controls.import_model.rect().center()).y()) <= 1
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.models_dialog is not None and app.models_dialog.isVisible(), timeout=5000)
        first = app.models_dialog
        app.open_models_dialog()  # asked again while open (a shortcut, the Settings button): no second dialog
        assert app.models_dialog is first
        models_dialog_opens(qtbot, app)
        qtbot.waitUntil(lambda: app.models_dialog is None)  # closed, then freed
        app.rescan_models()  # a later refresh (after an import, Check again) never reaches for the freed dialog
        assert app.studio.controls.model.current_model_id() == "tiny-sd15"
    finally:
        close_app(app)


def test_the_see_models_line_is_a_link_that_opens_models(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        controls = app.studio.controls
        controls.show_advanced(True)
        note = controls.guide_missing
        qtbot.waitUntil(note.isVisible)
        assert note.words() == "Install a ControlNet to guide the shape — see Models"
        assert '<a href="#models">Models</a>' in note.text()  # our own words: the link is the only markup
        note.setFocus()
        qtbot.keyClick(note, Qt.Key.Key_Tab)  # to the link, as someone on the keyboard reaches it
        qtbot.keyClick(note, Qt.Key.Key_Return)
        models_dialog_opens(qtbot, app)
        apply_language("ko")
        qtbot.waitUntil(lambda: note.words() == "형태를 가이드하려면 ControlNet을 설치하세요 — 모델을 참고하세요")
    finally:
        apply_language("en")
        close_app(app)


def test_settings_has_a_models_line_that_opens_models(qtbot, tiny_sd15):
    app = open_app(qtbot)
    try:
        app.window.show_workspace("settings")
        line = app.window.workspace("settings").models_line
        qtbot.waitUntil(line.button.isVisible)
        assert line.title.text() == "Models" and line.button.text() == "Manage models…"
        qtbot.mouseClick(line.button, Qt.MouseButton.LeftButton)
        models_dialog_opens(qtbot, app)
    finally:
        close_app(app)


def test_a_kiosk_has_no_way_to_models(qtbot, qapp, tiny_sd15):
    from ui.theme import apply_theme

    apply_theme(qapp, "dark", policy=KIOSK)  # the test's theme fixture puts the desktop theme back afterwards
    app = open_app(qtbot, policy=KIOSK)
    try:
        controls = app.studio.controls
        controls.show_advanced(True)  # refused at a kiosk
        assert not controls.manage_models.isVisible() and not controls.guide_missing.isVisible()
        controls.manage_models.click()
        controls.guide_missing.linkActivated.emit("#models")
        qtbot.wait(50)
        assert app.models_dialog is None
        assert "settings" not in app.window.workspace_keys()
    finally:
        close_app(app)


def model(name: str, **tags) -> ModelInfo:
    return ModelInfo(name, Path(f"/models/{name}.safetensors"), "single", "sd15", 1, **tags)


def test_the_model_list_says_which_checkpoints_inpaint_or_are_few_step(qtbot):
    picker = ModelPicker()
    qtbot.addWidget(picker)
    models = [
        model("plain"),
        model("sm6-inpainting", variant="inpainting"),
        model("sd_turbo", speed="turbo"),
        model("dreamshaper-lcm", speed="lcm"),
    ]
    picker.set_models(models, "plain")
    assert picker.item_texts() == [
        "plain · SD 1.x",
        "sm6-inpainting · SD 1.x · Inpainting",
        "sd_turbo · SD 1.x · Turbo",
        "dreamshaper-lcm · SD 1.x · LCM",
    ]
    assert "one step, no guidance" in picker.itemData(2, Qt.ItemDataRole.ToolTipRole)
    apply_language("ko")
    try:
        qtbot.waitUntil(lambda: picker.item_texts()[1] == "sm6-inpainting · SD 1.x · 인페인팅")
        assert picker.current_model_id() == "plain"  # the words changed, not the choice
    finally:
        apply_language("en")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_lora_row_gives_its_slider_the_width_and_keeps_the_whole_name(
    qtbot, tiny_sd15, tiny_lora, tiny_lora_masters, models_dir, language
):
    long_name = "a-rather-long-lora-name-for-the-sm6-v2"
    shutil.copy2(tiny_lora, models_dir / "lora" / f"{long_name}.safetensors")
    app = open_app(qtbot)
    apply_language(language)
    try:
        vm, controls = app.design_vm, app.studio.controls
        controls.show_advanced(True)
        lora = next(m for m in vm.lora_choices if m.label == long_name)
        vm.add_lora(lora.id, 0.75)
        row = controls.loras.rows[lora.id]
        qtbot.waitUntil(lambda: row.isVisible() and row.weight.width() > 0)
        field = controls.size.width()  # a whole-width field of the same form
        qtbot.waitUntil(lambda: row.weight.width() >= field * 0.7, timeout=3000)
        assert row.weight.height() >= 24 and row.remove.isVisible()
        assert row.name.full_text() == long_name and long_name in row.name.toolTip()
        assert row.weight.accessibleName().endswith(long_name) or long_name in row.weight.accessibleName()
        row.weight.setValue(-50)
        assert row.value.text() == "-0.50" and dict(vm.loras)[lora.id] == -0.5
    finally:
        apply_language("en")
        close_app(app)
