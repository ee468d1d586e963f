"""Addresses of services a person types into Settings (an IPFS node, a pinning service, a chain node, an explorer),
tidied and checked with a sentence that says what is wrong.

The same check runs when an address is saved and again when it is used, since settings.toml can be edited by hand.
"""

from __future__ import annotations

import ipaddress
import ssl
import threading
import urllib.parse

from app.errors import InputError
from app.messages import Message, Msg

NO_SCHEME_OR_HOST = Msg(
    "url.no_scheme_or_host",
    "The {what} address must start with http:// or https:// and name a host, like {example}.",
)
HAS_SPACES = Msg(
    "url.has_spaces",
    "The {what} address cannot contain spaces or line breaks; give just the address, like {example}.",
)
BAD_PORT = Msg(
    "url.bad_port",
    "The port after “:” in the {what} address must be a number from 1 to 65535, like {example}.",
)
HAS_CREDENTIALS = Msg(
    "url.has_credentials",
    "The {what} address cannot contain a user name or password (the part before “@”); give just the address, "
    "like {example}.",
)
HAS_QUERY = Msg("url.has_query", "The {what} address cannot contain “?” or “#”; give just the address, like {example}.")
NOT_WEB_ADDRESS = Msg("url.not_web_address", "The {what} address is not a web address. Write it like {example}.")

# The services, by the key callers name them with (which also picks the example), as a person reads them.
_NAMES = {
    "IPFS node": Msg("url.service.ipfs_node", "IPFS node"),
    "pinning service": Msg("url.service.pinning_service", "pinning service"),
    "custom node": Msg("url.service.custom_node", "custom node"),
    "explorer": Msg("url.service.explorer", "explorer"),
    "generation server": Msg("url.service.generation_server", "generation server"),
}
NETWORK_NODE = Msg("url.service.network_node", "{network} node")  # a named network's node ("Kaia Mainnet node")


def service_name(what: "str | Message") -> "str | Message":
    """The service `what` (a key of this module, or already a Message) in the person's language."""
    if isinstance(what, Message):
        return what
    name = _NAMES.get(what)
    return name() if name is not None else what


def check_service_url(url: str, what: "str | Message") -> str:
    """`url` without surrounding spaces or a trailing slash; ValueError with a plain sentence when unusable.

    An empty address is returned as "" (the service is not set up); the caller decides whether that is allowed.
    """
    url = url.strip().rstrip("/")
    if not url:
        return ""
    example = _EXAMPLES.get(what, "https://example.com") if isinstance(what, str) else "https://example.com"
    what = service_name(what)
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError:  # an unclosed "[" of an IPv6 address
        raise InputError(NOT_WEB_ADDRESS(what=what, example=example)) from None
    if parts.scheme not in ("http", "https") or not host:
        raise InputError(NO_SCHEME_OR_HOST(what=what, example=example))
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise InputError(HAS_SPACES(what=what, example=example))
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise InputError(BAD_PORT(what=what, example=example))
    if parts.username is not None or parts.password is not None:
        # It would be kept in plain text in settings.toml and could show up in messages: never accept it.
        raise InputError(HAS_CREDENTIALS(what=what, example=example))
    if parts.query or parts.fragment:
        raise InputError(HAS_QUERY(what=what, example=example))
    return url


_EXAMPLES = {
    "IPFS node": "http://127.0.0.1:5001",
    "pinning service": "https://api.example.com/psa",
    "custom node": "https://public-en-kairos.node.kaia.io",
    "explorer": "https://kairos.kaiascan.io",
    "generation server": "https://gen.example.com",
}


_ssl_context: ssl.SSLContext | None = None
_ssl_lock = threading.Lock()


def shared_ssl_context() -> ssl.SSLContext:
    """One TLS context for every HTTP client of the app: building one loads the trust store (about 40 ms), and a
    client per request then costs almost nothing."""
    global _ssl_context
    with _ssl_lock:
        if _ssl_context is None:
            import httpx2

            _ssl_context = httpx2.create_ssl_context()
        return _ssl_context


def is_loopback(url: str) -> bool:
    """Whether the address names this machine (a service here is never reached through a proxy)."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
