"""Addresses of services a person types into Settings (an IPFS node, a pinning service, a chain node, an explorer),
tidied and checked with a sentence that says what is wrong."""

from __future__ import annotations

import urllib.parse


def check_service_url(url: str, what: str) -> str:
    """`url` without surrounding spaces or a trailing slash; ValueError with a plain sentence when unusable."""
    url = url.strip().rstrip("/")
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        example = _EXAMPLES.get(what, "https://example.com")
        raise ValueError(f"The {what} address must start with http:// or https:// and name a host, like {example}.")
    if parts.query or parts.fragment:
        example = _EXAMPLES.get(what, "https://example.com")
        raise ValueError(f"The {what} address cannot contain “?” or “#”; give just the address, like {example}.")
    return url


_EXAMPLES = {
    "IPFS node": "http://127.0.0.1:5001",
    "pinning service": "https://api.example.com/psa",
    "custom node": "https://public-en-kairos.node.kaia.io",
    "explorer": "https://kairos.kaiascan.io",
}
