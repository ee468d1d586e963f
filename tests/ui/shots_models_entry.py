"""Screenshots for issue 18's Models… entry points, the model picker's tags and the LoRA rows, for looking at (not
part of the suite: its name is not test_*). English and Korean at 1280×800.

    QT_QPA_PLATFORM=offscreen SM6_SHOTS_DIR=/tmp/shots18 .venv/bin/python -m pytest -q -p no:cacheprovider \
        tests/ui/shots_models_entry.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.app.test_addon_models import write
from tests.app.test_registry import SD15_KEYS
from tests.ui.studio_helpers import close_app, open_app
from tests.ui.waits import laid_out
from ui.i18n import apply_language

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots18"))
TAG = os.environ.get("SM6_SHOTS_TAG", "")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_studio_model_row_and_loras(qtbot, tiny_sd15, tiny_lora, tiny_lora_masters, models_dir, language):
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copy2(tiny_lora_masters / "tiny-diffusers-style.safetensors", models_dir / "lora")
    shutil.copy2(
        tiny_lora_masters / "lcm-lora-tiny.safetensors", models_dir / "lora" / "a-rather-long-lora-name-v2.safetensors"
    )
    write(models_dir / "sd_turbo.safetensors", SD15_KEYS)
    app = open_app(qtbot, (1280, 800))
    apply_language(language)
    vm, controls = app.design_vm, app.studio.controls

    def shot(name: str, widget=None) -> None:
        laid_out(qtbot, app.window)
        qtbot.wait(50)
        (widget or app.window).grab().save(str(OUT / f"{name}{TAG}-{language}.png"))

    try:
        app.rescan_models()
        controls.show_advanced(True)
        for lora in vm.lora_choices[:2]:
            vm.add_lora(lora.id, 0.75)
        laid_out(qtbot, app.window)
        controls.ensureWidgetVisible(controls.loras, 0, 0)
        shot("entry-studio-loras-early")
        qtbot.wait(300)
        shot("entry-studio-loras")
        shot("entry-inspector-loras", controls)
        controls.model.showPopup()
        qtbot.wait(100)
        controls.model.view().window().grab().save(str(OUT / f"entry-picker{TAG}-{language}.png"))
        controls.model.hidePopup()
        controls.manage_models.click()
        qtbot.waitUntil(lambda: app.models_dialog is not None and app.models_dialog.isVisible())
        laid_out(qtbot, app.models_dialog)
        app.models_dialog.grab().save(str(OUT / f"entry-models-dialog{TAG}-{language}.png"))
        app.models_dialog.close()
        app.window.show_workspace("settings")
        page = app.window.workspace("settings")
        laid_out(qtbot, app.window)
        page._scroll.ensureWidgetVisible(page.models_line)
        shot("entry-settings")
        page.models_line.grab().save(str(OUT / f"entry-settings-line{TAG}-{language}.png"))
    finally:
        apply_language("en")
        close_app(app)
