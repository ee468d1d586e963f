"""The unlocked wallet account, and locking it again when the person stops using the app."""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Mapping

from app.chain.wallet import UnlockedAccount, WalletStore
from app.chain.wallet_errors import LOCKED, WalletLockedError

if TYPE_CHECKING:
    from eth_account.datastructures import SignedTransaction

log = logging.getLogger(__name__)

DEFAULT_IDLE_TIMEOUT_S = 300.0


class WalletSession:
    """At most one unlocked account, locked again after `idle_timeout_s` without use (Qt-free; the UI polls
    `check_idle()` from a timer). Thread-safe: a worker may sign while the UI thread checks.

    `keep_unlocked` suspends the auto-lock: an unattended showroom kiosk, whose staff unlocked the wallet that pays
    for visitors' mints, stays able to mint while it runs. Only an explicit `lock()` (pause, leaving kiosk mode,
    quitting) ends it, and it clears the flag, so the next unlock auto-locks again unless asked otherwise."""

    def __init__(
        self, idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.idle_timeout_s = idle_timeout_s
        self.clock = clock
        self._lock = threading.Lock()
        self._account: UnlockedAccount | None = None
        self._last_used = 0.0
        self.keep_unlocked = False

    @property
    def account(self) -> UnlockedAccount | None:
        """The unlocked account; None when locked or idle past the timeout."""
        self.check_idle()
        return self._account

    def unlock(self, store: WalletStore, address: str, password: str, keep_unlocked: bool = False) -> UnlockedAccount:
        """Slow (scrypt): call off the UI thread. A previously unlocked account is locked."""
        unlocked = store.unlock(address, password)  # outside the lock: a second of scrypt must not block check_idle
        with self._lock:
            previous, self._account = self._account, unlocked
            self._last_used = self.clock()
            self.keep_unlocked = keep_unlocked
        if previous is not None:
            previous.lock()
        return unlocked

    def lock(self) -> None:
        with self._lock:
            previous, self._account = self._account, None
            self.keep_unlocked = False
        if previous is not None:
            previous.lock()
            log.info("Wallet account %s locked", previous.address)

    def touch(self) -> None:
        with self._lock:
            self._last_used = self.clock()

    def seconds_left(self, now: float | None = None) -> float | None:
        """Until the auto-lock; None when locked."""
        with self._lock:
            if self._account is None:
                return None
            if self.keep_unlocked:
                return self.idle_timeout_s
            now = self.clock() if now is None else now
            return max(0.0, self.idle_timeout_s - (now - self._last_used))

    def check_idle(self, now: float | None = None) -> bool:
        """Lock if idle past the timeout; True when this call locked the account."""
        with self._lock:
            now = self.clock() if now is None else now
            if self._account is None or self.keep_unlocked or now - self._last_used < self.idle_timeout_s:
                return False
            expired, self._account = self._account, None
        expired.lock()
        log.info("Wallet account %s locked after %.0f s without use", expired.address, self.idle_timeout_s)
        return True

    def sign_transaction(self, tx: Mapping[str, Any]) -> SignedTransaction:
        self.check_idle()
        with self._lock:
            account = self._account
            if account is None:
                raise WalletLockedError(LOCKED())
            self._last_used = self.clock()
            return account.sign_transaction(tx)

    def __repr__(self) -> str:
        return f"WalletSession({self._account!r})"
