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
from app.chain import messages as msgs
from app.chain.wallet_errors import WRONG_PASSWORD, InvalidSecretError, KeystoreDamagedError, WrongPasswordError
from app.messages import Message, Msg

if TYPE_CHECKING:
    from eth_account.signers.local import LocalAccount

THIS_ACCOUNT = Msg("wallet.this_account", "this account")  # a keystore read from text, with no address to name it
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
        raise InvalidSecretError(msgs.PRIVATE_KEY_FORMAT())
    try:
        return eth_account().from_key(text)
    except Exception:  # noqa: BLE001 - the error text quotes the key
        pass
    raise InvalidSecretError(msgs.PRIVATE_KEY_OUT_OF_RANGE())


def parse_keystore(
    source: str | bytes, path: Path | None = None, address: str = "", *, stored: bool | None = None
) -> dict[str, Any]:
    """The keystore's JSON with lower-case keys (old geth files say "Crypto"), read through app.safejson (size,
    nesting and UTF-8 checked first). What is wrong is said without quoting the text: KeystoreDamagedError for a
    file the wallet stores (`stored`, by default when `path` is given), InvalidSecretError for one being imported."""
    if stored is None:
        stored = path is not None
    if stored:
        name = address or (path.stem if path is not None else THIS_ACCOUNT())
        error, opening = KeystoreDamagedError, msgs.KEYSTORE_DAMAGED_OPENING(name=name)
        next_step = msgs.RESTORE_FROM_BACKUP()
    else:
        error, opening = InvalidSecretError, msgs.KEYSTORE_UNUSABLE_OPENING()
        next_step = msgs.EXPORT_AGAIN()
    details = str(path or "")
    try:
        data = _lower_keys(safejson.loads(source, safejson.KEYSTORE_FILE(), max_bytes=MAX_KEYSTORE_BYTES))
    except safejson.BadJSON as exc:
        reason = msgs.KEYSTORE_JSON_PROBLEM(problem=safejson.problem_clause(exc))
        details = f"{details}: {exc.details}" if details and exc.details else details or exc.details
    else:
        reason = _v3_problem(data)
    if reason:
        raise error(msgs.KEYSTORE_PROBLEM(opening=opening, reason=reason, next_step=next_step), details=details)
    return data


def read_keystore_file(path: Path, address: str = "", *, stored: bool = True) -> tuple[str, dict[str, Any]]:
    """A keystore file's text (as stored: what an export hands out) and its parsed JSON. At most
    MAX_KEYSTORE_BYTES are read, so a huge file costs nothing. OSError (missing, unreadable) passes through."""
    with open(path, "rb") as fh:
        raw = fh.read(MAX_KEYSTORE_BYTES + 1)
    data = parse_keystore(raw, path, address, stored=stored)
    return raw.decode("utf-8-sig"), data  # parse_keystore has decoded it once already: it is UTF-8


def _v3_problem(data: Any) -> Message | None:
    if not isinstance(data, dict):
        return msgs.KEYSTORE_NOT_OBJECT()
    if data.get("version") == 4:
        return msgs.KEYSTORE_VERSION_4()
    if data.get("version") != 3:
        return msgs.KEYSTORE_NOT_VERSION_3()
    crypto = data.get("crypto")
    if not isinstance(crypto, dict):
        return msgs.KEYSTORE_NO_CRYPTO()
    if crypto.get("cipher") != "aes-128-ctr":
        return msgs.KEYSTORE_OTHER_CIPHER()
    cipherparams = crypto.get("cipherparams")
    iv = cipherparams.get("iv") if isinstance(cipherparams, dict) else None
    if not _hex_of(iv, 16) or not _hex_of(crypto.get("ciphertext"), 32) or not _hex_of(crypto.get("mac"), 32):
        return msgs.KEYSTORE_BAD_CIPHER_FIELDS()
    claimed = data.get("address")
    if claimed is not None and not (isinstance(claimed, str) and is_hex_address(_0x(claimed))):
        return msgs.KEYSTORE_BAD_ADDRESS()
    params = crypto.get("kdfparams")
    if not isinstance(params, dict) or not _hex_of(params.get("salt")) or not _int_in(params.get("dklen"), 32, 64):
        return msgs.KEYSTORE_NO_KDF_SETTINGS()
    if crypto.get("kdf") == "scrypt":
        n, r, p = params.get("n"), params.get("r"), params.get("p")
        if not (_int_in(n, 2, 2**20) and n & (n - 1) == 0 and _int_in(r, 1, 32) and _int_in(p, 1, 16)):
            return msgs.KEYSTORE_BAD_SCRYPT()  # caps: a file must not take hours
        if 128 * n * r > 2**30 or n * r * p > 2**23:
            return msgs.KEYSTORE_COSTLY_SCRYPT()
    elif crypto.get("kdf") == "pbkdf2":
        if params.get("prf") != "hmac-sha256" or not _int_in(params.get("c"), 1, 10_000_000):
            return msgs.KEYSTORE_BAD_PBKDF2()
    else:
        return msgs.KEYSTORE_OTHER_KDF()
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
        raise WrongPasswordError(WRONG_PASSWORD())
    raise KeystoreDamagedError(
        msgs.KEYSTORE_UNOPENABLE(),
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
        raise InvalidSecretError(msgs.PHRASE_WORD_COUNT(count=len(items)))
    lists = _wordlists()
    every = frozenset().union(*lists.values())
    for position, word in enumerate(items, start=1):
        if word not in every:
            raise InvalidSecretError(msgs.PHRASE_UNKNOWN_WORD(position=position))
    languages = [lang for lang, wordlist in lists.items() if all(w in wordlist for w in items)]
    if not languages:
        raise InvalidSecretError(msgs.PHRASE_MIXED_LANGUAGES())
    from eth_account.hdaccount.mnemonic import Mnemonic
    from eth_account.types import Language

    phrase = " ".join(items)
    if not any(Mnemonic(Language(lang)).is_mnemonic_valid(phrase) for lang in languages):
        raise InvalidSecretError(msgs.PHRASE_BAD_CHECKSUM())
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
