"""Kaia accounts kept as Web3 Secret Storage v3 keystore files (scrypt); app.chain.session keeps one unlocked.

The wallet folder holds:
    <checksum-address>.json   one encrypted keystore per account, written atomically (mode 0600, from mkstemp)
    accounts.json             the index: each account's name, when and how it was added (app.chain.wallet_index)
    removed/                  keystores of removed accounts, still encrypted, so support can undo a removal

A private key is unencrypted only in memory, inside an UnlockedAccount, and never in a repr, a log line, an
exception message, an exception chain or "details". eth-account's own errors can quote what they were given (a
mnemonic, a key), so every failure around a secret is re-raised outside the `except` block, or `from None`, with a
message written here.

Every WalletStore method reads or writes files, and unlocking or adding an account runs scrypt (about a second at
the default n), so callers run them off the UI thread. Opening and checking the secrets themselves is in
app.chain.keystore_format.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eth_utils import is_hex_address, to_checksum_address

from app.chain import messages as msgs
from app.chain.keystore_format import (
    PRIVATE_KEY,
    checked_phrase,
    decrypt,
    eth_account,
    parse_keystore,
    read_keystore_file,
    signer_from_hex,
)
from app.chain.networks import KAIA_PATH
from app.chain.passwords import password_problem
from app.chain.user_input import ACCOUNT_NAME, InputError, checked_path, one_line, text_problem
from app.chain.wallet_errors import (
    LOCKED,
    AccountNotFoundError,
    DuplicateAccountError,
    InvalidSecretError,
    KeystoreDamagedError,
    PasswordRejectedError,
    WalletError,
    WalletLockedError,
)
from app.chain.wallet_index import MAX_NAME_LENGTH, Source, WalletAccount, read_index, write_index
from app.fsutil import _fsync_dir, atomic_write_text

if TYPE_CHECKING:
    from eth_account.datastructures import SignedTransaction
    from eth_account.signers.local import LocalAccount

log = logging.getLogger(__name__)

DEFAULT_KDF_N = 262144  # geth's "standard" scrypt cost: about a second per unlock on a laptop
REMOVED_DIR = "removed"

_KEYSTORE_NAME = re.compile(r"^0x[0-9a-fA-F]{40}\.json$")


class UnlockedAccount:
    """One decrypted account. Its repr shows only the address; `lock()` drops the key."""

    __slots__ = ("address", "_signer")

    def __init__(self, address: str, signer: LocalAccount) -> None:
        self.address = address
        self._signer: LocalAccount | None = signer

    @property
    def locked(self) -> bool:
        return self._signer is None

    def lock(self) -> None:
        # Best effort: Python cannot wipe the bytes, but once the last reference goes they are freed.
        self._signer = None

    def sign_transaction(self, tx: Mapping[str, Any]) -> SignedTransaction:
        signer = self._signer
        if signer is None:
            raise WalletLockedError(LOCKED())
        try:
            return signer.sign_transaction(dict(tx))
        except Exception as exc:  # noqa: BLE001 - reported below, outside this block, so no chain holds the signer
            failure = f"{type(exc).__name__}: {exc}"
        raise WalletError(
            msgs.SIGN_FAILED(),
            details=failure,
        )

    def __repr__(self) -> str:
        return f"UnlockedAccount({self.address}, {'locked' if self.locked else 'unlocked'})"

    def __reduce__(self) -> Any:
        # No pickling or copying: a copy would be a second key in memory that lock() cannot reach.
        raise TypeError("An unlocked account cannot be copied or pickled.")


class WalletStore:
    """The accounts in one folder. Every method may be slow (files, scrypt): call them off the UI thread.

    One store per folder per process: a lock keeps its own threads from interleaving index updates, but two
    processes writing the same folder at once are not guarded against.
    """

    def __init__(self, folder: Path, kdf_n: int = DEFAULT_KDF_N) -> None:
        self.folder = Path(folder)
        self.kdf_n = kdf_n
        self._lock = threading.RLock()
        self._problems: list[str] = []  # found by the latest _load(), gone once fixed
        self._notices: list[str] = []  # what a _load() repaired (a rebuilt index): kept for this store's life

    def __repr__(self) -> str:
        return f"WalletStore({str(self.folder)!r})"

    # -- reading ---------------------------------------------------------------------------------------------

    def accounts(self) -> list[WalletAccount]:
        """The accounts whose keystore file is present, in the order they were added."""
        with self._lock:
            return [a for a in self._load() if self._keystore_path(a.address).is_file()]

    def account(self, address: str) -> WalletAccount:
        address = _checksum(address)
        for entry in self.accounts():
            if entry.address == address:
                return entry
        raise AccountNotFoundError(msgs.ACCOUNT_NOT_FOUND(address=address))

    def problems(self) -> list[str]:
        """What was repaired or is still wrong in the folder (a rebuilt index, a left-out file), in plain words."""
        with self._lock:
            self._load()
            return [*self._notices, *self._problems]

    def export_keystore(self, address: str) -> str:
        """The keystore JSON exactly as stored: still encrypted, for a backup or another wallet app."""
        entry = self.account(address)
        text, _data = self._read_keystore(entry.address)
        return text

    # -- adding ----------------------------------------------------------------------------------------------

    def create(self, name: str, password: str) -> WalletAccount:
        """A new account with a fresh random key."""
        _require_name(name)
        _require_new_password(password)
        signer = eth_account().create()
        keystore = eth_account().encrypt(signer.key, password, kdf="scrypt", iterations=self.kdf_n)
        return self._add(name, signer.address, json.dumps(keystore, indent=2), "created", None)

    def import_private_key(self, name: str, key_hex: str, password: str) -> WalletAccount:
        _require_name(name)
        _require_new_password(password)
        signer = signer_from_hex(key_hex)
        self._refuse_duplicate(signer.address)  # before a second of scrypt, not after
        keystore = eth_account().encrypt(signer.key, password, kdf="scrypt", iterations=self.kdf_n)
        return self._add(name, signer.address, json.dumps(keystore, indent=2), "private-key", None)

    def import_keystore(self, name: str, keystore_json_text: str, password: str) -> WalletAccount:
        """A keystore file from another wallet app, stored as given once `password` opens it (its own kdf)."""
        _require_name(name)
        text = keystore_json_text.lstrip("\ufeff") if isinstance(keystore_json_text, str) else ""  # a Windows BOM
        if PRIVATE_KEY.match(text.strip()):
            raise InvalidSecretError(msgs.KEYSTORE_IS_PRIVATE_KEY())
        data = parse_keystore(text)
        if data.get("address") is not None:
            self._refuse_duplicate(_checksum(data["address"]))
        signer = decrypt(data, password)
        claimed = data.get("address")
        if claimed is not None and _checksum(claimed) != signer.address:
            raise InvalidSecretError(msgs.KEYSTORE_ADDRESS_MISMATCH())
        return self._add(name, signer.address, text, "keystore", None)

    def import_keystore_file(self, name: str, path: Path | str, password: str) -> WalletAccount:
        """import_keystore from a file (a UTC--… file saved by geth, MetaMask or another wallet app)."""
        return self.import_keystore(name, self.keystore_file_text(path), password)

    def keystore_file_text(self, path: Path | str) -> str:
        """The text of a keystore file to import, once it passed the checks (size, UTF-8, nesting, a v3 keystore);
        InvalidSecretError in plain words otherwise."""
        try:
            text, _data = read_keystore_file(Path(path), stored=False)
        except InvalidSecretError:
            raise
        except (OSError, ValueError) as exc:  # ValueError: a path holding a NUL
            failure = f"{type(exc).__name__}: {exc}"
        else:
            return text
        raise InvalidSecretError(
            msgs.KEYSTORE_UNREADABLE(),
            details=failure,
        )

    def import_mnemonic(
        self, name: str, words: str | Sequence[str], password: str, path: str = KAIA_PATH
    ) -> WalletAccount:
        """The account at `path` of a BIP-39 recovery phrase. The phrase itself is not stored."""
        _require_name(name)
        _require_new_password(password)
        try:
            path = checked_path(path)
        except InputError as exc:
            raise WalletError(exc.msg) from None
        phrase = checked_phrase(words)
        account_cls = eth_account()
        account_cls.enable_unaudited_hdwallet_features()  # eth-account's BIP-32/39 code is opt-in
        try:
            signer = account_cls.from_mnemonic(phrase, account_path=path)
        except Exception as exc:  # noqa: BLE001 - its message may quote the phrase, so neither text nor chain
            failure = type(exc).__name__
        else:
            self._refuse_duplicate(signer.address)
            keystore = account_cls.encrypt(signer.key, password, kdf="scrypt", iterations=self.kdf_n)
            return self._add(name, signer.address, json.dumps(keystore, indent=2), "mnemonic", path)
        raise InvalidSecretError(
            msgs.PHRASE_NO_ACCOUNT(),
            details=failure,
        )

    # -- using -----------------------------------------------------------------------------------------------

    def unlock(self, address: str, password: str) -> UnlockedAccount:
        """Decrypt the account's key (scrypt: about a second at the default n)."""
        entry = self.account(address)
        _text, data = self._read_keystore(entry.address)
        signer = decrypt(data, password)
        if signer.address != entry.address:
            raise KeystoreDamagedError(
                msgs.KEYSTORE_HOLDS_OTHER(address=entry.address, held=signer.address),
                details=str(self._keystore_path(entry.address)),
            )
        log.info("Wallet account %s unlocked", entry.address)
        return UnlockedAccount(entry.address, signer)

    # -- changing --------------------------------------------------------------------------------------------

    def rename(self, address: str, name: str) -> WalletAccount:
        _require_name(name)
        with self._lock:
            entry = self.account(address)
            entries = self._load()
            others = [e for e in entries if e.address != entry.address]
            renamed = replace(entry, name=_name_or_default(name, others))
            write_index(self.folder, [renamed if e.address == entry.address else e for e in entries])
            return renamed

    def remove(self, address: str) -> Path:
        """Move the keystore, still encrypted, into removed/ and drop the account from the index.

        Returns where the keystore went, so support can put it back."""
        with self._lock:
            entry = self.account(address)
            removed = self.folder / REMOVED_DIR
            removed.mkdir(mode=0o700, exist_ok=True)
            stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
            target = removed / f"{entry.address}-{stamp}.json"
            counter = 2
            while target.exists():
                target = removed / f"{entry.address}-{stamp}-{counter}.json"
                counter += 1
            # Move first: a crash before the index is written leaves an entry whose keystore is in removed/, which
            # _load() drops, rather than a keystore that would come back as a "recovered" account.
            os.replace(self._keystore_path(entry.address), target)
            _fsync_dir(removed)
            _fsync_dir(self.folder)
            write_index(self.folder, [e for e in self._load() if e.address != entry.address])
            log.info("Wallet account %s removed; its keystore is in %s", entry.address, target)
            return target

    # -- internals -------------------------------------------------------------------------------------------

    def _refuse_duplicate(self, address: str, entries: list[WalletAccount] | None = None) -> None:
        with self._lock:
            if entries is None:
                entries = self._load()
            present = next((e for e in entries if e.address == address), None)
        if present is not None and self._keystore_path(address).is_file():
            raise DuplicateAccountError(msgs.ACCOUNT_DUPLICATE(address=address, name=present.name))

    def _add(self, name: str, address: str, keystore_text: str, source: Source, path: str | None) -> WalletAccount:
        with self._lock:
            entries = self._load()
            self._refuse_duplicate(address, entries)
            entries = [e for e in entries if e.address != address]  # an entry whose file went missing is replaced
            account = WalletAccount(address, _name_or_default(name, entries), time.time(), source, path)
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Keystore before index: a crash in between leaves a file that the next _load() adopts.
            atomic_write_text(self._keystore_path(address), keystore_text)
            write_index(self.folder, [*entries, account])
            log.info("Wallet account %s added (%s)", address, source)
            return account

    def _keystore_path(self, address: str) -> Path:
        return self.folder / f"{address}.json"

    def _read_keystore(self, address: str) -> tuple[str, dict[str, Any]]:
        path = self._keystore_path(address)
        try:
            text, data = read_keystore_file(path, address)
        except FileNotFoundError:
            raise KeystoreDamagedError(
                msgs.KEYSTORE_MISSING(address=address, folder=self.folder),
                details=str(path),
            ) from None
        except OSError as exc:
            raise KeystoreDamagedError(
                msgs.KEYSTORE_FILE_UNREADABLE(address=address),
                details=f"{path}: {type(exc).__name__}: {exc}",
            ) from None
        claimed = data.get("address")
        if claimed is not None and _checksum(claimed) != address:
            raise KeystoreDamagedError(
                msgs.KEYSTORE_CLAIMS_OTHER(address=address, claimed=_checksum(claimed)),
                details=str(path),
            )
        return text, data

    def _load(self) -> list[WalletAccount]:
        """The index, rebuilt or completed from the keystore files present when a crash left it behind."""
        problems: list[str] = []
        entries = read_index(self.folder, self._notice)
        changed = False
        if entries is None:
            entries, changed = [], True
        listed = {e.address for e in entries}
        adopted = 0
        for address, file in self._keystore_files():
            if address in listed:
                continue
            problem = _file_problem(address, file)
            if problem:
                problems.append(problem)
                continue
            entries.append(WalletAccount(address, _name_or_default("", entries), _mtime(file), "recovered"))
            adopted += 1
        if adopted:
            self._notice(str(msgs.ACCOUNTS_RECOVERED(adopted=adopted)))
        removed_midway = [e for e in entries if self._removed_midway(e.address)]
        entries = [e for e in entries if e not in removed_midway]
        for entry in entries:
            if not self._keystore_path(entry.address).is_file():
                problems.append(
                    str(msgs.LISTED_KEYSTORE_MISSING(name=entry.name, address=entry.address, folder=self.folder))
                )
        if (changed and entries) or adopted or removed_midway:
            try:
                write_index(self.folder, entries)
            except OSError as exc:
                log.warning("Wallet: the rebuilt account list could not be saved (%s)", exc)
        for problem in problems:
            if problem not in self._problems:  # once, not on every look at the folder
                log.warning("Wallet: %s", problem)
        self._problems = problems
        return entries

    def _notice(self, text: str) -> None:
        log.warning("Wallet: %s", text)
        if text not in self._notices:
            self._notices.append(text)

    def _removed_midway(self, address: str) -> bool:
        """Whether a remove() moved this account's keystore away but did not get to update the index."""
        if self._keystore_path(address).is_file():
            return False
        return any((self.folder / REMOVED_DIR).glob(f"{address}-*.json"))

    def _keystore_files(self) -> list[tuple[str, Path]]:
        if not self.folder.is_dir():
            return []
        found = []
        for file in sorted(self.folder.iterdir(), key=_mtime):  # oldest first: it becomes "Account 1"
            # Only files named the way this store names them; anything else in the folder is not ours.
            if _KEYSTORE_NAME.match(file.name) and file.is_file() and file.stem == to_checksum_address(file.stem):
                found.append((file.stem, file))
        return found


