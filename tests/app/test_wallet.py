"""The keystore wallet with real eth-account crypto and real files: what is on disk, what unlocks, what is refused,
and that no key, phrase or password reaches a repr, a log line or an error."""

from __future__ import annotations

import json
import logging
import os
import pickle

import pytest
from eth_account import Account
from zxcvbn import zxcvbn

from app.chain.networks import ETHEREUM_PATH, KAIA_PATH
from app.chain.passwords import password_problem, password_strength
from app.chain.session import WalletSession
from app.chain.wallet import WalletStore
from app.chain.wallet_errors import (
    AccountNotFoundError,
    DuplicateAccountError,
    InvalidSecretError,
    KeystoreDamagedError,
    PasswordRejectedError,
    WalletError,
    WalletLockedError,
    WrongPasswordError,
)

FAST_N = 2**12  # real scrypt, cheap enough for tests; one test below uses the default cost
PASSWORD = "kiosk-lavender-harbour-42"
TEST_PHRASE = "test test test test test test test test test test test junk"  # Hardhat/Anvil's published phrase
HARDHAT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"  # eth-account's documentation key
KEY_ADDRESS = Account.from_key(KEY).address


def tx(nonce: int = 0) -> dict:
    return {
        "type": 2,
        "chainId": 1001,  # Kairos
        "nonce": nonce,
        "to": "0x000000000000000000000000000000000000dEaD",
        "value": 1,
        "gas": 21_000,
        "maxFeePerGas": 50 * 10**9,
        "maxPriorityFeePerGas": 25 * 10**9,
    }


@pytest.fixture
def store(tmp_path) -> WalletStore:
    return WalletStore(tmp_path / "wallet", kdf_n=FAST_N)


def all_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def snapshot(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def index(store: WalletStore) -> list[dict]:
    return json.loads((store.folder / "accounts.json").read_text(encoding="utf-8"))["accounts"]


def test_create_stores_a_v3_scrypt_keystore_that_unlocks_and_signs(store):
    account = store.create("Studio", PASSWORD)
    path = store.folder / f"{account.address}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 3
    assert data["crypto"]["kdf"] == "scrypt" and data["crypto"]["kdfparams"]["n"] == FAST_N
    assert "0x" + data["address"].lower() == account.address.lower()
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600  # mkstemp's mode, kept by the atomic rename
    assert index(store) == [
        {
            "address": account.address,
            "name": "Studio",
            "created_at": account.created_at,
            "source": "created",
            "path": None,
        }
    ]
    assert store.accounts() == [account] and store.account(account.address.lower()) == account

    unlocked = store.unlock(account.address, PASSWORD)
    assert unlocked.address == account.address and not unlocked.locked
    key = bytes(unlocked._signer.key)
    on_disk = all_bytes(store.folder)
    assert key.hex().encode() not in on_disk.lower() and key not in on_disk  # only ciphertext reaches the disk

    signed = unlocked.sign_transaction(tx())
    assert Account.recover_transaction(signed.raw_transaction) == account.address


def test_default_kdf_cost_is_geths_standard_and_still_unlocks(tmp_path):
    store = WalletStore(tmp_path / "wallet")  # the real n=262144: about a second each way
    account = store.create("", PASSWORD)
    data = json.loads(store.export_keystore(account.address))
    assert data["crypto"]["kdfparams"]["n"] == 262144
    assert store.unlock(account.address, PASSWORD).address == account.address


def test_wrong_password_and_changed_file_read_the_same(store):
    account = store.create("A", PASSWORD)
    with pytest.raises(WrongPasswordError, match="password is not right"):
        store.unlock(account.address, PASSWORD + "!")

    path = store.folder / f"{account.address}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    ciphertext = data["crypto"]["ciphertext"]
    data["crypto"]["ciphertext"] = ("1" if ciphertext[0] != "1" else "2") + ciphertext[1:]  # one byte flipped
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(WrongPasswordError, match="keystore file was changed") as caught:
        store.unlock(account.address, PASSWORD)
    assert caught.value.__cause__ is None and caught.value.__context__ is None


@pytest.mark.parametrize(
    "content",
    ["{not json", json.dumps({"version": 3, "address": "00" * 20}), json.dumps([1, 2])],
    ids=["garbage", "no-crypto", "not-an-object"],
)
def test_structurally_broken_keystore_is_damaged_not_a_wrong_password(store, content):
    account = store.create("A", PASSWORD)
    (store.folder / f"{account.address}.json").write_text(content, encoding="utf-8")
    with pytest.raises(KeystoreDamagedError, match="is damaged") as caught:
        store.unlock(account.address, PASSWORD)
    assert not isinstance(caught.value, WrongPasswordError)
    assert caught.value.__cause__ is None and caught.value.__context__ is None


def test_keystore_naming_another_account_is_not_trusted(store):
    account = store.create("A", PASSWORD)
    path = store.folder / f"{account.address}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["address"] = KEY_ADDRESS[2:].lower()
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KeystoreDamagedError, match="another account"):
        store.unlock(account.address, PASSWORD)


