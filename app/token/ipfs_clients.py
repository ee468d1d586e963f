"""Talking to IPFS services: a Kubo RPC node (uploads) and an IPFS Pinning Service (pins by CID).

Their replies are hostile input: capped in size, parsed through app/safejson.py, and turned into PublishErrors in
plain words; an address no client can use is a setting to fix (ServiceConfigError), never "waiting for the
network". Only the standard library talks HTTP here (urllib), so the core needs no extra dependency.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import logging
import secrets
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from app import safejson
from app.errors import UserFacingError
from app.token.cid import KUBO_LEGACY, UNIXFS_V1_2025, CidProfile
from app.urls import check_service_url

log = logging.getLogger(__name__)

# Kubo's own names for the two import profiles (`ipfs config profile apply …`, IPIP-499).
PROFILES: dict[str, CidProfile] = {"unixfs-v1-2025": UNIXFS_V1_2025, "legacy-cid-v0": KUBO_LEGACY}
_PROFILE_ALIASES = {"unixfs-v0-2015": "legacy-cid-v0", "kubo-legacy": "legacy-cid-v0"}


# --- errors ---------------------------------------------------------------------------------------


class PublishError(UserFacingError):
    """Publishing did not happen; the message says why in plain words."""


class ServiceUnreachableError(PublishError):
    """No answer at all (offline, wrong address, node not running): worth retrying later."""


class ServiceHTTPError(PublishError):
    """The service answered with an HTTP error; `status` is the code."""

    def __init__(self, message: str, details: str = "", status: int = 0) -> None:
        super().__init__(message, details)
        self.status = status


class MalformedReplyError(PublishError):
    """The service answered, but not with what its API promises."""


class ServiceConfigError(PublishError):
    """The service's address cannot work (not http(s), not an address at all): a setting to fix, not an offline
    state, so it is never retried as if the network might come back."""


# --- profiles -------------------------------------------------------------------------------------


def profile_named(name: str) -> CidProfile:
    """A profile from its Kubo name, or from the spelled-out form `profile_name` writes for other profiles."""
    name = _PROFILE_ALIASES.get(name, name)
    if name in PROFILES:
        return PROFILES[name]
    try:
        fields = dict(part.split("=", 1) for part in name.split(","))
        chunker = fields["chunker"]
        if not chunker.startswith("size-"):
            raise ValueError(chunker)
        return CidProfile(
            cid_version=int(fields["cid-version"]),
            raw_leaves=fields["raw-leaves"] == "true",
            chunk_size=int(chunker[len("size-") :]),
            max_links=int(fields["max-file-links"]),
        )
    except (KeyError, ValueError) as exc:
        known = ", ".join(PROFILES)
        raise ValueError(f"unknown CID profile {name!r}; expected one of {known} or a spelled-out profile") from exc


def profile_name(profile: CidProfile) -> str:
    """Kubo's name for a standard profile, else every knob spelled out (round-trips through `profile_named`)."""
    for name, known in PROFILES.items():
        if known == profile:
            return name
    raw = "true" if profile.raw_leaves else "false"
    return (
        f"cid-version={profile.cid_version},raw-leaves={raw},"
        f"chunker=size-{profile.chunk_size},max-file-links={profile.max_links}"
    )


def add_params(profile: CidProfile) -> dict[str, str]:
    """The `/api/v0/add` query that makes Kubo build exactly the DAG `file_cid(…, profile)` describes.

    Every knob is sent explicitly rather than left to the node's `Import.*` config, which the person
    may have changed. `max-file-links` is Kubo's (experimental) per-request override of
    `Import.UnixFSFileMaxLinks`; older nodes ignore it and use 174, which only matters for files over
    174 chunks (174 MiB with 1 MiB chunks) — the CID check after the upload catches that case.
    """
    return {
        "cid-version": str(profile.cid_version),
        "raw-leaves": "true" if profile.raw_leaves else "false",
        "chunker": f"size-{profile.chunk_size}",
        "hash": "sha2-256",
        "trickle": "false",
        "max-file-links": str(profile.max_links),
        "inline": "false",
        "wrap-with-directory": "false",
        "pin": "true",
        "quieter": "true",
        "progress": "false",
    }


# --- HTTP -----------------------------------------------------------------------------------------


