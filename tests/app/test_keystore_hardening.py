"""Keystore files and the wallet's account list read as hostile input (through app.safejson), and keystores from
ethers v6 / MetaMask, which normalise passwords with NFKC, opening with the password as the person types it.

Real eth-account crypto with a tiny scrypt cost (n=2) where the cost does not matter, real files, and the app's
own import paths (pasted text and a file); nothing here may crash, quote the file, or lose an account."""

from __future__ import annotations

import json
import unicodedata

import pytest
from eth_account import Account

from app.chain.keystore_format import MAX_KEYSTORE_BYTES
from app.chain.wallet import WalletStore
from app.chain.wallet_errors import InvalidSecretError, KeystoreDamagedError, WrongPasswordError

FAST_N = 2**12
PASSWORD = "kiosk-lavender-harbour-42"
KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
ADDRESS = Account.from_key(KEY).address
PYTHON_WORDS = ("Traceback", "JSONDecodeError", "Expecting", "codec", "RecursionError", "line 1 column")


@pytest.fixture
def store(tmp_path) -> WalletStore:
    return WalletStore(tmp_path / "wallet", kdf_n=FAST_N)


def cheap_keystore(password: str, key: str = KEY) -> dict:
    return Account.encrypt(key, password, kdf="scrypt", iterations=2)


# --- passwords from ethers v6 / MetaMask (NFKC) -------------------------------------------------------------------

TYPED_PASSWORDS = [
    "Ｋａｉａ ｗａｌｌｅｔ ２０２５",  # full-width letters and digits, as a CJK input method may type them
    unicodedata.normalize("NFD", "한국어 비밀번호 사용"),  # decomposed Hangul jamo (macOS file names, some IMEs)
    "ㅋㅋㅋ 비밀번호입니다",  # compatibility jamo, typed alone: NFKC makes them conjoining jamo
    "ﬁrst ﬂoor harbour",  # ligatures
    "½ of the prize ²",  # fractions and superscripts
]


@pytest.mark.parametrize("typed", TYPED_PASSWORDS, ids=["full-width", "nfd-hangul", "jamo", "ligature", "fraction"])
def test_a_keystore_made_with_the_nfkc_form_opens_with_the_password_as_typed(store, typed):
    normalised = unicodedata.normalize("NFKC", typed)
    assert normalised != typed  # the case ethers v6 creates
    text = json.dumps(cheap_keystore(normalised))
    with pytest.raises(WrongPasswordError):
        store.import_keystore("MetaMask", text, typed + "!")  # a wrong password is still wrong, after both tries
    account = store.import_keystore("MetaMask", text, typed)
    assert account.address == ADDRESS
    assert store.unlock(ADDRESS, typed).address == ADDRESS
    assert store.unlock(ADDRESS, normalised).address == ADDRESS


def test_a_keystore_made_with_a_non_nfkc_password_still_opens_as_typed_first(store):
    typed = TYPED_PASSWORDS[0]
    account = store.import_keystore("Here", json.dumps(cheap_keystore(typed)), typed)
    assert store.unlock(account.address, typed).address == ADDRESS
    with pytest.raises(WrongPasswordError):  # the NFKC form is not the password of a keystore made as typed
        store.unlock(account.address, unicodedata.normalize("NFKC", typed))


# --- keystore files: nesting, size, encoding, shape -----------------------------------------------------------------

VALID = json.dumps(cheap_keystore(PASSWORD))


def _with(change) -> str:
    data = json.loads(VALID)
    change(data)
    return json.dumps(data)


