"""Publishing a token's bytes: a Kubo RPC node, an IPFS Pinning Service, and an outbox that waits for the network.

The CIDs in a token are computed locally (`app.token.cid`) before anything is uploaded, so publishing
is a check as much as an upload: `KuboClient.add` sends the import settings that reproduce the local
profile, and the `Outbox` refuses to call a job "pinned" unless the node answered with the very CID
the metadata already references. Offline, jobs simply stay "local" and go out on a later `run_once`.

Only the standard library talks HTTP here (urllib), so the core needs no extra dependency.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import logging
import secrets
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app.errors import StorageError, UserFacingError
from app.fsutil import atomic_write_bytes
from app.sqlite_db import immediate, open_durable
from app.token.cid import KUBO_LEGACY, UNIXFS_V1_2025, CidProfile, cid_from_str, file_cid

log = logging.getLogger(__name__)

# Kubo's own names for the two import profiles (`ipfs config profile apply …`, IPIP-499).
PROFILES: dict[str, CidProfile] = {"unixfs-v1-2025": UNIXFS_V1_2025, "legacy-cid-v0": KUBO_LEGACY}
_PROFILE_ALIASES = {"unixfs-v0-2015": "legacy-cid-v0", "kubo-legacy": "legacy-cid-v0"}

WAITING_FOR_NETWORK = "waiting for the network"
PINNING_SERVICE_FETCHING = "the pinning service is fetching the files"
NOTHING_CONFIGURED = "no IPFS node or pinning service is set up"
# "pinning": uploaded where needed, waiting for a pinning service to fetch and pin the CIDs.
JOB_STATES = ("local", "uploading", "pinning", "pinned", "failed")


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
        req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with _opener(url).open(req, timeout=self.timeout_s) as reply:
                return reply.status, reply.read()
        except urllib.error.HTTPError as exc:
            try:
                payload = exc.read()
            except (OSError, http.client.HTTPException):
                payload = b""
            finally:
                exc.close()
            return exc.code, payload
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            log.debug("%s unreachable: %s", self.service, self.scrub(str(reason)))
            raise ServiceUnreachableError(
                f"The {self.service} at {_origin(url)} cannot be reached. Check that it is running and that "
                "this computer is online; publishing will continue when it can be reached.",
                details=self.scrub(f"{type(exc).__name__}: {reason}"),
            ) from None


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


def _json(service: str, payload: bytes) -> Any:
    try:
        return json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedReplyError(
            f"The {service} sent a reply this app cannot read.", details=repr(payload[:200])
        ) from exc


class KuboClient:
    """The parts of Kubo's RPC API (`/api/v0/…`) that publishing uses."""

    service = "IPFS node"

    def __init__(self, base_url: str, timeout_s: float = 30) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = _Http(self.service, timeout_s)

    def _call(self, command: str, params: dict[str, str], body: bytes | None = None, content_type: str = "") -> bytes:
        url = f"{self.base_url}/api/v0/{command}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        headers = {"Content-Type": content_type} if content_type else {}
        status, payload = self._http.request("POST", url, body if body is not None else b"", headers)
        if status != 200:
            message = ""
            try:
                message = str(json.loads(payload).get("Message", ""))
            except (ValueError, AttributeError, UnicodeDecodeError):
                message = payload[:200].decode("utf-8", "replace").strip()
            said = f" It said: {message}" if message else ""
            raise ServiceHTTPError(
                f"The IPFS node refused the request (HTTP {status}).{said}",
                details=f"{command}: {message}",
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
        self.endpoint = endpoint.rstrip("/")
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
            reason = details = ""
            try:
                error = json.loads(payload).get("error", {})
                reason, details = str(error.get("reason", "")), str(error.get("details", ""))
            except (ValueError, AttributeError, UnicodeDecodeError):
                details = payload[:200].decode("utf-8", "replace")
            if status in (401, 403):
                message = "The pinning service did not accept the access token. Check the token in Settings."
            else:
                said = f" It said: {details or reason}" if details or reason else ""
                message = f"The pinning service refused the request (HTTP {status}).{said}"
            raise ServiceHTTPError(
                self._http.scrub(message), details=self._http.scrub(f"{reason}: {details}"), status=status
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


# --- the outbox -----------------------------------------------------------------------------------


class Uploader(Protocol):
    def add(self, data: bytes, profile: CidProfile, filename: str) -> str: ...


class Pinner(Protocol):
    def pin(self, cid: str, name: str, origins: list[str] | None = None) -> dict[str, Any]: ...

    def status(self, request_id: str) -> str: ...


@dataclass(frozen=True)
class ItemRecord:
    name: str
    cid: str  # computed locally when the job was queued
    profile: str
    size: int
    uploaded: bool
    pin_request: str = ""  # the pinning service's request id, once asked
    pin_status: str = ""  # its last answer: queued, pinning, pinned or failed


@dataclass(frozen=True)
class JobRecord:
    key: str
    state: str  # one of JOB_STATES
    error: str  # "" when none; WAITING_FOR_NETWORK while offline; the reason when failed
    items: tuple[ItemRecord, ...]
    created_at: float
    updated_at: float


_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
    job_seq INTEGER NOT NULL REFERENCES jobs(seq),
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    cid TEXT NOT NULL,
    profile TEXT NOT NULL,
    size INTEGER NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0,
    pin_request TEXT NOT NULL DEFAULT '',
    pin_status TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (job_seq, idx)
);
"""
# Columns added after the first release of the outbox: (table, column, definition).
_ADDED_COLUMNS = (
    ("items", "pin_request", "TEXT NOT NULL DEFAULT ''"),
    ("items", "pin_status", "TEXT NOT NULL DEFAULT ''"),
)


def _migrate(conn: sqlite3.Connection) -> None:
    for table, column, definition in _ADDED_COLUMNS:
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


def _same_cid(a: str, b: str) -> bool:
    try:
        return cid_from_str(a) == cid_from_str(b)
    except ValueError:
        return a == b


class Outbox:
    """Publish jobs that survive restarts: SQLite (WAL, synchronous=FULL) rows plus blobs named by CID.

    Blobs are written durably before the row that needs them is committed, so every row always
    has its bytes. A job found "uploading" when the outbox opens was cut off by a crash and goes
    back to "local"; uploads are idempotent (same bytes, same CID), so resuming is always safe.
    One process owns an outbox at a time (the app's data folder).
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.blobs_dir = self.db_path.parent / f"{self.db_path.stem}-blobs"
        self._lock = threading.RLock()
        conn = None
        try:
            self.blobs_dir.mkdir(parents=True, exist_ok=True)
            conn = open_durable(self.db_path)
            conn.executescript(_SCHEMA)
            with immediate(conn):
                _migrate(conn)
                conn.execute(
                    "UPDATE jobs SET state = 'local', error = '', updated_at = ? WHERE state = 'uploading'",
                    (time.time(),),
                )
        except (OSError, sqlite3.Error) as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                message = f"The publishing outbox {self.db_path} cannot be opened: it may be damaged."
            else:  # the folder or the file cannot be reached (permissions, a full or missing disk)
                message = f"The publishing outbox in {self.db_path.parent} cannot be opened."
            raise StorageError(message, details=str(exc)) from exc
        self._conn: sqlite3.Connection | None = conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> "Outbox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the outbox is closed")
        return self._conn

    def _blob_path(self, cid: str) -> Path:
        return self.blobs_dir / cid

    # --- queueing ---

    def enqueue(self, key: str, items: list[tuple[str, bytes | Path, str | None, str | CidProfile]]) -> JobRecord:
        """Queue `items` (name, bytes or a file path, expected CID or None, profile name) under `key`.

        Idempotent: a key already queued returns the existing job unchanged. The CID of each item is
        computed here; an expected CID that differs is a programming error (ValueError).
        """
        existing = self.job(key)
        if existing is not None:
            return existing
        if not items:
            raise ValueError("a publish job needs at least one item")
        rows = []
        for idx, (name, source, expected, profile_ref) in enumerate(items):
            profile = profile_ref if isinstance(profile_ref, CidProfile) else profile_named(profile_ref)
            data = Path(source).read_bytes() if isinstance(source, (str, Path)) else bytes(source)
            cid = file_cid(data, profile)
            if expected is not None and not _same_cid(expected, cid):
                raise ValueError(f"{name}: expected CID {expected} but its bytes have CID {cid}")
            blob = self._blob_path(cid)
            if not (blob.is_file() and blob.stat().st_size == len(data)):
                try:
                    atomic_write_bytes(blob, data)
                except OSError as exc:
                    raise StorageError(
                        f"The file {name} cannot be saved for publishing in {self.blobs_dir}.", details=str(exc)
                    ) from exc
            rows.append((idx, name, cid, profile_name(profile), len(data)))
        now = time.time()
        with self._lock:
            conn = self._connection()
            with immediate(conn):
                if conn.execute("SELECT 1 FROM jobs WHERE key = ?", (key,)).fetchone() is None:
                    seq = conn.execute(
                        "INSERT INTO jobs (key, state, error, created_at, updated_at) VALUES (?, 'local', '', ?, ?)",
                        (key, now, now),
                    ).lastrowid
                    conn.executemany(
                        "INSERT INTO items (job_seq, idx, name, cid, profile, size) VALUES (?, ?, ?, ?, ?, ?)",
                        [(seq, *row) for row in rows],
                    )
        record = self.job(key)
        assert record is not None
        return record

    def retry(self, key: str) -> JobRecord | None:
        """Put a failed job back in the queue (after the person fixed the node's settings, say)."""
        with self._lock:
            conn = self._connection()
            with immediate(conn):
                failed = conn.execute(
                    "UPDATE jobs SET state = 'local', error = '', updated_at = ? WHERE key = ? AND state = 'failed'",
                    (time.time(), key),
                ).rowcount
                if failed:  # a pin the service gave up on is asked for afresh
                    conn.execute(
                        "UPDATE items SET pin_request = '', pin_status = '' WHERE pin_status = 'failed' "
                        "AND job_seq = (SELECT seq FROM jobs WHERE key = ?)",
                        (key,),
                    )
        return self.job(key)

    # --- reading ---

    def jobs(self) -> list[JobRecord]:
        """Every job, oldest first."""
        with self._lock:
            conn = self._connection()
            job_rows = conn.execute("SELECT seq, key, state, error, created_at, updated_at FROM jobs ORDER BY seq")
            job_rows = job_rows.fetchall()
            item_rows = conn.execute(
                "SELECT job_seq, name, cid, profile, size, uploaded, pin_request, pin_status FROM items "
                "ORDER BY job_seq, idx"
            ).fetchall()
        items: dict[int, list[ItemRecord]] = {}
        for seq, name, cid, profile, size, uploaded, pin_request, pin_status in item_rows:
            record = ItemRecord(name, cid, profile, size, bool(uploaded), pin_request, pin_status)
            items.setdefault(seq, []).append(record)
        return [
            JobRecord(key, state, error, tuple(items.get(seq, ())), created, updated)
            for seq, key, state, error, created, updated in job_rows
        ]

    def job(self, key: str) -> JobRecord | None:
        return next((job for job in self.jobs() if job.key == key), None)

    # --- publishing ---

    def _set(self, key: str, state: str, error: str = "") -> None:
        with self._lock:
            conn = self._connection()
            with immediate(conn):
                conn.execute(
                    "UPDATE jobs SET state = ?, error = ?, updated_at = ? WHERE key = ?",
                    (state, error, time.time(), key),
                )

    def _update_item(self, key: str, idx: int, **values: object) -> None:
        columns = ", ".join(f"{name} = ?" for name in values)  # names come from this module only
        with self._lock:
            conn = self._connection()
            with immediate(conn):
                conn.execute(
                    f"UPDATE items SET {columns} WHERE idx = ? AND job_seq = (SELECT seq FROM jobs WHERE key = ?)",
                    (*values.values(), idx, key),
                )

    def run_once(self, client: Uploader | None = None, pinner: Pinner | None = None) -> list[JobRecord]:
        """Move every waiting job forward; returns every job afterwards.

        With `client` (a Kubo node) each item is uploaded and the node's CID checked against ours. With
        `pinner` (a pinning service) each CID is then pinned by request; a job whose pins are still queued
        stays "pinning" and is asked about again on the next run. Offline (a service cannot be reached) the
        job keeps its place with WAITING_FOR_NETWORK and the rest wait too. A service that computes another
        CID, refuses the file or answers nonsense fails the job with the reason; `retry` queues it again.
        """
        if client is None and pinner is None:
            raise ValueError("publishing needs an IPFS node, a pinning service, or both")
        origins: list[str] | None = None
        for job in self.jobs():
            if job.state not in ("local", "pinning"):
                continue
            self._set(job.key, "uploading")
            try:
                error = self._upload(job, client) if client is not None else ""
                if not error and pinner is not None:
                    if origins is None and client is not None and hasattr(client, "addresses"):
                        origins = client.addresses()
                    error = self._pin(self.job(job.key) or job, pinner, origins or [])
            except ServiceUnreachableError:
                self._set(job.key, job.state, WAITING_FOR_NETWORK)
                break  # nothing else will get through either; the next run tries again
            except BaseException:
                self._set(job.key, job.state, "")  # interrupted: resumable, not failed
                raise
            if error == PINNING_SERVICE_FETCHING:
                self._set(job.key, "pinning", error)
            elif error:
                self._set(job.key, "failed", error)
            else:
                self._set(job.key, "pinned")
        return self.jobs()

    def _upload(self, job: JobRecord, client: Uploader) -> str:
        """Upload the job's remaining items; returns "" on success, else the reason it failed."""
        for idx, item in enumerate(job.items):
            if item.uploaded:
                continue
            try:
                data = self._blob_path(item.cid).read_bytes()
            except OSError:
                return f"The bytes of {item.name} are missing from the outbox folder {self.blobs_dir}; queue it again."
            try:
                returned = client.add(data, profile_named(item.profile), item.name)
            except ServiceUnreachableError:
                raise
            except PublishError as exc:
                return f"{item.name}: {exc.message}"
            if not _same_cid(returned, item.cid):
                return (
                    f"The IPFS node stored {item.name} under CID {returned}, not {item.cid} as the token says, so it "
                    f"was not published. The node uses other chunker or CID settings: set it to {item.profile}, "
                    "or choose the CID profile that matches the node, then retry."
                )
            self._update_item(job.key, idx, uploaded=1)
        return ""

    def _pin(self, job: JobRecord, pinner: Pinner, origins: list[str]) -> str:
        """Ask for (or ask after) a pin of every item; "" when all are pinned, PINNING_SERVICE_FETCHING while
        the service still works on one, else the reason it failed."""
        waiting = False
        for idx, item in enumerate(job.items):
            if item.pin_status == "pinned":
                continue
            try:
                if item.pin_request:
                    status = pinner.status(item.pin_request)
                else:
                    reply = pinner.pin(item.cid, f"{job.key}/{item.name}", origins)
                    status = reply["status"]
                    self._update_item(job.key, idx, pin_request=str(reply["requestid"]), pin_status=status)
            except ServiceUnreachableError:
                raise
            except PublishError as exc:
                return f"{item.name}: {exc.message}"
            self._update_item(job.key, idx, pin_status=status)
            if status == "failed":
                return (
                    f"The pinning service could not pin {item.name} ({item.cid}). It may not have found the file on "
                    "the IPFS network: publish through an IPFS node as well, or upload the CAR file to the service."
                )
            waiting = waiting or status != "pinned"
        return PINNING_SERVICE_FETCHING if waiting else ""
