"""The app's publishing: one outbox in the data folder, sent to the services named in Settings.

Settings and the pinning token are read afresh on every run, so a change in Settings applies to the
next attempt, and jobs queued offline or before anything was set up go out once a service is reachable.

Whenever a token's files change state (queued, uploading, pinned, failed, waiting for the network), a TokenPublished
goes out on the change feed (app/changes.py), from the thread that moved them, after the outbox recorded it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

from app.changes import ChangeFeed, TokenPublished
from app.errors import UserFacingError
from app.messages import Msg
from app.secret_store import ApiKeyStore
from app.token import messages as msgs
from app.token.assemble import TokenDraft
from app.token.ipfs_clients import KuboClient, PinningClient, token_problem
from app.token.publish import JobRecord, Outbox
from app.token.publish_settings import PinningTokenStore, PublishSettings
from app.urls import check_service_url

log = logging.getLogger(__name__)

NOT_SET_UP_MSG = Msg("publish.not_set_up", "Set up an IPFS node or a pinning service in Settings to publish.")
NO_PINNING_TOKEN_MSG = Msg(
    "publish.no_pinning_token", "The pinning service needs its access token: add it in Settings."
)
NOT_SET_UP = NOT_SET_UP_MSG.template  # the English sentences, as callers before message ids know them
NO_PINNING_TOKEN = NO_PINNING_TOKEN_MSG.template
PENDING_STATES = ("local", "uploading", "pinning")


def outbox_path(data_dir: Path) -> Path:
    return Path(data_dir) / "publish" / "outbox.sqlite3"


def address_problem(settings: PublishSettings) -> str:
    """ "" when every address set is usable; else what is wrong with the first that is not, and where to fix it."""
    for url, what in ((settings.kubo_url, "IPFS node"), (settings.pinning_endpoint, "pinning service")):
        try:
            check_service_url(url, what)
        except ValueError as exc:
            return str(msgs.FIX_IN_SETTINGS(problem=exc.msg if isinstance(exc, UserFacingError) else str(exc)))
    return ""


class Publisher:
    def __init__(
        self,
        outbox: Outbox,
        settings: Callable[[], PublishSettings],
        tokens: ApiKeyStore | None = None,
        timeout_s: float = 30,
        changes: ChangeFeed | None = None,
    ) -> None:
        self.outbox = outbox
        self.changes = changes if changes is not None else ChangeFeed()
        self._settings = settings
        self.tokens = tokens or PinningTokenStore()
        self.timeout_s = timeout_s
        self._running = threading.Lock()  # one run at a time, whichever thread asks

    # --- setup ---

    def setup_problem(self) -> str:
        """ "" when publishing can run; else what to set up, in words. Reads the keyring: not on the UI thread."""
        settings = self._settings()
        if not settings.configured:
            return str(NOT_SET_UP_MSG())  # in the person's language (a setup problem is shown, not decided on)
        address = address_problem(settings)
        if address:
            return address
        if settings.pinning_endpoint:
            token = self.tokens.get().key
            if not token and not settings.kubo_url:
                return str(NO_PINNING_TOKEN_MSG())
            if token and token_problem(token):
                return token_problem(token)
        return ""

    def _clients(self) -> tuple[KuboClient | None, PinningClient | None]:
        settings = self._settings()
        if address_problem(settings):
            # Not an offline state: no attempt can succeed until Settings change, and setup_problem() says why.
            log.info("publishing skipped: %s", address_problem(settings))
            return None, None
        kubo = KuboClient(settings.kubo_url, self.timeout_s) if settings.kubo_url else None
        pinner = None
        if settings.pinning_endpoint:
            token = self.tokens.get().key
            if token and token_problem(token):
                log.info("pinning token unusable: skipped (setup_problem() says why)")
            elif token:
                pinner = PinningClient(settings.pinning_endpoint, token, self.timeout_s)
            else:
                log.info("pinning service set up without a token: skipped")
        return kubo, pinner

    # --- jobs ---

    def publish(self, draft: TokenDraft) -> JobRecord:
        """Queue the draft's image and metadata (idempotent: the job is named by the metadata CID)."""
        items = [
            ("image.png", draft.image_bytes, draft.image_cid, draft.profile),
            ("metadata.json", draft.metadata_bytes, draft.metadata_cid, draft.profile),
        ]
        before = self._states()
        return self._told(before, self.outbox.enqueue(draft.metadata_cid, items))

    def job_for(self, draft: TokenDraft) -> JobRecord | None:
        return self.outbox.job(draft.metadata_cid)

    def jobs(self) -> list[JobRecord]:
        return self.outbox.jobs()

    def retry(self, key: str) -> JobRecord | None:
        before = self._states()
        return self._told(before, self.outbox.retry(key))

    def pending(self) -> bool:
        return any(job.state in PENDING_STATES for job in self.outbox.jobs())

    def run_once(self) -> list[JobRecord]:
        """Move every waiting job forward with the services set up now; a no-op while another run is going."""
        if not self._running.acquire(blocking=False):
            return self.outbox.jobs()
        try:
            kubo, pinner = self._clients()
            if kubo is None and pinner is None:
                return self.outbox.jobs()
            before = self._states()
            return self._told(before, self.outbox.run_once(kubo, pinner))
        finally:
            self._running.release()

    def _states(self) -> dict[str, tuple[str, str]]:
        return {job.key: (job.state, job.error) for job in self.outbox.jobs()}

    def _told(self, before: dict[str, tuple[str, str]], result):
        """Publish a TokenPublished for every job whose state (or its reason) differs from `before`; returns
        `result` (one job, a list of them, or None) unchanged."""
        jobs = result if isinstance(result, list) else [result] if result is not None else []
        for job in jobs:
            if before.get(job.key) != (job.state, job.error):
                self.changes.publish(TokenPublished(job.key, job.state))
        return result

    def close(self, wait_s: float = 5.0) -> None:
        """Close the outbox, after the run in progress (if any) finishes or `wait_s` passes."""
        acquired = self._running.acquire(timeout=wait_s)
        try:
            self.outbox.close()
        finally:
            if acquired:
                self._running.release()