BAD_KEYSTORES = {
    # nesting: the C decoder would overflow the stack once an Ethereum library has raised the recursion limit
    "deep-list": ("[" * 100_000 + "]" * 100_000, "nested more than"),
    "deep-object": ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested more than"),
    "deep-inside": (VALID[:-1] + ', "x": ' + "[" * 5000 + "]" * 5000 + "}", "nested more than"),
    "deep-unclosed": ("[" * 1_000_000, "nested more than"),
    # size: a keystore is under 10 KB
    "huge-field": (VALID[:-1] + ', "padding": "' + "x" * MAX_KEYSTORE_BYTES + '"}', "too large"),
    "huge-spaces": (" " * (2 * MAX_KEYSTORE_BYTES) + VALID, "too large"),
    # not JSON
    "garbage": ("{not json", "not valid JSON"),
    "nan": (VALID[:-1] + ', "x": NaN}', "not valid JSON"),
    "empty": ("", "not valid JSON"),
    # wrong shape
    "list": ("[1, 2]", "not a JSON object"),
    "string": ('"a keystore"', "not a JSON object"),
    "number": ("3", "not a JSON object"),
    "null": ("null", "not a JSON object"),
    "no-crypto": (_with(lambda d: d.pop("crypto")), "“crypto” section is missing"),
    "crypto-list": (_with(lambda d: d.update(crypto=[])), "“crypto” section is missing"),
    "version-text": (_with(lambda d: d.update(version="3")), "not a version 3 keystore"),
    "n-as-text": (_with(lambda d: d["crypto"]["kdfparams"].update(n="262144")), "scrypt settings"),
    "n-huge": (_with(lambda d: d["crypto"]["kdfparams"].update(n=2**40)), "too costly"),
    "iv-number": (_with(lambda d: d["crypto"]["cipherparams"].update(iv=7)), "not hexadecimal"),
    "mac-missing": (_with(lambda d: d["crypto"].pop("mac")), "not hexadecimal"),
    "address-number": (_with(lambda d: d.update(address=12345)), "address is not an address"),
    "salt-list": (_with(lambda d: d["crypto"]["kdfparams"].update(salt=["00"])), "key-derivation settings"),
}
NOT_UTF8 = {
    "cp949": ('{"비밀": 1}'.encode("cp949"), "not text in UTF-8"),
    "utf16": (VALID.encode("utf-16"), "not text in UTF-8"),
    "latin1": ('{"naïve": "café"}'.encode("latin-1"), "not text in UTF-8"),
    "binary": (bytes(range(256)), "not text in UTF-8"),
}


def _assert_refused_plainly(error: BaseException, words: str) -> None:
    assert words in error.message, error.message
    assert not any(w in error.message for w in PYTHON_WORDS) and len(error.message) < 300
    assert error.__cause__ is None


@pytest.mark.parametrize("case", BAD_KEYSTORES, ids=list(BAD_KEYSTORES))
def test_a_bad_keystore_pasted_or_opened_is_refused_plainly_and_nothing_is_added(store, tmp_path, case):
    text, words = BAD_KEYSTORES[case]
    with pytest.raises(InvalidSecretError) as pasted:
        store.import_keystore("X", text, PASSWORD)
    _assert_refused_plainly(pasted.value, words)
    file = tmp_path / "UTC--2025-keystore.json"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidSecretError) as opened:
        store.import_keystore_file("X", file, PASSWORD)
    _assert_refused_plainly(opened.value, words)
    assert store.accounts() == [] and not list(store.folder.glob("0x*.json"))


@pytest.mark.parametrize("case", NOT_UTF8, ids=list(NOT_UTF8))
def test_a_keystore_file_that_is_not_utf8_is_refused_plainly(store, tmp_path, case):
    raw, words = NOT_UTF8[case]
    file = tmp_path / "UTC--2025-keystore.json"
    file.write_bytes(raw)
    with pytest.raises(InvalidSecretError) as opened:
        store.keystore_file_text(file)
    _assert_refused_plainly(opened.value, words)
    assert store.accounts() == []


@pytest.mark.parametrize("where", ["missing", "folder", "nul"])
def test_a_keystore_file_that_cannot_be_opened_is_said_plainly(store, tmp_path, where):
    path = {"missing": tmp_path / "gone.json", "folder": tmp_path, "nul": f"{tmp_path}/a\x00b.json"}[where]
    with pytest.raises(InvalidSecretError, match="cannot be read") as caught:
        store.import_keystore_file("X", path, PASSWORD)
    assert caught.value.details  # what the system said, behind "Show details"


