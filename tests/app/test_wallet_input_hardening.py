"""Hostile wallet input refused in the core, in plain words, before anything is stored or signed: amounts, recipients,
account names, derivation paths and account numbers, payout notes. The same checks serve the window and any other
front end, so they are tested here without Qt, with real keystore files and the real sandbox chain."""

from __future__ import annotations

import json

import pytest
from eth_account import Account

from app.chain.networks import KEI_PER_KAIA, checked_address, checked_recipient, parse_kaia
from app.chain.service import ChainService
from app.chain.settings import ChainSettings
from app.chain.user_input import HARDENED, InputError, checked_index, checked_path, path_with_index
from app.chain.wallet import WalletStore
from app.chain.wallet_errors import WalletError
from app.errors import UserFacingError

FAST_N = 2**12
PASSWORD = "kiosk-lavender-harbour-42"
PHRASE = "test test test test test test test test test test test junk"
KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
PYTHON_WORDS = ("invalid literal", "could not convert", "base 10", "Traceback", "Error:", "decimal.", "int()")


def assert_plain(error: BaseException, typed: object = None) -> None:
    """A sentence for a person: no Python wording, and never the hostile text quoted back."""
    assert isinstance(error, UserFacingError) and error.message.endswith(".")
    assert not any(word in error.message for word in PYTHON_WORDS), error.message
    if isinstance(typed, str) and len(typed.strip()) > 4:  # shorter ones may match an example ("1,5") by chance
        assert typed.strip() not in error.message


@pytest.fixture
def store(tmp_path) -> WalletStore:
    return WalletStore(tmp_path / "wallet", kdf_n=FAST_N)


