"""The OpenAI API key's store, for the callers that know it from here: it lives in app/secret_store.py, below the
domain packages, because publishing's pinning token (app/token/) is kept the same way and token may not import
description (the import contracts in pyproject.toml). Change it there."""

from app.secret_store import (  # noqa: F401 - re-exported
    BAD_ENV_KEY,
    BAD_STORED_KEY,
    ENV_VAR,
    KEYRING_UNREADABLE,
    KEYRING_UNWRITABLE,
    NO_KEYRING,
    SERVICE,
    USERNAME,
    ApiKeyStore,
    InvalidApiKey,
    KeyLookup,
    NoKeyring,
    Source,
    _session_keys,
    validate_key,
)
