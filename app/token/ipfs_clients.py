"""Talking to IPFS services: a Kubo RPC node (uploads) and an IPFS Pinning Service (pins by CID).

Their replies are hostile input: capped in size, parsed through app/safejson.py, and turned into PublishErrors in
plain words; an address no client can use is a setting to fix (ServiceConfigError), never "waiting for the
network". HTTP goes through httpx (the `httpx2` distribution, which the OpenAI client brings too): a fresh client per
request (cheap, with one shared TLS context), no environment proxy for a node on this machine, multipart by its
`files=`.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.parse
from typing import TYPE_CHECKING, Any

from app import safejson
from app.errors import UserFacingError
from app.messages import Message
from app.reply_deadline import ReplyDeadline
from app.token import messages as msgs
from app.token.cid import KUBO_LEGACY, MAX_CID_TEXT, UNIXFS_V1_2025, CidProfile
from app.urls import check_service_url, is_loopback, service_name, shared_ssl_context

if TYPE_CHECKING:
    import httpx2

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

    def __init__(self, message: str | Message, details: str = "", status: int = 0) -> None:
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

MAX_REPLY_BYTES = 8 * 1024 * 1024  # Kubo's and a pinning service's replies are a few hundred bytes each
MAX_REDIRECTS = 5


def _service_url(url: str, service: str) -> str:
    """`url` checked as Settings check it when it is saved (settings.toml may have been edited by hand)."""
    try:
        checked = check_service_url(url, service)
    except ValueError as exc:
        problem = exc.msg if isinstance(exc, UserFacingError) else str(exc)
        raise ServiceConfigError(msgs.FIX_IN_SETTINGS(problem=problem), details=f"{service} address rejected") from None
    if not checked:
        raise ServiceConfigError(msgs.NO_ADDRESS(service=service_name(service)))
    return checked


class _Http:
    """One request, its failures turned into PublishError subclasses; `secret` never reaches a message."""

    def __init__(
        self, service: str, timeout_s: float, secret: str = "", max_reply_bytes: int = MAX_REPLY_BYTES
    ) -> None:
        self.service = service
        self.timeout_s = timeout_s
        self.secret = secret
        self.max_reply_bytes = max_reply_bytes  # larger for files fetched by CID (app/curation/sources/ipfs_fetch.py)

    def scrub(self, text: str) -> str:
        return text.replace(self.secret, "****") if self.secret else text

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        *,
        params: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> tuple[int, bytes]:
        """(status, body) of any reply, error statuses included; the body is capped and the whole exchange must end
        within `timeout_s` (each read is bounded by it too, so a service that trickles is cut off as well)."""
        import httpx2  # here, not at the top: it costs 60 ms, and the window starts without publishing anything

        log.debug("%s %s %s", self.service, method, url)
        self._check_address(url)
        deadline = time.monotonic() + self.timeout_s
        # Identity: the cap counts the bytes that arrive, so a compressed reply cannot expand past it in memory.
        sent_headers = {"Accept-Encoding": "identity", **(headers or {})}
        cutter = ReplyDeadline(self.timeout_s)
        try:
            with self._client(url) as client:
                with client.stream(
                    method,
                    url,
                    params=params,
                    content=None if files else body,
                    files=files,
                    headers=sent_headers,
                    extensions={"trace": cutter.trace},
                ) as reply:
                    return reply.status_code, self._read(reply, deadline)
        except (httpx2.InvalidURL, httpx2.UnsupportedProtocol) as exc:  # a redirect to ftp://, say
            raise self._unusable(exc) from None
        except httpx2.HTTPError as exc:
            log.debug("%s unreachable: %s", self.service, self.scrub(str(exc)))
            if cutter.cut:
                raise self._unreachable(url, f"reply unfinished after {self.timeout_s:g} s") from None
            raise self._unreachable(url, f"{type(exc).__name__}: {exc}") from None
        finally:
            cutter.stop()

    def _client(self, url: str) -> httpx2.Client:
        import httpx2

        # A node on this machine must never be reached through an HTTP proxy from the environment.
        return httpx2.Client(
            verify=shared_ssl_context(),
            trust_env=not is_loopback(url),
            timeout=httpx2.Timeout(self.timeout_s),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
        )

    def _check_address(self, url: str) -> None:
        """Refuse at once what no network can help (ftp://, a bad port, a space in the host): httpx would look the
        name up, or wrap a port past 65535 round to another one."""
        address = url.partition("?")[0]
        try:
            if address and check_service_url(address, self.service):
                return
            problem = "no address"
        except ValueError as exc:
            problem = str(exc)
        raise self._unusable(problem)

    def _unusable(self, problem: BaseException | str) -> ServiceConfigError:
        return ServiceConfigError(
            msgs.BAD_ADDRESS(service=service_name(self.service)),
            details=self.scrub(
                f"{type(problem).__name__}: {problem}" if isinstance(problem, BaseException) else problem
            ),
        )

    def _unreachable(self, url: str, details: str) -> ServiceUnreachableError:
        return ServiceUnreachableError(
            msgs.UNREACHABLE(service=service_name(self.service), url=_origin(url)),
            details=self.scrub(details),
        )

    def _read(self, reply: httpx2.Response, deadline: float) -> bytes:
        """The body, never more than `max_reply_bytes` of it: a service (or a proxy) can send without end."""
        declared = reply.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_reply_bytes:
            raise self._too_large(f"Content-Length {declared}")
        payload = bytearray()
        for chunk in reply.iter_raw():
            payload += chunk
            if len(payload) > self.max_reply_bytes:
                raise self._too_large(f"more than {self.max_reply_bytes} bytes")
            if time.monotonic() > deadline:
                raise self._unreachable(str(reply.url), f"reply unfinished after {self.timeout_s:g} s")
        return bytes(payload)

    def _too_large(self, details: str) -> MalformedReplyError:
        return MalformedReplyError(
            msgs.REPLY_TOO_LARGE(service=service_name(self.service), max_mb=self.max_reply_bytes // (1024 * 1024)),
            details=details,
        )


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def _json(service: str, payload: bytes) -> Any:
    try:
        return safejson.loads(payload, safejson.SERVICE_REPLY(service=service_name(service)), max_bytes=MAX_REPLY_BYTES)
    except safejson.BadJSON as exc:
        raise MalformedReplyError(
            msgs.UNREADABLE_REPLY(service=service_name(service)), details=f"{exc.message} {payload[:200]!r}"
        ) from None


def _error_fields(payload: bytes, *path: str) -> dict[str, Any]:
    """The object at `path` in an error reply ({} when the body is not JSON or not shaped so): its fields are shown
    as the service's words, so a page of HTML from a proxy never is."""
    try:
        found: Any = safejson.loads(payload, safejson.ERROR_REPLY(), max_bytes=MAX_REPLY_BYTES)
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

    def _call(
        self, command: str, params: dict[str, str], files: dict[str, tuple[str, bytes, str]] | None = None
    ) -> bytes:
        url = f"{self.base_url}/api/v0/{command}"
        status, payload = self._http.request("POST", url, b"", params=params, files=files)
        if status != 200:
            message = _words(_error_fields(payload).get("Message"))
            raise ServiceHTTPError(
                msgs.NODE_REFUSED_SAID(status=status, said=message) if message else msgs.NODE_REFUSED(status=status),
                details=f"{command}: {message or payload[:200]!r}",
                status=status,
            )
        return payload

    def version(self) -> str:
        """The node's Kubo version, e.g. "0.39.0": a cheap "is it there" check."""
        reply = _json(self.service, self._call("version", {}))
        if not isinstance(reply, dict) or not isinstance(reply.get("Version"), str):
            raise MalformedReplyError(msgs.NO_VERSION_IN_REPLY(), details=repr(reply)[:200])
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
        # Kubo percent-decodes the part's file name (Go's url.QueryUnescape), so it goes percent-encoded: plain ASCII
        # that no multipart quoting can change.
        name = urllib.parse.quote(filename or "file", safe="")
        payload = self._call("add", add_params(profile), {"file": (name, data, "application/octet-stream")})
        # The reply is one JSON object per line ({"Name","Hash","Size"}); the file's own line is the last.
        for line in reversed(payload.decode("utf-8", "replace").splitlines()):
            if not line.strip():
                continue
            reply = _json(self.service, line.encode())
            cid = reply.get("Hash") if isinstance(reply, dict) else None
            # Only a CID's length and characters: a megabyte of "Hash" would otherwise be compared, stored and shown.
            if isinstance(cid, str) and 0 < len(cid) <= MAX_CID_TEXT and cid.isascii() and cid.isalnum():
                return cid
            break
        raise MalformedReplyError(
            msgs.NO_CID_IN_REPLY(),
            details=repr(payload[:200]),
        )


def token_problem(token: str) -> str:
    """ "" when `token` can travel in an HTTP header; else what to do, in words (the token itself is never quoted).

    A token pasted with a line break or a stray character would otherwise fail inside the HTTP library, whose
    message repeats the header, token and all."""
    if all(0x21 <= ord(ch) <= 0x7E for ch in token.strip()):
        return ""
    return str(msgs.PINNING_TOKEN_CHARACTERS())  # rendered now: callers show (or test) a plain str


MAX_REQUEST_ID = 1000  # services use UUIDs or CIDs (under 100 characters)


class PinningClient:
    """An IPFS Pinning Service API endpoint (https://ipfs.github.io/pinning-services-api-spec/)."""

    service = "pinning service"
    STATUSES = ("queued", "pinning", "pinned", "failed")

    def __init__(self, endpoint: str, token: str, timeout_s: float = 30) -> None:
        self.endpoint = _service_url(endpoint, self.service)
        token = token.strip()
        problem = token_problem(token)
        if problem:
            raise ServiceConfigError(problem, details="pinning token rejected")
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
            said = self._http.scrub(details or reason)
            if status in (401, 403):
                message = msgs.TOKEN_NOT_ACCEPTED()
            elif said:
                message = msgs.PINNING_REFUSED_SAID(status=status, said=said)
            else:
                message = msgs.PINNING_REFUSED(status=status)
            raise ServiceHTTPError(
                message,
                details=self._http.scrub(f"{reason}: {details}" if error else repr(payload[:200])),
                status=status,
            )
        return _json(self.service, payload)

    def _pin_status(self, reply: Any) -> dict[str, Any]:
        # The request id is kept and sent back in a URL: a string, and short (an endless one would make an address
        # no client can use, then be blamed on the setting).
        request_id = reply.get("requestid") if isinstance(reply, dict) else None
        if not isinstance(request_id, str) or not 0 < len(request_id) <= MAX_REQUEST_ID or not request_id.isprintable():
            raise MalformedReplyError(msgs.NOT_A_PIN_STATUS(), details=self._http.scrub(repr(reply)[:200]))
        if reply.get("status") not in self.STATUSES:
            raise MalformedReplyError(msgs.NOT_A_PIN_STATUS(), details=self._http.scrub(repr(reply)[:200]))
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
