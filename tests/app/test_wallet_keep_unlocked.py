"""An unattended kiosk keeps the wallet that pays for visitors' mints unlocked once staff unlocked it: the idle
auto-lock is suspended for that unlock only, and an explicit lock (pause, leaving kiosk mode, quitting) ends it."""

from __future__ import annotations

from app.chain.session import WalletSession
from app.chain.wallet import WalletStore

PASSWORD = "harbour lights over busan"
FAST_N = 2**12


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_kept_unlock_survives_the_idle_timeout_until_locked(tmp_path):
    store = WalletStore(tmp_path / "wallet", kdf_n=FAST_N)
    account = store.create("Kiosk", PASSWORD)
    clock = Clock()
    session = WalletSession(idle_timeout_s=300, clock=clock)
    session.unlock(store, account.address, PASSWORD, keep_unlocked=True)
    clock.now += 24 * 3600  # a whole day without a visitor's mint
    assert session.check_idle() is False and session.account is not None
    assert session.seconds_left() == 300  # never counts down
    session.lock()  # staff pause the kiosk
    assert session.account is None and session.keep_unlocked is False

    session.unlock(store, account.address, PASSWORD)  # the desktop's unlock: the auto-lock is back
    clock.now += 301
    assert session.check_idle() is True and session.account is None


def test_a_kept_unlock_ends_when_another_unlock_replaces_it(tmp_path):
    store = WalletStore(tmp_path / "wallet", kdf_n=FAST_N)
    account = store.create("Kiosk", PASSWORD)
    clock = Clock()
    session = WalletSession(idle_timeout_s=300, clock=clock)
    session.unlock(store, account.address, PASSWORD, keep_unlocked=True)
    session.unlock(store, account.address, PASSWORD)
    clock.now += 301
    assert session.check_idle() is True
