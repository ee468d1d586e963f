"""The window is on screen before torch and diffusers load, which are then kept out of Python's full collections; a
broken data folder gets a clear page, not a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from tests.ui.studio_helpers import close_app, open_app

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from app.config import load_settings
from ui.application import create_qapplication, FirstPaint
from ui.app_controller import AppController
app = create_qapplication()
controller = AppController(load_settings())
seen = {}
def painted():
    seen['heavy'] = sorted(m for m in ('torch', 'diffusers', 'transformers') if m in sys.modules)
    app.quit()
FirstPaint(controller.window, painted)
controller.window.show()
app.exec()
print('HEAVY', seen['heavy'])
import threading
from app.generation import events as ev
loaded = threading.Event()
controller.services.backend.subscribe(lambda e: isinstance(e, (ev.ModelLoaded, ev.ModelLoadFailed)) and loaded.set())
controller.services.backend.preload()
assert loaded.wait(120), 'the model never loaded'
import gc
unet = controller.services.backend._loaded.txt2img.unet
print('FROZEN', gc.get_freeze_count(), 'WEIGHTS FREEABLE', any(o is unet for o in gc.get_objects()))
controller.shutdown()
print('AFTER', sorted(m for m in ('torch', 'diffusers') if m in sys.modules))
"""


def test_window_paints_before_torch_and_the_model_load_after(tiny_sd15):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "HEAVY []" in result.stdout
    assert "AFTER ['diffusers', 'torch']" in result.stdout
    # The libraries are frozen out of Python's full collections (a quarter of a second each, with the GIL held); the
    # model's weights are not, so a model switch still frees them (app/gc_pauses.py).
    frozen = next(line.split() for line in result.stdout.splitlines() if line.startswith("FROZEN"))
    assert int(frozen[1]) > 300_000 and frozen[-1] == "True", frozen


def test_an_unusable_data_folder_shows_why_instead_of_crashing(qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SM6_DATA_DIR", str(blocker / "data"))
    app = open_app(qtbot)
    page = app.window.workspace("design")
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Your data folder cannot be used" in texts and str(blocker / "data") in texts
    app.window.grab().save(str(tmp_path / "storage_error.png"))
    close_app(app)


def test_choosing_another_data_folder_opens_the_studio(qtbot, tiny_sd15, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.delenv("SM6_DATA_DIR")
    from app.config import Settings, save_settings

    save_settings(Settings(data_dir=str(blocker / "data")))
    app = open_app(qtbot)
    assert app.services is None and app.window.workspace_keys() == ["design"]
    assert not app.retry_storage()  # nothing changed yet: still explained, still no crash
    chosen = tmp_path / "my designs"
    assert app.use_data_folder(str(chosen))
    assert app.window.workspace_keys()[:2] == ["design", "describe"]
    assert app.design_page.currentWidget() is app.studio
    assert (chosen / "library.sqlite3").exists() or any(chosen.iterdir())
    from app import paths

    assert paths.data_dir() == chosen  # remembered for the next start
    close_app(app)
