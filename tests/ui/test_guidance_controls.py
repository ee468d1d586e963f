"""The studio's shape and speed controls (issue 18) as a person uses them: the SM6 artwork's view and what is
repainted, a loaded sketch or photo, a ControlNet guide, LoRAs, a fast model's own settings, and the fast decoder in
Settings. Each choice reaches the request, and a generation with it makes a design that remembers it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from app.config import load_settings
from tests.ui.settings_helpers import open_settings_page
from tests.ui.studio_helpers import close_app, open_app, settle
from ui.i18n import apply_language
from ui.widgets.start_folder import start_folder


def small_job(vm, source: str = "base") -> None:
    vm.prompt = "pearl white SM6"
    vm.width = vm.height = 64
    vm.steps, vm.batch, vm.random_seed, vm.seed = 2, 1, False, 7
    vm.source = source


def generate(qtbot, app):
    before = len(app.design_vm.variations)
    qtbot.mouseClick(app.studio.generate, Qt.MouseButton.LeftButton)
    settle(qtbot, app)
    assert app.design_vm.error is None, app.design_vm.error
    assert len(app.design_vm.variations) >= 1 and app.design_vm.current_design is not None, before
    return app.design_vm.current_design


def sketch(path, size=(96, 64)):
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).rounded_rectangle((8, 20, 88, 48), radius=10, outline="black", width=3)
    image.save(path)
    return path


def answer_file_dialog(qtbot, controls, path) -> None:
    qtbot.mouseClick(controls.load_picture, Qt.MouseButton.LeftButton)
    dialog = controls.picture.dialog
    assert dialog is not None and dialog.isVisible()
    # its own folder, not wherever the process's last dialog was (tests/ui/test_file_dialog_start.py)
    assert Path(dialog.directory().absolutePath()) == start_folder("pictures")
    dialog.selectFile(str(path))
    dialog.accept()


def test_the_view_and_what_is_repainted_go_into_the_design(qtbot, tiny_sd15):
    app = open_app(qtbot)
    vm, controls = app.design_vm, app.studio.controls
    small_job(vm)
    options = controls.base_options
    assert options.isVisible() and options.views.tiles["side"].isChecked()  # the SM6 artwork starts side-on
    assert options.views.tiles["side"].height() >= 72  # big enough to touch
    changes = []
    vm.request_changed.connect(lambda: changes.append(1))
    qtbot.mouseClick(options.views.tiles["front34"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(options.mask_buttons["body"], Qt.MouseButton.LeftButton)
    assert len(changes) == 2  # live mode hears each change
    assert options.mask_caption.text() == "Repaints the car, keeps the scene"
    request = vm.build_request()
    assert (request.source, request.view, request.mask) == ("base", "front34", "body")

    vm.width, vm.height = 96, 64  # a wide format with a three-quarter view: the art letterboxes the car
    design = generate(qtbot, app)
    assert (design.request.view, design.request.mask, design.width) == ("front34", "body", 96)
    vm.view, vm.mask = "side", "none"
    vm.open_design(design)  # from the Library: its view and what it repainted come back with its other settings
    assert (vm.view, vm.mask) == ("front34", "body") and options.views.tiles["front34"].isChecked()

    qtbot.mouseClick(controls.source_buttons["none"], Qt.MouseButton.LeftButton)
    assert not options.isVisible() and vm.build_request().mask == "none"  # the mask needs the artwork
    close_app(app)


def test_a_loaded_sketch_starts_the_design_and_a_bad_file_changes_nothing(qtbot, tiny_sd15, tmp_path):
    app = open_app(qtbot)
    vm, controls = app.design_vm, app.studio.controls
    small_job(vm)
    assert not controls.picture.isVisible()
    answer_file_dialog(qtbot, controls, sketch(tmp_path / "sketch.png"))
    qtbot.waitUntil(lambda: vm.source == "picture" and controls.picture.loaded.isVisible())
    loader = controls.picture
    assert loader.thumb.pixmap() is not None and not loader.thumb.pixmap().isNull()
    assert loader.change_button.text() == "Change…" and not any(b.isChecked() for b in controls.source_buttons.values())
    sha = vm.source_picture
    request = vm.build_request()
    assert (request.source, request.source_picture) == ("picture", sha) and len(sha) == 64
    design = generate(qtbot, app)
    assert design.request.source_picture == sha

    (tmp_path / "notes.png").write_text("not a picture at all")
    qtbot.mouseClick(loader.change_button, Qt.MouseButton.LeftButton)
    loader.dialog.selectFile(str(tmp_path / "notes.png"))
    loader.dialog.accept()
    qtbot.waitUntil(lambda: loader.problem.isVisible())
    words = loader.problem.text()
    assert words and "Traceback" not in words and "Error" not in words  # a plain sentence, not an exception
    assert vm.source == "picture" and vm.source_picture == sha  # the picture before stays
    qtbot.mouseClick(controls.source_buttons["base"], Qt.MouseButton.LeftButton)
    assert vm.build_request().source_picture == "" and not loader.isVisible()
    close_app(app)


def test_without_a_controlnet_of_the_family_the_guide_is_a_quiet_line(qtbot, tiny_sd15, tiny_controlnet_sdxl):
    app = open_app(qtbot)
    controls = app.studio.controls
    assert not controls.guide.isVisible()  # only an SDXL ControlNet: not for this SD 1.x model
    controls.show_advanced(True)
    qtbot.waitUntil(controls.guide_missing.isVisible)
    assert controls.guide_missing.words() == "Install a ControlNet to guide the shape — see Models"
    assert app.design_vm.build_request().control_model == ""
    close_app(app)


def test_a_controlnet_guides_the_design_with_its_hint_and_strength(qtbot, tiny_sd15, tiny_controlnet):
    app = open_app(qtbot)
    vm, guide = app.design_vm, app.studio.controls.guide
    small_job(vm)
    assert guide.isVisible() and not guide.options.isVisible()  # "No guide" until one is chosen
    assert guide.control.itemData(0) == "" and guide.control.count() == 2
    guide.control.setCurrentIndex(1)
    controlnet = vm.controlnets[0]
    assert vm.control_model == controlnet.id and guide.options.isVisible()
    assert guide.hint_buttons[controlnet.hint or "edges"].isChecked()  # its own likely input by default
    qtbot.mouseClick(guide.hint_buttons["depth"], Qt.MouseButton.LeftButton)
    guide.strength.setValue(150)
    assert guide.strength_value.text() == "1.50"
    request = vm.build_request()
    assert (request.control_model, request.control_hint, request.control_strength) == (controlnet.id, "depth", 1.5)
    design = generate(qtbot, app)
    assert (design.request.control_model, design.request.control_hint) == (controlnet.id, "depth")

    options = app.studio.controls.base_options
    qtbot.mouseClick(app.studio.controls.source_buttons["none"], Qt.MouseButton.LeftButton)
    assert options.isVisible() and not options.repaint_box.isVisible()  # the view whose artwork guides, no mask
    qtbot.mouseClick(options.views.tiles["rear34"], Qt.MouseButton.LeftButton)
    assert (vm.build_request().view, vm.build_request().mask) == ("rear34", "none")
    guide.control.setCurrentIndex(0)
    assert vm.control_model == "" and not options.isVisible() and not guide.options.isVisible()
    close_app(app)


def test_loras_are_added_weighted_and_removed(qtbot, tiny_sd15, tiny_lora, tiny_lora_masters, models_dir):
    shutil.copy2(tiny_lora_masters / "lcm-lora-tiny.safetensors", models_dir / "lora")
    for n in range(4):
        shutil.copy2(tiny_lora, models_dir / "lora" / f"extra-{n}.safetensors")
    app = open_app(qtbot)
    vm, controls = app.design_vm, app.studio.controls
    small_job(vm)
    vm.steps, vm.guidance, vm.scheduler = 2, 6.5, "euler"
    controls.show_advanced(True)
    loras = controls.loras
    qtbot.waitUntil(loras.isVisible)
    ids = {m.id for m in vm.lora_choices}
    style = next(i for i in ids if "tiny-style" in i)
    lcm = next(i for i in ids if "lcm" in i)
    loras.add.setCurrentIndex(loras.add.findData(style))
    loras.add.activated.emit(loras.add.findData(style))
    row = loras.rows[style]
    row.weight.setValue(-50)
    assert row.value.text() == "-0.50" and vm.build_request().loras == ((style, -0.5),)
    assert loras.add.findData(style) < 0  # not offered twice
    design = generate(qtbot, app)
    assert design.request.loras == ((style, -0.5),)

    loras.add.activated.emit(loras.add.findData(lcm))  # an LCM-LoRA: 4 steps, guidance 1, the LCM sampler
    assert (vm.steps, vm.guidance, vm.scheduler) == (4, 1.0, "lcm")
    assert controls.few_step_note.isVisible() and controls.few_step_note.text() == "Fast model: 4 steps, guidance 1"
    qtbot.mouseClick(loras.rows[lcm].remove, Qt.MouseButton.LeftButton)
    assert (vm.steps, vm.guidance, vm.scheduler) == (2, 6.5, "euler")  # the person's own numbers come back
    assert not controls.few_step_note.isVisible() and lcm not in loras.rows
    assert vm.build_request().loras == ((style, -0.5),)
    for extra in sorted(i for i in ids if i.startswith("extra-")):
        loras.add.activated.emit(loras.add.findData(extra))
    assert len(vm.build_request().loras) == 5 and loras.add.isHidden()  # five at most: no more to add
    vm.add_lora(lcm)
    assert len(vm.loras) == 5 and lcm not in dict(vm.loras)
    close_app(app)


def test_a_turbo_model_sets_one_step_and_no_guidance(qtbot, tiny_sd15, models_dir):
    shutil.copytree(tiny_sd15, models_dir / "tiny-sd-turbo")
    app = open_app(qtbot)
    vm, controls = app.design_vm, app.studio.controls
    samplers = [controls.scheduler.itemData(i) for i in range(controls.scheduler.count())]
    assert "turbo" in samplers and "lcm" in samplers
    turbo = next(m for m in app.services.backend.models() if "turbo" in m.id)
    vm.model_id = turbo.id
    assert (vm.steps, vm.guidance, vm.scheduler) == (1, 0.0, "turbo")
    controls.show_advanced(True)
    qtbot.waitUntil(controls.few_step_note.isVisible)
    assert controls.few_step_note.text() == "Turbo model: 1 step, no guidance"
    assert controls.scheduler.currentData() == "turbo" and controls.steps.value() == 1
    close_app(app)


def test_settings_turn_on_the_fast_decoder_and_say_where_taesd_goes(qtbot, models_dir):
    from tests.fixtures.tiny_taesd import build_tiny_taesd

    page = open_settings_page(qtbot)
    note = page._taesd_missing
    assert not page.fast_decoder_check.isChecked() and note.isVisible()
    assert note.text() == "Put TAESD in the models folder (taesd, or taesdxl for SDXL)"
    page.fast_decoder_check.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert load_settings().generation.fast_decoder is True
    page.close()

    build_tiny_taesd(models_dir)
    page = open_settings_page(qtbot)
    assert page.fast_decoder_check.isChecked() and not page._taesd_missing.isVisible()
    page.close()


def test_settings_turn_on_compiling_for_the_graphics_card_and_it_stays_on(qtbot, models_dir):
    page = open_settings_page(qtbot)
    assert not page.compile_check.isChecked()  # off until its figures are measured on a GPU
    assert "in the background" in page.compile_check.toolTip()
    page.compile_check.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert load_settings().generation.compile_unet is True
    page.close()
    page = open_settings_page(qtbot)
    assert page.compile_check.isChecked()
    page.close()


def _fits(button) -> bool:
    bold = QFont(button.font())
    bold.setWeight(QFont.Weight.DemiBold)
    return button.width() >= QFontMetrics(bold).horizontalAdvance(button.text()) + 16


def test_the_korean_words_fit(qtbot, tiny_sd15, tiny_controlnet, tiny_lora):
    app = open_app(qtbot)
    controls = app.studio.controls
    apply_language("ko")
    try:
        qtbot.wait(10)
        options, guide = controls.base_options, controls.guide
        assert options.mask_title.text() == "다시 그리기" and options.mask_buttons["body"].text() == "차체"
        assert controls.load_picture.text() == "스케치나 사진…" and guide.title.text() == "가이드"
        guide.control.setCurrentIndex(1)
        qtbot.wait(10)
        assert guide.hint_buttons["edges"].text() == "윤곽선" and guide.strength_title.text() == "강도"
        for button in (*options.mask_buttons.values(), *guide.hint_buttons.values()):
            assert _fits(button), f"{button.text()} is cut"
        head = controls.load_picture
        assert head.width() >= head.sizeHint().width(), "the sketch button is cut"
        assert options.views.tiles["front34"].toolTip() == "전측면 시점"
    finally:
        apply_language("en")
    close_app(app)
