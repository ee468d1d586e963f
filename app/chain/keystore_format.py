"""The secrets a person brings, checked and opened: Web3 Secret Storage v3 keystore files, private keys and BIP-39
recovery phrases. What is wrong is said without quoting the secret; eth-account's own errors can quote it, so they are
replaced by messages written here, outside the `except` block.

eth-account is imported on first use: importing it takes about a second, which the app's start should not pay.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eth_utils import is_hex_address

from app import safejson
from app.chain.wallet_errors import WRONG_PASSWORD, InvalidSecretError, KeystoreDamagedError, WrongPasswordError

if TYPE_CHECKING:
    from eth_account.signers.local import LocalAccount

_HEX = re.compile(r"^(0x)?([0-9a-fA-F]{2})*$")
PRIVATE_KEY = re.compile(r"^(0x)?[0-9a-fA-F]{64}$")
_MNEMONIC_WORD_COUNTS = (12, 15, 18, 21, 24)
# A v3 keystore is under 1 KB (geth's) to a few KB (with extra fields); a larger "keystore" is something else, and
# reading or parsing it whole would only cost memory.
MAX_KEYSTORE_BYTES = 1024 * 1024


def eth_account() -> Any:
    from eth_account import Account

    return Account


def signer_from_hex(key_hex: str) -> LocalAccount:
    text = key_hex.strip() if isinstance(key_hex, str) else ""
    if not PRIVATE_KEY.match(text):
        raise InvalidSecretError(
            "A private key is 64 hexadecimal characters (0-9 and a-f), with or without 0x in front. Check that "
            "all of it was copied."
        )
    try:
        return eth_account().from_key(text)
    except Exception:  # noqa: BLE001 - the error text quotes the key
        pass
    raise InvalidSecretError("This is not a valid private key (it is outside the range keys can have).")


def parse_keystore(
    source: str | bytes, path: Path | None = None, address: str = "", *, stored: bool | None = None
) -> dict[str, Any]:
    """The keystore's JSON with lower-case keys (old geth files say "Crypto"), read through app.safejson (size,
    nesting and UTF-8 checked first). What is wrong is said without quoting the text: KeystoreDamagedError for a
    file the wallet stores (`stored`, by default when `path` is given), InvalidSecretError for one being imported."""
    if stored is None:
        stored = path is not None
    if stored:
        name = address or (path.stem if path is not None else "this account")
        error, opening = KeystoreDamagedError, f"The keystore file for {name} is damaged"
        next_step = "Restore it from a backup."
    else:
        error, opening = InvalidSecretError, "This is not a usable keystore file"
        next_step = "Export it again from the wallet app it came from."
    details = str(path or "")
    try:
        data = _lower_keys(safejson.loads(source, "the keystore file", max_bytes=MAX_KEYSTORE_BYTES))
    except safejson.BadJSON as exc:
        reason = "it " + exc.problem.rstrip(".")
        details = f"{details}: {exc.details}" if details and exc.details else details or exc.details
    else:
        reason = _v3_problem(data)
    if reason:
        raise error(f"{opening}: {reason}. {next_step}", details=details)
    return data


def read_keystore_file(path: Path, address: str = "", *, stored: bool = True) -> tuple[str, dict[str, Any]]:
    """A keystore file's text (as stored: what an export hands out) and its parsed JSON. At most
    MAX_KEYSTORE_BYTES are read, so a huge file costs nothing. OSError (missing, unreadable) passes through."""
    with open(path, "rb") as fh:
        raw = fh.read(MAX_KEYSTORE_BYTES + 1)
    data = parse_keystore(raw, path, address, stored=stored)
    return raw.decode("utf-8-sig"), data  # parse_keystore has decoded it once already: it is UTF-8


def _v3_problem(data: Any) -> str | None:
    if not isinstance(data, dict):
        return "it is not a JSON object"
    if data.get("version") == 4:
        return "it is a version 4 (validator) keystore; Kaia accounts use version 3"
    if data.get("version") != 3:
        return "it is not a version 3 keystore"
    crypto = data.get("crypto")
    if not isinstance(crypto, dict):
        return "its “crypto” section is missing"
    if crypto.get("cipher") != "aes-128-ctr":
        return "it uses a cipher other than aes-128-ctr"
    cipherparams = crypto.get("cipherparams")
    iv = cipherparams.get("iv") if isinstance(cipherparams, dict) else None
    if not _hex_of(iv, 16) or not _hex_of(crypto.get("ciphertext"), 32) or not _hex_of(crypto.get("mac"), 32):
        return "its iv, ciphertext or mac is missing or not hexadecimal"
    claimed = data.get("address")
    if claimed is not None and not (isinstance(claimed, str) and is_hex_address(_0x(claimed))):
        return "its address is not an address"
    params = crypto.get("kdfparams")
    if not isinstance(params, dict) or not _hex_of(params.get("salt")) or not _int_in(params.get("dklen"), 32, 64):
        return "its key-derivation settings are missing"
    if crypto.get("kdf") == "scrypt":
        n, r, p = params.get("n"), params.get("r"), params.get("p")
        if not (_int_in(n, 2, 2**20) and n & (n - 1) == 0 and _int_in(r, 1, 32) and _int_in(p, 1, 16)):
            return "its scrypt settings are invalid or too costly to open"  # caps: a file must not take hours
        if 128 * n * r > 2**30 or n * r * p > 2**23:
            return "its scrypt settings are too costly to open"
    elif crypto.get("kdf") == "pbkdf2":
        if params.get("prf") != "hmac-sha256" or not _int_in(params.get("c"), 1, 10_000_000):
            return "its pbkdf2 settings are invalid or too costly to open"
    else:
        return "it uses a key-derivation function other than scrypt or pbkdf2"
    return None


def decrypt(data: dict[str, Any], password: str) -> LocalAccount:
    """Open the keystore with `password` as typed, then (only if it differs) with its NFKC form: ethers v6, and so
    MetaMask, normalise passwords with NFKC before scrypt, so a keystore made there with a password holding
    full-width letters or Hangul jamo opens only with the normalised bytes. Each try costs one scrypt."""
    from eth_keyfile.exceptions import EthKeyfileValueError

    if not isinstance(password, str):
        raise TypeError(f"A password is a str, not {type(password).__name__}")
    account_cls = eth_account()
    failure = None
    candidates = [password]
    normalised = unicodedata.normalize("NFKC", password)
    if normalised != password:
        candidates.append(normalised)
    for candidate in candidates:
        try:
            return account_cls.from_key(account_cls.decrypt(data, candidate))
        except EthKeyfileValueError:
            continue  # after _v3_problem's checks, eth-keyfile's only ValueError is "MAC mismatch"
        except Exception as exc:  # noqa: BLE001 - described below, outside this block, by type only
            failure = type(exc).__name__
            break
    if failure is None:
        raise WrongPasswordError(WRONG_PASSWORD)
    raise KeystoreDamagedError(
        "This keystore file could not be opened even though it looks complete. Restore it from a backup.",
        details=failure,
    )


@functools.cache
def _wordlists() -> dict[str, frozenset[str]]:
    from eth_account.hdaccount.mnemonic import Mnemonic
    from eth_account.types import Language

    return {lang: frozenset(Mnemonic(Language(lang)).wordlist) for lang in Mnemonic.list_languages()}


def checked_phrase(words: str | Sequence[str]) -> str:
    """The phrase normalized as BIP-39 wants it; InvalidSecretError naming the problem (by position, never the
    word: even one word of a phrase should not reach a log)."""
    text = words if isinstance(words, str) else " ".join(words)
    items = unicodedata.normalize("NFKD", text).lower().split()
    if len(items) not in _MNEMONIC_WORD_COUNTS:
        raise InvalidSecretError(
            f"A recovery phrase has 12, 15, 18, 21 or 24 words; this one has {len(items)}. Check that none is missing."
        )
    lists = _wordlists()
    every = frozenset().union(*lists.values())
    for position, word in enumerate(items, start=1):
        if word not in every:
            raise InvalidSecretError(
                f"Word {position} is not a BIP-39 recovery-phrase word. Check its spelling against your backup."
            )
    languages = [lang for lang, wordlist in lists.items() if all(w in wordlist for w in items)]
    if not languages:
        raise InvalidSecretError(
            "The words come from more than one language's word list. Check them against your backup."
        )
    from eth_account.hdaccount.mnemonic import Mnemonic
    from eth_account.types import Language

    phrase = " ".join(items)
    if not any(Mnemonic(Language(lang)).is_mnemonic_valid(phrase) for lang in languages):
        raise InvalidSecretError(
            "These words are all BIP-39 words, but not a valid recovery phrase (its checksum does not match): a "
            "word is probably wrong or out of order. Check them against your backup."
        )
    return phrase


def _lower_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k.lower() if isinstance(k, str) else k: _lower_keys(v) for k, v in value.items()}
    return value


def _hex_of(value: Any, size: int | None = None) -> bool:
    if not isinstance(value, str) or not value or not _HEX.match(value):
        return False
    return size is None or len(value.removeprefix("0x")) == 2 * size


def _int_in(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _0x(text: str) -> str:
    return text if text.lower().startswith("0x") else "0x" + text
