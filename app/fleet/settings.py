"""Where designs are generated: this computer, or a shared generation server (the `[fleet]` table of settings.toml).

The server's access token is a secret: it lives in the system keyring (`FleetTokenStore`), never in settings.toml.
The address is checked by app.urls where it is used (Settings at save, the client at use), like other services'.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import InputError
from app.messages import Msg
from app.secret_store import ApiKeyStore, InvalidApiKey
from app.settings_checks import fix_fields

USES = ("local", "server")
TOKEN_ENV_VAR = "SM6_FLEET_TOKEN"
FLEET_LIMITS = {"timeout_s": (1.0, 600.0)}
SERVER = "generation server"  # app/urls.py's key for the service: names it in a refused address

TOKEN_EMPTY = Msg("fleet.token_empty", "The token is empty. Paste the token the server's staff gave this computer.")
TOKEN_SPACES = Msg(
    "fleet.token_spaces",
    "A token has no spaces or line breaks inside. Copy it again, in one piece, from what the server's staff sent.",
)
NO_SERVER_ADDRESS = Msg(
    "fleet.no_server_address",
    "No generation server address is set. Enter the server's address in Settings → Generation, like "
    "https://gen.example.com.",
)


@dataclass
class FleetSettings:
    use: str = "local"  # "local" (this computer) | "server" (a generation server)
    url: str = ""  # e.g. "https://gen.example.com" or "http://127.0.0.1:8000"
    allow_local_fallback: bool = False  # when the server is unreachable or busy, run on this computer instead
    kiosk_server_only: bool = False  # the kiosk policy: a kiosk always uses the server (a staff setting)
    timeout_s: float = 30.0  # connect/read timeout for one request (the stream itself has no total limit)

    def uses_server(self, kiosk: bool = False) -> bool:
        """Whether jobs go to the server: chosen here, or forced at a kiosk by the staff's kiosk policy."""
        return self.use == "server" or (kiosk and self.kiosk_server_only)

    def validated(self, reasons: list[str] | None = None) -> "FleetSettings":
        return fix_fields("fleet", self, limits=FLEET_LIMITS, choices={"use": USES}, reasons=reasons)


class FleetTokenStore(ApiKeyStore):
    """This computer's token for the generation server: SM6_FLEET_TOKEN, else the system keyring."""

    username_default = "fleet-token"
    env_var = TOKEN_ENV_VAR
    what = "generation server token"
    no_keyring = Msg(
        "fleet.no_keyring",
        "This system has no keyring to keep the generation server's token safe, so it can only come from the "
        "{env_var} environment variable. Set it before starting SM6 Design Studio.",
    )
    keyring_unreadable = Msg(
        "fleet.keyring_unreadable",
        "The system keyring could not be read (it may be locked), so the generation server's token can only come "
        "from the {env_var} environment variable. Unlock the keyring and try again.",
    )
    keyring_unwritable = Msg(
        "fleet.keyring_unwritable",
        "The token could not be saved in the system keyring. Unlock the keyring and try again, or set the {env_var} "
        "environment variable.",
    )
    bad_env_key = Msg(
        "fleet.bad_env_token",
        "The {env_var} environment variable does not hold a usable token (it has spaces): ignored.",
    )
    bad_stored_key = Msg(
        "fleet.bad_stored_token",
        "The generation server token saved in the system keyring is not usable. Enter it again in Settings.",
    )

    def validate(self, key: str) -> str:
        if not isinstance(key, str):
            raise TypeError(f"A token is a str, not {type(key).__name__}")
        key = key.strip()
        if not key:
            raise InvalidApiKey(TOKEN_EMPTY())
        if any(ch.isspace() or not ch.isprintable() for ch in key):
            raise InvalidApiKey(TOKEN_SPACES())
        return key


def server_address(settings: FleetSettings) -> str:
    """The server's address, tidied and checked (app.urls); InputError in words when it is missing or unusable."""
    from app.urls import check_service_url

    url = check_service_url(settings.url, SERVER)  # InputError (a UserFacingError) for an address that cannot work
    if not url:
        raise InputError(NO_SERVER_ADDRESS())
    return url
