"""The staff PIN: kept only as a salted hash, tried against a lockout that a restart does not reset."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import paths
from app.config import load_settings, save_settings, settings_path
from app.errors import InputError
from app.showroom import messages as msgs
from app.showroom.staff import LOCK_FILE, MAX_WRONG, StaffLock, hash_pin, new_pin, pin_is_set

PIN = "73914862"  # eight digits: never found in a hex hash by chance


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kiosk_settings():
    """settings.toml with a staff PIN, as the Settings card leaves it."""
    settings = load_settings()
    settings.kiosk = replace(settings.kiosk, pin_hash=hash_pin(PIN), wrong_pin_lockout_s=60)
    save_settings(settings)
    return settings


def lock_for(clock: Clock) -> StaffLock:
    """A lock as the kiosk makes one at start: reading settings.toml and the data folder afresh."""
    kiosk = load_settings().kiosk
    return StaffLock(lambda: kiosk.pin_hash, paths.data_dir(), kiosk.wrong_pin_lockout_s, clock)


def test_the_right_pin_opens_and_a_wrong_one_is_refused_with_the_tries_left(kiosk_settings):
    lock = lock_for(Clock())
    wrong = lock.attempt("1234")
    assert not wrong.opened and wrong.message.id == msgs.WRONG_PIN.id and wrong.message.params == {"tries": 4}
    assert "4 more tries" in str(wrong.message)
    assert lock.attempt(PIN).opened
    # The right PIN starts the count again.
    assert lock.attempt("1234").message.params == {"tries": 4}


def test_five_wrong_pins_lock_out_every_try_until_the_lockout_ends(kiosk_settings):
    clock = Clock()
    lock = lock_for(clock)
    for _ in range(MAX_WRONG - 2):
        lock.attempt("0000")
    assert lock.attempt("0000").message.id == msgs.WRONG_PIN_LAST_TRY.id
    locked = lock.attempt("0000")
    assert not locked.opened and locked.message.id == msgs.LOCKED_OUT.id and str(locked.message).endswith("1:00.")
    clock.now += 59
    refused = lock.attempt(PIN)  # even the right PIN waits
    assert not refused.opened and refused.message.params == {"time": "0:01"} and lock.locked_for() == 1
    clock.now += 1
    assert lock.locked_for() == 0
    assert lock.attempt(PIN).opened


def test_a_restart_does_not_reset_the_lockout_nor_the_count(kiosk_settings):
    clock = Clock()
    lock = lock_for(clock)
    lock.attempt("0000")
    lock.attempt("0000")
    assert lock_for(clock).attempt("0000").message.params == {"tries": 2}  # the app restarted: the count held
    lock_for(clock).attempt("0000")
    lock_for(clock).attempt("0000")
    clock.now += 30
    after_restart = lock_for(clock)
    assert after_restart.locked_for() == 30
    assert not after_restart.attempt(PIN).opened
    clock.now += 30
    assert lock_for(clock).attempt(PIN).opened


def test_a_clock_stepped_back_never_stretches_the_lockout(kiosk_settings):
    clock = Clock()
    lock = lock_for(clock)
    for _ in range(MAX_WRONG):
        lock.attempt("0000")
    clock.now -= 86_400
    assert lock_for(clock).locked_for() == 60


def test_a_damaged_lock_file_counts_as_no_wrong_tries(kiosk_settings):
    (paths.data_dir() / LOCK_FILE).parent.mkdir(parents=True, exist_ok=True)
    for text in ('{"wrong": "many"', "[" * 10_000, '{"wrong": 99, "locked_until": "soon"}', "\x00\xff"):
        (paths.data_dir() / LOCK_FILE).write_bytes(text.encode("utf-8", "surrogatepass"))
        lock = lock_for(Clock())
        assert lock.locked_for() == 0
        assert lock.attempt(PIN).opened


def test_a_lock_time_past_any_number_counts_as_no_lockout(kiosk_settings):
    (paths.data_dir() / LOCK_FILE).parent.mkdir(parents=True, exist_ok=True)
    (paths.data_dir() / LOCK_FILE).write_text('{"wrong": 1, "locked_until": 1' + "0" * 400 + "}", encoding="utf-8")
    lock = lock_for(Clock())
    assert lock.locked_for() == 0
    assert lock.attempt(PIN).opened


def test_the_pin_is_kept_only_as_a_salted_hash(kiosk_settings):
    clock = Clock()
    lock = lock_for(clock)
    lock.attempt("0000")
    assert lock.attempt(PIN).opened
    stored = load_settings().kiosk.pin_hash
    kind, salt, digest = stored.split("$")
    assert kind == "scrypt" and len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert hash_pin(PIN) != stored  # a fresh salt each time: equal PINs do not look equal
    for folder in (settings_path().parent, paths.data_dir()):
        for file in folder.rglob("*"):
            if file.is_file():
                assert PIN.encode() not in file.read_bytes(), file


@pytest.mark.parametrize(
    "stored",
    ["", "scrypt$zz$00", "scrypt$" + "00" * 16, "md5$" + "00" * 16 + "$" + "00" * 32, "scrypt$" + "00" * 8 + "$00"],
)
def test_an_edited_hash_counts_as_no_pin_set_and_never_opens(stored):
    settings = load_settings()
    settings.kiosk = replace(settings.kiosk, pin_hash=stored)
    save_settings(settings)
    assert not pin_is_set(load_settings().kiosk.pin_hash)
    lock = lock_for(Clock())
    for pin in ("0000", PIN, ""):
        attempt = lock.attempt(pin)
        assert not attempt.opened and attempt.message.id == msgs.NO_PIN_SET.id
    assert lock.locked_for() == 0  # nobody is locked out of a kiosk with no PIN


def test_a_new_pin_is_four_to_eight_digits_typed_twice_alike():
    assert new_pin("0420", "0420") == "0420"
    for bad in ("123", "123456789", "12a4", "１２３４", " 1234", ""):
        with pytest.raises(InputError) as caught:
            new_pin(bad, bad)
        assert caught.value.msg.id == msgs.PIN_FORM.id
    with pytest.raises(InputError) as caught:
        new_pin("1234", "1243")
    assert caught.value.msg.id == msgs.PINS_DIFFER.id
