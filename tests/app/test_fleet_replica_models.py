"""A generation server replica notices models added, removed or renamed while it runs (issue 20) by listing the
models folders, without reading every model's configs before each job."""

from __future__ import annotations

import os
import shutil

from app.fleet.replica import _folders_stamp


def test_adding_removing_or_renaming_a_model_changes_the_stamp_and_using_one_does_not(tiny_sd15_master, tmp_path):
    models = tmp_path / "models"
    (models / "lora").mkdir(parents=True)
    shutil.copytree(tiny_sd15_master, models / "tiny-sd15")
    missing = tmp_path / "not-made-yet"
    first = _folders_stamp([models, missing])
    assert _folders_stamp([models, missing]) == first  # nothing changed: no scan

    weights = next((models / "tiny-sd15" / "unet").glob("*.safetensors"))
    os.utime(weights)  # a job reading its model changes nothing the stamp looks at
    assert _folders_stamp([models, missing]) == first

    def bumped(change) -> tuple:
        before = _folders_stamp([models, missing])
        change()
        after = _folders_stamp([models, missing])
        assert after != before
        return after

    bumped(lambda: shutil.copytree(tiny_sd15_master, models / "tiny-added"))
    bumped(lambda: (models / "lora" / "shiny.safetensors").write_bytes(b"0" * 16))  # a LoRA file in a subfolder
    bumped(lambda: (models / "tiny-added").rename(models / "tiny-renamed"))
    bumped(lambda: shutil.rmtree(models / "tiny-renamed"))
    bumped(lambda: missing.mkdir())  # the user's models folder made after the server started
