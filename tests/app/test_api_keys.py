"""The OpenAI API key: environment first, then a real keyring backend (keyrings.alt's file backend in a temporary
XDG_DATA_HOME, chosen by tests/conftest.py), and the app's behaviour when the system has no keyring at all."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked
from keyrings.alt.file import PlaintextKeyring

from app import config
from app.description.keys import (
    NO_KEYRING,
    SERVICE,
    USERNAME,
    ApiKeyStore,
    InvalidApiKey,
    KeyLookup,
)
from app.errors import UserFacingError
from app.library.store import Library

KEY = "sk-proj-Zq3vT9xWm2LpR8sYk4NbH7cJf6GdE1aUo5iKe0wQyXrTzPlA1b2"
OTHER = "sk-env-8f7e6d5c4b3a29180716253443526170abcd"


@pytest.fixture(autouse=True)
def no_env_key(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


@pytest.fixture
def use_backend():
    """Swap the process-wide keyring backend for one test, then put the original back."""
    original = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(original)


@pytest.fixture
def keys() -> ApiKeyStore:
    backend = keyring.get_keyring()
    assert isinstance(backend, PlaintextKeyring), "tests/conftest.py chooses keyrings.alt's file backend"
    assert Path(backend.file_path).is_relative_to(os.environ["XDG_DATA_HOME"])  # this test's own folder
    return ApiKeyStore()


def test_set_get_clear_round_trip(keys):
    assert keys.backend_available()
    assert keys.get() == KeyLookup(None, None, None)
    keys.set(f"  {KEY}\n")  # pasted with a stray space and line break
    assert keys.get() == KeyLookup(KEY, "keyring", None)
    assert keyring.get_password(SERVICE, USERNAME) == KEY  # really in the keyring, under the documented names
    assert ApiKeyStore().get().key == KEY  # another instance (the next start) finds it
    keys.set(OTHER)
    assert keys.get().key == OTHER
    keys.clear()
    assert keys.get() == KeyLookup(None, None, None)
    keys.clear()  # clearing nothing is fine


def test_environment_variable_wins_over_the_keyring(keys, monkeypatch):
    keys.set(KEY)
    monkeypatch.setenv("OPENAI_API_KEY", f" {OTHER}\n")
    assert keys.get() == KeyLookup(OTHER, "env", None)
    monkeypatch.setenv("OPENAI_API_KEY", "   ")  # blank counts as unset
    assert keys.get() == KeyLookup(KEY, "keyring", None)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-abc def")  # unusable: ignored, and said so
    found = keys.get()
    assert (found.key, found.source) == (KEY, "keyring") and "OPENAI_API_KEY" in found.problem
    monkeypatch.delenv("OPENAI_API_KEY")
    assert keys.get().source == "keyring"


@pytest.mark.parametrize("bad", ["", "   \n", "sk-abc def", "sk-abc\ndef", "sk-abc\tdef", "sk-\x00abc"])
def test_bad_keys_are_refused_with_a_plain_message_and_nothing_changes(keys, bad):
    keys.set(KEY)
    with pytest.raises(InvalidApiKey) as info:
        keys.set(bad)
    assert isinstance(info.value, UserFacingError) and isinstance(info.value, ValueError)
    assert ("empty" in str(info.value)) if not bad.strip() else ("no spaces or line breaks" in str(info.value))
    assert keys.get().key == KEY


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("sk-proj-abcdefghijklmnopa1b2", "sk-…a1b2"),
        ("sk-abcdefghijkla1b2", "sk-…a1b2"),
        ("abcdefghijklmnop", "…mnop"),
        ("sk-abcdefgh", "sk-…"),  # too short to show any of it
        ("short", "…"),
        ("", ""),
        (None, ""),
    ],
)
def test_masked_form(key, shown):
    assert ApiKeyStore.masked(key) == shown
    assert KeyLookup(key, None).masked == shown


def test_masked_never_shows_more_than_the_last_four_characters():
    for n in range(0, 80):
        key = "sk-" + "".join(chr(ord("A") + (i * 7) % 26) for i in range(n))
        shown = ApiKeyStore.masked(key).removeprefix("sk-").removeprefix("…")
        assert len(shown) <= 4 and key.endswith(shown)
    assert KEY not in repr(KeyLookup(KEY, "keyring")) and KEY[-8:] not in repr(KeyLookup(KEY, "keyring"))


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_without_a_keyring_the_key_comes_only_from_the_environment(use_backend, monkeypatch, backend):
    use_backend(backend())
    keys = ApiKeyStore()
    assert not keys.backend_available()
    assert keys.get() == KeyLookup(None, None, NO_KEYRING)
    assert "no keyring" in NO_KEYRING and "OPENAI_API_KEY environment variable" in NO_KEYRING
    with pytest.raises(UserFacingError) as info:
        keys.set(KEY)
    assert str(info.value) == NO_KEYRING
    keys.clear()  # nothing to clear, no error

    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    assert keys.get() == KeyLookup(KEY, "env", NO_KEYRING)


def test_a_plain_text_backend_keyring_merely_fell_back_to_is_not_used(use_backend, monkeypatch):
    """keyrings.alt installed without being asked for would store the key in plain text: refuse it."""
    use_backend(PlaintextKeyring())
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    assert not ApiKeyStore().backend_available()
    with pytest.raises(UserFacingError, match="no keyring"):
        ApiKeyStore().set(KEY)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")  # asked for: used
    assert ApiKeyStore().backend_available()


class LockedKeyring(KeyringBackend):
    """A keyring that is there but refuses, and (carelessly) repeats the secret in its error."""

    priority = 1  # type: ignore[assignment]  # counts as recommended
    viable = False  # type: ignore[assignment]  # but never picked by keyring's own discovery in this process

    def get_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection")

    def set_password(self, service, username, password):
        raise KeyringLocked(f"cannot store {password!r} in a locked collection")

    def delete_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection")


def test_a_locked_keyring_gives_plain_words_and_never_the_key(use_backend, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    use_backend(LockedKeyring())
    keys = ApiKeyStore()
    assert keys.backend_available()
    found = keys.get()
    assert (found.key, found.source) == (None, None) and "could not be read" in found.problem
    with pytest.raises(UserFacingError, match="could not be saved") as info:
        keys.set(KEY)
    error = info.value
    assert "KeyringLocked" in error.details and ApiKeyStore.masked(KEY) in error.details
    assert KEY not in str(error) + error.details
    assert error.__context__ is None and error.__cause__ is None  # no chained exception carries it
    logging.getLogger("sm6.excepthook").error("Unhandled", exc_info=(type(error), error, error.__traceback__))
    with pytest.raises(UserFacingError, match="could not be removed"):
        keys.clear()
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    assert keys.get() == KeyLookup(KEY, "env", None)
    assert KEY not in caplog.text
    assert all(KEY not in _record_text(r) for r in caplog.records)


def _record_text(record: logging.LogRecord) -> str:
    text = record.getMessage() + repr(record.args) + repr(record.__dict__)
    if record.exc_info:
        text += logging.Formatter().formatException(record.exc_info)
    return text


def test_the_key_is_never_logged_nor_written_outside_the_keyring(keys, use_backend, isolated_dirs, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, keyring's included
    keyring.core.init_backend()  # keyring's own start-up (and its debug lines) inside the capture
    keys.set(KEY)
    assert keys.get().key == KEY
    # The rest of the app writes its files as usual while a key is saved.
    config.save_settings(config.load_settings())
    with Library.open(isolated_dirs["SM6_DATA_DIR"]):
        pass
    keys.set(OTHER)
    keys.get()
    keys.clear()
    keys.set(KEY)

    assert caplog.records, "debug logging was on"
    for secret in (KEY, OTHER):
        assert secret not in caplog.text
        assert all(secret not in _record_text(r) for r in caplog.records)

    keyring_file = Path(keyring.get_keyring().file_path).resolve()
    assert keyring_file.is_file()
    checked = []
    root = Path(isolated_dirs["SM6_DATA_DIR"]).parent  # data, config, models and XDG data dirs all live here
    for path in root.rglob("*"):
        if path.is_file() and path.resolve() != keyring_file:
            content = path.read_bytes()
            assert KEY.encode() not in content and OTHER.encode() not in content, path
            checked.append(path.name)
    assert "settings.toml" in checked and "library.sqlite3" in checked
