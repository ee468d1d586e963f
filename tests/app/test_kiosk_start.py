"""Whether a start opens the kiosk is decided once, from the command line and the saved setting
(app/showroom/mode.py `opening_policy`, which ui/entry.py hands to the window)."""

from __future__ import annotations

from dataclasses import replace

from app.cli import build_parser
from app.config import load_settings, read_settings, save_settings, settings_path
from app.kiosk import DESKTOP, KIOSK
from app.showroom import messages as msgs
from app.showroom.mode import opening_policy
from app.showroom.staff import hash_pin


def start(*argv: str):
    return opening_policy(build_parser().parse_args(list(argv)), read_settings, save_settings)


def with_pin(enabled: bool = False) -> None:
    settings = load_settings()
    settings.kiosk = replace(settings.kiosk, pin_hash=hash_pin("1357"), enabled=enabled)
    save_settings(settings)


def test_kiosk_flag_is_kept_for_the_next_start_once_a_pin_is_set():
    with_pin()
    assert start("--kiosk") == (KIOSK, None)
    assert load_settings().kiosk.enabled
    assert start() == (KIOSK, None)  # a restart without the flag (the watchdog, a power cut) is a kiosk again


def test_kiosk_flag_without_a_pin_holds_for_this_run_only_and_says_so():
    policy, note = start("--kiosk")
    assert policy is KIOSK and note.id == msgs.NOT_KEPT_WITHOUT_PIN.id and "for this run only" in str(note)
    assert not settings_path().exists() or not load_settings().kiosk.enabled
    assert start() == (DESKTOP, None)


def test_no_kiosk_opens_the_desktop_and_turns_kiosk_mode_off():
    with_pin(enabled=True)
    assert start("--no-kiosk") == (DESKTOP, None)
    kiosk = load_settings().kiosk
    assert not kiosk.enabled and kiosk.pin_hash


def test_an_unreadable_settings_file_is_left_for_the_window_to_report():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("theme = [[[", encoding="utf-8")
    policy, _note = start("--kiosk")
    assert policy is KIOSK  # the flag still opens the kiosk for this run
    assert settings_path().read_text(encoding="utf-8") == "theme = [[["  # nothing overwritten, nothing set aside
