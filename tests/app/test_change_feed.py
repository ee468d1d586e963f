"""The core's change feed: each operation publishes exactly what it changed, once it is durable, in order, from the
thread that wrote it; a failed write publishes nothing; a subscriber that raises does not silence the others."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from app.chain.service import ChainService
from app.chain.settings import ChainSettings
from app.changes import (
    ChangeFeed,
    DescriptionSaved,
    DesignAdded,
    DesignChanged,
    DesignDeleted,
    SettingsChanged,
    TokenMinted,
    TokenPublished,
    WalletChanged,
)
from app.config import Settings, load_settings
from app.library.models import NewDesign
from app.library.store import Library
from app.token.assemble import assemble_token
from app.token.publish import Outbox
from app.token.publish_settings import PublishSettings
from app.token.publisher import Publisher, outbox_path
from tests.app.storage_conditions import make_read_only, shared_folder, unprivileged
from tests.fixtures.designs import add_plain_design, plain_new_design

FAST_N = 2**12  # real scrypt, cheap enough for a test
PASSWORD = "harbour lights over busan"


class Heard:
    """Every change a subscriber heard, with the thread it heard it on and what the library said at that moment."""

    def __init__(self, feed: ChangeFeed, library: Library | None = None) -> None:
        self.changes: list = []
        self.threads: list[int] = []
        self.visible: list[bool] = []  # for design changes: the library already shows the change when told
        self._library = library
        feed.subscribe(self._on)

    def _on(self, change) -> None:
        self.changes.append(change)
        self.threads.append(threading.get_ident())
        if self._library is not None and isinstance(change, (DesignAdded, DesignChanged)):
            stored = self._library.get(change.design.id)
            self.visible.append(stored is not None and stored.favourite == change.design.favourite)
        elif self._library is not None and isinstance(change, DesignDeleted):
            self.visible.append(self._library.get(change.design_id) is None)

    def kinds(self) -> list[str]:
        return [type(c).__name__ for c in self.changes]


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "data")
    try:
        yield lib
    finally:
        lib.close()


def _new(prompt: str = "pearl white", colour: tuple[int, int, int] = (200, 30, 40)) -> NewDesign:
    return plain_new_design(prompt, colour=colour)


# --- the library ------------------------------------------------------------------------------------------------


def test_library_writes_publish_what_changed_after_commit_in_order_from_the_writing_thread(library):
    heard = Heard(library.changes, library)
    first = add_plain_design(library, "first")
    batch = library.add_many([_new("second"), _new("third", (10, 200, 30))])
    starred = library.set_favourite(first.id, True)
    library.save_description(first.id, "en", "A pearl white SM6.")
    done = threading.Event()

    def elsewhere():
        library.delete(batch[0].id)
        done.set()

    worker = threading.Thread(target=elsewhere, name="test-writer")
    worker.start()
    worker.join(10)
    assert done.is_set()

    assert heard.kinds() == [
        "DesignAdded", "DesignAdded", "DesignAdded", "DesignChanged", "DescriptionSaved", "DesignDeleted"
    ]  # fmt: skip
    assert [c.design.id for c in heard.changes[:3]] == [first.id, *(d.id for d in batch)]
    changed = heard.changes[3]
    assert changed.design == starred and changed.design.favourite and changed.fields == ("favourite",)
    assert heard.changes[4] == DescriptionSaved(first.id, "en")
    assert heard.changes[5] == DesignDeleted(batch[0].id)
    assert all(heard.visible), "a subscriber reading the library when told must find the change there"
    main = threading.get_ident()
    assert heard.threads[:-1] == [main] * 5 and heard.threads[-1] == worker.ident


def _png_that_is_not_one(library):
    bad = replace(_new(), png=b"not a png at all")
    return lambda: library.add(bad)


@pytest.mark.parametrize(
    "failing_write",
    [
        pytest.param(_png_that_is_not_one, id="add-a-file-that-is-no-png"),
        pytest.param(lambda lib: lambda: lib.set_favourite("no-such-design", True), id="star-a-missing-design"),
        pytest.param(lambda lib: lambda: lib.delete("no-such-design"), id="delete-a-missing-design"),
        pytest.param(lambda lib: lambda: lib.save_description("no-such-design", "en", "words"), id="describe-missing"),
        pytest.param(lambda lib: lambda: lib.save_description("x", "fr", "words"), id="describe-unknown-language"),
    ],
)
def test_a_write_that_fails_publishes_nothing(library, failing_write):
    add_plain_design(library)
    write = failing_write(library)
    heard = Heard(library.changes)
    with pytest.raises((ValueError, KeyError)):
        write()
    assert heard.changes == []


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda lib, d: lib.add(_new()), id="add"),
        pytest.param(lambda lib, d: lib.set_favourite(d.id, True), id="favourite"),
        pytest.param(lambda lib, d: lib.delete(d.id), id="delete"),
        pytest.param(lambda lib, d: lib.save_description(d.id, "en", "words"), id="describe"),
    ],
)
def test_a_read_only_library_refuses_every_write_and_publishes_nothing(write):
    from app.errors import StorageError

    with shared_folder("sm6-feed-") as base:
        data = base / "data"
        with Library.open(data) as writable:
            design = add_plain_design(writable)
        make_read_only(data)
        with unprivileged(), Library.open(data) as read_only:
            assert read_only.is_read_only
            heard = Heard(read_only.changes)
            with pytest.raises(StorageError):
                write(read_only, design)
            assert heard.changes == []


def test_two_handles_on_one_folder_tell_one_feed(tmp_path):
    feed = ChangeFeed()
    with Library.open(tmp_path / "data", feed) as window, Library.open(tmp_path / "data", feed) as other:
        heard = Heard(feed, window)
        made = add_plain_design(other)  # as a second front end on the same folder would
        assert heard.changes == [DesignAdded(made)] and heard.visible == [True]


def test_deleting_a_design_takes_its_descriptions_and_its_picture_unless_another_design_shows_it(library):
    twin_a = add_plain_design(library, "twin a")
    twin_b = add_plain_design(library, "twin b")  # the same pixels: one file for both
    assert twin_a.image_sha256 == twin_b.image_sha256
    library.save_description(twin_a.id, "ko", "진주색 SM6")
    library.delete(twin_a.id)
    assert library.get(twin_a.id) is None and library.descriptions(twin_a.id) == {}
    assert library.image_path(twin_b.image_sha256).is_file()
    library.delete(twin_b.id)
    assert not library.image_path(twin_b.image_sha256).exists()


def test_a_raising_subscriber_does_not_stop_the_others(library, caplog):
    heard_before, heard_after = [], []
    library.changes.subscribe(heard_before.append)
    library.changes.subscribe(lambda change: 1 / 0)
    library.changes.subscribe(heard_after.append)
    design = add_plain_design(library)
    library.set_favourite(design.id, True)
    assert [type(c) for c in heard_before] == [DesignAdded, DesignChanged] == [type(c) for c in heard_after]
    assert "a subscriber failed" in caplog.text


# --- settings ---------------------------------------------------------------------------------------------------


def _services_like(tmp_path):
    from app.services import Services

    return Services(Settings(), library=None, registry=None, backend=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("edit", "sections"),
    [
        (lambda s: replace(s, theme="light"), {"theme"}),
        (lambda s: replace(s, describe=replace(s.describe, char_limit=500)), {"describe"}),
        (lambda s: replace(s, theme="dark", chain=replace(s.chain, network="kairos")), {"theme", "chain"}),
        (lambda s: replace(s, publish=PublishSettings(kubo_url="http://127.0.0.1:5001")), {"publish"}),
    ],
)
def test_saving_settings_writes_the_file_then_says_which_parts_changed(tmp_path, edit, sections):
    services = _services_like(tmp_path)
    heard = Heard(services.changes)
    new = edit(services.settings)
    path = tmp_path / "config" / "settings.toml"
    assert services.save_settings(new, path) == sections
    assert load_settings(path) == new and services.settings is new
    assert heard.changes == [SettingsChanged(frozenset(sections), new)]


def test_saving_the_same_settings_again_publishes_nothing(tmp_path):
    services = _services_like(tmp_path)
    heard = Heard(services.changes)
    assert services.save_settings(replace(services.settings), tmp_path / "settings.toml") == frozenset()
    assert heard.changes == []


def test_settings_that_cannot_be_written_publish_nothing_and_stay_as_they_were(tmp_path):
    services = _services_like(tmp_path)
    before = services.settings
    heard = Heard(services.changes)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder belongs")
    with pytest.raises(OSError):
        services.save_settings(replace(before, theme="light"), blocker / "settings.toml")
    assert heard.changes == [] and services.settings is before


# --- publishing and the chain ----------------------------------------------------------------------------------


def test_the_publisher_says_when_a_tokens_files_change_state(tmp_path, library, kubo_node):
    design = add_plain_design(library)
    library.save_description(design.id, "en", "A pearl white SM6 under Busan's harbour lights.")
    draft = assemble_token(library, design, language="en")
    settings = PublishSettings()
    publisher = Publisher(Outbox(outbox_path(tmp_path / "data")), lambda: settings, timeout_s=5)
    heard = Heard(publisher.changes)
    try:
        publisher.publish(draft)
        publisher.publish(draft)  # queued already: nothing changed
        publisher.run_once()  # nothing set up: it stays local
        assert heard.changes == [TokenPublished(draft.metadata_cid, "local")]
        settings = PublishSettings(kubo_url=kubo_node.base_url)
        publisher.run_once()
        assert heard.changes[-1] == TokenPublished(draft.metadata_cid, "pinned") and len(heard.changes) == 2
    finally:
        publisher.close()


def test_the_chain_service_says_when_the_wallet_changes_and_when_a_mint_is_recorded(tmp_path, library):
    design = add_plain_design(library)
    library.save_description(design.id, "en", "A pearl white SM6 under Busan's harbour lights.")
    draft = assemble_token(library, design, language="en")
    service = ChainService(tmp_path / "data", lambda: ChainSettings())
    heard = Heard(service.changes)
    try:
        service.store.kdf_n = FAST_N
        address = service.create_account("Prizes", PASSWORD).result(60).address
        service.unlock(address, PASSWORD).result(60)
        service.faucet(address).result(120)
        assert heard.changes == [WalletChanged("accounts"), WalletChanged("lock"), WalletChanged("balance")]
        assert threading.get_ident() not in heard.threads  # told from the chain's worker, where the change was made
        record = service.confirm(service.quote_mint(draft, address).result(60)).result(120)
        assert record.state == "minted"
        minted = [c for c in heard.changes if isinstance(c, TokenMinted)]
        assert len(minted) == 1 and minted[0].record.id == record.id and minted[0].record.token_id == record.token_id
        assert heard.changes[-1] == WalletChanged("activity")
        service.reconcile().result(60)  # nothing left to settle: nothing to say
        assert len([c for c in heard.changes if isinstance(c, TokenMinted)]) == 1
    finally:
        service.close()
