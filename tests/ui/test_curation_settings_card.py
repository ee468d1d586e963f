"""The Settings page's Curation card: each field saved at once into `settings.curation`; a shared server's URL saved
without its password, which lands in the keyring; Test connection against a real PostgreSQL server and against a
port nothing listens on; a bad contract address and bad prizes refused with words, saving nothing; Korean."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
from PySide6.QtTest import QTest

from app.config import load_settings, settings_path
from app.curation import schema
from app.curation.connection import DatabasePasswordStore
from app.curation.settings import CurationSettings
from app.curation.store import open_store
from tests.ui.settings_helpers import open_settings_page
from ui.i18n import apply_language

CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3"


@pytest.fixture
def card(qtbot):
    page = open_settings_page(qtbot)
    card = page.curation_card
    yield card
    qtbot.waitUntil(lambda: not card.database.test_pending())  # no answer left on its way to a closed page


def type_into(field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    if text:
        QTest.keyClicks(field, text)
    else:
        field.clear()
    field.editingFinished.emit()


def fill_server(card, host: str, port: int, dbname: str, user: str) -> None:
    section = card.database
    section.server_radio.click()
    type_into(section.host, host)
    type_into(section.port, str(port))
    type_into(section.user, user)
    type_into(section.dbname, dbname)


def test_each_field_is_saved_at_once_into_the_curation_settings(qtbot, card):
    assert card.isVisibleTo(card.window()) and card.database.local_radio.isChecked()
    assert "curation.db" in card.database.file_caption.text()
    type_into(card.judge, "  Minji   Kim ")
    assert load_settings().curation.judge == "Minji Kim"
    assert card.message.text() == "Curation settings saved."
    card.network.setCurrentIndex(card.network.findData("kairos"))
    type_into(card.contract, CONTRACT.lower())
    assert card.contract.text() == CONTRACT  # shown as saved: checksummed
    type_into(card.from_block, "123456")
    type_into(card.ipfs, "https://ipfs.example.org/ipfs/")
    for field, amount in zip(card.prizes.fields, ("1,000", "500", "250.5")):
        type_into(field, amount)
    assert card.prizes.total.text() == "Total: 1,750.5 KAIA"
    assert load_settings().curation == CurationSettings(
        judge="Minji Kim",
        network="kairos",
        contract=CONTRACT,
        from_block=123456,
        ipfs_source="https://ipfs.example.org/ipfs",
        prizes_kaia="1000, 500, 250.5",
    )
    card.network.setCurrentIndex(card.network.findData(""))
    assert load_settings().curation.network == ""


def test_the_page_save_afterwards_keeps_the_curation_section(qtbot, card):
    type_into(card.judge, "Kim")
    page = card.window()
    page.theme_radios["light"].setChecked(True)
    page.save_button.click()
    saved = load_settings()
    assert saved.theme == "light" and saved.curation.judge == "Kim"


def test_a_shared_server_is_saved_without_its_password_which_goes_to_the_keyring(qtbot, card):
    fill_server(card, "judging.example.com", 6543, "curation", "judge")
    url = "postgresql://judge@judging.example.com:6543/curation"
    assert load_settings().curation.database == url
    row = card.database.password_row
    type_into(row.input, "correct horse battery")
    row.save_button.click()
    qtbot.waitUntil(lambda: DatabasePasswordStore().get().source == "keyring")
    assert DatabasePasswordStore().get().key == "correct horse battery"
    qtbot.waitUntil(lambda: row.input.text() == "" and "saved in the system keyring" in row.status.text())
    assert "correct horse" not in settings_path().read_text(encoding="utf-8")
    card.database.local_radio.click()  # back to this computer: the file again, the server fields hidden
    assert load_settings().curation.database == "" and not card.database.server_box.isVisibleTo(card)


def test_a_half_filled_server_says_what_is_missing_and_saves_nothing(qtbot, card):
    fill_server(card, "judging.example.com", 5432, "", "judge")
    assert card.database.problem.isVisibleTo(card)
    assert card.database.problem.text() == "Give the name of the database on the server."
    assert load_settings().curation.database == ""
    type_into(card.database.host, "bad host/name")
    type_into(card.database.dbname, "curation")
    assert "name or address only" in card.database.problem.text() and load_settings().curation.database == ""


def test_test_connection_against_a_real_server_says_connected(qtbot, card, pg_conninfo, tmp_path):
    open_store(pg_conninfo, tmp_path / "unused.db").close()  # a database Curation has set up
    parts = urlsplit(pg_conninfo)
    fill_server(card, parts.hostname, parts.port, parts.path.lstrip("/"), parts.username)
    section = card.database
    section.test_button.click()
    qtbot.waitUntil(lambda: section.test_result.text().startswith("Connected: PostgreSQL "), timeout=10_000)
    assert f"schema version {len(schema.STEPS)}, 0 submissions." in section.test_result.text()
    assert section.test_button.isEnabled()
    type_into(section.host, "other.example.com")  # another server: the answer was not about it
    assert not section.test_result.isVisibleTo(card)


def test_test_connection_to_a_port_nothing_listens_on_says_the_plain_error(qtbot, card):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    fill_server(card, "127.0.0.1", port, "curation", "judge")
    section = card.database
    section.test_button.click()
    qtbot.waitUntil(lambda: section.test_result.text().startswith("Not connected: "), timeout=10_000)
    text = section.test_result.text()
    assert f"127.0.0.1:{port}/curation cannot be reached" in text and "psycopg" not in text


def test_a_bad_contract_address_and_bad_prizes_are_refused_with_words(qtbot, card):
    type_into(card.contract, "0x1234")
    problem = card._problem_labels[card.contract]
    assert problem.isVisibleTo(card) and problem.text().startswith("The contract address is not a valid address.")
    type_into(card.ipfs, "ipfs.example.org")
    assert "IPFS source address must start with http://" in card._problem_labels[card.ipfs].text()
    type_into(card.prizes.fields[0], "lots")
    assert "rank 1 must be an amount of KAIA" in card.prizes.problem.text()
    type_into(card.prizes.fields[0], "100")
    type_into(card.prizes.fields[2], "50")
    assert "Give a prize for rank 2 too" in card.prizes.problem.text()
    type_into(card.prizes.fields[1], "-5")
    assert "rank 2 must be an amount of KAIA" in card.prizes.problem.text()
    type_into(card.from_block, "-1")
    assert card.from_block.message_label.isVisibleTo(card)
    assert load_settings().curation == CurationSettings(prizes_kaia="100")  # only what could be used was saved
    type_into(card.contract, CONTRACT)
    assert not problem.isVisibleTo(card) and load_settings().curation.contract == CONTRACT


def test_the_card_speaks_korean(qtbot, card):
    type_into(card.contract, "0x1234")
    apply_language("ko")
    try:
        qtbot.waitUntil(lambda: card.title() == "큐레이션")
        assert card.database.local_radio.text() == "이 컴퓨터"
        assert card.database.test_button.text() == "연결 테스트"
        assert card.prizes._labels[0].text() == "1위"
        assert card._problem_labels[card.contract].text().startswith("컨트랙트 주소가 올바른 주소가 아닙니다.")
        assert card.network.itemText(0) == "지갑의 네트워크"
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: card.title() == "Curation")
