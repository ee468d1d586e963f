"""The app's secrets: the OpenAI API key (the defaults below) and, through subclasses, others such as the IPFS
pinning service's token (app/token/publish_settings.py). Each comes from its environment variable, else the OS
keyring. It sits below the domain packages (description and token both use it, and neither may import the other);
app/description/keys.py re-exports it for the callers that know it from there.

The key is never written to a config file or a log. Log lines name where a key came from, never the key; an error
from a keyring backend is passed on with the key masked and without the original exception chained, so neither the
excepthook's traceback nor "Show details" can reveal it.

Only a keyring that keeps secrets safely is used: keyring's "recommended" backends (the Secret Service, KWallet,
macOS Keychain, Windows Credential Locker), or one chosen on purpose through PYTHON_KEYRING_BACKEND or
keyringrc.cfg (the tests choose keyrings.alt's file backend that way). A plain-text file backend that keyring
merely fell back to counts as no keyring, since it would store the key in plain text.

Where there is no keyring, a key can still be used for the running session only (`use_for_session`): it is kept in
this process's memory, never on disk, and forgotten at quit.

Keyring calls may block (D-Bus, an unlock prompt): call get/set/clear off the UI thread.
"""

from __future__ import annotations

import configparser
import logging
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from app.errors import UserFacingError
from app.messages import Message, Msg

OPENAI_KEY_EMPTY = Msg(
    "keys.openai_key_empty",
    "The API key is empty. Paste the key from your OpenAI account (it starts with “sk-”).",
)
OPENAI_KEY_SPACES = Msg(
    "keys.openai_key_spaces",
    "An API key has no spaces or line breaks inside. Copy it again, in one piece, from your OpenAI account.",
)
KEYRING_REMOVE_FAILED = Msg(
    "keys.keyring_remove_failed",
    "The key could not be removed from the system keyring. Unlock the keyring and try again.",
)

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

ENV_VAR = "OPENAI_API_KEY"
SERVICE = "SM6 Design Studio"
USERNAME = "openai-api-key"

# What a key store says, by id ({env_var}: the variable the key may come from instead).
NO_KEYRING_MSG = Msg(
    "keys.no_keyring",
    "This system has no keyring to keep the OpenAI API key safe, so the key can only come from the {env_var} "
    "environment variable. Set it before starting SM6 Design Studio.",
)
KEYRING_UNREADABLE_MSG = Msg(
    "keys.keyring_unreadable",
    "The system keyring could not be read (it may be locked), so the OpenAI API key can only come from the "
    "{env_var} environment variable. Unlock the keyring and try again.",
)
KEYRING_UNWRITABLE_MSG = Msg(
    "keys.keyring_unwritable",
    "The key could not be saved in the system keyring. Unlock the keyring and try again, or set the {env_var} "
    "environment variable.",
)
BAD_ENV_KEY_MSG = Msg(
    "keys.bad_env_key",
    "The {env_var} environment variable does not hold a usable key (it has spaces inside), so it is ignored.",
)
BAD_STORED_KEY_MSG = Msg(
    "keys.bad_stored_key", "The API key saved in the system keyring is not usable. Enter it again in Settings."
)
# The English sentences, as code and tests written before message ids know them.
NO_KEYRING = NO_KEYRING_MSG(env_var=ENV_VAR).english()
KEYRING_UNREADABLE = KEYRING_UNREADABLE_MSG(env_var=ENV_VAR).english()
KEYRING_UNWRITABLE = KEYRING_UNWRITABLE_MSG(env_var=ENV_VAR).english()
BAD_ENV_KEY = BAD_ENV_KEY_MSG(env_var=ENV_VAR).english()
BAD_STORED_KEY = BAD_STORED_KEY_MSG().english()

Source = Literal["env", "session", "keyring"]

# Keys entered for this run only, by (service, username): in memory, never written anywhere, gone at quit.
_session_keys: dict[tuple[str, str], str] = {}


class InvalidApiKey(UserFacingError, ValueError):
    """A key that cannot be right: empty, or with spaces or line breaks inside."""