# --- amounts: one parser, exact kei, plain words for everything else ---------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kei"),
    [
        ("1", KEI_PER_KAIA),
        ("0.5", KEI_PER_KAIA // 2),
        (" 12.5 KAIA ", 125 * KEI_PER_KAIA // 10),
        ("5 kaia", 5 * KEI_PER_KAIA),
        (".25", KEI_PER_KAIA // 4),
        ("1,000.5", 10005 * KEI_PER_KAIA // 10),
        ("1,234,567", 1234567 * KEI_PER_KAIA),
        ("１０", 10 * KEI_PER_KAIA),  # full-width digits from a Korean or Japanese input method
        ("０．５", KEI_PER_KAIA // 2),
        ("0.000000000000000001", 1),
    ],
)
def test_amounts_as_people_write_them_are_read_exactly(typed, kei):
    assert parse_kaia(typed) == kei


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("²", "digits 0 to 9"),
        ("١٠", "digits 0 to 9"),  # Arabic-Indic ten
        ("५", "digits 0 to 9"),  # Devanagari five
        ("1e400", "without an exponent"),
        ("1E3", "without an exponent"),
        ("2e-5", "without an exponent"),
        ("NaN", "must be a number"),
        ("inf", "must be a number"),
        ("-Infinity", "must be a number"),
        ("-0", "cannot be negative"),
        ("-5", "cannot be negative"),
        ("+5", "without a plus sign"),
        ("0x10", "not in hexadecimal"),
        ("1,5", "point for decimals"),
        ("1.000,5", "point for decimals"),
        ("1,00", "point for decimals"),
        ("0.0000000000000000001", "18 decimal places"),
        ("", "Enter an amount"),
        ("   ", "Enter an amount"),
        ("0", "above 0 KAIA"),
        ("0.000", "above 0 KAIA"),
        ("twelve", "not an amount of KAIA"),
        ("1 000", "not an amount of KAIA"),
        ("1..5", "not an amount of KAIA"),
        ("5\x00", "not an amount of KAIA"),
        ("\u202e5", "digits 0 to 9"),
        ("9" * 70, "too long"),
        ("99999999999999", "more KAIA than exists"),
        (None, "not an amount of KAIA"),
    ],
)
def test_every_bad_amount_gets_plain_words(typed, words):
    with pytest.raises(InputError) as caught:
        parse_kaia(typed)
    assert words in caught.value.message and isinstance(caught.value, ValueError)
    assert_plain(caught.value, typed)


def test_zero_may_be_allowed_by_a_caller_that_means_it():
    assert parse_kaia("0", allow_zero=True) == 0


# --- recipients: refuse where value is lost for good --------------------------------------------------------------

SENDER = Account.from_key(KEY).address
CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3"


@pytest.mark.parametrize(
    ("typed", "kwargs", "words"),
    [
        ("0x" + "0" * 40, {}, "Nobody owns that address"),
        ("0x000000000000000000000000000000000000dEaD", {}, "Nobody owns that address"),
        ("0x0000000000000000000000000000000000000001", {}, "Nobody owns that address"),  # a precompile
        ("0x00000000000000000000000000000000000003fF", {}, "Nobody owns that address"),  # Kaia's system range
        (SENDER, {"sender": SENDER}, "this wallet's own address"),
        (SENDER.lower(), {"sender": SENDER}, "this wallet's own address"),
        (CONTRACT.lower(), {"contract": CONTRACT}, "token contract's own address"),
        (SENDER[:2] + SENDER[2:].swapcase(), {}, "typo"),  # every capital wrong: the checksum fails
        (SENDER[:-1], {}, "not a Kaia address"),
        ("０ｘ" + SENDER[2:], {}, "not a Kaia address"),
        (SENDER[:10] + "\u200b" + SENDER[10:], {}, "not a Kaia address"),
        ("", {}, "not a Kaia address"),
        (None, {}, "not a Kaia address"),
    ],
)
def test_recipients_where_value_is_lost_or_mistyped_are_refused(typed, kwargs, words):
    with pytest.raises(InputError) as caught:
        checked_recipient(typed, **kwargs)
    assert words in caught.value.message
    assert_plain(caught.value)


def test_a_real_vanity_address_with_leading_zeros_is_still_accepted():
    vanity = "0x0000000000000068F116a894984e2DB1123eB395"  # seven zero bytes, mined for a real contract
    assert checked_recipient(vanity.lower()) == vanity == checked_address(f"  {vanity}\n")


# --- account names: no hidden characters, limited length ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Main\x00wallet",  # NUL
        "\x1b[31mRed wallet",  # ESC: a terminal colour code
        "Prize \u202e1 ymmuD",  # RLO: reads backwards from here
        "A\u2066isolated\u2069",  # bidi isolates
        "zero\u200bwidth",  # zero-width space
        "\ufeffBOM wallet",
        "private\ue000use",
        "bell\x07",
        "del\x7f",
    ],
    ids=["nul", "esc", "rlo", "isolate", "zwsp", "bom", "private-use", "bell", "del"],
)
def test_account_names_with_hidden_characters_are_refused_and_nothing_is_written(store, name):
    with pytest.raises(WalletError, match="hidden control or text-direction character") as caught:
        store.create(name, PASSWORD)
    assert_plain(caught.value, name)
    assert store.accounts() == []
    kept = store.create("Kept", PASSWORD)
    with pytest.raises(WalletError, match="hidden"):
        store.rename(kept.address, name)
    with pytest.raises(WalletError, match="hidden"):
        store.import_private_key(name, KEY, PASSWORD)
    with pytest.raises(WalletError, match="hidden"):
        store.import_mnemonic(name, PHRASE, PASSWORD)
    assert [a.name for a in store.accounts()] == ["Kept"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  My   main\naccount ", "My main account"),  # line breaks from a paste become spaces
        ("가족\t지갑", "가족 지갑"),
        ("Cafe\u0301", "Café"),  # NFD from macOS, stored composed
        ("👨‍👩‍👧 family", "👨‍👩‍👧 family"),  # joiners inside an emoji are allowed
        ("x" * 60, "x" * 60),
    ],
)
def test_ordinary_names_are_kept_tidy(store, typed, stored):
    assert store.create(typed, PASSWORD).name == stored


@pytest.mark.parametrize("name", ["x" * 61, "가" * 100, "a " * 40])
def test_long_names_are_refused_with_the_limit(store, name):
    with pytest.raises(WalletError, match="at most 60 characters"):
        store.create(name, PASSWORD)


def test_a_hand_edited_index_cannot_smuggle_hidden_characters_onto_the_screen(store):
    account = store.create("Main", PASSWORD)
    index = store.folder / "accounts.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["accounts"][0]["name"] = "Prize\u202e1\x00 " + "y" * 100
    index.write_text(json.dumps(data), encoding="utf-8")
    (shown,) = WalletStore(store.folder, kdf_n=FAST_N).accounts()
    assert shown.address == account.address and shown.name == ("Prize1 " + "y" * 100)[:60]