def _checksum(address: str) -> str:
    text = address.strip() if isinstance(address, str) else ""
    if not text.lower().startswith("0x"):
        text = "0x" + text  # keystore files store the address without 0x
    if not is_hex_address(text):
        # Not quoted: whatever was pasted in the wrong box (a private key?) must not reach a message.
        raise AccountNotFoundError(msgs.ACCOUNT_ADDRESS_FORMAT())
    return to_checksum_address(text)


def _require_new_password(password: str) -> None:
    if not isinstance(password, str):
        raise TypeError(f"A password is a str, not {type(password).__name__}")
    problem = password_problem(password, password)  # the confirmation was checked where it was typed
    if problem:
        raise PasswordRejectedError(problem)


def _require_name(name: str) -> None:
    """Before any slow work: a name with hidden characters or too long is refused (an empty one gets a default)."""
    problem = text_problem(name or "", ACCOUNT_NAME(), MAX_NAME_LENGTH)
    if problem:
        raise WalletError(problem)


def _name_or_default(name: str, others: Sequence[WalletAccount]) -> str:
    _require_name(name)
    name = one_line(name or "")  # line breaks and runs of spaces become one space
    if name:
        return name
    taken = {o.name.casefold() for o in others}
    number = len(others) + 1
    while f"account {number}" in taken:
        number += 1
    return f"Account {number}"


def _file_problem(address: str, file: Path) -> str | None:
    """Why a keystore file found without an index entry cannot be listed; None when it can."""
    try:
        _text, data = read_keystore_file(file)
    except (OSError, WalletError):
        return str(msgs.UNLISTED_KEYSTORE_DAMAGED(name=file.name))
    claimed = data.get("address")
    if claimed is not None and _checksum(claimed) != address:
        return str(msgs.UNLISTED_KEYSTORE_OTHER_ACCOUNT(name=file.name, claimed=_checksum(claimed)))
    return None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
