"""A LoRA kept as diffusers writes it (`save_lora_weights`: a folder holding pytorch_lora_weights.safetensors) is
found by the scan as a LoRA and paints exactly what the same weights as one file paint."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.generation import events as ev
from app.generation.registry import LORA_FOLDER_WEIGHTS, ModelRegistry
from tests.app.engine_helpers import make_engine, quick_request

DIFFUSERS = "tiny-diffusers-style"  # tests/conftest.py tiny_lora_masters: written by save_lora_weights


@pytest.fixture
def lora_folder(tiny_lora, tiny_lora_masters) -> tuple:
    """models/lora/tiny-folder-style/pytorch_lora_weights.safetensors, and the same weights as a file beside it."""
    source = tiny_lora_masters / f"{DIFFUSERS}.safetensors"
    folder = tiny_lora.parent / "tiny-folder-style"
    folder.mkdir()
    shutil.copy2(source, folder / LORA_FOLDER_WEIGHTS)
    return folder, Path(shutil.copy2(source, tiny_lora.parent / source.name))


def picture(done) -> np.ndarray:
    assert isinstance(done, ev.JobFinished), getattr(done, "message", done)
    return np.asarray(Image.open(done.designs[0].image_path).convert("RGB"))


def test_a_lora_folder_is_found_as_a_lora_of_its_family(tiny_sd15, lora_folder, models_dir):
    folder, _file = lora_folder
    registry = ModelRegistry([models_dir])
    registry.scan()
    found = next(m for m in registry.models if m.path == folder)
    assert (found.usable, found.kind, found.arch) == (True, "lora", "sd15"), found.error
    assert found.id in [m.id for m in registry.addons("lora", "sd15")]
    assert found.id not in [m.id for m in registry.usable()]  # a LoRA is never offered as a model to paint with
    assert registry.ensure_hash(found).sha256


def test_a_folder_without_lora_weights_inside_is_not_a_lora(tiny_sd15, tiny_lora, models_dir):
    odd = tiny_lora.parent / "notes"
    odd.mkdir()
    (odd / "readme.txt").write_text("not a model")
    registry = ModelRegistry([models_dir])
    registry.scan()
    assert not [m for m in registry.models if m.path == odd]


def test_a_lora_folder_is_applied_like_the_same_lora_as_a_file(tiny_sd15, lora_folder, models_dir, isolated_dirs):
    folder, file = lora_folder
    engine, rec, library = make_engine(models_dir, isolated_dirs["SM6_DATA_DIR"])
    try:
        ids = {m.path: m.id for m in engine.addons("lora")}
        plain = picture(rec.wait_job(engine.submit(quick_request()).id))
        as_folder = picture(rec.wait_job(engine.submit(quick_request(loras=((ids[folder], 1.0),))).id))
        as_file = picture(rec.wait_job(engine.submit(quick_request(loras=((ids[file], 1.0),))).id))
        assert not np.array_equal(as_folder, plain)
        assert np.array_equal(as_folder, as_file)
    finally:
        engine.shutdown()
        library.close()


def test_import_model_puts_a_lora_folder_with_the_loras(tiny_sd15, tiny_lora_masters, models_dir, tmp_path):
    from app.generation.importer import import_model

    download = tmp_path / "Downloads" / "chrome-trim-lora"
    download.mkdir(parents=True)
    shutil.copy2(tiny_lora_masters / f"{DIFFUSERS}.safetensors", download / LORA_FOLDER_WEIGHTS)
    target = import_model(download, dest_dir=models_dir)
    assert target == models_dir / "lora" / "chrome-trim-lora" and (target / LORA_FOLDER_WEIGHTS).is_file()
    registry = ModelRegistry([models_dir])
    registry.scan()
    assert [m.label for m in registry.addons("lora")] == ["chrome-trim-lora"]