def test_a_hand_edited_index_with_a_time_past_any_number_still_lists_the_account(store):
    account = store.create("Main", PASSWORD)
    index = store.folder / "accounts.json"
    text = index.read_text(encoding="utf-8")
    created = json.dumps(account.created_at)
    assert created in text
    index.write_text(text.replace(created, "1" + "0" * 400), encoding="utf-8")  # past float range
    (shown,) = WalletStore(store.folder, kdf_n=FAST_N).accounts()
    assert (shown.address, shown.name, shown.created_at) == (account.address, "Main", 0.0)


# --- derivation paths and account numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("m/44'/60'/0'/0/2147483648", "2,147,483,648 or more"),
        ("m/44'/60'/0'/0/4294967295", "2,147,483,648 or more"),
        ("m/2147483648'/60'/0'/0/0", "2,147,483,648 or more"),
        ("m/44'/60'/0'/0/-1", "Level 5"),
        ("m/44'/60'/0'/0/x", "Level 5"),
        ("m/44'/60'/0'/0/٣", "Level 5"),  # an Arabic-Indic three
        ("m/44'/60'/0'/0/", "Level 5"),
        ("m//0", "Level 1"),
        ("44'/60'/0'/0/0", "starts with m/"),
        ("m", "starts with m/"),
        ("m" + "/0" * 11, "at most 10 levels"),
        (None, "is text"),
    ],
)
def test_bad_derivation_paths_are_refused_before_anything_is_stored(store, path, words):
    with pytest.raises(InputError) as caught:
        checked_path(path)
    assert words in caught.value.message
    assert_plain(caught.value)
    with pytest.raises(WalletError, match="derivation path"):
        store.import_mnemonic("X", PHRASE, PASSWORD, path=path)
    assert store.accounts() == []


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2147483648", "at most 2,147,483,647"),
        (HARDENED, "at most 2,147,483,647"),
        ("99999999999", "whole number"),
        ("-1", "cannot be negative"),
        (-1, "cannot be negative"),
        ("1.5", "whole number"),
        ("abc", "whole number"),
        ("", "whole number"),
        ("٣", "whole number"),
        ("1e3", "whole number"),
        (True, "whole number"),
    ],
)
def test_account_numbers_outside_the_ordinary_range_are_refused(typed, words):
    with pytest.raises(InputError) as caught:
        checked_index(typed)
    assert words in caught.value.message
    assert_plain(caught.value)


def test_account_numbers_pick_the_phrases_accounts(store):
    assert checked_index(" 3 ") == 3 and checked_index(HARDENED - 1) == HARDENED - 1
    path = path_with_index("m/44'/60'/0'/0/0", "1")
    assert path == "m/44'/60'/0'/0/1"
    Account.enable_unaudited_hdwallet_features()
    second = store.import_mnemonic("Second", PHRASE, PASSWORD, path=path)
    assert second.address == Account.from_mnemonic(PHRASE, account_path=path).address and second.path == path


# --- the chain service refuses the same, before anything is recorded or signed -----------------------------------


@pytest.fixture
def unlocked(tmp_path):
    service = ChainService(tmp_path / "data", lambda: ChainSettings())
    service.store.kdf_n = FAST_N
    address = service.create_account("Prizes", PASSWORD).result(60).address
    service.unlock(address, PASSWORD).result(60)
    service.faucet(address).result(60)
    yield service, address
    service.close()


def test_the_service_refuses_bad_payouts_and_mints_and_records_nothing(unlocked):
    service, address = unlocked
    contract = service.submit(lambda: service._connect().contract.address).result(60)
    winner = Account.create().address
    bad_sends = [
        ("0x" + "0" * 40, 10**18, "", "Nobody owns"),
        (address, 10**18, "", "own address"),
        (contract, 10**18, "", "token contract"),
        (winner, 0, "", "above 0"),
        (winner, -(10**18), "", "above 0"),
        (winner, 1.5, "", "above 0"),
        (winner, 10**18, "Prize \u202e1", "hidden"),
        (winner, 10**18, "Prize\x00#1", "hidden"),
        (winner, 10**18, "\x1b[31mPrize", "hidden"),
        (winner, 10**18, "x" * 201, "at most 200"),
    ]
    for recipient, value, memo, words in bad_sends:
        with pytest.raises(InputError, match=words):
            service.quote_send(recipient, value, memo).result(60)
    for recipient, words in (("0x" + "0" * 40, "Nobody owns"), (contract, "token contract")):
        with pytest.raises(InputError, match=words):
            service.quote_mint(object(), recipient).result(60)
    assert service.mints().result(60) == []
