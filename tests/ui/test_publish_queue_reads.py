"""The publish queue reads the outbox off the UI thread, once at start and then only when the publisher says a token's
files changed: a token queued by another front end shows up without a timer re-reading the outbox, and a burst of
changes costs a read or two, not one per change (and none while nothing changes)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QTimer

from app.library.store import Library
from app.token.assemble import assemble_token
from app.token.publish import Outbox
from app.token.publish_settings import PublishSettings
from app.token.publisher import Publisher, outbox_path
from tests.fixtures.designs import add_plain_design
from ui.token.publish_queue import PublishQueue

WAIT_MS = 10_000


class CountingPublisher(Publisher):
    """The real publisher, remembering on which thread each read of the outbox ran."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.reads: list[str] = []

    def jobs(self):
        self.reads.append(threading.current_thread().name)
        return super().jobs()


@pytest.fixture
def setup(qtbot, tmp_path):
    library = Library.open(tmp_path / "data")
    publisher = CountingPublisher(Outbox(outbox_path(tmp_path / "data")), PublishSettings, timeout_s=5)
    owner = QObject()
    queue = PublishQueue(publisher, owner)
    queue.start()  # nothing is set up: the start's run reads what waits and stops there
    qtbot.waitUntil(lambda: not queue.busy, timeout=WAIT_MS)
    yield library, publisher, queue
    queue.stop()
    publisher.close()
    library.close()


def _drafts(library, count: int):
    return [assemble_token(library, add_plain_design(library, f"sm6 {i}", size=(32, 24))) for i in range(count)]


@pytest.mark.parametrize("burst", [1, 3, 12])
def test_a_token_queued_elsewhere_shows_up_read_off_the_ui_thread(qtbot, setup, burst):
    library, publisher, queue = setup
    drafts = _drafts(library, burst)
    publisher.reads.clear()
    changed = []
    queue.sig_changed.connect(lambda: changed.append(1))

    def elsewhere() -> None:  # another front end on the same publisher (e.g. a kiosk's second window)
        for draft in drafts:
            publisher.publish(draft)

    thread = threading.Thread(target=elsewhere, name="another-front-end")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: all(queue.job(d.metadata_cid) is not None for d in drafts), timeout=WAIT_MS)
    assert all(queue.state(d.metadata_cid) == "queued" for d in drafts) and changed
    assert publisher.reads and all(name.startswith("sm6-pool-disk") for name in publisher.reads)
    assert len(publisher.reads) <= min(burst, 2) + 1  # coalesced: a read on its way absorbs the changes behind it


def test_nothing_is_read_while_nothing_changes(qtbot, setup):
    _library, publisher, queue = setup
    publisher.reads.clear()
    assert [t for t in queue.findChildren(QTimer) if t.isActive() and t.interval() < 10_000] == []
    qtbot.wait(1_000)  # longer than the old re-read interval (400 ms), twice over
    assert publisher.reads == []