@pytest.mark.parametrize("given", [KEY, KEY[2:], f"  {KEY.upper().replace('0X', '0x')}\n"])
def test_import_private_key_with_or_without_0x(store, given):
    account = store.import_private_key("Imported", given, PASSWORD)
    assert account.address == KEY_ADDRESS and account.source == "private-key"
    assert KEY[2:].encode() not in all_bytes(store.folder).lower()
    assert store.unlock(KEY_ADDRESS, PASSWORD).address == KEY_ADDRESS


@pytest.mark.parametrize("bad", ["0x1234", "zz" * 32, KEY + "00", "0x" + "00" * 32, "f" * 64])
def test_unusable_private_key_is_refused_without_quoting_it(store, bad):
    with pytest.raises(InvalidSecretError) as caught:
        store.import_private_key("X", bad, PASSWORD)
    error = caught.value
    assert bad.strip()[-20:] not in str(error) + error.details
    assert error.__cause__ is None and error.__context__ is None
    assert store.accounts() == []


def test_a_short_password_is_refused_for_a_new_keystore(store):
    with pytest.raises(PasswordRejectedError, match="at least 8 characters"):
        store.create("A", "short")
    with pytest.raises(PasswordRejectedError):
        store.import_private_key("A", KEY, "1234567")
    assert not store.folder.exists() or store.accounts() == []


def test_import_keystore_keeps_the_original_file(store):
    original = json.dumps(Account.encrypt(KEY, "elsewhere-pw", kdf="pbkdf2", iterations=1000), indent=4)
    with pytest.raises(WrongPasswordError):
        store.import_keystore("From MetaMask", original, "not-the-password")
    assert store.accounts() == []

    account = store.import_keystore("From MetaMask", original, "elsewhere-pw")
    assert account.address == KEY_ADDRESS and account.source == "keystore"
    assert store.export_keystore(KEY_ADDRESS) == original  # as given: its own kdf, not re-encrypted
    assert store.unlock(KEY_ADDRESS, "elsewhere-pw").address == KEY_ADDRESS


def test_import_keystore_refuses_what_is_not_a_v3_keystore(store):
    with pytest.raises(InvalidSecretError, match="not valid JSON"):
        store.import_keystore("X", "hello", PASSWORD)
    with pytest.raises(InvalidSecretError, match="private key, not a keystore"):
        store.import_keystore("X", KEY, PASSWORD)
    v3 = Account.encrypt(KEY, PASSWORD, kdf="scrypt", iterations=FAST_N)
    with pytest.raises(InvalidSecretError, match="version 4"):
        store.import_keystore("X", json.dumps({**v3, "version": 4}), PASSWORD)
    costly = json.loads(json.dumps(v3))
    costly["crypto"]["kdfparams"]["n"] = 2**24
    with pytest.raises(InvalidSecretError, match="too costly"):
        store.import_keystore("X", json.dumps(costly), PASSWORD)
    lying = {**v3, "address": HARDHAT_0[2:]}
    with pytest.raises(InvalidSecretError, match="different account"):
        store.import_keystore("X", json.dumps(lying), PASSWORD)
    assert store.accounts() == []


def test_mnemonic_test_vector_at_the_ethereum_and_kaia_paths(store):
    ethereum = store.import_mnemonic("Hardhat", TEST_PHRASE, PASSWORD, path=ETHEREUM_PATH)
    assert ethereum.address == HARDHAT_0
    assert (ethereum.source, ethereum.path) == ("mnemonic", ETHEREUM_PATH)

    kaia = store.import_mnemonic("Kaia", TEST_PHRASE.upper().split(), PASSWORD)  # a list, in capitals
    Account.enable_unaudited_hdwallet_features()
    assert kaia.address == Account.from_mnemonic(TEST_PHRASE, account_path=KAIA_PATH).address
    assert kaia.address != HARDHAT_0 and kaia.path == KAIA_PATH
    assert b"junk" not in all_bytes(store.folder)  # the phrase itself is not kept
    assert store.unlock(kaia.address, PASSWORD).address == kaia.address


