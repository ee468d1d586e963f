"""`sm6-studio generate` with shape guidance: --view, --mask, --control, --hint, --lora, --from FILE, --decoder, and a
few-step model's own settings; every mistake is one line in the person's language and a non-zero exit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from app import cli
from app.cli_checks import parse_control, parse_lora
from app.generation.pictures import default_store
from app.generation.pngmeta import read_png_metadata
from tests.app.test_cli import cli as run_cli
from tests.app.test_cli_hardening import assert_one_plain_line, run

BAD_GUIDANCE = [
    (["--view", "top"], "--view"),
    (["--mask", "all"], "--mask"),
    (["--hint", "sound", "--control", "c"], "--hint"),
    (["--decoder", "jpeg"], "--decoder"),
    (["--sampler", "fastest"], "--sampler"),
    (["--lora", "x:abc"], "--lora x:abc is not NAME[:WEIGHT]"),
    (["--lora", "x:2.5"], "with a weight from -2 to 2"),
    (["--lora", "x:nan"], "--lora x:nan"),
    (["--lora", ":0.5"], "--lora :0.5"),
    (["--lora", ""], "--lora is not NAME[:WEIGHT]"),
    (["--lora", "a", "--lora", "b", "--lora", "c", "--lora", "d", "--lora", "e", "--lora", "f"], "at most 5 LoRAs"),
    (["--control", "canny:3"], "with a strength from 0 to 2"),
    (["--control", "canny:-0.1"], "--control canny:-0.1"),
    (["--control", "canny:strong"], "--control canny:strong"),
    (["--hint", "depth"], "add --control MODEL"),
    (["--mask", "body", "--from", "01JDESIGNIDXXXXXXXXXXXXXXX"], "--mask repaints part of the SM6 artwork"),
    (["--from", "/no/such/sketch.png"], "there is no such file"),
    (["--from", "sketch.jpg"], "there is no such file"),
]


@pytest.fixture
def data_dir(isolated_dirs) -> Path:
    return isolated_dirs["SM6_DATA_DIR"]


@pytest.mark.parametrize(("extra", "words"), BAD_GUIDANCE, ids=[" ".join(e) for e, _ in BAD_GUIDANCE])
def test_a_bad_guidance_option_is_one_line_before_any_work(capsys, data_dir, extra, words):
    status, out, err = run(capsys, "generate", "pearl white", *extra)
    assert status == cli.EXIT_USAGE
    assert words in assert_one_plain_line(err)
    assert out == "" and not data_dir.exists()  # nothing opened, nothing loaded


def test_a_folder_given_to_from_is_refused(capsys, data_dir, tmp_path):
    status, _, err = run(capsys, "generate", "x", "--from", str(tmp_path))
    assert status == cli.EXIT_USAGE and "is a folder" in assert_one_plain_line(err)


def test_names_and_paths_keep_their_colons_and_the_number_after_the_last_is_read():
    assert parse_control(r"C:\models\controlnet\canny.safetensors") == (r"C:\models\controlnet\canny.safetensors", 1.0)
    assert parse_control(r"C:\models\canny.safetensors:0.5") == (r"C:\models\canny.safetensors", 0.5)
    assert parse_lora("/models/lora/gold trim.safetensors") == ("/models/lora/gold trim.safetensors", 1.0)
    assert parse_lora("gold-trim:-1.5") == ("gold-trim", -1.5)
    assert parse_lora("gold-trim:0") == ("gold-trim", 0.0)


def test_mistakes_are_said_in_korean_too(capsys, data_dir, monkeypatch):
    from app import i18n

    monkeypatch.setattr(cli, "use_language", lambda: i18n.set_language("ko"))  # as if Settings chose Korean
    try:
        status, _, err = run(capsys, "generate", "x", "--lora", "x:abc")
        assert status == cli.EXIT_USAGE
        assert "가중치가 -2부터 2까지가 아닙니다" in assert_one_plain_line(err)
        status, _, err = run(capsys, "generate", "x", "--hint", "depth")
        assert "--control MODEL을 함께 주세요" in assert_one_plain_line(err)
    finally:
        i18n.set_language("en")


def test_guided_generate_records_view_mask_controlnet_and_lora(capsys, tiny_sd15, tiny_controlnet, tiny_lora, tmp_path):
    out = tmp_path / "out"
    status, _, err = run(
        capsys,
        "generate",
        "matte green body",
        "--view",
        "front34",
        "--mask",
        "body",
        "--control",
        "tiny-controlnet:0.8",
        "--lora",
        f"{tiny_lora}:0.7",  # a LoRA's path names it, as a model's does
        "--size",
        "64x64",
        "--steps",
        "2",
        "--seed",
        "3",
        "--decoder",
        "vae",
        "--out",
        str(out),
    )
    assert status == 0, err
    meta = read_png_metadata(next(out.glob("*.png")))
    request = meta["request"]
    assert (request["source"], request["view"], request["mask"]) == ("base", "front34", "body")
    assert (request["control_model"], request["control_strength"], request["control_hint"]) == (
        "tiny-controlnet",
        0.8,
        "edges",
    )
    assert request["loras"] == [["tiny-style.safetensors", 0.7]] and request["decoder"] == "vae"
    assert "<lora:tiny-style" in meta["parameters"] and "ControlNet 0:" in meta["parameters"]


def test_generate_from_a_sketch_keeps_it_in_the_picture_store(capsys, tiny_sd15, tiny_controlnet, tmp_path):
    sketch = tmp_path / "my sketch.png"
    drawing = Image.new("RGB", (120, 80), (250, 250, 250))
    ImageDraw.Draw(drawing).ellipse((20, 25, 100, 60), fill=(90, 90, 90), outline=(20, 20, 20), width=3)
    drawing.save(sketch)
    out = tmp_path / "out"
    # A depth ControlNet (so its name says) is given depth unless --hint says otherwise; its path names it too.
    control = tiny_controlnet.rename(tiny_controlnet.with_name("tiny-controlnet-depth"))
    args = ["generate", "from my sketch", "--from", str(sketch), "--control", f"{control}:0.5"]
    status, _, err = run(capsys, *args, "--size", "64x64", "--steps", "2", "--out", str(out))
    assert status == 0, err
    request = read_png_metadata(next(out.glob("*.png")))["request"]
    assert (request["source"], request["control_hint"], request["control_strength"]) == ("picture", "depth", 0.5)
    assert default_store().path_of(request["source_picture"]) is not None


def test_mistakes_only_the_models_can_tell_are_one_line_too(tiny_sd15, tiny_controlnet_sdxl, tmp_path):
    not_a_picture = tmp_path / "sketch.png"
    not_a_picture.write_text("this is not a picture")
    for args, words in (
        (["--control", "tiny-controlnet-xl"], "is made for SD"),
        (["--lora", "nope"], "The LoRA 'nope' is not installed"),
        (["--control", "nope:0.5"], "The ControlNet 'nope' is not installed"),
        (["--from", str(not_a_picture)], "picture"),
    ):
        result = run_cli("generate", "x", "--size", "64x64", "--steps", "1", *args)
        assert result.returncode != 0, (args, result.stdout)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr, (args, result.stderr)


def test_an_lcm_lora_brings_its_few_step_settings(capsys, tiny_sd15, tiny_lora_masters, models_dir, tmp_path):
    (models_dir / "lora").mkdir(exist_ok=True)
    shutil.copy2(tiny_lora_masters / "lcm-lora-tiny.safetensors", models_dir / "lora" / "lcm-lora-tiny.safetensors")
    out = tmp_path / "out"
    status, stdout, err = run(
        capsys, "generate", "x", "--lora", "lcm-lora-tiny.safetensors", "--size", "64x64", "--out", str(out)
    )
    assert status == 0, err
    assert "is made for few steps: using 4 steps, guidance 1 and the lcm sampler" in stdout
    request = read_png_metadata(next(out.glob("*.png")))["request"]
    assert (request["steps"], request["guidance"], request["scheduler"]) == (4, 1.0, "lcm")
