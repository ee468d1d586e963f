"""`sm6-studio` speaks the person's language: Korean when Settings says so or the computer's locale is Korean,
English otherwise, from argparse's own words ("usage:", "options") to the help texts, errors and `doctor`."""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli, i18n
from app.config import Settings, save_settings

ROOT = Path(__file__).resolve().parents[2]
HANGUL = range(0xAC00, 0xD7A4)


def cli_run(*args: str, lang: str = "en_US.UTF-8") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "ui.entry", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**env, "LANG": lang, "QT_QPA_PLATFORM": "offscreen"},
    )


def korean(text: str) -> bool:
    return any(ord(ch) in HANGUL for ch in text)


def use_setting(language: str) -> None:
    save_settings(dataclasses.replace(Settings(), language=language))


@pytest.fixture
def in_process():
    """`cli.main` in this process sets the core's language: English again afterwards, as other tests expect."""
    yield
    i18n.set_language("en")


def test_help_is_korean_on_a_korean_computer():
    result = cli_run("--help", lang="ko_KR.UTF-8")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("사용법: sm6-studio")
    assert "옵션:" in out and "위치 인수:" in out and "options:" not in out
    assert "로컬 Stable Diffusion으로 나만의 Renault SM6를 디자인합니다." in out
    assert "이 도움말을 보여 주고 끝냅니다" in out and "쇼룸 키오스크 모드로 창을 엽니다" in out


def test_generate_help_follows_the_language_chosen_in_settings_over_the_locale():
    use_setting("ko")
    out = cli_run("generate", "--help", lang="en_US.UTF-8").stdout
    assert "사용법: sm6-studio generate" in out and "스타일 프리셋 ID" in out and "피하고 싶은 것" in out
    assert "기본값 60" in out  # a value filled into a translated help text
    # Hangul takes two terminal columns: no help line runs past an 80-column terminal
    from app.cli_messages import display_width

    assert max(display_width(line) for line in out.splitlines()) <= 80

    use_setting("en")
    out = cli_run("generate", "--help", lang="ko_KR.UTF-8").stdout
    assert "usage: sm6-studio generate" in out and "style preset id" in out and not korean(out)


def test_an_english_computer_reads_english():
    result = cli_run("generate", "--help", lang="en_US.UTF-8")
    assert result.returncode == 0
    assert "usage: sm6-studio generate" in result.stdout and "options:" in result.stdout
    assert not korean(result.stdout)


@pytest.mark.parametrize(
    "args, words",
    [
        (["generate", "x", "--steps", "many"], "인수 --steps: 올바른 int 값이 아닙니다: 'many'"),
        (["generate"], "다음 인수가 필요합니다: prompt"),
        (["draw"], "잘못된 선택: 'draw'"),
        (["generate", "x", "--size", "500x512"], "너비 값은 8픽셀의 배수여야 합니다. 496 또는 504 중 하나를"),
        (["generate", "x", "--preset", "nope"], "'nope' 스타일 프리셋이 없습니다"),
    ],
    ids=["not-a-number", "missing-prompt", "unknown-command", "size", "unknown-preset"],
)
def test_a_bad_argument_is_refused_in_korean_in_one_line(args, words):
    result = cli_run(*args, lang="ko_KR.UTF-8")
    assert result.returncode == cli.EXIT_USAGE
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sm6-studio"), result.stderr
    assert words in lines[0], lines[0]


def test_an_unknown_model_is_refused_in_korean(capsys, in_process, tiny_sd15):
    use_setting("ko")
    status = cli.main(["generate", "x", "--model", "nope"])
    err = capsys.readouterr().err
    assert status == cli.EXIT_FAILURE
    assert "'nope' 모델이 설치되어 있지 않습니다" in err and "sm6-studio doctor" in err


def test_doctor_reports_in_korean_with_its_columns_lined_up(capsys, in_process):
    use_setting("ko")
    status = cli.main(["doctor"])
    out, err = capsys.readouterr()
    assert status == cli.EXIT_FAILURE  # no model installed
    for title in ("Torch와 장치", "모델", "폴더", "패키지", "문제"):
        assert f"\n{title}\n" in f"\n{out}"
    assert "설치된 모델이 없습니다" in err and "찾지 못함 (데모 모델을 만들 수 있습니다)" in out
    from app.cli_messages import display_width

    folders = out.split("\n폴더\n")[1].split("\n\n")[0].splitlines()
    value_columns = {display_width(line[: line.index(os.sep)]) for line in folders if os.sep in line}
    assert len(value_columns) == 1, folders  # Korean row names take two columns a letter: values still line up


def test_argparse_is_left_as_it_was(in_process):
    before = (argparse._, argparse.ngettext)
    use_setting("ko")
    assert cli.main(["generate", "x", "--steps", "0"]) == cli.EXIT_USAGE
    assert (argparse._, argparse.ngettext) == before
    # and a parser made elsewhere in the process still speaks argparse's own English
    assert argparse.ArgumentParser(prog="other").format_help().startswith("usage: other")


def test_generate_reports_its_progress_in_korean(capsys, in_process, tiny_sd15, tmp_path):
    use_setting("ko")
    out_dir = tmp_path / "out"
    status = cli.main(
        ["generate", "gold wheels", "--steps", "2", "--size", "64x64", "--seed", "3", "--out", str(out_dir)]
    )
    out, err = capsys.readouterr()
    assert status == 0, err
    lines = out.splitlines()
    assert "tiny-sd15(으)로 디자인 1개를 생성하는 중" in lines and "시드 3" in lines
    assert "이미지 1/1 · 단계 2/2" in lines
    assert any(line.startswith("디자인 ") and "저장 (시드 3) →" in line for line in lines)
    assert f"PNG 1개를 {out_dir}에 복사했습니다" in lines


def test_moments_are_said_the_korean_way(in_process):
    from datetime import UTC, datetime

    from app import messages
    from app.messages import Message  # a message of no catalogued id: only its moment is said in Korean

    use_setting("ko")
    try:
        assert cli.use_language() == "ko"
        moment = datetime(2100, 1, 2, 3, 4, tzinfo=UTC)
        closed = Message("cli.closed", "Closed on {deadline}.", {"deadline": moment})
        assert str(closed) == "Closed on 2100년 1월 2일 03:04 UTC."
    finally:
        messages.set_moment_formatter(None)


def test_why_an_installed_model_is_unusable_is_said_in_korean_too(capsys, in_process, models_dir):
    (models_dir / "old.ckpt").write_bytes(b"pickle")
    use_setting("ko")
    assert cli.main(["generate", "pearl white"]) == cli.EXIT_FAILURE
    err = capsys.readouterr().err
    assert "설치된 모델을 사용할 수 없습니다(" in err and "pickle 형식의 체크포인트(.ckpt)입니다" in err, err
    assert "pickled checkpoint" not in err