@pytest.mark.parametrize(
    ("words", "wording"),
    [
        ("test test test test test tset test test test test test junk", "Word 6 is not a BIP-39"),
        ("test test test test test test test test test test test test", "checksum does not match"),
        ("test test test junk", "this one has 4"),
    ],
    ids=["misspelt", "checksum", "too-few"],
)
def test_unusable_mnemonic_says_what_is_wrong_in_plain_words(store, words, wording):
    with pytest.raises(InvalidSecretError, match=wording) as caught:
        store.import_mnemonic("X", words, PASSWORD)
    assert "tset" not in str(caught.value) and "junk" not in str(caught.value)
    assert store.accounts() == []


def test_duplicate_import_is_refused_and_nothing_changes(store):
    store.import_private_key("First", KEY, PASSWORD)
    store.import_mnemonic("Hardhat", TEST_PHRASE, PASSWORD, path=ETHEREUM_PATH)
    before = snapshot(store.folder)
    with pytest.raises(DuplicateAccountError, match="already in the wallet as “First”"):
        store.import_private_key("Again", KEY[2:], PASSWORD)
    keystore = json.dumps(Account.encrypt(KEY, "another password", kdf="scrypt", iterations=FAST_N))
    with pytest.raises(DuplicateAccountError):
        store.import_keystore("Again", keystore, "another password")
    with pytest.raises(DuplicateAccountError, match="“Hardhat”"):
        store.import_mnemonic("Hardhat again", TEST_PHRASE, PASSWORD, path=ETHEREUM_PATH)
    assert snapshot(store.folder) == before
    assert [a.name for a in store.accounts()] == ["First", "Hardhat"]


def test_names_default_rename_and_remove(store):
    first = store.create("  My   main\naccount ", PASSWORD)
    second = store.create("   ", PASSWORD)
    assert (first.name, second.name) == ("My main account", "Account 2")

    renamed = store.rename(second.address, "Minting")
    assert renamed.name == "Minting" and renamed.created_at == second.created_at
    assert [a["name"] for a in index(store)] == ["My main account", "Minting"]

    moved = store.remove(first.address)
    assert moved.parent == store.folder / "removed" and moved.name.startswith(first.address + "-")
    assert json.loads(moved.read_text(encoding="utf-8"))["crypto"]["ciphertext"]  # still encrypted
    assert not (store.folder / f"{first.address}.json").exists()
    assert [a.address for a in store.accounts()] == [second.address]
    assert [a["address"] for a in index(store)] == [second.address]
    with pytest.raises(AccountNotFoundError):
        store.export_keystore(first.address)
    with pytest.raises(AccountNotFoundError):
        store.unlock(first.address, PASSWORD)
    assert store.problems() == []


def test_index_is_rebuilt_from_the_keystore_files(store):
    first = store.create("Main", PASSWORD)
    second = store.import_private_key("Imported", KEY, PASSWORD)
    (store.folder / "accounts.json").unlink()

    fresh = WalletStore(store.folder, kdf_n=FAST_N)
    accounts = fresh.accounts()
    assert [a.address for a in accounts] == [first.address, second.address]
    assert [a.name for a in accounts] == ["Account 1", "Account 2"] and {a.source for a in accounts} == {"recovered"}
    assert [a["address"] for a in index(fresh)] == [first.address, second.address]  # saved again
    assert fresh.unlock(second.address, PASSWORD).address == KEY_ADDRESS

    (store.folder / "accounts.json").write_text("{half a fi", encoding="utf-8")  # a damaged index
    assert [a.address for a in fresh.accounts()] == [first.address, second.address]
    assert list(store.folder.glob("accounts.json.damaged-*"))  # kept for support
    assert [p for p in fresh.problems() if "rebuilt" in p]  # said once, kept for the session


def test_a_keystore_file_disagreeing_with_its_name_is_reported_not_adopted(store):
    account = store.create("Main", PASSWORD)
    impostor = Account.encrypt(KEY, PASSWORD, kdf="scrypt", iterations=FAST_N)  # holds KEY_ADDRESS ...
    (store.folder / f"{HARDHAT_0}.json").write_text(json.dumps(impostor), encoding="utf-8")  # ... named otherwise
    (store.folder / "accounts.json").unlink()

    assert [a.address for a in store.accounts()] == [account.address]
    problems = store.problems()
    assert any(HARDHAT_0 in p and "left out" in p for p in problems), problems


def test_a_keystore_left_behind_by_a_crash_is_adopted(store):
    kept = store.create("Main", PASSWORD)
    orphan = Account.encrypt(KEY, PASSWORD, kdf="scrypt", iterations=FAST_N)
    (store.folder / f"{KEY_ADDRESS}.json").write_text(json.dumps(orphan), encoding="utf-8")
    accounts = store.accounts()
    assert [(a.address, a.name) for a in accounts] == [(kept.address, "Main"), (KEY_ADDRESS, "Account 2")]


