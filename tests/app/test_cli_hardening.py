"""`sm6-studio` given bad input: one plain line, a non-zero exit, no traceback, and no work started for nothing.

Argument checks run through the real entry point (`app.cli.main`, as `ui.entry` calls it) in this process: they
must answer before any model, library or chain is opened, which the untouched data folder proves.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import cli, crash_log

BAD_NUMBERS = [
    (["--steps", "0"], "--steps"),
    (["--steps", "-3"], "--steps"),
    (["--steps", "151"], "--steps"),
    (["--steps", "99999999999999999999999"], "--steps"),
    (["--batch", "0"], "--batch"),
    (["--batch", "-1"], "--batch"),
    (["--batch", "9"], "--batch"),
    (["--batch", "1000000000000"], "--batch"),
    (["--guidance", "nan"], "--guidance"),
    (["--guidance", "-1"], "--guidance"),
    (["--guidance", "inf"], "--guidance"),
    (["--guidance", "30.5"], "--guidance"),
    (["--keep-shape", "-0.1"], "--keep-shape"),
    (["--keep-shape", "0.96"], "--keep-shape"),
    (["--keep-shape", "nan"], "--keep-shape"),
    (["--keep-shape", "-inf"], "--keep-shape"),
    (["--seed", "-1"], "--seed"),
    (["--seed", "4294967296"], "--seed"),
    (["--seed", "1" + "0" * 40], "--seed"),
    (["--size", "0x0"], "--size"),
    (["--size", "7x7"], "--size"),
    (["--size", "100000x100000"], "--size"),
    (["--size", "500x512"], "--size"),
    (["--size", "512x"], "--size"),
    (["--size", "-64x64"], "--size"),
    (["--size", "512x512x3"], "--size"),
    (["--size", "big"], "--size"),
    (["--size", "٥١٢x٥١٢"], "--size"),  # Arabic-Indic digits: int() takes them, a size should not
    (["--wait", "-1"], "--wait"),
    (["--wait", "nan"], "--wait"),
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_plain_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sm6-studio") and "Traceback" not in err and "Error:" not in err, err
    return lines[0]


@pytest.fixture
def data_dir(isolated_dirs) -> Path:
    return isolated_dirs["SM6_DATA_DIR"]


@pytest.mark.parametrize(("extra", "option"), BAD_NUMBERS, ids=[" ".join(e) for e, _ in BAD_NUMBERS])
def test_out_of_range_numbers_are_refused_before_any_work(capsys, data_dir, extra, option):
    status, out, err = run(capsys, "generate", "pearl white", *extra)
    assert status == cli.EXIT_USAGE
    assert option in assert_one_plain_line(err)
    assert out == "" and not data_dir.exists()  # nothing opened, nothing loaded


@pytest.mark.parametrize(
    "args",
    [
        ["generate", "x", "--steps", "abc"],
        ["generate", "x", "--guidance", "lots"],
        ["generate", "x", "--seed", "1.5"],
        ["generate"],  # no prompt
        ["generate", "x", "--bogus"],
        ["generate", "x", "--sampler", "nope"],
        ["frobnicate"],
    ],
)
def test_arguments_argparse_cannot_read_get_one_line_too(capsys, data_dir, args):
    status, _, err = run(capsys, *args)
    assert status == cli.EXIT_USAGE
    line = assert_one_plain_line(err)
    assert "--help" in line and "usage:" not in err
    assert not data_dir.exists()


@pytest.mark.parametrize("preset", ["nope", "", "STUDIO", "studio ", "busan night", "\x1b[31mred"])
def test_an_unknown_preset_is_refused_with_the_valid_ids(capsys, data_dir, preset):
    status, _, err = run(capsys, "generate", "x", "--preset", preset)
    assert status == cli.EXIT_USAGE
    line = assert_one_plain_line(err)
    assert "no style preset" in line and "studio, busan-night" in line and "sm6-studio presets" in line
    assert "\x1b" not in line  # what was typed is shown, its escape codes are not
    assert not data_dir.exists()


@pytest.mark.parametrize("prompt", ["", "   ", "\n\t", "x" * 2001])
def test_an_empty_or_endless_prompt_is_refused(capsys, data_dir, prompt):
    status, _, err = run(capsys, "generate", prompt)
    assert status == cli.EXIT_USAGE
    assert "prompt" in assert_one_plain_line(err)
    assert not data_dir.exists()


@pytest.mark.parametrize("option", ["prompt", "--negative"])
def test_a_prompt_with_bytes_that_are_not_text_is_refused_before_any_work(capsys, data_dir, option):
    # the tokenizer failed on the surrogates Python keeps for such bytes, after the model had loaded
    text = "pearl \udcff white"
    args = ["generate", text] if option == "prompt" else ["generate", "pearl", "--negative", text]
    status, _, err = run(capsys, *args)
    assert status == cli.EXIT_USAGE
    assert "not text (not UTF-8)" in assert_one_plain_line(err)
    assert not data_dir.exists()


@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_from_a_pipe_or_a_device_is_refused_before_any_work(capsys, data_dir, tmp_path, kind):
    # opening a pipe waited for a writer for ever
    if kind == "pipe":
        target = tmp_path / "sketch.png"
        os.mkfifo(target)
    else:
        target = Path("/dev/zero")
    status, _, err = run(capsys, "generate", "x", "--from", str(target))
    assert status == cli.EXIT_USAGE
    assert "not an ordinary file" in assert_one_plain_line(err)
    assert not data_dir.exists()


def test_out_that_is_a_file_is_refused_before_generating(capsys, data_dir, tmp_path):
    target = tmp_path / "a-file.png"
    target.write_bytes(b"not a folder")
    status, _, err = run(capsys, "generate", "x", "--out", str(target))
    assert status == cli.EXIT_USAGE
    assert "is a file, not a folder" in assert_one_plain_line(err)
    assert not data_dir.exists()


@pytest.mark.parametrize("where", ["under-a-file", "proc"])
def test_out_that_cannot_be_written_is_refused_before_generating(capsys, data_dir, tmp_path, where):
    if where == "under-a-file":
        (tmp_path / "blocker").write_text("x")
        target = tmp_path / "blocker" / "pngs"
    else:  # a place nobody may create folders in, root included
        if not Path("/proc/self").exists():
            pytest.skip("no /proc here")
        target = Path("/proc/sm6-studio-out")
    status, _, err = run(capsys, "generate", "x", "--out", str(target))
    assert status == cli.EXIT_FAILURE
    line = assert_one_plain_line(err)
    assert "--out" in line and "Choose a folder you can write to" in line
    assert not data_dir.exists()


def test_a_model_path_that_is_not_installed_says_what_an_id_is(capsys, tiny_sd15, tmp_path):
    loose = tmp_path / "elsewhere" / "my-model.safetensors"
    loose.parent.mkdir()
    loose.write_bytes(b"x")
    for wanted, words in (
        (str(loose), "is not an installed model"),
        (str(tmp_path / "missing" / "model.safetensors"), "is not an installed model"),
        ("nope", "--model takes a model id"),
        ("tiny", "--model takes a model id"),
    ):
        status, _, err = run(capsys, "generate", "x", "--model", wanted)
        assert status == cli.EXIT_FAILURE, wanted
        line = assert_one_plain_line(err)
        assert words in line and "sm6-studio doctor" in line, line


UNUSABLE = {
    "pickle": ("old.ckpt", b"pickle"),
    "bad-header": ("broken.safetensors", b"\x08\x00\x00\x00\x00\x00\x00\x00garbage!"),
    "wrong-shape": ("half/model_index.json", b"[]"),
}


@pytest.mark.parametrize("kinds", [["pickle"], ["bad-header", "wrong-shape"], list(UNUSABLE)])
def test_installed_models_that_are_all_unusable_are_reported_not_replaced_by_the_demo(
    capsys, models_dir, isolated_dirs, kinds
):
    for kind in kinds:
        name, data = UNUSABLE[kind]
        (models_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (models_dir / name).write_bytes(data)
    status, out, err = run(capsys, "generate", "pearl white", "--steps", "2")
    assert status == cli.EXIT_FAILURE
    line = assert_one_plain_line(err)
    assert "No installed model can be used" in line and "demo model stands in only when no model" in line
    assert not (isolated_dirs["SM6_MODELS_DIR"] / "sm6-demo").exists()  # nothing built behind the person's back
    assert "Generating" not in out

    status, out, err = run(capsys, "doctor")
    assert status == cli.EXIT_FAILURE and "All checks passed" not in out
    assert "No installed model can be used" in assert_one_plain_line(err)


def test_doctor_fails_when_no_model_is_installed_and_says_how_to_add_one(capsys):
    status, out, err = run(capsys, "doctor")
    assert status == cli.EXIT_FAILURE and "All checks passed" not in out
    line = assert_one_plain_line(err)
    assert "No model is installed" in line and ".safetensors" in line and "demo model" in line


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyError("presets"), RecursionError("deep")])
def test_an_unforeseen_error_is_logged_and_reported_in_one_line(capsys, monkeypatch, data_dir, error):
    from app.generation import presets

    def broken():
        raise error

    monkeypatch.setattr(presets, "default_presets", broken)
    status, _, err = run(capsys, "presets")
    assert status == cli.EXIT_FAILURE
    line = assert_one_plain_line(err)
    assert "something went wrong" in line and str(data_dir) in line and "boom" not in line
    log_file = data_dir / "logs" / crash_log.CRASH_LOG
    assert "Traceback" in log_file.read_text() and type(error).__name__ in log_file.read_text()
    if os.name == "posix":
        assert log_file.stat().st_mode & 0o077 == 0
