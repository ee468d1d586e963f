"""Hostile input through the real Create / Import dialog: names with hidden characters, account numbers out of range,
keystore files that are not what they claim, and a MetaMask keystore whose password ethers normalised (NFKC).
Everything is refused in plain words on screen, nothing is added, and the dialog stays usable."""

from __future__ import annotations

import json
import unicodedata

import pytest
from eth_account import Account
from PySide6.QtWidgets import QWidget

from app.chain.keystore_format import MAX_KEYSTORE_BYTES
from app.chain.service import ChainService
from app.chain.settings import ChainSettings
from ui.wallet.account_dialog import IMPORT_KINDS, AccountDialog

PASSWORD = "harbour lights over busan"
PHRASE = "test test test test test test test test test test test junk"
KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
WAIT_MS = 30_000
RAW_WORDS = ("Traceback", "Error:", "JSONDecodeError", "codec", "invalid literal", "Expecting")


@pytest.fixture
def service(tmp_path):
    chain = ChainService(tmp_path / "data", lambda: ChainSettings())
    chain.store.kdf_n = 2**12  # real scrypt, cheap
    yield chain
    chain.close()


@pytest.fixture
def window(qtbot):
    widget = QWidget()  # the dialog's parent, as the wallet view is in the app
    qtbot.addWidget(widget)
    return widget


def open_dialog(window, service, mode: str, kind: str = "") -> AccountDialog:
    dialog = AccountDialog(service, mode, window)
    dialog.open()
    if kind:
        dialog.kind_tabs.setCurrentIndex([k for k, _label in IMPORT_KINDS].index(kind))
    return dialog


def refused(qtbot, dialog) -> str:
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.ok_button.isEnabled(), timeout=WAIT_MS)
    message = dialog.error.message()
    assert not any(word in message for word in RAW_WORDS), message
    return message


@pytest.mark.parametrize(
    "name",
    ["Main\x00wallet", "\x1b[2JCleared", "Prize \u202e1 ymmuD", "zero\u200bwidth", "a\u2067isolate"],
    ids=["nul", "esc", "rlo", "zwsp", "rli"],
)
def test_a_name_with_hidden_characters_is_refused_on_screen(qtbot, window, service, name):
    dialog = open_dialog(window, service, "create")
    dialog.name.setText(name)
    dialog.password.setText(PASSWORD)
    dialog.confirmation.setText(PASSWORD)
    dialog.ok_button.click()
    assert "hidden control or text-direction character" in refused(qtbot, dialog)
    assert service.accounts().result(30) == [] and dialog.isVisible()
    dialog.name.setText("Main wallet")  # corrected, it goes through
    with qtbot.waitSignal(dialog.sig_account_added, timeout=WAIT_MS) as added:
        dialog.ok_button.click()
    assert added.args[0].name == "Main wallet"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("2147483648", "at most 2,147,483,647"),
        ("4294967295", "at most 2,147,483,647"),
        ("-1", "cannot be negative"),
        ("x", "whole number"),
        ("١", "whole number"),
        ("1.0", "whole number"),
        ("", "whole number"),
    ],
)
def test_an_account_number_out_of_range_is_refused_before_anything_runs(qtbot, window, service, number, words):
    dialog = open_dialog(window, service, "import", "mnemonic")
    dialog.mnemonic.setPlainText(PHRASE)
    dialog.account_index.setText(number)
    dialog.password.setText(PASSWORD)
    dialog.confirmation.setText(PASSWORD)
    dialog.ok_button.click()
    assert words in dialog.error.message() and dialog.ok_button.isEnabled()  # refused at once, in the dialog
    assert dialog.focusWidget() is dialog.account_index or not dialog.isActiveWindow()
    assert service.accounts().result(30) == []


def test_an_account_number_picks_that_account_of_the_phrase(qtbot, window, service):
    dialog = open_dialog(window, service, "import", "mnemonic")
    dialog.mnemonic.setPlainText(PHRASE)
    dialog.eth_path.setChecked(True)
    dialog.account_index.setText(" 2 ")
    dialog.password.setText(PASSWORD)
    dialog.confirmation.setText(PASSWORD)
    with qtbot.waitSignal(dialog.sig_account_added, timeout=WAIT_MS) as added:
        dialog.ok_button.click()
    Account.enable_unaudited_hdwallet_features()
    expected = Account.from_mnemonic(PHRASE, account_path="m/44'/60'/0'/0/2").address
    assert added.args[0].address == expected and added.args[0].path == "m/44'/60'/0'/0/2"


VALID = json.dumps(Account.encrypt(KEY, PASSWORD, kdf="scrypt", iterations=2))
PASTED = {
    "deep": ("[" * 100_000, "nested more than"),
    "huge": (VALID[:-1] + ', "pad": "' + "x" * MAX_KEYSTORE_BYTES + '"}', "too large"),
    "list": ("[]", "not a JSON object"),
    "no-crypto": (json.dumps({"version": 3, "id": "x"}), "“crypto” section is missing"),
    "garbage": ("{'version': 3}", "not valid JSON"),
}


@pytest.mark.parametrize("case", PASTED, ids=list(PASTED))
def test_a_bad_keystore_pasted_into_the_dialog_is_refused_plainly(qtbot, window, service, case):
    text, words = PASTED[case]
    dialog = open_dialog(window, service, "import", "keystore")
    dialog.keystore.setPlainText(text)
    dialog.password.setText(PASSWORD)
    dialog.ok_button.click()
    assert words in refused(qtbot, dialog)
    assert service.accounts().result(30) == []


FILES = {
    "deep": (b'{"a":' * 100_000, "nested more than"),
    "huge": (b" " * (MAX_KEYSTORE_BYTES + 1), "too large"),
    "cp949": ('{"비밀번호": 1}'.encode("cp949"), "not text in UTF-8"),
    "utf16": (VALID.encode("utf-16"), "not text in UTF-8"),
    "string": (b'"keystore"', "not a JSON object"),
}


@pytest.mark.parametrize("case", FILES, ids=list(FILES))
def test_a_bad_keystore_file_opened_in_the_dialog_is_refused_and_the_box_is_untouched(
    qtbot, window, service, tmp_path, case
):
    raw, words = FILES[case]
    file = tmp_path / "UTC--2025-01-01T00-00-00Z--keystore"
    file.write_bytes(raw)
    dialog = open_dialog(window, service, "import", "keystore")
    dialog.keystore.setPlainText("kept")
    dialog.load_keystore_file(file)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.keystore_file_button.isEnabled(), timeout=WAIT_MS)
    assert words in dialog.error.message() and dialog.keystore.toPlainText() == "kept"


def test_a_metamask_keystore_file_opens_with_the_password_as_typed(qtbot, window, service, tmp_path):
    typed = "ｈａｒｂｏｕｒ ㅋㅋㅋ 부산"  # full-width letters and lone jamo: ethers v6 encrypts their NFKC form
    file = tmp_path / "metamask.json"
    file.write_text(json.dumps(Account.encrypt(KEY, unicodedata.normalize("NFKC", typed), kdf="scrypt", iterations=2)))
    dialog = open_dialog(window, service, "import", "keystore")
    dialog.load_keystore_file(file)
    qtbot.waitUntil(lambda: bool(dialog.keystore.toPlainText()), timeout=WAIT_MS)
    dialog.name.setText("From MetaMask")
    dialog.password.setText(typed)
    with qtbot.waitSignal(dialog.sig_account_added, timeout=WAIT_MS) as added:
        dialog.ok_button.click()
    assert added.args[0].address == Account.from_key(KEY).address
