"""A settings.toml that cannot be read never stops the start: defaults are used, the person is told, and the bad
file is kept aside (never overwritten by the next save). Both readers (app.config, app.paths) go through one path.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app import paths
from app.config import Settings, load_settings, read_settings, save_settings, settings_path

KOREAN = 'theme = "dark"\n[describe]\nmodel = "한국어 모델"\n'

UNREADABLE: dict[str, bytes] = {
    "cp949": KOREAN.encode("cp949"),
    "euc-kr-comment": '# 설정 파일\ntheme = "dark"\n'.encode("euc-kr"),
    "latin-1": 'data_dir = "/home/zoë/désigns"\n'.encode("latin-1"),
    "utf-16": KOREAN.encode("utf-16"),
    "binary-garbage": bytes(range(256)) * 8,
    "png-bytes": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64,
    "arrays-100000-deep": b"a = " + b"[" * 100_000 + b"]" * 100_000,
    "inline-tables-5000-deep": b"a = " + b"{b = " * 5000 + b"1" + b"}" * 5000,
    "dotted-key-100000-parts": b".".join([b"a"] * 100_000) + b" = 1",
    "table-header-5000-parts": b"[" + b".".join([b"t"] * 5000) + b"]\nx = 1",
    "5000-nested-tables": b"\n".join(b"[" + b".".join([b"n"] * i) + b"]" for i in range(1, 5001))[: 900 * 1024],
    "not-toml": b'theme = \n[generation\ndevice = "cuda"',
    "unterminated-string": b'theme = "dark\n',
    # each quote used to start a scan to the end for its closing one: 80 KB took 16 s, these would take half an hour
    "escaped-quotes-unterminated": b'theme = "' + b'\\"' * 400_000,
    "escaped-quotes-multi-line": b'theme = """' + b'\\"' * 400_000,
    "quotes-unterminated": b"a = '" + b"'\"" * 300_000,
    "too-large": b"# " + b"x" * (2 * 1024 * 1024) + b"\n",
}


def settings_file(isolated_dirs) -> Path:
    path = Path(isolated_dirs["SM6_CONFIG_DIR"]) / "settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def kept_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob("settings.toml.unreadable-*"))


@pytest.mark.parametrize("name", list(UNREADABLE))
def test_an_unreadable_file_gives_defaults_a_warning_and_is_kept_aside(isolated_dirs, name):
    path = settings_file(isolated_dirs)
    path.write_bytes(UNREADABLE[name])
    started = time.monotonic()
    assert paths.data_dir() == Path(isolated_dirs["SM6_DATA_DIR"])
    loaded = read_settings()
    assert time.monotonic() - started < 5  # no quadratic blow-up, no recursion to the limit
    assert loaded.settings == Settings()
    assert "settings file could not be read" in loaded.warning and "default settings are in use" in loaded.warning
    (kept,) = kept_files(path)
    assert loaded.kept_as == kept and str(kept) in loaded.warning
    assert kept.read_bytes() == UNREADABLE[name]  # the person's file, byte for byte
    assert not path.exists()

    save_settings(Settings(theme="light"))  # the next save writes a fresh file and leaves the kept one alone
    assert load_settings().theme == "light" and kept.read_bytes() == UNREADABLE[name]


def test_the_data_folder_reader_falls_back_without_moving_the_file(isolated_dirs, monkeypatch):
    monkeypatch.delenv("SM6_DATA_DIR")
    path = settings_file(isolated_dirs)
    for data in (UNREADABLE["cp949"], UNREADABLE["arrays-100000-deep"], UNREADABLE["binary-garbage"]):
        path.write_bytes(data)
        assert paths.data_dir() == paths.default_data_dir()
        assert path.read_bytes() == data and not kept_files(path)  # only the reader that reports it moves it


@pytest.mark.parametrize("value", ['"\\u0000/evil"', "5", "[1, 2]", '"~no-such-user-here/x"', "{ a = 1 }"])
def test_a_data_folder_setting_that_is_no_path_is_ignored(isolated_dirs, monkeypatch, value):
    monkeypatch.delenv("SM6_DATA_DIR")
    settings_file(isolated_dirs).write_text(f"data_dir = {value}\n", encoding="utf-8")
    assert paths.data_dir() == paths.default_data_dir()


