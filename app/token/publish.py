"""Publishing a token's bytes: an outbox that waits for the network, in front of the IPFS clients (ipfs_clients.py).

The CIDs in a token are computed locally (`app.token.cid`) before anything is uploaded, so publishing
is a check as much as an upload: `KuboClient.add` sends the import settings that reproduce the local
profile, and the `Outbox` refuses to call a job "pinned" unless the node answered with the very CID
the metadata already references. Offline, jobs simply stay "local" and go out on a later `run_once`.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Protocol

from app.fsutil import atomic_write_bytes
from app.messages import Message, Msg, to_json
from app.sqlite_db import add_missing_columns, immediate, migrate, open_durable, run_script
from app.stored_reasons import from_stored
from app.token import messages as msgs
from app.token import outbox_storage
from app.token.cid import CidProfile, cid_from_str, file_cid
from app.token.ipfs_clients import (
    PublishError,
    ServiceUnreachableError,
    profile_name,
    profile_named,
)

log = logging.getLogger(__name__)

# A job's reason is stored as a message id with its parameters (app.messages.to_json); code decides on the id.
WAITING_FOR_NETWORK_MSG = Msg("token.publish_waiting_for_network", "waiting for the network")
PINNING_SERVICE_FETCHING_MSG = Msg("token.publish_pinning_fetching", "the pinning service is fetching the files")
ITEM_FAILED = Msg("token.publish_item_failed", "{name}: {reason}")
# The English words (what `JobRecord.error` holds for these reasons). Outboxes written before reasons had ids hold
# exactly these sentences in `jobs.error`: `_LEGACY_REASONS` maps them back to their ids.
WAITING_FOR_NETWORK = WAITING_FOR_NETWORK_MSG.template
PINNING_SERVICE_FETCHING = PINNING_SERVICE_FETCHING_MSG.template
_LEGACY_REASONS = {WAITING_FOR_NETWORK: WAITING_FOR_NETWORK_MSG, PINNING_SERVICE_FETCHING: PINNING_SERVICE_FETCHING_MSG}
NO_REASON = from_stored("")
NOTHING_CONFIGURED = "no IPFS node or pinning service is set up"
# "pinning": uploaded where needed, waiting for a pinning service to fetch and pin the CIDs.
JOB_STATES = ("local", "uploading", "pinning", "pinned", "failed")


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
    error: str  # `reason` in English ("" when none), for logs and change detection; never decided on
    items: tuple[ItemRecord, ...]
    created_at: float
    updated_at: float
    # Why the job is where it is: WAITING_FOR_NETWORK_MSG while offline, PINNING_SERVICE_FETCHING_MSG while a service
    # works, the failure when failed; shown with str() (the person's language), decided on by `.id`.
    reason: Message = field(default=NO_REASON)

    @property
    def waiting_for_network(self) -> bool:
        return self.reason.id == WAITING_FOR_NETWORK_MSG.id

    @property
    def pinning_service_fetching(self) -> bool:
        return self.reason.id == PINNING_SERVICE_FETCHING_MSG.id


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


def _v1(conn: sqlite3.Connection) -> None:
    """The tables. Outboxes from before the schema had a version are version 0 with the tables already there: they
    get only the columns they lack."""
    run_script(conn, _SCHEMA)
    for table in sorted({table for table, _, _ in _ADDED_COLUMNS}):
        add_missing_columns(
            conn, table, [(column, definition) for t, column, definition in _ADDED_COLUMNS if t == table]
        )


def _v2_foreign_keys(conn: sqlite3.Connection) -> None:
    """Foreign keys are enforced from now on. An item whose job is gone (written while they were off) can never be
    shown or published, since every read starts from a job: it goes. Its bytes stay in the blobs folder, by CID."""
    removed = conn.execute("DELETE FROM items WHERE job_seq NOT IN (SELECT seq FROM jobs)").rowcount
    if removed:
        log.warning("removed %d publishing item(s) whose job no longer exists", removed)


# Step N makes schema version N (app.sqlite_db.migrate); a read-only outbox is never migrated.
_MIGRATIONS = [_v1, _v2_foreign_keys]
SCHEMA_VERSION = len(_MIGRATIONS)


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
    One process owns an outbox at a time (the app's data folder). In a folder the app may not change it opens
    read-only (`read_only`): jobs are shown, and anything that would write is refused with `read_only_reason`.
    """

    def __init__(self, db_path: Path, *, read_only: bool | None = None) -> None:
        """`read_only`: None decides from the folder; True forces it (the rest of the data folder is read-only)."""
        self.db_path = Path(db_path)
        self.blobs_dir = self.db_path.parent / f"{self.db_path.stem}-blobs"
        self._lock = threading.RLock()
        self._read_only_details = "" if read_only is False else outbox_storage.writable_problem(self.db_path)
        if read_only and not self._read_only_details:
            self._read_only_details = msgs.OUTBOX_FOLDER_READ_ONLY().english()
        self._conn: sqlite3.Connection | None = None
        if self._read_only_details:
            self._conn = outbox_storage.connect_read_only(self.db_path, _ADDED_COLUMNS, SCHEMA_VERSION)
            return
        conn = None
        try:
            self.blobs_dir.mkdir(parents=True, exist_ok=True)
            conn = open_durable(self.db_path, newest=len(_MIGRATIONS), store=outbox_storage.STORE)
            migrate(conn, _MIGRATIONS, store=outbox_storage.STORE, file=self.db_path)
            with immediate(conn):
                conn.execute(
                    "UPDATE jobs SET state = 'local', error = '', updated_at = ? WHERE state = 'uploading'",
                    (time.time(),),
                )
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if not isinstance(exc, (OSError, sqlite3.Error)):
                raise  # a StorageFailure (made by a newer app) is in words already
            raise outbox_storage.failure(exc, msgs.OUTBOX_CANNOT_BE_OPENED(), self.db_path) from exc
        self._conn = conn

    @property
    def read_only(self) -> bool:
        return bool(self._read_only_details)

    @property
    def read_only_reason(self) -> str:
        """Why nothing can be queued, in words; "" when the outbox can be written."""
        return outbox_storage.read_only_reason(self.db_path) if self.read_only else ""

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

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, refused in read-only mode; a failure says why in words (storage_errors)."""
        if self.read_only:
            raise outbox_storage.refuse(self.db_path, self._read_only_details)
        with self._lock:
            conn = self._connection()
            try:
                with immediate(conn):
                    yield conn
            except sqlite3.Error as exc:
                raise outbox_storage.failure(exc, msgs.OUTBOX_NOT_UPDATED(), self.db_path) from exc

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
        if self.read_only:
            raise outbox_storage.refuse(self.db_path, self._read_only_details)
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
                    failed = msgs.FILE_NOT_SAVED(name=name)
                    raise outbox_storage.failure(exc, failed, blob) from exc
            rows.append((idx, name, cid, profile_name(profile), len(data)))
        now = time.time()
        with self._write() as conn:
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
        with self._write() as conn:
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
        if self._conn is None and self.read_only:
            return []  # a read-only folder with no outbox file: nothing was ever queued
        with self._lock:
            conn = self._connection()
            try:
                job_rows = conn.execute("SELECT seq, key, state, error, created_at, updated_at FROM jobs ORDER BY seq")
                job_rows = job_rows.fetchall()
                item_rows = conn.execute(
                    "SELECT job_seq, name, cid, profile, size, uploaded, pin_request, pin_status FROM items "
                    "ORDER BY job_seq, idx"
                ).fetchall()
            except sqlite3.Error as exc:
                raise outbox_storage.failure(exc, msgs.OUTBOX_CANNOT_BE_READ(), self.db_path) from exc
        try:
            outbox_storage.check_rows(job_rows, item_rows, JOB_STATES)
        except ValueError as exc:
            raise outbox_storage.damaged(self.db_path, str(exc)) from exc
        items: dict[int, list[ItemRecord]] = {}
        for seq, name, cid, profile, size, uploaded, pin_request, pin_status in item_rows:
            record = ItemRecord(name, cid, profile, size, bool(uploaded), pin_request, pin_status)
            items.setdefault(seq, []).append(record)
        jobs = []
        for seq, key, state, stored, created, updated in job_rows:
            reason = from_stored(stored, _LEGACY_REASONS)
            jobs.append(JobRecord(key, state, reason.english(), tuple(items.get(seq, ())), created, updated, reason))
        return jobs

    def job(self, key: str) -> JobRecord | None:
        return next((job for job in self.jobs() if job.key == key), None)

    # --- publishing ---

    def _set(self, key: str, state: str, reason: Message | None = None) -> None:
        stored = to_json(reason) if reason is not None else ""
        with self._write() as conn:
            conn.execute(
                "UPDATE jobs SET state = ?, error = ?, updated_at = ? WHERE key = ?",
                (state, stored, time.time(), key),
            )

    def _update_item(self, key: str, idx: int, **values: object) -> None:
        columns = ", ".join(f"{name} = ?" for name in values)  # names come from this module only
        with self._write() as conn:
            conn.execute(
                f"UPDATE items SET {columns} WHERE idx = ? AND job_seq = (SELECT seq FROM jobs WHERE key = ?)",
                (*values.values(), idx, key),
            )

    def run_once(self, client: Uploader | None = None, pinner: Pinner | None = None) -> list[JobRecord]:
        """Move every waiting job forward; returns every job afterwards.

        With `client` (a Kubo node) each item is uploaded and the node's CID checked against ours. With
        `pinner` (a pinning service) each CID is then pinned by request; a job whose pins are still queued
        stays "pinning" and is asked about again on the next run. Offline (a service cannot be reached) the
        job keeps its place with WAITING_FOR_NETWORK_MSG and the rest wait too. A service that computes another
        CID, refuses the file or answers nonsense fails the job with the reason; `retry` queues it again.
        """
        if client is None and pinner is None:
            raise ValueError("publishing needs an IPFS node, a pinning service, or both")
        if self.read_only:  # nothing can move: its progress could not be recorded
            return self.jobs()
        origins: list[str] | None = None
        for job in self.jobs():
            if job.state not in ("local", "pinning"):
                continue
            self._set(job.key, "uploading")
            try:
                reason = self._upload(job, client) if client is not None else None
                if reason is None and pinner is not None:
                    if origins is None and client is not None and hasattr(client, "addresses"):
                        origins = client.addresses()
                    reason = self._pin(self.job(job.key) or job, pinner, origins or [])
            except ServiceUnreachableError:
                self._set(job.key, job.state, WAITING_FOR_NETWORK_MSG())
                break  # nothing else will get through either; the next run tries again
            except BaseException:
                self._set(job.key, job.state)  # interrupted: resumable, not failed
                raise
            if reason is not None and reason.id == PINNING_SERVICE_FETCHING_MSG.id:
                self._set(job.key, "pinning", reason)
            elif reason is not None:
                self._set(job.key, "failed", reason)
            else:
                self._set(job.key, "pinned")
        return self.jobs()

    def _upload(self, job: JobRecord, client: Uploader) -> Message | None:
        """Upload the job's remaining items; returns None on success, else the reason it failed."""
        for idx, item in enumerate(job.items):
            if item.uploaded:
                continue
            try:
                data = self._blob_path(item.cid).read_bytes()
            except OSError:
                return msgs.BLOB_MISSING(name=item.name, blobs_dir=self.blobs_dir)
            try:
                returned = client.add(data, profile_named(item.profile), item.name)
            except ServiceUnreachableError:
                raise
            except PublishError as exc:
                return ITEM_FAILED(name=item.name, reason=exc.msg)
            if not _same_cid(returned, item.cid):
                return msgs.CID_MISMATCH(name=item.name, returned=returned, cid=item.cid, profile=item.profile)
            self._update_item(job.key, idx, uploaded=1)
        return None

    def _pin(self, job: JobRecord, pinner: Pinner, origins: list[str]) -> Message | None:
        """Ask for (or ask after) a pin of every item; None when all are pinned, PINNING_SERVICE_FETCHING_MSG while
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
                return ITEM_FAILED(name=item.name, reason=exc.msg)
            self._update_item(job.key, idx, pin_status=status)
            if status == "failed":
                return msgs.PIN_FAILED(name=item.name, cid=item.cid)
            waiting = waiting or status != "pinned"
        return PINNING_SERVICE_FETCHING_MSG() if waiting else None
