"""`sm6-studio serve tokens issue NAME | list | revoke NAME` (issue 20): staff manage the kiosks' tokens on the
generation server, in their language; the token is shown once and only its hash is kept."""

from __future__ import annotations

import dataclasses

import pytest

from app import cli, i18n, paths
from app.config import Settings, save_settings
from app.fleet.tokens import TokenStore


@pytest.fixture
def speak():
    def use(language: str) -> None:
        save_settings(dataclasses.replace(Settings(), language=language))

    yield use
    i18n.set_language("en")


def _store() -> TokenStore:
    return TokenStore(paths.data_dir() / "serve" / "tokens.json")


def test_staff_issue_list_and_revoke_a_kiosks_token(capsys, speak):
    speak("en")
    assert cli.main(["serve", "tokens", "issue", "Seoul kiosk 1"]) == 0
    said, token = capsys.readouterr().out.strip().splitlines()
    assert said.startswith("Token for Seoul kiosk 1, shown only this once")
    assert _store().check(token) == "Seoul kiosk 1" and token not in _store().path.read_text()

    assert cli.main(["serve", "tokens", "list"]) == 0
    assert capsys.readouterr().out.startswith("Seoul kiosk 1 · issued ")
    assert cli.main(["serve", "tokens", "revoke", "Seoul kiosk 1"]) == 0
    assert "Revoked the token Seoul kiosk 1" in capsys.readouterr().out
    assert cli.main(["serve", "tokens", "list"]) == 0
    assert " · revoked " in capsys.readouterr().out


def test_token_commands_speak_korean_and_refuse_plainly(capsys, speak):
    speak("ko")
    assert cli.main(["serve", "tokens", "list"]) == 0
    assert "아직 토큰이 없습니다" in capsys.readouterr().out
    assert cli.main(["serve", "tokens", "issue", "부산"]) == 1  # a name of letters the file format keeps plain
    assert cli.main(["serve", "tokens", "revoke", "nobody"]) == 1
    err = capsys.readouterr().err
    assert "nobody" in err and "토큰이 없습니다" in err and "Traceback" not in err
    assert cli.main(["serve", "tokens", "issue", "busan-1"]) == 0
    assert "busan-1" in capsys.readouterr().out
    assert cli.main(["serve", "tokens", "issue", "busan-1"]) == 1
    assert "이미 있습니다" in capsys.readouterr().err


def test_serve_flags_that_cannot_be_negative_are_refused_in_words(capsys, speak):
    speak("en")
    assert cli.main(["serve", "--max-replicas", "-2"]) == 1
    err = capsys.readouterr().err
    assert "--max-replicas must be 0 or more." in err and "Traceback" not in err
    for wrong in ("0", "17"):
        assert cli.main(["serve", "--images-per-pass", wrong]) == 1
        err = capsys.readouterr().err
        assert "--images-per-pass must be between 1 and 16." in err and "Traceback" not in err
