"""State of the Wallet workspace: the accounts, the one shown, whether it is unlocked, its network, balance and
activity, a mint waiting for a wallet, and what to tell the person.

Every chain call is a ChainService future (its own worker thread does the slow parts: key derivation, the node,
the sandbox EVM) whose answer comes back on the UI thread through `ui.tasks.deliver`. The core's change feed keeps
the page current: a mint confirmed anywhere (the Mint dialog, an earlier session settled at start) or a balance
that changed refreshes the balance and the activity without anyone wiring it by hand.

A mint asked for before there is an unlocked wallet waits here (`pending_mint`) through set-up and unlock, and is
handed on with `sig_mint` once the wallet is unlocked; it is gone once handed on or dismissed.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from app.changes import TokenMinted, WalletChanged
from app.fsutil import atomic_write_text
from ui.bind import ViewModel, observable
from ui.i18n import translate
from ui.tasks import ChangeRelay, deliver, run_in_background
from ui.wallet.words import Notice, Words, notice_for, words

log = logging.getLogger(__name__)

PAGES = ("loading", "onboarding", "locked", "panel")
NOT_READ = QT_TRANSLATE_NOOP("WalletViewModel", "The wallet could not be read. Try again in a moment.")
NOT_UNLOCKED = QT_TRANSLATE_NOOP("WalletViewModel", "The wallet could not be unlocked. Try again.")
KEYSTORE_NOT_SAVED = QT_TRANSLATE_NOOP(
    "WalletViewModel", "The keystore could not be saved there. Choose another folder."
)
NEW_ACCOUNT_NOTE = QT_TRANSLATE_NOOP("WalletViewModel", "Unlock the new account with the password you just set.")
LOCKED = QT_TRANSLATE_NOOP("WalletViewModel", "Locked.")
IDLE_LOCKED = QT_TRANSLATE_NOOP("WalletViewModel", "Locked automatically after a while without use ({time}).")
REMOVED = QT_TRANSLATE_NOOP("WalletViewModel", "The account was removed.")
EXPORTED = QT_TRANSLATE_NOOP("WalletViewModel", "Saved {file}. It is still encrypted with this wallet's password.")


class WalletViewModel(ViewModel):
    page = observable("loading")  # one of PAGES
    accounts = observable([])  # WalletAccount, as stored
    address = observable("")  # the account shown (unlocked) or offered (locked)
    overview = observable(None)  # app.chain.service.Overview of the unlocked account, once read
    network = observable(None)  # the network in use, as far as the page knows it
    mints = observable([])  # this account's mints and payouts (not read at a kiosk: its Activity is hidden)
    pending_mint = observable(None)  # a token draft waiting for a wallet to mint it
    error = observable(None)  # Notice (or a (message, details, severity) tuple) about the unlocked wallet
    unlock_error = observable(None)  # Notice: the last unlock failed
    unlocking = observable(False)
    lock_note = observable("")  # Words (or plain text): why the wallet is locked, or what to do next
    faucet_busy = observable(False)

    sig_mint = Signal(object, str)  # a token draft and the unlocked address: the app opens the mint dialog
    sig_unlocked = Signal(str)  # the address just unlocked
    sig_reconciled = Signal(object)  # the outbox's records once an earlier session's leftovers are settled

    def __init__(self, service, *, feed=None, show_activity: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service  # the dialogs (mint, send, account) take it from here for their own one-shot flows
        self.show_activity = show_activity
        self._reconciled = False
        self._reading = False  # an overview read is on its way
        self._read_again = False  # something changed meanwhile: read once more when it answers
        feed = feed if feed is not None else getattr(service, "changes", None)
        self.relay = ChangeRelay(feed, self) if feed is not None else None
        if self.relay is not None:
            self.relay.changed.connect(self._on_change)

    # --- accounts and the lock -------------------------------------------------------------------------

    def start(self) -> None:
        """Load the accounts (after the first paint: it imports eth-account on the worker thread). The first time,
        also settle whatever an earlier session left signed: that needs no password, since it never signs."""
        deliver(self.service.accounts(), self._on_accounts, self._on_error, self)
        if not self._reconciled:
            self._reconciled = True
            deliver(self.service.reconcile(), self._on_reconciled, lambda _e: None, self)

    def _on_reconciled(self, records) -> None:
        self.sig_reconciled.emit(records)
        if self.overview is not None and self.show_activity:
            self._on_mints(records)

    def _on_accounts(self, accounts) -> None:
        self.accounts = list(accounts)
        if not self.accounts:
            self.page = "onboarding"
            return
        unlocked = self.service.unlocked_address()
        if unlocked:
            self._show_panel(unlocked)
            return
        known = [a.address for a in self.accounts]
        self.address = self.address if self.address in known else known[0]
        self.page = "locked"

    def _show_panel(self, address: str) -> None:
        self.address = address
        self.page = "panel"
        self.refresh_overview()

    def account_added(self, account) -> None:
        """A dialog created or imported `account`: offer it for unlocking."""
        self.address = account.address
        self.lock_note = words(NEW_ACCOUNT_NOTE)
        self.start()

    def choose_account(self, address: str) -> None:
        self.address = address or ""
        self.unlock_error = None

    def unlock(self, password: str) -> None:
        if not self.address or self.unlocking:
            return
        self.unlocking = True
        self.unlock_error = None
        deliver(self.service.unlock(self.address, password), self._on_unlocked, self._on_unlock_failed, self)

    def _on_unlocked(self, address: str) -> None:
        self.unlocking = False
        self.lock_note = ""
        self._show_panel(address)
        self.sig_unlocked.emit(address)
        self._hand_on_pending(address)

    def _on_unlock_failed(self, error: BaseException) -> None:
        self.unlocking = False
        self.unlock_error = notice_for(error, words(NOT_UNLOCKED))

    def lock(self, note: Words | str | None = None) -> None:
        note = words(LOCKED) if note is None else note
        deliver(self.service.lock(), lambda _r: None, lambda _e: None, self)
        self.lock_note = note
        self.overview = None
        self.start()

    def check_idle(self) -> None:
        """Lock the page too once the session locked itself after a while without use."""
        if self.page == "panel" and self.service.unlocked_address() is None:
            self.lock(words(IDLE_LOCKED, at=time.time()))

    def touch(self) -> None:
        """The person did something: the session's idle clock starts again."""
        self.service.touch()

    def rename(self, name: str) -> None:
        deliver(self.service.rename(self.address, name), self._after_rename, self._on_error, self)

    def _after_rename(self, account) -> None:
        self.accounts = [account if a.address == account.address else a for a in self.accounts]

    def remove(self) -> None:
        deliver(self.service.remove(self.address), lambda _path: self._after_remove(), self._on_error, self)

    def _after_remove(self) -> None:
        self.address = ""
        self.overview = None
        self.lock_note = words(REMOVED)
        self.start()

    def account(self):
        """The account shown, or None."""
        return next((a for a in self.accounts if a.address == self.address), None)

    # --- the unlocked wallet ---------------------------------------------------------------------------

    def refresh_overview(self) -> None:
        """Read the balance, the network and (not at a kiosk) the activity again."""
        if not self.address or self.page != "panel":
            return
        if self._reading:
            self._read_again = True
            return
        self._reading, self._read_again = True, False
        deliver(self.service.overview(self.address), self._on_overview, self._on_overview_failed, self)
        if self.show_activity:  # at a kiosk its Activity is hidden: no rows are read for it, visitor after visitor
            deliver(self.service.mints(), self._on_mints, lambda _e: None, self)

    def _on_overview(self, overview) -> None:
        self._read_done()
        if overview.address != self.address:
            return  # another account was shown meanwhile
        self.overview = overview
        self.network = overview.network
        self.error = None

    def _on_overview_failed(self, error: BaseException) -> None:
        self._read_done()
        self._on_error(error)

    def _read_done(self) -> None:
        self._reading = False
        if self._read_again:
            self.refresh_overview()

    def _on_mints(self, mints) -> None:
        self.mints = [m for m in mints if m.sender == self.address]

    def use_network(self, network) -> None:
        """The network setting changed: say so at once, then ask the new node."""
        self.overview = None
        self.network = network
        self.refresh_overview()

    def faucet(self) -> None:
        self.faucet_busy = True
        deliver(self.service.faucet(self.address), self._after_faucet, self._after_faucet_error, self)

    def _after_faucet(self, _result) -> None:
        self.faucet_busy = False
        self.refresh_overview()

    def _after_faucet_error(self, error: BaseException) -> None:
        self.faucet_busy = False
        self._on_error(error)

    def export_keystore(self, path: Path) -> None:
        """Save the account's keystore file, still encrypted, exactly as stored; `error` says how it went."""
        path = Path(path)

        def write(text: str) -> None:
            run_in_background(lambda: atomic_write_text(path, text), saved, not_saved, self, executor="disk")

        def saved(_result) -> None:
            self.error = Notice(words(EXPORTED, file=path.name), "", "info")

        def not_saved(error: BaseException) -> None:
            self.error = Notice(words(KEYSTORE_NOT_SAVED), str(error), "error")

        deliver(self.service.export_keystore(self.address), write, self._on_error, self)

    def _on_error(self, error: BaseException) -> None:
        self.error = notice_for(error, words(NOT_READ))

    # --- a mint waiting for a wallet -------------------------------------------------------------------

    def request_mint(self, draft) -> None:
        """Mint `draft` from the unlocked wallet now (`sig_mint`), or keep it waiting through setting up a wallet
        and unlocking it."""
        self.pending_mint = draft
        address = self.service.unlocked_address()
        if address is not None:
            self._hand_on_pending(address)
            return
        self.start()

    def dismiss_pending(self) -> None:
        """The person decided not to mint it now; Mint on Kaia asks again."""
        self.pending_mint = None

    def pending_text(self) -> str:
        """What the page says about the waiting mint ("" when none waits)."""
        if self.pending_mint is None:
            return ""
        name = str(self.pending_mint.metadata.get("name", ""))
        if not name:
            name = translate("WalletViewModel", "your design")
        if not self.accounts:
            return translate("WalletViewModel", "Set up a wallet to mint “{name}”; your token is waiting.").format(
                name=name
            )
        return translate("WalletViewModel", "Unlock your wallet to mint “{name}”; your token is waiting.").format(
            name=name
        )

    def _hand_on_pending(self, address: str) -> None:
        draft = self.pending_mint
        self.pending_mint = None
        if draft is not None:
            self.sig_mint.emit(draft, address)

    # --- the change feed -------------------------------------------------------------------------------

    def _on_change(self, change) -> None:
        if isinstance(change, TokenMinted):
            self.refresh_overview()
        elif isinstance(change, WalletChanged):
            if change.what in ("balance", "activity"):
                self.refresh_overview()
            elif change.what == "accounts" and self.page in ("onboarding", "locked"):
                self.start()  # e.g. an account added by another front end
            elif change.what == "lock":
                unlocked = self.service.unlocked_address()
                if (self.page == "panel") != bool(unlocked) and self.page != "loading" and not self.unlocking:
                    self.start()  # locked or unlocked elsewhere (another front end, the idle lock)