def _opener(url: str) -> urllib.request.OpenerDirector:
    # A node on this machine must never be reached through an HTTP proxy from the environment.
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def _multipart(field: str, filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = "sm6-" + secrets.token_hex(16)
    quoted = urllib.parse.quote(filename or "file", safe="")
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="{field}"; filename="{quoted}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode("ascii")
    return head + data + f"\r\n--{boundary}--\r\n".encode("ascii"), f"multipart/form-data; boundary={boundary}"


MAX_REPLY_BYTES = 8 * 1024 * 1024  # Kubo's and a pinning service's replies are a few hundred bytes each


def _service_url(url: str, service: str) -> str:
    """`url` checked as Settings check it when it is saved (settings.toml may have been edited by hand)."""
    try:
        checked = check_service_url(url, service)
    except ValueError as exc:
        raise ServiceConfigError(f"{exc} Fix it in Settings.", details=f"{service} address rejected") from None
    if not checked:
        raise ServiceConfigError(f"No {service} address is set. Add it in Settings.")
    return checked


class _Http:
    """One request, its failures turned into PublishError subclasses; `secret` never reaches a message."""

    def __init__(self, service: str, timeout_s: float, secret: str = "") -> None:
        self.service = service
        self.timeout_s = timeout_s
        self.secret = secret

    def scrub(self, text: str) -> str:
        return text.replace(self.secret, "****") if self.secret else text

    def request(
        self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        log.debug("%s %s %s", self.service, method, url)
        try:
            scheme = urllib.parse.urlsplit(url).scheme
            if scheme not in ("http", "https"):
                raise ValueError(f"scheme {scheme!r}")  # urllib would try ftp:// or file:// and wait on it
            req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
            with _opener(url).open(req, timeout=self.timeout_s) as reply:
                return reply.status, self._read(reply)
        except urllib.error.HTTPError as exc:
            try:
                payload = self._read(exc)
            except (OSError, http.client.HTTPException):
                payload = b""
            finally:
                exc.close()
            return exc.code, payload
        except (ValueError, http.client.InvalidURL) as exc:  # "unknown url type", a bad port: no network can help
            raise ServiceConfigError(
                f"The {self.service} address in Settings cannot be used: it is not a web address starting with "
                "http:// or https://. Fix it in Settings.",
                details=self.scrub(f"{type(exc).__name__}: {exc}"),
            ) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            log.debug("%s unreachable: %s", self.service, self.scrub(str(reason)))
            raise ServiceUnreachableError(
                f"The {self.service} at {_origin(url)} cannot be reached. Check that it is running and that "
                "this computer is online; publishing will continue when it can be reached.",
                details=self.scrub(f"{type(exc).__name__}: {reason}"),
            ) from None

    def _read(self, reply: Any) -> bytes:
        """The body, never more than MAX_REPLY_BYTES of it: a service (or a proxy) can send without end."""
        payload = reply.read(MAX_REPLY_BYTES + 1)
        if len(payload) > MAX_REPLY_BYTES:
            raise MalformedReplyError(
                f"The {self.service} sent a reply larger than {MAX_REPLY_BYTES // (1024 * 1024)} MB, which no "
                "request of this app needs. Check the address in Settings.",
                details=f"more than {MAX_REPLY_BYTES} bytes",
            )
        return payload


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def _json(service: str, payload: bytes) -> Any:
    try:
        return safejson.loads(payload, f"the {service}'s reply", max_bytes=MAX_REPLY_BYTES)
    except safejson.BadJSON as exc:
        raise MalformedReplyError(
            f"The {service} sent a reply this app cannot read.", details=f"{exc.message} {payload[:200]!r}"
        ) from None


def _error_fields(payload: bytes, *path: str) -> dict[str, Any]:
    """The object at `path` in an error reply ({} when the body is not JSON or not shaped so): its fields are shown
    as the service's words, so a page of HTML from a proxy never is."""
    try:
        found: Any = safejson.loads(payload, "the error reply", max_bytes=MAX_REPLY_BYTES)
    except safejson.BadJSON:
        return {}
    for key in path:
        found = found.get(key) if isinstance(found, dict) else None
    return found if isinstance(found, dict) else {}


def _words(value: Any) -> str:
    """A service's message as one short line of plain text."""
    text = value if isinstance(value, str) else ""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())[:200]


class KuboClient:
    """The parts of Kubo's RPC API (`/api/v0/…`) that publishing uses."""

    service = "IPFS node"

    def __init__(self, base_url: str, timeout_s: float = 30) -> None:
        self.base_url = _service_url(base_url, self.service)
        self._http = _Http(self.service, timeout_s)

    def _call(self, command: str, params: dict[str, str], body: bytes | None = None, content_type: str = "") -> bytes:
        url = f"{self.base_url}/api/v0/{command}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        headers = {"Content-Type": content_type} if content_type else {}
        status, payload = self._http.request("POST", url, body if body is not None else b"", headers)
        if status != 200:
            message = _words(_error_fields(payload).get("Message"))
            said = f" It said: {message}" if message else ""
            raise ServiceHTTPError(
                f"The IPFS node refused the request (HTTP {status}).{said}",
                details=f"{command}: {message or payload[:200]!r}",
                status=status,
            )
        return payload

    def version(self) -> str:
        """The node's Kubo version, e.g. "0.39.0": a cheap "is it there" check."""
        reply = _json(self.service, self._call("version", {}))
        if not isinstance(reply, dict) or not isinstance(reply.get("Version"), str):
            raise MalformedReplyError("The IPFS node's version reply has no version in it.", details=repr(reply)[:200])
        return reply["Version"]

    def addresses(self) -> list[str]:
        """The node's own multiaddrs (`/api/v0/id`), for a pinning service to fetch from (its `origins`)."""
        reply = _json(self.service, self._call("id", {}))
        addresses = reply.get("Addresses") if isinstance(reply, dict) else None
        if not isinstance(addresses, list):
            return []  # a node that does not say is still a node; the pinning service finds peers itself
        return [a for a in addresses if isinstance(a, str) and "/p2p/" in a]

    def add(self, data: bytes, profile: CidProfile, filename: str) -> str:
        """Upload and pin one file with `profile`'s import settings; returns the CID the node computed."""
        body, content_type = _multipart("file", filename, data)
        payload = self._call("add", add_params(profile), body, content_type)
        # The reply is one JSON object per line ({"Name","Hash","Size"}); the file's own line is the last.
        for line in reversed(payload.decode("utf-8", "replace").splitlines()):
            if not line.strip():
                continue
            reply = _json(self.service, line.encode())
            if isinstance(reply, dict) and isinstance(reply.get("Hash"), str) and reply["Hash"]:
                return reply["Hash"]
            break
        raise MalformedReplyError(
            "The IPFS node accepted the file but did not say which CID it stored it under.",
            details=repr(payload[:200]),
        )


class PinningClient:
    """An IPFS Pinning Service API endpoint (https://ipfs.github.io/pinning-services-api-spec/)."""

    service = "pinning service"
    STATUSES = ("queued", "pinning", "pinned", "failed")

    def __init__(self, endpoint: str, token: str, timeout_s: float = 30) -> None:
        self.endpoint = _service_url(endpoint, self.service)
        self._token = token
        self._http = _Http(self.service, timeout_s, secret=token)

    def __repr__(self) -> str:  # never show the token, even in a debugger or a log of locals
        return f"PinningClient({self.endpoint!r}, token=****)"

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        status, payload = self._http.request(method, f"{self.endpoint}{path}", data, headers)
        if status >= 400:
            error = _error_fields(payload, "error")
            reason, details = _words(error.get("reason")), _words(error.get("details"))
            if status in (401, 403):
                message = "The pinning service did not accept the access token. Check the token in Settings."
            else:
                said = f" It said: {details or reason}" if details or reason else ""
                message = f"The pinning service refused the request (HTTP {status}).{said}"
            raise ServiceHTTPError(
                self._http.scrub(message),
                details=self._http.scrub(f"{reason}: {details}" if error else repr(payload[:200])),
                status=status,
            )
        return _json(self.service, payload)

    def _pin_status(self, reply: Any) -> dict[str, Any]:
        if not isinstance(reply, dict) or reply.get("status") not in self.STATUSES or "requestid" not in reply:
            raise MalformedReplyError(
                "The pinning service's reply is not a pin status.", details=self._http.scrub(repr(reply)[:200])
            )
        return reply

    def pin(self, cid: str, name: str, origins: list[str] | None = None) -> dict[str, Any]:
        """Ask the service to pin `cid`; returns its PinStatus (`requestid`, `status`, `pin`, `delegates`…).

        `origins` are multiaddrs that already have the bytes (our Kubo node), so the service need not search.
        """
        pin: dict[str, Any] = {"cid": cid, "name": name}
        if origins:
            pin["origins"] = list(origins)
        return self._pin_status(self._call("POST", "/pins", pin))

    def status(self, request_id: str) -> str:
        """ "queued", "pinning", "pinned" or "failed"."""
        path = "/pins/" + urllib.parse.quote(str(request_id), safe="")
        return self._pin_status(self._call("GET", path))["status"]
