"""One feed on which the core says what it changed, so every front end redraws only that.

Core operations publish a `Change` after the change is durable (the row committed, the file renamed into place);
views subscribe, through their view-models, and update what shows it. Nobody wires one workspace to another by
hand: the Library hears of a design the studio made the same way it hears of one the command line or a second
judge added.

Subscribers are called on the publishing thread, in the order changes were published, and must not block: a Qt
front end hands each change to its UI thread (ui/tasks.py `ChangeRelay`). A subscriber that raises is logged and
the others still hear of the change.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Literal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """Base of every change; `source` names who made it (e.g. "studio", "cli"), for a view to skip its own echo."""


@dataclass(frozen=True)
class DesignAdded(Change):
    design: object  # app.library.models.Design, as stored


@dataclass(frozen=True)
class DesignChanged(Change):
    design: object  # the design after the change (favourite, title, ...)
    fields: tuple[str, ...] = ()  # which fields changed; empty when unknown


@dataclass(frozen=True)
class DesignDeleted(Change):
    design_id: str


@dataclass(frozen=True)
class DesignRestored(Change):
    design: object  # a design removed earlier and brought back (Undo), as stored: it goes back to its place, not first


@dataclass(frozen=True)
class DescriptionSaved(Change):
    design_id: str
    language: str


@dataclass(frozen=True)
class TokenPublished(Change):
    """The token's files changed state on IPFS (queued, uploading, pinned, failed)."""

    metadata_cid: str
    state: str


@dataclass(frozen=True)
class TokenMinted(Change):
    record: object  # app.chain.mint_store.MintRecord (or what the chain service reports for a mint)


@dataclass(frozen=True)
class WalletChanged(Change):
    """Accounts, lock state or balances changed."""

    what: Literal["accounts", "lock", "balance", "activity"] = "accounts"


SettingsSection = Literal["theme", "data_dir", "generation", "describe", "publish", "chain"]  # Settings' fields


@dataclass(frozen=True)
class SettingsChanged(Change):
    sections: frozenset[str]  # which parts of the settings changed (SettingsSection values)
    settings: object = None  # app.config.Settings after the change


Subscriber = Callable[[Change], None]


class ChangeFeed:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: tuple[Subscriber, ...] = ()

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Hear of every change from now on; returns the call that stops it."""
        with self._lock:
            self._subscribers = (*self._subscribers, subscriber)
        return lambda: self.unsubscribe(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            self._subscribers = tuple(s for s in self._subscribers if s is not subscriber)

    def publish(self, change: Change) -> None:
        for subscriber in self._subscribers:  # a snapshot: subscribing while publishing is safe
            try:
                subscriber(change)
            except Exception:  # noqa: BLE001 - one broken view must not hide the change from the others
                log.exception("a subscriber failed on %s", type(change).__name__)


def settings_sections(before, after) -> frozenset[str]:
    """Which top-level parts of two Settings differ (dataclass fields compared by value)."""
    from dataclasses import fields

    changed = set()
    for f in fields(after):
        if getattr(before, f.name, None) != getattr(after, f.name):
            changed.add(f.name)
    return frozenset(changed)
