"""Files named by CID, fetched through the IPFS source staff configured (a Kubo node's RPC or an HTTP gateway), and
checked against their CID: a gateway is a stranger, and only the CID says what the bytes must be.

HTTP goes through app/token/ipfs_clients.py's `_Http` (one client construction, capped replies, a deadline for the
whole exchange). What goes wrong is a `FetchProblem` with a Problem kind the importer records: UNREACHABLE (try
again later), CID_MISMATCH (the bytes are not what the CID names) or INVALID_METADATA (an address we cannot trust).
"""

from __future__ import annotations

import base64
import hashlib
import time
import urllib.parse
from dataclasses import dataclass

from app.curation.models import CID_MISMATCH, INVALID_METADATA, UNREACHABLE
from app.messages import Message, Msg
from app.token.cid import DAG_PB, KUBO_LEGACY, RAW, SHA2_256, UNIXFS_V1_2025, CidProfile, file_cid, read_varint
from app.token.cid import cid_from_str as _cid_bytes
from app.token.ipfs_clients import MalformedReplyError, PublishError, ServiceConfigError, _Http

MAX_METADATA_BYTES = 1024 * 1024
MAX_IMAGE_BYTES = 32 * 1024 * 1024
REQUEST_TIMEOUT_S = 20.0

KUBO, GATEWAY = "kubo", "gateway"

IPFS_GATEWAY = Msg("curation.chain.ipfs_gateway", "IPFS gateway")
IPFS_NODE = Msg("curation.chain.ipfs_node", "IPFS node")
UNREACHABLE_CID = Msg(
    "curation.chain.unreachable",
    "The {service} did not deliver {cid} in time. It is kept aside; importing again later tries it again.",
)
REFUSED_CID = Msg(
    "curation.chain.refused",
    "The {service} answered HTTP {status} for {cid}. It is kept aside; importing again later tries it again.",
)
TOO_LARGE = Msg("curation.chain.too_large", "The file {cid} is larger than {max_mb} MB, so it was not read.")
MISMATCH = Msg(
    "curation.chain.cid_mismatch",
    "The bytes served for {cid} are not the file that CID names (they hash to something else): the gateway or the "
    "upload is wrong.",
)
UNKNOWN_CID = Msg("curation.chain.unknown_cid", "“{cid}” is not an IPFS content address (CID) this app can check.")
NOT_CONTENT_ADDRESSED = Msg(
    "curation.chain.not_content_addressed",
    "The address {uri} is not an IPFS address (ipfs://…): only content-addressed files are trusted, since anything "
    "else can change after the deadline.",
)
BAD_DATA_URI = Msg("curation.chain.bad_data_uri", "The token's data: address cannot be read as JSON text.")

# CIDv1 dag-pb roots this app or Kubo may have made: the app's profile first, then Kubo's older defaults as CIDv1.
_DAG_PB_PROFILES = (
    UNIXFS_V1_2025,
    CidProfile(cid_version=1, raw_leaves=True, chunk_size=262144, max_links=174),
    CidProfile(cid_version=1, raw_leaves=False, chunk_size=262144, max_links=174),
)


@dataclass(frozen=True)
class IpfsSource:
    kind: str  # KUBO (RPC `POST /api/v0/cat`) or GATEWAY (`GET {url}/ipfs/<cid>`)
    url: str
    timeout_s: float = REQUEST_TIMEOUT_S


class FetchProblem(Exception):
    """Why a file could not be had; `kind` is a Problem kind, `reason` the plain sentence."""

    def __init__(self, kind: str, reason: Message, details: str = "") -> None:
        super().__init__(reason.english())
        self.kind = kind
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class IpfsAddress:
    cid: str
    path: str = ""  # inside the CID's directory ("" for the file itself)


def ipfs_address(uri: str) -> IpfsAddress:
    """The CID (and path) in `ipfs://CID[/path]` or `http(s)://host/ipfs/CID[/path]`; FetchProblem otherwise."""
    text = uri.strip()
    if text.startswith("ipfs://"):
        rest = text[len("ipfs://") :].removeprefix("ipfs/")
    else:
        try:
            parts = urllib.parse.urlsplit(text)
        except ValueError:  # a host urllib refuses ("http://[::1/…", characters that change under NFKC)
            raise FetchProblem(INVALID_METADATA, NOT_CONTENT_ADDRESSED(uri=text[:200])) from None
        if parts.scheme not in ("http", "https") or not parts.path.startswith("/ipfs/"):
            raise FetchProblem(INVALID_METADATA, NOT_CONTENT_ADDRESSED(uri=text[:200]))
        rest = parts.path[len("/ipfs/") :]
    cid, _, path = rest.partition("/")
    cid = cid.split("?")[0].split("#")[0]
    check_cid_text(cid)
    return IpfsAddress(cid, urllib.parse.unquote(path.split("?")[0].split("#")[0]).strip("/"))


