"""Screenshots of the studio's shape and speed controls, for looking at (not part of the suite: its name is not
test_*). English and Korean at 1280×800: the SM6 artwork start with its views and Repaint, the Guide and LoRAs
(Advanced settings open), a loaded sketch; and the kiosk's studio.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider tests/ui/shots_guidance.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from app.kiosk import KIOSK
from tests.ui.studio_helpers import close_app, open_app
from tests.ui.waits import laid_out
from ui.i18n import apply_language
from ui.theme import apply_theme

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots18"))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_studio_controls(
    qtbot, tiny_sd15, tiny_controlnet, tiny_lora, tiny_lora_masters, models_dir, tmp_path, language
):
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copy2(tiny_lora_masters / "tiny-diffusers-style.safetensors", models_dir / "lora")
    app = open_app(qtbot, (1280, 800))
    apply_language(language)
    vm, controls = app.design_vm, app.studio.controls

    def shot(name: str) -> None:
        laid_out(qtbot, app.window)
        qtbot.wait(50)
        app.window.grab().save(str(OUT / f"{name}-{language}.png"))

    try:
        vm.prompt = "pearl white with rose-gold trim at dusk"
        qtbot.waitUntil(lambda: not controls.base_options.views.tiles["side"]._picture.isNull())
        vm.view, vm.mask = "front34", "body"
        shot("studio-base")
        controls.guide.control.setCurrentIndex(1)
        controls.show_advanced(True)
        vm.add_lora(vm.lora_choices[0].id, 0.75)
        laid_out(qtbot, app.window)
        controls.ensureWidgetVisible(controls.loras.add, 0, 0)
        shot("studio-guide-loras")
        controls.verticalScrollBar().setValue(0)
        controls.show_advanced(False)
        picture = Image.new("RGB", (320, 200), "white")
        ImageDraw.Draw(picture).rounded_rectangle((30, 80, 290, 160), radius=30, outline="black", width=6)
        picture.save(tmp_path / "sketch.png")
        vm.load_picture(str(tmp_path / "sketch.png"))
        qtbot.waitUntil(lambda: vm.source == "picture")
        shot("studio-sketch")
        vm.load_picture(str(tmp_path / "missing.png"))
        qtbot.waitUntil(lambda: vm.picture_problem is not None)
        shot("studio-sketch-problem")
    finally:
        apply_language("en")
        close_app(app)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_kiosk_studio(qtbot, qapp, tiny_sd15, language):
    OUT.mkdir(parents=True, exist_ok=True)
    apply_theme(qapp, "dark", policy=KIOSK)
    app = open_app(qtbot, (1280, 800), policy=KIOSK)
    apply_language(language)
    try:
        laid_out(qtbot, app.window)
        qtbot.wait(300)
        app.window.grab().save(str(OUT / f"kiosk-studio-{language}.png"))
    finally:
        apply_language("en")
        close_app(app)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_settings_generation(qtbot, language):
    from tests.ui.settings_helpers import open_settings_page

    OUT.mkdir(parents=True, exist_ok=True)
    apply_language(language)
    try:
        page = open_settings_page(qtbot)
        page.resize(1192, 770)
        laid_out(qtbot, page)
        qtbot.wait(50)
        page.grab().save(str(OUT / f"settings-generation-{language}.png"))
        page.close()
    finally:
        apply_language("en")
