"""Screenshots of Models… (issue 18) in English and Korean, for looking at (not part of the suite: its name is not
test_*): a model, an inpainting and a turbo checkpoint, a ControlNet, two LoRAs and a refused LoHa, opened from the
real app at 1280×800, light and dark; and Import model… with a LoRA chosen.

    QT_QPA_PLATFORM=offscreen SM6_SHOTS_DIR=/tmp/shots18 .venv/bin/python -m pytest -q tests/ui/shots_models18.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.app.test_addon_models import LORAS, REFUSED, write
from tests.app.test_registry import SD15_KEYS, UNET
from tests.ui.studio_helpers import close_app, open_app
from tests.ui.waits import laid_out
from ui.i18n import apply_language, translate
from ui.models.import_dialog import ImportModelDialog
from ui.theme import apply_theme

OUT = Path(os.environ.get("SM6_SHOTS_DIR", "/tmp/shots18"))


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_models_dialog_in_both_languages(qtbot, qapp, tiny_sd15, tiny_controlnet, tiny_lora_masters, models_dir, theme):
    OUT.mkdir(parents=True, exist_ok=True)
    write(models_dir / "sm6-inpainting.safetensors", {**SD15_KEYS, UNET + "input_blocks.0.0.weight": (8, 9, 3, 3)})
    write(models_dir / "sd_turbo.safetensors", SD15_KEYS)
    (models_dir / "lora").mkdir()
    shutil.copy2(tiny_lora_masters / "tiny-style.safetensors", models_dir / "lora" / "chrome-style.safetensors")
    shutil.copy2(tiny_lora_masters / "lcm-lora-tiny.safetensors", models_dir / "lora" / "lcm-lora-sd15.safetensors")
    write(models_dir / "lora" / "loha-style.safetensors", REFUSED["loha"][0])
    apply_theme(qapp, theme)
    app = open_app(qtbot, (1280, 800))
    try:
        app.rescan_models()
        app.open_models_dialog()
        dialog = app.models_dialog
        for lang in ("en", "ko"):
            apply_language(lang)
            qtbot.waitUntil(lambda: dialog.windowTitle() == translate("ModelsDialog", "Models"))
            laid_out(qtbot, dialog)
            dialog.grab().save(str(OUT / f"models-{lang}-{theme}.png"))
        dialog.close()
        importer = ImportModelDialog(app.window)
        importer.set_source(write(models_dir.parent / "Downloads" / "chrome-xl.safetensors", LORAS["kohya-sdxl"][0]))
        importer.open()
        for lang in ("en", "ko"):
            apply_language(lang)
            qtbot.waitUntil(lambda: importer.windowTitle() == translate("ImportModelDialog", "Import model"))
            laid_out(qtbot, importer)
            importer.grab().save(str(OUT / f"import-lora-{lang}-{theme}.png"))
        importer.close()
        importer.deleteLater()
    finally:
        apply_language("en")
        close_app(app)