def test_a_folder_where_the_file_should_be_is_moved_aside_so_saving_works_again(isolated_dirs):
    path = settings_file(isolated_dirs)
    path.mkdir()
    (path / "inside.txt").write_text("kept")
    loaded = read_settings()
    assert loaded.settings == Settings() and "folder where the file should be" in loaded.warning
    (kept,) = kept_files(path)
    assert (kept / "inside.txt").read_text() == "kept"
    save_settings(Settings(theme="dark"))
    assert load_settings().theme == "dark"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_where_the_file_should_be_is_not_read_for_ever(isolated_dirs):
    path = settings_file(isolated_dirs)
    os.mkfifo(path)
    loaded = read_settings()
    assert loaded.settings == Settings() and "not a regular file" in loaded.warning


def test_bad_files_saved_in_the_same_second_each_keep_their_own_copy(isolated_dirs):
    path = settings_file(isolated_dirs)
    for data in (UNREADABLE["cp949"], UNREADABLE["not-toml"], UNREADABLE["binary-garbage"]):
        path.write_bytes(data)
        read_settings()
    assert sorted(p.read_bytes() for p in kept_files(path)) == sorted(
        [UNREADABLE["cp949"], UNREADABLE["not-toml"], UNREADABLE["binary-garbage"]]
    )


def test_a_good_file_with_a_byte_order_mark_is_read(isolated_dirs):
    settings_file(isolated_dirs).write_bytes("\ufefftheme = 'light'\n".encode("utf-8"))
    loaded = read_settings()
    assert loaded.settings.theme == "light" and loaded.warning == ""


WRONG_VALUES = """
theme = 5
[generation]
device = "tpu"
live_previews = "yes"
[describe]
model = "llama3.1"
timeout_s = -1
temperature = nan
max_tokens = true
max_retries = 1_000_000
char_limit = 0
deadline_s = inf
[chain]
network = "moon"
auto_lock_minutes = 0
custom_chain_id = -5
[publish]
kubo_url = 5001
"""


def test_wrong_types_and_ranges_fall_back_field_by_field_and_are_named(isolated_dirs):
    path = settings_file(isolated_dirs)
    path.write_text(WRONG_VALUES, encoding="utf-8")
    loaded = read_settings()
    s, default = loaded.settings, Settings()
    assert s.describe.model == "llama3.1"  # what was fine is kept
    assert (s.theme, s.generation.device, s.generation.live_previews) == ("system", "auto", True)
    assert s.describe == type(default.describe)(model="llama3.1")
    assert s.chain == default.chain and s.publish == default.publish
    assert "could not be used" in loaded.warning and "theme" in loaded.warning and "10 more" in loaded.warning
    for name in ("generation.device", "describe.timeout_s", "describe.temperature", "describe.max_retries"):
        assert name in loaded.details
    for name in ("describe.deadline_s", "chain.custom_chain_id", "chain.auto_lock_minutes", "publish.kubo_url"):
        assert name in loaded.details
    assert path.read_text(encoding="utf-8") == WRONG_VALUES and not kept_files(path)  # readable: not moved

    save_settings(s)
    assert read_settings().warning == "" and settings_path().read_text(encoding="utf-8") != WRONG_VALUES


def test_the_command_line_says_so_and_doctor_only_reports(isolated_dirs, capsys):
    from app import cli

    path = settings_file(isolated_dirs)
    path.write_bytes(UNREADABLE["cp949"])
    assert cli.main(["doctor"]) == cli.EXIT_FAILURE  # no model installed: that is the failure, not the settings
    out = capsys.readouterr().out
    assert "settings file could not be read" in out and "not UTF-8" in out
    assert path.read_bytes() == UNREADABLE["cp949"] and not kept_files(path)  # doctor changes nothing

    assert cli.main(["generate", "x", "--model", "nope"]) == cli.EXIT_FAILURE
    out, err = capsys.readouterr()
    assert "Note: Your settings file could not be read" in out and "kept as" in out
    assert len(err.strip().splitlines()) == 1 and "not installed" in err  # the failure is still one line
    assert len(kept_files(path)) == 1
