"""The design-store contract (tests/app/store_contract.py) run against every implementation.

Today that is the SQLite library, twice: with SQLite's full-text index (the usual build) and without it (LIKE search,
as on a Python whose SQLite lacks FTS5). A PostgreSQL store joins by adding its factory to `FACTORIES`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.library import store as sqlite_store
from app.library.interface import DesignStore
from app.library.store import Library
from tests.app.store_contract import StoreContract
from tests.app.store_contract_removal import RemovalContract


class SQLiteFactory:
    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch, *, full_text: bool) -> None:
        self.folder = folder
        self.opened: list[Library] = []
        if not full_text:
            monkeypatch.setattr(sqlite_store, "_fts5_trigram_available", lambda: False)

    def new(self) -> DesignStore:
        library = Library.open(self.folder / f"store-{len(self.opened)}")
        self.opened.append(library)
        return library

    def read_only(self, store: DesignStore) -> DesignStore:
        # The handle a read-only data folder gets (store.py `_open_read_only`), without changing the folder's rights:
        # the tests of a really read-only folder are in test_library.py and test_migrations.py.
        assert isinstance(store, Library)
        reader = Library._open_read_only(
            store.data_dir, store.data_dir / sqlite_store.DB_NAME, "Cannot write to the folder.", None
        )
        self.opened.append(reader)
        return reader

    def close(self) -> None:
        for library in self.opened:
            library.close()


FACTORIES = {
    "sqlite": lambda tmp_path, monkeypatch: SQLiteFactory(tmp_path, monkeypatch, full_text=True),
    "sqlite-without-fts": lambda tmp_path, monkeypatch: SQLiteFactory(tmp_path, monkeypatch, full_text=False),
}


@pytest.fixture(params=list(FACTORIES), ids=list(FACTORIES))
def store_factory(request, tmp_path, monkeypatch):
    factory = FACTORIES[request.param](tmp_path, monkeypatch)
    yield factory
    factory.close()


class TestDesignStoreContract(StoreContract, RemovalContract):
    pass