def test_a_keystore_file_with_a_bom_imports_and_exports_without_it(store, tmp_path):
    file = tmp_path / "UTC--bom.json"
    file.write_bytes(b"\xef\xbb\xbf" + VALID.encode())
    account = store.import_keystore_file("From Windows", file, PASSWORD)
    assert account.address == ADDRESS and store.export_keystore(ADDRESS) == VALID


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000, b" " * (MAX_KEYSTORE_BYTES + 1), '{"비밀": 1}'.encode("cp949"), b'"text"', b"{}"],
    ids=["deep", "huge", "not-utf8", "string", "empty-object"],
)
def test_a_stored_keystore_damaged_on_disk_is_reported_not_crashing(store, content):
    account = store.create("Main", PASSWORD)
    (store.folder / f"{account.address}.json").write_bytes(content)
    with pytest.raises(KeystoreDamagedError, match="is damaged") as caught:
        store.unlock(account.address, PASSWORD)
    _assert_refused_plainly(caught.value, "Restore it from a backup")
    orphan = store.folder / f"{ADDRESS}.json"  # a damaged file with no index entry is left out, not adopted
    orphan.write_bytes(content)
    assert [a.address for a in store.accounts()] == [account.address]
    assert any(orphan.name in p and "damaged" in p for p in store.problems())


# --- the account list (accounts.json) -------------------------------------------------------------------------------

BAD_INDEXES = {
    "deep": b'{"accounts": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "unclosed": b"[" * 1_000_000,
    "huge": b'{"accounts": [], "pad": "' + b"x" * (5 * 1024 * 1024) + b'"}',
    "cp949": '{"accounts": [{"name": "지갑"}]}'.encode("cp949"),
    "utf16": '{"accounts": []}'.encode("utf-16"),
    "list": b"[]",
    "string": b'"accounts"',
    "null": b"null",
    "accounts-object": b'{"accounts": {}}',
    "no-accounts": b'{"version": 1}',
    "nan": b'{"accounts": [], "x": NaN}',
}


@pytest.mark.parametrize("case", BAD_INDEXES, ids=list(BAD_INDEXES))
def test_a_bad_account_list_is_set_aside_and_rebuilt_with_nothing_lost(store, case):
    first = store.create("Main", PASSWORD)
    second = store.import_private_key("Imported", KEY, PASSWORD)
    (store.folder / "accounts.json").write_bytes(BAD_INDEXES[case])
    fresh = WalletStore(store.folder, kdf_n=FAST_N)
    assert sorted(a.address for a in fresh.accounts()) == sorted([first.address, second.address])
    assert list(store.folder.glob("accounts.json.damaged-*"))  # kept for support
    assert any("rebuilt" in p for p in fresh.problems())
    assert fresh.unlock(second.address, PASSWORD).address == ADDRESS


@pytest.mark.parametrize(
    "entry",
    [
        1,
        "0xabc",
        None,
        [],
        {"address": 5, "name": "x", "created_at": 1.0, "source": "created"},
        {"address": "0x" + "g" * 40, "name": "x", "created_at": 1.0, "source": "created"},
        {"name": ["x"], "created_at": 1.0, "source": "created"},
        {"name": "x", "created_at": "yesterday", "source": "created"},
        {"name": "x", "created_at": True, "source": "created"},
        {"name": "x", "created_at": 1.0, "source": "stolen"},
    ],
)
def test_entries_of_the_wrong_shape_are_dropped_and_their_keystore_adopted(store, entry):
    account = store.create("Main", PASSWORD)
    if isinstance(entry, dict) and "address" not in entry:
        entry = {**entry, "address": account.address}
    (store.folder / "accounts.json").write_text(json.dumps({"version": 1, "accounts": [entry]}), encoding="utf-8")
    (listed,) = WalletStore(store.folder, kdf_n=FAST_N).accounts()
    assert listed.address == account.address  # back as "Account 1": the name was in the unusable entry
