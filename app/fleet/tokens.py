"""The generation server's kiosk tokens: issued, listed and revoked by staff (`sm6-studio serve tokens …`).

A token is shown once, when it is issued; the file keeps only its sha256, with the name staff gave it (a kiosk, a
dealership) and when it was made. The file is owner-only and written whole by rename; the server re-reads it when
its modification time changes, so a revocation applies to the next request without a restart.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import os
import re
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from app import paths, safejson
from app.errors import InputError, UserFacingError
from app.fsutil import atomic_write_text
from app.messages import Msg

log = logging.getLogger(__name__)

FILE_NAME = "tokens.json"
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ -]{0,63}")
DIGEST_PATTERN = re.compile(r"[0-9a-f]{64}")  # sha256, as _digest writes it

TOKEN_FILE = Msg("json.what.fleet_tokens", "The generation server's token file")
BAD_NAME = Msg(
    "serve.token_bad_name",
    "A token's name is 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.",
)
NAME_TAKEN = Msg("serve.token_name_taken", "A token named {name} exists already. Choose another name.")
NO_SUCH_TOKEN = Msg("serve.token_unknown", "There is no token named {name}.")
UNAUTHORIZED = Msg("serve.unauthorized", "This token is not known to the generation server.")
REVOKED = Msg("serve.revoked", "This token was revoked. Ask staff for a new one.")


class Unauthorized(UserFacingError):
    """No token, or one the server never issued."""


class Revoked(UserFacingError):
    """A token staff revoked; `name` says whose."""

    def __init__(self, name: str) -> None:
        super().__init__(REVOKED())
        self.name = name


@dataclass(frozen=True)
class TokenInfo:
    name: str
    created: float
    revoked: float | None = None  # when it was revoked; None while it is valid

    @property
    def valid(self) -> bool:
        return self.revoked is None


def default_path() -> Path:
    return paths.data_dir() / "serve" / FILE_NAME


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _entry(digest: object, e: object) -> dict | None:
    """A stored token as the server uses it, or None for one it never wrote (a hand edit, a damaged file)."""
    if not (isinstance(digest, str) and DIGEST_PATTERN.fullmatch(digest) and isinstance(e, dict)):
        return None
    name, created, revoked = e.get("name"), e.get("created"), e.get("revoked")
    if not isinstance(name, str) or not isinstance(created, (int, float)):
        return None
    try:
        created = float(created)
    except OverflowError:  # an integer past float range
        return None
    if not math.isfinite(created):
        return None
    return {"name": name, "created": created, "revoked": revoked}


class TokenStore:
    """Tokens in one JSON file. Safe to use from several threads; several processes may read it while one writes."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._lock = threading.Lock()
        self._seen: tuple[int, int] | None = None  # (mtime_ns, size) of what _entries holds
        self._entries: dict[str, dict] = {}  # sha256 -> {"name", "created", "revoked"}

    # ----- staff -----
    def issue(self, name: str) -> str:
        """A new token for `name`, returned this once (only its hash is kept)."""
        name = name.strip()
        if not NAME_PATTERN.fullmatch(name):
            raise InputError(BAD_NAME())
        with self._lock:
            entries = self._read()
            if any(entry["name"] == name and entry.get("revoked") is None for entry in entries.values()):
                raise InputError(NAME_TAKEN(name=name))
            token = secrets.token_urlsafe(32)
            entries[_digest(token)] = {"name": name, "created": time.time(), "revoked": None}
            self._write(entries)
        return token

    def list(self) -> list[TokenInfo]:
        with self._lock:
            entries = self._read()
        infos = [TokenInfo(e["name"], e["created"], e.get("revoked")) for e in entries.values()]
        return sorted(infos, key=lambda info: (info.name.casefold(), info.created))

    def revoke(self, name: str) -> None:
        with self._lock:
            entries = self._read()
            hits = [e for e in entries.values() if e["name"] == name.strip() and e.get("revoked") is None]
            if not hits:
                raise InputError(NO_SUCH_TOKEN(name=name.strip()))
            for entry in hits:
                entry["revoked"] = time.time()
            self._write(entries)

    # ----- the server -----
    def check(self, token: str | None) -> str:
        """The name of the token, or Unauthorized / Revoked. Compares hashes in constant time."""
        if not token:
            raise Unauthorized(UNAUTHORIZED())
        digest = _digest(token)
        with self._lock:
            entries = self._read()
        for known, entry in entries.items():
            if hmac.compare_digest(known, digest):
                if entry.get("revoked") is not None:
                    raise Revoked(entry["name"])
                return entry["name"]
        raise Unauthorized(UNAUTHORIZED())

    # ----- the file -----
    def _read(self) -> dict[str, dict]:
        """The entries, re-read only when the file changed (another process issued or revoked a token)."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            self._seen, self._entries = None, {}
            return {}
        key = (stat.st_mtime_ns, stat.st_size)
        if key != self._seen:
            data = safejson.load_object(self.path, TOKEN_FILE())
            tokens = data.get("tokens", {})
            self._entries = {}
            for digest, e in tokens.items() if isinstance(tokens, dict) else ():
                entry = _entry(digest, e)
                if entry is None:
                    log.warning("%s: a token entry that is not one this server wrote was left out", self.path)
                else:
                    self._entries[digest] = entry
            self._seen = key
        return {digest: dict(entry) for digest, entry in self._entries.items()}

    def _write(self, entries: dict[str, dict]) -> None:
        import json

        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(self.path.parent, 0o700)
        except OSError:
            pass
        atomic_write_text(self.path, json.dumps({"version": 1, "tokens": entries}, indent=1, sort_keys=True))
        os.chmod(self.path, 0o600)  # mkstemp already makes it owner-only; said again for a file copied in by hand
        self._seen = None