def check_cid_text(cid: str) -> bytes:
    try:
        raw = _cid_bytes(cid)
        if not (len(raw) == 34 and raw[0] == SHA2_256):
            version, pos = read_varint(raw, 0)
            codec, pos = read_varint(raw, pos)
            hash_code, pos = read_varint(raw, pos)
            if version != 1 or codec not in (RAW, DAG_PB) or hash_code != SHA2_256 or raw[pos] != 32:
                raise ValueError("not a sha2-256 raw or dag-pb CIDv1")
        return raw
    except (ValueError, IndexError):
        raise FetchProblem(INVALID_METADATA, UNKNOWN_CID(cid=cid[:100])) from None


def data_uri_bytes(uri: str, max_bytes: int = MAX_METADATA_BYTES) -> bytes:
    """The bytes of a `data:[type][;base64],…` address (JSON kept on chain), capped before decoding."""
    head, sep, body = uri.partition(",")
    if not sep or len(body) > max_bytes * 2:
        raise FetchProblem(INVALID_METADATA, BAD_DATA_URI())
    try:
        if head.endswith(";base64"):
            data = base64.b64decode(body, validate=True)
        else:
            data = urllib.parse.unquote_to_bytes(body)
    except ValueError:
        raise FetchProblem(INVALID_METADATA, BAD_DATA_URI()) from None
    if len(data) > max_bytes:
        raise FetchProblem(INVALID_METADATA, BAD_DATA_URI())
    return data


def matches(cid: str, data: bytes) -> bool:
    """Whether `data` is the file `cid` names, rebuilt with the profile the CID implies."""
    raw = check_cid_text(cid)
    if len(raw) == 34 and raw[0] == SHA2_256:
        return file_cid(data, KUBO_LEGACY) == cid
    _version, pos = read_varint(raw, 0)
    codec, pos = read_varint(raw, pos)
    digest = raw[-32:]
    if codec == RAW:  # a single raw block: its bytes hash to the CID
        return hashlib.sha256(data).digest() == digest
    return any(_cid_bytes(file_cid(data, profile)) == raw for profile in _DAG_PB_PROFILES)


class IpfsFetcher:
    """Fetches by CID through one IPFS source, each request within `timeout_s` and all of them before `deadline`
    (time.monotonic()), so one import never hangs on a gateway."""

    def __init__(self, source: IpfsSource, deadline: float | None = None) -> None:
        self.source = source
        self.deadline = deadline
        self.service = IPFS_NODE() if source.kind == KUBO else IPFS_GATEWAY()  # a Message: rendered in the sentence

    def fetch(self, address: IpfsAddress, max_bytes: int, too_large: str) -> bytes:
        """The file's bytes, checked against the CID (block by block for a path inside a folder's CID);
        FetchProblem otherwise (of kind `too_large` when it is over `max_bytes`).
        A ServiceConfigError (an address no request can use) passes through: a setting to fix, for the whole
        import."""
        if address.path:
            from app.curation.sources.ipfs_paths import fetch_path  # it builds on this module

            return fetch_path(self, address, max_bytes, too_large)
        label = address.cid
        if self.source.kind == KUBO:
            status, body = self.request("POST", "/api/v0/cat", label, max_bytes, too_large, params={"arg": label})
        else:
            quoted = urllib.parse.quote(label, safe="/")
            status, body = self.request(
                "GET", f"/ipfs/{quoted}", label, max_bytes, too_large, headers={"Accept": "*/*"}
            )
        self.check_status(status, body, label)
        if not matches(address.cid, body):
            raise FetchProblem(CID_MISMATCH, MISMATCH(cid=address.cid), f"{len(body)} bytes")
        return body

    def request(
        self,
        method: str,
        path: str,
        label: str,
        max_bytes: int,
        too_large: str,
        *,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        """(status, body) of one request to the source, within the timeouts; failures as FetchProblems."""
        timeout = self.source.timeout_s
        if self.deadline is not None:
            timeout = min(timeout, self.deadline - time.monotonic())
            if timeout <= 0:
                raise FetchProblem(UNREACHABLE, UNREACHABLE_CID(service=self.service, cid=label), "import deadline")
        http = _Http(self.service, timeout, max_reply_bytes=max_bytes)  # type: ignore[arg-type]
        url = self.source.url.rstrip("/") + path
        try:
            return http.request(method, url, b"" if method == "POST" else None, headers=headers, params=params)
        except ServiceConfigError:
            raise
        except MalformedReplyError as exc:  # only the size cap: nothing else is parsed here
            max_mb = max(1, max_bytes // (1024 * 1024))
            raise FetchProblem(too_large, TOO_LARGE(cid=label, max_mb=max_mb), exc.details) from None
        except PublishError as exc:
            raise FetchProblem(UNREACHABLE, UNREACHABLE_CID(service=self.service, cid=label), exc.details) from None

    def check_status(self, status: int, body: bytes, label: str) -> None:
        if status != 200:
            raise FetchProblem(
                UNREACHABLE, REFUSED_CID(service=self.service, status=status, cid=label), repr(body[:200])
            )
