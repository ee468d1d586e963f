"""Runs the publishing outbox off the UI thread: on demand, and again every little while while anything waits.

The view reads `job(key)`, `busy` and `setup_problem` after `sig_changed`. The outbox is read off the UI thread
(on the `disk` executor) once at start and then only when the publisher says a token's files changed state
(`TokenPublished` on its change feed), never on a timer; runs go out on the `network` executor.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app.changes import TokenPublished
from app.errors import UserFacingError
from app.token.assemble import TokenDraft
from app.token.publish import JobRecord
from app.token.publisher import Publisher
from ui.i18n import translate
from ui.tasks import ChangeRelay, run_in_background
from ui.token.publish_card import describe

log = logging.getLogger(__name__)


def stopped_words() -> str:
    return translate("publish_queue", "Publishing stopped because of an unexpected problem; it tries again later.")


RETRY_MS = 30_000  # while a job waits for the network or a pinning service, try again this often


class PublishQueue(QObject):
    sig_changed = Signal()

    def __init__(self, publisher: Publisher, parent: QObject | None = None, retry_ms: int = RETRY_MS) -> None:
        super().__init__(parent)
        self.publisher = publisher
        self.setup_problem = ""
        # The outbox itself failed (disk): its Message, or a callable saying it in the language in use; shown until the
        # next run succeeds.
        self.error: object = ""
        self.busy = False
        self._again = False
        self._stopped = False
        self._reading = False  # a read of the outbox is on its way
        self._read_again = False  # something changed while it was: read once more after it
        self._jobs: dict[str, JobRecord] = {}
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._on_retry_timer)
        self._relay = ChangeRelay(publisher.changes, self)
        self._relay.changed.connect(self._on_change)

    def start(self) -> None:
        """Pick up what earlier sessions left in the outbox (after the first paint)."""
        self._retry.start()
        self.kick()

    def stop(self) -> None:
        """At shutdown: no new runs; the one in flight finishes (Publisher.close waits for it)."""
        self._stopped = True
        self._retry.stop()
        self._relay.close()

    def job(self, key: str) -> JobRecord | None:
        return self._jobs.get(key)

    def state(self, key: str) -> str:
        """Where the token's files are, as the publish card names it: "local", "queued", …, "pinned" or "failed"."""
        return describe(self.job(key), self.busy, self.setup_problem)[0]

    def publish(self, draft: TokenDraft) -> None:
        if self._stopped:
            return
        self.busy = True
        self.sig_changed.emit()
        run_in_background(lambda: self.publisher.publish(draft), lambda _job: self._kick_now(), self._on_error, self)

    def retry(self, key: str) -> None:
        run_in_background(lambda: self.publisher.retry(key), lambda _job: self._kick_now(), self._on_error, self)

    def reload(self) -> None:
        """Read the outbox again (off the UI thread); reads asked for while one is on its way become one more."""
        if self._stopped:
            return
        if self._reading:
            self._read_again = True
            return
        self._reading, self._read_again = True, False
        run_in_background(self.publisher.jobs, self._on_read, self._on_read_failed, self)

    def kick(self) -> None:
        """Run the outbox now (or right after the run in flight)."""
        if self.busy:
            self._again = True
            return
        self._kick_now()

    def _kick_now(self) -> None:
        if self._stopped:
            return
        self.busy = True
        self._again = False
        self.sig_changed.emit()
        run_in_background(self._run, self._on_ran, self._on_error, self, executor="network")

    def _run(self) -> tuple[str, list[JobRecord]]:
        problem = self.publisher.setup_problem()  # reads the keyring: this is why it runs here
        return problem, self.publisher.run_once() if not problem else self.publisher.jobs()

    def _on_ran(self, result: tuple[str, list[JobRecord]]) -> None:
        self.setup_problem, jobs = result
        self.error = ""
        self._finish(jobs)

    def _on_error(self, error: BaseException) -> None:
        log.warning("publishing run failed: %s", error)
        self.error = error.msg if isinstance(error, UserFacingError) else stopped_words
        self._finish(None)

    def _finish(self, jobs: list[JobRecord] | None) -> None:
        if self._stopped:
            return
        self.busy = False
        if jobs is not None:
            self._jobs = {job.key: job for job in jobs}
        self.sig_changed.emit()
        if self._again:
            self.kick()

    def _on_change(self, change) -> None:
        if isinstance(change, TokenPublished):
            self.reload()

    def _on_read(self, jobs: list[JobRecord]) -> None:
        self._reading = False
        if self._stopped:
            return
        if self._read_again:
            self.reload()  # what it read may be older than the change announced meanwhile
            return
        self._jobs = {job.key: job for job in jobs}
        self.sig_changed.emit()

    def _on_read_failed(self, error: BaseException) -> None:
        self._reading = False
        log.info("reading the publishing outbox failed: %s", error)  # e.g. closed under us at shutdown
        if self._read_again:
            self.reload()

    def _on_retry_timer(self) -> None:
        if any(job.state in ("local", "pinning") for job in self._jobs.values()):
            self.kick()
