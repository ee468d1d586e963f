"""Where tokens are published: a Kubo node's RPC address and/or an IPFS Pinning Service endpoint.

The pinning service's access token is a secret: it lives in the system keyring (`PinningTokenStore`),
never in settings.toml.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.messages import Msg
from app.secret_store import ApiKeyStore, InvalidApiKey
from app.settings_checks import fix_fields
from app.token import messages as msgs

TOKEN_ENV_VAR = "SM6_PINNING_TOKEN"


@dataclass(frozen=True)
class PublishSettings:
    kubo_url: str = ""  # e.g. http://127.0.0.1:5001 (Kubo's RPC API); empty: no node
    pinning_endpoint: str = ""  # e.g. https://api.pinata.cloud/psa; empty: no pinning service

    @property
    def configured(self) -> bool:
        return bool(self.kubo_url or self.pinning_endpoint)

    def validated(self, reasons: list[str] | None = None) -> "PublishSettings":
        """Mistyped values reset to their defaults, with a logged reason. The addresses themselves are checked by
        app.urls where they are used, so one typed wrong is explained there rather than silently dropped."""
        return fix_fields("publish", self, reasons=reasons)


class PinningTokenStore(ApiKeyStore):
    """The pinning service's access token: SM6_PINNING_TOKEN, else the system keyring."""

    username_default = "ipfs-pinning-token"
    env_var = TOKEN_ENV_VAR
    what = "pinning service token"
    no_keyring = Msg(
        "publish.no_keyring",
        "This system has no keyring to keep the pinning service token safe, so it can only come from the {env_var} "
        "environment variable. Set it before starting SM6 Design Studio.",
    )
    keyring_unreadable = Msg(
        "publish.keyring_unreadable",
        "The system keyring could not be read (it may be locked), so the pinning service token can only come from "
        "the {env_var} environment variable. Unlock the keyring and try again.",
    )
    keyring_unwritable = Msg(
        "publish.keyring_unwritable",
        "The token could not be saved in the system keyring. Unlock the keyring and try again, or set the {env_var} "
        "environment variable.",
    )
    bad_env_key = Msg(
        "publish.bad_env_token",
        "The {env_var} environment variable does not hold a usable token (it has spaces): ignored.",
    )
    bad_stored_key = Msg(
        "publish.bad_stored_token",
        "The pinning service token saved in the system keyring is not usable. Enter it again in Settings.",
    )

    def validate(self, key: str) -> str:
        if not isinstance(key, str):
            raise TypeError(f"A token is a str, not {type(key).__name__}")
        key = key.strip()
        if not key:
            raise InvalidApiKey(msgs.PINNING_TOKEN_EMPTY())
        if any(ch.isspace() or not ch.isprintable() for ch in key):
            raise InvalidApiKey(msgs.PINNING_TOKEN_SPACES())
        return key
