"""Saving a key in Settings where the system has no keyring: the key is never silently lost. The field keeps what
was typed, a plain sentence says why it was not saved, and "Use until I quit" keeps it in memory only (never on
disk) so drafting works now. The same row serves the pinning service's token."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail, null

from app.description import keys as keys_module
from app.description.keys import ApiKeyStore
from app.token.publish_settings import PinningTokenStore
from ui.settings.describe_settings_card import DescribeSettingsCard
from ui.settings.publish_settings_card import PublishSettingsCard
from ui.widgets.secret_row import FOR_THIS_SESSION

KEY = "sk-proj-Zq3vT9xWm2LpR8sYk4NbH7cJf6GdE1aUo5iKe0wQyXrTz"
WAIT_MS = 5_000


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("SM6_PINNING_TOKEN", raising=False)
    original = keyring.get_keyring()
    keys_module._session_keys.clear()
    yield keyring.set_keyring
    keyring.set_keyring(original)
    keys_module._session_keys.clear()  # never into the next test


CARDS: list = []  # the cards of the running test, kept alive while their rows are used


@pytest.fixture(autouse=True)
def cards():
    yield
    CARDS.clear()


def _rows(qtbot):
    describe, publish = DescribeSettingsCard(), PublishSettingsCard()
    for card in (describe, publish):
        qtbot.addWidget(card)
        card.show()
        CARDS.append(card)
    return [(describe.key_row, ApiKeyStore(), "OPENAI_API_KEY"), (publish.token_row, PinningTokenStore(), None)]


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["no backend", "null backend"])
def test_save_without_a_keyring_keeps_the_key_and_offers_this_session(qtbot, no_keyring, backend, isolated_dirs):
    no_keyring(backend())
    for row, store, env_var in _rows(qtbot):
        qtbot.waitUntil(lambda row=row: bool(row.status.text()), timeout=WAIT_MS)
        row.input.setText(KEY)
        row.save_button.click()
        qtbot.waitUntil(lambda row=row: row.error.isVisible(), timeout=WAIT_MS)
        assert row.input.text() == KEY  # nothing typed is lost
        message = row.error.message()
        assert message.startswith("Not saved: this system has no keyring") and KEY not in message
        assert row.error.severity() == "warning"
        if env_var:
            assert env_var in message
        assert row.error.action_button.isVisible() and row.error.action_button.text() == FOR_THIS_SESSION
        row.error.action_button.click()
        qtbot.waitUntil(lambda row=row: "this session only" in row.status.text(), timeout=WAIT_MS)
        assert row.input.text() == "" and not row.error.isVisible() and KEY not in row.status.text()
        lookup = type(store)().get()  # what drafting (or publishing) reads now
        assert (lookup.key, lookup.source) == (KEY, "session")
        assert row.remove_button.isEnabled()
        row.remove_button.click()
        qtbot.waitUntil(lambda store=store: type(store)().get().key is None, timeout=WAIT_MS)
    for folder in isolated_dirs.values():
        for path in folder.rglob("*") if folder.exists() else ():
            if path.is_file():
                assert KEY.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("typed", "words"),
    [("", "is empty"), ("   ", "is empty"), ("sk-abc def", "no spaces"), ("sk-abc\tdef", "no spaces")],
    ids=["empty", "spaces", "inner space", "tab"],
)
def test_a_bad_key_is_refused_in_plain_words_and_left_to_correct(qtbot, no_keyring, typed, words):
    no_keyring(fail.Keyring())
    row = _rows(qtbot)[0][0]
    row.input.setText(typed)
    row.save_button.click()
    qtbot.waitUntil(lambda: row.error.isVisible(), timeout=WAIT_MS)
    assert words in row.error.message() and row.input.text() == typed  # left for the person to correct
    assert not row.error.action_button.isVisible()  # nothing to keep for the session either
    assert ApiKeyStore().get().key is None


def test_with_a_keyring_the_field_clears_only_once_it_is_saved(qtbot):
    row = _rows(qtbot)[0][0]
    row.input.setText(KEY)
    row.save_button.click()
    qtbot.waitUntil(lambda: "system keyring" in row.status.text(), timeout=WAIT_MS)
    assert row.input.text() == "" and not row.error.isVisible()
    assert ApiKeyStore().get().source == "keyring"
