"""The staff PIN: how it is kept (a salted scrypt hash, never the digits) and who may try it (a lockout after five
wrong tries in a row that a restart does not reset).

    hash_pin(new_pin(typed, again))                      -> "scrypt$<salt hex>$<hash hex>" for KioskSettings.pin_hash
    lock = StaffLock(lambda: settings.kiosk.pin_hash, data_dir, lockout_s=settings.kiosk.wrong_pin_lockout_s)
    lock.attempt("4821")                                 -> Attempt(opened=True) or why not, as a Message

Checking a PIN costs about 0.1 s of scrypt: the window calls `attempt` off the UI thread. The count of wrong tries
and the end of a lockout are written (atomically) to a small file in the data folder at every change, so pulling
the plug or letting the watchdog restart the app does not give a guesser five fresh tries.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app import safejson
from app.errors import InputError
from app.fsutil import atomic_write_text
from app.messages import Message
from app.showroom import messages as msgs

log = logging.getLogger(__name__)

MIN_DIGITS, MAX_DIGITS = 4, 8
MAX_WRONG = 5  # wrong tries in a row before the lockout
LOCK_FILE = Path("showroom") / "staff_lock.json"  # in the data folder
SALT_BYTES = 16
# scrypt's cost: 32 MiB and about 0.1 s per try. A PIN has few digits, so the cost per guess is what protects a
# copied settings file; the lockout protects the kiosk's screen.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_MAXMEM = 64 * 1024 * 1024
_PREFIX = "scrypt"


def new_pin(pin: str, again: str) -> str:
    """The PIN a person chose, typed twice; InputError (in words) when it is not 4-8 digits or the two differ."""
    if not is_pin_form(pin):
        raise InputError(msgs.PIN_FORM())
    if not hmac.compare_digest(pin.encode(), again.encode()):
        raise InputError(msgs.PINS_DIFFER())
    return pin


def is_pin_form(pin: str) -> bool:
    return MIN_DIGITS <= len(pin) <= MAX_DIGITS and pin.isascii() and pin.isdigit()


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """What settings keep for `pin`: "scrypt$<salt hex>$<hash hex>", a fresh random salt each time."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    return f"{_PREFIX}${salt.hex()}${_scrypt(pin, salt).hex()}"


def _scrypt(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=_MAXMEM, dklen=32)


def parse_hash(stored: object) -> tuple[bytes, bytes] | None:
    """(salt, hash) of a stored PIN hash; None for an empty, edited or damaged one (which counts as "no PIN set",
    so a broken file can never open the panel, nor crash it)."""
    if not isinstance(stored, str) or stored.count("$") != 2:
        return None
    prefix, salt_hex, hash_hex = stored.split("$")
    try:
        salt, digest = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except ValueError:
        return None
    if prefix != _PREFIX or len(salt) != SALT_BYTES or len(digest) != 32:
        return None
    return salt, digest


def pin_is_set(stored: object) -> bool:
    return parse_hash(stored) is not None


def pin_matches(pin: str, stored: object) -> bool:
    parsed = parse_hash(stored)
    if parsed is None or not is_pin_form(pin):
        return False
    salt, digest = parsed
    return hmac.compare_digest(_scrypt(pin, salt), digest)


@dataclass(frozen=True)
class Attempt:
    opened: bool
    message: Message | None = None  # why not: wrong (with the tries left), locked out (with the time), no PIN set
    locked_for_s: float = 0.0  # > 0 while no try is taken


def clock_text(seconds: float) -> str:
    """A countdown as the kiosk shows it: "0:59", "12:00"."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class StaffLock:
    """Who may open the staff panel. Safe to call from any thread; the clock is injectable for tests."""

    def __init__(
        self,
        pin_hash: Callable[[], str],
        data_dir: Path,
        lockout_s: Callable[[], float] | float = 60,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._pin_hash = pin_hash
        self._lockout_s = lockout_s if callable(lockout_s) else (lambda: float(lockout_s))
        self._clock = clock
        self._path = Path(data_dir) / LOCK_FILE
        self._lock = threading.Lock()
        self._wrong, self._locked_until = self._read()

    @property
    def pin_set(self) -> bool:
        return pin_is_set(self._pin_hash())

    def locked_for(self) -> float:
        """Seconds until a try is taken again (0 when it is now)."""
        with self._lock:
            return self._left()

    def _left(self) -> float:
        left = self._locked_until - self._clock()
        # A clock stepped back must not stretch the lockout past its length.
        return max(0.0, min(left, float(self._lockout_s())))

    def attempt(self, pin: str) -> Attempt:
        with self._lock:
            left = self._left()
            if left > 0:
                return Attempt(False, msgs.LOCKED_OUT(time=clock_text(left)), left)
            stored = self._pin_hash()
            if not pin_is_set(stored):
                return Attempt(False, msgs.NO_PIN_SET())
            if pin_matches(pin, stored):
                if self._wrong:
                    self._wrong, self._locked_until = 0, 0.0
                    self._write()
                return Attempt(True)
            self._wrong += 1
            if self._wrong >= MAX_WRONG:
                self._wrong, self._locked_until = 0, self._clock() + float(self._lockout_s())
                self._write()
                log.warning("staff panel locked after %d wrong PINs", MAX_WRONG)  # never the digits
                left = self._left()
                return Attempt(False, msgs.LOCKED_OUT(time=clock_text(left)), left)
            self._write()
            tries = MAX_WRONG - self._wrong
            return Attempt(False, msgs.WRONG_PIN_LAST_TRY() if tries == 1 else msgs.WRONG_PIN(tries=tries))

    def _read(self) -> tuple[int, float]:
        try:
            data = safejson.load_object(self._path, safejson.STAFF_LOCK_FILE(), max_bytes=4096)
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, safejson.BadJSON) as exc:
            log.warning("staff lock file unreadable, starting from no wrong tries: %s", exc)
            return 0, 0.0
        wrong, until = data.get("wrong"), data.get("locked_until")
        wrong = wrong if isinstance(wrong, int) and 0 <= wrong < MAX_WRONG else 0
        try:  # an integer past float range, like NaN or infinity, is no lock
            until = float(until) if isinstance(until, (int, float)) and math.isfinite(until) else 0.0
        except OverflowError:
            until = 0.0
        return wrong, until

    def _write(self) -> None:
        try:
            self._path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write_text(self._path, f'{{"wrong": {self._wrong}, "locked_until": {self._locked_until!r}}}\n')
        except OSError as exc:  # the count still holds in memory for as long as the app runs
            log.warning("staff lock file not written: %s", exc)
