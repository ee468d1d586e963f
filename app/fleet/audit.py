"""Who generated what on the generation server: one JSON line per job in `<data>/serve/audit.jsonl`.

Each line: time (UTC, ISO 8601), the token's name, the job key, the prompt, the model, the outcome ("finished",
"cancelled", "failed", "busy", "rate_limited", "replayed", …) and the seconds it took. Lines are appended whole with
one write each (O_APPEND), so several server processes may share the file; the file is owner-only. Tokens are never
written here, only their names.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import paths, safejson
from app.messages import Msg

FILE_NAME = "audit.jsonl"
MAX_PROMPT = 2000
AUDIT_LINE = Msg("json.what.fleet_audit_line", "A line of the generation server's audit log")


def default_path() -> Path:
    return paths.data_dir() / "serve" / FILE_NAME


class AuditLog:
    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._lock = threading.Lock()

    def record(
        self, token_name: str, job_key: str, outcome: str, *, prompt: str = "", model: str = "", seconds: float = 0.0
    ) -> dict[str, Any]:
        entry = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "token": token_name,
            "job_key": job_key,
            "prompt": prompt[:MAX_PROMPT],
            "model": model,
            "outcome": outcome,
            "seconds": round(float(seconds), 3),
        }
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)
        return entry

    def entries(self) -> list[dict[str, Any]]:
        """Every readable line, oldest first (a damaged line is skipped, not fatal)."""
        return self.read_from(0)[0]

    def end(self) -> int:
        """Where the log ends now: `read_from(end())` gives only what is written after this."""
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def read_from(self, offset: int) -> tuple[list[dict[str, Any]], int]:
        """The whole lines written from byte `offset` on, and the offset after the last of them: a line still being
        written is left for the next call. A log that got shorter (rotated, emptied) is read from its start. A
        long-running server's log grows to many megabytes, so `serve` follows it this way rather than re-reading
        it every second."""
        try:
            with open(self.path, "rb") as log_file:
                size = os.fstat(log_file.fileno()).st_size
                if offset > size:
                    offset = 0
                log_file.seek(offset)
                data = log_file.read(size - offset)
        except FileNotFoundError:
            return [], 0
        whole = data[: data.rfind(b"\n") + 1]
        found = []
        for raw in whole.splitlines():
            try:
                value = safejson.loads(raw, AUDIT_LINE())
            except safejson.BadJSON:
                continue
            if isinstance(value, dict):
                found.append(value)
        return found, offset + len(whole)