def test_password_problem():
    assert password_problem("short", "short") == "Use at least 8 characters for the password."
    assert "not the same" in password_problem("long enough", "long enougH")
    assert password_problem("password", "password") is None  # weak but long enough: allowed, the hint says so


def test_password_strength():
    weak = password_strength("password")
    assert (weak.score, weak.label) == (0, "Very weak") and weak.hint == "This is a top-10 common password."
    strong = password_strength("correct horse battery staple uranium")
    assert (strong.score, strong.label) == (4, "Strong")
    short = password_strength("x7#Qz")
    assert short.score <= 1 and "at least 8 characters" in short.hint
    assert password_strength("").label == "Very weak"
    assert password_strength("renaultsm6").score < zxcvbn("renaultsm6")["score"]  # the app's words are guessable
    assert password_strength("a" * 200).label  # longer than zxcvbn takes: still an answer
    for result in (weak, strong, short):
        assert "." in result.hint or result.hint == ""
        assert result.hint.count(". ") == 0  # one sentence


def test_unlocked_account_lock_drops_the_key(store):
    account = store.create("A", PASSWORD)
    unlocked = store.unlock(account.address, PASSWORD)
    unlocked.lock()
    assert unlocked.locked
    with pytest.raises(WalletLockedError, match="locked"):
        unlocked.sign_transaction(tx())
    with pytest.raises(TypeError):
        pickle.dumps(store.unlock(account.address, PASSWORD))


def test_a_bad_transaction_is_a_plain_error(store):
    unlocked = store.unlock(store.create("A", PASSWORD).address, PASSWORD)
    with pytest.raises(WalletError, match="could not be signed") as caught:
        unlocked.sign_transaction({"to": "nowhere"})
    assert caught.value.details and caught.value.__context__ is None


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_session_locks_itself_when_idle(store):
    account = store.create("A", PASSWORD)
    clock = FakeClock()
    session = WalletSession(idle_timeout_s=300, clock=clock)
    assert session.account is None and session.check_idle() is False
    with pytest.raises(WalletLockedError):
        session.sign_transaction(tx())

    unlocked = session.unlock(store, account.address, PASSWORD)
    assert session.account is unlocked and session.seconds_left() == 300
    clock.now += 299
    session.touch()  # activity keeps it open
    clock.now += 299
    assert session.check_idle() is False
    signed = session.sign_transaction(tx())  # signing counts as activity too
    assert Account.recover_transaction(signed.raw_transaction) == account.address
    clock.now += 299
    assert session.check_idle() is False

    clock.now += 2  # 301 s since the signature
    assert session.check_idle() is True
    assert session.account is None and unlocked.locked
    assert session.check_idle() is False  # nothing left to lock
    with pytest.raises(WalletLockedError):
        session.sign_transaction(tx())


def test_session_refuses_to_sign_past_the_timeout_even_before_a_check(store):
    account = store.create("A", PASSWORD)
    clock = FakeClock()
    session = WalletSession(clock=clock)
    assert session.idle_timeout_s == 300
    session.unlock(store, account.address, PASSWORD)
    clock.now += 301
    with pytest.raises(WalletLockedError):
        session.sign_transaction(tx())
    other = store.import_private_key("B", KEY, PASSWORD)
    first = session.unlock(store, other.address, PASSWORD)
    second = session.unlock(store, account.address, PASSWORD)  # one account at a time
    assert first.locked and not second.locked
    session.lock()
    assert session.account is None and second.locked


def test_no_secret_in_reprs_logs_or_errors(store, caplog):
    caplog.set_level(logging.DEBUG)
    account = store.create("Main", PASSWORD)
    imported = store.import_private_key("Imported", KEY, PASSWORD)
    session = WalletSession()
    unlocked = session.unlock(store, account.address, PASSWORD)
    secret = bytes(unlocked._signer.key).hex()
    signed = session.sign_transaction(tx())
    errors = []
    for attempt in (
        lambda: store.unlock(account.address, "wrong password"),
        lambda: store.import_private_key("X", KEY[:-2] + "zz", PASSWORD),
        lambda: store.import_mnemonic("X", TEST_PHRASE.replace("junk", "junl"), PASSWORD),
    ):
        with pytest.raises(WalletError) as caught:
            attempt()
        errors.append(caught.value)

    shown = [repr(o) for o in (store, account, imported, unlocked, session, signed, password_strength(PASSWORD))]
    shown += [f"{e!r} {e} {e.details} {e.__cause__!r} {e.__context__!r}" for e in errors]
    shown += [r.getMessage() for r in caplog.records] + [caplog.text]
    text = "\n".join(shown).lower()
    assert account.address.lower() in text  # the addresses are there, so the check looks at real output
    for secret_text in (secret, KEY[2:], PASSWORD, "junl", "test test"):
        assert secret_text.lower() not in text
