"""Other judges' work, reaching this screen within two seconds: the store's append-only audit log is read every second
on a worker (`audit_since(last seq)`), and each entry it names is announced once per poll.

Nothing is read on the UI thread, and a poll is never started while the one before is still out (a slow server
makes the polls slower, not more numerous).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.curation.interface import CurationStore
from app.curation.models import AuditEntry
from app.executors import Serial
from ui.tasks import deliver

POLL_MS = 1000
PAGE = 1000
ENTRY_ACTIONS = frozenset({"score", "verdict", "comment", "disqualify", "requalify"})
ROUND_ACTIONS = frozenset({"round.create", "round.close", "round.open", "round.state", "advance", "lock"})


def latest_seq(store: CurationStore) -> int:
    """The newest seq in the log (what this screen has seen at the start: older work is in its first reads)."""
    seq = 0
    while True:
        found = store.audit_since(seq, PAGE * 10)
        if not found:
            return seq
        seq = found[-1].seq


class LiveUpdates(QObject):
    sig_entries = Signal(object)  # list[AuditEntry]: the newest per (round, entry), oldest first
    sig_rounds = Signal()  # a round was made, closed, advanced or locked somewhere

    def __init__(self, store: CurationStore, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._store = store
        self._reads = Serial("disk")
        self._seq: int | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._poll)

    def start(self) -> None:
        if not self.timer.isActive():
            self.timer.start()
            self._poll()

    def stop(self) -> None:
        self.timer.stop()

    def _poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        store, seq = self._store, self._seq
        job = (lambda: ([], latest_seq(store))) if seq is None else (lambda: _since(store, seq))
        deliver(self._reads.submit(job), self._on_read, self._on_failed, self)

    def _on_read(self, read: tuple[list[AuditEntry], int]) -> None:
        self._busy = False
        found, self._seq = read
        newest: dict[tuple[int | None, int], AuditEntry] = {}
        rounds = False
        for entry in found:
            if entry.action in ENTRY_ACTIONS and entry.entry is not None:
                newest[(entry.round_id, entry.entry)] = entry
            elif entry.action in ROUND_ACTIONS:
                rounds = True
        if newest:
            self.sig_entries.emit(list(newest.values()))
        if rounds:
            self.sig_rounds.emit()

    def _on_failed(self, _exc: BaseException) -> None:
        self._busy = False  # a dropped connection: the store reconnects at the next poll


def _since(store: CurationStore, seq: int) -> tuple[list[AuditEntry], int]:
    found = store.audit_since(seq, PAGE)
    return found, (found[-1].seq if found else seq)
