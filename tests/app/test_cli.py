"""`sm6-studio generate` and `doctor` as a script or a support call uses them: a real process, real exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from app.generation.devices import DeviceChoice
from app.generation.pngmeta import read_png_metadata

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_generate_writes_pngs_with_progress_and_provenance(tiny_sd15, tmp_path):
    out = tmp_path / "out"
    result = cli(
        "generate",
        "gold wheels",
        "--preset",
        "busan-night",
        "--seed",
        "5",
        "--batch",
        "2",
        "--steps",
        "3",
        "--size",
        "64x64",
        "--out",
        str(out),
        "--model",
        str(tiny_sd15 / "unet" / ".."),  # the path of an installed model, spelt any way, names it
    )
    assert result.returncode == 0, result.stderr
    assert "step 3/3" in result.stdout and "Saved design" in result.stdout
    assert "with tiny-sd15" in result.stdout
    # Not a terminal: one line per image, never a \r-redrawn line that a log shows as one endless line
    assert "\r" not in result.stdout
    assert [line for line in result.stdout.splitlines() if "step" in line] == [
        "Image 1/2 · step 3/3",
        "Image 2/2 · step 3/3",
    ]
    files = sorted(out.glob("*.png"))
    assert len(files) == 2
    meta = read_png_metadata(files[0])
    assert "Busan harbour" in meta["parameters"] and meta["request"]["preset"] == "busan-night"
    assert {read_png_metadata(f)["meta"]["seed"] for f in files} == {5, 6}
    assert Image.open(files[0]).size == (64, 64)


def test_generate_uses_the_demo_model_when_none_is_installed(tmp_path):
    out = tmp_path / "out"
    result = cli("generate", "pearl white", "--steps", "4", "--size", "128x128", "--seed", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Demo model" in result.stdout and "No other model is installed" in result.stdout
    # The engine's thread speaks while the job starts: each message is a line of its own, whole
    lines = result.stdout.splitlines()
    assert "Seed 1" in lines and "" not in lines
    assert all(line.endswith("…") for line in lines if line.startswith(("Hashing", "Loading")))
    assert (Path(os.environ["SM6_MODELS_DIR"]) / "sm6-demo" / "sm6_demo.json").is_file()
    # abstract colour fields, not pixel noise: neighbouring pixels stay close
    image = np.asarray(Image.open(next(out.glob("*.png"))).convert("L"), dtype=np.float32)
    assert np.abs(np.diff(image, axis=1)).mean() < 12


def test_generate_failures_exit_non_zero_with_one_line(tiny_sd15):
    for args, words, status in (
        (["generate", "x", "--size", "500x512"], "multiple of 8", 2),
        (["generate", "  "], "prompt is empty", 2),
        (["generate", "x", "--size", "big"], "WIDTHxHEIGHT", 2),
        (["generate", "x", "--steps", "0"], "--steps must be a whole number from 1 to 150", 2),
        (["generate", "x", "--model", "nope"], "not installed", 1),
    ):
        result = cli(*args)
        assert result.returncode == status, (args, result.stdout)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (args, result.stderr)


def test_doctor_reports_what_support_needs(tiny_sd15, models_dir):
    (models_dir / "old.ckpt").write_bytes(b"pickle")
    result = cli("doctor")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for words in (
        "Torch and device",
        "will run on",
        "CPU",
        "tiny-sd15: SD 1.x, diffusers",
        "old.ckpt: unusable",
        "writable",
        "diffusers",
        "All checks passed",
        "compile for the GPU",
        "off (Settings › Generation › Compile for this graphics card)",
    ):
        assert words in out, words


def test_doctor_says_whether_the_unet_is_compiled_and_where_its_kernels_are_kept(monkeypatch, tmp_path):
    from app.doctor import _torch_rows
    from app.generation.settings import GenerationSettings

    rows = dict(_torch_rows(GenerationSettings(compile_unet=True, device="cpu")))
    assert rows["compile for the GPU"] == "on, but only an NVIDIA graphics card (CUDA) uses it"
    monkeypatch.setattr("app.generation.devices.choose_device", lambda _d: DeviceChoice("cuda", "float16", "CUDA"))
    monkeypatch.setenv("SM6_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TORCHINDUCTOR_CACHE_DIR", raising=False)
    rows = dict(_torch_rows(GenerationSettings(compile_unet=True)))
    kept = tmp_path / "data" / "cache" / "torch-compile"
    assert rows["compile for the GPU"] == f"on; compiled kernels kept in {kept}"


def test_doctor_fails_when_the_data_folder_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SM6_DATA_DIR", str(blocker / "data"))
    result = cli("doctor")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"sm6-studio doctor: The data folder is not writable: {blocker / 'data'}."
    ]


def test_generate_fails_cleanly_when_the_data_folder_cannot_be_written(tiny_sd15, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SM6_DATA_DIR", str(blocker / "data"))
    result = cli("generate", "x")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "data folder" in result.stderr.lower()


def test_presets_lists_at_least_eight_styles():
    result = cli("presets")
    assert result.returncode == 0 and len(result.stdout.strip().splitlines()) >= 8


def test_a_generation_that_fails_says_one_line_and_keeps_the_traceback_in_the_log(tiny_sd15_master, models_dir):
    from tests.app.test_generation_hardening import damaged_copy

    damaged_copy(tiny_sd15_master, models_dir, "broken-weights", ("unet",), float("nan"))
    result = cli("generate", "pearl white", "--model", "broken-weights", "--size", "64x64", "--steps", "2")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("sm6-studio: ") and "weights may be damaged" in line
    log = Path(os.environ["SM6_DATA_DIR"]) / "logs" / "sm6-studio.log"
    assert "broken-weights" in log.read_text(encoding="utf-8")