class NoKeyring(UserFacingError):
    """There is no keyring to save a key in: it can come from the environment, or be used for this session only."""


@dataclass(frozen=True)
class KeyLookup:
    key: str | None = field(repr=False)  # never in a repr, so never in a log by accident
    source: Source | None
    problem: str | None = None  # plain words for the Settings page; may be set even when a key was found

    @property
    def masked(self) -> str:
        return ApiKeyStore.masked(self.key)


def validate_key(key: str) -> str:
    """The key without surrounding whitespace; InvalidApiKey when it cannot be a key."""
    if not isinstance(key, str):
        raise TypeError(f"An API key is a str, not {type(key).__name__}")
    key = key.strip()
    if not key:
        raise InvalidApiKey(OPENAI_KEY_EMPTY())
    if any(ch.isspace() or not ch.isprintable() for ch in key):
        raise InvalidApiKey(OPENAI_KEY_SPACES())
    return key


class ApiKeyStore:
    """Where the app finds the OpenAI API key and where Settings saves it.

    Subclasses keep other secrets the same way by overriding the names and messages below.
    """

    username_default = USERNAME
    env_var = ENV_VAR
    what = "OpenAI API key"
    no_keyring = NO_KEYRING_MSG
    keyring_unreadable = KEYRING_UNREADABLE_MSG
    keyring_unwritable = KEYRING_UNWRITABLE_MSG
    bad_env_key = BAD_ENV_KEY_MSG
    bad_stored_key = BAD_STORED_KEY_MSG

    def __init__(self, service: str = SERVICE, username: str | None = None) -> None:
        self.service = service
        self.username = username or self.username_default

    def validate(self, key: str) -> str:
        return validate_key(key)

    def _say(self, msg: Msg) -> Message:
        return msg(env_var=self.env_var) if "{env_var}" in msg.template else msg()

    def get(self) -> KeyLookup:
        """The environment variable first, then the keyring. Never raises for a missing or unreadable keyring."""
        env_problem = None
        raw = os.environ.get(self.env_var, "")
        if raw.strip():
            try:
                key = self.validate(raw)
            except InvalidApiKey:
                env_problem = str(self._say(self.bad_env_key))
            else:
                log.debug("%s taken from %s", self.what, self.env_var)
                return KeyLookup(key, "env", None if self.backend_available() else str(self._say(self.no_keyring)))
        session = _session_keys.get(self._slot)
        if session is not None:
            return KeyLookup(session, "session", env_problem)
        backend = self._backend()
        if backend is None:
            return KeyLookup(None, None, _join(env_problem, str(self._say(self.no_keyring))))
        try:
            stored = backend.get_password(self.service, self.username)
        except Exception as exc:  # noqa: BLE001 - any backend failure means "no key from the keyring"
            log.warning("Reading the %s from the keyring failed (%s)", self.what, type(exc).__name__)
            return KeyLookup(None, None, _join(env_problem, str(self._say(self.keyring_unreadable))))
        if stored is None:
            log.debug("No %s in %s or the keyring", self.what, self.env_var)
            return KeyLookup(None, None, env_problem)
        try:
            key = self.validate(stored)
        except (InvalidApiKey, TypeError):
            return KeyLookup(None, None, _join(env_problem, str(self._say(self.bad_stored_key))))
        log.debug("%s taken from the keyring", self.what)
        return KeyLookup(key, "keyring", env_problem)

    def set(self, key: str) -> None:
        """Save the key in the keyring. InvalidApiKey for a malformed key; UserFacingError when there is no keyring
        or it refuses. The environment variable, when set, still wins in get()."""
        key = self.validate(key)
        backend = self._backend()
        if backend is None:
            raise NoKeyring(self._say(self.no_keyring))
        try:
            backend.set_password(self.service, self.username, key)
        except Exception as exc:  # noqa: BLE001 - reported below, outside this block, with the key masked
            failure = f"{type(exc).__name__}: {exc}"
        else:
            log.info("%s saved in the keyring", self.what)
            return
        log.warning("Saving the %s in the keyring failed (%s)", self.what, failure.split(":")[0])
        # Raised here, not inside `except`: no chained exception can carry the key into a traceback.
        raise UserFacingError(self._say(self.keyring_unwritable), details=_scrub(failure, key))

    def use_for_session(self, key: str) -> None:
        """Use `key` until the app quits, without saving it anywhere (for a system with no keyring).
        InvalidApiKey for a malformed key."""
        _session_keys[self._slot] = self.validate(key)
        log.info("%s kept for this session only", self.what)

    def clear(self) -> None:
        """Forget the saved key (and one kept for this session). The environment variable is not touched."""
        _session_keys.pop(self._slot, None)
        backend = self._backend()
        if backend is None:
            return
        from keyring.errors import PasswordDeleteError

        try:
            backend.delete_password(self.service, self.username)
        except PasswordDeleteError:
            return  # nothing was saved
        except Exception as exc:  # noqa: BLE001 - reported below, outside this block
            failure = f"{type(exc).__name__}: {exc}"
        else:
            log.info("%s removed from the keyring", self.what)
            return
        log.warning("Removing the %s from the keyring failed (%s)", self.what, failure.split(":")[0])
        raise UserFacingError(KEYRING_REMOVE_FAILED(), details=failure)

    @property
    def _slot(self) -> tuple[str, str]:
        return (self.service, self.username)

    def backend_available(self) -> bool:
        """Whether a keyring that keeps secrets safely is there to save a key in."""
        return self._backend() is not None

    def saved_in_keyring(self) -> bool:
        """Whether the keyring holds this secret (whatever the environment says). May block; may raise the
        backend's error."""
        backend = self._backend()
        return backend is not None and backend.get_password(self.service, self.username) is not None

    @staticmethod
    def masked(key: str | None) -> str:
        """Like "sk-…a1b2": the last 4 characters at most, and only when at least 8 more stay hidden."""
        if not key:
            return ""
        key = key.strip()
        prefix = "sk-" if key.startswith("sk-") else ""
        tail = key[-4:] if len(key) - len(prefix) - 4 >= 8 else ""
        return f"{prefix}…{tail}"

    def _backend(self) -> KeyringBackend | None:
        try:
            import keyring
        except ImportError:
            log.debug("The keyring package is not installed")
            return None
        try:
            backend = keyring.get_keyring()
        except Exception as exc:  # noqa: BLE001 - a broken keyring setup is "no keyring"
            log.warning("No keyring backend could be loaded (%s)", type(exc).__name__)
            return None
        if not _safe_backend(backend):
            log.debug("Keyring backend %s is not used for the %s", type(backend).__name__, self.what)
            return None
        return backend


def _safe_backend(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    try:
        if isinstance(backend, chainer.ChainerBackend):
            chained = list(backend.backends)  # a chainer writes to its first (highest-priority) backend
            return bool(chained) and _safe_backend(chained[0])
        recommended = backend.priority >= 1  # keyring's own test for a recommended backend
    except Exception:  # noqa: BLE001 - a backend that cannot say is not used
        return False
    return recommended or _chosen_on_purpose(backend)


def _chosen_on_purpose(backend: KeyringBackend) -> bool:
    """True when PYTHON_KEYRING_BACKEND or keyringrc.cfg names this backend's class."""
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if os.environ.get("PYTHON_KEYRING_BACKEND", "").strip() == name:
        return True
    try:
        from keyring.util import platform_

        config = configparser.RawConfigParser()
        config.read(platform_.config_root() / "keyringrc.cfg", encoding="utf-8")
        return config.get("backend", "default-keyring", fallback="").strip() == name
    except (OSError, configparser.Error, UnicodeDecodeError):
        return False


def _scrub(text: str, key: str) -> str:
    return text.replace(key, ApiKeyStore.masked(key)) if key else text


def _join(*problems: str | None) -> str | None:
    return " ".join(p for p in problems if p) or None
